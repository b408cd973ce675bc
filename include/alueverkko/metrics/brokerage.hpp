#pragma once
// Brokerage and integration across groups (docs/brokerage.md): Gould & Fernandez (1989) brokerage
// roles on an undirected one-mode collaboration graph whose vertices carry a group (by default the
// maakunta), and Krackhardt & Stern's E–I index of the ties within and between the groups.
//
// Groups. Every vertex has a group label; the empty label means "no group" and such a vertex is left
// out of every count (see Ungrouped for how a data set's actors get theirs). Self-loops are ignored.
//
// Roles, undirected. An open triad a–b–c has ties a–b and b–c but none between a and c (a ≠ c); b is
// its broker. Each unordered pair {a, c} of b's neighbours that are not adjacent is one open triad of
// b, with g(x) the group of x:
//   coordinator                 g(a) = g(b) = g(c)
//   itinerant                   g(a) = g(c) ≠ g(b)              (itinerant broker / consultant)
//   gatekeeper_representative   b shares its group with exactly one of a, c
//   liaison                     g(a), g(b), g(c) all different
// With directed ties a → b → c, Gould & Fernandez distinguish the gatekeeper (g(b) = g(c) ≠ g(a)) from
// the representative (g(a) = g(b) ≠ g(c)). Without directions the triad a–b–c is the triad c–b–a, so
// the two roles are the same set of triads and are reported as one count.
// Expected counts (`expected`): under a random assignment of the group labels to the grouped vertices
// (a random permutation: the group sizes n_k fixed, N grouped vertices), the two ends {a, c} of an open
// triad of b are a random pair of the other N − 1 vertices, so with g = g(b) and D = (N − 1)(N − 2):
//   coordinator  (n_g − 1)(n_g − 2) / D
//   itinerant    Σ_{k≠g} n_k (n_k − 1) / D
//   gatekeeper_representative  2 (n_g − 1)(N − n_g) / D
//   liaison      Σ_{k≠g} n_k (N − n_g − n_k) / D
// times b's open triads (the four probabilities sum to 1). The ratio observed / expected is NaN when
// the expectation is 0.
//
// E–I index (Krackhardt & Stern 1988): for a set S of vertices, I = the ties with an end in S whose two
// ends share a group, E = those whose ends are in different groups (each tie once; a tie's weight when
// weighted, else 1); E–I = (E − I) / (E + I), from −1 (all ties inside groups) to +1 (all across), NaN
// without ties. S = every vertex gives the graph's index; S = the members of one group gives that
// group's (its internal ties once, its external ties once); S = the vertices of one category (e.g. an
// actor kind) gives the category's.
#include <alueverkko/centrality/measures.hpp>
#include <alueverkko/graph/aggregation.hpp>
#include <alueverkko/graph/membership_filter.hpp>
#include <alueverkko/graph/projection.hpp>
#include <alueverkko/graph/weighted_graph.hpp>
#include <alueverkko/io/table.hpp>

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace alueverkko {

class Dataset;
class Geography;

// --- Groups of a data set's actors and places ---------------------------------------------------

// What a vertex's group is: its maakunta, its seutukunta, or (actors only) its actor kind.
enum class GroupBy { region, subregion, kind };
std::string_view to_string(GroupBy group) noexcept;
std::optional<GroupBy> parse_group_by(std::string_view text) noexcept;  // "region", "subregion", "kind"

// Actors and places without a group: a domestic actor without a place at the group's level (no seat
// municipality; a region-wide actor grouped by sub-region).
enum class Ungrouped { exclude, own_group };
std::string_view to_string(Ungrouped policy) noexcept;
std::optional<Ungrouped> parse_ungrouped(std::string_view text) noexcept;  // "exclude", "own-group"

inline constexpr std::string_view foreign_group = "foreign";  // the group of every foreign actor
inline constexpr std::string_view none_group = "none";        // Ungrouped::own_group

// One label per actor of the data set, in data-set order: the region or sub-region code where the
// actor counts (exactly aggregate()'s rule: a seat municipality's area, an area actor's own area),
// "foreign" for foreign actors, and for actors without a place "" (exclude) or "none" (own_group).
// GroupBy::kind: the actor kind's CSV spelling (every actor has one).
std::vector<std::string> actor_groups(const Dataset& dataset, const Geography& geography, GroupBy group,
                                      Ungrouped ungrouped = Ungrouped::exclude);

// --- On any graph with groups -------------------------------------------------------------------

// One row per vertex: id (label, or the index without labels), group, open_triads, coordinator,
// itinerant, gatekeeper_representative, liaison (Integers); with `expected` also <role>_expected and
// <role>_ratio (Reals) for the four roles. Ungrouped vertices have all zeros (and NaN ratios).
// Throws std::invalid_argument if groups.size() != vertex count.
Table brokerage_roles(const WeightedGraph& graph, std::span<const std::string> groups, bool expected = false);

// E–I rows: scope, id, vertices, internal, external, ei (see above). Rows: scope "graph" (id "all"),
// then scope "group", one per group (sorted), then, when `categories` is given (one label per vertex,
// "" = none), scope `category_scope`, one per category (sorted). Ungrouped vertices and their ties are
// left out (a category row counts only grouped vertices). Throws std::invalid_argument on size mismatch.
Table ei_index(const WeightedGraph& graph, std::span<const std::string> groups, bool weighted,
               std::span<const std::string> categories = {}, std::string_view category_scope = "category");

// --- On a data set --------------------------------------------------------------------------------

struct BrokerageOptions {
  ActorLevel level = ActorLevel::municipality;  // actor, municipality or subregion
  GroupBy group = GroupBy::region;              // kind needs level actor; subregion needs a finer level
  Ungrouped ungrouped = Ungrouped::exclude;
  MembershipFilter filter;
  ProjectionOptions projection;                 // the weighting (only E–I `weighted` reads the weights)
  bool expected = false;                        // brokerage_table: expected counts and ratios
  bool weighted = false;                        // ei_table: tie weights instead of counts
};

// Throws std::invalid_argument for a level/group combination that does not make sense (group kind at
// a place level, a group not coarser than the level, levels region and country).
void check_brokerage_options(const BrokerageOptions& options);

// The projection at options.level and each vertex's group (places: the municipality's or sub-region's
// region/sub-region; foreign actors: "foreign"; actors: actor_groups()).
struct GroupedGraph {
  WeightedGraph graph;
  std::vector<std::string> groups;       // per vertex; "" = left out
  std::vector<std::string> names;        // per vertex: actor name / place name_fi
  std::vector<std::string> kinds;        // per vertex: actor kind, or the level for places
  std::vector<std::string> left_out, left_out_why;  // actors without a place at the level
};
GroupedGraph grouped_projection(const Dataset& dataset, const Geography& geography, const BrokerageOptions& options);

// brokerage_roles() of the projection with, after id, `name` and `kind`, and after the roles
// `degree` (raw) and `betweenness` (normalised, hops: compute_measures). Sorted by id order of the
// projection (places by code, then foreign actors; actors in data-set order).
Table brokerage_table(const Dataset& dataset, const Geography& geography, const BrokerageOptions& options);

// ei_index() of the projection; at the actor level with the actor kinds as categories (scope "kind").
Table ei_table(const Dataset& dataset, const Geography& geography, const BrokerageOptions& options);

}  // namespace alueverkko
