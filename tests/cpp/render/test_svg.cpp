// The SVG writer (render/svg.hpp): structure, escaping of hostile text, numbers.
#include <alueverkko/render/svg.hpp>

#include <catch2/catch.hpp>

#include <limits>
#include <stdexcept>
#include <string>

using namespace alueverkko::render;

TEST_CASE("svg writer nests, closes and escapes", "[svg]") {
  SvgWriter svg(100, 50.25);
  svg.open("g", {{"id", "a\"b"}});
  svg.element("rect", {{"x", svg_number(1.25, 1)}, {"width", "10"}});
  svg.text("text", {{"class", "t"}}, "<script>alert(1)</script> & 'x'\n\x01");
  const std::string out = svg.finish();
  CHECK(out.rfind("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\"", 0) == 0);
  CHECK(out.find("viewBox=\"0 0 100 50.2\"") != std::string::npos);  // %.1f: 50.25 is 50.2 in binary
  CHECK(out.find("<g id=\"a&quot;b\">") != std::string::npos);
  CHECK(out.find("<rect x=\"1.2\" width=\"10\"/>") != std::string::npos);
  CHECK(out.find("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &apos;x&apos;&#10;\uFFFD</text>") != std::string::npos);
  CHECK(out.find("<script>") == std::string::npos);
  CHECK(out.find('\x01') == std::string::npos);
  CHECK(out.size() > 12);
  CHECK(out.substr(out.size() - 12) == "</g>\n</svg>\n");
}

TEST_CASE("svg numbers", "[svg]") {
  CHECK(svg_number(3.0) == "3");
  CHECK(svg_number(-0.04) == "0");
  CHECK(svg_number(2.56, 2) == "2.56");
  CHECK(svg_number(1000.0, 0) == "1000");
  CHECK_THROWS_AS(svg_number(std::numeric_limits<double>::infinity()), std::invalid_argument);
  SvgWriter svg(1, 1);
  svg.close();
  CHECK_THROWS_AS(svg.close(), std::logic_error);
}
