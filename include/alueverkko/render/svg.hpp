#pragma once
// A small SVG writer: nested elements with attributes and text, everything escaped, numbers in a
// compact fixed form. Text and attribute values go through xml_escape (io/xml.hpp). The maps are
// written with it, so no caller concatenates markup by hand.
#include <alueverkko/io/xml.hpp>

#include <string>

namespace alueverkko::render {

using SvgAttributes = MarkupAttributes;

// open/close/element/text/finish as MarkupWriter; the document is one <svg> element.
class SvgWriter : public MarkupWriter {
 public:
  // Starts <svg> with the given size in user units (width × height, viewBox 0 0 width height).
  SvgWriter(double width, double height);
};

// A number with at most `decimals` decimals, trailing zeros removed ("12.5", "3", "-0.25").
std::string svg_number(double value, int decimals = 1);

}  // namespace alueverkko::render
