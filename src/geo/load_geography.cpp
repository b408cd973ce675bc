// load_geography: reads a geography directory and checks it (docs/data-format.md).
#include <alueverkko/core/csv.hpp>
#include <alueverkko/geo/geography.hpp>

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

const CsvSchema municipalities_schema{
    {"code", "name_fi", "name_sv", "language_status", "bilingual", "subregion_code", "region_code",
     "population_2020", "population_2021", "centre_lat", "centre_lon", "land_area_km2_approx", "size_class"},
    {}};
const CsvSchema subregions_schema{
    {"code", "name_fi", "name_sv", "name_en", "region_code", "n_municipalities", "population_2020", "population_2021"},
    {}};
const CsvSchema regions_schema{
    {"code", "name_fi", "name_sv", "name_en", "n_municipalities", "population_2020", "population_2021"}, {}};
const CsvSchema population_schema{{"municipality_code", "year", "population"}, {}};

// Years of the population_YYYY columns of format_version 1.
const std::vector<int> column_years{2020, 2021};

// A code column: exactly `digits` digits. Returns the code even when it repeats (so that the row
// still counts as defined for references) and reports format problems and repeats.
struct CodeRegistry {
  std::unordered_map<std::string, std::size_t> first_line;  // code -> line of first definition
};

std::optional<std::string> read_code(detail::RowReader& row, std::string_view column, std::size_t digits,
                                     std::string_view example) {
  const auto code = row.required(column);
  if (!code) return std::nullopt;
  if (!detail::is_digits(*code, digits)) {
    row.error(column, "invalid " + std::string(column) + " " + in_quotes(*code) + ": expected " +
                          std::to_string(digits) + " digits with leading zeros, e.g. " + std::string(example));
    return std::nullopt;
  }
  return code;
}

// Registers the primary code of a row; reports a duplicate.
void register_code(detail::RowReader& row, CodeRegistry& registry, const std::string& code, std::string_view what) {
  const auto [it, inserted] = registry.first_line.emplace(code, row.line());
  if (!inserted)
    row.error("code", "duplicate " + std::string(what) + " code " + in_quotes(code) + " (first defined at line " +
                          std::to_string(it->second) + ")");
}

// Reads the code of a row whose field count is wrong, without reporting, so it still counts as
// defined.
void register_incomplete(const CsvTable& table, const CsvRow& row, std::string_view column, CodeRegistry& registry) {
  if (const CsvField* f = table.field(row, column)) registry.first_line.emplace(f->value, row.line);
}

struct SumCheck {
  int count = 0;
  std::int64_t population_2020 = 0, population_2021 = 0;
  bool too_large = false;  // a population sum beyond int64 (populations are only checked to be >= 0)
};

class GeographyLoader {
 public:
  Geography load(const std::filesystem::path& dir) {
    data_.directory = dir;
    read_metadata(detail::read_json(dir / "geography.json", diagnostics_));
    municipalities_table_ = read_csv(dir / "municipalities.csv", municipalities_schema, diagnostics_);
    subregions_table_ = read_csv(dir / "subregions.csv", subregions_schema, diagnostics_);
    regions_table_ = read_csv(dir / "regions.csv", regions_schema, diagnostics_);
    population_table_ = read_csv(dir / "population.csv", population_schema, diagnostics_);
    std::error_code ec;
    if (std::filesystem::is_regular_file(dir / "boundaries.topo.json", ec))
      data_.boundaries_path = dir / "boundaries.topo.json";
    return build({(dir / "geography.json").string(), (dir / "municipalities.csv").string(),
                  (dir / "subregions.csv").string(), (dir / "regions.csv").string(),
                  (dir / "population.csv").string()});
  }

  Geography parse(const GeographyTexts& texts) {
    read_metadata(detail::parse_json(texts.json, texts.json_file, diagnostics_));
    municipalities_table_ =
        parse_csv(texts.municipalities.content, texts.municipalities.file, municipalities_schema, diagnostics_);
    subregions_table_ = parse_csv(texts.subregions.content, texts.subregions.file, subregions_schema, diagnostics_);
    regions_table_ = parse_csv(texts.regions.content, texts.regions.file, regions_schema, diagnostics_);
    population_table_ = parse_csv(texts.population.content, texts.population.file, population_schema, diagnostics_);
    return build({texts.json_file, texts.municipalities.file, texts.subregions.file, texts.regions.file,
                  texts.population.file});
  }

