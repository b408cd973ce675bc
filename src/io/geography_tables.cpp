#include "column_of.hpp"

#include <alueverkko/io/geography_tables.hpp>

namespace alueverkko {
using detail::column_of;

namespace {

// The columns every level shares; `extra` adds the level's own between the names and populations.
template <class Place, class Extra>
Table table_of(std::span<const Place> places, Extra&& extra) {
  Table::Strings code, name_fi, name_sv;
  Table::Integers population_2020, population_2021;
  for (const auto& p : places) {
    code.push_back(p.code);
    name_fi.push_back(p.name_fi);
    name_sv.push_back(p.name_sv);
    population_2020.push_back(p.population_2020);
    population_2021.push_back(p.population_2021);
  }
  Table table;
  table.add_column("code", std::move(code));
  table.add_column("name_fi", std::move(name_fi));
  table.add_column("name_sv", std::move(name_sv));
  extra(table);
  table.add_column("population_2020", std::move(population_2020));
  table.add_column("population_2021", std::move(population_2021));
  return table;
}


}  // namespace

Table places_table(const Geography& geography, PlaceLevel level) {
  switch (level) {
    case PlaceLevel::municipality: {
      const auto places = geography.municipalities();
      return table_of(places, [&](Table& t) {
        t.add_column("language_status", column_of(places, [](const Municipality& m) { return std::int64_t{m.language_status}; }));
        t.add_column("bilingual", column_of(places, [](const Municipality& m) { return std::int64_t{m.bilingual}; }));
        t.add_column("subregion_code", column_of(places, [](const Municipality& m) { return m.subregion_code; }));
        t.add_column("region_code", column_of(places, [](const Municipality& m) { return m.region_code; }));
        t.add_column("size_class", column_of(places, [](const Municipality& m) { return std::string(1, m.size_class); }));
        t.add_column("centre_lat", column_of(places, [](const Municipality& m) { return m.centre_lat; }));
        t.add_column("centre_lon", column_of(places, [](const Municipality& m) { return m.centre_lon; }));
        t.add_column("land_area_km2_approx", column_of(places, [](const Municipality& m) { return m.land_area_km2_approx; }));
      });
    }
    case PlaceLevel::subregion: {
      const auto places = geography.subregions();
      return table_of(places, [&](Table& t) {
        t.add_column("name_en", column_of(places, [](const Subregion& s) { return s.name_en; }));
        t.add_column("region_code", column_of(places, [](const Subregion& s) { return s.region_code; }));
        t.add_column("n_municipalities", column_of(places, [](const Subregion& s) { return std::int64_t{s.n_municipalities}; }));
      });
    }
    case PlaceLevel::region: {
      const auto places = geography.regions();
      return table_of(places, [&](Table& t) {
        t.add_column("name_en", column_of(places, [](const Region& r) { return r.name_en; }));
        t.add_column("n_municipalities", column_of(places, [](const Region& r) { return std::int64_t{r.n_municipalities}; }));
      });
    }
  }
  throw std::invalid_argument("unknown place level");
}

Table population_table(const Geography& geography) {
  Table::Strings code;
  Table::Integers year, population;
  const auto municipalities = geography.municipalities();
  for (std::size_t m = 0; m < municipalities.size(); ++m)
    for (const int y : geography.population_years()) {
      code.push_back(municipalities[m].code);
      year.push_back(y);
      population.push_back(geography.population(m, y).value());
    }
  Table table;
  table.add_column("municipality_code", std::move(code));
  table.add_column("year", std::move(year));
  table.add_column("population", std::move(population));
  return table;
}

}  // namespace alueverkko
