"""The command line as a whole (issue 10): every subcommand has --help with examples that run, the
same names for the same options, exit status 0 ok / 1 bad input / 2 usage, problems as
file:line:column: on standard error with nothing on standard output and no --out file, an empty
standard error with -q, and JSON that parses where --format csv|json is offered."""
import csv
import json
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import CLI, REPO, run_cli

sys.path.insert(0, str(REPO / "scripts"))
from cli_docs import command_groups, examples_of, footer_paragraphs, split_help  # noqa: E402

IDEA_CALL = "data/collaborations/idea_call_2021"
FI = "data/geography/fi-2021"
MINI = "tests/data/valid-mini/collaborations/mini"
MINI_GEOGRAPHY = "tests/data/valid-mini/geography/mini-2021"
BROKEN = "tests/data/broken"
RULES = "data/collaborations/call_rules_2021/rules.json"

# The commands of issues 1-9, in the groups of `alueverkko --help`.
GROUPS = {
    "Data": ["geography", "validate"],
    "Analysis": ["metrics", "coverage", "eligibility", "overlap", "brokerage", "communities", "backbone"],
    "Maps and exports": ["map", "draw", "convert"],
}
KNOWN = [c for commands in GROUPS.values() for c in commands]
# Commands that read a data set but take no membership filters, and why (docs/cli.md says so too):
# geography reads no data set, validate checks all of it, eligibility counts as the call's rules say.
NO_FILTERS = {"geography", "validate", "eligibility"}
FILTERS = ["--status", "--role", "--track", "--theme", "--from", "--to"]
TABLE_COMMANDS = {"geography", "metrics", "coverage", "eligibility", "overlap", "brokerage", "communities", "backbone"}


def help_text(*command):
    result = run_cli(*command, "--help")
    assert result.returncode == 0, result.stderr
    return result.stdout


def discovered_commands():
    """The commands `alueverkko --help` lists (so a new one, e.g. report, is tested as it lands)."""
    try:
        top = subprocess.run([CLI, "--help"], capture_output=True, text=True, timeout=60).stdout
    except OSError:
        return KNOWN
    found = [name for _, entries in command_groups(top) for name, _ in entries]
    return found or KNOWN


COMMANDS = discovered_commands()


def collected_examples():
    cases = []
    for command in COMMANDS:
        try:
            text = subprocess.run([CLI, command, "--help"], capture_output=True, text=True, timeout=60).stdout
            examples = joined_examples(examples_of(split_help(text)[3]))
        except (OSError, StopIteration, IndexError):
            examples = []
        cases += [pytest.param(command, example, id=f"{command}-{i}") for i, example in enumerate(examples)]
    return cases


def joined_examples(lines):
    """Example lines with their backslash continuations joined into one command each."""
    commands, current = [], ""
    for line in lines:
        current += line.strip()
        if current.endswith("\\"):
            current = current[:-1] + " "
        else:
            commands.append(current)
            current = ""
    return commands


# ---------------------------------------------------------------------------------------------- help


def test_top_level_help_groups_every_command():
    result = run_cli("--help")
    assert result.returncode == 0 and result.stderr == ""
    groups = dict(command_groups(result.stdout))
    for group, commands in GROUPS.items():
        assert [name for name, _ in groups[group] if name in KNOWN] == commands, group
    for entries in groups.values():
        for name, summary in entries:
            assert summary and "\n" not in summary, name  # one line each
    assert "Exit status: 0 ok, 1 bad input (each problem as file:line:column: message), 2 usage." in result.stdout
    assert "docs/cli.md" in result.stdout


@pytest.mark.parametrize("command", COMMANDS)
def test_help_has_output_exit_status_and_examples(command):
    result = run_cli(command, "--help")
    assert result.returncode == 0
    assert result.stderr == ""
    summary, usage, listing, footer = split_help(result.stdout)
    assert usage.startswith(f"alueverkko {command} [OPTIONS]")
    heads = [p[0].split(":")[0] for p in footer_paragraphs(footer)]
    assert ("Output" in heads or "Standard output" in heads) and "Exit status" in heads
    assert heads[-1] in ("Example", "Examples")  # the examples end the footer
    assert "Exit status: 0 ok, 1 bad input (each problem as file:line:column: message), 2 usage." in result.stdout
    examples = joined_examples(examples_of(footer))
    assert examples and all(e.startswith(f"alueverkko {command} ") for e in examples)


