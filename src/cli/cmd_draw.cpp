// `alueverkko draw`: an abstract drawing of a collaboration graph with Graphviz (render/graphviz.hpp)
// or on the map (geographic layout: projected municipal centres), as SVG, PNG, PDF or DOT; node
// size and colour by a vertex measure (centrality/measures.hpp), edge width by weight.
#include "commands.hpp"
#include "graph_input.hpp"
#include "output.hpp"
#include "progress_line.hpp"

#include <alueverkko/centrality/measures.hpp>
#include <alueverkko/geo/geography.hpp>
#include <alueverkko/render/graphviz.hpp>
#include <alueverkko/render/raster.hpp>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <iostream>
#include <numeric>
#include <optional>

namespace alueverkko::cli {
namespace {

struct DrawOptions {
  GraphInputOptions input;
  std::string layout = "sfdp";
  std::string size_by, color_by;
  std::size_t labels = 10;
  std::uint64_t seed = 1;
  std::string format, out, positions;
  int width = 0;
  int threads = 0;
  bool quiet = false, progress = false;
};

std::string format_of(const DrawOptions& o) {
  if (!o.format.empty()) return o.format;
  const std::string ext = std::filesystem::path(o.out).extension().string();
  for (const char* known : {"svg", "png", "pdf", "dot"})
    if (ext == std::string(".") + known) return known;
  if (o.out.empty()) throw CliUsageError("give --out FILE (.svg, .png, .pdf or .dot) or --format for standard output");
  throw CliUsageError("cannot tell the format of --out " + o.out + ": use .svg, .png, .pdf or .dot, or --format");
}

void check_usage(const DrawOptions& o) {
  check_graph_input_usage(o.input);
  if (o.layout == "geographic") {
    if (o.input.input.empty())
      throw CliUsageError("--layout geographic needs a data set directory DATASET (places with map positions)");
    if (o.input.level == "actor")
      throw CliUsageError("--layout geographic needs --level municipality, subregion or region");
  }
  for (const std::string* name : {&o.size_by, &o.color_by}) {
    if (name->empty()) continue;
    try {
      check_measure_names(std::vector<std::string>{*name});
    } catch (const std::invalid_argument& e) {
      throw CliUsageError(std::string(name == &o.size_by ? "--size-by: " : "--color-by: ") + e.what());
    }
  }
  const std::string format = format_of(o);
  if (o.width > 0 && format != "png") throw CliUsageError("--png-width (also --width) applies to PNG output only");
}

std::vector<double> measure_values(const WeightedGraph& g, const std::string& name, const DrawOptions& o) {
  MeasureSettings settings;
  settings.threads = o.threads;
  if (show_progress(o.progress, o.quiet))
    settings.progress = [](std::string_view measure) {
      return progress_line(std::string(measure), measure == "betweenness" ? "sources" : "vertices");
    };
  const MeasureTable result = compute_measures(g, std::vector<std::string>{name}, settings);
  const auto& column = result.table.column(name).values;
  if (const auto* reals = std::get_if<Table::Reals>(&column)) return *reals;
  const auto& integers = std::get<Table::Integers>(column);
  return {integers.begin(), integers.end()};
}

// The names a reader knows: Finnish names of places, ids of actors.
std::vector<std::string> display_names(const WeightedGraph& g, const Geography* geography, const std::string& level) {
  std::vector<std::string> names(g.labels().begin(), g.labels().end());
  if (!geography) return names;
  for (std::string& name : names) {
    if (level == "municipality") {
      if (const Municipality* m = geography->find_municipality(name)) name = m->name_fi;
    } else if (level == "subregion") {
      if (const Subregion* s = geography->find_subregion(name)) name = s->name_fi;
    } else if (level == "region") {
      if (const Region* r = geography->find_region(name)) name = r->name_fi;
    }
  }
  return names;
}

// Labels of the `count` vertices ranked highest by `rank` (ties: vertex order), "" elsewhere.
std::vector<std::string> top_labels(const std::vector<std::string>& names, const std::vector<double>& rank,
                                    std::size_t count) {
  std::vector<std::size_t> order(names.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return rank[a] > rank[b]; });
  std::vector<std::string> shown(names.size());
  for (std::size_t i = 0; i < std::min(count, order.size()); ++i) shown[order[i]] = names[order[i]];
  return shown;
}

// id,x,y of every vertex (--positions).
Table positions_table(const render::GraphDrawing& drawing) {
  Table table;
  const auto labels = drawing.graph().labels();
  Table::Strings ids;
  Table::Reals x, y;
  for (std::size_t v = 0; v < drawing.positions().size(); ++v) {
    ids.push_back(labels.empty() ? std::to_string(v) : labels[v]);
    x.push_back(drawing.positions()[v].x);
    y.push_back(drawing.positions()[v].y);
  }
  table.add_column("id", std::move(ids));
  table.add_column("x", std::move(x));
  table.add_column("y", std::move(y));
  return table;
}

void run(const DrawOptions& o) {
  check_usage(o);
  const std::string format = format_of(o);
  GraphInput in = read_graph_input(o.input, o.threads);
  const WeightedGraph& g = in.graph;

  const bool places = !o.input.input.empty() && o.input.level != "actor";
  std::optional<Geography> geography;
  if (places) geography = load_geography(locate_geography(o.input.input, o.input.geography));

  render::DrawingOptions options;
  options.seed = o.seed;
  if (o.layout == "geographic") {
    options.engine = render::LayoutEngine::pinned;
    options.positions = render::geographic_positions(g, *geography, parse_level(o.input.level));
    // Places sit where they are: smaller nodes keep neighbouring towns apart on a 720-pt-tall country.
    options.min_node_size = 3;
    options.max_node_size = 12;
  } else {
    options.engine = render::layout_engine_from_string(o.layout);
  }
  if (!o.size_by.empty()) options.size_values = measure_values(g, o.size_by, o);
  if (!o.color_by.empty()) options.color_values = measure_values(g, o.color_by, o);
  const std::vector<double> rank =
      !options.size_values.empty() ? options.size_values : measure_values(g, "strength", o);
  options.labels = top_labels(display_names(g, geography ? &*geography : nullptr, o.input.level), rank, o.labels);

  render::GraphDrawing drawing(g, std::move(options));
  drawing.run();
  std::string bytes;
  if (format == "png" && o.width > 0)
    bytes = render::svg_to_png(drawing.render(render::DrawingFormat::svg), o.width);
  else
    bytes = drawing.render(render::drawing_format_from_string(format));
  const Table positions = o.positions.empty() ? Table() : positions_table(drawing);
  OutputFiles files;  // the drawing and its positions, both or neither
  files.add(o.out, [&](std::ostream& out) { out.write(bytes.data(), static_cast<std::streamsize>(bytes.size())); });
  if (!o.positions.empty()) files.add(o.positions, [&](std::ostream& out) { write_csv(positions, out); });
  files.commit();

  if (!o.quiet) {
    print_graph_summary(in, o.input, std::cerr);
    const geo::BoundingBox bb = drawing.bounding_box();
    std::cerr << "layout: " << o.layout << (o.layout == "geographic" ? "" : ", seed " + std::to_string(o.seed))
              << "; drawing " << format_real(std::round(bb.max_x - bb.min_x)) << " x "
              << format_real(std::round(bb.max_y - bb.min_y)) << " pt\n";
    if (!o.out.empty()) std::cerr << "wrote " << o.out << "\n";
    if (!o.positions.empty()) std::cerr << "wrote " << o.positions << "\n";
  }
}

}  // namespace

