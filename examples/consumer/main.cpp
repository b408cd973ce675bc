// Loads the data bundled with the installed library and prints a few facts.
#include <alueverkko/alueverkko.hpp>

#include <iostream>

int main() {
  const auto geography = alueverkko::load_geography(DATA_DIR "/geography/fi-2021");
  const auto dataset = alueverkko::load_dataset(DATA_DIR "/collaborations/idea_call_2021", geography);
  std::cout << "alueverkko " << alueverkko::version << "\n"
            << "municipalities: " << geography.municipalities().size() << "\n"
            << "regions: " << geography.regions().size() << "\n"
            << "population 2021: " << geography.population_total(2021).value_or(0) << "\n"
            << dataset.name() << ": " << dataset.networks().size() << " networks, "
            << dataset.memberships().size() << " memberships\n";
}
