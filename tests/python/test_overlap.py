"""Overlap of networks, near-duplicates and portfolios (alueverkko.network_overlap, near_duplicates,
portfolio) on the bundled idea_call_2021, checked against networkx's overlap-weighted projection
onto the networks of a bipartite graph built independently from the CSV files."""
import csv

import networkx as nx
import pytest
from networkx.algorithms import bipartite

import alueverkko

TOL = 1e-12


@pytest.fixture(scope="module")
def idea_call():
    geo = alueverkko.load_geography(alueverkko.find_geography_dir("fi-2021"))
    directory = alueverkko.data_dir() / "collaborations" / "idea_call_2021"
    return geo, alueverkko.load_dataset(directory, geo), directory


def read(path):
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def place_of(actor, level, municipality_region, subregion_region):
    """Where an actor counts (independently of alueverkko.aggregate): foreign actors stay themselves;
    area actors (area_code MKxx / SKxxx) count for their area at the region level and are left out at
    the municipality level; others count for their seat municipality (or its region)."""
    if actor["country"] not in ("", "FI"):
        return actor["actor_id"]
    if level == "actor":
        return actor["actor_id"]
    area = actor["area_code"]
    if area:
        if level == "municipality":
            return None
        return area[2:] if area.startswith("MK") else subregion_region[area[2:]]
    code = actor["municipality_code"]
    if not code:
        return None
    return code if level == "municipality" else municipality_region[code]


def bipartite_graph(directory, level, statuses=None):
    geography = alueverkko.find_geography_dir("fi-2021")
    municipality_region = {m["code"]: m["region_code"] for m in read(geography / "municipalities.csv")}
    subregion_region = {s["code"]: s["region_code"] for s in read(geography / "subregions.csv")}
    actors = {a["actor_id"]: a for a in read(directory / "actors.csv")}
    networks = [("net", n["network_id"]) for n in read(directory / "networks.csv")]
    B = nx.Graph()
    B.add_nodes_from(networks, bipartite=1)
    for m in read(directory / "memberships.csv"):
        if statuses and m["status"] not in statuses:
            continue
        place = place_of(actors[m["actor_id"]], level, municipality_region, subregion_region)
        if place is not None:
            B.add_node(("place", place), bipartite=0)
            B.add_edge(("place", place), ("net", m["network_id"]))
    return B, networks


def networkx_pairs(B, networks):
    """{(a, b): (shared, size_a, size_b, jaccard, overlap)} with a before b in file order."""
    order = {n: i for i, n in enumerate(networks)}
    jaccard = bipartite.overlap_weighted_projected_graph(B, networks, jaccard=True)
    overlap = bipartite.overlap_weighted_projected_graph(B, networks, jaccard=False)
    out = {}
    for u, v, d in jaccard.edges(data=True):
        a, b = sorted((u, v), key=order.get)
        shared = len(set(B[a]) & set(B[b]))
        out[(a[1], b[1])] = (shared, B.degree(a), B.degree(b), d["weight"], overlap[u][v]["weight"])
    return out


def our_pairs(table):
    df = table.to_pandas()
    return {(r.network_a, r.network_b): (r.shared, r.size_a, r.size_b, r.jaccard, r.overlap) for r in df.itertuples()}


def assert_same_pairs(ours, theirs):
    assert ours.keys() == theirs.keys()
    for key, (shared, size_a, size_b, jaccard, overlap) in theirs.items():
        o = ours[key]
        assert (o[0], o[1], o[2]) == (shared, size_a, size_b), key
        assert o[3] == pytest.approx(jaccard, abs=TOL), key
        assert o[4] == pytest.approx(overlap, abs=TOL), key


@pytest.mark.parametrize("statuses", [None, ["member"], ["member", "planned"]])
@pytest.mark.parametrize("level", ["actor", "municipality", "region"])
def test_every_pair_matches_networkx(idea_call, level, statuses):
    geo, ds, directory = idea_call
    B, networks = bipartite_graph(directory, level, statuses)
    filters = {"status": statuses} if statuses else {}
    ours = our_pairs(alueverkko.network_overlap(ds, geo, level=level, **filters))
    assert_same_pairs(ours, networkx_pairs(B, networks))


