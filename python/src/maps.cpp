// Bindings of render/map.hpp (collaboration maps as SVG) and the palettes; PNG and PDF come from
// svg_to_png/svg_to_pdf (drawing.cpp). The Map class is in alueverkko/_maps.py.
#include "arguments.hpp"
#include "bindings.hpp"

#include <alueverkko/data/dataset.hpp>
#include <alueverkko/geo/geography.hpp>
#include <alueverkko/render/map.hpp>
#include <alueverkko/render/palette.hpp>

#include <pybind11/stl.h>

namespace py = pybind11;

namespace alueverkko::python {
namespace {

PlaceLevel place_level_of(const std::string& text) {
  if (text == "municipality") return PlaceLevel::municipality;
  if (text == "subregion") return PlaceLevel::subregion;
  if (text == "region") return PlaceLevel::region;
  throw py::value_error("unknown level '" + text + "' (expected municipality, subregion or region)");
}

void set_edges(render::CollaborationMapOptions& o, const std::string& edges) {
  if (edges == "none") o.edges = render::MapEdges::none;
  else if (edges == "all") o.edges = render::MapEdges::all;
  else if (edges == "backbone") o.edges = render::MapEdges::backbone;
  else if (edges.rfind("top-", 0) == 0 && edges.size() > 4 && edges.size() < 12 &&
           edges.find_first_not_of("0123456789", 4) == std::string::npos) {
    o.edges = render::MapEdges::top_k;
    o.top_k = std::stoul(edges.substr(4));
  } else {
    throw py::value_error("edges: expected 'none', 'all', 'backbone' or 'top-K', not '" + edges + "'");
  }
}

// The drawing choices shared by both kinds of map.
render::CollaborationMapOptions styled(const std::string& level, const std::string& classing, std::size_t classes,
                                       std::vector<double> breaks, const std::string& palette, std::size_t labels,
                                       const std::string& title, bool north_arrow, bool scale_bar, double width) {
  render::CollaborationMapOptions o;
  o.level = place_level_of(level);
  const auto c = render::parse_classing(classing);
  if (!c) throw py::value_error("classing: expected 'quantile', 'equal' or 'breaks', not '" + classing + "'");
  o.classing = *c;
  o.classes = classes;
  o.breaks = std::move(breaks);
  o.palette = palette;
  o.labels = labels;
  o.title = title;
  o.north_arrow = north_arrow;
  o.scale_bar = scale_bar;
  o.width = width;
  return o;
}

}  // namespace

void bind_maps(py::module_& m) {
  m.def(
      "collaboration_map_svg",
      [](const Dataset& d, const Geography& g, const std::string& level, const std::string& color,
         std::vector<double> values, const std::string& value_name, const std::string& classing, std::size_t classes,
         std::vector<double> breaks, const std::string& palette, const std::string& edges, double alpha,
         const std::string& markers, std::size_t labels, const std::string& network, const std::string& title,
         bool north_arrow, bool scale_bar, double width, const py::kwargs& filters) {
        render::CollaborationMapOptions o =
            styled(level, classing, classes, std::move(breaks), palette, labels, title, north_arrow, scale_bar, width);
        o.color = color;
        o.values = std::move(values);
        o.value_name = value_name;
        set_edges(o, edges);
        o.backbone_alpha = alpha;
        o.markers = markers;
        o.network = network;
        o.filter = filter_of(filters);
        py::gil_scoped_release release;
        return render::collaboration_map(d, g, o);
      },
      py::arg("dataset"), py::arg("geography"), py::kw_only(), py::arg("level") = "municipality",
      py::arg("color") = "networks", py::arg("values") = std::vector<double>{}, py::arg("value_name") = "",
      py::arg("classing") = "quantile", py::arg("classes") = 5, py::arg("breaks") = std::vector<double>{},
      py::arg("palette") = "YlGnBu", py::arg("edges") = "none", py::arg("alpha") = 0.05, py::arg("markers") = "",
      py::arg("labels") = 0, py::arg("network") = "", py::arg("title") = "", py::arg("north_arrow") = false,
      py::arg("scale_bar") = true, py::arg("width") = 1000.0,
      "The collaboration map of a data set as an SVG string (see docs/maps.md). `values` (one per place of the "
      "level, NaN = no data) replace `color`. Filters as keyword arguments: status=, role=, track=, theme=, "
      "start=/end=.");
  m.def(
      "place_values_map_svg",
      [](const Geography& g, std::vector<double> values, const std::string& level, const std::string& value_name,
         const std::string& classing, std::size_t classes, std::vector<double> breaks, const std::string& palette,
         std::size_t labels, const std::string& title, const std::string& source, bool north_arrow, bool scale_bar,
         double width) {
        render::CollaborationMapOptions o =
            styled(level, classing, classes, std::move(breaks), palette, labels, title, north_arrow, scale_bar, width);
        o.values = std::move(values);
        o.value_name = value_name;
        py::gil_scoped_release release;
        render::MapSpec spec = render::place_values_map_spec(g, o);
        if (!source.empty()) spec.source_lines.push_back("Data: " + source + ".");
        return render::render_map(spec, g);
      },
      py::arg("geography"), py::arg("values"), py::kw_only(), py::arg("level") = "municipality",
      py::arg("value_name") = "", py::arg("classing") = "quantile", py::arg("classes") = 5,
      py::arg("breaks") = std::vector<double>{}, py::arg("palette") = "YlGnBu", py::arg("labels") = 0,
      py::arg("title") = "", py::arg("source") = "", py::arg("north_arrow") = false, py::arg("scale_bar") = true,
      py::arg("width") = 1000.0,
      "A choropleth of your own values (one per place of the level in the geography's order, NaN = no data) as "
      "an SVG string.");
  m.def("map_value_names", &render::map_value_names, "Values a map can show: coverage, networks, per-capita, none, measures.");
  m.def("palette_names", &render::palette_names, "Palettes for maps: viridis and ColorBrewer sequential schemes.");
  m.def(
      "palette",
      [](const std::string& name, std::size_t classes) {
        std::vector<std::string> hex;
        for (const auto& c : render::palette(name, classes)) hex.push_back(c.hex());
        return hex;
      },
      py::arg("name"), py::arg("classes"), "The colours of a palette as '#rrggbb' strings.");
}

}  // namespace alueverkko::python
