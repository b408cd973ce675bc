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
  if (text == "-0") text.erase(0, 1);  // "0" (erase, not assignment: GCC 12 -Wrestrict false positive)
  return text;
}

SvgWriter::SvgWriter(double width, double height)
    : MarkupWriter("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n", "/>") {
  const std::string w = svg_number(width), h = svg_number(height);
  // Appended piecewise: GCC 12 warns falsely (-Wrestrict) on "literal" + std::string under sanitizers.
  std::string view_box = "0 0 ";
  view_box.append(w).append(" ").append(h);
  open("svg", {{"xmlns", "http://www.w3.org/2000/svg"}, {"width", w}, {"height", h}, {"viewBox", view_box}});
}

}  // namespace alueverkko::render