 private:
  // Usable for reference checks: every row was read (ids of rows with errors included).
  static bool complete(const std::optional<CsvTable>& table) { return table && !table->truncated; }

  // The files are read: checks their rows and builds the geography, or throws every problem.
  Geography build(const std::vector<std::string>& file_order) {
    read_regions();
    read_subregions();
    read_municipalities();
    check_sums();
    read_population();
    throw_if_any(std::move(diagnostics_), file_order);
    return Geography(std::move(data_));
  }

  void read_metadata(const std::optional<detail::JsonDocument>& doc) {
    if (!doc) return;
    detail::JsonObjectReader root(*doc, "", diagnostics_);
    if (!root.is_object()) return;
    root.reject_unknown_keys({"format", "format_version", "id", "name", "reference_year", "population_years",
                              "sources", "attribution"});
    if (const auto format = root.string("format"); format && *format != "alueverkko-geography")
      diagnostics_.push_back(doc->at_value("/format", "format must be \"alueverkko-geography\", got \"" + *format + "\""));
    if (const auto version = root.integer("format_version"); version && *version != 1)
      diagnostics_.push_back(doc->at_value("/format_version", "unsupported format_version " + std::to_string(*version) +
                                                                  " (this version of alueverkko reads 1)"));
    if (const auto id = root.string("id")) {
      if (!detail::is_identifier(*id))
        diagnostics_.push_back(
            doc->at_value("/id", "invalid id " + in_quotes(*id) + ": use only letters A-Z a-z, digits and . _ -"));
      data_.id = *id;
    }
    data_.name = root.string("name").value_or("");
    if (const auto year = root.integer("reference_year")) data_.reference_year = static_cast<int>(*year);
    data_.attribution = root.string("attribution").value_or("");

    // The years of the population_YYYY columns; format_version 1 has exactly 2020 and 2021. (The
    // series in population.csv may be longer.)
    if (const nlohmann::json* years = root.array("population_years")) {
      bool integers = true;
      std::vector<int> listed;
      for (std::size_t i = 0; i < years->size(); ++i) {
        const nlohmann::json& year = (*years)[i];
        if (!year.is_number_integer()) {
          diagnostics_.push_back(doc->at_value(detail::json_pointer_append("/population_years", i),
                                               "population_years[" + std::to_string(i) + "] must be an integer, got " +
                                                   detail::json_type_name(year)));
          integers = false;
          continue;
        }
        listed.push_back(year.get<int>());
      }
      if (integers && listed != column_years)
        diagnostics_.push_back(doc->at_value("/population_years",
                                             "population_years must be [2020, 2021], the years of the "
                                             "population_YYYY columns (format_version 1)"));
    }
    if (const nlohmann::json* sources = root.array("sources")) {
      for (std::size_t i = 0; i < sources->size(); ++i) {
        detail::JsonObjectReader source(*doc, detail::json_pointer_append("/sources", i), diagnostics_);
        if (!source.is_object()) continue;
        source.reject_unknown_keys({"id", "file", "title", "publisher", "licence", "url"});
        GeographySource s;
        s.id = source.string("id").value_or("");
        s.file = source.string("file").value_or("");
        s.title = source.string("title").value_or("");
        s.publisher = source.string("publisher").value_or("");
        s.licence = source.string("licence").value_or("");
        s.url = source.string("url", false).value_or("");
        data_.sources.push_back(std::move(s));
      }
    }
  }

