// Plain edge lists and two-mode lists (alueverkko/io/plain_lists.hpp): exact graphs from valid
// files, exact diagnostics (file:line:column: message) for broken ones, and the measures table
// (centrality/measures.hpp) that `alueverkko metrics` computes from them.
#include <alueverkko/centrality/measures.hpp>
#include <alueverkko/core/diagnostics.hpp>
#include <alueverkko/io/plain_lists.hpp>

#include <catch2/catch.hpp>

#include <filesystem>
#include <random>
#include <set>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using namespace alueverkko;

namespace {

const fs::path plain = fs::path(ALUEVERKKO_SOURCE_DIR) / "tests" / "data" / "plain";

std::vector<std::string> labels_of(std::span<const std::string> labels) { return {labels.begin(), labels.end()}; }

// Weight of the edge {a, b}, or -1 if there is none.
double weight_between(const WeightedGraph& g, std::string_view a, std::string_view b) {
  const auto u = g.find(a), v = g.find(b);
  REQUIRE(u < g.vertex_count());
  REQUIRE(v < g.vertex_count());
  const auto nbrs = g.neighbors(u);
  for (std::size_t i = 0; i < nbrs.size(); ++i)
    if (nbrs[i] == v) return g.neighbor_weights(u)[i];
  return -1;
}

// The diagnostics of a DataError thrown by `load`, as "file:line:column: message" lines, with the
// fixture directory left out of the file names.
template <typename Load>
std::vector<std::string> problems(Load load) {
  try {
    load();
  } catch (const DataError& e) {
    std::vector<std::string> out;
    const std::string prefix = (plain / "").string();
    for (const Diagnostic& d : e.diagnostics()) {
      std::string line = d.to_string();
      if (line.starts_with(prefix)) line.erase(0, prefix.size());
      out.push_back(line);
    }
    return out;
  }
  FAIL("no DataError thrown");
  return {};
}

std::vector<std::string> edge_problems(const std::string& file, WeightMeaning meaning = WeightMeaning::affinity) {
  return problems([&] { (void)read_edge_list(plain / file, meaning); });
}

}  // namespace

TEST_CASE("plain edge list: labels in order of first appearance, parallel edges summed", "[io]") {
  const WeightedGraph g = read_edge_list(plain / "edges.csv", WeightMeaning::affinity);
  CHECK(g.weight_meaning() == WeightMeaning::affinity);
  CHECK(labels_of(g.labels()) == std::vector<std::string>{"a", "b", "c", "d", "e", "f", "g", "h", "i"});
  CHECK(g.edge_count() == 11);  // 12 rows, b,a repeats a,b
  CHECK(weight_between(g, "a", "b") == 3.0);
  CHECK(weight_between(g, "b", "a") == 3.0);
  CHECK(weight_between(g, "d", "f") == 0.5);
  CHECK(weight_between(g, "h", "i") == 4.0);
  CHECK(weight_between(g, "a", "d") == -1);
}

TEST_CASE("plain edge list: without a weight column every weight is 1; self-loops", "[io]") {
  const WeightedGraph g = read_edge_list(plain / "edges-unweighted.csv", WeightMeaning::affinity);
  CHECK(labels_of(g.labels()) == std::vector<std::string>{"Helsinki", "Espoo", "Vantaa", "Turku"});
  CHECK(g.edge_count() == 4);
  CHECK(weight_between(g, "Helsinki", "Espoo") == 2.0);  // listed twice
  CHECK(weight_between(g, "Espoo", "Vantaa") == 1.0);
  CHECK(weight_between(g, "Turku", "Turku") == 1.0);
  CHECK(g.degree(g.find("Turku")) == 1);
}

