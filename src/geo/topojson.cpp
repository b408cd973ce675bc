// TopoJSON reading: arcs decoded (quantised positions delta-decoded, transform applied), geometry
// collections of Polygon / MultiPolygon geometries checked ring by ring, so that a Topology that is
// returned always stitches into closed rings.
#include <alueverkko/geo/topojson.hpp>

#include <alueverkko/core/diagnostics.hpp>

#include "../core/json_document.hpp"
#include "../core/text.hpp"

#include <algorithm>
#include <cstdio>
#include <map>
#include <optional>

namespace alueverkko::geo {

namespace {

using detail::in_quotes;
using detail::json_pointer_append;
using detail::json_type_name;
using nlohmann::json;

std::string format_point(Point p) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "(%.10g, %.10g)", p.x, p.y);
  return buffer;
}

std::string format_ref(ArcRef ref) {
  std::string text(ref < 0 ? 1 : 0, '~');
  text += std::to_string(ref < 0 ? ~ref : ref);
  return text;
}

std::size_t arc_index(ArcRef ref) { return static_cast<std::size_t>(ref < 0 ? ~ref : ref); }

struct Transform {
  double scale_x = 1, scale_y = 1, translate_x = 0, translate_y = 0;
};

class TopoJsonReader {
 public:
  TopoJsonReader(const detail::JsonDocument& document, std::vector<Diagnostic>& diagnostics)
      : doc_(document), diagnostics_(diagnostics) {}

  Topology read() {
    detail::JsonObjectReader root(doc_, "", diagnostics_);
    if (!root.is_object()) return {};
    if (const auto type = root.string("type"); type && *type != "Topology")
      error("/type", "type must be \"Topology\", got " + in_quotes(*type));
    const std::optional<Transform> transform = read_transform();
    if (const json* arcs = root.array("arcs")) read_arcs(*arcs, transform);
    if (doc_.value.contains("objects")) {
      read_objects();
    } else {
      error("", "missing required key 'objects'");
    }
    return std::move(topology_);
  }

 private:
  void error(const std::string& pointer, std::string message) {
    diagnostics_.push_back(doc_.at_value(pointer, std::move(message)));
  }

  // [a, b] of two numbers, or nullopt (reported).
  std::optional<Point> number_pair(const json& value, const std::string& pointer, std::string_view what) {
    if (value.is_array() && value.size() == 2 && value[0].is_number() && value[1].is_number())
      return Point{value[0].get<double>(), value[1].get<double>()};
    error(pointer, std::string(what) + " must be an array of two numbers, got " + json_type_name(value) +
                       (value.is_array() ? " of " + std::to_string(value.size()) + (value.size() == 1 ? " element" : " elements") : ""));
    return std::nullopt;
  }

  std::optional<Transform> read_transform() {
    if (!doc_.value.contains("transform")) return std::nullopt;
    detail::JsonObjectReader reader(doc_, "/transform", diagnostics_);
    if (!reader.is_object()) return Transform{};
    const json& object = doc_.value["transform"];
    Transform transform;
    for (const char* key : {"scale", "translate"}) {
      const std::string pointer = json_pointer_append("/transform", key);
      if (!object.contains(key)) {
        error("/transform", "missing required key " + in_quotes(key) + " (a quantised topology needs " +
                                "'scale': [sx, sy] and 'translate': [tx, ty])");
        continue;
      }
      const auto pair = number_pair(object[key], pointer, in_quotes(key));
      if (!pair) continue;
      if (std::string_view(key) == "scale") {
        if (pair->x == 0 || pair->y == 0) error(pointer, "'scale' must not be zero");
        transform.scale_x = pair->x;
        transform.scale_y = pair->y;
      } else {
        transform.translate_x = pair->x;
        transform.translate_y = pair->y;
      }
    }
    return transform;
  }

