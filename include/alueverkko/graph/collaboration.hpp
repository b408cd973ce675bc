#pragma once
// The usual path from a data set to a one-mode collaboration graph in one call:
// select memberships → aggregate actors to places → project.
#include <alueverkko/graph/aggregation.hpp>
#include <alueverkko/graph/membership_filter.hpp>
#include <alueverkko/graph/projection.hpp>

#include <string>
#include <vector>

namespace alueverkko {

class Dataset;
class Geography;

struct CollaborationGraph {
  WeightedGraph graph;                     // vertices: actors/places, or networks when onto_networks
  std::vector<std::string> left_out;       // actors without a place at the level (see aggregate())
  std::vector<std::string> left_out_why;
  std::size_t memberships_aggregated = 0;  // selected memberships after merging actors into places
};

// Projects onto the actors/places of `level`, or onto the networks when `onto_networks` (networks
// then share a member when the same place — at `level` — takes part in both).
CollaborationGraph project_dataset(const Dataset& dataset, const Geography& geography, ActorLevel level,
                                   const MembershipFilter& filter, ProjectionOptions options, bool onto_networks = false);

}  // namespace alueverkko
