"""alueverkko: analyse and draw inter-regional collaboration networks.

The compiled core (``alueverkko._core``, C++) does the work; this package adds pandas and notebook
conveniences. Bundled data: Finland's 2021 geography and the collaboration data sets of the source
documents (see :func:`data_dir`).

>>> import alueverkko
>>> geo = alueverkko.load_geography(alueverkko.data_dir() / "geography" / "fi-2021")
>>> len(geo.municipalities), geo.population_total(2021)
(309, 5548241)
"""
from ._core import (  # noqa: F401  (re-exported)
    read_two_mode_list,
    read_edge_list,
    parse_two_mode_list,
    parse_edge_list,
    measure_names,
    compute_measures,
    ConvergenceError,
    Scores,
    betweenness,
    closeness,
    coreness,
    degree_centrality,
    edge_betweenness,
    eigenvector_centrality,
    harmonic_closeness,
    katz_centrality,
    pagerank,
    strength,
    two_mode_betweenness,
    two_mode_closeness,
    two_mode_degree,
    DataError,
    Dataset,
    Geography,
    ProjectionTooLarge,
    Table,
    TwoModeGraph,
    WeightMeaning,
    WeightedGraph,
    aggregate,
    keep_top_k,
    pair_statistics,
    project_dataset,
    projection_size,
    select_memberships,
    __version__,
    load_dataset,
    load_geography,
)
from ._paths import data_dir, find_geography_dir  # noqa: F401
from ._centrality import metrics  # noqa: F401  (also adds Scores.to_pandas())
from ._projection import project  # noqa: F401
from . import _pandas  # noqa: F401  (adds Table.to_pandas())

__all__ = [
    "metrics",
    "read_two_mode_list",
    "read_edge_list",
    "parse_two_mode_list",
    "parse_edge_list",
    "measure_names",
    "compute_measures",
    "ConvergenceError",
    "Scores",
    "betweenness",
    "closeness",
    "coreness",
    "degree_centrality",
    "edge_betweenness",
    "eigenvector_centrality",
    "harmonic_closeness",
    "katz_centrality",
    "pagerank",
    "strength",
    "two_mode_betweenness",
    "two_mode_closeness",
    "two_mode_degree",
    "DataError",
    "Dataset",
    "Geography",
    "ProjectionTooLarge",
    "Table",
    "TwoModeGraph",
    "WeightMeaning",
    "WeightedGraph",
    "aggregate",
    "keep_top_k",
    "pair_statistics",
    "project",
    "project_dataset",
    "projection_size",
    "select_memberships",
    "__version__",
    "data_dir",
    "find_geography_dir",
    "load_dataset",
    "load_geography",
]
