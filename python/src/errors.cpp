#include "bindings.hpp"

#include <alueverkko/core/diagnostics.hpp>

#include <pybind11/stl.h>

namespace py = pybind11;

namespace alueverkko::python {

void bind_errors(py::module_& m) {
  py::class_<Diagnostic>(m, "Diagnostic", "One problem in an input file, with its 1-based position.")
      .def_readonly("file", &Diagnostic::file)
      .def_readonly("line", &Diagnostic::line)
      .def_readonly("column", &Diagnostic::column)
      .def_readonly("message", &Diagnostic::message)
      .def("__str__", &Diagnostic::to_string)
      .def("__repr__", [](const Diagnostic& d) { return "<Diagnostic " + d.to_string() + ">"; });

  // DataError is a ValueError whose message lists every "file:line:column: message" and whose
  // `diagnostics` attribute holds them as objects.
  static py::exception<DataError> data_error(m, "DataError", PyExc_ValueError);
  py::register_exception_translator([](std::exception_ptr p) {
    try {
      if (p) std::rethrow_exception(p);
    } catch (const DataError& e) {
      py::object error = py::handle(data_error.ptr())(e.what());  // an instance, not a raise
      error.attr("diagnostics") = py::cast(e.diagnostics());
      PyErr_SetObject(data_error.ptr(), error.ptr());
    }
  });
}

}  // namespace alueverkko::python
