#pragma once
// A collaboration data set: actors, networks and who takes part in which network.
#include <alueverkko/data/model.hpp>
#include <alueverkko/geo/geography.hpp>

#include <cstddef>
#include <filesystem>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace alueverkko {

struct DatasetSource {
  std::string file, title, publisher;
  int year = 0;
  std::string url;  // may be empty
};

// dataset.json.
struct DatasetMetadata {
  std::string name, title, description;
  int reference_year = 0;
  std::string geography;  // id of the geography the codes refer to
  std::vector<DatasetSource> sources;
  std::vector<std::string> notes;
};

// Reads and checks dataset.json alone (e.g. to find the geography before loading the rest).
// Throws DataError.
DatasetMetadata read_dataset_metadata(const std::filesystem::path& dir);
// The same for the text of a dataset.json in memory; `file` names it in the diagnostics.
DatasetMetadata parse_dataset_metadata(std::string_view text, const std::string& file);

// Everything a Dataset is built from; indices in memberships and aliases refer to the vectors.
struct DatasetData {
  std::filesystem::path directory;
  DatasetMetadata metadata;
  std::vector<Actor> actors;
  std::vector<Network> networks;
  std::vector<Membership> memberships;
  std::vector<Alias> aliases;
};

class Dataset {
 public:
  static constexpr std::size_t npos = static_cast<std::size_t>(-1);

  Dataset() = default;
  // Indexes `data` without checking it; use load_dataset() for checked input.
  explicit Dataset(DatasetData data);

  const DatasetMetadata& metadata() const noexcept { return data_.metadata; }
  const std::string& name() const noexcept { return data_.metadata.name; }
  const std::string& geography_id() const noexcept { return data_.metadata.geography; }
  const std::filesystem::path& directory() const noexcept { return data_.directory; }

  // In file order.
  std::span<const Actor> actors() const noexcept { return data_.actors; }
  std::span<const Network> networks() const noexcept { return data_.networks; }
  std::span<const Membership> memberships() const noexcept { return data_.memberships; }
  std::span<const Alias> aliases() const noexcept { return data_.aliases; }

  std::size_t actor_index(std::string_view actor_id) const noexcept;  // npos if unknown
  std::size_t network_index(std::string_view network_id) const noexcept;
  const Network* find_network(std::string_view network_id) const noexcept;

  // Resolves an actor id (exact), or a canonical name or alias compared by name_key(). Returns
  // nullptr if nothing matches or if the name is shared by several actors.
  const Actor* find_actor(std::string_view id_name_or_alias) const;

  // Indices into memberships(), in file order.
  std::span<const std::size_t> memberships_of_network(std::size_t network_index) const;
  std::span<const std::size_t> memberships_of_actor(std::size_t actor_index) const;

 private:
  DatasetData data_;
  std::unordered_map<std::string, std::size_t> actor_by_id_, network_by_id_;
  std::unordered_map<std::string, std::size_t> actor_by_key_;  // npos marks an ambiguous key
  std::vector<std::vector<std::size_t>> memberships_by_network_, memberships_by_actor_;
};

// Reads and validates a data set directory (dataset.json, actors.csv, networks.csv,
// memberships.csv, optional aliases.csv) against `geography`. Throws DataError with every problem
// in every file; never returns a partially loaded data set.
Dataset load_dataset(const std::filesystem::path& dir, const Geography& geography);

// A data set whose tables are in memory (e.g. DataFrames written as CSV by alueverkko.from_pandas)
// rather than in a directory; the metadata is given, not read from dataset.json.
struct DatasetTexts {
  DatasetMetadata metadata;  // an empty geography is taken to be the one the tables are checked against
  // Whether metadata.sources is the complete list of source documents, so that every `source`
  // field must cite one of them (as in a directory); false leaves the cited files unchecked.
  bool sources_listed = false;
  CsvText actors, networks, memberships;
  std::optional<CsvText> aliases;
};

// load_dataset() for tables in memory: the same checks, diagnostics naming each table's `file`.
Dataset parse_dataset(DatasetTexts texts, const Geography& geography);

}  // namespace alueverkko
