#pragma once
// WeightedGraph as a Boost.Graph graph: VertexListGraph, IncidenceGraph, AdjacencyGraph and
// EdgeListGraph (undirected), with property maps for vertex_index (the vertex id itself),
// edge_weight (the stored weight, read-only) and edge_index (the undirected edge id, so per-edge
// results and per-edge lengths index by it). The algorithms of alueverkko are written against these
// concepts; the same adaptor lets a user run any Boost.Graph algorithm on a projection without a copy.
//
// An out-edge of v is one CSR slot: its source is v and its target the slot's neighbour. The edges of
// edges(g) are the slots whose source <= target, so each undirected edge appears once.
#include <alueverkko/graph/weighted_graph.hpp>

#include <boost/graph/graph_traits.hpp>
#include <boost/graph/properties.hpp>
#include <boost/iterator/counting_iterator.hpp>
#include <boost/iterator/filter_iterator.hpp>
#include <boost/iterator/transform_iterator.hpp>
#include <boost/property_map/property_map.hpp>

#include <algorithm>
#include <cstdint>
#include <utility>

namespace alueverkko {

// One direction of an undirected edge: the CSR slot `slot` in the neighbour list of `source`.
struct GraphArc {
  WeightedGraph::Vertex source = 0;
  std::uint64_t slot = 0;
  friend bool operator==(const GraphArc& a, const GraphArc& b) noexcept { return a.slot == b.slot && a.source == b.source; }
};

namespace detail {

struct SlotToArc {
  WeightedGraph::Vertex source;
  GraphArc operator()(std::uint64_t slot) const noexcept { return {source, slot}; }
};
struct SlotToTarget {
  const WeightedGraph* graph;
  WeightedGraph::Vertex operator()(std::uint64_t slot) const noexcept { return graph->targets()[slot]; }
};
// Edge iteration: slot → arc, and keep arcs with source <= target (each undirected edge once).
struct SlotToSourcedArc {
  const WeightedGraph* graph;
  GraphArc operator()(std::uint64_t slot) const noexcept {
    const auto& offsets = graph->offsets();
    const auto it = std::upper_bound(offsets.begin(), offsets.end(), slot);
    return {static_cast<WeightedGraph::Vertex>(it - offsets.begin() - 1), slot};
  }
};
struct ForwardArc {
  const WeightedGraph* graph;
  bool operator()(const GraphArc& a) const noexcept { return a.source <= graph->targets()[a.slot]; }
};

}  // namespace detail

// Read-only property maps over arcs.
struct ArcWeightMap {
  const WeightedGraph* graph = nullptr;
  using key_type = GraphArc;
  using value_type = double;
  using reference = double;
  using category = boost::readable_property_map_tag;
  friend double get(const ArcWeightMap& m, const GraphArc& a) noexcept { return m.graph->weights()[a.slot]; }
};
struct ArcEdgeIdMap {
  const WeightedGraph* graph = nullptr;
  using key_type = GraphArc;
  using value_type = WeightedGraph::EdgeId;
  using reference = WeightedGraph::EdgeId;
  using category = boost::readable_property_map_tag;
  friend WeightedGraph::EdgeId get(const ArcEdgeIdMap& m, const GraphArc& a) noexcept { return m.graph->edge_ids()[a.slot]; }
};

struct WeightedGraphTraversal : boost::vertex_list_graph_tag, boost::incidence_graph_tag, boost::adjacency_graph_tag,
                                boost::edge_list_graph_tag {};

}  // namespace alueverkko

