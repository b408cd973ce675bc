"""`alueverkko validate`: the summary of a valid data set, and every problem of a broken one."""
import os
import subprocess

from conftest import CLI

DATA = "tests/data"
MINI = f"{DATA}/valid-mini/collaborations/mini"
MINI_GEOGRAPHY = f"{DATA}/valid-mini/geography/mini-2021"


def expected_lines(repo, case):
    """expected.txt of a broken case, with file names as the CLI prints them."""
    lines = (repo / DATA / "broken" / case / "expected.txt").read_text(encoding="utf-8").splitlines()
    return [f"{repo / DATA / 'broken' / case}/{line}" for line in lines if line]


def test_valid_mini_summary(cli, repo):
    result = cli("validate", repo / MINI)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    out = result.stdout
    assert "dataset mini is valid (geography mini-2021)" in out
    assert "actors: 12" in out
    assert ("actors by kind: municipality 6, region 1, subregion 1, regional_council 1, university 1, "
            "group 1, foreign_municipality 1") in out
    assert "networks by kind: proposal 1, network 1, programme 1" in out
    assert "networks by track: (none) 1, development_zone 1, thematic_network 1" in out
    assert "memberships by status: member 8, planned 2, invited 1, mentioned 1" in out
    assert "municipalities reached directly: 5 of 6" in out


def test_explicit_geography_and_relative_paths(cli, repo):
    result = cli("validate", MINI, "--geography", MINI_GEOGRAPHY, cwd=repo)
    assert result.returncode == 0, result.stderr
    assert "memberships: 12" in result.stdout


def test_broken_case_prints_every_problem(cli, repo):
    case = "multiple-problems-one-file"
    result = cli("validate", repo / DATA / "broken" / case, "--geography", repo / MINI_GEOGRAPHY)
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr.splitlines() == expected_lines(repo, case)


def test_problems_in_several_files(cli, repo):
    case = "sources-invalid"
    result = cli("validate", repo / DATA / "broken" / case, "--geography", repo / MINI_GEOGRAPHY)
    assert result.returncode == 1
    lines = result.stderr.splitlines()
    assert lines == expected_lines(repo, case)
    assert [line.split("/")[-1].split(":")[0] for line in lines] == ["actors.csv", "networks.csv", "memberships.csv"]


def test_messages_use_file_line_column(cli, repo):
    result = cli("validate", "broken/csv-invalid-utf8", "--geography", "valid-mini/geography/mini-2021",
                 cwd=repo / DATA)
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        "broken/csv-invalid-utf8/actors.csv:6:15: invalid UTF-8 (byte 0xF6); the file must be UTF-8 encoded"]


def test_broken_geography_is_reported(cli, repo):
    result = cli("validate", repo / MINI, "--geography", repo / DATA / "broken" / "geo-sum-mismatch")
    assert result.returncode == 1
    assert result.stderr.splitlines() == expected_lines(repo, "geo-sum-mismatch")


def test_geography_not_found(repo):
    # The broken cases have no ../../geography/mini-2021 next to them.
    env_free = {k: v for k, v in os.environ.items() if k != "ALUEVERKKO_DATA_DIR"}
    result = subprocess.run([CLI, "validate", str(repo / DATA / "broken" / "csv-bom")], capture_output=True,
                            text=True, env=env_free, timeout=120)
    assert result.returncode == 1
    assert "geography 'mini-2021' not found (looked in: " in result.stderr
    assert "--geography DIR" in result.stderr


def test_geography_from_environment(repo):
    env = dict(os.environ, ALUEVERKKO_DATA_DIR=str(repo / DATA / "valid-mini"))
    result = subprocess.run([CLI, "validate", str(repo / DATA / "broken" / "csv-bom")], capture_output=True,
                            text=True, env=env, timeout=120)
    assert result.returncode == 1  # found the geography; the data set itself is broken
    assert result.stderr.splitlines() == expected_lines(repo, "csv-bom")


def test_broken_dataset_json(cli, repo):
    case = "json-syntax-error"
    result = cli("validate", repo / DATA / "broken" / case)
    assert result.returncode == 1
    assert result.stderr.splitlines() == expected_lines(repo, case)


def test_missing_dataset_directory(cli, tmp_path):
    result = cli("validate", tmp_path / "nowhere")
    assert result.returncode == 1
    assert "dataset.json:0:0: file not found" in result.stderr


def test_usage_errors(cli):
    assert cli("validate").returncode == 2
    assert cli("validate", "x", "--no-such-option").returncode == 2
