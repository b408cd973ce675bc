#include <alueverkko/metrics/brokerage.hpp>

#include <alueverkko/data/dataset.hpp>
#include <alueverkko/geo/geography.hpp>
#include <alueverkko/graph/collaboration.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <limits>
#include <map>
#include <stdexcept>

namespace alueverkko {

std::string_view to_string(GroupBy group) noexcept {
  switch (group) {
    case GroupBy::region: return "region";
    case GroupBy::subregion: return "subregion";
    case GroupBy::kind: return "kind";
  }
  return "";
}

std::optional<GroupBy> parse_group_by(std::string_view text) noexcept {
  for (const GroupBy g : {GroupBy::region, GroupBy::subregion, GroupBy::kind})
    if (text == to_string(g)) return g;
  return std::nullopt;
}

std::string_view to_string(Ungrouped policy) noexcept {
  return policy == Ungrouped::exclude ? "exclude" : "own-group";
}

std::optional<Ungrouped> parse_ungrouped(std::string_view text) noexcept {
  if (text == "exclude") return Ungrouped::exclude;
  if (text == "own-group") return Ungrouped::own_group;
  return std::nullopt;
}

std::vector<std::string> actor_groups(const Dataset& dataset, const Geography& geography, GroupBy group,
                                      Ungrouped ungrouped) {
  const auto actors = dataset.actors();
  std::vector<std::string> groups(actors.size());
  if (group == GroupBy::kind) {
    for (std::size_t a = 0; a < actors.size(); ++a) groups[a] = std::string(to_string(actors[a].kind));
    return groups;
  }
  // aggregate() decides where an actor counts; ask it for every actor at once: a data set with the same
  // actors and one network per actor, which that actor alone joins. Its edges are (place, actor).
  DatasetData data;
  data.actors.assign(actors.begin(), actors.end());
  data.networks.resize(actors.size());
  for (std::size_t a = 0; a < actors.size(); ++a) {
    data.networks[a].id = std::to_string(a);
    Membership m;
    m.network = a;
    m.actor = a;
    data.memberships.push_back(m);
  }
  const Dataset one_each(std::move(data));
  const AggregatedGraph places = aggregate(one_each, geography,
                                           group == GroupBy::region ? ActorLevel::region : ActorLevel::subregion);
  const std::string missing = ungrouped == Ungrouped::exclude ? std::string() : std::string(none_group);
  groups.assign(actors.size(), missing);
  for (const TwoModeEdge& e : places.graph.edges())
    groups[e.column] = places.row_is_place[e.row] ? places.graph.row_labels()[e.row] : std::string(foreign_group);
  return groups;
}

namespace {

void check_size(const WeightedGraph& graph, std::size_t size, const char* what) {
  if (size != graph.vertex_count())
    throw std::invalid_argument(std::string(what) + ": " + std::to_string(size) + " labels for " +
                                std::to_string(graph.vertex_count()) + " vertices");
}

// Group labels → dense ids (sorted labels), -1 for "".
struct GroupIds {
  std::vector<std::string> names;
  std::vector<int> of_vertex;
  std::vector<std::int64_t> sizes;
};

GroupIds group_ids(std::span<const std::string> groups) {
  GroupIds ids;
  std::map<std::string, int> index;
  for (const auto& g : groups)
    if (!g.empty()) index.emplace(g, 0);
  for (auto& [name, id] : index) {
    id = static_cast<int>(ids.names.size());
    ids.names.push_back(name);
  }
  ids.sizes.assign(ids.names.size(), 0);
  ids.of_vertex.reserve(groups.size());
  for (const auto& g : groups) {
    const int id = g.empty() ? -1 : index.at(g);
    ids.of_vertex.push_back(id);
    if (id >= 0) ++ids.sizes[static_cast<std::size_t>(id)];
  }
  return ids;
}

std::string vertex_id(const WeightedGraph& graph, std::size_t v) {
  return graph.labels().empty() ? std::to_string(v) : graph.labels()[v];
}

constexpr const char* role_names[] = {"coordinator", "itinerant", "gatekeeper_representative", "liaison"};

}  // namespace

Table brokerage_roles(const WeightedGraph& graph, std::span<const std::string> groups, bool expected) {
  check_size(graph, groups.size(), "groups");
  const std::size_t n = graph.vertex_count();
  const GroupIds ids = group_ids(groups);
  std::vector<std::int64_t> open(n, 0);
  std::vector<std::array<std::int64_t, 4>> roles(n, {0, 0, 0, 0});

  const auto count_vertex = [&](std::size_t b, std::vector<std::uint64_t>& mark, std::uint64_t& stamp,
                                std::vector<std::uint32_t>& ends) {
    const int gb = ids.of_vertex[b];
    if (gb < 0) return;
    ends.clear();
    for (const auto x : graph.neighbors(static_cast<WeightedGraph::Vertex>(b)))
      if (x != b && ids.of_vertex[x] >= 0) ends.push_back(x);
    for (std::size_t i = 0; i < ends.size(); ++i) {
      const auto a = ends[i];
      ++stamp;
      for (const auto y : graph.neighbors(a)) mark[y] = stamp;
      const int ga = ids.of_vertex[a];
      for (std::size_t j = i + 1; j < ends.size(); ++j) {
        const auto c = ends[j];
        if (mark[c] == stamp) continue;  // a and c are adjacent: a closed triad
        const int gc = ids.of_vertex[c];
        ++open[b];
        if (ga == gb && gc == gb) ++roles[b][0];
        else if (ga == gc) ++roles[b][1];
        else if (ga == gb || gc == gb) ++roles[b][2];
        else ++roles[b][3];
      }
    }
  };
#pragma omp parallel
  {
    std::vector<std::uint64_t> mark(n, 0);
    std::uint64_t stamp = 0;
    std::vector<std::uint32_t> ends;
#pragma omp for schedule(dynamic, 16)
    for (std::int64_t b = 0; b < static_cast<std::int64_t>(n); ++b)
      count_vertex(static_cast<std::size_t>(b), mark, stamp, ends);
  }

  Table table;
  Table::Strings id, group;
  for (std::size_t v = 0; v < n; ++v) {
    id.push_back(vertex_id(graph, v));
    group.push_back(groups[v]);
  }
  table.add_column("id", std::move(id));
  table.add_column("group", std::move(group));
  table.add_column("open_triads", open);
  for (std::size_t r = 0; r < 4; ++r) {
    Table::Integers column(n);
    for (std::size_t v = 0; v < n; ++v) column[v] = roles[v][r];
    table.add_column(role_names[r], std::move(column));
  }
  if (!expected) return table;

  // Probabilities of each role for a broker of group g under a random permutation of the labels.
  const double N = static_cast<double>(std::count_if(ids.of_vertex.begin(), ids.of_vertex.end(), [](int g) { return g >= 0; }));
  double pairs_within = 0, squares = 0;  // Σ n_k (n_k − 1), Σ n_k²
  for (const auto s : ids.sizes) {
    pairs_within += static_cast<double>(s) * static_cast<double>(s - 1);
    squares += static_cast<double>(s) * static_cast<double>(s);
  }
  const double D = (N - 1) * (N - 2);
  std::vector<std::array<double, 4>> probability(ids.names.size(), {0, 0, 0, 0});
  for (std::size_t g = 0; g < ids.names.size() && D > 0; ++g) {
    const double ng = static_cast<double>(ids.sizes[g]), rest = N - ng;
    probability[g] = {(ng - 1) * (ng - 2) / D, (pairs_within - ng * (ng - 1)) / D, 2 * (ng - 1) * rest / D,
                      (rest * rest - (squares - ng * ng)) / D};
  }
  const double nan = std::numeric_limits<double>::quiet_NaN();
  std::array<Table::Reals, 4> expectation, ratio;
  for (std::size_t v = 0; v < n; ++v) {
    const int g = ids.of_vertex[v];
    for (std::size_t r = 0; r < 4; ++r) {
      const double e = g < 0 ? 0.0 : probability[static_cast<std::size_t>(g)][r] * static_cast<double>(open[v]);
      expectation[r].push_back(e);
      ratio[r].push_back(e > 0 ? static_cast<double>(roles[v][r]) / e : nan);
    }
  }
  for (std::size_t r = 0; r < 4; ++r) table.add_column(std::string(role_names[r]) + "_expected", std::move(expectation[r]));
  for (std::size_t r = 0; r < 4; ++r) table.add_column(std::string(role_names[r]) + "_ratio", std::move(ratio[r]));
  return table;
}

Table ei_index(const WeightedGraph& graph, std::span<const std::string> groups, bool weighted,
               std::span<const std::string> categories, std::string_view category_scope) {
  check_size(graph, groups.size(), "groups");
  if (!categories.empty()) check_size(graph, categories.size(), "categories");
  const GroupIds ids = group_ids(groups);
  // Categories of the grouped vertices only.
  std::vector<std::string> grouped_categories;
  if (!categories.empty())
    for (std::size_t v = 0; v < graph.vertex_count(); ++v)
      grouped_categories.push_back(ids.of_vertex[v] >= 0 ? categories[v] : std::string());
  const GroupIds cats = group_ids(grouped_categories);

  struct Tally {
    double internal = 0, external = 0;
  };
  Tally all;
  std::vector<Tally> by_group(ids.names.size()), by_category(cats.names.size());
  for (WeightedGraph::EdgeId e = 0; e < graph.edge_count(); ++e) {
    const auto u = graph.edge_source(e), v = graph.edge_target(e);
    const int gu = ids.of_vertex[u], gv = ids.of_vertex[v];
    if (u == v || gu < 0 || gv < 0) continue;
    const double w = weighted ? graph.edge_weight(e) : 1.0;
    const bool inside = gu == gv;
    const auto add = [&](Tally& t) { (inside ? t.internal : t.external) += w; };
    add(all);
    add(by_group[static_cast<std::size_t>(gu)]);
    if (!inside) add(by_group[static_cast<std::size_t>(gv)]);
    if (!categories.empty()) {
      const int cu = cats.of_vertex[u], cv = cats.of_vertex[v];
      if (cu >= 0) add(by_category[static_cast<std::size_t>(cu)]);
      if (cv >= 0 && cv != cu) add(by_category[static_cast<std::size_t>(cv)]);
    }
  }

  Table::Strings scope, id;
  Table::Integers vertices;
  Table::Reals internal, external, ei;
  const auto row = [&](std::string_view s, const std::string& name, std::int64_t count, const Tally& t) {
    scope.emplace_back(s);
    id.push_back(name);
    vertices.push_back(count);
    internal.push_back(t.internal);
    external.push_back(t.external);
    const double total = t.internal + t.external;
    ei.push_back(total > 0 ? (t.external - t.internal) / total : std::numeric_limits<double>::quiet_NaN());
  };
  std::int64_t grouped = 0;
  for (const auto s : ids.sizes) grouped += s;
  row("graph", "all", grouped, all);
  for (std::size_t g = 0; g < ids.names.size(); ++g) row("group", ids.names[g], ids.sizes[g], by_group[g]);
  for (std::size_t c = 0; c < cats.names.size(); ++c) row(category_scope, cats.names[c], cats.sizes[c], by_category[c]);
  Table table;
  table.add_column("scope", std::move(scope));
  table.add_column("id", std::move(id));
  table.add_column("vertices", std::move(vertices));
  table.add_column("internal", std::move(internal));
  table.add_column("external", std::move(external));
  table.add_column("ei", std::move(ei));
  return table;
}

void check_brokerage_options(const BrokerageOptions& o) {
  const auto level = std::string(to_string(o.level));
  if (o.level != ActorLevel::actor && o.level != ActorLevel::municipality && o.level != ActorLevel::subregion)
    throw std::invalid_argument("level must be actor, municipality or subregion (got " + level +
                                "): the groups must be coarser than the vertices");
  if (o.group == GroupBy::kind && o.level != ActorLevel::actor)
    throw std::invalid_argument("group kind needs level actor (a " + level + " has no actor kind)");
  if (o.group == GroupBy::subregion && o.level == ActorLevel::subregion)
    throw std::invalid_argument("group subregion needs level actor or municipality (a sub-region is its own group)");
}

GroupedGraph grouped_projection(const Dataset& dataset, const Geography& geography, const BrokerageOptions& o) {
  check_brokerage_options(o);
  CollaborationGraph projected = project_dataset(dataset, geography, o.level, o.filter, o.projection);
  GroupedGraph result;
  result.graph = std::move(projected.graph);
  result.left_out = std::move(projected.left_out);
  result.left_out_why = std::move(projected.left_out_why);
  const auto labels = result.graph.labels();
  const auto actors = dataset.actors();
  if (o.level == ActorLevel::actor) {
    const std::vector<std::string> by_actor = actor_groups(dataset, geography, o.group, o.ungrouped);
    for (const auto& label : labels) {
      const std::size_t a = dataset.actor_index(label);
      result.groups.push_back(by_actor[a]);
      result.names.push_back(actors[a].name);
      result.kinds.emplace_back(to_string(actors[a].kind));
    }
    return result;
  }
  for (const auto& label : labels) {
    const Municipality* m = o.level == ActorLevel::municipality ? geography.find_municipality(label) : nullptr;
    const Subregion* s = o.level == ActorLevel::subregion ? geography.find_subregion(label) : nullptr;
    if (m) {
      result.groups.push_back(o.group == GroupBy::region ? m->region_code : m->subregion_code);
      result.names.push_back(m->name_fi);
      result.kinds.emplace_back(to_string(o.level));
    } else if (s) {
      result.groups.push_back(s->region_code);
      result.names.push_back(s->name_fi);
      result.kinds.emplace_back(to_string(o.level));
    } else {  // a foreign actor kept as itself
      const std::size_t a = dataset.actor_index(label);
      result.groups.emplace_back(foreign_group);
      result.names.push_back(a == Dataset::npos ? label : actors[a].name);
      result.kinds.emplace_back(a == Dataset::npos ? std::string_view("foreign") : to_string(actors[a].kind));
    }
  }
  return result;
}

Table brokerage_table(const Dataset& dataset, const Geography& geography, const BrokerageOptions& options) {
  const GroupedGraph g = grouped_projection(dataset, geography, options);
  const Table roles = brokerage_roles(g.graph, g.groups, options.expected);
  MeasureSettings settings;
  settings.normalized = false;  // raw degree
  const std::vector<std::string> degree{"degree"}, betweenness{"betweenness"};
  const MeasureTable raw = compute_measures(g.graph, degree, settings);
  const MeasureTable normalised = compute_measures(g.graph, betweenness, MeasureSettings{});

  Table table;
  for (const auto& column : roles.columns()) {
    table.add_column(column.name, column.values);
    if (column.name == "id") {
      table.add_column("name", g.names);
      table.add_column("kind", g.kinds);
    }
    if (column.name == "liaison") {
      table.add_column("degree", raw.table.column("degree").values);
      table.add_column("betweenness", normalised.table.column("betweenness").values);
    }
  }
  return table;
}

Table ei_table(const Dataset& dataset, const Geography& geography, const BrokerageOptions& options) {
  const GroupedGraph g = grouped_projection(dataset, geography, options);
  if (options.level == ActorLevel::actor && options.group != GroupBy::kind)
    return ei_index(g.graph, g.groups, options.weighted, g.kinds, "kind");
  return ei_index(g.graph, g.groups, options.weighted);
}

}  // namespace alueverkko