  void read_regions() {
    if (!regions_table_) return;
    const CsvTable& table = *regions_table_;
    for (const CsvRow& csv_row : table.rows) {
      if (!csv_row.complete) {
        register_incomplete(table, csv_row, "code", regions_);
        continue;
      }
      detail::RowReader row(table, csv_row, diagnostics_);
      Region region;
      const auto code = read_code(row, "code", 2, "01");
      if (code) register_code(row, regions_, *code, "region");
      region.code = code.value_or("");
      region.name_fi = row.required("name_fi").value_or("");
      region.name_sv = row.text("name_sv");
      region.name_en = row.text("name_en");
      region.n_municipalities = static_cast<int>(row.integer("n_municipalities", true, 0, 1000000).value_or(0));
      region.population_2020 = row.integer("population_2020", true).value_or(0);
      region.population_2021 = row.integer("population_2021", true).value_or(0);
      if (code && !row.has_errors()) region_rows_.emplace(*code, &csv_row);
      data_.regions.push_back(std::move(region));
    }
  }

  void read_subregions() {
    if (!subregions_table_) return;
    const CsvTable& table = *subregions_table_;
    for (const CsvRow& csv_row : table.rows) {
      if (!csv_row.complete) {
        register_incomplete(table, csv_row, "code", subregions_);
        continue;
      }
      detail::RowReader row(table, csv_row, diagnostics_);
      Subregion subregion;
      const auto code = read_code(row, "code", 3, "011");
      if (code) register_code(row, subregions_, *code, "sub-region");
      subregion.code = code.value_or("");
      subregion.name_fi = row.required("name_fi").value_or("");
      subregion.name_sv = row.text("name_sv");
      subregion.name_en = row.text("name_en");
      if (const auto region = read_code(row, "region_code", 2, "01")) {
        if (complete(regions_table_) && !regions_.first_line.contains(*region))
          row.error("region_code", "unknown region_code " + in_quotes(*region) + " (not in regions.csv)");
        subregion.region_code = *region;
      }
      subregion.n_municipalities = static_cast<int>(row.integer("n_municipalities", true, 0, 1000000).value_or(0));
      subregion.population_2020 = row.integer("population_2020", true).value_or(0);
      subregion.population_2021 = row.integer("population_2021", true).value_or(0);
      if (code && !row.has_errors()) {
        subregion_rows_.emplace(*code, &csv_row);
        subregion_region_.emplace(*code, std::make_pair(subregion.region_code, csv_row.line));
      }
      data_.subregions.push_back(std::move(subregion));
    }
  }

  void read_municipalities() {
    if (!municipalities_table_) return;
    const CsvTable& table = *municipalities_table_;
    municipalities_reliable_ = !table.truncated;
    const SizeClassBins bins;
    for (const CsvRow& csv_row : table.rows) {
      if (!csv_row.complete) {
        register_incomplete(table, csv_row, "code", municipalities_);
        municipalities_reliable_ = false;
        continue;
      }
      detail::RowReader row(table, csv_row, diagnostics_);
      Municipality m;
      const auto code = read_code(row, "code", 3, "091");
      if (code) register_code(row, municipalities_, *code, "municipality");
      m.code = code.value_or("");
      m.name_fi = row.required("name_fi").value_or("");
      m.name_sv = row.text("name_sv");
      const auto language = row.integer("language_status", true, 0, 3);
      m.language_status = static_cast<int>(language.value_or(0));
      const auto bilingual = row.integer("bilingual", true, 0, 1);
      m.bilingual = bilingual.value_or(0) == 1;
      if (language && bilingual && (*language == 1 || *language == 3) != m.bilingual)
        row.error("bilingual", "bilingual " + std::to_string(*bilingual) + " does not match language_status " +
                                   std::to_string(*language) + " (bilingual is 1 for language_status 1 and 3, else 0)");
      const auto subregion = read_code(row, "subregion_code", 3, "011");
      const auto region = read_code(row, "region_code", 2, "01");
      if (subregion && complete(subregions_table_) && !subregions_.first_line.contains(*subregion))
        row.error("subregion_code", "unknown subregion_code " + in_quotes(*subregion) + " (not in subregions.csv)");
      if (region && complete(regions_table_) && !regions_.first_line.contains(*region))
        row.error("region_code", "unknown region_code " + in_quotes(*region) + " (not in regions.csv)");
      if (subregion && region) {
        const auto it = subregion_region_.find(*subregion);
        if (it != subregion_region_.end() && it->second.first != *region && regions_.first_line.contains(*region))
          row.error("region_code", "region_code " + in_quotes(*region) + " differs from region " +
                                       in_quotes(it->second.first) + " of sub-region " + *subregion +
                                       " (subregions.csv line " + std::to_string(it->second.second) + ")");
      }
      m.subregion_code = subregion.value_or("");
      m.region_code = region.value_or("");
      m.population_2020 = row.integer("population_2020", true).value_or(0);
      const auto population_2021 = row.integer("population_2021", true);
      m.population_2021 = population_2021.value_or(0);
      m.centre_lat = row.number("centre_lat", true, -90, 90).value_or(0);
      m.centre_lon = row.number("centre_lon", true, -180, 180).value_or(0);
      m.land_area_km2_approx = row.number("land_area_km2_approx", true).value_or(0);
      static constexpr std::string_view classes[] = {"A", "B", "C", "D", "E"};
      if (const auto size_class = row.choice("size_class", true, classes)) {
        m.size_class = classes[*size_class][0];
        if (population_2021 && bins.classify(*population_2021) != m.size_class)
          row.error("size_class", "size_class " + in_quotes(classes[*size_class]) + " does not match population_2021 " +
                                      std::to_string(*population_2021) + ": expected '" +
                                      std::string(1, bins.classify(*population_2021)) +
                                      "' (A >= 100000, B >= 25000, C >= 10000, D >= 4000, E below)");
      }
      if (row.has_errors()) municipalities_reliable_ = false;
      if (code) municipality_position_.emplace(*code, data_.municipalities.size());
      data_.municipalities.push_back(std::move(m));
    }
  }

