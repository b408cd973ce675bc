"""`alueverkko coverage`: every report on the mini fixture (hand-computed values) and on
idea_call_2021, csv and json output, --out, the summary, exit codes 1 (bad input) and 2 (usage)."""
import csv
import io
import json

import pytest

MINI = "tests/data/valid-mini/collaborations/mini"
MINI_GEOGRAPHY = "tests/data/valid-mini/geography/mini-2021"
IDEA_CALL = "data/collaborations/idea_call_2021"


def rows_of(text):
    return list(csv.DictReader(io.StringIO(text)))


def coverage(cli, repo, *args):
    result = cli("coverage", *args, cwd=repo)
    assert result.returncode == 0, result.stderr
    return result


def mini(cli, repo, *args):
    return rows_of(coverage(cli, repo, MINI, "--geography", MINI_GEOGRAPHY, "-q", *args).stdout)


# --- the mini fixture (see tests/cpp/metrics/test_coverage.cpp for the hand computation) -----------

def test_mini_by_region(cli, repo):
    rows = {r["code"]: r for r in mini(cli, repo, "--by", "region")}
    assert list(rows) == ["01", "02"]
    assert rows["01"]["municipalities"] == "4" and rows["01"]["covered"] == "3"
    assert int(rows["01"]["population_covered"]) == 1006763 - 4891
    assert float(rows["01"]["covered_share"]) == pytest.approx(0.75)


def test_mini_levels_and_filters(cli, repo):
    assert [r["code"] for r in mini(cli, repo, "--by", "size-class")] == ["A", "B", "C", "D", "E"]
    assert len(mini(cli, repo, "--by", "municipality")) == 6
    assert len(mini(cli, repo, "--by", "subregion")) == 3
    (total,) = mini(cli, repo, "--by", "country", "--status", "member")
    assert (total["covered"], total["population_covered"]) == ("4", "973004")
    (total,) = mini(cli, repo, "--by", "country", "--status", "member", "--area-actors")
    assert total["covered"] == "6"
    (total,) = mini(cli, repo, "--by", "country", "--year", "2020")
    assert total["population"] == "1026967"


def test_mini_direct_only(cli, repo):
    rows = {r["code"]: r for r in mini(cli, repo, "--report", "participation", "--direct-only")}
    assert rows["091"]["networks"] == "1" and rows["091"]["direct_lead"] == "1"
    assert rows["018"]["covered"] == "0" and rows["018"]["via_area"] == "2"


def test_mini_gaps(cli, repo):
    rows = mini(cli, repo, "--report", "gaps", "--status", "member")
    assert [r["code"] for r in rows] == ["638", "018"]
    assert rows[0]["name"] == "Porvoo" and rows[0]["population"] == "50619"


def test_mini_concentration_and_lorenz(cli, repo):
    (c,) = mini(cli, repo, "--report", "concentration")
    assert float(c["gini"]) == pytest.approx(1 / 6)
    assert float(c["herfindahl"]) == pytest.approx(0.2)
    assert c["top_k"] == "1" and float(c["top_share"]) == pytest.approx(0.2)
    (z,) = mini(cli, repo, "--report", "concentration", "--exclude-zeros")
    assert float(z["gini"]) == pytest.approx(0, abs=1e-12)
    (t,) = mini(cli, repo, "--report", "concentration", "--top", "0.5")
    assert t["top_k"] == "3" and float(t["top_share"]) == pytest.approx(0.6)
    lorenz = mini(cli, repo, "--report", "lorenz")
    assert len(lorenz) == 7 and float(lorenz[-1]["participation_share"]) == 1


def test_mini_footprint_json(cli, repo):
    result = coverage(cli, repo, MINI, "--geography", MINI_GEOGRAPHY, "--report", "footprint", "--format", "json", "-q")
    rows = {r["network_id"]: r for r in json.loads(result.stdout)}
    assert rows["n-kasvu"]["municipalities"] == 3 and rows["n-kasvu"]["supra_regionality"] == 0
    assert rows["n-kasvu"]["population"] == 292796 + 658457 + 50619
    assert rows["n-meri"]["supra_regionality"] is None  # NaN (no lead) as null
    assert rows["n-itameri"]["via_area"] == 4


