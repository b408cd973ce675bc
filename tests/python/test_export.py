"""Exports read back by independent readers: GraphML and GEXF by networkx, GeoJSON by json and GDAL's
ogrinfo. Attributes are checked against the geography's and data set's CSV files read here with the
csv module, weights against the projection (itself checked against networkx in
test_projection_oracle.py), hostile names on a copy of tests/data/valid-mini."""
import csv
import doctest
import json
import re
import shutil
import subprocess
from collections import defaultdict
from pathlib import Path

import networkx as nx
import pytest

import alueverkko
from alueverkko import _export

REPO = Path(__file__).resolve().parents[2]
GEO_DIR = REPO / "data" / "geography" / "fi-2021"
DATA_DIR = REPO / "data" / "collaborations" / "idea_call_2021"
MINI = REPO / "tests" / "data" / "valid-mini"
HOSTILE = ["<script>alert(1)</script>", "\"Esbo\" & Co's", "Porvoo\nBorgå", "Tallinn <b>&amp; \"Reval\"\n\tEesti"]
TOL = 1e-12


def read_csv(path):
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


@pytest.fixture(scope="module")
def idea():
    geography = alueverkko.load_geography(GEO_DIR)
    return geography, alueverkko.load_dataset(DATA_DIR, geography)


@pytest.fixture(scope="module")
def places():
    """Expected node attributes of the places, from the geography's CSV files."""
    municipalities = read_csv(GEO_DIR / "municipalities.csv")
    out = {"municipality": {}, "subregion": {}, "region": {}}
    for m in municipalities:
        out["municipality"][m["code"]] = dict(name_fi=m["name_fi"], name_sv=m["name_sv"], region_code=m["region_code"],
                                              subregion_code=m["subregion_code"],
                                              population_2021=float(m["population_2021"]),
                                              lon=float(m["centre_lon"]), lat=float(m["centre_lat"]))
    for level, file, key in (("subregion", "subregions.csv", "subregion_code"), ("region", "regions.csv", "region_code")):
        for p in read_csv(GEO_DIR / file):
            members = [m for m in municipalities if m[key] == p["code"]]
            total = sum(float(m["population_2021"]) for m in members)
            out[level][p["code"]] = dict(
                name_fi=p["name_fi"], name_sv=p["name_sv"], population_2021=float(p["population_2021"]),
                lon=sum(float(m["population_2021"]) * float(m["centre_lon"]) for m in members) / total,
                lat=sum(float(m["population_2021"]) * float(m["centre_lat"]) for m in members) / total)
            if level == "subregion":
                out[level][p["code"]]["region_code"] = p["region_code"]
    return out


def projection_edges(graph):
    s, t, w = graph.edge_arrays()
    labels = graph.labels
    return {frozenset((labels[a], labels[b])): x for a, b, x in zip(s.tolist(), t.tolist(), w.tolist())}


def assert_same_graph(G, graph):
    assert not G.is_directed()
    assert set(G.nodes) == set(graph.labels)
    ours = {frozenset((u, v)): d["weight"] for u, v, d in G.edges(data=True)}
    expected = projection_edges(graph)
    assert ours.keys() == expected.keys()
    for key, weight in expected.items():
        assert ours[key] == pytest.approx(weight, rel=TOL, abs=TOL)


def assert_place_attributes(G, level, places):
    actors = {a["actor_id"]: a for a in read_csv(DATA_DIR / "actors.csv")}
    for node, data in G.nodes(data=True):
        if node in places[level]:
            expected = places[level][node]
            assert data["place"] is True and data["kind"] == level and data["label"] == expected["name_fi"]
            for key, value in expected.items():
                if isinstance(value, float):
                    assert data[key] == pytest.approx(value, rel=TOL), (node, key)
                else:
                    assert data[key] == value, (node, key)
        else:  # a foreign actor kept as itself
            actor = actors[node]
            assert data["place"] is False and data["kind"] == actor["kind"] and data["label"] == actor["name"]
            assert "population_2021" not in data
            if actor["lon"]:
                assert (data["lon"], data["lat"]) == (float(actor["lon"]), float(actor["lat"]))


