// The HTML report (report/report.hpp). Each section takes its numbers from the library function
// named in its sentence, shows them as a table (and the same rows as CSV) or a figure (inline SVG,
// and SVG + PNG files), and says in one sentence what they mean and how they were counted.
#include <alueverkko/report/report.hpp>

#include "../core/new_directories.hpp"
#include "html.hpp"

#include <alueverkko/centrality/measures.hpp>
#include <alueverkko/data/call_rules.hpp>
#include <alueverkko/data/dataset.hpp>
#include <alueverkko/geo/geography.hpp>
#include <alueverkko/graph/collaboration.hpp>
#include <alueverkko/io/table.hpp>
#include <alueverkko/metrics/coverage.hpp>
#include <alueverkko/metrics/eligibility.hpp>
#include <alueverkko/metrics/overlap.hpp>
#include <alueverkko/render/classify.hpp>
#include <alueverkko/render/map.hpp>
#include <alueverkko/render/palette.hpp>
#include <alueverkko/render/raster.hpp>
#include <alueverkko/render/svg.hpp>
#include <alueverkko/version.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <map>
#include <random>
#include <sstream>
#include <span>
#include <stdexcept>
#include <string>
#include <system_error>
#include <utility>
#include <variant>
#include <vector>

namespace alueverkko {
namespace {

namespace fs = std::filesystem;
using report::HtmlAttributes;
using report::HtmlWriter;

constexpr std::string_view generator = "alueverkko report";
constexpr std::string_view thin_space = "\u202F";  // narrow no-break space: the thousands separator
constexpr std::string_view no_value = "\u2013";    // en dash for "not defined" (NaN)
// With a soft hyphen: the heading of a narrow numeric column may break rather than widen it.
constexpr const char* municipalities_heading = "Munici\u00ADpalities";

// ---------------------------------------------------------------- numbers for the reader
// Thousands grouped by a narrow no-break space (5 548 241), decimals with a point: unambiguous to
// Finnish and English readers alike. The CSV files keep the raw numbers.
std::string thousands(std::int64_t value) {
  const std::string digits = std::to_string(value < 0 ? -value : value);
  std::string out = value < 0 ? "\u2212" : "";
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += thin_space;
    out += digits[i];
  }
  return out;
}

std::string fixed(double value, int decimals) {
  if (!std::isfinite(value)) return std::string(no_value);
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.*f", decimals, value);
  std::string text = buffer;
  if (text.starts_with('-')) text.replace(0, 1, "\u2212");
  return text;
}

std::string percent(double share) {
  if (!std::isfinite(share)) return std::string(no_value);
  std::string text = fixed(100 * share, 1);
  text += thin_space;
  text += '%';
  return text;
}

std::int64_t integer_at(const Table& table, std::string_view column, std::size_t row = 0) {
  return std::get<Table::Integers>(table.column(column).values).at(row);
}
double real_at(const Table& table, std::string_view column, std::size_t row = 0) {
  return std::get<Table::Reals>(table.column(column).values).at(row);
}
const std::string& text_at(const Table& table, std::string_view column, std::size_t row) {
  return std::get<Table::Strings>(table.column(column).values).at(row);
}

std::string count_of(std::size_t n, std::string_view singular, std::string_view plural) {
  std::string text = thousands(static_cast<std::int64_t>(n));
  text += ' ';
  text += n == 1 ? singular : plural;
  return text;
}

std::string lines_of(const SourceRef& source) {
  std::string text;
  for (const auto& [a, b] : source.line_ranges) {
    if (!text.empty()) text += ", ";
    text += std::to_string(a);
    if (b != a) {
      text += "\u2013";
      text += std::to_string(b);
    }
  }
  return text;
}

// "github.com/x/y" for "https://github.com/x/y": the address as text, never a link.
std::string address_text(std::string_view url) {
  const std::size_t scheme = url.find("://");
  return std::string(scheme == std::string_view::npos ? url : url.substr(scheme + 3));
}

template <class T>
std::string joined(const std::vector<T>& values) {
  std::string text;
  for (const T& v : values) {
    if (!text.empty()) text += ", ";
    text += to_string(v);
  }
  return text;
}

std::string describe_filter(const MembershipFilter& f) {
  std::vector<std::string> parts;
  const auto add = [&](std::string_view key, const std::string& value) {
    if (!value.empty()) parts.push_back(std::string(key) + " " + value);
  };
  add("status", joined(f.statuses));
  add("role", joined(f.roles));
  add("track", joined(f.tracks));
  add("network kind", joined(f.network_kinds));
  add("actor kind", joined(f.actor_kinds));
  std::string themes;
  for (const std::string& t : f.themes) themes += (themes.empty() ? "" : ", ") + ("\u201C" + t + "\u201D");
  add("theme", themes);
  if (f.from) add("from", f.from->to_string());
  if (f.to) add("to", f.to->to_string());
  if (parts.empty()) return "all memberships (every status and role)";
  std::string text = "memberships with ";
  for (std::size_t i = 0; i < parts.size(); ++i) text += (i ? "; " : "") + parts[i];
  return text;
}

// ---------------------------------------------------------------- tables shown and written
// How a column is shown: text and integers as they are (integers grouped), reals as a share in
// percent or with fixed decimals; `words`: a CSV spelling with spaces for underscores
// ("development zone"); `address`: a URL as text without its scheme; `verdict` marks pass/fail
// cells for the stylesheet. `layout`: a class for the stylesheet, "wide" for long text that should
// not be squeezed, "nowrap" for short text that should not be broken (line ranges), "break" for
// long words that may be broken anywhere (file names, commit hashes).
enum class Show { plain, share, decimals0, decimals3, words, address, verdict };

struct ShownColumn {
  std::string column, heading;
  Show show = Show::plain;
  std::string layout{};
};

Table::Column head(const Table::Column& column, std::size_t rows) {
  return std::visit(
      [rows](const auto& values) -> Table::Column {
        return std::decay_t<decltype(values)>(values.begin(), values.begin() + static_cast<std::ptrdiff_t>(
                                                                                  std::min(rows, values.size())));
      },
      column);
}

std::string cell_text(const Table::Column& column, std::size_t row, Show show) {
  if (const auto* s = std::get_if<Table::Strings>(&column)) {
    std::string text = (*s)[row];
    if (show == Show::words) std::replace(text.begin(), text.end(), '_', ' ');
    if (show == Show::address) text = address_text(text);
    return text;
  }
  if (const auto* i = std::get_if<Table::Integers>(&column)) return thousands((*i)[row]);
  const double v = std::get<Table::Reals>(column)[row];
  switch (show) {
    case Show::share: return percent(v);
    case Show::decimals0: return fixed(v, 0);
    default: return fixed(v, 3);
  }
}

// The report being written: the temporary directory, the page and the files so far.
class Page {
 public:
  Page(fs::path dir, int png_width) : dir_(std::move(dir)), png_width_(png_width) {}

