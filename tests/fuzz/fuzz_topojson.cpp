// Fuzz target: parse_topojson, boundaries as TopoJSON (arcs, transform, geometry collections).
// Input: the text of the file.
#include "fuzz_support.hpp"

#include <alueverkko/geo/topojson.hpp>

using namespace alueverkko;

namespace {

// A returned topology stitches into closed rings of at least 4 positions (the header's promise),
// and its objects are sorted by name.
void check_topology(const geo::Topology& topology) {
  fuzz::require(std::is_sorted(topology.objects.begin(), topology.objects.end(),
                               [](const geo::TopoObject& a, const geo::TopoObject& b) { return a.name < b.name; }));
  for (const geo::TopoObject& object : topology.objects) {
    for (const geo::TopoGeometry& geometry : object.geometries) {
      fuzz::require(!geometry.code.empty());
      for (const geo::Polygon& polygon : topology.shape(geometry)) {
        for (const geo::Ring& ring : polygon.rings) fuzz::require(ring.size() >= 4 && ring.front() == ring.back());
      }
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text = fuzz::as_text(data, size);
  try {
    check_topology(geo::parse_topojson(text, "boundaries.topo.json"));
  } catch (const DataError& error) {
    fuzz::check_diagnostics(error, {{"boundaries.topo.json", text}});
  }
  return 0;
}
