// Layouts and drawings through Graphviz's libraries: our DOT (io/dot.hpp) read with agmemread, laid
// out with gvLayout, rendered with gvRenderData. One process-wide context and mutex: Graphviz keeps
// global state (the error handler, the layout plugins' statics).
#include <alueverkko/geo/geography.hpp>
#include <alueverkko/geo/projection.hpp>
#include <alueverkko/io/dot.hpp>
#include <alueverkko/io/table.hpp>
#include <alueverkko/render/graphviz.hpp>
#include <alueverkko/render/palette.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdlib>
#include <cstdio>
#include <cstring>
#include <limits>
#include <memory>
#include <mutex>
#include <numeric>
#include <sstream>

#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>

namespace alueverkko::render {
namespace {

// Graphviz 2.43 expands escapes (\N, \G, \\) in a tooltip twice, so its backslashes are doubled
// once more than a label's to come out as written.
std::string dot_tooltip(std::string_view text) {
  std::string doubled;
  for (const char c : text) {
    doubled += c;
    if (c == '\\') doubled += c;
  }
  return dot_label(doubled);
}

constexpr std::array<std::string_view, 6> engine_names{"sfdp", "fdp", "neato", "circo", "dot", "pinned"};
constexpr std::array<std::string_view, 4> format_names{"svg", "png", "pdf", "dot"};

// ---------------------------------------------------------------- Graphviz session
std::mutex graphviz_mutex;

// Graphviz reports through agerr: "Error"/"Warning", ": ", then the message (continuations with
// no prefix). We keep the errors' text.
struct ErrorLog {
  std::string errors;
  bool in_error = false;
};
ErrorLog error_log;

int collect_message(char* text) {
  const std::string_view piece(text);
  if (piece == "Error") {
    error_log.in_error = true;
  } else if (piece == "Warning") {
    error_log.in_error = false;
  } else if (error_log.in_error && piece != ": ") {
    error_log.errors += piece;
  }
  return static_cast<int>(piece.size());
}

struct GraphDeleter {
  void operator()(Agraph_t* g) const { agclose(g); }
};
using Graph = std::unique_ptr<Agraph_t, GraphDeleter>;

// Holds the mutex and the error handler for one piece of Graphviz work.
class Session {
 public:
  Session() : lock_(graphviz_mutex) {
    static GVC_t* context = gvContext();  // plugins loaded once, kept for the process
    gvc_ = context;
    error_log = {};
    agseterr(AGWARN);
    agseterrf(collect_message);
    agreseterrors();
  }
  ~Session() { agseterrf(nullptr); }
  Session(const Session&) = delete;
  Session& operator=(const Session&) = delete;

  GVC_t* context() const noexcept { return gvc_; }

  // GraphvizError with Graphviz's own message if `failed` or an error was reported.
  void check(bool failed, std::string_view what) const {
    if (!failed && agerrors() < AGERR && error_log.errors.empty()) return;
    std::string message = error_log.errors;
    while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) message.pop_back();
    throw GraphvizError("Graphviz " + std::string(what) + " failed" + (message.empty() ? "" : ": " + message));
  }

  Graph read(const std::string& dot) const {
    Agraph_t* g = agmemread(dot.c_str());
    check(g == nullptr, "reading the DOT");
    return Graph(g);
  }

 private:
  std::lock_guard<std::mutex> lock_;
  GVC_t* gvc_ = nullptr;
};

// Lays `g` out with `engine` (freed again by LaidOut's destructor). Graphviz draws from the C
// library's global generators (drand48, rand) in places that `start` does not seed (overlap
// removal, packing), so they are reset first: the same input then gives the same layout.
class LaidOut {
 public:
  LaidOut(const Session& session, Agraph_t* g, const char* engine, long seed) : gvc_(session.context()), g_(g) {
    srand48(seed);
    std::srand(static_cast<unsigned>(seed));
    const int status = gvLayout(gvc_, g_, engine);
    session.check(status != 0, std::string("layout (") + engine + ")");
  }
  ~LaidOut() { gvFreeLayout(gvc_, g_); }
  LaidOut(const LaidOut&) = delete;
  LaidOut& operator=(const LaidOut&) = delete;

