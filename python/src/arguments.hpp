#pragma once
// Argument conversions shared by several binding files.
#include <alueverkko/graph/aggregation.hpp>
#include <alueverkko/graph/membership_filter.hpp>

#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>

#include <cstdint>
#include <string>
#include <optional>
#include <span>

namespace alueverkko::python {

// Membership flags (select_memberships) as given from Python: any array convertible to uint8.
using Flags = pybind11::array_t<std::uint8_t, pybind11::array::c_style | pybind11::array::forcecast>;

inline std::span<const std::uint8_t> flags_of(const std::optional<Flags>& active) {
  if (!active) return {};
  return {active->data(), static_cast<std::size_t>(active->size())};
}

// "actor", "municipality", "subregion", "region" or "country"; ValueError otherwise.
ActorLevel level_of(const std::string& text);

// A membership filter from keyword arguments: status=, role=, track=, network_kind=, actor_kind=
// (lists of CSV spellings), theme= (words), start=/end= ('YYYY' or 'YYYY-MM-DD'). Unknown keywords
// raise TypeError, unknown values ValueError naming the allowed ones.
MembershipFilter filter_of(const pybind11::kwargs& kw);

}  // namespace alueverkko::python
