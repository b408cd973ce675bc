"""`alueverkko backbone`: disparity filter and SDSM from plain lists and data sets, the CSV/JSON
output against the Python bindings, exit codes 1 (bad input) and 2 (usage)."""
import csv
import io
import json

import pytest

PLAIN = "tests/data/plain"
SMALL = f"{PLAIN}/small-weighted.csv"
MEMBERSHIPS = f"{PLAIN}/memberships.csv"
IDEA_CALL = "data/collaborations/idea_call_2021"


def rows_of(text):
    return list(csv.DictReader(io.StringIO(text)))


def test_disparity_on_an_edge_list(cli, repo):
    result = cli("backbone", "--edges", SMALL, "--method", "disparity", "--alpha", "1", cwd=repo)
    assert result.returncode == 0, result.stderr
    rows = rows_of(result.stdout)
    assert result.stdout.splitlines()[0] == "source,target,weight,p_value"
    assert all(float(r["p_value"]) < 1 for r in rows)
    assert "before" in result.stderr and "after" in result.stderr


def test_sdsm_json_matches_csv(cli, repo):
    args = ("backbone", IDEA_CALL, "--status", "member", "--method", "sdsm", "--alpha", "0.05", "-q")
    result = cli(*args, "--format", "json", cwd=repo)
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["backbone"]["method"] == "sdsm"
    assert report["backbone"]["edges_before"] == 182  # co-occurring municipality pairs (docs/backbone.md)
    assert report["backbone"]["edges_after"] == len(report["rows"]) == 18
    assert all(row["sign"] == 1 and row["p_upper"] < 0.05 and row["weight"] > row["expected"] for row in report["rows"])
    csv_rows = rows_of(cli(*args, cwd=repo).stdout)
    assert [(r["source"], r["target"]) for r in csv_rows] == [(r["source"], r["target"]) for r in report["rows"]]
    assert [float(r["p_upper"]) for r in csv_rows] == pytest.approx([r["p_upper"] for r in report["rows"]])
    holm = cli(*args, "--correction", "holm", "--format", "json", cwd=repo)
    assert json.loads(holm.stdout)["backbone"]["edges_after"] == 0


def test_sdsm_options_and_memberships(cli, repo, tmp_path):
    out = tmp_path / "sub" / "bb.csv"
    result = cli("backbone", "--memberships", MEMBERSHIPS, "--method", "sdsm", "--alpha", "0.5", "--tail", "both",
                 "--approximation", "rna", "--all-pairs", "--correction", "holm", "--out", out, cwd=repo)
    assert result.returncode == 0, result.stderr
    assert out.read_text().splitlines()[0] == "source,target,weight,expected,p_upper,p_lower,sign"
    assert f"wrote {out}" in result.stderr


@pytest.mark.parametrize("args", [
    ["--edges", SMALL],                                                     # no --method
    ["--edges", SMALL, "--method", "sdsm"],                                 # sdsm needs two-mode data
    ["--edges", SMALL, "--method", "disparity", "--tail", "lower"],         # sdsm-only option
    ["--edges", SMALL, "--method", "disparity", "--alpha", "0"],            # alpha must be > 0
    ["--edges", SMALL, "--method", "disparity", "--alpha", "1.5"],
    ["--edges", SMALL, "--method", "disparity", "--correction", "bh"],
    ["--memberships", MEMBERSHIPS, "--method", "sdsm", "--weighting", "newman"],
    ["--edges", SMALL, "--method", "disparity", "--weights-are-distances"],
    ["--edges", SMALL, "--memberships", MEMBERSHIPS, "--method", "disparity"],
    ["--edges", SMALL, "--method", "disparity", "--level", "region"],
])
def test_usage_errors_exit_2(cli, repo, args):
    result = cli("backbone", *args, cwd=repo)
    assert result.returncode == 2, (result.stdout, result.stderr)


def test_bad_input_exits_1(cli, repo, tmp_path):
    result = cli("backbone", "--edges", f"{PLAIN}/edges-broken.csv", "--method", "disparity", cwd=repo)
    assert result.returncode == 1
    assert "edges-broken.csv:" in result.stderr
    missing = cli("backbone", "--memberships", tmp_path / "none.csv", "--method", "sdsm", cwd=repo)
    assert missing.returncode == 1