  // n_municipalities and populations of sub-regions and regions against the municipality table.
  void check_sums() {
    if (!municipalities_table_ || !municipalities_reliable_) return;  // sums of broken rows would mislead
    std::map<std::string, SumCheck> by_subregion, by_region;
    for (const Municipality& m : data_.municipalities) {
      for (auto* sums : {&by_subregion[m.subregion_code], &by_region[m.region_code]}) {
        ++sums->count;
        sums->too_large |= __builtin_add_overflow(sums->population_2020, m.population_2020, &sums->population_2020);
        sums->too_large |= __builtin_add_overflow(sums->population_2021, m.population_2021, &sums->population_2021);
      }
    }
    check_sum_rows(subregions_table_, subregion_rows_, by_subregion, "sub-region");
    check_sum_rows(regions_table_, region_rows_, by_region, "region");
  }

  void check_sum_rows(const std::optional<CsvTable>& table, const std::map<std::string, const CsvRow*>& rows,
                      std::map<std::string, SumCheck>& sums, std::string_view what) {
    if (!table) return;
    for (const auto& [code, csv_row] : rows) {
      detail::RowReader row(*table, *csv_row, diagnostics_);
      const SumCheck& sum = sums[code];
      const auto count = row.integer("n_municipalities", true);
      if (count && *count != sum.count)
        row.error("n_municipalities", "n_municipalities " + std::to_string(*count) +
                                          " does not match municipalities.csv, which has " +
                                          std::to_string(sum.count) + " municipalities in " + std::string(what) +
                                          " " + code);
      if (sum.too_large) {
        row.error("population_2020", "the populations of its municipalities in municipalities.csv sum to more than " +
                                         std::to_string(std::numeric_limits<std::int64_t>::max()));
        continue;
      }
      const auto p2020 = row.integer("population_2020", true);
      if (p2020 && *p2020 != sum.population_2020)
        row.error("population_2020", "population_2020 " + std::to_string(*p2020) +
                                         " does not match the sum over its municipalities in municipalities.csv (" +
                                         std::to_string(sum.population_2020) + ")");
      const auto p2021 = row.integer("population_2021", true);
      if (p2021 && *p2021 != sum.population_2021)
        row.error("population_2021", "population_2021 " + std::to_string(*p2021) +
                                         " does not match the sum over its municipalities in municipalities.csv (" +
                                         std::to_string(sum.population_2021) + ")");
    }
  }

