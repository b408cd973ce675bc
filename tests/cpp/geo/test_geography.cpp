// Geography loading: the small fixture (always) and the bundled data/geography/fi-2021 (once the
// data directory exists).
#include <alueverkko/core/diagnostics.hpp>
#include <alueverkko/geo/geography.hpp>

#include <catch2/catch.hpp>

#include <filesystem>
#include <map>
#include <numeric>

namespace fs = std::filesystem;
using namespace alueverkko;

namespace {
const fs::path mini_dir = fs::path(ALUEVERKKO_SOURCE_DIR) / "tests" / "data" / "valid-mini" / "geography" / "mini-2021";
const fs::path bundled_dir = fs::path(ALUEVERKKO_SOURCE_DIR) / "data" / "geography" / "fi-2021";

// Sub-region and region sums, counts and population series agree with the municipalities.
void check_consistency(const Geography& g) {
  std::map<std::string, std::pair<int, std::int64_t>> by_subregion, by_region;
  for (const Municipality& m : g.municipalities()) {
    by_subregion[m.subregion_code].first += 1;
    by_subregion[m.subregion_code].second += m.population_2021;
    by_region[m.region_code].first += 1;
    by_region[m.region_code].second += m.population_2021;
    CHECK(g.population(m.code, 2020) == m.population_2020);
    CHECK(g.population(m.code, 2021) == m.population_2021);
    CHECK(SizeClassBins{}.classify(m.population_2021) == m.size_class);
    const Subregion* s = g.find_subregion(m.subregion_code);
    REQUIRE(s != nullptr);
    CHECK(s->region_code == m.region_code);
  }
  for (const Subregion& s : g.subregions()) {
    CHECK(by_subregion[s.code].first == s.n_municipalities);
    CHECK(by_subregion[s.code].second == s.population_2021);
    CHECK(g.municipalities_in_subregion(s.code).size() == static_cast<std::size_t>(s.n_municipalities));
  }
  for (const Region& r : g.regions()) {
    CHECK(by_region[r.code].first == r.n_municipalities);
    CHECK(by_region[r.code].second == r.population_2021);
    CHECK(g.municipalities_in_region(r.code).size() == static_cast<std::size_t>(r.n_municipalities));
  }
  for (const int year : g.population_years()) {
    std::int64_t sum = 0;
    for (std::size_t i = 0; i < g.municipalities().size(); ++i) sum += g.population(i, year).value();
    CHECK(g.population_total(year) == sum);
  }
  // Sorted by code, and the index lookups agree.
  for (std::size_t i = 0; i < g.municipalities().size(); ++i) {
    if (i > 0) CHECK(g.municipalities()[i - 1].code < g.municipalities()[i].code);
    CHECK(g.municipality_index(g.municipalities()[i].code) == i);
  }
}
}  // namespace

TEST_CASE("SizeClassBins: the classes of the 2020 study", "[geo]") {
  const SizeClassBins bins;
  CHECK(bins.classify(100000) == 'A');
  CHECK(bins.classify(99999) == 'B');
  CHECK(bins.classify(25000) == 'B');
  CHECK(bins.classify(24999) == 'C');
  CHECK(bins.classify(10000) == 'C');
  CHECK(bins.classify(9999) == 'D');
  CHECK(bins.classify(4000) == 'D');
  CHECK(bins.classify(3999) == 'E');
  CHECK(bins.classify(0) == 'E');
}

