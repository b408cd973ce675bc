#include <alueverkko/io/geojson.hpp>

#include <charconv>
#include <cmath>
#include <map>
#include <stdexcept>

namespace alueverkko {
namespace {

class FeatureWriter {
 public:
  FeatureWriter(std::ostream& out, int decimals) : out_(out), decimals_(decimals) {}

  void begin(std::string_view kind) {
    out_ << (first_ ? "\n" : ",\n") << "{\"type\": \"Feature\", \"properties\": {\"feature_kind\": " << json_string(kind);
    first_ = false;
  }
  void property(const std::string& name, const Table::Column& values, std::size_t row, bool boolean) {
    out_ << ", " << json_string(name) << ": ";
    std::visit(
        [&](const auto& column) {
          using T = std::decay_t<decltype(column[row])>;
          if constexpr (std::is_same_v<T, std::string>) out_ << json_string(column[row]);
          else if constexpr (std::is_same_v<T, double>) out_ << (std::isfinite(column[row]) ? format_real(column[row]) : "null");
          else if (boolean) out_ << (column[row] ? "true" : "false");
          else out_ << column[row];
        },
        values);
  }
  void properties(const Table& table, std::size_t row, const std::vector<std::string>& booleans) {
    for (const auto& column : table.columns())
      property(column.name, column.values, row,
               std::find(booleans.begin(), booleans.end(), column.name) != booleans.end());
  }
  void point(geo::Point p) {
    out_ << "}, \"geometry\": {\"type\": \"Point\", \"coordinates\": ";
    position(p);
    out_ << "}}";
  }
  void line(geo::Point a, geo::Point b) {
    out_ << "}, \"geometry\": {\"type\": \"LineString\", \"coordinates\": [";
    position(a);
    out_ << ", ";
    position(b);
    out_ << "]}}";
  }
  void shape(const geo::MultiPolygon& shape) {
    out_ << "}, \"geometry\": ";
    if (shape.empty()) {
      out_ << "null}";
      return;
    }
    const bool multi = shape.size() > 1;
    out_ << "{\"type\": \"" << (multi ? "MultiPolygon" : "Polygon") << "\", \"coordinates\": " << (multi ? "[" : "");
    for (std::size_t p = 0; p < shape.size(); ++p) {
      out_ << (p ? ", [" : "[");
      for (std::size_t r = 0; r < shape[p].rings.size(); ++r) {
        out_ << (r ? ", [" : "[");
        for (std::size_t i = 0; i < shape[p].rings[r].size(); ++i) {
          if (i) out_ << ", ";
          position(shape[p].rings[r][i]);
        }
        out_ << "]";
      }
      out_ << "]";
    }
    out_ << (multi ? "]" : "") << "}}";
  }

 private:
  void position(geo::Point p) {
    out_ << '[' << number(p.x) << ", " << number(p.y) << ']';
  }
  // Fixed decimals without trailing zeros: 24.9384, 60.17, 25.
  std::string number(double value) const {
    char buffer[64];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::fixed, decimals_);
    std::string text(buffer, result.ptr);
    if (text.find('.') != std::string::npos) {
      text.erase(text.find_last_not_of('0') + 1);
      if (text.back() == '.') text.pop_back();
    }
    return text == "-0" ? "0" : text;
  }

  std::ostream& out_;
  int decimals_;
  bool first_ = true;
};

const Table::Reals& reals(const Table& table, std::string_view name) {
  const auto* values = std::get_if<Table::Reals>(&table.column(name).values);
  if (!values) throw std::invalid_argument("write_geojson: node column '" + std::string(name) + "' must hold reals");
  return *values;
}

}  // namespace

GeojsonCounts write_geojson(std::ostream& out, const GraphTables* graph, const GeojsonAreas& areas,
                            const GeojsonOptions& options) {
  if (options.decimals < 0 || options.decimals > 15)
    throw std::invalid_argument("write_geojson: decimals must be 0..15, got " + std::to_string(options.decimals));
  const bool with_areas = options.areas && areas.properties;
  if (with_areas && areas.shapes.size() != areas.properties->rows())
    throw std::invalid_argument("write_geojson: " + std::to_string(areas.shapes.size()) + " area shapes for " +
                                std::to_string(areas.properties->rows()) + " rows of area properties");
  GeojsonCounts counts;
  FeatureWriter w(out, options.decimals);
  out << "{\"type\": \"FeatureCollection\", \"name\": \"alueverkko\"";
  if (graph && !graph->description.empty()) out << ", \"description\": " << json_string(graph->description);
  out << ", \"features\": [";
  if (with_areas) {
    for (std::size_t r = 0; r < areas.properties->rows(); ++r) {
      w.begin("area");
      w.properties(*areas.properties, r, {});
      w.shape(areas.shapes[r]);
      ++counts.areas;
    }
  }
  if (graph && (options.edges || options.places)) {
    const auto& ids = std::get<Table::Strings>(graph->nodes.column("id").values);
    const auto& lon = reals(graph->nodes, "lon");
    const auto& lat = reals(graph->nodes, "lat");
    std::map<std::string_view, geo::Point> position;
    for (std::size_t r = 0; r < ids.size(); ++r)
      if (std::isfinite(lon[r]) && std::isfinite(lat[r])) position.emplace(ids[r], geo::Point{lon[r], lat[r]});
    if (options.edges) {
      const Table edges = edge_list_with_names(*graph);
      const auto& sources = std::get<Table::Strings>(edges.column("source").values);
      const auto& targets = std::get<Table::Strings>(edges.column("target").values);
      for (std::size_t r = 0; r < edges.rows(); ++r) {
        const auto a = position.find(sources[r]), b = position.find(targets[r]);
        if (a == position.end() || b == position.end()) {
          ++counts.edges_without_position;
          continue;
        }
        w.begin("edge");
        w.properties(edges, r, graph->boolean_columns);
        w.line(a->second, b->second);
        ++counts.edges;
      }
    }
    if (options.places) {
      for (std::size_t r = 0; r < ids.size(); ++r) {
        const auto p = position.find(ids[r]);
        if (p == position.end()) continue;
        w.begin("place");
        w.properties(graph->nodes, r, graph->boolean_columns);
        w.point(p->second);
        ++counts.places;
      }
    }
  }
  out << "\n]}\n";
  return counts;
}

std::vector<geo::MultiPolygon> area_shapes(const geo::Boundaries& boundaries, PlaceLevel level,
                                           std::span<const std::string> codes) {
  const geo::TopoObject& object = boundaries.at(level);
  std::vector<geo::MultiPolygon> shapes;
  shapes.reserve(codes.size());
  for (const std::string& code : codes) {
    const std::size_t i = object.find(code);
    if (i == object.geometries.size())
      throw std::invalid_argument("area_shapes: the boundaries have no outline for place '" + code + "'");
    shapes.push_back(boundaries.topology.shape(object.geometries[i]));
  }
  return shapes;
}

}  // namespace alueverkko
