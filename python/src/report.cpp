// Bindings of report/report.hpp: write_report returns the headline figures and the files written
// as a dict; filters are keyword arguments as in select_memberships.
#include "arguments.hpp"
#include "bindings.hpp"

#include <alueverkko/data/dataset.hpp>
#include <alueverkko/geo/geography.hpp>
#include <alueverkko/report/report.hpp>

#include <pybind11/stl.h>
#include <pybind11/stl/filesystem.h>

namespace py = pybind11;

namespace alueverkko::python {

void bind_report(py::module_& m) {
  m.def(
      "write_report",
      [](const Dataset& d, const Geography& g, const std::filesystem::path& out_dir, std::optional<int> year,
         std::size_t top, std::size_t map_edges, double map_width, int png_width,
         std::optional<std::filesystem::path> rules, const py::kwargs& filters) {
        ReportOptions options;
        options.filter = filter_of(filters);
        options.year = year;
        options.top = top;
        options.map_edges = map_edges;
        options.map_width = map_width;
        options.png_width = png_width;
        options.rules = std::move(rules);
        Report report;
        {
          py::gil_scoped_release release;
          report = write_report(d, g, out_dir, options);
        }
        const ReportFigures& f = report.figures;
        std::vector<std::string> files;
        for (const auto& file : report.files) files.push_back(file.generic_string());
        return py::dict(py::arg("index") = report.index, py::arg("networks") = f.networks,
                        py::arg("actors") = f.actors, py::arg("municipalities") = f.municipalities,
                        py::arg("municipalities_covered") = f.municipalities_covered,
                        py::arg("population") = f.population, py::arg("population_covered") = f.population_covered,
                        py::arg("population_share") = f.population_share, py::arg("regions") = f.regions,
                        py::arg("regions_reached") = f.regions_reached, py::arg("population_year") = f.population_year,
                        py::arg("files") = files, py::arg("notes") = report.notes);
      },
      py::arg("dataset"), py::arg("geography"), py::arg("out_dir"), py::kw_only(), py::arg("year") = py::none(),
      py::arg("top") = 15, py::arg("map_edges") = 30, py::arg("map_width") = 1000.0, py::arg("png_width") = 1600,
      py::arg("rules") = py::none(),
      "Writes the HTML report of the data set into out_dir (index.html, tables/*.csv, maps/*.svg and *.png; "
      "written beside it and renamed at the end; an earlier report there is replaced) and returns a dict: index "
      "(path of index.html), networks, actors, municipalities, municipalities_covered, population, "
      "population_covered, population_share, regions, regions_reached, population_year, files (relative to "
      "out_dir), notes (sections left out and why). year: population year (default: the geography's reference "
      "year); top: rows of the top lists; map_edges: region pairs on the collaboration map; rules: the call's "
      "rules.json (default: call_rules_2021 found next to the data set). Filters as keyword arguments: status=, "
      "role=, track=, network_kind=, actor_kind= (lists of CSV spellings), theme= (words), start=/end=.");
}

}  // namespace alueverkko::python
