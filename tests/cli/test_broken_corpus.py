"""The broken-input corpora through the command line, and outputs written all or nothing.

tests/data/broken (data sets and geographies), tests/data/broken-plain (edge lists, membership
lists, place values) and tests/data/topojson-broken: every command that reads a case exits with
status 1 (bad input) and prints exactly the case's expected.txt on standard error, its paths as
given on the command line. A command that would write files (metrics, map, map --each-network,
report, convert --format csv, draw --positions, communities, backbone) writes nothing: no new file or directory, earlier
outputs byte-identical, no temporary file beside them. Successful writes replace their targets
atomically (src/cli/output.hpp), keep their permissions and leave no temporary files.
"""
import os
import re
import shutil
import stat
import sys

import pytest

from conftest import REPO, run_cli

DATA = REPO / "tests" / "data"
sys.path.insert(0, str(DATA))
from make_broken_corpus import (  # noqa: E402  (the corpora's generator: their layout and helpers)
    case_dirs, expected_lines, plain_input, snapshot,
)

BROKEN = DATA / "broken"
BROKEN_PLAIN = DATA / "broken-plain"
TOPOJSON_BROKEN = DATA / "topojson-broken"
MINI_DATASET = DATA / "valid-mini" / "collaborations" / "mini"
MINI_GEOGRAPHY = DATA / "valid-mini" / "geography" / "mini-2021"
HOSTILE_DATASET = DATA / "hostile" / "collaborations" / "hostile"  # with boundaries: maps and reports work
HOSTILE_GEOGRAPHY = DATA / "hostile" / "geography" / "hostile-2021"
EXIT_BAD_INPUT = 1  # "Exit status: 0 ok, 1 bad input (...), 2 usage" in every --help


def name_of(path):
    return path.name


def ok(*args):
    r = run_cli(*args)
    assert r.returncode == 0, f"alueverkko {' '.join(map(str, args))}\n{r.stderr}"
    return r


# --- inputs: each case as the command line names it -------------------------------------------

def dataset_input(case):
    """DATASET --geography DIR for a case of broken/, relative to BROKEN (the working directory),
    so that the diagnostics read '<case>/<file>:…' as in expected.txt."""
    if (case / "geography.json").exists():
        return [os.path.relpath(MINI_DATASET, BROKEN), "--geography", case.name]
    return [case.name, "--geography", os.path.relpath(MINI_GEOGRAPHY, BROKEN)]


def plain_input_args(case):
    """The options that read a broken-plain case's input, relative to BROKEN_PLAIN."""
    path = f"{case.name}/{plain_input(case).name}"
    return {
        "edges.csv": ["--edges", path],
        "distances.csv": ["--edges", path, "--weights-are-distances"],
        "memberships.csv": ["--memberships", path],
        "values.csv": ["--values", path, "--geography", os.path.relpath(MINI_GEOGRAPHY, BROKEN_PLAIN)],
    }[plain_input(case).name]


# Commands that write files: (id, command, its output options for an output directory D).
DATASET_WRITERS = [
    ("metrics", "metrics", lambda d: ["--measure", "degree", "--out", d / "metrics.csv"]),
    ("map", "map", lambda d: ["--out", d / "map.svg"]),
    ("map-each-network", "map", lambda d: ["--each-network", d / "maps"]),
    ("report", "report", lambda d: ["--out", d / "report"]),
    ("convert-csv", "convert", lambda d: ["--format", "csv", "--out", d / "edges.csv"]),
]
# Every command reading --edges or --memberships (communities and backbone read affinities only;
# backbone --method sdsm reads the two-mode list itself, unprojected).
GRAPH_WRITERS = [
    ("metrics", "metrics", lambda d: ["--measure", "degree", "--out", d / "metrics.csv"]),
    ("draw-positions", "draw", lambda d: ["--out", d / "graph.svg", "--positions", d / "positions.csv"]),
]
AFFINITY_WRITERS = [
    ("communities", "communities", lambda d: ["--method", "louvain", "--seed", "1", "--out", d / "communities.csv"]),
    ("backbone-disparity", "backbone", lambda d: ["--method", "disparity", "--out", d / "backbone.csv"]),
]
PLAIN_WRITERS = {
    "edges.csv": GRAPH_WRITERS + AFFINITY_WRITERS,
    "distances.csv": GRAPH_WRITERS,
    "memberships.csv": GRAPH_WRITERS + AFFINITY_WRITERS + [
        ("backbone-sdsm", "backbone", lambda d: ["--method", "sdsm", "--out", d / "backbone.csv"])],
    "values.csv": [("map", "map", lambda d: ["--out", d / "map.svg"])],
}


