// Dissolve by topology (as TopoJSON's merge): inside a group every shared arc is used once in each
// direction by two members, so the arcs used exactly once are the group's outline. Following them
// end to start gives closed rings; exteriors and holes are told apart by orientation and nested by
// containment.
#include <alueverkko/geo/dissolve.hpp>

#include <algorithm>
#include <cmath>
#include <map>
#include <utility>

namespace alueverkko::geo {

namespace {

std::size_t arc_index(ArcRef ref) { return static_cast<std::size_t>(ref < 0 ? ~ref : ref); }

std::pair<double, double> key(Point p) { return {p.x, p.y}; }

// A ring's arc references oriented as Topology::shape orients the ring: exterior counter-clockwise,
// holes clockwise. (TopoJSON files may use either convention; dissolving needs one.)
std::vector<ArcRef> oriented(const Topology& topology, const std::vector<ArcRef>& refs, bool exterior) {
  Ring ring;
  for (const ArcRef ref : refs) {
    const std::vector<Point> points = topology.arc_points(ref);
    ring.insert(ring.end(), points.begin() + (ring.empty() ? 0 : 1), points.end());
  }
  const double a = signed_area(ring);
  if ((exterior && a >= 0) || (!exterior && a <= 0)) return refs;
  std::vector<ArcRef> reversed;
  reversed.reserve(refs.size());
  for (auto it = refs.rbegin(); it != refs.rend(); ++it) reversed.push_back(~*it);
  return reversed;
}

// Ray casting: whether `p` is inside the closed `ring`.
bool contains(const Ring& ring, Point p) {
  bool inside = false;
  for (std::size_t i = 0, j = ring.size() - 1; i < ring.size(); j = i++) {
    const Point a = ring[i], b = ring[j];
    if ((a.y > p.y) != (b.y > p.y) && p.x < (b.x - a.x) * (p.y - a.y) / (b.y - a.y) + a.x) inside = !inside;
  }
  return inside;
}

struct StitchedRing {
  std::vector<ArcRef> refs;
  Ring points;
  double area = 0;  // signed
};

// Chains the directed arcs into closed rings. Where several outline arcs meet in one point (two
// parts of a group touching at a corner), a walk that comes back to a point it already passed
// closes the loop there, so that no ring passes through a point twice.
std::vector<StitchedRing> stitch(const Topology& topology, const std::vector<ArcRef>& outline) {
  std::map<std::pair<double, double>, std::vector<std::size_t>> starting_at;
  for (std::size_t i = 0; i < outline.size(); ++i) starting_at[key(topology.arc_points(outline[i]).front())].push_back(i);
  std::vector<bool> used(outline.size(), false);
  std::vector<StitchedRing> rings;

  const auto close = [&](std::vector<ArcRef> refs) {
    StitchedRing ring;
    for (const ArcRef ref : refs) {
      const std::vector<Point> points = topology.arc_points(ref);
      ring.points.insert(ring.points.end(), points.begin() + (ring.points.empty() ? 0 : 1), points.end());
    }
    ring.refs = std::move(refs);
    ring.area = signed_area(ring.points);
    rings.push_back(std::move(ring));
  };

  for (std::size_t first = 0; first < outline.size(); ++first) {
    if (used[first]) continue;
    std::vector<ArcRef> path;
    std::map<std::pair<double, double>, std::size_t> visited;  // point -> length of path on reaching it
    std::size_t next = first;
    visited[key(topology.arc_points(outline[first]).front())] = 0;
    while (next != outline.size()) {
      used[next] = true;
      path.push_back(outline[next]);
      const auto end = key(topology.arc_points(outline[next]).back());
      if (const auto seen = visited.find(end); seen != visited.end()) {
        // Back at a point of this walk: the arcs since then form a ring.
        const std::size_t from = seen->second;
        close(std::vector<ArcRef>(path.begin() + static_cast<std::ptrdiff_t>(from), path.end()));
        for (auto it = visited.begin(); it != visited.end();) it = it->second > from ? visited.erase(it) : std::next(it);
        path.resize(from);
      } else {
        visited[end] = path.size();
      }
      next = outline.size();
      for (const std::size_t candidate : starting_at[end]) {
        if (!used[candidate]) {
          next = candidate;
          break;
        }
      }
    }
    // In a valid topology every walk ends where it closed its last ring; arcs left over (an
    // outline that does not close) are dropped rather than drawn as a false ring.
  }
  return rings;
}

}  // namespace

TopoObject dissolve(const Topology& topology, const TopoObject& members,
                    const std::function<std::string(const TopoGeometry&)>& group_of, std::string name) {
  // group code -> arc index -> (uses, the reference of the last use)
  std::map<std::string, std::map<std::size_t, std::pair<int, ArcRef>>> uses;
  std::map<std::string, std::vector<ArcRef>> order;  // first-use order, for a stable result
  for (const TopoGeometry& member : members.geometries) {
    const std::string group = group_of(member);
    if (group.empty()) continue;
    auto& group_uses = uses[group];
    for (const auto& polygon : member.polygons) {
      for (std::size_t r = 0; r < polygon.size(); ++r) {
        for (const ArcRef ref : oriented(topology, polygon[r], r == 0)) {
          auto& [count, last] = group_uses[arc_index(ref)];
          if (count++ == 0) order[group].push_back(ref);
          last = ref;
        }
      }
    }
  }

  TopoObject result;
  result.name = std::move(name);
  for (const auto& [group, group_uses] : uses) {
    std::vector<ArcRef> outline;
    for (const ArcRef ref : order[group])
      if (group_uses.at(arc_index(ref)).first == 1) outline.push_back(ref);
    std::vector<StitchedRing> rings = stitch(topology, outline);

    // Exteriors (counter-clockwise) largest first; each hole goes to the smallest exterior that
    // contains it.
    std::vector<StitchedRing*> exteriors, holes;
    for (StitchedRing& ring : rings) (ring.area > 0 ? exteriors : holes).push_back(&ring);
    std::stable_sort(exteriors.begin(), exteriors.end(),
                     [](const StitchedRing* a, const StitchedRing* b) { return a->area > b->area; });
    TopoGeometry& geometry = result.geometries.emplace_back();
    geometry.code = group;
    for (const StitchedRing* exterior : exteriors) geometry.polygons.push_back({exterior->refs});
    for (const StitchedRing* hole : holes) {
      // A hole's segment midpoint lies strictly inside its exterior (a vertex might be shared).
      const Point probe{(hole->points[0].x + hole->points[1].x) / 2, (hole->points[0].y + hole->points[1].y) / 2};
      std::size_t best = exteriors.size();
      for (std::size_t e = 0; e < exteriors.size(); ++e) {
        if (!contains(exteriors[e]->points, probe)) continue;
        if (best == exteriors.size() || exteriors[e]->area < exteriors[best]->area) best = e;
      }
      if (best != exteriors.size()) geometry.polygons[best].push_back(hole->refs);
    }
  }
  return result;
}

std::vector<ArcRef> group_border_arcs(const TopoObject& members,
                                      const std::function<std::string(const TopoGeometry&)>& group_of) {
  // arc index -> (uses, the group of the first use, whether two groups use it)
  struct Use {
    int count = 0;
    std::string group;
    bool between_groups = false;
  };
  std::map<std::size_t, Use> uses;
  for (const TopoGeometry& member : members.geometries) {
    const std::string group = group_of(member);
    if (group.empty()) continue;
    for (const auto& polygon : member.polygons) {
      for (const auto& ring : polygon) {
        for (const ArcRef ref : ring) {
          Use& use = uses[arc_index(ref)];
          if (use.count++ == 0) {
            use.group = group;
          } else if (use.group != group) {
            use.between_groups = true;
          }
        }
      }
    }
  }
  std::vector<ArcRef> arcs;
  for (const auto& [index, use] : uses)
    if (use.count == 1 || use.between_groups) arcs.push_back(static_cast<ArcRef>(index));
  return arcs;
}

}  // namespace alueverkko::geo