@pytest.mark.parametrize("level", ["actor", "municipality"])
@pytest.mark.parametrize("measure", ["jaccard", "overlap", "shared"])
def test_most_overlapping_pairs_match_networkx(idea_call, level, measure):
    geo, ds, directory = idea_call
    B, networks = bipartite_graph(directory, level)
    theirs = networkx_pairs(B, networks)
    order = {n[1]: i for i, n in enumerate(networks)}
    index = {"shared": 0, "jaccard": 3, "overlap": 4}[measure]
    # the documented order: measure, shared, jaccard, overlap (descending), then file order
    ranked = sorted(theirs, key=lambda k: (-theirs[k][index], -theirs[k][0], -theirs[k][3], -theirs[k][4],
                                           order[k[0]], order[k[1]]))
    table = alueverkko.network_overlap(ds, geo, level=level, measure=measure, top=10)
    df = table.to_pandas()
    assert list(zip(df.network_a, df.network_b)) == ranked[:10]
    names = {n["network_id"]: n["name"] for n in read(directory / "networks.csv")}
    assert list(df.name_a) == [names[a] for a, _ in ranked[:10]]


def test_known_top_pairs(idea_call):
    """The figures quoted in docs/overlap.md."""
    geo, ds, _ = idea_call
    actors = alueverkko.network_overlap(ds, geo, top=3).to_pandas()
    # p16, p44 and p49 have the same two members (Turku, which leads, and Turku Science Park): jaccard 1
    assert set(zip(actors.network_a, actors.network_b)) == {("p16", "p44"), ("p16", "p49"), ("p44", "p49")}
    assert list(actors.jaccard) == [1.0, 1.0, 1.0]
    big = alueverkko.network_overlap(ds, geo, measure="shared", top=1).to_pandas().iloc[0]
    assert (big.network_a, big.network_b, big.shared, big.size_a, big.size_b) == ("p26", "p54", 6, 7, 11)
    places = alueverkko.network_overlap(ds, geo, level="municipality", min=0.5).to_pandas()
    assert ("p26", "p54") in set(zip(places.network_a, places.network_b))


def test_min_measure_top(idea_call):
    geo, ds, _ = idea_call
    everything = alueverkko.network_overlap(ds, geo).to_pandas()
    assert (everything.shared >= 1).all()
    assert list(everything.jaccard) == sorted(everything.jaccard, reverse=True)
    kept = alueverkko.network_overlap(ds, geo, min=0.25).to_pandas()
    assert len(kept) == (everything.jaccard >= 0.25).sum()
    assert (kept.jaccard >= 0.25).all()
    by_shared = alueverkko.network_overlap(ds, geo, measure="shared", min=3).to_pandas()
    assert len(by_shared) == (everything.shared >= 3).sum()
    assert len(alueverkko.network_overlap(ds, geo, top=4)) == 4
    assert alueverkko.network_overlap(ds, geo).column_names == [
        "network_a", "name_a", "network_b", "name_b", "shared", "size_a", "size_b", "jaccard", "overlap"]


def test_near_duplicates_share_theme_words(idea_call):
    geo, ds, directory = idea_call
    table = alueverkko.near_duplicates(ds, geo)
    df = table.to_pandas()
    assert len(df) > 0
    assert (df.jaccard >= 0.25).all()
    for r in df.itertuples():
        words = set(alueverkko.theme_words(ds, r.network_a)) & set(alueverkko.theme_words(ds, r.network_b))
        assert r.shared_words == "|".join(sorted(words))
        assert r.n_shared_words == len(words) >= 1
    # every pair that overlaps enough and shares a word is listed (pairs from network_overlap)
    pairs = alueverkko.network_overlap(ds, geo, min=0.25).to_pandas()
    expected = {(r.network_a, r.network_b) for r in pairs.itertuples()
                if set(alueverkko.theme_words(ds, r.network_a)) & set(alueverkko.theme_words(ds, r.network_b))}
    assert set(zip(df.network_a, df.network_b)) == expected
    two = alueverkko.near_duplicates(ds, geo, measure="overlap", threshold=0.25, min_shared_words=2).to_pandas()
    assert (two.n_shared_words >= 2).all() and (two.overlap >= 0.25).all()
    # Saimaa (p31) and Pro Lakeland (p32): four theme words, one shared actor (Etelä-Karjalan liitto)
    row = two[(two.network_a == "p31") & (two.network_b == "p32")].iloc[0]
    assert row.shared_words == "contractual|covid|recovery|tourism"


