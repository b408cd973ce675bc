// `alueverkko eligibility`: checks each proposal of a data set against a call's rules (by default the
// bundled 2021 call, data/collaborations/call_rules_2021/rules.json): municipalities and regions
// under three counts, the verdict, the lead and the regional council the money would go to. The
// numbers come from assess_eligibility (metrics/eligibility.hpp), the function Python uses too.
#include "commands.hpp"
#include "output.hpp"

#include <alueverkko/core/diagnostics.hpp>
#include <alueverkko/data/call_rules.hpp>
#include <alueverkko/data/dataset.hpp>
#include <alueverkko/geo/geography.hpp>
#include <alueverkko/metrics/eligibility.hpp>

#include <array>
#include <filesystem>
#include <iostream>
#include <map>
#include <memory>

namespace alueverkko::cli {
namespace {

struct EligibilityCliOptions {
  std::string input;
  std::string rules;
  std::string count = "named";
  std::string area_actors = "ignore";
  std::string geography;
  std::string format = "csv";
  std::string out;
  bool quiet = false;
};

std::filesystem::path locate_rules(const std::filesystem::path& dataset_dir) {
  if (auto file = find_call_rules("call_rules_2021", dataset_dir)) return *file;
  std::string searched;
  for (const auto& file : call_rules_search_path("call_rules_2021", dataset_dir))
    searched += (searched.empty() ? "" : ", ") + file.string();
  throw DataError({{(dataset_dir / "dataset.json").string(), 0, 0,
                    "call rules 'call_rules_2021' not found (looked in: " + searched + "); give them with --rules FILE"}});
}

void print_summary(const std::vector<ProposalEligibility>& results, const CallRules& rules,
                   const EligibilityCliOptions& o) {
  std::ostream& err = std::cerr;
  err << "eligibility of " << results.size() << " proposals under " << rules.file.string() << " (count: " << o.count
      << ", area actors: " << o.area_actors << ")\n";
  struct Tally {
    std::size_t pass = 0, fail = 0;
    std::array<std::size_t, 3> pass_by_count{};  // by EligibilityCount
  };
  std::map<Track, Tally> by_track;
  for (const ProposalEligibility& p : results) {
    Tally& t = by_track[p.track];
    (p.passes ? t.pass : t.fail) += 1;
    for (const auto c : {EligibilityCount::named, EligibilityCount::seats, EligibilityCount::planned})
      if (p.count(c).passes) ++t.pass_by_count[static_cast<std::size_t>(c)];
  }
  for (const auto& [track, t] : by_track) {
    const TrackRules* tr = rules.find(track);
    std::string rule;
    for (const Requirement& r : tr->requirements) rule += (rule.empty() ? "" : ", ") + r.to_string();
    err << "  " << to_string(track) << " (" << rule << "): " << t.pass << " pass, " << t.fail << " fail"
        << "  [pass if counted: named " << t.pass_by_count[0] << ", seats " << t.pass_by_count[1]
        << ", planned " << t.pass_by_count[2] << " of " << t.pass + t.fail << "]\n";
  }
  std::size_t not_allowed = 0;
  for (const ProposalEligibility& p : results) not_allowed += p.lead && !p.lead_allowed;
  if (not_allowed > 0) err << "  leads of a kind the call does not list as applicant: " << not_allowed << "\n";
  if (!o.out.empty()) err << "wrote " << o.out << "\n";
}

void run(const EligibilityCliOptions& o) {
  const std::filesystem::path dir = o.input;
  const std::filesystem::path geography_dir = locate_geography(dir, o.geography);
  const std::filesystem::path rules_file = o.rules.empty() ? locate_rules(dir) : std::filesystem::path(o.rules);
  const CallRules rules = load_call_rules(rules_file);
  const Geography geography = load_geography(geography_dir);
  const Dataset dataset = load_dataset(dir, geography);

  EligibilityOptions options;
  options.count = parse_eligibility_count(o.count).value_or(EligibilityCount::named);
  options.area_actors = parse_area_actors(o.area_actors).value_or(AreaActors::ignore);
  const auto results = assess_eligibility(dataset, geography, rules, options);
  write_table(eligibility_table(dataset, geography, results), o.format, o.out);
  if (!o.quiet) print_summary(results, rules, o);
}

}  // namespace

void register_eligibility(CLI::App& app) {
  auto o = std::make_shared<EligibilityCliOptions>();
  auto* cmd = app.add_subcommand("eligibility", "Check the proposals of a data set against a call's eligibility rules");
  cmd->footer(
      "One row per proposal (network with a track). Municipalities and regions (maakunnat) are counted three ways,\n"
      "each including the previous one:\n"
      "  named    municipality actors (kunta-XXX) with status member: what the call's rule counts (default)\n"
      "  seats    + the seat municipalities of member organisations\n"
      "  planned  + planned members of both kinds\n"
      "Foreign actors, invited and mentioned participants never count. Actors standing for a whole area\n"
      "(regions, sub-regions, regional councils) name no municipality; with --area-actors regions they add\n"
      "their region from the seats count on. --count chooses the count that decides `verdict`; the others\n"
      "are shown beside it (would_pass_if). Columns and rules: docs/eligibility.md.\n"
      "Rules: --rules FILE, else call_rules_2021/rules.json next to the data set's directory, in\n"
      "  $ALUEVERKKO_DATA_DIR/collaborations or in the installed data.\n"
      "Output: the table as csv or json (an array of row objects); a summary (pass/fail by track)\n"
      "  goes to standard error (not with --quiet).\n"
      "Exit status: 0 ok, 1 bad input (each problem as file:line:column: message), 2 usage.\n"
      "Examples:\n"
      "  alueverkko eligibility data/collaborations/idea_call_2021 --count seats --format json\n"
      "  alueverkko eligibility data/collaborations/idea_call_2021 --rules data/collaborations/call_rules_2021/rules.json "
      "--out eligibility.csv");
  add_dataset_positional(cmd, o->input)->required();
  cmd->add_option("--rules", o->rules, "The call's rules.json (default: the bundled call_rules_2021)")->type_name("FILE");
  cmd->add_option("--count", o->count, "The count that decides the verdict")
      ->check(CLI::IsMember({"named", "seats", "planned"}))
      ->capture_default_str();
  cmd->add_option("--area-actors", o->area_actors, "Whether region-wide actors add their region")
      ->check(CLI::IsMember({"ignore", "regions"}))
      ->capture_default_str();
  add_dataset_output_options(cmd, o->geography, o->format, o->out, o->quiet);
  cmd->callback([o] { run(*o); });
}

}  // namespace alueverkko::cli
