"""`alueverkko brokerage`: the four reports on the bundled idea_call_2021, formats, and usage errors
(exit 2) and bad input (exit 1)."""
import csv
import io
import json

import pytest

DATASET = "data/collaborations/idea_call_2021"
ROLES = ("coordinator", "itinerant", "gatekeeper_representative", "liaison")


def rows(stdout):
    return list(csv.DictReader(io.StringIO(stdout)))


def test_help_documents_the_reports(cli):
    result = cli("brokerage", "--help")
    assert result.returncode == 0
    for word in ("--report", "roles", "ei", "diversity", "regions", "gatekeeper_representative", "--ungrouped",
                 "Exit status"):
        assert word in result.stdout


def test_roles_default_municipalities_by_region(cli, repo):
    result = cli("brokerage", repo / DATASET, "--status", "member")
    assert result.returncode == 0, result.stderr
    table = rows(result.stdout)
    assert list(table[0])[:4] == ["id", "name", "kind", "group"]
    for row in table:
        assert sum(int(row[r]) for r in ROLES) == int(row["open_triads"])
    helsinki = next(r for r in table if r["id"] == "091")
    assert helsinki["group"] == "01" and helsinki["name"] == "Helsinki"
    assert "report roles" in result.stderr


def test_roles_expected_and_json(cli, repo, tmp_path):
    out = tmp_path / "roles.json"
    result = cli("brokerage", repo / DATASET, "--level", "actor", "--group", "kind", "--expected", "--format", "json",
                 "--out", out, "-q")
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    data = json.loads(out.read_text())
    assert {"liaison_expected", "liaison_ratio", "betweenness"} <= set(data[0])


def test_ei_report(cli, repo):
    result = cli("brokerage", repo / DATASET, "--report", "ei", "--level", "actor", "--weighted", "--weighting", "newman")
    assert result.returncode == 0, result.stderr
    table = rows(result.stdout)
    assert table[0]["scope"] == "graph" and table[0]["id"] == "all"
    assert {r["scope"] for r in table} == {"graph", "group", "kind"}
    for r in table:
        if r["ei"]:
            assert -1 <= float(r["ei"]) <= 1


def test_diversity_and_regions_reports(cli, repo):
    result = cli("brokerage", repo / DATASET, "--report", "diversity", "--group", "subregion")
    assert result.returncode == 0, result.stderr
    table = rows(result.stdout)
    assert "blau_subregion" in table[0] and "evenness_kind" in table[0]
    result = cli("brokerage", repo / DATASET, "--report", "regions", "--measure", "degree,pagerank")
    assert result.returncode == 0, result.stderr
    table = rows(result.stdout)
    assert len(table) == 19
    assert {"org_sum_degree", "org_mean_pagerank", "place_pagerank", "bridging", "diversification"} <= set(table[0])


@pytest.mark.parametrize("args", [
    ["--report", "diversity", "--level", "actor"],
    ["--report", "roles", "--measure", "degree"],
    ["--report", "roles", "--weighted"],
    ["--report", "ei", "--expected"],
    ["--group", "kind"],                          # kind needs --level actor
    ["--report", "regions", "--group", "kind"],
    ["--report", "regions", "--measure", "nonsense"],
    ["--report", "nonsense"],
    ["--status", "nonsense"],
])
def test_usage_errors(cli, repo, args):
    result = cli("brokerage", repo / DATASET, *args)
    assert result.returncode == 2, result.stderr
    assert result.stdout == ""


def test_bad_input(cli, tmp_path):
    result = cli("brokerage", tmp_path / "missing")
    assert result.returncode == 1
