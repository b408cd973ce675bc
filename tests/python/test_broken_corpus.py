"""The broken-input corpora from Python: tests/data/broken (data sets and geographies),
tests/data/broken-plain (edge and membership lists) and tests/data/topojson-broken. Every load
raises alueverkko.DataError (a ValueError) whose diagnostics are exactly the case's expected.txt,
returns and binds nothing, and leaves the case's files as they were. The same corpora are checked
from C++ (tests/cpp/data/test_broken_corpus.cpp, tests/cpp/io/test_broken_plain.cpp,
tests/cpp/geo/test_topojson.cpp) and from the command line (tests/cli/test_broken_corpus.py)."""
import os
import sys
from pathlib import Path

import pytest

import alueverkko

DATA = Path(os.environ.get("ALUEVERKKO_SOURCE_DIR", Path(__file__).resolve().parents[2])) / "tests" / "data"
BROKEN = DATA / "broken"
BROKEN_PLAIN = DATA / "broken-plain"
TOPOJSON_BROKEN = DATA / "topojson-broken"
MINI = DATA / "valid-mini"
sys.path.insert(0, str(DATA))
from make_broken_corpus import (  # noqa: E402  (the corpora's generator: their layout and helpers)
    case_dirs, expected_lines, plain_input, snapshot,
)

DISTANCE = alueverkko.WeightMeaning.distance
# A broken-plain input by its file name: (read from the path, parse from the text and a file name).
# values.csv has no Python reader (place values come from pandas there); C++ and `map --values` read it.
READERS = {
    "edges.csv": (alueverkko.read_edge_list, alueverkko.parse_edge_list),
    "distances.csv": (lambda path: alueverkko.read_edge_list(path, DISTANCE),
                      lambda text, file: alueverkko.parse_edge_list(text, file, DISTANCE)),
    "memberships.csv": (alueverkko.read_two_mode_list, alueverkko.parse_two_mode_list),
}
PLAIN_CASES = [case for case in case_dirs(BROKEN_PLAIN) if plain_input(case).name in READERS]


def name_of(path):
    return path.name


@pytest.fixture(scope="module")
def geography():
    return alueverkko.load_geography(MINI / "geography" / "mini-2021")


def diagnostics_of(error, directory):
    """The diagnostics of a DataError as 'file:line:column: message' lines, file relative to
    `directory`; str(error) and every Diagnostic's fields must say the same."""
    assert isinstance(error, ValueError)
    lines = [str(d) for d in error.diagnostics]
    assert lines == [f"{d.file}:{d.line}:{d.column}: {d.message}" for d in error.diagnostics]
    assert str(error).splitlines() == lines
    prefix = f"{directory}/"
    return [line[len(prefix):] if line.startswith(prefix) else line for line in lines]


def test_corpora_are_large_enough():
    assert len(case_dirs(BROKEN)) >= 30
    assert len(case_dirs(BROKEN_PLAIN)) >= 12
    assert {plain_input(case).name for case in case_dirs(BROKEN_PLAIN)} == {*READERS, "values.csv"}


@pytest.mark.parametrize("case", case_dirs(BROKEN), ids=name_of)
def test_broken_data_set_or_geography(case, geography):
    before = snapshot(case)
    loaded = None
    with pytest.raises(alueverkko.DataError) as error:
        if (case / "geography.json").exists():
            loaded = alueverkko.load_geography(case)
        else:
            loaded = alueverkko.load_dataset(case, geography)
    assert loaded is None  # nothing returned, nothing bound
    assert diagnostics_of(error.value, case) == expected_lines(case)
    assert snapshot(case) == before


@pytest.mark.parametrize("from_text", [False, True], ids=["read", "parse"])
@pytest.mark.parametrize("case", PLAIN_CASES, ids=name_of)
def test_broken_plain_input(case, from_text):
    path = plain_input(case)
    read, parse = READERS[path.name]
    before = snapshot(case)
    loaded = None
    with pytest.raises(alueverkko.DataError) as error:
        # The text as bytes: they reach the parser unchanged, invalid UTF-8 and BOM included.
        loaded = parse(path.read_bytes(), str(path)) if from_text else read(path)
    assert loaded is None
    assert diagnostics_of(error.value, case) == expected_lines(case)
    assert snapshot(case) == before


@pytest.mark.parametrize("path", sorted(TOPOJSON_BROKEN.iterdir()), ids=name_of)
def test_broken_topojson(path):
    """The exact messages are tests/cpp/geo/test_topojson.cpp's; here every diagnostic names the
    file at a position inside it."""
    before = snapshot(TOPOJSON_BROKEN)
    loaded = None
    with pytest.raises(alueverkko.DataError) as error:
        loaded = alueverkko.read_topojson(path)
    assert loaded is None
    assert diagnostics_of(error.value, TOPOJSON_BROKEN)
    lines = path.read_text(encoding="utf-8").split("\n")
    for d in error.value.diagnostics:
        assert d.file == str(path) and d.message
        assert 1 <= d.line <= len(lines) and 1 <= d.column <= len(lines[d.line - 1]) + 1, str(d)
    assert snapshot(TOPOJSON_BROKEN) == before
