// Call rules (rules.json) and the eligibility of proposals: the strict loader on the bundled file and
// on broken fixtures (tests/data/rules/), hand-made data sets with the boundary cases worked out by
// hand in the comments, and the real 2021 idea call (results computed independently with pandas
// from the CSV files, see tests/python/test_eligibility.py).
#include <alueverkko/core/diagnostics.hpp>
#include <alueverkko/data/call_rules.hpp>
#include <alueverkko/data/dataset.hpp>
#include <alueverkko/geo/geography.hpp>
#include <alueverkko/metrics/eligibility.hpp>

#include <catch2/catch.hpp>

#include <filesystem>
#include <map>
#include <string>
#include <vector>

using namespace alueverkko;
namespace fs = std::filesystem;

namespace {

const fs::path source_dir = ALUEVERKKO_SOURCE_DIR;
const fs::path bundled_rules = source_dir / "data/collaborations/call_rules_2021/rules.json";
const fs::path broken_rules = source_dir / "tests/data/rules";

std::vector<std::string> messages_of(const fs::path& file) {
  try {
    load_call_rules(file);
  } catch (const DataError& e) {
    std::vector<std::string> out;
    for (const Diagnostic& d : e.diagnostics()) {
      CHECK(d.file == file.string());
      out.push_back(std::to_string(d.line) + ":" + std::to_string(d.column) + ": " + d.message);
    }
    return out;
  }
  FAIL("no DataError for " << file);
  return {};
}

// Geography: region 01 "Alfa" (sub-region 011: municipalities 101-105), region 02 "Beeta"
// (sub-region 021: 201, 202).
Geography tiny_geography() {
  GeographyData g;
  g.id = "tiny";
  g.regions = {{"01", "Alfa", "", "", 5, 0, 0}, {"02", "Beeta", "", "", 2, 0, 0}};
  g.subregions = {{"011", "Alfan seutu", "", "", "01", 5, 0, 0}, {"021", "Beetan seutu", "", "", "02", 2, 0, 0}};
  for (const char* code : {"101", "102", "103", "104", "105", "201", "202"}) {
    Municipality m;
    m.code = code;
    m.name_fi = std::string("Kunta ") + code;
    m.subregion_code = code[0] == '1' ? "011" : "021";
    m.region_code = code[0] == '1' ? "01" : "02";
    g.municipalities.push_back(m);
  }
  return Geography(std::move(g));
}

struct Builder {
  DatasetData data;
  std::map<std::string, std::size_t> actor_index, network_index;