def test_theme_words(idea_call):
    _, ds, _ = idea_call
    # p31: "Saimaa lake tourism|international tourism marketing|contractual inter-regional cooperation|..."
    words = alueverkko.theme_words(ds, "p31")
    assert "saimaa" in words and "tourism" in words
    assert "international" not in words and "cooperation" not in words  # generic words
    assert all(len(w) >= 4 for w in words)
    assert words == sorted(set(words))
    stop = alueverkko.theme_stop_words()
    assert "sekä" in stop and "with" in stop
    with pytest.raises(KeyError):
        alueverkko.theme_words(ds, "no-such-network")


def test_portfolio_matches_the_bipartite_graph(idea_call):
    geo, ds, directory = idea_call
    for level in ["actor", "municipality"]:
        B, networks = bipartite_graph(directory, level)
        df = alueverkko.portfolio(ds, geo, level=level).to_pandas()
        expected = {n[1]: B.degree(n) for n in B if n[0] == "place" and B.degree(n) > 0}
        assert dict(zip(df.id, df.networks)) == expected
        for r in df.itertuples():
            nets = r.network_ids.split("|")
            assert len(nets) == r.networks
            mean = sum(B.degree(("net", n)) for n in nets) / len(nets)
            assert r.mean_network_size == pytest.approx(mean, abs=TOL)
            assert r.member + r.planned + r.invited + r.mentioned == r.networks
        assert list(df.networks) == sorted(df.networks, reverse=True)
    actors = alueverkko.portfolio(ds, geo, top=1).to_pandas()
    assert (actors.id[0], actors.name[0], actors.networks[0]) == ("kunta-853", "Turku", 8)


def test_portfolio_leads(idea_call):
    geo, ds, directory = idea_call
    leads = {}
    for m in read(directory / "memberships.csv"):
        if m["role"] == "lead":
            leads[m["actor_id"]] = leads.get(m["actor_id"], 0) + 1
    df = alueverkko.portfolio(ds, geo).to_pandas()
    assert {r.id: r.led for r in df.itertuples() if r.led} == leads
    only_leads = alueverkko.portfolio(ds, geo, role=["lead"]).to_pandas()
    assert dict(zip(only_leads.id, only_leads.networks)) == leads


def test_arguments_are_checked(idea_call):
    geo, ds, _ = idea_call
    with pytest.raises(ValueError):
        alueverkko.network_overlap(ds, geo, measure="cosine")
    with pytest.raises(ValueError):
        alueverkko.network_overlap(ds, geo, level="village")
    with pytest.raises(ValueError):
        alueverkko.network_overlap(ds, geo, min=-1)
    with pytest.raises(ValueError):
        alueverkko.near_duplicates(ds, geo, min_shared_words=0)
    with pytest.raises(ValueError):
        alueverkko.portfolio(ds, geo, status=["sleeping"])
    with pytest.raises(TypeError):
        alueverkko.portfolio(ds, geo, colour=["red"])


def test_pairs_at_actor_level_all_combinations_are_consistent(idea_call):
    geo, ds, _ = idea_call
    df = alueverkko.network_overlap(ds, geo).to_pandas()
    for r in df.itertuples():
        assert r.jaccard == pytest.approx(r.shared / (r.size_a + r.size_b - r.shared))
        assert r.overlap == pytest.approx(r.shared / min(r.size_a, r.size_b))
    assert len(set(zip(df.network_a, df.network_b))) == len(df)
