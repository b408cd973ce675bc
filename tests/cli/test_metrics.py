"""`alueverkko metrics`: measures of plain edge lists, plain membership lists and data sets, checked
against networkx; output formats, hostile names, exit codes 1 (bad input) and 2 (usage)."""
import csv
import io
import json
import math

import networkx as nx
import pytest
from networkx.algorithms import bipartite

# networkx 2.8's own pagerank calls its deprecated pagerank_scipy.
pytestmark = pytest.mark.filterwarnings("ignore:networkx.pagerank_scipy is deprecated:DeprecationWarning")

PLAIN = "tests/data/plain"
SMALL = f"{PLAIN}/small-weighted.csv"
MEMBERSHIPS = f"{PLAIN}/memberships.csv"
MINI = "tests/data/valid-mini/collaborations/mini"
MINI_GEOGRAPHY = "tests/data/valid-mini/geography/mini-2021"
IDEA_CALL = "data/collaborations/idea_call_2021"
ALL = "degree,strength,betweenness,closeness,harmonic,eigenvector,pagerank,katz,core"


def read_csv_rows(text):
    return list(csv.DictReader(io.StringIO(text)))


def metrics(cli, repo, *args):
    """Runs `alueverkko metrics ARGS -q` in the source tree; returns {id: {measure: float}} and the header."""
    result = cli("metrics", *args, "-q", cwd=repo)
    assert result.returncode == 0, result.stderr
    rows = read_csv_rows(result.stdout)
    header = result.stdout.splitlines()[0].split(",")
    return {r["id"]: {k: float(v) for k, v in r.items() if k != "id"} for r in rows}, header


def edge_graph(path):
    """The edge list as networkx reads it: parallel edges summed."""
    graph = nx.Graph()
    with open(path, newline="", encoding="utf-8") as f:
        for r in csv.DictReader(f):
            w = float(r.get("weight") or 1)
            if graph.has_edge(r["source"], r["target"]):
                graph[r["source"]][r["target"]]["weight"] += w
            else:
                graph.add_edge(r["source"], r["target"], weight=w)
    return graph


def assert_close(ours, theirs, measure, tol):
    assert set(ours) == set(theirs)
    for node, value in theirs.items():
        assert ours[node][measure] == pytest.approx(value, abs=tol, rel=tol), (measure, node)


# --- plain edge lists against networkx -------------------------------------------------------------

def test_edge_list_all_measures_raw_match_networkx(cli, repo):
    g = edge_graph(repo / SMALL)
    ours, header = metrics(cli, repo, "--edges", SMALL, "--measure", ALL, "--raw")
    assert header == ["id"] + ALL.split(",")
    assert_close(ours, dict(g.degree()), "degree", 1e-12)
    assert_close(ours, dict(g.degree(weight="weight")), "strength", 1e-12)
    assert_close(ours, nx.betweenness_centrality(g, normalized=False), "betweenness", 1e-9)
    assert_close(ours, nx.closeness_centrality(g), "closeness", 1e-9)
    assert_close(ours, nx.harmonic_centrality(g), "harmonic", 1e-9)
    assert_close(ours, nx.eigenvector_centrality(g, weight="weight"), "eigenvector", 1e-6)
    assert_close(ours, nx.pagerank(g, weight="weight"), "pagerank", 1e-6)
    assert_close(ours, nx.katz_centrality(g, weight="weight"), "katz", 1e-6)
    assert_close(ours, nx.core_number(g), "core", 0)


def test_edge_list_normalized_is_the_default(cli, repo):
    g = edge_graph(repo / SMALL)
    n = g.number_of_nodes()
    ours, _ = metrics(cli, repo, "--edges", SMALL, "--measure", "degree,betweenness,harmonic,closeness")
    explicit, _ = metrics(cli, repo, "--edges", SMALL, "--measure", "degree,betweenness,harmonic,closeness",
                          "--normalized")
    assert ours == explicit
    assert_close(ours, nx.degree_centrality(g), "degree", 1e-12)
    assert_close(ours, nx.betweenness_centrality(g), "betweenness", 1e-9)
    assert_close(ours, {v: h / (n - 1) for v, h in nx.harmonic_centrality(g).items()}, "harmonic", 1e-9)
    assert_close(ours, nx.closeness_centrality(g), "closeness", 1e-9)  # wf_improved either way