  HtmlWriter html;

  void write_file(const fs::path& relative, std::string_view bytes) {
    const fs::path path = dir_ / relative;
    fs::create_directories(path.parent_path());
    std::ofstream out(path, std::ios::binary);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    out.close();
    if (!out) throw std::runtime_error("cannot write " + path.string());
    files_.push_back(relative);
  }

  // One sentence: what the numbers mean and how they were counted.
  void how(std::string_view sentence) { html.text("p", {{"class", "how"}}, sentence); }

  // The first `rows` rows of the `shown` columns of `source`: an HTML table with a caption and the
  // same rows as tables/<stem>.csv (the CSV keeps the column names and raw numbers).
  void table(const std::string& stem, std::string_view caption, const Table& source,
             std::span<const ShownColumn> shown, std::size_t rows = static_cast<std::size_t>(-1)) {
    Table selected;
    for (const ShownColumn& c : shown) selected.add_column(c.column, head(source.column(c.column).values, rows));
    std::string csv_path = "tables/";
    csv_path += stem;
    csv_path += ".csv";
    std::ostringstream csv;
    write_csv(selected, csv);
    write_file(csv_path, csv.str());

    html.open("div", {{"class", "table-wrap"}});
    html.open("table", {{"id", "table-" + stem}});
    html.open("caption");
    html.content(caption);
    html.content(" ");
    html.text("a", {{"class", "csv"}, {"href", csv_path}}, "CSV");
    html.close();
    html.open("thead");
    html.open("tr");
    for (const ShownColumn& c : shown) {
      const bool numeric = !std::holds_alternative<Table::Strings>(source.column(c.column).values);
      html.text("th", {{"scope", "col"}, {"class", numeric ? "num" : c.layout.empty() ? "text" : "text " + c.layout}}, c.heading);
    }
    html.close();
    html.close();
    html.open("tbody");
    for (std::size_t r = 0; r < selected.rows(); ++r) {
      html.open("tr");
      for (std::size_t k = 0; k < shown.size(); ++k) {
        const Table::Column& column = selected.columns()[k].values;
        const std::string text = cell_text(column, r, shown[k].show);
        std::string cls = std::holds_alternative<Table::Strings>(column) ? "text" : "num";
        if (shown[k].show == Show::verdict) cls += " verdict-" + text;
        if (!shown[k].layout.empty()) cls += " " + shown[k].layout;
        html.text("td", {{"class", cls}}, text);
      }
      html.close();
    }
    html.close();
    html.close();
    html.close();
  }

  // A figure: the SVG inline, and maps/<stem>.svg and .png beside the page.
  void figure(const std::string& stem, const std::string& svg, std::string_view title, std::string_view caption) {
    const std::string svg_path = "maps/" + stem + ".svg", png_path = "maps/" + stem + ".png";
    write_file(svg_path, svg);
    write_file(png_path, render::svg_to_png(svg, png_width_));
    html.open("figure", {{"id", "figure-" + stem}});
    html.open("div", {{"class", "figure-body"}});
    html.markup(report::inline_svg(svg, stem + "-", title));
    html.close();
    html.open("figcaption");
    html.content(caption);
    html.content(" ");
    html.text("a", {{"href", svg_path}}, "SVG");
    html.content(" \u00B7 ");
    html.text("a", {{"href", png_path}}, "PNG");
    html.close();
    html.close();
  }

  void open_section(const std::string& id, std::string_view heading) {
    html.open("section", {{"id", id}, {"aria-labelledby", id + "-heading"}});
    html.text("h2", {{"id", id + "-heading"}}, heading);
  }

  [[nodiscard]] const std::vector<fs::path>& files() const noexcept { return files_; }

 private:
  fs::path dir_;
  int png_width_;
  std::vector<fs::path> files_;
};

// ---------------------------------------------------------------- the output directory
enum class Existing { none, empty_directory, earlier_report };

bool is_report(const fs::path& dir) {
  std::ifstream in(dir / "index.html", std::ios::binary);
  std::string start(4096, '\0');
  in.read(start.data(), static_cast<std::streamsize>(start.size()));
  start.resize(static_cast<std::size_t>(in.gcount()));
  return start.find("<meta name=\"generator\" content=\"" + std::string(generator)) != std::string::npos;
}

Existing check_target(const fs::path& target) {
  std::error_code ec;
  const fs::file_status status = fs::symlink_status(target, ec);
  if (!fs::exists(status)) return Existing::none;
  if (fs::is_directory(status)) {
    if (fs::is_empty(target)) return Existing::empty_directory;
    if (is_report(target)) return Existing::earlier_report;
    throw std::runtime_error("'" + target.string() +
                             "' exists and is not an alueverkko report; choose another output directory or remove it");
  }
  throw std::runtime_error("'" + target.string() + "' exists and is not a directory");
}

std::string random_suffix() {
  std::random_device device;
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%08x", static_cast<unsigned>(device()));
  return buffer;
}

// ".NAME.<what>-<random>" beside `target`.
fs::path sibling(const fs::path& target, std::string_view what) {
  std::string name = ".";
  name += target.filename().string();
  name += what;
  name += random_suffix();
  return target.parent_path() / name;
}

// A directory beside the target that is removed unless it has been renamed into place, with the
// target's parent directories that were made for it.
class StagingDirectory {
 public:
  explicit StagingDirectory(const fs::path& target)
      : parents_(fs::absolute(target).parent_path()), path_(sibling(target, ".tmp-")) {
    fs::create_directories(target.parent_path());
    fs::create_directory(path_);
  }
  StagingDirectory(const StagingDirectory&) = delete;
  StagingDirectory& operator=(const StagingDirectory&) = delete;
  ~StagingDirectory() {
    std::error_code ec;
    if (!moved_) fs::remove_all(path_, ec);
  }
  [[nodiscard]] const fs::path& path() const noexcept { return path_; }

