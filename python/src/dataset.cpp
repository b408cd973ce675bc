#include "bindings.hpp"

#include <alueverkko/data/dataset.hpp>
#include <alueverkko/io/dataset_tables.hpp>

#include <pybind11/stl.h>
#include <pybind11/stl/filesystem.h>

namespace py = pybind11;

namespace alueverkko::python {

void bind_dataset(py::module_& m) {
  py::class_<Dataset>(m, "Dataset", "A collaboration data set: actors, networks and memberships.")
      .def_property_readonly("name", &Dataset::name)
      .def_property_readonly("title", [](const Dataset& d) { return d.metadata().title; })
      .def_property_readonly("description", [](const Dataset& d) { return d.metadata().description; })
      .def_property_readonly("reference_year", [](const Dataset& d) { return d.metadata().reference_year; })
      .def_property_readonly("geography_id", &Dataset::geography_id)
      .def_property_readonly("directory", &Dataset::directory)
      .def_property_readonly("notes", [](const Dataset& d) { return d.metadata().notes; })
      .def_property_readonly("actors", &actors_table, "One row per actor (a Table; .to_pandas(index='actor_id')).")
      .def_property_readonly("networks", &networks_table, "One row per network.")
      .def_property_readonly("memberships", &memberships_table, "One row per membership.")
      .def(
          "find_actor",
          [](const Dataset& d, std::string_view query) -> std::optional<std::string> {
            const Actor* actor = d.find_actor(query);
            return actor ? std::optional<std::string>(actor->id) : std::nullopt;
          },
          py::arg("id_name_or_alias"),
          "The id of the actor with this id, name or alias (case-insensitive; å, ä, ö are letters of their "
          "own), or None if there is none or the name is ambiguous.")
      .def("__repr__", [](const Dataset& d) {
        return "<Dataset " + d.name() + ": " + std::to_string(d.actors().size()) + " actors, " +
               std::to_string(d.networks().size()) + " networks, " + std::to_string(d.memberships().size()) +
               " memberships>";
      });

  m.def("load_dataset", &load_dataset, py::arg("directory"), py::arg("geography"),
        py::call_guard<py::gil_scoped_release>(),
        "Reads and validates a data set directory against a geography; raises DataError listing every problem.");
}

}  // namespace alueverkko::python
