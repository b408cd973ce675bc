#pragma once
// Directories that a write is about to create: the ones missing on the way to each add()ed
// directory, noted before anything creates them. The destructor removes those that are empty
// (deepest first) unless keep() was called, so that a failed write leaves no directory behind.
// Used by the command line's all-or-nothing outputs and by the report's staging directory.
#include <filesystem>
#include <vector>

namespace alueverkko::detail {

class NewDirectories {
 public:
  NewDirectories() = default;
  explicit NewDirectories(const std::filesystem::path& dir) { add(dir); }
  NewDirectories(const NewDirectories&) = delete;
  NewDirectories& operator=(const NewDirectories&) = delete;
  ~NewDirectories();

  void add(const std::filesystem::path& dir);
  void keep() noexcept { missing_.clear(); }

 private:
  std::vector<std::filesystem::path> missing_;
};

}  // namespace alueverkko::detail
