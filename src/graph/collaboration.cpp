#include <alueverkko/data/dataset.hpp>
#include <alueverkko/graph/collaboration.hpp>

namespace alueverkko {

CollaborationGraph project_dataset(const Dataset& dataset, const Geography& geography, ActorLevel level,
                                   const MembershipFilter& filter, ProjectionOptions options, bool onto_networks) {
  const auto selected = select_memberships(dataset, filter);
  auto aggregated = aggregate(dataset, geography, level, selected);
  options.onto = onto_networks ? ProjectionSide::columns : ProjectionSide::rows;
  CollaborationGraph result{project(aggregated.graph, options), std::move(aggregated.left_out),
                            std::move(aggregated.left_out_why), aggregated.graph.edge_count()};
  return result;
}

}  // namespace alueverkko