void register_draw(CLI::App& app) {
  auto o = std::make_shared<DrawOptions>();
  auto* cmd = app.add_subcommand("draw", "Draw a collaboration graph (Graphviz layouts or the map) as SVG, PNG, PDF or DOT");
  cmd->footer(
      graph_input_footer() +
      "Layouts: sfdp, fdp, neato (force-directed; --seed fixes the start, so drawings repeat),\n"
      "  circo (circular), dot (layered), all computed by Graphviz from the topology (edge weights do\n"
      "  not move nodes); geographic: each place at its projected centre (ETRS-TM35FIN), a sub-region\n"
      "  or region at the 2021-population-weighted mean of its municipalities' centres (a DATASET\n"
      "  with --level municipality, subregion or region; foreign actors stand east of the map).\n"
      "Style: node area by --size-by, colour (viridis, dark = low) by --color-by: a measure of\n"
      "  'alueverkko metrics' (degree, strength, betweenness, closeness, harmonic, eigenvector,\n"
      "  pagerank, katz, core); edge width by weight (projected weights are affinities: thicker =\n"
      "  stronger tie). The --labels N vertices ranked highest by --size-by (else strength) are named\n"
      "  (places by their Finnish names); every node's id is its SVG tooltip.\n"
      "Output: --out FILE, format by its extension (.svg, .png, .pdf, .dot) or --format (without\n"
      "  --out: to standard output). The DOT has every node pinned (pos=\"x,y!\"): 'neato -n2 -Tsvg\n"
      "  graph.dot' redraws it unchanged. --positions FILE.csv writes id,x,y (points, y up) of every\n"
      "  vertex. A summary of the graph and the layout goes to standard error (not with --quiet), and\n"
      "  so does the progress of the measures (with --progress, or when standard error is a terminal).\n"
      "Exit status: 0 ok, 1 bad input (each problem as file:line:column: message), 2 usage.\n"
      "Examples:\n"
      "  alueverkko draw data/collaborations/idea_call_2021 --level municipality --layout sfdp \\\n"
      "      --size-by degree --color-by betweenness --labels 15 --out graph.svg\n"
      "  alueverkko draw data/collaborations/idea_call_2021 --level region --layout geographic \\\n"
      "      --size-by strength --out regions.pdf --positions regions.csv\n"
      "  alueverkko draw --edges my_edges.csv --layout circo --out graph.png --png-width 1200");
  add_graph_input_options(cmd, o->input);
  cmd->add_option("--layout", o->layout, "Layout")
      ->check(CLI::IsMember({"sfdp", "fdp", "neato", "circo", "dot", "geographic"}))
      ->capture_default_str();
  cmd->add_option("--size-by", o->size_by, "Node area by this measure (e.g. degree, strength, betweenness)")
      ->type_name("MEASURE");
  cmd->add_option("--color-by", o->color_by, "Node colour by this measure")->type_name("MEASURE");
  cmd->add_option("--labels", o->labels, "Name the N highest-ranked vertices (0 = none)")
      ->type_name("N")
      ->capture_default_str();
  cmd->add_option("--seed", o->seed, "Seed of the force-directed layouts")->type_name("S")->capture_default_str();
  add_graph_input_details(cmd, o->input, "The --edges weights are distances (drawn thicker when shorter)");
  add_out_option(cmd, o->out, "Write the drawing to FILE (.svg, .png, .pdf, .dot)");
  cmd->add_option("--format", o->format, "Output format (default: from --out)")
      ->check(CLI::IsMember({"svg", "png", "pdf", "dot"}))
      ->type_name("FORMAT");
  cmd->add_option("--png-width,--width", o->width, "PNG width in pixels (default: Graphviz's 96 dpi)")
      ->check(CLI::Range(1, 32767))
      ->type_name("PX");
  cmd->add_option("--positions", o->positions, "Also write the vertex positions (id,x,y in points) to FILE.csv")
      ->type_name("FILE");
  add_threads_option(cmd, o->threads, "Threads for the projection and measures (0 = all cores)");
  add_quiet_flag(cmd, o->quiet);
  add_progress_flag(cmd, o->progress);
  cmd->callback([o] { run(*o); });
}

}  // namespace alueverkko::cli
