"""networkx conversions: :func:`to_networkx` and :func:`from_networkx` (also ``.to_networkx()`` on
WeightedGraph, TwoModeGraph and Dataset).

Two-mode graphs follow ``networkx.algorithms.bipartite``: the node attribute ``bipartite`` is 0 for
actors (rows) and 1 for networks (columns).
"""
from __future__ import annotations

from typing import Union

import numpy as np

from . import _core

Convertible = Union[_core.WeightedGraph, _core.TwoModeGraph, _core.Dataset]


def to_networkx(obj: Convertible):
    """A networkx ``Graph`` of a WeightedGraph, TwoModeGraph or Dataset.

    - WeightedGraph: nodes are the labels (0…n-1 if the graph has none), edge attribute ``weight``,
      graph attribute ``weight_meaning`` ("affinity" or "distance").
    - TwoModeGraph: rows (``bipartite`` 0) and columns (``bipartite`` 1) named by their labels, edge
      attributes ``weight``, ``status`` and ``role`` ("" for none).
    - Dataset: its actor–network graph: actors (``bipartite`` 0) and networks (``bipartite`` 1) named by
      id, with the non-empty values of the data set's actor and network tables as node attributes;
      memberships as in a TwoModeGraph.

    A label shared by a row and a column (or by two vertices) cannot be a node twice: ValueError.

    >>> import alueverkko
    >>> g = alueverkko.WeightedGraph.from_edges(3, [0, 1], [1, 2], [2.0, 0.5], alueverkko.WeightMeaning.affinity,
    ...                                         ["a", "b", "c"])
    >>> G = alueverkko.to_networkx(g)
    >>> sorted(G.edges(data="weight")), G.graph
    ([('a', 'b', 2.0), ('b', 'c', 0.5)], {'weight_meaning': 'affinity'})
    """
    import networkx as nx

    if isinstance(obj, _core.WeightedGraph):
        labels = obj.labels if any(obj.labels) else list(range(obj.vertex_count))
        names = _unique_names(labels, "vertex labels")
        G = nx.Graph(weight_meaning=obj.weight_meaning.name)
        G.add_nodes_from(labels)
        source, target, weight = obj.edge_arrays()
        G.add_weighted_edges_from(zip(names[source].tolist(), names[target].tolist(), weight.tolist()))
        return G
    if isinstance(obj, _core.TwoModeGraph):
        rows, columns = obj.row_labels, obj.column_labels
        G = nx.Graph()
        G.add_nodes_from(rows, bipartite=0)
        G.add_nodes_from(columns, bipartite=1)
        _add_memberships(G, rows, columns, *_core.two_mode_edge_arrays(obj))
        return G
    if isinstance(obj, _core.Dataset):
        actors = obj.actors.to_pandas(index="actor_id")
        networks = obj.networks.to_pandas(index="network_id")
        G = nx.Graph()
        for table, side in ((actors, 0), (networks, 1)):
            G.add_nodes_from((node, dict(_values(attributes), bipartite=side))
                             for node, attributes in table.to_dict("index").items())
        m = obj.memberships.to_pandas()
        _add_memberships(G, list(actors.index), list(networks.index), actors.index.get_indexer(m["actor_id"]),
                         networks.index.get_indexer(m["network_id"]), m["weight"].to_numpy(), m["status"].tolist(),
                         m["role"].tolist())
        return G
    raise TypeError(f"to_networkx takes a WeightedGraph, TwoModeGraph or Dataset, not {type(obj).__name__}")


