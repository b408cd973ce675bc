"""Issue 11 (escaping) from Python: the hostile fixture tests/data/hostile through Map.svg,
Drawing.svg, to_dot, write_graphml/write_gexf/write_geojson/write_csv, write_report and
Table.to_pandas. Every output is read back with a real parser (xml.etree, networkx, json, csv,
Graphviz, html.parser) and each hostile name must come back exactly (in XML outputs with the
controls XML 1.0 forbids as U+FFFD: oracle.in_xml), with nothing executable in SVG or HTML (see
tests/cli/test_hostile.py for the command line and the list of writers)."""
import html
import html.parser
import json
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import networkx as nx
import pytest

import alueverkko

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "tests" / "data" / "hostile"))
from oracle import (  # noqa: E402  (the fixture read with csv and json, shared with tests/cli)
    ACTORS, DATASET, DATASET_JSON, GEOGRAPHY, HOSTILE, MUNICIPALITIES, NETWORKS, REGIONS, SUBREGIONS, in_xml,
    read_csv,
)

TITLE = DATASET_JSON["title"]
ACTOR_NAMES = {i: a["name"] for i, a in ACTORS.items()}
NETWORK_NAMES = {i: n["name"] for i, n in NETWORKS.items()}
FOREIGN_NAMES = {i: a["name"] for i, a in ACTORS.items() if a["country"] not in ("", "FI")}
PLACE_NAMES = {"municipality": {c: r["name_fi"] for c, r in MUNICIPALITIES.items()},
               "subregion": {c: r["name_fi"] for c, r in SUBREGIONS.items()},
               "region": {c: r["name_fi"] for c, r in REGIONS.items()}}
LEVEL_NAMES = {level: {**names, **FOREIGN_NAMES} for level, names in PLACE_NAMES.items()}
LEVEL_NAMES["actor"] = ACTOR_NAMES
PLAIN_NAMES = sorted(ACTOR_NAMES.values())


@pytest.fixture(scope="module")
def hostile():
    geography = alueverkko.load_geography(GEOGRAPHY)
    return geography, alueverkko.load_dataset(DATASET, geography)


def local(tag):
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def parse_svg(text):
    root = ET.fromstring(text.encode("utf-8"))
    for el in root.iter():
        assert local(el.tag) not in ("script", "foreignObject", "iframe", "object", "embed"), el.tag
        for name, value in el.attrib.items():
            assert not local(name).lower().startswith("on"), (el.tag, name, value)
            if local(name) == "href":
                assert not value.strip().lower().startswith(("javascript:", "data:")), value
    return root


def texts(root, tags=("text",)):
    return ["".join(el.itertext()) for el in root.iter() if local(el.tag) in tags]


def node_labels(root):
    """Graphviz SVG: each node's text lines joined by line feeds."""
    return sorted("\n".join("".join(t.itertext()) for t in g.iter() if local(t.tag) == "text")
                  for g in root.iter() if local(g.tag) == "g" and g.get("class") == "node")


def unescape_dot(value):
    out, i = [], 0
    while i < len(value):
        if value[i] == "\\" and i + 1 < len(value):
            out.append("\n" if value[i + 1] in "nlr" else value[i + 1])
            i += 2
        else:
            out.append(value[i])
            i += 1
    return html.unescape("".join(out))


def test_dataset_names_load_exactly(hostile):
    geography, dataset = hostile
    actors = dataset.actors.to_pandas()
    assert dict(zip(actors["actor_id"], actors["name"])) == ACTOR_NAMES
    networks = dataset.networks.to_pandas()
    assert dict(zip(networks["network_id"], networks["name"])) == NETWORK_NAMES
    municipalities = geography.municipalities.to_pandas()
    assert dict(zip(municipalities["code"], municipalities["name_fi"])) == PLACE_NAMES["municipality"]
    assert dict(zip(municipalities["code"], municipalities["name_sv"])) == {c: r["name_sv"] for c, r in MUNICIPALITIES.items()}
    regions = geography.regions.to_pandas()
    assert dict(zip(regions["code"], regions["name_fi"])) == PLACE_NAMES["region"]


# --- maps ------------------------------------------------------------------------------------

@pytest.mark.parametrize("level", ["municipality", "subregion", "region"])
def test_collaboration_map_svg(hostile, level):
    geography, dataset = hostile
    m = alueverkko.collaboration_map(dataset, geography, level=level, labels=10, edges="all", markers="networks")
    t = texts(parse_svg(m.svg))
    assert TITLE in t
    for code, name in PLACE_NAMES[level].items():
        assert name in t, (code, name)
    assert m._repr_svg_() == m.svg