  // population.csv: a series of years (any years, at least those of the population_YYYY columns),
  // every municipality in every year of the series.
  void read_population() {
    if (!population_table_) return;
    const CsvTable& table = *population_table_;
    const bool check_codes = complete(municipalities_table_);
    struct Entry {
      std::size_t municipality;
      int year;
      std::int64_t population;
    };
    std::vector<Entry> entries;
    std::map<std::pair<std::string, int>, std::size_t> seen;  // (code, year) -> line
    bool reliable = !table.truncated;
    for (const CsvRow& csv_row : table.rows) {
      if (!csv_row.complete) {
        reliable = false;
        continue;
      }
      detail::RowReader row(table, csv_row, diagnostics_);
      const auto code = read_code(row, "municipality_code", 3, "091");
      if (code && check_codes && !municipalities_.first_line.contains(*code))
        row.error("municipality_code", "unknown municipality_code " + in_quotes(*code) + " (not in municipalities.csv)");
      const auto year = row.integer("year", true, 1000, 9999);
      const auto population = row.integer("population", true);
      if (code && year) {
        const auto [it, inserted] = seen.emplace(std::make_pair(*code, static_cast<int>(*year)), row.line());
        if (!inserted)
          row.error("municipality_code", "duplicate population of municipality " + *code + " for " +
                                             std::to_string(*year) + " (first at line " + std::to_string(it->second) +
                                             ")");
      }
      if (row.has_errors() || !code || !year || !population) {
        reliable = false;
        continue;
      }
      const auto position = municipality_position_.find(*code);
      if (position == municipality_position_.end()) continue;
      const Municipality& m = data_.municipalities[position->second];
      const std::int64_t* column_value = *year == 2020 ? &m.population_2020 : *year == 2021 ? &m.population_2021 : nullptr;
      if (column_value && *column_value != *population && municipalities_reliable_)
        row.error("population", "population " + std::to_string(*population) + " of municipality " + *code + " in " +
                                    std::to_string(*year) + " differs from population_" + std::to_string(*year) + " " +
                                    std::to_string(*column_value) + " in municipalities.csv");
      entries.push_back({position->second, static_cast<int>(*year), *population});
    }

    std::set<int> year_set;
    for (const Entry& e : entries) year_set.insert(e.year);
    for (int year : column_years)
      if (reliable && !year_set.contains(year))
        diagnostics_.push_back({table.file, 0, 0, "no population for " + std::to_string(year) +
                                                      " (population_" + std::to_string(year) + " is a column of municipalities.csv)"});
    data_.population_years.assign(year_set.begin(), year_set.end());
    const std::size_t n_years = data_.population_years.size();
    const std::size_t n_municipalities = data_.municipalities.size();
    std::vector<std::int64_t> series(n_years * n_municipalities, -1);
    for (const Entry& e : entries) {
      const auto y = static_cast<std::size_t>(
          std::find(data_.population_years.begin(), data_.population_years.end(), e.year) - data_.population_years.begin());
      series[e.municipality * n_years + y] = e.population;
    }
    // Every municipality, every year of the series.
    if (reliable && municipalities_reliable_ && complete(municipalities_table_)) {
      for (std::size_t m = 0; m < n_municipalities; ++m) {
        for (std::size_t y = 0; y < n_years; ++y) {
          if (series[m * n_years + y] >= 0) continue;
          diagnostics_.push_back({table.file, 0, 0,
                                  "no population for municipality " + data_.municipalities[m].code + " in " +
                                      std::to_string(data_.population_years[y])});
        }
      }
    }
    data_.population_series = std::move(series);
  }

  GeographyData data_;
  std::vector<Diagnostic> diagnostics_;
  std::optional<CsvTable> municipalities_table_, subregions_table_, regions_table_, population_table_;
  CodeRegistry regions_, subregions_, municipalities_;
  std::map<std::string, const CsvRow*> region_rows_, subregion_rows_;  // rows without errors
  std::unordered_map<std::string, std::pair<std::string, std::size_t>> subregion_region_;
  std::unordered_map<std::string, std::size_t> municipality_position_;
  bool municipalities_reliable_ = false;
};

}  // namespace

Geography load_geography(const std::filesystem::path& dir) { return GeographyLoader().load(dir); }

Geography parse_geography(const GeographyTexts& texts) { return GeographyLoader().parse(texts); }

}  // namespace alueverkko
