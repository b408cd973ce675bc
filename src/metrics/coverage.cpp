#include <alueverkko/data/dataset.hpp>
#include <alueverkko/geo/geography.hpp>
#include <alueverkko/metrics/coverage.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <numeric>
#include <stdexcept>
#include <string>

namespace alueverkko {
namespace {

constexpr double nan = std::numeric_limits<double>::quiet_NaN();

double ratio(double numerator, double denominator) { return denominator > 0 ? numerator / denominator : nan; }

// ------------------------------------------------------------------ actors → municipalities

enum class Channel { direct, seated, area, none };

Channel channel_of(const Actor& actor, const Geography& geography) {
  if (actor.country != "FI") return Channel::none;
  if (actor.area_level == AreaLevel::region)
    return geography.find_region(actor.area_unit_code) ? Channel::area : Channel::none;
  if (actor.area_level == AreaLevel::subregion)
    return geography.find_subregion(actor.area_unit_code) ? Channel::area : Channel::none;
  if (actor.municipality_code.empty() || geography.municipality_index(actor.municipality_code) == Geography::npos)
    return Channel::none;
  return actor.kind == ActorKind::municipality ? Channel::direct : Channel::seated;
}

// The municipality indices an actor counts for in its channel (empty for Channel::none).
std::vector<std::size_t> municipalities_of(const Actor& actor, Channel channel, const Geography& geography) {
  switch (channel) {
    case Channel::direct:
    case Channel::seated: return {geography.municipality_index(actor.municipality_code)};
    case Channel::area:
      return actor.area_level == AreaLevel::region ? geography.municipalities_in_region(actor.area_unit_code)
                                                   : geography.municipalities_in_subregion(actor.area_unit_code);
    case Channel::none: break;
  }
  return {};
}

// The region code of an actor's place ("" if it has none).
std::string region_of(const Actor& actor, const Geography& geography) {
  switch (channel_of(actor, geography)) {
    case Channel::direct:
    case Channel::seated: return geography.find_municipality(actor.municipality_code)->region_code;
    case Channel::area:
      return actor.area_level == AreaLevel::region ? actor.area_unit_code
                                                   : geography.find_subregion(actor.area_unit_code)->region_code;
    case Channel::none: break;
  }
  return {};
}

// ------------------------------------------------------------------ participations

// A municipality in a network: the strongest status of its counting actors there, and whether one leads.
struct Participation {
  std::size_t network = 0;
  MembershipStatus status = MembershipStatus::member;
  bool lead = false;
};
using Participations = std::vector<Participation>;  // sorted by network, one entry per network

// Sorts by network and merges the entries of one network (member < planned < invited < mentioned in
// declaration order: the smaller is the stronger).
void normalise(Participations& list) {
  std::sort(list.begin(), list.end(), [](const Participation& a, const Participation& b) { return a.network < b.network; });
  Participations merged;
  for (const Participation& p : list) {
    if (!merged.empty() && merged.back().network == p.network) {
      merged.back().status = std::min(merged.back().status, p.status);
      merged.back().lead = merged.back().lead || p.lead;
    } else {
      merged.push_back(p);
    }
  }
  list = std::move(merged);
}

Participations united(std::initializer_list<const Participations*> lists) {
  Participations out;
  for (const Participations* list : lists) out.insert(out.end(), list->begin(), list->end());
  normalise(out);
  return out;
}

// Per municipality (geography order) and channel, plus the union the options count.
struct Reach {
  int year = 0;
  std::vector<Participations> direct, with_organisations, via_area, basis;
};

Reach reach_of(const Dataset& dataset, const Geography& geography, const MembershipFilter& filter,
               const CoverageOptions& options) {
  Reach reach;
  reach.year = coverage_year(geography, options);
  const std::size_t n = geography.municipalities().size();
  std::vector<Participations> direct(n), seated(n), area(n);
  const auto selected = select_memberships(dataset, filter);
  std::vector<Channel> channels;
  std::vector<std::vector<std::size_t>> places;
  for (const Actor& actor : dataset.actors()) {
    channels.push_back(channel_of(actor, geography));
    places.push_back(municipalities_of(actor, channels.back(), geography));
  }
  const auto memberships = dataset.memberships();
  for (std::size_t i = 0; i < memberships.size(); ++i) {
    if (!selected[i]) continue;
    const Membership& m = memberships[i];
    const Participation p{m.network, m.status, m.role == MembershipRole::lead};
    auto& lists = channels[m.actor] == Channel::direct ? direct : channels[m.actor] == Channel::seated ? seated : area;
    for (const std::size_t place : places[m.actor]) lists[place].push_back(p);
  }
  reach.direct.resize(n);
  reach.with_organisations.resize(n);
  reach.via_area.resize(n);
  reach.basis.resize(n);
  for (std::size_t i = 0; i < n; ++i) {
    normalise(direct[i]);
    normalise(area[i]);
    reach.with_organisations[i] = united({&direct[i], &seated[i]});
    if (options.count_seated_organisations)
      reach.basis[i] = options.count_area_actors ? united({&reach.with_organisations[i], &area[i]}) : reach.with_organisations[i];
    else
      reach.basis[i] = options.count_area_actors ? united({&direct[i], &area[i]}) : direct[i];
    reach.direct[i] = std::move(direct[i]);
    reach.via_area[i] = std::move(area[i]);
  }
  return reach;
}

std::int64_t population_of(const Geography& geography, std::size_t municipality, int year) {
  return geography.population(municipality, year).value_or(0);
}

// Networks, the four statuses and leads of one participation list.
std::array<std::int64_t, 6> counts_of(const Participations& list) {
  std::array<std::int64_t, 6> counts{};
  counts[0] = static_cast<std::int64_t>(list.size());
  for (const Participation& p : list) {
    ++counts[1 + static_cast<std::size_t>(p.status)];
    counts[5] += p.lead;
  }
  return counts;
}

// Adds the columns PREFIX, PREFIX_member, …, PREFIX_lead (PREFIX empty: networks, member, …, lead).
void add_count_columns(Table& table, const std::string& prefix, const std::vector<Participations>& lists) {
  std::array<Table::Integers, 6> columns;
  for (const Participations& list : lists) {
    const auto counts = counts_of(list);
    for (std::size_t c = 0; c < 6; ++c) columns[c].push_back(counts[c]);
  }
  // all_membership_statuses() is in declaration order: member, planned, invited, mentioned.
  std::array<std::string, 6> names{prefix.empty() ? "networks" : prefix};
  std::size_t c = 1;
  for (const MembershipStatus s : all_membership_statuses())
    names[c++] = (prefix.empty() ? "" : prefix + "_") + std::string(to_string(s));
  names[5] = prefix.empty() ? "lead" : prefix + "_lead";
  for (std::size_t k = 0; k < 6; ++k) table.add_column(names[k], std::move(columns[k]));
}

std::vector<double> participation_values(const Reach& reach, bool exclude_zeros) {
  std::vector<double> values;
  for (const Participations& list : reach.basis)
    if (!exclude_zeros || !list.empty()) values.push_back(static_cast<double>(list.size()));
  return values;
}

std::string size_class_label(char size_class) {
  const SizeClassBins bins;
  switch (size_class) {
    case 'A': return ">= " + std::to_string(bins.a_min);
    case 'B': return std::to_string(bins.b_min) + "-" + std::to_string(bins.a_min - 1);
    case 'C': return std::to_string(bins.c_min) + "-" + std::to_string(bins.b_min - 1);
    case 'D': return std::to_string(bins.d_min) + "-" + std::to_string(bins.c_min - 1);
    default: return "< " + std::to_string(bins.d_min);
  }
}

}  // namespace

// ------------------------------------------------------------------ public

int coverage_year(const Geography& geography, const CoverageOptions& options) {
  const auto years = geography.population_years();
  const int year = options.year.value_or(geography.reference_year());
  if (std::find(years.begin(), years.end(), year) == years.end()) {
    std::string message = "population year " + std::to_string(year) + " is not in the series of geography '" +
                          geography.id() + "'";
    if (!years.empty())
      message += " (" + std::to_string(years.front()) + "-" + std::to_string(years.back()) + ")";
    throw std::invalid_argument(message);
  }
  return year;
}

std::string_view to_string(CoverageLevel level) noexcept {
  switch (level) {
    case CoverageLevel::municipality: return "municipality";
    case CoverageLevel::subregion: return "subregion";
    case CoverageLevel::region: return "region";
    case CoverageLevel::size_class: return "size_class";
    case CoverageLevel::country: return "country";
  }
  return "";
}

std::optional<CoverageLevel> parse_coverage_level(std::string_view text) noexcept {
  if (text == "size-class") return CoverageLevel::size_class;
  for (const auto level : {CoverageLevel::municipality, CoverageLevel::subregion, CoverageLevel::region,
                           CoverageLevel::size_class, CoverageLevel::country})
    if (to_string(level) == text) return level;
  return std::nullopt;
}

Table municipality_participation(const Dataset& dataset, const Geography& geography, const MembershipFilter& filter,
                                 const CoverageOptions& options) {
  const Reach reach = reach_of(dataset, geography, filter, options);
  const auto municipalities = geography.municipalities();
  Table::Strings code, name, subregion, region, size_class;
  Table::Integers population, covered;
  Table::Reals per_capita;
  for (std::size_t i = 0; i < municipalities.size(); ++i) {
    const Municipality& m = municipalities[i];
    code.push_back(m.code);
    name.push_back(m.name_fi);
    subregion.push_back(m.subregion_code);
    region.push_back(m.region_code);
    size_class.emplace_back(1, m.size_class);
    population.push_back(population_of(geography, i, reach.year));
    covered.push_back(!reach.basis[i].empty());
    per_capita.push_back(ratio(10000.0 * static_cast<double>(reach.basis[i].size()), static_cast<double>(population.back())));
  }
  Table table;
  table.add_column("code", std::move(code));
  table.add_column("name", std::move(name));
  table.add_column("subregion_code", std::move(subregion));
  table.add_column("region_code", std::move(region));
  table.add_column("size_class", std::move(size_class));
  table.add_column("population", std::move(population));
  add_count_columns(table, "direct", reach.direct);
  add_count_columns(table, "with_organisations", reach.with_organisations);
  add_count_columns(table, "via_area", reach.via_area);
  add_count_columns(table, "", reach.basis);
  table.add_column("covered", std::move(covered));
  table.add_column("networks_per_10000", std::move(per_capita));
  return table;
}

Table coverage_table(const Dataset& dataset, const Geography& geography, CoverageLevel level,
                     const MembershipFilter& filter, const CoverageOptions& options) {
  const Reach reach = reach_of(dataset, geography, filter, options);
  const auto municipalities = geography.municipalities();

  // The groups of the level and each municipality's group.
  Table::Strings code, name;
  std::vector<std::size_t> group_of(municipalities.size());
  switch (level) {
    case CoverageLevel::municipality:
      for (std::size_t i = 0; i < municipalities.size(); ++i) {
        code.push_back(municipalities[i].code);
        name.push_back(municipalities[i].name_fi);
        group_of[i] = i;
      }
      break;
    case CoverageLevel::subregion:
      for (const Subregion& s : geography.subregions()) {
        code.push_back(s.code);
        name.push_back(s.name_fi);
      }
      for (std::size_t i = 0; i < municipalities.size(); ++i)
        group_of[i] = geography.subregion_index(municipalities[i].subregion_code);
      break;
    case CoverageLevel::region:
      for (const Region& r : geography.regions()) {
        code.push_back(r.code);
        name.push_back(r.name_fi);
      }
      for (std::size_t i = 0; i < municipalities.size(); ++i)
        group_of[i] = geography.region_index(municipalities[i].region_code);
      break;
    case CoverageLevel::size_class:
      for (const char c : {'A', 'B', 'C', 'D', 'E'}) {
        code.emplace_back(1, c);
        name.push_back(size_class_label(c));
      }
      for (std::size_t i = 0; i < municipalities.size(); ++i)
        group_of[i] = static_cast<std::size_t>(std::clamp(municipalities[i].size_class, 'A', 'E') - 'A');
      break;
    case CoverageLevel::country:
      code.emplace_back("total");
      name.push_back(geography.name());
      break;
  }
  const std::size_t groups = code.size();

  Table::Integers n(groups), covered(groups), population(groups), population_covered(groups);
  std::vector<std::vector<std::size_t>> subregions(groups), subregions_touched(groups), regions(groups),
      regions_touched(groups), networks(groups);
  for (std::size_t i = 0; i < municipalities.size(); ++i) {
    const std::size_t g = group_of[i];
    if (g >= groups) continue;  // a municipality whose sub-region/region is unknown (unchecked data)
    const std::int64_t people = population_of(geography, i, reach.year);
    const bool is_covered = !reach.basis[i].empty();
    const std::size_t s = geography.subregion_index(municipalities[i].subregion_code);
    const std::size_t r = geography.region_index(municipalities[i].region_code);
    ++n[g];
    population[g] += people;
    subregions[g].push_back(s);
    regions[g].push_back(r);
    if (!is_covered) continue;
    ++covered[g];
    population_covered[g] += people;
    subregions_touched[g].push_back(s);
    regions_touched[g].push_back(r);
    for (const Participation& p : reach.basis[i]) networks[g].push_back(p.network);
  }
  const auto distinct = [](std::vector<std::vector<std::size_t>>& lists) {
    Table::Integers counts;
    for (auto& list : lists) {
      std::sort(list.begin(), list.end());
      counts.push_back(std::unique(list.begin(), list.end()) - list.begin());
    }
    return counts;
  };
  Table::Reals covered_share, population_share;
  for (std::size_t g = 0; g < groups; ++g) {
    covered_share.push_back(ratio(static_cast<double>(covered[g]), static_cast<double>(n[g])));
    population_share.push_back(ratio(static_cast<double>(population_covered[g]), static_cast<double>(population[g])));
  }
  Table table;
  table.add_column("code", std::move(code));
  table.add_column("name", std::move(name));
  table.add_column("municipalities", std::move(n));
  table.add_column("covered", std::move(covered));
  table.add_column("covered_share", std::move(covered_share));
  table.add_column("population", std::move(population));
  table.add_column("population_covered", std::move(population_covered));
  table.add_column("population_share", std::move(population_share));
  table.add_column("subregions", distinct(subregions));
  table.add_column("subregions_touched", distinct(subregions_touched));
  table.add_column("regions", distinct(regions));
  table.add_column("regions_touched", distinct(regions_touched));
  table.add_column("networks", distinct(networks));
  return table;
}

Table coverage_gaps(const Dataset& dataset, const Geography& geography, const MembershipFilter& filter,
                    const CoverageOptions& options) {
  const Reach reach = reach_of(dataset, geography, filter, options);
  const auto municipalities = geography.municipalities();
  std::vector<std::size_t> gaps;
  for (std::size_t i = 0; i < municipalities.size(); ++i)
    if (reach.basis[i].empty()) gaps.push_back(i);
  // Largest first; municipalities are sorted by code, so a stable sort keeps ties by code.
  std::stable_sort(gaps.begin(), gaps.end(), [&](std::size_t a, std::size_t b) {
    return population_of(geography, a, reach.year) > population_of(geography, b, reach.year);
  });
  Table::Strings code, name, subregion, subregion_name, region, region_name, size_class;
  Table::Integers population, via_area;
  for (const std::size_t i : gaps) {
    const Municipality& m = municipalities[i];
    const Subregion* s = geography.find_subregion(m.subregion_code);
    const Region* r = geography.find_region(m.region_code);
    code.push_back(m.code);
    name.push_back(m.name_fi);
    subregion.push_back(m.subregion_code);
    subregion_name.push_back(s ? s->name_fi : std::string());
    region.push_back(m.region_code);
    region_name.push_back(r ? r->name_fi : std::string());
    size_class.emplace_back(1, m.size_class);
    population.push_back(population_of(geography, i, reach.year));
    via_area.push_back(static_cast<std::int64_t>(reach.via_area[i].size()));
  }
  Table table;
  table.add_column("code", std::move(code));
  table.add_column("name", std::move(name));
  table.add_column("subregion_code", std::move(subregion));
  table.add_column("subregion_name", std::move(subregion_name));
  table.add_column("region_code", std::move(region));
  table.add_column("region_name", std::move(region_name));
  table.add_column("size_class", std::move(size_class));
  table.add_column("population", std::move(population));
  table.add_column("via_area", std::move(via_area));
  return table;
}

ConcentrationSummary concentration_of(std::span<const double> values, double top_fraction) {
  if (!(top_fraction > 0 && top_fraction <= 1))
    throw std::invalid_argument("top_fraction must be in (0, 1], got " + std::to_string(top_fraction));
  for (const double x : values)
    if (!(x >= 0) || !std::isfinite(x)) throw std::invalid_argument("concentration: values must be finite and >= 0");
  ConcentrationSummary s;
  std::vector<double> sorted(values.begin(), values.end());
  std::sort(sorted.begin(), sorted.end());  // ascending
  s.n = sorted.size();
  s.nonzero = static_cast<std::size_t>(std::count_if(sorted.begin(), sorted.end(), [](double x) { return x > 0; }));
  s.total = std::accumulate(sorted.begin(), sorted.end(), 0.0);
  const double n = static_cast<double>(s.n);
  s.mean = s.n ? s.total / n : nan;
  if (s.n == 0 || s.total <= 0) {
    s.gini = s.herfindahl = s.herfindahl_normalised = s.top_share = nan;
  } else {
    // Σ_i Σ_j |x_i − x_j| = 2 Σ_i (2i − n − 1) x_(i) for ascending x_(1..n), so
    // G = Σ_i (2i − n − 1) x_(i) / (n · total).
    double weighted = 0, squares = 0;
    for (std::size_t i = 0; i < s.n; ++i) {
      weighted += (2.0 * static_cast<double>(i + 1) - n - 1.0) * sorted[i];
      squares += (sorted[i] / s.total) * (sorted[i] / s.total);
    }
    s.gini = weighted / (n * s.total);
    s.herfindahl = squares;
    s.herfindahl_normalised = s.n >= 2 ? (squares - 1.0 / n) / (1.0 - 1.0 / n) : nan;
  }
  if (s.n > 0) {
    // ceil(top_fraction · n), guarded against 0.1 · 30 = 3.0000000000000004.
    s.top_k = static_cast<std::size_t>(std::ceil(top_fraction * n - 1e-9));
    s.top_k = std::clamp<std::size_t>(s.top_k, 1, s.n);
    const double top = std::accumulate(sorted.end() - static_cast<std::ptrdiff_t>(s.top_k), sorted.end(), 0.0);
    if (s.total > 0) s.top_share = top / s.total;
    s.top_threshold = sorted[s.n - s.top_k];
    s.top_at_or_above_threshold = static_cast<std::size_t>(
        std::count_if(sorted.begin(), sorted.end(), [&](double x) { return x >= s.top_threshold; }));
  } else {
    s.top_threshold = nan;
  }
  return s;
}

std::vector<std::pair<double, double>> lorenz_points(std::span<const double> values) {
  std::vector<double> sorted(values.begin(), values.end());
  std::sort(sorted.begin(), sorted.end());
  const double total = std::accumulate(sorted.begin(), sorted.end(), 0.0);
  std::vector<std::pair<double, double>> points;
  if (!(total > 0)) return points;
  const double n = static_cast<double>(sorted.size());
  double cumulative = 0;
  points.emplace_back(0.0, 0.0);
  for (std::size_t i = 0; i < sorted.size(); ++i) {
    cumulative += sorted[i];
    points.emplace_back(static_cast<double>(i + 1) / n, i + 1 == sorted.size() ? 1.0 : cumulative / total);
  }
  return points;
}

Table participation_concentration(const Dataset& dataset, const Geography& geography, const MembershipFilter& filter,
                                  const CoverageOptions& options, bool exclude_zeros, double top_fraction) {
  const Reach reach = reach_of(dataset, geography, filter, options);
  const auto values = participation_values(reach, exclude_zeros);
  const ConcentrationSummary s = concentration_of(values, top_fraction);
  std::int64_t participations = 0, with = 0, people = 0;
  for (std::size_t i = 0; i < reach.basis.size(); ++i) {
    participations += static_cast<std::int64_t>(reach.basis[i].size());
    with += !reach.basis[i].empty();
    people += population_of(geography, i, reach.year);
  }
  Table table;
  const auto integer = [&](const char* column, std::int64_t value) { table.add_column(column, Table::Integers{value}); };
  const auto real = [&](const char* column, double value) { table.add_column(column, Table::Reals{value}); };
  integer("municipalities", static_cast<std::int64_t>(reach.basis.size()));
  integer("with_participation", with);
  integer("participations", participations);
  integer("population", people);
  real("participations_per_10000", ratio(10000.0 * static_cast<double>(participations), static_cast<double>(people)));
  real("mean", s.mean);
  real("gini", s.gini);
  real("herfindahl", s.herfindahl);
  real("herfindahl_normalised", s.herfindahl_normalised);
  real("top_fraction", top_fraction);
  integer("top_k", static_cast<std::int64_t>(s.top_k));
  real("top_share", s.top_share);
  real("top_threshold", s.top_threshold);
  integer("top_at_or_above_threshold", static_cast<std::int64_t>(s.top_at_or_above_threshold));
  integer("excluded_zeros", exclude_zeros);
  return table;
}

Table participation_lorenz(const Dataset& dataset, const Geography& geography, const MembershipFilter& filter,
                           const CoverageOptions& options, bool exclude_zeros) {
  const Reach reach = reach_of(dataset, geography, filter, options);
  const auto values = participation_values(reach, exclude_zeros);
  Table::Reals x, y;
  for (const auto& [share_of_municipalities, share_of_participations] : lorenz_points(values)) {
    x.push_back(share_of_municipalities);
    y.push_back(share_of_participations);
  }
  Table table;
  table.add_column("municipality_share", std::move(x));
  table.add_column("participation_share", std::move(y));
  return table;
}

Table network_footprint(const Dataset& dataset, const Geography& geography, const MembershipFilter& filter,
                        const CoverageOptions& options) {
  const int year = coverage_year(geography, options);
  const auto selected = select_memberships(dataset, filter);
  const auto actors = dataset.actors();
  const auto memberships = dataset.memberships();
  const auto municipalities = geography.municipalities();
  std::vector<Channel> channels;
  for (const Actor& actor : actors) channels.push_back(channel_of(actor, geography));

  Table::Strings id, name, track, regions_text, lead_actor, lead_region;
  Table::Integers n_actors, named, touched_count, via_area, population, n_regions;
  Table::Reals supra;
  for (std::size_t k = 0; k < dataset.networks().size(); ++k) {
    const Network& network = dataset.networks()[k];
    std::vector<std::size_t> actor_list, direct, seated, area;
    const Actor* lead = nullptr;
    for (const std::size_t i : dataset.memberships_of_network(k)) {
      const Membership& m = memberships[i];
      if (m.role == MembershipRole::lead && !lead) lead = &actors[m.actor];
      if (!selected[i]) continue;
      actor_list.push_back(m.actor);
      const Channel channel = channels[m.actor];
      auto& list = channel == Channel::direct ? direct : channel == Channel::seated ? seated : area;
      for (const std::size_t place : municipalities_of(actors[m.actor], channel, geography)) list.push_back(place);
    }
    const auto unique = [](std::vector<std::size_t>& list) {
      std::sort(list.begin(), list.end());
      list.erase(std::unique(list.begin(), list.end()), list.end());
    };
    unique(actor_list);
    std::vector<std::size_t> touched = direct;
    if (options.count_seated_organisations) touched.insert(touched.end(), seated.begin(), seated.end());
    if (options.count_area_actors) touched.insert(touched.end(), area.begin(), area.end());
    unique(direct);
    unique(area);
    unique(touched);

    std::int64_t people = 0;
    std::vector<std::string> regions;
    for (const std::size_t m : touched) {
      people += population_of(geography, m, year);
      regions.push_back(municipalities[m].region_code);
    }
    std::sort(regions.begin(), regions.end());
    regions.erase(std::unique(regions.begin(), regions.end()), regions.end());
    std::string joined;
    for (const auto& r : regions) joined += (joined.empty() ? "" : "|") + r;

    const std::string home = lead ? region_of(*lead, geography) : std::string();
    double outside = nan;
    if (!home.empty() && !touched.empty()) {
      const auto away = std::count_if(touched.begin(), touched.end(),
                                      [&](std::size_t m) { return municipalities[m].region_code != home; });
      outside = static_cast<double>(away) / static_cast<double>(touched.size());
    }

    id.push_back(network.id);
    name.push_back(network.name);
    track.emplace_back(to_string(network.track));
    n_actors.push_back(static_cast<std::int64_t>(actor_list.size()));
    named.push_back(static_cast<std::int64_t>(direct.size()));
    touched_count.push_back(static_cast<std::int64_t>(touched.size()));
    via_area.push_back(static_cast<std::int64_t>(area.size()));
    population.push_back(people);
    regions_text.push_back(std::move(joined));
    n_regions.push_back(static_cast<std::int64_t>(regions.size()));
    lead_actor.push_back(lead ? lead->id : std::string());
    lead_region.push_back(home);
    supra.push_back(outside);
  }
  Table table;
  table.add_column("network_id", std::move(id));
  table.add_column("name", std::move(name));
  table.add_column("track", std::move(track));
  table.add_column("actors", std::move(n_actors));
  table.add_column("municipalities_named", std::move(named));
  table.add_column("municipalities", std::move(touched_count));
  table.add_column("via_area", std::move(via_area));
  table.add_column("population", std::move(population));
  table.add_column("regions", std::move(regions_text));
  table.add_column("n_regions", std::move(n_regions));
  table.add_column("lead_actor", std::move(lead_actor));
  table.add_column("lead_region", std::move(lead_region));
  table.add_column("supra_regionality", std::move(supra));
  return table;
}

}  // namespace alueverkko
