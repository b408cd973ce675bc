"""pandas conversions for the compiled result types."""
from __future__ import annotations

from typing import TYPE_CHECKING

from . import _core

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd


def _table_to_pandas(table: _core.Table, index: str | None = None, copy: bool = True) -> "pd.DataFrame":
    """The table as a pandas DataFrame. ``index`` names the column to index by (e.g. ``"code"``,
    ``"actor_id"``, ``"id"``). The frame owns its data (one bulk copy per column), so it can be
    edited like any other; ``copy=False`` wraps the table's read-only numpy views instead (no copy,
    for large results you only read).

    >>> import alueverkko
    >>> geo = alueverkko.load_geography(alueverkko.find_geography_dir("fi-2021"))
    >>> geo.regions.to_pandas(index="code").loc["01", ["name_fi", "name_sv"]].tolist()
    ['Uusimaa', 'Nyland']
    >>> g = alueverkko.parse_edge_list("source,target\\na,b\\nb,c\\n")
    >>> alueverkko.graph_tables(g).edges.to_pandas()
      source target  weight
    0      a      b     1.0
    1      b      c     1.0
    """
    import pandas as pd

    frame = pd.DataFrame(table.to_dict(), copy=copy)
    return frame.set_index(index) if index is not None else frame


_core.Table.to_pandas = _table_to_pandas
