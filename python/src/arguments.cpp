#include "arguments.hpp"

#include <alueverkko/data/model.hpp>

#include <pybind11/stl.h>

#include <algorithm>

namespace py = pybind11;

namespace alueverkko::python {
namespace {

// Enum values from their CSV spellings, with the allowed values in the error.
template <class Enum, class Parse>
std::vector<Enum> parse_all(const std::vector<std::string>& texts, Parse parse, std::span<const Enum> all, const char* what) {
  std::vector<Enum> values;
  for (const auto& text : texts) {
    const auto value = parse(text);
    if (!value) {
      std::string allowed;
      for (const Enum e : all) allowed += (allowed.empty() ? "" : ", ") + std::string(to_string(e));
      throw py::value_error("unknown " + std::string(what) + " '" + text + "' (expected one of: " + allowed + ")");
    }
    values.push_back(*value);
  }
  return values;
}

std::optional<PartialDate> date_of(const std::optional<std::string>& text) {
  if (!text) return std::nullopt;
  const auto date = parse_partial_date(*text);
  if (!date) throw py::value_error("date '" + *text + "' is not YYYY or YYYY-MM-DD");
  return date;
}

}  // namespace

ActorLevel level_of(const std::string& text) {
  for (const auto level : {ActorLevel::actor, ActorLevel::municipality, ActorLevel::subregion, ActorLevel::region, ActorLevel::country})
    if (to_string(level) == text) return level;
  throw py::value_error("unknown level '" + text + "' (expected actor, municipality, subregion, region or country)");
}

MembershipFilter filter_of(const py::kwargs& kw) {
  MembershipFilter f;
  const auto strings = [&](const char* key) {
    return kw.contains(key) && !kw[key].is_none() ? kw[key].cast<std::vector<std::string>>() : std::vector<std::string>{};
  };
  for (const auto& [key, value] : kw) {
    const auto name = key.cast<std::string>();
    static const std::vector<std::string> known{"status", "role", "track", "network_kind", "actor_kind", "theme", "start", "end"};
    if (std::find(known.begin(), known.end(), name) == known.end())
      throw py::type_error("unknown filter '" + name + "' (expected status, role, track, network_kind, actor_kind, theme, start, end)");
  }
  f.statuses = parse_all(strings("status"), parse_membership_status, all_membership_statuses(), "status");
  f.roles = parse_all(strings("role"), parse_membership_role, all_membership_roles(), "role");
  f.tracks = parse_all(strings("track"), parse_track, all_tracks(), "track");
  f.network_kinds = parse_all(strings("network_kind"), parse_network_kind, all_network_kinds(), "network kind");
  f.actor_kinds = parse_all(strings("actor_kind"), parse_actor_kind, all_actor_kinds(), "actor kind");
  f.themes = strings("theme");
  f.from = date_of(kw.contains("start") && !kw["start"].is_none() ? std::optional(kw["start"].cast<std::string>()) : std::nullopt);
  f.to = date_of(kw.contains("end") && !kw["end"].is_none() ? std::optional(kw["end"].cast<std::string>()) : std::nullopt);
  return f;
}

}  // namespace alueverkko::python
