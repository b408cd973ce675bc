// Path measures (betweenness, closeness, harmonic) and degree: hand-computed values on small
// fixtures, normalisations as networkx 2.8, and Boost.Graph's own algorithms as an oracle on random
// graphs.
#include <alueverkko/centrality/betweenness.hpp>
#include <alueverkko/centrality/closeness.hpp>
#include <alueverkko/centrality/degree.hpp>
#include <alueverkko/graph/boost_graph.hpp>
#include <alueverkko/graph/distance.hpp>

#include <boost/graph/betweenness_centrality.hpp>
#include <boost/graph/dijkstra_shortest_paths.hpp>
#include <catch2/catch.hpp>

#include <cmath>
#include <limits>
#include <random>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

using namespace alueverkko;

namespace {

WeightedGraph graph(std::size_t n, const std::vector<WeightedEdge>& edges, WeightMeaning meaning = WeightMeaning::distance) {
  return WeightedGraph::from_edges(n, edges, meaning);
}

void check_values(const Scores& scores, const std::vector<double>& expected) {
  REQUIRE(scores.values.size() == expected.size());
  for (std::size_t i = 0; i < expected.size(); ++i) {
    INFO(scores.measure << " [" << i << "]");
    CHECK(scores.values[i] == Approx(expected[i]).margin(1e-12));
  }
}

std::string metadata(const Scores& scores, const char* key) {
  const auto* value = scores.find(key);
  return value ? *value : "(missing)";
}

BetweennessOptions raw(PathLengths lengths = {}) {
  BetweennessOptions o;
  o.lengths = lengths;
  o.normalized = false;
  return o;
}

constexpr PathLengths hops{};
constexpr PathLengths as_distances{true, DistanceConversion::none};
constexpr PathLengths inverse{true, DistanceConversion::inverse};
constexpr PathLengths neglog{true, DistanceConversion::neglog};

// 0-1-2-3
const WeightedGraph p4 = graph(4, {{0, 1, 1.0}, {1, 2, 1.0}, {2, 3, 1.0}});

// n vertices, about `edges` distinct random edges (no self-loops), weights from `weight`.
template <class Weight>
WeightedGraph random_graph(std::size_t n, std::size_t edges, std::uint64_t seed, Weight weight) {
  std::mt19937_64 random(seed);
  std::uniform_int_distribution<WeightedGraph::Vertex> vertex(0, static_cast<WeightedGraph::Vertex>(n - 1));
  std::set<std::pair<WeightedGraph::Vertex, WeightedGraph::Vertex>> seen;
  std::vector<WeightedEdge> list;
  while (list.size() < edges) {
    auto u = vertex(random), v = vertex(random);
    if (u == v) continue;
    if (u > v) std::swap(u, v);
    if (seen.insert({u, v}).second) list.push_back({u, v, weight(random)});
  }
  return graph(n, list);
}

}  // namespace

TEST_CASE("Betweenness of a path graph: raw, normalized, endpoints, edges", "[centrality]") {
  check_values(betweenness(p4, raw()), {0, 2, 2, 0});
  check_values(betweenness(p4), {0, 2.0 / 3, 2.0 / 3, 0});  // 2·2 / ((n−1)(n−2))
  auto with_endpoints = raw();
  with_endpoints.endpoints = true;
  check_values(betweenness(p4, with_endpoints), {3, 5, 5, 3});  // + the 3 pairs each vertex ends
  with_endpoints.normalized = true;
  check_values(betweenness(p4, with_endpoints), {0.5, 10.0 / 12, 10.0 / 12, 0.5});  // ordered / (n(n−1))
  // Edge ids follow the sorted edge list: {0,1}, {1,2}, {2,3}.
  check_values(edge_betweenness(p4, raw()), {3, 4, 3});
  check_values(edge_betweenness(p4), {0.5, 8.0 / 12, 0.5});
  // Hop counts ignore weights: a distance graph with other weights gives the same.
  check_values(betweenness(graph(4, {{0, 1, 7.0}, {1, 2, 0.5}, {2, 3, 3.0}}), raw()), {0, 2, 2, 0});
}

