// Dissolve: unit-square grids whose outlines can be counted by hand (a hole, two parts touching at
// a corner, a hole touching the outline), and the bundled file, whose "subregions" and "regions"
// objects were made independently by a TopoJSON merge in Python.
#include <alueverkko/geo/dissolve.hpp>
#include <alueverkko/geo/geography.hpp>

#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using namespace alueverkko;
using namespace alueverkko::geo;

namespace {

// A width x height grid of unit squares, one arc per unit edge. Square (i, j) has code
// labels[j * width + i] and is the ring bottom, right, ~top, ~left (counter-clockwise).
struct Grid {
  Topology topology;
  TopoObject squares;
};

Grid make_grid(int width, int height, const std::vector<std::string>& labels) {
  Grid grid;
  const auto px = [](int i, int j) { return Point{static_cast<double>(i), static_cast<double>(j)}; };
  std::map<std::pair<int, int>, ArcRef> horizontal, vertical;  // edge from (i, j) to the east / north
  for (int j = 0; j <= height; ++j)
    for (int i = 0; i < width; ++i) {
      horizontal[{i, j}] = static_cast<ArcRef>(grid.topology.arcs.size());
      grid.topology.arcs.push_back({px(i, j), px(i + 1, j)});
    }
  for (int j = 0; j < height; ++j)
    for (int i = 0; i <= width; ++i) {
      vertical[{i, j}] = static_cast<ArcRef>(grid.topology.arcs.size());
      grid.topology.arcs.push_back({px(i, j), px(i, j + 1)});
    }
  for (int j = 0; j < height; ++j)
    for (int i = 0; i < width; ++i) {
      TopoGeometry square;
      square.code = std::to_string(i) + "," + std::to_string(j);
      square.name = labels.at(static_cast<std::size_t>(j * width + i));
      square.polygons = {{{horizontal[{i, j}], vertical[{i + 1, j}], ~horizontal[{i, j + 1}], ~vertical[{i, j}]}}};
      grid.squares.geometries.push_back(square);
    }
  return grid;
}

// The label is the group.
std::string by_name(const TopoGeometry& g) { return g.name; }

std::size_t ring_count(const TopoGeometry& g) {
  std::size_t n = 0;
  for (const auto& polygon : g.polygons) n += polygon.size();
  return n;
}

// The arcs of a geometry as a sorted multiset of indices (direction and ring order dropped).
std::vector<std::size_t> arc_multiset(const TopoGeometry& g) {
  std::vector<std::size_t> arcs;
  for (const auto& polygon : g.polygons)
    for (const auto& ring : polygon)
      for (const ArcRef ref : ring) arcs.push_back(static_cast<std::size_t>(ref < 0 ? ~ref : ref));
  std::sort(arcs.begin(), arcs.end());
  return arcs;
}

}  // namespace

TEST_CASE("dissolve: two groups of a 2 x 2 grid become two rectangles", "[dissolve]") {
  const Grid grid = make_grid(2, 2, {"low", "low", "high", "high"});
  const TopoObject merged = dissolve(grid.topology, grid.squares, by_name, "halves");
  CHECK(merged.name == "halves");
  REQUIRE(merged.geometries.size() == 2);
  CHECK(merged.geometries[0].code == "high");  // sorted by group code
  CHECK(merged.geometries[1].code == "low");
  for (const TopoGeometry& g : merged.geometries) {
    const MultiPolygon shape = grid.topology.shape(g);
    REQUIRE(shape.size() == 1);
    REQUIRE(shape[0].rings.size() == 1);
    CHECK(g.polygons[0][0].size() == 6);  // perimeter 6 unit edges
    CHECK(area(shape) == 2);
  }
  const BoundingBox low = bounding_box(grid.topology.shape(merged.geometries[1]));
  CHECK((low.min_x == 0 && low.max_x == 2 && low.min_y == 0 && low.max_y == 1));

  // Borders: the 8 outer edges and the 2 edges between the halves (not the 2 inside them).
  CHECK(group_border_arcs(grid.squares, by_name).size() == 10);
}

TEST_CASE("dissolve: a ring of squares around another group has a hole", "[dissolve]") {
  const Grid grid = make_grid(3, 3, {"r", "r", "r", "r", "c", "r", "r", "r", "r"});
  const TopoObject merged = dissolve(grid.topology, grid.squares, by_name, "x");
  REQUIRE(merged.geometries.size() == 2);
  const TopoGeometry& ring = merged.geometries[1];
  REQUIRE(ring.code == "r");
  REQUIRE(ring.polygons.size() == 1);
  REQUIRE(ring.polygons[0].size() == 2);
  CHECK(ring.polygons[0][0].size() == 12);
  CHECK(ring.polygons[0][1].size() == 4);
  const MultiPolygon shape = grid.topology.shape(ring);
  CHECK(signed_area(shape[0].rings[0]) == 9);
  CHECK(signed_area(shape[0].rings[1]) == -1);
  CHECK(area(shape) == 8);
  CHECK(area(grid.topology.shape(merged.geometries[0])) == 1);
  // All 24 edges are borders: 12 outside, 4 around the centre, 8 between squares of one group are not.
  CHECK(group_border_arcs(grid.squares, by_name).size() == 24 - 8);
}

