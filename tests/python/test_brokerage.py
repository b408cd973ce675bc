"""Brokerage roles, E–I index, bridging centrality and network diversity (docs/brokerage.md) checked
against brute-force enumerations over networkx graphs: seeded random graphs with random groups, and
the bundled idea_call_2021 projected onto municipalities and actors, its groups read independently
from the geography's CSV files."""
import csv
import itertools
import math
import random
from collections import Counter

import networkx as nx
import pytest

import alueverkko
from graphs import to_networkx, to_weighted

ROLES = ("coordinator", "itinerant", "gatekeeper_representative", "liaison")


def read(path):
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


@pytest.fixture(scope="module")
def idea_call():
    geo = alueverkko.load_geography(alueverkko.find_geography_dir("fi-2021"))
    directory = alueverkko.data_dir() / "collaborations" / "idea_call_2021"
    return geo, alueverkko.load_dataset(directory, geo), directory


def random_case(seed, n=40, p=0.12):
    rng = random.Random(seed)
    G = nx.gnp_random_graph(n, p, seed=seed)
    G.add_edge(0, 0)  # a self-loop: no triad, no tie between groups
    for u, v in G.edges():
        G[u][v]["weight"] = rng.choice([0.5, 1.0, 2.0, 3.0])
    groups = {v: rng.choice(["a", "b", "c", "d", ""]) for v in G}
    return G, groups


def role_of(ga, gb, gc):
    if ga == gb == gc:
        return "coordinator"
    if ga == gc:
        return "itinerant"
    if ga == gb or gc == gb:
        return "gatekeeper_representative"
    return "liaison"


def brute_roles(G, groups):
    """{vertex: Counter(role)} by enumerating every pair of neighbours of every broker."""
    out = {}
    for b in G:
        counts = Counter()
        if groups[b]:
            ends = [x for x in G[b] if x != b and groups[x]]
            for a, c in itertools.combinations(ends, 2):
                if not G.has_edge(a, c):
                    counts[role_of(groups[a], groups[b], groups[c])] += 1
                    counts["open_triads"] += 1
        out[str(b)] = counts
    return out


def check_roles(frame, G, groups):
    expected = brute_roles(G, groups)
    assert set(frame.index) == set(expected)
    for v, counts in expected.items():
        for column in ("open_triads",) + ROLES:
            assert frame.loc[v, column] == counts[column], (v, column)


@pytest.mark.parametrize("seed", [1, 2, 3, 4])
def test_roles_match_brute_force_on_random_graphs(seed):
    G, groups = random_case(seed)
    g = to_weighted(G)
    frame = alueverkko.brokerage_roles(g, [groups[v] for v in G]).to_pandas(index="id")
    check_roles(frame, G, groups)


def test_expected_counts_are_the_permutation_average():
    """On a small graph, averaging the roles of b over every assignment of the other vertices' labels
    (b keeps its own) gives the expected counts."""
    G = nx.Graph([(0, 1), (0, 2), (0, 3), (0, 4), (0, 5), (3, 4), (1, 6), (5, 6)])
    labels = ["x", "x", "y", "y", "z", "x", "z"]
    groups = {v: labels[v] for v in G}
    frame = alueverkko.brokerage_roles(to_weighted(G), [groups[v] for v in G], expected=True).to_pandas(index="id")
    for b in G:
        others = [v for v in G if v != b]
        totals = Counter()
        perms = list(itertools.permutations([groups[v] for v in others]))
        for perm in perms:
            assignment = {**dict(zip(others, perm)), b: groups[b]}
            totals.update(brute_roles(G, assignment)[str(b)])
        for role in ROLES:
            assert frame.loc[str(b), f"{role}_expected"] == pytest.approx(totals[role] / len(perms), abs=1e-12)
            observed, expected = frame.loc[str(b), role], frame.loc[str(b), f"{role}_expected"]
            ratio = frame.loc[str(b), f"{role}_ratio"]
            assert (math.isnan(ratio) and expected == 0) or ratio == pytest.approx(observed / expected)


def brute_ei(G, groups, members, weighted):
    internal = external = 0.0
    for u, v, d in G.edges(data=True):
        if u == v or not groups[u] or not groups[v] or not (u in members or v in members):
            continue
        w = d["weight"] if weighted else 1.0
        if groups[u] == groups[v]:
            internal += w
        else:
            external += w
    return internal, external