def from_networkx(G, weight: str = "weight", meaning: Union[str, _core.WeightMeaning, None] = None):
    """A WeightedGraph, or a TwoModeGraph if every node has the attribute ``bipartite`` (0 or 1).

    Vertices (rows, columns) are G's nodes in G's order, labelled ``str(node)``. Edge weights come from the
    attribute ``weight`` (1 where absent); a two-mode graph also reads ``status`` (default "member") and
    ``role`` (default none). ``meaning`` ("affinity" or "distance") defaults to G's graph attribute
    ``weight_meaning``, else affinity. Parallel edges of a multigraph are summed in a WeightedGraph; a
    directed graph is refused (convert it with ``G.to_undirected()``).

    >>> import networkx, alueverkko
    >>> B = networkx.Graph([("a", "n1"), ("b", "n1")])
    >>> networkx.set_node_attributes(B, {"a": 0, "b": 0, "n1": 1}, "bipartite")
    >>> alueverkko.from_networkx(B)
    <TwoModeGraph 2 rows × 1 columns, 2 memberships>
    >>> alueverkko.from_networkx(networkx.path_graph(3))
    <WeightedGraph 3 vertices, 2 edges, weights: affinity>
    """
    if G.is_directed():
        raise ValueError("from_networkx needs an undirected graph (use G.to_undirected())")
    nodes = list(G)
    sides = dict(G.nodes(data="bipartite"))
    if any(side is not None for side in sides.values()):
        return _two_mode_from_networkx(G, nodes, sides, weight)
    position = {node: i for i, node in enumerate(nodes)}
    labels = [str(node) for node in nodes]
    _unique_names(labels, "node names (str(node))")
    edges = G.edges(data=weight, default=1.0)
    ends = np.array([(position[u], position[v]) for u, v, _ in edges], dtype=np.int64).reshape(-1, 2)
    meaning = meaning if meaning is not None else G.graph.get("weight_meaning", "affinity")
    if isinstance(meaning, str):
        if meaning not in _core.WeightMeaning.__members__:
            raise ValueError(f"meaning must be 'affinity' or 'distance', got {meaning!r}")
        meaning = _core.WeightMeaning.__members__[meaning]
    return _core.WeightedGraph.from_edges(len(nodes), ends[:, 0], ends[:, 1], _weights(edges, weight), meaning, labels)


def _two_mode_from_networkx(G, nodes, sides, weight):
    wrong = [node for node in nodes if sides[node] not in (0, 1)]
    if wrong:
        raise ValueError(f"node {wrong[0]!r}: every node of a two-mode graph needs the attribute bipartite 0 or 1, "
                         f"got {sides[wrong[0]]!r}")
    rows = [node for node in nodes if sides[node] == 0]
    columns = [node for node in nodes if sides[node] == 1]
    row_of = {node: i for i, node in enumerate(rows)}
    column_of = {node: i for i, node in enumerate(columns)}
    ends, status, role = [], [], []
    for u, v, data in G.edges(data=True):
        if sides[u] == sides[v]:
            raise ValueError(f"edge ({u!r}, {v!r}) joins two nodes of bipartite {sides[u]}")
        ends.append((row_of[u], column_of[v]) if sides[u] == 0 else (row_of[v], column_of[u]))
        status.append(data.get("status", "member"))
        role.append(data.get("role", ""))
    ends = np.array(ends, dtype=np.int64).reshape(-1, 2)
    row_labels = [str(node) for node in rows]
    column_labels = [str(node) for node in columns]
    _unique_names(row_labels + column_labels, "node names (str(node))")
    return _core.two_mode_from_arrays(row_labels, column_labels, ends[:, 0], ends[:, 1],
                                      _weights(G.edges(data=weight, default=1.0), weight), status, role)


def _weights(edges, weight: str) -> np.ndarray:
    try:
        return np.fromiter((w for _, _, w in edges), dtype=float, count=len(edges))
    except (TypeError, ValueError):
        raise ValueError(f"edge attribute {weight!r} must be a number on every edge") from None


def _unique_names(labels, what: str) -> np.ndarray:
    """``labels`` as an object array for fancy indexing; ValueError if one is repeated."""
    names = np.empty(len(labels), dtype=object)
    names[:] = list(labels)
    if len(set(labels)) != len(labels):
        seen = set()
        repeated = next(label for label in labels if label in seen or seen.add(label))
        raise ValueError(f"{what} must be unique to be node names: {repeated!r} is repeated")
    return names


def _add_memberships(G, rows, columns, row, column, weight, status, role) -> None:
    names = _unique_names(list(rows) + list(columns), "row and column labels")
    row_names, column_names = names[:len(rows)], names[len(rows):]
    ends = zip(row_names[row].tolist(), column_names[column].tolist(), np.asarray(weight).tolist(), status, role)
    G.add_edges_from((u, v, {"weight": w, "status": s, "role": r}) for u, v, w, s, r in ends)


def _values(attributes) -> dict:
    """A table row's non-empty values (no "" or NaN)."""
    return {key: value for key, value in attributes.items() if value == value and value != ""}


def _to_networkx_method(self):
    """This object as a networkx graph (see :func:`alueverkko.to_networkx`)."""
    return to_networkx(self)


for _class in (_core.WeightedGraph, _core.TwoModeGraph, _core.Dataset):
    _class.to_networkx = _to_networkx_method
