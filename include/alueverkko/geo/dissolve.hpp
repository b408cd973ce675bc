#pragma once
// Dissolve: merge the polygons of a TopoJSON object by group (municipalities -> sub-regions ->
// regions) by dropping the arcs two members of one group share, and the outlines between groups.
#include <alueverkko/geo/topojson.hpp>

#include <functional>
#include <string>
#include <vector>

namespace alueverkko::geo {

// One geometry per distinct group (sorted by group code), made of the arcs used by exactly one
// member of the group, stitched into rings. `group_of` gives a member's group code; members with an
// empty group are left out.
TopoObject dissolve(const Topology& topology, const TopoObject& members,
                    const std::function<std::string(const TopoGeometry&)>& group_of, std::string name);

// Arcs on the outline between different groups or on the outside of all of them: what a map
// strokes to show the group borders without drawing the members'.
std::vector<ArcRef> group_border_arcs(const TopoObject& members,
                                      const std::function<std::string(const TopoGeometry&)>& group_of);

}  // namespace alueverkko::geo