@pytest.mark.parametrize("command", COMMANDS)
def test_same_names_for_the_same_options(command):
    """--out FILE, --geography DIR, -q,--quiet, --threads N, --format FORMAT, --level LEVEL,
    --weighting WEIGHTING, DATASET DIR: one spelling everywhere."""
    listing = split_help(help_text(command))[2]
    entries = [line.split()[0] for line in listing.splitlines() if line.startswith("  ") and not line.startswith("   ")]
    words = {line.strip().split()[0]: line.strip() for line in listing.splitlines() if re.match(r"  \S", line)}
    expected_type = {"--out": "DIR" if command == "report" else "FILE", "--geography": "DIR", "--threads": "N", "--format": "FORMAT", "--level": "LEVEL",
                     "--weighting": "WEIGHTING", "DATASET": "DIR"}
    for name, type_name in expected_type.items():
        if name in words:
            assert words[name].split()[1].split(":")[0] == type_name, (command, words[name])
    assert "--quiet" not in entries and "-q" not in entries  # always the pair -q,--quiet
    if any("quiet" in e for e in entries):
        assert "-q,--quiet" in entries
    if command in NO_FILTERS:
        assert not set(FILTERS) & set(words)
    else:
        assert set(FILTERS) <= set(words), command
        assert "--geography" in words


@pytest.mark.parametrize("command", sorted(set(COMMANDS) - {"report"}))
def test_every_command_has_quiet_and_out(command):
    words = split_help(help_text(command))[2]
    assert "-q,--quiet" in words
    if command != "validate":  # validate writes no result file: its answer is the exit status
        assert "--out DIR" in words if command == "report" else "--out FILE" in words


# ------------------------------------------------------------------------------------------ examples

MY_FILES = {"my_edges.csv": "tests/data/plain/small-weighted.csv", "my_memberships.csv": "tests/data/plain/memberships.csv"}
OUTPUT_OPTIONS = ("--out", "--each-network", "--positions")


def region_values(tmp_path):
    path = tmp_path / "unemployment.csv"
    with open(REPO / FI / "regions.csv", encoding="utf-8") as f:
        codes = [row["code"] for row in csv.DictReader(f)]
    path.write_text("code,rate\n" + "".join(f"{c},{5 + i % 7}.5\n" for i, c in enumerate(codes)), encoding="utf-8")
    return str(path)


@pytest.mark.parametrize("command,example", collected_examples())
def test_example_runs(command, example, tmp_path):
    """Every example of every --help runs as printed, its outputs moved into tmp_path and the
    stand-ins for the user's own files (my_*.csv, unemployment.csv) replaced by small real ones."""
    args = shlex.split(example)[1:]
    outputs = []
    for i, arg in enumerate(args):
        if i > 0 and args[i - 1] in OUTPUT_OPTIONS:
            args[i] = str(tmp_path / "out" / Path(arg).name)
            outputs.append(Path(args[i]))
        elif arg in MY_FILES:
            args[i] = MY_FILES[arg]
        elif arg == "unemployment.csv":
            args[i] = region_values(tmp_path)
    result = run_cli(*args, cwd=REPO)
    assert result.returncode == 0, (example, result.stderr)
    for out in outputs:
        assert out.exists() and (out.is_dir() and any(out.iterdir()) or out.stat().st_size > 0), out
    if not outputs and "--quiet" not in args:
        assert result.stdout.strip(), example  # the result went to standard output
    if "--quiet" in args or "-q" in args:
        assert result.stderr == ""


# --------------------------------------------------------------------------------------------- usage


@pytest.mark.parametrize("command", COMMANDS)
def test_unknown_option_is_a_usage_error(command, tmp_path):
    """An otherwise complete, valid command line with one unknown option: nothing runs."""
    args = success_args(command, tmp_path) if command in SUCCESS else []
    result = run_cli(command, *args, "--no-such-option", cwd=REPO)
    assert result.returncode == 2
    assert result.stdout == ""
    assert "--no-such-option" in result.stderr
    assert list(tmp_path.iterdir()) == []  # map and draw wrote nothing


LEVEL_COMMANDS = ["metrics", "overlap", "brokerage", "communities", "backbone", "map", "draw", "convert"]


@pytest.mark.parametrize("command", LEVEL_COMMANDS)
def test_bad_option_value_is_a_usage_error(command, tmp_path):
    assert "--level LEVEL" in help_text(command)
    out = tmp_path / "x.svg"
    result = run_cli(command, MINI, "--level", "county", "--out", out, cwd=REPO)
    assert result.returncode == 2, result.stderr
    assert result.stdout == "" and "county" in result.stderr
    assert not out.exists()


