#include <alueverkko/graph/boost_graph.hpp>

#include <boost/graph/breadth_first_search.hpp>
#include <boost/graph/connected_components.hpp>
#include <boost/graph/dijkstra_shortest_paths.hpp>
#include <boost/concept/assert.hpp>
#include <boost/graph/graph_concepts.hpp>
#include <catch2/catch.hpp>

#include <vector>

using alueverkko::WeightedEdge;
using alueverkko::WeightedGraph;
using alueverkko::WeightMeaning;

BOOST_CONCEPT_ASSERT((boost::VertexListGraphConcept<WeightedGraph>));
BOOST_CONCEPT_ASSERT((boost::IncidenceGraphConcept<WeightedGraph>));
BOOST_CONCEPT_ASSERT((boost::AdjacencyGraphConcept<WeightedGraph>));
BOOST_CONCEPT_ASSERT((boost::EdgeListGraphConcept<WeightedGraph>));

TEST_CASE("Boost.Graph algorithms run on WeightedGraph without a copy", "[graph]") {
  // 0 -1- 1 -1- 2, 0 -5- 2, 3 -2- 4 (two components), self-loop at 4
  const std::vector<WeightedEdge> list{{0, 1, 1.0}, {1, 2, 1.0}, {0, 2, 5.0}, {3, 4, 2.0}, {4, 4, 1.0}};
  const auto g = WeightedGraph::from_edges(5, list, WeightMeaning::distance);

  std::vector<double> dist(5);
  boost::dijkstra_shortest_paths(g, WeightedGraph::Vertex{0},
                                 boost::distance_map(dist.data()).weight_map(get(boost::edge_weight, g)));
  CHECK(dist[0] == 0.0);
  CHECK(dist[1] == 1.0);
  CHECK(dist[2] == 2.0);  // through 1, not the direct 5
  CHECK(dist[3] == std::numeric_limits<double>::max());

  std::vector<int> component(5);
  CHECK(boost::connected_components(g, component.data()) == 2);
  CHECK(component[0] == component[2]);
  CHECK(component[3] == component[4]);

  std::size_t listed = 0;
  double total = 0;
  for (auto [it, end] = edges(g); it != end; ++it) {
    ++listed;
    CHECK(source(*it, g) <= target(*it, g));
    total += get(get(boost::edge_weight, g), *it);
    CHECK(g.edge_weight(get(get(boost::edge_index, g), *it)) == get(get(boost::edge_weight, g), *it));
  }
  CHECK(listed == g.edge_count());
  CHECK(total == 10.0);
  CHECK(out_degree(4, g) == 2);  // the neighbour 3 and the self-loop
}
