#include "bindings.hpp"
#include "numpy_view.hpp"

#include <alueverkko/graph/weighted_graph.hpp>

#include <pybind11/numpy.h>
#include <pybind11/stl.h>

namespace py = pybind11;

namespace alueverkko::python {
namespace {

WeightedGraph graph_from_arrays(std::size_t vertex_count, py::array_t<std::int64_t, py::array::c_style | py::array::forcecast> sources,
                                py::array_t<std::int64_t, py::array::c_style | py::array::forcecast> targets,
                                std::optional<py::array_t<double, py::array::c_style | py::array::forcecast>> weights,
                                WeightMeaning meaning, std::vector<std::string> labels) {
  const auto n = static_cast<std::size_t>(sources.size());
  if (static_cast<std::size_t>(targets.size()) != n || (weights && static_cast<std::size_t>(weights->size()) != n))
    throw py::value_error("sources, targets and weights must have the same length");
  std::vector<WeightedEdge> edges(n);
  const auto s = sources.unchecked<1>();
  const auto t = targets.unchecked<1>();
  for (std::size_t i = 0; i < n; ++i) {
    const auto u = s(static_cast<py::ssize_t>(i)), v = t(static_cast<py::ssize_t>(i));
    if (u < 0 || v < 0) throw py::value_error("vertex ids must be >= 0");
    edges[i] = {static_cast<std::uint32_t>(u), static_cast<std::uint32_t>(v),
                weights ? weights->at(static_cast<py::ssize_t>(i)) : 1.0};
  }
  py::gil_scoped_release release;
  return WeightedGraph::from_edges(vertex_count, edges, meaning, std::move(labels));
}

}  // namespace

void bind_graph(py::module_& m) {
  py::enum_<WeightMeaning>(m, "WeightMeaning", "What an edge weight means: affinity (more = closer) or distance.")
      .value("affinity", WeightMeaning::affinity)
      .value("distance", WeightMeaning::distance);

  py::class_<WeightedGraph>(m, "WeightedGraph",
                            "An immutable undirected weighted graph (CSR); the result of projections.")
      .def_static("from_edges", &graph_from_arrays, py::arg("vertex_count"), py::arg("sources"), py::arg("targets"),
                  py::arg("weights") = py::none(), py::arg("meaning") = WeightMeaning::affinity,
                  py::arg("labels") = std::vector<std::string>{},
                  "Builds from arrays of edge endpoints (0-based) and weights; parallel edges are summed.")
      .def_property_readonly("vertex_count", &WeightedGraph::vertex_count)
      .def_property_readonly("edge_count", &WeightedGraph::edge_count)
      .def_property_readonly("weight_meaning", &WeightedGraph::weight_meaning)
      .def_property_readonly("labels", [](const WeightedGraph& g) {
        return std::vector<std::string>(g.labels().begin(), g.labels().end());
      })
      .def_property_readonly("offsets", [](const py::object& self) { return readonly_view(self.cast<const WeightedGraph&>().offsets(), self); })
      .def_property_readonly("targets", [](const py::object& self) { return readonly_view(self.cast<const WeightedGraph&>().targets(), self); })
      .def_property_readonly("weights", [](const py::object& self) { return readonly_view(self.cast<const WeightedGraph&>().weights(), self); })
      .def("edge_arrays",
           [](const WeightedGraph& g) {
             const std::size_t n = g.edge_count();
             py::array_t<std::uint32_t> source(n), target(n);
             py::array_t<double> weight(n);
             auto s = source.mutable_unchecked<1>();
             auto t = target.mutable_unchecked<1>();
             auto w = weight.mutable_unchecked<1>();
             for (std::size_t e = 0; e < n; ++e) {
               const auto id = static_cast<WeightedGraph::EdgeId>(e);
               s(static_cast<py::ssize_t>(e)) = g.edge_source(id);
               t(static_cast<py::ssize_t>(e)) = g.edge_target(id);
               w(static_cast<py::ssize_t>(e)) = g.edge_weight(id);
             }
             return py::make_tuple(source, target, weight);
           },
           "(source, target, weight) arrays, one entry per undirected edge, indexed by edge id.")
      .def_property_readonly("memory_bytes", &WeightedGraph::memory_bytes)
      .def("__repr__", [](const WeightedGraph& g) {
        return "<WeightedGraph " + std::to_string(g.vertex_count()) + " vertices, " + std::to_string(g.edge_count()) +
               " edges, weights: " + std::string(to_string(g.weight_meaning())) + ">";
      });
}

}  // namespace alueverkko::python