TEST_CASE("Betweenness of a star, and a sample of sources", "[centrality]") {
  const auto star = graph(5, {{0, 1, 1.0}, {0, 2, 1.0}, {0, 3, 1.0}, {0, 4, 1.0}});
  check_values(betweenness(star, raw()), {6, 0, 0, 0, 0});
  check_values(betweenness(star), {1, 0, 0, 0, 0});  // 2·6 / (4·3)

  // k = 4 of 5 sources: with the centre among them, 3 leaves give it 3 each; without, 4 leaves do.
  // Raw scale 1/2 · n/k = 5/8.
  std::set<double> seen;
  for (std::uint64_t seed = 0; seed < 20; ++seed) {
    auto o = raw();
    o.samples = 4;
    o.seed = seed;
    const auto s = betweenness(star, o);
    CHECK((s.values[0] == 9 * 0.625 || s.values[0] == 12 * 0.625));
    seen.insert(s.values[0]);
    CHECK(metadata(s, "samples") == "4");
    CHECK(metadata(s, "seed") == std::to_string(seed));
    CHECK(metadata(s, "normalization") == "1/2 (each pair counted once) times n/k, n = 5, k = 4");
  }
  CHECK(seen.size() == 2);  // both kinds of sample occur among the seeds
}

TEST_CASE("Sampled betweenness: k >= n is exact, a seed reproduces its sample", "[centrality]") {
  const auto g = random_graph(40, 90, 7, [](auto&) { return 1.0; });
  BetweennessOptions o;
  const auto exact = betweenness(g, o);
  o.samples = 40;
  o.seed = 3;
  CHECK(betweenness(g, o).values == exact.values);
  CHECK(betweenness(g, o).find("samples") == nullptr);
  o.samples = 10;
  o.threads = 2;
  const auto a = betweenness(g, o), b = betweenness(g, o);
  CHECK(a.values == b.values);
  CHECK(edge_betweenness(g, o).values == edge_betweenness(g, o).values);
  o.seed = 4;
  CHECK(betweenness(g, o).values != a.values);
  CHECK(metadata(a, "samples") == "10");
  CHECK(metadata(a, "seed") == "3");
  CHECK(metadata(a, "normalization") == "1/((n-1)(n-2)) times n/k, n = 40, k = 10");
}

TEST_CASE("Weighted shortest paths: a cheaper two-hop path, ties, conversions", "[centrality]") {
  // 0 -1- 1 -1- 2 and 0 -3- 2: the two-hop path is shorter.
  const auto triangle = graph(3, {{0, 1, 1.0}, {1, 2, 1.0}, {0, 2, 3.0}});
  check_values(betweenness(triangle, raw(as_distances)), {0, 1, 0});
  check_values(betweenness(triangle, raw()), {0, 0, 0});
  check_values(edge_betweenness(triangle, raw(as_distances)), {2, 0, 2});  // ids: {0,1} {0,2} {1,2}
  check_values(edge_betweenness(triangle, raw()), {1, 1, 1});
  BetweennessOptions normalized;
  normalized.lengths = as_distances;
  check_values(betweenness(triangle, normalized), {0, 1, 0});  // 2·1 / ((n−1)(n−2)) = 2/2

  // 0 -2- 2 ties with 0 -1- 1 -1- 2: each carries half of the pair {0, 2}.
  const auto tie = graph(3, {{0, 1, 1.0}, {1, 2, 1.0}, {0, 2, 2.0}});
  check_values(betweenness(tie, raw(as_distances)), {0, 0.5, 0});
  check_values(edge_betweenness(tie, raw(as_distances)), {1.5, 0.5, 1.5});

  // The same triangle as affinities: 1/affinity gives the lengths above.
  const auto affinities = graph(3, {{0, 1, 1.0}, {1, 2, 1.0}, {0, 2, 1.0 / 3}}, WeightMeaning::affinity);
  check_values(betweenness(affinities, raw(inverse)), {0, 1, 0});
  CHECK(metadata(betweenness(affinities, raw(inverse)), "weights") == "distance = 1/affinity");

  // neglog: affinities 4, 1, 2 on {0,1}, {0,2}, {1,2} → lengths 0, log 4, log 2; via 1 is shorter.
  const auto strong = graph(3, {{0, 1, 4.0}, {0, 2, 1.0}, {1, 2, 2.0}}, WeightMeaning::affinity);
  const auto lengths = edge_lengths(strong, neglog);
  REQUIRE(lengths.size() == 3);
  CHECK(lengths[0] == 0.0);
  CHECK_FALSE(std::signbit(lengths[0]));
  CHECK(lengths[1] == Approx(std::log(4.0)));
  CHECK(lengths[2] == Approx(std::log(2.0)));
  check_values(betweenness(strong, raw(neglog)), {0, 1, 0});
  CHECK(metadata(betweenness(strong, raw(neglog)), "weights") == "distance = -log(affinity/max affinity)");

  // Weighted paths over many equal lengths count every shortest path: a 4-cycle of length-2 edges.
  const auto cycle = graph(4, {{0, 1, 2.0}, {1, 2, 2.0}, {2, 3, 2.0}, {0, 3, 2.0}});
  check_values(betweenness(cycle, raw(as_distances)), {0.5, 0.5, 0.5, 0.5});
  check_values(betweenness(cycle, raw()), {0.5, 0.5, 0.5, 0.5});
  check_values(edge_betweenness(cycle, raw(as_distances)), {2, 2, 2, 2});
  BetweennessOptions cycle_normalized;
  check_values(betweenness(cycle, cycle_normalized), {1.0 / 6, 1.0 / 6, 1.0 / 6, 1.0 / 6});
}

