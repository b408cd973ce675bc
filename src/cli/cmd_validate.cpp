// `alueverkko validate DATASET [--geography DIR]`: checks a data set against its geography and
// prints every problem (file:line:column: message, on stderr, exit 1) or a summary (stdout, exit 0).
#include "commands.hpp"
#include "output.hpp"

#include <alueverkko/core/diagnostics.hpp>
#include <alueverkko/data/dataset.hpp>
#include <alueverkko/geo/find_geography.hpp>
#include <alueverkko/geo/geography.hpp>

#include <iostream>
#include <map>
#include <set>

namespace alueverkko::cli {
namespace {

struct ValidateOptions {
  std::string dataset;
  std::string geography;
  bool quiet = false;
};

template <typename Enum, typename Key>
void print_counts(std::ostream& out, std::string_view title, std::span<const Enum> order, const Key& count_of) {
  out << "  " << title << ":";
  bool first = true;
  for (Enum value : order) {
    const std::size_t n = count_of(value);
    if (n == 0) continue;
    const std::string_view name = to_string(value);
    out << (first ? " " : ", ") << (name.empty() ? "(none)" : name) << " " << n;
    first = false;
  }
  out << "\n";
}

void run(const ValidateOptions& options) {
  const std::filesystem::path dataset_dir = options.dataset;
  const std::filesystem::path geography_dir = locate_geography(dataset_dir, options.geography);
  const Geography geography = load_geography(geography_dir);
  const Dataset dataset = load_dataset(dataset_dir, geography);

  std::map<ActorKind, std::size_t> actors_by_kind;
  for (const Actor& a : dataset.actors()) ++actors_by_kind[a.kind];
  std::map<NetworkKind, std::size_t> networks_by_kind;
  std::map<Track, std::size_t> networks_by_track;
  for (const Network& n : dataset.networks()) {
    ++networks_by_kind[n.kind];
    ++networks_by_track[n.track];
  }
  std::map<MembershipStatus, std::size_t> memberships_by_status;
  std::set<std::string> reached;  // municipalities whose own actor takes part in some network
  for (const Membership& m : dataset.memberships()) {
    ++memberships_by_status[m.status];
    const Actor& actor = dataset.actors()[m.actor];
    if (actor.kind == ActorKind::municipality) reached.insert(actor.municipality_code);
  }
  const auto lookup = [](const auto& map) {
    return [&map](auto key) {
      const auto it = map.find(key);
      return it == map.end() ? std::size_t{0} : it->second;
    };
  };

  if (options.quiet) return;
  std::ostream& out = std::cout;
  out << "dataset " << dataset.name() << " is valid (geography " << geography.id() << ")\n";
  out << "  actors: " << dataset.actors().size() << "\n";
  print_counts(out, "actors by kind", all_actor_kinds(), lookup(actors_by_kind));
  out << "  networks: " << dataset.networks().size() << "\n";
  print_counts(out, "networks by kind", all_network_kinds(), lookup(networks_by_kind));
  print_counts(out, "networks by track", all_tracks(), lookup(networks_by_track));
  out << "  memberships: " << dataset.memberships().size() << "\n";
  print_counts(out, "memberships by status", all_membership_statuses(), lookup(memberships_by_status));
  out << "  aliases: " << dataset.aliases().size() << "\n";
  out << "  municipalities reached directly: " << reached.size() << " of " << geography.municipalities().size()
      << "\n";
}

}  // namespace

void register_validate(CLI::App& app) {
  auto options = std::make_shared<ValidateOptions>();
  auto* cmd = app.add_subcommand("validate", "Check a collaboration data set against its geography");
  cmd->footer(
      std::string(
          "Checks every file of the data set (dataset.json, actors.csv, networks.csv, memberships.csv,\n"
          "  aliases.csv) against the format (docs/data-format.md) and the geography's places.\n"
          "Without --geography, the geography named in dataset.json is looked for in\n"
          "  <DATASET>/../../geography/<id>, $ALUEVERKKO_DATA_DIR/geography/<id> and the installed data.\n"
          "Output: a valid data set: a summary (actors, networks and memberships by kind, track and\n"
          "  status; the municipalities reached) on standard output (nothing with --quiet). A broken one:\n"
          "  every problem on standard error as file:line:column: message, and exit status 1.\n") +
      exit_status_footer() +
      "Examples:\n"
      "  alueverkko validate data/collaborations/idea_call_2021\n"
      "  alueverkko validate data/collaborations/growth_corridor_2023 --geography data/geography/fi-2021 --quiet");
  add_dataset_positional(cmd, options->dataset)->required();
  add_geography_option(cmd, options->geography);
  add_quiet_flag(cmd, options->quiet, "Print nothing on success: the exit status tells");
  cmd->callback([options] { run(*options); });
}

}  // namespace alueverkko::cli