  void move_to(const fs::path& target, Existing existing) {
    if (existing == Existing::earlier_report) {
      const fs::path old = sibling(target, ".old-");
      fs::rename(target, old);
      fs::rename(path_, target);
      std::error_code ec;
      fs::remove_all(old, ec);
    } else {
      if (existing == Existing::empty_directory) fs::remove(target);
      fs::rename(path_, target);
    }
    moved_ = true;
    parents_.keep();
  }

 private:
  detail::NewDirectories parents_;  // destroyed after the staging directory is removed
  fs::path path_;
  bool moved_ = false;
};

// ---------------------------------------------------------------- sections
struct Context {
  const Dataset& dataset;
  const Geography& geography;
  const ReportOptions& options;
  CoverageOptions coverage;
  std::vector<std::uint8_t> selected;  // select_memberships(options.filter)
  std::vector<std::string> notes;
};

ReportFigures key_figures(const Context& c, const Table& country) {
  ReportFigures f;
  std::vector<bool> network_seen(c.dataset.networks().size()), actor_seen(c.dataset.actors().size());
  const auto memberships = c.dataset.memberships();
  for (std::size_t i = 0; i < memberships.size(); ++i) {
    if (!c.selected[i]) continue;
    network_seen[memberships[i].network] = true;
    actor_seen[memberships[i].actor] = true;
  }
  f.networks = static_cast<std::size_t>(std::count(network_seen.begin(), network_seen.end(), true));
  f.actors = static_cast<std::size_t>(std::count(actor_seen.begin(), actor_seen.end(), true));
  f.municipalities = static_cast<std::size_t>(integer_at(country, "municipalities"));
  f.municipalities_covered = static_cast<std::size_t>(integer_at(country, "covered"));
  f.population = integer_at(country, "population");
  f.population_covered = integer_at(country, "population_covered");
  f.population_share = real_at(country, "population_share");
  f.regions = static_cast<std::size_t>(integer_at(country, "regions"));
  f.regions_reached = static_cast<std::size_t>(integer_at(country, "regions_touched"));
  f.population_year = coverage_year(c.geography, c.coverage);
  return f;
}

void write_header(Page& page, const Context& c) {
  const DatasetMetadata& meta = c.dataset.metadata();
  HtmlWriter& html = page.html;
  html.open("header");
  html.text("p", {{"class", "kicker"}}, "Collaboration network report");
  html.text("h1", {}, meta.title.empty() ? meta.name : meta.title);
  if (!meta.description.empty()) html.text("p", {{"class", "lead"}}, meta.description);
  html.open("dl", {{"class", "facts"}});
  const auto fact = [&](std::string_view term, const std::string& value) {
    html.text("dt", {}, term);
    html.text("dd", {}, value);
  };
  const std::string folder = c.dataset.directory().filename().string();
  fact("Data set", folder.empty() || folder == meta.name ? meta.name : meta.name + " (folder " + folder + ")");
  fact("Geography", c.geography.id() + ": " + c.geography.name());
  std::string year = "31.12.";
  year += std::to_string(coverage_year(c.geography, c.coverage));
  fact("Population", year);
  fact("Memberships counted", describe_filter(c.options.filter));
  fact("Numbers", "thousands separated by a thin space (5\u202F548\u202F241), decimals by a point (12.5\u202F%); "
                  "the CSV files hold the raw numbers");
  std::string made = "alueverkko ";
  made += version;
  fact("Made with", made);
  html.close();
  html.open("nav", {{"aria-label", "Sections"}});
  html.open("ul");
  for (const auto& [id, label] : std::vector<std::pair<std::string, std::string>>{
           {"key-figures", "Key figures"}, {"coverage", "Coverage map"}, {"collaboration", "Collaboration map"},
           {"gaps", "Gaps"}, {"centrality", "Central municipalities"}, {"eligibility", "Eligibility"},
           {"overlap", "Overlap"}, {"networks", "Networks and sources"}, {"about", "About the data"}}) {
    html.open("li");
    html.text("a", {{"href", "#" + id}}, label);
    html.close();
  }
  html.close();
  html.close();
  html.close();
}

void write_key_figures(Page& page, const ReportFigures& f) {
  page.open_section("key-figures", "Key figures");
  page.how("A municipality is covered when its own municipality actor or an organisation seated there takes part in "
           "at least one network; region-wide actors such as regional councils do not make their municipalities "
           "covered. The tables below count the same way.");
  const double municipality_share =
      f.municipalities ? static_cast<double>(f.municipalities_covered) / static_cast<double>(f.municipalities) : NAN;
  const double region_share = f.regions ? static_cast<double>(f.regions_reached) / static_cast<double>(f.regions) : NAN;
  struct Card {
    std::string key, label, value, detail;
    std::int64_t raw;
    double of, share;
  };
  std::string population_detail = percent(f.population_share);
  population_detail += " of ";
  population_detail += thousands(f.population);
  population_detail += " inhabitants (31.12.";
  population_detail += std::to_string(f.population_year);
  population_detail += ")";
  std::string regions_detail = "of ";
  regions_detail += thousands(static_cast<std::int64_t>(f.regions));
  regions_detail += " regions (maakunnat) with a covered municipality";
  const std::vector<Card> cards{
      {"networks", "Networks", thousands(static_cast<std::int64_t>(f.networks)), "with at least one counted membership",
       static_cast<std::int64_t>(f.networks), NAN, NAN},
      {"actors", "Actors", thousands(static_cast<std::int64_t>(f.actors)),
       "municipalities, organisations and groups taking part", static_cast<std::int64_t>(f.actors), NAN, NAN},
      {"municipalities_covered", "Municipalities covered", thousands(static_cast<std::int64_t>(f.municipalities_covered)),
       percent(municipality_share) + " of " + thousands(static_cast<std::int64_t>(f.municipalities)) + " municipalities",
       static_cast<std::int64_t>(f.municipalities_covered), static_cast<double>(f.municipalities), municipality_share},
      {"population_covered", "Population covered", thousands(f.population_covered), population_detail,
       f.population_covered, static_cast<double>(f.population), f.population_share},
      {"regions_reached", "Regions reached", thousands(static_cast<std::int64_t>(f.regions_reached)),
       regions_detail,
       static_cast<std::int64_t>(f.regions_reached), static_cast<double>(f.regions), region_share},
  };
  HtmlWriter& html = page.html;
  html.open("ul", {{"class", "cards"}});
  Table::Strings figure;
  Table::Integers value;
  Table::Reals of, share;
  for (const Card& card : cards) {
    html.open("li", {{"class", "card"}, {"data-figure", card.key}});
    html.text("span", {{"class", "card-label"}}, card.label);
    html.text("span", {{"class", "card-value"}}, card.value);
    html.text("span", {{"class", "card-detail"}}, card.detail);
    html.close();
    figure.push_back(card.key);
    value.push_back(card.raw);
    of.push_back(card.of);
    share.push_back(card.share);
  }
  html.close();
  Table t;
  t.add_column("figure", std::move(figure));
  t.add_column("value", std::move(value));
  t.add_column("of", std::move(of));  // empty: no total
  t.add_column("share", std::move(share));
  std::ostringstream csv;
  write_csv(t, csv);
  page.write_file("tables/key_figures.csv", csv.str());
  html.open("p", {{"class", "files"}});
  html.content("These figures as a table: ");
  html.text("a", {{"class", "csv"}, {"href", "tables/key_figures.csv"}}, "CSV");
  html.close();
  html.close();
}

void write_maps(Page& page, const Context& c) {
  render::CollaborationMapOptions coverage;
  coverage.level = PlaceLevel::municipality;
  coverage.color = "coverage";
  coverage.filter = c.options.filter;
  coverage.width = c.options.map_width;
  coverage.title = "Municipalities covered";
  render::CollaborationMapOptions collaboration;
  collaboration.level = PlaceLevel::region;
  collaboration.color = "networks";
  collaboration.edges = c.options.map_edges ? render::MapEdges::top_k : render::MapEdges::none;
  collaboration.top_k = c.options.map_edges;
  collaboration.labels = c.geography.regions().size();
  collaboration.filter = c.options.filter;
  collaboration.width = c.options.map_width;
  collaboration.title = "Collaboration between regions";

  const bool drawable = c.geography.boundaries_path().has_value();
  page.open_section("coverage", "Coverage map");
  page.how("Each municipality is coloured by whether it takes part in at least one network, counted as for the key "
           "figures; hover over a municipality for its name.");
  if (drawable)
    page.figure("coverage", render::collaboration_map(c.dataset, c.geography, coverage),
                "Map of Finland: municipalities taking part in at least one network",
                "Municipalities covered (own actor or an organisation seated there).");
  else
    page.how("The geography has no boundaries (boundaries.topo.json): no map is drawn.");
  page.html.close();

  page.open_section("collaboration", "Collaboration map");
  std::string sentence = "Regions (maakunnat) are coloured by the number of distinct networks reaching one of their "
                         "municipalities";
  if (c.options.map_edges > 0) {
    sentence += "; a line joins two regions whose municipalities and organisations take part in the same networks, "
                "wider for more shared networks (only the ";
    sentence += std::to_string(c.options.map_edges);
    sentence += " heaviest region pairs are drawn)";
  }
  sentence += ".";
  page.how(sentence);
  if (drawable)
    page.figure("collaboration", render::collaboration_map(c.dataset, c.geography, collaboration),
                "Map of Finland: regions by networks reaching them, lines for shared networks between regions",
                "Networks reaching each region and the region pairs sharing the most networks.");
  else
    page.how("The geography has no boundaries (boundaries.topo.json): no map is drawn.");
  page.html.close();
}

void write_gaps(Page& page, const Context& c) {
  page.open_section("gaps", "Gaps by region and size class");
  page.how("For each region and municipality size class: how many of its municipalities and inhabitants are covered "
           "(coverage_table), and how many distinct networks reach a covered municipality there; low shares are the "
           "gaps.");
  const std::vector<ShownColumn> columns{
      {"code", "Code"},
      {"name", "Name"},
      {"municipalities", municipalities_heading},
      {"covered", "Covered"},
      {"covered_share", "Covered %", Show::share},
      {"population", "Population"},
      {"population_covered", "Population covered"},
      {"population_share", "Population %", Show::share},
      {"networks", "Networks"},
  };
  page.table("gaps_by_region", "Coverage by region (maakunta)",
             coverage_table(c.dataset, c.geography, CoverageLevel::region, c.options.filter, c.coverage), columns);
  page.table("gaps_by_size_class", "Coverage by municipality size class (population)",
             coverage_table(c.dataset, c.geography, CoverageLevel::size_class, c.options.filter, c.coverage), columns);

  const Table gaps = coverage_gaps(c.dataset, c.geography, c.options.filter, c.coverage);
  std::string sentence = "The ";
  sentence += std::to_string(std::min(c.options.top, gaps.rows()));
  sentence += " most populous of the ";
  sentence += count_of(gaps.rows(), "municipality", "municipalities");
  sentence += " no network reaches; \u201Cvia area\u201D counts the networks that reach them only through a "
              "region- or sub-region-wide actor.";
  page.how(sentence);
  page.table("largest_gaps", "Largest municipalities not covered", gaps,
             std::vector<ShownColumn>{{"code", "Code"},
                                      {"name", "Municipality"},
                                      {"region_name", "Region"},
                                      {"size_class", "Size class"},
                                      {"population", "Population"},
                                      {"via_area", "Networks via area"}},
             c.options.top);
  page.html.close();
}

void write_centrality(Page& page, const Context& c) {
  page.open_section("centrality", "Central municipalities");
  const CollaborationGraph projected =
      project_dataset(c.dataset, c.geography, ActorLevel::municipality, c.options.filter, ProjectionOptions{});
  const WeightedGraph& graph = projected.graph;
  MeasureSettings counts;
  counts.normalized = false;
  const MeasureTable degree = compute_measures(graph, std::vector<std::string>{"degree", "strength"}, counts);
  MeasureSettings paths;
  paths.lengths.weighted = true;
  paths.lengths.conversion = DistanceConversion::inverse;
  const MeasureTable betweenness = compute_measures(graph, std::vector<std::string>{"betweenness"}, paths);

  const auto& ids = std::get<Table::Strings>(degree.table.column("id").values);
  const auto& deg = std::get<Table::Integers>(degree.table.column("degree").values);
  const auto& str = std::get<Table::Reals>(degree.table.column("strength").values);
  const auto& btw = std::get<Table::Reals>(betweenness.table.column("betweenness").values);
  std::vector<std::size_t> order;
  for (std::size_t v = 0; v < ids.size(); ++v)
    if (deg[v] > 0) order.push_back(v);
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    if (deg[a] != deg[b]) return deg[a] > deg[b];
    if (str[a] != str[b]) return str[a] > str[b];
    if (btw[a] != btw[b]) return btw[a] > btw[b];
    return ids[a] < ids[b];
  });
  order.resize(std::min(order.size(), c.options.top));

  Table::Integers rank, degree_out;
  Table::Strings code, name, region;
  Table::Reals strength_out, betweenness_out;
  for (const std::size_t v : order) {
    rank.push_back(static_cast<std::int64_t>(rank.size() + 1));
    code.push_back(ids[v]);
    if (const Municipality* m = c.geography.find_municipality(ids[v])) {
      name.push_back(m->name_fi);
      const Region* r = c.geography.find_region(m->region_code);
      region.push_back(r ? r->name_fi : m->region_code);
    } else if (const std::size_t a = c.dataset.actor_index(ids[v]); a != Dataset::npos) {
      const Actor& actor = c.dataset.actors()[a];
      name.push_back(actor.name);
      region.push_back("abroad (" + actor.country + ")");
    } else {
      name.push_back(ids[v]);
      region.emplace_back();
    }
    degree_out.push_back(deg[v]);
    strength_out.push_back(str[v]);
    betweenness_out.push_back(btw[v]);
  }
  Table top;
  top.add_column("rank", std::move(rank));
  top.add_column("code", std::move(code));
  top.add_column("name", std::move(name));
  top.add_column("region", std::move(region));
  top.add_column("degree", std::move(degree_out));
  top.add_column("strength", std::move(strength_out));
  top.add_column("betweenness", std::move(betweenness_out));

  std::string sentence =
      "In the municipality projection (two municipalities are linked when they take part in the same network; "
      "weight = shared networks; organisations count for their seat, foreign actors stay themselves, ";
  sentence += count_of(projected.left_out.size(), "actor without a municipality is", "actors without a municipality are");
  sentence += " left out): degree = partner municipalities, strength = shared networks summed over partners, "
              "betweenness = share of the shortest paths between other pairs that pass through it, with distance = "
              "1/weight (normalised as networkx); ranked by degree, then strength.";
  page.how(sentence);
  page.table("centrality_top", "Most connected municipalities", top,
             std::vector<ShownColumn>{{"rank", "Rank"},
                                      {"code", "Code"},
                                      {"name", "Municipality"},
                                      {"region", "Region"},
                                      {"degree", "Degree"},
                                      {"strength", "Strength", Show::decimals0},
                                      {"betweenness", "Betweenness", Show::decimals3}});
  page.html.close();
}

