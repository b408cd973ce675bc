// Coverage and concentration (metrics/coverage.hpp) on tests/data/valid-mini and on small data sets
// built in code, with the expected numbers worked out by hand in the comments.
//
// valid-mini, geography mini-2021 (population 31.12.2021):
//   018 Askola      sub-region 015, region 01, 4,891    D
//   049 Espoo       011, 01, 292,796  A
//   091 Helsinki    011, 01, 658,457  A
//   322 Kemiönsaari 025, 02, 6,553    D
//   445 Parainen    025, 02, 15,198   C
//   638 Porvoo      015, 01, 50,619   B          total 1,028,514 (01: 1,006,763; 02: 21,751)
// memberships (channel → municipalities):
//   n-kasvu   kunta-091 member lead (direct 091), kunta-049 member (direct 049), kunta-638 planned
//             (direct 638), uni-helsinki member (seated 091), mk-01 mentioned (area: 018 049 091 638)
//   n-meri    kunta-322 member co_lead, kunta-445 member co_lead (direct), sk-025 member (area: 322 445),
//             tallinn invited (foreign: none)
//   n-itameri liitto-01 member (regional council MK01, seat 091 → area: 018 049 091 638, not its seat),
//             tallinn member (none), c6 planned (group without seat: none)
#include <alueverkko/data/dataset.hpp>
#include <alueverkko/geo/geography.hpp>
#include <alueverkko/metrics/coverage.hpp>

#include <catch2/catch.hpp>

#include <cmath>
#include <filesystem>
#include <string>

#include "../valid_mini.hpp"

using namespace alueverkko;

namespace {

using testing::valid_mini;

std::size_t row_of(const Table& t, const std::string& column, const std::string& value) {
  const auto& values = std::get<Table::Strings>(t.column(column).values);
  for (std::size_t i = 0; i < values.size(); ++i)
    if (values[i] == value) return i;
  FAIL("no row " << column << " = " << value);
  return 0;
}
std::int64_t integer(const Table& t, const std::string& column, std::size_t row) {
  return std::get<Table::Integers>(t.column(column).values).at(row);
}
double real(const Table& t, const std::string& column, std::size_t row) {
  return std::get<Table::Reals>(t.column(column).values).at(row);
}
const std::string& text(const Table& t, const std::string& column, std::size_t row) {
  return std::get<Table::Strings>(t.column(column).values).at(row);
}

MembershipFilter members_only() {
  MembershipFilter f;
  f.statuses = {MembershipStatus::member};
  return f;
}

Actor actor(std::string id, ActorKind kind, std::string seat, std::string area = {}) {
  Actor a;
  a.id = std::move(id);
  a.name = a.id;
  a.kind = kind;
  a.municipality_code = std::move(seat);
  if (!area.empty()) {
    a.area_level = area.starts_with("MK") ? AreaLevel::region : AreaLevel::subregion;
    a.area_unit_code = area.substr(2);
    a.area_code = std::move(area);
  }
  return a;
}

Network network(std::string id) {
  Network n;
  n.name = id;
  n.id = std::move(id);
  return n;
}

Membership membership(std::size_t network, std::size_t actor, MembershipRole role = MembershipRole::none,
                      MembershipStatus status = MembershipStatus::member) {
  Membership m;
  m.network = network;
  m.actor = actor;
  m.role = role;
  m.status = status;
  return m;
}

}  // namespace