TEST_CASE("A zero affinity is no edge under inverse and neglog", "[centrality]") {
  const auto g = graph(3, {{0, 1, 2.0}, {1, 2, 2.0}, {0, 2, 0.0}}, WeightMeaning::affinity);
  const auto lengths = edge_lengths(g, inverse);
  CHECK(lengths == std::vector<double>{0.5, std::numeric_limits<double>::infinity(), 0.5});
  check_values(betweenness(g, raw(inverse)), {0, 1, 0});
  check_values(edge_betweenness(g, raw(inverse)), {2, 0, 2});
  check_values(betweenness(g, raw(neglog)), {0, 1, 0});
  check_values(betweenness(g, raw()), {0, 0, 0});  // hops: the edge is there
  ClosenessOptions c;
  c.lengths = inverse;
  check_values(closeness(g, c), {2 / 1.5, 2 / 1.0, 2 / 1.5});
  check_values(harmonic_closeness(g, c), {2 + 1, 2 + 2, 2 + 1});

  // Every affinity 0: every length infinite, nothing reachable.
  const auto none = graph(2, {{0, 1, 0.0}}, WeightMeaning::affinity);
  CHECK(std::isinf(edge_lengths(none, neglog)[0]));
  c.lengths = neglog;
  check_values(closeness(none, c), {0, 0});
  check_values(edge_betweenness(none, raw(neglog)), {0});
}

TEST_CASE("Two components and an isolated vertex", "[centrality]") {
  // 0-1-2, 3-4, 5 alone.
  const auto g = graph(6, {{0, 1, 1.0}, {1, 2, 1.0}, {3, 4, 1.0}});
  check_values(betweenness(g, raw()), {0, 1, 0, 0, 0, 0});
  check_values(betweenness(g), {0, 1.0 / 10, 0, 0, 0, 0});  // 2·1 / (5·4)
  auto with_endpoints = raw();
  with_endpoints.endpoints = true;
  check_values(betweenness(g, with_endpoints), {2, 3, 2, 1, 1, 0});
  check_values(edge_betweenness(g, raw()), {2, 2, 1});
  check_values(edge_betweenness(g), {4.0 / 30, 4.0 / 30, 2.0 / 30});

  ClosenessOptions c;
  check_values(closeness(g, c), {2.0 / 3 * 2.0 / 5, 1 * 2.0 / 5, 2.0 / 3 * 2.0 / 5, 1.0 / 5, 1.0 / 5, 0});
  c.wf_improved = false;
  check_values(closeness(g, c), {2.0 / 3, 1, 2.0 / 3, 1, 1, 0});
  check_values(harmonic_closeness(g, c), {1.5, 2, 1.5, 1, 1, 0});
  c.normalized = true;
  check_values(harmonic_closeness(g, c), {1.5 / 5, 2.0 / 5, 1.5 / 5, 1.0 / 5, 1.0 / 5, 0});
}

