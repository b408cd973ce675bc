// GraphML and the graph tables behind every export, on hand-made graphs and on tests/data/valid-mini
// with the expected values worked out by hand from its CSV files.
#include <alueverkko/data/dataset.hpp>
#include <alueverkko/geo/geography.hpp>
#include <alueverkko/graph/collaboration.hpp>
#include <alueverkko/io/graph_tables.hpp>
#include <alueverkko/io/graphml.hpp>

#include <catch2/catch.hpp>

#include <cmath>
#include <filesystem>
#include <sstream>

#include "../valid_mini.hpp"

using namespace alueverkko;

namespace {

using testing::valid_mini;

std::size_t occurrences(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (auto pos = text.find(what); pos != std::string::npos; pos = text.find(what, pos + what.size())) ++n;
  return n;
}

template <class T>
const T& values(const Table& t, std::string_view name) {
  return std::get<T>(t.column(name).values);
}

std::string graphml(const GraphTables& tables) {
  std::ostringstream out;
  write_graphml(tables, out);
  return out.str();
}

}  // namespace

TEST_CASE("GraphML of a small labelled graph: typed keys, nodes, sorted edges, weight meaning", "[graphml]") {
  const std::vector<WeightedEdge> edges{{2, 1, 0.5}, {0, 1, 2.5}};
  const auto g = WeightedGraph::from_edges(3, edges, WeightMeaning::affinity, {"a", "b", "c"});
  const std::string xml = graphml(graph_tables(g));
  CHECK(xml.rfind("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\"", 0) == 0);
  CHECK(xml.find("<key id=\"d0\" for=\"node\" attr.name=\"label\" attr.type=\"string\"/>") != std::string::npos);
  CHECK(xml.find("<key id=\"d1\" for=\"edge\" attr.name=\"weight\" attr.type=\"double\">\n"
                 "    <desc>affinity: larger = stronger, not a distance</desc>") != std::string::npos);
  CHECK(xml.find("<graph id=\"G\" edgedefault=\"undirected\">") != std::string::npos);
  CHECK(occurrences(xml, "<node id=") == 3);
  // Edges sorted by (source, target) in vertex order; the smaller endpoint first.
  const auto ab = xml.find("<edge source=\"a\" target=\"b\">\n      <data key=\"d1\">2.5</data>");
  const auto bc = xml.find("<edge source=\"b\" target=\"c\">\n      <data key=\"d1\">0.5</data>");
  REQUIRE(ab != std::string::npos);
  REQUIRE(bc != std::string::npos);
  CHECK(ab < bc);
  CHECK(xml.size() >= 22);
  CHECK(xml.substr(xml.size() - 22) == "  </graph>\n</graphml>\n");
}

TEST_CASE("GraphML escapes hostile names and leaves missing values out", "[graphml]") {
  GraphTables t;
  t.nodes.add_column("id", Table::Strings{"<script>alert(1)</script>", "a\"b'c&d"});
  t.nodes.add_column("label", Table::Strings{"line\nbreak", ""});
  t.nodes.add_column("population", Table::Reals{std::nan(""), 12.0});
  t.nodes.add_column("place", Table::Integers{1, 0});
  t.edges.add_column("source", Table::Strings{"<script>alert(1)</script>"});
  t.edges.add_column("target", Table::Strings{"a\"b'c&d"});
  t.edges.add_column("weight", Table::Reals{1.0 / 3.0});
  t.boolean_columns = {"place"};
  t.description = "A & B <desc>";
  const std::string xml = graphml(t);
  CHECK(xml.find("<script>") == std::string::npos);
  CHECK(xml.find("<node id=\"&lt;script&gt;alert(1)&lt;/script&gt;\">") != std::string::npos);
  CHECK(xml.find("<node id=\"a&quot;b&apos;c&amp;d\">") != std::string::npos);
  CHECK(xml.find("<data key=\"d0\">line&#10;break</data>") != std::string::npos);
  CHECK(xml.find("attr.name=\"place\" attr.type=\"boolean\"") != std::string::npos);
  CHECK(xml.find("<data key=\"d2\">true</data>") != std::string::npos);
  CHECK(xml.find("<data key=\"d2\">false</data>") != std::string::npos);
  CHECK(occurrences(xml, "<data key=\"d0\">") == 1);  // the empty label is left out
  CHECK(occurrences(xml, "<data key=\"d1\">") == 1);  // so is the NaN population
  CHECK(xml.find("<data key=\"d1\">12</data>") != std::string::npos);
  CHECK(xml.find("<data key=\"d3\">0.3333333333333333</data>") != std::string::npos);
  CHECK(xml.find("<desc>A &amp; B &lt;desc&gt;</desc>") != std::string::npos);
}