  void read_arcs(const json& arcs, const std::optional<Transform>& transform) {
    topology_.arcs.resize(arcs.size());
    arc_ok_.assign(arcs.size(), false);
    for (std::size_t i = 0; i < arcs.size(); ++i) {
      const std::string pointer = json_pointer_append("/arcs", i);
      const json& arc = arcs[i];
      if (!arc.is_array()) {
        error(pointer, "arc " + std::to_string(i) + " must be an array of positions, got " + json_type_name(arc));
        continue;
      }
      if (arc.size() < 2) {
        error(pointer, "arc " + std::to_string(i) + " must have at least 2 positions, got " + std::to_string(arc.size()));
        continue;
      }
      bool ok = true;
      double x = 0, y = 0;  // quantised: running sums of the deltas
      std::vector<Point>& points = topology_.arcs[i];
      points.reserve(arc.size());
      for (std::size_t k = 0; k < arc.size(); ++k) {
        const json& position = arc[k];
        const std::string position_pointer = json_pointer_append(pointer, k);
        if (!position.is_array() || position.size() < 2 || !position[0].is_number() || !position[1].is_number()) {
          error(position_pointer, "a position must be an array of two numbers [x, y], got " + json_type_name(position) +
                                      (position.is_array() ? " " + position.dump() : ""));
          ok = false;
          continue;
        }
        if (!transform) {
          points.push_back({position[0].get<double>(), position[1].get<double>()});
          continue;
        }
        if (!position[0].is_number_integer() || !position[1].is_number_integer()) {
          error(position_pointer, "a quantised position must be two integers (the topology has a transform), got " +
                                      position.dump());
          ok = false;
          continue;
        }
        x += position[0].get<double>();
        y += position[1].get<double>();
        points.push_back({x * transform->scale_x + transform->translate_x, y * transform->scale_y + transform->translate_y});
      }
      arc_ok_[i] = ok;
    }
  }

  void read_objects() {
    detail::JsonObjectReader objects(doc_, "/objects", diagnostics_);
    if (!objects.is_object()) return;
    for (const auto& [name, value] : doc_.value["objects"].items()) {
      const std::string pointer = json_pointer_append("/objects", name);
      detail::JsonObjectReader object(doc_, pointer, diagnostics_);
      if (!object.is_object()) continue;
      const auto type = object.string("type");
      if (type && *type != "GeometryCollection") {
        error(json_pointer_append(pointer, "type"),
              "object " + in_quotes(name) + " must be a \"GeometryCollection\", got " + in_quotes(*type));
        continue;
      }
      const json* geometries = object.array("geometries");
      if (!geometries) continue;
      TopoObject& topo_object = topology_.objects.emplace_back();
      topo_object.name = name;
      std::map<std::string, std::string> first_pointer;  // code -> pointer of its first geometry
      for (std::size_t g = 0; g < geometries->size(); ++g) {
        const std::string geometry_pointer = json_pointer_append(json_pointer_append(pointer, "geometries"), g);
        std::optional<TopoGeometry> geometry = read_geometry(geometry_pointer);
        if (!geometry) continue;
        const auto [it, inserted] = first_pointer.emplace(geometry->code, geometry_pointer);
        if (!inserted) {
          const Diagnostic first = doc_.at_value(it->second, "");
          error(json_pointer_append(json_pointer_append(geometry_pointer, "properties"), "code"),
                "duplicate code " + in_quotes(geometry->code) + " in object " + in_quotes(name) +
                    " (first at line " + std::to_string(first.line) + ")");
          continue;
        }
        topo_object.geometries.push_back(std::move(*geometry));
      }
    }
  }

