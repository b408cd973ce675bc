"""Exports for networkx, Gephi and QGIS: GraphML, GEXF, GeoJSON and node/edge tables (pandas).

Every function takes either a projected graph (``WeightedGraph``; with ``dataset`` and ``geography``
its vertices are described as the actors or places of ``level``) or ready ``GraphTables`` (e.g. from
:func:`two_mode_tables`). Projected weights are collaboration affinities: larger = stronger, not a
distance; the files say so. Attributes and formats: docs/export.md.
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import Mapping, Optional, Sequence, Union

from . import _core

Graph = Union[_core.WeightedGraph, _core.GraphTables]
PLACE_LEVELS = ("municipality", "subregion", "region")


def export_tables(graph: Graph, dataset: Optional[_core.Dataset] = None, geography: Optional[_core.Geography] = None,
                  *, level: str = "municipality", weighting: str = "count",
                  use_membership_weights: bool = False) -> _core.GraphTables:
    """The node and edge tables every export writes (``weighting`` only describes the weights)."""
    if isinstance(graph, _core.GraphTables):
        return graph
    return _core.graph_tables(graph, dataset, geography, level, weighting, use_membership_weights)


def two_mode_tables(dataset: _core.Dataset, geography: _core.Geography, level: str = "actor",
                    **filters) -> _core.GraphTables:
    """Actors (or places of ``level``, bipartite 0) and networks (bipartite 1) with the memberships
    selected by ``filters`` (as in :func:`select_memberships`) as edges: weight, status, role."""
    active = _core.select_memberships(dataset, **filters) if filters else None
    return _core.two_mode_tables(dataset, geography, level, active)


def node_table(graph: Graph, dataset=None, geography=None, **describe):
    """The nodes as a pandas DataFrame: id, label, kind, … (see :func:`export_tables`)."""
    return export_tables(graph, dataset, geography, **describe).nodes.to_pandas()


def edge_table(graph: Graph, dataset=None, geography=None, **describe):
    """The edges as a pandas DataFrame: source, target, weight, source_name, target_name, …"""
    return _core.edge_list_with_names(export_tables(graph, dataset, geography, **describe)).to_pandas()


def write_graphml(graph: Graph, path: Union[str, os.PathLike], dataset=None, geography=None, **describe) -> None:
    """GraphML with typed attributes, for ``networkx.read_graphml``, Gephi, Cytoscape and yEd.

    >>> import alueverkko, networkx, tempfile, pathlib
    >>> g = alueverkko.WeightedGraph.from_edges(2, [0], [1], [2.5], alueverkko.WeightMeaning.affinity, ["a", "b"])
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "g.graphml"
    >>> alueverkko.write_graphml(g, path)
    >>> networkx.read_graphml(path).edges(data="weight")
    EdgeDataView([('a', 'b', 2.5)])
    """
    _core.write_graphml(export_tables(graph, dataset, geography, **describe), Path(path))


def write_gexf(graph: Graph, path: Union[str, os.PathLike], dataset=None, geography=None, *,
               positions=None, **describe) -> None:
    """GEXF 1.2draft for Gephi and ``networkx.read_gexf``. ``positions`` (n, 2), or ``"map"`` for the
    places' map positions (:func:`geographic_positions`, a graph of places only), become viz positions."""
    if isinstance(positions, str):
        if positions != "map":
            raise ValueError(f"positions must be an (n, 2) array or 'map', got {positions!r}")
        level = describe.get("level", "municipality")
        if isinstance(graph, _core.GraphTables) or geography is None or level not in PLACE_LEVELS:
            raise ValueError("positions='map' needs a projected graph of places with its geography")
        positions = _core.geographic_positions(graph, geography, level)
    _core.write_gexf(export_tables(graph, dataset, geography, **describe), Path(path), positions)


def write_geojson(graph: Optional[Graph], path: Union[str, os.PathLike], dataset=None, geography=None, *,
                  level: str = "municipality", weighting: str = "count", use_membership_weights: bool = False,
                  layers: Sequence[str] = ("places", "edges", "areas"), area_values=None, decimals: int = 6,
                  **filters) -> dict:
    """GeoJSON (RFC 7946, WGS84) for QGIS: places as points, edges as lines, and the areas of ``level``
    as polygons with code, name, name_sv, population_2021, networks, member, lead, covered (counted on
    the memberships selected by ``filters``, which should be those of the graph) plus ``area_values``:
    a mapping of column name → values in the order of the places' codes, or a pandas Series/DataFrame
    indexed by code. The property ``feature_kind`` ("place", "edge", "area") tells features apart.
    Returns the number of features written by kind."""
    unknown = set(layers) - {"places", "edges", "areas"}
    if unknown:
        raise ValueError(f"unknown layers {sorted(unknown)} (expected places, edges, areas)")
    tables = None if graph is None else export_tables(graph, dataset, geography, level=level, weighting=weighting,
                                                      use_membership_weights=use_membership_weights)
    areas = "areas" in layers and level in PLACE_LEVELS
    properties, values = None, {}
    if areas:
        if dataset is None or geography is None:
            raise ValueError("areas need the dataset and the geography")
        active = _core.select_memberships(dataset, **filters) if filters else None
        participation = _core.aggregate(dataset, geography, level, active).graph
        properties = _core.area_table(geography, level, participation)
        values = _aligned(area_values, properties.column("code"))
    return _core.write_geojson(Path(path), tables, geography, level, properties, values, "places" in layers,
                               "edges" in layers, areas, decimals)


def write_csv(graph: Graph, path: Union[str, os.PathLike], dataset=None, geography=None, **describe) -> Path:
    """The edge list to ``path`` and the node list beside it as ``<stem>.nodes.csv`` (returned)."""
    path = Path(path)
    nodes = path.with_name((path.stem if path.suffix == ".csv" else path.name) + ".nodes.csv")
    edge_table(graph, dataset, geography, **describe).to_csv(path, index=False)
    node_table(graph, dataset, geography, **describe).to_csv(nodes, index=False)
    return nodes


def _aligned(area_values, codes: Sequence[str]) -> dict:
    """Extra area columns as lists in the order of ``codes``."""
    if area_values is None:
        return {}
    if hasattr(area_values, "reindex"):  # pandas Series or DataFrame indexed by code
        frame = area_values.to_frame() if hasattr(area_values, "to_frame") else area_values
        frame = frame.reindex(list(codes))
        return {str(name): frame[name].to_numpy() for name in frame.columns}
    if isinstance(area_values, Mapping):
        out = {}
        for name, column in area_values.items():
            if len(column) != len(codes):
                raise ValueError(f"area value {name!r} has {len(column)} values for {len(codes)} places")
            out[str(name)] = column
        return out
    raise TypeError("area_values must be a mapping of column → values or a pandas Series/DataFrame indexed by code")