 private:
  GVC_t* gvc_;
  Agraph_t* g_;
};

// ---------------------------------------------------------------- styles
// (value − min) / (max − min) per vertex; 0.5 everywhere when all values are equal.
std::vector<double> unit_scale(const std::vector<double>& values) {
  const auto [lo, hi] = std::minmax_element(values.begin(), values.end());
  std::vector<double> out(values.size(), 0.5);
  if (values.empty() || *hi == *lo) return out;
  for (std::size_t i = 0; i < values.size(); ++i) out[i] = (values[i] - *lo) / (*hi - *lo);
  return out;
}

void check_values(const std::vector<double>& values, std::size_t n, const char* what) {
  if (!values.empty() && values.size() != n)
    throw std::invalid_argument(std::string(what) + " has " + std::to_string(values.size()) +
                                " values for a graph of " + std::to_string(n) + " vertices");
  for (std::size_t i = 0; i < values.size(); ++i)
    if (!std::isfinite(values[i]))
      throw std::invalid_argument(std::string(what) + " must be finite numbers; vertex " + std::to_string(i) +
                                  " has " + format_real(values[i]));
}

std::string quoted(double value) { return '"' + format_real(value) + '"'; }

// Graphviz's `start` is an int.
long seed_of(std::uint64_t seed) {
  return static_cast<long>(seed % static_cast<std::uint64_t>(std::numeric_limits<int>::max()));
}

}  // namespace

std::string_view to_string(LayoutEngine engine) noexcept { return engine_names[static_cast<std::size_t>(engine)]; }

LayoutEngine layout_engine_from_string(std::string_view name) {
  for (std::size_t i = 0; i < engine_names.size(); ++i)
    if (engine_names[i] == name) return static_cast<LayoutEngine>(i);
  throw std::invalid_argument("unknown layout '" + std::string(name) + "': use sfdp, fdp, neato, circo, dot or pinned");
}

std::string_view to_string(DrawingFormat format) noexcept { return format_names[static_cast<std::size_t>(format)]; }

DrawingFormat drawing_format_from_string(std::string_view name) {
  for (std::size_t i = 0; i < format_names.size(); ++i)
    if (format_names[i] == name) return static_cast<DrawingFormat>(i);
  throw std::invalid_argument("unknown drawing format '" + std::string(name) + "': use svg, png, pdf or dot");
}

GraphDrawing::GraphDrawing(WeightedGraph graph, DrawingOptions options)
    : graph_(std::move(graph)), options_(std::move(options)) {
  const std::size_t n = graph_.vertex_count();
  const DrawingOptions& o = options_;
  check_values(o.size_values, n, "size values");
  check_values(o.color_values, n, "colour values");
  if (!o.labels.empty() && o.labels.size() != n)
    throw std::invalid_argument("labels has " + std::to_string(o.labels.size()) + " entries for a graph of " +
                                std::to_string(n) + " vertices");
  if (o.engine == LayoutEngine::pinned) {
    if (o.positions.size() != n)
      throw std::invalid_argument("the pinned layout needs one position per vertex: got " +
                                  std::to_string(o.positions.size()) + " for " + std::to_string(n) + " vertices");
    for (std::size_t v = 0; v < n; ++v)
      if (!std::isfinite(o.positions[v].x) || !std::isfinite(o.positions[v].y))
        throw std::invalid_argument("position of vertex " + std::to_string(v) + " is not finite");
  }
  if (!(o.min_node_size > 0 && o.min_node_size <= o.max_node_size && std::isfinite(o.max_node_size)))
    throw std::invalid_argument("node sizes need 0 < min_node_size <= max_node_size");
  if (!(o.min_penwidth >= 0 && o.min_penwidth <= o.max_penwidth && std::isfinite(o.max_penwidth)))
    throw std::invalid_argument("pen widths need 0 <= min_penwidth <= max_penwidth");
  if (!(o.font_size > 0 && std::isfinite(o.font_size))) throw std::invalid_argument("font_size must be positive");

  // Area ∝ value: diameter² interpolated linearly.
  const std::vector<double> size_share = unit_scale(o.size_values);
  const std::vector<double> color_t = unit_scale(o.color_values);
  const double a2 = o.min_node_size * o.min_node_size, b2 = o.max_node_size * o.max_node_size;
  const std::span<const std::string> names = graph_.labels();
  // Larger nodes first, so that smaller ones are drawn on top of them and stay visible.
  node_order_.resize(n);
  std::iota(node_order_.begin(), node_order_.end(), 0u);
  if (!o.size_values.empty())
    std::stable_sort(node_order_.begin(), node_order_.end(),
                     [&](std::uint32_t a, std::uint32_t b) { return o.size_values[a] > o.size_values[b]; });
  node_attributes_.resize(n);
  for (std::size_t v = 0; v < n; ++v) {
    const double t = o.size_values.empty() ? 0.5 : size_share[v];
    const double inches = std::sqrt(a2 + (b2 - a2) * t) / 72.0;
    std::string& a = node_attributes_[v];
    a = "width=" + quoted(inches) + ", height=" + quoted(inches);
    if (!o.color_values.empty()) a += ", fillcolor=\"" + viridis(color_t[v]).hex() + '"';
    if (!o.labels.empty() && !o.labels[v].empty()) a += ", xlabel=" + dot_label(o.labels[v]);
    if (!names.empty() && !names[v].empty()) a += ", tooltip=" + dot_tooltip(names[v]);
  }
}

