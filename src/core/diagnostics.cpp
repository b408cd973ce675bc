#include <alueverkko/core/diagnostics.hpp>

#include <algorithm>
#include <unordered_map>

namespace alueverkko {

std::string Diagnostic::to_string() const {
  return file + ':' + std::to_string(line) + ':' + std::to_string(column) + ": " + message;
}

namespace {
std::string join_lines(const std::vector<Diagnostic>& diagnostics) {
  std::string text;
  for (const auto& d : diagnostics) {
    text += d.to_string();
    text += '\n';
  }
  return text;
}
}  // namespace

DataError::DataError(std::vector<Diagnostic> diagnostics)
    : std::runtime_error(join_lines(diagnostics)), diagnostics_(std::move(diagnostics)) {}

void sort_diagnostics(std::vector<Diagnostic>& diagnostics, std::span<const std::string> file_order) {
  std::unordered_map<std::string, std::size_t> file_rank;
  for (const auto& file : file_order) file_rank.try_emplace(file, file_rank.size());
  for (const auto& d : diagnostics) file_rank.try_emplace(d.file, file_rank.size());
  std::stable_sort(diagnostics.begin(), diagnostics.end(), [&](const Diagnostic& a, const Diagnostic& b) {
    const auto ra = file_rank.at(a.file), rb = file_rank.at(b.file);
    if (ra != rb) return ra < rb;
    if (a.line != b.line) return a.line < b.line;
    return a.column < b.column;
  });
}

void throw_if_any(std::vector<Diagnostic> diagnostics, std::span<const std::string> file_order) {
  if (diagnostics.empty()) return;
  sort_diagnostics(diagnostics, file_order);
  throw DataError(std::move(diagnostics));
}

}  // namespace alueverkko
