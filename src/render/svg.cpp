#include <alueverkko/render/svg.hpp>

#include <alueverkko/io/xml.hpp>

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

SvgWriter::SvgWriter(double width, double height) {
  out_ = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  const std::string w = svg_number(width), h = svg_number(height);
  write_start("svg", {{"xmlns", "http://www.w3.org/2000/svg"},
                      {"width", w},
                      {"height", h},
                      {"viewBox", "0 0 " + w + " " + h}});
  out_ += ">\n";
  open_.emplace_back("svg");
}

void SvgWriter::write_start(std::string_view tag, const SvgAttributes& attributes) {
  out_ += '<';
  out_ += tag;
  for (const auto& [name, value] : attributes) {
    out_ += ' ';
    out_ += name;
    out_ += "=\"";
    out_ += xml_escape(value);
    out_ += '"';
  }
}

void SvgWriter::open(std::string_view tag, const SvgAttributes& attributes) {
  write_start(tag, attributes);
  out_ += ">\n";
  open_.emplace_back(tag);
}

void SvgWriter::close() {
  if (open_.empty()) throw std::logic_error("SvgWriter::close: nothing open");
  out_ += "</" + open_.back() + ">\n";
  open_.pop_back();
}

void SvgWriter::element(std::string_view tag, const SvgAttributes& attributes) {
  write_start(tag, attributes);
  out_ += "/>\n";
}

void SvgWriter::text(std::string_view tag, const SvgAttributes& attributes, std::string_view content) {
  write_start(tag, attributes);
  out_ += '>';
  out_ += xml_escape(content);
  out_ += "</";
  out_ += tag;
  out_ += ">\n";
}

std::string SvgWriter::finish() {
  while (!open_.empty()) close();
  return std::move(out_);
}

}  // namespace alueverkko::render
