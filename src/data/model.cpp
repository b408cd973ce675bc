#include <alueverkko/data/model.hpp>

#include "../core/fields.hpp"

#include <array>
#include <cstdio>

namespace alueverkko {

namespace {

// One table per enum: the spelling of each value, in declaration order.
template <typename Enum, std::size_t N>
struct EnumTable {
  std::array<Enum, N> values;
  std::array<std::string_view, N> names;

  std::string_view name(Enum value) const noexcept { return names[static_cast<std::size_t>(value)]; }
  std::optional<Enum> parse(std::string_view text) const noexcept {
    for (std::size_t i = 0; i < N; ++i)
      if (names[i] == text) return values[i];
    return std::nullopt;
  }
};

using AK = ActorKind;
constexpr EnumTable<ActorKind, 19> actor_kinds{
    {AK::municipality, AK::region, AK::subregion, AK::regional_council, AK::joint_municipal_authority,
     AK::development_company, AK::university, AK::university_of_applied_sciences, AK::vocational_institution,
     AK::research_institute, AK::government_agency, AK::association, AK::leader_group, AK::company, AK::group,
     AK::foreign_municipality, AK::foreign_region, AK::foreign_organisation, AK::other},
    {"municipality", "region", "subregion", "regional_council", "joint_municipal_authority",
     "development_company", "university", "university_of_applied_sciences", "vocational_institution",
     "research_institute", "government_agency", "association", "leader_group", "company", "group",
     "foreign_municipality", "foreign_region", "foreign_organisation", "other"}};

constexpr EnumTable<NetworkKind, 5> network_kinds{
    {NetworkKind::proposal, NetworkKind::network, NetworkKind::programme, NetworkKind::project,
     NetworkKind::strategy},
    {"proposal", "network", "programme", "project", "strategy"}};

constexpr EnumTable<Track, 3> tracks{{Track::none, Track::development_zone, Track::thematic_network},
                                     {"", "development_zone", "thematic_network"}};

constexpr EnumTable<MembershipStatus, 4> statuses{
    {MembershipStatus::member, MembershipStatus::planned, MembershipStatus::invited, MembershipStatus::mentioned},
    {"member", "planned", "invited", "mentioned"}};

using MR = MembershipRole;
constexpr EnumTable<MembershipRole, 11> roles{
    {MR::none, MR::lead, MR::co_lead, MR::coordinator, MR::implementer, MR::partner, MR::funder, MR::interested,
     MR::endpoint, MR::area, MR::context},
    {"", "lead", "co_lead", "coordinator", "implementer", "partner", "funder", "interested", "endpoint", "area",
     "context"}};

constexpr EnumTable<Orientation, 4> orientations{
    {Orientation::none, Orientation::top_down, Orientation::bottom_up, Orientation::mixed},
    {"", "top-down", "bottom-up", "mixed"}};

}  // namespace

std::string_view to_string(ActorKind value) noexcept { return actor_kinds.name(value); }
std::string_view to_string(NetworkKind value) noexcept { return network_kinds.name(value); }
std::string_view to_string(Track value) noexcept { return tracks.name(value); }
std::string_view to_string(MembershipStatus value) noexcept { return statuses.name(value); }
std::string_view to_string(MembershipRole value) noexcept { return roles.name(value); }
std::string_view to_string(Orientation value) noexcept { return orientations.name(value); }

std::optional<ActorKind> parse_actor_kind(std::string_view text) noexcept { return actor_kinds.parse(text); }
std::optional<NetworkKind> parse_network_kind(std::string_view text) noexcept { return network_kinds.parse(text); }
std::optional<Track> parse_track(std::string_view text) noexcept { return tracks.parse(text); }
std::optional<MembershipStatus> parse_membership_status(std::string_view text) noexcept {
  return statuses.parse(text);
}
std::optional<MembershipRole> parse_membership_role(std::string_view text) noexcept { return roles.parse(text); }
std::optional<Orientation> parse_orientation(std::string_view text) noexcept { return orientations.parse(text); }

std::span<const ActorKind> all_actor_kinds() noexcept { return actor_kinds.values; }
std::span<const NetworkKind> all_network_kinds() noexcept { return network_kinds.values; }
std::span<const Track> all_tracks() noexcept { return tracks.values; }
std::span<const MembershipStatus> all_membership_statuses() noexcept { return statuses.values; }
std::span<const MembershipRole> all_membership_roles() noexcept { return roles.values; }
std::span<const Orientation> all_orientations() noexcept { return orientations.values; }

std::string SourceRef::to_string() const {
  std::string out = file + ':';
  for (std::size_t i = 0; i < line_ranges.size(); ++i) {
    if (i) out += ';';
    const auto [a, b] = line_ranges[i];
    out += std::to_string(a);
    if (b != a) out += '-' + std::to_string(b);
  }
  return out;
}

std::optional<SourceRef> parse_source_ref(std::string_view text) {
  const std::size_t colon = text.rfind(':');
  if (colon == std::string_view::npos || colon == 0 || colon + 1 == text.size()) return std::nullopt;
  SourceRef ref;
  ref.file = std::string(text.substr(0, colon));
  std::string_view ranges = text.substr(colon + 1);
  while (true) {
    const std::size_t semicolon = ranges.find(';');
    const std::string_view item = ranges.substr(0, semicolon);
    const std::size_t dash = item.find('-');
    const auto first = detail::parse_integer(item.substr(0, dash));
    const auto last = dash == std::string_view::npos ? first : detail::parse_integer(item.substr(dash + 1));
    if (!first || !last || *first < 1 || *last < *first || *last > 100000000) return std::nullopt;
    if (item.front() == '-' || (dash != std::string_view::npos && item[dash + 1] == '-')) return std::nullopt;
    ref.line_ranges.emplace_back(static_cast<int>(*first), static_cast<int>(*last));
    if (semicolon == std::string_view::npos) break;
    ranges.remove_prefix(semicolon + 1);
  }
  return ref;
}

std::string PartialDate::to_string() const {
  char buffer[16];
  if (month == 0) {
    std::snprintf(buffer, sizeof buffer, "%04d", year);
  } else {
    std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", year, month, day);
  }
  return buffer;
}

std::optional<PartialDate> parse_partial_date(std::string_view text) {
  const auto digits = [&](std::size_t at, std::size_t n) -> std::optional<int> {
    if (!detail::is_digits(text.substr(at, n), n)) return std::nullopt;
    return static_cast<int>(*detail::parse_integer(text.substr(at, n)));
  };
  if (text.size() == 4) {
    const auto year = digits(0, 4);
    if (!year) return std::nullopt;
    return PartialDate{*year, 0, 0};
  }
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  const auto year = digits(0, 4), month = digits(5, 2), day = digits(8, 2);
  if (!year || !month || !day || *month < 1 || *month > 12 || *day < 1) return std::nullopt;
  const bool leap = (*year % 4 == 0 && *year % 100 != 0) || *year % 400 == 0;
  constexpr int days_in_month[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const int last_day = days_in_month[*month - 1] + (*month == 2 && leap ? 1 : 0);
  if (*day > last_day) return std::nullopt;
  return PartialDate{*year, *month, *day};
}

bool is_ordered(const PartialDate& start, const PartialDate& end) noexcept {
  // Compare the earliest day `start` can mean with the latest day `end` can mean.
  const PartialDate earliest = start.month == 0 ? PartialDate{start.year, 1, 1} : start;
  const PartialDate latest = end.month == 0 ? PartialDate{end.year, 12, 31} : end;
  return earliest <= latest;
}

}  // namespace alueverkko
