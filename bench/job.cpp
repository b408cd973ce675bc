// alueverkko-bench-job: the C++ side of bench/harness.py. Loads a membership list, projects it onto
// the actors (count and Newman weights) and runs the measures on the count projection; for each task
// one warm-up, then --repeats timed runs, and one JSON line on stdout.
//
//   alueverkko-bench-job --memberships FILE --threads N --repeats R [--tasks load,project_count,...]
//                        [--samples K]   (betweenness from K sampled sources, seed 1; 0 = every vertex)
//
// Tasks: load, project_count, project_newman, pagerank, eigenvector, kcore, harmonic (hops),
// betweenness (hops), betweenness_weighted (distance = 1/weight), louvain (seed 1, resolution 1).
// PageRank and eigenvector stop when the L1 change of the whole vector is below 1e-6 (tolerance
// 1e-6/n), graph-tool's rule: the default n·1e-6 (networkx's) stops after 3 PageRank iterations at
// CORDIS size, 1e-6/n after 15 as graph-tool, within ~1e-8 of igraph's exact solution.
// Memory: after the warm-up, freed memory goes back to the system (malloc_trim), the peak is reset
// (writing 5 to /proc/self/clear_refs) and VmRSS is read (rss_before_bytes); after the timed runs,
// VmHWM is the peak (peak_rss_bytes). Each timed run starts with the previous result freed.
#include <alueverkko/centrality/betweenness.hpp>
#include <alueverkko/centrality/closeness.hpp>
#include <alueverkko/centrality/coreness.hpp>
#include <alueverkko/centrality/spectral.hpp>
#include <alueverkko/community/louvain.hpp>
#include <alueverkko/graph/projection.hpp>
#include <alueverkko/io/plain_lists.hpp>

#include <nlohmann/json.hpp>

#include <malloc.h>
#include <omp.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

namespace {

using namespace alueverkko;
using nlohmann::json;

const std::vector<std::string> all_tasks = {
    "load",  "project_count", "project_newman", "pagerank",    "eigenvector",
    "kcore", "harmonic",      "betweenness",    "betweenness_weighted", "louvain"};

struct Args {
  std::filesystem::path memberships;
  int threads = 1;
  int repeats = 5;
  std::size_t samples = 0;
  std::vector<std::string> tasks = all_tasks;