void write_eligibility(Page& page, Context& c) {
  page.open_section("eligibility", "Eligibility of the proposals");
  const std::optional<fs::path> rules_file =
      c.options.rules ? c.options.rules : find_call_rules("call_rules_2021", c.dataset.directory());
  if (!rules_file) {
    const std::string note = "no call rules: call_rules_2021 was not found next to the data set or in the installed "
                             "data, so eligibility is not assessed";
    page.how("No call rules: the rules of the call (call_rules_2021/rules.json) were not found next to the data set "
             "or in the installed data, so eligibility is not assessed.");
    c.notes.push_back(note);
    page.html.close();
    return;
  }
  const CallRules rules = load_call_rules(*rules_file);
  const auto results = assess_eligibility(c.dataset, c.geography, rules);
  if (results.empty()) {
    page.how("The data set has no proposals (networks with a call track), so the call's rules do not apply.");
    c.notes.push_back("no proposals: no network has a call track");
    page.html.close();
    return;
  }
  const std::size_t passing =
      static_cast<std::size_t>(std::count_if(results.begin(), results.end(), [](const auto& p) { return p.passes; }));
  std::string sentence = "Under the rules of \u201C";
  sentence += rules.title.empty() ? rules_file->filename().string() : rules.title;
  sentence += "\u201D, ";
  sentence += std::to_string(passing);
  sentence += " of ";
  sentence += count_of(results.size(), "proposal passes", "proposals pass");
  sentence += ": the verdict counts the municipalities the proposal names as members and the regions they lie in, "
              "as the call's rule does (all memberships, whatever the filter above); the last column tells whether "
              "counting the seats of member organisations or planned members would change a failing verdict.";
  page.how(sentence);
  page.table("eligibility", "Eligibility by proposal", eligibility_table(c.dataset, c.geography, results),
             std::vector<ShownColumn>{{"network_id", "ID"},
                                      {"name", "Proposal"},
                                      {"track", "Track", Show::words},
                                      {"lead_name", "Lead"},
                                      {"municipalities_named", municipalities_heading},
                                      {"regions_named", "Regions"},
                                      {"verdict", "Verdict", Show::verdict},
                                      {"reason", "Reason", Show::plain, "wide"},
                                      {"would_pass_if", "Other counts"}});
  page.html.close();
}

