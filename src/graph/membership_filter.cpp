#include <alueverkko/data/dataset.hpp>
#include <alueverkko/data/name_key.hpp>
#include <alueverkko/graph/membership_filter.hpp>

#include <algorithm>

namespace alueverkko {
namespace {

template <class T>
bool allowed(const std::vector<T>& accepted, const T& value) {
  return accepted.empty() || std::find(accepted.begin(), accepted.end(), value) != accepted.end();
}

// Dates compare as periods: a bare year covers the whole year.
PartialDate period_start(const PartialDate& d) { return {d.year, d.month ? d.month : 1, d.day ? d.day : 1}; }
PartialDate period_end(const PartialDate& d) { return {d.year, d.month ? d.month : 12, d.day ? d.day : 31}; }

}  // namespace

std::vector<std::uint8_t> select_memberships(const Dataset& dataset, const MembershipFilter& filter) {
  std::vector<std::string> theme_keys;
  for (const auto& theme : filter.themes) theme_keys.push_back(name_key(theme));
  // Per network once: does it match the network-level criteria?
  std::vector<std::uint8_t> network_ok;
  for (const auto& network : dataset.networks()) {
    bool ok = allowed(filter.tracks, network.track) && allowed(filter.network_kinds, network.kind);
    if (ok && !theme_keys.empty()) {
      ok = false;
      for (const auto& theme : network.themes) {
        const auto key = name_key(theme);
        for (const auto& wanted : theme_keys) ok = ok || key.find(wanted) != std::string::npos;
      }
    }
    network_ok.push_back(ok);
  }
  std::vector<std::uint8_t> selected;
  selected.reserve(dataset.memberships().size());
  for (const auto& m : dataset.memberships()) {
    const auto& network = dataset.networks()[m.network];
    bool ok = network_ok[m.network] && allowed(filter.statuses, m.status) && allowed(filter.roles, m.role) &&
              allowed(filter.actor_kinds, dataset.actors()[m.actor].kind);
    if (ok && (filter.from || filter.to)) {
      const auto& start = m.start ? m.start : network.start;
      const auto& end = m.end ? m.end : network.end;
      if (filter.to && start && period_start(*start) > period_end(*filter.to)) ok = false;
      if (filter.from && end && period_end(*end) < period_start(*filter.from)) ok = false;
    }
    selected.push_back(ok);
  }
  return selected;
}

}  // namespace alueverkko
