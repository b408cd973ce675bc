"""Every centrality measure checked against networkx (an independent implementation) on the Davis
Southern Women graph (two-mode and projected), the municipality projection of the bundled
idea_call_2021 data and seeded random graphs with several components, isolated vertices and
weights. Tolerances: 1e-9 for exact measures, 1e-6 for iterative ones (run to a tighter tolerance
on both sides)."""
import math
import random

import networkx as nx
import numpy as np
import pytest
from networkx.algorithms import bipartite

import alueverkko
from graphs import to_networkx, to_two_mode, to_weighted

pytestmark = pytest.mark.filterwarnings("ignore:networkx.pagerank_scipy is deprecated:DeprecationWarning")

EXACT = 1e-9
ITERATIVE = 1e-6


def assert_close(ours, theirs, tol):
    """ours: Series indexed by label; theirs: networkx dict keyed by node."""
    theirs = {str(k): v for k, v in theirs.items()}
    assert set(ours.index) == set(theirs)
    for key, value in theirs.items():
        assert ours[key] == pytest.approx(value, rel=tol, abs=tol), key


def random_graph(seed, n=60, p=0.06, weighted=True):
    """Erdős–Rényi with extra isolated vertices and a separate small component; weights 0.5..4."""
    rng = random.Random(seed)
    G = nx.gnp_random_graph(n, p, seed=seed)
    G.add_nodes_from(range(n, n + 3))                         # isolated
    G.add_edges_from([(n + 3, n + 4), (n + 4, n + 5)])        # a path of three apart
    for u, v in G.edges():
        G[u][v]["weight"] = rng.choice([0.5, 1.0, 2.0, 4.0]) if weighted else 1.0
    return G


def with_distances(G, conversion):
    """A copy of G whose edges carry 'dist' from the affinity 'weight' as alueverkko converts it."""
    H = G.copy()
    wmax = max((d["weight"] for _, _, d in H.edges(data=True)), default=1.0)
    for _, _, d in H.edges(data=True):
        d["dist"] = 1.0 / d["weight"] if conversion == "inverse" else -math.log(d["weight"] / wmax)
    return H


def graphs():
    """(name, networkx graph with affinity weights) for every oracle graph."""
    davis = nx.davis_southern_women_graph()
    women = bipartite.weighted_projected_graph(davis, davis.graph["top"])
    yield "davis-women", women
    geo = alueverkko.load_geography(alueverkko.find_geography_dir("fi-2021"))
    ds = alueverkko.load_dataset(alueverkko.data_dir() / "collaborations" / "idea_call_2021", geo)
    projected, _, _ = alueverkko.project_dataset(ds, geo, level="municipality", weighting="newman", status=["member"])
    yield "idea-call-municipalities", to_networkx(projected)
    for seed in (1, 2, 3):
        yield f"random-{seed}", random_graph(seed)


GRAPHS = dict(graphs())


@pytest.fixture(scope="module", params=sorted(GRAPHS))
def case(request):
    G = GRAPHS[request.param]
    return G, to_weighted(G)


def test_degree_and_strength(case):
    G, g = case
    assert_close(alueverkko.degree_centrality(g).to_pandas(g), nx.degree_centrality(G), EXACT)
    assert_close(alueverkko.degree_centrality(g, normalized=False).to_pandas(g), dict(G.degree()), EXACT)
    assert_close(alueverkko.strength(g).to_pandas(g), dict(G.degree(weight="weight")), EXACT)


@pytest.mark.parametrize("normalized", [True, False])
@pytest.mark.parametrize("endpoints", [False, True])
def test_betweenness_hops(case, normalized, endpoints):
    G, g = case
    ours = alueverkko.betweenness(g, normalized=normalized, endpoints=endpoints).to_pandas(g)
    assert_close(ours, nx.betweenness_centrality(G, normalized=normalized, endpoints=endpoints), EXACT)