TEST_CASE("graph tables describe the places of a projected data set", "[graphml][graph_tables]") {
  const auto& [geography, dataset] = valid_mini();
  ProjectionOptions options;
  options.weighting = ProjectionWeighting::count;
  const auto projected = project_dataset(dataset, geography, ActorLevel::municipality, {}, options);
  const GraphTables t = graph_tables(projected.graph, dataset, geography, ActorLevel::municipality, options);
  // Places with memberships, sorted by code, then the foreign actor (see aggregate()): mk-01 and
  // sk-025 stand for areas, liitto-01 is a regional council of MK01, c6 has no seat: left out.
  CHECK(values<Table::Strings>(t.nodes, "id") == Table::Strings{"049", "091", "322", "445", "638", "tallinn"});
  CHECK(values<Table::Strings>(t.nodes, "label") ==
        Table::Strings{"Espoo", "Helsinki", "Kemiönsaari", "Parainen", "Porvoo", "Tallinn"});
  CHECK(values<Table::Strings>(t.nodes, "kind") ==
        Table::Strings{"municipality", "municipality", "municipality", "municipality", "municipality",
                       "foreign_municipality"});
  CHECK(values<Table::Integers>(t.nodes, "place") == Table::Integers{1, 1, 1, 1, 1, 0});
  CHECK(values<Table::Strings>(t.nodes, "country") == Table::Strings{"FI", "FI", "FI", "FI", "FI", "EE"});
  CHECK(values<Table::Strings>(t.nodes, "name_sv")[1] == "Helsingfors");
  CHECK(values<Table::Strings>(t.nodes, "subregion_code") == Table::Strings{"011", "011", "025", "025", "015", ""});
  CHECK(values<Table::Strings>(t.nodes, "region_code") == Table::Strings{"01", "01", "02", "02", "01", ""});
  const auto& population = values<Table::Reals>(t.nodes, "population_2021");
  CHECK(population[1] == 658457);
  CHECK(std::isnan(population[5]));
  CHECK(values<Table::Reals>(t.nodes, "lon")[1] == 24.9384);
  CHECK(values<Table::Reals>(t.nodes, "lat")[1] == 60.1699);
  CHECK(values<Table::Reals>(t.nodes, "lon")[5] == 24.7536);  // Tallinn's own coordinates
  // n-kasvu: 091 (Helsinki and its university), 049, 638; n-meri: 322, 445, tallinn.
  CHECK(values<Table::Strings>(t.edges, "source") == Table::Strings{"049", "049", "091", "322", "322", "445"});
  CHECK(values<Table::Strings>(t.edges, "target") == Table::Strings{"091", "638", "638", "445", "tallinn", "tallinn"});
  CHECK(values<Table::Reals>(t.edges, "weight") == Table::Reals{1, 1, 1, 1, 1, 1});
  CHECK(t.weight_description.find("collaboration affinity (count: shared networks)") == 0);
  CHECK(t.boolean_columns == std::vector<std::string>{"place"});

  const Table named = edge_list_with_names(t);
  CHECK(named.columns()[3].name == "source_name");
  CHECK(values<Table::Strings>(named, "source_name")[0] == "Espoo");
  CHECK(values<Table::Strings>(named, "target_name")[4] == "Tallinn");
}

TEST_CASE("graph tables put a region at its population-weighted centre", "[graphml][graph_tables]") {
  const auto& [geography, dataset] = valid_mini();
  const auto projected = project_dataset(dataset, geography, ActorLevel::region, {}, {});
  const GraphTables t = graph_tables(projected.graph, dataset, geography, ActorLevel::region, {});
  REQUIRE(values<Table::Strings>(t.nodes, "id")[0] == "01");
  // Uusimaa in the mini geography: Askola, Espoo, Helsinki, Porvoo (municipalities.csv).
  const double lon = (4891 * 25.6 + 292796 * 24.6559 + 658457 * 24.9384 + 50619 * 25.665) / (4891 + 292796 + 658457 + 50619.0);
  const double lat = (4891 * 60.53 + 292796 * 60.2055 + 658457 * 60.1699 + 50619 * 60.3932) / (4891 + 292796 + 658457 + 50619.0);
  CHECK(values<Table::Reals>(t.nodes, "lon")[0] == Approx(lon).epsilon(1e-12));
  CHECK(values<Table::Reals>(t.nodes, "lat")[0] == Approx(lat).epsilon(1e-12));
  CHECK(values<Table::Reals>(t.nodes, "population_2021")[0] == 1006763);
  CHECK_FALSE(t.nodes.columns().end() != std::find_if(t.nodes.columns().begin(), t.nodes.columns().end(),
                                                      [](const auto& c) { return c.name == "region_code"; }));
}

