#include "bindings.hpp"

#include <alueverkko/version.hpp>

PYBIND11_MODULE(_core, m) {
  m.doc() = "alueverkko's compiled core; use the package `alueverkko`, which re-exports it.";
  m.attr("__version__") = alueverkko::version;
  m.def("default_data_dir", [] { return ALUEVERKKO_SOURCE_DATA_DIR; },
        "The data directory of the source tree this module was built from.");
  alueverkko::python::bind_errors(m);
  alueverkko::python::bind_table(m);
  alueverkko::python::bind_geography(m);
  alueverkko::python::bind_dataset(m);
  alueverkko::python::bind_graph(m);
  alueverkko::python::bind_projection(m);
  alueverkko::python::bind_centrality(m);
  alueverkko::python::bind_plain_lists(m);
  alueverkko::python::bind_coverage(m);
  alueverkko::python::bind_eligibility(m);
  alueverkko::python::bind_overlap(m);
  alueverkko::python::bind_brokerage(m);
  alueverkko::python::bind_communities(m);
  alueverkko::python::bind_backbone(m);
  alueverkko::python::bind_geo(m);
  alueverkko::python::bind_maps(m);
  alueverkko::python::bind_drawing(m);
  alueverkko::python::bind_export(m);
  alueverkko::python::bind_progress(m);
  alueverkko::python::bind_frames(m);
  alueverkko::python::bind_report(m);
}
