// `alueverkko metrics`: vertex measures (degree, betweenness, PageRank, …) of a collaboration graph,
// one row per vertex, from a data set projected onto actors or places, a plain edge list or a plain
// two-mode membership list. The numbers come from compute_measures (centrality/measures.hpp), the
// function the Python layer uses too.
#include "commands.hpp"
#include "filter_options.hpp"
#include "output.hpp"

#include <alueverkko/centrality/measures.hpp>
#include <alueverkko/core/diagnostics.hpp>
#include <alueverkko/data/dataset.hpp>
#include <alueverkko/geo/find_geography.hpp>
#include <alueverkko/geo/geography.hpp>
#include <alueverkko/graph/collaboration.hpp>
#include <alueverkko/io/plain_lists.hpp>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

namespace alueverkko::cli {
namespace {

struct MetricsOptions {
  std::string input, edges, memberships;
  std::string level = "municipality";
  std::string weighting = "count";
  bool membership_weights = false;
  std::vector<std::string> measures;
  std::string distance;
  bool weights_are_distances = false;
  bool normalized = false, raw = false;
  FilterOptions filters;
  std::string geography;
  std::string format = "csv";
  std::string out;
  int threads = 0;
  std::size_t samples = 0;
  std::uint64_t seed = 0;
  double damping = 0.85;
  double katz_alpha = 0.1;
  bool quiet = false;