TEST_CASE("plain edge list: quoted names with commas, quotes and markup are kept verbatim", "[io]") {
  const WeightedGraph g = read_edge_list(plain / "edges-hostile.csv", WeightMeaning::affinity);
  CHECK(labels_of(g.labels()) ==
        std::vector<std::string>{"Say \"hi\"", "a,b", "<script>alert(1)</script>", "\xC3\x85" "bo"});
  CHECK(weight_between(g, "<script>alert(1)</script>", "a,b") == 2.0);
  CHECK(weight_between(g, "\xC3\x85" "bo", "Say \"hi\"") == 1.5);
}

TEST_CASE("plain edge list: distances are kept, a pair listed twice is an error", "[io]") {
  const WeightedGraph g = parse_edge_list("source,target,weight\nx,y,2.5\ny,z,0\n", "d.csv", WeightMeaning::distance);
  CHECK(g.weight_meaning() == WeightMeaning::distance);
  CHECK(weight_between(g, "x", "y") == 2.5);
  CHECK(weight_between(g, "y", "z") == 0.0);
  CHECK(edge_problems("distances-duplicate.csv", WeightMeaning::distance) ==
        std::vector<std::string>{
            "distances-duplicate.csv:4:1: duplicate edge 'b' - 'a' (first at line 2); distances of a pair are not "
            "summed: list each pair once"});
  // As affinities the same file is fine: 1 + 3.
  CHECK(weight_between(read_edge_list(plain / "distances-duplicate.csv", WeightMeaning::affinity), "a", "b") == 4.0);
}

TEST_CASE("plain edge list: in-memory content, header only, last line without line end", "[io]") {
  const WeightedGraph empty = parse_edge_list("source,target\n", "e.csv", WeightMeaning::affinity);
  CHECK(empty.vertex_count() == 0);
  CHECK(empty.edge_count() == 0);
  const WeightedGraph g = parse_edge_list("source,target,weight\np,q,7", "e.csv", WeightMeaning::affinity);
  CHECK(labels_of(g.labels()) == std::vector<std::string>{"p", "q"});
  CHECK(weight_between(g, "p", "q") == 7.0);
}

TEST_CASE("plain edge list: every problem of a file at once", "[io]") {
  CHECK(edge_problems("edges-broken.csv") ==
        std::vector<std::string>{
            "edges-broken.csv:3:3: missing value for required column 'target'",
            "edges-broken.csv:4:5: invalid weight 'x': expected a non-negative number",
            "edges-broken.csv:5:5: invalid weight '-1': expected a non-negative number",
            "edges-broken.csv:6:0: too few fields: expected 3 (as in the header), got 2",
            "edges-broken.csv:7:7: too many fields: expected 3 (as in the header), got 4",
            "edges-broken.csv:8:1: source ' f' has leading or trailing spaces (names are compared exactly)",
            "edges-broken.csv:9:5: missing value for required column 'weight'",
            "edges-broken.csv:10:0: empty line (expected 3 fields)",
            "edges-broken.csv:11:5: invalid weight 'inf': expected a non-negative number",
        });
}

