#pragma once
// Diversity of the networks' members (docs/brokerage.md): how mixed are a network's member kinds
// (municipalities, universities, companies, …) and member regions.
//
// For the shares p_k of K categories (k with a count > 0):
//   Blau index        1 − Σ p_k²             (0: one category; → 1 − 1/K for K equal shares)
//   Shannon entropy   −Σ p_k ln p_k          (natural logarithm, nats)
//   evenness          entropy / ln K         (Pielou's J: 1 for equal shares; NaN when K < 2)
// K is the number of categories present in the network, not of all possible ones.
#include <alueverkko/graph/membership_filter.hpp>
#include <alueverkko/io/table.hpp>
#include <alueverkko/metrics/brokerage.hpp>

#include <span>

namespace alueverkko {

class Dataset;
class Geography;

// Of non-negative counts (zeros ignored); 0 for an empty or single-category distribution.
// Throws std::invalid_argument for a negative or non-finite count.
double blau_index(std::span<const double> counts);
double shannon_entropy(std::span<const double> counts);
double shannon_evenness(std::span<const double> counts);  // NaN when fewer than 2 categories

struct DiversityOptions {
  GroupBy group = GroupBy::region;           // region or subregion (the "where" part)
  Ungrouped ungrouped = Ungrouped::exclude;  // members without a region: not counted, or category "none"
  MembershipFilter filter;
};

// One row per network with at least one selected membership, in data-set order: network, name,
// network_kind, members (actors with a selected membership), kinds (distinct actor kinds), blau_kind,
// shannon_kind, evenness_kind, then for the group G (region or subregion; foreign actors are the
// category "foreign"): G_members (members with a group), G_count (distinct groups), blau_G,
// shannon_G, evenness_G. Members are actors, each counted once per network.
// Throws std::invalid_argument for GroupBy::kind.
Table network_diversity(const Dataset& dataset, const Geography& geography, const DiversityOptions& options);

}  // namespace alueverkko
