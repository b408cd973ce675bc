// The HTML report (report/report.hpp): the files it writes, its figures against coverage_table and
// the data set computed here independently, the page free of scripts and external addresses, names
// that look like markup shown as text, and no partial output when it fails.
#include <alueverkko/core/diagnostics.hpp>
#include <alueverkko/data/call_rules.hpp>
#include <alueverkko/data/dataset.hpp>
#include <alueverkko/geo/geography.hpp>
#include <alueverkko/metrics/coverage.hpp>
#include <alueverkko/report/report.hpp>

#include <catch2/catch.hpp>

#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>

#include "../valid_mini.hpp"

using namespace alueverkko;
namespace fs = std::filesystem;

namespace {

const fs::path source_dir = ALUEVERKKO_SOURCE_DIR;

std::string read(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

void write(const fs::path& file, const std::string& text) {
  std::ofstream out(file, std::ios::binary);
  out << text;
}

std::size_t count(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + what.size())) ++n;
  return n;
}

// A fresh scratch directory, removed at the end of the test case.
struct Scratch {
  fs::path dir;
  explicit Scratch(const std::string& name) {
    std::string leaf = "alueverkko_test_report_";
    leaf += name;
    leaf += '_';
    leaf += std::to_string(getpid());
    dir = fs::temp_directory_path() / leaf;
    fs::remove_all(dir);
    fs::create_directories(dir);
  }
  ~Scratch() {
    std::error_code ec;
    fs::remove_all(dir, ec);
  }
  // Entries of dir (names), to see that nothing was left behind.
  [[nodiscard]] std::set<std::string> entries() const {
    std::set<std::string> names;
    for (const auto& e : fs::directory_iterator(dir)) names.insert(e.path().filename().string());
    return names;
  }
};

struct IdeaCall {
  Geography geography = load_geography(source_dir / "data/geography/fi-2021");
  Dataset dataset = load_dataset(source_dir / "data/collaborations/idea_call_2021", geography);
};
const IdeaCall& idea_call() {
  static const IdeaCall data;
  return data;
}

bool is_png(const fs::path& file) { return read(file).rfind("\x89PNG\r\n\x1a\n", 0) == 0; }

}  // namespace