@pytest.mark.parametrize("conversion", ["inverse", "neglog"])
def test_path_measures_with_converted_affinities(cli, repo, conversion):
    g = edge_graph(repo / SMALL)
    top = max(w for _, _, w in g.edges(data="weight"))
    for u, v, w in g.edges(data="weight"):
        g[u][v]["length"] = 1 / w if conversion == "inverse" else -math.log(w / top)
    ours, _ = metrics(cli, repo, "--edges", SMALL, "--measure", "betweenness,closeness,harmonic", "--raw",
                      "--distance", conversion)
    if conversion == "inverse":
        # neglog gives the strongest tie length 0; networkx's Dijkstra then counts shortest paths
        # through that edge in both directions, alueverkko in one (graph/distance.hpp), so only the
        # distance-based measures are compared for it.
        assert_close(ours, nx.betweenness_centrality(g, normalized=False, weight="length"), "betweenness", 1e-9)
    assert_close(ours, nx.closeness_centrality(g, distance="length"), "closeness", 1e-9)
    assert_close(ours, nx.harmonic_centrality(g, distance="length"), "harmonic", 1e-9)


def test_weights_are_distances(cli, repo):
    g = edge_graph(repo / SMALL)
    ours, _ = metrics(cli, repo, "--edges", SMALL, "--weights-are-distances", "--raw",
                      "--measure", "betweenness,closeness,harmonic,strength,eigenvector")
    assert_close(ours, nx.betweenness_centrality(g, normalized=False, weight="weight"), "betweenness", 1e-9)
    assert_close(ours, nx.closeness_centrality(g, distance="weight"), "closeness", 1e-9)
    assert_close(ours, nx.harmonic_centrality(g, distance="weight"), "harmonic", 1e-9)
    assert_close(ours, dict(g.degree(weight="weight")), "strength", 1e-12)
    # Spectral measures do not read distances as affinities: the unweighted adjacency instead.
    assert_close(ours, nx.eigenvector_centrality(g), "eigenvector", 1e-6)


def test_hops_ignore_the_weights(cli, repo):
    weighted, _ = metrics(cli, repo, "--edges", SMALL, "--measure", "betweenness,closeness")
    g = edge_graph(repo / SMALL)
    assert_close(weighted, nx.betweenness_centrality(g), "betweenness", 1e-9)  # weight=None: hops


def test_columns_follow_the_request_rows_the_first_appearance(cli, repo):
    result = cli("metrics", "--edges", f"{PLAIN}/edges.csv", "--measure", "core,degree,pagerank", "--raw", "-q",
                 cwd=repo)
    assert result.returncode == 0, result.stderr
    rows = read_csv_rows(result.stdout)
    assert result.stdout.splitlines()[0] == "id,core,degree,pagerank"
    assert [r["id"] for r in rows] == list("abcdefghi")
    assert [r["degree"] for r in rows][:3] == ["2", "2", "3"]  # integers when raw
    assert result.stderr == ""


def test_summary_on_stderr_and_out_file(cli, repo, tmp_path):
    out = tmp_path / "sub" / "m.csv"
    result = cli("metrics", "--edges", SMALL, "--measure", "betweenness", "--distance", "inverse", "--out", out,
                 cwd=repo)
    assert result.returncode == 0, result.stderr
    assert result.stdout == ""
    assert out.read_text(encoding="utf-8").startswith("id,betweenness\nHelsinki,")
    assert "graph: 14 vertices, 23 edges" in result.stderr
    assert "betweenness: weights = distance = 1/affinity" in result.stderr
    assert f"wrote {out}" in result.stderr


def test_sampled_betweenness_is_reproducible(cli, repo):
    args = ("--edges", SMALL, "--measure", "betweenness", "--samples", "5", "--seed", "42", "--format", "json",
            "-q")
    first = cli("metrics", *args, cwd=repo)
    second = cli("metrics", *args, "--threads", "1", cwd=repo)
    assert first.returncode == 0, first.stderr
    a, b = json.loads(first.stdout), json.loads(second.stdout)
    assert a["metadata"]["betweenness"]["samples"] == "5"
    assert a["metadata"]["betweenness"]["seed"] == "42"
    for x, y in zip(a["rows"], b["rows"]):
        assert x["betweenness"] == pytest.approx(y["betweenness"], rel=1e-12, abs=1e-12)


