#include "html.hpp"

#include <alueverkko/io/xml.hpp>

#include <stdexcept>

namespace alueverkko::report {

HtmlWriter::HtmlWriter() : MarkupWriter("<!DOCTYPE html>\n", ">") {}

void HtmlWriter::content(std::string_view text) { out_ += xml_escape(text); }

void HtmlWriter::markup(std::string_view trusted) { out_ += trusted; }

std::string inline_svg(std::string_view svg, std::string_view id_prefix, std::string_view title) {
  const std::size_t root = svg.find("<svg");
  if (root == std::string_view::npos) throw std::invalid_argument("inline_svg: no <svg> element");
  constexpr std::string_view svg_namespace = " xmlns=\"http://www.w3.org/2000/svg\"";
  const std::string prefix(id_prefix);
  const std::string title_id = prefix + "alt";

  std::string out;
  out.reserve(svg.size() + 256);
  bool in_tag = false, root_done = false;
  // Markup boundaries are unambiguous: SvgWriter escapes '<', '>' and '"' in text and attribute
  // values, so ids and references are rewritten only inside tags.
  for (std::size_t i = root; i < svg.size(); ++i) {
    const std::string_view rest = svg.substr(i);
    const char c = svg[i];
    if (!in_tag) {
      out += c;
      in_tag = c == '<';
      continue;
    }
    if (c == '>') {
      in_tag = false;
      if (!root_done) {
        out += " role=\"img\" aria-labelledby=\"" + xml_escape(title_id) + "\"><title id=\"" + xml_escape(title_id) +
               "\">" + xml_escape(title) + "</title>";
        root_done = true;
      } else {
        out += c;
      }
      continue;
    }
    if (!root_done && rest.starts_with(svg_namespace)) {
      i += svg_namespace.size() - 1;
      continue;
    }
    bool replaced = false;
    for (const std::string_view opening : {std::string_view(" id=\""), std::string_view("url(#"), std::string_view("href=\"#")}) {
      if (rest.starts_with(opening)) {
        out += opening;
        out += xml_escape(prefix);
        i += opening.size() - 1;
        replaced = true;
        break;
      }
    }
    if (!replaced) out += c;
  }
  return out;
}

}  // namespace alueverkko::report
