// Progress and cancellation from Python (progress.hpp) and the exception alueverkko.Cancelled.
#include "progress.hpp"
#include "bindings.hpp"

namespace py = pybind11;

namespace alueverkko::python {

PythonProgress::PythonProgress(const py::object& progress, const char* name, const char* unit) {
  if (py::isinstance<py::bool_>(progress)) {
    if (progress.cast<bool>()) {
      reporter_ = py::module_::import("alueverkko._progress").attr("TqdmReporter")(name, unit);
      bar_ = true;
    }
  } else if (!progress.is_none()) {
    if (!PyCallable_Check(progress.ptr()))
      throw py::type_error("progress must be None, True, False or a function f(done, total)");
    reporter_ = progress;
  }
  progress_.report = [this](std::size_t done, std::size_t total) { return report(done, total); };
}

// On the computation's calling thread, without the GIL. A Python error is thrown on as
// error_already_set: the computation stops and rethrows it when it ends.
bool PythonProgress::report(std::size_t done, std::size_t total) {
  py::gil_scoped_acquire gil;
  if (PyErr_CheckSignals() != 0) throw py::error_already_set();
  if (!reporter_) return true;
  const py::object answer = reporter_(done, total);
  return !answer.is(py::bool_(false));
}

void PythonProgress::close() noexcept {
  if (!bar_) return;
  bar_ = false;
  // A failure to close the bar must not hide the computation's result or its error.
  const py::error_scope keep_error;
  try {
    reporter_.attr("close")();
  } catch (const py::error_already_set&) {
  }
}

void bind_progress(py::module_& m) {
  py::register_exception<Cancelled>(m, "Cancelled", PyExc_RuntimeError)
      .doc() = "A computation stopped because its progress function returned False.";
}

}  // namespace alueverkko::python
