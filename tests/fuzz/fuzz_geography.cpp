// Fuzz target: parse_geography, a geography's files (geography.json, municipalities.csv,
// subregions.csv, regions.csv, population.csv) with their cross-checks (codes, sums, series).
// Input: the files in that order, separated by lines "----" (split_files).
#include "fuzz_support.hpp"

using namespace alueverkko;

namespace {

// Places sorted by code, every municipality in a known sub-region and region, the population series
// agreeing with the population_2020/2021 columns, and totals (where they fit in int64) >= 0.
void check_geography(const Geography& geography) {
  const auto by_code = [](const auto& a, const auto& b) { return a.code < b.code; };
  fuzz::require(std::is_sorted(geography.municipalities().begin(), geography.municipalities().end(), by_code));
  fuzz::require(std::is_sorted(geography.subregions().begin(), geography.subregions().end(), by_code));
  fuzz::require(std::is_sorted(geography.regions().begin(), geography.regions().end(), by_code));
  for (const Municipality& m : geography.municipalities()) {
    fuzz::require(geography.find_subregion(m.subregion_code) && geography.find_region(m.region_code));
    fuzz::require(geography.population(m.code, 2020) == m.population_2020);
    fuzz::require(geography.population(m.code, 2021) == m.population_2021);
  }
  for (const int year : geography.population_years()) {
    const auto total = geography.population_total(year);
    fuzz::require(!total || *total >= 0);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::vector<std::string_view> parts = fuzz::split_files(fuzz::as_text(data, size), 5);
  GeographyTexts texts;
  texts.json = std::string(fuzz::part(parts, 0));
  texts.municipalities.content = std::string(fuzz::part(parts, 1));
  texts.subregions.content = std::string(fuzz::part(parts, 2));
  texts.regions.content = std::string(fuzz::part(parts, 3));
  texts.population.content = std::string(fuzz::part(parts, 4));
  try {
    check_geography(parse_geography(texts));
  } catch (const DataError& error) {
    fuzz::check_diagnostics(error, {{texts.json_file, texts.json},
                                    {texts.municipalities.file, texts.municipalities.content},
                                    {texts.subregions.file, texts.subregions.content},
                                    {texts.regions.file, texts.regions.content},
                                    {texts.population.file, texts.population.content}});
  }
  return 0;
}
