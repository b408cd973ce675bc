// Bindings of metrics/coverage.hpp: every function returns a Table (→ .to_pandas()); filters are
// keyword arguments as in select_memberships (status=, role=, track=, network_kind=, actor_kind=,
// theme=, start=, end=).
#include "arguments.hpp"
#include "bindings.hpp"

#include <alueverkko/data/dataset.hpp>
#include <alueverkko/geo/geography.hpp>
#include <alueverkko/metrics/coverage.hpp>

#include <pybind11/stl.h>

namespace py = pybind11;

namespace alueverkko::python {
namespace {

CoverageOptions options_of(std::optional<int> year, bool organisations, bool area_actors) {
  CoverageOptions o;
  o.year = year;
  o.count_seated_organisations = organisations;
  o.count_area_actors = area_actors;
  return o;
}

CoverageLevel coverage_level_of(const std::string& text) {
  if (const auto level = parse_coverage_level(text)) return *level;
  throw py::value_error("unknown level '" + text + "' (expected municipality, subregion, region, size_class or country)");
}

constexpr const char* options_doc =
    " year: population year of the geography's series (default: its reference year); organisations: "
    "organisations seated in a municipality count for it (default True); area_actors: region-/sub-region-wide "
    "actors count for every municipality of their area (default False). Filters as keyword arguments: status=, "
    "role=, track=, network_kind=, actor_kind= (lists of CSV spellings), theme= (words), start=/end=.";

std::string doc(const char* what) { return std::string(what) + options_doc; }

}  // namespace

void bind_coverage(py::module_& m) {
  m.def(
      "municipality_participation",
      [](const Dataset& d, const Geography& g, std::optional<int> year, bool organisations, bool area_actors,
         const py::kwargs& filters) {
        const auto filter = filter_of(filters);
        const auto options = options_of(year, organisations, area_actors);
        py::gil_scoped_release release;
        return municipality_participation(d, g, filter, options);
      },
      py::arg("dataset"), py::arg("geography"), py::kw_only(), py::arg("year") = py::none(),
      py::arg("organisations") = true, py::arg("area_actors") = false,
      doc("Table, one row per municipality: networks taken part in directly, with seated organisations, through "
          "area-wide actors and as counted, by status, leads; covered; networks_per_10000.")
          .c_str());
  m.def(
      "coverage_table",
      [](const Dataset& d, const Geography& g, const std::string& by, std::optional<int> year, bool organisations,
         bool area_actors, const py::kwargs& filters) {
        const auto level = coverage_level_of(by);
        const auto filter = filter_of(filters);
        const auto options = options_of(year, organisations, area_actors);
        py::gil_scoped_release release;
        return coverage_table(d, g, level, filter, options);
      },
      py::arg("dataset"), py::arg("geography"), py::arg("by") = "region", py::kw_only(), py::arg("year") = py::none(),
      py::arg("organisations") = true, py::arg("area_actors") = false,
      doc("Table, one row per place at `by` (municipality, subregion, region, size_class, country): municipalities, "
          "covered, covered_share, population, population_covered, population_share, sub-regions and regions "
          "(touched), networks.")
          .c_str());
  m.def(
      "coverage_gaps",
      [](const Dataset& d, const Geography& g, std::optional<int> year, bool organisations, bool area_actors,
         const py::kwargs& filters) {
        const auto filter = filter_of(filters);
        const auto options = options_of(year, organisations, area_actors);
        py::gil_scoped_release release;
        return coverage_gaps(d, g, filter, options);
      },
      py::arg("dataset"), py::arg("geography"), py::kw_only(), py::arg("year") = py::none(),
      py::arg("organisations") = true, py::arg("area_actors") = false,
      doc("Table of the uncovered municipalities, largest population first.").c_str());
  m.def(
      "participation_concentration",
      [](const Dataset& d, const Geography& g, bool exclude_zeros, double top_fraction, std::optional<int> year,
         bool organisations, bool area_actors, const py::kwargs& filters) {
        const auto filter = filter_of(filters);
        const auto options = options_of(year, organisations, area_actors);
        py::gil_scoped_release release;
        return participation_concentration(d, g, filter, options, exclude_zeros, top_fraction);
      },
      py::arg("dataset"), py::arg("geography"), py::kw_only(), py::arg("exclude_zeros") = false,
      py::arg("top_fraction") = 0.10, py::arg("year") = py::none(), py::arg("organisations") = true,
      py::arg("area_actors") = false,
      doc("One-row Table: Gini, Herfindahl, top share and per-capita participation across municipalities.").c_str());
  m.def(
      "participation_lorenz",
      [](const Dataset& d, const Geography& g, bool exclude_zeros, std::optional<int> year, bool organisations,
         bool area_actors, const py::kwargs& filters) {
        const auto filter = filter_of(filters);
        const auto options = options_of(year, organisations, area_actors);
        py::gil_scoped_release release;
        return participation_lorenz(d, g, filter, options, exclude_zeros);
      },
      py::arg("dataset"), py::arg("geography"), py::kw_only(), py::arg("exclude_zeros") = false,
      py::arg("year") = py::none(), py::arg("organisations") = true, py::arg("area_actors") = false,
      doc("Table: the Lorenz curve (municipality_share, participation_share), ascending.").c_str());
  m.def(
      "network_footprint",
      [](const Dataset& d, const Geography& g, std::optional<int> year, bool organisations, bool area_actors,
         const py::kwargs& filters) {
        const auto filter = filter_of(filters);
        const auto options = options_of(year, organisations, area_actors);
        py::gil_scoped_release release;
        return network_footprint(d, g, filter, options);
      },
      py::arg("dataset"), py::arg("geography"), py::kw_only(), py::arg("year") = py::none(),
      py::arg("organisations") = true, py::arg("area_actors") = false,
      doc("Table, one row per network: municipalities named and touched, population, regions, lead region, "
          "supra_regionality.")
          .c_str());
  m.def(
      "concentration_of",
      [](std::vector<double> values, double top_fraction) {
        const auto s = concentration_of(values, top_fraction);
        return py::dict(py::arg("n") = s.n, py::arg("nonzero") = s.nonzero, py::arg("total") = s.total,
                        py::arg("mean") = s.mean, py::arg("gini") = s.gini, py::arg("herfindahl") = s.herfindahl,
                        py::arg("herfindahl_normalised") = s.herfindahl_normalised, py::arg("top_k") = s.top_k,
                        py::arg("top_share") = s.top_share, py::arg("top_threshold") = s.top_threshold,
                        py::arg("top_at_or_above_threshold") = s.top_at_or_above_threshold);
      },
      py::arg("values"), py::arg("top_fraction") = 0.10,
      "Gini (Σ_i Σ_j |x_i − x_j| / (2 n² mean)), Herfindahl (Σ s_i²) and top share of non-negative values, as a dict.");
  m.def("lorenz_points", [](std::vector<double> values) { return lorenz_points(values); }, py::arg("values"),
        "Lorenz curve points (i/n, cumulative share), ascending, from (0, 0) to (1, 1); empty if the total is 0.");
}

}  // namespace alueverkko::python
