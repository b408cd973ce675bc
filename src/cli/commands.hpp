#pragma once
// Each subcommand lives in its own cmd_<name>.cpp and registers itself on the top-level app.
// A command's callback throws alueverkko::DataError (exit 1) or CliUsageError (exit 2); it prints
// its results to stdout, diagnostics to stderr.
#include <CLI/CLI.hpp>
#include <stdexcept>

namespace alueverkko::cli {

struct CliUsageError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

inline constexpr int exit_ok = 0;
inline constexpr int exit_bad_input = 1;
inline constexpr int exit_usage = 2;

void register_geography(CLI::App& app);
void register_validate(CLI::App& app);
void register_metrics(CLI::App& app);
void register_coverage(CLI::App& app);
void register_eligibility(CLI::App& app);
void register_overlap(CLI::App& app);
void register_brokerage(CLI::App& app);
void register_communities(CLI::App& app);
void register_backbone(CLI::App& app);
void register_map(CLI::App& app);
void register_draw(CLI::App& app);
void register_convert(CLI::App& app);
void register_report(CLI::App& app);

}  // namespace alueverkko::cli
