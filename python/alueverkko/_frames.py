"""Your own collaboration data from pandas: :func:`from_pandas` builds a checked :class:`Dataset`.

The DataFrames are written as the CSV tables of a data set directory (docs/data-format.md) and
checked by the same loader as :func:`load_dataset`; its diagnostics are reported by DataFrame, row
label and column instead of file, line and character.
"""
from __future__ import annotations

import functools
import re
from collections import defaultdict
from typing import NamedTuple, Optional

from . import _core
from ._paths import find_geography_dir

# Short column names accepted besides the loader's (table -> {short: loader's}).
_SHORT_NAMES = {
    "memberships": {"actor": "actor_id", "network": "network_id"},
    "actors": {"id": "actor_id"},
    "networks": {"id": "network_id"},
    "aliases": {"actor": "actor_id"},
}
_INTEGER_COLUMNS = {"declared_size", "declared_members", "regional_towns"}
_CODE_COLUMNS = {"municipality_code", "area_code"}
# "line N" in a loader message, possibly of another table ("actors line N").
_LINE_REFERENCE = re.compile(r"\b(?:(actors|networks|memberships|aliases) )?line (\d+)\b")


class Problem(NamedTuple):
    """One problem of :func:`from_pandas` input; ``row`` is an index label, None for the whole table."""
    frame: str
    row: object
    column: Optional[str]
    message: str

    def __str__(self) -> str:
        where = ([f"row {self.row}"] if self.row is not None else []) + \
                ([f"column {self.column!r}"] if self.column is not None else [])
        return f"{self.frame}[{', '.join(where)}]: {self.message}" if where else f"{self.frame}: {self.message}"


class _Table:
    """A DataFrame as the CSV text of one table, remembering how to name its rows and columns."""

    def __init__(self, name: str, frame, defaults: dict, made_from: Optional[str] = None):
        import pandas as pd

        if not isinstance(frame, pd.DataFrame):
            raise TypeError(f"{name} must be a pandas DataFrame, got {type(frame).__name__}")
        self.name = name if made_from is None else f"{name} (made from {made_from})"
        self.columns = [str(c) for c in frame.columns]  # the caller's names, by field position
        self.numeric = {str(c) for c in frame.columns if pd.api.types.is_numeric_dtype(frame[c])}
        self.labels = frame.index
        frame = frame.rename(columns=lambda c: _SHORT_NAMES[name].get(str(c), str(c)), copy=False)
        missing = {column: fill(frame) for column, fill in defaults.items() if column not in frame.columns}
        frame = frame.assign(**missing)
        self.text = _as_csv(frame)

    def problem(self, record: int, field: int, message: str) -> Problem:
        row = self.labels[record - 1] if record >= 1 else None
        column = self.columns[field] if 0 <= field < len(self.columns) and record >= 0 else None
        if column in self.numeric and column in _CODE_COLUMNS:
            message += (" (the column is numeric: read codes as text, e.g. read_csv(..., dtype=str), to keep "
                        "leading zeros)")
        return Problem(self.name, row, column, message)


def _as_csv(frame) -> str:
    """The frame as CSV text; integer columns that pandas made float (because of NaN) stay integers."""
    import pandas as pd

    written = frame
    for position, (column, values) in enumerate(frame.items()):
        if pd.api.types.is_bool_dtype(values):
            values = values.astype(int)
        elif column in _INTEGER_COLUMNS and pd.api.types.is_float_dtype(values) and (values.dropna() % 1 == 0).all():
            values = values.astype("Int64")
        else:
            continue
        written = written.copy() if written is frame else written
        written.isetitem(position, values)
    return written.to_csv(index=False, lineterminator="\n")


@functools.lru_cache(maxsize=1)
def _bundled_geography() -> _core.Geography:
    return _core.load_geography(find_geography_dir("fi-2021"))


def _distinct_ids(memberships, table: str):
    """A table of the distinct ``table`` ids of memberships in order of appearance, named by themselves
    (empty if memberships lacks the column: the loader reports that)."""
    import pandas as pd

    column = next((memberships[c] for c in (table, f"{table}_id") if c in memberships.columns),
                  pd.Series([], dtype=object))
    ids = pd.unique(column.dropna())
    return pd.DataFrame({f"{table}_id": ids, "name": ids})