# --- membership lists against networkx's bipartite projections -------------------------------------

def membership_graph(path):
    b = nx.Graph()
    actors = []
    with open(path, newline="", encoding="utf-8") as f:
        for r in csv.DictReader(f):
            if r["actor"] not in actors:
                actors.append(r["actor"])
            b.add_node(r["actor"], bipartite=0)
            b.add_node(("network", r["network"]), bipartite=1)
            b.add_edge(r["actor"], ("network", r["network"]), weight=float(r.get("weight") or 1))
    return b, actors


@pytest.mark.parametrize("weighting", ["count", "newman", "jaccard", "overlap"])
def test_membership_projection_matches_networkx(cli, repo, weighting):
    b, actors = membership_graph(repo / MEMBERSHIPS)
    if weighting == "count":
        p = bipartite.weighted_projected_graph(b, actors)
    elif weighting == "newman":
        p = bipartite.collaboration_weighted_projected_graph(b, actors)
    else:
        p = bipartite.overlap_weighted_projected_graph(b, actors, jaccard=weighting == "jaccard")
    for u, v, w in p.edges(data="weight"):
        p[u][v]["length"] = 1 / w
    ours, _ = metrics(cli, repo, "--memberships", MEMBERSHIPS, "--weighting", weighting, "--raw",
                      "--distance", "inverse", "--measure", "degree,strength,betweenness,pagerank,core")
    assert list(ours) == actors
    assert_close(ours, dict(p.degree()), "degree", 0)
    assert_close(ours, dict(p.degree(weight="weight")), "strength", 1e-12)
    assert_close(ours, nx.betweenness_centrality(p, normalized=False, weight="length"), "betweenness", 1e-9)
    assert_close(ours, nx.pagerank(p, weight="weight"), "pagerank", 1e-6)
    assert_close(ours, nx.core_number(p), "core", 0)


def test_membership_weights_are_used_only_when_asked(cli, repo):
    plain, _ = metrics(cli, repo, "--memberships", MEMBERSHIPS, "--measure", "strength")
    weighted, _ = metrics(cli, repo, "--memberships", MEMBERSHIPS, "--measure", "strength", "--membership-weights")
    # a3 is in n1 with weight 2 (a1, a2, a3) and in n2 with weight 1 (a2, a3, a4).
    assert plain["a3"]["strength"] == 4
    assert weighted["a3"]["strength"] == 2 + 2 + 1 + 1
    assert weighted["a1"]["strength"] == 1 + 2 + 1 + 1  # n1: a2, a3 (weight 2); n4: a5, a6


# --- data sets ---------------------------------------------------------------------------------------

def test_idea_call_actor_projection_matches_networkx(cli, repo):
    ours, header = metrics(cli, repo, IDEA_CALL, "--level", "actor", "--measure", "degree,strength,core", "--raw")
    assert header == ["id", "degree", "strength", "core"]
    b = nx.Graph()
    with open(repo / IDEA_CALL / "memberships.csv", newline="", encoding="utf-8") as f:
        for r in csv.DictReader(f):
            b.add_node(r["actor_id"], bipartite=0)
            b.add_edge(r["actor_id"], ("network", r["network_id"]))
    actors = [v for v, side in b.nodes(data="bipartite") if side == 0]
    p = bipartite.weighted_projected_graph(b, actors)
    assert_close(ours, dict(p.degree()), "degree", 0)
    assert_close(ours, dict(p.degree(weight="weight")), "strength", 1e-12)
    assert_close(ours, nx.core_number(p), "core", 0)