TEST_CASE("plain edge list: encoding, line ends, separator and header problems", "[io]") {
  CHECK(edge_problems("edges-bom-crlf.csv") ==
        std::vector<std::string>{
            "edges-bom-crlf.csv:1:1: file starts with a byte order mark (BOM); save it as UTF-8 without BOM",
            "edges-bom-crlf.csv:1:14: CRLF line end (\\r\\n); line ends must be \\n only (3 CRLFs in the file, this "
            "is the first)",
        });
  CHECK(edge_problems("edges-semicolon.csv") ==
        std::vector<std::string>{"edges-semicolon.csv:1:7: fields are separated by ';' but the separator must be ','"});
  CHECK(edge_problems("edges-header-order.csv") ==
        std::vector<std::string>{"edges-header-order.csv:1:1: header must be exactly 'source,target' or "
                                 "'source,target,weight' (in this order), got 'target,source'"});
  CHECK(edge_problems("edges-no-header.csv") ==
        std::vector<std::string>{"edges-no-header.csv:1:0: missing header line: the first line has none of the "
                                 "expected column names (required columns: source, target)"});
  CHECK(edge_problems("edges-unknown-column.csv") ==
        std::vector<std::string>{
            "edges-unknown-column.csv:1:22: unknown column 'note' (allowed columns: source, target, weight)"});
  CHECK(edge_problems("edges-unterminated.csv") ==
        std::vector<std::string>{
            "edges-unterminated.csv:2:3: unterminated quoted field: no closing '\"' before the end of the file"});
  CHECK(edge_problems("no-such-file.csv") == std::vector<std::string>{"no-such-file.csv:0:0: file not found"});
  CHECK(problems([] { (void)parse_edge_list("", "mem.csv", WeightMeaning::affinity); }) ==
        std::vector<std::string>{"mem.csv:0:0: empty file; expected a header line (required columns: source, target)"});
  CHECK(problems([] { (void)parse_edge_list("source,weight\na,1\n", "mem.csv", WeightMeaning::affinity); }) ==
        std::vector<std::string>{
            "mem.csv:1:0: missing required column 'target' (required columns: source, target)"});
}

TEST_CASE("plain two-mode list: actors as rows, networks as columns, weights", "[io]") {
  const TwoModeGraph g = read_two_mode_list(plain / "memberships.csv");
  CHECK(labels_of(g.row_labels()) == std::vector<std::string>{"a1", "a2", "a3", "a4", "a5", "a6"});
  CHECK(labels_of(g.column_labels()) == std::vector<std::string>{"n1", "n2", "n3", "n4"});
  REQUIRE(g.edge_count() == 11);
  const TwoModeEdge& third = g.edges()[2];  // a3,n1,2
  CHECK(third.row == 2);
  CHECK(third.column == 0);
  CHECK(third.weight == 2.0);
  CHECK(third.status == MembershipStatus::member);
  CHECK(g.row_edges(0).size() == 2);     // a1: n1, n4
  CHECK(g.column_edges(3).size() == 3);  // n4: a1, a5, a6

  const TwoModeGraph u = read_two_mode_list(plain / "memberships-unweighted.csv");
  CHECK(labels_of(u.row_labels()) == std::vector<std::string>{"Helsinki", "Espoo", "Tampere"});
  CHECK(labels_of(u.column_labels()) == std::vector<std::string>{"HSL", "Kasvusopimus, 2021"});
  CHECK(u.edge_count() == 4);
  for (const TwoModeEdge& e : u.edges()) CHECK(e.weight == 1.0);
}

TEST_CASE("plain two-mode list: a repeated pair names both lines; other problems", "[io]") {
  CHECK(problems([] { (void)read_two_mode_list(plain / "memberships-duplicate.csv"); }) ==
        std::vector<std::string>{
            "memberships-duplicate.csv:5:1: duplicate membership of actor 'a1' in network 'n1' (first at line 2)",
            "memberships-duplicate.csv:6:3: missing value for required column 'network'",
        });
  CHECK(problems([] { (void)parse_two_mode_list("source,target\na,b\n", "m.csv"); }) ==
        std::vector<std::string>{"m.csv:1:0: missing header line: the first line has none of the expected column "
                                 "names (required columns: actor, network)"});
  CHECK(problems([] { (void)parse_two_mode_list("network,actor,weight\nn,a,1\n", "m.csv"); }) ==
        std::vector<std::string>{"m.csv:1:1: header must be exactly 'actor,network' or 'actor,network,weight' (in "
                                 "this order), got 'network,actor,weight'"});
  CHECK(problems([] { (void)parse_two_mode_list("actor,network,weight\na,n,-0.5\nb,n,1e999\n", "m.csv"); }) ==
        std::vector<std::string>{"m.csv:2:5: invalid weight '-0.5': expected a non-negative number",
                                 "m.csv:3:5: invalid weight '1e999': expected a non-negative number"});
}

