// SVG → PNG/PDF (alueverkko/render/raster.hpp): PNGs decoded again with cairo's own PNG reader
// (size, signature, the colour of a known filled rectangle), PDFs by their header and page box,
// and librsvg's errors as exceptions.
#include <alueverkko/render/raster.hpp>

#include <catch2/catch.hpp>

#include <cairo/cairo.h>  // the library links cairo; its headers sit under cairo/

#include <cstdint>
#include <cstring>
#include <memory>
#include <sstream>
#include <string>

using namespace alueverkko::render;

namespace {

// 200×100 user units: left half red, right half blue (opaque), nothing else.
const std::string two_rects =
    R"(<svg xmlns="http://www.w3.org/2000/svg" width="200pt" height="100pt" viewBox="0 0 200 100">)"
    R"(<rect x="0" y="0" width="100" height="100" fill="#ff0000"/>)"
    R"(<rect x="100" y="0" width="100" height="100" fill="#0000ff"/></svg>)";

struct Reader {
  const std::string* bytes;
  std::size_t offset = 0;
};

cairo_status_t read_chunk(void* closure, unsigned char* data, unsigned int length) {
  auto* r = static_cast<Reader*>(closure);
  if (r->offset + length > r->bytes->size()) return CAIRO_STATUS_READ_ERROR;
  std::memcpy(data, r->bytes->data() + r->offset, length);
  r->offset += length;
  return CAIRO_STATUS_SUCCESS;
}

using Surface = std::unique_ptr<cairo_surface_t, decltype(&cairo_surface_destroy)>;

Surface decode_png(const std::string& png) {
  Reader reader{&png};
  Surface s(cairo_image_surface_create_from_png_stream(read_chunk, &reader), &cairo_surface_destroy);
  REQUIRE(cairo_surface_status(s.get()) == CAIRO_STATUS_SUCCESS);
  return s;
}

// ARGB32 pixel (premultiplied; opaque here) as 0xAARRGGBB.
std::uint32_t pixel(cairo_surface_t* s, int x, int y) {
  cairo_surface_flush(s);
  const unsigned char* row = cairo_image_surface_get_data(s) + y * cairo_image_surface_get_stride(s);
  std::uint32_t value = 0;
  std::memcpy(&value, row + 4 * x, 4);
  return value;
}

}  // namespace

TEST_CASE("svg_to_png: requested width, aspect ratio, PNG signature and colours", "[raster]") {
  const std::string png = svg_to_png(two_rects, 300);
  REQUIRE(png.size() > 8);
  CHECK(png.compare(0, 8, std::string("\x89PNG\r\n\x1a\n", 8)) == 0);
  const Surface s = decode_png(png);
  CHECK(cairo_image_surface_get_width(s.get()) == 300);
  CHECK(cairo_image_surface_get_height(s.get()) == 150);
  CHECK(pixel(s.get(), 10, 75) == 0xffff0000u);   // red half
  CHECK(pixel(s.get(), 290, 75) == 0xff0000ffu);  // blue half
  CHECK(pixel(s.get(), 149, 10) == 0xffff0000u);
  CHECK(pixel(s.get(), 151, 140) == 0xff0000ffu);
}

TEST_CASE("svg_to_png: transparent where the SVG draws nothing; viewBox-only SVGs", "[raster]") {
  const std::string svg = R"(<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 40 20">)"
                          R"(<rect x="0" y="0" width="20" height="20" fill="#00ff00"/></svg>)";
  const Surface s = decode_png(svg_to_png(svg, 80));
  CHECK(cairo_image_surface_get_height(s.get()) == 40);
  CHECK(pixel(s.get(), 10, 10) == 0xff00ff00u);
  CHECK(pixel(s.get(), 70, 10) == 0x00000000u);
}

TEST_CASE("svg_to_pdf: a PDF of the SVG's size in points", "[raster]") {
  const std::string pdf = svg_to_pdf(two_rects);
  REQUIRE(pdf.size() > 100);
  CHECK(pdf.compare(0, 5, "%PDF-") == 0);
  CHECK(pdf.find("%%EOF") != std::string::npos);
  // 200pt × 100pt page.
  const auto box = pdf.find("/MediaBox [");
  REQUIRE(box != std::string::npos);
  const auto end = pdf.find(']', box);
  std::istringstream numbers(pdf.substr(box + 11, end - box - 11));
  double x0 = -1, y0 = -1, x1 = -1, y1 = -1;
  numbers >> x0 >> y0 >> x1 >> y1;
  CHECK((x0 == 0 && y0 == 0 && x1 == 200 && y1 == 100));
}

TEST_CASE("raster: invalid input is an error with librsvg's message", "[raster]") {
  CHECK_THROWS_WITH(svg_to_png("<svg><unclosed", 100), Catch::Contains("invalid SVG"));
  CHECK_THROWS_WITH(svg_to_pdf("not xml at all"), Catch::Contains("invalid SVG"));
  CHECK_THROWS_AS(svg_to_png(two_rects, 0), std::invalid_argument);
  CHECK_THROWS_AS(svg_to_png(two_rects, -5), std::invalid_argument);
  const std::string sizeless = R"(<svg xmlns="http://www.w3.org/2000/svg"><rect width="5" height="5"/></svg>)";
  CHECK_THROWS_WITH(svg_to_png(sizeless, 10), Catch::Contains("no size"));
}