TEST_CASE("concentration_of: Gini, Herfindahl, top share by hand", "[coverage][concentration]") {
  // x = 0 0 1 3 6: n 5, total 10, mean 2. Σ_i Σ_j |x_i − x_j| = 2 · (1 + 3 + 6 + 1 + 3 + 6 + 2 + 5 + 3) = 60
  // G = 60 / (2 · 25 · 2) = 0.6; H = 0.1² + 0.3² + 0.6² = 0.46, normalised (0.46 − 0.2) / 0.8 = 0.325;
  // top 10 %: k = ceil(0.5) = 1 → 6/10; top 40 %: k = 2 → 9/10.
  const std::vector<double> x{3, 0, 6, 1, 0};
  const auto s = concentration_of(x);
  CHECK(s.n == 5);
  CHECK(s.nonzero == 3);
  CHECK(s.total == 10);
  CHECK(s.mean == Approx(2));
  CHECK(s.gini == Approx(0.6));
  CHECK(s.herfindahl == Approx(0.46));
  CHECK(s.herfindahl_normalised == Approx(0.325));
  CHECK(s.top_k == 1);
  CHECK(s.top_share == Approx(0.6));
  CHECK(s.top_threshold == 6);
  CHECK(concentration_of(x, 0.4).top_share == Approx(0.9));

  // Lorenz: ascending 0 0 1 3 6 → cumulative 0 0 1 4 10 of 10.
  const auto points = lorenz_points(x);
  REQUIRE(points.size() == 6);
  const std::vector<std::pair<double, double>> expected{{0, 0}, {0.2, 0}, {0.4, 0}, {0.6, 0.1}, {0.8, 0.4}, {1, 1}};
  for (std::size_t i = 0; i < points.size(); ++i) {
    CHECK(points[i].first == Approx(expected[i].first));
    CHECK(points[i].second == Approx(expected[i].second));
  }
}

TEST_CASE("concentration_of: ties, equality and degenerate inputs", "[coverage][concentration]") {
  // Ties at the cut: 1 2 2 2, top 50 % → k = 2, share (2 + 2) / 7 whichever two 2s are taken; three reach it.
  const auto tied = concentration_of(std::vector<double>{2, 1, 2, 2}, 0.5);
  CHECK(tied.top_k == 2);
  CHECK(tied.top_share == Approx(4.0 / 7));
  CHECK(tied.top_threshold == 2);
  CHECK(tied.top_at_or_above_threshold == 3);
  // All equal: G = 0, H = 1/n, normalised 0.
  const auto equal = concentration_of(std::vector<double>{4, 4, 4, 4});
  CHECK(equal.gini == Approx(0).margin(1e-12));
  CHECK(equal.herfindahl == Approx(0.25));
  CHECK(equal.herfindahl_normalised == Approx(0).margin(1e-12));
  // One holds everything among n = 4: G = (n − 1)/n = 0.75, H = 1.
  const auto single = concentration_of(std::vector<double>{0, 0, 0, 5});
  CHECK(single.gini == Approx(0.75));
  CHECK(single.herfindahl == Approx(1));
  // ceil(0.1 · 30) = 3, not 4 through rounding error.
  CHECK(concentration_of(std::vector<double>(30, 1.0)).top_k == 3);
  // Nothing to share: NaN, no Lorenz points.
  const auto zeros = concentration_of(std::vector<double>{0, 0});
  CHECK(std::isnan(zeros.gini));
  CHECK(std::isnan(zeros.herfindahl));
  CHECK(std::isnan(zeros.top_share));
  CHECK(lorenz_points(std::vector<double>{0, 0}).empty());
  CHECK(std::isnan(concentration_of(std::vector<double>{}).gini));
  CHECK_THROWS_AS(concentration_of(std::vector<double>{-1, 2}), std::invalid_argument);
  CHECK_THROWS_AS(concentration_of(std::vector<double>{1}, 0.0), std::invalid_argument);
}

