#include <alueverkko/data/dataset.hpp>
#include <alueverkko/geo/geography.hpp>
#include <alueverkko/graph/aggregation.hpp>

#include <algorithm>
#include <map>
#include <optional>

namespace alueverkko {

std::string_view to_string(ActorLevel level) noexcept {
  switch (level) {
    case ActorLevel::actor: return "actor";
    case ActorLevel::municipality: return "municipality";
    case ActorLevel::subregion: return "subregion";
    case ActorLevel::region: return "region";
    case ActorLevel::country: return "country";
  }
  return "";
}

namespace {

struct Placement {
  std::optional<std::string> place;  // code at the level, or nullopt when left out
  bool foreign = false;
  std::string why;
};

Placement place_of(const Actor& actor, const Geography& geography, ActorLevel level) {
  if (actor.country != "FI") return {actor.id, true, {}};
  if (level == ActorLevel::country) return {std::string("FI"), false, {}};
  if (actor.area_level == AreaLevel::region) {
    if (level == ActorLevel::region) return {actor.area_unit_code, false, {}};
    return {std::nullopt, false, "stands for the whole region " + actor.area_unit_code};
  }
  if (actor.area_level == AreaLevel::subregion) {
    if (level == ActorLevel::subregion) return {actor.area_unit_code, false, {}};
    if (level == ActorLevel::region) return {geography.find_subregion(actor.area_unit_code)->region_code, false, {}};
    return {std::nullopt, false, "stands for the whole sub-region " + actor.area_unit_code};
  }
  if (actor.municipality_code.empty()) return {std::nullopt, false, "no seat municipality"};
  const Municipality* m = geography.find_municipality(actor.municipality_code);
  switch (level) {
    case ActorLevel::municipality: return {m->code, false, {}};
    case ActorLevel::subregion: return {m->subregion_code, false, {}};
    default: return {m->region_code, false, {}};
  }
}

// member < planned < invited < mentioned in declaration order: the smaller is the stronger.
bool stronger(MembershipStatus a, MembershipStatus b) { return static_cast<int>(a) < static_cast<int>(b); }

}  // namespace

AggregatedGraph aggregate(const Dataset& dataset, const Geography& geography, ActorLevel level,
                          std::span<const std::uint8_t> active) {
  const auto memberships = dataset.memberships();
  if (!active.empty() && active.size() != memberships.size())
    throw std::invalid_argument("active: " + std::to_string(active.size()) + " flags for " +
                                std::to_string(memberships.size()) + " memberships");
  AggregatedGraph result;
  std::vector<std::string> columns;
  for (const auto& n : dataset.networks()) columns.push_back(n.id);

  if (level == ActorLevel::actor) {
    std::vector<std::string> rows;
    for (const auto& a : dataset.actors()) rows.push_back(a.id);
    std::vector<TwoModeEdge> edges;
    for (std::size_t i = 0; i < memberships.size(); ++i)
      if (active.empty() || active[i]) {
        const auto& m = memberships[i];
        edges.push_back({static_cast<std::uint32_t>(m.actor), static_cast<std::uint32_t>(m.network), m.weight, m.status, m.role});
      }
    result.graph = TwoModeGraph::from_edges(std::move(rows), std::move(columns), edges);
    result.row_is_place.assign(dataset.actors().size(), false);
    return result;
  }

  // Rows: places first (sorted by code), then foreign actors (sorted by id).
  std::vector<Placement> placement;
  std::map<std::string, bool> rows_seen;  // label → foreign
  std::vector<std::uint8_t> has_membership(dataset.actors().size(), 0);
  for (const auto& m : memberships) has_membership[m.actor] = 1;
  for (std::size_t a = 0; a < dataset.actors().size(); ++a) {
    placement.push_back(place_of(dataset.actors()[a], geography, level));
    if (!has_membership[a]) continue;
    if (placement.back().place) rows_seen.emplace(*placement.back().place, placement.back().foreign);
    else {
      result.left_out.push_back(dataset.actors()[a].id);
      result.left_out_why.push_back(placement.back().why);
    }
  }
  std::vector<std::string> rows;
  for (const bool foreign : {false, true})
    for (const auto& [label, is_foreign] : rows_seen)
      if (is_foreign == foreign) {
        rows.push_back(label);
        result.row_is_place.push_back(!foreign);
      }
  std::map<std::string, std::uint32_t> row_index;
  for (std::uint32_t r = 0; r < rows.size(); ++r) row_index.emplace(rows[r], r);

  // Merge the memberships of actors that share a place within one network.
  std::map<std::pair<std::uint32_t, std::uint32_t>, TwoModeEdge> merged;
  for (std::size_t i = 0; i < memberships.size(); ++i) {
    if (!active.empty() && !active[i]) continue;
    const auto& m = memberships[i];
    const auto& place = placement[m.actor].place;
    if (!place) continue;
    const auto key = std::pair{row_index.at(*place), static_cast<std::uint32_t>(m.network)};
    auto [it, inserted] = merged.try_emplace(key, TwoModeEdge{key.first, key.second, m.weight, m.status, m.role});
    if (inserted) continue;
    auto& edge = it->second;
    edge.weight = std::max(edge.weight, m.weight);
    if (m.role == MembershipRole::lead || (edge.role != MembershipRole::lead && stronger(m.status, edge.status)))
      edge.role = m.role;
    if (stronger(m.status, edge.status)) edge.status = m.status;
  }
  std::vector<TwoModeEdge> edges;
  edges.reserve(merged.size());
  for (const auto& [key, edge] : merged) edges.push_back(edge);
  result.graph = TwoModeGraph::from_edges(std::move(rows), std::move(columns), edges);
  return result;
}

}  // namespace alueverkko