@pytest.fixture(scope="module")
def earlier(tmp_path_factory):
    """earlier(kind, writer): a directory with the outputs of `writer` from a valid input of `kind`
    ("dataset" or a broken-plain file name), made once."""
    values = tmp_path_factory.mktemp("values") / "values.csv"
    values.write_text("code,value\n091,1\n049,2\n", encoding="utf-8")
    valid_input = {
        "dataset": [HOSTILE_DATASET],
        "edges.csv": ["--edges", DATA / "plain" / "edges.csv"],
        "distances.csv": ["--edges", DATA / "plain" / "small-weighted.csv", "--weights-are-distances"],
        "memberships.csv": ["--memberships", DATA / "plain" / "memberships.csv"],
        "values.csv": ["--values", values, "--geography", HOSTILE_GEOGRAPHY],
    }
    made = {}

    def outputs(kind, writer):
        key = (kind, writer[0])
        if key not in made:
            made[key] = tmp_path_factory.mktemp("earlier")
            _, command, options = writer
            ok(command, *valid_input[kind], *options(made[key]), "-q")
        return made[key]
    return outputs


def fails_exactly(case, args, cwd):
    """The command exits with status 1 and prints exactly the case's diagnostics."""
    r = run_cli(*args, cwd=cwd)
    assert r.returncode == EXIT_BAD_INPUT, r.stderr
    assert r.stdout == ""
    assert r.stderr.splitlines() == [f"{case.name}/{line}" for line in expected_lines(case)]


def writes_nothing(tmp_path, case, command, input_args, options, cwd, earlier_outputs):
    """Outputs into a directory that does not exist yet: it is not created. Over earlier outputs:
    they stay as they were (content and times), with nothing beside them."""
    fails_exactly(case, [command, *input_args, *options(tmp_path / "new" / "dir")], cwd)
    assert list(tmp_path.iterdir()) == []
    existing = tmp_path / "existing"
    shutil.copytree(earlier_outputs, existing)
    before = snapshot(existing)
    assert before
    fails_exactly(case, [command, *input_args, *options(existing)], cwd)
    assert snapshot(existing) == before


# --- the broken data sets and geographies -----------------------------------------------------

def test_corpora_are_large_enough():
    assert len(case_dirs(BROKEN)) >= 30
    assert len(case_dirs(BROKEN_PLAIN)) >= 12


@pytest.mark.parametrize("case", case_dirs(BROKEN), ids=name_of)
def test_validate_prints_exactly_the_diagnostics(case):
    before = snapshot(case)
    fails_exactly(case, ["validate", *dataset_input(case)], BROKEN)
    fails_exactly(case, ["validate", *dataset_input(case), "--quiet"], BROKEN)  # problems are never quiet
    assert snapshot(case) == before


@pytest.mark.parametrize("writer", DATASET_WRITERS, ids=lambda w: w[0])
@pytest.mark.parametrize("case", case_dirs(BROKEN), ids=name_of)
def test_broken_data_set_writes_nothing(tmp_path, earlier, case, writer):
    writes_nothing(tmp_path, case, writer[1], dataset_input(case), writer[2], BROKEN, earlier("dataset", writer))


# --- the broken plain inputs ------------------------------------------------------------------

PLAIN_CASE_WRITERS = [(case, writer) for case in case_dirs(BROKEN_PLAIN)
                      for writer in PLAIN_WRITERS[plain_input(case).name]]


