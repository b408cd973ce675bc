// `alueverkko metrics`: vertex measures (degree, betweenness, PageRank, …) of a collaboration graph,
// one row per vertex, from a data set projected onto actors or places, a plain edge list or a plain
// two-mode membership list. The numbers come from compute_measures (centrality/measures.hpp), the
// function the Python layer uses too.
#include "commands.hpp"
#include "graph_input.hpp"
#include "output.hpp"
#include "progress_line.hpp"

#include <alueverkko/centrality/measures.hpp>

#include <iostream>

namespace alueverkko::cli {
namespace {

struct MetricsOptions {
  GraphInputOptions input;
  std::vector<std::string> measures;
  std::string distance;
  bool normalized = false, raw = false;
  std::string format = "csv";
  std::string out;
  int threads = 0;
  std::size_t samples = 0;
  std::uint64_t seed = 0;
  double damping = 0.85;
  double katz_alpha = 0.1;
  bool quiet = false, progress = false;
};

// Every usage problem is found before any file is read.
void check_usage(const MetricsOptions& o) {
  check_graph_input_usage(o.input);
  if (o.input.weights_are_distances && !o.distance.empty())
    throw CliUsageError("--distance converts affinities to distances; with --weights-are-distances the weights "
                        "already are distances: leave --distance out");
  try {
    check_measure_names(o.measures);
  } catch (const std::invalid_argument& e) {
    throw CliUsageError(std::string("--measure: ") + e.what());
  }
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
void write_json_report(const GraphInput& in, const MeasureTable& result, std::ostream& out) {
  out << "{\"graph\": ";
  write_graph_json(in, out);
  out << ",\n \"metadata\": {";
  for (std::size_t i = 0; i < result.metadata.size(); ++i)
    out << (i ? ",\n  " : "\n  ") << json_string(result.metadata[i].measure) << ": "
        << json_object(result.metadata[i].metadata);
  out << "},\n \"rows\": ";
  write_json(result.table, out);
  out << "}\n";
}

void write_report(const GraphInput& in, const MeasureTable& result, const MetricsOptions& o) {
  if (o.format == "csv") {
    write_table(result.table, "csv", o.out);
    return;
  }
  write_to(o.out, [&](std::ostream& out) { write_json_report(in, result, out); });
}

void print_summary(const GraphInput& in, const MeasureTable& result, const MetricsOptions& o) {
  std::ostream& err = std::cerr;
  print_graph_summary(in, o.input, err);
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
  const GraphInput in = read_graph_input(o.input, o.threads);

  MeasureSettings settings;
  settings.normalized = !o.raw;
  settings.lengths = make_lengths(o, in.graph.weight_meaning());
  settings.threads = o.threads;
  settings.betweenness_samples = o.samples;
  settings.betweenness_seed = o.seed;
  settings.damping = o.damping;
  settings.katz_alpha = o.katz_alpha;
  if (show_progress(o.progress, o.quiet))
    settings.progress = [](std::string_view measure) {
      return progress_line(std::string(measure), measure == "betweenness" ? "sources" : "vertices");
    };
  const MeasureTable result = compute_measures(in.graph, o.measures, settings);

  write_report(in, result, o);
  if (!o.quiet) print_summary(in, result, o);
}

}  // namespace

void register_metrics(CLI::App& app) {
  auto o = std::make_shared<MetricsOptions>();
  auto* cmd = app.add_subcommand("metrics", "Vertex measures (degree, betweenness, PageRank, ...) of a collaboration graph");
  cmd->footer(
      graph_input_footer() +
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
      "  (not with --quiet), and so does the progress of the path measures (with --progress, or\n"
      "  when standard error is a terminal).\n"
      "Exit status: 0 ok, 1 bad input (each problem as file:line:column: message), 2 usage.\n"
      "Examples:\n"
      "  alueverkko metrics data/collaborations/idea_call_2021 --level municipality --weighting newman \\\n"
      "      --measure degree,betweenness,pagerank --distance inverse --status member\n"
      "  alueverkko metrics --edges my_edges.csv --weights-are-distances --measure closeness,harmonic\n"
      "  alueverkko metrics --memberships my_memberships.csv --weighting jaccard --measure core,eigenvector");
  add_graph_input_options(cmd, o->input);
  cmd->add_option("--measure", o->measures,
                  "Measures, comma-separated: degree, strength, betweenness, closeness, harmonic, eigenvector, "
                  "pagerank, katz, core")
      ->delimiter(',')
      ->allow_extra_args(false)
      ->type_name("LIST")
      ->required();
  cmd->add_option("--distance", o->distance, "Lengths for path measures from affinities: inverse or neglog (default: hops)")
      ->check(CLI::IsMember({"inverse", "neglog"}));
  auto* normalized = cmd->add_flag("--normalized", o->normalized, "Normalised degree, betweenness, harmonic (default)");
  cmd->add_flag("--raw", o->raw, "Raw degree, betweenness and harmonic values")->excludes(normalized);
  add_graph_input_details(cmd, o->input,
                          "The --edges weights are distances (more = farther), used as lengths by path measures");
  add_format_option(cmd, o->format);
  add_out_option(cmd, o->out);
  add_threads_option(cmd, o->threads, "Threads for path measures and projections (0 = all cores)");
  auto* samples = cmd->add_option("--samples", o->samples, "Betweenness estimated from K random sources (0 = exact)")
                      ->check(CLI::NonNegativeNumber)
                      ->type_name("K");
  cmd->add_option("--seed", o->seed, "Seed of the betweenness sample")->needs(samples)->type_name("S");
  cmd->add_option("--damping", o->damping, "PageRank damping factor")->check(CLI::Range(0.0, 1.0))->capture_default_str();
  cmd->add_option("--katz-alpha", o->katz_alpha, "Katz attenuation factor alpha")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  add_quiet_flag(cmd, o->quiet);
  add_progress_flag(cmd, o->progress);
  cmd->callback([o] { run(*o); });
}

}  // namespace alueverkko::cli
