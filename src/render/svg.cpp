#include <alueverkko/render/svg.hpp>

#include <cmath>
#include <cstdio>
#include <stdexcept>

namespace alueverkko::render {

std::string svg_number(double value, int decimals) {
  if (!std::isfinite(value)) throw std::invalid_argument("svg_number: not a finite number");
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.*f", decimals, value);
  std::string text = buffer;
  if (text.find('.') != std::string::npos) {
    while (text.back() == '0') text.pop_back();
    if (text.back() == '.') text.pop_back();
  }
  if (text == "-0") text = "0";
  return text;
}

SvgWriter::SvgWriter(double width, double height)
    : MarkupWriter("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n", "/>") {
  const std::string w = svg_number(width), h = svg_number(height);
  open("svg", {{"xmlns", "http://www.w3.org/2000/svg"}, {"width", w}, {"height", h}, {"viewBox", "0 0 " + w + " " + h}});
}

}  // namespace alueverkko::render
