#include <alueverkko/geo/find_geography.hpp>

#include <cstdlib>
#include <string>

namespace alueverkko {

namespace {
// Where the running program lives; empty if unknown (only Linux's /proc is consulted).
std::filesystem::path executable_dir() {
  std::error_code ec;
  const auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
  return ec ? std::filesystem::path() : exe.parent_path();
}
}  // namespace

std::vector<std::filesystem::path> geography_search_path(std::string_view id, const std::filesystem::path& near) {
  std::vector<std::filesystem::path> dirs;
  const std::filesystem::path relative = std::filesystem::path("geography") / std::string(id);
  if (!near.empty()) dirs.push_back((near / ".." / ".." / relative).lexically_normal());
  if (const char* env = std::getenv("ALUEVERKKO_DATA_DIR"); env && *env) dirs.push_back(std::filesystem::path(env) / relative);
#ifdef ALUEVERKKO_INSTALL_DATADIR
  dirs.push_back(std::filesystem::path(ALUEVERKKO_INSTALL_DATADIR) / relative);
#endif
  if (const auto exe = executable_dir(); !exe.empty())
    dirs.push_back((exe / ".." / "share" / "alueverkko" / relative).lexically_normal());
  return dirs;
}

std::optional<std::filesystem::path> find_geography_dir(std::string_view id, const std::filesystem::path& near) {
  std::error_code ec;
  for (const auto& dir : geography_search_path(id, near))
    if (std::filesystem::is_regular_file(dir / "geography.json", ec)) return dir;
  return std::nullopt;
}

}  // namespace alueverkko