// Networks × networks, cells coloured by shared actors; only the networks that share an actor with
// another, ordered so that heavily overlapping networks sit together.
std::string overlap_heatmap(const Dataset& dataset, const Table& pairs, std::size_t& shown) {
  const auto& a_ids = std::get<Table::Strings>(pairs.column("network_a").values);
  const auto& b_ids = std::get<Table::Strings>(pairs.column("network_b").values);
  const auto& shared = std::get<Table::Integers>(pairs.column("shared").values);
  const auto& jaccard = std::get<Table::Reals>(pairs.column("jaccard").values);
  std::map<std::size_t, std::map<std::size_t, std::size_t>> row_of;  // network → partner → pair row
  std::map<std::size_t, std::int64_t> total;
  for (std::size_t r = 0; r < pairs.rows(); ++r) {
    const std::size_t a = dataset.network_index(a_ids[r]), b = dataset.network_index(b_ids[r]);
    row_of[a][b] = r;
    row_of[b][a] = r;
    total[a] += shared[r];
    total[b] += shared[r];
  }
  const auto shared_of = [&](std::size_t a, std::size_t b) -> std::int64_t {
    const auto it = row_of[a].find(b);
    return it == row_of[a].end() ? 0 : shared[it->second];
  };
  // Greedy seriation: the network with the most shared actors first, then each time the one sharing
  // most with the last placed (ties: larger total, then data-set order).
  std::vector<std::size_t> order, left;
  for (const auto& [n, t] : total) left.push_back(n);
  while (!left.empty()) {
    auto best = left.begin();
    for (auto it = left.begin(); it != left.end(); ++it) {
      const std::int64_t s_it = order.empty() ? 0 : shared_of(order.back(), *it);
      const std::int64_t s_best = order.empty() ? 0 : shared_of(order.back(), *best);
      if (s_it > s_best || (s_it == s_best && total[*it] > total[*best])) best = it;
    }
    order.push_back(*best);
    left.erase(best);
  }
  shown = order.size();

  std::vector<double> values(shared.begin(), shared.end());
  const std::int64_t max_shared = shared.empty() ? 1 : *std::max_element(shared.begin(), shared.end());
  // Up to 7 shared actors one class per count (1, 2, …), beyond that 6 quantile classes.
  std::vector<double> breaks;
  for (std::int64_t v = 2; v <= max_shared && max_shared <= 7; ++v) breaks.push_back(static_cast<double>(v));
  const render::Classification classes =
      max_shared > 7   ? render::classify(values, render::Classing::quantile, 6)
      : breaks.empty() ? render::classify(values, render::Classing::equal_interval, 1)
                       : render::classify(values, render::Classing::user_breaks, 0, breaks);
  const std::size_t k = classes.classes();
  const std::vector<render::Rgb> all = render::palette("YlOrRd", std::max<std::size_t>(k, 3));
  const std::vector<render::Rgb> colours(all.end() - static_cast<std::ptrdiff_t>(k), all.end());

  const double cell = 16, left_margin = 290, top_margin = 70, legend_width = 150;
  const double n = static_cast<double>(order.size());
  const double width = left_margin + n * cell + 30 + legend_width;
  const double height = std::max(top_margin + n * cell + 20, top_margin + 40 + 20.0 * static_cast<double>(k));
  constexpr const char* font = "DejaVu Sans, Verdana, sans-serif";
  render::SvgWriter svg(width, height);
  svg.element("rect", {{"width", render::svg_number(width)}, {"height", render::svg_number(height)}, {"fill", "#ffffff"}});
  svg.text("text", {{"x", "10"}, {"y", "24"}, {"font-family", font}, {"font-size", "16"}, {"font-weight", "bold"}},
           "Actors shared by two networks");
  svg.open("g", {{"id", "labels"}, {"font-family", font}, {"font-size", "12"}, {"fill", "#222222"}});
  for (std::size_t i = 0; i < order.size(); ++i) {
    const Network& network = dataset.networks()[order[i]];
    std::string label = network.id + " " + network.name;
    if (label.size() > 38) {
      std::size_t cut = 36;
      while (cut > 0 && (static_cast<unsigned char>(label[cut]) & 0xC0) == 0x80) --cut;  // not inside a UTF-8 character
      label = label.substr(0, cut) + "\u2026";
    }
    const double y = top_margin + (static_cast<double>(i) + 0.72) * cell;
    svg.open("text", {{"x", render::svg_number(left_margin - 6)}, {"y", render::svg_number(y)}, {"text-anchor", "end"}});
    svg.text("title", {}, network.id + ": " + network.name);
    svg.text("tspan", {}, label);
    svg.close();
    const double x = left_margin + (static_cast<double>(i) + 0.7) * cell;
    svg.text("text", {{"transform", "translate(" + render::svg_number(x) + " " + render::svg_number(top_margin - 4) +
                                        ") rotate(-60)"}},
             network.id);
  }
  svg.close();
  svg.open("g", {{"id", "cells"}, {"stroke", "#ffffff"}, {"stroke-width", "1"}});
  for (std::size_t i = 0; i < order.size(); ++i) {
    for (std::size_t j = 0; j < order.size(); ++j) {
      const render::SvgAttributes attributes{{"x", render::svg_number(left_margin + static_cast<double>(j) * cell)},
                                       {"y", render::svg_number(top_margin + static_cast<double>(i) * cell)},
                                       {"width", render::svg_number(cell)},
                                       {"height", render::svg_number(cell)}};
      const Network& a = dataset.networks()[order[i]];
      const Network& b = dataset.networks()[order[j]];
      if (i == j) {
        auto diagonal = attributes;
        diagonal.emplace_back("fill", "#bdbdbd");
        svg.open("rect", diagonal);
        svg.text("title", {}, a.id + ": " + a.name);
        svg.close();
        continue;
      }
      const auto it = row_of[order[i]].find(order[j]);
      if (it == row_of[order[i]].end()) {
        auto empty = attributes;
        empty.emplace_back("fill", "#f4f4f4");
        svg.element("rect", empty);
        continue;
      }
      const std::size_t r = it->second;
      const int cls = classes.class_of[r];
      auto filled = attributes;
      filled.emplace_back("fill", colours[static_cast<std::size_t>(std::max(cls, 0))].hex());
      filled.emplace_back("data-shared", std::to_string(shared[r]));
      svg.open("rect", filled);
      std::string tip = a.id + " " + a.name + " \u00D7 " + b.id + " " + b.name + ": ";
      tip += std::to_string(shared[r]);
      tip += shared[r] == 1 ? " shared actor" : " shared actors";
      tip += " (Jaccard ";
      tip += render::format_number(jaccard[r]);
      tip += ")";
      svg.text("title", {}, tip);
      svg.close();
    }
  }
  svg.close();
  const double lx = left_margin + n * cell + 30;
  svg.open("g", {{"id", "legend"}, {"font-family", font}, {"font-size", "12"}, {"fill", "#222222"}});
  svg.text("text", {{"x", render::svg_number(lx)}, {"y", render::svg_number(top_margin + 10)}, {"font-weight", "bold"}},
           "Shared actors");
  for (std::size_t cls = 0; cls < k; ++cls) {
    const double y = top_margin + 22 + 20.0 * static_cast<double>(cls);
    svg.element("rect", {{"x", render::svg_number(lx)}, {"y", render::svg_number(y)}, {"width", "16"}, {"height", "14"},
                         {"fill", colours[cls].hex()}});
    svg.text("text", {{"x", render::svg_number(lx + 22)}, {"y", render::svg_number(y + 11)}}, classes.label(cls));
  }
  const double y = top_margin + 22 + 20.0 * static_cast<double>(k);
  svg.element("rect", {{"x", render::svg_number(lx)}, {"y", render::svg_number(y)}, {"width", "16"}, {"height", "14"},
                       {"fill", "#f4f4f4"}, {"stroke", "#cccccc"}});
  svg.text("text", {{"x", render::svg_number(lx + 22)}, {"y", render::svg_number(y + 11)}}, "none");
  svg.close();
  return svg.finish();
}

