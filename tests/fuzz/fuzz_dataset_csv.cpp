// Fuzz target: parse_dataset, the CSV tables of a data set (actors, networks, memberships, aliases)
// checked against the valid-mini geography with valid-mini's dataset.json as metadata.
// Input: the tables in that order, separated by lines "----" (split_files); with fewer than three
// separators there is no aliases table, so both "no aliases.csv" and a broken one are reached.
#include "fuzz_support.hpp"

#include <alueverkko/data/dataset.hpp>

#include <cmath>

using namespace alueverkko;

namespace {

const DatasetMetadata& mini_metadata() {
  static const DatasetMetadata metadata = read_dataset_metadata(fuzz::valid_mini_dir() / "collaborations" / "mini");
  return metadata;
}

// What a returned data set promises: ids resolve to their own index, every reference is in range,
// values within the ranges the format allows, aliases unambiguous.
void check_dataset(const Dataset& dataset) {
  for (std::size_t i = 0; i < dataset.actors().size(); ++i) {
    const Actor& actor = dataset.actors()[i];
    fuzz::require(dataset.actor_index(actor.id) == i);
    fuzz::require(!actor.declared_size || *actor.declared_size >= 1);
  }
  for (std::size_t i = 0; i < dataset.networks().size(); ++i)
    fuzz::require(dataset.network_index(dataset.networks()[i].id) == i);
  std::size_t by_network = 0;
  for (std::size_t n = 0; n < dataset.networks().size(); ++n) by_network += dataset.memberships_of_network(n).size();
  fuzz::require(by_network == dataset.memberships().size());
  for (const Membership& m : dataset.memberships()) {
    fuzz::require(m.actor < dataset.actors().size() && m.network < dataset.networks().size());
    fuzz::require(std::isfinite(m.weight) && m.weight >= 0);
  }
  for (const Alias& alias : dataset.aliases()) {
    fuzz::require(alias.actor < dataset.actors().size());
    // An alias resolves to its actor, unless it is another actor's id (ids resolve first, as documented).
    fuzz::require(dataset.actor_index(alias.alias) != Dataset::npos ||
                  dataset.find_actor(alias.alias) == &dataset.actors()[alias.actor]);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::vector<std::string_view> parts = fuzz::split_files(fuzz::as_text(data, size), 4);
  DatasetTexts texts;
  texts.metadata = mini_metadata();
  texts.sources_listed = true;
  texts.actors = {"actors.csv", std::string(fuzz::part(parts, 0))};
  texts.networks = {"networks.csv", std::string(fuzz::part(parts, 1))};
  texts.memberships = {"memberships.csv", std::string(fuzz::part(parts, 2))};
  if (parts.size() > 3) texts.aliases = CsvText{"aliases.csv", std::string(parts[3])};
  try {
    check_dataset(parse_dataset(texts, fuzz::mini_geography()));
  } catch (const DataError& error) {
    fuzz::check_diagnostics(error, {{"metadata", ""},
                                    {"actors.csv", fuzz::part(parts, 0)},
                                    {"networks.csv", fuzz::part(parts, 1)},
                                    {"memberships.csv", fuzz::part(parts, 2)},
                                    {"aliases.csv", fuzz::part(parts, 3)}});
  }
  return 0;
}
