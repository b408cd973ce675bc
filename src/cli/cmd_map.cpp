// Placeholder: alueverkko map (issue 8) is being written.
#include "commands.hpp"

namespace alueverkko::cli {

void register_map(CLI::App&) {}

}  // namespace alueverkko::cli
