#pragma once
// The eligibility and funding rules of a funding call (data/collaborations/call_rules_2021/rules.json,
// described in data/README.md and docs/eligibility.md): per track, how many municipalities and
// regions (maakunnat) the network must have; which kinds of actor may apply; where the money goes.
#include <alueverkko/data/model.hpp>

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace alueverkko {

// What a requirement counts: distinct Finnish municipalities forming the network, or the distinct
// regions (maakunnat) they lie in.
enum class RuleQuantity { municipalities, regions };
// ">" or ">=" (the only comparisons the call uses).
enum class RuleComparison { greater, greater_equal };

std::string_view to_string(RuleQuantity value) noexcept;     // "municipalities", "regions"
std::string_view to_string(RuleComparison value) noexcept;   // ">", ">="
std::optional<RuleQuantity> parse_rule_quantity(std::string_view text) noexcept;
std::optional<RuleComparison> parse_rule_comparison(std::string_view text) noexcept;

// count(quantity) <comparison> value.
struct Requirement {
  RuleQuantity quantity = RuleQuantity::municipalities;
  RuleComparison comparison = RuleComparison::greater_equal;
  std::int64_t value = 0;
  std::string as_written;            // the call's own words, e.g. "enemmän kuin neljä kuntaa"
  std::optional<SourceRef> source;   // lines of the call text

  bool passes(std::int64_t count) const noexcept;
  // The smallest integer count that passes (value + 1 for ">", value for ">=").
  std::int64_t minimum() const noexcept;
  // "municipalities > 4".
  std::string to_string() const;
};

struct TrackRules {
  Track track = Track::none;
  std::string name_fi;
  std::vector<Requirement> requirements;  // at most one per quantity
  std::optional<SourceRef> source;

  // nullptr if the track sets no requirement on `quantity`.
  const Requirement* requirement(RuleQuantity quantity) const noexcept;
};

// One kind of applicant as the call writes it ("korkeakoulu tai oppilaitos") and the actor kinds it
// covers.
struct ApplicantKind {
  std::string as_written;
  std::vector<ActorKind> actor_kinds;
};

// Who receives the money of a funded network. The 2021 call has one rule: the regional council
// (maakunnan liitto) of the region where the network's lead operates.
enum class FundingRecipient { regional_council_of_lead_region };
std::string_view to_string(FundingRecipient value) noexcept;

struct FundingRules {
  std::string instrument;  // "AKKE"
  std::optional<std::int64_t> total_eur;
  double max_share_of_public_funding = 1.0;  // max_akke_share_of_public_funding, in (0, 1]
  FundingRecipient paid_to = FundingRecipient::regional_council_of_lead_region;
  std::string paid_to_as_written;
  std::optional<SourceRef> paid_to_source;
};

struct CallRules {
  std::filesystem::path file;  // the rules.json read
  std::string title, organiser;
  std::vector<TrackRules> tracks;  // one per Track other than none, in the order development_zone, thematic_network
  std::vector<ApplicantKind> applicant_kinds;
  FundingRules funding;

  // nullptr for Track::none or a track the rules do not define.
  const TrackRules* find(Track track) const noexcept;
  // True if some applicant kind covers `kind`.
  bool allows_applicant(ActorKind kind) const noexcept;
};

// Reads and checks a rules.json (or a directory holding one): the keys of the format and no others,
// every track of the call (development_zone and thematic_network) present, quantities
// municipalities|regions, comparisons > or >=, `minimum` consistent with comparison and value,
// known actor kinds, paid_to regional_council_of_lead_region, 0 < max share <= 1, source fields
// FILE:RANGES. Throws DataError with every problem at once, each as file:line:column: message.
CallRules load_call_rules(const std::filesystem::path& path);
// The same for the text of a rules.json in memory; `file` names it in the diagnostics and CallRules::file.
CallRules parse_call_rules(std::string_view text, const std::string& file);

// Where find_call_rules looks for <name>/rules.json, in order:
//   1. <near>/../<name>/rules.json (data/collaborations/<dataset> next to data/collaborations/<name>);
//      skipped when `near` is empty. `near` is normally the data set directory.
//   2. $ALUEVERKKO_DATA_DIR/collaborations/<name>/rules.json, if the variable is set and not empty,
//   3. <installed data directory>/collaborations/<name>/rules.json, and
//   4. <directory of the running executable>/../share/alueverkko/collaborations/<name>/rules.json —
// the same places as geography_search_path (geo/find_geography.hpp).
std::vector<std::filesystem::path> call_rules_search_path(std::string_view name = "call_rules_2021",
                                                          const std::filesystem::path& near = {});
// The first existing file of call_rules_search_path(name, near), or nullopt.
std::optional<std::filesystem::path> find_call_rules(std::string_view name = "call_rules_2021",
                                                     const std::filesystem::path& near = {});

}  // namespace alueverkko
