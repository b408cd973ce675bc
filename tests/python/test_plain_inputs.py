"""Plain inputs (edge lists, membership lists) and the measures table from Python, checked against
networkx and against the diagnostics the C++ loaders give."""
import os
from pathlib import Path

import networkx as nx
import numpy as np
import pytest
from networkx.algorithms import bipartite

import alueverkko

pytestmark = pytest.mark.filterwarnings("ignore:networkx.pagerank_scipy is deprecated:DeprecationWarning")

PLAIN = Path(os.environ.get("ALUEVERKKO_SOURCE_DIR", Path(__file__).resolve().parents[2])) / "tests" / "data" / "plain"


def networkx_edges(path, weighted=True):
    G = nx.Graph()
    lines = path.read_text(encoding="utf-8").splitlines()[1:]
    for line in lines:
        parts = line.split(",")
        G.add_edge(parts[0], parts[1], weight=float(parts[2]) if weighted else 1.0)
    return G


def test_edge_list_reads_labels_and_weights():
    g = alueverkko.read_edge_list(PLAIN / "small-weighted.csv")
    G = networkx_edges(PLAIN / "small-weighted.csv")
    assert g.labels == list(G.nodes)  # order of first appearance, as networkx adds them
    assert g.weight_meaning == alueverkko.WeightMeaning.affinity
    s, t, w = g.edge_arrays()
    ours = {frozenset((g.labels[a], g.labels[b])): x for a, b, x in zip(s.tolist(), t.tolist(), w.tolist())}
    assert ours == {frozenset((u, v)): d["weight"] for u, v, d in G.edges(data=True)}


def test_metrics_table_matches_networkx():
    g = alueverkko.read_edge_list(PLAIN / "small-weighted.csv")
    G = networkx_edges(PLAIN / "small-weighted.csv")
    frame = alueverkko.metrics(g, ["degree", "strength", "betweenness", "closeness", "harmonic", "pagerank", "core"],
                               distance="inverse")
    assert list(frame.columns) == ["degree", "strength", "betweenness", "closeness", "harmonic", "pagerank", "core"]
    assert frame.index.name == "id" and list(frame.index) == g.labels
    H = G.copy()
    for _, _, d in H.edges(data=True):
        d["dist"] = 1 / d["weight"]
    expected = {
        "degree": nx.degree_centrality(G),
        "strength": dict(G.degree(weight="weight")),
        "betweenness": nx.betweenness_centrality(H, weight="dist"),
        "closeness": nx.closeness_centrality(H, distance="dist"),
        "harmonic": {k: v / (len(G) - 1) for k, v in nx.harmonic_centrality(H, distance="dist").items()},
        "pagerank": nx.pagerank(G, weight="weight"),  # the same iteration and tolerance as ours
        "core": nx.core_number(G),
    }
    for measure, values in expected.items():
        assert np.allclose(frame[measure].to_numpy(dtype=float), [values[v] for v in g.labels], rtol=1e-6, atol=1e-9), measure
    assert frame.attrs["metadata"]["betweenness"]["weights"] == "distance = 1/affinity"
    with pytest.raises(ValueError, match="pagerank"):
        alueverkko.metrics(g, ["pagerankk"])


def test_membership_list_projects_like_networkx():
    two_mode = alueverkko.read_two_mode_list(PLAIN / "memberships.csv")
    B = nx.Graph()
    for line in (PLAIN / "memberships.csv").read_text(encoding="utf-8").splitlines()[1:]:
        actor, network, _ = line.split(",")
        B.add_node(actor, bipartite=0)
        B.add_edge(actor, "net:" + network)
    actors = [n for n, d in B.nodes(data=True) if d.get("bipartite") == 0]
    assert two_mode.row_labels == actors
    projected = alueverkko.project(two_mode, weighting="newman")
    theirs = bipartite.collaboration_weighted_projected_graph(B, actors)
    frame = alueverkko.metrics(projected, ["strength", "eigenvector"], weighted_spectral=True)
    assert np.allclose(frame["strength"].to_numpy(), [theirs.degree(a, weight="weight") for a in actors])
    eig = nx.eigenvector_centrality(theirs, weight="weight")
    assert np.allclose(frame["eigenvector"].to_numpy(), [eig[a] for a in actors], rtol=1e-6, atol=1e-9)


def test_broken_edge_list_reports_every_problem():
    with pytest.raises(alueverkko.DataError) as error:
        alueverkko.read_edge_list(PLAIN / "edges-broken.csv")
    found = [(Path(d.file).name, d.line, d.column) for d in error.value.diagnostics]
    assert found == [("edges-broken.csv", 3, 3), ("edges-broken.csv", 4, 5), ("edges-broken.csv", 5, 5),
                     ("edges-broken.csv", 6, 0), ("edges-broken.csv", 7, 7), ("edges-broken.csv", 8, 1),
                     ("edges-broken.csv", 9, 5), ("edges-broken.csv", 10, 0), ("edges-broken.csv", 11, 5)]
    assert "invalid weight 'x'" in str(error.value)


def test_parse_from_text_and_distances():
    text = "source,target,weight\na,b,2\nb,c,1\na,b,3\n"
    affinity = alueverkko.parse_edge_list(text)
    assert affinity.edge_count == 2 and sorted(affinity.edge_arrays()[2].tolist()) == [1.0, 5.0]  # a–b summed
    with pytest.raises(alueverkko.DataError, match=r"<text>:4:"):
        alueverkko.parse_edge_list(text, meaning=alueverkko.WeightMeaning.distance)  # lengths do not add up
    distance = alueverkko.parse_edge_list("source,target,weight\na,b,2\nb,c,1\na,c,4\n",
                                          meaning=alueverkko.WeightMeaning.distance)
    frame = alueverkko.metrics(distance, ["betweenness", "closeness"], distance="weight", normalized=False)
    assert frame["betweenness"].to_dict() == {"a": 0.0, "b": 1.0, "c": 0.0}  # a–b–c (3) beats a–c (4)
    with pytest.raises(alueverkko.DataError, match=r"<text>:3:"):
        alueverkko.parse_two_mode_list("actor,network\na,n\na,n\n")
