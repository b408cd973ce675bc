// Maps (render/map.hpp) from the bundled fi-2021 geography and idea_call_2021: structure of the
// SVG (one path per place, outlines, legend classes, attribution), class counts against the
// classification, edges and markers, the footprint, hostile names escaped, errors; label placement.
#include <alueverkko/data/dataset.hpp>
#include <alueverkko/geo/boundaries.hpp>
#include <alueverkko/geo/geography.hpp>
#include <alueverkko/metrics/coverage.hpp>
#include <alueverkko/render/map.hpp>

#include <catch2/catch.hpp>

#include <cmath>
#include <filesystem>
#include <limits>
#include <stdexcept>
#include <string>
#include <vector>

using namespace alueverkko;
using namespace alueverkko::render;

namespace {

const std::filesystem::path source_dir = ALUEVERKKO_SOURCE_DIR;

const Geography& fi2021() {
  static const Geography g = load_geography(source_dir / "data/geography/fi-2021");
  return g;
}

const Dataset& idea_call() {
  static const Dataset d = load_dataset(source_dir / "data/collaborations/idea_call_2021", fi2021());
  return d;
}

std::size_t count(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (auto pos = text.find(what); pos != std::string::npos; pos = text.find(what, pos + what.size())) ++n;
  return n;
}

}  // namespace

TEST_CASE("municipality choropleth: 309 paths, classes as classified, legend, attribution", "[map]") {
  CollaborationMapOptions options;
  options.color = "networks";
  options.labels = 10;
  const MapSpec spec = collaboration_map_spec(idea_call(), fi2021(), options);
  REQUIRE(spec.values.size() == 309);
  // The values are municipality_participation's `networks` column.
  const Table table = municipality_participation(idea_call(), fi2021());
  const auto& networks = std::get<Table::Integers>(table.column("networks").values);
  for (std::size_t i = 0; i < 309; ++i) CHECK(spec.values[i] == static_cast<double>(networks[i]));

  const std::string svg = render_map(spec, fi2021());
  CHECK(count(svg, "class=\"place municipality\"") == 309);
  CHECK(count(svg, "id=\"region-outlines\"") == 1);
  const Classification c = classify(spec.values, spec.classing, spec.classes);
  CHECK(count(svg, "class=\"legend-class\"") == c.classes());
  for (std::size_t k = 0; k < c.classes(); ++k) {
    CHECK(count(svg, "data-class=\"" + std::to_string(k) + "\" fill=") == c.counts[k]);
    CHECK(count(svg, "data-class=\"" + std::to_string(k) + "\" data-count=\"" + std::to_string(c.counts[k]) + "\"") == 1);
  }
  CHECK(count(svg, "class=\"legend-nodata\"") == 1);
  CHECK(svg.find("Statistics Finland") != std::string::npos);
  CHECK(svg.find("National Land Survey of Finland") != std::string::npos);
  CHECK(svg.find("id=\"scale-bar\"") != std::string::npos);
  CHECK(svg.find("id=\"north-arrow\"") == std::string::npos);
  const auto labels = count(svg, "class=\"label\"");
  CHECK(labels >= 5);
  CHECK(labels <= 10);
}

TEST_CASE("region map with edges, markers and a north arrow", "[map]") {
  CollaborationMapOptions options;
  options.level = PlaceLevel::region;
  options.color = "coverage";
  options.edges = MapEdges::top_k;
  options.top_k = 12;
  options.markers = "degree";
  options.north_arrow = true;
  const MapSpec spec = collaboration_map_spec(idea_call(), fi2021(), options);
  CHECK(spec.edges.size() == 12);
  for (std::size_t i = 1; i < spec.edges.size(); ++i) CHECK(spec.edges[i - 1].weight >= spec.edges[i].weight);
  const std::string svg = render_map(spec, fi2021());
  CHECK(count(svg, "class=\"place region\"") == 19);
  CHECK(count(svg, "class=\"place municipality\"") == 0);
  CHECK(count(svg, "class=\"edge\"") == 12);
  CHECK(count(svg, "class=\"legend-edge\"") >= 2);
  CHECK(count(svg, "class=\"marker\"") >= 10);
  CHECK(svg.find("id=\"north-arrow\"") != std::string::npos);
  // Shares of covered municipalities lie in [0, 1].
  for (const double v : spec.values) CHECK((v >= 0 && v <= 1));
}

