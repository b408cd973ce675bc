"""Graphviz layouts and drawings of a WeightedGraph, as numpy/pandas positions and SVG/PNG/PDF/DOT.

The compiled :class:`GraphDrawing` does the work (Graphviz in process); this module accepts sizes
and colours as arrays, pandas Series indexed by vertex label, or measure names, and wraps the
result for notebooks (``_repr_svg_``).
"""
from __future__ import annotations

from pathlib import Path

import numpy as np

from . import _core

ENGINES = ("sfdp", "fdp", "neato", "circo", "dot", "pinned")


def _per_vertex(graph, values, what):
    """One float per vertex from an array, a pandas Series (aligned on the labels) or a measure name."""
    if values is None:
        return []
    if isinstance(values, str):
        from ._centrality import metrics

        return metrics(graph, [values])[values].to_numpy(dtype=float).tolist()
    if hasattr(values, "reindex") and hasattr(values, "index"):  # pandas Series by label
        aligned = values.reindex(graph.labels)
        missing = aligned.index[aligned.isna()].tolist()
        if missing:
            raise ValueError(f"{what} has no value for {len(missing)} vertices, e.g. {missing[:3]}")
        return aligned.to_numpy(dtype=float).tolist()
    array = np.asarray(values, dtype=float)
    if array.shape != (graph.vertex_count,):
        raise ValueError(f"{what} must have one value per vertex ({graph.vertex_count}), got shape {array.shape}")
    return array.tolist()


def _labels(graph, labels, rank):
    """Shown labels: None (none), an int N (the N vertices ranked highest) or one string per vertex."""
    if labels is None:
        return []
    if isinstance(labels, (int, np.integer)) and not isinstance(labels, bool):
        shown = [""] * graph.vertex_count
        order = np.argsort(-np.asarray(rank, dtype=float), kind="stable")[: int(labels)]
        for v in order.tolist():
            shown[v] = graph.labels[v]
        return shown
    labels = [str(x) for x in labels]
    if len(labels) != graph.vertex_count:
        raise ValueError(f"labels must have one entry per vertex ({graph.vertex_count}), got {len(labels)}")
    return labels


def _drawing(graph, engine, seed, positions, size, color, labels, style):
    if engine not in ENGINES:
        raise ValueError(f"unknown engine {engine!r}: use one of {', '.join(ENGINES)}")
    if (positions is None) == (engine == "pinned"):
        raise ValueError("give positions exactly when engine='pinned'")
    sizes = _per_vertex(graph, size, "size")
    colours = _per_vertex(graph, color, "color")
    rank = sizes if sizes else _per_vertex(graph, "strength", "strength")
    drawing = _core.GraphDrawing(graph, engine=engine, seed=seed,
                                 positions=None if positions is None else np.asarray(positions, dtype=float),
                                 size=sizes, color=colours, labels=_labels(graph, labels, rank), **style)
    drawing.run()
    return drawing


def layout(graph, engine: str = "sfdp", *, seed: int = 1, frame: bool = False):
    """Vertex positions by a Graphviz layout engine (sfdp, fdp, neato, circo, dot), in points
    (1/72 inch), y up: a numpy array of shape (n, 2), or with ``frame=True`` a pandas DataFrame
    with columns x, y indexed by vertex label (``id``). The same seed gives the same layout.

    >>> import alueverkko
    >>> g = alueverkko.parse_edge_list("source,target\\na,b\\nb,c\\nc,a\\n")
    >>> alueverkko.layout(g, "circo").shape
    (3, 2)
    """
    positions = _drawing(graph, engine, seed, None, None, None, None, {}).positions
    if not frame:
        return positions
    import pandas as pd

    return pd.DataFrame(positions, columns=["x", "y"], index=pd.Index(graph.labels, name="id"))


class Drawing:
    """A finished drawing: ``svg`` (text), ``positions`` ((n, 2) points), ``bounding_box``, and
    ``to_png(width)``, ``to_pdf()``, ``to_dot()``, ``save(path)``. Shows itself in notebooks."""

    def __init__(self, drawing: _core.GraphDrawing):
        self._drawing = drawing
        self.svg = drawing.render("svg").decode("utf-8")
        self.positions = drawing.positions
        self.bounding_box = drawing.bounding_box

    def to_png(self, width: int | None = None) -> bytes:
        """PNG bytes: Graphviz's own at 96 dpi, or the SVG rasterised ``width`` pixels wide."""
        return self._drawing.render("png") if width is None else _core.svg_to_png(self.svg, int(width))

    def to_pdf(self) -> bytes:
        return self._drawing.render("pdf")

    def to_dot(self) -> str:
        """DOT with every node pinned (pos="x,y!") and the styles: ``neato -n2`` redraws it."""
        return self._drawing.render("dot").decode("utf-8")

    def save(self, path, width: int | None = None) -> Path:
        """Writes .svg, .png, .pdf or .dot by the file's extension; returns the path."""
        path = Path(path)
        kind = path.suffix.lower().lstrip(".")
        if kind == "svg":
            path.write_text(self.svg, encoding="utf-8")
        elif kind == "png":
            path.write_bytes(self.to_png(width))
        elif kind == "pdf":
            path.write_bytes(self.to_pdf())
        elif kind in ("dot", "gv"):
            path.write_text(self.to_dot(), encoding="utf-8")
        else:
            raise ValueError(f"cannot tell the format of {path}: use .svg, .png, .pdf or .dot")
        return path

    def _repr_svg_(self):
        return self.svg

    def _repr_png_(self):
        return self.to_png(1000)

    def __repr__(self):
        x0, y0, x1, y1 = self.bounding_box
        return f"<Drawing of {len(self.positions)} vertices, {x1 - x0:.0f} x {y1 - y0:.0f} pt>"


def draw(graph, engine: str = "sfdp", *, seed: int = 1, size=None, color=None, labels=None, positions=None,
         **style) -> Drawing:
    """Draws the graph with Graphviz: ``engine`` sfdp, fdp, neato, circo, dot, or ``"pinned"`` with
    ``positions`` (n, 2) in points (e.g. :func:`geographic_positions`). ``size`` (node area) and
    ``color`` (viridis, dark = low): one number per vertex, a pandas Series by vertex label, or a
    measure name (``"degree"``, ``"betweenness"``, …). Edge width by weight (affinities: thicker =
    stronger). ``labels``: an int N names the N vertices with the largest size (else strength), or
    one string per vertex. Further keywords: min_node_size, max_node_size, min_penwidth,
    max_penwidth (points), font, font_size, graph_attributes (extra Graphviz attributes as DOT).

    >>> import alueverkko
    >>> g = alueverkko.parse_edge_list("source,target\\na,b\\nb,c\\n")
    >>> alueverkko.draw(g, "dot", size="degree").svg.startswith("<?xml")
    True
    """
    return Drawing(_drawing(graph, engine, seed, positions, size, color, labels, style))


def to_dot(graph, positions=None) -> str:
    """The graph as DOT text (docs/drawing.md): ``weight`` is the graph's weight, ``penwidth`` a
    drawing width; with ``positions`` ((n, 2) points) every node is pinned for ``neato -n2``."""
    return _core.to_dot(graph, None if positions is None else np.asarray(positions, dtype=float))
