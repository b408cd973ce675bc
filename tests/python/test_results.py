"""``to_pandas()`` of every result type, each frame compared with an independent oracle: the source CSV
files read with pandas, networkx, numpy arithmetic on the object's own arrays."""
from pathlib import Path

import networkx as nx
import numpy as np
import pandas as pd
import pytest

import alueverkko
import alueverkko._results  # noqa: F401  (attaches the methods; also imported by the package)
from graphs import to_weighted

DATA = alueverkko.data_dir()
GEO_DIR = DATA / "geography" / "fi-2021"
IDEA_DIR = DATA / "collaborations" / "idea_call_2021"
STATUS_RANK = {"member": 0, "planned": 1, "invited": 2, "mentioned": 3}


def read_csv(path: Path) -> pd.DataFrame:
    return pd.read_csv(path, dtype=str, keep_default_na=False)


@pytest.fixture(scope="module")
def geo():
    return alueverkko.load_geography(GEO_DIR)


@pytest.fixture(scope="module")
def idea(geo):
    return alueverkko.load_dataset(IDEA_DIR, geo)


@pytest.fixture(scope="module")
def places(idea, geo):
    """The idea call aggregated to municipalities and projected (count weighting)."""
    aggregated = alueverkko.aggregate(idea, geo, "municipality")
    return aggregated, alueverkko.project(aggregated.graph)


@pytest.fixture(scope="module")
def municipality_names():
    return read_csv(GEO_DIR / "municipalities.csv").set_index("code")["name_fi"]


def edge_set(frame, weight="weight"):
    return {(frozenset((s, t)), round(w, 12)) for s, t, w in zip(frame["source"], frame["target"], frame[weight])}


# --- WeightedGraph ------------------------------------------------------------------------------


def test_weighted_graph_edges_match_networkx():
    G = nx.les_miserables_graph()
    g = to_weighted(G)
    frame = g.to_pandas()
    assert list(frame.columns) == ["source", "target", "weight"] and frame.index.name == "edge"
    assert frame.index.tolist() == list(range(G.number_of_edges()))
    assert edge_set(frame) == {(frozenset((u, v)), round(float(d["weight"]), 12)) for u, v, d in G.edges(data=True)}
    assert frame.attrs["weight_meaning"] == "affinity"
    # row e is edge id e
    source, target, weight = g.edge_arrays()
    labels = np.array(g.labels, dtype=object)
    assert (frame["source"].to_numpy() == labels[source]).all() and (frame["weight"].to_numpy() == weight).all()


def test_weighted_graph_names_from_the_geography_csv(places, municipality_names, idea):
    _, projected = places
    frame = projected.to_pandas(names=[municipality_names, idea])
    csv_names = municipality_names.to_dict()
    actors = read_csv(IDEA_DIR / "actors.csv").set_index("actor_id")["name"].to_dict()
    expected = [csv_names.get(label, actors.get(label)) for label in frame["source"]]
    assert frame["source_name"].tolist() == expected
    assert frame.set_index(["source", "target"]).loc[("049", "091"), "target_name"] == "Helsinki"
    # names of the places agree with the export's edge list (a second, C++ path)
    tables = alueverkko.edge_list_with_names(alueverkko.graph_tables(projected)).to_pandas()
    assert (tables["source"] == frame["source"]).all() and (tables["weight"] == frame["weight"]).all()


def test_names_rejects_a_geography(geo):
    g = alueverkko.parse_edge_list("source,target\n091,049\n")
    with pytest.raises(TypeError, match="to_pandas"):
        g.to_pandas(names=geo)
    assert g.to_pandas(names={"091": "Helsinki"})["target_name"].isna().tolist() == [True]


# --- TwoModeGraph and AggregatedGraph ------------------------------------------------------------


def test_two_mode_memberships_are_the_csv_rows(idea):
    csv = read_csv(IDEA_DIR / "memberships.csv")
    frame = alueverkko.TwoModeGraph.from_dataset(idea).to_pandas(names=idea)
    assert frame.index.name == "membership" and len(frame) == len(csv)
    assert frame["row"].tolist() == csv["actor_id"].tolist()
    assert frame["column"].tolist() == csv["network_id"].tolist()
    assert frame["status"].tolist() == csv["status"].tolist()
    assert frame["role"].tolist() == csv["role"].tolist()
    assert (frame["weight"] == 1.0).all()
    actors = read_csv(IDEA_DIR / "actors.csv").set_index("actor_id")["name"]
    networks = read_csv(IDEA_DIR / "networks.csv").set_index("network_id")["name"]
    assert frame["row_name"].tolist() == actors.loc[csv["actor_id"]].tolist()
    assert frame["column_name"].tolist() == networks.loc[csv["network_id"]].tolist()


def test_two_mode_from_edges_keeps_weights():
    B = nx.Graph()
    B.add_weighted_edges_from([("a", "x", 2.0), ("b", "x", 0.5), ("b", "y", 1.5)])
    g = alueverkko.TwoModeGraph.from_edges(["a", "b"], ["x", "y"], [0, 1, 1], [0, 0, 1], [2.0, 0.5, 1.5])
    frame = g.to_pandas()
    assert {(r, c, w) for r, c, w in zip(frame["row"], frame["column"], frame["weight"])} == \
        {(u, v, d["weight"]) if u in "ab" else (v, u, d["weight"]) for u, v, d in B.edges(data=True)}
    assert set(frame["status"]) == {"member"} and set(frame["role"]) == {""}