  void actor(const std::string& id, ActorKind kind, const std::string& seat = "", const std::string& area = "",
             const std::string& country = "FI") {
    Actor a;
    a.id = id;
    a.name = id;
    a.kind = kind;
    a.municipality_code = seat;
    a.area_code = area;
    if (area.starts_with("MK")) a.area_level = AreaLevel::region;
    if (area.starts_with("SK")) a.area_level = AreaLevel::subregion;
    if (!area.empty()) a.area_unit_code = area.substr(2);
    a.country = country;
    actor_index[id] = data.actors.size();
    data.actors.push_back(a);
  }
  void network(const std::string& id, Track track, std::optional<int> declared = std::nullopt) {
    Network n;
    n.id = id;
    n.name = "Network " + id;
    n.kind = NetworkKind::proposal;
    n.track = track;
    n.declared_members = declared;
    network_index[id] = data.networks.size();
    data.networks.push_back(n);
  }
  void member(const std::string& network, const std::string& actor, MembershipStatus status = MembershipStatus::member,
              MembershipRole role = MembershipRole::none) {
    Membership m;
    m.network = network_index.at(network);
    m.actor = actor_index.at(actor);
    m.status = status;
    m.role = role;
    data.memberships.push_back(m);
  }
  void members(const std::string& network, std::initializer_list<const char*> actors,
               MembershipStatus status = MembershipStatus::member) {
    for (const char* a : actors) member(network, a, status);
  }
};

Dataset tiny_dataset() {
  using enum ActorKind;
  Builder b;
  for (const char* code : {"101", "102", "103", "104", "105", "201", "202"})
    b.actor(std::string("kunta-") + code, municipality, code);
  b.actor("org-uni", university, "201");
  b.actor("org-dev", development_company, "104");
  b.actor("council-01", regional_council, "101", "MK01");
  b.actor("council-02", regional_council, "201", "MK02");
  b.actor("sk-021", subregion, "", "SK021");
  b.actor("group-six", group);
  b.data.actors.back().declared_size = 6;
  b.actor("foreign-ee", foreign_municipality, "", "", "EE");
  b.actor("org-noseat", association);

  const auto lead = [&](const std::string& network, const std::string& actor) {
    b.member(network, actor, MembershipStatus::member, MembershipRole::lead);
  };
  b.network("t-exact4", Track::thematic_network);
  lead("t-exact4", "kunta-101");
  b.members("t-exact4", {"kunta-102", "kunta-103", "kunta-201"});
  b.network("z-four", Track::development_zone);
  lead("z-four", "kunta-101");
  b.members("z-four", {"kunta-102", "kunta-103", "kunta-201"});
  b.network("z-five", Track::development_zone);
  lead("z-five", "kunta-101");
  b.members("z-five", {"kunta-102", "kunta-103", "kunta-104", "kunta-201"});
  b.network("t-one-region", Track::thematic_network);
  lead("t-one-region", "org-dev");
  b.members("t-one-region", {"kunta-101", "kunta-102", "kunta-103", "kunta-104", "kunta-105"});
  b.member("t-one-region", "kunta-202", MembershipStatus::planned);
  b.network("t-seats", Track::thematic_network);
  lead("t-seats", "org-uni");
  b.members("t-seats", {"kunta-101", "kunta-102", "org-dev", "foreign-ee", "group-six", "org-noseat"});
  b.member("t-seats", "kunta-103", MembershipStatus::planned);
  b.network("t-planned-only", Track::thematic_network);
  lead("t-planned-only", "kunta-101");
  b.members("t-planned-only", {"kunta-102", "kunta-103", "kunta-201"}, MembershipStatus::planned);
  b.member("t-planned-only", "kunta-104", MembershipStatus::mentioned);
  b.member("t-planned-only", "kunta-105", MembershipStatus::invited);
  b.network("t-areas", Track::thematic_network);
  lead("t-areas", "council-01");
  b.members("t-areas", {"council-02", "sk-021", "kunta-101", "kunta-102", "kunta-103", "kunta-104"});
  b.network("n-no-track", Track::none);
  b.members("n-no-track", {"kunta-101", "kunta-201"});
  b.network("t-declared", Track::thematic_network, 6);
  b.members("t-declared", {"kunta-101", "kunta-201"});
  return Dataset(std::move(b.data));
}

std::map<std::string, ProposalEligibility> by_id(const std::vector<ProposalEligibility>& results) {
  std::map<std::string, ProposalEligibility> out;
  for (const auto& p : results) out.emplace(p.network_id, p);
  return out;
}

using Codes = std::vector<std::string>;

}  // namespace

