// load_boundaries: a geography's municipality polygons, with sub-regions and regions dissolved by
// the geography's own assignment.
#include <alueverkko/geo/boundaries.hpp>

#include <alueverkko/core/diagnostics.hpp>
#include <alueverkko/geo/dissolve.hpp>
#include <alueverkko/geo/geography.hpp>

#include "../core/text.hpp"

#include <algorithm>
#include <set>

namespace alueverkko::geo {

namespace {

// "'005', '009' and 3 more": at most `shown` codes in a message.
std::string list_codes(const std::vector<std::string>& codes, std::size_t shown = 10) {
  std::vector<std::string> quoted;
  for (std::size_t i = 0; i < codes.size() && i < shown; ++i) quoted.push_back(detail::in_quotes(codes[i]));
  std::string text = detail::join(quoted);
  if (codes.size() > shown) text += " and " + std::to_string(codes.size() - shown) + " more";
  return text;
}

}  // namespace

const TopoObject& Boundaries::at(PlaceLevel level) const noexcept {
  switch (level) {
    case PlaceLevel::subregion: return subregions;
    case PlaceLevel::region: return regions;
    case PlaceLevel::municipality: break;
  }
  return municipalities;
}

// The geometries of a level consist of exactly the arcs between two of its places or on the
// outside (a dissolved outline drops the shared ones), so the border arcs are the arcs they use.
std::vector<ArcRef> Boundaries::border_arcs(PlaceLevel level) const {
  std::set<ArcRef> arcs;
  for (const TopoGeometry& geometry : at(level).geometries)
    for (const auto& polygon : geometry.polygons)
      for (const auto& ring : polygon)
        for (const ArcRef ref : ring) arcs.insert(ref < 0 ? ~ref : ref);
  return {arcs.begin(), arcs.end()};
}

Boundaries load_boundaries(const Geography& geography) {
  if (!geography.boundaries_path()) {
    throw DataError({{(geography.directory() / "boundaries.topo.json").string(), 0, 0,
                      "file not found: geography " + detail::in_quotes(geography.id()) +
                          " has no boundaries (a TopoJSON file with an object 'municipalities')"}});
  }
  const std::string file = geography.boundaries_path()->string();
  Boundaries boundaries;
  boundaries.topology = read_topojson(*geography.boundaries_path());
  const TopoObject* municipalities = boundaries.topology.object("municipalities");
  if (!municipalities) throw DataError({{file, 0, 0, "missing object 'municipalities' in 'objects'"}});

  std::vector<std::string> missing, extra;
  for (const Municipality& m : geography.municipalities())
    if (municipalities->find(m.code) == municipalities->geometries.size()) missing.push_back(m.code);
  for (const TopoGeometry& g : municipalities->geometries)
    if (!geography.find_municipality(g.code)) extra.push_back(g.code);
  std::sort(extra.begin(), extra.end());
  std::vector<Diagnostic> diagnostics;
  const std::string of_geography = " of geography " + detail::in_quotes(geography.id()) + ": ";
  if (!missing.empty())
    diagnostics.push_back({file, 0, 0,
                           "object 'municipalities' lacks " + std::to_string(missing.size()) +
                               (missing.size() == 1 ? " municipality" : " municipalities") + of_geography +
                               list_codes(missing)});
  if (!extra.empty())
    diagnostics.push_back({file, 0, 0,
                           "object 'municipalities' has " + std::to_string(extra.size()) +
                               (extra.size() == 1 ? " code that is not a municipality" : " codes that are not municipalities") +
                               of_geography + list_codes(extra)});
  throw_if_any(std::move(diagnostics));

  boundaries.municipalities = *municipalities;
  std::sort(boundaries.municipalities.geometries.begin(), boundaries.municipalities.geometries.end(),
            [](const TopoGeometry& a, const TopoGeometry& b) { return a.code < b.code; });

  const auto subregion_of = [&](const TopoGeometry& g) { return geography.find_municipality(g.code)->subregion_code; };
  const auto region_of = [&](const TopoGeometry& g) { return geography.find_municipality(g.code)->region_code; };
  boundaries.subregions = dissolve(boundaries.topology, boundaries.municipalities, subregion_of, "subregions");
  boundaries.regions = dissolve(boundaries.topology, boundaries.municipalities, region_of, "regions");
  for (TopoGeometry& g : boundaries.subregions.geometries) g.name = geography.find_subregion(g.code)->name_fi;
  for (TopoGeometry& g : boundaries.regions.geometries) g.name = geography.find_region(g.code)->name_fi;
  return boundaries;
}

}  // namespace alueverkko::geo
