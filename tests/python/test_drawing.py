"""Graphviz drawings from Python: layouts (one finite position per vertex, repeatable), our DOT and
the drawings' DOT read back by Graphviz's own binaries, SVG parsed by xml.etree with hostile names,
node sizes against networkx degrees, and map positions against PROJ's cs2cs."""
import json
import math
import subprocess
import xml.etree.ElementTree as ET

import networkx as nx
import numpy as np
import pandas as pd
import pytest

import alueverkko
from alueverkko import _core
from alueverkko._drawing import draw, layout, to_dot
from graphs import to_weighted

SVG = "{http://www.w3.org/2000/svg}"
ENGINES = ["sfdp", "fdp", "neato", "circo", "dot"]


@pytest.fixture(scope="module")
def karate():
    G = nx.karate_club_graph()
    return G, to_weighted(G)


def graphviz(command, text):
    """Runs a Graphviz binary on DOT text; its standard output."""
    result = subprocess.run(command, input=text, capture_output=True, text=True, check=True, timeout=60)
    return result.stdout


def plain_nodes(text):
    """name -> (x, y) in points from -Tplain (inches)."""
    nodes = {}
    for line in text.splitlines():
        fields = line.split()
        if fields and fields[0] == "node":
            nodes[fields[1].strip('"')] = (float(fields[2]) * 72, float(fields[3]) * 72)
    return nodes


def node_widths(drawing):
    """Node diameters in points by node id, from the drawing's DOT."""
    widths = {}
    for line in drawing.to_dot().splitlines():
        if 'width="' in line and "pos=" in line:
            widths[line.split('"')[1]] = float(line.split('width="')[1].split('"')[0]) * 72
    return widths


@pytest.mark.parametrize("engine", ENGINES)
def test_layout_one_finite_position_per_vertex_repeatable(karate, engine):
    G, g = karate
    p = layout(g, engine, seed=3)
    assert p.shape == (G.number_of_nodes(), 2)
    assert np.isfinite(p).all()
    if engine != "fdp":  # Graphviz 2.43's fdp is repeatable per process only (see tests/cli)
        assert np.allclose(p, layout(g, engine, seed=3), rtol=0, atol=1e-9)
    assert len({(round(x, 3), round(y, 3)) for x, y in p.tolist()}) == G.number_of_nodes()  # distinct
    frame = layout(g, engine, seed=3, frame=True)
    assert frame.index.tolist() == g.labels and frame.columns.tolist() == ["x", "y"]
    if engine != "fdp":
        assert np.allclose(frame.to_numpy(), p, rtol=0, atol=1e-9)


def test_seed_changes_force_directed_layouts(karate):
    _, g = karate
    assert not np.allclose(layout(g, "neato", seed=1), layout(g, "neato", seed=2))


def test_our_dot_read_back_by_graphviz_json(karate):
    G, g = karate
    positions = np.column_stack([np.arange(g.vertex_count) * 10.0, np.arange(g.vertex_count) ** 1.5])
    doc = json.loads(graphviz(["neato", "-n2", "-Tjson"], to_dot(g, positions)))
    nodes = {o["name"]: tuple(map(float, o["pos"].split(","))) for o in doc["objects"]}
    assert len(nodes) == G.number_of_nodes()
    assert len(doc["edges"]) == G.number_of_edges()
    for v, label in enumerate(g.labels):
        assert nodes[label] == pytest.approx(tuple(positions[v]), abs=0.01)
    # weights as written: the graph's (networkx's karate weights)
    weights = sorted(float(e["weight"]) for e in doc["edges"])
    assert weights == sorted(float(d["weight"]) for _, _, d in G.edges(data=True))


def test_drawing_dot_keeps_positions_under_neato_n2(karate):
    G, g = karate
    d = draw(g, "sfdp", seed=5, size="degree", color="betweenness", labels=5)
    nodes = plain_nodes(graphviz(["neato", "-n2", "-Tplain"], d.to_dot()))
    assert len(nodes) == G.number_of_nodes()
    for v, label in enumerate(g.labels):
        assert nodes[label] == pytest.approx(tuple(d.positions[v]), abs=0.01)
    x0, y0, x1, y1 = d.bounding_box
    assert (d.positions[:, 0] >= x0).all() and (d.positions[:, 0] <= x1).all()
    assert (d.positions[:, 1] >= y0).all() and (d.positions[:, 1] <= y1).all()


def test_node_area_follows_networkx_degree(karate):
    G, g = karate
    widths = node_widths(draw(g, "circo", size="degree"))
    degree = dict(G.degree())
    lo, hi = min(degree.values()), max(degree.values())
    for node, k in degree.items():
        t = (k - lo) / (hi - lo)
        assert widths[str(node)] == pytest.approx(math.sqrt(5 ** 2 + (24 ** 2 - 5 ** 2) * t), rel=1e-9)
    # a Series by label gives the same drawing as the measure name
    series = pd.Series({str(n): float(k) for n, k in degree.items()})
    assert node_widths(draw(g, "circo", size=series)) == pytest.approx(widths, rel=1e-12)


def test_svg_is_valid_xml_with_every_node_and_edge(karate):
    G, g = karate
    svg = draw(g, "neato", size="degree", labels=3).svg
    root = ET.fromstring(svg.encode("utf-8"))
    groups = root.iter(f"{SVG}g")
    classes = [el.get("class") for el in groups]
    assert classes.count("node") == G.number_of_nodes()
    assert classes.count("edge") == G.number_of_edges()
    texts = [t.text for t in root.iter(f"{SVG}text")]
    assert len(texts) == 3  # the three named vertices