@pytest.mark.parametrize("network", sorted(NETWORKS))
def test_footprint_map_svg(hostile, network):
    geography, dataset = hostile
    m = alueverkko.collaboration_map(dataset, geography, network=network, labels=6)
    assert f"{network}: {NETWORK_NAMES[network]}" in texts(parse_svg(m.svg))


def test_choropleth_map_svg(hostile):
    geography, _ = hostile
    name = '</text><script>alert("legend")</script> & \'x\'\n\u200f\U0001F600'
    source = "]]> --> <!-- & \"src\" \\N %s {}"
    title = "=1+1 <b>t</b> & \"T\""
    m = alueverkko.choropleth_map(geography, {"091": 1.0, "049": 2.0, "018": 3.0}, name=name, source=source,
                                  title=title, labels=6)
    root = parse_svg(m.svg)
    t = texts(root)
    assert title in t
    assert f"{name}, by municipality" in t  # the subtitle
    heading = [s for s, el in zip(t, (e for e in root.iter() if local(e.tag) == "text"))
               if el.get("class") == "legend-heading"]
    assert " ".join(heading) == name  # the legend heading, wrapped at spaces to the legend's width
    assert any(source in s for s in t)
    for code in ("091", "049", "018"):  # the places with values are labelled
        assert PLACE_NAMES["municipality"][code] in t, code


# --- drawings and DOT --------------------------------------------------------------------------