TEST_CASE("mini geography: counts, lookups, populations", "[geo]") {
  const Geography g = load_geography(mini_dir);
  CHECK(g.id() == "mini-2021");
  CHECK(g.reference_year() == 2021);
  CHECK(g.municipalities().size() == 6);
  CHECK(g.subregions().size() == 3);
  CHECK(g.regions().size() == 2);
  // The series of population.csv, longer than geography.json's population_years (the columns).
  CHECK(std::vector<int>(g.population_years().begin(), g.population_years().end()) ==
        std::vector<int>{2019, 2020, 2021});
  CHECK(g.attribution() == "Test fixture for alueverkko; populations are approximate.");
  REQUIRE(g.sources().size() == 1);
  CHECK(g.sources()[0].licence == "CC0-1.0");
  CHECK_FALSE(g.boundaries_path().has_value());

  const Municipality* helsinki = g.find_municipality("091");
  REQUIRE(helsinki != nullptr);
  CHECK(helsinki->name_fi == "Helsinki");
  CHECK(helsinki->name_sv == "Helsingfors");
  CHECK(helsinki->language_status == 1);
  CHECK(helsinki->bilingual);
  CHECK(helsinki->subregion_code == "011");
  CHECK(helsinki->region_code == "01");
  CHECK(helsinki->population_2021 == 658457);
  CHECK(helsinki->centre_lat == Approx(60.1699));
  CHECK(helsinki->size_class == 'A');
  CHECK(g.find_municipality("91") == nullptr);
  CHECK(g.find_municipality("999") == nullptr);
  CHECK(g.municipality_index("999") == Geography::npos);
  CHECK(g.find_subregion("025")->name_sv == "Åbolands ekonomiska region");
  CHECK(g.find_region("02")->name_en == "Southwest Finland");
  CHECK(g.find_region("03") == nullptr);
  CHECK(g.municipalities().front().code == "018");

  CHECK(g.population("091", 2019) == 653835);
  CHECK_FALSE(g.population("091", 2018).has_value());
  CHECK_FALSE(g.population("999", 2021).has_value());
  CHECK(g.population_total(2021) == 1028514);
  CHECK(g.population_total(2020) == 1026967);
  CHECK_FALSE(g.population_total(2000).has_value());
  CHECK(g.find_region("01")->population_2021 == 1006763);
  CHECK(g.municipalities_in_region("01") == std::vector<std::size_t>{0, 1, 2, 5});
  check_consistency(g);
}

TEST_CASE("load_geography: a missing directory reports every missing file", "[geo]") {
  try {
    (void)load_geography(mini_dir / "nonexistent");
    FAIL("no DataError");
  } catch (const DataError& e) {
    REQUIRE(e.diagnostics().size() == 5);
    CHECK(e.diagnostics()[0].to_string() == (mini_dir / "nonexistent" / "geography.json").string() + ":0:0: file not found");
  }
}

TEST_CASE("Geography from GeographyData sorts by code and permutes the population series", "[geo]") {
  GeographyData data;
  data.id = "t";
  data.population_years = {2021};
  data.municipalities.resize(2);
  data.municipalities[0].code = "200";
  data.municipalities[1].code = "100";
  data.population_series = {20, 10};
  const Geography g(std::move(data));
  CHECK(g.municipalities()[0].code == "100");
  CHECK(g.population("100", 2021) == 10);
  CHECK(g.population("200", 2021) == 20);
  CHECK(g.population_total(2021) == 30);
}

// The bundled geography; skipped (with a warning) until data/geography/fi-2021 exists.
TEST_CASE("bundled fi-2021 geography: known facts", "[geo][bundled]") {
  if (!fs::exists(bundled_dir / "geography.json")) {
    WARN("data/geography/fi-2021 not present: bundled geography checks skipped");
    return;
  }
  const Geography g = load_geography(bundled_dir);
  CHECK(g.id() == "fi-2021");
  CHECK(g.reference_year() == 2021);
  CHECK(g.municipalities().size() == 309);
  CHECK(g.subregions().size() == 69);
  CHECK(g.regions().size() == 19);
  CHECK(g.boundaries_path().has_value());
  CHECK_FALSE(g.attribution().empty());

  const Region* uusimaa = g.find_region("01");
  REQUIRE(uusimaa != nullptr);
  CHECK(uusimaa->name_fi == "Uusimaa");
  CHECK(uusimaa->n_municipalities == 26);
  CHECK(uusimaa->population_2021 == 1714741);
  CHECK(g.municipalities_in_region("01").size() == 26);

  const Municipality* helsinki = g.find_municipality("091");
  REQUIRE(helsinki != nullptr);
  CHECK(helsinki->name_fi == "Helsinki");
  CHECK(helsinki->region_code == "01");
  CHECK(helsinki->size_class == 'A');

  CHECK(g.population_total(2021) == 5548241);
  CHECK(g.population_total(2020) == 5533793);
  std::int64_t regions_2021 = 0;
  for (const Region& r : g.regions()) regions_2021 += r.population_2021;
  CHECK(regions_2021 == 5548241);
  check_consistency(g);
}
