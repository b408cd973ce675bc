#pragma once
// Aggregation of actors to places. An organisation counts for its seat municipality; an actor that
// stands for a whole area (kind region / subregion, or a regional council with area_code MK..)
// counts for that area; municipality → sub-region → region → country follow the geography.
// Foreign actors stay themselves (their actor id is their row label). Actors that have no place at
// the requested level (a domestic organisation without seat, or a region-wide actor at the
// municipality level) are left out and listed, never silently.
#include <alueverkko/graph/two_mode.hpp>

#include <string>
#include <vector>

namespace alueverkko {

class Dataset;
class Geography;

enum class ActorLevel { actor, municipality, subregion, region, country };
std::string_view to_string(ActorLevel level) noexcept;

struct AggregatedGraph {
  // Rows: places at the level (labels: municipality code "091", sub-region code "011", region code
  // "01", "FI"), sorted by code, then foreign actors (labels: actor ids), sorted; columns: networks.
  // A place in a network several times (several of its actors) is one membership: the strongest
  // status (member > planned > invited > mentioned), `lead` if any of them leads, the largest weight.
  TwoModeGraph graph;
  std::vector<bool> row_is_place;         // false for foreign actors kept as themselves
  std::vector<std::string> left_out;      // actor ids without a place at this level
  std::vector<std::string> left_out_why;  // the reason, parallel to left_out
};

// `active`: one flag per membership (select_memberships); empty = all. Rows are the places and
// foreign actors with at least one membership in the data set (active or not), so that filtered
// analyses keep the same vertices.
AggregatedGraph aggregate(const Dataset& dataset, const Geography& geography, ActorLevel level,
                          std::span<const std::uint8_t> active = {});

}  // namespace alueverkko