  std::optional<TopoGeometry> read_geometry(const std::string& pointer) {
    detail::JsonObjectReader reader(doc_, pointer, diagnostics_);
    if (!reader.is_object()) return std::nullopt;
    const json& value = doc_.value.at(json::json_pointer(pointer));
    TopoGeometry geometry;
    bool ok = true;

    if (!value.contains("properties")) {
      error(pointer, "missing required key 'properties' (an object with a string 'code')");
      ok = false;
    } else {
      detail::JsonObjectReader properties(doc_, json_pointer_append(pointer, "properties"), diagnostics_);
      if (properties.is_object()) {
        const auto code = properties.string("code");
        if (code && code->empty()) error(json_pointer_append(json_pointer_append(pointer, "properties"), "code"), "\"code\" must not be empty");
        if (!code || code->empty()) ok = false;
        geometry.code = code.value_or("");
        geometry.name = properties.string("name_fi", false).value_or("");
        if (!value["properties"].contains("name_fi")) geometry.name = properties.string("name", false).value_or("");
      } else {
        ok = false;
      }
    }

    const auto type = reader.string("type");
    if (!type) return std::nullopt;
    if (*type != "Polygon" && *type != "MultiPolygon") {
      error(json_pointer_append(pointer, "type"),
            "geometry type " + in_quotes(*type) + " is not supported (expected \"Polygon\" or \"MultiPolygon\")");
      return std::nullopt;
    }
    const json* arcs = reader.array("arcs");
    if (!arcs) return std::nullopt;
    const std::string arcs_pointer = json_pointer_append(pointer, "arcs");
    if (*type == "Polygon") {
      auto polygon = read_polygon(*arcs, arcs_pointer);
      if (!polygon) return std::nullopt;
      geometry.polygons.push_back(std::move(*polygon));
    } else {
      for (std::size_t p = 0; p < arcs->size(); ++p) {
        const std::string polygon_pointer = json_pointer_append(arcs_pointer, p);
        if (!(*arcs)[p].is_array()) {
          error(polygon_pointer, "a MultiPolygon's polygon must be an array of rings, got " + json_type_name((*arcs)[p]));
          ok = false;
          continue;
        }
        auto polygon = read_polygon((*arcs)[p], polygon_pointer);
        if (!polygon) {
          ok = false;
          continue;
        }
        geometry.polygons.push_back(std::move(*polygon));
      }
    }
    if (!ok) return std::nullopt;
    return geometry;
  }

  std::optional<std::vector<std::vector<ArcRef>>> read_polygon(const json& rings, const std::string& pointer) {
    if (rings.empty()) {
      error(pointer, "a polygon must have at least one ring");
      return std::nullopt;
    }
    std::vector<std::vector<ArcRef>> polygon;
    bool ok = true;
    for (std::size_t r = 0; r < rings.size(); ++r) {
      auto ring = read_ring(rings[r], json_pointer_append(pointer, r));
      if (ring) {
        polygon.push_back(std::move(*ring));
      } else {
        ok = false;
      }
    }
    if (!ok) return std::nullopt;
    return polygon;
  }

  std::optional<std::vector<ArcRef>> read_ring(const json& ring, const std::string& pointer) {
    if (!ring.is_array() || ring.empty()) {
      error(pointer, "a ring must be a non-empty array of arc indices, got " + json_type_name(ring) +
                         (ring.is_array() ? " with no elements" : ""));
      return std::nullopt;
    }
    const auto n = static_cast<std::int64_t>(topology_.arcs.size());
    std::vector<ArcRef> refs;
    bool ok = true;
    for (std::size_t k = 0; k < ring.size(); ++k) {
      const json& index = ring[k];
      const std::string index_pointer = json_pointer_append(pointer, k);
      if (!index.is_number_integer()) {
        error(index_pointer, "an arc index must be an integer, got " + json_type_name(index));
        ok = false;
        continue;
      }
      const std::int64_t i = index.get<std::int64_t>();
      if (i >= n || ~i >= n) {
        error(index_pointer, "arc index " + std::to_string(i) + " out of range: the topology has " + std::to_string(n) +
                                 (n == 1 ? " arc" : " arcs") + ", indices 0 to " + std::to_string(n - 1) + " (or -1 to " +
                                 std::to_string(-n) + " for an arc reversed)");
        ok = false;
        continue;
      }
      refs.push_back(static_cast<ArcRef>(i));
    }
    if (!ok) return std::nullopt;
    // Rings through an arc that is itself broken were already reported with the arc.
    if (!std::all_of(refs.begin(), refs.end(), [&](ArcRef ref) { return arc_ok_[arc_index(ref)]; })) return std::nullopt;

    std::size_t n_points = 1;
    for (std::size_t k = 0; k < refs.size(); ++k) {
      n_points += topology_.arcs[arc_index(refs[k])].size() - 1;
      if (k == 0) continue;
      const Point end = end_of(refs[k - 1]), start = start_of(refs[k]);
      if (end != start) {
        error(json_pointer_append(pointer, k), "arc " + format_ref(refs[k]) + " starts at " + format_point(start) +
                                                   " but the previous arc " + format_ref(refs[k - 1]) + " ends at " +
                                                   format_point(end));
        ok = false;
      }
    }
    if (!ok) return std::nullopt;
    if (start_of(refs.front()) != end_of(refs.back())) {
      error(pointer, "ring does not close: it starts at " + format_point(start_of(refs.front())) + " and ends at " +
                         format_point(end_of(refs.back())));
      return std::nullopt;
    }
    if (n_points < 4) {
      error(pointer, "ring has " + std::to_string(n_points) + " positions; a closed ring needs at least 4");
      return std::nullopt;
    }
    return refs;
  }

