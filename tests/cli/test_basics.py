"""The command line's surface: help, version, exit codes, and the geography command."""
import csv
import json


def test_version(cli):
    result = cli("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == "alueverkko 0.1.0"


def test_help_lists_subcommands(cli):
    result = cli("--help")
    assert result.returncode == 0
    assert "geography" in result.stdout and "validate" in result.stdout


def test_no_subcommand_is_a_usage_error(cli):
    result = cli()
    assert result.returncode == 2


def test_unknown_option_is_a_usage_error(cli):
    result = cli("geography", "data/geography/fi-2021", "--by", "county")
    assert result.returncode == 2
    assert "county" in result.stderr


def test_geography_summary_and_region_table(cli, repo, tmp_path):
    out = tmp_path / "regions.csv"
    result = cli("geography", repo / "data/geography/fi-2021", "--by", "region", "--out", out)
    assert result.returncode == 0, result.stderr
    assert "municipalities: 309" in result.stdout
    assert "sub-regions:    69" in result.stdout
    assert "regions:        19" in result.stdout
    assert "5,548,241" in result.stdout and "5,533,793" in result.stdout
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert len(rows) == 19
    uusimaa = next(r for r in rows if r["code"] == "01")
    assert (uusimaa["name_fi"], uusimaa["n_municipalities"], uusimaa["population_2021"]) == ("Uusimaa", "26", "1714741")
    assert sum(int(r["population_2021"]) for r in rows) == 5548241


def test_geography_municipalities_as_json_on_stdout(cli, repo):
    result = cli("geography", repo / "data/geography/fi-2021", "--by", "municipality", "--format", "json")
    assert result.returncode == 0, result.stderr
    rows = json.loads(result.stdout)  # the summary goes to stderr, stdout stays clean JSON
    assert len(rows) == 309
    helsinki = next(r for r in rows if r["code"] == "091")
    assert helsinki["region_code"] == "01" and helsinki["population_2021"] == 658457
    assert helsinki["size_class"] == "A"


def test_geography_missing_directory_is_bad_input(cli, tmp_path):
    result = cli("geography", tmp_path / "nowhere")
    assert result.returncode == 1
    assert "nowhere" in result.stderr
