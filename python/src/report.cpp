// Placeholder: bindings being written (issue 10).
#include "bindings.hpp"

namespace alueverkko::python {

void bind_report(pybind11::module_&) {}

}  // namespace alueverkko::python
