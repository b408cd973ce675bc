#include <alueverkko/data/dataset.hpp>
#include <alueverkko/data/name_key.hpp>

namespace alueverkko {

Dataset::Dataset(DatasetData data) : data_(std::move(data)) {
  for (std::size_t i = 0; i < data_.actors.size(); ++i) actor_by_id_.emplace(data_.actors[i].id, i);
  for (std::size_t i = 0; i < data_.networks.size(); ++i) network_by_id_.emplace(data_.networks[i].id, i);

  // A key shared by different actors resolves to nothing rather than to an arbitrary one.
  const auto add_key = [&](const std::string& text, std::size_t actor) {
    const auto [it, inserted] = actor_by_key_.emplace(name_key(text), actor);
    if (!inserted && it->second != actor) it->second = npos;
  };
  for (std::size_t i = 0; i < data_.actors.size(); ++i) add_key(data_.actors[i].name, i);
  for (const Alias& alias : data_.aliases) add_key(alias.alias, alias.actor);

  memberships_by_network_.resize(data_.networks.size());
  memberships_by_actor_.resize(data_.actors.size());
  for (std::size_t i = 0; i < data_.memberships.size(); ++i) {
    const Membership& m = data_.memberships[i];
    if (m.network < memberships_by_network_.size()) memberships_by_network_[m.network].push_back(i);
    if (m.actor < memberships_by_actor_.size()) memberships_by_actor_[m.actor].push_back(i);
  }
}

std::size_t Dataset::actor_index(std::string_view actor_id) const noexcept {
  const auto it = actor_by_id_.find(std::string(actor_id));
  return it == actor_by_id_.end() ? npos : it->second;
}

std::size_t Dataset::network_index(std::string_view network_id) const noexcept {
  const auto it = network_by_id_.find(std::string(network_id));
  return it == network_by_id_.end() ? npos : it->second;
}

const Network* Dataset::find_network(std::string_view network_id) const noexcept {
  const std::size_t i = network_index(network_id);
  return i == npos ? nullptr : &data_.networks[i];
}

const Actor* Dataset::find_actor(std::string_view id_name_or_alias) const {
  if (const std::size_t i = actor_index(id_name_or_alias); i != npos) return &data_.actors[i];
  const auto it = actor_by_key_.find(name_key(id_name_or_alias));
  if (it == actor_by_key_.end() || it->second == npos) return nullptr;
  return &data_.actors[it->second];
}

std::span<const std::size_t> Dataset::memberships_of_network(std::size_t network_index) const {
  if (network_index >= memberships_by_network_.size()) return {};
  return memberships_by_network_[network_index];
}

std::span<const std::size_t> Dataset::memberships_of_actor(std::size_t actor_index) const {
  if (actor_index >= memberships_by_actor_.size()) return {};
  return memberships_by_actor_[actor_index];
}

}  // namespace alueverkko
