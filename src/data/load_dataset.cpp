// load_dataset: reads a collaboration data set directory and checks it (docs/data-format.md).
#include <alueverkko/core/csv.hpp>
#include <alueverkko/data/dataset.hpp>
#include <alueverkko/data/name_key.hpp>

#include "../core/fields.hpp"
#include "../core/json_document.hpp"
#include "../core/row_reader.hpp"
#include "../core/text.hpp"

#include <limits>
#include <map>
#include <set>
#include <unordered_map>

namespace alueverkko {

using detail::in_quotes;

namespace {

const CsvSchema actors_schema{{"actor_id", "name", "kind"},
                              {"municipality_code", "area_code", "country", "lat", "lon", "declared_size", "source"}};
const CsvSchema networks_schema{{"network_id", "name", "kind"},
                                {"name_en", "track", "themes", "declared_members", "start", "end", "regional_towns",
                                 "financing", "orientation", "focus", "country", "source"}};
const CsvSchema memberships_schema{{"network_id", "actor_id", "status"}, {"role", "weight", "start", "end", "source"}};
const CsvSchema aliases_schema{{"alias", "actor_id"}, {}};

constexpr std::size_t npos = Dataset::npos;

bool is_country_code(std::string_view text) {
  return text.size() == 2 && text[0] >= 'A' && text[0] <= 'Z' && text[1] >= 'A' && text[1] <= 'Z';
}

std::string trim(std::string_view text) {
  const auto first = text.find_first_not_of(" \t");
  if (first == std::string_view::npos) return {};
  const auto last = text.find_last_not_of(" \t");
  return std::string(text.substr(first, last - first + 1));
}

// dataset.json; `sources_known` tells whether the list of source files can be trusted.
DatasetMetadata parse_metadata(const detail::JsonDocument& doc, std::vector<Diagnostic>& diagnostics,
                               bool* sources_known = nullptr) {
  DatasetMetadata meta;
  detail::JsonObjectReader root(doc, "", diagnostics);
  if (!root.is_object()) return meta;
  root.reject_unknown_keys({"format", "format_version", "name", "title", "description", "reference_year",
                            "geography", "sources", "notes"});
  if (const auto format = root.string("format"); format && *format != "alueverkko-dataset")
    diagnostics.push_back(doc.at_value("/format", "format must be \"alueverkko-dataset\", got \"" + *format + "\""));
  if (const auto version = root.integer("format_version"); version && *version != 1)
    diagnostics.push_back(doc.at_value("/format_version", "unsupported format_version " + std::to_string(*version) +
                                                              " (this version of alueverkko reads 1)"));
  meta.name = root.string("name").value_or("");
  meta.title = root.string("title").value_or("");
  meta.description = root.string("description").value_or("");
  if (const auto year = root.integer("reference_year")) meta.reference_year = static_cast<int>(*year);
  meta.geography = root.string("geography").value_or("");

  const std::size_t before_sources = diagnostics.size();
  if (const nlohmann::json* sources = root.array("sources")) {
    std::map<std::string, std::size_t> seen;
    for (std::size_t i = 0; i < sources->size(); ++i) {
      const std::string pointer = detail::json_pointer_append("/sources", i);
      detail::JsonObjectReader source(doc, pointer, diagnostics);
      if (!source.is_object()) continue;
      source.reject_unknown_keys({"file", "title", "publisher", "year", "url"});
      DatasetSource s;
      s.file = source.string("file").value_or("");
      s.title = source.string("title").value_or("");
      s.publisher = source.string("publisher").value_or("");
      if (const auto year = source.integer("year")) s.year = static_cast<int>(*year);
      s.url = source.string("url", false).value_or("");
      if (!s.file.empty() && !seen.emplace(s.file, i).second)
        diagnostics.push_back(doc.at_value(detail::json_pointer_append(pointer, "file"),
                                           "duplicate source file " + in_quotes(s.file) + " (already sources[" +
                                               std::to_string(seen[s.file]) + "])"));
      meta.sources.push_back(std::move(s));
    }
  }
  if (sources_known) *sources_known = root.is_object() && diagnostics.size() == before_sources;
  if (const nlohmann::json* notes = root.array("notes", false)) {
    for (std::size_t i = 0; i < notes->size(); ++i) {
      if (!(*notes)[i].is_string()) {
        diagnostics.push_back(doc.at_value(detail::json_pointer_append("/notes", i),
                                           "notes[" + std::to_string(i) + "] must be a string, got " +
                                               detail::json_type_name((*notes)[i])));
        continue;
      }
      meta.notes.push_back((*notes)[i].get<std::string>());
    }
  }
  return meta;
}

// dataset.json read (or not, `doc` empty: already reported) and checked; throws every problem.
DatasetMetadata checked_metadata(const std::optional<detail::JsonDocument>& doc, std::vector<Diagnostic> diagnostics) {
  DatasetMetadata meta;
  if (doc) meta = parse_metadata(*doc, diagnostics);
  throw_if_any(std::move(diagnostics));
  return meta;
}

class DatasetLoader {
 public:
  explicit DatasetLoader(const Geography& geography) : geography_(geography) {}