TEST_CASE("municipality participation on valid-mini: channels, statuses, leads", "[coverage]") {
  const auto& [geo, ds] = valid_mini();
  const Table t = municipality_participation(ds, geo);
  REQUIRE(t.rows() == 6);
  CHECK(text(t, "code", 0) == "018");  // geography order

  const auto helsinki = row_of(t, "code", "091");
  CHECK(integer(t, "population", helsinki) == 658457);
  CHECK(integer(t, "direct", helsinki) == 1);               // n-kasvu
  CHECK(integer(t, "direct_lead", helsinki) == 1);
  CHECK(integer(t, "with_organisations", helsinki) == 1);   // uni-helsinki is in the same n-kasvu
  CHECK(integer(t, "via_area", helsinki) == 2);             // mk-01 in n-kasvu, liitto-01 in n-itameri
  CHECK(integer(t, "via_area_member", helsinki) == 1);      // n-itameri (liitto-01 member)
  CHECK(integer(t, "via_area_mentioned", helsinki) == 1);   // n-kasvu (mk-01 mentioned)
  CHECK(integer(t, "networks", helsinki) == 1);             // default: area actors not counted
  CHECK(integer(t, "lead", helsinki) == 1);
  CHECK(real(t, "networks_per_10000", helsinki) == Approx(10000.0 / 658457));

  const auto porvoo = row_of(t, "code", "638");
  CHECK(integer(t, "direct_planned", porvoo) == 1);
  CHECK(integer(t, "planned", porvoo) == 1);
  CHECK(integer(t, "member", porvoo) == 0);
  CHECK(integer(t, "covered", porvoo) == 1);

  const auto askola = row_of(t, "code", "018");  // no actor of its own: reached only by area actors
  CHECK(integer(t, "networks", askola) == 0);
  CHECK(integer(t, "covered", askola) == 0);
  CHECK(integer(t, "via_area", askola) == 2);
  CHECK(real(t, "networks_per_10000", askola) == 0);

  // With area actors: Askola counts n-kasvu (mentioned) and n-itameri (member); Helsinki 3 networks.
  CoverageOptions with_area;
  with_area.count_area_actors = true;
  const Table a = municipality_participation(ds, geo, {}, with_area);
  CHECK(integer(a, "networks", askola) == 2);
  CHECK(integer(a, "member", askola) == 1);
  CHECK(integer(a, "mentioned", askola) == 1);
  CHECK(integer(a, "networks", helsinki) == 2);  // n-kasvu (member, lead), n-itameri
  CHECK(integer(a, "member", helsinki) == 2);    // the strongest status in n-kasvu is member

  // A filter: planned only → only Porvoo (n-kasvu) directly; c6 has no seat.
  MembershipFilter planned;
  planned.statuses = {MembershipStatus::planned};
  const Table p = municipality_participation(ds, geo, planned);
  std::int64_t total = 0;
  for (std::size_t i = 0; i < p.rows(); ++i) total += integer(p, "networks", i);
  CHECK(total == 1);
  CHECK(integer(p, "networks", porvoo) == 1);
}

TEST_CASE("seated organisations count for their seat unless switched off", "[coverage]") {
  // uni-helsinki alone in a network: Helsinki takes part with organisations, not directly.
  const auto& geo = valid_mini().geography;
  DatasetData data;
  data.actors = {actor("uni", ActorKind::university, "091"), actor("kunta-049", ActorKind::municipality, "049")};
  data.networks = {network("n")};
  data.memberships = {membership(0, 0), membership(0, 1)};
  const Dataset ds(std::move(data));
  const Table t = municipality_participation(ds, geo);
  const auto helsinki = row_of(t, "code", "091");
  CHECK(integer(t, "direct", helsinki) == 0);
  CHECK(integer(t, "with_organisations", helsinki) == 1);
  CHECK(integer(t, "covered", helsinki) == 1);
  CoverageOptions direct_only;
  direct_only.count_seated_organisations = false;
  CHECK(integer(municipality_participation(ds, geo, {}, direct_only), "covered", helsinki) == 0);
  const Table c = coverage_table(ds, geo, CoverageLevel::country, {}, direct_only);
  CHECK(integer(c, "covered", 0) == 1);  // Espoo only
}

