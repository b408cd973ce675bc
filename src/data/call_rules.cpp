// load_call_rules: reads and checks a call's rules.json (docs/eligibility.md, data/README.md).
#include <alueverkko/data/call_rules.hpp>
#include <alueverkko/geo/find_geography.hpp>

#include "../core/json_document.hpp"
#include "../core/text.hpp"

#include <algorithm>
#include <array>
#include <initializer_list>
#include <limits>

namespace alueverkko {

using detail::in_quotes;
using detail::json_pointer_append;

std::string_view to_string(RuleQuantity value) noexcept {
  return value == RuleQuantity::municipalities ? "municipalities" : "regions";
}
std::string_view to_string(RuleComparison value) noexcept { return value == RuleComparison::greater ? ">" : ">="; }
std::string_view to_string(FundingRecipient) noexcept { return "regional_council_of_lead_region"; }

std::optional<RuleQuantity> parse_rule_quantity(std::string_view text) noexcept {
  if (text == "municipalities") return RuleQuantity::municipalities;
  if (text == "regions") return RuleQuantity::regions;
  return std::nullopt;
}

std::optional<RuleComparison> parse_rule_comparison(std::string_view text) noexcept {
  if (text == ">") return RuleComparison::greater;
  if (text == ">=") return RuleComparison::greater_equal;
  return std::nullopt;
}

bool Requirement::passes(std::int64_t count) const noexcept {
  return comparison == RuleComparison::greater ? count > value : count >= value;
}

std::int64_t Requirement::minimum() const noexcept { return comparison == RuleComparison::greater ? value + 1 : value; }

std::string Requirement::to_string() const {
  return std::string(alueverkko::to_string(quantity)) + " " + std::string(alueverkko::to_string(comparison)) + " " +
         std::to_string(value);
}

const Requirement* TrackRules::requirement(RuleQuantity quantity) const noexcept {
  for (const Requirement& r : requirements)
    if (r.quantity == quantity) return &r;
  return nullptr;
}

const TrackRules* CallRules::find(Track track) const noexcept {
  for (const TrackRules& t : tracks)
    if (t.track == track && track != Track::none) return &t;
  return nullptr;
}

bool CallRules::allows_applicant(ActorKind kind) const noexcept {
  for (const ApplicantKind& a : applicant_kinds)
    if (std::find(a.actor_kinds.begin(), a.actor_kinds.end(), kind) != a.actor_kinds.end()) return true;
  return false;
}

namespace {

using json = nlohmann::json;

// Checked access to the members of one JSON object of the rules file; everything it reports goes
// to the shared diagnostics list.
class RulesReader {
 public:
  RulesReader(const detail::JsonDocument& doc, std::vector<Diagnostic>& diagnostics) : doc_(doc), diagnostics_(diagnostics) {}

  const json& at(const std::string& pointer) const { return doc_.value.at(json::json_pointer(pointer)); }

  void error(const std::string& pointer, std::string message) { diagnostics_.push_back(doc_.at_value(pointer, std::move(message))); }
  void key_error(const std::string& pointer, std::string message) { diagnostics_.push_back(doc_.at_key(pointer, std::move(message))); }

  // The member `key` of the object at `pointer` if it exists and has the right kind of value;
  // reports a missing required key or a wrong type.
  const json* member(const std::string& pointer, std::string_view key, bool required, json::value_t type,
                     std::string_view type_name) {
    const json& object = at(pointer);
    const auto it = object.find(std::string(key));
    if (it == object.end()) {
      if (required) error(pointer, "missing required key " + in_quotes(key));
      return nullptr;
    }
    const bool ok = type == json::value_t::number_float ? it->is_number()
                    : type == json::value_t::number_integer ? it->is_number_integer()
                                                            : it->type() == type;
    if (!ok) {
      error(json_pointer_append(pointer, key),
            in_quotes(key) + " must be " + std::string(type_name) + ", got " + detail::json_type_name(*it));
      return nullptr;
    }
    return &*it;
  }

