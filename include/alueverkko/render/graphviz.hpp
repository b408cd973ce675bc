#pragma once
// Abstract drawings of a weighted graph with Graphviz, in process (cgraph + gvc): a layout by one
// of Graphviz's engines, or positions given by the caller (the geographic layout), then SVG, PNG,
// PDF or DOT. Construct with the graph and options, run() lays out, then read the positions and
// render; the rendering pins every node at the position returned (neato -n2), so what is drawn is
// what positions() says.
//
// Styles (docs/drawing.md):
//   node size   area ∝ value: diameter² runs linearly from min_node_size² (smallest value) to
//               max_node_size² (largest); all values equal, or none given: the mean of the two
//   node colour viridis((value − min) / (max − min)), dark purple = smallest; none given: one colour
//   edge width  penwidth by tie strength (io/dot.hpp); layouts ignore the weights (topology only)
//   labels      shown next to the nodes (xlabel); "" = none; the vertex label is the SVG tooltip
//   order       larger nodes are drawn first, so smaller ones on top stay visible; edges below
//               nodes, fainter when there are many (opacity 6/√m, between 0.15 and 0.6)
// Layouts repeat: sfdp, fdp and neato start from positions drawn with `seed` (Graphviz's `start`;
// the C generators are reset too) and give the same positions for the same seed (to ~1e-13 pt);
// circo and dot use no randomness. Except fdp: Graphviz 2.43's fdp keeps state from one layout to
// the next, so only the first fdp layout of a process repeats exactly (as the command line's does).
//
// Graphviz's global state is not thread-safe: every call into it holds one process-wide mutex.
// Graphviz's error messages become GraphvizError (warnings are dropped), not output on stderr.
#include <alueverkko/geo/geometry.hpp>
#include <alueverkko/graph/aggregation.hpp>
#include <alueverkko/graph/weighted_graph.hpp>

#include <cstdint>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace alueverkko {
class Geography;
}

namespace alueverkko::render {

struct GraphvizError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// `pinned` takes DrawingOptions::positions as they are (a map: projected centres).
enum class LayoutEngine { sfdp, fdp, neato, circo, dot, pinned };
std::string_view to_string(LayoutEngine engine) noexcept;
// "sfdp", "fdp", "neato", "circo", "dot" or "pinned"; std::invalid_argument naming them otherwise.
LayoutEngine layout_engine_from_string(std::string_view name);

enum class DrawingFormat { svg, png, pdf, dot };
std::string_view to_string(DrawingFormat format) noexcept;
// "svg", "png", "pdf" or "dot"; std::invalid_argument otherwise.
DrawingFormat drawing_format_from_string(std::string_view name);

struct DrawingOptions {
  LayoutEngine engine = LayoutEngine::sfdp;
  std::uint64_t seed = 1;
  // pinned: one per vertex, in points (1/72 inch), y up. Ignored by the other engines.
  std::vector<geo::Point> positions{};
  // One per vertex when not empty (finite numbers): node area and fill colour.
  std::vector<double> size_values{}, color_values{};
  // One per vertex when not empty: the text shown next to each node ("" = none).
  std::vector<std::string> labels{};
  double min_node_size = 5, max_node_size = 24;   // diameter, points
  double min_penwidth = 0.25, max_penwidth = 4;   // points
  // Further Graphviz graph attributes as DOT text (`name="value", …`; values escaped with
  // dot_label), e.g. rankdir="LR" for dot; they override ours. A DOT syntax error in them is a
  // GraphvizError.
  std::string graph_attributes{};
  std::string font = "DejaVu Sans";
  double font_size = 8;                           // points
};

class GraphDrawing {
 public:
  // Checks the options against the graph (std::invalid_argument); lays out nothing yet.
  GraphDrawing(WeightedGraph graph, DrawingOptions options);

  // Computes the layout (GraphvizError if Graphviz fails). Running again gives the same result.
  void run();
  [[nodiscard]] bool done() const noexcept { return done_; }

  // After run() (std::logic_error before): node centres in points, y up, and the bounding box of
  // the drawing (nodes and labels) as Graphviz computes it.
  [[nodiscard]] std::span<const geo::Point> positions() const;
  [[nodiscard]] geo::BoundingBox bounding_box() const;

  // After run(): the drawing as SVG text, PNG or PDF bytes (Graphviz's cairo renderer), or the DOT
  // with pinned positions and the styles (opens in Graphviz tools with `neato -n2`).
  [[nodiscard]] std::string render(DrawingFormat format) const;

  [[nodiscard]] const WeightedGraph& graph() const noexcept { return graph_; }
  [[nodiscard]] const DrawingOptions& options() const noexcept { return options_; }

 private:
  [[nodiscard]] std::string styled_dot(std::span<const geo::Point> pinned, std::string_view graph_attributes) const;
  void require_done() const;

  WeightedGraph graph_;
  DrawingOptions options_;
  std::vector<std::string> node_attributes_;  // size, colour, label of each vertex, as DOT attributes
  std::vector<std::uint32_t> node_order_;     // drawing order: larger nodes first (below)
  std::vector<geo::Point> positions_;
  geo::BoundingBox bounding_box_;
  bool done_ = false;
};

// The geographic layout of a graph of places whose labels are codes of `level` (municipality,
// subregion or region, as project_dataset names them): municipal centres (WGS84) projected to
// ETRS-TM35FIN (EPSG:3067); a sub-region or region at the mean of its municipalities' projected
// centres weighted by their 2021 populations. Scaled so that the whole country is `height` points
// tall (north up, 1 pt = the same metres in both directions), south-west corner at (margin,
// margin). Vertices that are no place of the level (foreign actors) stand in a column east of the
// map, 16 pt apart from the top. std::invalid_argument for another level.
std::vector<geo::Point> geographic_positions(const WeightedGraph& graph, const Geography& geography, ActorLevel level,
                                             double height = 720, double margin = 24);

}  // namespace alueverkko::render
