#pragma once
// Coverage and concentration: which municipalities and how much of the population the networks of a
// data set reach (by region, sub-region and size class), which municipalities they miss, how
// concentrated participation is across municipalities, and the footprint of each network.
// Definitions and formulas: docs/coverage.md.
//
// How an actor counts for municipalities (the three "channels"):
//   direct  a municipality actor (kind municipality, id kunta-CODE) counts for its own municipality;
//   seated  any other domestic actor with a seat (municipality_code) counts for its seat
//           (an organisation seated there), unless it stands for a whole area;
//   area    an actor standing for a whole region or sub-region (kind region / subregion, or a
//           regional council with area_code MK..; see graph/aggregation.hpp) counts for every
//           municipality of its area, and not for its seat.
// Foreign actors and domestic actors without a seat (e.g. groups) count for no municipality.
// A municipality takes part in a network if one of its counting actors has a selected membership
// there; several actors in one network are one participation (as in aggregate()): its status is the
// strongest (member > planned > invited > mentioned), and it is a lead if any of them leads.
#include <alueverkko/graph/membership_filter.hpp>
#include <alueverkko/io/table.hpp>

#include <cstddef>
#include <optional>
#include <span>
#include <string_view>
#include <utility>
#include <vector>

namespace alueverkko {

class Dataset;
class Geography;

struct CoverageOptions {
  // Organisations seated in a municipality count for it (channel `seated`). Default: yes. With
  // false only the municipality's own actor counts (channel `direct`).
  bool count_seated_organisations = true;
  // Region- and sub-region-wide actors count for every municipality of their area (channel
  // `area`). Default: no — coverage is of municipalities reached by name or seat; the area channel
  // is always reported in columns of its own (via_area_*).
  bool count_area_actors = false;
  // Population year (31 December) from the geography's series; nullopt: the geography's reference
  // year (2021 for fi-2021). A year outside the series throws std::invalid_argument.
  std::optional<int> year;
};

// The population year `options` resolve to for `geography` (throws std::invalid_argument if it is
// not in the series).
int coverage_year(const Geography& geography, const CoverageOptions& options);

// One row per municipality of the geography (sorted by code):
//   code, name, subregion_code, region_code, size_class, population (options.year),
//   direct, direct_member, direct_planned, direct_invited, direct_mentioned, direct_lead
//       networks the municipality's own actor takes part in; by strongest status; led;
//   with_organisations, with_organisations_member, …, with_organisations_lead
//       the same for the municipality together with the organisations seated there;
//   via_area, via_area_member, …, via_area_lead
//       the same for the region-/sub-region-wide actors whose area contains it (reported always,
//       counted in `networks` only with count_area_actors);
//   networks, member, planned, invited, mentioned, lead
//       the participations by the options (direct [+ seated] [+ area]): the basis of `covered`
//       and of the concentration measures;
//   covered (0/1: networks > 0), networks_per_10000 (networks per 10,000 inhabitants; NaN for
//       population 0).
// Memberships not selected by `filter` do not count.
Table municipality_participation(const Dataset& dataset, const Geography& geography,
                                 const MembershipFilter& filter = {}, const CoverageOptions& options = {});

enum class CoverageLevel { municipality, subregion, region, size_class, country };
std::string_view to_string(CoverageLevel level) noexcept;  // "municipality", …, "size_class", "country"
std::optional<CoverageLevel> parse_coverage_level(std::string_view text) noexcept;  // also "size-class"

// One row per place at `level` (municipalities, sub-regions, regions sorted by code; size classes
// A–E, all five even if empty; country: one row "total"):
//   code, name, municipalities, covered, covered_share, population, population_covered,
//   population_share, subregions, subregions_touched, regions, regions_touched, networks
// `covered`: municipalities taking part in at least one network (by the options); a sub-region or
// region is touched if one of its municipalities is covered; `networks`: distinct networks reaching
// a covered municipality of the place. Shares are NaN when the denominator is 0.
Table coverage_table(const Dataset& dataset, const Geography& geography, CoverageLevel level,
                     const MembershipFilter& filter = {}, const CoverageOptions& options = {});

// The uncovered municipalities, largest population first (ties: by code):
//   code, name, subregion_code, subregion_name, region_code, region_name, size_class, population,
//   via_area (networks reaching it only through region-/sub-region-wide actors, for context).
Table coverage_gaps(const Dataset& dataset, const Geography& geography, const MembershipFilter& filter = {},
                    const CoverageOptions& options = {});

// Concentration of a non-negative distribution x_1..x_n (e.g. participations per municipality).
struct ConcentrationSummary {
  std::size_t n = 0;          // values considered
  std::size_t nonzero = 0;    // of which > 0
  double total = 0, mean = 0;
  // G = Σ_i Σ_j |x_i − x_j| / (2 n² mean); NaN if n = 0 or total = 0.
  double gini = 0;
  // H = Σ s_i², s_i = x_i / total; NaN if total = 0. normalised: (H − 1/n) / (1 − 1/n), NaN if n < 2.
  double herfindahl = 0, herfindahl_normalised = 0;
  // The k = ceil(top_fraction · n) largest values: their share of the total (NaN if total = 0), and
  // the k-th largest value and how many values reach it (> k when ties straddle the cut; the share
  // does not depend on which of the tied ones are taken).
  std::size_t top_k = 0;
  double top_share = 0, top_threshold = 0;
  std::size_t top_at_or_above_threshold = 0;
};
ConcentrationSummary concentration_of(std::span<const double> values, double top_fraction = 0.10);
// Lorenz curve of `values`, sorted ascending: n + 1 points (i/n, Σ_{j≤i} x_(j) / total), from (0, 0)
// to (1, 1). Empty if total = 0.
std::vector<std::pair<double, double>> lorenz_points(std::span<const double> values);

// Concentration of participation across the municipalities (x_i = `networks` of
// municipality_participation), one row:
//   municipalities, with_participation, participations, population, participations_per_10000,
//   mean, gini, herfindahl, herfindahl_normalised, top_fraction, top_k, top_share, top_threshold,
//   top_at_or_above_threshold, excluded_zeros (0/1)
// exclude_zeros: only municipalities with x_i > 0 enter gini/herfindahl/top (the counts and
// per-capita figures always cover all municipalities).
Table participation_concentration(const Dataset& dataset, const Geography& geography,
                                  const MembershipFilter& filter = {}, const CoverageOptions& options = {},
                                  bool exclude_zeros = false, double top_fraction = 0.10);

// The Lorenz curve of the same distribution: municipality_share, participation_share (n + 1 rows,
// ascending; empty if there are no participations).
Table participation_lorenz(const Dataset& dataset, const Geography& geography, const MembershipFilter& filter = {},
                           const CoverageOptions& options = {}, bool exclude_zeros = false);

// One row per network of the data set (file order):
//   network_id, name, track, actors (distinct actors with a selected membership),
//   municipalities_named (municipalities whose own actor is selected), municipalities (touched by
//   the options: named [+ seats] [+ area]), via_area (municipalities reached through area actors),
//   population (sum over the touched municipalities, options.year), regions (touched region codes,
//   '|'-joined), n_regions, lead_actor, lead_region, supra_regionality
// supra_regionality: share of the touched municipalities that lie outside the lead's region; NaN
// if the network has no lead, its lead has no region (foreign, no seat) or it touches no
// municipality. The lead is the network's membership with role lead (status and other filters do
// not apply to it); its region: a municipality's or seat's region, a region-/sub-region-wide
// actor's region.
Table network_footprint(const Dataset& dataset, const Geography& geography, const MembershipFilter& filter = {},
                        const CoverageOptions& options = {});

}  // namespace alueverkko
