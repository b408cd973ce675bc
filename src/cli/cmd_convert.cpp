// `alueverkko convert`: a data set's collaboration graph (projected onto actors or places, or the
// two-mode graph itself) as a file for other tools: GraphML and GEXF (networkx, Gephi), DOT
// (Graphviz), GeoJSON (QGIS) or CSV node and edge lists. Every format carries the attributes of
// io/graph_tables.hpp; docs/export.md describes them.
#include "commands.hpp"
#include "filter_options.hpp"
#include "output.hpp"

#include <alueverkko/data/dataset.hpp>
#include <alueverkko/geo/boundaries.hpp>
#include <alueverkko/geo/geography.hpp>
#include <alueverkko/graph/collaboration.hpp>
#include <alueverkko/io/dot.hpp>
#include <alueverkko/io/geojson.hpp>
#include <alueverkko/io/gexf.hpp>
#include <alueverkko/io/graph_tables.hpp>
#include <alueverkko/io/graphml.hpp>
#include <alueverkko/render/graphviz.hpp>

#include <algorithm>
#include <filesystem>
#include <iostream>
#include <memory>

namespace alueverkko::cli {
namespace {

struct ConvertOptions {
  std::string input, format, level = "municipality", weighting = "count";
  bool membership_weights = false;
  std::vector<std::string> layers;
  FilterOptions filters;
  std::string geography, out;
  bool quiet = false;
  CLI::Option *weighting_opt = nullptr, *layers_opt = nullptr;
};

bool place_level(const std::string& level) {
  return level == "municipality" || level == "subregion" || level == "region";
}

// The format named by --format, else by the extension of --out.
std::string format_of(const ConvertOptions& o) {
  if (!o.format.empty()) return o.format;
  const std::string extension = std::filesystem::path(o.out).extension().string();
  for (const auto& [ext, format] : {std::pair{".graphml", "graphml"}, {".gexf", "gexf"}, {".dot", "dot"}, {".gv", "dot"},
                                    {".geojson", "geojson"}, {".csv", "csv"}})
    if (extension == ext) return format;
  throw CliUsageError("give the output format with --format graphml|gexf|dot|geojson|csv" +
                      (o.out.empty() ? std::string() : " (the extension of " + o.out + " names none)"));
}

// Every usage problem is found before any file is read.
void check_usage(ConvertOptions& o) {
  o.format = format_of(o);
  const bool two_mode = o.level == "two-mode";
  if (two_mode && (o.format == "geojson" || o.format == "dot"))
    throw CliUsageError("--format " + o.format + " needs a one-mode graph: use --level actor, municipality, subregion or "
                        "region, or write the two-mode graph with --format graphml, gexf or csv");
  if (two_mode && (o.weighting_opt->count() > 0 || o.membership_weights))
    throw CliUsageError("--weighting and --membership-weights apply to projections, not to --level two-mode");
  if (o.membership_weights && (o.weighting == "jaccard" || o.weighting == "overlap"))
    throw CliUsageError("--membership-weights works with --weighting count or newman only (" + o.weighting +
                        " counts memberships)");
  if (o.layers_opt->count() > 0 && o.format != "geojson") throw CliUsageError("--layers applies to --format geojson only");
  if (std::count(o.layers.begin(), o.layers.end(), "areas") > 0 && !place_level(o.level))
    throw CliUsageError("--layers areas needs a level of places (municipality, subregion or region), not " + o.level);
  if (o.format == "csv" && o.out.empty())
    throw CliUsageError("--format csv writes two files (FILE and its .nodes.csv): give --out FILE");
}

PlaceLevel place_level_of(ActorLevel level) {
  return level == ActorLevel::region ? PlaceLevel::region
                                     : level == ActorLevel::subregion ? PlaceLevel::subregion : PlaceLevel::municipality;
}

// The edges file's sibling for the nodes: edges.csv → edges.nodes.csv.
std::string nodes_path(const std::string& edges_path) {
  std::filesystem::path p(edges_path);
  const std::string stem = p.extension() == ".csv" ? p.stem().string() : p.filename().string();
  return (p.parent_path() / (stem + ".nodes.csv")).string();
}

void run(ConvertOptions& o) {
  check_usage(o);
  const MembershipFilter filter = make_filter(o.filters);
  const std::filesystem::path dir = o.input;
  const Geography geography = load_geography(locate_geography(dir, o.geography));
  const Dataset dataset = load_dataset(dir, geography);
  const auto selected = select_memberships(dataset, filter);

  const bool two_mode = o.level == "two-mode";
  const ActorLevel level = two_mode ? ActorLevel::actor : parse_level(o.level);
  ProjectionOptions projection;
  projection.weighting = parse_weighting(o.weighting);
  projection.use_membership_weights = o.membership_weights;
  const AggregatedGraph aggregated = aggregate(dataset, geography, level, selected);
  WeightedGraph graph;
  GraphTables tables;
  if (two_mode) {
    tables = two_mode_tables(dataset, geography, ActorLevel::actor, selected);
  } else {
    graph = project(aggregated.graph, projection);
    tables = graph_tables(graph, dataset, geography, level, projection);
  }
  std::string filters;
  for (const auto& [key, value] : o.filters.describe()) filters += "; " + key + ": " + value;
  tables.description += " Memberships selected by" + filters.substr(1) + ".";

  // Map positions (points, ETRS-TM35FIN, the country 720 pt tall) for DOT and Gephi at place levels.
  std::vector<geo::Point> positions;
  if (!two_mode && place_level(o.level)) positions = render::geographic_positions(graph, geography, level);

  std::string wrote = o.out.empty() ? "standard output" : o.out;
  if (o.format == "graphml") {
    write_to(o.out, [&](std::ostream& out) { write_graphml(tables, out); });
  } else if (o.format == "gexf") {
    write_to(o.out, [&](std::ostream& out) { write_gexf(tables, out, {positions}); });
  } else if (o.format == "dot") {
    const auto& labels = std::get<Table::Strings>(tables.nodes.column("label").values);
    DotOptions dot;
    dot.positions = positions;
    dot.node_labels = labels;
    write_to(o.out, [&](std::ostream& out) { write_dot(graph, out, dot); });
  } else if (o.format == "csv") {
    const Table edges = edge_list_with_names(tables);
    OutputFiles files;  // both files or neither
    files.add(o.out, [&](std::ostream& out) { write_csv(edges, out); });
    files.add(nodes_path(o.out), [&](std::ostream& out) { write_csv(tables.nodes, out); });
    files.commit();
    wrote += " and " + nodes_path(o.out);
  } else {
    GeojsonOptions options;
    if (!o.layers.empty()) {
      options.places = std::count(o.layers.begin(), o.layers.end(), "places") > 0;
      options.edges = std::count(o.layers.begin(), o.layers.end(), "edges") > 0;
      options.areas = std::count(o.layers.begin(), o.layers.end(), "areas") > 0;
    }
    options.areas = options.areas && place_level(o.level);
    Table area_properties;
    std::vector<geo::MultiPolygon> shapes;
    if (options.areas) {
      const PlaceLevel places = place_level_of(level);
      area_properties = area_table(geography, places, aggregated.graph);
      shapes = area_shapes(geo::load_boundaries(geography), places,
                           std::get<Table::Strings>(area_properties.column("code").values));
    }
    GeojsonCounts counts;
    write_to(o.out, [&](std::ostream& out) {
      counts = write_geojson(out, &tables, {shapes, options.areas ? &area_properties : nullptr}, options);
    });
    if (!o.quiet)
      std::cerr << "geojson: " << counts.areas << " areas, " << counts.edges << " edges, " << counts.places
                << " places" << (counts.edges_without_position ? "; " + std::to_string(counts.edges_without_position) +
                                                                     " edges left out (an endpoint without coordinates)"
                                                               : std::string()) << "\n";
  }
  if (!o.quiet) {
    std::cerr << "graph: " << tables.nodes.rows() << " nodes, " << tables.edges.rows() << " edges; data set "
              << dataset.name() << "; level " << o.level << (two_mode ? "" : "; weight: " + tables.weight_description)
              << filters << "\n";
    if (!aggregated.left_out.empty())
      std::cerr << "  left out: " << aggregated.left_out.size() << " actors without a place at level " << o.level
                << " (e.g. " << aggregated.left_out.front() << ": " << aggregated.left_out_why.front() << ")\n";
    std::cerr << "wrote " << wrote << "\n";
  }
}

}  // namespace

void register_convert(CLI::App& app) {
  auto o = std::make_shared<ConvertOptions>();
  auto* cmd = app.add_subcommand("convert", "Write a data set's collaboration graph as GraphML, GEXF, DOT, GeoJSON or CSV");
  cmd->footer(
      "Graphs (--level):\n"
      "  actor, municipality, subregion, region  the data set projected onto them with --weighting after\n"
      "        selecting memberships (--status, --role, --track, --theme, --from, --to); an edge joins two\n"
      "        that share networks; its weight is a collaboration affinity (larger = stronger, not a\n"
      "        distance). Places are named by their codes; foreign actors stay themselves.\n"
      "  two-mode  actors (bipartite 0) and networks (bipartite 1); an edge is a membership with its status,\n"
      "        role and weight (graphml, gexf, csv only).\n"
      "Formats (--format, else from the --out extension: .graphml .gexf .dot/.gv .geojson .csv;\n"
      "docs/export.md lists the attributes):\n"
      "  graphml  typed keys; networkx.read_graphml, Gephi, Cytoscape, yEd\n"
      "  gexf     GEXF 1.2draft; Gephi, networkx.read_gexf; places at their map positions (viz)\n"
      "  dot      Graphviz; places pinned at their map positions (ETRS-TM35FIN, the country 720 pt tall):\n"
      "           draw with `neato -n2 -Tsvg FILE`\n"
      "  geojson  RFC 7946 (WGS84 lon/lat) for QGIS: places as points, edges as lines, areas as polygons\n"
      "           with networks/member/lead/covered; property feature_kind tells them apart\n"
      "  csv      FILE: the edges (source,target,weight,source_name,target_name,...); beside it\n"
      "           STEM.nodes.csv: the nodes (id,label,kind,...), as Gephi's spreadsheet import reads them\n"
      "Output: the file --out, or standard output (not for csv, which writes two files). A summary of\n"
      "  the graph and what was written goes to standard error (not with --quiet).\n"      "Exit status: 0 ok, 1 bad input (each problem as file:line:column: message), 2 usage.\n"
      "Examples:\n"
      "  alueverkko convert data/collaborations/idea_call_2021 --level municipality \\\n"
      "      --weighting newman --status member --out idea.graphml\n"
      "  alueverkko convert data/collaborations/idea_call_2021 --format geojson --level region --out regions.geojson\n"
      "  alueverkko convert data/collaborations/idea_call_2021 --level two-mode --out memberships.csv");
  add_dataset_positional(cmd, o->input)->required();
  cmd->add_option("--format", o->format, "Output format (default: from the --out extension)")
      ->check(CLI::IsMember({"graphml", "gexf", "dot", "geojson", "csv"}))
      ->type_name("FORMAT");
  add_level_option(cmd, o->level, {"actor", "municipality", "subregion", "region", "two-mode"},
                   "Vertices: actor, municipality, subregion, region or two-mode");
  o->weighting_opt = add_weighting_option(cmd, o->weighting);
  cmd->add_flag("--membership-weights", o->membership_weights,
                "Multiply by the membership weights in count/newman projections (default: ignored)");
  o->layers_opt = cmd->add_option("--layers", o->layers,
                                  "GeoJSON layers, comma-separated: places, edges, areas (default: all; areas at "
                                  "place levels only)")
                      ->delimiter(',')
                      ->allow_extra_args(false)
                      ->check(CLI::IsMember({"places", "edges", "areas"}))
                      ->type_name("LIST");
  add_filter_options(cmd, o->filters);
  add_geography_option(cmd, o->geography);
  add_out_option(cmd, o->out, "Write to FILE instead of standard output (required for csv)");
  add_quiet_flag(cmd, o->quiet);
  cmd->callback([o] { run(*o); });
}

}  // namespace alueverkko::cli
