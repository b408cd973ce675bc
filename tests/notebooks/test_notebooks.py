"""The notebooks in notebooks/ run top to bottom in a Jupyter kernel, and are stored without outputs.

Each notebook is executed as a copy (the file is not touched) with Debian's nbclient in the
``python3`` kernel (/usr/bin/python3 with ipykernel), 120 s per cell, in a scratch working directory:
the notebooks find the bundled data through ``alueverkko.data_dir()`` and write only to temporary
directories, so the working directory does not matter. A failing cell fails the test with the
cell's number, source and traceback. The notebooks' own ``assert`` cells check their numbers
against the published figures, so a run is also a test.

The kernel imports alueverkko from the same place as this process (ctest sets
``PYTHONPATH=build/python``; without it the source tree's ``build/python`` is used if it exists).
Run alone: ``PYTHONPATH=build/python /usr/bin/python3 -m pytest -q tests/notebooks``.
"""
from __future__ import annotations

import importlib.util
import os
import re
import sys
import time
from pathlib import Path

import pytest

nbformat = pytest.importorskip("nbformat", reason="Debian package python3-nbformat is needed")
nbclient = pytest.importorskip("nbclient", reason="Debian package python3-nbclient is needed")
from nbclient.exceptions import CellExecutionError  # noqa: E402

REPOSITORY = Path(os.environ.get("ALUEVERKKO_SOURCE_DIR", Path(__file__).resolve().parents[2]))
NOTEBOOK_DIR = REPOSITORY / "notebooks"
NOTEBOOKS = sorted(NOTEBOOK_DIR.glob("*.ipynb"))
EXPECTED = ["01_coverage.ipynb", "02_who_connects_the_regions.ipynb", "03_overlap_and_portfolios.ipynb",
            "04_your_own_data.ipynb"]
CELL_TIMEOUT = 120
STRIP_COMMAND = "/usr/bin/python3 scripts/strip_notebooks.py"
ANSI = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")


def _package_path() -> str:
    """The directory the kernel must find alueverkko in (the one this process imports)."""
    try:
        import alueverkko
    except ImportError:
        build = REPOSITORY / "build" / "python"
        if not (build / "alueverkko").is_dir():
            pytest.fail("alueverkko is not importable: set PYTHONPATH=build/python (ctest does) or install it")
        return str(build)
    return str(Path(alueverkko.__file__).resolve().parent.parent)


@pytest.fixture()
def kernel_environment(monkeypatch):
    """PYTHONPATH for the kernel (it inherits this process's environment)."""
    path = _package_path()
    current = os.environ.get("PYTHONPATH", "")
    if path not in current.split(os.pathsep):
        monkeypatch.setenv("PYTHONPATH", os.pathsep.join(p for p in (path, current) if p))
    monkeypatch.setenv("PYDEVD_DISABLE_FILE_VALIDATION", "1")  # quiets the frozen-modules debugger note


def _describe_failure(name: str, index: int, cell) -> str:
    """The failing cell's number, source and traceback (from its error output, without colours)."""
    errors = [output for output in cell.get("outputs", []) if output.get("output_type") == "error"]
    if errors:
        error = errors[-1]
        headline = f"{error.get('ename')}: {error.get('evalue')}"
        traceback = ANSI.sub("", "\n".join(error.get("traceback", [])))
    else:  # e.g. a timeout: no error output
        headline, traceback = "no error output (timeout or dead kernel?)", ""
    return (f"{name}: cell {index} failed: {headline}\n"
            f"--- cell {index} source ---\n{cell.source}\n"
            f"--- traceback ---\n{traceback}")


def _strip_module():
    """scripts/strip_notebooks.py, the one definition of "stripped" (imported without writing bytecode)."""
    spec = importlib.util.spec_from_file_location("strip_notebooks", REPOSITORY / "scripts" / "strip_notebooks.py")
    module = importlib.util.module_from_spec(spec)
    saved, sys.dont_write_bytecode = sys.dont_write_bytecode, True
    try:
        spec.loader.exec_module(module)
    finally:
        sys.dont_write_bytecode = saved
    return module


def test_the_four_notebooks_are_there():
    assert [p.name for p in NOTEBOOKS if p.name in EXPECTED] == EXPECTED, \
        f"missing notebooks in {NOTEBOOK_DIR}: {sorted(set(EXPECTED) - {p.name for p in NOTEBOOKS})}"
    assert (NOTEBOOK_DIR / "README.md").is_file()


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_notebook_runs(path, tmp_path, kernel_environment):
    nb = nbformat.read(path, as_version=4)
    assert nb.metadata.get("kernelspec", {}).get("name") == "python3", f"{path.name}: kernel must be python3"
    client = nbclient.NotebookClient(nb, kernel_name="python3", timeout=CELL_TIMEOUT, allow_errors=False,
                                     record_timing=False, resources={"metadata": {"path": str(tmp_path)}})
    start = time.perf_counter()
    failure = None
    with client.setup_kernel():
        for index, cell in enumerate(nb.cells):
            if cell.cell_type != "code":
                continue
            try:
                client.execute_cell(cell, index)
            except (CellExecutionError, TimeoutError, RuntimeError) as error:
                failure = _describe_failure(path.name, index, cell)
                if "no error output" in failure:
                    failure += f"{type(error).__name__}: {error}"
                break
    if failure:
        pytest.fail(failure, pytrace=False)
    seconds = time.perf_counter() - start
    sys.stderr.write(f"{path.name}: {seconds:.1f} s\n")
    # Every map the notebook displays must have been drawn (an SVG with places in it).
    for index, cell in enumerate(nb.cells):
        for output in cell.get("outputs", []):
            svg = output.get("data", {}).get("image/svg+xml")
            if svg is not None:
                assert 'class="place' in svg, f"{path.name}: cell {index} displays a map without places"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_notebook_is_stored_without_outputs(path):
    strip_notebooks = _strip_module()
    text = path.read_text(encoding="utf-8")
    nb = nbformat.reads(text, as_version=4)
    nbformat.validate(nb)
    found = strip_notebooks.problems(nb)
    if found:
        pytest.fail(f"{path.name} is stored with outputs ({'; '.join(found[:5])}{' …' if len(found) > 5 else ''}); "
                    f"strip it: {STRIP_COMMAND} notebooks/{path.name}", pytrace=False)
    if text != strip_notebooks.canonical(strip_notebooks.strip(nb)):
        pytest.fail(f"{path.name} is not in nbformat's canonical layout; "
                    f"rewrite it: {STRIP_COMMAND} notebooks/{path.name}", pytrace=False)