def test_hostile_names_are_escaped_in_svg_and_dot():
    names = ["<script>alert(1)</script>", 'A & "B"', "line\nbreak", "back\\slash"]
    g = alueverkko.WeightedGraph.from_edges(4, np.array([0, 1, 2]), np.array([1, 2, 3]), np.ones(3),
                                            alueverkko.WeightMeaning.affinity, names)
    d = draw(g, "circo", labels=names)
    root = ET.fromstring(d.svg.encode("utf-8"))  # well-formed
    assert not [el for el in root.iter() if el.tag.endswith("script")]
    titles = [t.text for t in root.iter(f"{SVG}title")]
    assert "<script>alert(1)</script>" in titles and 'A & "B"' in titles
    shown = " ".join(t.text for t in root.iter(f"{SVG}text"))
    assert "<script>alert(1)</script>" in shown and 'A & "B"' in shown and "back\\slash" in shown
    # Graphviz reads both DOT texts back: 4 nodes, 3 edges
    for text in (d.to_dot(), to_dot(g)):
        doc = json.loads(graphviz(["dot", "-Tjson"], text))
        assert len(doc["objects"]) == 4 and len(doc["edges"]) == 3


def test_png_pdf_and_save(tmp_path, karate):
    _, g = karate
    d = draw(g, "fdp", color="pagerank")
    png = d.to_png(400)
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    assert int.from_bytes(png[16:20], "big") == 400  # IHDR width
    assert d.to_png()[:8] == b"\x89PNG\r\n\x1a\n"
    assert d.to_pdf()[:5] == b"%PDF-"
    for ext in ("svg", "png", "pdf", "dot"):
        path = d.save(tmp_path / f"k.{ext}")
        assert path.stat().st_size > 100
    with pytest.raises(ValueError, match="format"):
        d.save(tmp_path / "k.gif")
    assert d._repr_svg_() == d.svg
    png = d._repr_png_()
    assert png[:8] == b"\x89PNG\r\n\x1a\n" and int.from_bytes(png[16:20], "big") == 1000


def test_raster_functions_and_errors():
    svg = '<svg xmlns="http://www.w3.org/2000/svg" width="20pt" height="10pt"><rect width="20" height="10"/></svg>'
    png = _core.svg_to_png(svg, 50)
    assert int.from_bytes(png[16:20], "big") == 50 and int.from_bytes(png[20:24], "big") == 25
    assert _core.svg_to_pdf(svg).startswith(b"%PDF-")
    with pytest.raises(RuntimeError, match="invalid SVG"):
        _core.svg_to_png("<svg", 10)


def test_bad_arguments(karate):
    _, g = karate
    with pytest.raises(ValueError, match="one value per vertex"):
        draw(g, size=[1, 2, 3])
    with pytest.raises(ValueError, match="unknown engine"):
        layout(g, "twopi")
    with pytest.raises(ValueError, match="pinned"):
        draw(g, "pinned")
    with pytest.raises(ValueError, match="shape"):
        draw(g, "pinned", positions=np.zeros((3, 2)))
    with pytest.raises(_core.GraphvizError, match="syntax error"):
        draw(g, "dot", graph_attributes="rankdir=")


def test_geographic_positions_match_proj(tmp_path):
    geo = alueverkko.load_geography(alueverkko.data_dir() / "geography" / "fi-2021")
    m = geo.municipalities.to_pandas()
    g = alueverkko.WeightedGraph.from_edges(len(m), np.array([0]), np.array([1]), np.ones(1),
                                            alueverkko.WeightMeaning.affinity, m["code"].tolist())
    p = _core.geographic_positions(g, geo, "municipality", height=720, margin=24)
    # PROJ's own ETRS-TM35FIN (EPSG:3067) of the centres, lat lon order for EPSG:4326
    text = "".join(f"{lat} {lon}\n" for lat, lon in zip(m["centre_lat"], m["centre_lon"]))
    out = subprocess.run(["cs2cs", "-f", "%.4f", "EPSG:4326", "EPSG:3067"], input=text, capture_output=True,
                         text=True, check=True).stdout
    en = np.array([[float(v) for v in line.split()[:2]] for line in out.splitlines()])
    scale = 720 / (en[:, 1].max() - en[:, 1].min())
    expected = np.column_stack([24 + (en[:, 0] - en[:, 0].min()) * scale, 24 + (en[:, 1] - en[:, 1].min()) * scale])
    assert np.abs(p - expected).max() < 0.01
    # regions: the 2021-population-weighted mean of their municipalities
    regions = geo.regions.to_pandas()
    rg = alueverkko.WeightedGraph.from_edges(len(regions), np.array([0]), np.array([1]), np.ones(1),
                                             alueverkko.WeightMeaning.affinity, regions["code"].tolist())
    rp = _core.geographic_positions(rg, geo, "region")
    for i, code in enumerate(regions["code"]):
        inside = (m["region_code"] == code).to_numpy()
        w = m["population_2021"].to_numpy(dtype=float)[inside]
        assert rp[i] == pytest.approx((expected[inside] * w[:, None]).sum(axis=0) / w.sum(), abs=0.01)
    d = draw(rg, "pinned", positions=rp, size=regions["population_2021"].to_numpy(dtype=float), labels=3)
    assert np.array_equal(d.positions, rp)