  Dataset load(const std::filesystem::path& dir) {
    data_.directory = dir;
    read_metadata(dir / "dataset.json");
    actors_table_ = read_csv(dir / "actors.csv", actors_schema, diagnostics_);
    networks_table_ = read_csv(dir / "networks.csv", networks_schema, diagnostics_);
    memberships_table_ = read_csv(dir / "memberships.csv", memberships_schema, diagnostics_);
    std::error_code ec;
    if (std::filesystem::exists(dir / "aliases.csv", ec))
      aliases_table_ = read_csv(dir / "aliases.csv", aliases_schema, diagnostics_);
    return build({(dir / "dataset.json").string(), (dir / "actors.csv").string(), (dir / "networks.csv").string(),
                  (dir / "memberships.csv").string(), (dir / "aliases.csv").string()});
  }

  Dataset parse(DatasetTexts texts) {
    data_.metadata = std::move(texts.metadata);
    sources_known_ = texts.sources_listed;
    for (const DatasetSource& s : data_.metadata.sources) source_files_.insert(s.file);
    std::string& id = data_.metadata.geography;
    if (id.empty()) id = geography_.id();
    if (const auto mismatch = geography_mismatch(id)) diagnostics_.push_back({"metadata", 0, 0, *mismatch});
    actors_table_ = parse_csv(texts.actors.content, texts.actors.file, actors_schema, diagnostics_);
    networks_table_ = parse_csv(texts.networks.content, texts.networks.file, networks_schema, diagnostics_);
    memberships_table_ = parse_csv(texts.memberships.content, texts.memberships.file, memberships_schema, diagnostics_);
    if (texts.aliases) aliases_table_ = parse_csv(texts.aliases->content, texts.aliases->file, aliases_schema, diagnostics_);
    return build({"metadata", texts.actors.file, texts.networks.file, texts.memberships.file,
                  texts.aliases ? texts.aliases->file : std::string()});
  }

 private:
  static bool complete(const std::optional<CsvTable>& table) { return table && !table->truncated; }

  // The tables are read: checks their rows and builds the data set, or throws every problem.
  Dataset build(const std::vector<std::string>& file_order) {
    read_actors();
    read_networks();
    read_memberships();
    read_aliases();
    throw_if_any(std::move(diagnostics_), file_order);
    return Dataset(std::move(data_));
  }

  std::optional<std::string> geography_mismatch(const std::string& id) const {
    if (id.empty() || id == geography_.id()) return std::nullopt;
    return "geography " + in_quotes(id) + " does not match the geography " + in_quotes(geography_.id()) +
           " the data set is checked against";
  }

  void read_metadata(const std::filesystem::path& file) {
    const auto doc = detail::read_json(file, diagnostics_);
    if (!doc) return;
    data_.metadata = parse_metadata(*doc, diagnostics_, &sources_known_);
    for (const DatasetSource& s : data_.metadata.sources) source_files_.insert(s.file);
    if (const auto mismatch = geography_mismatch(data_.metadata.geography))
      diagnostics_.push_back(doc->at_value("/geography", *mismatch));
  }

