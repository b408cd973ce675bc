// Placeholder: bindings being written (issue 8).
#include "bindings.hpp"

namespace alueverkko::python {

void bind_export(pybind11::module_&) {}

}  // namespace alueverkko::python
