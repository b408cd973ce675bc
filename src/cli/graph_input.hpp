#pragma once
// The one-mode graph a subcommand analyses, read the same way by every command that takes one
// (metrics, communities, …): exactly one of a data set directory INPUT (projected onto --level
// with --weighting after the membership filters), --edges FILE (a plain edge list) or
// --memberships FILE (a plain two-mode list projected onto its actors).
#include "filter_options.hpp"

#include <alueverkko/graph/weighted_graph.hpp>

#include <CLI/CLI.hpp>

#include <cstdint>
#include <functional>
#include <ostream>
#include <string>
#include <utility>
#include <vector>

namespace alueverkko::cli {

struct GraphInputOptions {
  std::string input, edges, memberships;
  std::string level = "municipality";
  std::string weighting = "count";
  bool membership_weights = false;
  bool weights_are_distances = false;
  FilterOptions filters;
  std::string geography;
  std::string max_memory = "physical";  // --max-memory: parse_memory_size()

  // Options given on the command line (to reject those that do not fit the input).
  CLI::Option *level_opt = nullptr, *weighting_opt = nullptr, *geography_opt = nullptr;
};

// The graph and what it is, for the reports.
struct GraphInput {
  WeightedGraph graph;
  std::vector<std::pair<std::string, std::string>> description;  // key → value, in order
  std::vector<std::string> left_out, left_out_why;
};

// INPUT, --edges, --memberships, --level, --weighting, --membership-weights (stored into `o`, which
// must outlive the parse). The filters, --weights-are-distances and --geography are added by
// add_graph_input_details so a command can place its own options between them in --help.
void add_graph_input_options(CLI::App* cmd, GraphInputOptions& o);
// The membership filters, --weights-are-distances (described by `distances_help`) and --geography.
void add_graph_input_details(CLI::App* cmd, GraphInputOptions& o, const std::string& distances_help);

// --max-memory: "physical" (the machine's physical memory), 0 (no limit), or a number of bytes with
// an optional binary suffix K, M, G or T (e.g. 512M, 8G). CliUsageError on anything else.
std::uint64_t parse_memory_size(const std::string& text);

// The "Input (exactly one)" paragraph of a command's --help footer.
std::string graph_input_footer();

// Every usage problem of the input options (CliUsageError), found before any file is read.
void check_graph_input_usage(const GraphInputOptions& o);

// Reads and projects the input (DataError on bad input); `threads` for the projection.
GraphInput read_graph_input(const GraphInputOptions& o, int threads);

// "graph: N vertices, M edges; key: value; …" and the actors left out, for standard error.
void print_graph_summary(const GraphInput& in, const GraphInputOptions& o, std::ostream& err);

// {"key": "value", …, "vertices": N, "edges": M, "left_out": K}: the "graph" object of JSON reports.
void write_graph_json(const GraphInput& in, std::ostream& out);

}  // namespace alueverkko::cli
