// Graphviz layouts and drawings (alueverkko/render/graphviz.hpp): every engine gives one finite
// position per vertex inside the bounding box, the same for the same seed; the drawing's DOT read
// by Graphviz's own `neato -n2` puts every node where positions() says; geometric facts of circo
// (a cycle on a circle) and dot (a path on one vertical line); Graphviz's errors as exceptions;
// geographic positions checked against the projection's linearity.
#include <alueverkko/geo/geography.hpp>
#include <alueverkko/geo/projection.hpp>
#include <alueverkko/render/graphviz.hpp>
#include <alueverkko/render/palette.hpp>

#include <catch2/catch.hpp>

#include <array>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <thread>

#include <unistd.h>

namespace fs = std::filesystem;
using namespace alueverkko;
using namespace alueverkko::render;

namespace {

WeightedGraph cycle(std::size_t n) {
  std::vector<WeightedEdge> edges;
  std::vector<std::string> labels;
  for (std::uint32_t i = 0; i < n; ++i) {
    edges.push_back({i, static_cast<std::uint32_t>((i + 1) % n), 1.0 + i});
    labels.push_back(std::string(1, 'v').append(std::to_string(i)));  // not "v" + …: GCC 12 -Wrestrict false positive
  }
  return WeightedGraph::from_edges(n, edges, WeightMeaning::affinity, labels);
}

// Two triangles joined by one edge, plus an isolated vertex.
WeightedGraph small_graph() {
  const std::vector<WeightedEdge> edges{{0, 1, 3}, {1, 2, 1}, {0, 2, 2}, {2, 3, 0.5}, {3, 4, 1}, {4, 5, 1}, {3, 5, 4}};
  return WeightedGraph::from_edges(7, edges, WeightMeaning::affinity, {"a", "b", "c", "d", "e", "f", "lonely"});
}

std::vector<geo::Point> laid_out(const WeightedGraph& g, DrawingOptions options) {
  GraphDrawing drawing(g, std::move(options));
  drawing.run();
  return {drawing.positions().begin(), drawing.positions().end()};
}

std::string run_graphviz(const std::string& command, const std::string& dot) {
  const fs::path file = fs::temp_directory_path() / ("alueverkko_test_gv_" + std::to_string(getpid()) + ".gv");
  std::ofstream(file) << dot;
  std::string output;
  FILE* pipe = popen((command + " '" + file.string() + "'").c_str(), "r");
  REQUIRE(pipe);
  std::array<char, 4096> buffer{};
  while (const std::size_t n = std::fread(buffer.data(), 1, buffer.size(), pipe)) output.append(buffer.data(), n);
  REQUIRE(pclose(pipe) == 0);
  fs::remove(file);
  return output;
}

// "node NAME X Y ..." of -Tplain, in points.
std::map<std::string, geo::Point> plain_nodes(const std::string& text) {
  std::map<std::string, geo::Point> nodes;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) {
    std::istringstream fields(line);
    std::string kind, name;
    double x = 0, y = 0;
    fields >> kind >> name >> x >> y;
    if (kind == "node") nodes[name] = {x * 72, y * 72};
  }
  return nodes;
}

}  // namespace

