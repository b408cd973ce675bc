"""`alueverkko communities`: Louvain and Leiden on plain edge lists, membership lists and data sets;
the reported modularity checked with networkx; output formats, reproducibility, exit codes 1 (bad
input) and 2 (usage)."""
import csv
import io
import json

import networkx as nx
import pytest

PLAIN = "tests/data/plain"
SMALL = f"{PLAIN}/small-weighted.csv"
MEMBERSHIPS = f"{PLAIN}/memberships.csv"
MINI = "tests/data/valid-mini/collaborations/mini"
IDEA_CALL = "data/collaborations/idea_call_2021"


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


def partition(rows):
    groups = {}
    for r in rows:
        groups.setdefault(int(r["community"]), set()).add(r["id"])
    return groups


@pytest.mark.parametrize("method", ["louvain", "leiden"])
def test_edge_list_csv_and_summary(cli, repo, method):
    result = cli("communities", "--edges", SMALL, "--method", method, "--seed", "3", cwd=repo)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[0] == "id,community"
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    G = edge_graph(repo / SMALL)
    assert sorted(r["id"] for r in rows) == sorted(G)
    groups = partition(rows)
    sizes = [len(groups[c]) for c in range(len(groups))]
    assert sizes == sorted(sizes, reverse=True)  # numbered by size
    q = nx.community.modularity(G, list(groups.values()), weight="weight")
    assert f"{method}: {len(groups)} communities, modularity " in result.stderr
    reported = float(result.stderr.split("modularity ")[1].split(";")[0])
    assert reported == pytest.approx(q, abs=1e-12)
    assert "sizes: " + ", ".join(map(str, sizes)) in result.stderr
    assert "seed = 3" in result.stderr


def test_json_report(cli, repo):
    result = cli("communities", "--edges", SMALL, "--method", "leiden", "--seed", "1", "--resolution", "1.5",
                 "--format", "json", "-q", cwd=repo)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    report = json.loads(result.stdout)
    assert report["graph"]["kind"] == "edge list" and report["graph"]["weights"] == "affinity"
    c = report["communities"]
    assert c["method"] == "leiden" and c["metadata"]["resolution"] == "1.5" and c["metadata"]["seed"] == "1"
    groups = partition(report["rows"])
    assert c["count"] == len(groups) and c["sizes"] == [len(groups[i]) for i in range(len(groups))]
    G = edge_graph(repo / SMALL)
    q = nx.community.modularity(G, list(groups.values()), weight="weight", resolution=1.5)
    assert c["modularity"] == pytest.approx(q, abs=1e-12)
    assert list(report["rows"][0]) == ["id", "community"]


def test_seed_reproduces(cli, repo):
    args = ("communities", IDEA_CALL, "--weighting", "newman", "--status", "member", "--method", "louvain",
            "--seed", "11", "-q")
    first, second = cli(*args, cwd=repo), cli(*args, cwd=repo)
    assert first.returncode == 0, first.stderr
    assert first.stdout == second.stdout


def test_data_set_projection(cli, repo, tmp_path):
    out = tmp_path / "sub" / "communities.json"
    result = cli("communities", IDEA_CALL, "--level", "municipality", "--weighting", "newman", "--status", "member",
                 "--method", "leiden", "--seed", "1", "--format", "json", "--out", out, cwd=repo)
    assert result.returncode == 0, result.stderr
    assert result.stdout == ""
    assert f"wrote {out}" in result.stderr
    report = json.loads(out.read_text(encoding="utf-8"))
    graph = report["graph"]
    assert graph["level"] == "municipality" and graph["weighting"] == "newman" and graph["status"] == "member"
    assert len(report["rows"]) == graph["vertices"]
    assert sum(report["communities"]["sizes"]) == graph["vertices"]
    assert 0.2 < report["communities"]["modularity"] < 1


def test_memberships_and_unweighted_distances(cli, repo, tmp_path):
    result = cli("communities", "--memberships", MEMBERSHIPS, "--weighting", "newman", "--method", "leiden",
                 "--seed", "0", "-q", cwd=repo)
    assert result.returncode == 0, result.stderr
    distances = tmp_path / "d.csv"
    distances.write_text("source,target,weight\na,b,5\nb,c,1\nc,a,2\nd,e,1\ne,f,3\nf,d,1\nc,d,9\n", encoding="utf-8")
    result = cli("communities", "--edges", distances, "--weights-are-distances", "--unweighted", "--method", "louvain",
                 "--seed", "0", "-q")
    assert result.returncode == 0, result.stderr
    groups = partition(csv.DictReader(io.StringIO(result.stdout)))
    assert sorted(map(sorted, groups.values())) == [["a", "b", "c"], ["d", "e", "f"]]


def test_bad_input_exits_1(cli, repo):
    result = cli("communities", "--edges", "no/such.csv", "--method", "louvain", "--seed", "1", cwd=repo)
    assert result.returncode == 1
    assert result.stderr == "no/such.csv:0:0: file not found\n"
    result = cli("communities", "--edges", f"{PLAIN}/edges-broken.csv", "--method", "leiden", "--seed", "1", cwd=repo)
    assert result.returncode == 1
    assert result.stderr.startswith(f"{PLAIN}/edges-broken.csv:")


@pytest.mark.parametrize("args, message", [
    (("--edges", SMALL, "--seed", "1"), "--method is required"),
    (("--edges", SMALL, "--method", "louvain"), "--seed is required"),
    (("--edges", SMALL, "--method", "girvan", "--seed", "1"), "--method"),
    (("--method", "louvain", "--seed", "1"), "give exactly one input"),
    ((MINI, "--edges", SMALL, "--method", "louvain", "--seed", "1"), "(got 2)"),
    (("--edges", SMALL, "--method", "louvain", "--seed", "1", "--level", "region"), "--level applies to a data set"),
    (("--edges", SMALL, "--method", "louvain", "--seed", "1", "--weighting", "newman"), "--weighting applies"),
    (("--edges", SMALL, "--method", "leiden", "--seed", "1", "--threshold", "0.1"), "--threshold applies to --method louvain"),
    (("--edges", SMALL, "--method", "louvain", "--seed", "1", "--randomness", "0.1"), "--randomness applies to --method leiden"),
    (("--edges", SMALL, "--method", "louvain", "--seed", "1", "--iterations", "-1"), "--iterations"),
    (("--edges", SMALL, "--method", "louvain", "--seed", "1", "--weights-are-distances"), "add --unweighted"),
    (("--edges", SMALL, "--method", "louvain", "--seed", "1", "--resolution", "-1"), "--resolution"),
    (("--edges", SMALL, "--method", "leiden", "--seed", "1", "--randomness", "0"), "--randomness"),
    (("--edges", SMALL, "--method", "leiden", "--seed", "1", "--format", "xml"), "--format"),
    ((MINI, "--method", "leiden", "--seed", "1", "--status", "member,maybe"), "unknown value 'maybe'"),
])
def test_usage_errors_exit_2(cli, repo, args, message):
    result = cli("communities", *args, cwd=repo)
    assert result.returncode == 2, (result.stdout, result.stderr)
    assert message in result.stderr
    assert result.stdout == ""


def test_help(cli):
    result = cli("communities", "--help")
    assert result.returncode == 0
    assert "--method" in result.stdout and "leiden" in result.stdout and "Input (exactly one)" in result.stdout
