// Fuzz target: parse_call_rules, a funding call's rules.json (tracks, requirements, applicant
// kinds, funding). Input: the text of the file.
#include "fuzz_support.hpp"

#include <alueverkko/data/call_rules.hpp>

using namespace alueverkko;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text = fuzz::as_text(data, size);
  try {
    const CallRules rules = parse_call_rules(text, "rules.json");
    // Both tracks of the call, in order; each requirement's minimum is the smallest passing count.
    fuzz::require(rules.tracks.size() == 2 && rules.tracks[0].track == Track::development_zone &&
                  rules.tracks[1].track == Track::thematic_network);
    for (const TrackRules& track : rules.tracks) {
      for (const Requirement& requirement : track.requirements) {
        fuzz::require(requirement.value >= 0);
        fuzz::require(requirement.passes(requirement.minimum()));
        fuzz::require(requirement.minimum() == 0 || !requirement.passes(requirement.minimum() - 1));
      }
    }
    const double share = rules.funding.max_share_of_public_funding;
    fuzz::require(share > 0 && share <= 1);
  } catch (const DataError& error) {
    fuzz::check_diagnostics(error, {{"rules.json", text}});
  }
  return 0;
}
