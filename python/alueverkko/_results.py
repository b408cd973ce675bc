"""``to_pandas()`` for the compiled result types that have no conversion of their own.

Conventions, shared with :meth:`Table.to_pandas`, :meth:`Scores.to_pandas` and
:meth:`Communities.to_pandas`: vertices and places are indexed by their id or code (index name
``id`` or ``code``); edges, memberships and tested pairs by their position (``edge``,
``membership``, ``pair``) with the endpoints as label columns; a ``name`` column (or
``source_name``/``target_name``, ``row_name``/``column_name``) where names are known. Results that
do not remember their graph take it as the ``graph`` argument, as :meth:`Scores.to_pandas` does.
Every conversion is vectorised (numpy indexing of the label arrays), with no loop per element.

``names`` arguments accept a mapping or pandas Series from label to name, a :class:`Dataset`
(actor and network names by id), or a list of these (the first that knows a label wins). Place
names come from the geography, one level at a time: ``geography.to_pandas("region")["name"]``.

>>> import alueverkko
>>> g = alueverkko.WeightedGraph.from_edges(3, [0, 1], [1, 2], [2.0, 0.5], labels=["091", "049", "092"])
>>> names = {"091": "Helsinki", "049": "Espoo", "092": "Vantaa"}
>>> g.to_pandas(names=names)
     source target  weight source_name target_name
edge
0       091    049     2.0    Helsinki       Espoo
1       049    092     0.5       Espoo      Vantaa
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any, Iterable, Mapping, NamedTuple, Optional, Union

import numpy as np

from . import _core
from ._drawing import Drawing

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

Names = Union[Mapping[str, str], "pd.Series", _core.Dataset, Iterable[Any], None]


class DatasetFrames(NamedTuple):
    """:meth:`Dataset.to_pandas`: actors (index ``actor_id``), networks (index ``network_id``) and
    memberships (index ``membership``, in data-set order)."""

    actors: "pd.DataFrame"
    networks: "pd.DataFrame"
    memberships: "pd.DataFrame"


class GraphFrames(NamedTuple):
    """:meth:`GraphTables.to_pandas`: nodes (index ``id``) and edges (index ``edge``)."""

    nodes: "pd.DataFrame"
    edges: "pd.DataFrame"


class BicmFrames(NamedTuple):
    """:meth:`Bicm.to_pandas`: per row and per column (index ``id``), and the probability matrix
    (rows × columns, labelled) when asked for."""

    rows: "pd.DataFrame"
    columns: "pd.DataFrame"
    probabilities: Optional["pd.DataFrame"]


def _labels(labels) -> np.ndarray:
    return np.asarray(labels, dtype=object)


def _name_series(names: Names) -> "pd.Series":
    """label → name as one pandas Series (first source wins for a label)."""
    import pandas as pd

    if isinstance(names, _core.Geography):
        raise TypeError("a geography has codes at several levels (a sub-region and a municipality may share a code): "
                        "pass geography.to_pandas(level)['name']")
    if isinstance(names, _core.Dataset):
        actors, networks = names.actors, names.networks
        index = actors.column("actor_id") + networks.column("network_id")
        return pd.Series(actors.column("name") + networks.column("name"), index=index, dtype=object)
    if isinstance(names, pd.Series):
        return names
    if isinstance(names, Mapping):
        return pd.Series(dict(names), dtype=object)
    if isinstance(names, (list, tuple)):
        parts = [_name_series(part) for part in names]
        combined = pd.concat(parts) if parts else pd.Series(dtype=object)
        return combined[~combined.index.duplicated(keep="first")]
    raise TypeError(f"names must be a mapping, a pandas Series, a Dataset or a list of these, not {type(names).__name__}")


def _add_names(frame: "pd.DataFrame", names: Names, columns: Mapping[str, str]) -> "pd.DataFrame":
    """Adds ``columns[c]`` = the name of each value of label column ``c`` (NaN if unknown)."""
    if names is None:
        return frame
    lookup = _name_series(names)
    lookup = lookup[~lookup.index.duplicated(keep="first")]
    for label_column, name_column in columns.items():
        frame[name_column] = frame[label_column].map(lookup)
    return frame


def _edge_frame(labels, source, target, columns: Mapping[str, Any], index_name: str,
                ends=("source", "target")) -> "pd.DataFrame":
    import pandas as pd

    labels = _labels(labels)
    data = {ends[0]: labels[np.asarray(source, dtype=np.intp)], ends[1]: labels[np.asarray(target, dtype=np.intp)]}
    data.update(columns)
    return pd.DataFrame(data, index=pd.RangeIndex(len(data[ends[0]]), name=index_name))


def _check_size(what: str, count: int, graph, expected: int, unit: str) -> None:
    if count != expected:
        raise ValueError(f"{what} has {count} {unit} but the graph given has {expected}: pass the graph it was "
                         f"computed on ({graph!r})")


# --- graphs -----------------------------------------------------------------------------------


def _weighted_graph_to_pandas(graph: _core.WeightedGraph, *, names: Names = None) -> "pd.DataFrame":
    """The edge list: ``source``, ``target`` (vertex labels), ``weight``, indexed by edge id
    (``edge``); with ``names``, ``source_name`` and ``target_name``. ``frame.attrs`` holds the
    weight meaning (``affinity`` or ``distance``).

    >>> import alueverkko
    >>> g = alueverkko.parse_edge_list("source,target,weight\\nHelsinki,Espoo,3\\nEspoo,Vantaa,1\\n")
    >>> g.to_pandas()
            source  target  weight
    edge
    0     Helsinki   Espoo     3.0
    1        Espoo  Vantaa     1.0
    """
    source, target, weight = graph.edge_arrays()
    frame = _edge_frame(graph.labels, source, target, {"weight": weight}, "edge")
    frame.attrs["weight_meaning"] = graph.weight_meaning.name
    return _add_names(frame, names, {"source": "source_name", "target": "target_name"})


def _two_mode_to_pandas(graph: _core.TwoModeGraph, *, names: Names = None) -> "pd.DataFrame":
    """The memberships: ``row`` and ``column`` (labels: actor or place, network), ``weight``,
    ``status`` and ``role`` (the CSV spellings; role ``""`` if none), indexed by edge id
    (``membership``; for :meth:`TwoModeGraph.from_dataset`, the data set's membership order); with
    ``names``, ``row_name`` and ``column_name``.

    >>> import alueverkko
    >>> g = alueverkko.TwoModeGraph.from_edges(["a", "b"], ["n1", "n2"], [0, 1, 1], [0, 0, 1])
    >>> g.to_pandas()[["row", "column", "weight", "status"]]
               row column  weight  status
    membership
    0            a     n1     1.0  member
    1            b     n1     1.0  member
    2            b     n2     1.0  member
    """
    import pandas as pd

    row, column, weight, status, role = _core.two_mode_edge_arrays(graph)
    rows = _labels(graph.row_labels)[np.asarray(row, dtype=np.intp)]
    columns = _labels(graph.column_labels)[np.asarray(column, dtype=np.intp)]
    frame = pd.DataFrame({"row": rows, "column": columns, "weight": weight, "status": status, "role": role},
                         index=pd.RangeIndex(len(rows), name="membership"))
    return _add_names(frame, names, {"row": "row_name", "column": "column_name"})


def _aggregated_to_pandas(result: _core.AggregatedGraph, *, names: Names = None) -> "pd.DataFrame":
    """The memberships of the aggregated graph as :meth:`TwoModeGraph.to_pandas` gives them, with
    ``row_is_place`` (False for a foreign actor kept as itself); ``frame.attrs["left_out"]`` maps
    each actor left out (no place at this level) to the reason."""
    graph = result.graph
    frame = _two_mode_to_pandas(graph, names=names)
    is_place = np.asarray(result.row_is_place, dtype=bool)
    frame.insert(2, "row_is_place", is_place[np.asarray(_core.two_mode_edge_arrays(graph)[0], dtype=np.intp)])
    frame.attrs["left_out"] = dict(zip(result.left_out, result.left_out_why))
    return frame


def _graph_tables_to_pandas(tables: _core.GraphTables) -> GraphFrames:
    """``(nodes, edges)``: nodes indexed by ``id`` with ``name`` (the export's ``label``) and the
    boolean columns as bool; edges ``source``, ``target``, ``weight``… indexed by ``edge``.
    ``attrs["description"]`` and ``attrs["weight_description"]`` say what they are.

    >>> import alueverkko
    >>> g = alueverkko.parse_edge_list("source,target\\na,b\\n")
    >>> nodes, edges = alueverkko.graph_tables(g).to_pandas()
    >>> nodes.index.tolist(), edges[["source", "target", "weight"]].values.tolist()
    (['a', 'b'], [['a', 'b', 1.0]])
    """
    nodes = tables.nodes.to_pandas().rename(columns={"label": "name"}).set_index("id")
    for column in tables.boolean_columns:
        if column in nodes.columns:
            nodes[column] = nodes[column].astype(bool)
    edges = tables.edges.to_pandas()
    edges.index.name = "edge"
    for frame in (nodes, edges):
        frame.attrs["description"] = tables.description
        frame.attrs["weight_description"] = tables.weight_description
    return GraphFrames(nodes, edges)


# --- backbones --------------------------------------------------------------------------------


def _disparity_to_pandas(result: _core.DisparityResult, graph: _core.WeightedGraph, *,
                         names: Names = None) -> "pd.DataFrame":
    """Per edge of ``graph`` (the graph filtered; index ``edge``): ``source``, ``target``,
    ``weight``, ``p_value`` (NaN for a self-loop) and ``kept`` (bool); with ``names``,
    ``source_name`` and ``target_name``.

    >>> import alueverkko
    >>> g = alueverkko.WeightedGraph.from_edges(4, [0, 0, 0], [1, 2, 3], [10.0, 1.0, 1.0], labels=list("abcd"))
    >>> alueverkko.disparity_filter(g, alpha=0.5).to_pandas(g)[["source", "target", "kept"]]
         source target   kept
    edge
    0         a      b   True
    1         a      c  False
    2         a      d  False
    """
    p_values = result.p_values
    _check_size("the disparity result", len(p_values), graph, graph.edge_count, "edges")
    source, target, weight = graph.edge_arrays()
    frame = _edge_frame(graph.labels, source, target,
                        {"weight": weight, "p_value": p_values, "kept": np.asarray(result.kept, dtype=bool)}, "edge")
    return _add_names(frame, names, {"source": "source_name", "target": "target_name"})


def _sdsm_to_pandas(result: _core.SdsmResult, graph: _core.TwoModeGraph, *, names: Names = None) -> "pd.DataFrame":
    """Per tested pair of rows of ``graph`` (index ``pair``): ``source``, ``target`` (row labels),
    ``weight`` (shared columns), ``expected``, ``p_upper``, ``p_lower`` and ``sign`` (+1 kept as a
    positive tie, −1 negative, 0 neither), as :func:`sdsm_table`; with ``names``, ``source_name``
    and ``target_name``."""
    i = result.i
    if len(i) and int(max(i.max(), result.j.max())) >= graph.row_count:
        raise ValueError(f"the SDSM result refers to rows beyond the {graph.row_count} of the graph given: "
                         "pass the graph it was computed on")
    frame = _edge_frame(graph.row_labels, i, result.j,
                        {"weight": result.count.astype(float), "expected": result.expected, "p_upper": result.upper,
                         "p_lower": result.lower, "sign": result.sign}, "pair")
    return _add_names(frame, names, {"source": "source_name", "target": "target_name"})


def _bicm_to_pandas(model: _core.Bicm, graph: _core.TwoModeGraph, *, probabilities: bool = False) -> BicmFrames:
    """``(rows, columns, probabilities)``: per row and per column of ``graph`` (index ``id``) the
    observed ``degree``, the fitted ``x`` (rows) or ``y`` (columns), the ``expected_degree`` and the
    degree ``class``; with ``probabilities=True`` the dense rows × columns matrix of membership
    probabilities labelled by the graph's labels (else None; dense: for small graphs).

    >>> import alueverkko
    >>> g = alueverkko.TwoModeGraph.from_edges(["a", "b"], ["n1", "n2"], [0, 1, 1], [0, 0, 1])
    >>> rows, columns, p = alueverkko.bicm(g).to_pandas(g, probabilities=True)
    >>> rows["expected_degree"].round(6).tolist(), p.shape
    ([1.0, 2.0], (2, 2))
    """
    import pandas as pd

    _check_size("the BiCM", len(model.row_class), graph, graph.row_count, "rows")
    _check_size("the BiCM", len(model.column_class), graph, graph.column_count, "columns")
    row, column = _core.two_mode_edge_arrays(graph)[:2]
    arrays = {"row": row, "column": column}
    frames = []
    for labels, which, fitted, expected, classes, count in (
            (graph.row_labels, "row", model.row_x, model.expected_row_degrees, model.row_class, graph.row_count),
            (graph.column_labels, "column", model.column_y, model.expected_column_degrees, model.column_class,
             graph.column_count)):
        degree = np.bincount(np.asarray(arrays[which], dtype=np.intp), minlength=count)
        frames.append(pd.DataFrame({"degree": degree, "x" if which == "row" else "y": fitted,
                                    "expected_degree": expected, "class": classes},
                                   index=pd.Index(labels, name="id")))
    matrix = None
    if probabilities:
        matrix = pd.DataFrame(model.probabilities(), index=pd.Index(graph.row_labels, name="row"),
                              columns=pd.Index(graph.column_labels, name="column"))
    for frame in frames:
        frame.attrs.update(iterations=model.iterations, max_degree_error=model.max_degree_error)
    return BicmFrames(frames[0], frames[1], matrix)


# --- data, geography, geometry, drawings ------------------------------------------------------


def _dataset_to_pandas(dataset: _core.Dataset) -> DatasetFrames:
    """``(actors, networks, memberships)``: actors indexed by ``actor_id``, networks by
    ``network_id`` (both with a ``name`` column), memberships (``network_id``, ``actor_id``,
    ``status``, ``role``…) by their position in the data set (``membership``, the edge id of
    :meth:`TwoModeGraph.from_dataset`). ``attrs["dataset"]`` is the data set's name.

    >>> import alueverkko
    >>> geo = alueverkko.load_geography(alueverkko.find_geography_dir("fi-2021"))
    >>> d = alueverkko.load_dataset(alueverkko.data_dir() / "collaborations" / "growth_corridor_2023", geo)
    >>> actors, networks, memberships = d.to_pandas()
    >>> actors.loc["kunta-092", "name"], networks["name"].tolist(), len(memberships)
    ('Vantaa', ['Suomen kasvukäytävä'], 13)
    """
    actors = dataset.actors.to_pandas(index="actor_id")
    networks = dataset.networks.to_pandas(index="network_id")
    memberships = dataset.memberships.to_pandas()
    memberships.index.name = "membership"
    for frame in (actors, networks, memberships):
        frame.attrs["dataset"] = dataset.name
    return DatasetFrames(actors, networks, memberships)


def _level_name(level) -> str:
    return level.name if isinstance(level, _core.PlaceLevel) else str(level)


def _geography_to_pandas(geography: _core.Geography, level: Union[str, _core.PlaceLevel] = "municipality"
                         ) -> "pd.DataFrame":
    """The places of a level (``municipality``, ``subregion``, ``region``) indexed by ``code``, with
    ``name`` (the Finnish name, ``name_fi``) first, then the geography's columns.

    >>> import alueverkko
    >>> geo = alueverkko.load_geography(alueverkko.find_geography_dir("fi-2021"))
    >>> geo.to_pandas("region").loc["01", ["name", "name_sv"]].tolist()
    ['Uusimaa', 'Nyland']
    """
    tables = {"municipality": geography.municipalities, "subregion": geography.subregions,
              "region": geography.regions}
    name = _level_name(level)
    if name not in tables:
        raise ValueError(f"level must be municipality, subregion or region, not {name!r}")
    frame = tables[name].to_pandas(index="code")
    frame.insert(0, "name", frame["name_fi"])
    frame.attrs["geography"] = geography.id
    return frame


def _boundaries_to_pandas(boundaries: _core.Boundaries, level: Union[str, _core.PlaceLevel] = "municipality", *,
                          projected: bool = True) -> "pd.DataFrame":
    """The places of a level indexed by ``code`` (sorted), with ``name`` and the planar area:
    ``area_m2`` in the ETRS-TM35FIN plane, or ``area_deg2`` (square degrees) if
    ``projected=False`` (see :meth:`Boundaries.areas`).

    >>> import alueverkko
    >>> b = alueverkko.load_boundaries(alueverkko.load_geography(alueverkko.find_geography_dir("fi-2021")))
    >>> frame = b.to_pandas("region")
    >>> frame.loc["01", "name"], round(frame["area_m2"].sum() / 1e9)
    ('Uusimaa', 338)
    """
    import pandas as pd

    place_level = level if isinstance(level, _core.PlaceLevel) else getattr(_core.PlaceLevel, str(level), None)
    if not isinstance(place_level, _core.PlaceLevel):
        raise ValueError(f"level must be municipality, subregion or region, not {level!r}")
    codes = boundaries.codes(place_level)
    objects = {"municipality": boundaries.municipalities, "subregion": boundaries.subregions,
               "region": boundaries.regions}[place_level.name]
    by_code = {g.code: g.name for g in objects.geometries}
    area = boundaries.areas(place_level, projected=projected)
    return pd.DataFrame({"name": [by_code[c] for c in codes], "area_m2" if projected else "area_deg2": area},
                        index=pd.Index(codes, name="code"))


def _positions_frame(positions: np.ndarray, graph: _core.WeightedGraph) -> "pd.DataFrame":
    import pandas as pd

    positions = np.asarray(positions, dtype=float).reshape(-1, 2)
    _check_size("the drawing", len(positions), graph, graph.vertex_count, "vertices")
    return pd.DataFrame(positions, columns=["x", "y"], index=pd.Index(graph.labels, name="id"))


def _graph_drawing_to_pandas(drawing: _core.GraphDrawing, graph: _core.WeightedGraph) -> "pd.DataFrame":
    """Node centres ``x``, ``y`` (points, y up) indexed by the labels (``id``) of ``graph``, the
    graph drawn."""
    return _positions_frame(drawing.positions, graph)


def _drawing_to_pandas(drawing: Drawing, graph: _core.WeightedGraph) -> "pd.DataFrame":
    """Node centres ``x``, ``y`` (points, y up) indexed by the labels (``id``) of ``graph``, the
    graph drawn.

    >>> import alueverkko
    >>> g = alueverkko.parse_edge_list("source,target\\na,b\\nb,c\\n")
    >>> alueverkko.draw(g, "dot").to_pandas(g).index.tolist()
    ['a', 'b', 'c']
    """
    return _positions_frame(drawing.positions, graph)


_core.WeightedGraph.to_pandas = _weighted_graph_to_pandas
_core.TwoModeGraph.to_pandas = _two_mode_to_pandas
_core.AggregatedGraph.to_pandas = _aggregated_to_pandas
_core.GraphTables.to_pandas = _graph_tables_to_pandas
_core.DisparityResult.to_pandas = _disparity_to_pandas
_core.SdsmResult.to_pandas = _sdsm_to_pandas
_core.Bicm.to_pandas = _bicm_to_pandas
_core.Dataset.to_pandas = _dataset_to_pandas
_core.Geography.to_pandas = _geography_to_pandas
_core.Boundaries.to_pandas = _boundaries_to_pandas
_core.GraphDrawing.to_pandas = _graph_drawing_to_pandas
Drawing.to_pandas = _drawing_to_pandas
