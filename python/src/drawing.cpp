// Bindings of the Graphviz drawings (render/graphviz.hpp), the DOT writer (io/dot.hpp) and the SVG
// rasteriser (render/raster.hpp). Positions cross as (n, 2) float arrays; images as bytes.
#include "arguments.hpp"
#include "bindings.hpp"

#include <alueverkko/geo/geography.hpp>
#include <alueverkko/io/dot.hpp>
#include <alueverkko/render/graphviz.hpp>
#include <alueverkko/render/raster.hpp>

#include <pybind11/numpy.h>
#include <pybind11/stl.h>

#include <sstream>

namespace py = pybind11;

namespace alueverkko::python {
namespace {

using Points = py::array_t<double, py::array::c_style | py::array::forcecast>;

std::vector<geo::Point> points_of(const Points& array, std::size_t n) {
  if (array.ndim() != 2 || array.shape(1) != 2 || static_cast<std::size_t>(array.shape(0)) != n)
    throw py::value_error("positions must be an array of shape (" + std::to_string(n) + ", 2): one (x, y) per vertex");
  std::vector<geo::Point> out(n);
  const double* data = array.data();
  for (std::size_t i = 0; i < n; ++i) out[i] = {data[2 * i], data[2 * i + 1]};
  return out;
}

py::array_t<double> array_of(std::span<const geo::Point> points) {
  py::array_t<double> out({static_cast<py::ssize_t>(points.size()), py::ssize_t{2}});
  auto view = out.mutable_unchecked<2>();
  for (std::size_t i = 0; i < points.size(); ++i) {
    view(static_cast<py::ssize_t>(i), 0) = points[i].x;
    view(static_cast<py::ssize_t>(i), 1) = points[i].y;
  }
  return out;
}

std::string dot_of(const WeightedGraph& g, const std::optional<Points>& positions) {
  std::vector<geo::Point> pinned;
  if (positions) pinned = points_of(*positions, g.vertex_count());
  std::ostringstream out;
  write_dot(g, out, {.positions = pinned});
  return out.str();
}

}  // namespace

void bind_drawing(py::module_& m) {
  py::register_exception<render::GraphvizError>(m, "GraphvizError", PyExc_RuntimeError);

  py::class_<render::GraphDrawing>(m, "GraphDrawing",
                                   "A Graphviz drawing: construct, run() to lay out, then positions, bounding_box "
                                   "and render(format). Prefer alueverkko.draw() and alueverkko.layout().")
      .def(py::init([](const WeightedGraph& g, const std::string& engine, std::uint64_t seed,
                       const std::optional<Points>& positions, std::vector<double> size, std::vector<double> color,
                       std::vector<std::string> labels, double min_node_size, double max_node_size,
                       double min_penwidth, double max_penwidth, std::string graph_attributes, std::string font,
                       double font_size) {
             render::DrawingOptions o;
             o.engine = render::layout_engine_from_string(engine);
             o.seed = seed;
             if (positions) o.positions = points_of(*positions, g.vertex_count());
             o.size_values = std::move(size);
             o.color_values = std::move(color);
             o.labels = std::move(labels);
             o.min_node_size = min_node_size;
             o.max_node_size = max_node_size;
             o.min_penwidth = min_penwidth;
             o.max_penwidth = max_penwidth;
             o.graph_attributes = std::move(graph_attributes);
             o.font = std::move(font);
             o.font_size = font_size;
             return render::GraphDrawing(g, std::move(o));
           }),
           py::arg("graph"), py::kw_only(), py::arg("engine") = "sfdp", py::arg("seed") = 1,
           py::arg("positions") = py::none(), py::arg("size") = std::vector<double>{},
           py::arg("color") = std::vector<double>{}, py::arg("labels") = std::vector<std::string>{},
           py::arg("min_node_size") = 5.0, py::arg("max_node_size") = 24.0, py::arg("min_penwidth") = 0.25,
           py::arg("max_penwidth") = 4.0, py::arg("graph_attributes") = "", py::arg("font") = "DejaVu Sans",
           py::arg("font_size") = 8.0)
      .def("run", &render::GraphDrawing::run, py::call_guard<py::gil_scoped_release>(),
           "Lays the graph out (GraphvizError with Graphviz's message if it fails).")
      .def_property_readonly("done", &render::GraphDrawing::done)
      .def_property_readonly(
          "positions", [](const render::GraphDrawing& d) { return array_of(d.positions()); },
          "Node centres, (n, 2) in points (1/72 inch), y up.")
      .def_property_readonly(
          "bounding_box",
          [](const render::GraphDrawing& d) {
            const geo::BoundingBox b = d.bounding_box();
            return py::make_tuple(b.min_x, b.min_y, b.max_x, b.max_y);
          },
          "(min_x, min_y, max_x, max_y) of the drawing, in points.")
      .def(
          "render",
          [](const render::GraphDrawing& d, const std::string& format) {
            const render::DrawingFormat f = render::drawing_format_from_string(format);
            std::string bytes;
            {
              py::gil_scoped_release release;
              bytes = d.render(f);
            }
            return py::bytes(bytes);
          },
          py::arg("format"), "The drawing as 'svg', 'png', 'pdf' or 'dot' (pinned positions) bytes.");

  m.def(
      "geographic_positions",
      [](const WeightedGraph& g, const Geography& geography, const std::string& level, double height, double margin) {
        return array_of(render::geographic_positions(g, geography, level_of(level), height, margin));
      },
      py::arg("graph"), py::arg("geography"), py::arg("level") = "municipality", py::kw_only(),
      py::arg("height") = 720.0, py::arg("margin") = 24.0,
      "Map positions (n, 2) in points of a graph of places (labels: codes of `level`): projected municipal "
      "centres (ETRS-TM35FIN), regions at their population-weighted mean; foreign actors east of the map.");
  m.def("to_dot", &dot_of, py::arg("graph"), py::arg("positions") = py::none(),
        "The graph as Graphviz DOT text: weight (the graph's), penwidth (drawing width); with positions (n, 2) in "
        "points, pinned pos=\"x,y!\" for `neato -n2`.");
  m.def(
      "svg_to_png",
      [](const std::string& svg, int width) {
        std::string png;
        {
          py::gil_scoped_release release;
          png = render::svg_to_png(svg, width);
        }
        return py::bytes(png);
      },
      py::arg("svg"), py::arg("width"), "PNG bytes of an SVG document, `width` pixels wide (librsvg + cairo).");
  m.def(
      "svg_to_pdf",
      [](const std::string& svg) {
        std::string pdf;
        {
          py::gil_scoped_release release;
          pdf = render::svg_to_pdf(svg);
        }
        return py::bytes(pdf);
      },
      py::arg("svg"), "PDF bytes of an SVG document at its own size (librsvg + cairo).");
}

}  // namespace alueverkko::python