TEST_CASE("Closeness and harmonic closeness of a path graph, hops and lengths", "[centrality]") {
  ClosenessOptions c;
  check_values(closeness(p4, c), {0.5, 0.75, 0.75, 0.5});
  check_values(harmonic_closeness(p4, c), {11.0 / 6, 2.5, 2.5, 11.0 / 6});
  c.normalized = true;
  check_values(harmonic_closeness(p4, c), {11.0 / 18, 2.5 / 3, 2.5 / 3, 11.0 / 18});
  CHECK(metadata(harmonic_closeness(p4, c), "normalization") == "1/(n-1), n = 4");

  const auto triangle = graph(3, {{0, 1, 1.0}, {1, 2, 1.0}, {0, 2, 3.0}});
  c.lengths = as_distances;
  c.normalized = false;
  check_values(closeness(triangle, c), {2.0 / 3, 1, 2.0 / 3});  // 0 → 2 costs 2 through 1
  check_values(harmonic_closeness(triangle, c), {1.5, 2, 1.5});
  CHECK(metadata(closeness(triangle, c), "weights") == "distance");
}

TEST_CASE("Self-loops: never on a shortest path, count twice in degree", "[centrality]") {
  // 0-1-2 with self-loops at 0 and 1 (edge ids: {0,0}, {0,1}, {1,1}, {1,2}).
  const auto g = graph(3, {{0, 1, 1.0}, {1, 2, 1.0}, {1, 1, 0.5}, {0, 0, 2.0}});
  check_values(betweenness(g, raw()), {0, 1, 0});
  check_values(betweenness(g, raw(as_distances)), {0, 1, 0});
  check_values(edge_betweenness(g, raw()), {0, 2, 0, 2});
  check_values(edge_betweenness(g, raw(as_distances)), {0, 2, 0, 2});
  check_values(closeness(g, {}), {2.0 / 3, 1, 2.0 / 3});

  check_values(degree_centrality(g, false), {3, 4, 1});
  check_values(degree_centrality(g), {1.5, 2, 0.5});
  check_values(strength(g), {1 + 2 * 2.0, 1 + 1 + 2 * 0.5, 1});
  CHECK(metadata(strength(g), "normalization") == "none");
  CHECK(metadata(degree_centrality(g), "normalization") == "1/(n-1), n = 3");
}

TEST_CASE("Degenerate graphs: no vertices, one vertex, two vertices", "[centrality]") {
  const auto empty = graph(0, {});
  CHECK(betweenness(empty).values.empty());
  CHECK(edge_betweenness(empty).values.empty());
  CHECK(closeness(empty).values.empty());
  CHECK(harmonic_closeness(empty).values.empty());
  CHECK(degree_centrality(empty).values.empty());
  CHECK(strength(empty).values.empty());

  const auto one = graph(1, {});
  check_values(betweenness(one), {0});
  CHECK(metadata(betweenness(one), "normalization") == "none (n <= 2)");
  check_values(closeness(one), {0});
  ClosenessOptions normalized;
  normalized.normalized = true;
  check_values(harmonic_closeness(one, normalized), {0});
  check_values(degree_centrality(one), {1});  // networkx's convention
  check_values(degree_centrality(one, false), {0});

  const auto two = graph(2, {{0, 1, 1.0}});
  check_values(betweenness(two), {0, 0});
  check_values(edge_betweenness(two), {1});  // 2 ordered pairs / (n(n−1))
  BetweennessOptions with_endpoints;
  with_endpoints.endpoints = true;
  check_values(betweenness(two, with_endpoints), {1, 1});
  check_values(closeness(two), {1, 1});
}