void write_overlap(Page& page, const Context& c) {
  page.open_section("overlap", "Overlap between networks");
  OverlapOptions options;
  options.level = ActorLevel::actor;
  options.filter = c.options.filter;
  options.measure = OverlapMeasure::shared;
  const Table pairs = network_overlap(c.dataset, c.geography, options);
  if (pairs.rows() == 0) {
    page.how("No two networks share an actor: the networks do not overlap.");
    page.html.close();
    return;
  }
  std::size_t shown = 0;
  const std::string heatmap = overlap_heatmap(c.dataset, pairs, shown);
  std::string sentence = "Two networks overlap when the same actor takes part in both (network_overlap at the actor "
                         "level); the heatmap shows the ";
  sentence += count_of(shown, "network", "networks");
  sentence += " that share an actor with another, ordered so that networks sharing many actors sit next to each "
              "other, and the table lists the pairs sharing the most (Jaccard = shared \u00F7 actors in either).";
  page.how(sentence);
  page.figure("overlap_heatmap", heatmap, "Heatmap of the actors shared by each pair of networks",
              "Actors shared by each pair of networks (hover over a cell for the pair).");
  page.table("overlap_top_pairs", "Pairs of networks sharing the most actors", pairs,
             std::vector<ShownColumn>{{"network_a", "ID"},
                                      {"name_a", "Network", Show::plain, "wide"},
                                      {"network_b", "ID"},
                                      {"name_b", "Network", Show::plain, "wide"},
                                      {"shared", "Shared actors"},
                                      {"jaccard", "Jaccard", Show::decimals3}},
             c.options.top);
  page.html.close();
}

