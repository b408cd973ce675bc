"""Community detection against oracles: modularity equals networkx's `community.modularity` on many
partitions of many graphs (1e-12); our Louvain's modularity is at least networkx's
louvain_communities' and our Leiden's at least igraph's community_leiden's on average over 10 seeds
(up to the sampling noise of two 10-seed means of randomised methods: one run of our Louvain is
networkx's algorithm, our Leiden igraph's, so equal means differ by chance); Leiden's communities
are connected; seeds reproduce; results convert to pandas."""
import random

import igraph as ig
import networkx as nx
import numpy as np
import pytest
from networkx.algorithms import bipartite

import alueverkko
from graphs import to_networkx, to_weighted

SEEDS = range(10)


def with_weights(G, seed):
    """G with seeded weights 1..4 (affinities)."""
    rng = random.Random(seed)
    for u, v in G.edges():
        G[u][v]["weight"] = float(rng.randint(1, 4))
    return G


def graphs():
    """(name, networkx graph with affinity weights 'weight') for every oracle graph."""
    yield "karate", nx.karate_club_graph()  # networkx 2.8: weighted (interaction counts)
    davis = nx.davis_southern_women_graph()
    yield "davis-women", bipartite.weighted_projected_graph(davis, davis.graph["top"])
    geo = alueverkko.load_geography(alueverkko.find_geography_dir("fi-2021"))
    ds = alueverkko.load_dataset(alueverkko.data_dir() / "collaborations" / "idea_call_2021", geo)
    projected, _, _ = alueverkko.project_dataset(ds, geo, level="municipality", weighting="newman", status=["member"])
    yield "idea-call-municipalities", to_networkx(projected)
    for seed in (1, 2, 3):
        yield f"planted-{seed}", with_weights(nx.planted_partition_graph(5, 16, 0.4, 0.03, seed=seed), seed)
    for seed in (4, 5):
        sizes = [30, 20, 15, 10, 5]
        p = [[0.35 if i == j else 0.02 for j in range(5)] for i in range(5)]
        yield f"sbm-{seed}", with_weights(nx.stochastic_block_model(sizes, p, seed=seed), seed)


GRAPHS = dict(graphs())


@pytest.fixture(scope="module", params=sorted(GRAPHS))
def case(request):
    G = GRAPHS[request.param]
    return request.param, G, to_weighted(G)


def as_sets(G, membership):
    """Per-vertex community ids (vertex i = i-th node of G) as networkx's list of sets."""
    groups = {}
    for node, c in zip(G, membership):
        groups.setdefault(int(c), set()).add(node)
    return list(groups.values())


def as_membership(G, communities):
    index = {n: i for i, n in enumerate(G)}
    membership = np.zeros(len(index), dtype=np.int64)
    for c, nodes in enumerate(communities):
        membership[[index[n] for n in nodes]] = c
    return membership


def nx_modularity(G, membership, resolution=1.0):
    return nx.community.modularity(G, as_sets(G, membership), weight="weight", resolution=resolution)


def to_igraph(G):
    index = {n: i for i, n in enumerate(G)}
    H = ig.Graph(n=len(index), edges=[(index[u], index[v]) for u, v in G.edges()])
    H.es["weight"] = [d["weight"] for _, _, d in G.edges(data=True)]
    return H


# --- modularity ------------------------------------------------------------------------------------

@pytest.mark.parametrize("resolution", [1.0, 0.5, 2.0])
def test_modularity_equals_networkx(case, resolution):
    _, G, g = case
    rng = np.random.default_rng(17)
    n = g.vertex_count
    partitions = [np.zeros(n, dtype=np.int64), np.arange(n)]
    partitions += [rng.integers(0, k, n) for k in (2, 3, 5, 8, 20) for _ in range(4)]
    partitions += [as_membership(G, nx.community.louvain_communities(G, weight="weight", seed=s)) for s in (1, 2)]
    partitions += [rng.integers(0, 2**31, n)]  # any ids, not 0..k−1
    for membership in partitions:
        ours = alueverkko.modularity(g, membership, resolution=resolution)
        assert ours == pytest.approx(nx_modularity(G, membership, resolution), abs=1e-12, rel=0)


def test_modularity_with_self_loops_and_unweighted():
    G = with_weights(nx.gnp_random_graph(40, 0.1, seed=8), 8)
    G.add_edge(3, 3, weight=2.5)
    G.add_edge(7, 7, weight=1.0)
    g = to_weighted(G)
    rng = np.random.default_rng(3)
    for k in (1, 2, 4, 40):
        membership = rng.integers(0, k, 40)
        assert alueverkko.modularity(g, membership) == pytest.approx(nx_modularity(G, membership), abs=1e-12)
        theirs = nx.community.modularity(G, as_sets(G, membership), weight=None)
        assert alueverkko.modularity(g, membership, weighted=False) == pytest.approx(theirs, abs=1e-12)


