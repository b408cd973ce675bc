#pragma once
// Writing a command's result table where the user asked: stdout or --out FILE, as CSV or JSON.
#include <alueverkko/io/table.hpp>

#include <cstdint>
#include <string>

namespace alueverkko::cli {

void write_table(const Table& table, const std::string& format, const std::string& out_path);

// 5548241 -> "5,548,241": for the human-readable summaries on the terminal.
std::string with_thousands(std::int64_t value);

}  // namespace alueverkko::cli
