#include <alueverkko/metrics/regional_centrality.hpp>

#include <alueverkko/data/dataset.hpp>
#include <alueverkko/geo/geography.hpp>
#include <alueverkko/graph/collaboration.hpp>

#include <cmath>
#include <limits>
#include <map>
#include <stdexcept>
#include <variant>

namespace alueverkko {
namespace {

constexpr double nan = std::numeric_limits<double>::quiet_NaN();

// A measure column as reals (core and raw degree are Integers).
std::vector<double> reals_of(const Table::Column& column) {
  if (const auto* r = std::get_if<Table::Reals>(&column)) return *r;
  if (const auto* i = std::get_if<Table::Integers>(&column)) return std::vector<double>(i->begin(), i->end());
  throw std::logic_error("a measure column holds strings");
}

}  // namespace

Table bridging_centrality(const WeightedGraph& graph, std::span<const std::string> groups, bool weighted) {
  if (groups.size() != graph.vertex_count())
    throw std::invalid_argument("groups: " + std::to_string(groups.size()) + " labels for " +
                                std::to_string(graph.vertex_count()) + " vertices");
  std::map<std::string, std::map<std::string, double>> x;  // x[i][j]: tie weight between groups i and j
  for (const auto& g : groups)
    if (!g.empty()) x[g];
  double total = 0;  // L
  for (WeightedGraph::EdgeId e = 0; e < graph.edge_count(); ++e) {
    const auto u = graph.edge_source(e), v = graph.edge_target(e);
    const std::string &gu = groups[u], &gv = groups[v];
    if (u == v || gu.empty() || gv.empty()) continue;
    const double w = weighted ? graph.edge_weight(e) : 1.0;
    total += w;
    x[gu][gv] += w;
    if (gu != gv) x[gv][gu] += w;
  }

  Table::Strings group;
  Table::Integers partners;
  Table::Reals links, internal, external, intensity, outward, diversification, paths, bridging;
  for (const auto& [i, row] : x) {
    double inside = 0, outside = 0, squares = 0;
    std::int64_t count = 0;
    for (const auto& [j, w] : row) {
      if (j == i) {
        inside = w;
        continue;
      }
      outside += w;
      squares += w * w;
      count += w > 0;
    }
    const double l = inside + outside;
    const double herfindahl = outside > 0 ? squares / (outside * outside) : 1.0;
    const double p = 0.5 * (outside * outside - squares);  // Σ_{j<k} x_ij x_ik
    group.push_back(i);
    links.push_back(l);
    internal.push_back(inside);
    external.push_back(outside);
    partners.push_back(count);
    intensity.push_back(total > 0 ? l / total : nan);
    outward.push_back(l > 0 ? outside / l : nan);
    diversification.push_back(1 - herfindahl);
    paths.push_back(p);
    bridging.push_back(total > 0 ? 2 * p / (total * total) : nan);
  }
  Table table;
  table.add_column("group", std::move(group));
  table.add_column("links", std::move(links));
  table.add_column("internal", std::move(internal));
  table.add_column("external", std::move(external));
  table.add_column("partners", std::move(partners));
  table.add_column("intensity", std::move(intensity));
  table.add_column("outward", std::move(outward));
  table.add_column("diversification", std::move(diversification));
  table.add_column("bridging_paths", std::move(paths));
  table.add_column("bridging", std::move(bridging));
  return table;
}

Table regional_centrality(const Dataset& dataset, const Geography& geography, const RegionalCentralityOptions& o) {
  if (o.by == GroupBy::kind) throw std::invalid_argument("regional_centrality: by must be region or subregion");
  check_measure_names(o.measures);
  const ActorLevel place_level = o.by == GroupBy::region ? ActorLevel::region : ActorLevel::subregion;

  // Organisations: the actor projection; every vertex is an actor, in data-set order.
  const CollaborationGraph actors = project_dataset(dataset, geography, ActorLevel::actor, o.filter, o.projection);
  const MeasureTable org = compute_measures(actors.graph, o.measures, o.settings);
  std::vector<std::string> groups = actor_groups(dataset, geography, o.by, Ungrouped::exclude);
  for (auto& g : groups)
    if (g == foreign_group) g.clear();  // foreign actors count for no region
  const std::vector<std::uint8_t> active = select_memberships(dataset, o.filter);
  std::vector<std::uint8_t> takes_part(dataset.actors().size(), 0);
  for (std::size_t i = 0; i < active.size(); ++i)
    if (active[i]) takes_part[dataset.memberships()[i].actor] = 1;

  // Places: the projection onto the regions themselves.
  const CollaborationGraph places = project_dataset(dataset, geography, place_level, o.filter, o.projection);
  const MeasureTable place = compute_measures(places.graph, o.measures, o.settings);

  const Table bridges = bridging_centrality(actors.graph, groups, o.weighted_bridging);

  // Rows: the geography's units by code.
  std::vector<std::string> codes, names;
  if (o.by == GroupBy::region)
    for (const Region& r : geography.regions()) codes.push_back(r.code), names.push_back(r.name_fi);
  else
    for (const Subregion& s : geography.subregions()) codes.push_back(s.code), names.push_back(s.name_fi);
  std::map<std::string, std::size_t> row_of;
  for (std::size_t r = 0; r < codes.size(); ++r) row_of.emplace(codes[r], r);

  Table table;
  table.add_column("code", codes);
  table.add_column("name", names);
  Table::Integers count(codes.size(), 0);
  for (std::size_t a = 0; a < groups.size(); ++a)
    if (takes_part[a] && !groups[a].empty()) ++count[row_of.at(groups[a])];
  table.add_column("actors", count);

  for (std::size_t m = 0; m < o.measures.size(); ++m) {
    const std::vector<double> values = reals_of(org.table.column(o.measures[m]).values);
    Table::Reals sum(codes.size(), 0.0), mean(codes.size(), nan);
    for (std::size_t a = 0; a < groups.size(); ++a)
      if (takes_part[a] && !groups[a].empty()) sum[row_of.at(groups[a])] += values[a];
    for (std::size_t r = 0; r < codes.size(); ++r)
      if (count[r] > 0) mean[r] = sum[r] / static_cast<double>(count[r]);
    table.add_column("org_sum_" + o.measures[m], std::move(sum));
    table.add_column("org_mean_" + o.measures[m], std::move(mean));
  }
  const auto labels = places.graph.labels();
  for (const std::string& measure : o.measures) {
    const std::vector<double> values = reals_of(place.table.column(measure).values);
    Table::Reals column(codes.size(), 0.0);
    for (std::size_t v = 0; v < labels.size(); ++v)
      if (const auto it = row_of.find(labels[v]); it != row_of.end()) column[it->second] = values[v];
    table.add_column("place_" + measure, std::move(column));
  }

  // Bridging columns: 0 for units without actors (outward NaN).
  const auto& bridge_groups = std::get<Table::Strings>(bridges.column("group").values);
  for (const auto& column : bridges.columns()) {
    if (column.name == "group") continue;
    if (const auto* ints = std::get_if<Table::Integers>(&column.values)) {
      Table::Integers out(codes.size(), 0);
      for (std::size_t k = 0; k < bridge_groups.size(); ++k) out[row_of.at(bridge_groups[k])] = (*ints)[k];
      table.add_column(column.name, std::move(out));
    } else {
      const auto& reals = std::get<Table::Reals>(column.values);
      const bool share = column.name == "outward";
      Table::Reals out(codes.size(), share ? nan : 0.0);
      for (std::size_t k = 0; k < bridge_groups.size(); ++k) out[row_of.at(bridge_groups[k])] = reals[k];
      table.add_column(column.name, std::move(out));
    }
  }
  return table;
}

}  // namespace alueverkko
