// PLACEHOLDER, being replaced: bindings of metrics/overlap.hpp.
#include "bindings.hpp"

namespace alueverkko::python {

void bind_overlap(pybind11::module_&) {}

}  // namespace alueverkko::python
