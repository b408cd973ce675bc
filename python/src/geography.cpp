#include "bindings.hpp"

#include <alueverkko/geo/find_geography.hpp>
#include <alueverkko/geo/geography.hpp>
#include <alueverkko/io/geography_tables.hpp>

#include <pybind11/stl.h>
#include <pybind11/stl/filesystem.h>

namespace py = pybind11;

namespace alueverkko::python {

void bind_geography(py::module_& m) {
  py::enum_<PlaceLevel>(m, "PlaceLevel")
      .value("municipality", PlaceLevel::municipality)
      .value("subregion", PlaceLevel::subregion)
      .value("region", PlaceLevel::region);

  py::class_<Geography>(m, "Geography",
                        "Municipalities, sub-regions (seutukunnat) and regions (maakunnat) with populations.")
      .def_property_readonly("id", &Geography::id)
      .def_property_readonly("name", &Geography::name)
      .def_property_readonly("reference_year", &Geography::reference_year)
      .def_property_readonly("attribution", &Geography::attribution)
      .def_property_readonly("directory", &Geography::directory)
      .def_property_readonly("population_years",
                             [](const Geography& g) { return std::vector<int>(g.population_years().begin(), g.population_years().end()); })
      .def_property_readonly("municipalities", [](const Geography& g) { return places_table(g, PlaceLevel::municipality); },
                             "One row per municipality (a Table; .to_pandas(index='code')).")
      .def_property_readonly("subregions", [](const Geography& g) { return places_table(g, PlaceLevel::subregion); })
      .def_property_readonly("regions", [](const Geography& g) { return places_table(g, PlaceLevel::region); })
      .def("places", &places_table, py::arg("level"), "The places of one level as a Table.")
      .def("population_series", &population_table, "municipality_code, year, population (31 December).")
      .def("population", py::overload_cast<std::string_view, int>(&Geography::population, py::const_),
           py::arg("municipality_code"), py::arg("year"), "Population on 31 December of year, or None.")
      .def("population_total", &Geography::population_total, py::arg("year"))
      .def("__repr__", [](const Geography& g) {
        return "<Geography " + g.id() + ": " + std::to_string(g.municipalities().size()) + " municipalities, " +
               std::to_string(g.subregions().size()) + " sub-regions, " + std::to_string(g.regions().size()) +
               " regions>";
      });

  m.def("load_geography", &load_geography, py::arg("directory"), py::call_guard<py::gil_scoped_release>(),
        "Reads and validates a geography directory; raises DataError listing every problem.");
  m.def(
      "find_geography_dir",
      [](std::string_view id, const std::filesystem::path& near) { return find_geography_dir(id, near); },
      py::arg("id"), py::arg("near") = std::filesystem::path(),
      "The directory of geography `id` (see geography_search_path), or None.");
  m.def("geography_search_path", &geography_search_path, py::arg("id"), py::arg("near") = std::filesystem::path());
}

}  // namespace alueverkko::python
