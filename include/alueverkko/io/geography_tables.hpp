#pragma once
// A geography's places as result tables (one row per place, sorted by code), for the command line,
// pandas and CSV export.
#include <alueverkko/geo/geography.hpp>
#include <alueverkko/io/table.hpp>

namespace alueverkko {

enum class PlaceLevel { municipality, subregion, region };

// The number of places of `level` in the geography.
inline std::size_t place_count(const Geography& geography, PlaceLevel level) {
  switch (level) {
    case PlaceLevel::municipality: return geography.municipalities().size();
    case PlaceLevel::subregion: return geography.subregions().size();
    case PlaceLevel::region: return geography.regions().size();
  }
  return 0;
}

// Columns: code, name_fi, name_sv, then for municipalities language_status, bilingual,
// subregion_code, region_code, size_class, centre_lat, centre_lon, land_area_km2_approx; for
// sub-regions name_en, region_code, n_municipalities; for regions name_en, n_municipalities; last
// population_2020 and population_2021 (31 December).
Table places_table(const Geography& geography, PlaceLevel level);

// The population series: municipality_code, year, population (31 December of year).
Table population_table(const Geography& geography);

}  // namespace alueverkko
