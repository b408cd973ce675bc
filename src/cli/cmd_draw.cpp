// Placeholder: alueverkko draw (issue 8) is being written.
#include "commands.hpp"

namespace alueverkko::cli {

void register_draw(CLI::App&) {}

}  // namespace alueverkko::cli
