#pragma once
// The progress of a long computation as one line on standard error, e.g.
// "betweenness: 1234/5000 sources (25%)", rewritten in place (\r) and ended with a newline when
// done. Never on standard output, which holds the results.
#include <alueverkko/core/progress.hpp>

#include <CLI/CLI.hpp>

#include <string>

namespace alueverkko::cli {

// Adds --progress to `cmd`, setting `requested`.
void add_progress_flag(CLI::App* cmd, bool& requested);

// Whether to show progress: --progress, or (not --quiet) standard error is a terminal.
bool show_progress(bool requested, bool quiet);

// A Progress that draws the line for `name`, counting `unit`.
Progress progress_line(const std::string& name, const std::string& unit);

}  // namespace alueverkko::cli