  Point start_of(ArcRef ref) const {
    const auto& arc = topology_.arcs[arc_index(ref)];
    return ref < 0 ? arc.back() : arc.front();
  }
  Point end_of(ArcRef ref) const {
    const auto& arc = topology_.arcs[arc_index(ref)];
    return ref < 0 ? arc.front() : arc.back();
  }

  const detail::JsonDocument& doc_;
  std::vector<Diagnostic>& diagnostics_;
  Topology topology_;
  std::vector<bool> arc_ok_;
};

Topology parse_document(const std::optional<detail::JsonDocument>& document, std::vector<Diagnostic>& diagnostics) {
  Topology topology;
  if (document) topology = TopoJsonReader(*document, diagnostics).read();
  throw_if_any(std::move(diagnostics));
  return topology;
}

}  // namespace

std::size_t TopoObject::find(std::string_view code) const noexcept {
  const auto it = std::find_if(geometries.begin(), geometries.end(), [&](const TopoGeometry& g) { return g.code == code; });
  return static_cast<std::size_t>(it - geometries.begin());
}

const TopoObject* Topology::object(std::string_view name) const noexcept {
  const auto it = std::find_if(objects.begin(), objects.end(), [&](const TopoObject& o) { return o.name == name; });
  return it == objects.end() ? nullptr : &*it;
}

std::vector<Point> Topology::arc_points(ArcRef ref) const {
  std::vector<Point> points = arcs.at(arc_index(ref));
  if (ref < 0) std::reverse(points.begin(), points.end());
  return points;
}

MultiPolygon Topology::shape(const TopoGeometry& geometry) const {
  MultiPolygon shape;
  shape.reserve(geometry.polygons.size());
  for (const auto& rings : geometry.polygons) {
    Polygon& polygon = shape.emplace_back();
    for (std::size_t r = 0; r < rings.size(); ++r) {
      Ring ring;
      for (const ArcRef ref : rings[r]) {
        const std::vector<Point> points = arc_points(ref);
        // Each arc starts where the previous one ended: keep that point once.
        ring.insert(ring.end(), points.begin() + (ring.empty() ? 0 : 1), points.end());
      }
      const double a = signed_area(ring);
      if ((r == 0 && a < 0) || (r > 0 && a > 0)) std::reverse(ring.begin(), ring.end());
      polygon.rings.push_back(std::move(ring));
    }
  }
  return shape;
}

Topology read_topojson(const std::filesystem::path& path) {
  std::vector<Diagnostic> diagnostics;
  const auto document = detail::read_json(path, diagnostics);
  return parse_document(document, diagnostics);
}

Topology parse_topojson(std::string_view text, const std::string& file_name) {
  std::vector<Diagnostic> diagnostics;
  const auto document = detail::parse_json(std::string(text), file_name, diagnostics);
  return parse_document(document, diagnostics);
}

}  // namespace alueverkko::geo
