// Fuzz target: parse_dataset_metadata, a data set's dataset.json (the JSON reader with positions,
// then the keys and types of the format). Input: the text of the file.
#include "fuzz_support.hpp"

#include <alueverkko/data/dataset.hpp>

#include <set>

using namespace alueverkko;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text = fuzz::as_text(data, size);
  try {
    const DatasetMetadata metadata = parse_dataset_metadata(text, "dataset.json");
    // Source files are listed once: data rows cite them by name.
    std::set<std::string> files;
    for (const DatasetSource& source : metadata.sources)
      fuzz::require(source.file.empty() || files.insert(source.file).second);
  } catch (const DataError& error) {
    fuzz::check_diagnostics(error, {{"dataset.json", text}});
  }
  return 0;
}
