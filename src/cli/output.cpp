#include "output.hpp"

#include "commands.hpp"

#include <alueverkko/core/diagnostics.hpp>
#include <alueverkko/data/dataset.hpp>
#include <alueverkko/geo/find_geography.hpp>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <random>

#include <fcntl.h>
#include <unistd.h>

namespace alueverkko::cli {

namespace {

namespace fs = std::filesystem;

// A new empty file ".NAME.tmp-XXXXXXXX" beside `target`, created exclusively (O_EXCL: never an
// existing file) with mode 0666 less the umask, as the target itself would get.
fs::path create_temporary_beside(const fs::path& target) {
  std::random_device random;
  for (int attempt = 0;; ++attempt) {
    char suffix[16];
    std::snprintf(suffix, sizeof suffix, "%08x", static_cast<unsigned>(random()));
    const fs::path candidate = target.parent_path() / ("." + target.filename().string() + ".tmp-" + suffix);
    const int fd = ::open(candidate.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
    if (fd >= 0) {
      ::close(fd);
      return candidate;
    }
    if (errno != EEXIST || attempt == 100)
      throw std::runtime_error("cannot write " + target.string() + ": " + std::strerror(errno));
  }
}

}  // namespace

OutputFiles::~OutputFiles() {
  std::error_code ignored;
  for (const Pending& file : pending_) fs::remove(file.temporary, ignored);
}

void OutputFiles::add(const std::string& path, Writer write) {
  if (path.empty()) {
    standard_output_ = std::move(write);
    return;
  }
  const fs::path target = path;
  std::error_code ec;
  if (fs::is_directory(target, ec)) throw std::runtime_error("cannot write " + path + ": it is a directory");
  directories_.add(target.parent_path());
  if (!target.parent_path().empty()) fs::create_directories(target.parent_path());
  Pending file{create_temporary_beside(target), target};
  pending_.push_back(file);
  // An existing target keeps its permissions.
  const fs::file_status existing = fs::status(target, ec);
  if (fs::exists(existing)) fs::permissions(file.temporary, existing.permissions(), ec);
  std::ofstream out(file.temporary, std::ios::binary | std::ios::trunc);
  if (!out) throw std::runtime_error("cannot write " + path);
  write(out);
  out.close();
  if (!out) throw std::runtime_error("writing " + path + " failed");
}

void OutputFiles::commit() {
  if (standard_output_) {
    standard_output_(std::cout);
    std::cout.flush();
    if (!std::cout) throw std::runtime_error("writing standard output failed");
  }
  while (!pending_.empty()) {
    const Pending& file = pending_.front();
    std::error_code ec;
    fs::rename(file.temporary, file.target, ec);
    if (ec) throw std::runtime_error("cannot write " + file.target.string() + ": " + ec.message());
    pending_.erase(pending_.begin());
  }
  directories_.keep();
}

void write_to(const std::string& out_path, const OutputFiles::Writer& write) {
  OutputFiles files;
  files.add(out_path, write);
  files.commit();
}

void write_table(const Table& table, const std::string& format, const std::string& out_path) {
  write_to(out_path, [&](std::ostream& out) {
    if (format == "json") write_json(table, out);
    else write_csv(table, out);
  });
}

void add_dataset_output_options(CLI::App* cmd, std::string& geography, std::string& format, std::string& out,
                                bool& quiet) {
  add_geography_option(cmd, geography);
  add_format_option(cmd, format);
  add_out_option(cmd, out);
  add_quiet_flag(cmd, quiet);
}

CLI::Option* add_dataset_positional(CLI::App* cmd, std::string& dataset) {
  return cmd->add_option("DATASET", dataset, "Data set directory (with dataset.json)")->type_name("DIR");
}

CLI::Option* add_geography_option(CLI::App* cmd, std::string& geography) {
  return cmd
      ->add_option("--geography", geography,
                   "Geography directory (default: the one named in dataset.json, e.g. the bundled fi-2021)")
      ->type_name("DIR");
}

CLI::Option* add_format_option(CLI::App* cmd, std::string& format) {
  return cmd->add_option("--format", format, "Output format: csv or json")
      ->check(CLI::IsMember({"csv", "json"}))
      ->type_name("FORMAT")
      ->capture_default_str();
}

CLI::Option* add_out_option(CLI::App* cmd, std::string& out, const std::string& help) {
  return cmd->add_option("--out", out, help)->type_name("FILE");
}

CLI::Option* add_quiet_flag(CLI::App* cmd, bool& quiet, const std::string& help) {
  return cmd->add_flag("-q,--quiet", quiet, help);
}

CLI::Option* add_threads_option(CLI::App* cmd, int& threads, const std::string& help) {
  return cmd->add_option("--threads", threads, help)
      ->check(CLI::NonNegativeNumber)
      ->type_name("N")
      ->capture_default_str();
}

CLI::Option* add_level_option(CLI::App* cmd, std::string& level, const std::vector<std::string>& levels,
                              const std::string& help) {
  return cmd->add_option("--level", level, help)->check(CLI::IsMember(levels))->type_name("LEVEL")->capture_default_str();
}

CLI::Option* add_weighting_option(CLI::App* cmd, std::string& weighting, const std::string& help) {
  return cmd->add_option("--weighting", weighting, help)
      ->check(CLI::IsMember({"count", "newman", "jaccard", "overlap"}))
      ->type_name("WEIGHTING")
      ->capture_default_str();
}

std::string exit_status_footer() {
  return "Exit status: 0 ok, 1 bad input (each problem as file:line:column: message), 2 usage.\n";
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