void write_networks(Page& page, const Context& c) {
  page.open_section("networks", "Networks and their sources");
  const Table footprint = network_footprint(c.dataset, c.geography, c.options.filter, c.coverage);
  Table::Strings id, name, track, lead, document, lines;
  Table::Integers actors, municipalities, regions;
  for (std::size_t r = 0; r < footprint.rows(); ++r) {
    if (integer_at(footprint, "actors", r) == 0) continue;
    const Network& network = c.dataset.networks()[c.dataset.network_index(text_at(footprint, "network_id", r))];
    id.push_back(network.id);
    name.push_back(network.name);
    track.emplace_back(to_string(network.track));
    const std::string& lead_id = text_at(footprint, "lead_actor", r);
    const std::size_t a = lead_id.empty() ? Dataset::npos : c.dataset.actor_index(lead_id);
    lead.push_back(a == Dataset::npos ? std::string() : c.dataset.actors()[a].name);
    actors.push_back(integer_at(footprint, "actors", r));
    municipalities.push_back(integer_at(footprint, "municipalities", r));
    regions.push_back(integer_at(footprint, "n_regions", r));
    document.push_back(network.source ? network.source->file : std::string());
    lines.push_back(network.source ? lines_of(*network.source) : std::string());
  }
  Table list;
  list.add_column("network_id", std::move(id));
  list.add_column("name", std::move(name));
  list.add_column("track", std::move(track));
  list.add_column("lead", std::move(lead));
  list.add_column("actors", std::move(actors));
  list.add_column("municipalities", std::move(municipalities));
  list.add_column("regions", std::move(regions));
  list.add_column("source_document", std::move(document));
  list.add_column("source_lines", std::move(lines));
  page.how("Every network with a counted membership, in the data set's order: its lead, the actors taking part, the "
           "municipalities and regions they cover (network_footprint), and the document and lines the network is "
           "recorded from.");
  page.table("networks", "Networks", list,
             std::vector<ShownColumn>{{"network_id", "ID"},
                                      {"name", "Network"},
                                      {"track", "Track", Show::words},
                                      {"lead", "Lead"},
                                      {"actors", "Actors"},
                                      {"municipalities", municipalities_heading},
                                      {"regions", "Regions"},
                                      {"source_document", "Source document"},
                                      {"source_lines", "Lines", Show::plain, "nowrap"}});
  page.html.close();
}

void write_about(Page& page, const Context& c) {
  page.open_section("about", "About the data");
  page.how("The documents the data set was recorded from and the sources of the geography; addresses are given as "
           "text (the CSV has them in full): the report links to nothing outside its folder.");
  Table::Strings of, file, title, publisher, year, url;
  for (const DatasetSource& s : c.dataset.metadata().sources) {
    of.emplace_back("data set");
    file.push_back(s.file);
    title.push_back(s.title);
    publisher.push_back(s.publisher);
    year.push_back(s.year ? std::to_string(s.year) : std::string());
    url.push_back(s.url);
  }
  for (const GeographySource& s : c.geography.sources()) {
    of.emplace_back("geography");
    file.push_back(s.file);
    title.push_back(s.title);
    publisher.push_back(s.publisher + (s.licence.empty() ? "" : "; licence: " + s.licence));
    year.emplace_back();
    url.push_back(s.url);
  }
  Table sources;
  sources.add_column("of", std::move(of));
  sources.add_column("file", std::move(file));
  sources.add_column("title", std::move(title));
  sources.add_column("publisher", std::move(publisher));
  sources.add_column("year", std::move(year));
  sources.add_column("url", std::move(url));
  page.table("sources", "Sources", sources,
             std::vector<ShownColumn>{{"of", "Of"},
                                      {"file", "File", Show::plain, "break"},
                                      {"title", "Title", Show::plain, "wide"},
                                      {"publisher", "Publisher", Show::plain, "wide break"},
                                      {"year", "Year"},
                                      {"url", "Address", Show::address, "break"}});
  if (!c.geography.attribution().empty()) page.html.text("p", {{"class", "attribution"}}, c.geography.attribution());
  const auto& notes = c.dataset.metadata().notes;
  if (!notes.empty()) {
    page.html.text("h3", {}, "Notes on the data set");
    page.html.open("ul", {{"class", "notes"}});
    for (const std::string& note : notes) page.html.text("li", {}, note);
    page.html.close();
  }
  page.html.close();
}

