#include <alueverkko/data/dataset.hpp>
#include <alueverkko/geo/geography.hpp>
#include <alueverkko/io/graph_tables.hpp>

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <optional>
#include <stdexcept>

namespace alueverkko {
namespace {

constexpr double missing = std::numeric_limits<double>::quiet_NaN();

struct Centre {
  double lon = missing, lat = missing;
};

// Centres of the sub-regions or regions: their municipalities' centres weighted by population.
template <class Place>
std::vector<Centre> weighted_centres(const Geography& geography, std::span<const Place> places, bool regions) {
  std::vector<Centre> centres;
  for (const Place& place : places) {
    const auto members = regions ? geography.municipalities_in_region(place.code)
                                 : geography.municipalities_in_subregion(place.code);
    double lon = 0, lat = 0, total = 0;
    for (const std::size_t m : members) {
      const Municipality& mu = geography.municipalities()[m];
      const auto w = static_cast<double>(mu.population_2021);
      lon += w * mu.centre_lon;
      lat += w * mu.centre_lat;
      total += w;
    }
    centres.push_back(total > 0 ? Centre{lon / total, lat / total} : Centre{});
  }
  return centres;
}

// One node with every attribute any kind of graph uses; the table builders pick the columns.
struct NodeRecord {
  std::string id, label, kind, country, name_fi, name_sv, municipality_code, subregion_code, region_code;
  std::int64_t place = 0, bipartite = 0;
  double population = missing, lon = missing, lat = missing;
  std::string track, themes;
};

class Describer {
 public:
  Describer(const Dataset& dataset, const Geography& geography)
      : dataset_(dataset),
        geography_(geography),
        subregion_centres_(weighted_centres(geography, geography.subregions(), false)),
        region_centres_(weighted_centres(geography, geography.regions(), true)) {}

  NodeRecord vertex(const std::string& label, ActorLevel level) const {
    if (level == ActorLevel::country)
      throw std::invalid_argument("graph tables: the country level has no places to describe");
    if (level != ActorLevel::actor) {
      if (auto place = place_node(label, level)) return *place;
    }
    const std::size_t a = dataset_.actor_index(label);
    if (a == Dataset::npos)
      throw std::invalid_argument("graph tables: vertex '" + label + "' is neither a " +
                                  std::string(to_string(level)) + " of geography " + geography_.id() +
                                  " nor an actor of data set " + dataset_.name());
    return actor_node(dataset_.actors()[a]);
  }

  NodeRecord network(const Network& n) const {
    NodeRecord r;
    r.id = n.id;
    r.label = n.name;
    r.kind = std::string(to_string(n.kind));
    r.country = n.country;
    r.bipartite = 1;
    r.track = std::string(to_string(n.track));
    for (const auto& theme : n.themes) r.themes += (r.themes.empty() ? "" : "|") + theme;
    return r;
  }

 private:
  std::optional<NodeRecord> place_node(const std::string& code, ActorLevel level) const {
    NodeRecord r;
    r.id = code;
    r.place = 1;
    r.country = "FI";
    if (level == ActorLevel::municipality) {
      const Municipality* m = geography_.find_municipality(code);
      if (!m) return std::nullopt;
      r.kind = "municipality";
      r.name_fi = m->name_fi;
      r.name_sv = m->name_sv;
      r.subregion_code = m->subregion_code;
      r.region_code = m->region_code;
      r.population = static_cast<double>(m->population_2021);
      r.lon = m->centre_lon;
      r.lat = m->centre_lat;
    } else if (level == ActorLevel::subregion) {
      const std::size_t i = geography_.subregion_index(code);
      if (i == Geography::npos) return std::nullopt;
      const Subregion& s = geography_.subregions()[i];
      r.kind = "subregion";
      r.name_fi = s.name_fi;
      r.name_sv = s.name_sv;
      r.region_code = s.region_code;
      r.population = static_cast<double>(s.population_2021);
      r.lon = subregion_centres_[i].lon;
      r.lat = subregion_centres_[i].lat;
    } else {
      const std::size_t i = geography_.region_index(code);
      if (i == Geography::npos) return std::nullopt;
      const Region& g = geography_.regions()[i];
      r.kind = "region";
      r.name_fi = g.name_fi;
      r.name_sv = g.name_sv;
      r.population = static_cast<double>(g.population_2021);
      r.lon = region_centres_[i].lon;
      r.lat = region_centres_[i].lat;
    }
    r.label = r.name_fi;
    return r;
  }