# --- idea_call_2021 -----------------------------------------------------------------------------

def test_idea_call_default_report_and_summary(cli, repo):
    result = coverage(cli, repo, IDEA_CALL)
    rows = rows_of(result.stdout)
    assert len(rows) == 19  # by region by default
    assert sum(int(r["municipalities"]) for r in rows) == 309
    assert sum(int(r["population"]) for r in rows) == 5548241
    covered = sum(int(r["covered"]) for r in rows)
    assert f"covered: {covered} of 309 municipalities" in result.stderr
    assert "5,548,241 on 31.12.2021" in result.stderr


def test_idea_call_members_fewer_than_all(cli, repo):
    (everything,) = rows_of(coverage(cli, repo, IDEA_CALL, "--by", "country", "-q").stdout)
    (members,) = rows_of(coverage(cli, repo, IDEA_CALL, "--by", "country", "--status", "member", "-q").stdout)
    assert 0 < int(members["covered"]) < int(everything["covered"])


def test_idea_call_every_report_json(cli, repo):
    for report, n in [("participation", 309), ("footprint", 60), ("lorenz", 310), ("concentration", 1)]:
        result = coverage(cli, repo, IDEA_CALL, "--report", report, "--format", "json", "-q")
        assert len(json.loads(result.stdout)) == n, report
    gaps = json.loads(coverage(cli, repo, IDEA_CALL, "--report", "gaps", "--format", "json", "-q").stdout)
    populations = [g["population"] for g in gaps]
    assert populations == sorted(populations, reverse=True)
    (c,) = json.loads(coverage(cli, repo, IDEA_CALL, "--report", "concentration", "--format", "json", "-q").stdout)
    assert 0 < c["gini"] < 1 and c["top_k"] == 31 and c["municipalities"] == 309


def test_out_file(cli, repo, tmp_path):
    out = tmp_path / "sub" / "gaps.csv"
    result = coverage(cli, repo, IDEA_CALL, "--report", "gaps", "--out", out)
    assert result.stdout == ""
    assert f"wrote {out}" in result.stderr
    assert out.read_text(encoding="utf-8").startswith("code,name,subregion_code")


# --- exit codes -------------------------------------------------------------------------------------

@pytest.mark.parametrize("args", [
    ["--by", "kunta"],
    ["--report", "nonsense"],
    ["--report", "gaps", "--by", "region"],
    ["--exclude-zeros"],
    ["--report", "gaps", "--top", "0.2"],
    ["--report", "concentration", "--top", "0"],
    ["--status", "memberr"],
    ["--from", "2021-13"],
    ["--year", "1990"],
    ["--format", "xml"],
])
def test_usage_errors_exit_2(cli, repo, args):
    result = cli("coverage", IDEA_CALL, *args, cwd=repo)
    assert result.returncode == 2, (args, result.stderr)
    assert result.stdout == ""


def test_no_dataset_is_usage(cli, repo):
    assert cli("coverage", cwd=repo).returncode == 2


def test_bad_input_exit_1(cli, repo, tmp_path):
    result = cli("coverage", tmp_path / "nothing-here", cwd=repo)
    assert result.returncode == 1
    result = cli("coverage", "tests/data/broken/actors-bad-kind", "--geography", MINI_GEOGRAPHY, cwd=repo)
    assert result.returncode == 1
    assert "actors.csv:" in result.stderr
    assert result.stdout == ""


def test_help_names_the_reports(cli, repo):
    result = cli("coverage", "--help", cwd=repo)
    assert result.returncode == 0
    for word in ["--report", "participation", "gaps", "concentration", "lorenz", "footprint", "--area-actors",
                 "--direct-only", "--year", "size-class"]:
        assert word in result.stdout, word