// A well-formed file is read by a fast path; a quote anywhere sends it to the strict reader. So
// the same lists, once plain and once with every name quoted, must give the same graphs.
TEST_CASE("plain lists: the fast path and the strict reader give the same graph", "[io]") {
  const std::vector<std::string> pool{"Hämeenlinna", "Åland", "a1", "Kasvu 2021", "x", "Oulu-Kajaani", "€uro", "n"};
  const std::vector<std::string> weights{"1", "0", "0.5", "2.25", "1e2", "-0", "7"};
  std::mt19937 random(5);
  for (int trial = 0; trial < 50; ++trial) {
    const bool weighted = trial % 2 == 0;
    std::set<std::pair<std::string, std::string>> seen;
    std::string plain_text = weighted ? "actor,network,weight\n" : "actor,network\n";
    std::string quoted_text = plain_text;
    for (int row = 0; row < 30; ++row) {
      const std::string a = pool[random() % pool.size()] + std::to_string(random() % 3);
      const std::string n = pool[random() % pool.size()];
      if (!seen.emplace(a, n).second) continue;  // a membership once
      const std::string w = weighted ? "," + weights[random() % weights.size()] : "";
      plain_text += a + "," + n + w + "\n";
      quoted_text += "\"" + a + "\",\"" + n + "\"" + w + "\n";
    }
    if (trial % 3 == 0) plain_text.pop_back(), quoted_text.pop_back();  // no line end after the last row
    const TwoModeGraph fast = parse_two_mode_list(plain_text, "m.csv");
    const TwoModeGraph strict = parse_two_mode_list(quoted_text, "m.csv");
    CHECK(labels_of(fast.row_labels()) == labels_of(strict.row_labels()));
    CHECK(labels_of(fast.column_labels()) == labels_of(strict.column_labels()));
    REQUIRE(fast.edge_count() == strict.edge_count());
    for (std::size_t e = 0; e < fast.edge_count(); ++e) {
      CHECK(fast.edges()[e].row == strict.edges()[e].row);
      CHECK(fast.edges()[e].column == strict.edges()[e].column);
      CHECK(fast.edges()[e].weight == strict.edges()[e].weight);
    }
    std::string edges_plain = plain_text, edges_quoted = quoted_text;  // the same rows as an edge list
    edges_plain.replace(0, 13, "source,target");
    edges_quoted.replace(0, 13, "source,target");
    const WeightedGraph fast_edges = parse_edge_list(edges_plain, "e.csv", WeightMeaning::affinity);
    const WeightedGraph strict_edges = parse_edge_list(edges_quoted, "e.csv", WeightMeaning::affinity);
    CHECK(labels_of(fast_edges.labels()) == labels_of(strict_edges.labels()));
    REQUIRE(fast_edges.edge_count() == strict_edges.edge_count());
    for (WeightedGraph::EdgeId e = 0; e < fast_edges.edge_count(); ++e) {
      CHECK(fast_edges.edge_source(e) == strict_edges.edge_source(e));
      CHECK(fast_edges.edge_target(e) == strict_edges.edge_target(e));
      CHECK(fast_edges.edge_weight(e) == strict_edges.edge_weight(e));
    }
  }
  // Problems the fast path leaves to the strict reader, which places them.
  CHECK(problems([] { (void)parse_two_mode_list("actor,network\na,n\nb,n\na,n\n", "m.csv"); }) ==
        std::vector<std::string>{"m.csv:4:1: duplicate membership of actor 'a' in network 'n' (first at line 2)"});
  CHECK(problems([] { (void)parse_two_mode_list("actor,network\na,n\n\nb,n\n", "m.csv"); }) ==
        std::vector<std::string>{"m.csv:3:0: empty line (expected 2 fields)"});
  CHECK(problems([] { (void)parse_two_mode_list("actor,network\na,n, \n", "m.csv"); }) ==
        std::vector<std::string>{"m.csv:2:5: too many fields: expected 2 (as in the header), got 3"});
}

