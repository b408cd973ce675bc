#pragma once
// One binding file per library module; module.cpp calls each. Bindings only translate.
#include <pybind11/pybind11.h>

namespace alueverkko::python {

void bind_errors(pybind11::module_& m);
void bind_table(pybind11::module_& m);
void bind_geography(pybind11::module_& m);
void bind_dataset(pybind11::module_& m);
void bind_graph(pybind11::module_& m);
void bind_projection(pybind11::module_& m);
void bind_centrality(pybind11::module_& m);
void bind_plain_lists(pybind11::module_& m);
void bind_coverage(pybind11::module_& m);
void bind_eligibility(pybind11::module_& m);
void bind_overlap(pybind11::module_& m);
void bind_brokerage(pybind11::module_& m);
void bind_communities(pybind11::module_& m);
void bind_backbone(pybind11::module_& m);
void bind_geo(pybind11::module_& m);
void bind_maps(pybind11::module_& m);
void bind_drawing(pybind11::module_& m);
void bind_export(pybind11::module_& m);
void bind_progress(pybind11::module_& m);
void bind_frames(pybind11::module_& m);
void bind_report(pybind11::module_& m);

}  // namespace alueverkko::python
