#include <alueverkko/data/dataset.hpp>
#include <alueverkko/data/name_key.hpp>
#include <alueverkko/geo/geography.hpp>
#include <alueverkko/graph/projection.hpp>
#include <alueverkko/metrics/overlap.hpp>

#include <algorithm>
#include <iterator>
#include <cmath>
#include <cstdint>
#include <stdexcept>

namespace alueverkko {

std::string_view to_string(OverlapMeasure measure) noexcept {
  switch (measure) {
    case OverlapMeasure::shared: return "shared";
    case OverlapMeasure::jaccard: return "jaccard";
    case OverlapMeasure::overlap: return "overlap";
  }
  return "";
}

std::optional<OverlapMeasure> parse_overlap_measure(std::string_view text) noexcept {
  for (const auto m : {OverlapMeasure::shared, OverlapMeasure::jaccard, OverlapMeasure::overlap})
    if (to_string(m) == text) return m;
  return std::nullopt;
}

namespace {

// Finnish, Swedish and English function words of at least four letters, and generic words of the
// genre that say nothing about a network's subject (docs/overlap.md lists them). Name keys.
constexpr std::string_view stop_word_list[] = {
    // English
    "about", "above", "across", "after", "against", "along", "also", "among", "based", "been", "being",
    "between", "both", "during", "each", "either", "every", "from", "have", "into", "like", "more", "most",
    "much", "only", "other", "over", "same", "some", "such", "than", "that", "their", "them", "then", "there",
    "these", "they", "this", "those", "through", "towards", "under", "upon", "very", "were", "what", "when",
    "where", "which", "while", "whose", "will", "with", "within", "without", "regardless",
    // Finnish
    "eikä", "ennen", "että", "ilman", "joiden", "joissa", "joista", "joka", "jolla", "jonka", "jossa", "josta",
    "jotka", "kanssa", "kautta", "kohti", "koska", "kuin", "kuten", "lisäksi", "mukaan", "myös", "niiden", "niin",
    "nämä", "osalta", "osana", "sekä", "sitä", "tämä", "tässä", "vaan", "vain", "varten", "vielä", "välillä",
    // Swedish
    "eller", "från", "inom", "mellan", "samt", "till",
    // generic words of the genre: every network of a Finnish data set is regional, national,
    // about development and cooperation, and in Finland
    "national", "international", "regional", "region", "regions", "development", "network", "networks",
    "cooperation", "finland", "finnish", "alueellinen", "kansallinen", "kehittäminen", "verkosto", "yhteistyö",
    "suomi", "suomen",
    // parts of hyphenated compounds that say nothing alone (inter-regional, multi-locality,
    // cross-border, post-COVID, business-driven, top-level, industrial-scale, region-wide)
    "inter", "multi", "cross", "post", "driven", "oriented", "related", "level", "scale", "wide"};

// A code point counts as a letter unless it is ASCII non-alphanumeric, Latin-1 punctuation or
// symbols (U+0080–U+00BF, ×, ÷), general punctuation (U+2000–U+206F) or U+FFFD.
bool is_word_code_point(char32_t c) {
  if (c < 0x80) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  if (c <= 0xBF || c == 0xD7 || c == 0xF7) return false;
  if (c >= 0x2000 && c <= 0x206F) return false;
  return c != 0xFFFD;
}

// Decodes one code point of valid UTF-8 (name_key's output is valid) at `pos`, advancing it.
char32_t next_code_point(std::string_view s, std::size_t& pos) {
  const auto lead = static_cast<unsigned char>(s[pos]);
  const std::size_t length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
  char32_t c = length == 1 ? lead : lead & (0x7F >> length);
  for (std::size_t k = 1; k < length && pos + k < s.size(); ++k) c = (c << 6) | (static_cast<unsigned char>(s[pos + k]) & 0x3F);
  pos += length;
  return c;
}

bool is_stop_word(std::string_view word) {
  const auto words = theme_stop_words();
  return std::binary_search(words.begin(), words.end(), word);
}

double measure_of(OverlapMeasure measure, double shared, double size_a, double size_b) {
  switch (measure) {
    case OverlapMeasure::shared: return shared;
    case OverlapMeasure::jaccard: return shared / (size_a + size_b - shared);
    case OverlapMeasure::overlap: return shared / std::min(size_a, size_b);
  }
  return 0;
}

void check_threshold(double value, const char* name) {
  if (!std::isfinite(value) || value < 0)
    throw std::invalid_argument(std::string(name) + " must be a finite number >= 0, got " + std::to_string(value));
}

// A pair of networks (indices into Dataset::networks(), a < b) sharing members at the level.
struct Pair {
  std::uint32_t a = 0, b = 0;
  double shared = 0, size_a = 0, size_b = 0;
  std::vector<std::string> words;  // shared theme words (near-duplicates only)
};

// Every pair of networks sharing a member: select → aggregate → the networks × networks pair
// statistics of the projection (graph/projection.hpp).
std::vector<Pair> sharing_pairs(const Dataset& dataset, const Geography& geography, ActorLevel level,
                                const MembershipFilter& filter) {
  const auto selected = select_memberships(dataset, filter);
  const AggregatedGraph aggregated = aggregate(dataset, geography, level, selected);
  const PairTable stats = pair_statistics(aggregated.graph, ProjectionSide::columns);
  std::vector<Pair> pairs(stats.i.size());
  for (std::size_t p = 0; p < pairs.size(); ++p)
    pairs[p] = {stats.i[p], stats.j[p], stats.shared[p], stats.degree_i[p], stats.degree_j[p], {}};
  return pairs;
}

// Keeps the pairs reaching `min` on `measure`, sorted (measure, then shared words, then shared,
// then jaccard, then overlap, all descending, then data-set order), the first `top` of them.
void rank(std::vector<Pair>& pairs, OverlapMeasure measure, double min, std::size_t top) {
  std::erase_if(pairs, [&](const Pair& p) { return measure_of(measure, p.shared, p.size_a, p.size_b) < min; });
  std::sort(pairs.begin(), pairs.end(), [&](const Pair& x, const Pair& y) {
    const double mx = measure_of(measure, x.shared, x.size_a, x.size_b);
    const double my = measure_of(measure, y.shared, y.size_a, y.size_b);
    if (mx != my) return mx > my;
    if (x.words.size() != y.words.size()) return x.words.size() > y.words.size();
    if (x.shared != y.shared) return x.shared > y.shared;
    for (const auto other : {OverlapMeasure::jaccard, OverlapMeasure::overlap}) {
      const double ox = measure_of(other, x.shared, x.size_a, x.size_b), oy = measure_of(other, y.shared, y.size_a, y.size_b);
      if (ox != oy) return ox > oy;
    }
    return std::pair{x.a, x.b} < std::pair{y.a, y.b};
  });
  if (top > 0 && pairs.size() > top) pairs.resize(top);
}

Table pair_table(const Dataset& dataset, const std::vector<Pair>& pairs, bool with_words) {
  Table::Strings network_a, name_a, network_b, name_b, words;
  Table::Integers shared, size_a, size_b, n_words;
  Table::Reals jaccard, overlap;
  const auto networks = dataset.networks();
  for (const Pair& p : pairs) {
    network_a.push_back(networks[p.a].id);
    name_a.push_back(networks[p.a].name);
    network_b.push_back(networks[p.b].id);
    name_b.push_back(networks[p.b].name);
    std::string joined;
    for (const auto& w : p.words) joined += (joined.empty() ? "" : "|") + w;
    words.push_back(std::move(joined));
    n_words.push_back(static_cast<std::int64_t>(p.words.size()));
    shared.push_back(static_cast<std::int64_t>(p.shared));
    size_a.push_back(static_cast<std::int64_t>(p.size_a));
    size_b.push_back(static_cast<std::int64_t>(p.size_b));
    jaccard.push_back(measure_of(OverlapMeasure::jaccard, p.shared, p.size_a, p.size_b));
    overlap.push_back(measure_of(OverlapMeasure::overlap, p.shared, p.size_a, p.size_b));
  }
  Table table;
  table.add_column("network_a", std::move(network_a));
  table.add_column("name_a", std::move(name_a));
  table.add_column("network_b", std::move(network_b));
  table.add_column("name_b", std::move(name_b));
  if (with_words) {
    table.add_column("shared_words", std::move(words));
    table.add_column("n_shared_words", std::move(n_words));
  }
  table.add_column("shared", std::move(shared));
  table.add_column("size_a", std::move(size_a));
  table.add_column("size_b", std::move(size_b));
  table.add_column("jaccard", std::move(jaccard));
  table.add_column("overlap", std::move(overlap));
  return table;
}

// Name and kind of an aggregated row.
std::pair<std::string, std::string> describe_row(const Dataset& dataset, const Geography& geography, ActorLevel level,
                                                 const std::string& label, bool is_place) {
  if (!is_place) {  // an actor: every row at the actor level, foreign actors at the others
    const Actor& actor = dataset.actors()[dataset.actor_index(label)];
    return {actor.name, std::string(to_string(actor.kind))};
  }
  const std::string kind(to_string(level));
  switch (level) {
    case ActorLevel::municipality: return {geography.find_municipality(label)->name_fi, kind};
    case ActorLevel::subregion: return {geography.find_subregion(label)->name_fi, kind};
    case ActorLevel::region: return {geography.find_region(label)->name_fi, kind};
    default: return {"Suomi", kind};
  }
}

}  // namespace

std::span<const std::string_view> theme_stop_words() noexcept {
  static const auto sorted = [] {
    std::vector<std::string_view> words(std::begin(stop_word_list), std::end(stop_word_list));
    std::sort(words.begin(), words.end());
    return words;
  }();
  return sorted;
}

std::vector<std::string> theme_words(const Network& network) {
  std::vector<std::string> words;
  for (const auto& theme : network.themes) {
    const std::string key = name_key(theme);
    std::string word;
    std::size_t letters = 0, length = 0;
    const auto flush = [&] {
      if (length >= theme_word_min_length && letters > 0 && !is_stop_word(word)) words.push_back(word);
      word.clear();
      letters = length = 0;
    };
    for (std::size_t pos = 0; pos < key.size();) {
      const std::size_t start = pos;
      const char32_t c = next_code_point(key, pos);
      if (!is_word_code_point(c)) {
        flush();
        continue;
      }
      word.append(key, start, pos - start);
      ++length;
      if (!(c >= '0' && c <= '9')) ++letters;
    }
    flush();
  }
  std::sort(words.begin(), words.end());
  words.erase(std::unique(words.begin(), words.end()), words.end());
  return words;
}

Table network_overlap(const Dataset& dataset, const Geography& geography, const OverlapOptions& options) {
  check_threshold(options.min, "min");
  auto pairs = sharing_pairs(dataset, geography, options.level, options.filter);
  rank(pairs, options.measure, options.min, options.top);
  return pair_table(dataset, pairs, false);
}

Table near_duplicates(const Dataset& dataset, const Geography& geography, const NearDuplicateOptions& options) {
  check_threshold(options.threshold, "threshold");
  if (options.min_shared_words == 0) throw std::invalid_argument("min_shared_words must be at least 1");
  std::vector<std::vector<std::string>> words;
  for (const auto& network : dataset.networks()) words.push_back(theme_words(network));
  auto pairs = sharing_pairs(dataset, geography, options.level, options.filter);
  for (Pair& p : pairs)
    std::set_intersection(words[p.a].begin(), words[p.a].end(), words[p.b].begin(), words[p.b].end(),
                          std::back_inserter(p.words));
  std::erase_if(pairs, [&](const Pair& p) { return p.words.size() < options.min_shared_words; });
  rank(pairs, options.measure, options.threshold, options.top);
  return pair_table(dataset, pairs, true);
}

Table portfolio(const Dataset& dataset, const Geography& geography, const PortfolioOptions& options) {
  const auto selected = select_memberships(dataset, options.filter);
  const AggregatedGraph aggregated = aggregate(dataset, geography, options.level, selected);
  const TwoModeGraph& g = aggregated.graph;
  const auto statuses = all_membership_statuses();
  const auto roles = all_membership_roles();

  struct Row {
    std::uint32_t row = 0;
    std::int64_t networks = 0, led = 0;
    double mean_size = 0;
    std::vector<std::int64_t> by_status, by_role;
    std::string network_ids;
  };
  std::vector<Row> rows;
  for (std::uint32_t r = 0; r < g.row_count(); ++r) {
    const auto edges = g.row_edges(r);
    if (edges.empty()) continue;
    Row row{r, static_cast<std::int64_t>(edges.size()), 0, 0, std::vector<std::int64_t>(statuses.size(), 0),
            std::vector<std::int64_t>(roles.size(), 0), {}};
    for (const auto e : edges) {
      const TwoModeEdge& edge = g.edges()[e];
      ++row.by_status[static_cast<std::size_t>(edge.status)];
      ++row.by_role[static_cast<std::size_t>(edge.role)];
      row.mean_size += static_cast<double>(g.column_edges(edge.column).size());
      row.network_ids += (row.network_ids.empty() ? "" : "|") + g.column_labels()[edge.column];
    }
    row.led = row.by_role[static_cast<std::size_t>(MembershipRole::lead)];
    row.mean_size /= static_cast<double>(edges.size());
    rows.push_back(std::move(row));
  }
  std::sort(rows.begin(), rows.end(), [&](const Row& x, const Row& y) {
    if (x.networks != y.networks) return x.networks > y.networks;
    if (x.led != y.led) return x.led > y.led;
    return g.row_labels()[x.row] < g.row_labels()[y.row];
  });
  if (options.top > 0 && rows.size() > options.top) rows.resize(options.top);

  Table::Strings id, name, kind, role_summary, network_ids;
  Table::Integers networks, led, co_lead, coordinator;
  std::vector<Table::Integers> by_status(statuses.size());
  Table::Reals mean_size;
  for (Row& row : rows) {
    const std::string& label = g.row_labels()[row.row];
    auto [row_name, row_kind] = describe_row(dataset, geography, options.level, label,
                                             options.level != ActorLevel::actor && aggregated.row_is_place[row.row]);
    id.push_back(label);
    name.push_back(std::move(row_name));
    kind.push_back(std::move(row_kind));
    networks.push_back(row.networks);
    led.push_back(row.led);
    mean_size.push_back(row.mean_size);
    for (std::size_t s = 0; s < statuses.size(); ++s) by_status[s].push_back(row.by_status[s]);
    co_lead.push_back(row.by_role[static_cast<std::size_t>(MembershipRole::co_lead)]);
    coordinator.push_back(row.by_role[static_cast<std::size_t>(MembershipRole::coordinator)]);
    std::string summary;
    for (std::size_t k = 0; k < roles.size(); ++k)
      if (roles[k] != MembershipRole::none && row.by_role[k] > 0) {
        if (!summary.empty()) summary += '|';
        summary.append(to_string(roles[k])).append(":").append(std::to_string(row.by_role[k]));
      }
    role_summary.push_back(std::move(summary));
    network_ids.push_back(std::move(row.network_ids));
  }
  Table table;
  table.add_column("id", std::move(id));
  table.add_column("name", std::move(name));
  table.add_column("kind", std::move(kind));
  table.add_column("networks", std::move(networks));
  table.add_column("led", std::move(led));
  table.add_column("mean_network_size", std::move(mean_size));
  for (std::size_t s = 0; s < statuses.size(); ++s) table.add_column(std::string(to_string(statuses[s])), std::move(by_status[s]));
  table.add_column("co_lead", std::move(co_lead));
  table.add_column("coordinator", std::move(coordinator));
  table.add_column("roles", std::move(role_summary));
  table.add_column("network_ids", std::move(network_ids));
  return table;
}

}  // namespace alueverkko