  // Options given on the command line (to reject those that do not fit the input).
  CLI::Option *level_opt = nullptr, *weighting_opt = nullptr,
              *geography_opt = nullptr;
};

// The graph to measure and what it is, for the report.
struct Input {
  WeightedGraph graph;
  std::vector<std::pair<std::string, std::string>> description;  // key → value, in order
  std::vector<std::string> left_out, left_out_why;
};

ProjectionWeighting parse_weighting(const std::string& name) {
  if (name == "newman") return ProjectionWeighting::newman;
  if (name == "jaccard") return ProjectionWeighting::jaccard;
  if (name == "overlap") return ProjectionWeighting::overlap;
  return ProjectionWeighting::count;
}

ActorLevel parse_level(const std::string& name) {
  if (name == "actor") return ActorLevel::actor;
  if (name == "subregion") return ActorLevel::subregion;
  if (name == "region") return ActorLevel::region;
  return ActorLevel::municipality;
}

// Every usage problem is found before any file is read.
void check_usage(const MetricsOptions& o) {
  const int inputs = !o.input.empty() + !o.edges.empty() + !o.memberships.empty();
  if (inputs != 1)
    throw CliUsageError("give exactly one input: a data set directory INPUT, --edges FILE or --memberships FILE" +
                        std::string(inputs == 0 ? "" : " (got " + std::to_string(inputs) + ")"));
  const bool dataset = !o.input.empty();
  const auto dataset_only = [&](CLI::Option* option) {
    if (!dataset && option->count() > 0)
      throw CliUsageError(option->get_name() + " applies to a data set directory INPUT only, not to " +
                          (o.edges.empty() ? "--memberships" : "--edges"));
  };
  dataset_only(o.level_opt);
  for (CLI::Option* option : o.filters.options) dataset_only(option);
  dataset_only(o.geography_opt);
  if (!o.edges.empty() && o.weighting_opt->count() > 0)
    throw CliUsageError("--weighting applies to projections (INPUT or --memberships), not to --edges");
  if (!o.edges.empty() && o.membership_weights)
    throw CliUsageError("--membership-weights applies to projections (INPUT or --memberships), not to --edges");
  if (o.weights_are_distances && o.edges.empty())
    throw CliUsageError("--weights-are-distances applies to --edges only (projected weights are affinities)");
  if (o.weights_are_distances && !o.distance.empty())
    throw CliUsageError("--distance converts affinities to distances; with --weights-are-distances the weights "
                        "already are distances: leave --distance out");
  if (o.membership_weights && (o.weighting == "jaccard" || o.weighting == "overlap"))
    throw CliUsageError("--membership-weights works with --weighting count or newman only (" + o.weighting +
                        " counts memberships)");
  try {
    check_measure_names(o.measures);
  } catch (const std::invalid_argument& e) {
    throw CliUsageError(std::string("--measure: ") + e.what());
  }
}

ProjectionOptions make_projection(const MetricsOptions& o) {
  ProjectionOptions options;
  options.weighting = parse_weighting(o.weighting);
  options.use_membership_weights = o.membership_weights;
  options.threads = o.threads;
  return options;
}

Input read_input(const MetricsOptions& o, const MembershipFilter& filter) {
  Input in;
  const std::string weighting = o.weighting + (o.membership_weights ? " (membership weights)" : "");
  if (!o.edges.empty()) {
    const WeightMeaning meaning = o.weights_are_distances ? WeightMeaning::distance : WeightMeaning::affinity;
    in.graph = read_edge_list(o.edges, meaning);
    in.description = {{"input", o.edges}, {"kind", "edge list"}};
  } else if (!o.memberships.empty()) {
    const TwoModeGraph two_mode = read_two_mode_list(o.memberships);
    in.graph = project(two_mode, make_projection(o));
    in.description = {{"input", o.memberships}, {"kind", "membership list projected onto actors"},
                      {"weighting", weighting}};
  } else {
    const std::filesystem::path dir = o.input;
    const std::filesystem::path geography_dir =
        o.geography.empty() ? locate_geography(dir) : std::filesystem::path(o.geography);
    const Geography geography = load_geography(geography_dir);
    const Dataset dataset = load_dataset(dir, geography);
    CollaborationGraph projected =
        project_dataset(dataset, geography, parse_level(o.level), filter, make_projection(o));
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

PathLengths make_lengths(const MetricsOptions& o, WeightMeaning meaning) {
  PathLengths lengths;
  if (meaning == WeightMeaning::distance) {
    lengths.weighted = true;  // the distances as given
  } else if (!o.distance.empty()) {
    lengths.weighted = true;
    lengths.conversion = o.distance == "neglog" ? DistanceConversion::neglog : DistanceConversion::inverse;
  }
  return lengths;
}

std::string json_object(const std::vector<std::pair<std::string, std::string>>& entries) {
  std::string out = "{";
  for (std::size_t i = 0; i < entries.size(); ++i)
    out += (i ? ", " : "") + json_string(entries[i].first) + ": " + json_string(entries[i].second);
  return out + "}";
}

// {"graph": {...}, "metadata": {measure: {key: value}}, "rows": [{"id": …, measure: …}, …]}
void write_json_report(const Input& in, const MeasureTable& result, std::ostream& out) {
  out << "{\"graph\": {";
  for (const auto& [key, value] : in.description) out << json_string(key) << ": " << json_string(value) << ", ";
  out << "\"vertices\": " << in.graph.vertex_count() << ", \"edges\": " << in.graph.edge_count()
      << ", \"left_out\": " << in.left_out.size() << "},\n \"metadata\": {";
  for (std::size_t i = 0; i < result.metadata.size(); ++i)
    out << (i ? ",\n  " : "\n  ") << json_string(result.metadata[i].measure) << ": "
        << json_object(result.metadata[i].metadata);
  out << "},\n \"rows\": ";
  write_json(result.table, out);
  out << "}\n";
}

void write_report(const Input& in, const MeasureTable& result, const MetricsOptions& o) {
  if (o.format == "csv") {
    write_table(result.table, "csv", o.out);
    return;
  }
  std::ofstream file;
  if (!o.out.empty()) {
    const auto parent = std::filesystem::path(o.out).parent_path();
    if (!parent.empty()) std::filesystem::create_directories(parent);
    file.open(o.out, std::ios::binary);
    if (!file) throw std::runtime_error("cannot write " + o.out);
  }
  std::ostream& out = o.out.empty() ? std::cout : file;
  write_json_report(in, result, out);
  if (!out) throw std::runtime_error("writing " + (o.out.empty() ? std::string("standard output") : o.out) + " failed");
}

void print_summary(const Input& in, const MeasureTable& result, const MetricsOptions& o) {
  std::ostream& err = std::cerr;
  err << "graph: " << in.graph.vertex_count() << " vertices, " << in.graph.edge_count() << " edges";
  for (const auto& [key, value] : in.description) err << "; " << key << ": " << value;
  err << "\n";
  if (!in.left_out.empty()) {
    err << "  left out: " << in.left_out.size() << " actors without a place at level " << o.level << " (e.g. "
        << in.left_out.front() << ": " << in.left_out_why.front() << ")\n";
  }
  for (const MeasureMetadata& m : result.metadata) {
    err << "  " << m.measure << ":";
    for (std::size_t i = 0; i < m.metadata.size(); ++i)
      err << (i ? "; " : " ") << m.metadata[i].first << " = " << m.metadata[i].second;
    err << "\n";
  }
  if (!o.out.empty()) err << "wrote " << o.out << "\n";
}

void run(const MetricsOptions& o) {
  check_usage(o);
  const MembershipFilter filter = make_filter(o.filters);
  const Input in = read_input(o, filter);

  MeasureSettings settings;
  settings.normalized = !o.raw;
  settings.lengths = make_lengths(o, in.graph.weight_meaning());
  settings.threads = o.threads;
  settings.betweenness_samples = o.samples;
  settings.betweenness_seed = o.seed;
  settings.damping = o.damping;
  settings.katz_alpha = o.katz_alpha;
  const MeasureTable result = compute_measures(in.graph, o.measures, settings);

  write_report(in, result, o);
  if (!o.quiet) print_summary(in, result, o);
}

}  // namespace

void register_metrics(CLI::App& app) {
  auto o = std::make_shared<MetricsOptions>();
  auto* cmd = app.add_subcommand("metrics", "Vertex measures (degree, betweenness, PageRank, ...) of a collaboration graph");
  cmd->footer(
      "Input (exactly one):\n"
      "  INPUT                a data set directory, projected onto --level with --weighting after\n"
      "                       selecting memberships by --status, --role, --track, --theme, --from, --to\n"
      "  --edges FILE         a plain edge list: header 'source,target' or 'source,target,weight'\n"
      "                       (weight default 1; an edge listed twice: weights summed). The weights are\n"
      "                       affinities (more = closer) unless --weights-are-distances\n"
      "  --memberships FILE   a plain two-mode list: header 'actor,network' or 'actor,network,weight',\n"
      "                       projected onto the actors with --weighting\n"
      "Path measures (betweenness, closeness, harmonic) count hops (every edge length 1) unless\n"
      "  --distance inverse|neglog converts affinities to lengths (1/w, or -log(w/max w)), or the\n"
      "  weights are distances (--weights-are-distances), which are then used as lengths.\n"
      "  Nothing is converted silently.\n"
      "Normalisation (--normalized, the default, or --raw) applies to degree (/(n-1)), betweenness\n"
      "  (networkx's) and harmonic (/(n-1)); closeness always uses the Wasserman-Faust scaling\n"
      "  (networkx's default); strength, core, eigenvector, pagerank and katz have one form only.\n"
      "  Eigenvector, pagerank and katz use the weights as affinities; with --weights-are-distances\n"
      "  they use the unweighted adjacency instead (their metadata says so).\n"
      "Output: one row per vertex, 'id' first, then one column per measure in the order given.\n"
      "  csv   the table only (RFC 4180).\n"
      "  json  {\"graph\": {...}, \"metadata\": {measure: {how it was computed}}, \"rows\": [{...}, ...]}.\n"
      "  A summary of the graph and of how each measure was computed goes to standard error\n"
      "  (not with --quiet).\n"
      "Exit status: 0 ok, 1 bad input (each problem as file:line:column: message), 2 usage.\n"
      "Examples:\n"
      "  alueverkko metrics data/collaborations/idea_call_2021 --level municipality --weighting newman \\\n"
      "      --measure degree,betweenness,pagerank --distance inverse --status member\n"
      "  alueverkko metrics --edges my_edges.csv --weights-are-distances --measure closeness,harmonic\n"
      "  alueverkko metrics --memberships my_memberships.csv --weighting jaccard --measure core,eigenvector");
  cmd->add_option("INPUT", o->input, "Data set directory (with dataset.json)")->type_name("DIR");
  cmd->add_option("--edges", o->edges, "Plain edge list source,target[,weight] instead of a data set")
      ->type_name("FILE");
  cmd->add_option("--memberships", o->memberships, "Plain two-mode list actor,network[,weight] instead of a data set")
      ->type_name("FILE");
  o->level_opt = cmd->add_option("--level", o->level, "Vertices of a data set's projection")
                     ->check(CLI::IsMember({"actor", "municipality", "subregion", "region"}))
                     ->capture_default_str();
  o->weighting_opt = cmd->add_option("--weighting", o->weighting, "Projection weighting (see docs/centrality.md)")
                         ->check(CLI::IsMember({"count", "newman", "jaccard", "overlap"}))
                         ->capture_default_str();
  cmd->add_flag("--membership-weights", o->membership_weights,
                "Multiply by the membership weights in count/newman projections (default: ignored)");
  cmd->add_option("--measure", o->measures,
                  "Measures, comma-separated: degree, strength, betweenness, closeness, harmonic, eigenvector, "
                  "pagerank, katz, core")
      ->delimiter(',')
      ->allow_extra_args(false)
      ->type_name("LIST")
      ->required();
  cmd->add_option("--distance", o->distance, "Lengths for path measures from affinities: inverse or neglog (default: hops)")
      ->check(CLI::IsMember({"inverse", "neglog"}));
  cmd->add_flag("--weights-are-distances", o->weights_are_distances,
                "The --edges weights are distances (more = farther), used as lengths by path measures");
  auto* normalized = cmd->add_flag("--normalized", o->normalized, "Normalised degree, betweenness, harmonic (default)");
  cmd->add_flag("--raw", o->raw, "Raw degree, betweenness and harmonic values")->excludes(normalized);
  add_filter_options(cmd, o->filters);
  o->geography_opt = cmd->add_option("--geography", o->geography,
                                     "Geography directory (default: the one named in dataset.json, e.g. the bundled "
                                     "fi-2021)")
                         ->type_name("DIR");
  cmd->add_option("--format", o->format, "Output format")->check(CLI::IsMember({"csv", "json"}))->capture_default_str();
  cmd->add_option("--out", o->out, "Write the output to FILE instead of standard output")->type_name("FILE");
  cmd->add_option("--threads", o->threads, "Threads for path measures and projections (0 = all cores)")
      ->check(CLI::NonNegativeNumber)
      ->type_name("N")
      ->capture_default_str();
  auto* samples = cmd->add_option("--samples", o->samples, "Betweenness estimated from K random sources (0 = exact)")
                      ->check(CLI::NonNegativeNumber)
                      ->type_name("K");
  cmd->add_option("--seed", o->seed, "Seed of the betweenness sample")->needs(samples)->type_name("S");
  cmd->add_option("--damping", o->damping, "PageRank damping factor")->check(CLI::Range(0.0, 1.0))->capture_default_str();
  cmd->add_option("--katz-alpha", o->katz_alpha, "Katz attenuation factor alpha")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  cmd->add_flag("-q,--quiet", o->quiet, "No summary on standard error");
  cmd->callback([o] { run(*o); });
}

}  // namespace alueverkko::cli
