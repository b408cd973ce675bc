// Bindings of metrics/overlap.hpp: network_overlap, near_duplicates, portfolio (each a Table) and
// theme_words. Filters come as keyword arguments (filter_of).
#include "bindings.hpp"
#include "arguments.hpp"

#include <alueverkko/data/dataset.hpp>
#include <alueverkko/geo/geography.hpp>
#include <alueverkko/metrics/overlap.hpp>

#include <pybind11/stl.h>

namespace py = pybind11;

namespace alueverkko::python {
namespace {

OverlapMeasure measure_of(const std::string& text) {
  if (const auto m = parse_overlap_measure(text)) return *m;
  throw py::value_error("unknown measure '" + text + "' (expected shared, jaccard or overlap)");
}

}  // namespace

void bind_overlap(py::module_& m) {
  m.def(
      "network_overlap",
      [](const Dataset& d, const Geography& geo, const std::string& level, const std::string& measure, double min,
         std::size_t top, const py::kwargs& filters) {
        const OverlapOptions options{level_of(level), filter_of(filters), measure_of(measure), min, top};
        py::gil_scoped_release release;
        return network_overlap(d, geo, options);
      },
      py::arg("dataset"), py::arg("geography"), py::arg("level") = "actor", py::arg("measure") = "jaccard",
      py::arg("min") = 0.0, py::arg("top") = 0,
      "Pairs of networks sharing members at `level` (Table: network_a, name_a, network_b, name_b, shared, size_a, "
      "size_b, jaccard, overlap), sorted by `measure` (shared, jaccard or overlap), kept if it is >= `min`; "
      "filters as in select_memberships.");
  m.def(
      "near_duplicates",
      [](const Dataset& d, const Geography& geo, const std::string& level, const std::string& measure, double threshold,
         std::size_t min_shared_words, std::size_t top, const py::kwargs& filters) {
        const NearDuplicateOptions options{level_of(level), filter_of(filters), measure_of(measure), threshold,
                                           min_shared_words, top};
        py::gil_scoped_release release;
        return near_duplicates(d, geo, options);
      },
      py::arg("dataset"), py::arg("geography"), py::arg("level") = "actor", py::arg("measure") = "jaccard",
      py::arg("threshold") = 0.25, py::arg("min_shared_words") = 1, py::arg("top") = 0,
      "Pairs of networks sharing theme words (shared_words, n_shared_words) whose member `measure` >= `threshold`.");
  m.def(
      "portfolio",
      [](const Dataset& d, const Geography& geo, const std::string& level, std::size_t top, const py::kwargs& filters) {
        const PortfolioOptions options{level_of(level), filter_of(filters), top};
        py::gil_scoped_release release;
        return portfolio(d, geo, options);
      },
      py::arg("dataset"), py::arg("geography"), py::arg("level") = "actor", py::arg("top") = 0,
      "Per actor or place: networks (the load), led, mean_network_size, counts by status and role, network_ids.");
  m.def(
      "theme_words",
      [](const Dataset& d, const std::string& network_id) {
        const Network* network = d.find_network(network_id);
        if (!network) throw py::key_error("no network '" + network_id + "' in the data set");
        return theme_words(*network);
      },
      py::arg("dataset"), py::arg("network_id"),
      "A network's theme words as near_duplicates compares them (name keys, stop words removed, sorted).");
  m.def("theme_stop_words", [] {
    const auto words = theme_stop_words();
    return std::vector<std::string>(words.begin(), words.end());
  }, "The stop words theme_words ignores.");
}

}  // namespace alueverkko::python