TEST_CASE("coverage shares by region, size class and country on valid-mini", "[coverage]") {
  const auto& [geo, ds] = valid_mini();
  // All statuses, default options: covered 049 091 638 322 445 (not 018 Askola).
  const Table total = coverage_table(ds, geo, CoverageLevel::country);
  REQUIRE(total.rows() == 1);
  CHECK(text(total, "code", 0) == "total");
  CHECK(integer(total, "municipalities", 0) == 6);
  CHECK(integer(total, "covered", 0) == 5);
  CHECK(real(total, "covered_share", 0) == Approx(5.0 / 6));
  CHECK(integer(total, "population", 0) == 1028514);
  CHECK(integer(total, "population_covered", 0) == 1028514 - 4891);  // 1,023,623
  CHECK(real(total, "population_share", 0) == Approx(1023623.0 / 1028514));
  CHECK(integer(total, "subregions_touched", 0) == 3);  // 011 (049 091), 015 (638), 025 (322 445)
  CHECK(integer(total, "regions_touched", 0) == 2);
  CHECK(integer(total, "networks", 0) == 2);  // n-kasvu, n-meri; n-itameri reaches no municipality directly

  const Table regions = coverage_table(ds, geo, CoverageLevel::region);
  REQUIRE(regions.rows() == 2);
  const auto uusimaa = row_of(regions, "code", "01");
  CHECK(text(regions, "name", uusimaa) == "Uusimaa");
  CHECK(integer(regions, "municipalities", uusimaa) == 4);
  CHECK(integer(regions, "covered", uusimaa) == 3);
  CHECK(real(regions, "covered_share", uusimaa) == Approx(0.75));
  CHECK(integer(regions, "population_covered", uusimaa) == 1006763 - 4891);  // 1,001,872
  CHECK(integer(regions, "subregions", uusimaa) == 2);
  CHECK(integer(regions, "subregions_touched", uusimaa) == 2);
  CHECK(integer(regions, "networks", uusimaa) == 1);
  CHECK(real(regions, "population_share", row_of(regions, "code", "02")) == Approx(1.0));

  // Size classes A–E, always five rows: D = 018 (uncovered) + 322 (covered); E empty → NaN shares.
  const Table sizes = coverage_table(ds, geo, CoverageLevel::size_class);
  REQUIRE(sizes.rows() == 5);
  const auto d = row_of(sizes, "code", "D");
  CHECK(integer(sizes, "municipalities", d) == 2);
  CHECK(integer(sizes, "covered", d) == 1);
  CHECK(integer(sizes, "population", d) == 4891 + 6553);
  CHECK(integer(sizes, "population_covered", d) == 6553);
  CHECK(real(sizes, "population_share", d) == Approx(6553.0 / 11444));
  CHECK(integer(sizes, "population", row_of(sizes, "code", "A")) == 292796 + 658457);
  const auto e = row_of(sizes, "code", "E");
  CHECK(integer(sizes, "municipalities", e) == 0);
  CHECK(std::isnan(real(sizes, "covered_share", e)));

  CHECK(coverage_table(ds, geo, CoverageLevel::subregion).rows() == 3);
  CHECK(coverage_table(ds, geo, CoverageLevel::municipality).rows() == 6);

  // Members only: Porvoo (planned) drops out → 4 of 6, population 1,028,514 − 4,891 − 50,619.
  const Table members = coverage_table(ds, geo, CoverageLevel::country, members_only());
  CHECK(integer(members, "covered", 0) == 4);
  CHECK(integer(members, "population_covered", 0) == 973004);
  CHECK(integer(members, "subregions_touched", 0) == 2);

  // Area actors counted (members only): liitto-01 reaches all of Uusimaa, sk-025 Turunmaa → 6 of 6.
  CoverageOptions with_area;
  with_area.count_area_actors = true;
  CHECK(integer(coverage_table(ds, geo, CoverageLevel::country, members_only(), with_area), "covered", 0) == 6);

  // Another population year of the series: 2020 totals 1,005,113 + 21,854.
  CoverageOptions y2020;
  y2020.year = 2020;
  CHECK(integer(coverage_table(ds, geo, CoverageLevel::country, {}, y2020), "population", 0) == 1026967);
  CoverageOptions bad;
  bad.year = 1900;
  CHECK_THROWS_AS(coverage_table(ds, geo, CoverageLevel::country, {}, bad), std::invalid_argument);

  CHECK(parse_coverage_level("size-class") == CoverageLevel::size_class);
  CHECK(parse_coverage_level("size_class") == CoverageLevel::size_class);
  CHECK(!parse_coverage_level("kunta"));
}

TEST_CASE("gap list on valid-mini: uncovered, largest first", "[coverage]") {
  const auto& [geo, ds] = valid_mini();
  const Table all = coverage_gaps(ds, geo);
  REQUIRE(all.rows() == 1);
  CHECK(text(all, "code", 0) == "018");
  CHECK(text(all, "name", 0) == "Askola");
  CHECK(text(all, "subregion_code", 0) == "015");
  CHECK(text(all, "region_name", 0) == "Uusimaa");
  CHECK(text(all, "size_class", 0) == "D");
  CHECK(integer(all, "population", 0) == 4891);
  CHECK(integer(all, "via_area", 0) == 2);

  const Table members = coverage_gaps(ds, geo, members_only());  // Porvoo (planned) is a gap now
  REQUIRE(members.rows() == 2);
  CHECK(text(members, "code", 0) == "638");  // 50,619 before 4,891
  CHECK(text(members, "code", 1) == "018");
  CHECK(integer(members, "via_area", 0) == 1);  // n-itameri through liitto-01 (mk-01 is only mentioned)
}

