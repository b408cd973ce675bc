#include "filter_options.hpp"

#include "commands.hpp"

namespace alueverkko::cli {
namespace {

template <class Enum, class Parse>
std::vector<Enum> parse_list(const std::vector<std::string>& names, Parse parse, std::span<const Enum> all,
                             const std::string& option) {
  std::vector<Enum> values;
  for (const std::string& name : names) {
    const auto value = parse(name);
    if (!value || to_string(*value).empty()) {
      std::string allowed;
      for (const Enum e : all)
        if (!to_string(e).empty()) allowed += (allowed.empty() ? "" : ", ") + std::string(to_string(e));
      throw CliUsageError(option + ": unknown value '" + name + "' (allowed: " + allowed + ")");
    }
    values.push_back(*value);
  }
  return values;
}

std::optional<PartialDate> date_of(const std::string& text, const std::string& option) {
  if (text.empty()) return std::nullopt;
  const auto date = parse_partial_date(text);
  if (!date) throw CliUsageError(option + ": '" + text + "' is not a date YYYY or YYYY-MM-DD");
  return date;
}

std::string joined(const std::vector<std::string>& values, const char* separator) {
  std::string out;
  for (const auto& v : values) out += (out.empty() ? "" : separator) + v;
  return out.empty() ? "all" : out;
}

}  // namespace

bool FilterOptions::given() const {
  for (const CLI::Option* option : options)
    if (option->count() > 0) return true;
  return false;
}

std::vector<std::pair<std::string, std::string>> FilterOptions::describe() const {
  return {{"status", joined(statuses, ",")}, {"role", joined(roles, ",")}, {"track", joined(tracks, ",")},
          {"theme", joined(themes, "|")},   {"from", from.empty() ? "open" : from}, {"to", to.empty() ? "open" : to}};
}

void add_filter_options(CLI::App* cmd, FilterOptions& o) {
  const auto list = [&](const char* name, std::vector<std::string>& values, const std::string& help) {
    o.options.push_back(cmd->add_option(name, values, help)->delimiter(',')->allow_extra_args(false)->type_name("LIST"));
  };
  list("--status", o.statuses, "Membership statuses to keep, comma-separated: member, planned, invited, mentioned "
                               "(default: all)");
  list("--role", o.roles, "Membership roles to keep, comma-separated, e.g. lead,partner (default: all)");
  list("--track", o.tracks, "Network tracks to keep: development_zone, thematic_network (default: all)");
  o.options.push_back(cmd->add_option("--theme", o.themes,
                                      "Keep networks whose themes contain this word or phrase; repeat for several "
                                      "(default: all)")
                          ->allow_extra_args(false)
                          ->type_name("THEME"));
  o.options.push_back(cmd->add_option("--from", o.from, "Keep memberships active on or after this date (YYYY or YYYY-MM-DD)")
                          ->type_name("DATE"));
  o.options.push_back(cmd->add_option("--to", o.to, "Keep memberships active on or before this date")->type_name("DATE"));
}

MembershipFilter make_filter(const FilterOptions& o) {
  MembershipFilter filter;
  filter.statuses = parse_list(o.statuses, parse_membership_status, all_membership_statuses(), "--status");
  filter.roles = parse_list(o.roles, parse_membership_role, all_membership_roles(), "--role");
  filter.tracks = parse_list(o.tracks, parse_track, all_tracks(), "--track");
  filter.themes = o.themes;
  filter.from = date_of(o.from, "--from");
  filter.to = date_of(o.to, "--to");
  return filter;
}

}  // namespace alueverkko::cli
