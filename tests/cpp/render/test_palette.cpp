// Palettes (render/palette.hpp): the published endpoints of viridis and the ColorBrewer schemes,
// counts, errors, and lightness that runs one way only (CIE L* from sRGB, computed here).
#include <alueverkko/render/palette.hpp>

#include <catch2/catch.hpp>

#include <cmath>
#include <stdexcept>

using namespace alueverkko::render;

namespace {

// CIE L* of an sRGB colour (D65): linearise, Y = 0.2126 R + 0.7152 G + 0.0722 B, L* = 116 f(Y) − 16.
double lightness(const Rgb& c) {
  const auto linear = [](std::uint8_t v) {
    const double s = v / 255.0;
    return s <= 0.04045 ? s / 12.92 : std::pow((s + 0.055) / 1.055, 2.4);
  };
  const double y = 0.2126 * linear(c.r) + 0.7152 * linear(c.g) + 0.0722 * linear(c.b);
  return y > 216.0 / 24389.0 ? 116.0 * std::cbrt(y) - 16.0 : y * 24389.0 / 27.0;
}

}  // namespace

TEST_CASE("viridis endpoints and middle match the published table", "[palette]") {
  CHECK(viridis(0.0).hex() == "#440154");  // (0.267004, 0.004874, 0.329415)
  CHECK(viridis(1.0).hex() == "#fde725");  // (0.993248, 0.906157, 0.143936)
  CHECK(viridis(128.0 / 255.0).hex() == "#21918c");  // entry 128: (0.121148, 0.592739, 0.544641)
  CHECK(viridis(-3.0) == viridis(0.0));
  CHECK(viridis(7.0) == viridis(1.0));
  CHECK(viridis(std::nan("")) == viridis(0.0));
}

TEST_CASE("viridis gets lighter all the way", "[palette]") {
  // Every 5th entry: rounded to 8 bits, neighbouring entries may tie or swap by 0.03 L*.
  double previous = -1;
  for (int i = 0; i < 256; i += 5) {
    const double l = lightness(viridis(i / 255.0));
    CHECK(l > previous);
    previous = l;
  }
}

TEST_CASE("ColorBrewer schemes: published endpoints, 3..9 classes, light to dark", "[palette]") {
  CHECK(palette("Blues", 3).front().hex() == "#deebf7");
  CHECK(palette("Blues", 9).back().hex() == "#08306b");
  CHECK(palette("YlGnBu", 9).back().hex() == "#081d58");
  CHECK(palette("YlOrRd", 5).back().hex() == "#bd0026");
  CHECK(palette("Greens", 7).front().hex() == "#edf8e9");
  CHECK(palette("Purples", 9).back().hex() == "#3f007d");
  for (const auto& name : palette_names()) {
    for (std::size_t k = 3; k <= 9; ++k) {
      const auto colours = palette(name, k);
      REQUIRE(colours.size() == k);
      for (std::size_t i = 1; i < k; ++i) {
        INFO(name << " with " << k << " classes, colour " << i);
        if (name == "viridis")
          CHECK(lightness(colours[i]) > lightness(colours[i - 1]));
        else
          CHECK(lightness(colours[i]) < lightness(colours[i - 1]));
      }
    }
  }
}

TEST_CASE("palette: viridis samples evenly, errors name the problem", "[palette]") {
  const auto five = palette("viridis", 5);
  CHECK(five.front() == viridis(0.0));
  CHECK(five[2] == viridis(0.5));
  CHECK(five.back() == viridis(1.0));
  CHECK(palette("viridis", 1).front() == viridis(0.5));
  CHECK(palette_names() == std::vector<std::string>{"viridis", "Blues", "YlGnBu", "YlOrRd", "Greens", "Purples"});
  CHECK_THROWS_AS(palette("viridis", 0), std::invalid_argument);
  CHECK_THROWS_WITH(palette("Blues", 2), Catch::Contains("3 to 9"));
  CHECK_THROWS_AS(palette("Blues", 10), std::invalid_argument);
  CHECK_THROWS_WITH(palette("Jet", 5), Catch::Contains("unknown palette 'Jet'") && Catch::Contains("YlGnBu"));
  CHECK(Rgb{0, 15, 255}.hex() == "#000fff");
}