TEST_CASE("bundled call rules of 2021: the requirements as the call text writes them", "[eligibility][rules]") {
  const CallRules rules = load_call_rules(bundled_rules);
  CHECK(rules.file == bundled_rules);
  REQUIRE(rules.tracks.size() == 2);
  const TrackRules* thematic = rules.find(Track::thematic_network);
  const TrackRules* zone = rules.find(Track::development_zone);
  REQUIRE(thematic);
  REQUIRE(zone);
  CHECK(rules.find(Track::none) == nullptr);
  // 003 line 18: "neljä kuntaa tai enemmän, vähintään kahden maakunnan alueella"
  CHECK(thematic->requirement(RuleQuantity::municipalities)->to_string() == "municipalities >= 4");
  CHECK(thematic->requirement(RuleQuantity::regions)->to_string() == "regions >= 2");
  // 003 line 28: "enemmän kuin neljä kuntaa"; line 30: "kahden tai useamman maakunnan alueella"
  const Requirement* zone_municipalities = zone->requirement(RuleQuantity::municipalities);
  CHECK(zone_municipalities->to_string() == "municipalities > 4");
  CHECK(zone_municipalities->minimum() == 5);
  CHECK_FALSE(zone_municipalities->passes(4));
  CHECK(zone_municipalities->passes(5));
  CHECK(zone_municipalities->as_written == "enemmän kuin neljä kuntaa");
  CHECK(zone_municipalities->source->to_string() == "003_04b0b65364418a71.txt:28");
  CHECK(zone->requirement(RuleQuantity::regions)->to_string() == "regions >= 2");
  CHECK(rules.funding.max_share_of_public_funding == 0.8);
  CHECK(rules.funding.paid_to == FundingRecipient::regional_council_of_lead_region);
  CHECK(rules.funding.paid_to_source->to_string() == "003_04b0b65364418a71.txt:108");
  CHECK(rules.funding.instrument == "AKKE");
  CHECK(rules.applicant_kinds.size() == 6);  // 003 lines 75-80
  for (const auto kind : {ActorKind::municipality, ActorKind::joint_municipal_authority, ActorKind::development_company,
                          ActorKind::university, ActorKind::university_of_applied_sciences,
                          ActorKind::vocational_institution, ActorKind::association, ActorKind::leader_group})
    CHECK(rules.allows_applicant(kind));
  for (const auto kind : {ActorKind::regional_council, ActorKind::company, ActorKind::group, ActorKind::other})
    CHECK_FALSE(rules.allows_applicant(kind));
  // A directory holding rules.json is accepted too.
  CHECK(load_call_rules(bundled_rules.parent_path()).tracks.size() == 2);
  CHECK(load_call_rules(broken_rules / "minimal.json").find(Track::development_zone)->requirements.size() == 2);
}

TEST_CASE("bundled call rules are found next to the data set", "[eligibility][rules]") {
  const auto found = find_call_rules("call_rules_2021", source_dir / "data/collaborations/idea_call_2021");
  REQUIRE(found);
  CHECK(fs::equivalent(*found, bundled_rules));
  const auto path = call_rules_search_path("call_rules_2021", source_dir / "data/collaborations/idea_call_2021");
  REQUIRE_FALSE(path.empty());
  CHECK(path.front() == bundled_rules.lexically_normal());
}

TEST_CASE("broken rules files: every problem with its position", "[eligibility][rules]") {
  SECTION("syntax error") {
    const auto m = messages_of(broken_rules / "syntax-error.json");
    REQUIRE(m.size() == 1);
    CHECK(m[0].starts_with("6:67: invalid JSON: "));
  }
  SECTION("unknown quantity, duplicate quantity, unknown actor kind") {
    CHECK(messages_of(broken_rules / "unknown-quantity.json") ==
          std::vector<std::string>{
              "6:18: unknown quantity 'kunnat' (expected municipalities or regions)",
              "13:18: second requirement on municipalities (requirements[0] already sets one); give one per quantity",
              "17:74: unknown actor kind 'kunta' (expected one of municipality, region, subregion, regional_council, "
              "joint_municipal_authority, development_company, university, university_of_applied_sciences, "
              "vocational_institution, research_institute, government_agency, association, leader_group, company, "
              "group, foreign_municipality, foreign_region, foreign_organisation, other)"});
  }
  SECTION("bad comparison, contradicting minimum, wrong types, bad funding") {
    CHECK(messages_of(broken_rules / "bad-comparison.json") ==
          std::vector<std::string>{
              "6:50: unknown comparison '=>' (expected > or >=)",
              "12:78: minimum 4 contradicts the rule municipalities > 4, whose smallest passing count is 5",
              "13:58: 'value' must be an integer, got a string",
              "18:72: max_akke_share_of_public_funding is a share of the public funding: it must be > 0 and <= 1, got 80",
              "18:87: unknown paid_to 'lead' (expected regional_council_of_lead_region)"});
  }
  SECTION("missing track, unknown track, unknown key") {
    CHECK(messages_of(broken_rules / "missing-track.json") ==
          std::vector<std::string>{
              "3:12: missing track 'development_zone' (the call has the tracks development_zone and thematic_network)",
              "10:3: unknown track 'growth_zone' (expected development_zone or thematic_network)",
              "14:2: unknown key 'deadline' (allowed keys: call, semantics, tracks, applicant_kinds, funding, timeline)"});
  }
  SECTION("missing file") {
    CHECK(messages_of(broken_rules / "nonexistent.json") == std::vector<std::string>{"0:0: file not found"});
  }
}

