// `alueverkko map`: the collaboration map of Finland (render/map.hpp) as SVG, PNG or PDF: a
// choropleth of coverage, networks, networks per capita or a centrality measure, collaboration
// edges, markers, labels, and network footprints.
#include "commands.hpp"
#include "filter_options.hpp"
#include "output.hpp"

#include <alueverkko/core/diagnostics.hpp>
#include <alueverkko/data/dataset.hpp>
#include <alueverkko/geo/find_geography.hpp>
#include <alueverkko/geo/geography.hpp>
#include <alueverkko/io/place_values.hpp>
#include <alueverkko/render/map.hpp>
#include <alueverkko/render/palette.hpp>
#include <alueverkko/render/raster.hpp>

#include <algorithm>
#include <filesystem>
#include <iostream>
#include <memory>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace alueverkko::cli {
namespace {

struct MapCliOptions {
  std::string input, level = "municipality", color = "networks", classing = "quantile", palette = "YlGnBu";
  std::string edges = "none", markers, network, each_network, title, geography, out, format = "svg";
  std::string values, value_column = "value", value_name;
  std::vector<double> breaks;
  std::size_t classes = 5, labels = 0;
  double width = 1000, alpha = 0.05;
  int png_width = 1600;
  bool north_arrow = false, no_scale_bar = false, quiet = false;
  FilterOptions filters;
  CLI::Option *breaks_opt = nullptr, *classes_opt = nullptr, *color_opt = nullptr;
};

std::string format_of(const std::string& path) {
  const std::string ext = std::filesystem::path(path).extension().string();
  if (ext == ".svg" || ext == ".png" || ext == ".pdf") return ext.substr(1);
  throw CliUsageError("--out: the file name must end in .svg, .png or .pdf, not '" + path + "'");
}

std::string encode(const std::string& svg, const std::string& format, int png_width) {
  if (format == "png") return render::svg_to_png(svg, png_width);
  if (format == "pdf") return render::svg_to_pdf(svg);
  return svg;
}

render::CollaborationMapOptions map_options(const MapCliOptions& o) {
  render::CollaborationMapOptions m;
  m.level = o.level == "region" ? PlaceLevel::region : o.level == "subregion" ? PlaceLevel::subregion : PlaceLevel::municipality;
  m.color = o.color;
  m.classing = *render::parse_classing(o.classing);
  if (m.classing == render::Classing::user_breaks && o.breaks.empty())
    throw CliUsageError("--classing breaks needs --breaks a,b,c");
  if (m.classing != render::Classing::user_breaks && o.breaks_opt->count() > 0)
    throw CliUsageError("--breaks applies to --classing breaks only");
  m.classes = o.classes;
  m.breaks = o.breaks;
  m.palette = o.palette;
  if (o.edges == "none") {
    m.edges = render::MapEdges::none;
  } else if (o.edges == "all") {
    m.edges = render::MapEdges::all;
  } else if (o.edges == "backbone") {
    m.edges = render::MapEdges::backbone;
  } else if (o.edges.rfind("top-", 0) == 0 && o.edges.size() > 4 &&
             std::all_of(o.edges.begin() + 4, o.edges.end(), [](char c) { return c >= '0' && c <= '9'; }) &&
             o.edges.size() < 12) {
    m.edges = render::MapEdges::top_k;
    m.top_k = std::stoul(o.edges.substr(4));
  } else {
    throw CliUsageError("--edges: expected none, all, backbone or top-K (e.g. top-30), not '" + o.edges + "'");
  }
  m.backbone_alpha = o.alpha;
  m.markers = o.markers;
  m.labels = o.labels;
  m.network = o.network;
  m.title = o.title;
  m.north_arrow = o.north_arrow;
  m.scale_bar = !o.no_scale_bar;
  m.width = o.width;
  m.filter = make_filter(o.filters);
  return m;
}

// A map of the values of --values alone, on the geography of --geography (default: the bundled
// one).
void run_own_values(const MapCliOptions& o, const std::string& format, render::CollaborationMapOptions options) {
  std::filesystem::path geography_dir = o.geography;
  if (geography_dir.empty()) {
    const auto found = find_geography_dir(default_geography_id);
    if (!found)  // missing data, not a usage error
      throw DataError({{std::string(default_geography_id), 0, 0, "the bundled geography was not found; give --geography DIR"}});
    geography_dir = *found;
  }
  const Geography geography = load_geography(geography_dir);
  options.values = read_place_values(o.values, geography, options.level, o.value_column);
  options.value_name = o.value_name.empty() ? o.value_column : o.value_name;
  std::string bytes;
  try {
    render::MapSpec spec = render::place_values_map_spec(geography, options);
    spec.source_lines.push_back("Data: " + std::filesystem::path(o.values).filename().string() + ".");
    bytes = encode(render::render_map(spec, geography), format, o.png_width);
  } catch (const std::invalid_argument& e) {
    throw CliUsageError(e.what());
  }
  write_to(o.out, [&bytes](std::ostream& out) { out << bytes; });
  if (!o.quiet) std::cerr << "wrote " << o.out << "\n";
}

void run(const MapCliOptions& o) {
  if (o.out.empty() == o.each_network.empty()) throw CliUsageError("give either --out FILE or --each-network DIR");
  if (!o.network.empty() && !o.each_network.empty()) throw CliUsageError("--network and --each-network exclude each other");
  const std::string format = o.out.empty() ? o.format : format_of(o.out);
  render::CollaborationMapOptions options = map_options(o);

  if (o.input.empty()) {
    if (o.values.empty()) throw CliUsageError("give a DATASET directory, or --values FILE to map values of your own");
    if (o.edges != "none" || !o.markers.empty() || !o.network.empty() || !o.each_network.empty() ||
        o.color_opt->count() > 0)
      throw CliUsageError("--color, --edges, --markers, --network and --each-network need a DATASET");
    run_own_values(o, format, options);
    return;
  }
  if (!o.values.empty() && o.color_opt->count() > 0) throw CliUsageError("--values and --color exclude each other");
  const std::filesystem::path dir = o.input;
  const Geography geography = load_geography(locate_geography(dir, o.geography));
  const Dataset dataset = load_dataset(dir, geography);
  if (!o.values.empty()) {
    options.values = read_place_values(o.values, geography, options.level, o.value_column);
    options.value_name = o.value_name.empty() ? o.value_column : o.value_name;
  }

  // Everything is rendered before anything is written: bad input leaves no partial output.
  std::vector<std::pair<std::string, std::string>> files;
  try {
    if (o.out.empty()) {
      for (const Network& network : dataset.networks()) {
        if (network.id.find_first_of("/\\") != std::string::npos || network.id.starts_with('.'))
          throw std::invalid_argument("network id '" + network.id + "' cannot be a file name");
        options.network = network.id;
        files.emplace_back((std::filesystem::path(o.each_network) / (network.id + "." + format)).string(),
                           encode(render::collaboration_map(dataset, geography, options), format, o.png_width));
      }
    } else {
      files.emplace_back(o.out, encode(render::collaboration_map(dataset, geography, options), format, o.png_width));
    }
  } catch (const std::invalid_argument& e) {
    throw CliUsageError(e.what());
  }
  OutputFiles outputs;  // all maps or none
  for (const auto& [path, bytes] : files) outputs.add(path, [&bytes](std::ostream& out) { out << bytes; });
  outputs.commit();
  if (!o.quiet)
    std::cerr << "wrote " << (o.out.empty() ? std::to_string(files.size()) + " maps to " + o.each_network : o.out) << "\n";
}

}  // namespace