@pytest.mark.parametrize("seed", [1, 2])
@pytest.mark.parametrize("weighted", [False, True])
def test_ei_matches_brute_force(seed, weighted):
    G, groups = random_case(seed)
    rng = random.Random(seed + 100)
    kinds = {v: rng.choice(["k1", "k2", "k3"]) for v in G}
    table = alueverkko.ei_index(to_weighted(G), [groups[v] for v in G], weighted=weighted,
                                categories=[kinds[v] for v in G], category_scope="kind").to_pandas()
    grouped = {v for v in G if groups[v]}
    rows = {(r.scope, r.id): r for r in table.itertuples()}
    scopes = [("graph", "all", grouped)]
    scopes += [("group", g, {v for v in grouped if groups[v] == g}) for g in sorted({groups[v] for v in grouped})]
    scopes += [("kind", k, {v for v in grouped if kinds[v] == k}) for k in sorted({kinds[v] for v in grouped})]
    assert len(rows) == len(scopes)
    for scope, key, members in scopes:
        internal, external = brute_ei(G, groups, members, weighted)
        row = rows[(scope, key)]
        assert row.vertices == len(members)
        assert row.internal == pytest.approx(internal) and row.external == pytest.approx(external)
        assert row.ei == pytest.approx((external - internal) / (external + internal))


def brute_bridging(G, groups, weighted):
    """{group: bridging paths}: unordered pairs of ties from the group to two different other groups."""
    out = {}
    for i in sorted({g for g in groups.values() if g}):
        ties = []
        for u, v, d in G.edges(data=True):
            if u == v or not groups[u] or not groups[v]:
                continue
            if groups[u] == i and groups[v] != i:
                ties.append((groups[v], d["weight"] if weighted else 1.0))
            elif groups[v] == i and groups[u] != i:
                ties.append((groups[u], d["weight"] if weighted else 1.0))
        out[i] = sum(w1 * w2 for (j, w1), (k, w2) in itertools.combinations(ties, 2) if j != k)
    return out


@pytest.mark.parametrize("seed", [1, 2, 3])
@pytest.mark.parametrize("weighted", [False, True])
def test_bridging_paths_match_brute_force(seed, weighted):
    G, groups = random_case(seed)
    frame = alueverkko.bridging_centrality(to_weighted(G), [groups[v] for v in G], weighted=weighted).to_pandas(index="group")
    expected = brute_bridging(G, groups, weighted)
    total = sum(d["weight"] if weighted else 1.0 for u, v, d in G.edges(data=True) if u != v and groups[u] and groups[v])
    for g, paths in expected.items():
        row = frame.loc[g]
        assert row.bridging_paths == pytest.approx(paths)
        # bridging = intensity² · outward² · diversification = 2 P / L²
        assert row.bridging == pytest.approx(2 * paths / total**2)
        assert row.bridging == pytest.approx(row.intensity**2 * row.outward**2 * row.diversification)


def test_blau_and_shannon():
    assert alueverkko.blau_index([2, 1, 1]) == pytest.approx(0.625)
    assert alueverkko.shannon_entropy([2, 1, 1]) == pytest.approx(1.5 * math.log(2))
    assert alueverkko.shannon_entropy([2, 1, 1], normalized=True) == pytest.approx(1.5 * math.log(2) / math.log(3))
    with pytest.raises(ValueError):
        alueverkko.blau_index([-1.0])


# --- idea_call_2021 ---------------------------------------------------------------------------------

def geography_maps():
    directory = alueverkko.find_geography_dir("fi-2021")
    municipality = {m["code"]: m for m in read(directory / "municipalities.csv")}
    subregion_region = {s["code"]: s["region_code"] for s in read(directory / "subregions.csv")}
    return municipality, subregion_region


def actor_region(actor, municipality, subregion_region):
    """Independently of alueverkko: foreign → 'foreign'; area actors → their region; else the seat's."""
    if actor["country"] not in ("", "FI"):
        return "foreign"
    area = actor["area_code"]
    if area:
        return area[2:] if area.startswith("MK") else subregion_region[area[2:]]
    code = actor["municipality_code"]
    return municipality[code]["region_code"] if code else ""


@pytest.mark.parametrize("level", ["municipality", "actor"])
def test_roles_on_idea_call_match_brute_force(idea_call, level):
    geo, ds, directory = idea_call
    municipality, subregion_region = geography_maps()
    actors = {a["actor_id"]: a for a in read(directory / "actors.csv")}
    projected, _, _ = alueverkko.project_dataset(ds, geo, level=level, status=["member"])
    G = to_networkx(projected)
    if level == "municipality":
        groups = {v: municipality[v]["region_code"] if v in municipality else "foreign" for v in G}
    else:
        groups = {v: actor_region(actors[v], municipality, subregion_region) for v in G}
    frame = alueverkko.brokerage_table(ds, geo, level=level, status=["member"]).to_pandas(index="id")
    assert list(frame["group"]) == [groups[v] for v in G]
    check_roles(frame, G, groups)
    assert frame["betweenness"].to_dict() == pytest.approx({str(k): v for k, v in nx.betweenness_centrality(G).items()})
    in_file_order = read(directory / "actors.csv")
    assert alueverkko.actor_groups(ds, geo) == [actor_region(a, municipality, subregion_region) for a in in_file_order]