  // An identifier column: format and uniqueness. Returns the id if it is well-formed.
  std::optional<std::string> read_id(detail::RowReader& row, std::string_view column,
                                     std::unordered_map<std::string, std::size_t>& first_line) {
    const auto id = row.required(column);
    if (!id) return std::nullopt;
    if (!detail::is_identifier(*id)) {
      row.error(column, "invalid " + std::string(column) + " " + in_quotes(*id) +
                            ": use only letters A-Z a-z, digits and . _ -");
      return std::nullopt;
    }
    const auto [it, inserted] = first_line.emplace(*id, row.line());
    if (!inserted)
      row.error(column, "duplicate " + std::string(column) + " " + in_quotes(*id) + " (first defined at line " +
                            std::to_string(it->second) + ")");
    return id;
  }

  std::optional<SourceRef> read_source(detail::RowReader& row) {
    const std::string_view text = row.text("source");
    if (text.empty()) return std::nullopt;
    auto ref = parse_source_ref(text);
    if (!ref) {
      row.error("source", "invalid source " + in_quotes(text) + ": expected FILE:RANGES, e.g. doc.txt:84-181;200");
      return std::nullopt;
    }
    if (sources_known_ && !source_files_.contains(ref->file))
      row.error("source", "source file " + in_quotes(ref->file) + " is not listed in the sources of dataset.json");
    return ref;
  }

  std::optional<PartialDate> read_date(detail::RowReader& row, std::string_view column) {
    const std::string_view text = row.text(column);
    if (text.empty()) return std::nullopt;
    auto date = parse_partial_date(text);
    if (!date) row.error(column, "invalid " + std::string(column) + " " + in_quotes(text) + ": expected YYYY or YYYY-MM-DD");
    return date;
  }

  void check_period(detail::RowReader& row, const std::optional<PartialDate>& start,
                    const std::optional<PartialDate>& end) {
    if (start && end && !is_ordered(*start, *end))
      row.error("start", "start " + start->to_string() + " is after end " + end->to_string());
  }

  // A count the model keeps as an int: an integer >= `min` that fits in one.
  static std::optional<int> read_count(detail::RowReader& row, std::string_view column, std::int64_t min) {
    const auto count = row.integer(column, false, min);
    if (!count) return std::nullopt;
    if (*count > std::numeric_limits<int>::max()) {
      row.error(column, "invalid " + std::string(column) + " " + in_quotes(row.text(column)) + ": expected at most " +
                            std::to_string(std::numeric_limits<int>::max()));
      return std::nullopt;
    }
    return static_cast<int>(*count);
  }

  std::string read_country(detail::RowReader& row, std::string fallback) {
    const std::string_view text = row.text("country");
    if (text.empty()) return fallback;
    if (!is_country_code(text))
      row.error("country", "invalid country " + in_quotes(text) + ": expected an ISO 3166-1 alpha-2 code such as FI");
    return std::string(text);
  }

  // Registers the id of a row whose field count is wrong (already reported) so that references to
  // it do not cascade into "unknown id" errors.
  static void register_incomplete(const CsvTable& table, const CsvRow& row, std::string_view column,
                                  std::unordered_map<std::string, std::size_t>& ids,
                                  std::unordered_map<std::string, std::size_t>& first_line) {
    if (const CsvField* f = table.field(row, column); f && !f->value.empty()) {
      ids.emplace(f->value, npos);
      first_line.emplace(f->value, row.line);
    }
  }

