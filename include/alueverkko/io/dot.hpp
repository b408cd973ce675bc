#pragma once
// Graphviz DOT for a weighted graph: ids and labels escaped, edge weights as attributes, and, when
// positions are given, pinned node positions (pos="x,y!") so that `neato -n2` keeps them (maps).
//
// What is written (docs/drawing.md):
//   node ids   the vertex labels when they are all non-empty and distinct, else "n0", "n1", …;
//              quoted, with `"` → \", `\` → \\, line feed → \n, return → \r, other C0 controls →
//              \u00XX (Graphviz keeps such backslashes in ids, so every node also gets `label`,
//              which shows the exact text, a C0 control other than tab and line breaks as U+FFFD:
//              XML 1.0, and so Graphviz's SVG, cannot hold it)
//   weight     the graph's weight, unchanged (affinity: more = closer; distance: more = farther; a
//              comment in the file says which). Graphviz layouts read `weight` differently: dot
//              keeps heavy edges short and straight, neato and fdp pull harder on heavy edges
//              (clamped to >= 1), sfdp and circo ignore it; `len` (not written) is neato's length.
//   penwidth   a drawing width: min_penwidth + (max_penwidth − min_penwidth) · w / max w for
//              affinities (stronger ties thicker), for distances · min w / w (closer thicker)
//   pos        "x,y!" in points (1/72 inch), y up, with notranslate=true on the graph, so that
//              `neato -n2` draws every node exactly there
#include <alueverkko/geo/geometry.hpp>
#include <alueverkko/graph/weighted_graph.hpp>

#include <cstdint>
#include <ostream>
#include <span>
#include <string>
#include <string_view>

namespace alueverkko {

struct DotOptions {
  std::string graph_name = "alueverkko";
  // One per vertex, in points (1/72 inch), if not empty: written as pos="x,y!".
  std::span<const geo::Point> positions{};
  // One per vertex, if not empty; else the graph's labels.
  std::span<const std::string> node_labels{};
  // Extra attributes, written as given (`name="value", …`; escape values with dot_string): of the
  // graph, defaults of every node and every edge, and one list per vertex (if not empty).
  std::string graph_attributes{}, node_defaults{}, edge_defaults{};
  std::span<const std::string> node_attributes{};
  // The order the nodes are written in, a permutation of the vertices (Graphviz draws later nodes
  // on top); empty = vertex order. Edges follow in edge id order.
  std::span<const std::uint32_t> node_order{};
  double min_penwidth = 0.5, max_penwidth = 5.0;
};

// Throws std::invalid_argument if a per-vertex span does not have one entry per vertex, or
// node_order is no permutation.
void write_dot(const WeightedGraph& graph, std::ostream& out, const DotOptions& options = {});

// `text` as a quoted DOT id (escaped as above; distinct texts give distinct ids) and as a quoted
// label (escString) that Graphviz shows as `text`: also `&` → &amp; (Graphviz reads HTML entities
// in labels) and a line break as \n (a centred line break).
std::string dot_id(std::string_view text);
std::string dot_label(std::string_view text);

}  // namespace alueverkko
