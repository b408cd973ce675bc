// PLACEHOLDER, being replaced: `alueverkko eligibility`.
#include "commands.hpp"

namespace alueverkko::cli {

void register_eligibility(CLI::App&) {}

}  // namespace alueverkko::cli
