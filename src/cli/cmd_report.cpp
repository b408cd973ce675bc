// Placeholder: alueverkko report (issue 10) is being written.
#include "commands.hpp"

namespace alueverkko::cli {

void register_report(CLI::App&) {}

}  // namespace alueverkko::cli
