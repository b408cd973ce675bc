// `alueverkko brokerage`: who brokers between regions, how integrated the regions are, how mixed the
// networks are and how central the regions are as actors (docs/brokerage.md). The numbers come from
// metrics/brokerage.hpp, diversity.hpp and regional_centrality.hpp, which the Python layer uses too.
#include "commands.hpp"
#include "filter_options.hpp"
#include "output.hpp"

#include <alueverkko/data/dataset.hpp>
#include <alueverkko/geo/geography.hpp>
#include <alueverkko/metrics/brokerage.hpp>
#include <alueverkko/metrics/diversity.hpp>
#include <alueverkko/metrics/regional_centrality.hpp>

#include <iostream>
#include <memory>

namespace alueverkko::cli {
namespace {

struct BrokerageCliOptions {
  std::string input;
  std::string report = "roles";
  std::string level = "municipality";
  std::string group = "region";
  std::string ungrouped = "exclude";
  std::string weighting = "count";
  bool weighted = false, expected = false;
  std::vector<std::string> measures{"degree", "strength", "betweenness"};
  FilterOptions filters;
  std::string geography;
  std::string format = "csv";
  std::string out;
  bool quiet = false;
  CLI::Option *level_opt = nullptr, *weighting_opt = nullptr, *weighted_opt = nullptr, *expected_opt = nullptr,
              *measure_opt = nullptr, *ungrouped_opt = nullptr;
};

// Every usage problem is found before any file is read.
void check_usage(const BrokerageCliOptions& o) {
  const auto only = [&](CLI::Option* option, std::initializer_list<const char*> reports) {
    if (option->count() == 0) return;
    std::string allowed;
    for (const char* r : reports) {
      if (o.report == r) return;
      allowed += (allowed.empty() ? "" : " or ") + std::string(r);
    }
    throw CliUsageError(option->get_name() + " applies to --report " + allowed + ", not to --report " + o.report);
  };
  only(o.level_opt, {"roles", "ei"});
  only(o.expected_opt, {"roles"});
  only(o.weighted_opt, {"ei", "regions"});
  only(o.weighting_opt, {"ei", "regions"});
  only(o.measure_opt, {"regions"});
  only(o.ungrouped_opt, {"roles", "ei", "diversity"});
  if ((o.report == "diversity" || o.report == "regions") && o.group == "kind")
    throw CliUsageError("--group kind applies to --report roles or ei; --report " + o.report +
                        " groups by region or subregion");
  if (o.report == "roles" || o.report == "ei") {
    BrokerageOptions options;
    options.level = parse_level(o.level);
    options.group = *parse_group_by(o.group);
    try {
      check_brokerage_options(options);
    } catch (const std::invalid_argument& e) {
      throw CliUsageError(std::string("--level ") + o.level + " --group " + o.group + ": " + e.what());
    }
  }
  if (o.report == "regions") {
    try {
      check_measure_names(o.measures);
    } catch (const std::invalid_argument& e) {
      throw CliUsageError(std::string("--measure: ") + e.what());
    }
  }
}

Table compute(const BrokerageCliOptions& o, const Dataset& dataset, const Geography& geography,
              const MembershipFilter& filter) {
  const GroupBy group = *parse_group_by(o.group);
  const Ungrouped ungrouped = *parse_ungrouped(o.ungrouped);
  ProjectionOptions projection;
  projection.weighting = parse_weighting(o.weighting);
  if (o.report == "diversity") return network_diversity(dataset, geography, DiversityOptions{group, ungrouped, filter});
  if (o.report == "regions") {
    RegionalCentralityOptions options;
    options.by = group;
    options.filter = filter;
    options.projection = projection;
    options.measures = o.measures;
    options.weighted_bridging = o.weighted;
    return regional_centrality(dataset, geography, options);
  }
  BrokerageOptions options;
  options.level = parse_level(o.level);
  options.group = group;
  options.ungrouped = ungrouped;
  options.filter = filter;
  options.projection = projection;
  options.expected = o.expected;
  options.weighted = o.weighted;
  return o.report == "ei" ? ei_table(dataset, geography, options) : brokerage_table(dataset, geography, options);
}

void run(const BrokerageCliOptions& o) {
  check_usage(o);
  const MembershipFilter filter = make_filter(o.filters);
  const std::filesystem::path dir = o.input;
  const std::filesystem::path geography_dir = locate_geography(dir, o.geography);
  const Geography geography = load_geography(geography_dir);
  const Dataset dataset = load_dataset(dir, geography);
  const Table table = compute(o, dataset, geography, filter);
  write_table(table, o.format, o.out);
  if (o.quiet) return;
  std::cerr << "brokerage: report " << o.report << ", " << table.rows() << " rows; data set " << dataset.name();
  if (o.report == "roles" || o.report == "ei") std::cerr << "; level " << o.level;
  std::cerr << "; group " << o.group;
  for (const auto& [key, value] : o.filters.describe()) std::cerr << "; " << key << ": " << value;
  std::cerr << "\n";
  if (!o.out.empty()) std::cerr << "wrote " << o.out << "\n";
}

}  // namespace

void register_brokerage(CLI::App& app) {
  auto o = std::make_shared<BrokerageCliOptions>();
  auto* cmd = app.add_subcommand(
      "brokerage", "Brokerage roles, E-I index, network diversity and regions as actors (docs/brokerage.md)");
  cmd->footer(
      "Reports (--report):\n"
      "  roles      Gould-Fernandez brokerage roles of every vertex of the projection onto --level, with\n"
      "             groups by --group: open triads a-b-c (a, c not tied) brokered by b, counted as\n"
      "             coordinator, itinerant, gatekeeper_representative (one column: without tie\n"
      "             directions gatekeeper and representative are the same triads) and liaison; then the\n"
      "             raw degree and normalised betweenness. --expected adds the counts expected under\n"
      "             random group labels (<role>_expected) and observed/expected (<role>_ratio).\n"
      "  ei         Krackhardt-Stern E-I index (E-I)/(E+I) of the ties between (E) and within (I) groups:\n"
      "             the whole graph, each group and, at --level actor, each actor kind. --weighted sums\n"
      "             the projected weights (--weighting) instead of counting ties.\n"
      "  diversity  per network: Blau index 1-sum p^2, Shannon entropy -sum p ln p and evenness\n"
      "             (entropy / ln K) of its member actors' kinds and of their regions (--group region\n"
      "             or subregion).\n"
      "  regions    per region (--group region) or sub-region: organisation-level --measure summed and\n"
      "             averaged over its actors (org_sum_*, org_mean_*), the measure on the projection onto\n"
      "             the regions (place_*), and bridging centrality (links, external, partners, intensity,\n"
      "             outward, diversification, bridging_paths, bridging).\n"
      "Groups: a place's region or sub-region; an actor's by where it counts (seat municipality, or the\n"
      "  area it stands for); foreign actors: group 'foreign'. Actors without a place are left out of\n"
      "  the counts (--ungrouped exclude, the default) or form the group 'none' (--ungrouped own-group).\n"
      "  --group kind (actor kinds) needs --level actor.\n"
      "Memberships are selected by --status, --role, --track, --theme, --from, --to.\n"
      "Output: one table, CSV (RFC 4180) or JSON (an array of objects; NaN as null). A one-line summary\n"
      "  goes to standard error (not with --quiet).\n"
      "Exit status: 0 ok, 1 bad input (each problem as file:line:column: message), 2 usage.\n"
      "Examples:\n"
      "  alueverkko brokerage data/collaborations/idea_call_2021 --level municipality --group region\n"
      "  alueverkko brokerage data/collaborations/idea_call_2021 --report ei --level actor --status member\n"
      "  alueverkko brokerage data/collaborations/idea_call_2021 --report regions --measure degree,betweenness");
  add_dataset_positional(cmd, o->input)->required();
  cmd->add_option("--report", o->report, "What to compute")
      ->check(CLI::IsMember({"roles", "ei", "diversity", "regions"}))
      ->capture_default_str();
  o->level_opt = add_level_option(cmd, o->level, {"actor", "municipality", "subregion"},
                                  "Vertices of the projection (roles, ei)");
  cmd->add_option("--group", o->group, "Group of a vertex: its region, sub-region or (--level actor) actor kind")
      ->check(CLI::IsMember({"region", "subregion", "kind"}))
      ->capture_default_str();
  o->ungrouped_opt = cmd->add_option("--ungrouped", o->ungrouped, "Actors without a place: exclude, or own-group 'none'")
                         ->check(CLI::IsMember({"exclude", "own-group"}))
                         ->capture_default_str();
  o->weighting_opt = add_weighting_option(cmd, o->weighting, "Projection weighting (ei --weighted, regions)");
  o->weighted_opt = cmd->add_flag("--weighted", o->weighted,
                                  "E-I and bridging from the projected weights instead of tie counts");
  o->expected_opt = cmd->add_flag("--expected", o->expected, "Roles: expected counts under random groups and ratios");
  o->measure_opt = cmd->add_option("--measure", o->measures,
                                   "Regions: measures, comma-separated (default degree,strength,betweenness; see "
                                   "'alueverkko metrics --help')")
                       ->delimiter(',')
                       ->allow_extra_args(false)
                       ->type_name("LIST");
  add_filter_options(cmd, o->filters);
  add_dataset_output_options(cmd, o->geography, o->format, o->out, o->quiet);
  cmd->callback([o] { run(*o); });
}

}  // namespace alueverkko::cli