TEST_CASE("graphviz: every engine places every vertex, deterministically", "[graphviz]") {
  const WeightedGraph g = small_graph();
  for (const LayoutEngine engine :
       {LayoutEngine::sfdp, LayoutEngine::fdp, LayoutEngine::neato, LayoutEngine::circo, LayoutEngine::dot}) {
    INFO(to_string(engine));
    GraphDrawing drawing(g, {.engine = engine, .seed = 7});
    CHECK_FALSE(drawing.done());
    CHECK_THROWS_AS(drawing.positions(), std::logic_error);
    drawing.run();
    REQUIRE(drawing.positions().size() == g.vertex_count());
    const geo::BoundingBox bb = drawing.bounding_box();
    CHECK(bb.max_x > bb.min_x);
    CHECK(bb.max_y > bb.min_y);
    for (const geo::Point& p : drawing.positions()) {
      CHECK(std::isfinite(p.x));
      CHECK(std::isfinite(p.y));
      CHECK(p.x >= bb.min_x);
      CHECK(p.x <= bb.max_x);
      CHECK(p.y >= bb.min_y);
      CHECK(p.y <= bb.max_y);
    }
    // Nodes are distinct points.
    for (std::size_t u = 0; u < g.vertex_count(); ++u)
      for (std::size_t v = u + 1; v < g.vertex_count(); ++v)
        CHECK(std::hypot(drawing.positions()[u].x - drawing.positions()[v].x,
                         drawing.positions()[u].y - drawing.positions()[v].y) > 1.0);
    // Graphviz 2.43's fdp keeps state from one layout to the next in a process (repeatable only
    // per process: tests/cli); the others repeat to rounding (1e-13 pt seen).
    if (engine == LayoutEngine::fdp) continue;
    const std::vector<geo::Point> again = laid_out(g, {.engine = engine, .seed = 7});
    for (std::size_t v = 0; v < again.size(); ++v) {
      CHECK(again[v].x == Approx(drawing.positions()[v].x).margin(1e-9));
      CHECK(again[v].y == Approx(drawing.positions()[v].y).margin(1e-9));
    }
  }
}

TEST_CASE("graphviz: the seed changes the force-directed start", "[graphviz]") {
  const WeightedGraph g = cycle(12);
  CHECK(laid_out(g, {.engine = LayoutEngine::neato, .seed = 1}) !=
        laid_out(g, {.engine = LayoutEngine::neato, .seed = 2}));
}

TEST_CASE("graphviz: circo puts a cycle on a circle, dot a path on a line", "[graphviz]") {
  const std::vector<geo::Point> ring = laid_out(cycle(9), {.engine = LayoutEngine::circo});
  geo::Point centre;
  for (const geo::Point& p : ring) centre = {centre.x + p.x / 9, centre.y + p.y / 9};
  const double r0 = std::hypot(ring[0].x - centre.x, ring[0].y - centre.y);
  CHECK(r0 > 10);
  for (const geo::Point& p : ring) CHECK(std::hypot(p.x - centre.x, p.y - centre.y) == Approx(r0).epsilon(0.01));

  const std::vector<WeightedEdge> path_edges{{0, 1, 1}, {1, 2, 1}, {2, 3, 1}};
  const auto path = WeightedGraph::from_edges(4, path_edges, WeightMeaning::affinity, {"p", "q", "r", "s"});
  const std::vector<geo::Point> ranks = laid_out(path, {.engine = LayoutEngine::dot});
  for (std::size_t v = 1; v < 4; ++v) {
    CHECK(ranks[v].x == Approx(ranks[0].x));
    CHECK(ranks[v].y < ranks[v - 1].y);  // top to bottom, one rank each
  }
}

TEST_CASE("graphviz: the drawing's DOT keeps positions() under neato -n2", "[graphviz]") {
  for (const LayoutEngine engine : {LayoutEngine::sfdp, LayoutEngine::circo}) {
    GraphDrawing drawing(small_graph(), {.engine = engine, .seed = 3});
    drawing.run();
    const std::string dot = drawing.render(DrawingFormat::dot);
    const auto nodes = plain_nodes(run_graphviz("neato -n2 -Tplain", dot));
    REQUIRE(nodes.size() == 7);
    const auto labels = drawing.graph().labels();
    for (std::size_t v = 0; v < labels.size(); ++v) {
      INFO(labels[v]);
      REQUIRE(nodes.count(labels[v]) == 1);
      CHECK(nodes.at(labels[v]).x == Approx(drawing.positions()[v].x).margin(0.01));
      CHECK(nodes.at(labels[v]).y == Approx(drawing.positions()[v].y).margin(0.01));
    }
  }
}