  bool object(const std::string& pointer, std::string_view key, bool required = true) {
    return member(pointer, key, required, json::value_t::object, "an object") != nullptr;
  }
  const json* array(const std::string& pointer, std::string_view key, bool required = true) {
    return member(pointer, key, required, json::value_t::array, "an array");
  }
  std::optional<std::string> string(const std::string& pointer, std::string_view key, bool required = true) {
    const json* value = member(pointer, key, required, json::value_t::string, "a string");
    return value ? std::optional<std::string>(value->get<std::string>()) : std::nullopt;
  }
  std::optional<std::int64_t> integer(const std::string& pointer, std::string_view key, bool required = true) {
    const json* value = member(pointer, key, required, json::value_t::number_integer, "an integer");
    return value ? std::optional<std::int64_t>(value->get<std::int64_t>()) : std::nullopt;
  }
  std::optional<double> number(const std::string& pointer, std::string_view key, bool required = true) {
    const json* value = member(pointer, key, required, json::value_t::number_float, "a number");
    return value ? std::optional<double>(value->get<double>()) : std::nullopt;
  }
  // A "FILE:RANGES" citation.
  std::optional<SourceRef> source(const std::string& pointer, std::string_view key, bool required = true) {
    const auto text = string(pointer, key, required);
    if (!text) return std::nullopt;
    auto ref = parse_source_ref(*text);
    if (!ref)
      error(json_pointer_append(pointer, key),
            "invalid " + std::string(key) + " " + in_quotes(*text) + ": expected FILE:RANGES, e.g. doc.txt:16-24;30");
    return ref;
  }
  // A citation that is checked but not kept.
  void check_source(const std::string& pointer, std::string_view key, bool required = true) { source(pointer, key, required); }

  void reject_unknown_keys(const std::string& pointer, std::initializer_list<std::string_view> allowed) {
    detail::JsonObjectReader(doc_, pointer, diagnostics_).reject_unknown_keys(allowed);
  }

  // The value at `pointer` must be an object; reports it otherwise.
  bool is_object(const std::string& pointer) {
    if (at(pointer).is_object()) return true;
    error(pointer, "expected an object, got " + detail::json_type_name(at(pointer)));
    return false;
  }

