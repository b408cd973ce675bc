// PLACEHOLDER, being replaced: `alueverkko coverage`.
#include "commands.hpp"

namespace alueverkko::cli {

void register_coverage(CLI::App&) {}

}  // namespace alueverkko::cli
