#include "graph_input.hpp"

#include "commands.hpp"
#include "output.hpp"

#include <alueverkko/data/dataset.hpp>
#include <alueverkko/geo/geography.hpp>
#include <alueverkko/graph/collaboration.hpp>
#include <alueverkko/io/plain_lists.hpp>
#include <alueverkko/io/table.hpp>

#include <charconv>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <stdexcept>

#include <unistd.h>

namespace alueverkko::cli {
namespace {

ProjectionOptions make_projection(const GraphInputOptions& o, int threads) {
  ProjectionOptions options;
  options.weighting = parse_weighting(o.weighting);
  options.use_membership_weights = o.membership_weights;
  options.threads = threads;
  options.max_bytes = parse_memory_size(o.max_memory);
  return options;
}

}  // namespace

std::uint64_t parse_memory_size(const std::string& text) {
  if (text == "physical") {
    const long pages = sysconf(_SC_PHYS_PAGES), page = sysconf(_SC_PAGE_SIZE);
    return pages > 0 && page > 0 ? static_cast<std::uint64_t>(pages) * static_cast<std::uint64_t>(page) : 0;
  }
  std::uint64_t number = 0;
  const char* end = text.data() + text.size();
  const auto [rest, error] = std::from_chars(text.data(), end, number);
  int shift = 0;
  if (rest + 1 == end) {
    switch (*rest) {
      case 'K': shift = 10; break;
      case 'M': shift = 20; break;
      case 'G': shift = 30; break;
      case 'T': shift = 40; break;
      default: shift = -1;
    }
  }
  if (error != std::errc{} || rest == text.data() || shift < 0 || (rest != end && shift == 0) ||
      number > (UINT64_MAX >> shift))
    throw CliUsageError("--max-memory: expected a size such as 512M, 8G, 0 (no limit) or physical, got '" + text + "'");
  return number << shift;
}

void add_graph_input_options(CLI::App* cmd, GraphInputOptions& o) {
  add_dataset_positional(cmd, o.input);
  cmd->add_option("--edges", o.edges, "Plain edge list source,target[,weight] instead of a data set")
      ->type_name("FILE");
  cmd->add_option("--memberships", o.memberships, "Plain two-mode list actor,network[,weight] instead of a data set")
      ->type_name("FILE");
  o.level_opt = add_level_option(cmd, o.level, {"actor", "municipality", "subregion", "region"},
                                 "Vertices of a data set's projection");
  o.weighting_opt = add_weighting_option(cmd, o.weighting);
  cmd->add_flag("--membership-weights", o.membership_weights,
                "Multiply by the membership weights in count/newman projections (default: ignored)");
}

void add_graph_input_details(CLI::App* cmd, GraphInputOptions& o, const std::string& distances_help) {
  cmd->add_flag("--weights-are-distances", o.weights_are_distances, distances_help);
  add_filter_options(cmd, o.filters);
  o.geography_opt = add_geography_option(cmd, o.geography);
  cmd->add_option("--max-memory", o.max_memory,
                  "Refuse a projection needing more memory than SIZE (512M, 8G; 0 = no limit) before allocating it")
      ->type_name("SIZE")
      ->default_str("physical");
}

std::string graph_input_footer() {
  return "Input (exactly one):\n"
         "  DATASET              a data set directory, projected onto --level with --weighting after\n"
         "                       selecting memberships by --status, --role, --track, --theme, --from, --to\n"
         "  --edges FILE         a plain edge list: header 'source,target' or 'source,target,weight'\n"
         "                       (weight default 1; an edge listed twice: weights summed). The weights are\n"
         "                       affinities (more = closer) unless --weights-are-distances\n"
         "  --memberships FILE   a plain two-mode list: header 'actor,network' or 'actor,network,weight',\n"
         "                       projected onto the actors with --weighting\n";
}

void check_graph_input_usage(const GraphInputOptions& o) {
  const int inputs = !o.input.empty() + !o.edges.empty() + !o.memberships.empty();
  if (inputs != 1)
    throw CliUsageError("give exactly one input: a data set directory DATASET, --edges FILE or --memberships FILE" +
                        std::string(inputs == 0 ? "" : " (got " + std::to_string(inputs) + ")"));
  const bool dataset = !o.input.empty();
  const auto dataset_only = [&](CLI::Option* option) {
    if (!dataset && option->count() > 0)
      throw CliUsageError(option->get_name() + " applies to a data set directory DATASET only, not to " +
                          (o.edges.empty() ? "--memberships" : "--edges"));
  };
  dataset_only(o.level_opt);
  for (CLI::Option* option : o.filters.options) dataset_only(option);
  dataset_only(o.geography_opt);
  if (!o.edges.empty() && o.weighting_opt->count() > 0)
    throw CliUsageError("--weighting applies to projections (DATASET or --memberships), not to --edges");
  if (!o.edges.empty() && o.membership_weights)
    throw CliUsageError("--membership-weights applies to projections (DATASET or --memberships), not to --edges");
  if (o.weights_are_distances && o.edges.empty())
    throw CliUsageError("--weights-are-distances applies to --edges only (projected weights are affinities)");
  (void)parse_memory_size(o.max_memory);
  if (o.membership_weights && (o.weighting == "jaccard" || o.weighting == "overlap"))
    throw CliUsageError("--membership-weights works with --weighting count or newman only (" + o.weighting +
                        " counts memberships)");
}

GraphInput read_graph_input(const GraphInputOptions& o, int threads) {
  GraphInput in;
  const std::string weighting = o.weighting + (o.membership_weights ? " (membership weights)" : "");
  if (!o.edges.empty()) {
    const WeightMeaning meaning = o.weights_are_distances ? WeightMeaning::distance : WeightMeaning::affinity;
    in.graph = read_edge_list(o.edges, meaning);
    in.description = {{"input", o.edges}, {"kind", "edge list"}};
  } else if (!o.memberships.empty()) {
    const TwoModeGraph two_mode = read_two_mode_list(o.memberships);
    in.graph = project(two_mode, make_projection(o, threads));
    in.description = {{"input", o.memberships}, {"kind", "membership list projected onto actors"},
                      {"weighting", weighting}};
  } else {
    const MembershipFilter filter = make_filter(o.filters);
    const std::filesystem::path dir = o.input;
    const std::filesystem::path geography_dir = locate_geography(dir, o.geography);
    const Geography geography = load_geography(geography_dir);
    const Dataset dataset = load_dataset(dir, geography);
    CollaborationGraph projected =
        project_dataset(dataset, geography, parse_level(o.level), filter, make_projection(o, threads));
    in.graph = std::move(projected.graph);
    in.left_out = std::move(projected.left_out);
    in.left_out_why = std::move(projected.left_out_why);
    in.description = {{"input", o.input},
                      {"kind", o.level == "actor" ? std::string("data set projected onto actors")
                                                  : "data set projected onto places (" + o.level + ")"},
                      {"geography", geography.id()},
                      {"level", o.level},
                      {"weighting", weighting}};
    for (auto& entry : o.filters.describe()) in.description.push_back(std::move(entry));
  }
  in.description.emplace_back("weights", std::string(to_string(in.graph.weight_meaning())));
  return in;
}

void print_graph_summary(const GraphInput& in, const GraphInputOptions& o, std::ostream& err) {
  err << "graph: " << in.graph.vertex_count() << " vertices, " << in.graph.edge_count() << " edges";
  for (const auto& [key, value] : in.description) err << "; " << key << ": " << value;
  err << "\n";
  if (!in.left_out.empty()) {
    err << "  left out: " << in.left_out.size() << " actors without a place at level " << o.level << " (e.g. "
        << in.left_out.front() << ": " << in.left_out_why.front() << ")\n";
  }
}

void write_graph_json(const GraphInput& in, std::ostream& out) {
  out << "{";
  for (const auto& [key, value] : in.description) out << json_string(key) << ": " << json_string(value) << ", ";
  out << "\"vertices\": " << in.graph.vertex_count() << ", \"edges\": " << in.graph.edge_count()
      << ", \"left_out\": " << in.left_out.size() << "}";
}

}  // namespace alueverkko::cli
