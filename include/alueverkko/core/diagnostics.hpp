#pragma once
// Diagnostics of data loading: every problem found in an input file, with its position, so that a
// user can fix all of them in one pass instead of one per run.
#include <cstddef>
#include <span>
#include <stdexcept>
#include <string>
#include <vector>

namespace alueverkko {

// One problem in an input file. `line` and `column` are 1-based; `column` counts characters
// (UTF-8 code points) of the physical line and points at the start of the offending field (or at
// the offending character for encoding and quoting problems). line 0 means "the whole file",
// column 0 "the whole line".
struct Diagnostic {
  std::string file;
  std::size_t line = 0;
  std::size_t column = 0;
  std::string message;

  // "file:line:column: message", the form compilers use, so editors can jump to it.
  std::string to_string() const;

  friend bool operator==(const Diagnostic&, const Diagnostic&) = default;
};

// Thrown by the loaders when the input has problems; carries all of them. what() lists every
// diagnostic, one per line.
class DataError : public std::runtime_error {
 public:
  explicit DataError(std::vector<Diagnostic> diagnostics);
  const std::vector<Diagnostic>& diagnostics() const noexcept { return diagnostics_; }

 private:
  std::vector<Diagnostic> diagnostics_;
};

// Orders diagnostics by file, then line and column (stable), so that reports read top to bottom
// however the checks were run. Files named in `file_order` come first, in that order; the others
// follow in the order they first appear.
void sort_diagnostics(std::vector<Diagnostic>& diagnostics, std::span<const std::string> file_order = {});

// Throws DataError (after sort_diagnostics) if `diagnostics` is not empty.
void throw_if_any(std::vector<Diagnostic> diagnostics, std::span<const std::string> file_order = {});

}  // namespace alueverkko
