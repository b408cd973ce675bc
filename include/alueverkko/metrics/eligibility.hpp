#pragma once
// Eligibility of call proposals under a call's rules (data/call_rules.hpp): does each proposal
// (a network with a track) have enough municipalities in enough regions (maakunnat), may its lead
// apply, and which regional council would the money go to. docs/eligibility.md explains the counts.
#include <alueverkko/data/call_rules.hpp>
#include <alueverkko/data/model.hpp>
#include <alueverkko/io/table.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace alueverkko {

class Dataset;
class Geography;

// Which participants make up a network's municipalities, each count including the previous one:
//   named    municipality actors (kunta-XXX) with status member — the municipalities the proposal
//            names as forming the network; what the call's rule counts (the primary count);
//   seats    + the seat municipalities of member organisations (status member, kind other than
//            municipality, with a seat, not standing for a whole area);
//   planned  + planned members of both kinds (status planned).
// Foreign actors, invited and mentioned participants never count.
enum class EligibilityCount { named, seats, planned };
std::string_view to_string(EligibilityCount value) noexcept;  // "named", "seats", "planned"
std::optional<EligibilityCount> parse_eligibility_count(std::string_view text) noexcept;

// Actors that stand for a whole area (kind region or subregion, or a regional council with an
// MK area code) name no municipality, so they never add one (a regional council's seat is where its
// office is, not a member municipality).
//   ignore   they add nothing (default: the rule counts the regions the network's municipalities
//            lie in — rules.json "semantics");
//   regions  from the seats count on they make their region "touched": it counts as a region of the
//            network (as a member organisation in seats, also as a planned one in planned).
enum class AreaActors { ignore, regions };
std::string_view to_string(AreaActors value) noexcept;  // "ignore", "regions"
std::optional<AreaActors> parse_area_actors(std::string_view text) noexcept;

struct EligibilityOptions {
  EligibilityCount count = EligibilityCount::named;  // the count that decides the verdict
  AreaActors area_actors = AreaActors::ignore;
};

// One count of a proposal's municipalities and regions and how it fares under the track's rule.
struct CountResult {
  std::vector<std::string> municipalities;  // codes, sorted
  std::vector<std::string> regions;         // codes, sorted
  bool passes = false;
  std::string reason;  // "3 municipalities named, needs 4; all in one region (Pohjois-Savo), needs 2"
};

struct ProposalEligibility {
  std::size_t network = 0;  // index into Dataset::networks()
  std::string network_id, name;
  Track track = Track::none;
  std::optional<std::size_t> lead;   // index into Dataset::actors(); nullopt if no lead is named
  bool lead_allowed = false;         // the lead's kind is an allowed applicant kind
  std::string lead_region_code;      // where the lead operates; empty if unknown
  std::string paid_to;               // the regional council of lead_region_code
  CountResult named, seats, planned; // indexed by EligibilityCount via count()
  EligibilityCount primary = EligibilityCount::named;
  bool passes = false;               // = count(primary).passes
  // For a failing primary count: the first larger count that passes ("would pass if …");
  // nullopt if none does or if the primary count passes.
  std::optional<EligibilityCount> would_pass_with;
  std::vector<std::string> notes;

  const CountResult& count(EligibilityCount which) const noexcept;
};

// One entry per network with a track (a proposal to the call), in file order. Throws
// std::invalid_argument if a proposal's track has no rules.
std::vector<ProposalEligibility> assess_eligibility(const Dataset& dataset, const Geography& geography,
                                                    const CallRules& rules, const EligibilityOptions& options = {});

// The table of assess_eligibility's results, one row per proposal:
//   network_id, name, track,
//   lead_id, lead_name, lead_kind, lead_allowed ("yes"/"no"/"" without a lead),
//   lead_region_code, lead_region, paid_to,
//   municipalities_named, regions_named, verdict_named,        (integers; "pass"/"fail")
//   municipalities_seats, regions_seats, verdict_seats,
//   municipalities_planned, regions_planned, verdict_planned,
//   count (the primary count), verdict ("pass"/"fail"), reason, would_pass_if, note,
//   municipality_codes_named, municipality_codes_seats, municipality_codes_planned ("|"-joined).
Table eligibility_table(const Dataset& dataset, const Geography& geography,
                        const std::vector<ProposalEligibility>& results);

// assess_eligibility + eligibility_table.
Table evaluate_eligibility(const Dataset& dataset, const Geography& geography, const CallRules& rules,
                           const EligibilityOptions& options = {});

}  // namespace alueverkko
