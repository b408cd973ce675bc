// DOT writer (alueverkko/io/dot.hpp): escaping by hand-written expectations, and the files read back
// by Graphviz's own `neato -n2 -Tplain`: node and edge counts, pinned positions kept.
#include <alueverkko/io/dot.hpp>

#include <catch2/catch.hpp>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include <unistd.h>

namespace fs = std::filesystem;
using namespace alueverkko;

namespace {

std::string dot_of(const WeightedGraph& g, const DotOptions& options = {}) {
  std::ostringstream out;
  write_dot(g, out, options);
  return out.str();
}

// Runs a Graphviz command on `dot` (written to a scratch file); its standard output and exit status.
std::pair<std::string, int> run_graphviz(const std::string& command, const std::string& dot) {
  const fs::path file = fs::temp_directory_path() / ("alueverkko_test_dot_" + std::to_string(getpid()) + ".gv");
  std::ofstream(file) << dot;
  std::string output;
  FILE* pipe = popen((command + " '" + file.string() + "' 2>&1").c_str(), "r");
  REQUIRE(pipe);
  std::array<char, 4096> buffer{};
  while (const std::size_t n = std::fread(buffer.data(), 1, buffer.size(), pipe)) output.append(buffer.data(), n);
  const int status = pclose(pipe);
  fs::remove(file);
  return {output, status};
}

// -Tplain: "node NAME X Y ..." (inches) and "edge ..." lines.
struct Plain {
  std::map<std::string, std::pair<double, double>> nodes;
  std::size_t edges = 0;
};

Plain parse_plain(const std::string& text) {
  Plain plain;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) {
    std::istringstream fields(line);
    std::string kind, name;
    fields >> kind;
    if (kind == "node") {
      double x = 0, y = 0;
      fields >> name >> x >> y;
      plain.nodes[name] = {x, y};
    } else if (kind == "edge") {
      ++plain.edges;
    }
  }
  return plain;
}

WeightedGraph triangle(std::vector<std::string> labels = {"a", "b", "c"}) {
  const std::vector<WeightedEdge> edges{{0, 1, 1.0}, {1, 2, 2.0}, {0, 2, 4.0}};
  return WeightedGraph::from_edges(3, edges, WeightMeaning::affinity, std::move(labels));
}

}  // namespace

TEST_CASE("dot ids and labels are escaped", "[dot]") {
  CHECK(dot_id("plain") == "\"plain\"");
  CHECK(dot_id("say \"hi\"") == "\"say \\\"hi\\\"\"");
  CHECK(dot_id("back\\slash\\") == "\"back\\\\slash\\\\\"");
  CHECK(dot_id("two\nlines\r") == "\"two\\nlines\\r\"");
  CHECK(dot_id("<script>alert(1)</script>") == "\"<script>alert(1)</script>\"");
  CHECK(dot_label("A & B") == "\"A &amp; B\"");
  CHECK(dot_label("x\\y \"q\"") == "\"x\\\\y \\\"q\\\"\"");
  CHECK(dot_label("one\r\ntwo\rthree\n") == "\"one\\ntwo\\nthree\\n\"");
  CHECK(dot_label("<b>") == "\"<b>\"");
}

TEST_CASE("dot: weights and penwidths as documented", "[dot]") {
  const std::string dot = dot_of(triangle());
  // max weight 4: penwidth = 0.5 + 4.5 · w / 4
  CHECK(dot.find("\"a\" -- \"b\" [weight=\"1\", penwidth=\"1.625\"]") != std::string::npos);
  CHECK(dot.find("\"b\" -- \"c\" [weight=\"2\", penwidth=\"2.75\"]") != std::string::npos);
  CHECK(dot.find("\"a\" -- \"c\" [weight=\"4\", penwidth=\"5\"]") != std::string::npos);
  CHECK(dot.find("affinity (more = closer)") != std::string::npos);
  CHECK(dot.find("pos=") == std::string::npos);

  // Distances: the shortest (1) is drawn thickest; penwidth = 0.5 + 4.5 · 1 / w.
  const std::vector<WeightedEdge> edges{{0, 1, 1.0}, {1, 2, 2.0}};
  const auto d = WeightedGraph::from_edges(3, edges, WeightMeaning::distance, {"a", "b", "c"});
  const std::string ddot = dot_of(d);
  CHECK(ddot.find("\"a\" -- \"b\" [weight=\"1\", penwidth=\"5\"]") != std::string::npos);
  CHECK(ddot.find("\"b\" -- \"c\" [weight=\"2\", penwidth=\"2.75\"]") != std::string::npos);
  CHECK(ddot.find("a distance (more = farther)") != std::string::npos);
}

