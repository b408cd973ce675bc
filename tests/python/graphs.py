"""Conversions between networkx graphs and alueverkko's, shared by the oracle tests."""
import networkx as nx
import numpy as np

import alueverkko


def to_two_mode(B, rows, columns, weight=None):
    """A networkx bipartite graph as a TwoModeGraph with the given row and column order."""
    ri = {r: i for i, r in enumerate(rows)}
    ci = {c: i for i, c in enumerate(columns)}
    edges = [(ri[u], ci[v], d.get(weight, 1.0) if weight else 1.0) if u in ri else (ri[v], ci[u], d.get(weight, 1.0) if weight else 1.0)
             for u, v, d in B.edges(data=True)]
    r, c, w = zip(*edges) if edges else ((), (), ())
    return alueverkko.TwoModeGraph.from_edges([str(x) for x in rows], [str(x) for x in columns],
                                             np.array(r, dtype=np.int64), np.array(c, dtype=np.int64), np.array(w, dtype=float))


def to_weighted(G, weight="weight", meaning=alueverkko.WeightMeaning.affinity):
    """A networkx graph as a WeightedGraph; vertex i is the i-th node of G, labelled str(node)."""
    index = {n: i for i, n in enumerate(G)}
    s, t, w = [], [], []
    for u, v, d in G.edges(data=True):
        s.append(index[u]); t.append(index[v]); w.append(d.get(weight, 1.0))
    return alueverkko.WeightedGraph.from_edges(len(index), np.array(s, dtype=np.int64), np.array(t, dtype=np.int64),
                                              np.array(w, dtype=float), meaning, [str(n) for n in G])


def to_networkx(g):
    """A WeightedGraph as a networkx Graph over its labels, weights in 'weight'."""
    G = nx.Graph()
    G.add_nodes_from(g.labels)
    labels = g.labels
    s, t, w = g.edge_arrays()
    G.add_weighted_edges_from((labels[a], labels[b], x) for a, b, x in zip(s.tolist(), t.tolist(), w.tolist()))
    return G