def test_ei_on_idea_call(idea_call):
    geo, ds, _ = idea_call
    municipality, _ = geography_maps()
    projected, _, _ = alueverkko.project_dataset(ds, geo, level="municipality", weighting="newman")
    G = to_networkx(projected)
    groups = {v: municipality[v]["region_code"] if v in municipality else "foreign" for v in G}
    table = alueverkko.ei_table(ds, geo, weighted=True, weighting="newman").to_pandas()
    rows = {(r.scope, r.id): r for r in table.itertuples()}
    internal, external = brute_ei(G, groups, set(G), True)
    assert rows[("graph", "all")].ei == pytest.approx((external - internal) / (external + internal))
    internal, external = brute_ei(G, groups, {v for v in G if groups[v] == "01"}, True)
    assert rows[("group", "01")].ei == pytest.approx((external - internal) / (external + internal))
    actor_level = alueverkko.ei_table(ds, geo, level="actor").to_pandas()
    assert set(actor_level["scope"]) == {"graph", "group", "kind"}


def test_network_diversity_on_idea_call(idea_call):
    geo, ds, directory = idea_call
    municipality, subregion_region = geography_maps()
    actors = {a["actor_id"]: a for a in read(directory / "actors.csv")}
    members = {}
    for m in read(directory / "memberships.csv"):
        if m["status"] == "member":
            members.setdefault(m["network_id"], []).append(actors[m["actor_id"]])
    frame = alueverkko.network_diversity(ds, geo, status=["member"]).to_pandas(index="network")
    assert set(frame.index) == set(members)
    for network, people in members.items():
        kinds = Counter(a["kind"] for a in people)
        regions = Counter(r for r in (actor_region(a, municipality, subregion_region) for a in people) if r)
        row = frame.loc[network]
        for counts, suffix in ((kinds, "kind"), (regions, "region")):
            total = sum(counts.values())
            shares = [c / total for c in counts.values()]
            assert row[f"blau_{suffix}"] == pytest.approx(1 - sum(p * p for p in shares) if total else 0.0)
            assert row[f"shannon_{suffix}"] == pytest.approx(-sum(p * math.log(p) for p in shares))
        assert row.members == len(people)


def test_regional_centrality_on_idea_call(idea_call):
    geo, ds, directory = idea_call
    municipality, subregion_region = geography_maps()
    actors = {a["actor_id"]: a for a in read(directory / "actors.csv")}
    frame = alueverkko.regional_centrality(ds, geo, measures=["degree", "betweenness"], normalized=False).to_pandas(index="code")
    assert len(frame) == 19
    projected, _, _ = alueverkko.project_dataset(ds, geo, level="actor")
    G = to_networkx(projected)
    active = {m["actor_id"] for m in read(directory / "memberships.csv")}
    regions = {v: actor_region(actors[v], municipality, subregion_region) for v in G}
    regions = {v: ("" if r == "foreign" else r) for v, r in regions.items()}
    betweenness = nx.betweenness_centrality(G, normalized=False)
    for code in frame.index:
        mine = [v for v in G if regions[v] == code and v in active]
        assert frame.loc[code, "actors"] == len(mine)
        assert frame.loc[code, "org_sum_degree"] == pytest.approx(sum(G.degree(v) for v in mine))
        assert frame.loc[code, "org_sum_betweenness"] == pytest.approx(sum(betweenness[v] for v in mine), abs=1e-9)
    paths = brute_bridging(G, regions, weighted=False)
    for code, p in paths.items():
        assert frame.loc[code, "bridging_paths"] == pytest.approx(p)
    region_graph, _, _ = alueverkko.project_dataset(ds, geo, level="region")
    R = to_networkx(region_graph)
    for code in frame.index:
        assert frame.loc[code, "place_degree"] == (R.degree(code) if code in R else 0)


def test_bad_arguments(idea_call):
    geo, ds, _ = idea_call
    with pytest.raises(ValueError):
        alueverkko.brokerage_table(ds, geo, level="municipality", group="kind")
    with pytest.raises(ValueError):
        alueverkko.network_diversity(ds, geo, group="kind")
    with pytest.raises(ValueError):
        alueverkko.regional_centrality(ds, geo, measures=["nonsense"])
    with pytest.raises(TypeError):
        alueverkko.brokerage_table(ds, geo, colour="red")
