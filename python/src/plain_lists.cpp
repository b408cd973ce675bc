#include "bindings.hpp"

#include <alueverkko/io/plain_lists.hpp>

#include <pybind11/stl.h>
#include <pybind11/stl/filesystem.h>

namespace py = pybind11;

namespace alueverkko::python {

void bind_plain_lists(py::module_& m) {
  m.def("read_edge_list", &read_edge_list, py::arg("path"), py::arg("meaning") = WeightMeaning::affinity,
        py::call_guard<py::gil_scoped_release>(),
        "A WeightedGraph from a CSV file `source,target[,weight]`; raises DataError listing every problem.");
  m.def("parse_edge_list", &parse_edge_list, py::arg("text"), py::arg("file") = "<text>",
        py::arg("meaning") = WeightMeaning::affinity, py::call_guard<py::gil_scoped_release>(),
        "read_edge_list from the text of such a file.");
  m.def("read_two_mode_list", &read_two_mode_list, py::arg("path"), py::call_guard<py::gil_scoped_release>(),
        "A TwoModeGraph from a CSV file `actor,network[,weight]`; raises DataError listing every problem.");
  m.def("parse_two_mode_list", &parse_two_mode_list, py::arg("text"), py::arg("file") = "<text>",
        py::call_guard<py::gil_scoped_release>(), "read_two_mode_list from the text of such a file.");
}

}  // namespace alueverkko::python