std::string GraphDrawing::styled_dot(std::span<const geo::Point> pinned, std::string_view graph_attributes) const {
  const DrawingOptions& o = options_;
  const std::string font = dot_label(o.font);
  std::string graph_attrs = "outputorder=\"edgesfirst\", bgcolor=\"white\", pad=\"0.1\", forcelabels=\"true\", "
                            "fontname=" + font + ", fontsize=" + quoted(o.font_size);
  if (!graph_attributes.empty()) graph_attrs += ", " + std::string(graph_attributes);
  if (!o.graph_attributes.empty()) graph_attrs += ", " + o.graph_attributes;
  const std::vector<std::string> no_labels(graph_.vertex_count());  // names go to xlabel and tooltip
  DotOptions dot;
  dot.positions = pinned;
  dot.node_labels = no_labels;
  dot.graph_attributes = graph_attrs;
  dot.node_defaults = "shape=\"circle\", fixedsize=\"true\", style=\"filled\", fillcolor=\"" +
                      viridis(0.35).hex() + "\", color=\"#ffffff\", penwidth=\"0.5\", fontname=" + font +
                      ", fontsize=" + quoted(o.font_size) + ", fontcolor=\"#222222\"";
  // Fainter edges when there are many, so that a dense graph does not turn into a grey blot.
  const double alpha = std::clamp(6 / std::sqrt(static_cast<double>(std::max<std::size_t>(graph_.edge_count(), 1))),
                                  0.15, 0.6);
  char edge_colour[16];
  std::snprintf(edge_colour, sizeof edge_colour, "#8c8c8c%02x", static_cast<unsigned>(std::lround(alpha * 255)));
  dot.edge_defaults = "color=\"" + std::string(edge_colour) + '"';
  dot.node_attributes = node_attributes_;
  dot.node_order = node_order_;
  dot.min_penwidth = o.min_penwidth;
  dot.max_penwidth = o.max_penwidth;
  std::ostringstream out;
  write_dot(graph_, out, dot);
  return out.str();
}

void GraphDrawing::run() {
  const std::size_t n = graph_.vertex_count();
  std::vector<geo::Point> positions(n);
  if (options_.engine == LayoutEngine::pinned) {
    positions = options_.positions;
  } else {
    std::string attributes;
    switch (options_.engine) {
      case LayoutEngine::sfdp:
      case LayoutEngine::neato:
        attributes = "start=\"" + std::to_string(seed_of(options_.seed)) + "\", overlap=\"prism\", splines=\"false\"";
        break;
      case LayoutEngine::fdp:  // fdp removes overlaps itself (its packing with prism is not repeatable)
        attributes = "start=\"" + std::to_string(seed_of(options_.seed)) + "\", splines=\"false\"";
        break;
      case LayoutEngine::dot: attributes = "splines=\"false\", nodesep=\"0.1\""; break;
      default: attributes = "splines=\"false\"";
    }
    const std::string dot = styled_dot({}, attributes);
    const Session session;
    const Graph g = session.read(dot);
    const LaidOut laid_out(session, g.get(), std::string(to_string(options_.engine)).c_str(), seed_of(options_.seed));
    std::size_t k = 0;  // the k-th node written is vertex node_order_[k]
    for (Agnode_t* node = agfstnode(g.get()); node && k < n; node = agnxtnode(g.get(), node), ++k)
      positions[node_order_[k]] = {ND_coord(node).x, ND_coord(node).y};
    if (k != n) throw GraphvizError("Graphviz returned " + std::to_string(k) + " nodes for " + std::to_string(n));
  }
  // The drawing's own box: nodes at these positions with their labels.
  const std::string dot = styled_dot(positions, {});
  const Session session;
  const Graph g = session.read(dot);
  const LaidOut laid_out(session, g.get(), "nop2", seed_of(options_.seed));
  const boxf bb = GD_bb(g.get());
  positions_ = std::move(positions);
  bounding_box_ = {bb.LL.x, bb.LL.y, bb.UR.x, bb.UR.y};
  done_ = true;
}