TEST_CASE("dissolve: parts touching at a corner become separate polygons", "[dissolve]") {
  // a b
  // b a  (row 0 at the bottom): the a squares meet only at (1, 1).
  const Grid grid = make_grid(2, 2, {"a", "b", "b", "a"});
  const TopoObject merged = dissolve(grid.topology, grid.squares, by_name, "x");
  for (const TopoGeometry& g : merged.geometries) {
    INFO(g.code);
    REQUIRE(g.polygons.size() == 2);
    for (const auto& polygon : g.polygons) {
      REQUIRE(polygon.size() == 1);
      CHECK(polygon[0].size() == 4);
    }
    const MultiPolygon shape = grid.topology.shape(g);
    CHECK(area(shape) == 2);
    for (const Polygon& p : shape) CHECK(p.rings[0].size() == 5);  // no point visited twice
  }
}

TEST_CASE("dissolve: a hole touching the outline at a point stays a hole", "[dissolve]") {
  // Row 2 (top): o o x; row 1: o x o; row 0: o o o. The x at (1, 1) and (2, 2) meet at (2, 2).
  const Grid grid = make_grid(3, 3, {"o", "o", "o", "o", "x", "o", "o", "o", "x"});
  const TopoObject merged = dissolve(grid.topology, grid.squares, by_name, "x");
  const TopoGeometry& o = merged.geometries.at(merged.find("o"));
  REQUIRE(o.polygons.size() == 1);
  REQUIRE(o.polygons[0].size() == 2);
  CHECK(o.polygons[0][0].size() == 12);
  CHECK(o.polygons[0][1].size() == 4);
  CHECK(area(grid.topology.shape(o)) == 7);
  const TopoGeometry& x = merged.geometries.at(merged.find("x"));
  CHECK(x.polygons.size() == 2);
  CHECK(area(grid.topology.shape(x)) == 2);
}

TEST_CASE("dissolve: members without a group are left out; clockwise members are turned", "[dissolve]") {
  Grid grid = make_grid(3, 1, {"g", "", "g"});
  // Write the first square clockwise (as some TopoJSON writers do).
  auto& first = grid.squares.geometries[0].polygons[0][0];
  std::reverse(first.begin(), first.end());
  for (ArcRef& ref : first) ref = ~ref;
  const TopoObject merged = dissolve(grid.topology, grid.squares, by_name, "x");
  REQUIRE(merged.geometries.size() == 1);
  CHECK(merged.geometries[0].polygons.size() == 2);
  CHECK(area(grid.topology.shape(merged.geometries[0])) == 2);
  // The ungrouped square's own outer edges are not borders; its sides toward g are (used once).
  CHECK(group_border_arcs(grid.squares, by_name).size() == 8);
}

TEST_CASE("dissolve: the bundled sub-regions and regions equal the file's TopoJSON merge", "[dissolve]") {
  const fs::path dir = fs::path(ALUEVERKKO_SOURCE_DIR) / "data" / "geography" / "fi-2021";
  const Geography geography = load_geography(dir);
  const Topology t = read_topojson(dir / "boundaries.topo.json");
  const TopoObject& municipalities = *t.object("municipalities");
  std::map<std::string, double> municipality_area;
  for (const TopoGeometry& m : municipalities.geometries) municipality_area[m.code] = area(t.shape(m));

  for (const bool regions : {false, true}) {
    const auto group_of = [&](const TopoGeometry& m) {
      const Municipality* found = geography.find_municipality(m.code);
      return regions ? found->region_code : found->subregion_code;
    };
    const TopoObject merged = dissolve(t, municipalities, group_of, regions ? "regions" : "subregions");
    const TopoObject& oracle = *t.object(regions ? "regions" : "subregions");
    REQUIRE(merged.geometries.size() == (regions ? 19u : 69u));
    REQUIRE(merged.geometries.size() == oracle.geometries.size());
    for (const TopoGeometry& g : merged.geometries) {
      INFO((regions ? "region " : "sub-region ") << g.code);
      const std::size_t o = oracle.find(g.code);
      REQUIRE(o < oracle.geometries.size());
      const TopoGeometry& expected = oracle.geometries[o];
      CHECK(arc_multiset(g) == arc_multiset(expected));
      CHECK(ring_count(g) == ring_count(expected));
      CHECK(g.polygons.size() == expected.polygons.size());
      const MultiPolygon shape = t.shape(g), expected_shape = t.shape(expected);
      double sum = 0;
      for (const std::size_t m : regions ? geography.municipalities_in_region(g.code)
                                         : geography.municipalities_in_subregion(g.code))
        sum += municipality_area.at(geography.municipalities()[m].code);
      CHECK(area(shape) == Approx(sum).epsilon(1e-9));
      CHECK(area(shape) == Approx(area(expected_shape)).epsilon(1e-9));
      const BoundingBox box = bounding_box(shape), expected_box = bounding_box(expected_shape);
      CHECK(box.min_x == expected_box.min_x);
      CHECK(box.min_y == expected_box.min_y);
      CHECK(box.max_x == expected_box.max_x);
      CHECK(box.max_y == expected_box.max_y);
    }
  }
}