TEST_CASE("Lengths must fit the weights' meaning", "[centrality]") {
  const auto affinities = graph(3, {{0, 1, 1.0}, {1, 2, 2.0}}, WeightMeaning::affinity);
  const auto distances = graph(3, {{0, 1, 1.0}, {1, 2, 2.0}});
  CHECK_THROWS_WITH(betweenness(affinities, raw(as_distances)),
                    Catch::Contains("affinities") && Catch::Contains("inverse or neglog, or use hops"));
  CHECK_THROWS_AS(closeness(affinities, {as_distances}), std::invalid_argument);
  CHECK_THROWS_AS(edge_lengths(affinities, as_distances), std::invalid_argument);
  CHECK_THROWS_WITH(betweenness(distances, raw(inverse)), Catch::Contains("already distances"));
  CHECK(edge_lengths(affinities, hops).empty());
  CHECK(edge_lengths(distances, as_distances) == std::vector<double>{1.0, 2.0});
  CHECK(edge_lengths(affinities, inverse) == std::vector<double>{1.0, 0.5});
  CHECK(describe(hops, WeightMeaning::affinity) == "hops");
  CHECK(describe(as_distances, WeightMeaning::distance) == "distance");
  CHECK(to_string(DistanceConversion::neglog) == "neglog");
}

TEST_CASE("Every score carries its metadata", "[centrality]") {
  const auto g = graph(4, {{0, 1, 1.0}, {1, 2, 1.0}, {2, 3, 1.0}}, WeightMeaning::affinity);
  BetweennessOptions o;
  o.threads = 2;
  const auto b = betweenness(g, o);
  CHECK(b.measure == "betweenness");
  CHECK(metadata(b, "weights") == "hops");
  CHECK(metadata(b, "normalization") == "1/((n-1)(n-2)), n = 4");
  CHECK(metadata(b, "endpoints") == "false");
  CHECK(b.find("threads") == nullptr);  // the values do not depend on it
  CHECK(b.find("samples") == nullptr);
  o.normalized = false;
  o.lengths = inverse;
  const auto e = edge_betweenness(g, o);
  CHECK(e.measure == "edge betweenness");
  CHECK(metadata(e, "weights") == "distance = 1/affinity");
  CHECK(metadata(e, "normalization") == "1/2 (each pair counted once), n = 4");
  o.normalized = true;
  o.endpoints = true;
  CHECK(metadata(betweenness(g, o), "normalization") == "1/(n(n-1)), n = 4");
  CHECK(metadata(edge_betweenness(g, o), "normalization") == "1/(n(n-1)), n = 4");
  CHECK(edge_betweenness(g, o).find("endpoints") == nullptr);

  const auto c = closeness(g);
  CHECK(c.measure == "closeness");
  CHECK(metadata(c, "weights") == "hops");
  CHECK(metadata(c, "normalization").find("Wasserman-Faust") != std::string::npos);
  CHECK(c.find("threads") == nullptr);
  const auto h = harmonic_closeness(g);
  CHECK(h.measure == "harmonic closeness");
  CHECK(metadata(h, "normalization") == "none");
  CHECK(degree_centrality(g).measure == "degree");
  CHECK(metadata(degree_centrality(g), "weights") == "unweighted");
  CHECK(metadata(strength(g), "weights") == "affinity");
}

TEST_CASE("Any number of threads gives the same values to the last bit", "[centrality][determinism]") {
  // 600 sources: blocks of 3, so the threads interleave blocks in many ways.
  const auto g = random_graph(600, 1800, 11, [](std::mt19937_64& r) { return 0.5 + std::generate_canonical<double, 53>(r); });
  for (const auto lengths : {hops, as_distances}) {
    BetweennessOptions one;
    one.lengths = lengths;
    one.threads = 1;
    const auto vertex = betweenness(g, one).values, edge = edge_betweenness(g, one).values;
    ClosenessOptions c1;
    c1.lengths = lengths;
    c1.threads = 1;
    const auto close = closeness(g, c1).values, harmonic = harmonic_closeness(g, c1).values;
    for (const int threads : {2, 3, 5}) {
      CAPTURE(threads);
      BetweennessOptions many = one;
      many.threads = threads;
      CHECK(betweenness(g, many).values == vertex);
      CHECK(edge_betweenness(g, many).values == edge);
      many.samples = 100;
      one.samples = 100;
      CHECK(betweenness(g, many).values == betweenness(g, one).values);
      one.samples = 0;
      ClosenessOptions cn = c1;
      cn.threads = threads;
      CHECK(closeness(g, cn).values == close);
      CHECK(harmonic_closeness(g, cn).values == harmonic);
    }
  }
}