def graphviz(args, text):
    r = subprocess.run(args, input=text, capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    return r.stdout


@pytest.mark.parametrize("source", ["edges", "memberships"])
def test_drawing_svg_and_dot_with_hostile_vertex_names(source):
    if source == "edges":
        g = alueverkko.read_edge_list(HOSTILE / "edges.csv")
    else:
        g = alueverkko.project(alueverkko.read_two_mode_list(HOSTILE / "memberships.csv"))
    assert sorted(g.labels) == PLAIN_NAMES
    shown = sorted(map(in_xml, PLAIN_NAMES))
    d = alueverkko.draw(g, "neato", size="degree", labels=len(PLAIN_NAMES))
    assert node_labels(parse_svg(d.svg)) == shown
    # the drawing's DOT, redrawn by Graphviz, and to_dot of the bare graph
    for dot in (d.to_dot(), alueverkko.to_dot(g), alueverkko.to_dot(g, alueverkko.layout(g, "neato"))):
        pinned = "pos=" in dot
        data = json.loads(graphviz(["neato", *(["-n2"] if pinned else []), "-Tjson"], dot))
        read = sorted(unescape_dot(o.get("xlabel") or o.get("label")) for o in data["objects"])
        assert read == shown
        assert node_labels(parse_svg(graphviz(["neato", *(["-n2"] if pinned else []), "-Tsvg"], dot))) == shown


def test_drawing_with_hostile_label_strings():
    g = alueverkko.parse_edge_list("source,target\na,b\nb,c\n")
    labels = ['<script>alert(1)</script>', 'back\\"slash \\N \\G \\l', "AT&T &amp;\nline 2; a,b \x01\x1b\x7f"]
    d = alueverkko.draw(g, "dot", labels=labels)
    assert node_labels(parse_svg(d.svg)) == sorted(map(in_xml, labels))


@pytest.mark.parametrize("level", ["municipality", "region"])
def test_drawing_of_places_geographic(hostile, level):
    geography, dataset = hostile
    graph, _, _ = alueverkko.project_dataset(dataset, geography, level)
    names = [LEVEL_NAMES[level][v] for v in graph.labels]
    d = alueverkko.draw(graph, "pinned", positions=alueverkko.geographic_positions(graph, geography, level),
                        labels=names)
    assert node_labels(parse_svg(d.svg)) == sorted(names)


# --- exports -----------------------------------------------------------------------------------

@pytest.mark.parametrize("level", ["actor", "municipality", "subregion", "region"])
def test_exports_read_back(hostile, tmp_path, level):
    geography, dataset = hostile
    graph, _, _ = alueverkko.project_dataset(dataset, geography, level)
    names = LEVEL_NAMES[level]
    alueverkko.write_graphml(graph, tmp_path / "g.graphml", dataset, geography, level=level)
    alueverkko.write_gexf(graph, tmp_path / "g.gexf", dataset, geography, level=level)
    for g in (nx.read_graphml(tmp_path / "g.graphml"), nx.read_gexf(tmp_path / "g.gexf")):
        assert len(g) == graph.vertex_count
        for node, label in g.nodes(data="label"):
            assert label == in_xml(names[node]), (node, label)
    alueverkko.write_geojson(graph, tmp_path / "g.geojson", dataset, geography, level=level)
    raw = (tmp_path / "g.geojson").read_text(encoding="utf-8")
    assert not re.search(r"[<>&]", raw)
    for feature in json.loads(raw)["features"]:
        p = feature["properties"]
        if p["feature_kind"] == "place":
            assert p["label"] == names[p["id"]]
        elif p["feature_kind"] == "edge":
            assert (p["source_name"], p["target_name"]) == (names[p["source"]], names[p["target"]])
        else:
            assert p["name"] == PLACE_NAMES[level][p["code"]]
    nodes = alueverkko.write_csv(graph, tmp_path / "g.csv", dataset, geography, level=level)
    assert {r["id"]: r["label"] for r in read_csv(nodes)} == {v: names[v] for v in graph.labels}
    for r in read_csv(tmp_path / "g.csv"):
        assert (r["source_name"], r["target_name"]) == (names[r["source"]], names[r["target"]])
    # the same tables in pandas
    frame = alueverkko.node_table(graph, dataset, geography, level=level)
    assert dict(zip(frame["id"], frame["label"])) == {v: names[v] for v in graph.labels}


def test_two_mode_exports(hostile, tmp_path):
    geography, dataset = hostile
    tables = alueverkko.two_mode_tables(dataset, geography)
    alueverkko.write_graphml(tables, tmp_path / "t.graphml")
    alueverkko.write_gexf(tables, tmp_path / "t.gexf")
    expected = {**ACTOR_NAMES, **NETWORK_NAMES}
    for g in (nx.read_graphml(tmp_path / "t.graphml"), nx.read_gexf(tmp_path / "t.gexf")):
        assert {n: l for n, l in g.nodes(data="label")} == {n: in_xml(l) for n, l in expected.items()}
        for n in NETWORKS:
            assert g.nodes[n]["themes"] == "|".join(t.strip() for t in NETWORKS[n]["themes"].split("|")) or not NETWORKS[n]["themes"]


def test_tables_to_pandas(hostile):
    geography, dataset = hostile
    portfolio = alueverkko.portfolio(dataset, geography).to_pandas()
    assert dict(zip(portfolio["id"], portfolio["name"])) == {i: ACTOR_NAMES[i] for i in portfolio["id"]}
    overlap = alueverkko.network_overlap(dataset, geography).to_pandas()
    for row in overlap.itertuples():
        assert (row.name_a, row.name_b) == (NETWORK_NAMES[row.network_a], NETWORK_NAMES[row.network_b])
    coverage = alueverkko.coverage_table(dataset, geography, "municipality").to_pandas()
    assert dict(zip(coverage["code"], coverage["name"])) == PLACE_NAMES["municipality"]
    # and out again through pandas' own CSV writer and reader
    import io
    import pandas as pd
    back = pd.read_csv(io.StringIO(coverage.to_csv(index=False)), dtype=str, keep_default_na=False)
    assert dict(zip(back["code"], back["name"])) == PLACE_NAMES["municipality"]


# --- the HTML report -----------------------------------------------------------------------------

class PageText(html.parser.HTMLParser):
    """The text of an HTML page, and what in it could run."""
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.text, self.running = [], []

    def handle_starttag(self, tag, attrs):
        if tag == "script" or any(name.startswith("on") for name, _ in attrs):
            self.running.append((tag, attrs))

    def handle_data(self, data):
        self.text.append(data)


def test_report_html_and_tables(hostile, tmp_path):
    geography, dataset = hostile
    report = alueverkko.write_report(dataset, geography, tmp_path / "report")
    page = PageText()
    page.feed(Path(report["index"]).read_text(encoding="utf-8"))
    page.close()
    assert not page.running
    text = "".join(page.text)
    assert TITLE in text
    for row in read_csv(tmp_path / "report" / "tables" / "networks.csv"):
        assert row["name"] == NETWORK_NAMES[row["network_id"]]
        assert in_xml(row["name"]) in text
    for row in read_csv(tmp_path / "report" / "tables" / "centrality_top.csv"):
        assert row["name"] == LEVEL_NAMES["municipality"][row["code"]]
        assert in_xml(row["name"]) in text