@pytest.mark.parametrize("conversion", ["inverse", "neglog"])
def test_path_measures_on_converted_affinities(case, conversion):
    G, g = case
    if conversion == "neglog" and G.number_of_edges() and len({d["weight"] for *_, d in G.edges(data=True)}) == 1:
        pytest.skip("every weight equal: -log(w/max) is 0 everywhere")
    H = with_distances(G, conversion)
    ours = alueverkko.betweenness(g, distance=conversion, normalized=False).to_pandas(g)
    assert ours.attrs["metadata"]["weights"].startswith("distance")
    if conversion == "inverse":
        assert_close(ours, nx.betweenness_centrality(H, normalized=False, weight="dist"), EXACT)
    else:
        # neglog gives the strongest ties length 0. networkx's Brandes counts a zero-length edge in both
        # directions (its predecessor graph gets cycles, see docs/centrality.md), so betweenness is
        # checked against the same lengths given as distances, and paths against networkx below.
        lengths = to_weighted(H, weight="dist", meaning=alueverkko.WeightMeaning.distance)
        theirs = alueverkko.betweenness(lengths, distance="weight", normalized=False).to_pandas(lengths)
        assert_close(ours, theirs.to_dict(), EXACT)
    assert_close(alueverkko.closeness(g, distance=conversion).to_pandas(g), nx.closeness_centrality(H, distance="dist"), EXACT)
    assert_close(alueverkko.harmonic_closeness(g, distance=conversion).to_pandas(g),
                 nx.harmonic_centrality(H, distance="dist"), EXACT)


def test_edge_betweenness(case):
    G, g = case
    for normalized in (True, False):
        ours = alueverkko.edge_betweenness(g, normalized=normalized).to_pandas(g)
        theirs = nx.edge_betweenness_centrality(G, normalized=normalized)
        assert len(ours) == len(theirs)
        for (u, v), value in theirs.items():
            key = (str(u), str(v)) if (str(u), str(v)) in ours.index else (str(v), str(u))
            assert ours[key] == pytest.approx(value, rel=EXACT, abs=EXACT)
    H = with_distances(G, "inverse")
    ours = alueverkko.edge_betweenness(g, distance="inverse").to_pandas(g)
    for (u, v), value in nx.edge_betweenness_centrality(H, weight="dist").items():
        key = (str(u), str(v)) if (str(u), str(v)) in ours.index else (str(v), str(u))
        assert ours[key] == pytest.approx(value, rel=EXACT, abs=EXACT)


@pytest.mark.parametrize("wf_improved", [True, False])
def test_closeness_and_harmonic_hops(case, wf_improved):
    G, g = case
    assert_close(alueverkko.closeness(g, wf_improved=wf_improved).to_pandas(g),
                 nx.closeness_centrality(G, wf_improved=wf_improved), EXACT)
    assert_close(alueverkko.harmonic_closeness(g).to_pandas(g), nx.harmonic_centrality(G), EXACT)
    n = G.number_of_nodes()
    assert_close(alueverkko.harmonic_closeness(g, normalized=True).to_pandas(g),
                 {k: v / (n - 1) for k, v in nx.harmonic_centrality(G).items()}, EXACT)


@pytest.mark.parametrize("weighted", [True, False])
def test_eigenvector(case, weighted):
    G, g = case
    ours = alueverkko.eigenvector_centrality(g, weighted=weighted, max_iter=10000, tol=1e-12).to_pandas(g)
    theirs = nx.eigenvector_centrality(G, weight="weight" if weighted else None, max_iter=10000, tol=1e-12)
    assert_close(ours, theirs, ITERATIVE)


@pytest.mark.parametrize("weighted", [True, False])
def test_pagerank(case, weighted):
    G, g = case
    weight = "weight" if weighted else None
    ours = alueverkko.pagerank(g, weighted=weighted, tol=1e-12, max_iter=1000).to_pandas(g)
    assert_close(ours, nx.pagerank(G, weight=weight, tol=1e-12, max_iter=1000), ITERATIVE)
    assert ours.sum() == pytest.approx(1.0, abs=1e-12)
    # personalised, with damping 0.7
    rng = np.random.default_rng(5)
    p = rng.random(g.vertex_count)
    ours = alueverkko.pagerank(g, damping=0.7, weighted=weighted, personalization=p, tol=1e-12, max_iter=1000).to_pandas(g)
    theirs = nx.pagerank(G, alpha=0.7, weight=weight, personalization=dict(zip(G, p)), tol=1e-12, max_iter=1000)
    assert_close(ours, theirs, ITERATIVE)


@pytest.mark.parametrize("weighted", [True, False])
def test_katz(case, weighted):
    G, g = case
    weight = "weight" if weighted else None
    A = nx.to_numpy_array(G, weight=weight)
    alpha = 0.5 / max(abs(np.linalg.eigvalsh(A)).max(), 1.0)  # inside the radius of convergence
    for normalized in (True, False):
        ours = alueverkko.katz_centrality(g, alpha=alpha, beta=1.0, weighted=weighted, normalized=normalized,
                                          tol=1e-12, max_iter=10000).to_pandas(g)
        theirs = nx.katz_centrality(G, alpha=alpha, beta=1.0, weight=weight, normalized=normalized, tol=1e-12,
                                    max_iter=10000)
        assert_close(ours, theirs, ITERATIVE)