@pytest.mark.parametrize("case, writer", PLAIN_CASE_WRITERS, ids=lambda x: x.name if hasattr(x, "name") else x[0])
def test_broken_plain_input_writes_nothing(tmp_path, earlier, case, writer):
    before = snapshot(case)
    earlier_outputs = earlier(plain_input(case).name, writer)
    writes_nothing(tmp_path, case, writer[1], plain_input_args(case), writer[2], BROKEN_PLAIN, earlier_outputs)
    assert snapshot(case) == before


# --- broken boundaries (TopoJSON) -------------------------------------------------------------

@pytest.mark.parametrize("command, options", [("map", ["--out", "out/map.svg"]), ("report", ["--out", "out/report"])],
                         ids=["map", "report"])
@pytest.mark.parametrize("path", sorted(TOPOJSON_BROKEN.iterdir()), ids=name_of)
def test_broken_boundaries_write_nothing(tmp_path, path, command, options):
    """The exact messages are tests/cpp/geo/test_topojson.cpp's; here each names the boundaries file
    at a line and column, and nothing is written (the report fails after it started writing)."""
    shutil.copytree(MINI_GEOGRAPHY, tmp_path / "geography")
    shutil.copy(path, tmp_path / "geography" / "boundaries.topo.json")
    before = snapshot(tmp_path)
    r = run_cli(command, MINI_DATASET, "--geography", "geography", *options, cwd=tmp_path)
    assert r.returncode == EXIT_BAD_INPUT, r.stderr
    assert r.stdout == ""
    lines = r.stderr.splitlines()
    assert lines and all(re.fullmatch(r"geography/boundaries\.topo\.json:[1-9][0-9]*:[1-9][0-9]*: \S.*", line)
                         for line in lines), lines
    assert snapshot(tmp_path) == before


# --- atomic outputs -----------------------------------------------------------------------------

def test_output_replaced_keeps_its_permissions(tmp_path):
    out = tmp_path / "metrics.csv"
    out.write_text("earlier\n", encoding="utf-8")
    out.chmod(0o640)
    ok("metrics", "--edges", DATA / "plain" / "edges.csv", "--measure", "degree", "--out", out, "-q")
    assert out.read_text(encoding="utf-8").startswith("id,degree\n")
    assert stat.S_IMODE(out.stat().st_mode) == 0o640
    assert [p.name for p in tmp_path.iterdir()] == ["metrics.csv"]


def test_new_output_gets_the_usual_permissions(tmp_path):
    out = tmp_path / "a" / "b" / "metrics.json"
    ok("metrics", "--edges", DATA / "plain" / "edges.csv", "--measure", "degree", "--format", "json", "--out", out, "-q")
    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE(out.stat().st_mode) == 0o666 & ~umask
    assert [p.name for p in out.parent.iterdir()] == ["metrics.json"]


# A target that is a directory fails the command before any file is renamed into place: the other
# outputs of the same command are not written either.
@pytest.mark.parametrize("args, blocked", [
    (["metrics", "--edges", DATA / "plain" / "edges.csv", "--measure", "degree", "--out", "{d}/out.csv"], "out.csv"),
    (["convert", HOSTILE_DATASET, "--format", "csv", "--out", "{d}/edges.csv"], "edges.nodes.csv"),
    (["map", HOSTILE_DATASET, "--each-network", "{d}"], "n-newline.svg"),
    (["draw", "--edges", DATA / "plain" / "edges.csv", "--out", "{d}/g.svg", "--positions", "{d}/p.csv"], "p.csv"),
], ids=["metrics", "convert-csv", "map-each-network", "draw-positions"])
def test_a_target_that_is_a_directory_writes_nothing(tmp_path, args, blocked):
    (tmp_path / blocked / "inside").mkdir(parents=True)
    before = snapshot(tmp_path)
    r = run_cli(*(str(a).replace("{d}", str(tmp_path)) for a in args), "-q")
    assert r.returncode == EXIT_BAD_INPUT
    assert r.stderr == f"alueverkko: error: cannot write {tmp_path / blocked}: it is a directory\n"
    assert snapshot(tmp_path) == before
