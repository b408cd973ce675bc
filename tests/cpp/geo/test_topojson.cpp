// TopoJSON reading: hand-decoded small topologies (quantised and not), ring orientation, the
// broken-input corpus tests/data/topojson-broken/ with its exact messages, and the bundled file.
#include <alueverkko/core/diagnostics.hpp>
#include <alueverkko/geo/topojson.hpp>

#include <catch2/catch.hpp>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using namespace alueverkko;
using namespace alueverkko::geo;

// Defined in tests/cpp/data/test_broken_corpus.cpp, shared by the broken-input corpora.
namespace alueverkko::testing {
using DirectorySnapshot = std::map<std::string, std::pair<std::uintmax_t, fs::file_time_type>>;
DirectorySnapshot snapshot_of(const fs::path& dir);
}  // namespace alueverkko::testing

namespace {

const fs::path broken_dir = fs::path(ALUEVERKKO_SOURCE_DIR) / "tests" / "data" / "topojson-broken";
const fs::path bundled = fs::path(ALUEVERKKO_SOURCE_DIR) / "data" / "geography" / "fi-2021" / "boundaries.topo.json";

// Two unit squares sharing the arc x = 21 (lon 20..22, lat 60..61). Quantised with scale
// (0.5, 0.25) and translate (20, 60): quantised (2, 4) is (21, 61). The right square is written
// clockwise; shape() must turn it.
const char* const two_squares_quantised = R"({
  "type": "Topology",
  "transform": {"scale": [0.5, 0.25], "translate": [20, 60]},
  "objects": {"places": {"type": "GeometryCollection", "geometries": [
    {"type": "Polygon", "arcs": [[0, 1]], "properties": {"code": "A", "name_fi": "Vasen", "name": "Left"}},
    {"type": "MultiPolygon", "arcs": [[[0, -3]]], "properties": {"code": "B", "name": "Right"}}
  ]}},
  "arcs": [
    [[2, 0], [0, 4]],
    [[2, 4], [-2, 0], [0, -4], [2, 0]],
    [[2, 0], [2, 0], [0, 4], [-2, 0]]
  ]
})";

const char* const two_squares_absolute = R"({
  "type": "Topology",
  "objects": {"places": {"type": "GeometryCollection", "geometries": [
    {"type": "Polygon", "arcs": [[0, 1]], "properties": {"code": "A", "name_fi": "Vasen", "name": "Left"}},
    {"type": "MultiPolygon", "arcs": [[[0, -3]]], "properties": {"code": "B", "name": "Right"}}
  ]}},
  "arcs": [
    [[21, 60], [21, 61]],
    [[21, 61], [20, 61], [20, 60], [21, 60]],
    [[21, 60], [22, 60], [22, 61], [21, 61]]
  ]
})";

void check_two_squares(const Topology& t) {
  REQUIRE(t.arcs.size() == 3);
  CHECK(t.arcs[0] == std::vector<Point>{{21, 60}, {21, 61}});
  CHECK(t.arcs[1] == std::vector<Point>{{21, 61}, {20, 61}, {20, 60}, {21, 60}});
  CHECK(t.arcs[2] == std::vector<Point>{{21, 60}, {22, 60}, {22, 61}, {21, 61}});
  CHECK(t.arc_points(~2) == std::vector<Point>{{21, 61}, {22, 61}, {22, 60}, {21, 60}});

  const TopoObject* places = t.object("places");
  REQUIRE(places != nullptr);
  CHECK(t.object("nothing") == nullptr);
  REQUIRE(places->geometries.size() == 2);
  CHECK(places->find("B") == 1);
  CHECK(places->find("C") == 2);
  const TopoGeometry& left = places->geometries[0];
  const TopoGeometry& right = places->geometries[1];
  CHECK(left.code == "A");
  CHECK(left.name == "Vasen");  // name_fi wins over name
  CHECK(right.name == "Right");
  CHECK(left.polygons == std::vector<std::vector<std::vector<ArcRef>>>{{{0, 1}}});
  CHECK(right.polygons == std::vector<std::vector<std::vector<ArcRef>>>{{{0, ~2}}});

  const MultiPolygon a = t.shape(left);
  REQUIRE(a.size() == 1);
  CHECK(a[0].rings[0] == Ring{{21, 60}, {21, 61}, {20, 61}, {20, 60}, {21, 60}});
  const MultiPolygon b = t.shape(right);
  REQUIRE(b.size() == 1);
  REQUIRE(b[0].rings.size() == 1);
  CHECK(b[0].rings[0] == Ring{{21, 60}, {22, 60}, {22, 61}, {21, 61}, {21, 60}});  // turned counter-clockwise
  CHECK(signed_area(b[0].rings[0]) == 1);
  CHECK(area(a) == 1);
}

}  // namespace

