#include "output.hpp"

#include "commands.hpp"

#include <alueverkko/core/diagnostics.hpp>
#include <alueverkko/data/dataset.hpp>
#include <alueverkko/geo/find_geography.hpp>

#include <filesystem>
#include <fstream>
#include <iostream>

namespace alueverkko::cli {

void write_to(const std::string& out_path, const std::function<void(std::ostream&)>& write) {
  std::ofstream file;
  if (!out_path.empty()) {
    const auto parent = std::filesystem::path(out_path).parent_path();
    if (!parent.empty()) std::filesystem::create_directories(parent);
    file.open(out_path, std::ios::binary);
    if (!file) throw std::runtime_error("cannot write " + out_path);
  }
  std::ostream& out = out_path.empty() ? std::cout : file;
  write(out);
  if (!out) throw std::runtime_error("writing " + (out_path.empty() ? std::string("standard output") : out_path) + " failed");
}

void write_table(const Table& table, const std::string& format, const std::string& out_path) {
  write_to(out_path, [&](std::ostream& out) {
    if (format == "json") write_json(table, out);
    else write_csv(table, out);
  });
}

void add_dataset_output_options(CLI::App* cmd, std::string& geography, std::string& format, std::string& out,
                                bool& quiet) {
  cmd->add_option("--geography", geography,
                  "Geography directory (default: the one named in dataset.json, e.g. the bundled fi-2021)")
      ->type_name("DIR");
  cmd->add_option("--format", format, "Output format")->check(CLI::IsMember({"csv", "json"}))->capture_default_str();
  cmd->add_option("--out", out, "Write the output to FILE instead of standard output")->type_name("FILE");
  cmd->add_flag("-q,--quiet", quiet, "No summary on standard error");
}

ActorLevel parse_level(const std::string& name) {
  for (const auto level : {ActorLevel::actor, ActorLevel::municipality, ActorLevel::subregion, ActorLevel::region,
                           ActorLevel::country})
    if (to_string(level) == name) return level;
  throw CliUsageError("unknown level '" + name + "'");
}

ProjectionWeighting parse_weighting(const std::string& name) {
  for (const auto weighting : {ProjectionWeighting::count, ProjectionWeighting::newman, ProjectionWeighting::jaccard,
                               ProjectionWeighting::overlap})
    if (to_string(weighting) == name) return weighting;
  throw CliUsageError("unknown weighting '" + name + "'");
}

std::filesystem::path locate_geography(const std::filesystem::path& dataset_dir, const std::string& given) {
  if (!given.empty()) return given;
  const DatasetMetadata meta = read_dataset_metadata(dataset_dir);  // throws DataError if broken
  if (auto dir = find_geography_dir(meta.geography, dataset_dir)) return *dir;
  std::string searched;
  for (const auto& dir : geography_search_path(meta.geography, dataset_dir))
    searched += (searched.empty() ? "" : ", ") + dir.string();
  throw DataError({{(dataset_dir / "dataset.json").string(), 0, 0,
                    "geography '" + meta.geography + "' not found (looked in: " + searched +
                        "); give its directory with --geography DIR"}});
}

std::string with_thousands(std::int64_t value) {
  std::string digits = std::to_string(value < 0 ? -value : value);
  for (int i = static_cast<int>(digits.size()) - 3; i > 0; i -= 3) digits.insert(static_cast<std::size_t>(i), ",");
  return value < 0 ? "-" + digits : digits;
}

}  // namespace alueverkko::cli
