#include "bindings.hpp"
#include "arguments.hpp"
#include "numpy_view.hpp"

#include <alueverkko/data/dataset.hpp>
#include <alueverkko/geo/geography.hpp>
#include <alueverkko/graph/collaboration.hpp>

#include <pybind11/functional.h>
#include <pybind11/stl.h>

namespace py = pybind11;

namespace alueverkko::python {
namespace {

ProjectionWeighting weighting_of(const std::string& text) {
  for (const auto w : {ProjectionWeighting::count, ProjectionWeighting::newman, ProjectionWeighting::jaccard, ProjectionWeighting::overlap})
    if (to_string(w) == text) return w;
  throw py::value_error("unknown weighting '" + text + "' (expected count, newman, jaccard or overlap)");
}

ProjectionSide side_of(const std::string& text) {
  if (text == "rows") return ProjectionSide::rows;
  if (text == "columns") return ProjectionSide::columns;
  throw py::value_error("onto must be 'rows' or 'columns', got '" + text + "'");
}

ProjectionOptions options_of(const std::string& weighting, bool use_membership_weights, double min_weight,
                             std::size_t top_k, std::uint64_t max_bytes, int threads) {
  ProjectionOptions o;
  o.weighting = weighting_of(weighting);
  o.use_membership_weights = use_membership_weights;
  o.min_weight = min_weight;
  o.top_k = top_k;
  o.max_bytes = max_bytes;
  o.threads = threads;
  return o;
}

}  // namespace

void bind_projection(py::module_& m) {
  py::register_exception<ProjectionTooLarge>(m, "ProjectionTooLarge", PyExc_MemoryError);

  py::class_<TwoModeGraph>(m, "TwoModeGraph", "Actors (rows) × networks (columns) with memberships as edges.")
      .def_static(
          "from_edges",
          [](std::vector<std::string> row_labels, std::vector<std::string> column_labels,
             py::array_t<std::int64_t, py::array::c_style | py::array::forcecast> rows,
             py::array_t<std::int64_t, py::array::c_style | py::array::forcecast> columns,
             std::optional<py::array_t<double, py::array::c_style | py::array::forcecast>> weights) {
            if (rows.size() != columns.size() || (weights && weights->size() != rows.size()))
              throw py::value_error("rows, columns and weights must have the same length");
            std::vector<TwoModeEdge> edges(static_cast<std::size_t>(rows.size()));
            for (py::ssize_t i = 0; i < rows.size(); ++i) {
              if (rows.at(i) < 0 || columns.at(i) < 0) throw py::value_error("row and column indices must be >= 0");
              edges[static_cast<std::size_t>(i)] = {static_cast<std::uint32_t>(rows.at(i)), static_cast<std::uint32_t>(columns.at(i)),
                                                    weights ? weights->at(i) : 1.0};
            }
            return TwoModeGraph::from_edges(std::move(row_labels), std::move(column_labels), edges);
          },
          py::arg("row_labels"), py::arg("column_labels"), py::arg("rows"), py::arg("columns"), py::arg("weights") = py::none(),
          "From membership index arrays; a (row, column) pair may appear once.")
      .def_static("from_dataset", &TwoModeGraph::from_dataset, py::arg("dataset"))
      .def_property_readonly("row_count", &TwoModeGraph::row_count)
      .def_property_readonly("column_count", &TwoModeGraph::column_count)
      .def_property_readonly("edge_count", &TwoModeGraph::edge_count)
      .def_property_readonly("row_labels", [](const TwoModeGraph& g) { return std::vector<std::string>(g.row_labels().begin(), g.row_labels().end()); })
      .def_property_readonly("column_labels", [](const TwoModeGraph& g) { return std::vector<std::string>(g.column_labels().begin(), g.column_labels().end()); })
      .def("__repr__", [](const TwoModeGraph& g) {
        return "<TwoModeGraph " + std::to_string(g.row_count()) + " rows × " + std::to_string(g.column_count()) + " columns, " +
               std::to_string(g.edge_count()) + " memberships>";
      });

  py::class_<AggregatedGraph>(m, "AggregatedGraph")
      .def_readonly("graph", &AggregatedGraph::graph)
      .def_readonly("row_is_place", &AggregatedGraph::row_is_place)
      .def_readonly("left_out", &AggregatedGraph::left_out)
      .def_readonly("left_out_why", &AggregatedGraph::left_out_why);

  m.def(
      "select_memberships",
      [](const Dataset& d, const py::kwargs& kw) { return take_vector(select_memberships(d, filter_of(kw))); },
      py::arg("dataset"),
      "One flag (uint8) per membership: status=, role=, track=, network_kind=, actor_kind= (lists of CSV spellings), "
      "theme= (words), start=/end= ('YYYY' or 'YYYY-MM-DD').");
  m.def(
      "aggregate",
      [](const Dataset& d, const Geography& g, const std::string& level, std::optional<Flags> active) {
        return aggregate(d, g, level_of(level), flags_of(active));
      },
      py::arg("dataset"), py::arg("geography"), py::arg("level") = "municipality", py::arg("active") = py::none());
  m.def(
      "projection_size",
      [](const TwoModeGraph& g, const std::string& onto) {
        const auto s = projection_size(g, side_of(onto));
        return py::dict(py::arg("vertices") = s.vertices, py::arg("max_edges") = s.max_edges, py::arg("max_bytes") = s.max_bytes);
      },
      py::arg("graph"), py::arg("onto") = "rows", "Upper bounds of the projection's edges and bytes, without computing it.");
  m.def(
      "project",
      [](const TwoModeGraph& g, const std::string& onto, const std::string& weighting, bool use_membership_weights,
         double min_weight, std::size_t top_k, std::uint64_t max_bytes, int threads, std::optional<Flags> active) {
        auto options = options_of(weighting, use_membership_weights, min_weight, top_k, max_bytes, threads);
        options.onto = side_of(onto);
        const auto flags = flags_of(active);
        py::gil_scoped_release release;
        return project(g, options, flags);
      },
      py::arg("graph"), py::arg("onto") = "rows", py::arg("weighting") = "count", py::arg("use_membership_weights") = false,
      py::arg("min_weight") = 0.0, py::arg("top_k") = 0, py::arg("max_bytes") = 0, py::arg("threads") = 0,
      py::arg("active") = py::none(), "One-mode projection (see alueverkko.project for the weightings).");
  m.def(
      "pair_statistics",
      [](const TwoModeGraph& g, const std::string& onto, std::optional<Flags> active) {
        auto t = pair_statistics(g, side_of(onto), flags_of(active));
        return py::dict(py::arg("i") = take_vector(std::move(t.i)), py::arg("j") = take_vector(std::move(t.j)),
                        py::arg("shared") = take_vector(std::move(t.shared)), py::arg("degree_i") = take_vector(std::move(t.degree_i)),
                        py::arg("degree_j") = take_vector(std::move(t.degree_j)), py::arg("newman") = take_vector(std::move(t.newman)));
      },
      py::arg("graph"), py::arg("onto") = "rows", py::arg("active") = py::none());
  m.def("keep_top_k", &keep_top_k, py::arg("graph"), py::arg("k"));
  m.def(
      "project_dataset",
      [](const Dataset& d, const Geography& geo, const std::string& level, const std::string& weighting, bool onto_networks,
         bool use_membership_weights, double min_weight, std::size_t top_k, std::uint64_t max_bytes, int threads,
         const py::kwargs& filters) {
        const auto options = options_of(weighting, use_membership_weights, min_weight, top_k, max_bytes, threads);
        const auto filter = filter_of(filters);
        py::gil_scoped_release release;
        auto result = project_dataset(d, geo, level_of(level), filter, options, onto_networks);
        return std::make_tuple(std::move(result.graph), std::move(result.left_out), std::move(result.left_out_why));
      },
      py::arg("dataset"), py::arg("geography"), py::arg("level") = "municipality", py::arg("weighting") = "count",
      py::arg("onto_networks") = false, py::arg("use_membership_weights") = false, py::arg("min_weight") = 0.0,
      py::arg("top_k") = 0, py::arg("max_bytes") = 0, py::arg("threads") = 0,
      "(graph, left_out, left_out_why): select → aggregate → project in one call; filters as in select_memberships.");
}

}  // namespace alueverkko::python
