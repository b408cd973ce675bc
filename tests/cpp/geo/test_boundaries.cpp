// load_boundaries: the mini geography with a hand-made 3 x 2 grid of unit squares (outlines counted
// by hand), missing and extra codes, no boundaries file, and the bundled fi-2021.
#include <alueverkko/core/diagnostics.hpp>
#include <alueverkko/geo/boundaries.hpp>
#include <alueverkko/geo/geography.hpp>
#include <alueverkko/geo/projection.hpp>

#include <catch2/catch.hpp>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <utility>
#include <set>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using namespace alueverkko;
using namespace alueverkko::geo;

namespace {

const fs::path mini_dir = fs::path(ALUEVERKKO_SOURCE_DIR) / "tests" / "data" / "valid-mini" / "geography" / "mini-2021";
const fs::path bundled_dir = fs::path(ALUEVERKKO_SOURCE_DIR) / "data" / "geography" / "fi-2021";

// A TopoJSON of unit squares: codes[j * width + i] at x in [i, i+1], y in [j, j+1]; one arc per
// unit edge, every ring bottom, right, ~top, ~left.
std::string grid_topojson(int width, int height, const std::vector<std::string>& codes) {
  const auto h = [&](int i, int j) { return j * width + i; };
  const auto v = [&](int i, int j) { return (height + 1) * width + j * (width + 1) + i; };
  std::string arcs;
  const auto add_arc = [&](int i0, int j0, int i1, int j1) {
    if (!arcs.empty()) arcs += ',';
    arcs += '[';
    for (const auto& [i, j] : {std::pair{i0, j0}, std::pair{i1, j1}}) {
      arcs += '[';
      arcs += std::to_string(i);
      arcs += ',';
      arcs += std::to_string(j);
      arcs += i == i0 && j == j0 ? "]," : "]";
    }
    arcs += ']';
  };
  for (int j = 0; j <= height; ++j)
    for (int i = 0; i < width; ++i) add_arc(i, j, i + 1, j);
  for (int j = 0; j < height; ++j)
    for (int i = 0; i <= width; ++i) add_arc(i, j, i, j + 1);
  std::string geometries;
  for (int j = 0; j < height; ++j)
    for (int i = 0; i < width; ++i) {
      if (!geometries.empty()) geometries += ",\n";
      geometries += "{\"type\": \"Polygon\", \"arcs\": [[";
      for (const int ref : {h(i, j), v(i + 1, j), ~h(i, j + 1), ~v(i, j)}) {
        geometries += std::to_string(ref);
        geometries += ref == ~v(i, j) ? "" : ",";
      }
      geometries += "]], \"properties\": {\"code\": \"";
      geometries += codes.at(static_cast<std::size_t>(j * width + i));
      geometries += "\"}}";
    }
  std::string text = "{\"type\": \"Topology\", \"objects\": {\"municipalities\": {\"type\": \"GeometryCollection\", ";
  text += "\"geometries\": [\n";
  text += geometries;
  text += "]}},\n\"arcs\": [";
  text += arcs;
  text += "]}\n";
  return text;
}

// A copy of the mini geography with the given boundaries file, removed at the end of the test.
struct ScratchGeography {
  fs::path dir;
  explicit ScratchGeography(const std::string& topojson) {
    dir = fs::temp_directory_path() / ("alueverkko_test_boundaries_" + std::to_string(getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir);
    for (const auto& entry : fs::directory_iterator(mini_dir)) fs::copy_file(entry.path(), dir / entry.path().filename());
    std::ofstream(dir / "boundaries.topo.json") << topojson;
  }
  ~ScratchGeography() { fs::remove_all(dir); }
};

std::vector<std::string> codes(const TopoObject& object) {
  std::vector<std::string> out;
  for (const TopoGeometry& g : object.geometries) out.push_back(g.code);
  return out;
}

}  // namespace

TEST_CASE("boundaries: the mini geography on a grid, dissolved by its own assignment", "[boundaries]") {
  // Row 0: 018 (sub-region 015), 049 (011), 091 (011); row 1: 322 (025), 445 (025), 638 (015).
  // Regions: 01 = 018, 049, 091, 638 (an L); 02 = 322, 445. Written out of code order on purpose.
  const ScratchGeography scratch(grid_topojson(3, 2, {"018", "049", "091", "322", "445", "638"}));
  const Boundaries b = load_boundaries(load_geography(scratch.dir));
  CHECK(codes(b.municipalities) == std::vector<std::string>{"018", "049", "091", "322", "445", "638"});
  CHECK(codes(b.subregions) == std::vector<std::string>{"011", "015", "025"});
  CHECK(codes(b.regions) == std::vector<std::string>{"01", "02"});
  CHECK(b.subregions.name == "subregions");
  CHECK(b.regions.geometries[0].name == "Uusimaa");
  CHECK(&b.at(PlaceLevel::municipality) == &b.municipalities);
  CHECK(&b.at(PlaceLevel::subregion) == &b.subregions);
  CHECK(&b.at(PlaceLevel::region) == &b.regions);

  const auto shape = [&](PlaceLevel level, const std::string& code) {
    const TopoObject& o = b.at(level);
    return b.topology.shape(o.geometries.at(o.find(code)));
  };
  CHECK(area(shape(PlaceLevel::subregion, "011")) == 2);
  CHECK(shape(PlaceLevel::subregion, "015").size() == 2);  // 018 and 638 do not touch
  CHECK(area(shape(PlaceLevel::subregion, "015")) == 2);
  CHECK(area(shape(PlaceLevel::region, "01")) == 4);
  CHECK(shape(PlaceLevel::region, "01").size() == 1);
  CHECK(b.regions.geometries[0].polygons[0][0].size() == 10);  // the L's perimeter
  const BoundingBox l = bounding_box(shape(PlaceLevel::region, "01"));
  CHECK((l.min_x == 0 && l.min_y == 0 && l.max_x == 3 && l.max_y == 2));

  // 17 unit edges: between sub-regions all but the 2 inside 011 and 025; between regions all but
  // the 3 inside 01 and the 1 inside 02.
  CHECK(b.border_arcs(PlaceLevel::municipality).size() == 17);
  CHECK(b.border_arcs(PlaceLevel::subregion).size() == 15);
  CHECK(b.border_arcs(PlaceLevel::region).size() == 13);
}

TEST_CASE("boundaries: missing and extra municipality codes are reported together", "[boundaries]") {
  const ScratchGeography scratch(grid_topojson(3, 2, {"018", "049", "091", "322", "445", "999"}));
  const Geography geography = load_geography(scratch.dir);
  try {
    load_boundaries(geography);
    FAIL("no error");
  } catch (const DataError& e) {
    const std::string file = (scratch.dir / "boundaries.topo.json").string();
    REQUIRE(e.diagnostics().size() == 2);
    CHECK(e.diagnostics()[0].to_string() ==
          file + ":0:0: object 'municipalities' lacks 1 municipality of geography 'mini-2021': '638'");
    CHECK(e.diagnostics()[1].to_string() ==
          file + ":0:0: object 'municipalities' has 1 code that is not a municipality of geography 'mini-2021': '999'");
  }
}

TEST_CASE("boundaries: a geography without a boundaries file", "[boundaries]") {
  const Geography geography = load_geography(mini_dir);
  try {
    load_boundaries(geography);
    FAIL("no error");
  } catch (const DataError& e) {
    REQUIRE(e.diagnostics().size() == 1);
    CHECK(e.diagnostics()[0].to_string() == (mini_dir / "boundaries.topo.json").string() +
                                                ":0:0: file not found: geography 'mini-2021' has no boundaries (a "
                                                "TopoJSON file with an object 'municipalities')");
  }
}

TEST_CASE("boundaries: bundled fi-2021 has 309 municipalities, 69 sub-regions, 19 regions", "[boundaries]") {
  const Geography geography = load_geography(bundled_dir);
  const Boundaries b = load_boundaries(geography);
  std::vector<std::string> expected;
  for (const Municipality& m : geography.municipalities()) expected.push_back(m.code);
  CHECK(codes(b.municipalities) == expected);
  expected.clear();
  for (const Subregion& s : geography.subregions()) expected.push_back(s.code);
  CHECK(codes(b.subregions) == expected);
  expected.clear();
  for (const Region& r : geography.regions()) expected.push_back(r.code);
  CHECK(codes(b.regions) == expected);
  CHECK(b.municipalities.geometries.size() == 309);
  CHECK(b.subregions.geometries.size() == 69);
  CHECK(b.regions.geometries.size() == 19);
  for (const TopoGeometry& g : b.subregions.geometries) CHECK(g.name == geography.find_subregion(g.code)->name_fi);

  // Uusimaa (01): its projected area is the sum of its municipalities' projected areas.
  const auto projected_area = [&](const TopoObject& o, const std::string& code) {
    return area(etrs_tm35fin().forward(b.topology.shape(o.geometries.at(o.find(code)))));
  };
  double sum = 0;
  for (const std::size_t m : geography.municipalities_in_region("01"))
    sum += projected_area(b.municipalities, geography.municipalities()[m].code);
  CHECK(projected_area(b.regions, "01") == Approx(sum).epsilon(1e-9));
  CHECK(b.regions.geometries[0].name == "Uusimaa");

  // Coarser levels stroke a subset of the finer levels' borders.
  const auto as_set = [](const std::vector<ArcRef>& v) { return std::set<ArcRef>(v.begin(), v.end()); };
  const auto all = as_set(b.border_arcs(PlaceLevel::municipality));
  const auto sub = as_set(b.border_arcs(PlaceLevel::subregion));
  const auto reg = as_set(b.border_arcs(PlaceLevel::region));
  CHECK(all.size() == b.topology.arcs.size());
  CHECK(std::includes(all.begin(), all.end(), sub.begin(), sub.end()));
  CHECK(std::includes(sub.begin(), sub.end(), reg.begin(), reg.end()));
  CHECK(reg.size() < sub.size());
  CHECK(sub.size() < all.size());
}
