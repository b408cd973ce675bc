#pragma once
// Regions as actors of collaboration (docs/brokerage.md): the centrality of a region (maakunta) or
// sub-region (seutukunta) read three ways, side by side in one table:
//   org_sum_<m>, org_mean_<m>  organisation-level centrality (every actor of the actor projection,
//                              compute_measures) summed and averaged over the region's actors
//                              (Wanzenböck, Scherngell & Lata 2015)
//   place_<m>                  the same measure on the projection onto the regions themselves
//   bridging columns           the regional bridging centrality of Bergé, Wanzenböck & Scherngell
//                              (2017), from the actor-level ties aggregated to regions (below)
//
// Bridging centrality. With x_ij the total weight of the actor ties between regions i and j (i ≠ j)
// and x_ii the weight of the ties inside i (each tie once), a bridging path through i is a pair of
// ties of i's actors to actors of two different other regions j ≠ k; assuming i's actors are
// connected among themselves, i's bridging paths number
//   P_i = Σ_{j<k; j,k≠i} x_ij x_ik = ½ X_i² (1 − H_i),   X_i = Σ_{j≠i} x_ij, H_i = Σ_{j≠i} (x_ij / X_i)².
// With L_i = x_ii + X_i (the ties of i) and L = the weight of all ties between grouped actors:
//   intensity        L_i / L          participation intensity
//   outward          X_i / L_i        outward orientation (NaN when L_i = 0)
//   diversification  1 − H_i          of the partner-region shares (0 when X_i = 0)
//   bridging         2 P_i / L² = intensity² · outward² · diversification
// (our reading of the paper's three components; see docs/brokerage.md).
#include <alueverkko/centrality/measures.hpp>
#include <alueverkko/graph/membership_filter.hpp>
#include <alueverkko/graph/projection.hpp>
#include <alueverkko/graph/weighted_graph.hpp>
#include <alueverkko/io/table.hpp>
#include <alueverkko/metrics/brokerage.hpp>

#include <span>
#include <string>
#include <vector>

namespace alueverkko {

class Dataset;
class Geography;

// One row per group (sorted): group, links (L_i), internal (x_ii), external (X_i), partners (j with
// x_ij > 0), intensity, outward, diversification, bridging_paths (P_i), bridging. Vertices with group
// "" are left out with their ties; self-loops are ignored. Weighted by the edge weights when
// `weighted`, else every tie counts 1. Throws std::invalid_argument on a size mismatch.
Table bridging_centrality(const WeightedGraph& graph, std::span<const std::string> groups, bool weighted = true);

struct RegionalCentralityOptions {
  GroupBy by = GroupBy::region;  // region or subregion
  MembershipFilter filter;
  ProjectionOptions projection;  // weighting of both projections (actors and places)
  std::vector<std::string> measures{"degree", "strength", "betweenness"};
  MeasureSettings settings;      // for both projections
  bool weighted_bridging = false;  // bridging from the projected weights (default: every tie counts 1)
};

// One row per region (or sub-region) of the geography, by code: code, name, actors (actors placed in
// it with a selected membership), org_sum_<m> and org_mean_<m> for each measure (mean NaN without
// actors), place_<m> (0 for a place not in the projection), then the bridging_centrality() columns
// after group. Foreign actors and actors without a place count for no region.
// Throws std::invalid_argument (GroupBy::kind, bad measures).
Table regional_centrality(const Dataset& dataset, const Geography& geography, const RegionalCentralityOptions& options);

}  // namespace alueverkko