  void read_actors() {
    if (!actors_table_) return;
    const CsvTable& table = *actors_table_;
    for (const CsvRow& csv_row : table.rows) {
      if (!csv_row.complete) {
        register_incomplete(table, csv_row, "actor_id", actor_ids_, actor_lines_);
        continue;
      }
      detail::RowReader row(table, csv_row, diagnostics_);
      Actor actor;
      actor.line = row.line();
      const auto id = read_id(row, "actor_id", actor_lines_);
      actor.id = id.value_or("");
      actor.name = row.required("name").value_or("");
      const auto kind = row.enumerated<ActorKind>("kind", true, all_actor_kinds(), parse_actor_kind);
      actor.kind = kind.value_or(ActorKind::other);
      actor.country = read_country(row, "FI");

      actor.municipality_code = row.text("municipality_code");
      if (!actor.municipality_code.empty()) {
        if (!geography_.find_municipality(actor.municipality_code))
          row.error("municipality_code", "unknown municipality_code " + in_quotes(actor.municipality_code) +
                                             " (not in geography " + geography_.id() + ")");
        if (actor.country != "FI")
          row.error("municipality_code", "an actor outside Finland (country " + actor.country +
                                             ") cannot have a municipality_code");
      }
      if (kind == ActorKind::municipality) {
        if (actor.municipality_code.empty()) {
          row.error(row.field("municipality_code") ? "municipality_code" : "kind",
                    "an actor of kind municipality needs a municipality_code");
        } else if (id && *id != "kunta-" + actor.municipality_code) {
          row.error("actor_id", "a municipality actor's id must be " + in_quotes("kunta-" + actor.municipality_code) +
                                    " (kunta-<municipality_code>)");
        }
      }
      read_area(row, actor, kind);

      actor.lat = row.number("lat", false, -90, 90);
      actor.lon = row.number("lon", false, -180, 180);
      if (row.present("lat") != row.present("lon"))
        row.error(row.present("lat") ? "lat" : "lon",
                  std::string(row.present("lat") ? "lat given without lon" : "lon given without lat") +
                      "; give both or neither");
      if ((row.present("lat") || row.present("lon")) && !actor.municipality_code.empty())
        row.error(row.present("lat") ? "lat" : "lon",
                  "lat/lon are only for actors outside the geography, but this actor has a municipality_code");
      actor.declared_size = read_count(row, "declared_size", 1);
      actor.source = read_source(row);

      if (id) actor_ids_.emplace(*id, data_.actors.size());
      data_.actors.push_back(std::move(actor));
    }
  }

  void read_area(detail::RowReader& row, Actor& actor, std::optional<ActorKind> kind) {
    actor.area_code = row.text("area_code");
    bool well_formed = true;
    if (!actor.area_code.empty()) {
      const std::string_view code = actor.area_code;
      if (code.starts_with("MK") && detail::is_digits(code.substr(2), 2)) {
        actor.area_level = AreaLevel::region;
        actor.area_unit_code = code.substr(2);
        if (!geography_.find_region(actor.area_unit_code))
          row.error("area_code", "unknown area_code " + in_quotes(code) + ": no region " + actor.area_unit_code +
                                     " in geography " + geography_.id());
      } else if (code.starts_with("SK") && detail::is_digits(code.substr(2), 3)) {
        actor.area_level = AreaLevel::subregion;
        actor.area_unit_code = code.substr(2);
        if (!geography_.find_subregion(actor.area_unit_code))
          row.error("area_code", "unknown area_code " + in_quotes(code) + ": no sub-region " + actor.area_unit_code +
                                     " in geography " + geography_.id());
      } else {
        well_formed = false;
        row.error("area_code", "invalid area_code " + in_quotes(code) +
                                   ": expected MK<region code> (e.g. MK01) or SK<sub-region code> (e.g. SK011)");
      }
    }
    if (!well_formed || !kind) return;
    const char* column = row.field("area_code") ? "area_code" : "kind";
    if (*kind == ActorKind::region && actor.area_level != AreaLevel::region)
      row.error(column, "an actor of kind region needs an area_code MK<region code>");
    if (*kind == ActorKind::subregion && actor.area_level != AreaLevel::subregion)
      row.error(column, "an actor of kind subregion needs an area_code SK<sub-region code>");
    if (*kind == ActorKind::regional_council && actor.area_level == AreaLevel::subregion)
      row.error(column, "a regional council's area_code must be MK<region code>");
  }