TEST_CASE("graph tables of actors and of the two-mode graph", "[graphml][graph_tables]") {
  const auto& [geography, dataset] = valid_mini();
  const auto projected = project_dataset(dataset, geography, ActorLevel::actor, {}, {});
  const GraphTables actors = graph_tables(projected.graph, dataset, geography, ActorLevel::actor, {});
  CHECK(actors.nodes.rows() == 12);
  const auto& ids = values<Table::Strings>(actors.nodes, "id");
  const auto at = [&](const std::string& id) {
    return static_cast<std::size_t>(std::find(ids.begin(), ids.end(), id) - ids.begin());
  };
  CHECK(values<Table::Strings>(actors.nodes, "municipality_code")[at("uni-helsinki")] == "091");
  CHECK(values<Table::Strings>(actors.nodes, "region_code")[at("uni-helsinki")] == "01");
  CHECK(values<Table::Strings>(actors.nodes, "region_code")[at("sk-025")] == "02");   // Turunmaa is in 02
  CHECK(values<Table::Strings>(actors.nodes, "subregion_code")[at("sk-025")] == "025");
  CHECK(values<Table::Reals>(actors.nodes, "lon")[at("uni-helsinki")] == 24.9384);  // its seat's centre
  CHECK(std::isnan(values<Table::Reals>(actors.nodes, "lon")[at("c6")]));          // no seat, no coordinates

  MembershipFilter filter;
  filter.statuses = {MembershipStatus::member};
  const auto active = select_memberships(dataset, filter);
  const GraphTables two = two_mode_tables(dataset, geography, ActorLevel::actor, active);
  CHECK(two.nodes.rows() == 12 + 3);
  const auto& bipartite = values<Table::Integers>(two.nodes, "bipartite");
  CHECK(std::count(bipartite.begin(), bipartite.end(), 1) == 3);
  CHECK(values<Table::Strings>(two.nodes, "id")[12] == "n-kasvu");
  CHECK(values<Table::Strings>(two.nodes, "kind")[12] == "proposal");
  CHECK(values<Table::Strings>(two.nodes, "themes")[13] == "archipelago|tourism, culture");
  // memberships.csv rows with status member: 8 of 12.
  CHECK(two.edges.rows() == 8);
  CHECK(values<Table::Strings>(two.edges, "status") == Table::Strings(8, "member"));
  CHECK(values<Table::Strings>(two.edges, "source")[0] == "kunta-091");
  CHECK(values<Table::Strings>(two.edges, "role")[0] == "lead");
  const std::string xml = graphml(two);
  CHECK(occurrences(xml, "<node id=") == 15);
  CHECK(occurrences(xml, "<edge source=") == 8);
}

TEST_CASE("graph tables refuse labels that are neither places nor actors", "[graphml][graph_tables]") {
  const auto& [geography, dataset] = valid_mini();
  const auto g = WeightedGraph::from_edges(1, {}, WeightMeaning::affinity, {"nowhere"});
  CHECK_THROWS_WITH(graph_tables(g, dataset, geography, ActorLevel::municipality, {}),
                    Catch::Contains("'nowhere' is neither a municipality"));
  CHECK_THROWS_AS(graph_tables(g, dataset, geography, ActorLevel::country, {}), std::invalid_argument);
}

TEST_CASE("area table counts each place's networks as aggregate() merges them", "[graph_tables]") {
  const auto& [geography, dataset] = valid_mini();
  const auto aggregated = aggregate(dataset, geography, ActorLevel::municipality);
  const Table t = area_table(geography, PlaceLevel::municipality, aggregated.graph);
  CHECK(values<Table::Strings>(t, "code") == Table::Strings{"018", "049", "091", "322", "445", "638"});
  CHECK(values<Table::Integers>(t, "networks") == Table::Integers{0, 1, 1, 1, 1, 1});
  // kunta-638 is only planned in n-kasvu; 091 leads it.
  CHECK(values<Table::Integers>(t, "member") == Table::Integers{0, 1, 1, 1, 1, 0});
  CHECK(values<Table::Integers>(t, "lead") == Table::Integers{0, 0, 1, 0, 0, 0});
  CHECK(values<Table::Integers>(t, "covered") == Table::Integers{0, 1, 1, 1, 1, 1});
  CHECK(values<Table::Integers>(t, "population_2021")[0] == 4891);
}
