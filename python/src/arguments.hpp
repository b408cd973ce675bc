#pragma once
// Argument conversions shared by several binding files.
#include <pybind11/numpy.h>

#include <cstdint>
#include <optional>
#include <span>

namespace alueverkko::python {

// Membership flags (select_memberships) as given from Python: any array convertible to uint8.
using Flags = pybind11::array_t<std::uint8_t, pybind11::array::c_style | pybind11::array::forcecast>;

inline std::span<const std::uint8_t> flags_of(const std::optional<Flags>& active) {
  if (!active) return {};
  return {active->data(), static_cast<std::size_t>(active->size())};
}

}  // namespace alueverkko::python