TEST_CASE("graphviz: pinned positions, styles and formats", "[graphviz]") {
  const WeightedGraph g = cycle(4);
  DrawingOptions o{.engine = LayoutEngine::pinned};
  o.positions = {{50, 50}, {250, 50}, {250, 150}, {50, 150}};
  o.size_values = {1, 2, 3, 4};
  o.color_values = {0, 0, 10, 5};
  o.labels = {"<script>alert(1)</script>", "", "A & B", "say \"hi\""};
  GraphDrawing drawing(g, o);
  drawing.run();
  CHECK(std::equal(o.positions.begin(), o.positions.end(), drawing.positions().begin()));
  const geo::BoundingBox bb = drawing.bounding_box();
  // The largest node (d = 24) at x = 50; at x = 250 the one of t = 2/3, d = sqrt(25 + 551 · 2/3).
  CHECK(bb.min_x <= 50 - 12);
  CHECK(bb.max_x >= 250 + std::sqrt(25 + 551 * 2.0 / 3) / 2 - 0.01);

  const std::string dot = drawing.render(DrawingFormat::dot);
  // Area ∝ value: diameters sqrt(5² + (24² − 5²)·t) points, t = 0, 1/3, 2/3, 1; in inches.
  CHECK(dot.find("\"v0\" [label=\"\", pos=\"50,50!\", width=\"0.06944444444444445\"") != std::string::npos);
  CHECK(dot.find("width=\"" + std::to_string(24.0 / 72).substr(0, 6)) != std::string::npos);
  CHECK(dot.find("fillcolor=\"" + viridis(0).hex() + '"') != std::string::npos);
  CHECK(dot.find("fillcolor=\"" + viridis(1).hex() + '"') != std::string::npos);
  CHECK(dot.find("fillcolor=\"" + viridis(0.5).hex() + '"') != std::string::npos);
  CHECK(dot.find("xlabel=\"A &amp; B\"") != std::string::npos);

  const std::string svg = drawing.render(DrawingFormat::svg);
  CHECK(svg.find("<svg") != std::string::npos);
  CHECK(svg.find("<script>") == std::string::npos);
  CHECK(svg.find("&lt;script&gt;alert(1)&lt;/script&gt;") != std::string::npos);
  CHECK(svg.find("A &amp; B") != std::string::npos);
  const std::string png = drawing.render(DrawingFormat::png);
  CHECK(png.compare(0, 8, std::string("\x89PNG\r\n\x1a\n", 8)) == 0);
  const std::string pdf = drawing.render(DrawingFormat::pdf);
  CHECK(pdf.compare(0, 5, "%PDF-") == 0);
}

TEST_CASE("graphviz: bad options and Graphviz's own errors", "[graphviz]") {
  const WeightedGraph g = cycle(3);
  CHECK_THROWS_AS(GraphDrawing(g, {.engine = LayoutEngine::pinned}), std::invalid_argument);
  DrawingOptions nan_size;
  nan_size.size_values = {1, NAN, 2};
  CHECK_THROWS_WITH(GraphDrawing(g, nan_size), Catch::Contains("finite"));
  DrawingOptions short_colour;
  short_colour.color_values = {1, 2};
  CHECK_THROWS_WITH(GraphDrawing(g, short_colour), Catch::Contains("2 values for a graph of 3"));
  CHECK_THROWS_AS(layout_engine_from_string("twopi"), std::invalid_argument);
  CHECK(layout_engine_from_string("circo") == LayoutEngine::circo);
  CHECK(drawing_format_from_string("pdf") == DrawingFormat::pdf);
  CHECK_THROWS_AS(drawing_format_from_string("gif"), std::invalid_argument);

  // Graphviz's own message (a syntax error in extra attributes), not noise on stderr.
  DrawingOptions broken;
  broken.graph_attributes = "rankdir=";
  GraphDrawing drawing(g, broken);
  CHECK_THROWS_WITH(drawing.run(), Catch::Contains("Graphviz reading the DOT failed") && Catch::Contains("syntax error"));
  CHECK_FALSE(drawing.done());
  // A warning (a label that is not UTF-8, read as Latin-1) is no error.
  DrawingOptions latin1;
  latin1.labels = {"Hyvink\xe4\xe4", "", ""};
  GraphDrawing warned(g, latin1);
  CHECK_NOTHROW(warned.run());
  // Extra attributes reach Graphviz: dot from left to right.
  const std::vector<WeightedEdge> path_edges{{0, 1, 1}, {1, 2, 1}};
  const auto path = WeightedGraph::from_edges(3, path_edges, WeightMeaning::affinity, {"p", "q", "r"});
  const auto lr = laid_out(path, {.engine = LayoutEngine::dot, .graph_attributes = "rankdir=\"LR\""});
  CHECK(lr[1].x > lr[0].x);
  CHECK(lr[1].y == Approx(lr[0].y));
}