TEST_CASE("eligibility counts on hand-made proposals: the boundary cases", "[eligibility]") {
  const Geography geography = tiny_geography();
  const Dataset dataset = tiny_dataset();
  const CallRules rules = load_call_rules(bundled_rules);
  const auto results = assess_eligibility(dataset, geography, rules);
  REQUIRE(results.size() == 8);  // every network with a track; n-no-track is not a proposal
  const auto r = by_id(results);
  CHECK_FALSE(r.contains("n-no-track"));

  SECTION("exactly 4 municipalities in 2 regions: a thematic network passes, a development zone does not") {
    // t-exact4 and z-four: 101, 102, 103 (Alfa) + 201 (Beeta) = 4 municipalities, 2 regions.
    const auto& t = r.at("t-exact4");
    CHECK(t.named.municipalities == Codes{"101", "102", "103", "201"});
    CHECK(t.named.regions == Codes{"01", "02"});
    CHECK(t.passes);  // 4 >= 4 and 2 >= 2
    CHECK(t.named.reason == "4 municipalities named in 2 regions");
    const auto& z = r.at("z-four");
    CHECK_FALSE(z.passes);  // 4 > 4 is false
    CHECK(z.named.reason == "4 municipalities named, needs more than 4");
    CHECK_FALSE(z.would_pass_with);
    CHECK(r.at("z-five").passes);  // 101-104 + 201: 5 > 4, 2 regions
  }
  SECTION("all in one region") {
    // t-one-region: 101-105 named (5 >= 4) but all in Alfa (1 < 2); the lead org-dev's seat 104 adds
    // nothing new; planned 202 (Beeta) makes 6 municipalities in 2 regions.
    const auto& p = r.at("t-one-region");
    CHECK(p.named.municipalities.size() == 5);
    CHECK(p.named.reason == "all in one region (Alfa), needs 2");
    CHECK_FALSE(p.seats.passes);
    CHECK(p.seats.municipalities.size() == 5);
    CHECK(p.planned.passes);
    CHECK(p.planned.municipalities == Codes{"101", "102", "103", "104", "105", "202"});
    CHECK(p.would_pass_with == EligibilityCount::planned);
  }
  SECTION("organisations' seats; foreign, group and seatless actors ignored") {
    // t-seats: named 101, 102 (Alfa) = 2 municipalities in 1 region. Seats: + org-uni (lead, seat 201
    // Beeta) + org-dev (seat 104) = {101, 102, 104, 201}: 4 in 2 regions, passes. foreign-ee,
    // group-six and org-noseat add nothing. Planned: + 103 = 5 municipalities.
    const auto& p = r.at("t-seats");
    CHECK(p.named.reason == "2 municipalities named, needs 4; all in one region (Alfa), needs 2");
    CHECK(p.seats.municipalities == Codes{"101", "102", "104", "201"});
    CHECK(p.seats.regions == Codes{"01", "02"});
    CHECK(p.seats.passes);
    CHECK(p.planned.municipalities.size() == 5);
    CHECK_FALSE(p.passes);
    CHECK(p.would_pass_with == EligibilityCount::seats);
    CHECK(p.notes == std::vector<std::string>{"groups without named members not counted: group-six (6 members)",
                                              "organisations without a known seat: org-noseat",
                                              "foreign actors not counted: foreign-ee"});
    CHECK(p.lead_allowed);  // a university
    CHECK(p.lead_region_code == "02");
    CHECK(p.paid_to == "council-02");  // the data set's regional council of Beeta
  }
  SECTION("planned-only municipalities; mentioned and invited never count") {
    // t-planned-only: the lead 101 is the only member municipality; 102, 103, 201 are planned (4 in 2
    // regions with planned); 104 mentioned and 105 invited are not counted.
    const auto& p = r.at("t-planned-only");
    CHECK(p.named.municipalities == Codes{"101"});
    CHECK(p.seats.municipalities == Codes{"101"});
    CHECK(p.planned.municipalities == Codes{"101", "102", "103", "201"});
    CHECK(p.named.reason == "1 municipality named, needs 4; all in one region (Alfa), needs 2");
    CHECK(p.planned.passes);
    CHECK(p.would_pass_with == EligibilityCount::planned);
  }
  SECTION("area actors: ignored by default, their region touched with AreaActors::regions") {
    // t-areas: 101-104 named (Alfa only); council-02 (MK02, seat 201) and sk-021 (Beeta) are area
    // actors: with `ignore` they add nothing (council-02's seat 201 is not a member municipality).
    const auto& p = r.at("t-areas");
    CHECK(p.seats.municipalities == Codes{"101", "102", "103", "104"});
    CHECK(p.seats.regions == Codes{"01"});
    CHECK_FALSE(p.planned.passes);
    CHECK_FALSE(p.lead_allowed);  // a regional council is not among the call's applicants
    CHECK(p.lead_region_code == "01");  // its area, MK01
    CHECK(p.paid_to == "council-01");
    CHECK(p.notes == std::vector<std::string>{"area actors not counted: council-01, council-02, sk-021"});
    // With `regions`: seats = 4 municipalities (still no 201) in {01, 02}: passes; named unchanged.
    EligibilityOptions options;
    options.area_actors = AreaActors::regions;
    const auto with_areas = by_id(assess_eligibility(dataset, geography, rules, options));
    const auto& q = with_areas.at("t-areas");
    CHECK(q.named.regions == Codes{"01"});
    CHECK(q.seats.municipalities == Codes{"101", "102", "103", "104"});
    CHECK(q.seats.regions == Codes{"01", "02"});
    CHECK(q.seats.passes);
    CHECK(q.would_pass_with == EligibilityCount::seats);
  }
  SECTION("declared but unnamed members, no lead") {
    const auto& p = r.at("t-declared");
    CHECK_FALSE(p.lead);
    CHECK(p.paid_to.empty());
    CHECK(p.notes == std::vector<std::string>{"no lead named", "declares 6 members, names 2 municipalities"});
    CHECK_FALSE(p.passes);  // 2 municipalities named
  }
  SECTION("another primary count") {
    EligibilityOptions options;
    options.count = EligibilityCount::seats;
    const auto s = by_id(assess_eligibility(dataset, geography, rules, options));
    CHECK(s.at("t-seats").passes);
    CHECK(s.at("t-seats").primary == EligibilityCount::seats);
    CHECK(s.at("t-one-region").would_pass_with == EligibilityCount::planned);
  }
  SECTION("the table") {
    const Table t = eligibility_table(dataset, geography, results);
    CHECK(t.rows() == 8);
    const auto& ids = std::get<Table::Strings>(t.column("network_id").values);
    const auto row = static_cast<std::size_t>(std::find(ids.begin(), ids.end(), "t-seats") - ids.begin());
    CHECK(std::get<Table::Integers>(t.column("municipalities_named").values)[row] == 2);
    CHECK(std::get<Table::Integers>(t.column("municipalities_seats").values)[row] == 4);
    CHECK(std::get<Table::Integers>(t.column("regions_seats").values)[row] == 2);
    CHECK(std::get<Table::Strings>(t.column("verdict_named").values)[row] == "fail");
    CHECK(std::get<Table::Strings>(t.column("verdict_seats").values)[row] == "pass");
    CHECK(std::get<Table::Strings>(t.column("verdict").values)[row] == "fail");
    CHECK(std::get<Table::Strings>(t.column("would_pass_if").values)[row] ==
          "would pass if member organisations' seats counted");
    CHECK(std::get<Table::Strings>(t.column("lead_region").values)[row] == "Beeta");
    CHECK(std::get<Table::Strings>(t.column("lead_allowed").values)[row] == "yes");
    CHECK(std::get<Table::Strings>(t.column("municipality_codes_seats").values)[row] == "101|102|104|201");
  }
}

