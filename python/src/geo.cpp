// Geometry bindings: ETRS-TM35FIN projection over NumPy arrays, TopoJSON topologies and a
// geography's boundaries. Rings are (n, 2) float arrays of x, y (lon, lat or easting, northing).
#include "bindings.hpp"

#include <alueverkko/geo/boundaries.hpp>
#include <alueverkko/geo/geography.hpp>
#include <alueverkko/geo/projection.hpp>
#include <alueverkko/geo/topojson.hpp>

#include <pybind11/numpy.h>
#include <pybind11/stl.h>
#include <pybind11/stl/filesystem.h>

#include <cstring>
#include <string>
#include <vector>

namespace py = pybind11;

namespace alueverkko::python {

namespace {

using geo::Point;
using Reals = py::array_t<double, py::array::c_style | py::array::forcecast>;

// Applies `project` to every (a[i], b[i]); the results have the shape of the inputs.
template <class Project>
py::tuple map_points(const Reals& a, const Reals& b, Project project) {
  if (a.ndim() != b.ndim() || !std::equal(a.shape(), a.shape() + a.ndim(), b.shape()))
    throw py::value_error("the coordinate arrays must have the same shape");
  std::vector<py::ssize_t> shape(a.shape(), a.shape() + a.ndim());
  Reals x(shape), y(shape);
  const double* pa = a.data();
  const double* pb = b.data();
  double* px = x.mutable_data();
  double* py_ = y.mutable_data();
  const auto n = static_cast<std::size_t>(a.size());
  {
    py::gil_scoped_release release;
    for (std::size_t i = 0; i < n; ++i) {
      const Point p = project(Point{pa[i], pb[i]});
      px[i] = p.x;
      py_[i] = p.y;
    }
  }
  return py::make_tuple(x, y);
}

Reals points_array(const std::vector<Point>& points, bool projected) {
  Reals array({static_cast<py::ssize_t>(points.size()), py::ssize_t{2}});
  double* out = array.mutable_data();
  for (const Point& p : points) {
    const Point q = projected ? geo::etrs_tm35fin().forward(p) : p;
    *out++ = q.x;
    *out++ = q.y;
  }
  return array;
}

py::list shape_list(const geo::MultiPolygon& shape, bool projected) {
  py::list polygons;
  for (const geo::Polygon& polygon : shape) {
    py::list rings;
    for (const geo::Ring& ring : polygon.rings) rings.append(points_array(ring, projected));
    polygons.append(rings);
  }
  return polygons;
}

const geo::TopoGeometry& geometry_of(const geo::TopoObject& object, const std::string& code) {
  const std::size_t i = object.find(code);
  if (i == object.geometries.size())
    throw py::key_error("no geometry with code '" + code + "' in object '" + object.name + "'");
  return object.geometries[i];
}

std::vector<std::string> codes_of(const geo::TopoObject& object) {
  std::vector<std::string> codes;
  for (const geo::TopoGeometry& g : object.geometries) codes.push_back(g.code);
  return codes;
}

const char* const projected_doc =
    "projected=True gives ETRS-TM35FIN (EPSG:3067) metres, otherwise the file's WGS84 lon, lat degrees.";

}  // namespace

void bind_geo(py::module_& m) {
  m.def(
      "project_tm35fin",
      [](const Reals& lon, const Reals& lat) {
        return map_points(lon, lat, [](Point p) { return geo::etrs_tm35fin().forward(p); });
      },
      py::arg("lon"), py::arg("lat"),
      "WGS84/ETRS89 longitude, latitude (degrees) to ETRS-TM35FIN (EPSG:3067) easting, northing (metres), "
      "as arrays of the shape of the inputs. Krüger's series to n^6, as PROJ's tmerc.");
  m.def(
      "unproject_tm35fin",
      [](const Reals& x, const Reals& y) {
        return map_points(x, y, [](Point p) { return geo::etrs_tm35fin().inverse(p); });
      },
      py::arg("x"), py::arg("y"), "ETRS-TM35FIN easting, northing (metres) to longitude, latitude (degrees).");

  py::class_<geo::TopoGeometry>(m, "TopoGeometry", "A Polygon/MultiPolygon of a TopoJSON object, as arc references.")
      .def_readonly("code", &geo::TopoGeometry::code)
      .def_readonly("name", &geo::TopoGeometry::name)
      .def_readonly("polygons", &geo::TopoGeometry::polygons,
                    "polygons[p][r]: ring r (0 = exterior) as arc references; ~i = -i-1 is arc i reversed.")
      .def("__repr__", [](const geo::TopoGeometry& g) {
        return "<TopoGeometry " + g.code + " " + g.name + ": " + std::to_string(g.polygons.size()) + " polygons>";
      });

  py::class_<geo::TopoObject>(m, "TopoObject", "A GeometryCollection of a topology.")
      .def_readonly("name", &geo::TopoObject::name)
      .def_readonly("geometries", &geo::TopoObject::geometries)
      .def_property_readonly("codes", &codes_of)
      .def("geometry", &geometry_of, py::arg("code"), py::return_value_policy::reference_internal)
      .def("__len__", [](const geo::TopoObject& o) { return o.geometries.size(); })
      .def("__contains__", [](const geo::TopoObject& o, const std::string& code) {
        return o.find(code) != o.geometries.size();
      });

  py::class_<geo::Topology>(m, "Topology", "A decoded TopoJSON topology: arcs in absolute coordinates and objects.")
      .def_property_readonly("arcs",
                             [](const geo::Topology& t) {
                               py::list arcs;
                               for (const auto& arc : t.arcs) arcs.append(points_array(arc, false));
                               return arcs;
                             })
      .def_property_readonly("object_names",
                             [](const geo::Topology& t) {
                               std::vector<std::string> names;
                               for (const geo::TopoObject& o : t.objects) names.push_back(o.name);
                               return names;
                             })
      .def(
          "object",
          [](const geo::Topology& t, const std::string& name) -> const geo::TopoObject& {
            const geo::TopoObject* object = t.object(name);
            if (!object) throw py::key_error("no object '" + name + "' in the topology");
            return *object;
          },
          py::arg("name"), py::return_value_policy::reference_internal)
      .def(
          "shape",
          [](const geo::Topology& t, const geo::TopoGeometry& g, bool projected) {
            return shape_list(t.shape(g), projected);
          },
          py::arg("geometry"), py::kw_only(), py::arg("projected") = false,
          (std::string("A list of polygons, each a list of rings (n, 2): exterior counter-clockwise first, "
                       "holes clockwise. ") +
           projected_doc)
              .c_str())
      .def(
          "shape",
          [](const geo::Topology& t, const std::string& object, const std::string& code, bool projected) {
            const geo::TopoObject* o = t.object(object);
            if (!o) throw py::key_error("no object '" + object + "' in the topology");
            return shape_list(t.shape(geometry_of(*o, code)), projected);
          },
          py::arg("object"), py::arg("code"), py::kw_only(), py::arg("projected") = false)
      .def(
          "arc_points",
          [](const geo::Topology& t, geo::ArcRef ref) {
            const auto n = static_cast<geo::ArcRef>(t.arcs.size());
            if (ref >= n || ~ref >= n) throw py::index_error("arc reference out of range");
            return points_array(t.arc_points(ref), false);
          },
          py::arg("ref"));

  m.def("read_topojson", &geo::read_topojson, py::arg("path"), py::call_guard<py::gil_scoped_release>(),
        "Reads a TopoJSON file of Polygon/MultiPolygon collections with a string property 'code'; raises "
        "DataError naming file:line:column for every problem.");

  py::class_<geo::Boundaries>(m, "Boundaries",
                              "A geography's municipality polygons, with sub-regions and regions dissolved from "
                              "them by the geography's own assignment.")
      .def_readonly("topology", &geo::Boundaries::topology)
      .def_readonly("municipalities", &geo::Boundaries::municipalities)
      .def_readonly("subregions", &geo::Boundaries::subregions)
      .def_readonly("regions", &geo::Boundaries::regions)
      .def(
          "codes", [](const geo::Boundaries& b, PlaceLevel level) { return codes_of(b.at(level)); }, py::arg("level"),
          "Codes of the places of a level, sorted.")
      .def(
          "shape",
          [](const geo::Boundaries& b, PlaceLevel level, const std::string& code, bool projected) {
            return shape_list(b.topology.shape(geometry_of(b.at(level), code)), projected);
          },
          py::arg("level"), py::arg("code"), py::kw_only(), py::arg("projected") = false,
          (std::string("The polygons of one place (see Topology.shape). ") + projected_doc).c_str())
      .def(
          "areas",
          [](const geo::Boundaries& b, PlaceLevel level, bool projected) {
            const geo::TopoObject& o = b.at(level);
            Reals areas(static_cast<py::ssize_t>(o.geometries.size()));
            double* out = areas.mutable_data();
            py::gil_scoped_release release;
            for (const geo::TopoGeometry& g : o.geometries) {
              const geo::MultiPolygon shape = b.topology.shape(g);
              *out++ = geo::area(projected ? geo::etrs_tm35fin().forward(shape) : shape);
            }
            return areas;
          },
          py::arg("level"), py::kw_only(), py::arg("projected") = true,
          "Planar areas in the order of codes(level): square metres of the ETRS-TM35FIN plane (true areas times "
          "the grid scale squared, 0.9992 to 1.0035 over Finland), or square degrees if projected=False.")
      .def("border_arcs", &geo::Boundaries::border_arcs, py::arg("level"),
           "Indices of the arcs between the places of a level or on their outside: the outlines to stroke.")
      .def(
          "border_lines",
          [](const geo::Boundaries& b, PlaceLevel level, bool projected) {
            py::list lines;
            for (const geo::ArcRef ref : b.border_arcs(level)) lines.append(points_array(b.topology.arcs[static_cast<std::size_t>(ref)], projected));
            return lines;
          },
          py::arg("level"), py::kw_only(), py::arg("projected") = false,
          "The border arcs as (n, 2) arrays of points.");

  m.def("load_boundaries", &geo::load_boundaries, py::arg("geography"), py::call_guard<py::gil_scoped_release>(),
        "The geography's boundaries.topo.json: municipalities (exactly the geography's) with sub-regions and "
        "regions dissolved from them. Raises DataError if missing or invalid.");
}

}  // namespace alueverkko::python