  void read_networks() {
    if (!networks_table_) return;
    const CsvTable& table = *networks_table_;
    static constexpr std::string_view zero_one[] = {"", "0", "1"};
    for (const CsvRow& csv_row : table.rows) {
      if (!csv_row.complete) {
        register_incomplete(table, csv_row, "network_id", network_ids_, network_lines_);
        continue;
      }
      detail::RowReader row(table, csv_row, diagnostics_);
      Network network;
      network.line = row.line();
      const auto id = read_id(row, "network_id", network_lines_);
      network.id = id.value_or("");
      network.name = row.required("name").value_or("");
      network.kind = row.enumerated<NetworkKind>("kind", true, all_network_kinds(), parse_network_kind)
                         .value_or(NetworkKind::network);
      network.name_en = row.text("name_en");
      network.track = row.enumerated<Track>("track", false, all_tracks(), parse_track).value_or(Track::none);
      if (const std::string_view themes = row.text("themes"); !themes.empty()) {
        std::size_t start = 0;
        while (true) {
          const std::size_t bar = themes.find('|', start);
          std::string theme = trim(themes.substr(start, bar == std::string_view::npos ? bar : bar - start));
          if (theme.empty()) {
            row.error("themes", "empty theme in themes " + in_quotes(themes) + " (themes are separated by '|')");
            break;
          }
          network.themes.push_back(std::move(theme));
          if (bar == std::string_view::npos) break;
          start = bar + 1;
        }
      }
      network.declared_members = read_count(row, "declared_members", 0);
      network.start = read_date(row, "start");
      network.end = read_date(row, "end");
      check_period(row, network.start, network.end);
      if (const auto towns = row.choice("regional_towns", false, zero_one)) network.regional_towns = *towns == 2;
      network.financing = row.text("financing");
      network.orientation =
          row.enumerated<Orientation>("orientation", false, all_orientations(), parse_orientation).value_or(Orientation::none);
      network.focus = row.text("focus");
      network.country = read_country(row, "");
      network.source = read_source(row);

      if (id) network_ids_.emplace(*id, data_.networks.size());
      data_.networks.push_back(std::move(network));
    }
  }

  // The name messages give a table: its file name ("actors.csv"), not the whole path.
  static std::string table_name(const CsvTable& table) { return std::filesystem::path(table.file).filename().string(); }

  std::size_t resolve(detail::RowReader& row, std::string_view column,
                      const std::unordered_map<std::string, std::size_t>& ids, const std::optional<CsvTable>& table) {
    const auto id = row.required(column);
    if (!id) return npos;
    const auto it = ids.find(*id);
    if (it != ids.end()) return it->second;
    if (complete(table))  // an unreadable table would make every reference look unknown
      row.error(column, "unknown " + std::string(column) + " " + in_quotes(*id) + " (not in " + table_name(*table) + ")");
    return npos;
  }

  void read_memberships() {
    if (!memberships_table_) return;
    const CsvTable& table = *memberships_table_;
    std::map<std::pair<std::string, std::string>, std::size_t> pairs;            // -> line
    std::map<std::string, std::pair<std::string, std::size_t>> leads;             // network -> (actor, line)
    for (const CsvRow& csv_row : table.rows) {
      if (!csv_row.complete) continue;
      detail::RowReader row(table, csv_row, diagnostics_);
      Membership membership;
      membership.line = row.line();
      membership.network = resolve(row, "network_id", network_ids_, networks_table_);
      membership.actor = resolve(row, "actor_id", actor_ids_, actors_table_);
      membership.status = row.enumerated<MembershipStatus>("status", true, all_membership_statuses(),
                                                           parse_membership_status)
                              .value_or(MembershipStatus::member);
      membership.role = row.enumerated<MembershipRole>("role", false, all_membership_roles(), parse_membership_role)
                            .value_or(MembershipRole::none);
      membership.weight = row.number("weight", false).value_or(1.0);
      membership.start = read_date(row, "start");
      membership.end = read_date(row, "end");
      check_period(row, membership.start, membership.end);
      membership.source = read_source(row);

      const std::string network_id(row.text("network_id")), actor_id(row.text("actor_id"));
      if (!network_id.empty() && !actor_id.empty()) {
        const auto [it, inserted] = pairs.emplace(std::make_pair(network_id, actor_id), row.line());
        if (!inserted)
          row.error("actor_id", "duplicate membership of actor " + in_quotes(actor_id) + " in network " +
                                    in_quotes(network_id) + " (first at line " + std::to_string(it->second) + ")");
        if (membership.role == MembershipRole::lead) {
          const auto [lead, first] = leads.emplace(network_id, std::make_pair(actor_id, row.line()));
          if (!first)
            row.error("role", "second lead of network " + in_quotes(network_id) + ": " + in_quotes(lead->second.first) +
                                  " is its lead already (line " + std::to_string(lead->second.second) +
                                  "); a network has at most one lead");
        }
      }
      data_.memberships.push_back(std::move(membership));
    }
  }

