#pragma once
// Builds one table column by applying `get` to every record.
#include <span>
#include <type_traits>
#include <vector>

namespace alueverkko::detail {

template <class Record, class Get>
auto column_of(std::span<const Record> records, Get&& get) {
  std::vector<std::decay_t<std::invoke_result_t<Get&, const Record&>>> values;
  values.reserve(records.size());
  for (const auto& r : records) values.push_back(get(r));
  return values;
}

}  // namespace alueverkko::detail
