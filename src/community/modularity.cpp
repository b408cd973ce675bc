#include <alueverkko/community/modularity.hpp>

#include "community_graph.hpp"

#include <algorithm>
#include <numeric>
#include <stdexcept>

namespace alueverkko {

double modularity(const WeightedGraph& graph, std::span<const std::uint32_t> membership,
                  const ModularityOptions& options) {
  community_detail::check_resolution(options.resolution);
  if (membership.size() != graph.vertex_count())
    throw std::invalid_argument("membership has " + std::to_string(membership.size()) + " entries for a graph of " +
                                std::to_string(graph.vertex_count()) + " vertices");
  const auto g = community_detail::CommunityGraph::from(graph, options.weighted);
  return g.modularity(canonical_membership(membership), options.resolution);
}

std::vector<std::size_t> Communities::sizes() const {
  std::vector<std::size_t> out(count, 0);
  for (const std::uint32_t c : membership) ++out[c];
  return out;
}

std::vector<std::uint32_t> canonical_membership(std::span<const std::uint32_t> membership) {
  // Vertices grouped by id (ties by vertex, so each group starts at its smallest vertex).
  std::vector<std::uint32_t> by_id(membership.size());
  std::iota(by_id.begin(), by_id.end(), 0u);
  std::stable_sort(by_id.begin(), by_id.end(),
                   [&](std::uint32_t a, std::uint32_t b) { return membership[a] < membership[b]; });
  struct Group {
    std::size_t begin, size;
    std::uint32_t smallest;
  };
  std::vector<Group> groups;
  for (std::size_t i = 0; i < by_id.size();) {
    std::size_t j = i;
    while (j < by_id.size() && membership[by_id[j]] == membership[by_id[i]]) ++j;
    groups.push_back({i, j - i, by_id[i]});
    i = j;
  }
  std::sort(groups.begin(), groups.end(), [](const Group& a, const Group& b) {
    return a.size != b.size ? a.size > b.size : a.smallest < b.smallest;
  });
  std::vector<std::uint32_t> out(membership.size());
  for (std::uint32_t c = 0; c < groups.size(); ++c)
    for (std::size_t i = groups[c].begin; i < groups[c].begin + groups[c].size; ++i) out[by_id[i]] = c;
  return out;
}

Table communities_table(const WeightedGraph& graph, const Communities& communities) {
  if (communities.membership.size() != graph.vertex_count())
    throw std::invalid_argument("the communities (" + std::to_string(communities.membership.size()) +
                                " vertices) were not found on this graph (" + std::to_string(graph.vertex_count()) +
                                " vertices)");
  Table table;
  Table::Strings ids(graph.labels().begin(), graph.labels().end());
  if (ids.size() != graph.vertex_count()) {  // a graph without labels: its vertex numbers
    ids.resize(graph.vertex_count());
    for (std::size_t v = 0; v < ids.size(); ++v) ids[v] = std::to_string(v);
  }
  table.add_column("id", std::move(ids));
  table.add_column("community", Table::Integers(communities.membership.begin(), communities.membership.end()));
  return table;
}

}  // namespace alueverkko
