// `alueverkko geography DIR`: what a geography holds — counts and population totals, and a table of
// its regions, sub-regions or municipalities.
#include "commands.hpp"
#include "output.hpp"

#include <alueverkko/geo/geography.hpp>
#include <alueverkko/io/geography_tables.hpp>

#include <iostream>
#include <sstream>

namespace alueverkko::cli {
namespace {

struct GeographyOptions {
  std::string dir;
  std::string by = "region";
  std::string format = "csv";
  std::string out;
  bool quiet = false;
};

void run(const GeographyOptions& options) {
  const Geography geography = load_geography(options.dir);
  // The summary is part of the answer: on standard output when the table goes to --out, else on
  // standard error beside the table; nowhere with --quiet.
  std::ostringstream summary;
  summary << "geography " << geography.id() << " (reference year " << geography.reference_year() << ")\n"
          << "  municipalities: " << geography.municipalities().size() << "\n"
          << "  sub-regions:    " << geography.subregions().size() << "\n"
          << "  regions:        " << geography.regions().size() << "\n";
  for (const int year : {2020, 2021})
    summary << "  population 31.12." << year << ": " << with_thousands(geography.population_total(year).value_or(0)) << "\n";
  const PlaceLevel level = options.by == "municipality" ? PlaceLevel::municipality
                           : options.by == "subregion"  ? PlaceLevel::subregion
                                                        : PlaceLevel::region;
  write_table(places_table(geography, level), options.format, options.out);
  if (!options.out.empty()) summary << "wrote " << options.out << "\n";
  if (!options.quiet) (options.out.empty() ? std::cerr : std::cout) << summary.str();
}

}  // namespace

void register_geography(CLI::App& app) {
  auto options = std::make_shared<GeographyOptions>();
  auto* cmd = app.add_subcommand("geography", "Summarise a geography and list its regions, sub-regions or municipalities");
  cmd->footer(
      std::string("Output: the table (--by: one row per region, sub-region or municipality, with codes, names,\n"
      "  population and the places above it) as csv or json (an array of row objects). The summary\n"
      "  (counts of places, population totals) goes to standard error, or to standard output when the\n"
      "  table goes to --out; not with --quiet.\n") +
      exit_status_footer() +
      "Examples:\n"
      "  alueverkko geography data/geography/fi-2021 --by region --out regions.csv\n"
      "  alueverkko geography data/geography/fi-2021 --by municipality --format json --quiet");
  cmd->add_option("DIR", options->dir, "Geography directory (e.g. data/geography/fi-2021)")->type_name("DIR")->required();
  cmd->add_option("--by", options->by, "Table level")
      ->check(CLI::IsMember({"municipality", "subregion", "region"}))
      ->type_name("LEVEL")
      ->capture_default_str();
  add_format_option(cmd, options->format);
  add_out_option(cmd, options->out, "Write the table to FILE instead of standard output");
  add_quiet_flag(cmd, options->quiet, "No summary");
  cmd->callback([options] { run(*options); });
}

}  // namespace alueverkko::cli