  void read_aliases() {
    if (!aliases_table_) return;
    struct KeyOwner {
      std::size_t actor;
      std::size_t line;
      bool is_name;  // canonical name (actors.csv) rather than an alias
    };
    std::unordered_map<std::string, KeyOwner> owners;
    for (std::size_t i = 0; i < data_.actors.size(); ++i) {
      const auto [it, inserted] = owners.emplace(name_key(data_.actors[i].name), KeyOwner{i, data_.actors[i].line, true});
      if (!inserted && it->second.actor != i) it->second.actor = npos;  // a name shared by several actors
    }
    const CsvTable& table = *aliases_table_;
    for (const CsvRow& csv_row : table.rows) {
      if (!csv_row.complete) continue;
      detail::RowReader row(table, csv_row, diagnostics_);
      const auto alias = row.required("alias");
      const std::size_t actor = resolve(row, "actor_id", actor_ids_, actors_table_);
      if (!alias || actor == npos) continue;
      const auto [it, inserted] = owners.emplace(name_key(*alias), KeyOwner{actor, row.line(), false});
      if (!inserted) {
        const KeyOwner& owner = it->second;
        if (owner.actor == npos) {
          row.error("alias", "ambiguous alias " + in_quotes(*alias) + ": it is also the name of several actors");
        } else if (owner.actor != actor) {
          const std::string other = in_quotes(data_.actors[owner.actor].id);
          row.error("alias", "ambiguous alias " + in_quotes(*alias) + ": " +
                                 (owner.is_name ? "it is also the name of actor " + other + " (" + table_name(*actors_table_) + " line " +
                                                      std::to_string(owner.line) + ")"
                                                : "line " + std::to_string(owner.line) + " makes it an alias of actor " +
                                                      other));
        } else if (!owner.is_name) {
          row.error("alias", "duplicate alias " + in_quotes(*alias) + " (already at line " + std::to_string(owner.line) + ")");
        }
      }
      data_.aliases.push_back({*alias, actor});
    }
  }

  const Geography& geography_;
  DatasetData data_;
  std::vector<Diagnostic> diagnostics_;
  bool sources_known_ = false;
  std::set<std::string> source_files_;
  std::optional<CsvTable> actors_table_, networks_table_, memberships_table_, aliases_table_;
  std::unordered_map<std::string, std::size_t> actor_ids_, network_ids_;      // id -> index (npos: broken row)
  std::unordered_map<std::string, std::size_t> actor_lines_, network_lines_;  // id -> line of definition
};

}  // namespace

DatasetMetadata read_dataset_metadata(const std::filesystem::path& dir) {
  std::vector<Diagnostic> diagnostics;
  const auto doc = detail::read_json(dir / "dataset.json", diagnostics);
  return checked_metadata(doc, std::move(diagnostics));
}

DatasetMetadata parse_dataset_metadata(std::string_view text, const std::string& file) {
  std::vector<Diagnostic> diagnostics;
  const auto doc = detail::parse_json(std::string(text), file, diagnostics);
  return checked_metadata(doc, std::move(diagnostics));
}

Dataset load_dataset(const std::filesystem::path& dir, const Geography& geography) {
  return DatasetLoader(geography).load(dir);
}

Dataset parse_dataset(DatasetTexts texts, const Geography& geography) {
  return DatasetLoader(geography).parse(std::move(texts));
}

}  // namespace alueverkko
