// Bindings of community detection: louvain, leiden and modularity; results as Communities with a
// numpy membership (no copy), a Table and a pandas Series.
#include "bindings.hpp"
#include "numpy_view.hpp"

#include <alueverkko/community/leiden.hpp>
#include <alueverkko/community/louvain.hpp>
#include <alueverkko/community/modularity.hpp>

#include <pybind11/stl.h>

#include <limits>

namespace py = pybind11;

namespace alueverkko::python {
namespace {

using Ids = py::array_t<std::int64_t, py::array::c_style | py::array::forcecast>;

py::dict metadata_of(const Communities& c) {
  py::dict out;
  for (const auto& [k, v] : c.metadata) out[py::str(k)] = v;
  return out;
}

// Community ids as the library takes them: non-negative, within 32 bits.
std::vector<std::uint32_t> membership_of(const Ids& ids) {
  if (ids.ndim() != 1) throw py::value_error("membership must be one-dimensional: one community id per vertex");
  std::vector<std::uint32_t> out(static_cast<std::size_t>(ids.size()));
  const std::int64_t* data = ids.data();
  for (std::size_t i = 0; i < out.size(); ++i) {
    if (data[i] < 0 || data[i] > std::numeric_limits<std::uint32_t>::max())
      throw py::value_error("community ids must be integers from 0 to 2**32 - 1, got " + std::to_string(data[i]) +
                            " at vertex " + std::to_string(i));
    out[i] = static_cast<std::uint32_t>(data[i]);
  }
  return out;
}

}  // namespace

void bind_communities(py::module_& m) {
  py::class_<Communities>(m, "Communities",
                          "A partition found by louvain() or leiden(): the community of each vertex (0 = the "
                          "largest; ties by smallest vertex), their count, the modularity and how they were found.")
      .def_readonly("method", &Communities::method)
      .def_property_readonly(
          "membership",
          [](const py::object& self) {
            return readonly_view(std::span<const std::uint32_t>(self.cast<const Communities&>().membership), self);
          },
          "Community of each vertex: a read-only numpy view (no copy).")
      .def_readonly("count", &Communities::count)
      .def_readonly("modularity", &Communities::modularity)
      .def_property_readonly("sizes", &Communities::sizes, "Vertices per community, descending.")
      .def_property_readonly("metadata", &metadata_of)
      .def("__len__", [](const Communities& c) { return c.membership.size(); })
      .def(
          "table", [](const Communities& c, const WeightedGraph& graph) { return communities_table(graph, c); },
          py::arg("graph"), "A Table: id, community (one row per vertex).")
      .def(
          "to_pandas",
          [](const Communities& c, const WeightedGraph& graph) {
            const Table table = communities_table(graph, c);  // checks that `graph` is the one used
            const py::module_ pd = py::module_::import("pandas");
            py::object series =
                pd.attr("Series")(std::vector<std::int64_t>(c.membership.begin(), c.membership.end()),
                                  py::arg("index") = pd.attr("Index")(std::get<Table::Strings>(table.column("id").values),
                                                                      py::arg("name") = "id"),
                                  py::arg("name") = "community");
            py::dict attrs = metadata_of(c);
            attrs["method"] = c.method;
            attrs["modularity"] = c.modularity;
            series.attr("attrs")["metadata"] = attrs;
            return series;
          },
          py::arg("graph"),
          "A pandas Series 'community' indexed by vertex label (id); attrs['metadata'] says how it was found.")
      .def("__repr__", [](const Communities& c) {
        return "<Communities " + c.method + ", " + std::to_string(c.count) + " communities of " +
               std::to_string(c.membership.size()) + " vertices, modularity " + format_real(c.modularity) + ">";
      });

  m.def(
      "louvain",
      [](const WeightedGraph& g, std::uint64_t seed, double resolution, double threshold, std::size_t n_iterations,
         bool weighted) {
        return louvain(g, {.resolution = resolution,
                           .threshold = threshold,
                           .seed = seed,
                           .iterations = n_iterations,
                           .weighted = weighted});
      },
      py::arg("graph"), py::kw_only(), py::arg("seed") = 0, py::arg("resolution") = 1.0, py::arg("threshold") = 1e-7,
      py::arg("n_iterations") = 0, py::arg("weighted") = true, py::call_guard<py::gil_scoped_release>(),
      "Louvain communities maximising modularity; n_iterations = 1 is networkx's louvain_communities, 0 repeats "
      "runs from the previous partition until one gains at most threshold. The same seed gives the same "
      "communities.");
  m.def(
      "leiden",
      [](const WeightedGraph& g, std::uint64_t seed, double resolution, double randomness, std::size_t n_iterations,
         bool weighted) {
        return leiden(g, {.resolution = resolution,
                          .randomness = randomness,
                          .seed = seed,
                          .iterations = n_iterations,
                          .weighted = weighted});
      },
      py::arg("graph"), py::kw_only(), py::arg("seed") = 0, py::arg("resolution") = 1.0, py::arg("randomness") = 0.01,
      py::arg("n_iterations") = 0, py::arg("weighted") = true, py::call_guard<py::gil_scoped_release>(),
      "Leiden communities (connected) maximising modularity; n_iterations = 0 iterates until nothing changes. "
      "The same seed gives the same communities.");
  m.def(
      "modularity",
      [](const WeightedGraph& g, const Ids& membership, double resolution, bool weighted) {
        const std::vector<std::uint32_t> ids = membership_of(membership);
        py::gil_scoped_release release;
        return modularity(g, ids, {resolution, weighted});
      },
      py::arg("graph"), py::arg("membership"), py::kw_only(), py::arg("resolution") = 1.0, py::arg("weighted") = true,
      "Modularity of a partition given as one community id per vertex, in vertex order (networkx's "
      "community.modularity; NaN for a graph without weight).");
}

}  // namespace alueverkko::python