namespace boost {

template <>
struct graph_traits<alueverkko::WeightedGraph> {
  using vertex_descriptor = alueverkko::WeightedGraph::Vertex;
  using edge_descriptor = alueverkko::GraphArc;
  using directed_category = undirected_tag;
  using edge_parallel_category = disallow_parallel_edge_tag;
  using traversal_category = alueverkko::WeightedGraphTraversal;
  using vertices_size_type = std::size_t;
  using edges_size_type = std::size_t;
  using degree_size_type = std::size_t;
  using vertex_iterator = counting_iterator<vertex_descriptor>;
  using out_edge_iterator = transform_iterator<alueverkko::detail::SlotToArc, counting_iterator<std::uint64_t>,
                                               alueverkko::GraphArc, alueverkko::GraphArc>;
  using adjacency_iterator = transform_iterator<alueverkko::detail::SlotToTarget, counting_iterator<std::uint64_t>,
                                                vertex_descriptor, vertex_descriptor>;
  using edge_iterator = filter_iterator<alueverkko::detail::ForwardArc,
                                        transform_iterator<alueverkko::detail::SlotToSourcedArc, counting_iterator<std::uint64_t>,
                                                           alueverkko::GraphArc, alueverkko::GraphArc>>;
  static vertex_descriptor null_vertex() noexcept { return static_cast<vertex_descriptor>(-1); }
};

// Algorithms that deduce the graph type as const (e.g. brandes_betweenness_centrality).
template <>
struct graph_traits<const alueverkko::WeightedGraph> : graph_traits<alueverkko::WeightedGraph> {};

template <>
struct property_map<alueverkko::WeightedGraph, edge_weight_t> {
  using type = alueverkko::ArcWeightMap;
  using const_type = alueverkko::ArcWeightMap;
};
template <>
struct property_map<alueverkko::WeightedGraph, edge_index_t> {
  using type = alueverkko::ArcEdgeIdMap;
  using const_type = alueverkko::ArcEdgeIdMap;
};
template <>
struct property_map<alueverkko::WeightedGraph, vertex_index_t> {
  using type = typed_identity_property_map<alueverkko::WeightedGraph::Vertex>;
  using const_type = type;
};

}  // namespace boost

namespace alueverkko {

using WeightedGraphTraits = boost::graph_traits<WeightedGraph>;

inline std::pair<WeightedGraphTraits::vertex_iterator, WeightedGraphTraits::vertex_iterator> vertices(const WeightedGraph& g) {
  return {WeightedGraphTraits::vertex_iterator(0), WeightedGraphTraits::vertex_iterator(static_cast<WeightedGraph::Vertex>(g.vertex_count()))};
}
inline std::size_t num_vertices(const WeightedGraph& g) noexcept { return g.vertex_count(); }
inline std::size_t num_edges(const WeightedGraph& g) noexcept { return g.edge_count(); }

inline std::pair<WeightedGraphTraits::out_edge_iterator, WeightedGraphTraits::out_edge_iterator> out_edges(
    WeightedGraph::Vertex v, const WeightedGraph& g) {
  const detail::SlotToArc arc{v};
  return {{boost::counting_iterator<std::uint64_t>(g.offsets()[v]), arc},
          {boost::counting_iterator<std::uint64_t>(g.offsets()[v + 1]), arc}};
}
inline std::size_t out_degree(WeightedGraph::Vertex v, const WeightedGraph& g) noexcept { return g.degree(v); }
inline std::size_t degree(WeightedGraph::Vertex v, const WeightedGraph& g) noexcept { return g.degree(v); }
inline WeightedGraph::Vertex source(const GraphArc& a, const WeightedGraph&) noexcept { return a.source; }
inline WeightedGraph::Vertex target(const GraphArc& a, const WeightedGraph& g) noexcept { return g.targets()[a.slot]; }

inline std::pair<WeightedGraphTraits::adjacency_iterator, WeightedGraphTraits::adjacency_iterator> adjacent_vertices(
    WeightedGraph::Vertex v, const WeightedGraph& g) {
  const detail::SlotToTarget to{&g};
  return {{boost::counting_iterator<std::uint64_t>(g.offsets()[v]), to},
          {boost::counting_iterator<std::uint64_t>(g.offsets()[v + 1]), to}};
}

inline std::pair<WeightedGraphTraits::edge_iterator, WeightedGraphTraits::edge_iterator> edges(const WeightedGraph& g) {
  using Inner = WeightedGraphTraits::edge_iterator::base_type;
  const detail::SlotToSourcedArc arc{&g};
  const Inner first(boost::counting_iterator<std::uint64_t>(0), arc);
  const Inner last(boost::counting_iterator<std::uint64_t>(g.offsets().empty() ? 0 : g.offsets().back()), arc);
  const detail::ForwardArc forward{&g};
  return {WeightedGraphTraits::edge_iterator(forward, first, last), WeightedGraphTraits::edge_iterator(forward, last, last)};
}

inline ArcWeightMap get(boost::edge_weight_t, const WeightedGraph& g) noexcept { return {&g}; }
inline ArcEdgeIdMap get(boost::edge_index_t, const WeightedGraph& g) noexcept { return {&g}; }
inline boost::typed_identity_property_map<WeightedGraph::Vertex> get(boost::vertex_index_t, const WeightedGraph&) noexcept {
  return {};
}

}  // namespace alueverkko
