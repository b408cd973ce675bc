"""`alueverkko overlap`: pairs of networks sharing members, near-duplicates and portfolios on
tests/data/valid-mini (values worked out by hand) and on idea_call_2021 (checked against networkx);
output formats, hostile names, exit codes 1 (bad input) and 2 (usage)."""
import csv
import io
import json
import shutil

import networkx as nx
import pytest
from networkx.algorithms import bipartite

MINI = "tests/data/valid-mini/collaborations/mini"
MINI_GEOGRAPHY = "tests/data/valid-mini/geography/mini-2021"
IDEA_CALL = "data/collaborations/idea_call_2021"
PAIR_COLUMNS = ["network_a", "name_a", "network_b", "name_b", "shared", "size_a", "size_b", "jaccard", "overlap"]


def read_csv_rows(text):
    return list(csv.DictReader(io.StringIO(text)))


def overlap(cli, repo, *args):
    """Runs `alueverkko overlap ARGS -q` in the source tree; returns the CSV rows."""
    result = cli("overlap", *args, "-q", cwd=repo)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    return read_csv_rows(result.stdout)


# --- valid-mini, by hand -----------------------------------------------------------------------------

def test_pairs_at_each_level(cli, repo):
    # actor level: only tallinn is in two networks (n-meri, 4 actors; n-itameri, 3): 1/6, 1/3
    result = cli("overlap", MINI, "-q", cwd=repo)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[0] == ",".join(PAIR_COLUMNS)
    [row] = read_csv_rows(result.stdout)
    assert (row["network_a"], row["name_a"], row["network_b"], row["name_b"]) == (
        "n-meri", "Saaristomeren verkosto", "n-itameri", "Itämeren yhteistyö")
    assert (row["shared"], row["size_a"], row["size_b"]) == ("1", "4", "3")
    assert float(row["jaccard"]) == pytest.approx(1 / 6) and float(row["overlap"]) == pytest.approx(1 / 3)
    # municipality level: n-meri {322, 445, tallinn}, n-itameri {tallinn}: 1/3, 1
    [row] = overlap(cli, repo, MINI, "--level", "municipality")
    assert (row["size_a"], row["size_b"], row["overlap"]) == ("3", "1", "1")
    # region level: n-kasvu {01} and n-itameri {01, tallinn}: 1/2; n-meri {02, tallinn} and n-itameri: 1/3
    rows = overlap(cli, repo, MINI, "--level", "region")
    assert [(r["network_a"], r["network_b"], float(r["jaccard"])) for r in rows] == [
        ("n-kasvu", "n-itameri", 0.5), ("n-meri", "n-itameri", pytest.approx(1 / 3))]
    assert len(overlap(cli, repo, MINI, "--level", "region", "--min", "0.4")) == 1
    assert len(overlap(cli, repo, MINI, "--level", "region", "--top", "1")) == 1
    # members only: tallinn's n-meri membership is an invitation
    assert overlap(cli, repo, MINI, "--status", "member") == []


def test_portfolio(cli, repo):
    rows = overlap(cli, repo, MINI, "--portfolio")
    assert [r["id"] for r in rows][:2] == ["tallinn", "kunta-091"]
    tallinn = rows[0]
    assert (tallinn["networks"], tallinn["led"], tallinn["member"], tallinn["invited"]) == ("2", "0", "1", "1")
    assert (tallinn["mean_network_size"], tallinn["roles"], tallinn["network_ids"]) == ("3.5", "partner:1",
                                                                                       "n-meri|n-itameri")
    assert rows[1]["led"] == "1" and rows[1]["roles"] == "lead:1"
    regions = overlap(cli, repo, MINI, "--report", "portfolio", "--level", "region")
    assert [(r["id"], r["name"], r["kind"], r["networks"], r["led"]) for r in regions] == [
        ("01", "Uusimaa", "region", "2", "1"), ("tallinn", "Tallinn", "foreign_municipality", "2", "0"),
        ("02", "Varsinais-Suomi", "region", "1", "0")]
    assert regions[0]["roles"] == "lead:1|coordinator:1"