def assert_actor_attributes(G):
    actors = {a["actor_id"]: a for a in read_csv(DATA_DIR / "actors.csv")}
    for node, data in G.nodes(data=True):
        actor = actors[node]
        assert data["label"] == actor["name"] and data["kind"] == actor["kind"]
        assert data.get("municipality_code", "") == actor["municipality_code"]


@pytest.mark.parametrize("level", ["actor", "municipality", "subregion", "region"])
@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_networkx_reads_back_the_projection(idea, places, tmp_path, level, fmt):
    geography, dataset = idea
    graph, _, _ = alueverkko.project_dataset(dataset, geography, level, "newman")
    path = tmp_path / f"g.{fmt}"
    if fmt == "graphml":
        _export.write_graphml(graph, path, dataset, geography, level=level, weighting="newman")
        G = nx.read_graphml(path)
    else:
        _export.write_gexf(graph, path, dataset, geography, level=level, weighting="newman",
                           positions="map" if level != "actor" else None)
        G = nx.read_gexf(path)
    assert_same_graph(G, graph)
    if level == "actor":
        assert_actor_attributes(G)
    else:
        assert_place_attributes(G, level, places)
    text = path.read_text(encoding="utf-8")
    assert "collaboration affinity (newman" in text and "larger = stronger" in text


def test_gexf_map_positions_are_the_drawing_positions(idea, tmp_path):
    geography, dataset = idea
    graph, _, _ = alueverkko.project_dataset(dataset, geography, "region")
    _export.write_gexf(graph, tmp_path / "g.gexf", dataset, geography, level="region", positions="map")
    G = nx.read_gexf(tmp_path / "g.gexf")
    expected = alueverkko._core.geographic_positions(graph, geography, "region")
    for label, (x, y) in zip(graph.labels, expected.tolist()):
        position = G.nodes[label]["viz"]["position"]
        assert (position["x"], position["y"]) == (pytest.approx(x, rel=TOL), pytest.approx(y, rel=TOL))


def test_two_mode_graphml_has_every_membership(idea, tmp_path):
    geography, dataset = idea
    tables = _export.two_mode_tables(dataset, geography)
    _export.write_graphml(tables, tmp_path / "b.graphml")
    G = nx.read_graphml(tmp_path / "b.graphml")
    memberships = read_csv(DATA_DIR / "memberships.csv")
    actors = {a["actor_id"] for a in read_csv(DATA_DIR / "actors.csv")}
    networks = {n["network_id"]: n for n in read_csv(DATA_DIR / "networks.csv")}
    assert {n for n, b in G.nodes(data="bipartite") if b == 0} == actors
    assert {n for n, b in G.nodes(data="bipartite") if b == 1} == set(networks)
    assert nx.bipartite.is_bipartite_node_set(G, actors)
    assert G.number_of_edges() == len(memberships)
    for m in memberships:
        data = G.edges[m["actor_id"], m["network_id"]]
        assert data["status"] == m["status"] and data.get("role", "") == m["role"]
        assert data["weight"] == float(m.get("weight") or 1)
    for n, network in networks.items():
        assert G.nodes[n]["kind"] == network["kind"] and G.nodes[n]["label"] == network["name"]


def test_two_mode_filters_select_memberships(idea):
    geography, dataset = idea
    tables = _export.two_mode_tables(dataset, geography, status=["member"])
    expected = sum(m["status"] == "member" for m in read_csv(DATA_DIR / "memberships.csv"))
    assert len(tables.edges) == expected
    assert set(tables.edges.column("status")) == {"member"}


def expected_networks_per_municipality():
    """Distinct networks per municipality by the aggregation rule of docs: municipalities and seated
    organisations count for their seat; area-wide (area_code) and foreign actors do not."""
    actors = {a["actor_id"]: a for a in read_csv(DATA_DIR / "actors.csv")}
    networks = defaultdict(set)
    for m in read_csv(DATA_DIR / "memberships.csv"):
        a = actors[m["actor_id"]]
        if a["area_code"] or (a["country"] or "FI") != "FI" or not a["municipality_code"]:
            continue
        networks[a["municipality_code"]].add(m["network_id"])
    return networks