TEST_CASE("graphviz: drawings in parallel threads equal drawings in series", "[graphviz]") {
  const WeightedGraph g = small_graph();
  const auto serial = laid_out(g, {.engine = LayoutEngine::neato, .seed = 5});
  std::vector<std::vector<geo::Point>> results(4);
  std::vector<std::thread> threads;
  for (std::size_t i = 0; i < results.size(); ++i)
    threads.emplace_back([&, i] { results[i] = laid_out(g, {.engine = LayoutEngine::neato, .seed = 5}); });
  for (std::thread& t : threads) t.join();
  for (const auto& r : results)
    for (std::size_t v = 0; v < r.size(); ++v) {
      CHECK(r[v].x == Approx(serial[v].x).margin(1e-9));
      CHECK(r[v].y == Approx(serial[v].y).margin(1e-9));
    }
}

TEST_CASE("graphviz: geographic positions are linear in the projected centres", "[graphviz]") {
  const Geography geo = load_geography(fs::path(ALUEVERKKO_SOURCE_DIR) / "data" / "geography" / "fi-2021");
  const auto municipalities = geo.municipalities();
  std::vector<std::string> codes;
  for (const Municipality& m : municipalities) codes.push_back(m.code);
  codes.push_back("FOREIGN-1");
  codes.push_back("FOREIGN-2");
  const auto all = WeightedGraph::from_edges(codes.size(), {}, WeightMeaning::affinity, codes);
  const std::vector<geo::Point> p = geographic_positions(all, geo, ActorLevel::municipality, 720, 24);
  double min_y = 1e300, max_y = -1e300, min_x = 1e300;
  for (std::size_t m = 0; m < municipalities.size(); ++m) {
    min_y = std::min(min_y, p[m].y);
    max_y = std::max(max_y, p[m].y);
    min_x = std::min(min_x, p[m].x);
  }
  CHECK(min_y == Approx(24));
  CHECK(max_y == Approx(744));
  CHECK(min_x == Approx(24));
  // Same metres per point both ways: Helsinki–Oulu in points ∝ their projected distance.
  const auto en = [&](const Municipality& m) { return geo::etrs_tm35fin().forward({m.centre_lon, m.centre_lat}); };
  const std::size_t hki = geo.municipality_index("091"), oulu = geo.municipality_index("564"),
                    turku = geo.municipality_index("853");
  const double scale = (p[oulu].y - p[hki].y) / (en(municipalities[oulu]).y - en(municipalities[hki]).y);
  CHECK((p[turku].x - p[hki].x) == Approx(scale * (en(municipalities[turku]).x - en(municipalities[hki]).x)));
  // Foreign actors: a column east of every municipality.
  const std::size_t n = municipalities.size();
  CHECK(p[n].x > p[hki].x);
  CHECK(p[n].x == p[n + 1].x);
  CHECK(p[n + 1].y == Approx(p[n].y - 16));

  // Regions: the population-weighted mean of their municipalities' points (the map is linear).
  std::vector<std::string> region_codes;
  for (const Region& r : geo.regions()) region_codes.push_back(r.code);
  const auto regions = WeightedGraph::from_edges(region_codes.size(), {}, WeightMeaning::affinity, region_codes);
  const std::vector<geo::Point> rp = geographic_positions(regions, geo, ActorLevel::region, 720, 24);
  for (std::size_t r = 0; r < region_codes.size(); ++r) {
    double x = 0, y = 0, total = 0;
    for (const std::size_t m : geo.municipalities_in_region(region_codes[r])) {
      const auto w = static_cast<double>(municipalities[m].population_2021);
      x += w * p[m].x;
      y += w * p[m].y;
      total += w;
    }
    CHECK(rp[r].x == Approx(x / total));
    CHECK(rp[r].y == Approx(y / total));
  }
  CHECK_THROWS_AS(geographic_positions(regions, geo, ActorLevel::actor), std::invalid_argument);
}