TEST_CASE("participation concentration on valid-mini", "[coverage][concentration]") {
  const auto& [geo, ds] = valid_mini();
  // Default: x = 0 (018) and 1 for the other five; n 6, total 5, mean 5/6.
  // Σ_i Σ_j |x_i − x_j| = 2 · 5 = 10 → G = 10 / (2 · 36 · 5/6) = 1/6; H = 5 · (1/5)² = 0.2,
  // normalised (0.2 − 1/6) / (5/6) = 0.04; top 10 %: k = ceil(0.6) = 1 → 1/5, threshold 1, five reach it.
  const Table c = participation_concentration(ds, geo);
  REQUIRE(c.rows() == 1);
  CHECK(integer(c, "municipalities", 0) == 6);
  CHECK(integer(c, "with_participation", 0) == 5);
  CHECK(integer(c, "participations", 0) == 5);
  CHECK(integer(c, "population", 0) == 1028514);
  CHECK(real(c, "participations_per_10000", 0) == Approx(50000.0 / 1028514));
  CHECK(real(c, "mean", 0) == Approx(5.0 / 6));
  CHECK(real(c, "gini", 0) == Approx(1.0 / 6));
  CHECK(real(c, "herfindahl", 0) == Approx(0.2));
  CHECK(real(c, "herfindahl_normalised", 0) == Approx(0.04));
  CHECK(integer(c, "top_k", 0) == 1);
  CHECK(real(c, "top_share", 0) == Approx(0.2));
  CHECK(real(c, "top_threshold", 0) == 1);
  CHECK(integer(c, "top_at_or_above_threshold", 0) == 5);

  // Zeros excluded: five 1s → G = 0, k = ceil(0.5) = 1 → 1/5; counts still over all six.
  const Table z = participation_concentration(ds, geo, {}, {}, true);
  CHECK(real(z, "gini", 0) == Approx(0).margin(1e-12));
  CHECK(real(z, "top_share", 0) == Approx(0.2));
  CHECK(integer(z, "municipalities", 0) == 6);
  CHECK(integer(z, "excluded_zeros", 0) == 1);

  // Members only with area actors: 018 {itameri}, 049 {kasvu, itameri}, 091 {kasvu, itameri},
  // 322 {meri}, 445 {meri}, 638 {itameri} → x = 1 2 2 1 1 1, total 8.
  // Ascending 1 1 1 1 2 2: Σ (2i − 7) x_(i) = −5 −3 −1 +1 +6 +10 = 8 → G = 8 / (6 · 8) = 1/6;
  // H = 4 · (1/8)² + 2 · (2/8)² = 0.1875; top k = 1 → 2/8.
  CoverageOptions with_area;
  with_area.count_area_actors = true;
  const Table m = participation_concentration(ds, geo, members_only(), with_area);
  CHECK(integer(m, "participations", 0) == 8);
  CHECK(real(m, "gini", 0) == Approx(1.0 / 6));
  CHECK(real(m, "herfindahl", 0) == Approx(0.1875));
  CHECK(real(m, "top_share", 0) == Approx(0.25));
  CHECK(integer(m, "top_at_or_above_threshold", 0) == 2);

  // Lorenz of 0 1 1 1 1 1: (0,0) (1/6,0) (2/6,1/5) (3/6,2/5) (4/6,3/5) (5/6,4/5) (1,1).
  const Table l = participation_lorenz(ds, geo);
  REQUIRE(l.rows() == 7);
  CHECK(real(l, "municipality_share", 1) == Approx(1.0 / 6));
  CHECK(real(l, "participation_share", 1) == 0);
  CHECK(real(l, "participation_share", 3) == Approx(0.4));
  CHECK(real(l, "municipality_share", 6) == 1);
  CHECK(real(l, "participation_share", 6) == 1);
  CHECK(participation_lorenz(ds, geo, {}, {}, true).rows() == 6);
}

