#pragma once
// Which memberships of a data set take part in an analysis. A filter selects; it never copies the
// data set: the result is one flag per membership (= per edge of TwoModeGraph::from_dataset).
#include <alueverkko/data/model.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace alueverkko {

class Dataset;

// Every criterion left empty selects everything; given criteria must all hold.
struct MembershipFilter {
  std::vector<MembershipStatus> statuses;  // e.g. {member} or {member, planned}
  std::vector<MembershipRole> roles;
  std::vector<Track> tracks;               // the network's track
  std::vector<NetworkKind> network_kinds;
  std::vector<ActorKind> actor_kinds;
  // A network matches if one of its themes contains one of these words or phrases, compared by
  // name_key (case-insensitive; å, ä, ö distinct).
  std::vector<std::string> themes;
  // Time window: a membership matches if its period (its own start/end, else its network's) overlaps
  // [from, to]. A missing start or end is open.
  std::optional<PartialDate> from, to;
};

// One flag (0/1) per membership of `dataset`, in data-set order.
std::vector<std::uint8_t> select_memberships(const Dataset& dataset, const MembershipFilter& filter);

}  // namespace alueverkko
