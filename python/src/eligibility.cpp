// PLACEHOLDER, being replaced: bindings of metrics/eligibility.hpp.
#include "bindings.hpp"

namespace alueverkko::python {

void bind_eligibility(pybind11::module_&) {}

}  // namespace alueverkko::python
