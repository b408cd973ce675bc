#include "bindings.hpp"
#include "arguments.hpp"
#include "numpy_view.hpp"
#include "progress.hpp"

#include <alueverkko/centrality/betweenness.hpp>
#include <alueverkko/centrality/closeness.hpp>
#include <alueverkko/centrality/coreness.hpp>
#include <alueverkko/centrality/degree.hpp>
#include <alueverkko/centrality/measures.hpp>
#include <alueverkko/centrality/spectral.hpp>
#include <alueverkko/centrality/two_mode.hpp>

#include <pybind11/stl.h>

#include <optional>

namespace py = pybind11;

namespace alueverkko::python {
namespace {

using Reals = py::array_t<double, py::array::c_style | py::array::forcecast>;
using Release = py::call_guard<py::gil_scoped_release>;

// `distance`: "hops" (weights ignored), "weight" (the graph holds distances), or the conversion of
// affinities "inverse" / "neglog" (see alueverkko/graph/distance.hpp).
PathLengths lengths_of(const std::string& distance) {
  if (distance == "hops") return {};
  if (distance == "weight") return {true, DistanceConversion::none};
  if (distance == "inverse") return {true, DistanceConversion::inverse};
  if (distance == "neglog") return {true, DistanceConversion::neglog};
  throw py::value_error("distance must be 'hops', 'weight', 'inverse' or 'neglog', got '" + distance + "'");
}

}  // namespace

void bind_centrality(py::module_& m) {
  py::register_exception<ConvergenceError>(m, "ConvergenceError", PyExc_RuntimeError);

  py::class_<Scores>(m, "Scores", "Values of one measure (per vertex, or per edge id) and how they were computed.")
      .def_readonly("measure", &Scores::measure)
      .def_property_readonly(
          "values",
          [](const py::object& self) { return readonly_view(std::span<const double>(self.cast<const Scores&>().values), self); },
          "A read-only numpy view (no copy).")
      .def_property_readonly("metadata",
                             [](const Scores& s) {
                               py::dict out;
                               for (const auto& [k, v] : s.metadata) out[py::str(k)] = v;
                               return out;
                             })
      .def("__len__", [](const Scores& s) { return s.values.size(); })
      .def("__repr__", [](const Scores& s) { return "<Scores " + s.measure + ", " + std::to_string(s.values.size()) + " values>"; });

  m.def("degree_centrality", &degree_centrality, py::arg("graph"), py::arg("normalized") = true, Release());
  m.def("strength", &strength, py::arg("graph"), Release());
  m.def("coreness", &coreness, py::arg("graph"), Release());

  const auto betweenness_options = [](const std::string& distance, bool normalized, bool endpoints, std::size_t samples,
                                      std::uint64_t seed, int threads) {
    BetweennessOptions o;
    o.lengths = lengths_of(distance);
    o.normalized = normalized;
    o.endpoints = endpoints;
    o.samples = samples;
    o.seed = seed;
    o.threads = threads;
    return o;
  };
  // The long path measures take progress= (None, True for a tqdm bar, or f(done, total)) and stop
  // on Ctrl-C: python/src/progress.hpp.
  m.def(
      "betweenness",
      [=](const WeightedGraph& g, const std::string& distance, bool normalized, bool endpoints, std::size_t samples,
          std::uint64_t seed, int threads, const py::object& progress) {
        auto options = betweenness_options(distance, normalized, endpoints, samples, seed, threads);
        return with_progress(progress, "betweenness", "sources", [&](const Progress& p) {
          options.progress = p;
          return betweenness(g, options);
        });
      },
      py::arg("graph"), py::kw_only(), py::arg("distance") = "hops", py::arg("normalized") = true,
      py::arg("endpoints") = false, py::arg("samples") = 0, py::arg("seed") = 0, py::arg("threads") = 0,
      py::arg("progress") = py::none());
  m.def(
      "edge_betweenness",
      [=](const WeightedGraph& g, const std::string& distance, bool normalized, std::size_t samples, std::uint64_t seed,
          int threads, const py::object& progress) {
        auto options = betweenness_options(distance, normalized, false, samples, seed, threads);
        return with_progress(progress, "edge betweenness", "sources", [&](const Progress& p) {
          options.progress = p;
          return edge_betweenness(g, options);
        });
      },
      py::arg("graph"), py::kw_only(), py::arg("distance") = "hops", py::arg("normalized") = true, py::arg("samples") = 0,
      py::arg("seed") = 0, py::arg("threads") = 0, py::arg("progress") = py::none());
  m.def(
      "closeness",
      [](const WeightedGraph& g, const std::string& distance, bool wf_improved, int threads, const py::object& progress) {
        ClosenessOptions options;
        options.lengths = lengths_of(distance);
        options.wf_improved = wf_improved;
        options.threads = threads;
        return with_progress(progress, "closeness", "vertices", [&](const Progress& p) {
          options.progress = p;
          return closeness(g, options);
        });
      },
      py::arg("graph"), py::kw_only(), py::arg("distance") = "hops", py::arg("wf_improved") = true, py::arg("threads") = 0,
      py::arg("progress") = py::none());
  m.def(
      "harmonic_closeness",
      [](const WeightedGraph& g, const std::string& distance, bool normalized, int threads, const py::object& progress) {
        ClosenessOptions options;
        options.lengths = lengths_of(distance);
        options.normalized = normalized;
        options.threads = threads;
        return with_progress(progress, "harmonic closeness", "vertices", [&](const Progress& p) {
          options.progress = p;
          return harmonic_closeness(g, options);
        });
      },
      py::arg("graph"), py::kw_only(), py::arg("distance") = "hops", py::arg("normalized") = false, py::arg("threads") = 0,
      py::arg("progress") = py::none());
  m.def(
      "eigenvector_centrality",
      [](const WeightedGraph& g, bool weighted, std::size_t max_iter, double tol) {
        return eigenvector_centrality(g, {weighted, max_iter, tol});
      },
      py::arg("graph"), py::kw_only(), py::arg("weighted") = true, py::arg("max_iter") = 100, py::arg("tol") = 1e-6, Release());
  m.def(
      "pagerank",
      [](const WeightedGraph& g, double damping, bool weighted, std::optional<Reals> personalization, std::size_t max_iter,
         double tol) {
        PageRankOptions options{damping, weighted, {}, max_iter, tol};
        if (personalization) options.personalization.assign(personalization->data(), personalization->data() + personalization->size());
        py::gil_scoped_release release;
        return pagerank(g, options);
      },
      py::arg("graph"), py::kw_only(), py::arg("damping") = 0.85, py::arg("weighted") = true,
      py::arg("personalization") = py::none(), py::arg("max_iter") = 100, py::arg("tol") = 1e-6);
  m.def(
      "katz_centrality",
      [](const WeightedGraph& g, double alpha, double beta, bool weighted, bool normalized, std::size_t max_iter, double tol) {
        return katz_centrality(g, {alpha, beta, weighted, normalized, max_iter, tol});
      },
      py::arg("graph"), py::kw_only(), py::arg("alpha") = 0.1, py::arg("beta") = 1.0, py::arg("weighted") = true,
      py::arg("normalized") = true, py::arg("max_iter") = 1000, py::arg("tol") = 1e-6, Release());

  m.def(
      "two_mode_degree",
      [](const TwoModeGraph& g, std::optional<Flags> active) {
        const auto flags = flags_of(active);
        py::gil_scoped_release release;
        return two_mode_degree(g, flags);
      },
      py::arg("graph"), py::arg("active") = py::none());
  m.def(
      "two_mode_closeness",
      [](const TwoModeGraph& g, std::optional<Flags> active) {
        const auto flags = flags_of(active);
        py::gil_scoped_release release;
        return two_mode_closeness(g, flags);
      },
      py::arg("graph"), py::arg("active") = py::none());
  m.def(
      "two_mode_betweenness",
      [](const TwoModeGraph& g, std::optional<Flags> active, int threads) {
        const auto flags = flags_of(active);
        py::gil_scoped_release release;
        return two_mode_betweenness(g, flags, threads);
      },
      py::arg("graph"), py::arg("active") = py::none(), py::arg("threads") = 0);

  m.def(
      "compute_measures",
      [](const WeightedGraph& g, const std::vector<std::string>& measures, const std::string& distance, bool normalized,
         bool wf_improved, int threads, std::size_t samples, std::uint64_t seed, bool weighted_spectral, double damping,
         double katz_alpha, const py::object& progress) {
        MeasureSettings settings{normalized, wf_improved, lengths_of(distance), threads, samples, seed,
                                 weighted_spectral, damping, katz_alpha};
        // One bar (and Ctrl-C check) per path measure, made as it starts; the measures run one after
        // the other, so the previous one's bar is closed then.
        std::optional<PythonProgress> adapter;
        settings.progress = [&](std::string_view measure) {
          py::gil_scoped_acquire gil;
          adapter.reset();
          const std::string name(measure);
          return adapter.emplace(progress, name.c_str(), measure == "betweenness" ? "sources" : "vertices").progress();
        };
        MeasureTable result;
        {
          py::gil_scoped_release release;
          result = compute_measures(g, measures, settings);
        }
        adapter.reset();  // closes the last bar before the result is handed over
        py::dict metadata;
        for (const auto& m : result.metadata) {
          py::dict entries;
          for (const auto& [k, v] : m.metadata) entries[py::str(k)] = v;
          metadata[py::str(m.measure)] = entries;
        }
        return py::make_tuple(std::move(result.table), metadata);
      },
      py::arg("graph"), py::arg("measures"), py::kw_only(), py::arg("distance") = "hops", py::arg("normalized") = true,
      py::arg("wf_improved") = true, py::arg("threads") = 0, py::arg("samples") = 0, py::arg("seed") = 0,
      py::arg("weighted_spectral") = true, py::arg("damping") = 0.85, py::arg("katz_alpha") = 0.1,
      py::arg("progress") = py::none(),
      "(Table, metadata by measure): several measures at once, as `alueverkko metrics` computes them. progress: "
      "as for betweenness, one bar per path measure.");
  m.attr("measure_names") = [] {
    std::vector<std::string> names;
    for (const auto name : measure_names()) names.emplace_back(name);
    return names;
  }();
}

}  // namespace alueverkko::python