def test_shorthands_equal_report(cli, repo):
    for flag, report in [("--portfolio", "portfolio"), ("--near-duplicates", "near-duplicates")]:
        a = cli("overlap", IDEA_CALL, flag, "-q", cwd=repo)
        b = cli("overlap", IDEA_CALL, "--report", report, "-q", cwd=repo)
        c = cli("overlap", IDEA_CALL, flag, "--report", report, "-q", cwd=repo)
        assert a.returncode == b.returncode == c.returncode == 0
        assert a.stdout == b.stdout == c.stdout != ""


# --- idea_call_2021 against networkx -----------------------------------------------------------------

def actor_level_networkx(repo):
    B = nx.Graph()
    with open(repo / IDEA_CALL / "networks.csv", encoding="utf-8", newline="") as f:
        networks = [("n", r["network_id"]) for r in csv.DictReader(f)]
    B.add_nodes_from(networks)
    with open(repo / IDEA_CALL / "memberships.csv", encoding="utf-8", newline="") as f:
        for r in csv.DictReader(f):
            B.add_edge(("a", r["actor_id"]), ("n", r["network_id"]))
    return B, networks


@pytest.mark.parametrize("measure", ["jaccard", "overlap"])
def test_idea_call_pairs_match_networkx_in_json(cli, repo, measure):
    B, networks = actor_level_networkx(repo)
    P = bipartite.overlap_weighted_projected_graph(B, networks, jaccard=(measure == "jaccard"))
    theirs = {frozenset((u[1], v[1])): w for u, v, w in P.edges(data="weight")}
    result = cli("overlap", IDEA_CALL, "--measure", measure, "--format", "json", "-q", cwd=repo)
    assert result.returncode == 0, result.stderr
    rows = json.loads(result.stdout)
    assert list(rows[0]) == PAIR_COLUMNS
    ours = {frozenset((r["network_a"], r["network_b"])): r[measure] for r in rows}
    assert ours.keys() == theirs.keys()
    for key, w in theirs.items():
        assert ours[key] == pytest.approx(w, abs=1e-12), key
    values = [r[measure] for r in rows]
    assert values == sorted(values, reverse=True)
    top = cli("overlap", IDEA_CALL, "--measure", measure, "--format", "json", "--top", "5", "-q", cwd=repo)
    assert json.loads(top.stdout) == rows[:5]


def test_idea_call_near_duplicates_and_summary(cli, repo):
    result = cli("overlap", IDEA_CALL, "--near-duplicates", "--measure", "overlap", "--threshold", "0.25",
                 "--min-words", "2", cwd=repo)
    assert result.returncode == 0, result.stderr
    rows = read_csv_rows(result.stdout)
    assert all(float(r["overlap"]) >= 0.25 and int(r["n_shared_words"]) >= 2 for r in rows)
    pairs = {(r["network_a"], r["network_b"]): r["shared_words"] for r in rows}
    assert pairs[("p31", "p32")] == "contractual|covid|recovery|tourism"  # Saimaa and Pro Lakeland
    assert "near-duplicates of idea_call_2021" in result.stderr
    assert f"{len(rows)} pairs" in result.stderr


def test_out_file(cli, repo, tmp_path):
    out = tmp_path / "sub" / "pairs.json"
    result = cli("overlap", IDEA_CALL, "--level", "municipality", "--format", "json", "--out", out, cwd=repo)
    assert result.returncode == 0, result.stderr
    assert result.stdout == ""
    assert f"wrote {out}" in result.stderr
    rows = json.loads(out.read_text(encoding="utf-8"))
    assert rows and all(r["shared"] >= 1 for r in rows)


# --- hostile names -----------------------------------------------------------------------------------

