#pragma once
// Locating a geography directory from its id (the `geography` field of a dataset.json).
#include <filesystem>
#include <optional>
#include <string_view>
#include <vector>

namespace alueverkko {

// The geography bundled with the library (data/geography/fi-2021).
inline constexpr std::string_view default_geography_id = "fi-2021";

// The directories find_geography_dir tries, in order:
//   1. <near>/../../geography/<id>  — the layout of data/: data/collaborations/<name> next to
//      data/geography/<id>. Skipped when `near` is empty. `near` is normally the dataset directory.
//   2. $ALUEVERKKO_DATA_DIR/geography/<id>, if the environment variable is set and not empty.
//   3. the installed data directory: <prefix>/share/alueverkko/geography/<id>, with the prefix the
//      library was configured for (ALUEVERKKO_INSTALL_DATADIR at build time), and
//   4. <directory of the running executable>/../share/alueverkko/geography/<id> (a relocated
//      installation).
std::vector<std::filesystem::path> geography_search_path(std::string_view id,
                                                         const std::filesystem::path& near = {});

// The first directory of geography_search_path(id, near) that contains a geography.json, or
// nullopt.
std::optional<std::filesystem::path> find_geography_dir(std::string_view id,
                                                        const std::filesystem::path& near = {});

}  // namespace alueverkko
