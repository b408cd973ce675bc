#pragma once
// Records of a collaboration data set (docs/data-format.md, "Collaboration data set directory").
#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace alueverkko {

enum class ActorKind {
  municipality, region, subregion, regional_council, joint_municipal_authority, development_company,
  university, university_of_applied_sciences, vocational_institution, research_institute,
  government_agency, association, leader_group, company, group, foreign_municipality,
  foreign_region, foreign_organisation, other
};
enum class NetworkKind { proposal, network, programme, project, strategy };
enum class Track { none, development_zone, thematic_network };  // none = empty field
enum class MembershipStatus { member, planned, invited, mentioned };
enum class MembershipRole {
  none, lead, co_lead, coordinator, implementer, partner, funder, interested, endpoint, area, context
};
enum class Orientation { none, top_down, bottom_up, mixed };  // written top-down, bottom-up, mixed

// The spelling used in the CSV files ("" for the `none` values).
std::string_view to_string(ActorKind value) noexcept;
std::string_view to_string(NetworkKind value) noexcept;
std::string_view to_string(Track value) noexcept;
std::string_view to_string(MembershipStatus value) noexcept;
std::string_view to_string(MembershipRole value) noexcept;
std::string_view to_string(Orientation value) noexcept;

// Exact, case-sensitive parse of the CSV spelling; nullopt for anything else.
std::optional<ActorKind> parse_actor_kind(std::string_view text) noexcept;
std::optional<NetworkKind> parse_network_kind(std::string_view text) noexcept;
std::optional<Track> parse_track(std::string_view text) noexcept;
std::optional<MembershipStatus> parse_membership_status(std::string_view text) noexcept;
std::optional<MembershipRole> parse_membership_role(std::string_view text) noexcept;
std::optional<Orientation> parse_orientation(std::string_view text) noexcept;

// Every value, in declaration order (for iteration, e.g. summaries by kind).
std::span<const ActorKind> all_actor_kinds() noexcept;
std::span<const NetworkKind> all_network_kinds() noexcept;
std::span<const Track> all_tracks() noexcept;
std::span<const MembershipStatus> all_membership_statuses() noexcept;
std::span<const MembershipRole> all_membership_roles() noexcept;
std::span<const Orientation> all_orientations() noexcept;

// A citation "FILE:RANGES", e.g. "001_74b0c43f28be7998.txt:592;612-650"; a single line A is the
// range (A, A).
struct SourceRef {
  std::string file;
  std::vector<std::pair<int, int>> line_ranges;
  std::string to_string() const;
  friend bool operator==(const SourceRef&, const SourceRef&) = default;
};
// nullopt unless `text` is FILE:RANGES with 1 <= A <= B for every range.
std::optional<SourceRef> parse_source_ref(std::string_view text);

// "YYYY" (month = day = 0) or "YYYY-MM-DD".
struct PartialDate {
  int year = 0, month = 0, day = 0;
  std::string to_string() const;
  friend auto operator<=>(const PartialDate&, const PartialDate&) = default;
};
std::optional<PartialDate> parse_partial_date(std::string_view text);
// True if `start` may precede `end`: a bare year covers the whole year (2021 <= 2021-03-01).
bool is_ordered(const PartialDate& start, const PartialDate& end) noexcept;

enum class AreaLevel { none, region, subregion };

struct Actor {
  std::string id;  // [A-Za-z0-9._-]+; municipalities are "kunta-<code>"
  std::string name;
  ActorKind kind = ActorKind::other;
  std::string municipality_code;  // seat municipality; empty if none
  std::string area_code;          // "MK01" / "SK011" / empty
  AreaLevel area_level = AreaLevel::none;
  std::string area_unit_code;     // area_code without its prefix: "01" / "011"
  std::string country = "FI";     // ISO 3166-1 alpha-2
  std::optional<double> lat, lon; // only for actors outside the geography
  std::optional<int> declared_size;
  std::optional<SourceRef> source;
  std::size_t line = 0;  // where the actor is defined in actors.csv
};

struct Network {
  std::string id, name, name_en;
  NetworkKind kind = NetworkKind::network;
  Track track = Track::none;
  std::vector<std::string> themes;
  std::optional<int> declared_members;
  std::optional<PartialDate> start, end;
  bool regional_towns = false;
  std::string financing;
  Orientation orientation = Orientation::none;
  std::string focus;
  std::string country;  // empty if not given
  std::optional<SourceRef> source;
  std::size_t line = 0;
};

struct Membership {
  std::size_t network = 0;  // index into Dataset::networks()
  std::size_t actor = 0;    // index into Dataset::actors()
  MembershipStatus status = MembershipStatus::member;
  MembershipRole role = MembershipRole::none;
  double weight = 1.0;
  std::optional<PartialDate> start, end;
  std::optional<SourceRef> source;
  std::size_t line = 0;
};

struct Alias {
  std::string alias;
  std::size_t actor = 0;  // index into Dataset::actors()
};

}  // namespace alueverkko
