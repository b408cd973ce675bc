#pragma once
// The keyword `progress` of long computations (betweenness, closeness, SDSM): the computation
// runs with the GIL released and reports through an alueverkko::Progress whose callback takes the
// GIL, checks for signals (Ctrl-C becomes KeyboardInterrupt within an interval) and feeds a tqdm
// bar or the caller's function. A Python error raised there stops the computation and is raised
// once it has ended; a function that returned False raises alueverkko.Cancelled.
#include <alueverkko/core/progress.hpp>

#include <pybind11/pybind11.h>

#include <utility>

namespace alueverkko::python {

class PythonProgress {
 public:
  // Under the GIL. `progress`: None or False (signals only), True (a tqdm bar on standard error
  // labelled `name`, counting `unit`), or a callable f(done, total) that returns False to stop
  // (anything else goes on); TypeError otherwise.
  PythonProgress(const pybind11::object& progress, const char* name, const char* unit);
  PythonProgress(const PythonProgress&) = delete;  // the callback refers to this object
  PythonProgress& operator=(const PythonProgress&) = delete;
  ~PythonProgress() { close(); }  // under the GIL

  // The Progress to hand to a computation that runs without the GIL.
  const Progress& progress() const noexcept { return progress_; }

  // Runs compute(const Progress&) with the GIL released, then closes the bar (also on errors).
  template <class F>
  auto run(F&& compute) {
    try {
      auto result = [&] {
        pybind11::gil_scoped_release release;
        return std::forward<F>(compute)(progress_);
      }();
      close();
      return result;
    } catch (...) {
      close();
      throw;
    }
  }

 private:
  bool report(std::size_t done, std::size_t total);
  void close() noexcept;

  pybind11::object reporter_;  // None: signals only
  bool bar_ = false;           // reporter_ is a bar to close
  Progress progress_;
};

// with_progress(progress, "betweenness", "sources", [&](const Progress& p) { … }): see PythonProgress.
template <class F>
auto with_progress(const pybind11::object& progress, const char* name, const char* unit, F&& compute) {
  PythonProgress adapter(progress, name, unit);
  return adapter.run(std::forward<F>(compute));
}

}  // namespace alueverkko::python