def test_coreness(case):
    G, g = case
    assert_close(alueverkko.coreness(g).to_pandas(g), nx.core_number(G), EXACT)


# --- two-mode measures (Borgatti & Everett normalisations, networkx bipartite.*) -----------------

def two_mode_cases():
    davis = nx.davis_southern_women_graph()
    yield "davis", davis, sorted(davis.graph["top"]), sorted(davis.graph["bottom"])
    for seed in (1, 2, 3):
        B = bipartite.random_graph(30, 18, 0.1, seed=seed)
        rows = [n for n, d in B.nodes(data=True) if d["bipartite"] == 0]
        cols = [n for n, d in B.nodes(data=True) if d["bipartite"] == 1]
        yield f"random-{seed}", B, rows, cols


@pytest.mark.parametrize("name,B,rows,cols", list(two_mode_cases()), ids=lambda x: x if isinstance(x, str) else "")
def test_two_mode_measures(name, B, rows, cols):
    g = to_two_mode(B, rows, cols)
    ours = {
        "degree": alueverkko.two_mode_degree(g).to_pandas(g),
        "closeness": alueverkko.two_mode_closeness(g).to_pandas(g),
        "betweenness": alueverkko.two_mode_betweenness(g).to_pandas(g),
    }
    theirs = {
        "degree": bipartite.degree_centrality(B, rows),
        "closeness": bipartite.closeness_centrality(B, rows),
        "betweenness": bipartite.betweenness_centrality(B, rows),
    }
    for measure, series in ours.items():
        values = series.droplevel("side")
        assert_close(values, theirs[measure], EXACT)


# --- sampling, threads, errors ---------------------------------------------------------------------

def test_sampled_betweenness_is_seeded_and_unbiased():
    G = random_graph(4, n=40, p=0.1)
    g = to_weighted(G)
    exact = alueverkko.betweenness(g).values
    n = g.vertex_count
    assert np.allclose(alueverkko.betweenness(g, samples=n, seed=3).values, exact, rtol=0, atol=1e-12)
    a = alueverkko.betweenness(g, samples=10, seed=7)
    assert np.array_equal(a.values, alueverkko.betweenness(g, samples=10, seed=7).values)
    assert a.metadata["samples"] == "10" and a.metadata["seed"] == "7"
    # the mean over many seeds approaches the exact values (n/k scaling is unbiased)
    mean = np.mean([alueverkko.betweenness(g, samples=10, seed=s).values for s in range(400)], axis=0)
    assert np.abs(mean - exact).sum() < 0.08 * exact.sum()


def test_threads_agree():
    G = random_graph(9, n=300, p=0.02)
    g = to_weighted(G)
    for measure in (alueverkko.betweenness, alueverkko.edge_betweenness, alueverkko.closeness, alueverkko.harmonic_closeness):
        one = measure(g, distance="inverse", threads=1).values
        two = measure(g, distance="inverse", threads=2).values
        assert np.allclose(one, two, rtol=1e-12, atol=1e-15)


def test_weight_meaning_is_never_converted_silently():
    G = random_graph(2)
    affinity = to_weighted(G)
    with pytest.raises(ValueError, match="affinit"):
        alueverkko.betweenness(affinity, distance="weight")
    distance = to_weighted(G, meaning=alueverkko.WeightMeaning.distance)
    with pytest.raises(ValueError):
        alueverkko.closeness(distance, distance="inverse")
    with pytest.raises(ValueError, match="affinit"):
        alueverkko.pagerank(distance)
    assert_close(alueverkko.betweenness(distance, distance="weight", normalized=False).to_pandas(distance),
                 nx.betweenness_centrality(G, normalized=False, weight="weight"), EXACT)
    with pytest.raises(ValueError, match="distance must be"):
        alueverkko.betweenness(affinity, distance="log")


def test_iterative_measures_refuse_unconverged_results():
    g = to_weighted(random_graph(1))
    with pytest.raises(alueverkko.ConvergenceError):
        alueverkko.eigenvector_centrality(g, max_iter=1)
    with pytest.raises(alueverkko.ConvergenceError):
        alueverkko.pagerank(g, max_iter=1)


def test_scores_are_views_with_metadata():
    g = to_weighted(random_graph(3))
    s = alueverkko.pagerank(g)
    v = s.values
    assert not v.flags.writeable and v.base is not None
    meta = s.metadata
    assert meta["damping"] == "0.85" and "iterations" in meta
    series = s.to_pandas(g)
    assert series.name == "pagerank" and series.index.name == "id"
