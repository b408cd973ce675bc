#include <alueverkko/io/geojson.hpp>

#include <catch2/catch.hpp>

#include <cmath>
#include <sstream>

using namespace alueverkko;

namespace {

GraphTables small() {
  GraphTables t;
  t.nodes.add_column("id", Table::Strings{"091", "049", "c6"});
  t.nodes.add_column("label", Table::Strings{"<script>alert(1)</script>", "Espoo \"Esbo\" & co\n", "Kuusikko"});
  t.nodes.add_column("place", Table::Integers{1, 1, 0});
  t.nodes.add_column("population", Table::Reals{658457, std::nan(""), 0});
  t.nodes.add_column("lon", Table::Reals{24.9384, 24.6559, std::nan("")});
  t.nodes.add_column("lat", Table::Reals{60.1699, 60.2055, std::nan("")});
  t.edges.add_column("source", Table::Strings{"049", "049"});
  t.edges.add_column("target", Table::Strings{"091", "c6"});
  t.edges.add_column("weight", Table::Reals{0.5, 2});
  t.boolean_columns = {"place"};
  t.description = "test";
  return t;
}

std::size_t occurrences(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (auto pos = text.find(what); pos != std::string::npos; pos = text.find(what, pos + what.size())) ++n;
  return n;
}

}  // namespace

TEST_CASE("GeoJSON writes places as points and edges as lines between them", "[geojson]") {
  const GraphTables t = small();
  std::ostringstream out;
  const GeojsonCounts counts = write_geojson(out, &t);
  const std::string json = out.str();
  CHECK(counts.places == 2);  // c6 has no coordinates
  CHECK(counts.edges == 1);
  CHECK(counts.edges_without_position == 1);
  CHECK(counts.areas == 0);
  CHECK(json.rfind("{\"type\": \"FeatureCollection\", \"name\": \"alueverkko\", \"description\": \"test\", \"features\": [", 0) == 0);
  CHECK(occurrences(json, "\"type\": \"Feature\"") == 3);
  CHECK(json.find("{\"type\": \"Feature\", \"properties\": {\"feature_kind\": \"edge\", \"source\": \"049\", "
                  "\"target\": \"091\", \"weight\": 0.5, \"source_name\": \"Espoo \\\"Esbo\\\" \\u0026 co\\n\", "
                  "\"target_name\": \"\\u003cscript\\u003ealert(1)\\u003c/script\\u003e\"}, \"geometry\": "
                  "{\"type\": \"LineString\", \"coordinates\": [[24.6559, 60.2055], [24.9384, 60.1699]]}}") !=
        std::string::npos);
  CHECK(json.find("\"feature_kind\": \"place\", \"id\": \"049\", \"label\": \"Espoo \\\"Esbo\\\" \\u0026 co\\n\", "
                  "\"place\": true, \"population\": null, \"lon\": 24.6559, \"lat\": 60.2055}, \"geometry\": "
                  "{\"type\": \"Point\", \"coordinates\": [24.6559, 60.2055]}}") != std::string::npos);
  CHECK(json.find("<script>") == std::string::npos);
  // Edges come before places, so that points are drawn on top.
  CHECK(json.find("\"edge\"") < json.find("\"place\""));
  CHECK(json.substr(json.size() - 4) == "\n]}\n");
}

TEST_CASE("GeoJSON areas: Polygon or MultiPolygon with the table's columns, rounded coordinates", "[geojson]") {
  const geo::Ring square{{20, 60}, {21.1234567, 60}, {21.1234567, 61}, {20, 61}, {20, 60}};
  const geo::Ring other{{22, 62}, {23, 62}, {23, 63}, {22, 62}};
  const std::vector<geo::MultiPolygon> shapes{{geo::Polygon{{square}}}, {geo::Polygon{{square}}, geo::Polygon{{other}}},
                                              {}};
  Table properties;
  properties.add_column("code", Table::Strings{"A", "B", "C"});
  properties.add_column("networks", Table::Integers{3, 0, 1});
  std::ostringstream out;
  GeojsonOptions options;
  options.decimals = 3;
  const auto counts = write_geojson(out, nullptr, {shapes, &properties}, options);
  const std::string json = out.str();
  CHECK(counts.areas == 3);
  CHECK(json.find("{\"feature_kind\": \"area\", \"code\": \"A\", \"networks\": 3}, \"geometry\": {\"type\": \"Polygon\", "
                  "\"coordinates\": [[[20, 60], [21.123, 60], [21.123, 61], [20, 61], [20, 60]]]}}") != std::string::npos);
  CHECK(json.find("\"code\": \"B\", \"networks\": 0}, \"geometry\": {\"type\": \"MultiPolygon\", \"coordinates\": "
                  "[[[[20, 60], [21.123, 60], [21.123, 61], [20, 61], [20, 60]]], "
                  "[[[22, 62], [23, 62], [23, 63], [22, 62]]]]}}") != std::string::npos);
  CHECK(json.find("\"code\": \"C\", \"networks\": 1}, \"geometry\": null}") != std::string::npos);
  CHECK(json.find("\"description\"") == std::string::npos);
}

TEST_CASE("GeoJSON layers can be chosen, and mismatched areas are refused", "[geojson]") {
  const GraphTables t = small();
  std::ostringstream out;
  GeojsonOptions options;
  options.edges = false;
  const auto counts = write_geojson(out, &t, {}, options);
  CHECK(counts.edges == 0);
  CHECK(counts.places == 2);
  CHECK(out.str().find("LineString") == std::string::npos);

  Table properties;
  properties.add_column("code", Table::Strings{"A"});
  std::ostringstream bad;
  CHECK_THROWS_AS(write_geojson(bad, nullptr, {{}, &properties}), std::invalid_argument);
  options.decimals = 20;
  CHECK_THROWS_AS(write_geojson(bad, &t, {}, options), std::invalid_argument);
}