def ring_area(ring):
    return sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in zip(ring, ring[1:])) / 2


def ogr_feature_count(path, where=None):
    command = ["ogrinfo", "-ro", "-al", "-so", str(path)] + (["-where", where] if where else [])
    out = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    return int(re.search(r"Feature Count: (\d+)", out).group(1))


def test_geojson_of_municipalities_opens_in_gdal(idea, tmp_path):
    geography, dataset = idea
    graph, _, _ = alueverkko.project_dataset(dataset, geography, "municipality", "count")
    path = tmp_path / "m.geojson"
    population = {m["code"]: float(m["population_2021"]) for m in read_csv(GEO_DIR / "municipalities.csv")}
    counts = _export.write_geojson(graph, path, dataset, geography, level="municipality",
                                   area_values={"per_capita": [1 / population[c] for c in sorted(population)]})
    doc = json.loads(path.read_text(encoding="utf-8"))
    assert doc["type"] == "FeatureCollection"
    by_kind = defaultdict(list)
    for f in doc["features"]:
        by_kind[f["properties"]["feature_kind"]].append(f)
    assert len(by_kind["area"]) == 309 == counts["areas"]
    assert len(by_kind["edge"]) == graph.edge_count == counts["edges"]
    assert len(by_kind["place"]) == graph.vertex_count == counts["places"]

    expected = expected_networks_per_municipality()
    for f in by_kind["area"]:
        p = f["properties"]
        assert p["networks"] == len(expected.get(p["code"], ()))
        assert p["covered"] == int(p["networks"] > 0)
        assert p["population_2021"] == population[p["code"]]
        assert p["per_capita"] == pytest.approx(1 / population[p["code"]], rel=TOL)
        polygons = f["geometry"]["coordinates"] if f["geometry"]["type"] == "MultiPolygon" else [f["geometry"]["coordinates"]]
        for rings in polygons:
            assert ring_area(rings[0]) > 0  # exterior counter-clockwise (RFC 7946)
            assert all(ring[0] == ring[-1] for ring in rings)
            for lon, lat in rings[0]:
                assert 19 < lon < 32 and 59.5 < lat < 70.5  # Finland's bounding box
    weights = projection_edges(graph)
    for f in by_kind["edge"]:
        p = f["properties"]
        assert f["geometry"]["type"] == "LineString"
        assert p["weight"] == pytest.approx(weights[frozenset((p["source"], p["target"]))], rel=TOL)
    centres = {m["code"]: [float(m["centre_lon"]), float(m["centre_lat"])] for m in read_csv(GEO_DIR / "municipalities.csv")}
    for f in by_kind["place"]:
        if f["properties"]["place"]:
            assert f["geometry"]["coordinates"] == pytest.approx(centres[f["properties"]["id"]], abs=1e-6)

    assert ogr_feature_count(path) == 309 + graph.edge_count + graph.vertex_count
    assert ogr_feature_count(path, "feature_kind='area'") == 309
    assert ogr_feature_count(path, "feature_kind='edge'") == graph.edge_count


def test_geojson_layers_and_regions(idea, tmp_path):
    geography, dataset = idea
    graph, _, _ = alueverkko.project_dataset(dataset, geography, "region")
    path = tmp_path / "r.geojson"
    counts = _export.write_geojson(graph, path, dataset, geography, level="region", layers=["areas"])
    assert counts == {"areas": 19, "edges": 0, "places": 0, "edges_without_position": 0}
    assert ogr_feature_count(path) == 19
    with pytest.raises(ValueError, match="unknown layers"):
        _export.write_geojson(graph, path, dataset, geography, level="region", layers=["roads"])