def test_modularity_refusals():
    g = to_weighted(nx.path_graph(4))
    with pytest.raises(ValueError, match="membership has 3 entries"):
        alueverkko.modularity(g, [0, 0, 1])
    with pytest.raises(ValueError, match="community ids"):
        alueverkko.modularity(g, [0, 0, -1, 1])
    distances = to_weighted(nx.path_graph(4), meaning=alueverkko.WeightMeaning.distance)
    with pytest.raises(ValueError, match="affinities"):
        alueverkko.modularity(distances, [0, 0, 1, 1])
    assert alueverkko.modularity(distances, [0, 0, 1, 1], weighted=False) == pytest.approx(
        nx.community.modularity(nx.path_graph(4), [{0, 1}, {2, 3}]), abs=1e-15)


# --- quality against networkx and igraph -----------------------------------------------------------

def assert_mean_at_least(ours, theirs, name):
    """mean(ours) >= mean(theirs), allowing two standard errors of the difference of the means."""
    noise = 2 * np.sqrt(np.var(ours, ddof=1) / len(ours) + np.var(theirs, ddof=1) / len(theirs))
    assert np.mean(ours) >= np.mean(theirs) - noise - 1e-12, (name, np.mean(ours), np.mean(theirs), noise)


def test_louvain_at_least_networkx(case):
    name, G, g = case
    ours = [alueverkko.louvain(g, seed=s) for s in SEEDS]
    theirs = [nx_modularity(G, as_membership(G, nx.community.louvain_communities(G, weight="weight", seed=s)))
              for s in SEEDS]
    for c in ours:  # the reported modularity is networkx's of the partition reported
        assert c.modularity == pytest.approx(nx_modularity(G, c.membership), abs=1e-12)
    assert_mean_at_least([c.modularity for c in ours], theirs, name)
    # Repeated runs start with networkx's single run (same random numbers): never lower.
    for s, c in zip(SEEDS, ours):
        assert c.modularity >= alueverkko.louvain(g, seed=s, n_iterations=1).modularity - 1e-15


def test_leiden_at_least_igraph(case):
    name, G, g = case
    H = to_igraph(G)
    theirs = []
    for s in SEEDS:
        random.seed(s)  # python-igraph draws from Python's random module
        found = H.community_leiden(objective_function="modularity", weights="weight")
        theirs.append(nx_modularity(G, found.membership))
    ours = [alueverkko.leiden(g, seed=s).modularity for s in SEEDS]
    assert_mean_at_least(ours, theirs, name)


def test_leiden_communities_are_connected(case):
    _, G, g = case
    for s in SEEDS:
        for nodes in as_sets(G, alueverkko.leiden(g, seed=s).membership):
            assert nx.is_connected(G.subgraph(nodes))


def test_planted_partition_is_recovered():
    G = with_weights(nx.planted_partition_graph(4, 25, 0.5, 0.01, seed=11), 11)
    g = to_weighted(G)
    truth = sorted(sorted(c) for c in G.graph["partition"])
    for method in (alueverkko.louvain, alueverkko.leiden):
        found = method(g, seed=3)
        assert sorted(sorted(c) for c in as_sets(G, found.membership)) == truth


# --- protocol --------------------------------------------------------------------------------------

def test_seed_reproduces_and_metadata():
    g = to_weighted(GRAPHS["sbm-4"])
    for method in (alueverkko.louvain, alueverkko.leiden):
        a, b = method(g, seed=12), method(g, seed=12)
        assert np.array_equal(a.membership, b.membership)
        assert a.metadata["seed"] == "12" and a.metadata["weights"] == "affinity"
        assert a.metadata["resolution"] == "1"
    assert "levels" in alueverkko.louvain(g, seed=1).metadata
    assert alueverkko.leiden(g, seed=1, n_iterations=1).metadata["iterations"] == "1"


def test_numbering_sizes_and_pandas():
    g = to_weighted(GRAPHS["planted-1"])
    c = alueverkko.leiden(g, seed=2)
    sizes = np.bincount(c.membership)
    assert list(sizes) == c.sizes and c.count == len(sizes) and len(c) == g.vertex_count
    assert list(sizes) == sorted(sizes, reverse=True)
    assert not c.membership.flags.writeable
    series = c.to_pandas(g)
    assert series.name == "community" and series.index.name == "id"
    assert list(series.index) == g.labels and series.tolist() == c.membership.tolist()
    assert series.attrs["metadata"]["modularity"] == c.modularity
    assert c.table(g).to_pandas().columns.tolist() == ["id", "community"]
    with pytest.raises(ValueError):
        c.to_pandas(to_weighted(nx.path_graph(3)))
    assert "leiden" in repr(c)


def test_resolution_and_refusals():
    g = to_weighted(GRAPHS["karate"])
    assert alueverkko.leiden(g, seed=1, resolution=0.5).count < alueverkko.leiden(g, seed=1, resolution=2.0).count
    distances = to_weighted(nx.path_graph(4), meaning=alueverkko.WeightMeaning.distance)
    with pytest.raises(ValueError, match="affinities"):
        alueverkko.louvain(distances)
    assert alueverkko.leiden(distances, weighted=False).metadata["weights"] == "unweighted"
    with pytest.raises(ValueError, match="randomness"):
        alueverkko.leiden(g, randomness=0)
    with pytest.raises(ValueError, match="resolution"):
        alueverkko.louvain(g, resolution=-1)
