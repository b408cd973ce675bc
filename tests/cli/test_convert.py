"""`alueverkko convert`: every format × level read back by an independent reader (networkx, json,
csv, GDAL's ogrinfo), the actor projection against networkx's bipartite projection of
memberships.csv, usage errors (exit 2), bad input (exit 1) and hostile names."""
import csv
import json
import re
import shutil
import subprocess

import networkx as nx
import pytest
from networkx.algorithms import bipartite

DATASET = "data/collaborations/idea_call_2021"
MINI = "tests/data/valid-mini"
LEVELS = ["actor", "municipality", "subregion", "region", "two-mode"]
FORMATS = ["graphml", "gexf", "dot", "geojson", "csv"]
REFUSED = {("two-mode", "geojson"), ("two-mode", "dot")}


def read_csv(path):
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def read_back(fmt, path):
    """(nodes, edges) counted by an independent reader."""
    if fmt == "graphml":
        G = nx.read_graphml(path)
        return G.number_of_nodes(), G.number_of_edges()
    if fmt == "gexf":
        G = nx.read_gexf(path)
        return G.number_of_nodes(), G.number_of_edges()
    if fmt == "csv":
        return len(read_csv(path.with_name(path.stem + ".nodes.csv"))), len(read_csv(path))
    if fmt == "geojson":
        kinds = [f["properties"]["feature_kind"] for f in json.loads(path.read_text(encoding="utf-8"))["features"]]
        return kinds.count("place"), kinds.count("edge")
    text = path.read_text(encoding="utf-8")
    assert text.startswith("//") and "\ngraph " in text
    return len(re.findall(r"^  \"[^\"]*\" \[", text, re.M)), len(re.findall(r" -- ", text))


@pytest.mark.parametrize("level", LEVELS)
def test_every_format_and_level(cli, repo, tmp_path, level):
    counts = {}
    for fmt in FORMATS:
        out = tmp_path / f"g.{fmt}"
        r = cli("convert", repo / DATASET, "--level", level, "--format", fmt, "--out", out)
        if (level, fmt) in REFUSED:
            assert r.returncode == 2, r.stderr
            assert "needs a one-mode graph" in r.stderr
            continue
        assert r.returncode == 0, r.stderr
        assert "wrote " in r.stderr
        counts[fmt] = read_back(fmt, out)
    # Every format has the same graph; GeoJSON only the nodes with coordinates and the edges between
    # them (at the actor level, groups without a seat have none).
    geojson = counts.pop("geojson", None)
    assert len(set(counts.values())) == 1, counts
    if geojson:
        nodes, edges = next(iter(counts.values()))
        assert geojson[0] <= nodes and geojson[1] <= edges
        assert geojson == (nodes, edges) if level != "actor" else geojson[0] < nodes


def test_actor_graph_is_networkx_projection_of_memberships(cli, repo, tmp_path):
    out = tmp_path / "actors.graphml"
    r = cli("convert", repo / DATASET, "--level", "actor", "--weighting", "count", "--out", out, "-q")
    assert r.returncode == 0, r.stderr
    assert r.stderr == ""
    G = nx.read_graphml(out)
    B = nx.Graph()
    actors = [a["actor_id"] for a in read_csv(repo / DATASET / "actors.csv")]
    B.add_nodes_from(actors, bipartite=0)
    B.add_edges_from((m["actor_id"], "network:" + m["network_id"]) for m in read_csv(repo / DATASET / "memberships.csv"))
    P = bipartite.weighted_projected_graph(B, actors)
    assert set(G.nodes) == set(P.nodes)
    assert {frozenset(e): w for *e, w in G.edges(data="weight")} == {frozenset(e): float(w) for *e, w in P.edges(data="weight")}


def test_format_from_extension_and_csv_sibling(cli, repo, tmp_path):
    r = cli("convert", repo / DATASET, "--level", "region", "--weighting", "newman", "--out", tmp_path / "r.csv")
    assert r.returncode == 0, r.stderr
    edges = read_csv(tmp_path / "r.csv")
    nodes = read_csv(tmp_path / "r.nodes.csv")
    assert list(edges[0]) == ["source", "target", "weight", "source_name", "target_name"]
    regions = {r["code"]: r["name_fi"] for r in read_csv(repo / "data/geography/fi-2021/regions.csv")}
    labels = {n["id"]: n["label"] for n in nodes if n["place"] == "1"}
    assert labels and labels == {code: regions[code] for code in labels}
    assert all(e["source_name"] == labels[e["source"]] for e in edges if e["source"] in labels)


