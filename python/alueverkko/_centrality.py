"""Centrality results as pandas objects, on top of the compiled measures."""
from __future__ import annotations

import numpy as np

from . import _core


def _scores_to_pandas(scores: _core.Scores, graph, copy: bool = True):
    """The values as a pandas Series named after the measure, indexed by what they belong to.

    ``graph`` is the graph the scores were computed on: for a :class:`WeightedGraph` the index is
    the vertex labels (``id``), or ``(source, target)`` for edge measures; for a
    :class:`TwoModeGraph` it is ``(side, id)`` with side ``row`` or ``column``. The series owns
    its values (``copy=False``: a read-only view of ``scores.values`` instead);
    ``series.attrs["metadata"]`` says how they were computed.

    >>> import alueverkko
    >>> g = alueverkko.WeightedGraph.from_edges(3, [0, 1], [1, 2], labels=["a", "b", "c"])
    >>> alueverkko.betweenness(g, normalized=False).to_pandas(g).to_dict()
    {'a': 0.0, 'b': 1.0, 'c': 0.0}
    """
    import pandas as pd

    if isinstance(graph, _core.TwoModeGraph):
        sides = ["row"] * graph.row_count + ["column"] * graph.column_count
        index = pd.MultiIndex.from_arrays([sides, graph.row_labels + graph.column_labels], names=["side", "id"])
    elif scores.measure.startswith("edge"):
        source, target, _ = graph.edge_arrays()
        labels = np.asarray(graph.labels, dtype=object)
        index = pd.MultiIndex.from_arrays([labels[source], labels[target]], names=["source", "target"])
    else:
        index = pd.Index(graph.labels, name="id")
    if len(index) != len(scores):
        raise ValueError(f"{len(scores)} values of {scores.measure} do not belong to a graph of {len(index)} "
                         "vertices/edges: pass the graph they were computed on")
    series = pd.Series(scores.values, index=index, name=scores.measure, copy=copy)
    series.attrs["metadata"] = scores.metadata
    return series


_core.Scores.to_pandas = _scores_to_pandas


def metrics(graph: _core.WeightedGraph, measures=("degree", "strength", "betweenness", "closeness", "pagerank"), *,
            distance: str = "hops", normalized: bool = True, **settings):
    """Several measures at once as a pandas DataFrame: one row per vertex (index ``id``), one column
    per measure, computed exactly as ``alueverkko metrics`` computes them (one C++ function serves
    both). ``distance`` is ``"hops"``, ``"weight"`` (the weights are distances), ``"inverse"`` or
    ``"neglog"`` (conversions of affinities) for the path measures; further settings: ``threads``,
    ``samples``, ``seed``, ``wf_improved``, ``weighted_spectral``, ``damping``, ``katz_alpha``, ``progress``
    (None, True for a tqdm bar per path measure, or f(done, total); Ctrl-C stops the work).
    ``frame.attrs["metadata"]`` says how each column was computed. Valid names:
    ``alueverkko.measure_names``.

    >>> import alueverkko
    >>> g = alueverkko.parse_edge_list("source,target\\nHelsinki,Espoo\\nEspoo,Vantaa\\n")
    >>> alueverkko.metrics(g, ["degree", "betweenness"], normalized=False)
              degree  betweenness
    id
    Helsinki       1          0.0
    Espoo          2          1.0
    Vantaa         1          0.0
    """
    table, metadata = _core.compute_measures(graph, list(measures), distance=distance, normalized=normalized, **settings)
    frame = table.to_pandas(index="id")
    frame.attrs["metadata"] = metadata
    return frame
