#pragma once
// Writing a command's result table where the user asked: stdout or --out FILE, as CSV or JSON.
#include <alueverkko/graph/aggregation.hpp>
#include <alueverkko/graph/projection.hpp>
#include <alueverkko/io/table.hpp>

#include "../core/new_directories.hpp"

#include <CLI/CLI.hpp>

#include <cstdint>
#include <filesystem>
#include <functional>
#include <ostream>
#include <string>
#include <vector>

namespace alueverkko::cli {

// Output files written all or nothing, the one way every command writes files. add() writes a
// file's content into a new temporary file beside it (".NAME.tmp-XXXXXXXX", in the same directory,
// so that the rename is atomic); commit() renames every temporary file over its target. A reader
// thus never sees a half-written file, and a failure before commit() (bad input, an exception while
// writing, a target that is a directory) leaves every target as it was: an OutputFiles destroyed
// without commit() removes its temporary files and the directories add() created. If a rename
// itself fails, the files renamed before it stay replaced.
class OutputFiles {
 public:
  using Writer = std::function<void(std::ostream&)>;

  OutputFiles() = default;
  OutputFiles(const OutputFiles&) = delete;
  OutputFiles& operator=(const OutputFiles&) = delete;
  ~OutputFiles();

  // Runs `write` into the temporary file of `path` (parent directories created). An empty path
  // is standard output: `write` is kept and run by commit(), so what it refers to must live until
  // then. std::runtime_error if the file cannot be written.
  void add(const std::string& path, Writer write);
  // Writes standard output, then renames the files into place.
  void commit();

 private:
  struct Pending {
    std::filesystem::path temporary, target;
  };
  std::vector<Pending> pending_;
  detail::NewDirectories directories_;  // destroyed after the temporary files are removed
  Writer standard_output_;
};

// One output: `write` to standard output (out_path empty) or, through OutputFiles, to the file
// `out_path`; std::runtime_error if it cannot be written.
void write_to(const std::string& out_path, const OutputFiles::Writer& write);

void write_table(const Table& table, const std::string& format, const std::string& out_path);

// The options every data-set report shares: --geography DIR, --format csv|json, --out FILE, -q.
void add_dataset_output_options(CLI::App* cmd, std::string& geography, std::string& format, std::string& out,
                                bool& quiet);

// The same option for the same thing in every command (one name, one help text, one type name):
// the data set directory DATASET (positional), --geography DIR, --format csv|json, --out FILE,
// -q/--quiet and --threads N.
CLI::Option* add_dataset_positional(CLI::App* cmd, std::string& dataset);
CLI::Option* add_geography_option(CLI::App* cmd, std::string& geography);
CLI::Option* add_format_option(CLI::App* cmd, std::string& format);
CLI::Option* add_out_option(CLI::App* cmd, std::string& out,
                            const std::string& help = "Write the output to FILE instead of standard output");
CLI::Option* add_quiet_flag(CLI::App* cmd, bool& quiet, const std::string& help = "No summary on standard error");
CLI::Option* add_threads_option(CLI::App* cmd, int& threads, const std::string& help);
// --level LEVEL (one of `levels`, a subset of actor, municipality, subregion, region, ...) and
// --weighting WEIGHTING (count, newman, jaccard, overlap).
CLI::Option* add_level_option(CLI::App* cmd, std::string& level, const std::vector<std::string>& levels,
                              const std::string& help);
CLI::Option* add_weighting_option(CLI::App* cmd, std::string& weighting,
                                  const std::string& help = "Projection weighting (see docs/centrality.md)");

// The "Exit status: ..." line that ends every command's --help footer before its examples.
std::string exit_status_footer();

// The command line's spellings of levels and weightings (the library's to_string names), already
// checked by the options' IsMember validators; anything else is a CliUsageError.
ActorLevel parse_level(const std::string& name);
ProjectionWeighting parse_weighting(const std::string& name);

// The geography directory of a data set: `given` (--geography) if not empty, else the one named in
// its dataset.json, searched for as documented at geography_search_path(); a DataError naming the
// places searched if it is not found.
std::filesystem::path locate_geography(const std::filesystem::path& dataset_dir, const std::string& given = {});

// 5548241 -> "5,548,241": for the human-readable summaries on the terminal.
std::string with_thousands(std::int64_t value);

}  // namespace alueverkko::cli