// The measures table of `alueverkko metrics` on a plain edge list (centrality/measures.hpp).
TEST_CASE("plain edge list into compute_measures: columns, types, metadata", "[io]") {
  const WeightedGraph g = read_edge_list(plain / "edges-unweighted.csv", WeightMeaning::affinity);
  MeasureSettings raw;
  raw.normalized = false;
  const std::vector<std::string> request{"core", "degree", "strength"};
  const MeasureTable result = compute_measures(g, request, raw);
  const auto& columns = result.table.columns();
  REQUIRE(columns.size() == 4);
  CHECK(columns[0].name == "id");
  CHECK(std::get<Table::Strings>(columns[0].values) ==
        std::vector<std::string>{"Helsinki", "Espoo", "Vantaa", "Turku"});
  CHECK(columns[1].name == "core");
  CHECK(std::get<Table::Integers>(columns[1].values) == Table::Integers{2, 2, 2, 0});  // self-loop ignored
  CHECK(columns[2].name == "degree");
  CHECK(std::get<Table::Integers>(columns[2].values) == Table::Integers{2, 2, 2, 2});  // loop counts 2
  CHECK(columns[3].name == "strength");
  CHECK(std::get<Table::Reals>(columns[3].values) == Table::Reals{3, 3, 2, 2});
  REQUIRE(result.metadata.size() == 3);
  CHECK(result.metadata[0].measure == "core");
  CHECK(result.metadata[2].measure == "strength");

  const std::vector<std::string> degree{"degree"};
  const MeasureTable normalized = compute_measures(g, degree);
  CHECK(std::get<Table::Reals>(normalized.table.column("degree").values) == Table::Reals{2.0 / 3, 2.0 / 3, 2.0 / 3, 2.0 / 3});
}

TEST_CASE("compute_measures: bad names, distances, unlabelled graphs", "[io]") {
  const WeightedGraph g = parse_edge_list("source,target,weight\nx,y,2\ny,z,1\n", "d.csv", WeightMeaning::distance);
  const std::vector<std::string> unknown{"degree", "closenes"};
  CHECK_THROWS_WITH(compute_measures(g, unknown),
                    "unknown measure 'closenes' (valid measures: degree, strength, betweenness, closeness, harmonic, "
                    "eigenvector, pagerank, katz, core)");
  const std::vector<std::string> twice{"core", "core"};
  CHECK_THROWS_WITH(compute_measures(g, twice), "measure 'core' requested twice");
  CHECK_THROWS_AS(compute_measures(g, std::vector<std::string>{}), std::invalid_argument);
  CHECK(measure_names().size() == 9);

  // Distances: path measures use them as given; spectral measures fall back to the adjacency.
  MeasureSettings settings;
  settings.lengths.weighted = true;
  const std::vector<std::string> request{"closeness", "eigenvector"};
  const MeasureTable result = compute_measures(g, request, settings);
  const auto closeness = std::get<Table::Reals>(result.table.column("closeness").values);
  CHECK(closeness[1] == Approx(2.0 / 3));  // y: distances 2 and 1
  const auto* weights = [&]() -> const std::string* {
    for (const auto& [key, value] : result.metadata[1].metadata)
      if (key == "weights") return &value;
    return nullptr;
  }();
  REQUIRE(weights);
  CHECK(*weights == "unweighted (the graph's weights are distances)");

  const std::vector<WeightedEdge> edges{{0, 1, 1.0}};
  const WeightedGraph unlabelled = WeightedGraph::from_edges(3, edges, WeightMeaning::affinity);
  const std::vector<std::string> degree{"degree"};
  CHECK(std::get<Table::Strings>(compute_measures(unlabelled, degree).table.column("id").values) ==
        std::vector<std::string>{"0", "1", "2"});
}