def test_aggregated_memberships_from_the_csv_files(idea, places):
    aggregated, _ = places
    frame = aggregated.to_pandas()
    actors = read_csv(IDEA_DIR / "actors.csv").set_index("actor_id")
    csv = read_csv(IDEA_DIR / "memberships.csv")
    # an actor's place is its seat municipality, unless it stands for a whole region or sub-region
    seat = actors["municipality_code"].where((actors["country"] == "FI") & (actors["area_code"] == ""), "")
    csv["place"] = seat.loc[csv["actor_id"]].to_numpy()
    in_place = csv[csv["place"] != ""].copy()
    in_place["rank"] = in_place["status"].map(STATUS_RANK)
    oracle = in_place.groupby(["place", "network_id"])["rank"].min()
    ours = frame[frame["row_is_place"]].set_index(["row", "column"])["status"].map(STATUS_RANK)
    assert ours.sort_index().to_dict() == oracle.sort_index().to_dict()
    # foreign actors kept as themselves; actors without a place are listed with a reason
    foreign = set(frame.loc[~frame["row_is_place"], "row"])
    assert foreign <= set(actors.index[actors["country"] != "FI"])
    assert set(frame.attrs["left_out"]) == set(aggregated.left_out) and all(frame.attrs["left_out"].values())
    assert not (set(frame.attrs["left_out"]) & set(frame["row"]))


# --- GraphTables ---------------------------------------------------------------------------------


def test_graph_tables_frames(idea, geo, places, municipality_names):
    _, projected = places
    tables = alueverkko.graph_tables(projected, idea, geo, "municipality")
    nodes, edges = tables.to_pandas()
    assert nodes.index.name == "id" and nodes.index.tolist() == projected.labels
    is_place = nodes["place"]
    assert is_place.dtype == bool
    assert nodes.loc[is_place, "name"].to_dict() == municipality_names.loc[nodes.index[is_place]].to_dict()
    assert edge_set(edges) == edge_set(projected.to_pandas())
    assert edges.index.name == "edge" and nodes.attrs["description"] == tables.description


# --- backbones -----------------------------------------------------------------------------------


def disparity_oracle(frame):
    """Serrano et al.: alpha_ij = (1 - p_ij)^(k_i - 1) from each endpoint; the edge's p-value is the smaller."""
    strength = pd.concat([frame.groupby("source")["weight"].sum(), frame.groupby("target")["weight"].sum()]) \
        .groupby(level=0).sum()
    degree = pd.concat([frame["source"], frame["target"]]).value_counts()
    p = []
    for end in ("source", "target"):
        k = degree.loc[frame[end]].to_numpy()
        s = strength.loc[frame[end]].to_numpy()
        p.append(np.where(k > 1, (1 - frame["weight"].to_numpy() / s) ** (k - 1), 1.0))
    return np.minimum(*p)


def test_disparity_p_values_by_hand(places):
    _, projected = places
    result = alueverkko.disparity_filter(projected, alpha=0.2)
    frame = result.to_pandas(projected)
    assert frame.index.name == "edge" and frame["kept"].dtype == bool
    np.testing.assert_allclose(frame["p_value"].to_numpy(), disparity_oracle(frame), rtol=1e-9)
    assert frame["kept"].sum() == result.backbone.edge_count
    assert edge_set(frame[frame["kept"]]) == edge_set(result.backbone.to_pandas())
    table = alueverkko.disparity_table(projected, result).to_pandas()
    assert (table["p_value"] == frame["p_value"]).all() and (table["source"] == frame["source"]).all()
    with pytest.raises(ValueError, match="graph"):
        result.to_pandas(alueverkko.parse_edge_list("source,target\na,b\n"))


def test_sdsm_counts_from_the_biadjacency(places):
    aggregated, _ = places
    graph = aggregated.graph
    result = alueverkko.sdsm(graph)
    frame = result.to_pandas(graph)
    memberships = graph.to_pandas()
    B = pd.crosstab(memberships["row"], memberships["column"]).reindex(graph.row_labels, fill_value=0).to_numpy()
    shared = B @ B.T
    rows = {label: i for i, label in enumerate(graph.row_labels)}
    i = frame["source"].map(rows).to_numpy()
    j = frame["target"].map(rows).to_numpy()
    assert (frame["weight"].to_numpy() == shared[i, j]).all() and (i < j).all()
    assert frame.index.name == "pair" and len(frame) == len(result)
    assert (frame["sign"] > 0).sum() == result.positive.edge_count
    table = alueverkko.sdsm_table(graph, result).to_pandas()
    pd.testing.assert_frame_equal(frame.reset_index(drop=True)[table.columns.tolist()], table, check_dtype=False)


