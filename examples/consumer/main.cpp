// Loads the geography bundled with the installed library and prints a few facts.
#include <alueverkko/alueverkko.hpp>

#include <iostream>

int main() {
  const auto geography = alueverkko::load_geography(GEOGRAPHY_DIR);
  std::cout << "alueverkko " << alueverkko::version << "\n"
            << "municipalities: " << geography.municipalities().size() << "\n"
            << "regions: " << geography.regions().size() << "\n"
            << "population 2021: " << geography.population_total(2021).value_or(0) << "\n";
}