void register_map(CLI::App& app) {
  auto o = std::make_shared<MapCliOptions>();
  auto* cmd = app.add_subcommand("map", "Map of Finland: choropleth, collaboration edges, markers, network footprints");
  std::string values;
  for (const auto& name : render::map_value_names()) values += (values.empty() ? "" : "|") + name;
  cmd->footer(
      "Values (--color, --markers; definitions in docs/maps.md):\n"
      "  coverage    municipality: takes part in a network (0/1); region: share of its municipalities\n"
      "  networks    networks a municipality takes part in; region: distinct networks reaching it\n"
      "  per-capita  networks per 10,000 inhabitants (31.12. of the geography's reference year)\n"
      "  a measure   degree, strength, betweenness, … of the place projection (shared networks)\n"
      "Classes: --classing quantile (numpy.quantile, linear) | equal | breaks --breaks a,b,c;\n"
      "  class i holds e_i <= x < e_i+1, the last class is closed. NaN is 'no data' (hatched).\n"
      "Edges: none, all, backbone (disparity filter, --alpha) or top-K (the K heaviest).\n"
      "Own values: --values FILE, a CSV with a column code (places of --level) and a numeric\n"
      "  --value-column; places it does not list, and empty values, are 'no data'.\n"
      "Output: a file, never standard output: the format follows --out's extension (.svg, .png\n"
      "  --png-width px wide, .pdf); --each-network DIR writes DIR/<network id>.<--format> for every\n"
      "  network. What was written is said on standard error (not with --quiet).\n"
      "Exit status: 0 ok, 1 bad input (each problem as file:line:column: message), 2 usage.\n"
      "Examples:\n"
      "  alueverkko map data/collaborations/idea_call_2021 --color networks --labels 20 --out map.png\n"
      "  alueverkko map data/collaborations/idea_call_2021 --level region --color per-capita --edges backbone "
      "--out regions.svg\n"
      "  alueverkko map data/collaborations/idea_call_2021 --network p03 --labels 12 --out p03.pdf\n"
      "  alueverkko map data/collaborations/idea_call_2021 --each-network maps/ --format svg\n"
      "  alueverkko map --values unemployment.csv --value-column rate --level region \\\n"
      "      --geography data/geography/fi-2021 --out rate.svg");
  add_dataset_positional(cmd, o->input)->description("Data set directory (with dataset.json); optional with --values");
  add_level_option(cmd, o->level, {"municipality", "subregion", "region"}, "Places drawn");
  o->color_opt = cmd->add_option("--color", o->color, "Value that colours the places: " + values)->capture_default_str();
  cmd->add_option("--values", o->values, "Colour by your own values: a CSV with columns code and --value-column")
      ->type_name("FILE");
  cmd->add_option("--value-column", o->value_column, "The column of --values to map")->capture_default_str();
  cmd->add_option("--value-name", o->value_name, "Legend heading for --values (default: the column name)");
  o->classes_opt = cmd->add_option("--classes", o->classes, "Number of classes (quantile, equal)")
                       ->check(CLI::Range(1, 9))
                       ->capture_default_str();
  cmd->add_option("--classing", o->classing, "Class breaks")
      ->check(CLI::IsMember({"quantile", "equal", "breaks"}))
      ->capture_default_str();
  o->breaks_opt = cmd->add_option("--breaks", o->breaks, "Cut points for --classing breaks, e.g. 1,3,10")
                      ->delimiter(',')
                      ->type_name("a,b,c");
  std::vector<std::string> palettes = render::palette_names();
  cmd->add_option("--palette", o->palette, "Colour scheme")->check(CLI::IsMember(palettes))->capture_default_str();
  cmd->add_option("--edges", o->edges, "Collaboration edges: none|all|backbone|top-K")->capture_default_str();
  cmd->add_option("--alpha", o->alpha, "Significance level of --edges backbone")
      ->check(CLI::Range(0.0, 1.0))
      ->capture_default_str();
  cmd->add_option("--markers", o->markers, "Circles at the centres sized by a value (as --color)");
  cmd->add_option("--labels", o->labels, "Label the N places with the largest marker/colour value")->type_name("N");
  cmd->add_option("--network", o->network, "Draw the footprint of this network")->type_name("ID");
  cmd->add_option("--each-network", o->each_network, "One footprint map per network into DIR")->type_name("DIR");
  cmd->add_option("--format", o->format, "File format for --each-network")
      ->check(CLI::IsMember({"svg", "png", "pdf"}))
      ->type_name("FORMAT")
      ->capture_default_str();
  cmd->add_option("--title", o->title, "Title (default: the data set's title or the network's name)");
  cmd->add_flag("--north-arrow", o->north_arrow, "Draw a (grid) north arrow");
  cmd->add_flag("--no-scale-bar", o->no_scale_bar, "Leave the scale bar out");
  cmd->add_option("--width", o->width, "SVG width in px (user units)")->check(CLI::Range(300.0, 20000.0))->capture_default_str();
  cmd->add_option("--png-width", o->png_width, "PNG width in pixels")->check(CLI::Range(16, 20000))->capture_default_str();
  add_filter_options(cmd, o->filters);
  add_geography_option(cmd, o->geography);
  add_out_option(cmd, o->out, "Output file: .svg, .png or .pdf");
  add_quiet_flag(cmd, o->quiet);
  cmd->callback([o] { run(*o); });
}

}  // namespace alueverkko::cli
