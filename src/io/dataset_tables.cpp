#include "column_of.hpp"

#include <alueverkko/io/dataset_tables.hpp>

#include <cmath>

namespace alueverkko {
using detail::column_of;

namespace {

std::string text_of(const std::optional<SourceRef>& source) { return source ? source->to_string() : std::string(); }
std::string text_of(const std::optional<PartialDate>& date) { return date ? date->to_string() : std::string(); }
std::int64_t count_of(const std::optional<int>& value) { return value ? *value : -1; }
double real_of(const std::optional<double>& value) { return value ? *value : std::nan(""); }

std::string joined(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& item : items) out += (out.empty() ? "" : "|") + item;
  return out;
}


}  // namespace

Table actors_table(const Dataset& dataset) {
  const auto actors = dataset.actors();
  Table t;
  t.add_column("actor_id", column_of(actors, [](const Actor& a) { return a.id; }));
  t.add_column("name", column_of(actors, [](const Actor& a) { return a.name; }));
  t.add_column("kind", column_of(actors, [](const Actor& a) { return std::string(to_string(a.kind)); }));
  t.add_column("municipality_code", column_of(actors, [](const Actor& a) { return a.municipality_code; }));
  t.add_column("area_code", column_of(actors, [](const Actor& a) { return a.area_code; }));
  t.add_column("country", column_of(actors, [](const Actor& a) { return a.country; }));
  t.add_column("lat", column_of(actors, [](const Actor& a) { return real_of(a.lat); }));
  t.add_column("lon", column_of(actors, [](const Actor& a) { return real_of(a.lon); }));
  t.add_column("declared_size", column_of(actors, [](const Actor& a) { return count_of(a.declared_size); }));
  t.add_column("source", column_of(actors, [](const Actor& a) { return text_of(a.source); }));
  return t;
}

Table networks_table(const Dataset& dataset) {
  const auto networks = dataset.networks();
  Table::Integers n_members;
  for (std::size_t n = 0; n < networks.size(); ++n) {
    std::int64_t members = 0;
    for (const std::size_t m : dataset.memberships_of_network(n))
      members += dataset.memberships()[m].status == MembershipStatus::member;
    n_members.push_back(members);
  }
  Table t;
  t.add_column("network_id", column_of(networks, [](const Network& n) { return n.id; }));
  t.add_column("name", column_of(networks, [](const Network& n) { return n.name; }));
  t.add_column("name_en", column_of(networks, [](const Network& n) { return n.name_en; }));
  t.add_column("kind", column_of(networks, [](const Network& n) { return std::string(to_string(n.kind)); }));
  t.add_column("track", column_of(networks, [](const Network& n) { return std::string(to_string(n.track)); }));
  t.add_column("themes", column_of(networks, [](const Network& n) { return joined(n.themes); }));
  t.add_column("declared_members", column_of(networks, [](const Network& n) { return count_of(n.declared_members); }));
  t.add_column("start", column_of(networks, [](const Network& n) { return text_of(n.start); }));
  t.add_column("end", column_of(networks, [](const Network& n) { return text_of(n.end); }));
  t.add_column("regional_towns", column_of(networks, [](const Network& n) { return std::int64_t{n.regional_towns}; }));
  t.add_column("financing", column_of(networks, [](const Network& n) { return n.financing; }));
  t.add_column("orientation", column_of(networks, [](const Network& n) { return std::string(to_string(n.orientation)); }));
  t.add_column("focus", column_of(networks, [](const Network& n) { return n.focus; }));
  t.add_column("country", column_of(networks, [](const Network& n) { return n.country; }));
  t.add_column("source", column_of(networks, [](const Network& n) { return text_of(n.source); }));
  t.add_column("n_members", std::move(n_members));
  return t;
}

Table memberships_table(const Dataset& dataset) {
  const auto memberships = dataset.memberships();
  const auto actors = dataset.actors();
  const auto networks = dataset.networks();
  Table t;
  t.add_column("network_id", column_of(memberships, [&](const Membership& m) { return networks[m.network].id; }));
  t.add_column("actor_id", column_of(memberships, [&](const Membership& m) { return actors[m.actor].id; }));
  t.add_column("status", column_of(memberships, [](const Membership& m) { return std::string(to_string(m.status)); }));
  t.add_column("role", column_of(memberships, [](const Membership& m) { return std::string(to_string(m.role)); }));
  t.add_column("weight", column_of(memberships, [](const Membership& m) { return m.weight; }));
  t.add_column("start", column_of(memberships, [](const Membership& m) { return text_of(m.start); }));
  t.add_column("end", column_of(memberships, [](const Membership& m) { return text_of(m.end); }));
  t.add_column("source", column_of(memberships, [](const Membership& m) { return text_of(m.source); }));
  return t;
}

}  // namespace alueverkko
