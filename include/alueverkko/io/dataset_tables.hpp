#pragma once
// A data set's records as result tables, in file order, with the same columns as its CSV files
// (lists `|`-joined, optional values empty or NaN), so that they round-trip and feed pandas.
#include <alueverkko/data/dataset.hpp>
#include <alueverkko/io/table.hpp>

namespace alueverkko {

// actor_id, name, kind, municipality_code, area_code, country, lat, lon, declared_size (-1 = none), source
Table actors_table(const Dataset& dataset);
// network_id, name, name_en, kind, track, themes, declared_members (-1 = none), start, end,
// regional_towns, financing, orientation, focus, country, source, n_members (status member)
Table networks_table(const Dataset& dataset);
// network_id, actor_id, status, role, weight, start, end, source
Table memberships_table(const Dataset& dataset);

}  // namespace alueverkko