TEST_CASE("Boost.Graph's brandes_betweenness_centrality agrees on random graphs", "[centrality]") {
  // Boost sums over ordered pairs and then halves for undirected graphs: networkx's raw values.
  const auto unit = [](std::mt19937_64&) { return 1.0; };
  const auto small_integers = [](std::mt19937_64& r) { return static_cast<double>(1 + r() % 3); };  // many ties
  const auto reals = [](std::mt19937_64& r) { return 0.1 + std::generate_canonical<double, 53>(r); };
  struct Case {
    WeightedGraph g;
    PathLengths lengths;
  };
  const std::vector<Case> cases{{random_graph(80, 160, 1, unit), hops},
                                {random_graph(80, 200, 2, small_integers), as_distances},
                                {random_graph(80, 200, 3, reals), as_distances}};
  for (const auto& [g, lengths] : cases) {
    std::vector<double> vertex(g.vertex_count()), edge(g.edge_count());
    const auto edge_map = boost::make_iterator_property_map(edge.begin(), get(boost::edge_index, g));
    if (lengths.weighted)
      boost::brandes_betweenness_centrality(
          g, boost::centrality_map(vertex.data()).edge_centrality_map(edge_map).weight_map(get(boost::edge_weight, g)));
    else
      boost::brandes_betweenness_centrality(g, boost::centrality_map(vertex.data()).edge_centrality_map(edge_map));

    const auto ours = betweenness(g, raw(lengths));
    const auto ours_edges = edge_betweenness(g, raw(lengths));
    double total = 0;
    for (std::size_t v = 0; v < vertex.size(); ++v) {
      CHECK(ours.values[v] == Approx(vertex[v]).margin(1e-9));
      total += vertex[v];
    }
    CHECK(total > 100);  // the graph has paths through vertices to compare
    for (std::size_t e = 0; e < edge.size(); ++e) CHECK(ours_edges.values[e] == Approx(edge[e]).margin(1e-9));
  }
}

TEST_CASE("Closeness agrees with Boost.Graph's Dijkstra distances on a random graph", "[centrality]") {
  const auto g = random_graph(60, 90, 5, [](std::mt19937_64& r) { return 0.1 + std::generate_canonical<double, 53>(r); });
  const std::size_t n = g.vertex_count();
  std::vector<double> expected_closeness(n), expected_harmonic(n);
  for (WeightedGraph::Vertex u = 0; u < n; ++u) {
    std::vector<double> dist(n);
    boost::dijkstra_shortest_paths(g, u, boost::distance_map(dist.data()).weight_map(get(boost::edge_weight, g)));
    double total = 0, harmonic = 0, reached = 0;
    for (const double d : dist)
      if (d != std::numeric_limits<double>::max()) {
        ++reached;
        total += d;
        if (d > 0) harmonic += 1 / d;
      }
    expected_closeness[u] = total > 0 ? (reached - 1) / total * (reached - 1) / static_cast<double>(n - 1) : 0.0;
    expected_harmonic[u] = harmonic;
  }
  ClosenessOptions c;
  c.lengths = as_distances;
  const auto ours = closeness(g, c), ours_harmonic = harmonic_closeness(g, c);
  std::size_t isolated = 0;
  for (std::size_t u = 0; u < n; ++u) {
    CHECK(ours.values[u] == Approx(expected_closeness[u]).epsilon(1e-12));
    CHECK(ours_harmonic.values[u] == Approx(expected_harmonic[u]).epsilon(1e-12));
    isolated += g.degree(static_cast<WeightedGraph::Vertex>(u)) == 0;
  }
  CHECK(isolated < n / 2);
}
