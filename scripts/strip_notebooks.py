#!/usr/bin/python3
"""Strip outputs from Jupyter notebooks in place, so they are stored in git without them.

    /usr/bin/python3 scripts/strip_notebooks.py                 # every notebooks/*.ipynb
    /usr/bin/python3 scripts/strip_notebooks.py a.ipynb b.ipynb # these
    /usr/bin/python3 scripts/strip_notebooks.py --check         # exit 1 if one is not stripped

Removes every code cell's outputs and execution count, the run-time cell metadata Jupyter and
nbclient add (execution timings, collapsed/scrolled state), saved widget state and the details of the
kernel that last ran it (language_info is reduced to the language name). The notebook is
written back in nbformat's canonical layout (one-space indent, trailing newline). Standard library
and Debian's python3-nbformat only.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

import nbformat

REPOSITORY = Path(__file__).resolve().parent.parent
CELL_RUNTIME_METADATA = ("execution", "collapsed", "scrolled", "ExecuteTime", "widgets")
NOTEBOOK_RUNTIME_METADATA = ("widgets",)


def problems(nb) -> list[str]:
    """What is not stripped in a notebook, one line per problem (empty: stripped)."""
    found = []
    for key in NOTEBOOK_RUNTIME_METADATA:
        if key in nb.metadata:
            found.append(f"notebook metadata has '{key}'")
    extra = sorted(set(nb.metadata.get("language_info", {})) - {"name"})
    if extra:
        found.append(f"notebook metadata language_info has {', '.join(extra)} (of the kernel that ran it)")
    for index, cell in enumerate(nb.cells):
        where = f"cell {index} ({cell.cell_type})"
        if cell.cell_type == "code":
            if cell.get("outputs"):
                found.append(f"{where} has {len(cell.outputs)} output(s)")
            if cell.get("execution_count") is not None:
                found.append(f"{where} has execution_count {cell.execution_count}")
        for key in CELL_RUNTIME_METADATA:
            if key in cell.get("metadata", {}):
                found.append(f"{where} metadata has '{key}'")
    return found


def strip(nb):
    """The notebook with outputs, execution counts and run-time metadata removed (in place)."""
    for key in NOTEBOOK_RUNTIME_METADATA:
        nb.metadata.pop(key, None)
    if "language_info" in nb.metadata:  # keep the language, drop the version etc. of the kernel that ran it
        nb.metadata["language_info"] = {"name": nb.metadata["language_info"].get("name", "python")}
    for cell in nb.cells:
        if cell.cell_type == "code":
            cell.outputs = []
            cell.execution_count = None
        for key in CELL_RUNTIME_METADATA:
            cell.metadata.pop(key, None)
    return nb


def canonical(nb) -> str:
    return nbformat.writes(nb) + "\n"


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("notebooks", nargs="*", type=Path,
                        help="notebooks to strip (default: every notebooks/*.ipynb of the repository)")
    parser.add_argument("--check", action="store_true",
                        help="change nothing; list the notebooks that are not stripped and exit 1 if any")
    args = parser.parse_args(argv)
    paths = args.notebooks or sorted((REPOSITORY / "notebooks").glob("*.ipynb"))
    dirty = 0
    for path in paths:
        text = path.read_text(encoding="utf-8")
        nb = nbformat.reads(text, as_version=nbformat.NO_CONVERT)
        stripped = canonical(strip(nb))
        if stripped == text:
            continue
        dirty += 1
        if args.check:
            found = problems(nbformat.reads(text, as_version=4))
            summary = "; ".join(found[:3]) + (f"; … {len(found) - 3} more" if len(found) > 3 else "")
            print(f"{path}: not stripped ({summary or 'layout differs from nbformat canonical'})")
        else:
            nbformat.validate(nb)
            path.write_text(stripped, encoding="utf-8")
            print(f"{path}: stripped")
    return 1 if args.check and dirty else 0


if __name__ == "__main__":
    sys.exit(main())
