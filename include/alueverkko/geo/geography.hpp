#pragma once
// The administrative geography the collaboration data refers to: municipalities (kunnat),
// sub-regions (seutukunnat) and regions (maakunnat) with their populations, as described in
// docs/data-format.md ("Geography directory").
#include <alueverkko/core/csv.hpp>

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace alueverkko {

struct Municipality {
  std::string code;  // three digits with leading zeros, e.g. "091"
  std::string name_fi, name_sv;
  int language_status = 0;  // Statistics Finland kielisuhde: 0 fi, 1 bilingual fi-majority, 2 sv, 3 bilingual sv-majority
  bool bilingual = false;
  std::string subregion_code, region_code;
  std::int64_t population_2020 = 0, population_2021 = 0;  // on 31 December
  double centre_lat = 0, centre_lon = 0;                  // WGS84 degrees
  double land_area_km2_approx = 0;
  char size_class = 'E';  // 'A'..'E', see SizeClassBins
};

struct Subregion {
  std::string code;  // three digits, e.g. "011"
  std::string name_fi, name_sv, name_en;
  std::string region_code;
  int n_municipalities = 0;
  std::int64_t population_2020 = 0, population_2021 = 0;
};

struct Region {
  std::string code;  // two digits, e.g. "01"
  std::string name_fi, name_sv, name_en;
  int n_municipalities = 0;
  std::int64_t population_2020 = 0, population_2021 = 0;
};

struct GeographySource {
  std::string id, file, title, publisher, licence, url;  // url may be empty
};

// Municipality size classes by population. The defaults are the classes of the 2020 study:
// A >= 100,000; B 25,000-99,999; C 10,000-24,999; D 4,000-9,999; E < 4,000.
struct SizeClassBins {
  std::int64_t a_min = 100000, b_min = 25000, c_min = 10000, d_min = 4000;
  char classify(std::int64_t population) const noexcept;
};

// Everything a Geography is built from. Geography's constructor only sorts and indexes: use
// load_geography() for checked input.
struct GeographyData {
  std::filesystem::path directory;
  std::string id, name;
  int reference_year = 0;
  std::vector<GeographySource> sources;
  std::string attribution;
  std::vector<Municipality> municipalities;
  std::vector<Subregion> subregions;
  std::vector<Region> regions;
  std::vector<int> population_years;  // years of the population series (population.csv), ascending
  // population_series[m * population_years.size() + y]: municipality m (in the order of
  // `municipalities` as given), year population_years[y].
  std::vector<std::int64_t> population_series;
  std::optional<std::filesystem::path> boundaries_path;  // boundaries.topo.json, if present
};

class Geography {
 public:
  static constexpr std::size_t npos = static_cast<std::size_t>(-1);

  Geography() = default;
  explicit Geography(GeographyData data);

  const std::string& id() const noexcept { return data_.id; }
  const std::string& name() const noexcept { return data_.name; }
  int reference_year() const noexcept { return data_.reference_year; }
  const std::string& attribution() const noexcept { return data_.attribution; }
  std::span<const GeographySource> sources() const noexcept { return data_.sources; }
  const std::filesystem::path& directory() const noexcept { return data_.directory; }
  const std::optional<std::filesystem::path>& boundaries_path() const noexcept { return data_.boundaries_path; }

  // Sorted by code.
  std::span<const Municipality> municipalities() const noexcept { return data_.municipalities; }
  std::span<const Subregion> subregions() const noexcept { return data_.subregions; }
  std::span<const Region> regions() const noexcept { return data_.regions; }

  // Position in the sorted lists above, or npos.
  std::size_t municipality_index(std::string_view code) const noexcept;
  std::size_t subregion_index(std::string_view code) const noexcept;
  std::size_t region_index(std::string_view code) const noexcept;

  const Municipality* find_municipality(std::string_view code) const noexcept;
  const Subregion* find_subregion(std::string_view code) const noexcept;
  const Region* find_region(std::string_view code) const noexcept;

  // Municipality indices of a sub-region / region (ascending; empty for an unknown code).
  std::vector<std::size_t> municipalities_in_subregion(std::string_view subregion_code) const;
  std::vector<std::size_t> municipalities_in_region(std::string_view region_code) const;

  // Years of the population series of population.csv (ascending). geography.json's
  // `population_years` are only the years of the population_YYYY columns (2020 and 2021).
  std::span<const int> population_years() const noexcept { return data_.population_years; }
  // Population of a municipality on 31 December of `year`; nullopt for an unknown code or a year
  // outside the series.
  std::optional<std::int64_t> population(std::string_view municipality_code, int year) const;
  std::optional<std::int64_t> population(std::size_t municipality_index, int year) const;
  // Sum over all municipalities; nullopt for a year outside the series or a sum beyond int64.
  std::optional<std::int64_t> population_total(int year) const;

 private:
  std::size_t year_index(int year) const noexcept;
  GeographyData data_;
};

// Reads and validates a geography directory (geography.json, municipalities.csv, subregions.csv,
// regions.csv, population.csv). Throws DataError with every problem found; never returns a
// partially checked geography.
Geography load_geography(const std::filesystem::path& dir);

// The files of a geography directory held in memory; each `file` names its text in the diagnostics.
struct GeographyTexts {
  std::string json_file = "geography.json", json;
  CsvText municipalities{"municipalities.csv", {}}, subregions{"subregions.csv", {}}, regions{"regions.csv", {}},
      population{"population.csv", {}};
};

// load_geography() for files in memory: the same checks. The result has no directory and no boundaries.
Geography parse_geography(const GeographyTexts& texts);

}  // namespace alueverkko
