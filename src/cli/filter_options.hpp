#pragma once
// The membership filter options every data-set subcommand shares (--status, --role, --track,
// --theme, --from, --to), read into a MembershipFilter (graph/membership_filter.hpp).
#include <alueverkko/graph/membership_filter.hpp>

#include <CLI/CLI.hpp>

#include <string>
#include <vector>

namespace alueverkko::cli {

struct FilterOptions {
  std::vector<std::string> statuses, roles, tracks, themes;
  std::string from, to;
  std::vector<CLI::Option*> options;  // the options added, to reject them where they do not apply

  // True if any filter option was given on the command line.
  [[nodiscard]] bool given() const;
  // "status: member,planned; theme: all; ..." for reports.
  [[nodiscard]] std::vector<std::pair<std::string, std::string>> describe() const;
};

// Adds the options to `cmd`, storing into `options` (which must outlive the parse).
void add_filter_options(CLI::App* cmd, FilterOptions& options);

// The filter, or CliUsageError naming the option and the allowed values.
MembershipFilter make_filter(const FilterOptions& options);

}  // namespace alueverkko::cli