TEST_CASE("TopoJSON: quantised arcs are delta-decoded and transformed", "[topojson]") {
  check_two_squares(parse_topojson(two_squares_quantised, "quantised.json"));
}

TEST_CASE("TopoJSON: absolute (non-quantised) arcs", "[topojson]") {
  check_two_squares(parse_topojson(two_squares_absolute, "absolute.json"));
}

TEST_CASE("TopoJSON: exteriors are made counter-clockwise and holes clockwise", "[topojson]") {
  const Topology t = parse_topojson(R"({"type": "Topology",
    "objects": {"o": {"type": "GeometryCollection", "geometries": [
      {"type": "Polygon", "arcs": [[0], [1]], "properties": {"code": "x"}}]}},
    "arcs": [[[0, 0], [0, 4], [4, 4], [4, 0], [0, 0]], [[1, 1], [2, 1], [2, 2], [1, 2], [1, 1]]]})",
                                    "holes.json");
  const MultiPolygon shape = t.shape(t.objects.at(0).geometries.at(0));
  REQUIRE(shape.size() == 1);
  REQUIRE(shape[0].rings.size() == 2);
  CHECK(signed_area(shape[0].rings[0]) == 16);
  CHECK(signed_area(shape[0].rings[1]) == -1);
  CHECK(area(shape) == 15);
  CHECK(t.objects.at(0).geometries.at(0).name.empty());
}

TEST_CASE("TopoJSON: parse_topojson names the given file in its messages", "[topojson]") {
  try {
    parse_topojson("{\"type\": \"Topology\",\n \"arcs\": []}", "inline.topo.json");
    FAIL("no error");
  } catch (const DataError& e) {
    REQUIRE(e.diagnostics().size() == 1);
    CHECK(e.diagnostics()[0].to_string() == "inline.topo.json:1:1: missing required key 'objects'");
  }
}

