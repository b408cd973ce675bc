// Placeholder: alueverkko convert (issue 8) is being written.
#include "commands.hpp"

namespace alueverkko::cli {

void register_convert(CLI::App&) {}

}  // namespace alueverkko::cli
