#pragma once
// A small SVG writer: nested elements with attributes and text, everything escaped, numbers in a
// compact fixed form. Text and attribute values go through xml_escape (io/xml.hpp). The maps are
// written with it, so no caller concatenates markup by hand.
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace alueverkko::render {

using SvgAttributes = std::vector<std::pair<std::string, std::string>>;

class SvgWriter {
 public:
  // Starts <svg> with the given size in user units (width × height, viewBox 0 0 width height).
  SvgWriter(double width, double height);

  // <tag attrs> … until close(); attributes are escaped.
  void open(std::string_view tag, const SvgAttributes& attributes = {});
  void close();
  // <tag attrs/>.
  void element(std::string_view tag, const SvgAttributes& attributes);
  // <tag attrs>text</tag>, the text escaped.
  void text(std::string_view tag, const SvgAttributes& attributes, std::string_view content);

  // Closes every open element and </svg>; the document. The writer is empty afterwards.
  [[nodiscard]] std::string finish();

 private:
  void write_start(std::string_view tag, const SvgAttributes& attributes);
  std::string out_;
  std::vector<std::string> open_;
};

// A number with at most `decimals` decimals, trailing zeros removed ("12.5", "3", "-0.25").
std::string svg_number(double value, int decimals = 1);

}  // namespace alueverkko::render
