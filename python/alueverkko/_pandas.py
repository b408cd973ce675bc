"""pandas conversions for the compiled result types."""
from __future__ import annotations

from . import _core


def _table_to_pandas(table: _core.Table, index: str | None = None):
    """The table as a pandas DataFrame; numeric columns come from numpy views without copying."""
    import pandas as pd

    frame = pd.DataFrame(table.to_dict(), copy=False)
    return frame.set_index(index) if index is not None else frame


_core.Table.to_pandas = _table_to_pandas
