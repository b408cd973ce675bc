// `alueverkko report`: the self-contained HTML report of a data set for policy staff
// (report/report.hpp, the function Python binds too): index.html with the tables as CSV and the
// maps as SVG and PNG beside it. Prints the path of index.html and the headline figures.
#include "commands.hpp"
#include "filter_options.hpp"
#include "output.hpp"

#include <alueverkko/data/dataset.hpp>
#include <alueverkko/geo/geography.hpp>
#include <alueverkko/metrics/coverage.hpp>
#include <alueverkko/report/report.hpp>

#include <cstdio>
#include <filesystem>
#include <iostream>
#include <memory>
#include <stdexcept>

namespace alueverkko::cli {
namespace {

struct ReportCliOptions {
  std::string input, out, geography, rules;
  int year = 0;
  std::size_t top = 15, map_edges = 30;
  bool quiet = false;
  FilterOptions filters;
  CLI::Option* year_opt = nullptr;
};

std::string percent(double share) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.1f %%", 100 * share);
  return buffer;
}

std::string of(std::size_t part, std::size_t whole) {
  std::string text = with_thousands(static_cast<std::int64_t>(part));
  text += " of ";
  text += with_thousands(static_cast<std::int64_t>(whole));
  return text;
}

void run(const ReportCliOptions& o) {
  const MembershipFilter filter = make_filter(o.filters);
  const std::filesystem::path dir = o.input;
  const Geography geography = load_geography(locate_geography(dir, o.geography));
  const Dataset dataset = load_dataset(dir, geography);

  ReportOptions options;
  options.filter = filter;
  options.top = o.top;
  options.map_edges = o.map_edges;
  if (!o.rules.empty()) options.rules = o.rules;
  if (o.year_opt->count() > 0) {
    options.year = o.year;
    try {
      CoverageOptions coverage;
      coverage.year = o.year;
      coverage_year(geography, coverage);
    } catch (const std::invalid_argument& e) {
      throw CliUsageError(std::string("--year: ") + e.what());
    }
  }
  // write_report stages the report beside --out and renames it into place; a failure takes the
  // directories it made for it away again.
  const Report report = write_report(dataset, geography, o.out, options);

  const ReportFigures& f = report.figures;
  std::cout << report.index.string() << "\n"
            << "networks: " << with_thousands(static_cast<std::int64_t>(f.networks)) << "\n"
            << "actors: " << with_thousands(static_cast<std::int64_t>(f.actors)) << "\n"
            << "municipalities covered: " << of(f.municipalities_covered, f.municipalities) << " ("
            << percent(f.municipalities ? static_cast<double>(f.municipalities_covered) / static_cast<double>(f.municipalities) : 0)
            << ")\n"
            << "population covered: " << with_thousands(f.population_covered) << " of " << with_thousands(f.population)
            << " (" << percent(f.population_share) << ", 31.12." << f.population_year << ")\n"
            << "regions reached: " << of(f.regions_reached, f.regions) << "\n";
  if (!o.quiet) {
    for (const std::string& note : report.notes) std::cerr << "note: " << note << "\n";
    std::cerr << "wrote " << report.files.size() << " files into " << report.index.parent_path().string() << "\n";
  }
}

}  // namespace

void register_report(CLI::App& app) {
  auto o = std::make_shared<ReportCliOptions>();
  auto* cmd = app.add_subcommand("report", "Write a self-contained HTML report of a data set (tables as CSV, maps as SVG/PNG)");
  cmd->footer(
      "Writes DIR/index.html (works offline: inline CSS and SVG, no script, no external link or font),\n"
      "DIR/tables/*.csv (every table shown, the same rows with raw numbers) and DIR/maps/*.svg, *.png\n"
      "(coverage map, collaboration map, overlap heatmap). Sections: key figures, coverage map,\n"
      "collaboration map (regions, the --map-edges heaviest region pairs), gaps by region and size class,\n"
      "the --top most connected municipalities, eligibility of the proposals under the call's rules\n"
      "(call_rules_2021 next to the data set or installed, or --rules FILE; none found: \"no call rules\"),\n"
      "overlap of the networks, and the network list with source documents and lines. docs/report.md.\n"
      "Everything is written into a temporary directory beside DIR and renamed at the end: bad input leaves\n"
      "nothing behind. An earlier report in DIR is replaced; any other existing DIR is refused.\n"
      "Standard output: the path of index.html, then one headline figure per line.\n"
      "Exit status: 0 ok, 1 bad input (each problem as file:line:column: message), 2 usage.\n"
      "Example:\n"
      "  alueverkko report data/collaborations/idea_call_2021 --out out/demo");
  cmd->add_option("DATASET", o->input, "Data set directory (with dataset.json)")->type_name("DIR")->required();
  cmd->add_option("--out", o->out, "Directory to write the report into")->type_name("DIR")->required();
  cmd->add_option("--geography", o->geography, "Geography directory (default: the one the data set names)")
      ->type_name("DIR");
  cmd->add_option("--rules", o->rules, "The call's rules.json (default: the bundled call_rules_2021)")->type_name("FILE");
  add_filter_options(cmd, o->filters);
  o->year_opt = cmd->add_option("--year", o->year, "Population year (31.12.) of the geography's series (default: reference year)")
                    ->type_name("YEAR");
  cmd->add_option("--top", o->top, "Rows of the top lists (central municipalities, largest gaps, overlapping pairs)")
      ->check(CLI::Range(1, 1000))
      ->capture_default_str();
  cmd->add_option("--map-edges", o->map_edges, "Region pairs drawn on the collaboration map (heaviest first)")
      ->check(CLI::Range(0, 1000))
      ->capture_default_str();
  cmd->add_flag("-q,--quiet", o->quiet, "No notes and no summary on standard error");
  cmd->callback([o] { run(*o); });
}

}  // namespace alueverkko::cli