TEST_CASE("dot: ids fall back to n<i> when labels cannot serve", "[dot]") {
  const std::string dup = dot_of(triangle({"x", "x", "y"}));
  CHECK(dup.find("\"n0\" [label=\"x\"]") != std::string::npos);
  CHECK(dup.find("\"n1\" [label=\"x\"]") != std::string::npos);
  CHECK(dup.find("\"n0\" -- \"n1\"") != std::string::npos);
  const std::vector<WeightedEdge> edges{{0, 1, 1.0}};
  const std::string unlabelled = dot_of(WeightedGraph::from_edges(2, edges, WeightMeaning::affinity));
  CHECK(unlabelled.find("\"n0\" [];") != std::string::npos);
  CHECK(unlabelled.find("\"n0\" -- \"n1\"") != std::string::npos);
}

TEST_CASE("dot: Graphviz reads our file back with hostile names", "[dot]") {
  const std::vector<std::string> hostile{"<script>alert(1)</script>", "say \"hi\" & bye", "two\nlines\\"};
  const std::string dot = dot_of(triangle(hostile));
  const auto [output, status] = run_graphviz("dot -Tcanon", dot);
  REQUIRE(status == 0);
  // Graphviz's canonical form has the three nodes and edges, labels as we wrote them.
  CHECK(output.find("label=\"<script>alert(1)</script>\"") != std::string::npos);
  CHECK(output.find("label=\"say \\\"hi\\\" &amp; bye\"") != std::string::npos);
  const auto [plain_text, plain_status] = run_graphviz("dot -Tplain", dot);
  REQUIRE(plain_status == 0);
  CHECK(parse_plain(plain_text).edges == 3);
}

TEST_CASE("dot: pinned positions are kept by neato -n2", "[dot]") {
  const std::vector<geo::Point> positions{{10.5, 20.25}, {300, 40}, {144, 500}};
  const std::string dot = dot_of(triangle(), {.positions = positions});
  CHECK(dot.find("\"a\" [label=\"a\", pos=\"10.5,20.25!\"]") != std::string::npos);
  CHECK(dot.find("notranslate=\"true\"") != std::string::npos);
  const auto [output, status] = run_graphviz("neato -n2 -Tplain", dot);
  REQUIRE(status == 0);
  const Plain plain = parse_plain(output);
  REQUIRE(plain.nodes.size() == 3);
  CHECK(plain.edges == 3);
  const std::vector<std::string> names{"a", "b", "c"};
  for (std::size_t v = 0; v < 3; ++v) {
    INFO(names[v]);
    REQUIRE(plain.nodes.count(names[v]) == 1);
    // -Tplain gives inches (5 significant digits).
    CHECK(plain.nodes.at(names[v]).first == Approx(positions[v].x / 72).epsilon(1e-4));
    CHECK(plain.nodes.at(names[v]).second == Approx(positions[v].y / 72).epsilon(1e-4));
  }
}

TEST_CASE("dot: per-vertex options must match the graph", "[dot]") {
  const std::vector<geo::Point> two{{0, 0}, {1, 1}};
  std::ostringstream out;
  CHECK_THROWS_AS(write_dot(triangle(), out, {.positions = two}), std::invalid_argument);
  const std::vector<std::string> one{"x"};
  CHECK_THROWS_AS(write_dot(triangle(), out, {.node_labels = one}), std::invalid_argument);
}

TEST_CASE("dot: nodes in the order asked (drawing order), edges unchanged", "[dot]") {
  const std::vector<std::uint32_t> order{2, 0, 1};
  const std::string dot = dot_of(triangle(), {.node_order = order});
  const auto a = dot.find("\"a\" [label"), b = dot.find("\"b\" [label"), c = dot.find("\"c\" [label");
  REQUIRE(a != std::string::npos);
  CHECK(c < a);
  CHECK(a < b);
  CHECK(dot.find("\"a\" -- \"b\"") > b);
  std::ostringstream out;
  const std::vector<std::uint32_t> repeated{0, 0, 1};
  CHECK_THROWS_AS(write_dot(triangle(), out, {.node_order = repeated}), std::invalid_argument);
  const std::vector<std::uint32_t> outside{0, 1, 3};
  CHECK_THROWS_AS(write_dot(triangle(), out, {.node_order = outside}), std::invalid_argument);
}
