// `alueverkko coverage`: which municipalities and how much of the population the networks of a data
// set reach (by place or size class), the gaps, the concentration of participation and each
// network's footprint. The numbers come from metrics/coverage.hpp, which the Python layer uses too.
#include "commands.hpp"
#include "filter_options.hpp"
#include "output.hpp"

#include <alueverkko/data/dataset.hpp>
#include <alueverkko/geo/geography.hpp>
#include <alueverkko/metrics/coverage.hpp>

#include <cstdio>
#include <filesystem>
#include <iostream>
#include <memory>
#include <stdexcept>

namespace alueverkko::cli {
namespace {

struct CoverageCliOptions {
  std::string input;
  std::string report = "coverage";
  std::string by = "region";
  int year = 0;
  bool direct_only = false, area_actors = false, exclude_zeros = false, quiet = false;
  double top = 0.10;
  FilterOptions filters;
  std::string geography;
  std::string format = "csv";
  std::string out;
  CLI::Option *by_opt = nullptr, *exclude_zeros_opt = nullptr, *top_opt = nullptr, *year_opt = nullptr;
};

void check_usage(const CoverageCliOptions& o) {
  if (o.by_opt->count() > 0 && o.report != "coverage")
    throw CliUsageError("--by applies to --report coverage only, not to --report " + o.report);
  if (o.exclude_zeros_opt->count() > 0 && o.report != "concentration" && o.report != "lorenz")
    throw CliUsageError("--exclude-zeros applies to --report concentration or lorenz only");
  if (o.top_opt->count() > 0 && o.report != "concentration")
    throw CliUsageError("--top-share applies to --report concentration only");
  if (!(o.top > 0)) throw CliUsageError("--top-share: the fraction must be greater than 0");
}

std::string percent(double share) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.1f %%", 100 * share);
  return buffer;
}

void print_summary(const CoverageCliOptions& o, const Dataset& dataset, const Geography& geography,
                   const MembershipFilter& filter, const CoverageOptions& options) {
  const Table total = coverage_table(dataset, geography, CoverageLevel::country, filter, options);
  const auto integer = [&](const char* column) { return std::get<Table::Integers>(total.column(column).values)[0]; };
  const auto real = [&](const char* column) { return std::get<Table::Reals>(total.column(column).values)[0]; };
  std::ostream& err = std::cerr;
  err << "coverage of " << dataset.name() << " in " << geography.id() << " (counting: municipality itself"
      << (options.count_seated_organisations ? " + seated organisations" : "")
      << (options.count_area_actors ? " + region-/sub-region-wide actors" : "") << ")";
  for (const auto& [key, value] : o.filters.describe()) err << "; " << key << ": " << value;
  err << "\n  covered: " << integer("covered") << " of " << integer("municipalities") << " municipalities ("
      << percent(real("covered_share")) << "), population " << with_thousands(integer("population_covered")) << " of "
      << with_thousands(integer("population")) << " on 31.12." << coverage_year(geography, options) << " ("
      << percent(real("population_share")) << "); " << integer("subregions_touched") << " of "
      << integer("subregions") << " sub-regions, " << integer("regions_touched") << " of " << integer("regions")
      << " regions; " << integer("networks") << " networks reach a municipality\n";
  if (!o.out.empty()) err << "wrote " << o.out << "\n";
}

void run(const CoverageCliOptions& o) {
  check_usage(o);
  const MembershipFilter filter = make_filter(o.filters);
  CoverageOptions options;
  options.count_seated_organisations = !o.direct_only;
  options.count_area_actors = o.area_actors;
  if (o.year_opt->count() > 0) options.year = o.year;

  const std::filesystem::path dir = o.input;
  const std::filesystem::path geography_dir = locate_geography(dir, o.geography);
  const Geography geography = load_geography(geography_dir);
  const Dataset dataset = load_dataset(dir, geography);
  try {
    coverage_year(geography, options);
  } catch (const std::invalid_argument& e) {
    throw CliUsageError(std::string("--year: ") + e.what());
  }

  Table table;
  if (o.report == "coverage") {
    table = coverage_table(dataset, geography, *parse_coverage_level(o.by), filter, options);
  } else if (o.report == "participation") {
    table = municipality_participation(dataset, geography, filter, options);
  } else if (o.report == "gaps") {
    table = coverage_gaps(dataset, geography, filter, options);
  } else if (o.report == "concentration") {
    table = participation_concentration(dataset, geography, filter, options, o.exclude_zeros, o.top);
  } else if (o.report == "lorenz") {
    table = participation_lorenz(dataset, geography, filter, options, o.exclude_zeros);
  } else {
    table = network_footprint(dataset, geography, filter, options);
  }
  write_table(table, o.format, o.out);
  if (!o.quiet) print_summary(o, dataset, geography, filter, options);
}

}  // namespace