def test_commands_with_a_level_are_the_listed_ones():
    assert {c for c in KNOWN if "--level LEVEL" in help_text(c)} == set(LEVEL_COMMANDS)


# ------------------------------------------------------------------------------------ broken data sets

# What each data-set command needs besides its input to get as far as reading it.
ARGS = {
    "validate": [],
    "metrics": ["--measure", "degree"],
    "coverage": [],
    "eligibility": ["--rules", RULES],
    "overlap": [],
    "brokerage": [],
    "communities": ["--method", "louvain", "--seed", "1"],
    "backbone": ["--method", "sdsm"],
    "map": [],
    "draw": [],
    "convert": [],
}
OUT_NAME = {"map": "out.svg", "draw": "out.svg", "convert": "out.graphml"}
# Two or three of the broken corpus's cases per command, each case for a different command where
# possible; geo-* cases are broken geographies under the valid mini data set.
CASES = {
    "validate": ["csv-bom", "memberships-unknown-refs", "geo-duplicate-code"],
    "metrics": ["csv-unterminated-quote", "actors-duplicate-id", "geo-sum-mismatch"],
    "coverage": ["networks-bad-enums", "aliases-unknown-actor", "geo-unknown-codes"],
    "eligibility": ["memberships-two-leads", "json-syntax-error"],
    "overlap": ["csv-missing-column", "memberships-bad-values", "geo-population-missing"],
    "brokerage": ["actors-bad-kind", "problems-in-two-files"],
    "communities": ["csv-too-many-fields", "missing-file", "geo-bilingual"],
    "backbone": ["csv-invalid-utf8", "networks-values"],
    "map": ["json-schema", "actors-unknown-municipality"],
    "draw": ["memberships-duplicate-pair", "csv-semicolon"],
    "convert": ["sources-invalid", "multiple-problems-one-file", "geo-region-mismatch"],
}
if "report" in COMMANDS:
    ARGS["report"] = []
    OUT_NAME["report"] = "report"
    CASES["report"] = ["actors-area-code", "csv-empty-file"]
GEOGRAPHY_CASES = {"geography": ["geo-json", "geo-size-class"]}


def broken_params():
    for command, cases in CASES.items():
        for case in cases:
            yield pytest.param(command, case, id=f"{command}-{case}")


def expected_lines(case):
    lines = (REPO / BROKEN / case / "expected.txt").read_text(encoding="utf-8").splitlines()
    return [f"{BROKEN}/{case}/{line}" for line in lines if line]


def test_cases_cover_the_commands_and_exist():
    assert set(CASES) == set(COMMANDS) - {"geography"}
    cases = [c for cs in [*CASES.values(), *GEOGRAPHY_CASES.values()] for c in cs]
    assert len(cases) == len(set(cases))  # each case once
    for case in cases:
        assert (REPO / BROKEN / case / "expected.txt").is_file(), case


@pytest.mark.parametrize("command,case", broken_params())
def test_broken_data_set_is_bad_input(command, case, tmp_path):
    out = tmp_path / OUT_NAME.get(command, "out.csv")
    if case.startswith("geo-"):
        args = [MINI, "--geography", f"{BROKEN}/{case}"]
    else:
        args = [f"{BROKEN}/{case}", "--geography", MINI_GEOGRAPHY]
    if command != "validate":
        args += ["--out", str(out)]
    result = run_cli(command, *args, *ARGS[command], "-q", cwd=REPO)  # -q silences no problem
    assert result.returncode == 1, result.stderr
    assert result.stdout == ""
    assert not out.exists()
    lines = result.stderr.splitlines()
    assert lines and all(re.match(r"^[^:\n]+:\d+:\d+: \S", line) for line in lines), result.stderr
    assert lines == expected_lines(case)


@pytest.mark.parametrize("case", GEOGRAPHY_CASES["geography"])
def test_broken_geography_is_bad_input(case, tmp_path):
    out = tmp_path / "places.csv"
    result = run_cli("geography", f"{BROKEN}/{case}", "--out", out, "-q", cwd=REPO)
    assert result.returncode == 1
    assert result.stdout == "" and not out.exists()
    assert result.stderr.splitlines() == expected_lines(case)


# ------------------------------------------------------------------------------- quiet, json, progress

