#pragma once
// Maps of Finland in the national projection ETRS-TM35FIN (EPSG:3067), written as SVG: a
// choropleth of a per-place value (classed, with a legend and a "no data" swatch), collaboration
// edges between place centres (width and opacity by weight, strongest drawn last), markers sized by
// a value, labels for the top places placed without overlaps, the footprint of one network (its
// municipalities highlighted, its lead marked), title, scale bar, optional north arrow, and always
// the geography's source and attribution lines. PNG and PDF: render/raster.hpp.
//
// Two steps: MapSpec says what to draw in terms of place codes (render_map draws it);
// collaboration_map() builds the spec of a data set from the library's own measures
// (metrics/coverage.hpp, graph/collaboration.hpp, backbone/disparity.hpp, centrality/measures.hpp),
// so that the command line and Python draw the same numbers.
#include <alueverkko/graph/membership_filter.hpp>
#include <alueverkko/io/geography_tables.hpp>
#include <alueverkko/render/classify.hpp>

#include <cstddef>
#include <span>
#include <string>
#include <vector>

namespace alueverkko {
class Dataset;
class Geography;
namespace geo {
struct Boundaries;
}
}  // namespace alueverkko

namespace alueverkko::render {

struct MapEdge {
  std::string source, target;  // place codes at the map's level
  double weight = 1;
};

struct MapSpec {
  // municipality: 309 municipality areas, region outlines on top; subregion/region: the dissolved
  // areas of that level with their outlines.
  PlaceLevel level = PlaceLevel::municipality;

  // Choropleth: one value per place of `level`, in the geography's order (sorted by code); NaN is
  // "no data" (hatched grey). Empty: no choropleth (places drawn in a neutral grey).
  std::vector<double> values;
  std::string value_name;             // legend heading
  Classing classing = Classing::quantile;
  std::size_t classes = 5;
  std::vector<double> breaks;         // cut points for Classing::user_breaks
  std::string palette = "YlGnBu";     // render/palette.hpp
  std::vector<std::string> class_names;  // legend texts instead of the ranges, if one per class

  // Edges between the centres of places of `level` (a municipality's administrative centre; a
  // sub-region's or region's population-weighted mean of its municipalities' centres). Codes not
  // at the level are skipped.
  std::vector<MapEdge> edges;
  std::string edge_name;              // legend heading, e.g. "shared networks"

  // Circles at the centres, area proportional to the value (NaN or <= 0: none); empty: no markers.
  std::vector<double> markers;
  std::string marker_name;

  // Labels for the `labels` places with the largest label priority (markers, else values, else
  // population), skipped where they would overlap a label or marker placed before.
  std::size_t labels = 0;

  // Footprint of one network (municipality codes), drawn instead of a choropleth; the lead's
  // municipality (may be empty) marked with a ring.
  std::vector<std::string> footprint;
  std::string footprint_lead;
  std::string footprint_name;         // legend text for the highlighted municipalities

  std::string title, subtitle;
  std::vector<std::string> source_lines;  // e.g. the data set's source; the geography's attribution is added
  bool scale_bar = true, north_arrow = false;
  double width = 1000;  // SVG width in user units (px); the height follows Finland's shape
};

// The SVG document. std::invalid_argument if `values`/`markers` do not have one entry per place of
// the level, the palette or classing is invalid, or the level has no boundaries.
std::string render_map(const MapSpec& spec, const Geography& geography, const geo::Boundaries& boundaries);
std::string render_map(const MapSpec& spec, const Geography& geography);  // loads the boundaries

// ---------------------------------------------------------------- from a data set
enum class MapEdges { none, all, backbone, top_k };

struct CollaborationMapOptions {
  PlaceLevel level = PlaceLevel::municipality;
  // What colours the places (map_value_names()):
  //   coverage    municipality: covered (0/1, "not covered"/"covered"); sub-region/region:
  //               covered_share, the share of its municipalities covered (coverage_table)
  //   networks    municipality: networks it takes part in (municipality_participation);
  //               sub-region/region: distinct networks reaching one of its municipalities
  //   per-capita  networks (as above) per 10,000 inhabitants (population 31.12. of the geography's
  //               reference year)
  //   a measure   compute_measures() on the place projection (shared networks, count weighting);
  //               places without memberships have no data
  //   none        no choropleth
  std::string color = "networks";
  // The caller's own values instead of `color` (e.g. io/place_values.hpp): one per place of `level`
  // in the geography's order, NaN for no data; `value_name` heads the legend.
  std::vector<double> values;
  std::string value_name;
  Classing classing = Classing::quantile;
  std::size_t classes = 5;
  std::vector<double> breaks;
  std::string palette = "YlGnBu";
  // Edges of the place projection (weight: shared networks): all, the disparity backbone
  // (alpha = backbone_alpha, no correction) or the top_k heaviest edges.
  MapEdges edges = MapEdges::none;
  std::size_t top_k = 50;
  double backbone_alpha = 0.05;
  std::string markers;  // a value name as for `color`; empty: none
  std::size_t labels = 0;
  // A network id: its footprint (municipalities touched: own actor and seated organisations;
  // region-wide actors do not count), level municipality.
  std::string network;
  std::string title;  // default: the data set's title and what is shown
  bool scale_bar = true, north_arrow = false;
  double width = 1000;
  MembershipFilter filter;
};

// The names `color` and `markers` accept: "coverage", "networks", "per-capita", "none", then the
// measure names of centrality/measures.hpp.
std::vector<std::string> map_value_names();

// Throws std::invalid_argument for an unknown value name, network id, palette or classing, DataError
// if the geography has no boundaries.
MapSpec collaboration_map_spec(const Dataset& dataset, const Geography& geography,
                               const CollaborationMapOptions& options);
std::string collaboration_map(const Dataset& dataset, const Geography& geography,
                              const CollaborationMapOptions& options);
// A map of options.values alone (no data set): the choropleth with the drawing choices of
// `options`; std::invalid_argument unless values has one entry per place of the level.
MapSpec place_values_map_spec(const Geography& geography, const CollaborationMapOptions& options);

// ---------------------------------------------------------------- label placement
struct LabelBox {
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  [[nodiscard]] bool overlaps(const LabelBox& other) const noexcept {
    return x0 < other.x1 && other.x0 < x1 && y0 < other.y1 && other.y0 < y1;
  }
};

struct LabelCandidate {
  std::string text;
  double x = 0, y = 0;   // the anchor point (a place centre)
  double clearance = 0;  // keep this far from the anchor (its marker's radius)
  double priority = 0;   // higher first
};

struct PlacedLabel {
  std::size_t candidate = 0;   // index into the candidates
  double x = 0, y = 0;         // text baseline position
  std::string anchor;          // SVG text-anchor: start, end or middle
  LabelBox box;
};

// Greedy by priority (ties: input order): each label tries right, left, above and below its anchor
// and takes the first position whose box (width ≈ 0.6·font_size per character) stays inside `frame`
// and overlaps no placed label and no obstacle; labels with no such position are left out.
std::vector<PlacedLabel> place_labels(std::span<const LabelCandidate> candidates,
                                      std::span<const LabelBox> obstacles, const LabelBox& frame, double font_size);

}  // namespace alueverkko::render