def from_pandas(memberships, actors=None, networks=None, *, aliases=None,
                geography: Optional[_core.Geography] = None, name: str = "dataframe") -> _core.Dataset:
    """A :class:`Dataset` from DataFrames, checked like :func:`load_dataset` checks a directory.

    Columns are those of the CSV files of docs/data-format.md ("Collaboration data set directory");
    ``actor``/``network`` (memberships, aliases) and ``id`` (actors, networks) may stand for
    ``actor_id``/``network_id``. Defaults: membership ``status`` member (and no role, weight 1);
    actor ``name`` its id and ``kind`` other; network ``name`` its id and ``kind`` network. Without
    ``actors`` (``networks``) they are the distinct ids of ``memberships``, with no municipality. Codes
    (``municipality_code`` "091", ``area_code`` "MK01") are checked against ``geography`` (default:
    the bundled fi-2021). Empty cells and NaN are "no value".

    Raises :class:`DataError` listing every problem as ``frame[row LABEL, column 'NAME']: message``
    (also as :class:`Problem` tuples in its ``problems`` attribute); nothing is built then.

    >>> import pandas as pd, alueverkko
    >>> m = pd.DataFrame({"actor": ["kunta-091", "kunta-049", "kunta-091"], "network": ["n1", "n1", "n2"]})
    >>> a = pd.DataFrame({"id": ["kunta-091", "kunta-049"], "name": ["Helsinki", "Espoo"],
    ...                   "kind": "municipality", "municipality_code": ["091", "049"]})
    >>> alueverkko.from_pandas(m, a)
    <Dataset dataframe: 2 actors, 2 networks, 3 memberships>
    >>> alueverkko.from_pandas(m.assign(status=["member", "maybe", "member"]), a)
    Traceback (most recent call last):
    ...
    alueverkko._core.DataError: memberships[row 1, column 'status']: invalid status 'maybe' (allowed: member, planned, invited, mentioned)
    """
    tables = {"memberships": _Table("memberships", memberships, {"status": lambda f: "member"})}
    for table, frame, kind in (("actors", actors, "other"), ("networks", networks, "network")):
        made_from = "memberships" if frame is None else None
        frame = _distinct_ids(memberships, table[:-1]) if frame is None else frame
        id_column = f"{table[:-1]}_id"
        tables[table] = _Table(table, frame, {"name": lambda f, c=id_column: f[c] if c in f else "",
                                              "kind": lambda f, k=kind: k}, made_from)
    if aliases is not None:
        tables["aliases"] = _Table("aliases", aliases, {})
    try:
        return _core.parse_dataset(tables["memberships"].text, tables["actors"].text, tables["networks"].text,
                                   geography if geography is not None else _bundled_geography(),
                                   tables["aliases"].text if "aliases" in tables else None, name)
    except _core.DataError as error:
        problems = _problems(error.diagnostics, tables)
        raised = _core.DataError("\n".join(map(str, problems)))
        raised.problems = problems
        raised.diagnostics = error.diagnostics  # positions in the CSV texts the frames were written as
        raise raised from None


def _problems(diagnostics, tables: dict) -> list:
    """The loader's diagnostics as problems of the DataFrames, "line N" in messages as row labels.
    Each table's text is searched once, however many problems it has."""
    positions, references = defaultdict(list), defaultdict(set)
    for d in diagnostics:
        if d.file in tables:
            positions[d.file].append((d.line, d.column))
            for match in _LINE_REFERENCE.finditer(d.message):
                references[match.group(1) or d.file].add(int(match.group(2)))
    cells = {name: iter(_core.csv_cells(tables[name].text, at)) for name, at in positions.items()}
    records = {}  # (table, line) -> record
    for name, lines in references.items():
        if name in tables:
            lines = sorted(lines)
            found = _core.csv_cells(tables[name].text, [(line, 0) for line in lines])
            records.update(((name, line), record) for line, (record, _) in zip(lines, found))

    problems = []
    for d in diagnostics:
        table = tables.get(d.file)
        if table is None:  # not about a table
            problems.append(Problem(d.file, None, None, d.message))
            continue

        def row_of(match, file=d.file):
            name = match.group(1) or file
            record = records.get((name, int(match.group(2))), -1)
            prefix = f"{match.group(1)} " if match.group(1) else ""
            return f"{prefix}row {tables[name].labels[record - 1]}" if record >= 1 else match.group(0)

        record, field = next(cells[d.file])
        problems.append(table.problem(record, field, _LINE_REFERENCE.sub(row_of, d.message)))
    return problems
