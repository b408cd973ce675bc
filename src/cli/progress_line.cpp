#include "progress_line.hpp"

#include <unistd.h>

#include <iostream>

namespace alueverkko::cli {

void add_progress_flag(CLI::App* cmd, bool& requested) {
  cmd->add_flag("--progress", requested,
                "Show the progress of long computations on standard error (default: when it is a terminal and "
                "not --quiet)");
}

bool show_progress(bool requested, bool quiet) { return requested || (!quiet && isatty(STDERR_FILENO) == 1); }

Progress progress_line(const std::string& name, const std::string& unit) {
  Progress progress;
  progress.report = [name, unit](std::size_t done, std::size_t total) {
    const std::size_t percent = total == 0 ? 100 : done * 100 / total;
    std::string line = "\r";
    line += name;
    line += ": ";
    line += std::to_string(done);
    line += '/';
    line += std::to_string(total);
    line += ' ';
    line += unit;
    line += " (";
    line += std::to_string(percent);
    line += "%)";
    if (done == total) line += '\n';
    std::cerr << line << std::flush;
    return true;
  };
  return progress;
}

}  // namespace alueverkko::cli