@pytest.fixture()
def hostile(tmp_path):
    """valid-mini with hostile names: municipalities 049, 091, 638 and the foreign actor tallinn."""
    root = tmp_path / "mini"
    shutil.copytree(MINI, root)

    def rename(path, key_column, names):
        rows = read_csv(path)
        for row in rows:
            row["name" if "name" in row else "name_fi"] = names.get(row[key_column], row.get("name", row.get("name_fi")))
        with open(path, "w", encoding="utf-8", newline="") as f:
            writer = csv.DictWriter(f, fieldnames=list(rows[0]), lineterminator="\n")
            writer.writeheader()
            writer.writerows(rows)

    rename(root / "geography/mini-2021/municipalities.csv", "code", {"091": HOSTILE[0], "049": HOSTILE[1], "638": HOSTILE[2]})
    rename(root / "collaborations/mini/actors.csv", "actor_id", {"tallinn": HOSTILE[3]})
    geography = alueverkko.load_geography(root / "geography/mini-2021")
    return geography, alueverkko.load_dataset(root / "collaborations/mini", geography)


def test_hostile_names_survive_as_text(hostile, tmp_path):
    geography, dataset = hostile
    graph, _, _ = alueverkko.project_dataset(dataset, geography, "municipality")
    names = {"091": HOSTILE[0], "049": HOSTILE[1], "638": HOSTILE[2], "tallinn": HOSTILE[3]}

    _export.write_graphml(graph, tmp_path / "h.graphml", dataset, geography)
    _export.write_gexf(graph, tmp_path / "h.gexf", dataset, geography)
    _export.write_geojson(graph, tmp_path / "h.geojson", dataset, geography, layers=["places", "edges"])
    nodes_csv = _export.write_csv(graph, tmp_path / "h.csv", dataset, geography)
    for fmt in ("graphml", "gexf", "geojson"):
        assert "<script>" not in (tmp_path / f"h.{fmt}").read_text(encoding="utf-8")

    for G in (nx.read_graphml(tmp_path / "h.graphml"), nx.read_gexf(tmp_path / "h.gexf")):
        for node, name in names.items():
            assert G.nodes[node]["label"] == name
    features = json.loads((tmp_path / "h.geojson").read_text(encoding="utf-8"))["features"]
    labels = {f["properties"]["id"]: f["properties"]["label"] for f in features if f["properties"]["feature_kind"] == "place"}
    assert {k: labels[k] for k in names} == names
    edge_names = {(f["properties"]["source"], f["properties"]["target_name"]) for f in features
                  if f["properties"]["feature_kind"] == "edge"}
    assert ("049", HOSTILE[0]) in edge_names and ("445", HOSTILE[3]) in edge_names
    nodes = {r["id"]: r["label"] for r in read_csv(nodes_csv)}
    assert {k: nodes[k] for k in names} == names
    edges = read_csv(tmp_path / "h.csv")
    assert list(edges[0]) == ["source", "target", "weight", "source_name", "target_name"]
    assert {(e["source"], e["target"]): e["target_name"] for e in edges}[("049", "091")] == HOSTILE[0]


def test_tables_to_pandas(idea):
    geography, dataset = idea
    graph, _, _ = alueverkko.project_dataset(dataset, geography, "municipality", "jaccard")
    nodes = _export.node_table(graph, dataset, geography)
    edges = _export.edge_table(graph, dataset, geography, weighting="jaccard")
    assert list(nodes["id"]) == list(graph.labels)
    assert len(edges) == graph.edge_count
    names = dict(zip(nodes["id"], nodes["label"]))
    assert (edges["source_name"] == edges["source"].map(names)).all()
    weights = projection_edges(graph)
    for s, t, w in zip(edges["source"], edges["target"], edges["weight"]):
        assert w == weights[frozenset((s, t))]
    plain = _export.node_table(graph)  # without the data set: ids only
    assert list(plain.columns) == ["id", "label"]
    with pytest.raises(ValueError, match="both dataset and geography"):
        _export.node_table(graph, dataset)


def test_docstring_examples(monkeypatch):
    for name in ("write_graphml",):
        monkeypatch.setattr(alueverkko, name, getattr(_export, name), raising=False)
    result = doctest.testmod(_export, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    assert result.attempted > 0 and result.failed == 0