TEST_CASE("a proposal whose track the rules lack is an error", "[eligibility]") {
  const Geography geography = tiny_geography();
  const Dataset dataset = tiny_dataset();
  CallRules rules = load_call_rules(bundled_rules);
  rules.tracks.erase(rules.tracks.begin());  // development_zone
  CHECK_THROWS_AS(assess_eligibility(dataset, geography, rules), std::invalid_argument);
}

// The 2021 idea call. Expected lists computed independently (pandas over the CSV files): the
// municipality actors with status member per proposal, then + member organisations' seats, then +
// planned members, each with the regions of its municipalities.
TEST_CASE("idea_call_2021: which proposals pass and why", "[eligibility][bundled]") {
  const fs::path data = source_dir / "data";
  const Geography geography = load_geography(data / "geography/fi-2021");
  const Dataset dataset = load_dataset(data / "collaborations/idea_call_2021", geography);
  const CallRules rules = load_call_rules(bundled_rules);
  const auto results = assess_eligibility(dataset, geography, rules);
  REQUIRE(results.size() == 60);
  std::map<EligibilityCount, std::vector<std::string>> passing;
  for (const auto& p : results)
    for (const auto c : {EligibilityCount::named, EligibilityCount::seats, EligibilityCount::planned})
      if (p.count(c).passes) passing[c].push_back(p.network_id);
  // named: p03 (12 municipalities, 5 regions), p07 (6, 2) zones; p14 (4, 3), p24 (5, 5), p28 (6, 4),
  // p42 (6, 4) thematic networks.
  CHECK(passing[EligibilityCount::named] == std::vector<std::string>{"p03", "p07", "p14", "p24", "p28", "p42"});
  // seats adds p26 (7, 7), p30 (4, 2), p54 (8, 7), p60 (4, 3).
  CHECK(passing[EligibilityCount::seats] ==
        std::vector<std::string>{"p03", "p07", "p14", "p24", "p26", "p28", "p30", "p42", "p54", "p60"});
  // planned adds p12 (7, 5), p27 (4, 4), p59 (8, 7).
  CHECK(passing[EligibilityCount::planned] == std::vector<std::string>{"p03", "p07", "p12", "p14", "p24", "p26", "p27",
                                                                       "p28", "p30", "p42", "p54", "p59", "p60"});
  const auto r = by_id(results);
  CHECK(r.at("p10").named.reason == "1 municipality named, needs 4; all in one region (Pohjois-Savo), needs 2");
  CHECK(r.at("p01").named.reason == "0 municipalities named, needs more than 4; no region, needs 2");
  CHECK(r.at("p35").named.reason == "2 municipalities named, needs 4");  // 179 Jyväskylä, 837 Tampere
  CHECK(r.at("p35").notes == std::vector<std::string>{"declares 4 members, names 2 municipalities",
                                                    "area actors not counted: Hämeen liitto"});
  CHECK(r.at("p02").lead_region_code == "11");  // Pohjois-Savon liitto, MK11
  CHECK(r.at("p02").paid_to == "Pohjois-Savon liitto");
  CHECK_FALSE(r.at("p02").lead_allowed);
  CHECK(r.at("p01").lead_region_code == "13");  // Business Jyväskylä, seat 179 Jyväskylä
  CHECK(r.at("p01").paid_to == "regional council of Keski-Suomi");  // no Keski-Suomi council in the data
  CHECK_FALSE(r.at("p28").lead);
  CHECK(r.at("p26").would_pass_with == EligibilityCount::seats);
  CHECK(r.at("p12").would_pass_with == EligibilityCount::planned);
}