TEST_CASE("the report of idea_call_2021 writes the page, the tables and the maps", "[report]") {
  const auto& [geography, dataset] = idea_call();
  Scratch scratch("idea");
  const fs::path out = scratch.dir / "report";
  const Report report = write_report(dataset, geography, out);

  CHECK(report.index == out / "index.html");
  CHECK(scratch.entries() == std::set<std::string>{"report"});  // the staging directory is gone
  for (const char* file : {"index.html", "tables/key_figures.csv", "tables/gaps_by_region.csv",
                           "tables/gaps_by_size_class.csv", "tables/largest_gaps.csv", "tables/centrality_top.csv",
                           "tables/eligibility.csv", "tables/overlap_top_pairs.csv", "tables/networks.csv",
                           "tables/sources.csv", "maps/coverage.svg", "maps/coverage.png", "maps/collaboration.svg",
                           "maps/collaboration.png", "maps/overlap_heatmap.svg", "maps/overlap_heatmap.png"}) {
    INFO(file);
    CHECK(fs::is_regular_file(out / file));
    CHECK(std::count(report.files.begin(), report.files.end(), fs::path(file)) == 1);
  }
  CHECK(report.files.size() == 16);
  for (const char* png : {"maps/coverage.png", "maps/collaboration.png", "maps/overlap_heatmap.png"}) CHECK(is_png(out / png));
  CHECK(report.notes.empty());

  // The figures: coverage_table's country row, and the data set counted here.
  const Table country = coverage_table(dataset, geography, CoverageLevel::country);
  const ReportFigures& f = report.figures;
  CHECK(f.municipalities == 309);
  CHECK(f.population == 5548241);
  CHECK(f.population_year == 2021);
  CHECK(static_cast<std::int64_t>(f.municipalities_covered) == std::get<Table::Integers>(country.column("covered").values)[0]);
  CHECK(f.population_covered == std::get<Table::Integers>(country.column("population_covered").values)[0]);
  CHECK(f.population_share == std::get<Table::Reals>(country.column("population_share").values)[0]);
  CHECK(static_cast<std::int64_t>(f.regions_reached) == std::get<Table::Integers>(country.column("regions_touched").values)[0]);
  CHECK(f.regions == 19);
  std::set<std::size_t> networks, actors;
  for (const Membership& m : dataset.memberships()) {
    networks.insert(m.network);
    actors.insert(m.actor);
  }
  CHECK(f.networks == networks.size());
  CHECK(f.actors == actors.size());
  CHECK(f.networks == 60);

  const std::string html = read(out / "index.html");
  CHECK(count(html, "http") == count(html, "http-equiv"));  // no address: the only "http" is the CSP's meta tag
  CHECK(html.find("<script") == std::string::npos);
  CHECK(html.find("file:") == std::string::npos);
  CHECK(html.find("<?xml") == std::string::npos);
  // Three figures inline, each with its accessible name; ids prefixed per figure.
  CHECK(count(html, "<svg ") == 3);
  CHECK(count(html, "role=\"img\"") == 3);
  CHECK(html.find("id=\"coverage-title\"") != std::string::npos);
  CHECK(html.find("id=\"collaboration-title\"") != std::string::npos);
  CHECK(html.find("url(#coverage-no-data)") != std::string::npos);
  // One HTML table per CSV (the key figures are cards), each linking its CSV.
  CHECK(count(html, "<table ") == 8);
  CHECK(count(html, "<li class=\"card\"") == 5);
  // Thousands with a narrow no-break space: the population of Finland.
  CHECK(html.find("5\u202F548\u202F241") != std::string::npos);

  // Every proposal is in the eligibility table: one CSV row each (header + 60 lines without
  // embedded line breaks in idea_call_2021's names).
  const std::string eligibility = read(out / "tables/eligibility.csv");
  CHECK(count(eligibility, "\n") == 61);
  CHECK(eligibility.rfind("network_id,name,track,lead_name,municipalities_named,regions_named,verdict,reason,would_pass_if\n", 0) == 0);
  // The network list names its source document and lines.
  const std::string list = read(out / "tables/networks.csv");
  CHECK(list.find("p01,Ydinkeskustan kestävä tulevaisuus,development_zone,") != std::string::npos);
  CHECK(list.find("000_f89e401ac00ddec4.txt,5\u201331\n") != std::string::npos);
  CHECK(html.find("5\u201331") != std::string::npos);
}

TEST_CASE("names that look like markup stay text in the report", "[report]") {
  Scratch scratch("hostile");
  // valid-mini, renamed with markup, quotes, an ampersand and a line break, on the fi-2021 geography
  // (its codes exist there) so that the maps are drawn too.
  const fs::path data = scratch.dir / "hostile";
  fs::copy(testing::valid_mini_dir / "collaborations/mini", data);
  const std::string hostile = "<script>alert(1)</script> \"Oy\" & 'Ab'\nrivi 2";
  const std::string quoted = "\"<script>alert(1)</script> \"\"Oy\"\" & 'Ab'\nrivi 2\"";
  std::string actors = read(data / "actors.csv");
  actors.replace(actors.find("Helsinki,municipality"), 8, quoted);
  write(data / "actors.csv", actors);
  std::string networks = read(data / "networks.csv");
  networks.replace(networks.find("Kasvuvyöhyke"), std::string("Kasvuvyöhyke").size(), quoted);
  write(data / "networks.csv", networks);
  std::string meta = read(data / "dataset.json");
  meta.replace(meta.find("\"mini-2021\""), 11, "\"fi-2021\"");
  meta.replace(meta.find("Mini test data set"), 18, "<script>alert(1)</script> & \\\"title\\\"");
  write(data / "dataset.json", meta);

  const Geography geography = load_geography(source_dir / "data/geography/fi-2021");
  const Dataset dataset = load_dataset(data, geography);
  REQUIRE(dataset.actors()[0].name == hostile);
  const Report report = write_report(dataset, geography, scratch.dir / "out");

  const std::string html = read(report.index);
  CHECK(html.find("<script") == std::string::npos);
  CHECK(count(html, "http") == count(html, "http-equiv"));  // the source's url is shown as an address, not a link
  CHECK(html.find("example.org/b") != std::string::npos);
  const std::string escaped = "&lt;script&gt;alert(1)&lt;/script&gt; &quot;Oy&quot; &amp; &apos;Ab&apos;&#10;rivi 2";
  CHECK(html.find(escaped) != std::string::npos);
  CHECK(html.find("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;title&quot;") != std::string::npos);
  for (const char* svg : {"maps/coverage.svg", "maps/collaboration.svg", "maps/overlap_heatmap.svg"})
    CHECK(read(scratch.dir / "out" / svg).find("<script") == std::string::npos);
  // The CSV keeps the name itself, quoted as RFC 4180 wants.
  CHECK(read(scratch.dir / "out/tables/networks.csv").find(quoted) != std::string::npos);
}

