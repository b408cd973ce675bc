// Maps of Finland as SVG (render/map.hpp): layout, choropleth, edges, markers, labels, legend,
// scale bar, north arrow and attribution, in ETRS-TM35FIN.
#include <alueverkko/render/map.hpp>

#include <alueverkko/backbone/disparity.hpp>
#include <alueverkko/centrality/measures.hpp>
#include <alueverkko/data/dataset.hpp>
#include <alueverkko/geo/boundaries.hpp>
#include <alueverkko/geo/geography.hpp>
#include <alueverkko/geo/projection.hpp>
#include <alueverkko/graph/collaboration.hpp>
#include <alueverkko/io/table.hpp>
#include <alueverkko/metrics/coverage.hpp>
#include <alueverkko/render/palette.hpp>
#include <alueverkko/render/svg.hpp>

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <set>
#include <stdexcept>
#include <variant>

namespace alueverkko::render {
namespace {

using geo::Point;

constexpr const char* font_family = "DejaVu Sans, Verdana, sans-serif";
constexpr const char* land_grey = "#e3e3e3";
constexpr const char* edge_colour = "#d95f02";
constexpr const char* footprint_colour = "#2c7fb8";
constexpr const char* lead_colour = "#d95f02";

struct Place {
  std::string code, name;
  Point centre;  // projected metres
  double population = 0;
};

std::vector<Place> places_of(const Geography& geography, PlaceLevel level) {
  const auto& projection = geo::etrs_tm35fin();
  std::vector<Place> municipalities;
  for (std::size_t i = 0; i < geography.municipalities().size(); ++i) {
    const Municipality& m = geography.municipalities()[i];
    const auto population = geography.population(i, geography.reference_year()).value_or(m.population_2021);
    municipalities.push_back({m.code, m.name_fi, projection.forward({m.centre_lon, m.centre_lat}),
                              static_cast<double>(population)});
  }
  if (level == PlaceLevel::municipality) return municipalities;
  // A sub-region's or region's centre: the population-weighted mean of its municipalities' centres.
  const auto group = [&](const std::string& code, const std::string& name, const std::vector<std::size_t>& members) {
    Place place{code, name, {}, 0};
    double x = 0, y = 0, weight = 0;
    for (const std::size_t i : members) {
      const double w = std::max(municipalities[i].population, 1.0);
      x += w * municipalities[i].centre.x;
      y += w * municipalities[i].centre.y;
      weight += w;
      place.population += municipalities[i].population;
    }
    if (weight > 0) place.centre = {x / weight, y / weight};
    return place;
  };
  std::vector<Place> places;
  if (level == PlaceLevel::subregion)
    for (const Subregion& s : geography.subregions())
      places.push_back(group(s.code, s.name_fi, geography.municipalities_in_subregion(s.code)));
  else
    for (const Region& r : geography.regions())
      places.push_back(group(r.code, r.name_fi, geography.municipalities_in_region(r.code)));
  return places;
}

// Projected metres → SVG user units.
struct Frame {
  double min_x = 0, max_y = 0, scale = 1, left = 0, top = 0;
  Point operator()(Point metres) const {
    return {left + (metres.x - min_x) * scale, top + (max_y - metres.y) * scale};
  }
};

std::string ring_path(const std::vector<Point>& points, const Frame& frame, bool closed) {
  std::string d;
  std::string last;
  for (std::size_t i = 0; i < points.size(); ++i) {
    const Point p = frame(geo::etrs_tm35fin().forward(points[i]));
    std::string xy = svg_number(p.x) + " " + svg_number(p.y);
    if (xy == last) continue;
    d += (d.empty() ? "M" : "L") + xy;
    last = std::move(xy);
  }
  if (closed && !d.empty()) d += "Z";
  return d;
}

std::string shape_path(const geo::MultiPolygon& shape, const Frame& frame) {
  std::string d;
  for (const auto& polygon : shape)
    for (const auto& ring : polygon.rings) d += ring_path(ring, frame, true);
  return d;
}

// Wraps `text` into lines of at most `width` characters at spaces.
std::vector<std::string> wrap(const std::string& text, std::size_t width) {
  std::vector<std::string> lines;
  std::string line;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find(' ', start);
    if (end == std::string::npos) end = text.size();
    const std::string word = text.substr(start, end - start);
    if (!line.empty() && line.size() + 1 + word.size() > width) {
      lines.push_back(line);
      line.clear();
    }
    line += (line.empty() ? "" : " ") + word;
    start = end + 1;
  }
  if (!line.empty()) lines.push_back(line);
  return lines;
}

std::vector<Rgb> class_colours(const std::string& name, std::size_t k) {
  if (k == 0) return {};
  if (name == "viridis" || k >= 3) return palette(name, k);
  const auto three = palette(name, 3);
  return k == 1 ? std::vector<Rgb>{three[1]} : std::vector<Rgb>{three[0], three[2]};
}

std::size_t code_points(const std::string& text) {
  return static_cast<std::size_t>(
      std::count_if(text.begin(), text.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

std::string value_text(double v) { return std::isnan(v) ? "no data" : format_number(v); }

void check_size(const std::vector<double>& values, std::size_t places, const char* what) {
  if (!values.empty() && values.size() != places)
    throw std::invalid_argument(std::string("render_map: ") + what + " has " + std::to_string(values.size()) +
                                " values for " + std::to_string(places) + " places");
}

}  // namespace

std::string render_map(const MapSpec& spec, const Geography& geography) {
  return render_map(spec, geography, geo::load_boundaries(geography));
}

std::string render_map(const MapSpec& spec, const Geography& geography, const geo::Boundaries& boundaries) {
  if (!(spec.width >= 300 && spec.width <= 20000))
    throw std::invalid_argument("render_map: width must be between 300 and 20000");
  const std::vector<Place> places = places_of(geography, spec.level);
  check_size(spec.values, places.size(), "values");
  check_size(spec.markers, places.size(), "markers");
  const geo::TopoObject& areas = boundaries.at(spec.level);
  const bool footprint_mode = !spec.footprint.empty() || !spec.footprint_lead.empty();
  const bool choropleth = !spec.values.empty() && !footprint_mode;

  Classification classification;
  std::vector<Rgb> colours;
  if (choropleth) {
    if (spec.palette != "viridis" && spec.classing != Classing::user_breaks && spec.classes > 9)
      throw std::invalid_argument("render_map: ColorBrewer palettes have at most 9 classes");
    classification = classify(spec.values, spec.classing, spec.classes, spec.breaks);
    if (spec.palette != "viridis" && classification.classes() > 9)
      throw std::invalid_argument("render_map: ColorBrewer palettes have at most 9 classes");
    colours = class_colours(spec.palette, classification.classes());
  }

  // ---- layout (1 unit = 1 px at width 1000 × u)
  const double u = spec.width / 1000.0;
  const double margin = 20 * u;
  geo::BoundingBox box{std::numeric_limits<double>::max(), std::numeric_limits<double>::max(),
                       std::numeric_limits<double>::lowest(), std::numeric_limits<double>::lowest()};
  for (const auto& arc : boundaries.topology.arcs)
    for (const Point& p : arc) {
      const Point m = geo::etrs_tm35fin().forward(p);
      box.min_x = std::min(box.min_x, m.x);
      box.max_x = std::max(box.max_x, m.x);
      box.min_y = std::min(box.min_y, m.y);
      box.max_y = std::max(box.max_y, m.y);
    }
  const double header = spec.title.empty() && spec.subtitle.empty() ? margin : (spec.subtitle.empty() ? 56 : 80) * u;
  const double map_width = 0.6 * spec.width;
  Frame frame{box.min_x, box.max_y, map_width / (box.max_x - box.min_x), margin, header};
  const double map_height = (box.max_y - box.min_y) * frame.scale;
  const double panel_x = margin + map_width + 30 * u;
  const double panel_width = spec.width - panel_x - margin;

  std::vector<std::string> footer;
  const std::size_t chars_per_line = static_cast<std::size_t>((spec.width - 2 * margin) / (5.6 * u));
  for (const auto& line : spec.source_lines)
    for (auto& l : wrap(line, chars_per_line)) footer.push_back(std::move(l));
  for (auto& l : wrap("Map: " + geography.name() + ", ETRS-TM35FIN (EPSG:3067). " + geography.attribution(),
                      chars_per_line))
    footer.push_back(std::move(l));
  const double footer_top = header + map_height + 24 * u;
  const double line_height = 13 * u;
  const double height = footer_top + static_cast<double>(footer.size()) * line_height + 10 * u;

  SvgWriter svg(spec.width, height);
  svg.open("defs");
  svg.open("pattern", {{"id", "no-data"}, {"patternUnits", "userSpaceOnUse"}, {"width", svg_number(6 * u)},
                       {"height", svg_number(6 * u)}, {"patternTransform", "rotate(45)"}});
  svg.element("rect", {{"width", svg_number(6 * u)}, {"height", svg_number(6 * u)}, {"fill", "#f4f4f4"}});
  svg.element("line", {{"x1", "0"}, {"y1", "0"}, {"x2", "0"}, {"y2", svg_number(6 * u)}, {"stroke", "#a8a8a8"},
                       {"stroke-width", svg_number(2 * u)}});
  svg.close();
  svg.close();
  svg.element("rect", {{"id", "background"}, {"width", svg_number(spec.width)}, {"height", svg_number(height)},
                       {"fill", "#ffffff"}});
  svg.open("g", {{"font-family", font_family}, {"fill", "#222222"}});
  // Long titles shrink to fit the width (about 0.62 em per character in bold DejaVu Sans).
  const auto fitting = [&](const std::string& text, double size, double em) {
    const double chars = static_cast<double>(std::max<std::size_t>(code_points(text), 1));
    return std::min(size, (spec.width - 2 * margin) / (em * chars));
  };
  if (!spec.title.empty())
    svg.text("text", {{"id", "title"}, {"x", svg_number(margin)}, {"y", svg_number(36 * u)},
                      {"font-size", svg_number(fitting(spec.title, 24 * u, 0.64), 2)}, {"font-weight", "bold"}},
             spec.title);
  if (!spec.subtitle.empty())
    svg.text("text", {{"id", "subtitle"}, {"x", svg_number(margin)}, {"y", svg_number(62 * u)},
                      {"font-size", svg_number(fitting(spec.subtitle, 15 * u, 0.58), 2)}},
             spec.subtitle);
  svg.close();

  // ---- places
  std::set<std::string> in_footprint(spec.footprint.begin(), spec.footprint.end());
  const char* kind = spec.level == PlaceLevel::municipality ? "municipality"
                     : spec.level == PlaceLevel::subregion  ? "subregion"
                                                            : "region";
  svg.open("g", {{"id", "places"}, {"stroke", "#ffffff"},
                 {"stroke-width", svg_number(0.4 * u, 2)}, {"stroke-linejoin", "round"}});
  for (std::size_t i = 0; i < places.size(); ++i) {
    const Place& place = places[i];
    const std::size_t g = areas.find(place.code);
    if (g == areas.geometries.size())
      throw std::invalid_argument("render_map: no boundary for " + std::string(kind) + " " + place.code);
    std::string fill = land_grey, cls = "none", value, tooltip = place.name;
    SvgAttributes attributes{{"id", std::string(1, kind[0]) + "-" + place.code}, {"class", std::string("place ") + kind},
                             {"data-code", place.code}};
    if (choropleth) {
      const double v = spec.values[i];
      const int c = classification.class_of[i];
      fill = c < 0 ? "url(#no-data)" : colours[static_cast<std::size_t>(c)].hex();
      cls = c < 0 ? "none" : std::to_string(c);
      attributes.emplace_back("data-value", std::isnan(v) ? "" : format_real(v));
      attributes.emplace_back("data-class", cls);
      tooltip += ": " + value_text(v);
    } else if (footprint_mode && in_footprint.count(place.code)) {
      fill = footprint_colour;
      attributes.emplace_back("data-footprint", "1");
    }
    attributes.emplace_back("fill", fill);
    attributes.emplace_back("d", shape_path(boundaries.topology.shape(areas.geometries[g]), frame));
    svg.open("path", attributes);
    svg.text("title", {}, tooltip);
    svg.close();
  }
  svg.close();

  // Region outlines on top (dissolved from the municipalities).
  std::string outline;
  for (const geo::ArcRef ref : boundaries.border_arcs(PlaceLevel::region))
    outline += ring_path(boundaries.topology.arc_points(ref), frame, false);
  svg.element("path", {{"id", "region-outlines"}, {"class", "outlines"}, {"fill", "none"}, {"stroke", "#4d4d4d"},
                       {"stroke-width", svg_number(0.9 * u, 2)}, {"stroke-linejoin", "round"}, {"d", outline}});

  // ---- edges, strongest last
  std::map<std::string, std::size_t> index_of;
  for (std::size_t i = 0; i < places.size(); ++i) index_of.emplace(places[i].code, i);
  std::vector<const MapEdge*> edges;
  double max_weight = 0, min_weight = std::numeric_limits<double>::max();
  for (const MapEdge& e : spec.edges) {
    if (!index_of.count(e.source) || !index_of.count(e.target) || e.source == e.target || !(e.weight > 0)) continue;
    edges.push_back(&e);
    max_weight = std::max(max_weight, e.weight);
    min_weight = std::min(min_weight, e.weight);
  }
  std::stable_sort(edges.begin(), edges.end(), [](const MapEdge* a, const MapEdge* b) { return a->weight < b->weight; });
  const auto edge_width = [&](double w) { return (0.6 + 5.4 * std::sqrt(w / max_weight)) * u; };
  const auto edge_opacity = [&](double w) { return 0.3 + 0.6 * (w / max_weight); };
  if (!edges.empty()) {
    svg.open("g", {{"id", "edges"}, {"fill", "none"}, {"stroke", edge_colour}, {"stroke-linecap", "round"}});
    for (const MapEdge* e : edges) {
      const Place& a = places[index_of[e->source]];
      const Place& b = places[index_of[e->target]];
      const Point p = frame(a.centre), q = frame(b.centre);
      // A gentle curve: the control point 12 % of the length off the midpoint, to the left of a→b.
      const double dx = q.x - p.x, dy = q.y - p.y;
      const Point c{(p.x + q.x) / 2 - 0.12 * dy, (p.y + q.y) / 2 + 0.12 * dx};
      svg.open("path", {{"class", "edge"}, {"data-source", e->source}, {"data-target", e->target},
                        {"data-weight", format_real(e->weight)}, {"stroke-width", svg_number(edge_width(e->weight), 2)},
                        {"stroke-opacity", svg_number(edge_opacity(e->weight), 2)},
                        {"d", "M" + svg_number(p.x) + " " + svg_number(p.y) + "Q" + svg_number(c.x) + " " +
                                  svg_number(c.y) + " " + svg_number(q.x) + " " + svg_number(q.y)}});
      svg.text("title", {}, a.name + " \u2013 " + b.name + ": " + format_number(e->weight));
      svg.close();
    }
    svg.close();
  }

  // ---- markers
  const double marker_max = 14 * u;
  double marker_top = 0;
  for (const double v : spec.markers)
    if (v > 0) marker_top = std::max(marker_top, v);
  std::vector<double> radius(places.size(), 0);
  std::vector<LabelBox> obstacles;
  if (marker_top > 0) {
    svg.open("g", {{"id", "markers"}, {"fill", "#ffffff"}, {"fill-opacity", "0.8"}, {"stroke", "#252525"},
                   {"stroke-width", svg_number(1 * u, 2)}});
    std::vector<std::size_t> order(places.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    // Large circles first, so that small ones stay visible on top.
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
      return (spec.markers[a] > 0 ? spec.markers[a] : 0) > (spec.markers[b] > 0 ? spec.markers[b] : 0);
    });
    for (const std::size_t i : order) {
      const double v = spec.markers[i];
      if (!(v > 0)) continue;
      radius[i] = std::max(marker_max * std::sqrt(v / marker_top), 1.5 * u);
      const Point c = frame(places[i].centre);
      obstacles.push_back({c.x - radius[i], c.y - radius[i], c.x + radius[i], c.y + radius[i]});
      svg.open("circle", {{"class", "marker"}, {"data-code", places[i].code}, {"data-value", format_real(v)},
                          {"cx", svg_number(c.x)}, {"cy", svg_number(c.y)}, {"r", svg_number(radius[i], 2)}});
      svg.text("title", {}, places[i].name + ": " + format_number(v));
      svg.close();
    }
    svg.close();
  }

  // ---- footprint lead
  if (footprint_mode && index_of.count(spec.footprint_lead)) {
    const Place& lead = places[index_of[spec.footprint_lead]];
    const Point c = frame(lead.centre);
    svg.open("circle", {{"id", "lead"}, {"class", "lead"}, {"data-code", lead.code}, {"cx", svg_number(c.x)},
                        {"cy", svg_number(c.y)}, {"r", svg_number(7 * u)}, {"fill", "none"}, {"stroke", lead_colour},
                        {"stroke-width", svg_number(3 * u)}});
    svg.text("title", {}, "lead: " + lead.name);
    svg.close();
    obstacles.push_back({c.x - 9 * u, c.y - 9 * u, c.x + 9 * u, c.y + 9 * u});
    radius[index_of[spec.footprint_lead]] = std::max(radius[index_of[spec.footprint_lead]], 9 * u);  // its label clears the ring
  }

  // ---- labels
  if (spec.labels > 0) {
    const std::vector<double>& priority_values =
        marker_top > 0 ? spec.markers : (choropleth ? spec.values : std::vector<double>{});
    // The top places by value, ties by population; a place whose value is 0 or missing is not "top".
    std::vector<std::size_t> ranked;
    for (std::size_t i = 0; i < places.size(); ++i) {
      if (footprint_mode && !in_footprint.count(places[i].code)) continue;
      if (!priority_values.empty() && !(priority_values[i] > 0)) continue;
      ranked.push_back(i);
    }
    const auto priority = [&](std::size_t i) {
      return std::pair(priority_values.empty() ? places[i].population : priority_values[i], places[i].population);
    };
    std::stable_sort(ranked.begin(), ranked.end(), [&](std::size_t a, std::size_t b) { return priority(a) > priority(b); });
    std::vector<LabelCandidate> candidates;
    for (const std::size_t i : ranked) {
      const Point c = frame(places[i].centre);
      candidates.push_back({places[i].name, c.x, c.y, radius[i], static_cast<double>(ranked.size() - candidates.size())});
    }
    if (candidates.size() > spec.labels) candidates.resize(spec.labels);
    const double font = 12 * u;
    const LabelBox map_box{frame.left, frame.top, frame.left + map_width, frame.top + map_height};
    svg.open("g", {{"id", "labels"}, {"font-family", font_family}, {"font-size", svg_number(font)},
                   {"fill", "#111111"}, {"stroke", "#ffffff"}, {"stroke-width", svg_number(3 * u)},
                   {"stroke-linejoin", "round"}, {"paint-order", "stroke"}});
    for (const PlacedLabel& label : place_labels(candidates, obstacles, map_box, font))
      svg.text("text", {{"class", "label"}, {"x", svg_number(label.x)}, {"y", svg_number(label.y)},
                        {"text-anchor", label.anchor}},
               candidates[label.candidate].text);
    svg.close();
  }

  // ---- legend panel
  double y = header + 10 * u;
  const double swatch = 16 * u, row = 22 * u, font = 13 * u;
  svg.open("g", {{"id", "legend"}, {"font-family", font_family}, {"font-size", svg_number(font)}, {"fill", "#222222"}});
  const auto heading = [&](const std::string& text) {
    for (const auto& line : wrap(text, static_cast<std::size_t>(panel_width / (0.6 * 14 * u)))) {
      svg.text("text", {{"class", "legend-heading"}, {"x", svg_number(panel_x)}, {"y", svg_number(y + 14 * u)},
                        {"font-size", svg_number(14 * u)}, {"font-weight", "bold"}},
               line);
      y += 19 * u;
    }
    y += 4 * u;
  };
  const auto swatch_row = [&](const char* cls, const SvgAttributes& extra, const std::string& fill,
                              const std::string& text) {
    SvgAttributes group{{"class", cls}};
    group.insert(group.end(), extra.begin(), extra.end());
    svg.open("g", group);
    svg.element("rect", {{"x", svg_number(panel_x)}, {"y", svg_number(y)}, {"width", svg_number(swatch * 1.6)},
                         {"height", svg_number(swatch)}, {"fill", fill}, {"stroke", "#777777"},
                         {"stroke-width", svg_number(0.6 * u, 2)}});
    svg.text("text", {{"x", svg_number(panel_x + swatch * 1.6 + 8 * u)}, {"y", svg_number(y + swatch * 0.8)}}, text);
    svg.close();
    y += row;
  };
  if (choropleth) {
    heading(spec.value_name.empty() ? "Value" : spec.value_name);
    const bool named = spec.class_names.size() == classification.classes();
    // Highest class on top.
    for (std::size_t k = classification.classes(); k-- > 0;) {
      const std::string count = " (" + std::to_string(classification.counts[k]) + ")";
      swatch_row("legend-class", {{"data-class", std::to_string(k)}, {"data-count", std::to_string(classification.counts[k])}},
                 colours[k].hex(), (named ? spec.class_names[k] : classification.label(k)) + count);
    }
    swatch_row("legend-nodata", {{"data-count", std::to_string(classification.no_data)}}, "url(#no-data)",
               "no data (" + std::to_string(classification.no_data) + ")");
    svg.text("text", {{"class", "legend-note"}, {"x", svg_number(panel_x)}, {"y", svg_number(y + 10 * u)},
                      {"font-size", svg_number(11 * u)}, {"fill", "#555555"}},
             std::string(spec.classing == Classing::quantile         ? "Quantile"
                         : spec.classing == Classing::equal_interval ? "Equal-interval"
                                                                     : "User-defined") +
                 " classes; (n) places");
    y += 26 * u;
  }
  if (footprint_mode) {
    heading(spec.footprint_name.empty() ? "Network footprint" : spec.footprint_name);
    swatch_row("legend-footprint", {{"data-count", std::to_string(in_footprint.size())}}, footprint_colour,
               "municipalities taking part (" + std::to_string(in_footprint.size()) + ")");
    swatch_row("legend-other", {}, land_grey, "other municipalities");
    svg.open("g", {{"class", "legend-lead"}});
    svg.element("circle", {{"cx", svg_number(panel_x + swatch * 0.8)}, {"cy", svg_number(y + swatch / 2)},
                           {"r", svg_number(7 * u)}, {"fill", "none"}, {"stroke", lead_colour},
                           {"stroke-width", svg_number(3 * u)}});
    svg.text("text", {{"x", svg_number(panel_x + swatch * 1.6 + 8 * u)}, {"y", svg_number(y + swatch * 0.8)}},
             index_of.count(spec.footprint_lead) ? "lead: " + places[index_of[spec.footprint_lead]].name
                                                 : "lead: not a municipality");
    svg.close();
    y += row + 10 * u;
  }
  if (!edges.empty()) {
    heading(spec.edge_name.empty() ? "Edge weight" : spec.edge_name);
    std::vector<double> samples{max_weight};
    const double middle = std::round((min_weight + max_weight) / 2);
    if (middle > min_weight && middle < max_weight) samples.push_back(middle);
    if (min_weight < max_weight) samples.push_back(min_weight);
    for (const double w : samples) {
      svg.open("g", {{"class", "legend-edge"}, {"data-weight", format_number(w)}});
      svg.element("line", {{"x1", svg_number(panel_x)}, {"y1", svg_number(y + swatch / 2)},
                           {"x2", svg_number(panel_x + swatch * 1.6)}, {"y2", svg_number(y + swatch / 2)},
                           {"stroke", edge_colour}, {"stroke-width", svg_number(edge_width(w), 2)},
                           {"stroke-opacity", svg_number(edge_opacity(w), 2)}, {"stroke-linecap", "round"}});
      svg.text("text", {{"x", svg_number(panel_x + swatch * 1.6 + 8 * u)}, {"y", svg_number(y + swatch * 0.8)}},
               format_number(w));
      svg.close();
      y += row;
    }
    svg.text("text", {{"class", "legend-note"}, {"x", svg_number(panel_x)}, {"y", svg_number(y + 4 * u)},
                      {"font-size", svg_number(11 * u)}, {"fill", "#555555"}},
             std::to_string(edges.size()) + " edges, strongest on top");
    y += 26 * u;
  }
  if (marker_top > 0) {
    heading(spec.marker_name.empty() ? "Marker size" : spec.marker_name);
    std::vector<double> samples{marker_top};
    if (marker_top / 4 > 0) samples.push_back(marker_top / 4);
    for (const double v : samples) {
      const double r = marker_max * std::sqrt(v / marker_top);
      svg.open("g", {{"class", "legend-marker"}});
      svg.element("circle", {{"cx", svg_number(panel_x + marker_max)}, {"cy", svg_number(y + marker_max)},
                             {"r", svg_number(r, 2)}, {"fill", "#ffffff"}, {"stroke", "#252525"},
                             {"stroke-width", svg_number(1 * u, 2)}});
      svg.text("text", {{"x", svg_number(panel_x + 2 * marker_max + 8 * u)}, {"y", svg_number(y + marker_max + 4 * u)}},
               format_number(v));
      svg.close();
      y += 2 * marker_max + 6 * u;
    }
    y += 16 * u;
  }
  svg.close();

  // ---- scale bar and north arrow, bottom right of the map panel (the Gulf of Finland / Russia)
  const double map_right = frame.left + map_width, map_bottom = frame.top + map_height;
  if (spec.scale_bar) {
    const double km = 200, length = km * 1000 * frame.scale;
    const double x0 = map_right - length - 10 * u, y0 = map_bottom - 14 * u;
    svg.open("g", {{"id", "scale-bar"}, {"font-family", font_family}, {"font-size", svg_number(12 * u)}});
    for (int i = 0; i < 4; ++i)
      svg.element("rect", {{"x", svg_number(x0 + length / 4 * i)}, {"y", svg_number(y0)}, {"width", svg_number(length / 4)},
                           {"height", svg_number(5 * u)}, {"fill", i % 2 ? "#ffffff" : "#333333"}, {"stroke", "#333333"},
                           {"stroke-width", svg_number(0.8 * u, 2)}});
    svg.text("text", {{"x", svg_number(x0)}, {"y", svg_number(y0 - 5 * u)}, {"text-anchor", "middle"}}, "0");
    svg.text("text", {{"x", svg_number(x0 + length / 2)}, {"y", svg_number(y0 - 5 * u)}, {"text-anchor", "middle"}},
             format_number(km / 2));
    svg.text("text", {{"x", svg_number(x0 + length)}, {"y", svg_number(y0 - 5 * u)}, {"text-anchor", "middle"}},
             format_number(km) + " km");
    svg.close();
  }
  if (spec.north_arrow) {
    const double x = map_right - 20 * u, y0 = map_bottom - 95 * u;
    svg.open("g", {{"id", "north-arrow"}, {"font-family", font_family}});
    svg.element("path", {{"d", "M" + svg_number(x) + " " + svg_number(y0) + "L" + svg_number(x + 9 * u) + " " +
                                   svg_number(y0 + 30 * u) + "L" + svg_number(x) + " " + svg_number(y0 + 23 * u) + "L" +
                                   svg_number(x - 9 * u) + " " + svg_number(y0 + 30 * u) + "Z"},
                         {"fill", "#333333"}});
    svg.text("text", {{"x", svg_number(x)}, {"y", svg_number(y0 - 5 * u)}, {"text-anchor", "middle"},
                      {"font-size", svg_number(14 * u)}, {"font-weight", "bold"}},
             "N");
    svg.close();
  }

  // ---- sources and attribution, always
  svg.open("g", {{"id", "attribution"}, {"font-family", font_family}, {"font-size", svg_number(10 * u)},
                 {"fill", "#444444"}});
  for (std::size_t i = 0; i < footer.size(); ++i)
    svg.text("text", {{"x", svg_number(margin)}, {"y", svg_number(footer_top + static_cast<double>(i) * line_height)}},
             footer[i]);
  svg.close();
  return svg.finish();
}

// ---------------------------------------------------------------- from a data set
namespace {

std::vector<double> reals(const Table& table, std::string_view column) {
  return std::visit(
      [](const auto& values) {
        std::vector<double> out;
        using T = std::decay_t<decltype(values)>;
        if constexpr (std::is_same_v<T, Table::Strings>) {
          throw std::logic_error("map: a text column is not a value");
        } else {
          for (const auto v : values) out.push_back(static_cast<double>(v));
        }
        return out;
      },
      table.column(column).values);
}

ActorLevel actor_level(PlaceLevel level) {
  switch (level) {
    case PlaceLevel::municipality: return ActorLevel::municipality;
    case PlaceLevel::subregion: return ActorLevel::subregion;
    case PlaceLevel::region: return ActorLevel::region;
  }
  return ActorLevel::municipality;
}

const char* level_name(PlaceLevel level) {
  return level == PlaceLevel::municipality ? "municipality" : level == PlaceLevel::subregion ? "sub-region" : "region";
}

// One value per place of the level (geography order) and its legend heading.
struct PlaceValues {
  std::vector<double> values;
  std::string name;
  std::vector<std::string> class_names;
};

PlaceValues place_values(const std::string& what, const Dataset& dataset, const Geography& geography,
                         const CollaborationMapOptions& o, const CollaborationGraph& projected) {
  PlaceValues result;
  const bool municipal = o.level == PlaceLevel::municipality;
  if (what == "coverage" || what == "networks" || what == "per-capita") {
    if (municipal) {
      const Table table = municipality_participation(dataset, geography, o.filter);
      if (what == "coverage") {
        result.values = reals(table, "covered");
        result.name = "Municipalities taking part in a network";
        result.class_names = {"not taking part", "taking part"};
      } else if (what == "networks") {
        result.values = reals(table, "networks");
        result.name = "Networks the municipality takes part in";
      } else {
        result.values = reals(table, "networks_per_10000");
        result.name = "Networks per 10,000 inhabitants";
      }
      return result;
    }
    const Table table = coverage_table(dataset, geography,
                                       o.level == PlaceLevel::region ? CoverageLevel::region : CoverageLevel::subregion,
                                       o.filter);
    if (what == "coverage") {
      result.values = reals(table, "covered_share");
      result.name = std::string("Share of the ") + level_name(o.level) + "'s municipalities taking part";
    } else {
      result.values = reals(table, "networks");
      result.name = std::string("Networks reaching the ") + level_name(o.level);
      if (what == "per-capita") {
        const auto population = reals(table, "population");
        for (std::size_t i = 0; i < result.values.size(); ++i)
          result.values[i] = population[i] > 0 ? result.values[i] / population[i] * 10000
                                               : std::numeric_limits<double>::quiet_NaN();
        result.name = std::string("Networks reaching the ") + level_name(o.level) + " per 10,000 inhabitants";
      }
    }
    return result;
  }
  // A centrality measure of the place projection; places outside it have no data.
  const std::vector<std::string> measures{what};
  const MeasureTable table = compute_measures(projected.graph, measures);
  const auto& ids = std::get<Table::Strings>(table.table.column("id").values);
  const auto scores = reals(table.table, what);
  const std::vector<Place> places = places_of(geography, o.level);
  result.values.assign(places.size(), std::numeric_limits<double>::quiet_NaN());
  std::map<std::string, std::size_t> index;
  for (std::size_t i = 0; i < places.size(); ++i) index.emplace(places[i].code, i);
  for (std::size_t v = 0; v < ids.size(); ++v)
    if (const auto it = index.find(ids[v]); it != index.end()) result.values[it->second] = scores[v];
  result.name = what + " centrality (" + level_name(o.level) + " projection, shared networks)";
  return result;
}

void check_value_name(const std::string& name, const char* option) {
  const auto names = map_value_names();
  if (std::find(names.begin(), names.end(), name) != names.end()) return;
  std::string known;
  for (const auto& n : names) known += (known.empty() ? "" : ", ") + n;
  throw std::invalid_argument(std::string(option) + ": unknown value '" + name + "' (expected one of: " + known + ")");
}

}  // namespace

std::vector<std::string> map_value_names() {
  std::vector<std::string> names{"coverage", "networks", "per-capita", "none"};
  for (const auto name : measure_names()) names.emplace_back(name);
  return names;
}

namespace {

// The drawing choices every map takes from the options, whatever it shows.
MapSpec styled_spec(const CollaborationMapOptions& options) {
  const auto names = palette_names();
  if (std::find(names.begin(), names.end(), options.palette) == names.end()) (void)palette(options.palette, 5);
  MapSpec spec;
  spec.level = options.level;
  spec.classing = options.classing;
  spec.classes = options.classes;
  spec.breaks = options.breaks;
  spec.palette = options.palette;
  spec.labels = options.labels;
  spec.scale_bar = options.scale_bar;
  spec.north_arrow = options.north_arrow;
  spec.width = options.width;
  spec.title = options.title;
  return spec;
}

void check_own_values(const Geography& geography, const CollaborationMapOptions& options) {
  if (options.values.size() != place_count(geography, options.level))
    throw std::invalid_argument("values: expected one per " + std::string(level_name(options.level)) + " (" +
                                std::to_string(place_count(geography, options.level)) + "), got " +
                                std::to_string(options.values.size()));
}

}  // namespace

MapSpec place_values_map_spec(const Geography& geography, const CollaborationMapOptions& options) {
  check_own_values(geography, options);
  MapSpec spec = styled_spec(options);
  spec.values = options.values;
  spec.value_name = options.value_name;
  spec.subtitle = options.value_name + (options.value_name.empty() ? "By " : ", by ") + level_name(options.level);
  return spec;
}

MapSpec collaboration_map_spec(const Dataset& dataset, const Geography& geography,
                               const CollaborationMapOptions& options) {
  if (!options.values.empty()) check_own_values(geography, options);
  check_value_name(options.color, "color");
  if (!options.markers.empty() && options.markers != "none") check_value_name(options.markers, "markers");
  if (!options.network.empty() && !dataset.find_network(options.network))
    throw std::invalid_argument("network: no network '" + options.network + "' in data set " + dataset.name());
  if (!options.network.empty() && options.level != PlaceLevel::municipality)
    throw std::invalid_argument("network: a footprint is drawn at the municipality level");
  if (options.edges == MapEdges::top_k && options.top_k == 0) throw std::invalid_argument("edges: top-K needs K >= 1");

  MapSpec spec = styled_spec(options);
  // A data set made in memory (from_pandas) may have no title: its name stands in.
  const std::string& data_title = dataset.metadata().title.empty() ? dataset.name() : dataset.metadata().title;
  if (spec.title.empty()) spec.title = data_title;
  const auto& sources = dataset.metadata().sources;
  std::string data_line = "Data: " + data_title;
  if (!sources.empty()) data_line += " (" + sources.front().publisher + ", " + std::to_string(sources.front().year) + ")";
  spec.source_lines.push_back(data_line + ".");

  const CollaborationGraph projected =
      project_dataset(dataset, geography, actor_level(options.level), options.filter, ProjectionOptions{});
  std::string subtitle;
  if (!options.network.empty()) {
    // The footprint: the municipalities whose own actor or seated organisations take part.
    const Network& network = *dataset.find_network(options.network);
    const auto selected = select_memberships(dataset, options.filter);
    const AggregatedGraph aggregated = aggregate(dataset, geography, ActorLevel::municipality, selected);
    const auto columns = aggregated.graph.column_labels();
    const auto column = static_cast<std::size_t>(std::find(columns.begin(), columns.end(), network.id) - columns.begin());
    if (column < columns.size())
      for (const auto e : aggregated.graph.column_edges(static_cast<TwoModeGraph::Index>(column))) {
        const TwoModeEdge& edge = aggregated.graph.edges()[e];
        if (!aggregated.row_is_place[edge.row]) continue;
        spec.footprint.push_back(aggregated.graph.row_labels()[edge.row]);
        if (edge.role == MembershipRole::lead) spec.footprint_lead = spec.footprint.back();
      }
    std::string lead_name;
    const std::size_t n = dataset.network_index(network.id);
    for (const std::size_t m : dataset.memberships_of_network(n))
      if (dataset.memberships()[m].role == MembershipRole::lead) lead_name = dataset.actors()[dataset.memberships()[m].actor].name;
    if (options.title.empty()) spec.title = network.id + ": " + network.name;
    spec.footprint_name = "Footprint of " + network.id;
    subtitle = std::to_string(spec.footprint.size()) + " municipalities" +
               (lead_name.empty() ? "; no lead named" : "; lead: " + lead_name);
  } else if (!options.values.empty()) {
    spec.values = options.values;
    spec.value_name = options.value_name;
    subtitle = options.value_name + (options.value_name.empty() ? "By " : ", by ") + level_name(options.level);
  } else if (options.color != "none") {
    PlaceValues values = place_values(options.color, dataset, geography, options, projected);
    spec.values = std::move(values.values);
    spec.value_name = std::move(values.name);
    if (options.color == "coverage" && options.level == PlaceLevel::municipality) {
      // Two classes whatever was asked: 0 and 1.
      spec.classing = Classing::user_breaks;
      spec.breaks = {0.5};
      spec.class_names = std::move(values.class_names);
    }
    subtitle = spec.value_name + ", by " + level_name(options.level);
  }

  if (options.edges != MapEdges::none) {
    const WeightedGraph* graph = &projected.graph;
    DisparityResult backbone;
    if (options.edges == MapEdges::backbone) {
      DisparityOptions d;
      d.alpha = options.backbone_alpha;
      backbone = disparity_filter(projected.graph, d);
      graph = &backbone.backbone;
    }
    const auto labels = graph->labels();
    for (std::uint32_t e = 0; e < graph->edge_count(); ++e)
      spec.edges.push_back({labels[graph->edge_source(e)], labels[graph->edge_target(e)], graph->edge_weight(e)});
    if (options.edges == MapEdges::top_k && spec.edges.size() > options.top_k) {
      std::stable_sort(spec.edges.begin(), spec.edges.end(),
                       [](const MapEdge& a, const MapEdge& b) { return a.weight > b.weight; });
      spec.edges.resize(options.top_k);
    }
    spec.edge_name = "Shared networks";
    const std::string what = options.edges == MapEdges::all        ? "all edges"
                             : options.edges == MapEdges::backbone ? "disparity backbone (alpha " +
                                                                         format_number(options.backbone_alpha) + ")"
                                                                   : "top " + std::to_string(options.top_k) + " edges";
    subtitle += (subtitle.empty() ? "" : "; ") + std::string("collaboration: ") + what + " (" +
                std::to_string(spec.edges.size()) + (spec.edges.size() == 1 ? " edge)" : " edges)");
  }
  if (!options.markers.empty() && options.markers != "none") {
    PlaceValues markers = place_values(options.markers, dataset, geography, options, projected);
    spec.markers = std::move(markers.values);
    spec.marker_name = std::move(markers.name);
  }
  spec.subtitle = subtitle;
  return spec;
}

std::string collaboration_map(const Dataset& dataset, const Geography& geography,
                              const CollaborationMapOptions& options) {
  return render_map(collaboration_map_spec(dataset, geography, options), geography);
}

}  // namespace alueverkko::render
