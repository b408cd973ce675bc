#pragma once
// The diagnostics a parse throws, as "file:line:column: message" lines, for exact comparisons.
#include <alueverkko/core/diagnostics.hpp>

#include <functional>
#include <string>
#include <vector>

namespace alueverkko::testing {

// The diagnostics of the DataError `parse` throws; empty if it throws none.
inline std::vector<std::string> diagnostics_of(const std::function<void()>& parse) {
  try {
    parse();
  } catch (const DataError& e) {
    std::vector<std::string> out;
    for (const Diagnostic& d : e.diagnostics()) out.push_back(d.to_string());
    return out;
  }
  return {};
}

}  // namespace alueverkko::testing