TEST_CASE("network footprint on valid-mini", "[coverage][footprint]") {
  const auto& [geo, ds] = valid_mini();
  const Table f = network_footprint(ds, geo);
  REQUIRE(f.rows() == 3);
  const auto kasvu = row_of(f, "network_id", "n-kasvu");
  CHECK(integer(f, "actors", kasvu) == 5);
  CHECK(integer(f, "municipalities_named", kasvu) == 3);  // 049 091 638
  CHECK(integer(f, "municipalities", kasvu) == 3);        // uni-helsinki's seat 091 is named already
  CHECK(integer(f, "via_area", kasvu) == 4);              // mk-01: all of Uusimaa
  CHECK(integer(f, "population", kasvu) == 292796 + 658457 + 50619);
  CHECK(text(f, "regions", kasvu) == "01");
  CHECK(integer(f, "n_regions", kasvu) == 1);
  CHECK(text(f, "lead_actor", kasvu) == "kunta-091");
  CHECK(text(f, "lead_region", kasvu) == "01");
  CHECK(real(f, "supra_regionality", kasvu) == 0);
  const auto meri = row_of(f, "network_id", "n-meri");  // two co-leads, no lead
  CHECK(integer(f, "population", meri) == 21751);
  CHECK(text(f, "lead_actor", meri).empty());
  CHECK(std::isnan(real(f, "supra_regionality", meri)));
  const auto itameri = row_of(f, "network_id", "n-itameri");
  CHECK(integer(f, "municipalities", itameri) == 0);
  CHECK(text(f, "regions", itameri).empty());

  CoverageOptions with_area;
  with_area.count_area_actors = true;
  const Table a = network_footprint(ds, geo, {}, with_area);
  CHECK(integer(a, "municipalities", itameri) == 4);
  CHECK(integer(a, "population", itameri) == 1006763);
  CHECK(integer(a, "municipalities", kasvu) == 4);

  // Members only: Porvoo (planned) leaves n-kasvu.
  const Table m = network_footprint(ds, geo, members_only());
  CHECK(integer(m, "municipalities", kasvu) == 2);
  CHECK(integer(m, "actors", kasvu) == 3);
}

TEST_CASE("supra-regionality: share of touched municipalities outside the lead's region", "[coverage][footprint]") {
  const auto& geo = valid_mini().geography;
  DatasetData data;
  data.actors = {actor("kunta-322", ActorKind::municipality, "322"), actor("kunta-091", ActorKind::municipality, "091"),
                 actor("kunta-049", ActorKind::municipality, "049"), actor("kunta-445", ActorKind::municipality, "445"),
                 actor("liitto-01", ActorKind::regional_council, "091", "MK01"),
                 actor("abroad", ActorKind::foreign_organisation, "")};
  data.actors.back().country = "EE";
  for (const char* id : {"x", "y", "z"}) data.networks.push_back(network(id));
  data.memberships = {
      // x: lead Kemiönsaari (02); touched 322 445 (02) 091 049 (01) → 2 of 4 outside = 0.5
      membership(0, 0, MembershipRole::lead), membership(0, 1), membership(0, 2), membership(0, 3),
      // y: lead the Uusimaa regional council (region 01 by its area); touched 322 only → 1 of 1 outside
      membership(1, 4, MembershipRole::lead), membership(1, 0),
      // z: a foreign lead has no region → NaN
      membership(2, 5, MembershipRole::lead), membership(2, 1)};
  const Dataset ds(std::move(data));
  const Table f = network_footprint(ds, geo);
  CHECK(real(f, "supra_regionality", 0) == Approx(0.5));
  CHECK(text(f, "regions", 0) == "01|02");
  CHECK(integer(f, "n_regions", 0) == 2);
  CHECK(text(f, "lead_region", 1) == "01");
  CHECK(real(f, "supra_regionality", 1) == Approx(1.0));
  CHECK(text(f, "lead_actor", 2) == "abroad");
  CHECK(text(f, "lead_region", 2).empty());
  CHECK(std::isnan(real(f, "supra_regionality", 2)));
  // The lead is the network's, whatever the filter: with y's lead filtered out it is still 01.
  MembershipFilter partners;
  partners.roles = {MembershipRole::none};
  CHECK(real(network_footprint(ds, geo, partners), "supra_regionality", 1) == Approx(1.0));
}