void register_coverage(CLI::App& app) {
  auto o = std::make_shared<CoverageCliOptions>();
  auto* cmd = app.add_subcommand(
      "coverage", "Which municipalities and how much of the population the networks reach; gaps, concentration, footprints");
  cmd->footer(
      "Reports (--report, one table each; definitions and formulas in docs/coverage.md):\n"
      "  coverage       (default) one row per place at --by municipality|subregion|region|size-class|country:\n"
      "                 code, name, municipalities, covered, covered_share, population, population_covered,\n"
      "                 population_share, subregions(_touched), regions(_touched), networks\n"
      "  participation  one row per municipality: networks taken part in directly (direct*), with the\n"
      "                 organisations seated there (with_organisations*), through region-/sub-region-wide\n"
      "                 actors (via_area*), and as counted (networks, member, planned, invited, mentioned,\n"
      "                 lead), covered, networks_per_10000\n"
      "  gaps           the municipalities not covered, largest population first\n"
      "  concentration  one row: Gini, Herfindahl, share of the top --top of municipalities, participations\n"
      "                 per 10,000 inhabitants (x_i = networks municipality i takes part in)\n"
      "  lorenz         the Lorenz curve of the same: municipality_share, participation_share (ascending)\n"
      "  footprint      one row per network: municipalities named and touched, population, regions,\n"
      "                 lead's region, supra_regionality (share of touched municipalities outside it)\n"
      "Who counts for a municipality: its own actor (kunta-CODE) and the organisations seated there\n"
      "  (--direct-only: its own actor only). Region- and sub-region-wide actors (regions, sub-regions,\n"
      "  regional councils) count for every municipality of their area only with --area-actors; they are\n"
      "  always reported apart (via_area columns). Memberships are selected by --status, --role,\n"
      "  --track, --theme, --from, --to first.\n"
      "Population: 31 December of --year (default: the geography's reference year, 2021 for fi-2021).\n"
      "Output: the table as csv or json (an array of row objects; NaN as null); a summary of the\n"
      "  coverage goes to standard error (not with --quiet).\n"
      "Exit status: 0 ok, 1 bad input (each problem as file:line:column: message), 2 usage.\n"
      "Examples:\n"
      "  alueverkko coverage data/collaborations/idea_call_2021 --by size-class --status member\n"
      "  alueverkko coverage data/collaborations/idea_call_2021 --report gaps --out gaps.csv\n"
      "  alueverkko coverage data/collaborations/idea_call_2021 --report concentration --format json");
  add_dataset_positional(cmd, o->input)->required();
  cmd->add_option("--report", o->report, "What to report")
      ->check(CLI::IsMember({"coverage", "participation", "gaps", "concentration", "lorenz", "footprint"}))
      ->capture_default_str();
  o->by_opt = cmd->add_option("--by", o->by, "Rows of --report coverage")
                  ->check(CLI::IsMember({"municipality", "subregion", "region", "size-class", "country"}))
                  ->capture_default_str();
  add_filter_options(cmd, o->filters);
  o->year_opt = cmd->add_option("--year", o->year, "Population year (31.12.) of the geography's series (default: reference year)")
      ->type_name("YEAR");
  cmd->add_flag("--direct-only", o->direct_only,
                "A municipality counts only through its own actor, not through the organisations seated there");
  cmd->add_flag("--area-actors", o->area_actors,
                "Region-/sub-region-wide actors count for every municipality of their area");
  o->exclude_zeros_opt = cmd->add_flag("--exclude-zeros", o->exclude_zeros,
                                       "concentration/lorenz: only municipalities that take part in something");
  // --top elsewhere is a number of rows; here a share. The old spelling --top still works.
  o->top_opt = cmd->add_option("--top-share,--top", o->top, "concentration: the top share of municipalities (fraction)")
                   ->check(CLI::Range(0.0, 1.0))
                   ->type_name("FRACTION")
                   ->capture_default_str();
  add_dataset_output_options(cmd, o->geography, o->format, o->out, o->quiet);
  cmd->callback([o] { run(*o); });
}

}  // namespace alueverkko::cli