def test_idea_call_municipalities_json(cli, repo):
    result = cli("metrics", IDEA_CALL, "--level", "municipality", "--weighting", "newman", "--status", "member",
                 "--measure", "degree,betweenness,pagerank", "--distance", "inverse", "--format", "json", cwd=repo)
    assert result.returncode == 0, result.stderr
    doc = json.loads(result.stdout)
    assert set(doc) == {"graph", "metadata", "rows"}
    graph = doc["graph"]
    assert graph["geography"] == "fi-2021"
    assert graph["level"] == "municipality"
    assert graph["weighting"] == "newman"
    assert graph["status"] == "member"
    assert graph["weights"] == "affinity"
    assert graph["vertices"] == len(doc["rows"]) > 0
    assert list(doc["metadata"]) == ["degree", "betweenness", "pagerank"]
    assert doc["metadata"]["betweenness"]["weights"] == "distance = 1/affinity"
    assert list(doc["rows"][0]) == ["id", "degree", "betweenness", "pagerank"]
    # municipality codes, then foreign actors as themselves
    assert all((len(r["id"]) == 3 and r["id"].isdigit()) or r["id"].startswith("foreign-") for r in doc["rows"])
    assert sum(r["id"].isdigit() for r in doc["rows"]) > 50
    assert sum(r["pagerank"] for r in doc["rows"]) == pytest.approx(1, abs=1e-9)


def test_filters_change_the_mini_graph(cli, repo):
    base = ("--geography", MINI_GEOGRAPHY, "--level", "actor", "--measure", "strength", "--raw")
    everything, _ = metrics(cli, repo, MINI, *base)
    members, _ = metrics(cli, repo, MINI, *base, "--status", "member")
    assert set(members) == set(everything)  # filtered analyses keep the same vertices
    assert sum(r["strength"] for r in members.values()) < sum(r["strength"] for r in everything.values())
    themed, _ = metrics(cli, repo, MINI, *base, "--theme", "archipelago", "--status", "member,planned")
    assert set(themed) == set(everything)
    assert sum(r["strength"] for r in themed.values()) < sum(r["strength"] for r in everything.values())


def test_list_options_do_not_swallow_the_input(cli, repo):
    # --measure, --status and --theme take one value per occurrence (comma-separated for the first
    # two; a theme may contain a comma), so INPUT may follow them.
    result = cli("metrics", "--geography", MINI_GEOGRAPHY, "--measure", "degree", "--status", "member",
                 "--theme", "tourism, culture", "--theme", "growth", MINI, "--measure", "core", "--format", "json",
                 "-q", cwd=repo)
    assert result.returncode == 0, result.stderr
    doc = json.loads(result.stdout)
    assert doc["graph"]["theme"] == "tourism, culture|growth"
    assert list(doc["metadata"]) == ["degree", "core"]


# --- output escaping ---------------------------------------------------------------------------------

HOSTILE = ['Say "hi"', "a,b", "<script>alert(1)</script>", "Åbo"]


def test_hostile_names_round_trip_in_csv(cli, repo):
    result = cli("metrics", "--edges", f"{PLAIN}/edges-hostile.csv", "--measure", "degree", "--raw", "-q", cwd=repo)
    assert result.returncode == 0, result.stderr
    assert '"Say ""hi"""' in result.stdout and '"a,b"' in result.stdout
    rows = read_csv_rows(result.stdout)
    assert [r["id"] for r in rows] == HOSTILE
    assert [r["degree"] for r in rows] == ["2", "2", "1", "1"]


def test_hostile_names_round_trip_in_json(cli, repo):
    result = cli("metrics", "--edges", f"{PLAIN}/edges-hostile.csv", "--measure", "degree", "--format", "json",
                 "-q", cwd=repo)
    assert result.returncode == 0, result.stderr
    assert "<script>" not in result.stdout  # escaped for embedding in HTML
    doc = json.loads(result.stdout)
    assert [r["id"] for r in doc["rows"]] == HOSTILE
    assert doc["graph"]["input"] == f"{PLAIN}/edges-hostile.csv"


# --- exit codes --------------------------------------------------------------------------------------

def test_broken_edge_list_exit_1_with_every_problem(cli, repo):
    result = cli("metrics", "--edges", f"{PLAIN}/edges-broken.csv", "--measure", "degree", cwd=repo)
    assert result.returncode == 1
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 9
    assert lines[0] == f"{PLAIN}/edges-broken.csv:3:3: missing value for required column 'target'"
    assert lines[1] == f"{PLAIN}/edges-broken.csv:4:5: invalid weight 'x': expected a non-negative number"