def test_bicm_frames(places):
    aggregated, _ = places
    graph = aggregated.graph
    model = alueverkko.bicm(graph)
    rows, columns, p = model.to_pandas(graph, probabilities=True)
    memberships = graph.to_pandas()
    assert rows["degree"].to_dict() == memberships["row"].value_counts().reindex(graph.row_labels, fill_value=0).to_dict()
    assert columns["degree"].to_dict() == \
        memberships["column"].value_counts().reindex(graph.column_labels, fill_value=0).to_dict()
    # the model: p_ik = x_i y_k / (1 + x_i y_k), with expected degrees the row and column sums
    xy = np.outer(rows["x"], columns["y"])
    np.testing.assert_allclose(p.to_numpy(), xy / (1 + xy), rtol=1e-12)
    np.testing.assert_allclose(p.sum(axis=1).to_numpy(), rows["expected_degree"].to_numpy(), rtol=1e-9)
    np.testing.assert_allclose(rows["expected_degree"], rows["degree"], rtol=1e-6)
    np.testing.assert_allclose(p.sum(axis=0).to_numpy(), columns["expected_degree"].to_numpy(), rtol=1e-9)
    assert p.index.tolist() == graph.row_labels and p.columns.tolist() == graph.column_labels
    assert model.to_pandas(graph).probabilities is None


# --- data, geography, geometry, drawings --------------------------------------------------------


def test_dataset_frames_are_the_csv_files(idea):
    actors, networks, memberships = idea.to_pandas()
    csv_actors = read_csv(IDEA_DIR / "actors.csv").set_index("actor_id")
    csv_networks = read_csv(IDEA_DIR / "networks.csv").set_index("network_id")
    csv_memberships = read_csv(IDEA_DIR / "memberships.csv")
    assert actors.index.name == "actor_id" and sorted(actors.index) == sorted(csv_actors.index)
    assert actors["name"].to_dict() == csv_actors["name"].to_dict()
    assert networks["name"].to_dict() == csv_networks["name"].to_dict()
    assert memberships.index.name == "membership"
    assert memberships[["network_id", "actor_id", "status", "role"]].values.tolist() == \
        csv_memberships[["network_id", "actor_id", "status", "role"]].values.tolist()
    assert actors.attrs["dataset"] == "idea_call_2021"


@pytest.mark.parametrize("level, file", [("municipality", "municipalities.csv"), ("subregion", "subregions.csv"),
                                         ("region", "regions.csv")])
def test_geography_frames(geo, level, file):
    frame = geo.to_pandas(level)
    csv = read_csv(GEO_DIR / file).set_index("code")
    assert frame.index.name == "code" and sorted(frame.index) == sorted(csv.index)
    assert frame["name"].to_dict() == csv["name_fi"].to_dict()
    assert frame["population_2021"].astype(int).to_dict() == csv["population_2021"].astype(int).to_dict()
    assert frame.columns[0] == "name"


def shoelace(ring):
    x, y = ring[:, 0], ring[:, 1]
    return 0.5 * (np.dot(x, np.roll(y, -1)) - np.dot(y, np.roll(x, -1)))


@pytest.mark.parametrize("level", ["municipality", "region"])
def test_boundaries_frame(geo, level):
    boundaries = alueverkko.load_boundaries(geo)
    frame = boundaries.to_pandas(level)
    csv = read_csv(GEO_DIR / ("municipalities.csv" if level == "municipality" else "regions.csv")).set_index("code")
    assert frame.index.name == "code" and frame.index.tolist() == sorted(csv.index)
    assert frame["name"].to_dict() == csv["name_fi"].to_dict()
    place_level = getattr(alueverkko.PlaceLevel, level)
    for code in frame.index[:: max(1, len(frame) // 12)]:
        polygons = boundaries.shape(place_level, code, projected=True)
        area = sum(abs(shoelace(rings[0])) - sum(abs(shoelace(h)) for h in rings[1:]) for rings in polygons)
        assert frame.loc[code, "area_m2"] == pytest.approx(area, rel=1e-9)
    # regions are dissolved from the municipalities: the same total area
    total = boundaries.to_pandas("municipality" if level == "region" else "region")["area_m2"].sum()
    assert frame["area_m2"].sum() == pytest.approx(total, rel=1e-6)
    degrees = boundaries.to_pandas(level, projected=False)
    assert "area_deg2" in degrees and (degrees["area_deg2"] < 30).all()
    with pytest.raises(ValueError, match="level"):
        boundaries.to_pandas("country")


def test_drawing_positions_by_label():
    G = nx.karate_club_graph()
    g = to_weighted(G)
    drawing = alueverkko.draw(g, "neato")
    frame = drawing.to_pandas(g)
    assert frame.index.tolist() == [str(v) for v in G] and list(frame.columns) == ["x", "y"]
    np.testing.assert_array_equal(frame.to_numpy(), drawing.positions)
    core = alueverkko.GraphDrawing(g, engine="circo")
    core.run()
    np.testing.assert_array_equal(core.to_pandas(g).loc["33"].to_numpy(), core.positions[33])
    with pytest.raises(ValueError, match="graph"):
        drawing.to_pandas(alueverkko.parse_edge_list("source,target\na,b\n"))
