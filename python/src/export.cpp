#include "arguments.hpp"
#include "bindings.hpp"

#include <alueverkko/data/dataset.hpp>
#include <alueverkko/geo/boundaries.hpp>
#include <alueverkko/geo/geography.hpp>
#include <alueverkko/io/geojson.hpp>
#include <alueverkko/io/gexf.hpp>
#include <alueverkko/io/graph_tables.hpp>
#include <alueverkko/io/graphml.hpp>

#include <pybind11/numpy.h>
#include <pybind11/stl.h>
#include <pybind11/stl/filesystem.h>

#include <fstream>

namespace py = pybind11;

namespace alueverkko::python {
namespace {

using Positions = py::array_t<double, py::array::c_style | py::array::forcecast>;

ProjectionWeighting weighting_of(const std::string& text) {
  for (const auto w : {ProjectionWeighting::count, ProjectionWeighting::newman, ProjectionWeighting::jaccard,
                       ProjectionWeighting::overlap, ProjectionWeighting::custom})
    if (to_string(w) == text) return w;
  throw py::value_error("unknown weighting '" + text + "' (expected count, newman, jaccard, overlap or custom)");
}

PlaceLevel place_level_of(const std::string& text) {
  switch (level_of(text)) {
    case ActorLevel::municipality: return PlaceLevel::municipality;
    case ActorLevel::subregion: return PlaceLevel::subregion;
    case ActorLevel::region: return PlaceLevel::region;
    default: throw py::value_error("areas are municipalities, subregions or regions, not '" + text + "'");
  }
}

// Writes with `write` to `path` (binary, so that line ends are \n everywhere), without the GIL.
template <class Write>
void write_file(const std::filesystem::path& path, Write&& write) {
  py::gil_scoped_release release;
  std::ofstream out(path, std::ios::binary);
  if (!out) throw std::runtime_error("cannot write " + path.string());
  write(out);
  if (!out) throw std::runtime_error("writing " + path.string() + " failed");
}

std::vector<geo::Point> points_of(const std::optional<Positions>& positions) {
  std::vector<geo::Point> points;
  if (!positions) return points;
  if (positions->ndim() != 2 || positions->shape(1) != 2) throw py::value_error("positions must be an array of shape (n, 2)");
  for (py::ssize_t i = 0; i < positions->shape(0); ++i) points.push_back({positions->at(i, 0), positions->at(i, 1)});
  return points;
}

// Extra per-place columns from Python: name → sequence (str → text, int → integers, else reals).
void add_columns(Table& table, const py::dict& columns) {
  for (const auto& [key, value] : columns) {
    const auto name = key.cast<std::string>();
    const py::array array = py::array::ensure(value);
    if (array && array.dtype().kind() == 'i') table.add_column(name, array.cast<Table::Integers>());
    else if (array && (array.dtype().kind() == 'f' || array.dtype().kind() == 'b' || array.dtype().kind() == 'u'))
      table.add_column(name, py::array_t<double, py::array::forcecast>(array).cast<Table::Reals>());
    else table.add_column(name, value.cast<Table::Strings>());
  }
}

}  // namespace

void bind_export(py::module_& m) {
  py::class_<GraphTables>(m, "GraphTables",
                          "A graph as node and edge tables with the attributes every export writes "
                          "(see docs/export.md).")
      .def_readonly("nodes", &GraphTables::nodes)
      .def_readonly("edges", &GraphTables::edges)
      .def_readonly("boolean_columns", &GraphTables::boolean_columns)
      .def_readonly("description", &GraphTables::description)
      .def_readonly("weight_description", &GraphTables::weight_description)
      .def("__repr__", [](const GraphTables& t) {
        return "<GraphTables " + std::to_string(t.nodes.rows()) + " nodes, " + std::to_string(t.edges.rows()) + " edges>";
      });

  m.def(
      "graph_tables",
      [](const WeightedGraph& graph, const Dataset* dataset, const Geography* geography, const std::string& level,
         const std::string& weighting, bool use_membership_weights) {
        if (!dataset != !geography) throw py::value_error("give both dataset and geography, or neither");
        if (!dataset) return graph_tables(graph);
        ProjectionOptions options;
        options.weighting = weighting_of(weighting);
        options.use_membership_weights = use_membership_weights;
        return graph_tables(graph, *dataset, *geography, level_of(level), options);
      },
      py::arg("graph"), py::arg("dataset") = py::none(), py::arg("geography") = py::none(),
      py::arg("level") = "municipality", py::arg("weighting") = "count", py::arg("use_membership_weights") = false,
      "Node and edge tables of a graph; with dataset and geography, of a projection of the data set onto `level` "
      "(the weighting only describes the weights).");
  m.def(
      "two_mode_tables",
      [](const Dataset& dataset, const Geography& geography, const std::string& level, std::optional<Flags> active) {
        return two_mode_tables(dataset, geography, level_of(level), flags_of(active));
      },
      py::arg("dataset"), py::arg("geography"), py::arg("level") = "actor", py::arg("active") = py::none(),
      "Actors or places of `level` (bipartite 0) and networks (bipartite 1), memberships selected by `active` as edges.");
  m.def("edge_list_with_names", &edge_list_with_names, py::arg("tables"),
        "The edge table with source_name and target_name after weight.");
  m.def(
      "area_table",
      [](const Geography& geography, const std::string& level, const TwoModeGraph& participation) {
        return area_table(geography, place_level_of(level), participation);
      },
      py::arg("geography"), py::arg("level"), py::arg("participation"),
      "Per place of `level`: code, name, name_sv, population_2021, networks, member, lead, covered; counted on "
      "`participation` (aggregate(...).graph at the same level).");
  m.def(
      "write_graphml",
      [](const GraphTables& tables, const std::filesystem::path& path) {
        write_file(path, [&](std::ostream& out) { write_graphml(tables, out); });
      },
      py::arg("tables"), py::arg("path"));
  m.def(
      "write_gexf",
      [](const GraphTables& tables, const std::filesystem::path& path, std::optional<Positions> positions) {
        const auto points = points_of(positions);
        write_file(path, [&](std::ostream& out) { write_gexf(tables, out, {points}); });
      },
      py::arg("tables"), py::arg("path"), py::arg("positions") = py::none());
  m.def(
      "write_geojson",
      [](const std::filesystem::path& path, const GraphTables* tables, const Geography* geography,
         const std::string& area_level, const Table* area_properties, const py::dict& area_values, bool places,
         bool edges, bool areas, int decimals) {
        GeojsonOptions options;
        options.places = places;
        options.edges = edges;
        options.areas = areas && area_properties;
        Table properties;
        std::vector<geo::MultiPolygon> shapes;
        if (options.areas) {
          if (!geography) throw py::value_error("areas need the geography (its boundaries)");
          const PlaceLevel level = place_level_of(area_level);
          properties = *area_properties;
          add_columns(properties, area_values);
          const auto& codes = std::get<Table::Strings>(properties.column("code").values);
          py::gil_scoped_release release;
          shapes = area_shapes(geo::load_boundaries(*geography), level, codes);
        }
        options.decimals = decimals;
        GeojsonCounts counts;
        write_file(path, [&](std::ostream& out) {
          counts = write_geojson(out, tables, {shapes, options.areas ? &properties : nullptr}, options);
        });
        return py::dict(py::arg("areas") = counts.areas, py::arg("edges") = counts.edges,
                        py::arg("places") = counts.places,
                        py::arg("edges_without_position") = counts.edges_without_position);
      },
      py::arg("path"), py::arg("tables") = py::none(), py::arg("geography") = py::none(),
      py::arg("area_level") = "municipality", py::arg("area_properties") = py::none(),
      py::arg("area_values") = py::dict(), py::arg("places") = true, py::arg("edges") = true, py::arg("areas") = true,
      py::arg("decimals") = 6, "Feature counts written: areas, edges, places, edges_without_position.");
}

}  // namespace alueverkko::python