  NodeRecord actor_node(const Actor& a) const {
    NodeRecord r;
    r.id = a.id;
    r.label = a.name;
    r.kind = std::string(to_string(a.kind));
    r.country = a.country;
    r.municipality_code = a.municipality_code;
    Centre centre;
    if (a.area_level == AreaLevel::region) {
      r.region_code = a.area_unit_code;
      if (const std::size_t i = geography_.region_index(a.area_unit_code); i != Geography::npos) centre = region_centres_[i];
    } else if (a.area_level == AreaLevel::subregion) {
      r.subregion_code = a.area_unit_code;
      if (const std::size_t i = geography_.subregion_index(a.area_unit_code); i != Geography::npos) {
        r.region_code = geography_.subregions()[i].region_code;
        centre = subregion_centres_[i];
      }
    } else if (const Municipality* m = geography_.find_municipality(a.municipality_code)) {
      r.subregion_code = m->subregion_code;
      r.region_code = m->region_code;
      centre = {m->centre_lon, m->centre_lat};
    }
    if (a.lon && a.lat) centre = {*a.lon, *a.lat};
    r.lon = centre.lon;
    r.lat = centre.lat;
    return r;
  }

  const Dataset& dataset_;
  const Geography& geography_;
  std::vector<Centre> subregion_centres_, region_centres_;
};

template <class Get>
auto column(const std::vector<NodeRecord>& nodes, Get&& get) {
  std::vector<std::decay_t<std::invoke_result_t<Get&, const NodeRecord&>>> values;
  values.reserve(nodes.size());
  for (const NodeRecord& n : nodes) values.push_back(get(n));
  return values;
}

Table node_table(const std::vector<NodeRecord>& nodes, ActorLevel level, bool two_mode) {
  Table t;
  t.add_column("id", column(nodes, [](const NodeRecord& n) { return n.id; }));
  t.add_column("label", column(nodes, [](const NodeRecord& n) { return n.label.empty() ? n.id : n.label; }));
  t.add_column("kind", column(nodes, [](const NodeRecord& n) { return n.kind; }));
  if (two_mode) t.add_column("bipartite", column(nodes, [](const NodeRecord& n) { return n.bipartite; }));
  if (level == ActorLevel::actor) {
    t.add_column("country", column(nodes, [](const NodeRecord& n) { return n.country; }));
    t.add_column("municipality_code", column(nodes, [](const NodeRecord& n) { return n.municipality_code; }));
    t.add_column("subregion_code", column(nodes, [](const NodeRecord& n) { return n.subregion_code; }));
    t.add_column("region_code", column(nodes, [](const NodeRecord& n) { return n.region_code; }));
  } else {
    t.add_column("place", column(nodes, [](const NodeRecord& n) { return n.place; }));
    t.add_column("country", column(nodes, [](const NodeRecord& n) { return n.country; }));
    t.add_column("name_fi", column(nodes, [](const NodeRecord& n) { return n.name_fi; }));
    t.add_column("name_sv", column(nodes, [](const NodeRecord& n) { return n.name_sv; }));
    if (level == ActorLevel::municipality)
      t.add_column("subregion_code", column(nodes, [](const NodeRecord& n) { return n.subregion_code; }));
    if (level != ActorLevel::region)
      t.add_column("region_code", column(nodes, [](const NodeRecord& n) { return n.region_code; }));
    t.add_column("population_2021", column(nodes, [](const NodeRecord& n) { return n.population; }));
  }
  t.add_column("lon", column(nodes, [](const NodeRecord& n) { return n.lon; }));
  t.add_column("lat", column(nodes, [](const NodeRecord& n) { return n.lat; }));
  if (two_mode) {
    t.add_column("track", column(nodes, [](const NodeRecord& n) { return n.track; }));
    t.add_column("themes", column(nodes, [](const NodeRecord& n) { return n.themes; }));
  }
  return t;
}

// Edges sorted by (source, target) in vertex order.
Table one_mode_edges(const WeightedGraph& graph) {
  std::vector<WeightedGraph::EdgeId> order(graph.edge_count());
  for (std::size_t e = 0; e < order.size(); ++e) order[e] = static_cast<WeightedGraph::EdgeId>(e);
  std::sort(order.begin(), order.end(), [&](auto a, auto b) {
    return std::pair{graph.edge_source(a), graph.edge_target(a)} < std::pair{graph.edge_source(b), graph.edge_target(b)};
  });
  const auto labels = graph.labels();
  const auto label = [&](WeightedGraph::Vertex v) { return labels.empty() ? std::to_string(v) : labels[v]; };
  Table::Strings source, target;
  Table::Reals weight;
  for (const auto e : order) {
    source.push_back(label(graph.edge_source(e)));
    target.push_back(label(graph.edge_target(e)));
    weight.push_back(graph.edge_weight(e));
  }
  Table t;
  t.add_column("source", std::move(source));
  t.add_column("target", std::move(target));
  t.add_column("weight", std::move(weight));
  return t;
}

std::string level_noun(ActorLevel level) {
  switch (level) {
    case ActorLevel::actor: return "actors";
    case ActorLevel::municipality: return "municipalities";
    case ActorLevel::subregion: return "sub-regions";
    case ActorLevel::region: return "regions";
    case ActorLevel::country: return "the country";
  }
  return "";
}

}  // namespace

std::string weight_description(const ProjectionOptions& options) {
  std::string how;
  switch (options.weighting) {
    case ProjectionWeighting::count: how = "count: shared networks"; break;
    case ProjectionWeighting::newman: how = "newman: sum of 1/(n_k - 1) over shared networks k with n_k members"; break;
    case ProjectionWeighting::jaccard: how = "jaccard: shared networks / networks of either"; break;
    case ProjectionWeighting::overlap: how = "overlap: shared networks / networks of the one in fewer"; break;
    case ProjectionWeighting::custom: how = "custom weighting"; break;
  }
  if (options.use_membership_weights) how += ", times the membership weights";
  return "collaboration affinity (" + how + "); larger = stronger, not a distance";
}

GraphTables graph_tables(const WeightedGraph& graph) {
  GraphTables tables;
  Table::Strings ids;
  for (std::size_t v = 0; v < graph.vertex_count(); ++v)
    ids.push_back(graph.labels().empty() ? std::to_string(v) : graph.labels()[v]);
  tables.nodes.add_column("id", ids);
  tables.nodes.add_column("label", std::move(ids));
  tables.edges = one_mode_edges(graph);
  tables.description = "A weighted graph of " + std::to_string(graph.vertex_count()) + " vertices.";
  tables.weight_description = graph.weight_meaning() == WeightMeaning::affinity
                                  ? "affinity: larger = stronger, not a distance"
                                  : "distance: larger = farther";
  return tables;
}

GraphTables graph_tables(const WeightedGraph& graph, const Dataset& dataset, const Geography& geography,
                         ActorLevel level, const ProjectionOptions& options) {
  const Describer describe(dataset, geography);
  std::vector<NodeRecord> nodes;
  for (const std::string& label : graph.labels()) nodes.push_back(describe.vertex(label, level));
  if (nodes.size() != graph.vertex_count()) throw std::invalid_argument("graph tables: the graph has no vertex labels");
  GraphTables tables;
  tables.nodes = node_table(nodes, level, false);
  tables.edges = one_mode_edges(graph);
  if (level != ActorLevel::actor) tables.boolean_columns = {"place"};
  tables.weight_description = weight_description(options);
  tables.description = "Collaboration network of data set " + dataset.name() + " (geography " + geography.id() +
                       ") projected onto " + level_noun(level) + ": an edge joins two that share networks; weight: " +
                       tables.weight_description + ".";
  return tables;
}

GraphTables two_mode_tables(const Dataset& dataset, const Geography& geography, ActorLevel row_level,
                            std::span<const std::uint8_t> active) {
  const AggregatedGraph aggregated = aggregate(dataset, geography, row_level, active);
  const TwoModeGraph& g = aggregated.graph;
  const Describer describe(dataset, geography);
  std::vector<NodeRecord> nodes;
  std::map<std::string, std::size_t> ids;
  for (const std::string& label : g.row_labels()) {
    nodes.push_back(describe.vertex(label, row_level));
    ids.emplace(label, nodes.size() - 1);
  }
  for (const Network& n : dataset.networks()) {
    if (ids.count(n.id))
      throw std::invalid_argument("two-mode graph tables: network id '" + n.id + "' is also the id of a " +
                                  std::string(to_string(row_level)) + "; node ids must be unique");
    nodes.push_back(describe.network(n));
  }
  Table::Strings source, target, status, role;
  Table::Reals weight;
  for (TwoModeGraph::Index row = 0; row < g.row_count(); ++row)
    for (const auto e : g.row_edges(row)) {
      const TwoModeEdge& edge = g.edges()[e];
      source.push_back(g.row_labels()[edge.row]);
      target.push_back(g.column_labels()[edge.column]);
      weight.push_back(edge.weight);
      status.push_back(std::string(to_string(edge.status)));
      role.push_back(std::string(to_string(edge.role)));
    }
  GraphTables tables;
  tables.nodes = node_table(nodes, row_level, true);
  tables.edges.add_column("source", std::move(source));
  tables.edges.add_column("target", std::move(target));
  tables.edges.add_column("weight", std::move(weight));
  tables.edges.add_column("status", std::move(status));
  tables.edges.add_column("role", std::move(role));
  if (row_level != ActorLevel::actor) tables.boolean_columns = {"place"};
  tables.weight_description = "membership weight (memberships.csv, default 1)";
  tables.description = "Two-mode collaboration graph of data set " + dataset.name() + " (geography " +
                       geography.id() + "): " + level_noun(row_level) + " (bipartite 0) and networks (bipartite 1); an "
                       "edge is a membership with its status and role" +
                       (row_level == ActorLevel::actor ? "" : " (a place's actors merged: strongest status, lead if any leads)") +
                       "; weight: " + tables.weight_description + ".";
  return tables;
}

Table edge_list_with_names(const GraphTables& tables) {
  const auto& ids = std::get<Table::Strings>(tables.nodes.column("id").values);
  const auto& labels = std::get<Table::Strings>(tables.nodes.column("label").values);
  std::map<std::string_view, std::size_t> index;
  for (std::size_t i = 0; i < ids.size(); ++i) index.emplace(ids[i], i);
  const auto names_of = [&](const std::string& column_name) {
    Table::Strings names;
    for (const auto& id : std::get<Table::Strings>(tables.edges.column(column_name).values)) {
      const auto it = index.find(id);
      names.push_back(it == index.end() ? std::string() : labels[it->second]);
    }
    return names;
  };
  Table t;
  const auto& columns = tables.edges.columns();
  for (std::size_t c = 0; c < columns.size(); ++c) {
    t.add_column(columns[c].name, columns[c].values);
    if (columns[c].name == "weight") {
      t.add_column("source_name", names_of("source"));
      t.add_column("target_name", names_of("target"));
    }
  }
  return t;
}

Table area_table(const Geography& geography, PlaceLevel level, const TwoModeGraph& participation) {
  const Table places = places_table(geography, level);
  const auto& codes = std::get<Table::Strings>(places.column("code").values);
  std::map<std::string_view, std::size_t> row_of;
  for (std::size_t r = 0; r < codes.size(); ++r) row_of.emplace(codes[r], r);
  Table::Integers networks(codes.size(), 0), member(codes.size(), 0), lead(codes.size(), 0), covered(codes.size(), 0);
  for (TwoModeGraph::Index row = 0; row < participation.row_count(); ++row) {
    const auto it = row_of.find(participation.row_labels()[row]);
    if (it == row_of.end()) continue;  // a foreign actor kept as itself
    for (const auto e : participation.row_edges(row)) {
      const TwoModeEdge& edge = participation.edges()[e];
      ++networks[it->second];
      member[it->second] += edge.status == MembershipStatus::member;
      lead[it->second] += edge.role == MembershipRole::lead;
    }
  }
  for (std::size_t r = 0; r < codes.size(); ++r) covered[r] = networks[r] > 0;
  Table t;
  t.add_column("code", codes);
  t.add_column("name", places.column("name_fi").values);
  t.add_column("name_sv", places.column("name_sv").values);
  t.add_column("population_2021", places.column("population_2021").values);
  t.add_column("networks", std::move(networks));
  t.add_column("member", std::move(member));
  t.add_column("lead", std::move(lead));
  t.add_column("covered", std::move(covered));
  return t;
}

}  // namespace alueverkko
