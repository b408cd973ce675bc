// Eligibility of call proposals: the three counts of municipalities and regions, the verdicts under
// the track's requirements, the lead and where the money would go (docs/eligibility.md).
#include <alueverkko/data/dataset.hpp>
#include <alueverkko/geo/geography.hpp>
#include <alueverkko/metrics/eligibility.hpp>

#include <array>
#include <set>
#include <stdexcept>

namespace alueverkko {

std::string_view to_string(EligibilityCount value) noexcept {
  switch (value) {
    case EligibilityCount::named: return "named";
    case EligibilityCount::seats: return "seats";
    case EligibilityCount::planned: return "planned";
  }
  return "";
}

std::optional<EligibilityCount> parse_eligibility_count(std::string_view text) noexcept {
  for (const auto c : {EligibilityCount::named, EligibilityCount::seats, EligibilityCount::planned})
    if (to_string(c) == text) return c;
  return std::nullopt;
}

std::string_view to_string(AreaActors value) noexcept { return value == AreaActors::ignore ? "ignore" : "regions"; }

std::optional<AreaActors> parse_area_actors(std::string_view text) noexcept {
  if (text == "ignore") return AreaActors::ignore;
  if (text == "regions") return AreaActors::regions;
  return std::nullopt;
}

const CountResult& ProposalEligibility::count(EligibilityCount which) const noexcept {
  switch (which) {
    case EligibilityCount::named: return named;
    case EligibilityCount::seats: return seats;
    case EligibilityCount::planned: return planned;
  }
  return named;
}

namespace {

constexpr std::array<EligibilityCount, 3> all_counts{EligibilityCount::named, EligibilityCount::seats,
                                                     EligibilityCount::planned};

std::size_t index_of(EligibilityCount c) { return static_cast<std::size_t>(c); }

// How a count is named in reasons: "3 municipalities named", "… with organisations' seats".
std::string_view count_words(EligibilityCount c) {
  switch (c) {
    case EligibilityCount::named: return "named";
    case EligibilityCount::seats: return "with member organisations' seats";
    case EligibilityCount::planned: return "with seats and planned members";
  }
  return "";
}

std::string plural(std::size_t n, std::string_view one, std::string_view many) {
  return std::to_string(n) + " " + std::string(n == 1 ? one : many);
}

std::string needs(const Requirement& r) {
  return r.comparison == RuleComparison::greater ? "needs more than " + std::to_string(r.value)
                                                 : "needs " + std::to_string(r.value);
}

std::string region_name(const Geography& geography, const std::string& code) {
  const Region* region = geography.find_region(code);
  return region ? region->name_fi : code;
}

std::string join(const std::vector<std::string>& items, std::string_view separator) {
  std::string out;
  for (const auto& item : items) out += (out.empty() ? "" : std::string(separator)) + item;
  return out;
}

// The region an actor operates in: an area actor's own region, else its seat's; empty if unknown.
std::string region_of_actor(const Actor& actor, const Geography& geography) {
  if (actor.country != "FI") return {};
  if (actor.area_level == AreaLevel::region) return actor.area_unit_code;
  if (actor.area_level == AreaLevel::subregion) {
    const Subregion* s = geography.find_subregion(actor.area_unit_code);
    return s ? s->region_code : std::string();
  }
  if (const Municipality* m = geography.find_municipality(actor.municipality_code)) return m->region_code;
  return {};
}

// Places collected for one count.
struct Places {
  std::set<std::string> municipalities, regions;
};

CountResult judge(const Places& places, const TrackRules& track, EligibilityCount which, const Geography& geography) {
  CountResult result;
  result.municipalities.assign(places.municipalities.begin(), places.municipalities.end());
  std::set<std::string> regions = places.regions;
  for (const auto& code : places.municipalities)
    if (const Municipality* m = geography.find_municipality(code)) regions.insert(m->region_code);
  result.regions.assign(regions.begin(), regions.end());

  const std::size_t n_municipalities = result.municipalities.size(), n_regions = result.regions.size();
  std::vector<std::string> failures;
  for (const Requirement& r : track.requirements) {
    const std::size_t n = r.quantity == RuleQuantity::municipalities ? n_municipalities : n_regions;
    if (r.passes(static_cast<std::int64_t>(n))) continue;
    if (r.quantity == RuleQuantity::municipalities) {
      failures.push_back(plural(n, "municipality", "municipalities") + " " + std::string(count_words(which)) + ", " + needs(r));
    } else if (n == 0) {
      failures.push_back("no region, " + needs(r));
    } else if (n == 1) {
      failures.push_back("all in one region (" + region_name(geography, result.regions.front()) + "), " + needs(r));
    } else {
      failures.push_back(plural(n, "region", "regions") + ", " + needs(r));
    }
  }
  result.passes = failures.empty();
  result.reason = result.passes ? plural(n_municipalities, "municipality", "municipalities") + " " +
                                      std::string(count_words(which)) + " in " + plural(n_regions, "region", "regions")
                                : join(failures, "; ");
  return result;
}

std::string would_pass_text(EligibilityCount primary, std::optional<EligibilityCount> with) {
  if (!with) return {};
  if (*with == EligibilityCount::seats) return "would pass if member organisations' seats counted";
  return primary == EligibilityCount::named ? "would pass if organisations' seats and planned members counted"
                                            : "would pass if planned members counted";
}

// The regional council the money goes to: the data set's regional council of the region, else a
// description of it.
std::string council_of(const Dataset& dataset, const Geography& geography, const std::string& region_code) {
  if (region_code.empty()) return {};
  for (const Actor& a : dataset.actors())
    if (a.kind == ActorKind::regional_council && a.area_level == AreaLevel::region && a.area_unit_code == region_code)
      return a.name;
  return "regional council of " + region_name(geography, region_code);
}

ProposalEligibility assess(const Dataset& dataset, const Geography& geography, const CallRules& rules,
                           const EligibilityOptions& options, std::size_t network_index) {
  const Network& network = dataset.networks()[network_index];
  const TrackRules* track = rules.find(network.track);
  if (!track)
    throw std::invalid_argument("the rules " + rules.file.string() + " define no track " +
                                std::string(to_string(network.track)) + " (network " + network.id + ")");
  ProposalEligibility p;
  p.network = network_index;
  p.network_id = network.id;
  p.name = network.name;
  p.track = network.track;
  p.primary = options.count;

  std::array<Places, 3> places;  // what each membership adds, by the smallest count it enters
  std::vector<std::string> foreign, groups, no_seat, areas;
  for (const std::size_t mi : dataset.memberships_of_network(network_index)) {
    const Membership& m = dataset.memberships()[mi];
    const Actor& a = dataset.actors()[m.actor];
    if (m.role == MembershipRole::lead) p.lead = m.actor;
    if (m.status != MembershipStatus::member && m.status != MembershipStatus::planned) continue;
    const bool member = m.status == MembershipStatus::member;
    if (a.country != "FI") {
      foreign.push_back(a.name);
    } else if (a.kind == ActorKind::municipality) {
      places[index_of(member ? EligibilityCount::named : EligibilityCount::planned)].municipalities.insert(a.municipality_code);
    } else if (a.area_level != AreaLevel::none) {
      areas.push_back(a.name);
      if (const std::string region = region_of_actor(a, geography);
          options.area_actors == AreaActors::regions && !region.empty())
        places[index_of(member ? EligibilityCount::seats : EligibilityCount::planned)].regions.insert(region);
    } else if (!a.municipality_code.empty()) {
      places[index_of(member ? EligibilityCount::seats : EligibilityCount::planned)].municipalities.insert(a.municipality_code);
    } else if (a.kind == ActorKind::group) {
      groups.push_back(a.name + (a.declared_size ? " (" + std::to_string(*a.declared_size) + " members)" : std::string()));
    } else {
      no_seat.push_back(a.name);
    }
  }
  for (std::size_t i = 1; i < places.size(); ++i) {  // each count includes the previous one
    places[i].municipalities.insert(places[i - 1].municipalities.begin(), places[i - 1].municipalities.end());
    places[i].regions.insert(places[i - 1].regions.begin(), places[i - 1].regions.end());
  }
  p.named = judge(places[0], *track, EligibilityCount::named, geography);
  p.seats = judge(places[1], *track, EligibilityCount::seats, geography);
  p.planned = judge(places[2], *track, EligibilityCount::planned, geography);
  p.passes = p.count(p.primary).passes;
  if (!p.passes)
    for (const auto c : all_counts)
      if (index_of(c) > index_of(p.primary) && p.count(c).passes) {
        p.would_pass_with = c;
        break;
      }

  if (p.lead) {
    const Actor& lead = dataset.actors()[*p.lead];
    p.lead_allowed = rules.allows_applicant(lead.kind);
    p.lead_region_code = region_of_actor(lead, geography);
    p.paid_to = council_of(dataset, geography, p.lead_region_code);
    if (p.lead_region_code.empty()) p.notes.push_back("the lead's region is unknown (no seat in the data)");
  } else {
    p.notes.push_back("no lead named");
  }
  const std::size_t named = p.named.municipalities.size();
  if (network.declared_members && static_cast<std::size_t>(*network.declared_members) > named)
    p.notes.push_back("declares " + std::to_string(*network.declared_members) + " members, names " +
                      plural(named, "municipality", "municipalities"));
  if (!groups.empty()) p.notes.push_back("groups without named members not counted: " + join(groups, ", "));
  if (!areas.empty())
    p.notes.push_back(std::string(options.area_actors == AreaActors::ignore ? "area actors not counted: "
                                                                             : "area actors counted as regions: ") +
                      join(areas, ", "));
  if (!no_seat.empty()) p.notes.push_back("organisations without a known seat: " + join(no_seat, ", "));
  if (!foreign.empty()) p.notes.push_back("foreign actors not counted: " + join(foreign, ", "));
  return p;
}

std::string joined_codes(const std::vector<std::string>& codes) { return join(codes, "|"); }

// "regions_" + "named" (appended: GCC 12 warns falsely about `literal + std::string` here).
std::string column_name(std::string_view prefix, EligibilityCount c) {
  std::string name(prefix);
  name.append(to_string(c));
  return name;
}

std::string verdict(bool passes) { return passes ? "pass" : "fail"; }

}  // namespace

std::vector<ProposalEligibility> assess_eligibility(const Dataset& dataset, const Geography& geography,
                                                    const CallRules& rules, const EligibilityOptions& options) {
  std::vector<ProposalEligibility> results;
  for (std::size_t i = 0; i < dataset.networks().size(); ++i)
    if (dataset.networks()[i].track != Track::none) results.push_back(assess(dataset, geography, rules, options, i));
  return results;
}

Table eligibility_table(const Dataset& dataset, const Geography& geography,
                        const std::vector<ProposalEligibility>& results) {
  Table::Strings network_id, name, track, lead_id, lead_name, lead_kind, lead_allowed, lead_region_code, lead_region,
      paid_to, count, verdict_primary, reason, would_pass_if, note;
  std::array<Table::Integers, 3> municipalities, regions;
  std::array<Table::Strings, 3> verdicts, codes;
  for (const ProposalEligibility& p : results) {
    network_id.push_back(p.network_id);
    name.push_back(p.name);
    track.emplace_back(to_string(p.track));
    const Actor* lead = p.lead ? &dataset.actors()[*p.lead] : nullptr;
    lead_id.push_back(lead ? lead->id : std::string());
    lead_name.push_back(lead ? lead->name : std::string());
    lead_kind.push_back(lead ? std::string(to_string(lead->kind)) : std::string());
    lead_allowed.push_back(lead ? (p.lead_allowed ? "yes" : "no") : "");
    lead_region_code.push_back(p.lead_region_code);
    lead_region.push_back(p.lead_region_code.empty() ? std::string() : region_name(geography, p.lead_region_code));
    paid_to.push_back(p.paid_to);
    for (const auto c : all_counts) {
      const CountResult& r = p.count(c);
      municipalities[index_of(c)].push_back(static_cast<std::int64_t>(r.municipalities.size()));
      regions[index_of(c)].push_back(static_cast<std::int64_t>(r.regions.size()));
      verdicts[index_of(c)].push_back(verdict(r.passes));
      codes[index_of(c)].push_back(joined_codes(r.municipalities));
    }
    count.emplace_back(to_string(p.primary));
    verdict_primary.push_back(verdict(p.passes));
    reason.push_back(p.count(p.primary).reason);
    would_pass_if.push_back(would_pass_text(p.primary, p.would_pass_with));
    note.push_back(join(p.notes, "; "));
  }
  Table t;
  t.add_column("network_id", std::move(network_id));
  t.add_column("name", std::move(name));
  t.add_column("track", std::move(track));
  t.add_column("lead_id", std::move(lead_id));
  t.add_column("lead_name", std::move(lead_name));
  t.add_column("lead_kind", std::move(lead_kind));
  t.add_column("lead_allowed", std::move(lead_allowed));
  t.add_column("lead_region_code", std::move(lead_region_code));
  t.add_column("lead_region", std::move(lead_region));
  t.add_column("paid_to", std::move(paid_to));
  for (const auto c : all_counts) {
    t.add_column(column_name("municipalities_", c), std::move(municipalities[index_of(c)]));
    t.add_column(column_name("regions_", c), std::move(regions[index_of(c)]));
    t.add_column(column_name("verdict_", c), std::move(verdicts[index_of(c)]));
  }
  t.add_column("count", std::move(count));
  t.add_column("verdict", std::move(verdict_primary));
  t.add_column("reason", std::move(reason));
  t.add_column("would_pass_if", std::move(would_pass_if));
  t.add_column("note", std::move(note));
  for (const auto c : all_counts)
    t.add_column(column_name("municipality_codes_", c), std::move(codes[index_of(c)]));
  return t;
}

Table evaluate_eligibility(const Dataset& dataset, const Geography& geography, const CallRules& rules,
                           const EligibilityOptions& options) {
  return eligibility_table(dataset, geography, assess_eligibility(dataset, geography, rules, options));
}

}  // namespace alueverkko