 private:
  const detail::JsonDocument& doc_;
  std::vector<Diagnostic>& diagnostics_;
};

constexpr std::array<Track, 2> call_tracks{Track::development_zone, Track::thematic_network};

// `quantity_known` tells whether the requirement's quantity was read.
Requirement read_requirement(RulesReader& r, const std::string& pointer, bool& quantity_known) {
  Requirement req;
  r.reject_unknown_keys(pointer, {"quantity", "comparison", "value", "minimum", "as_written", "source"});
  bool complete = true;
  if (const auto q = r.string(pointer, "quantity")) {
    if (const auto parsed = parse_rule_quantity(*q)) {
      req.quantity = *parsed;
      quantity_known = true;
    } else {
      complete = false;
      r.error(json_pointer_append(pointer, "quantity"),
              "unknown quantity " + in_quotes(*q) + " (expected municipalities or regions)");
    }
  } else {
    complete = false;
  }
  if (const auto c = r.string(pointer, "comparison")) {
    if (const auto parsed = parse_rule_comparison(*c)) {
      req.comparison = *parsed;
    } else {
      complete = false;
      r.error(json_pointer_append(pointer, "comparison"), "unknown comparison " + in_quotes(*c) + " (expected > or >=)");
    }
  } else {
    complete = false;
  }
  if (const auto v = r.integer(pointer, "value")) {
    if (*v < 0) {
      complete = false;
      r.error(json_pointer_append(pointer, "value"), "value must be >= 0, got " + std::to_string(*v));
    } else if (req.comparison == RuleComparison::greater && *v == std::numeric_limits<std::int64_t>::max()) {
      complete = false;  // no count passes, and minimum() would overflow
      r.error(json_pointer_append(pointer, "value"), "value " + std::to_string(*v) + " is too large: no count is greater");
    }
    req.value = *v;
  } else {
    complete = false;
  }
  if (const auto minimum = r.integer(pointer, "minimum", false); minimum && complete && *minimum != req.minimum())
    r.error(json_pointer_append(pointer, "minimum"),
            "minimum " + std::to_string(*minimum) + " contradicts the rule " + req.to_string() +
                ", whose smallest passing count is " + std::to_string(req.minimum()));
  req.as_written = r.string(pointer, "as_written", false).value_or("");
  req.source = r.source(pointer, "source", false);
  return req;
}

TrackRules read_track(RulesReader& r, const std::string& pointer, Track track) {
  TrackRules rules;
  rules.track = track;
  if (!r.is_object(pointer)) return rules;
  r.reject_unknown_keys(pointer, {"name_fi", "requirements", "also_stated", "source"});
  rules.name_fi = r.string(pointer, "name_fi", false).value_or("");
  if (const json* requirements = r.array(pointer, "requirements")) {
    std::array<std::optional<std::size_t>, 2> seen;  // by quantity: index of the first requirement
    for (std::size_t i = 0; i < requirements->size(); ++i) {
      const std::string item = json_pointer_append(json_pointer_append(pointer, "requirements"), i);
      if (!r.is_object(item)) continue;
      bool quantity_known = false;
      Requirement req = read_requirement(r, item, quantity_known);
      if (!quantity_known) continue;
      auto& first = seen[static_cast<std::size_t>(req.quantity)];
      if (first) {
        r.error(json_pointer_append(item, "quantity"), "second requirement on " + std::string(to_string(req.quantity)) +
                                                           " (requirements[" + std::to_string(*first) +
                                                           "] already sets one); give one per quantity");
        continue;
      }
      first = i;
      rules.requirements.push_back(std::move(req));
    }
  }
  r.check_source(pointer, "also_stated", false);
  rules.source = r.source(pointer, "source", false);
  return rules;
}

void read_tracks(RulesReader& r, CallRules& rules) {
  if (!r.object("", "tracks")) return;
  const std::string pointer = "/tracks";
  for (const auto& [key, value] : r.at(pointer).items()) {
    const auto track = parse_track(key);
    if (!track || *track == Track::none)
      r.key_error(json_pointer_append(pointer, key),
                  "unknown track " + in_quotes(key) + " (expected development_zone or thematic_network)");
  }
  for (const Track track : call_tracks) {
    const std::string name(to_string(track));
    if (!r.at(pointer).contains(name)) {
      r.error(pointer, "missing track " + in_quotes(name) + " (the call has the tracks development_zone and thematic_network)");
      continue;
    }
    rules.tracks.push_back(read_track(r, json_pointer_append(pointer, name), track));
  }
}

void read_applicants(RulesReader& r, CallRules& rules) {
  if (!r.object("", "applicant_kinds")) return;
  const std::string pointer = "/applicant_kinds";
  r.reject_unknown_keys(pointer, {"allowed", "note", "source"});
  r.string(pointer, "note", false);
  r.check_source(pointer, "source", false);
  const json* allowed = r.array(pointer, "allowed");
  if (!allowed) return;
  for (std::size_t i = 0; i < allowed->size(); ++i) {
    const std::string item = json_pointer_append(json_pointer_append(pointer, "allowed"), i);
    if (!r.is_object(item)) continue;
    r.reject_unknown_keys(item, {"as_written", "actor_kinds"});
    ApplicantKind applicant;
    applicant.as_written = r.string(item, "as_written").value_or("");
    if (const json* kinds = r.array(item, "actor_kinds")) {
      if (kinds->empty()) r.error(json_pointer_append(item, "actor_kinds"), "actor_kinds must not be empty");
      for (std::size_t k = 0; k < kinds->size(); ++k) {
        const std::string kind_pointer = json_pointer_append(json_pointer_append(item, "actor_kinds"), k);
        const json& kind = (*kinds)[k];
        if (!kind.is_string()) {
          r.error(kind_pointer, "an actor kind must be a string, got " + detail::json_type_name(kind));
        } else if (const auto parsed = parse_actor_kind(kind.get<std::string>())) {
          applicant.actor_kinds.push_back(*parsed);
        } else {
          std::vector<std::string> names;
          for (const ActorKind k2 : all_actor_kinds()) names.emplace_back(to_string(k2));
          r.error(kind_pointer, "unknown actor kind " + in_quotes(kind.get<std::string>()) + " (expected one of " +
                                    detail::join(names) + ")");
        }
      }
    }
    rules.applicant_kinds.push_back(std::move(applicant));
  }
}

void read_funding(RulesReader& r, CallRules& rules) {
  if (!r.object("", "funding")) return;
  const std::string pointer = "/funding";
  r.reject_unknown_keys(pointer, {"instrument", "instrument_fi", "total_eur", "years", "total_as_written", "total_source",
                                  "max_akke_share_of_public_funding", "max_share_as_written", "max_share_source",
                                  "paid_to", "paid_to_as_written", "paid_to_source", "regional_towns_appropriation",
                                  "regional_towns_source", "own_funding_required"});
  FundingRules& f = rules.funding;
  f.instrument = r.string(pointer, "instrument").value_or("");
  r.string(pointer, "instrument_fi", false);
  f.total_eur = r.integer(pointer, "total_eur", false);
  if (f.total_eur && *f.total_eur < 0)
    r.error(json_pointer_append(pointer, "total_eur"), "total_eur must be >= 0, got " + std::to_string(*f.total_eur));
  if (const json* years = r.array(pointer, "years", false)) {
    for (std::size_t i = 0; i < years->size(); ++i)
      if (!(*years)[i].is_number_integer())
        r.error(json_pointer_append(json_pointer_append(pointer, "years"), i),
                "a year must be an integer, got " + detail::json_type_name((*years)[i]));
  }
  r.string(pointer, "total_as_written", false);
  r.check_source(pointer, "total_source", false);
  if (const auto share = r.number(pointer, "max_akke_share_of_public_funding")) {
    if (!(*share > 0.0 && *share <= 1.0))
      r.error(json_pointer_append(pointer, "max_akke_share_of_public_funding"),
              "max_akke_share_of_public_funding is a share of the public funding: it must be > 0 and <= 1, got " +
                  r.at(json_pointer_append(pointer, "max_akke_share_of_public_funding")).dump());
    else
      f.max_share_of_public_funding = *share;
  }
  r.string(pointer, "max_share_as_written", false);
  r.check_source(pointer, "max_share_source", false);
  if (const auto paid_to = r.string(pointer, "paid_to"); paid_to && *paid_to != to_string(FundingRecipient{}))
    r.error(json_pointer_append(pointer, "paid_to"),
            "unknown paid_to " + in_quotes(*paid_to) + " (expected regional_council_of_lead_region)");
  f.paid_to_as_written = r.string(pointer, "paid_to_as_written", false).value_or("");
  f.paid_to_source = r.source(pointer, "paid_to_source", false);
  r.string(pointer, "regional_towns_appropriation", false);
  r.check_source(pointer, "regional_towns_source", false);
  r.check_source(pointer, "own_funding_required", false);
}

void read_timeline(RulesReader& r) {
  const json* timeline = r.array("", "timeline", false);
  if (!timeline) return;
  for (std::size_t i = 0; i < timeline->size(); ++i) {
    const std::string item = json_pointer_append("/timeline", i);
    if (!r.is_object(item)) continue;
    r.reject_unknown_keys(item, {"date", "event", "source"});
    r.string(item, "date");
    r.string(item, "event");
    r.check_source(item, "source", false);
  }
}

CallRules parse_rules(const detail::JsonDocument& doc, std::vector<Diagnostic>& diagnostics) {
  CallRules rules;
  RulesReader r(doc, diagnostics);
  if (!r.is_object("")) return rules;
  r.reject_unknown_keys("", {"call", "semantics", "tracks", "applicant_kinds", "funding", "timeline"});
  if (r.object("", "call")) {
    r.reject_unknown_keys("/call", {"title", "organiser", "source"});
    rules.title = r.string("/call", "title").value_or("");
    rules.organiser = r.string("/call", "organiser", false).value_or("");
    r.check_source("/call", "source", false);
  }
  r.string("", "semantics", false);
  read_tracks(r, rules);
  read_applicants(r, rules);
  read_funding(r, rules);
  read_timeline(r);
  return rules;
}

// rules.json read (or not, `doc` empty: already reported) and checked; throws every problem.
CallRules checked_rules(const std::optional<detail::JsonDocument>& doc, std::vector<Diagnostic> diagnostics,
                        const std::filesystem::path& file) {
  CallRules rules;
  if (doc) rules = parse_rules(*doc, diagnostics);
  throw_if_any(std::move(diagnostics));
  rules.file = file;
  return rules;
}

}  // namespace

CallRules load_call_rules(const std::filesystem::path& path) {
  std::error_code ec;
  const std::filesystem::path file = std::filesystem::is_directory(path, ec) ? path / "rules.json" : path;
  std::vector<Diagnostic> diagnostics;
  const auto doc = detail::read_json(file, diagnostics);
  return checked_rules(doc, std::move(diagnostics), file);
}

CallRules parse_call_rules(std::string_view text, const std::string& file) {
  std::vector<Diagnostic> diagnostics;
  const auto doc = detail::parse_json(std::string(text), file, diagnostics);
  return checked_rules(doc, std::move(diagnostics), file);
}

std::vector<std::filesystem::path> call_rules_search_path(std::string_view name, const std::filesystem::path& near) {
  // The data directories are those the geography is looked for in: each entry of
  // geography_search_path is <data directory>/geography/<id>.
  std::vector<std::filesystem::path> files;
  for (const auto& geography_dir : geography_search_path("_", near))
    files.push_back(
        (geography_dir.parent_path().parent_path() / "collaborations" / std::string(name) / "rules.json").lexically_normal());
  return files;
}

std::optional<std::filesystem::path> find_call_rules(std::string_view name, const std::filesystem::path& near) {
  std::error_code ec;
  for (const auto& file : call_rules_search_path(name, near))
    if (std::filesystem::is_regular_file(file, ec)) return file;
  return std::nullopt;
}

}  // namespace alueverkko
