// `alueverkko communities`: Louvain or Leiden communities of a collaboration graph, one row per
// vertex (id, community), from the same inputs as `alueverkko metrics` (graph_input.hpp).
#include "commands.hpp"
#include "graph_input.hpp"
#include "output.hpp"

#include <alueverkko/community/leiden.hpp>
#include <alueverkko/community/louvain.hpp>
#include <alueverkko/community/modularity.hpp>

#include <cmath>
#include <iostream>

namespace alueverkko::cli {
namespace {

struct CommunitiesOptions {
  GraphInputOptions input;
  std::string method;
  std::uint64_t seed = 0;
  double resolution = 1.0;
  double threshold = 1e-7;
  double randomness = 0.01;
  std::size_t iterations = 0;
  bool unweighted = false;
  std::string format = "csv";
  std::string out;
  int threads = 0;
  bool quiet = false;
  CLI::Option *threshold_opt = nullptr, *randomness_opt = nullptr;
};

void check_usage(const CommunitiesOptions& o) {
  check_graph_input_usage(o.input);
  if (o.input.weights_are_distances && !o.unweighted)
    throw CliUsageError("communities read weights as affinities (more = closer); with --weights-are-distances "
                        "add --unweighted to use every edge with weight 1");
  const auto method_only = [&](CLI::Option* option, const char* method) {
    if (option->count() > 0 && o.method != method)
      throw CliUsageError(option->get_name() + " applies to --method " + method + " only");
  };
  method_only(o.threshold_opt, "louvain");
  method_only(o.randomness_opt, "leiden");
}

Communities detect(const WeightedGraph& graph, const CommunitiesOptions& o) {
  if (o.method == "louvain")
    return louvain(graph, {.resolution = o.resolution,
                           .threshold = o.threshold,
                           .seed = o.seed,
                           .iterations = o.iterations,
                           .weighted = !o.unweighted});
  return leiden(graph, {.resolution = o.resolution,
                        .randomness = o.randomness,
                        .seed = o.seed,
                        .iterations = o.iterations,
                        .weighted = !o.unweighted});
}

// {"graph": {...}, "communities": {"method", "count", "modularity", "sizes", "metadata"}, "rows": [...]}
void write_json_report(const GraphInput& in, const Communities& c, const Table& rows, std::ostream& out) {
  out << "{\"graph\": ";
  write_graph_json(in, out);
  out << ",\n \"communities\": {\"method\": " << json_string(c.method) << ", \"count\": " << c.count
      << ", \"modularity\": " << (std::isnan(c.modularity) ? std::string("null") : format_real(c.modularity))
      << ", \"sizes\": [";
  const auto sizes = c.sizes();
  for (std::size_t i = 0; i < sizes.size(); ++i) out << (i ? ", " : "") << sizes[i];
  out << "], \"metadata\": {";
  for (std::size_t i = 0; i < c.metadata.size(); ++i)
    out << (i ? ", " : "") << json_string(c.metadata[i].first) << ": " << json_string(c.metadata[i].second);
  out << "}},\n \"rows\": ";
  write_json(rows, out);
  out << "}\n";
}

void print_summary(const GraphInput& in, const Communities& c, const CommunitiesOptions& o) {
  std::ostream& err = std::cerr;
  print_graph_summary(in, o.input, err);
  err << "  " << c.method << ": " << c.count << " communities, modularity " << format_real(c.modularity);
  for (const auto& [key, value] : c.metadata) err << "; " << key << " = " << value;
  err << "\n  sizes:";
  const auto sizes = c.sizes();
  for (std::size_t i = 0; i < sizes.size(); ++i) err << (i ? ", " : " ") << sizes[i];
  err << "\n";
  if (!o.out.empty()) err << "wrote " << o.out << "\n";
}

void run(const CommunitiesOptions& o) {
  check_usage(o);
  const GraphInput in = read_graph_input(o.input, o.threads);
  const Communities found = detect(in.graph, o);
  const Table rows = communities_table(in.graph, found);
  if (o.format == "csv")
    write_table(rows, "csv", o.out);
  else
    write_to(o.out, [&](std::ostream& out) { write_json_report(in, found, rows, out); });
  if (!o.quiet) print_summary(in, found, o);
}

}  // namespace

void register_communities(CLI::App& app) {
  auto o = std::make_shared<CommunitiesOptions>();
  auto* cmd = app.add_subcommand("communities", "Communities (Louvain or Leiden, maximising modularity) of a collaboration graph");
  cmd->footer(
      graph_input_footer() +
      "Methods (see docs/communities.md), both maximising modularity with resolution G:\n"
      "  louvain   Blondel et al. 2008; one run is networkx's louvain_communities (--threshold: the\n"
      "            least gain of modularity for another level); runs repeat from the last partition\n"
      "            until one gains at most --threshold (or --iterations N; 1 = networkx's single run);\n"
      "            communities may come out disconnected\n"
      "  leiden    Traag, Waltman & van Eck 2019: refined, connected communities; iterates until an\n"
      "            iteration changes nothing (or --iterations N); --randomness: of the refinement\n"
      "  The same --seed gives the same communities. Weights are affinities; a graph of distances\n"
      "  (--weights-are-distances) needs --unweighted.\n"
      "Output: one row per vertex: 'id', 'community' (0 = the largest community; ties by first vertex).\n"
      "  csv   the table only (RFC 4180).\n"
      "  json  {\"graph\": {...}, \"communities\": {\"method\", \"count\", \"modularity\", \"sizes\",\n"
      "        \"metadata\"}, \"rows\": [{\"id\": ..., \"community\": ...}, ...]}.\n"
      "  The number of communities, their sizes and the modularity go to standard error (not with\n"
      "  --quiet).\n"
      "Exit status: 0 ok, 1 bad input (each problem as file:line:column: message), 2 usage.\n"
      "Examples:\n"
      "  alueverkko communities data/collaborations/idea_call_2021 --level municipality --weighting newman \\\n"
      "      --status member --method leiden --seed 1\n"
      "  alueverkko communities --edges my_edges.csv --method louvain --seed 7 --resolution 1.5 --format json");
  add_graph_input_options(cmd, o->input);
  cmd->add_option("--method", o->method, "Community detection method")
      ->check(CLI::IsMember({"louvain", "leiden"}))
      ->required();
  cmd->add_option("--seed", o->seed, "Seed of the random vertex order (and of Leiden's refinement)")
      ->type_name("S")
      ->required();
  cmd->add_option("--resolution", o->resolution, "Modularity resolution: larger = more, smaller communities")
      ->check(CLI::NonNegativeNumber)
      ->type_name("G")
      ->capture_default_str();
  o->threshold_opt = cmd->add_option("--threshold", o->threshold, "Louvain: least modularity gain for another level")
                         ->check(CLI::NonNegativeNumber)
                         ->capture_default_str();
  o->randomness_opt = cmd->add_option("--randomness", o->randomness, "Leiden: randomness of the refinement (> 0)")
                          ->check(CLI::PositiveNumber)
                          ->capture_default_str();
  cmd->add_option("--iterations", o->iterations, "Runs, each from the last partition (0 = until no gain)")
                          ->check(CLI::NonNegativeNumber)
                          ->type_name("N")
                          ->capture_default_str();
  cmd->add_flag("--unweighted", o->unweighted, "Every edge weighs 1 (needed for a graph of distances)");
  add_graph_input_details(cmd, o->input,
                          "The --edges weights are distances (more = farther); communities then need --unweighted");
  add_format_option(cmd, o->format);
  add_out_option(cmd, o->out);
  add_threads_option(cmd, o->threads, "Threads for projections (0 = all cores)");
  add_quiet_flag(cmd, o->quiet);
  cmd->callback([o] { run(*o); });
}

}  // namespace alueverkko::cli