TEST_CASE("TopoJSON: every broken file reports exactly its expected messages, loading nothing", "[topojson]") {
  // file name -> "line:column: message" of every diagnostic, in order.
  const std::map<std::string, std::vector<std::string>> expected{
      {"arc_index_out_of_range",
       {"8:42: arc index 5 out of range: the topology has 1 arc, indices 0 to 0 (or -1 to -1 for an arc reversed)"}},
      {"arcs_not_connected", {"8:42: arc 1 starts at (20.5, 61) but the previous arc 0 ends at (21, 61)"}},
      {"code_not_string", {"8:67: 'code' must be a string, got an integer"}},
      {"duplicate_code", {"9:68: duplicate code '001' in object 'municipalities' (first at line 8)"}},
      {"missing_code", {"8:58: missing required key 'code'"}},
      {"missing_properties", {"8:9: missing required key 'properties' (an object with a string 'code')"}},
      {"missing_scale",
       {"3:16: missing required key 'scale' (a quantised topology needs 'scale': [sx, sy] and 'translate': [tx, ty])"}},
      {"non_numeric_position", {"13:14: a position must be an array of two numbers [x, y], got an array [\"2\",0]"}},
      {"not_topology", {"2:11: type must be \"Topology\", got 'FeatureCollection'"}},
      {"object_not_collection", {"6:15: object 'municipalities' must be a \"GeometryCollection\", got 'Polygon'"}},
      {"quantised_non_integer",
       {"13:14: a quantised position must be two integers (the topology has a transform), got [2.5,0]"}},
      {"ring_not_closed", {"8:38: ring does not close: it starts at (20, 60) and ends at (21, 61)"}},
      {"scale_not_pair", {"3:26: 'scale' must be an array of two numbers, got an array of 1 element"}},
      {"several_errors",
       {"8:58: missing required key 'code'",
        "9:45: arc index -3 out of range: the topology has 1 arc, indices 0 to 0 (or -1 to -1 for an arc reversed)"}},
      {"syntax_error", {"8:28: invalid JSON: syntax error while parsing object - unexpected string literal; expected '}'"}},
      {"too_few_positions", {"8:38: ring has 3 positions; a closed ring needs at least 4"}},
      {"wrong_geometry_type",
       {"8:18: geometry type 'LineString' is not supported (expected \"Polygon\" or \"MultiPolygon\")"}},
  };
  const testing::DirectorySnapshot files_before = testing::snapshot_of(broken_dir);
  // Every failed read is assigned into this valid topology: a throw must leave it whole.
  Topology topology = parse_topojson(two_squares_quantised, "quantised.json");
  std::set<std::string> seen;
  for (const auto& entry : fs::directory_iterator(broken_dir)) {
    const std::string name = entry.path().filename().string();
    const std::string stem = name.substr(0, name.find('.'));
    INFO(name);
    const auto it = expected.find(stem);
    REQUIRE(it != expected.end());  // every corpus file has its expectation here
    seen.insert(stem);
    std::ostringstream text;
    text << std::ifstream(entry.path(), std::ios::binary).rdbuf();
    for (const bool from_text : {false, true}) {
      INFO((from_text ? "parse_topojson" : "read_topojson"));
      try {
        topology = from_text ? parse_topojson(text.str(), entry.path().string()) : read_topojson(entry.path());
        FAIL("no error");
      } catch (const DataError& e) {
        std::vector<std::string> got;
        for (const Diagnostic& d : e.diagnostics()) {
          CHECK(d.file == entry.path().string());
          got.push_back(std::to_string(d.line) + ":" + std::to_string(d.column) + ": " + d.message);
        }
        CHECK(got == it->second);
      }
    }
  }
  CHECK(seen.size() == expected.size());
  check_two_squares(topology);
  CHECK(testing::snapshot_of(broken_dir) == files_before);
}

TEST_CASE("TopoJSON: a missing file", "[topojson]") {
  const fs::path missing = broken_dir / "no-such-file.json";
  try {
    read_topojson(missing);
    FAIL("no error");
  } catch (const DataError& e) {
    REQUIRE(e.diagnostics().size() == 1);
    CHECK(e.diagnostics()[0].to_string() == missing.string() + ":0:0: file not found");
  }
}

TEST_CASE("TopoJSON: the bundled boundaries decode into closed, oriented rings", "[topojson]") {
  const Topology t = read_topojson(bundled);
  std::map<std::string, std::size_t> sizes;
  for (const TopoObject& o : t.objects) sizes[o.name] = o.geometries.size();
  CHECK(sizes == std::map<std::string, std::size_t>{{"municipalities", 309}, {"regions", 19}, {"subregions", 69}});
  for (const TopoObject& o : t.objects) {
    for (const TopoGeometry& g : o.geometries) {
      INFO(o.name << " " << g.code);
      CHECK(!g.code.empty());
      CHECK(!g.name.empty());
      const MultiPolygon shape = t.shape(g);
      REQUIRE(shape.size() == g.polygons.size());
      for (const Polygon& p : shape) {
        for (std::size_t r = 0; r < p.rings.size(); ++r) {
          CHECK(p.rings[r].size() >= 4);
          CHECK(p.rings[r].front() == p.rings[r].back());
          CHECK((r == 0 ? signed_area(p.rings[r]) > 0 : signed_area(p.rings[r]) < 0));
        }
      }
      const BoundingBox box = bounding_box(shape);
      CHECK(box.min_x >= 19);
      CHECK(box.max_x <= 32);
      CHECK(box.min_y >= 59.5);
      CHECK(box.max_y <= 70.2);
    }
  }
}
