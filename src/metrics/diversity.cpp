#include <alueverkko/metrics/diversity.hpp>

#include <alueverkko/data/dataset.hpp>
#include <alueverkko/geo/geography.hpp>

#include <cmath>
#include <limits>
#include <map>
#include <stdexcept>

namespace alueverkko {
namespace {

// The positive counts and their total; std::invalid_argument for a negative or non-finite count.
double checked_total(std::span<const double> counts) {
  double total = 0;
  for (const double c : counts) {
    if (!std::isfinite(c) || c < 0) throw std::invalid_argument("counts must be finite and >= 0");
    total += c;
  }
  return total;
}

std::size_t categories(std::span<const double> counts) {
  std::size_t k = 0;
  for (const double c : counts) k += c > 0;
  return k;
}

}  // namespace

double blau_index(std::span<const double> counts) {
  const double total = checked_total(counts);
  if (total <= 0) return 0;
  double squares = 0;
  for (const double c : counts) squares += (c / total) * (c / total);
  return 1 - squares;
}

double shannon_entropy(std::span<const double> counts) {
  const double total = checked_total(counts);
  double h = 0;
  for (const double c : counts)
    if (c > 0) h -= (c / total) * std::log(c / total);
  return h;
}

double shannon_evenness(std::span<const double> counts) {
  const std::size_t k = categories(counts);
  const double h = shannon_entropy(counts);
  return k < 2 ? std::numeric_limits<double>::quiet_NaN() : h / std::log(static_cast<double>(k));
}

Table network_diversity(const Dataset& dataset, const Geography& geography, const DiversityOptions& options) {
  if (options.group == GroupBy::kind)
    throw std::invalid_argument("network_diversity: group must be region or subregion (the kinds are always reported)");
  const std::vector<std::uint8_t> active = select_memberships(dataset, options.filter);
  const std::vector<std::string> where = actor_groups(dataset, geography, options.group, options.ungrouped);
  const auto actors = dataset.actors();
  const auto memberships = dataset.memberships();
  const std::string g(to_string(options.group));

  Table::Strings network, name, network_kind;
  Table::Integers members, kinds, grouped, group_count;
  Table::Reals blau_kind, shannon_kind, even_kind, blau_group, shannon_group, even_group;
  for (std::size_t n = 0; n < dataset.networks().size(); ++n) {
    std::map<std::string, double> by_kind, by_group;
    std::int64_t count = 0, with_group = 0;
    for (const std::size_t i : dataset.memberships_of_network(n)) {
      if (!active[i]) continue;
      const std::size_t a = memberships[i].actor;
      ++count;
      by_kind[std::string(to_string(actors[a].kind))] += 1;
      if (!where[a].empty()) {
        ++with_group;
        by_group[where[a]] += 1;
      }
    }
    if (count == 0) continue;
    const auto values = [](const std::map<std::string, double>& m) {
      std::vector<double> v;
      for (const auto& [key, c] : m) v.push_back(c);
      return v;
    };
    const std::vector<double> k = values(by_kind), r = values(by_group);
    const Network& net = dataset.networks()[n];
    network.push_back(net.id);
    name.push_back(net.name);
    network_kind.emplace_back(to_string(net.kind));
    members.push_back(count);
    kinds.push_back(static_cast<std::int64_t>(k.size()));
    blau_kind.push_back(blau_index(k));
    shannon_kind.push_back(shannon_entropy(k));
    even_kind.push_back(shannon_evenness(k));
    grouped.push_back(with_group);
    group_count.push_back(static_cast<std::int64_t>(r.size()));
    blau_group.push_back(blau_index(r));
    shannon_group.push_back(shannon_entropy(r));
    even_group.push_back(shannon_evenness(r));
  }
  Table table;
  table.add_column("network", std::move(network));
  table.add_column("name", std::move(name));
  table.add_column("network_kind", std::move(network_kind));
  table.add_column("members", std::move(members));
  table.add_column("kinds", std::move(kinds));
  table.add_column("blau_kind", std::move(blau_kind));
  table.add_column("shannon_kind", std::move(shannon_kind));
  table.add_column("evenness_kind", std::move(even_kind));
  table.add_column(g + "_members", std::move(grouped));
  table.add_column(g + "_count", std::move(group_count));
  table.add_column("blau_" + g, std::move(blau_group));
  table.add_column("shannon_" + g, std::move(shannon_group));
  table.add_column("evenness_" + g, std::move(even_group));
  return table;
}

}  // namespace alueverkko
