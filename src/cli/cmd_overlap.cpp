// `alueverkko overlap`: which networks share their members (pairs), which share members and theme
// words (near-duplicates), and how many networks each actor or place carries (portfolio). The
// tables come from metrics/overlap.hpp, the functions the Python layer binds too.
#include "commands.hpp"
#include "filter_options.hpp"
#include "output.hpp"

#include <alueverkko/data/dataset.hpp>
#include <alueverkko/geo/find_geography.hpp>
#include <alueverkko/geo/geography.hpp>
#include <alueverkko/metrics/overlap.hpp>

#include <cmath>
#include <filesystem>
#include <iostream>

namespace alueverkko::cli {
namespace {

struct OverlapCliOptions {
  std::string input;
  std::string report = "pairs";
  bool near_duplicates = false, portfolio = false;
  std::string level = "actor";
  std::string measure = "jaccard";
  double min = 0, threshold = 0.25;
  std::size_t min_words = 1, top = 0;
  FilterOptions filters;
  std::string geography;
  std::string format = "csv";
  std::string out;
  bool quiet = false;
  CLI::Option *report_opt = nullptr, *measure_opt = nullptr, *min_opt = nullptr, *threshold_opt = nullptr,
              *min_words_opt = nullptr;
};

// The report asked for: --report NAME, or its shorthand --near-duplicates / --portfolio.
std::string report_of(const OverlapCliOptions& o) {
  const int shorthands = o.near_duplicates + o.portfolio;
  if (shorthands > 1) throw CliUsageError("give one of --near-duplicates and --portfolio, not both");
  const std::string shorthand = o.near_duplicates ? "near-duplicates" : o.portfolio ? "portfolio" : "";
  if (!shorthand.empty() && o.report_opt->count() > 0 && o.report != shorthand)
    throw CliUsageError("--" + shorthand + " contradicts --report " + o.report);
  return shorthand.empty() ? o.report : shorthand;
}

// Every usage problem is found before any file is read.
void check_usage(const OverlapCliOptions& o, const std::string& report) {
  const auto only_for = [&](CLI::Option* option, const std::string& wanted, const std::string& what) {
    if (option->count() > 0 && report != wanted)
      throw CliUsageError(option->get_name() + " applies to " + what + ", not to --report " + report);
  };
  only_for(o.min_opt, "pairs", "--report pairs (near-duplicates: --threshold)");
  only_for(o.threshold_opt, "near-duplicates", "--report near-duplicates (pairs: --min)");
  only_for(o.min_words_opt, "near-duplicates", "--report near-duplicates");
  if (o.measure_opt->count() > 0 && report == "portfolio")
    throw CliUsageError("--measure applies to --report pairs and near-duplicates, not to portfolio");
  if (!std::isfinite(o.min) || o.min < 0) throw CliUsageError("--min must be a number >= 0");
  if (!std::isfinite(o.threshold) || o.threshold < 0) throw CliUsageError("--threshold must be a number >= 0");
  if (o.min_words < 1) throw CliUsageError("--min-words must be at least 1");
}

void print_summary(const OverlapCliOptions& o, const std::string& report, const std::string& measure,
                   const Table& table, const Dataset& dataset, const Geography& geography) {
  std::ostream& err = std::cerr;
  err << "overlap: " << report << " of " << dataset.name() << " (" << dataset.networks().size() << " networks, "
      << dataset.actors().size() << " actors); level: " << o.level << "; geography: " << geography.id();
  if (report == "pairs") err << "; measure: " << measure << " >= " << format_real(o.min);
  if (report == "near-duplicates")
    err << "; measure: " << measure << " >= " << format_real(o.threshold) << "; shared theme words >= " << o.min_words;
  for (const auto& [key, value] : o.filters.describe()) err << "; " << key << ": " << value;
  err << "\n  " << table.rows() << (report == "portfolio" ? " rows" : " pairs") << (o.top ? " (--top " + std::to_string(o.top) + ")" : "")
      << "\n";
  if (!o.out.empty()) err << "wrote " << o.out << "\n";
}

void run(const OverlapCliOptions& o) {
  const std::string report = report_of(o);
  check_usage(o, report);
  const MembershipFilter filter = make_filter(o.filters);
  const std::string& measure_name = o.measure;
  const OverlapMeasure measure = *parse_overlap_measure(measure_name);
  const ActorLevel level = parse_level(o.level);

  const std::filesystem::path dir = o.input;
  const std::filesystem::path geography_dir = locate_geography(dir, o.geography);
  const Geography geography = load_geography(geography_dir);
  const Dataset dataset = load_dataset(dir, geography);

  Table table;
  if (report == "pairs") {
    table = network_overlap(dataset, geography, {level, filter, measure, o.min, o.top});
  } else if (report == "near-duplicates") {
    table = near_duplicates(dataset, geography, {level, filter, measure, o.threshold, o.min_words, o.top});
  } else {
    table = portfolio(dataset, geography, {level, filter, o.top});
  }
  write_table(table, o.format, o.out);
  if (!o.quiet) print_summary(o, report, measure_name, table, dataset, geography);
}

}  // namespace

void register_overlap(CLI::App& app) {
  auto o = std::make_shared<OverlapCliOptions>();
  auto* cmd = app.add_subcommand("overlap", "Networks that share members or duplicate each other; actors' network portfolios");
  cmd->footer(
      "Reports (--report, default pairs):\n"
      "  pairs            every pair of networks sharing at least one member at --level: network_a,\n"
      "                   name_a, network_b, name_b, shared, size_a, size_b, jaccard, overlap; sorted by\n"
      "                   --measure (descending), kept if the measure >= --min\n"
      "  near-duplicates  pairs sharing at least --min-words theme words (shared_words, n_shared_words)\n"
      "                   whose --measure >= --threshold (default 0.25)\n"
      "  portfolio        one row per actor or place with a membership: networks (the participation\n"
      "                   load), led, mean_network_size, counts by status (member, planned, invited,\n"
      "                   mentioned) and role (co_lead, coordinator, roles 'lead:1|partner:3'),\n"
      "                   network_ids; sorted by networks, then led (descending)\n"
      "Measures for networks A, B (member sets at --level): shared |A∩B|; jaccard |A∩B|/|A∪B|;\n"
      "  overlap |A∩B|/min(|A|,|B|) (1 when the smaller lies inside the larger).\n"
      "Levels: actor (the actors as listed); municipality, subregion, region (an organisation counts for its\n"
      "  seat municipality, an area actor for its area; a network's members are then its places; foreign\n"
      "  actors stay themselves; actors without a place at the level are left out).\n"
      "Theme words: the themes split at every non-letter, words of 4+ letters, compared case-insensitively\n"
      "  (å, ä, ö distinct); stop words and generic words (regional, national, network, ...) are ignored\n"
      "  (docs/overlap.md lists them).\n"
      "Output: csv (RFC 4180) or json (an array of row objects); a summary goes to standard error\n"
      "  (not with --quiet).\n"
      "Exit status: 0 ok, 1 bad input (each problem as file:line:column: message), 2 usage.\n"
      "Examples:\n"
      "  alueverkko overlap data/collaborations/idea_call_2021 --level municipality --measure jaccard --top 10\n"
      "  alueverkko overlap data/collaborations/idea_call_2021 --near-duplicates --measure overlap --threshold 0.5\n"
      "  alueverkko overlap data/collaborations/idea_call_2021 --portfolio --level municipality --status member");
  add_dataset_positional(cmd, o->input)->required();
  o->report_opt = cmd->add_option("--report", o->report, "What to report: pairs, near-duplicates or portfolio")
                      ->check(CLI::IsMember({"pairs", "near-duplicates", "portfolio"}))
                      ->capture_default_str();
  cmd->add_flag("--near-duplicates", o->near_duplicates, "Shorthand for --report near-duplicates");
  cmd->add_flag("--portfolio", o->portfolio, "Shorthand for --report portfolio");
  add_level_option(cmd, o->level, {"actor", "municipality", "subregion", "region"},
                   "Members of a network: actors or places");
  o->measure_opt = cmd->add_option("--measure", o->measure,
                                   "Overlap measure to sort and threshold by: shared, jaccard or overlap")
                       ->check(CLI::IsMember({"shared", "jaccard", "overlap"}))
                       ->capture_default_str();
  o->min_opt = cmd->add_option("--min", o->min, "pairs: keep pairs whose measure >= X")->type_name("X")->capture_default_str();
  o->threshold_opt = cmd->add_option("--threshold", o->threshold, "near-duplicates: keep pairs whose measure >= X")
                         ->type_name("X")
                         ->capture_default_str();
  o->min_words_opt = cmd->add_option("--min-words", o->min_words, "near-duplicates: shared theme words needed")
                         ->check(CLI::NonNegativeNumber)
                         ->type_name("N")
                         ->capture_default_str();
  cmd->add_option("--top", o->top, "Keep the first N rows (0 = all)")
      ->check(CLI::NonNegativeNumber)
      ->type_name("N")->capture_default_str();
  add_filter_options(cmd, o->filters);
  add_dataset_output_options(cmd, o->geography, o->format, o->out, o->quiet);
  cmd->callback([o] { run(*o); });
}

}  // namespace alueverkko::cli
