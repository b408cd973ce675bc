"""Projections checked against networkx's bipartite projections (an independent implementation) on
the Davis Southern Women graph, seeded random bipartite graphs and the municipality projection of
the bundled idea_call_2021 data."""
import csv
import random

import networkx as nx
import numpy as np
import pytest
from networkx.algorithms import bipartite

import alueverkko
from graphs import to_two_mode

TOL = 1e-9


def as_dict(g):
    s, t, w = g.edge_arrays()
    labels = g.labels
    return {frozenset((labels[a], labels[b])): x for a, b, x in zip(s.tolist(), t.tolist(), w.tolist())}


def nx_dict(P, weight="weight"):
    return {frozenset((str(u), str(v))): d[weight] for u, v, d in P.edges(data=True)}


def assert_same(ours, theirs):
    assert ours.keys() == theirs.keys()
    for key, value in theirs.items():
        assert ours[key] == pytest.approx(value, rel=TOL, abs=TOL), key


def nx_projection(B, nodes, weighting):
    if weighting == "count":
        return bipartite.weighted_projected_graph(B, nodes)
    if weighting == "newman":
        return bipartite.collaboration_weighted_projected_graph(B, nodes)
    return bipartite.overlap_weighted_projected_graph(B, nodes, jaccard=(weighting == "jaccard"))


WEIGHTINGS = ["count", "newman", "jaccard", "overlap"]


@pytest.fixture(scope="module")
def davis():
    B = nx.davis_southern_women_graph()
    women = sorted(B.graph["top"])
    events = sorted(B.graph["bottom"])
    return B, women, events, to_two_mode(B, women, events)


@pytest.mark.parametrize("weighting", WEIGHTINGS)
def test_davis_onto_women_and_events(davis, weighting):
    B, women, events, g = davis
    assert_same(as_dict(alueverkko.project(g, "rows", weighting)), nx_dict(nx_projection(B, women, weighting)))
    assert_same(as_dict(alueverkko.project(g, "columns", weighting)), nx_dict(nx_projection(B, events, weighting)))


def test_davis_known_values(davis):
    _, _, _, g = davis
    p = as_dict(alueverkko.project(g))
    # Evelyn Jefferson and Laura Mandeville attended 6 events together (Davis 1941, table).
    assert p[frozenset(("Evelyn Jefferson", "Laura Mandeville"))] == 6


def random_bipartite(seed, n_rows=40, n_cols=25, p=0.12, weighted=False):
    rng = random.Random(seed)
    B = bipartite.random_graph(n_rows, n_cols, p, seed=seed)
    rows = [n for n, d in B.nodes(data=True) if d["bipartite"] == 0]
    cols = [n for n, d in B.nodes(data=True) if d["bipartite"] == 1]
    for u, v in B.edges():
        B[u][v]["w"] = rng.choice([0.5, 1.0, 2.0, 3.0]) if weighted else 1.0
    return B, rows, cols


@pytest.mark.parametrize("seed", [1, 2, 3, 4, 5])
@pytest.mark.parametrize("weighting", WEIGHTINGS)
def test_random_bipartite(seed, weighting):
    B, rows, cols = random_bipartite(seed)
    g = to_two_mode(B, rows, cols)
    for onto, nodes in (("rows", rows), ("columns", cols)):
        ours = alueverkko.project(g, onto, weighting)
        assert ours.vertex_count == len(nodes)  # isolated nodes stay vertices, as in networkx
        assert_same(as_dict(ours), nx_dict(nx_projection(B, nodes, weighting)))


@pytest.mark.parametrize("seed", [11, 12, 13])
def test_membership_weights_against_generic_projection(seed):
    B, rows, cols = random_bipartite(seed, weighted=True)
    g = to_two_mode(B, rows, cols, weight="w")

    def weighted_count(G, u, v):
        return sum(G[u][k]["w"] * G[v][k]["w"] for k in set(G[u]) & set(G[v]))

    def weighted_newman(G, u, v):
        return sum(G[u][k]["w"] * G[v][k]["w"] / (len(G[k]) - 1) for k in set(G[u]) & set(G[v]))

    for weighting, fn in (("count", weighted_count), ("newman", weighted_newman)):
        ours = alueverkko.project(g, "rows", weighting, use_membership_weights=True)
        theirs = bipartite.generic_weighted_projected_graph(B, rows, weight_function=fn)
        assert_same(as_dict(ours), nx_dict(theirs))


