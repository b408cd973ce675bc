// PLACEHOLDER, being replaced: `alueverkko overlap`.
#include "commands.hpp"

namespace alueverkko::cli {

void register_overlap(CLI::App&) {}

}  // namespace alueverkko::cli
