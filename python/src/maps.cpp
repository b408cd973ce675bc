// Placeholder: bindings being written (issue 8).
#include "bindings.hpp"

namespace alueverkko::python {

void bind_maps(pybind11::module_&) {}

}  // namespace alueverkko::python
