#pragma once
// Overlap of networks and the actors' portfolios (docs/overlap.md): which networks share their
// members (and so may duplicate each other), which share both members and themes (near-duplicates),
// and how many networks each actor or place carries.
//
// Every function selects memberships with a MembershipFilter, aggregates the actors to `level`
// (graph/aggregation.hpp: an organisation counts for its seat municipality, area actors for their
// area, foreign actors stay themselves) and reads the networks × networks projection of that
// two-mode graph (graph/projection.hpp, pair_statistics onto the columns). At the actor level a
// network's members are its actors; at a place level they are the distinct places of its actors.
#include <alueverkko/graph/aggregation.hpp>
#include <alueverkko/graph/membership_filter.hpp>
#include <alueverkko/io/table.hpp>

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace alueverkko {

class Dataset;
class Geography;
struct Network;

// How much two networks A, B (member sets at the level) overlap:
//   shared   |A∩B|
//   jaccard  |A∩B| / |A∪B|
//   overlap  |A∩B| / min(|A|, |B|)  (the overlap or Szymkiewicz–Simpson coefficient: 1 when the
//            smaller network lies inside the larger)
enum class OverlapMeasure { shared, jaccard, overlap };
std::string_view to_string(OverlapMeasure measure) noexcept;
std::optional<OverlapMeasure> parse_overlap_measure(std::string_view text) noexcept;  // exact spelling

struct OverlapOptions {
  ActorLevel level = ActorLevel::actor;
  MembershipFilter filter;                            // which memberships count
  OverlapMeasure measure = OverlapMeasure::jaccard;   // the sort key, and what `min` applies to
  double min = 0;                                     // keep pairs whose measure >= min
  std::size_t top = 0;                                // keep the first `top` rows after sorting; 0 = all
};

// One row per pair of networks sharing at least one member (and passing `min`):
//   network_a, name_a, network_b, name_b (a before b in the data set's order),
//   shared, size_a, size_b (members at the level), jaccard, overlap.
// Sorted by the measure, then shared, then jaccard, then overlap (all descending), then the
// data-set order of a and b.
// Throws std::invalid_argument for a negative or non-finite `min`.
Table network_overlap(const Dataset& dataset, const Geography& geography, const OverlapOptions& options);

// Theme words: the network's theme phrases compared by name_key(), split at every character
// that is not a letter or digit (space, '-', '/', ',', '(', …), keeping the words of at least
// theme_word_min_length characters that contain a letter and are not stop words. Sorted, unique.
std::vector<std::string> theme_words(const Network& network);
// The explicit stop-word list (Finnish and English function words and the few generic words listed
// in docs/overlap.md), as name keys, sorted.
std::span<const std::string_view> theme_stop_words() noexcept;
inline constexpr std::size_t theme_word_min_length = 4;

struct NearDuplicateOptions {
  ActorLevel level = ActorLevel::actor;
  MembershipFilter filter;
  OverlapMeasure measure = OverlapMeasure::jaccard;  // the member overlap that must reach `threshold`
  double threshold = 0.25;                           // keep pairs whose measure >= threshold
  std::size_t min_shared_words = 1;                  // and that share at least this many theme words
  std::size_t top = 0;                               // 0 = all
};

// Pairs of networks that share theme words AND overlap in members: the columns of network_overlap()
// and, after name_b, shared_words (`|`-joined, sorted) and n_shared_words. Sorted as
// network_overlap(), with n_shared_words (descending) deciding first among equal measures.
// Throws std::invalid_argument for a negative or non-finite threshold or min_shared_words = 0.
Table near_duplicates(const Dataset& dataset, const Geography& geography, const NearDuplicateOptions& options);

struct PortfolioOptions {
  ActorLevel level = ActorLevel::actor;
  MembershipFilter filter;
  std::size_t top = 0;  // 0 = all
};

// One row per actor (or place, or foreign actor kept as itself) with at least one selected
// membership:
//   id, name, kind          actor id / place code; actor name / place name_fi; actor kind, or the
//                           level (municipality, subregion, region, country) for places
//   networks                the participation load: how many networks it takes part in
//   led                     networks it leads (role lead; for a place: one of its actors leads)
//   mean_network_size       mean size (members at the level, itself included) of its networks
//   member, planned, invited, mentioned   its networks by (strongest) membership status
//   co_lead, coordinator    its networks by these leading roles
//   roles                   every role with its count, "lead:1|partner:3" (declaration order;
//                           memberships without a role are not listed)
//   network_ids             its networks, `|`-joined, in the data set's order
// Sorted by load: networks (descending), then led (descending), then id.
Table portfolio(const Dataset& dataset, const Geography& geography, const PortfolioOptions& options);

}  // namespace alueverkko
