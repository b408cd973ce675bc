// `alueverkko backbone`: the statistically significant ties of a collaboration graph, one row per
// kept tie. Two methods:
//   disparity  the disparity filter of a weighted one-mode graph (a data set's projection, --edges
//              or --memberships projected with --weighting); backbone/disparity.hpp
//   sdsm       the stochastic degree sequence model of the two-mode graph itself (a data set
//              aggregated to --level, or --memberships); backbone/sdsm.hpp
// The one-mode input is read by graph_input (shared with metrics and the other commands); SDSM
// needs the two-mode graph before projection, read here with the same options.
#include "commands.hpp"
#include "graph_input.hpp"
#include "output.hpp"
#include "progress_line.hpp"

#include <alueverkko/backbone/disparity.hpp>
#include <alueverkko/backbone/sdsm.hpp>
#include <alueverkko/data/dataset.hpp>
#include <alueverkko/geo/geography.hpp>
#include <alueverkko/graph/aggregation.hpp>
#include <alueverkko/graph/membership_filter.hpp>
#include <alueverkko/io/plain_lists.hpp>
#include <alueverkko/io/table.hpp>

#include <iostream>

namespace alueverkko::cli {
namespace {

struct BackboneOptions {
  GraphInputOptions input;
  std::string method;
  double alpha = 0.05;
  std::string correction = "none";
  std::string tail = "upper";
  std::string approximation = "exact";
  bool all_pairs = false;
  std::string format = "csv";
  std::string out;
  int threads = 0;
  bool quiet = false, progress = false;
  CLI::Option *tail_opt = nullptr, *approximation_opt = nullptr;
};

struct Report {
  Table table;                                                    // one row per kept tie
  std::vector<std::pair<std::string, std::string>> settings;     // how it was computed
  std::uint64_t before = 0, after = 0;                           // ties tested / kept
  std::vector<std::string> notes;                                 // more lines for the summary
};

void check_usage(const BackboneOptions& o) {
  check_graph_input_usage(o.input);
  if (o.method == "sdsm") {
    if (!o.input.edges.empty())
      throw CliUsageError("--method sdsm needs the two-mode graph: a data set directory DATASET or --memberships FILE, "
                          "not --edges");
    if (o.input.weighting_opt->count() > 0 || o.input.membership_weights)
      throw CliUsageError("--weighting and --membership-weights apply to --method disparity (SDSM counts shared "
                          "networks)");
  } else {
    if (o.tail_opt->count() > 0 || o.approximation_opt->count() > 0 || o.all_pairs)
      throw CliUsageError("--tail, --approximation and --all-pairs apply to --method sdsm only");
    if (o.input.weights_are_distances)
      throw CliUsageError("the disparity filter reads weights as affinities: leave --weights-are-distances out");
  }
}

ActorLevel level_of(const std::string& name) {
  for (const auto level : {ActorLevel::actor, ActorLevel::municipality, ActorLevel::subregion, ActorLevel::region})
    if (to_string(level) == name) return level;
  throw CliUsageError("--level: unknown level '" + name + "'");
}

// The two-mode graph for SDSM, described like graph_input describes its graphs.
struct TwoModeInput {
  TwoModeGraph graph;
  std::vector<std::pair<std::string, std::string>> description;
  std::vector<std::string> left_out, left_out_why;
};

TwoModeInput read_two_mode_input(const GraphInputOptions& o) {
  TwoModeInput in;
  if (!o.memberships.empty()) {
    in.graph = read_two_mode_list(o.memberships);
    in.description = {{"input", o.memberships}, {"kind", "membership list"}};
    return in;
  }
  const MembershipFilter filter = make_filter(o.filters);
  const std::filesystem::path dir = o.input;
  const Geography geography = load_geography(locate_geography(dir, o.geography));
  const Dataset dataset = load_dataset(dir, geography);
  AggregatedGraph aggregated = aggregate(dataset, geography, level_of(o.level), select_memberships(dataset, filter));
  in.graph = std::move(aggregated.graph);
  in.left_out = std::move(aggregated.left_out);
  in.left_out_why = std::move(aggregated.left_out_why);
  in.description = {{"input", o.input},
                    {"kind", o.level == "actor" ? std::string("data set, actors") : "data set aggregated to places (" + o.level + ")"},
                    {"geography", geography.id()},
                    {"level", o.level}};
  for (auto& entry : o.filters.describe()) in.description.push_back(std::move(entry));
  return in;
}

Report run_disparity(const BackboneOptions& o, GraphInput& in) {
  const DisparityResult r = disparity_filter(in.graph, {o.alpha, correction_from_string(o.correction)});
  Report report;
  report.table = disparity_table(in.graph, r, true);
  report.before = r.tests;
  report.after = r.backbone.edge_count();
  report.settings = {{"method", "disparity"}, {"alpha", format_real(o.alpha)}, {"correction", o.correction},
                     {"tests", std::to_string(r.tests)}};
  return report;
}

Report run_sdsm(const BackboneOptions& o, TwoModeInput& in) {
  SdsmOptions options;
  options.alpha = o.alpha;
  options.correction = correction_from_string(o.correction);
  options.tail = sdsm_tail_from_string(o.tail);
  options.approximation = sdsm_approximation_from_string(o.approximation);
  options.all_pairs = o.all_pairs;
  options.threads = o.threads;
  if (show_progress(o.progress, o.quiet)) options.progress = progress_line("sdsm", "distributions");
  const SdsmResult r = sdsm(in.graph, options);
  const SdsmPairs& pairs = r.pairs;
  std::uint64_t cooccurring = 0;
  for (const auto c : pairs.count) cooccurring += c > 0;
  Report report;
  report.table = sdsm_table(in.graph, r, true);
  report.before = cooccurring;
  report.after = r.positive.edge_count() + r.negative.edge_count();
  report.settings = {{"method", "sdsm"},
                     {"alpha", format_real(o.alpha)},
                     {"correction", o.correction},
                     {"tail", o.tail},
                     {"approximation", o.approximation},
                     {"pairs", o.all_pairs ? "all" : "co-occurring"},
                     {"tested", std::to_string(pairs.i.size())},
                     {"tests", std::to_string(r.tests)},
                     {"bicm_iterations", std::to_string(r.model.iterations)},
                     {"bicm_max_degree_error", format_real(r.model.max_degree_error)}};
  report.notes.push_back("two-mode graph: " + std::to_string(in.graph.row_count()) + " rows, " +
                         std::to_string(in.graph.column_count()) + " columns, " + std::to_string(in.graph.edge_count()) +
                         " memberships; " + std::to_string(cooccurring) + " co-occurring pairs");
  report.notes.push_back("kept: " + std::to_string(r.positive.edge_count()) + " positive, " +
                         std::to_string(r.negative.edge_count()) + " negative");
  return report;
}

void write_json_report(const std::vector<std::pair<std::string, std::string>>& description, std::size_t left_out,
                       const Report& report, std::ostream& out) {
  out << "{\"graph\": {";
  for (const auto& [key, value] : description) out << json_string(key) << ": " << json_string(value) << ", ";
  out << "\"left_out\": " << left_out << "},\n \"backbone\": {";
  for (const auto& [key, value] : report.settings) out << json_string(key) << ": " << json_string(value) << ", ";
  out << "\"edges_before\": " << report.before << ", \"edges_after\": " << report.after << "},\n \"rows\": ";
  write_json(report.table, out);
  out << "}\n";
}

void run(const BackboneOptions& o) {
  check_usage(o);
  std::vector<std::pair<std::string, std::string>> description;
  std::vector<std::string> left_out, left_out_why;
  Report report;
  if (o.method == "disparity") {
    GraphInput in = read_graph_input(o.input, o.threads);
    report = run_disparity(o, in);
    description = in.description;
    left_out = in.left_out;
    left_out_why = in.left_out_why;
  } else {
    TwoModeInput in = read_two_mode_input(o.input);
    report = run_sdsm(o, in);
    description = in.description;
    left_out = in.left_out;
    left_out_why = in.left_out_why;
  }
  if (o.format == "csv")
    write_table(report.table, "csv", o.out);
  else
    write_to(o.out, [&](std::ostream& out) { write_json_report(description, left_out.size(), report, out); });
  if (o.quiet) return;
  std::ostream& err = std::cerr;
  err << "graph:";
  for (std::size_t i = 0; i < description.size(); ++i)
    err << (i ? "; " : " ") << description[i].first << ": " << description[i].second;
  err << "\n";
  if (!left_out.empty())
    err << "  left out: " << left_out.size() << " actors without a place at level " << o.input.level << " (e.g. "
        << left_out.front() << ": " << left_out_why.front() << ")\n";
  for (const auto& note : report.notes) err << "  " << note << "\n";
  err << "backbone:";
  for (std::size_t i = 0; i < report.settings.size(); ++i)
    err << (i ? "; " : " ") << report.settings[i].first << " = " << report.settings[i].second;
  err << "\nedges: " << report.before << " before, " << report.after << " after\n";
  if (!o.out.empty()) err << "wrote " << o.out << "\n";
}

}  // namespace

void register_backbone(CLI::App& app) {
  auto o = std::make_shared<BackboneOptions>();
  auto* cmd = app.add_subcommand("backbone", "Statistically significant ties: disparity filter or SDSM backbone");
  cmd->footer(
      graph_input_footer() +
      "  With --method sdsm the input is the two-mode graph itself (DATASET aggregated to --level, or\n"
      "  --memberships); --edges does not apply.\n"
      "Methods (docs/backbone.md):\n"
      "  disparity  Serrano et al. 2009: p = min over the endpoints (of degree > 1) of (1 - w/s)^(k-1);\n"
      "             an endpoint of degree 1 is ignored (an isolated pair has p = 1)\n"
      "  sdsm       Neal et al. 2021: the number of shared networks under the bipartite configuration\n"
      "             model; upper tail P(X >= observed) (positive ties), lower tail P(X <= observed)\n"
      "             (negative ties), exact (convolution) or --approximation rna. Only pairs that share\n"
      "             a network are tested unless --all-pairs (needed for a complete negative backbone)\n"
      "A tie is kept if p < alpha (Bonferroni: alpha/m; Holm: step-down) with m = the edges tested\n"
      "  (disparity) or all n(n-1)/2 pairs (sdsm); --tail both tests each tail at alpha/2.\n"
      "Output: one row per kept tie: source, target, weight, p_value (disparity) or source, target,\n"
      "  weight (shared networks), expected, p_upper, p_lower, sign (+1/-1) (sdsm).\n"
      "  json: {\"graph\": {...}, \"backbone\": {settings, edges_before, edges_after}, \"rows\": [...]}.\n"
      "  A summary (edges before and after) goes to standard error (not with --quiet), and so does\n"
      "  the progress of SDSM's distributions (with --progress, or when standard error is a terminal).\n"
      "Exit status: 0 ok, 1 bad input (each problem as file:line:column: message), 2 usage.\n"
      "Examples:\n"
      "  alueverkko backbone data/collaborations/idea_call_2021 --status member --method sdsm --alpha 0.05\n"
      "  alueverkko backbone --edges my_edges.csv --method disparity --alpha 0.05 --correction holm");
  add_graph_input_options(cmd, o->input);
  cmd->add_option("--method", o->method, "Backbone method")->check(CLI::IsMember({"disparity", "sdsm"}))->required();
  cmd->add_option("--alpha", o->alpha, "Significance level")->check(CLI::Range(0.0, 1.0))->capture_default_str();
  cmd->add_option("--correction", o->correction, "Multiple-testing correction")
      ->check(CLI::IsMember({"none", "holm", "bonferroni"}))
      ->capture_default_str();
  o->tail_opt = cmd->add_option("--tail", o->tail, "SDSM: upper (positive ties), lower (negative) or both (signed)")
                    ->check(CLI::IsMember({"upper", "lower", "both"}))
                    ->capture_default_str();
  o->approximation_opt = cmd->add_option("--approximation", o->approximation, "SDSM: exact or rna p-values")
                             ->check(CLI::IsMember({"exact", "rna"}))
                             ->capture_default_str();
  cmd->add_flag("--all-pairs", o->all_pairs, "SDSM: also test the pairs that share no network (lower tail)");
  add_graph_input_details(cmd, o->input, "Not for backbones: the disparity filter reads weights as affinities");
  add_format_option(cmd, o->format);
  add_out_option(cmd, o->out);
  add_threads_option(cmd, o->threads, "Threads (0 = all cores)");
  add_quiet_flag(cmd, o->quiet);
  add_progress_flag(cmd, o->progress);
  cmd->callback([o] {
    if (!(o->alpha > 0)) throw CliUsageError("--alpha must be > 0");
    run(*o);
  });
}

}  // namespace alueverkko::cli
