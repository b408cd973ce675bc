#include <alueverkko/io/dot.hpp>
#include <alueverkko/io/table.hpp>

#include <algorithm>
#include <limits>
#include <stdexcept>
#include <unordered_set>

namespace alueverkko {
namespace {

void check_per_vertex(std::size_t given, std::size_t vertices, const char* what) {
  if (given != 0 && given != vertices)
    throw std::invalid_argument(std::string("write_dot: ") + what + " has " + std::to_string(given) +
                                " entries for a graph of " + std::to_string(vertices) + " vertices");
}

// Labels make readable ids when they can serve as ids: all non-empty and distinct.
bool labels_are_ids(std::span<const std::string> labels) {
  if (labels.empty()) return false;
  std::unordered_set<std::string_view> seen;
  for (const std::string& label : labels)
    if (label.empty() || !seen.insert(label).second) return false;
  return true;
}

// Penwidth ∝ strength of the tie: w / max w for affinities, min w / w for distances.
std::vector<double> penwidths(const WeightedGraph& graph, const DotOptions& o) {
  std::vector<double> out(graph.edge_count(), o.min_penwidth);
  double lo = std::numeric_limits<double>::infinity(), hi = 0;
  for (std::size_t e = 0; e < graph.edge_count(); ++e) {
    const double w = graph.edge_weight(static_cast<WeightedGraph::EdgeId>(e));
    hi = std::max(hi, w);
    if (w > 0) lo = std::min(lo, w);
  }
  const bool distances = graph.weight_meaning() == WeightMeaning::distance;
  for (std::size_t e = 0; e < out.size(); ++e) {
    const double w = graph.edge_weight(static_cast<WeightedGraph::EdgeId>(e));
    const double t = distances ? (w > 0 ? lo / w : 1.0) : (hi > 0 ? w / hi : 0.0);
    out[e] = o.min_penwidth + (o.max_penwidth - o.min_penwidth) * t;
  }
  return out;
}

std::string quoted_real(double value) { return '"' + format_real(value) + '"'; }

// The C0 controls other than tab, line feed and return: XML 1.0 forbids them, and Graphviz copies
// ids and labels into its SVG as they are, so they must not reach it.
bool forbidden_in_xml(char c) {
  const auto u = static_cast<unsigned char>(c);
  return u < 0x20 && c != '\t' && c != '\n' && c != '\r';
}

}  // namespace

std::string dot_id(std::string_view text) {
  std::string out = "\"";
  for (const char c : text) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      default:
        if (forbidden_in_xml(c)) {
          // \u00XX: ids stay distinct (a '\' of the text is written "\\").
          static constexpr char hex[] = "0123456789abcdef";
          out += "\\u00";
          out += hex[static_cast<unsigned char>(c) >> 4];
          out += hex[c & 0xf];
        } else {
          out += c;
        }
    }
  }
  return out + '"';
}

std::string dot_label(std::string_view text) {
  std::string out = "\"";
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '&': out += "&amp;"; break;
      case '\n': out += "\\n"; break;
      case '\r':
        if (i + 1 == text.size() || text[i + 1] != '\n') out += "\\n";  // CR LF is one break
        break;
      default:
        if (forbidden_in_xml(c)) out += "\uFFFD";  // as xml_escape: the replacement character
        else out += c;
    }
  }
  return out + '"';
}

void write_dot(const WeightedGraph& graph, std::ostream& out, const DotOptions& o) {
  const std::size_t n = graph.vertex_count();
  check_per_vertex(o.positions.size(), n, "positions");
  check_per_vertex(o.node_labels.size(), n, "node_labels");
  check_per_vertex(o.node_attributes.size(), n, "node_attributes");
  check_per_vertex(o.node_order.size(), n, "node_order");
  std::vector<std::uint32_t> order(o.node_order.begin(), o.node_order.end());
  if (order.empty()) {
    order.resize(n);
    for (std::size_t v = 0; v < n; ++v) order[v] = static_cast<std::uint32_t>(v);
  } else {
    std::vector<bool> seen(n);
    for (const std::uint32_t v : order) {
      if (v >= n || seen[v]) throw std::invalid_argument("write_dot: node_order is not a permutation of the vertices");
      seen[v] = true;
    }
  }
  const std::span<const std::string> labels = graph.labels();
  const bool readable_ids = labels_are_ids(labels);
  std::vector<std::string> ids(n);
  for (std::size_t v = 0; v < n; ++v) ids[v] = readable_ids ? dot_id(labels[v]) : "\"n" + std::to_string(v) + '"';

  out << "// " << n << " vertices, " << graph.edge_count() << " edges. weight: the graph's weight, "
      << (graph.weight_meaning() == WeightMeaning::affinity ? "an affinity (more = closer)"
                                                            : "a distance (more = farther)")
      << "; penwidth: drawing width by tie strength.\n";
  if (!o.positions.empty()) out << "// Positions pinned (pos=\"x,y!\" in points): draw with neato -n2.\n";
  out << "graph " << dot_id(o.graph_name) << " {\n";
  if (!o.positions.empty()) out << "  graph [notranslate=\"true\"];\n";
  if (!o.graph_attributes.empty()) out << "  graph [" << o.graph_attributes << "];\n";
  if (!o.node_defaults.empty()) out << "  node [" << o.node_defaults << "];\n";
  if (!o.edge_defaults.empty()) out << "  edge [" << o.edge_defaults << "];\n";
  for (const std::uint32_t v : order) {
    const std::string_view label = !o.node_labels.empty() ? std::string_view(o.node_labels[v])
                                   : labels.empty()       ? std::string_view()
                                                          : std::string_view(labels[v]);
    out << "  " << ids[v] << " [";
    std::string separator;
    if (!label.empty() || !o.node_labels.empty()) {
      out << "label=" << dot_label(label);
      separator = ", ";
    }
    if (!o.positions.empty()) {
      out << separator << "pos=\"" << format_real(o.positions[v].x) << ',' << format_real(o.positions[v].y) << "!\"";
      separator = ", ";
    }
    if (!o.node_attributes.empty() && !o.node_attributes[v].empty()) out << separator << o.node_attributes[v];
    out << "];\n";
  }
  const std::vector<double> widths = penwidths(graph, o);
  for (std::size_t e = 0; e < graph.edge_count(); ++e) {
    const auto id = static_cast<WeightedGraph::EdgeId>(e);
    out << "  " << ids[graph.edge_source(id)] << " -- " << ids[graph.edge_target(id)]
        << " [weight=" << quoted_real(graph.edge_weight(id)) << ", penwidth=" << quoted_real(widths[e]) << "];\n";
  }
  out << "}\n";
}

}  // namespace alueverkko
