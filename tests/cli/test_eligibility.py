"""`alueverkko eligibility`: the table, the summary on standard error, options and exit codes."""
import csv
import io
import json
import os
import subprocess

from conftest import CLI

IDEA_CALL = "data/collaborations/idea_call_2021"
RULES = "data/collaborations/call_rules_2021/rules.json"
BROKEN = "tests/data/rules"
MINI = "tests/data/valid-mini/collaborations/mini"


def rows_of(text):
    return list(csv.DictReader(io.StringIO(text)))


def test_default_rules_csv_and_summary(cli, repo):
    result = cli("eligibility", repo / IDEA_CALL)
    assert result.returncode == 0, result.stderr
    rows = rows_of(result.stdout)
    assert len(rows) == 60
    assert [r["network_id"] for r in rows if r["verdict"] == "pass"] == ["p03", "p07", "p14", "p24", "p28", "p42"]
    by_id = {r["network_id"]: r for r in rows}
    assert by_id["p10"]["reason"] == "1 municipality named, needs 4; all in one region (Pohjois-Savo), needs 2"
    assert by_id["p03"]["municipalities_named"] == "12" and by_id["p03"]["regions_named"] == "5"
    assert by_id["p03"]["paid_to"] == "Varsinais-Suomen liitto"
    err = result.stderr
    assert "eligibility of 60 proposals" in err
    assert "development_zone (municipalities > 4, regions >= 2): 2 pass, 7 fail" in err
    assert "thematic_network (municipalities >= 4, regions >= 2): 4 pass, 47 fail" in err
    assert "named 4, seats 8, planned 11 of 51" in err


def test_count_json_out_and_explicit_rules(cli, repo, tmp_path):
    out = tmp_path / "e.json"
    result = cli("eligibility", repo / IDEA_CALL, "--rules", repo / RULES, "--count", "seats", "--format", "json",
                 "--out", out, "--quiet")
    assert result.returncode == 0, result.stderr
    assert result.stdout == "" and result.stderr == ""
    rows = json.loads(out.read_text(encoding="utf-8"))
    assert len(rows) == 60
    assert sum(r["verdict"] == "pass" for r in rows) == 10
    assert all(r["count"] == "seats" for r in rows)
    assert isinstance(rows[0]["municipalities_seats"], int)


def test_area_actors_option(cli, repo):
    plain = rows_of(cli("eligibility", repo / IDEA_CALL, "-q").stdout)
    regions = rows_of(cli("eligibility", repo / IDEA_CALL, "-q", "--area-actors", "regions").stdout)
    # region-wide actors never add municipalities, and never change the named count
    for a, b in zip(plain, regions):
        assert a["municipalities_seats"] == b["municipalities_seats"]
        assert a["regions_named"] == b["regions_named"]
        assert int(b["regions_seats"]) >= int(a["regions_seats"])


def test_broken_rules_exit_1_with_positions(cli, repo):
    result = cli("eligibility", repo / IDEA_CALL, "--rules", repo / BROKEN / "unknown-quantity.json")
    assert result.returncode == 1
    lines = result.stderr.splitlines()
    assert lines[0] == f"{repo / BROKEN / 'unknown-quantity.json'}:6:18: unknown quantity 'kunnat' " \
                       "(expected municipalities or regions)"
    assert len(lines) == 3
    assert result.stdout == ""


def test_rules_not_found_exit_1(repo):
    # the mini data set has no call_rules_2021 beside it, and ALUEVERKKO_DATA_DIR points nowhere
    env = dict(os.environ, ALUEVERKKO_DATA_DIR=str(repo / "tests" / "data" / "plain"))
    result = subprocess.run([CLI, "eligibility", str(repo / MINI)], capture_output=True, text=True, env=env,
                            timeout=120)
    if result.returncode == 0:  # an installed copy of the bundled data was found: nothing to test
        return
    assert result.returncode == 1
    assert "call rules 'call_rules_2021' not found" in result.stderr
    assert "--rules FILE" in result.stderr


def test_mini_with_explicit_rules(cli, repo):
    result = cli("eligibility", repo / MINI, "--rules", repo / RULES)
    assert result.returncode == 0, result.stderr
    rows = rows_of(result.stdout)
    assert {r["track"] for r in rows} <= {"development_zone", "thematic_network"}
    assert len(rows) == 2


def test_usage_errors_exit_2(cli, repo):
    assert cli("eligibility").returncode == 2
    assert cli("eligibility", repo / IDEA_CALL, "--count", "everything").returncode == 2
    assert cli("eligibility", repo / IDEA_CALL, "--format", "xml").returncode == 2
    assert cli("eligibility", repo / IDEA_CALL, "--area-actors", "maybe").returncode == 2