def test_broken_membership_list_and_missing_file_exit_1(cli, repo):
    result = cli("metrics", "--memberships", f"{PLAIN}/memberships-duplicate.csv", "--measure", "degree", cwd=repo)
    assert result.returncode == 1
    assert result.stderr.splitlines()[0] == (f"{PLAIN}/memberships-duplicate.csv:5:1: duplicate membership of "
                                             "actor 'a1' in network 'n1' (first at line 2)")
    result = cli("metrics", "--edges", "no/such.csv", "--measure", "degree", cwd=repo)
    assert result.returncode == 1
    assert result.stderr == "no/such.csv:0:0: file not found\n"


def test_broken_dataset_exit_1(cli, repo):
    case = "tests/data/broken/multiple-problems-one-file"
    result = cli("metrics", case, "--geography", MINI_GEOGRAPHY, "--measure", "degree", cwd=repo)
    assert result.returncode == 1
    assert result.stdout == ""
    expected = (repo / case / "expected.txt").read_text(encoding="utf-8").splitlines()
    assert result.stderr.splitlines() == [f"{case}/{line}" for line in expected if line]


def test_distances_listed_twice_exit_1(cli, repo):
    result = cli("metrics", "--edges", f"{PLAIN}/distances-duplicate.csv", "--weights-are-distances",
                 "--measure", "closeness", cwd=repo)
    assert result.returncode == 1
    assert result.stderr.startswith(f"{PLAIN}/distances-duplicate.csv:4:1: duplicate edge 'b' - 'a'")


@pytest.mark.parametrize("args, message", [
    (("--measure", "degree"), "give exactly one input"),
    ((MINI, "--edges", SMALL, "--measure", "degree"), "give exactly one input"),
    (("--edges", SMALL, "--memberships", MEMBERSHIPS, "--measure", "degree"), "give exactly one input"),
    (("--edges", SMALL, "--measure", "degree,closenes"), "unknown measure 'closenes' (valid measures: degree, "
                                                         "strength, betweenness, closeness, harmonic, eigenvector, "
                                                         "pagerank, katz, core)"),
    (("--edges", SMALL, "--measure", "degree,degree"), "measure 'degree' requested twice"),
    (("--edges", SMALL), "--measure is required"),
    (("--edges", SMALL, "--measure", "degree", "--level", "region"), "--level applies to a data set"),
    (("--edges", SMALL, "--measure", "degree", "--status", "member"), "--status applies to a data set"),
    (("--memberships", MEMBERSHIPS, "--measure", "degree", "--geography", MINI_GEOGRAPHY),
     "--geography applies to a data set"),
    (("--edges", SMALL, "--measure", "degree", "--weighting", "newman"), "--weighting applies to projections"),
    ((MINI, "--measure", "degree", "--weights-are-distances"), "--weights-are-distances applies to --edges"),
    (("--edges", SMALL, "--measure", "closeness", "--weights-are-distances", "--distance", "inverse"),
     "leave --distance out"),
    (("--memberships", MEMBERSHIPS, "--measure", "degree", "--weighting", "jaccard", "--membership-weights"),
     "--membership-weights works with --weighting count or newman only"),
    ((MINI, "--measure", "degree", "--status", "member,maybe"), "unknown value 'maybe'"),
    (("--edges", SMALL, "--measure", "degree", "--raw", "--normalized"), "excludes"),
    (("--edges", SMALL, "--measure", "betweenness", "--seed", "3"), "--seed requires --samples"),
    (("--edges", SMALL, "--measure", "degree", "--format", "xml"), "--format"),
    (("--edges", SMALL, "--measure", "closeness", "--distance", "square"), "--distance"),
    ((MINI, "--measure", "degree", "--level", "country"), "--level"),
])
def test_usage_errors_exit_2(cli, repo, args, message):
    result = cli("metrics", *args, cwd=repo)
    assert result.returncode == 2, (result.stdout, result.stderr)
    assert message in result.stderr
    assert result.stdout == ""


def test_help_documents_path_lengths(cli):
    result = cli("metrics", "--help")
    assert result.returncode == 0
    assert "count hops" in result.stdout
    assert "--weights-are-distances" in result.stdout
    assert '"metadata"' in result.stdout