TEST_CASE("footprint of one network: its municipalities and its lead", "[map]") {
  CollaborationMapOptions options;
  options.network = "p03";
  options.labels = 5;
  const MapSpec spec = collaboration_map_spec(idea_call(), fi2021(), options);
  // network_footprint counts the same municipalities (named + seats, default options).
  const Table footprint = network_footprint(idea_call(), fi2021());
  const auto& ids = std::get<Table::Strings>(footprint.column("network_id").values);
  const auto& touched = std::get<Table::Integers>(footprint.column("municipalities").values);
  const auto row = static_cast<std::size_t>(std::find(ids.begin(), ids.end(), "p03") - ids.begin());
  REQUIRE(row < ids.size());
  CHECK(spec.footprint.size() == static_cast<std::size_t>(touched[row]));
  const std::string svg = render_map(spec, fi2021());
  CHECK(count(svg, "data-footprint=\"1\"") == spec.footprint.size());
  CHECK(count(svg, "class=\"place municipality\"") == 309);
  if (!spec.footprint_lead.empty()) CHECK(svg.find("id=\"lead\"") != std::string::npos);
  CHECK(svg.find("class=\"legend-footprint\"") != std::string::npos);
}

TEST_CASE("hostile names are escaped, bad specs rejected", "[map]") {
  const geo::Boundaries boundaries = geo::load_boundaries(fi2021());
  MapSpec spec;
  spec.level = PlaceLevel::region;
  spec.values.assign(19, 1.0);
  spec.values[3] = std::numeric_limits<double>::quiet_NaN();
  spec.value_name = "<script>alert(1)</script> & \"x\"";
  spec.title = "A & B <b>";
  spec.source_lines = {"Data: 'quoted' <i>"};
  const std::string svg = render_map(spec, fi2021(), boundaries);
  CHECK(svg.find("<script>") == std::string::npos);
  CHECK(svg.find("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;x&quot;") != std::string::npos);
  CHECK(svg.find("A &amp; B &lt;b&gt;") != std::string::npos);
  CHECK(svg.find("<b>") == std::string::npos);
  CHECK(count(svg, "fill=\"url(#no-data)\"") == 2);  // the region and the legend swatch
  spec.values.resize(5);
  CHECK_THROWS_WITH(render_map(spec, fi2021(), boundaries), Catch::Contains("5 values for 19 places"));
  spec.values.assign(19, 1.0);
  spec.palette = "Jet";
  CHECK_THROWS_AS(render_map(spec, fi2021(), boundaries), std::invalid_argument);
  CollaborationMapOptions options;
  options.color = "nonsense";
  CHECK_THROWS_WITH(collaboration_map_spec(idea_call(), fi2021(), options), Catch::Contains("per-capita"));
  options.color = "networks";
  options.network = "no-such-network";
  CHECK_THROWS_WITH(collaboration_map_spec(idea_call(), fi2021(), options), Catch::Contains("no-such-network"));
}

TEST_CASE("label placement: priority first, no overlaps, obstacles and frame respected", "[map]") {
  const LabelBox frame{0, 0, 200, 100};
  // Font 10: 0.6·10 = 6 per character, gap 3. Anchors with a marker (clearance 2): right of it
  // first; two labels at the same anchor: the second goes left.
  const std::vector<LabelCandidate> candidates{
      {"low", 100, 50, 2, 1}, {"high", 100, 50, 2, 5}, {"edge", 198, 50, 2, 3}, {"blocked", 20, 10, 2, 0}};
  const std::vector<LabelBox> obstacles{{0, 0, 60, 30}};
  const auto placed = place_labels(candidates, obstacles, frame, 10);
  REQUIRE(placed.size() == 3);
  CHECK(placed[0].candidate == 1);  // "high" first, to the right
  CHECK(placed[0].anchor == "start");
  CHECK(placed[0].box.x0 == Approx(105));
  CHECK(placed[0].box.x1 == Approx(129));
  CHECK(placed[1].candidate == 2);  // "edge" cannot go right (frame): left
  CHECK(placed[1].anchor == "end");
  CHECK(placed[2].candidate == 0);  // "low": left of the shared anchor
  CHECK(placed[2].anchor == "end");
  for (std::size_t i = 0; i < placed.size(); ++i)
    for (std::size_t j = i + 1; j < placed.size(); ++j) CHECK_FALSE(placed[i].box.overlaps(placed[j].box));
  // Without a marker the label is centred on its anchor (over its own area), else as above.
  // "next", 8 below, overlaps it centred, right and left: it goes below its anchor.
  const std::vector<LabelCandidate> bare{{"mid", 150, 60, 0, 2}, {"next", 150, 68, 0, 1}};
  const auto centred = place_labels(bare, {}, frame, 10);
  REQUIRE(centred.size() == 2);
  CHECK(centred[0].anchor == "middle");
  CHECK(centred[0].box.x0 == Approx(141));
  CHECK(centred[0].box.x1 == Approx(159));
  CHECK(centred[1].box.y0 == Approx(71));
  CHECK_FALSE(centred[0].box.overlaps(centred[1].box));
}