def test_min_weight_top_k_and_custom_weighting():
    B, rows, cols = random_bipartite(7, n_rows=60, n_cols=30, p=0.15)
    g = to_two_mode(B, rows, cols)
    full = as_dict(alueverkko.project(g))
    assert as_dict(alueverkko.project(g, min_weight=2)) == {k: w for k, w in full.items() if w >= 2}

    k = 3
    topk = as_dict(alueverkko.project(g, top_k=k))
    expected = set()
    for node in map(str, rows):
        mine = sorted(((w, other) for e, w in full.items() if node in e for other in e - {node}),
                      key=lambda t: (-t[0], int(t[1])))
        expected |= {frozenset((node, other)) for _, other in mine[:k]}
    assert set(topk) == expected
    assert all(topk[e] == full[e] for e in topk)
    # the same rule after the fact, and through the vectorised custom path
    assert as_dict(alueverkko.keep_top_k(alueverkko.project(g), k)) == topk
    assert as_dict(alueverkko.project(g, weighting=lambda shared, **_: shared, top_k=k)) == topk

    jaccard = as_dict(alueverkko.project(g, weighting="jaccard"))
    custom = as_dict(alueverkko.project(g, weighting=lambda shared, degree_i, degree_j, **_: shared / (degree_i + degree_j - shared)))
    assert custom.keys() == jaccard.keys() and all(abs(custom[e] - jaccard[e]) < TOL for e in custom)


def test_size_estimate_bounds_the_result_and_guards_memory():
    B, rows, cols = random_bipartite(3, n_rows=80, n_cols=20, p=0.2)
    g = to_two_mode(B, rows, cols)
    size = alueverkko.projection_size(g)
    p = alueverkko.project(g)
    assert size["vertices"] == 80 and p.edge_count <= size["max_edges"] <= 80 * 79 // 2
    assert p.memory_bytes <= size["max_bytes"]
    with pytest.raises(alueverkko.ProjectionTooLarge, match="above the limit"):
        alueverkko.project(g, max_bytes=1000)
    assert alueverkko.project(g, max_bytes=size["max_bytes"]).edge_count == p.edge_count


def test_threads_give_identical_projections():
    B, rows, cols = random_bipartite(5, n_rows=200, n_cols=60, p=0.08)
    g = to_two_mode(B, rows, cols)
    for weighting in WEIGHTINGS:
        one = alueverkko.project(g, weighting=weighting, threads=1).edge_arrays()
        two = alueverkko.project(g, weighting=weighting, threads=2).edge_arrays()
        for a, b in zip(one, two):
            assert np.array_equal(a, b)


def test_rejected_inputs():
    with pytest.raises(ValueError, match="given twice"):
        alueverkko.TwoModeGraph.from_edges(["a"], ["n"], [0, 0], [0, 0])
    g = alueverkko.TwoModeGraph.from_edges(["a", "b"], ["n"], [0, 1], [0, 0], [1.0, 2.0])
    with pytest.raises(ValueError, match="membership weights apply to count and newman"):
        alueverkko.project(g, weighting="jaccard", use_membership_weights=True)
    with pytest.raises(ValueError, match="unknown weighting"):
        alueverkko.project(g, weighting="cosine")


# --- the bundled data: municipality projection of idea_call_2021 -----------------------------------

@pytest.fixture(scope="module")
def idea_call():
    geo = alueverkko.load_geography(alueverkko.find_geography_dir("fi-2021"))
    directory = alueverkko.data_dir() / "collaborations" / "idea_call_2021"
    return geo, alueverkko.load_dataset(directory, geo), directory


def read(path):
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


@pytest.mark.parametrize("statuses", [["member"], ["member", "planned"], None])
@pytest.mark.parametrize("weighting", ["count", "newman"])
def test_idea_call_municipality_projection(idea_call, statuses, weighting):
    geo, ds, directory = idea_call
    # Independent aggregation from the CSV files: an actor counts for its seat municipality unless it
    # stands for an area (area_code) or is foreign.
    actors = {a["actor_id"]: a for a in read(directory / "actors.csv")}
    B = nx.Graph()
    for m in read(directory / "memberships.csv"):
        a = actors[m["actor_id"]]
        if a["area_code"] or a["country"] not in ("", "FI"):
            place = None if a["country"] in ("", "FI") else a["actor_id"]
        else:
            place = a["municipality_code"] or None
        if place is None:
            continue
        B.add_node(place, bipartite=0)
        B.add_node("net:" + m["network_id"], bipartite=1)
        if statuses is None or m["status"] in statuses:
            B.add_edge(place, "net:" + m["network_id"])
    places = [n for n, d in B.nodes(data=True) if d["bipartite"] == 0]
    theirs = nx_projection(B, places, weighting)

    filters = {"status": statuses} if statuses else {}
    ours, left_out, _ = alueverkko.project_dataset(ds, geo, level="municipality", weighting=weighting, **filters)
    assert sorted(ours.labels) == sorted(places)
    assert_same(as_dict(ours), nx_dict(theirs))
    assert len(left_out) > 0