constexpr std::string_view stylesheet = R"css(
:root { --ink: #1d1d1f; --muted: #555; --line: #d0d0d0; --accent: #1d5f8a; --pass: #1b7a3a; --fail: #b3261e; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 1180px; padding: 24px 32px 64px; color: var(--ink); background: #fff;
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Liberation Sans", "DejaVu Sans", Arial, sans-serif;
  font-size: 16px; line-height: 1.5; }
h1 { font-size: 2rem; line-height: 1.2; margin: 0.2em 0 0.4em; }
h2 { font-size: 1.45rem; margin: 2.2em 0 0.3em; padding-top: 0.6em; border-top: 2px solid var(--accent); }
h3 { font-size: 1.1rem; margin: 1.6em 0 0.4em; }
.kicker { text-transform: uppercase; letter-spacing: 0.08em; color: var(--accent); font-weight: 600; margin: 0; }
.lead { font-size: 1.08rem; max-width: 62em; }
.facts { display: grid; grid-template-columns: max-content 1fr; gap: 2px 16px; margin: 1em 0; font-size: 0.92rem; }
.facts dt { font-weight: 600; color: var(--muted); }
.facts dd { margin: 0; }
nav ul { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: 6px 18px; font-size: 0.95rem; }
a { color: var(--accent); }
.how { color: var(--muted); max-width: 62em; }
.cards { list-style: none; padding: 0; display: grid; grid-template-columns: repeat(auto-fit, minmax(200px, 1fr)); gap: 14px; }
.card { border: 1px solid var(--line); border-left: 5px solid var(--accent); border-radius: 6px; padding: 12px 16px; }
.card-label { display: block; font-size: 0.9rem; color: var(--muted); font-weight: 600; }
.card-value { display: block; font-size: 2rem; font-weight: 700; font-variant-numeric: tabular-nums; }
.card-detail { display: block; font-size: 0.88rem; color: var(--muted); }
figure { margin: 1em 0; }
.figure-body svg { display: block; max-width: 100%; height: auto; }
#figure-coverage .figure-body svg, #figure-collaboration .figure-body svg { max-width: 760px; }
figcaption, .files { font-size: 0.9rem; color: var(--muted); }
.table-wrap { overflow-x: auto; margin: 1em 0 1.5em; }
table { border-collapse: collapse; font-size: 0.9rem; width: 100%; }
caption { text-align: left; font-weight: 600; padding: 4px 0 8px; }
caption .csv { font-weight: 400; font-size: 0.85rem; margin-left: 0.5em; }
th, td { border-bottom: 1px solid var(--line); padding: 5px 8px; vertical-align: top; }
th { background: #f2f4f6; text-align: left; }
th.num, td.num { text-align: right; font-variant-numeric: tabular-nums; }
td.num { white-space: nowrap; }
.wide { min-width: 12em; }
td.nowrap { white-space: nowrap; }
td.break, th.break { overflow-wrap: anywhere; min-width: 10em; }
tbody tr:nth-child(even) { background: #fafafa; }
td.verdict-pass { color: var(--pass); font-weight: 600; }
td.verdict-fail { color: var(--fail); font-weight: 600; }
.notes { font-size: 0.9rem; color: var(--muted); }
.attribution { font-size: 0.85rem; color: var(--muted); }
@page { size: A4; margin: 14mm; }
@media print {
  body { max-width: none; padding: 0; font-size: 10pt; }
  nav, caption .csv, figcaption a, .files { display: none; }
  h2 { break-after: avoid; }
  .card, figure, tr { break-inside: avoid; }
  .table-wrap { overflow: visible; }
  a { color: inherit; text-decoration: none; }
  tbody tr:nth-child(even) { background: none; }
}
)css";

}  // namespace

Report write_report(const Dataset& dataset, const Geography& geography, const fs::path& out_dir,
                    const ReportOptions& options) {
  if (options.top == 0) throw std::invalid_argument("write_report: top must be at least 1");
  if (!(options.map_width > 0) || !std::isfinite(options.map_width))
    throw std::invalid_argument("write_report: map_width must be a positive number");
  if (options.png_width <= 0) throw std::invalid_argument("write_report: png_width must be positive");
  Context c{dataset, geography, options, {}, select_memberships(dataset, options.filter), {}};
  c.coverage.year = options.year;
  coverage_year(geography, c.coverage);  // std::invalid_argument for a year outside the series

  fs::path target = fs::absolute(out_dir).lexically_normal();
  if (!target.has_filename()) target = target.parent_path();
  const Existing existing = check_target(target);
  StagingDirectory staging(target);
  Page page(staging.path(), options.png_width);

  const Table country = coverage_table(dataset, geography, CoverageLevel::country, options.filter, c.coverage);
  Report report;
  report.figures = key_figures(c, country);

  const DatasetMetadata& meta = dataset.metadata();
  HtmlWriter& html = page.html;
  html.open("html", {{"lang", "en"}});
  html.open("head");
  html.element("meta", {{"charset", "utf-8"}});
  html.element("meta", {{"name", "viewport"}, {"content", "width=device-width, initial-scale=1"}});
  // Nothing but the inline styles may load: no script, no font, no image from anywhere.
  html.element("meta", {{"http-equiv", "Content-Security-Policy"},
                        {"content", "default-src 'none'; style-src 'unsafe-inline'"}});
  std::string generated_by(generator);
  generated_by += " ";
  generated_by += version;
  html.element("meta", {{"name", "generator"}, {"content", generated_by}});
  html.text("title", {}, (meta.title.empty() ? meta.name : meta.title) + " \u2013 collaboration network report");
  html.open("style");
  html.markup(stylesheet);
  html.close();
  html.close();
  html.open("body");
  write_header(page, c);
  html.open("main");
  write_key_figures(page, report.figures);
  write_maps(page, c);
  write_gaps(page, c);
  write_centrality(page, c);
  write_eligibility(page, c);
  write_overlap(page, c);
  write_networks(page, c);
  write_about(page, c);
  if (!geography.boundaries_path()) c.notes.emplace_back("no boundaries: the geography has no boundaries.topo.json, so no maps are drawn");
  page.write_file("index.html", html.finish());

  report.files = page.files();
  report.notes = std::move(c.notes);
  staging.move_to(target, existing);
  report.index = target / "index.html";
  return report;
}

}  // namespace alueverkko
