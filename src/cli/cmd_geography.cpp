// `alueverkko geography DIR`: what a geography holds — counts and population totals, and a table of
// its regions, sub-regions or municipalities.
#include "commands.hpp"
#include "output.hpp"

#include <alueverkko/geo/geography.hpp>
#include <alueverkko/io/geography_tables.hpp>

#include <iostream>

namespace alueverkko::cli {
namespace {

struct GeographyOptions {
  std::string dir;
  std::string by = "region";
  std::string format = "csv";
  std::string out;
};

void run(const GeographyOptions& options) {
  const Geography geography = load_geography(options.dir);
  std::ostream& summary = options.out.empty() ? std::cerr : std::cout;
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
}

}  // namespace

void register_geography(CLI::App& app) {
  auto options = std::make_shared<GeographyOptions>();
  auto* cmd = app.add_subcommand("geography", "Summarise a geography and list its regions, sub-regions or municipalities");
  cmd->footer("Example:\n  alueverkko geography data/geography/fi-2021 --by region --out regions.csv");
  cmd->add_option("DIR", options->dir, "Geography directory (e.g. data/geography/fi-2021)")->required();
  cmd->add_option("--by", options->by, "Table level")
      ->check(CLI::IsMember({"municipality", "subregion", "region"}))->capture_default_str();
  cmd->add_option("--format", options->format, "Table format")
      ->check(CLI::IsMember({"csv", "json"}))->capture_default_str();
  cmd->add_option("--out", options->out, "Write the table to FILE instead of standard output");
  cmd->callback([options] { run(*options); });
}

}  // namespace alueverkko::cli