# A quick successful run of each command (the mini data set where it has what the command needs).
SUCCESS = {
    "geography": [MINI_GEOGRAPHY, "--by", "municipality"],
    "validate": [MINI, "--geography", MINI_GEOGRAPHY],
    "metrics": [MINI, "--geography", MINI_GEOGRAPHY, "--measure", "degree,betweenness"],
    "coverage": [MINI, "--geography", MINI_GEOGRAPHY, "--report", "participation"],
    "eligibility": [MINI, "--geography", MINI_GEOGRAPHY, "--rules", RULES],
    "overlap": [MINI, "--geography", MINI_GEOGRAPHY, "--portfolio"],
    "brokerage": [MINI, "--geography", MINI_GEOGRAPHY, "--report", "diversity"],
    "communities": [MINI, "--geography", MINI_GEOGRAPHY, "--method", "leiden", "--seed", "3"],
    "backbone": [MINI, "--geography", MINI_GEOGRAPHY, "--method", "disparity", "--level", "actor", "--alpha", "1"],
    "map": [IDEA_CALL, "--level", "region", "--out", "{tmp}/map.svg"],
    "draw": [MINI, "--geography", MINI_GEOGRAPHY, "--layout", "circo", "--out", "{tmp}/graph.svg"],
    "convert": [MINI, "--geography", MINI_GEOGRAPHY, "--format", "graphml"],
    "report": [IDEA_CALL, "--out", "{tmp}/report"],
}


def success_args(command, tmp_path):
    return [a.replace("{tmp}", str(tmp_path)) for a in SUCCESS[command]]


@pytest.mark.parametrize("command", [c for c in COMMANDS if c in SUCCESS])
def test_quiet_leaves_standard_error_empty(command, tmp_path):
    loud = run_cli(command, *success_args(command, tmp_path), cwd=REPO)
    assert loud.returncode == 0, loud.stderr
    quiet = run_cli(command, *success_args(command, tmp_path), "-q", cwd=REPO)
    assert quiet.returncode == 0, quiet.stderr
    assert quiet.stderr == ""
    if command == "validate":
        assert loud.stdout and quiet.stdout == ""  # -q: the exit status is the answer
    elif command not in ("map", "draw", "report"):
        assert quiet.stdout == loud.stdout and quiet.stdout  # the result does not depend on -q
        if command != "geography":
            assert loud.stderr  # the summary -q took away


def test_table_commands_are_the_ones_offering_csv_and_json():
    offering = {c for c in COMMANDS if "--format FORMAT:{csv,json}" in help_text(c)}
    assert offering == TABLE_COMMANDS


@pytest.mark.parametrize("command", sorted(TABLE_COMMANDS))
def test_json_output_parses_and_matches_the_csv(command, tmp_path):
    as_json = run_cli(command, *success_args(command, tmp_path), "--format", "json", "-q", cwd=REPO)
    assert as_json.returncode == 0, as_json.stderr
    data = json.loads(as_json.stdout)
    rows = data["rows"] if isinstance(data, dict) else data
    as_csv = run_cli(command, *success_args(command, tmp_path), "--format", "csv", "-q", cwd=REPO)
    table = list(csv.DictReader(as_csv.stdout.splitlines()))
    assert len(rows) == len(table) > 0
    assert list(rows[0]) == list(table[0])  # the same columns in the same order


def test_json_to_out_file_is_the_same_as_to_standard_output(tmp_path):
    args = success_args("coverage", tmp_path) + ["--format", "json", "-q"]
    to_stdout = run_cli("coverage", *args, cwd=REPO)
    to_file = run_cli("coverage", *args, "--out", tmp_path / "sub" / "c.json", cwd=REPO)
    assert to_file.returncode == 0 and to_file.stdout == "" and to_file.stderr == ""
    assert (tmp_path / "sub" / "c.json").read_text(encoding="utf-8") == to_stdout.stdout


def test_draw_shows_the_progress_of_its_measures(tmp_path):
    out = tmp_path / "g.dot"
    args = ["draw", IDEA_CALL, "--level", "municipality", "--size-by", "betweenness", "--layout", "circo",
            "--out", str(out), "-q"]
    plain = subprocess.run([CLI, *args], capture_output=True, cwd=REPO, timeout=120)
    shown = subprocess.run([CLI, *args, "--progress"], capture_output=True, cwd=REPO, timeout=120)
    assert plain.returncode == shown.returncode == 0, shown.stderr
    assert plain.stderr == b""
    lines = [line for line in re.split(r"[\r\n]", shown.stderr.decode()) if line]
    assert lines and all(re.fullmatch(r"(betweenness: \d+/\d+ sources|strength: \d+/\d+ vertices) \(\d+%\)", line)
                         for line in lines), lines
    assert any(line.startswith("betweenness: ") and line.endswith("(100%)") for line in lines)