void GraphDrawing::require_done() const {
  if (!done_) throw std::logic_error("GraphDrawing: call run() first");
}

std::span<const geo::Point> GraphDrawing::positions() const {
  require_done();
  return positions_;
}

geo::BoundingBox GraphDrawing::bounding_box() const {
  require_done();
  return bounding_box_;
}

std::string GraphDrawing::render(DrawingFormat format) const {
  require_done();
  const std::string dot = styled_dot(positions_, {});
  if (format == DrawingFormat::dot) return dot;
  const Session session;
  const Graph g = session.read(dot);
  const LaidOut laid_out(session, g.get(), "nop2", seed_of(options_.seed));
  char* data = nullptr;
  unsigned int length = 0;
  const std::string device(to_string(format));
  const int status = gvRenderData(session.context(), g.get(), device.c_str(), &data, &length);
  const std::unique_ptr<char, void (*)(char*)> owned(data, [](char* p) { if (p) gvFreeRenderData(p); });
  session.check(status != 0 || data == nullptr, "rendering " + device);
  return std::string(data, length);
}

std::vector<geo::Point> geographic_positions(const WeightedGraph& graph, const Geography& geography, ActorLevel level,
                                             double height, double margin) {
  if (level != ActorLevel::municipality && level != ActorLevel::subregion && level != ActorLevel::region)
    throw std::invalid_argument("the geographic layout needs places: level municipality, subregion or region, not " +
                                std::string(to_string(level)));
  if (!(height > 0 && std::isfinite(height) && margin >= 0 && std::isfinite(margin)))
    throw std::invalid_argument("geographic_positions: height must be positive and margin non-negative");
  const auto municipalities = geography.municipalities();
  if (municipalities.empty()) throw std::invalid_argument("the geography has no municipalities");
  std::vector<geo::Point> projected(municipalities.size());
  geo::BoundingBox box{std::numeric_limits<double>::infinity(), std::numeric_limits<double>::infinity(),
                       -std::numeric_limits<double>::infinity(), -std::numeric_limits<double>::infinity()};
  for (std::size_t m = 0; m < municipalities.size(); ++m) {
    projected[m] = geo::etrs_tm35fin().forward({municipalities[m].centre_lon, municipalities[m].centre_lat});
    box = {std::min(box.min_x, projected[m].x), std::min(box.min_y, projected[m].y),
           std::max(box.max_x, projected[m].x), std::max(box.max_y, projected[m].y)};
  }
  const double scale = box.max_y > box.min_y ? height / (box.max_y - box.min_y) : 1.0;
  const auto to_points = [&](geo::Point p) {
    return geo::Point{margin + (p.x - box.min_x) * scale, margin + (p.y - box.min_y) * scale};
  };
  // Population-weighted mean of projected centres (plain mean if no population is known).
  const auto centre_of = [&](const std::vector<std::size_t>& members) {
    double x = 0, y = 0, total = 0;
    for (const std::size_t m : members) total += static_cast<double>(municipalities[m].population_2021);
    for (const std::size_t m : members) {
      const double w = total > 0 ? static_cast<double>(municipalities[m].population_2021) / total
                                 : 1.0 / static_cast<double>(members.size());
      x += w * projected[m].x;
      y += w * projected[m].y;
    }
    return geo::Point{x, y};
  };

  const std::span<const std::string> labels = graph.labels();
  std::vector<geo::Point> out(graph.vertex_count());
  const double east = margin + (box.max_x - box.min_x) * scale + 2 * margin;
  double next_foreign_y = margin + height;
  for (std::size_t v = 0; v < out.size(); ++v) {
    const std::string_view code = labels.empty() ? std::string_view() : std::string_view(labels[v]);
    std::vector<std::size_t> members;
    if (level == ActorLevel::municipality) {
      if (const std::size_t m = geography.municipality_index(code); m != Geography::npos) members.push_back(m);
    } else if (level == ActorLevel::subregion) {
      if (geography.find_subregion(code)) members = geography.municipalities_in_subregion(code);
    } else if (geography.find_region(code)) {
      members = geography.municipalities_in_region(code);
    }
    if (members.empty()) {
      out[v] = {east, next_foreign_y};
      next_foreign_y -= 16;
    } else {
      out[v] = to_points(centre_of(members));
    }
  }
  return out;
}

}  // namespace alueverkko::render