def test_geojson_layers_open_in_ogrinfo(cli, repo, tmp_path):
    out = tmp_path / "m.geojson"
    r = cli("convert", repo / DATASET, "--format", "geojson", "--layers", "areas,places", "--out", out)
    assert r.returncode == 0, r.stderr
    info = subprocess.run(["ogrinfo", "-ro", "-al", "-so", out], capture_output=True, text=True, check=True).stdout
    places = sum(1 for f in json.loads(out.read_text(encoding="utf-8"))["features"]
                 if f["properties"]["feature_kind"] == "place")
    assert f"Feature Count: {309 + places}" in info
    assert "feature_kind: String" in info and "networks: Integer" in info
    assert "0 edges" in r.stderr


@pytest.mark.parametrize("args, message", [
    (["--format", "xml"], "--format"),
    (["--out", "x.txt"], "give the output format"),
    (["--format", "csv"], "give --out FILE"),
    (["--format", "graphml", "--layers", "areas"], "--layers applies to --format geojson only"),
    (["--format", "geojson", "--level", "actor", "--layers", "areas"], "--layers areas needs a level of places"),
    (["--format", "graphml", "--level", "two-mode", "--weighting", "newman"], "apply to projections"),
    (["--format", "graphml", "--weighting", "jaccard", "--membership-weights"], "count or newman only"),
    (["--format", "graphml", "--status", "maybe"], "--status: unknown value 'maybe'"),
])
def test_usage_errors_exit_2(cli, repo, tmp_path, args, message):
    r = cli("convert", repo / DATASET, *args)
    assert r.returncode == 2
    assert message in r.stderr


def test_bad_input_exits_1_with_position(cli, repo, tmp_path):
    r = cli("convert", repo / "tests/data/broken/actors-bad-kind", "--geography", repo / MINI / "geography/mini-2021",
            "--out", tmp_path / "x.graphml")
    assert r.returncode == 1
    assert re.search(r"actors\.csv:\d+:\d+: invalid kind 'univ'", r.stderr)
    assert not (tmp_path / "x.graphml").exists()
    assert cli("convert", tmp_path / "missing", "--out", tmp_path / "x.graphml").returncode == 1


def test_help_has_an_example(cli):
    r = cli("convert", "--help")
    assert r.returncode == 0
    assert "alueverkko convert data/collaborations/idea_call_2021" in r.stdout


def test_hostile_names_are_escaped_in_every_format(cli, repo, tmp_path):
    root = tmp_path / "mini"
    shutil.copytree(repo / MINI, root)
    path = root / "geography/mini-2021/municipalities.csv"
    rows = read_csv(path)
    hostile = {"091": "<script>alert(1)</script>", "049": "\"Esbo\" & Co's", "638": "Porvoo\nBorgå"}
    for row in rows:
        row["name_fi"] = hostile.get(row["code"], row["name_fi"])
    with open(path, "w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    dataset = root / "collaborations/mini"
    geography = root / "geography/mini-2021"
    for fmt in FORMATS:
        out = tmp_path / f"h.{fmt}"
        r = cli("convert", dataset, "--geography", geography, "--format", fmt, "--out", out,
                *(["--layers", "places,edges"] if fmt == "geojson" else []))
        assert r.returncode == 0, r.stderr
        if fmt in ("graphml", "gexf", "geojson"):  # in DOT and CSV a quoted string is inert text
            assert "<script>" not in out.read_text(encoding="utf-8"), fmt
    for G in (nx.read_graphml(tmp_path / "h.graphml"), nx.read_gexf(tmp_path / "h.gexf")):
        assert {n: G.nodes[n]["label"] for n in hostile} == hostile
    features = json.loads((tmp_path / "h.geojson").read_text(encoding="utf-8"))["features"]
    assert {f["properties"]["id"]: f["properties"]["label"] for f in features
            if f["properties"]["feature_kind"] == "place" and f["properties"]["id"] in hostile} == hostile
    assert {n["id"]: n["label"] for n in read_csv(tmp_path / "h.nodes.csv") if n["id"] in hostile} == hostile
    dot = (tmp_path / "h.dot").read_text(encoding="utf-8")
    assert '"091" [label="<script>alert(1)</script>"' in dot
    assert '"049" [label="\\"Esbo\\" &amp; Co\'s"' in dot
    assert '"638" [label="Porvoo\\nBorgå"' in dot
