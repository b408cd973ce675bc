#include <alueverkko/graph/weighted_graph.hpp>

#include <catch2/catch.hpp>

#include <vector>

using alueverkko::WeightedEdge;
using alueverkko::WeightedGraph;
using alueverkko::WeightMeaning;

TEST_CASE("CSR from an edge list: parallel edges summed, neighbours sorted, self-loop once", "[graph]") {
  const std::vector<WeightedEdge> edges{{2, 0, 1.0}, {0, 1, 2.0}, {1, 0, 0.5}, {3, 3, 4.0}, {1, 3, 1.0}};
  const auto g = WeightedGraph::from_edges(5, edges, WeightMeaning::affinity, {"a", "b", "c", "d", "e"});
  CHECK(g.vertex_count() == 5);
  CHECK(g.edge_count() == 4);  // {0,1} merged: 2.0 + 0.5
  CHECK(std::vector<WeightedGraph::Vertex>(g.neighbors(0).begin(), g.neighbors(0).end()) == std::vector<WeightedGraph::Vertex>{1, 2});
  CHECK(std::vector<double>(g.neighbor_weights(0).begin(), g.neighbor_weights(0).end()) == std::vector<double>{2.5, 1.0});
  CHECK(std::vector<WeightedGraph::Vertex>(g.neighbors(3).begin(), g.neighbors(3).end()) == std::vector<WeightedGraph::Vertex>{1, 3});
  CHECK(g.degree(4) == 0);
  CHECK(g.offsets().back() == 7);  // 3 edges stored twice, the self-loop once
  for (WeightedGraph::Vertex v = 0; v < 5; ++v)
    for (std::size_t a = 0; a < g.degree(v); ++a) {
      const auto e = g.neighbor_edge_ids(v)[a];
      const auto w = g.neighbors(v)[a];
      CHECK(((g.edge_source(e) == v && g.edge_target(e) == w) || (g.edge_source(e) == w && g.edge_target(e) == v)));
      CHECK(g.edge_weight(e) == g.neighbor_weights(v)[a]);
    }
  CHECK(g.find("d") == 3);
  CHECK(g.find("zz") == 5);
  CHECK(g.weight_meaning() == WeightMeaning::affinity);
}

TEST_CASE("with_weights keeps the topology and changes the meaning", "[graph]") {
  const std::vector<WeightedEdge> edges{{0, 1, 2.0}, {1, 2, 4.0}};
  const auto g = WeightedGraph::from_edges(3, edges, WeightMeaning::affinity);
  const auto d = g.with_weights({0.5, 0.25}, WeightMeaning::distance);
  CHECK(d.weight_meaning() == WeightMeaning::distance);
  CHECK(d.neighbor_weights(1)[0] == 0.5);
  CHECK(d.neighbor_weights(1)[1] == 0.25);
  CHECK_THROWS_AS(g.with_weights({1.0}, WeightMeaning::distance), std::invalid_argument);
}

TEST_CASE("bad edge lists are refused", "[graph]") {
  const std::vector<WeightedEdge> out_of_range{{0, 3, 1.0}};
  CHECK_THROWS_AS(WeightedGraph::from_edges(3, out_of_range, WeightMeaning::affinity), std::out_of_range);
  const std::vector<WeightedEdge> negative{{0, 1, -1.0}};
  CHECK_THROWS_AS(WeightedGraph::from_edges(3, negative, WeightMeaning::affinity), std::invalid_argument);
  CHECK_THROWS_AS(WeightedGraph::from_edges(2, {}, WeightMeaning::affinity, {"only one"}), std::invalid_argument);
  const auto empty = WeightedGraph::from_edges(0, {}, WeightMeaning::distance);
  CHECK(empty.vertex_count() == 0);
  CHECK(empty.edge_count() == 0);
}
