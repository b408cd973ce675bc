#pragma once
// Writing a command's result table where the user asked: stdout or --out FILE, as CSV or JSON.
#include <alueverkko/io/table.hpp>

#include <cstdint>
#include <filesystem>
#include <string>

namespace alueverkko::cli {

void write_table(const Table& table, const std::string& format, const std::string& out_path);

// The geography named in the data set's dataset.json, searched for as documented at
// geography_search_path(); a DataError naming the places searched if it is not found.
std::filesystem::path locate_geography(const std::filesystem::path& dataset_dir);

// 5548241 -> "5,548,241": for the human-readable summaries on the terminal.
std::string with_thousands(std::int64_t value);

}  // namespace alueverkko::cli