@pytest.fixture
def hostile(repo, tmp_path):
    """valid-mini with names full of quotes, commas and markup, and a theme shared by two networks."""
    root = tmp_path / "valid-mini"
    shutil.copytree(repo / "tests/data/valid-mini", root)
    networks = root / "collaborations/mini/networks.csv"
    text = networks.read_text(encoding="utf-8")
    text = text.replace("Saaristomeren verkosto", '"Say ""hi"", <script>alert(1)</script>"')
    text = text.replace("Itämeren yhteistyö,programme,,,,", "Åbo & co,programme,,,tourism,")
    networks.write_text(text, encoding="utf-8")
    actors = root / "collaborations/mini/actors.csv"
    actors.write_text(actors.read_text(encoding="utf-8").replace("tallinn,Tallinn,", 'tallinn,"<b>Tal""linn</b>",'),
                      encoding="utf-8")
    return root / "collaborations/mini"


def test_hostile_names_in_csv(cli, hostile):
    result = cli("overlap", hostile, "--near-duplicates", "--threshold", "0.1", "-q")
    assert result.returncode == 0, result.stderr
    assert '"Say ""hi"", <script>alert(1)</script>"' in result.stdout
    [row] = read_csv_rows(result.stdout)
    assert row["name_a"] == 'Say "hi", <script>alert(1)</script>'
    assert row["name_b"] == "Åbo & co"
    assert row["shared_words"] == "tourism"
    portfolio = read_csv_rows(cli("overlap", hostile, "--portfolio", "-q").stdout)
    assert portfolio[0]["name"] == '<b>Tal"linn</b>'


def test_hostile_names_in_json(cli, hostile):
    result = cli("overlap", hostile, "--format", "json", "-q")
    assert result.returncode == 0, result.stderr
    assert "<script>" not in result.stdout  # escaped for embedding in HTML
    [row] = json.loads(result.stdout)
    assert row["name_a"] == 'Say "hi", <script>alert(1)</script>'
    result = cli("overlap", hostile, "--portfolio", "--format", "json", "-q")
    assert "<b>" not in result.stdout
    assert json.loads(result.stdout)[0]["name"] == '<b>Tal"linn</b>'


# --- exit codes --------------------------------------------------------------------------------------

@pytest.mark.parametrize("args", [
    ["--portfolio", "--min", "0.5"],
    ["--portfolio", "--measure", "shared"],
    ["--threshold", "0.5"],
    ["--min-words", "2"],
    ["--near-duplicates", "--min", "0.2"],
    ["--near-duplicates", "--portfolio"],
    ["--near-duplicates", "--report", "pairs"],
    ["--report", "everything"],
    ["--measure", "cosine"],
    ["--level", "village"],
    ["--min", "-1"],
    ["--min", "nan"],
    ["--near-duplicates", "--min-words", "0"],
    ["--top", "-3"],
    ["--status", "sleeping"],
    ["--from", "June"],
    ["--format", "xml"],
])
def test_usage_errors_exit_2(cli, repo, args):
    result = cli("overlap", MINI, *args, cwd=repo)
    assert result.returncode == 2, (args, result.stderr)
    assert result.stdout == ""
    assert result.stderr


def test_missing_dataset_argument_exit_2(cli, repo):
    assert cli("overlap", cwd=repo).returncode == 2


def test_bad_input_exit_1(cli, repo):
    result = cli("overlap", "no/such/dataset", cwd=repo)
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr == "no/such/dataset/dataset.json:0:0: file not found\n"
    result = cli("overlap", "tests/data/broken/actors-bad-kind", "--geography", MINI_GEOGRAPHY, cwd=repo)
    assert result.returncode == 1
    assert result.stdout == ""
    expected = (repo / "tests/data/broken/actors-bad-kind/expected.txt").read_text(encoding="utf-8").splitlines()
    assert result.stderr.splitlines() == [f"tests/data/broken/actors-bad-kind/{line}" for line in expected if line]


def test_explicit_geography(cli, repo):
    a = cli("overlap", MINI, "--level", "region", "--geography", MINI_GEOGRAPHY, "-q", cwd=repo)
    b = cli("overlap", MINI, "--level", "region", "-q", cwd=repo)
    assert a.returncode == b.returncode == 0
    assert a.stdout == b.stdout


def test_help_documents_the_reports(cli):
    result = cli("overlap", "--help")
    assert result.returncode == 0
    for text in ["pairs", "near-duplicates", "portfolio", "--threshold", "--min-words", "jaccard", "Exit status"]:
        assert text in result.stdout
