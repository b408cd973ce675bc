#include "new_directories.hpp"

#include <algorithm>
#include <system_error>

namespace fs = std::filesystem;

namespace alueverkko::detail {

void NewDirectories::add(const fs::path& dir) {
  std::error_code ec;
  for (fs::path d = dir; !d.empty() && !fs::exists(d, ec); d = d.parent_path()) {
    missing_.push_back(d);
    if (d == d.parent_path()) break;
  }
}

NewDirectories::~NewDirectories() {
  // Deepest first: a directory's path is longer than its parent's. Only empty ones go.
  std::sort(missing_.begin(), missing_.end(),
            [](const fs::path& a, const fs::path& b) { return a.native().size() > b.native().size(); });
  std::error_code ignored;
  for (const fs::path& dir : missing_) fs::remove(dir, ignored);
}

}  // namespace alueverkko::detail
