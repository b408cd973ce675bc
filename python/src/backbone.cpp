// Bindings of the backbones (alueverkko/backbone/*.hpp): disparity filter, BiCM, SDSM. Arrays are
// read-only numpy views of the result objects (no copies); tables convert with Table.to_pandas().
#include "bindings.hpp"
#include "numpy_view.hpp"
#include "progress.hpp"

#include <alueverkko/backbone/bicm.hpp>
#include <alueverkko/backbone/disparity.hpp>
#include <alueverkko/backbone/sdsm.hpp>

#include <pybind11/stl.h>

#include <cstring>

namespace py = pybind11;

namespace alueverkko::python {
namespace {

template <class Owner, class T>
auto view(const std::vector<T> Owner::*member) {
  return [member](const py::object& self) {
    const auto& values = self.cast<const Owner&>().*member;
    return readonly_view(std::span<const T>(values), self);
  };
}

// A rows × columns copy (the matrices are for small graphs).
template <class T>
py::array_t<T> matrix(const std::vector<T>& values, std::size_t rows, std::size_t columns) {
  py::array_t<T> out({rows, columns});
  if (!values.empty()) std::memcpy(out.mutable_data(), values.data(), values.size() * sizeof(T));
  return out;
}

template <class E, class Parse>
E parse(const std::string& text, Parse parse_text) {
  try {
    return parse_text(text);
  } catch (const std::invalid_argument& e) {
    throw py::value_error(e.what());
  }
}

BicmOptions bicm_options(double tolerance, std::size_t max_iterations) { return {tolerance, max_iterations}; }

}  // namespace

void bind_backbone(py::module_& m) {
  py::class_<DisparityResult>(m, "DisparityResult", "Disparity-filter p-values per edge id and the backbone graph.")
      .def_property_readonly("p_values", view(&DisparityResult::p_values), "Per edge id (NaN for self-loops).")
      .def_property_readonly("kept", view(&DisparityResult::kept), "Per edge id, 1 if kept (uint8).")
      .def_readonly("tests", &DisparityResult::tests)
      .def_readonly("backbone", &DisparityResult::backbone)
      .def("__repr__", [](const DisparityResult& r) {
        return "<DisparityResult " + std::to_string(r.backbone.edge_count()) + " of " + std::to_string(r.tests) + " edges kept>";
      });

  m.def(
      "disparity_filter",
      [](const WeightedGraph& g, double alpha, const std::string& correction) {
        const DisparityOptions options{alpha, parse<Correction>(correction, correction_from_string)};
        py::gil_scoped_release release;
        return disparity_filter(g, options);
      },
      py::arg("graph"), py::kw_only(), py::arg("alpha") = 0.05, py::arg("correction") = "none",
      "Disparity filter (Serrano et al. 2009); correction 'none', 'holm' or 'bonferroni'. "
      "See disparity_table for a pandas-ready table.");
  m.def(
      "disparity_table",
      [](const WeightedGraph& g, const DisparityResult& r, bool kept_only) { return disparity_table(g, r, kept_only); },
      py::arg("graph"), py::arg("result"), py::arg("kept_only") = false,
      "source, target, weight, p_value (and kept) per edge: a Table (Table.to_pandas()).");

  py::class_<Bicm>(m, "Bicm", "Bipartite configuration model: p_ik = x_i y_k / (1 + x_i y_k).")
      .def_property_readonly("row_x", [](const Bicm& b) { return take_vector(b.row_x()); })
      .def_property_readonly("column_y", [](const Bicm& b) { return take_vector(b.column_y()); })
      .def_property_readonly("expected_row_degrees", [](const Bicm& b) { return take_vector(b.expected_row_degrees()); })
      .def_property_readonly("expected_column_degrees", [](const Bicm& b) { return take_vector(b.expected_column_degrees()); })
      .def_property_readonly("row_class", view(&Bicm::row_class))
      .def_property_readonly("column_class", view(&Bicm::column_class))
      .def_readonly("iterations", &Bicm::iterations)
      .def_readonly("max_degree_error", &Bicm::max_degree_error)
      .def(
          "probabilities",
          [](const Bicm& b) { return matrix(b.dense_probabilities(), b.row_class.size(), b.column_class.size()); },
          "The rows × columns matrix of membership probabilities (dense: for small graphs).")
      .def("__repr__", [](const Bicm& b) {
        return "<Bicm " + std::to_string(b.row_classes()) + " row classes, " + std::to_string(b.column_classes()) +
               " column classes, " + std::to_string(b.iterations) + " iterations>";
      });
  m.def(
      "bicm",
      [](const TwoModeGraph& g, double tolerance, std::size_t max_iterations) {
        py::gil_scoped_release release;
        return fit_bicm(g, bicm_options(tolerance, max_iterations));
      },
      py::arg("graph"), py::kw_only(), py::arg("tolerance") = 1e-10, py::arg("max_iterations") = 500,
      "Fits the BiCM (expected degrees = observed, to tolerance · max(1, degree)).");

  py::class_<SdsmResult>(m, "SdsmResult", "SDSM p-values per tested pair (i < j) and the kept ties.")
      .def_property_readonly("i", [](const py::object& self) { return readonly_view(std::span<const std::uint32_t>(self.cast<const SdsmResult&>().pairs.i), self); })
      .def_property_readonly("j", [](const py::object& self) { return readonly_view(std::span<const std::uint32_t>(self.cast<const SdsmResult&>().pairs.j), self); })
      .def_property_readonly("count", [](const py::object& self) { return readonly_view(std::span<const std::uint32_t>(self.cast<const SdsmResult&>().pairs.count), self); })
      .def_property_readonly("expected", [](const py::object& self) { return readonly_view(std::span<const double>(self.cast<const SdsmResult&>().pairs.expected), self); })
      .def_property_readonly("upper", [](const py::object& self) { return readonly_view(std::span<const double>(self.cast<const SdsmResult&>().pairs.upper), self); })
      .def_property_readonly("lower", [](const py::object& self) { return readonly_view(std::span<const double>(self.cast<const SdsmResult&>().pairs.lower), self); })
      .def_property_readonly("sign", [](const py::object& self) { return readonly_view(std::span<const std::int8_t>(self.cast<const SdsmResult&>().pairs.sign), self); })
      .def_readonly("tests", &SdsmResult::tests)
      .def_readonly("model", &SdsmResult::model)
      .def_readonly("positive", &SdsmResult::positive)
      .def_readonly("negative", &SdsmResult::negative)
      .def("__len__", [](const SdsmResult& r) { return r.pairs.i.size(); })
      .def("__repr__", [](const SdsmResult& r) {
        return "<SdsmResult " + std::to_string(r.pairs.i.size()) + " pairs tested, " + std::to_string(r.positive.edge_count()) +
               " positive and " + std::to_string(r.negative.edge_count()) + " negative ties kept>";
      });
  m.def(
      "sdsm",
      [](const TwoModeGraph& g, double alpha, const std::string& correction, const std::string& tail,
         const std::string& approximation, bool all_pairs, std::uint64_t max_pairs, double tolerance, int threads,
         const py::object& progress) {
        SdsmOptions o;
        o.alpha = alpha;
        o.correction = parse<Correction>(correction, correction_from_string);
        o.tail = parse<SdsmTail>(tail, sdsm_tail_from_string);
        o.approximation = parse<SdsmApproximation>(approximation, sdsm_approximation_from_string);
        o.all_pairs = all_pairs;
        o.max_pairs = max_pairs;
        o.bicm.tolerance = tolerance;
        o.threads = threads;
        return with_progress(progress, "sdsm", "distributions", [&](const Progress& p) {
          o.progress = p;
          return sdsm(g, o);
        });
      },
      py::arg("graph"), py::kw_only(), py::arg("alpha") = 0.05, py::arg("correction") = "none", py::arg("tail") = "upper",
      py::arg("approximation") = "exact", py::arg("all_pairs") = false, py::arg("max_pairs") = 50'000'000,
      py::arg("tolerance") = 1e-10, py::arg("threads") = 0, py::arg("progress") = py::none(),
      "SDSM backbone of the row projection (Neal et al. 2021): tail 'upper', 'lower' or 'both'; approximation "
      "'exact' or 'rna'. progress: None, True (a tqdm bar) or f(done, total) returning False to stop; one "
      "task per distribution (pair of row degree classes); Ctrl-C stops it. See sdsm_table for a pandas-ready table.");
  m.def(
      "sdsm_table", [](const TwoModeGraph& g, const SdsmResult& r, bool kept_only) { return sdsm_table(g, r, kept_only); },
      py::arg("graph"), py::arg("result"), py::arg("kept_only") = false,
      "source, target, weight, expected, p_upper, p_lower, sign per tested pair: a Table (Table.to_pandas()).");
  m.def(
      "sdsm_matrices",
      [](const TwoModeGraph& g, const std::string& approximation, std::size_t max_rows) {
        const auto a = parse<SdsmApproximation>(approximation, sdsm_approximation_from_string);
        SdsmMatrices r;
        {
          py::gil_scoped_release release;
          r = sdsm_matrices(g, a, {}, max_rows);
        }
        return py::dict(py::arg("upper") = matrix(r.upper, r.rows, r.rows), py::arg("lower") = matrix(r.lower, r.rows, r.rows),
                        py::arg("count") = matrix(r.count, r.rows, r.rows));
      },
      py::arg("graph"), py::kw_only(), py::arg("approximation") = "exact", py::arg("max_rows") = 2000,
      "Full n × n upper/lower p-value and count matrices, diagonal included (small graphs).");
}

}  // namespace alueverkko::python