TEST_CASE("a report without boundaries or call rules says so", "[report]") {
  const auto& mini = testing::valid_mini();
  Scratch scratch("mini");
  ReportOptions options;
  options.top = 2;
  const Report report = write_report(mini.dataset, mini.geography, scratch.dir / "out", options);
  const std::string html = read(report.index);
  CHECK(std::find(report.files.begin(), report.files.end(), fs::path("maps/coverage.svg")) == report.files.end());
  CHECK(html.find("no map is drawn") != std::string::npos);
  CHECK(std::any_of(report.notes.begin(), report.notes.end(),
                    [](const std::string& n) { return n.rfind("no boundaries", 0) == 0; }));
  if (!find_call_rules("call_rules_2021", mini.dataset.directory())) {
    CHECK(html.find("No call rules") != std::string::npos);
    CHECK(!fs::exists(scratch.dir / "out/tables/eligibility.csv"));
  }
  // --top 2: the top lists have two rows (header + 2).
  CHECK(count(read(scratch.dir / "out/tables/centrality_top.csv"), "\n") == 3);
  // valid-mini by hand: 6 municipalities, covered 091 049 638 (n-kasvu) and 322 445 (n-meri);
  // Askola only through Uusimaa's area actors.
  CHECK(report.figures.municipalities == 6);
  CHECK(report.figures.municipalities_covered == 5);
  CHECK(report.figures.population_covered == 1028514 - 4891);
  CHECK(report.figures.networks == 3);
  CHECK(report.figures.actors == 11);  // Askola (kunta-018) has no membership

  // The bundled rules given explicitly: the proposals are assessed.
  options.rules = source_dir / "data/collaborations/call_rules_2021/rules.json";
  write_report(mini.dataset, mini.geography, scratch.dir / "out", options);  // replaces the earlier report
  const std::string eligibility = read(scratch.dir / "out/tables/eligibility.csv");
  CHECK(count(eligibility, "\n") == 3);  // n-kasvu and n-meri have a track
  CHECK(eligibility.find("\nn-kasvu,") != std::string::npos);
  CHECK(scratch.entries() == std::set<std::string>{"out"});
}

TEST_CASE("a failing report leaves nothing behind", "[report]") {
  const auto& mini = testing::valid_mini();
  Scratch scratch("fail");
  ReportOptions options;
  options.top = 0;
  CHECK_THROWS_AS(write_report(mini.dataset, mini.geography, scratch.dir / "out", options), std::invalid_argument);
  options.top = 5;
  options.year = 1900;
  CHECK_THROWS_AS(write_report(mini.dataset, mini.geography, scratch.dir / "out", options), std::invalid_argument);
  options.year.reset();
  options.rules = source_dir / "tests/data/rules/syntax-error.json";
  CHECK_THROWS_AS(write_report(mini.dataset, mini.geography, scratch.dir / "out", options), DataError);
  CHECK(scratch.entries().empty());

  // A directory that is not a report is never replaced.
  fs::create_directories(scratch.dir / "mine");
  write(scratch.dir / "mine/notes.txt", "keep me");
  options.rules.reset();
  CHECK_THROWS_AS(write_report(mini.dataset, mini.geography, scratch.dir / "mine", options), std::runtime_error);
  CHECK(read(scratch.dir / "mine/notes.txt") == "keep me");
  CHECK(scratch.entries() == std::set<std::string>{"mine"});
}