  [[nodiscard]] bool wants(const std::string& task) const {
    return std::find(tasks.begin(), tasks.end(), task) != tasks.end();
  }
};

std::vector<std::string> split(const std::string& text) {
  std::vector<std::string> parts;
  std::istringstream stream(text);
  for (std::string part; std::getline(stream, part, ',');)
    if (!part.empty()) parts.push_back(part);
  return parts;
}

Args parse(int argc, char** argv) {
  const std::string usage =
      "usage: alueverkko-bench-job --memberships FILE --threads N --repeats R [--tasks a,b,...] [--samples K]";
  Args args;
  for (int i = 1; i < argc; ++i) {
    const std::string flag = argv[i];
    if (i + 1 == argc) throw std::invalid_argument(usage);
    const std::string value = argv[++i];
    if (flag == "--memberships") args.memberships = value;
    else if (flag == "--threads") args.threads = std::stoi(value);
    else if (flag == "--repeats") args.repeats = std::stoi(value);
    else if (flag == "--tasks") args.tasks = split(value);
    else if (flag == "--samples") args.samples = std::stoul(value);
    else throw std::invalid_argument(usage);
  }
  if (args.memberships.empty() || args.threads < 1 || args.repeats < 1) throw std::invalid_argument(usage);
  for (const auto& task : args.tasks)
    if (std::find(all_tasks.begin(), all_tasks.end(), task) == all_tasks.end())
      throw std::invalid_argument("unknown task '" + task + "'");
  return args;
}

struct Memory {
  std::uint64_t peak = 0, resident = 0;  // VmHWM, VmRSS (bytes)
};

Memory memory() {
  Memory m;
  std::ifstream status("/proc/self/status");
  for (std::string line; std::getline(status, line);) {
    std::istringstream fields(line);
    std::string key;
    std::uint64_t kib = 0;
    fields >> key >> kib;
    if (key == "VmHWM:") m.peak = kib * 1024;
    if (key == "VmRSS:") m.resident = kib * 1024;
  }
  return m;
}

void reset_peak() {
  malloc_trim(0);
  std::ofstream("/proc/self/clear_refs") << "5";
}

double median(std::vector<double> values) {
  std::sort(values.begin(), values.end());
  const std::size_t n = values.size();
  return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

// One warm-up, then args.repeats timed runs of run(); facts(result) describes the last result.
constexpr double min_total_seconds = 0.2;

template <class Run, class Facts>
void bench(const Args& args, const std::string& task, Run run, Facts facts) {
  if (!args.wants(task)) return;
  using Result = decltype(run());
  std::optional<Result> result(run());
  result.reset();
  reset_peak();
  const Memory before = memory();
  // At least --repeats runs, more (up to 1000) until they add up to min_total_seconds: a median of
  // sub-millisecond runs needs more than five.
  std::vector<double> seconds;
  double total = 0;
  for (int r = 0; r < args.repeats || (total < min_total_seconds && r < 1000); ++r) {
    result.reset();
    const auto start = std::chrono::steady_clock::now();
    result.emplace(run());
    seconds.push_back(std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
    total += seconds.back();
  }
  const Memory after = memory();
  json line = {{"library", "alueverkko C++"}, {"task", task},           {"threads", args.threads},
               {"seconds", seconds},          {"median", median(seconds)}, {"peak_rss_bytes", after.peak},
               {"rss_before_bytes", before.resident}};
  line.update(facts(*result));
  std::cout << line.dump() << std::endl;
}

json graph_facts(const WeightedGraph& graph) {
  return {{"vertices", graph.vertex_count()}, {"edges", graph.edge_count()}, {"csr_bytes", graph.memory_bytes()}};
}

json score_facts(const Scores& scores) {
  json facts = json::object();
  if (const auto* iterations = scores.find("iterations")) facts["iterations"] = std::stoi(*iterations);
  return facts;
}

}  // namespace

int main(int argc, char** argv) try {
  const Args args = parse(argc, argv);
  omp_set_num_threads(args.threads);  // PageRank and eigenvector follow OpenMP's default

  bench(args, "load", [&] { return read_two_mode_list(args.memberships); }, [](const TwoModeGraph& g) {
    return json{{"rows", g.row_count()}, {"columns", g.column_count()}, {"memberships", g.edge_count()}};
  });

  const TwoModeGraph two_mode = read_two_mode_list(args.memberships);
  const auto projection = [&](ProjectionWeighting weighting) {
    ProjectionOptions options;
    options.onto = ProjectionSide::rows;
    options.weighting = weighting;
    options.threads = args.threads;
    return project(two_mode, options);
  };
  bench(args, "project_count", [&] { return projection(ProjectionWeighting::count); }, graph_facts);
  bench(args, "project_newman", [&] { return projection(ProjectionWeighting::newman); }, graph_facts);

  const WeightedGraph graph = projection(ProjectionWeighting::count);  // the measures' input, untimed
  const double tolerance = 1e-6 / static_cast<double>(std::max<std::size_t>(graph.vertex_count(), 1));
  bench(args, "pagerank", [&] {
    PageRankOptions options;
    options.tolerance = tolerance;
    options.max_iterations = 1000;
    return pagerank(graph, options);
  }, score_facts);
  bench(args, "eigenvector", [&] {
    EigenvectorOptions options;
    options.tolerance = tolerance;
    options.max_iterations = 1000;
    return eigenvector_centrality(graph, options);
  }, score_facts);
  bench(args, "kcore", [&] { return coreness(graph); }, score_facts);
  bench(args, "harmonic", [&] {
    ClosenessOptions options;
    options.threads = args.threads;
    return harmonic_closeness(graph, options);
  }, score_facts);
  const auto betweenness_with = [&](PathLengths lengths) {
    BetweennessOptions options;
    options.lengths = lengths;
    options.threads = args.threads;
    options.samples = args.samples;
    options.seed = 1;
    return betweenness(graph, options);
  };
  bench(args, "betweenness", [&] { return betweenness_with({}); }, score_facts);
  bench(args, "betweenness_weighted", [&] { return betweenness_with({true, DistanceConversion::inverse}); }, score_facts);
  bench(args, "louvain", [&] {
    LouvainOptions options;
    options.seed = 1;
    options.resolution = 1.0;
    return louvain(graph, options);
  }, [](const Communities& c) { return json{{"modularity", c.modularity}, {"communities", c.count}}; });
  return 0;
} catch (const std::exception& error) {
  std::cerr << "alueverkko-bench-job: " << error.what() << "\n";
  return 1;
}
