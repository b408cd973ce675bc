// PLACEHOLDER, being replaced: bindings of metrics/coverage.hpp.
#include "bindings.hpp"

namespace alueverkko::python {

void bind_coverage(pybind11::module_&) {}

}  // namespace alueverkko::python
