"""Projections with a vectorised Python weighting, on top of the compiled ones."""
from __future__ import annotations

from typing import Callable, Union

import numpy as np

from . import _core

Weighting = Union[str, Callable[..., np.ndarray]]


def project(graph: _core.TwoModeGraph, onto: str = "rows", weighting: Weighting = "count", *,
            use_membership_weights: bool = False, min_weight: float = 0.0, top_k: int = 0,
            max_bytes: int = 0, threads: int = 0, active=None) -> _core.WeightedGraph:
    """One-mode projection of a two-mode graph onto its rows (actors/places) or columns (networks).

    ``weighting`` is ``"count"`` (shared networks), ``"newman"`` (Σ 1/(n_k − 1)), ``"jaccard"``,
    ``"overlap"``, or a vectorised function called once with arrays ``i, j, shared, degree_i,
    degree_j, newman`` (one entry per pair that shares something) returning the weights. Pairs with
    weight 0 or below ``min_weight`` get no edge; ``top_k`` keeps an edge if it is among the k
    heaviest of either endpoint. The weights are affinities.

    >>> import alueverkko
    >>> g = alueverkko.TwoModeGraph.from_edges(["a", "b", "c"], ["n1", "n2"], [0, 1, 1, 2], [0, 0, 1, 1])
    >>> p = alueverkko.project(g, weighting=lambda shared, **_: 2 * shared)
    >>> p.edge_arrays()[2].tolist()
    [2.0, 2.0]
    >>> alueverkko.project(g, weighting="jaccard").edge_arrays()[2].tolist()  # |n(a) ∩ n(b)| / |n(a) ∪ n(b)|
    [0.5, 0.5]
    >>> p = alueverkko.project(g, "columns")  # networks sharing members
    >>> p.labels, p.edge_arrays()[2].tolist()
    (['n1', 'n2'], [1.0])
    """
    if not callable(weighting):
        return _core.project(graph, onto, weighting, use_membership_weights, min_weight, top_k, max_bytes,
                             threads, active)
    if use_membership_weights:
        raise ValueError("a custom weighting counts shared memberships; membership weights apply to count and newman")
    stats = _core.pair_statistics(graph, onto, active)
    weights = np.asarray(weighting(**stats), dtype=float)
    if weights.shape != stats["i"].shape:
        raise ValueError(f"the weighting returned shape {weights.shape}, expected {stats['i'].shape}")
    keep = (weights > 0) & (weights >= min_weight)
    labels = graph.row_labels if onto == "rows" else graph.column_labels
    result = _core.WeightedGraph.from_edges(len(labels), stats["i"][keep], stats["j"][keep], weights[keep],
                                            _core.WeightMeaning.affinity, labels)
    return _core.keep_top_k(result, top_k) if top_k else result
