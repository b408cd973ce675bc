"""Issue 11 (escaping), issue 10 acceptance: hostile names stay text in every output of the CLI.

The fixture tests/data/hostile (written by tests/data/hostile/make_hostile.py) names actors,
networks, themes, places of its own geography (hostile-2021, with boundaries) and the data set
itself with `<script>`, quotes, ampersands, line breaks, `</svg>`, `]]>`, `-->`, DOT backslash
sequences (`\\N`, `\\l`, `\\"`), `{}`/`%s`, commas and semicolons, right-to-left marks, non-BMP
emoji, C0 control characters and DEL, and CSV formula prefixes (`=+-@`). Every writer's output is
read back with a real parser (xml.etree, networkx, json, csv, Graphviz, GDAL, html.parser) and each
name must come back exactly, with nothing executable (no <script> element, no on* attribute, no
javascript: link); in XML outputs the controls XML 1.0 forbids come back as U+FFFD (oracle.in_xml).

The writers, and where each is read back here:
  CSV tables (io/table.hpp write_csv)   test_tables_json_and_csv, test_geography_table, test_convert_csv,
                                        test_draw_positions_csv, test_html_report (tables/*.csv)
  JSON (json_string)                    test_tables_json_and_csv, test_geography_table,
                                        test_graph_commands_*, test_json_input_path_not_utf8
  GraphML, GEXF (io/xml.hpp)            test_convert_xml
  DOT (io/dot.hpp)                      test_convert_dot, test_draw_dot, test_draw_plain_hostile_names
  GeoJSON                               test_convert_geojson
  SVG maps (render/svg.hpp)             test_map_*
  Graphviz SVG (render/graphviz.hpp)    test_draw_*
  the HTML report (report/html.hpp)     test_html_report
  text on standard error                test_diagnostics_stay_one_per_line
"""
import csv
import html
import html.parser
import io
import json
import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET

import pytest

from conftest import REPO, run_cli

FI2021 = REPO / "data" / "geography" / "fi-2021"
RULES = REPO / "data" / "collaborations" / "call_rules_2021" / "rules.json"

sys.path.insert(0, str(REPO / "tests" / "data" / "hostile"))
from oracle import (  # noqa: E402  (the fixture read with csv and json, shared with tests/python)
    ACTORS, DATASET, DATASET_FI, DATASET_JSON, GEOGRAPHY, GEOGRAPHY_JSON, HOSTILE, MUNICIPALITIES, NETWORKS, REGIONS,
    SUBREGIONS, in_xml, read_csv,
)
FOREIGN = {i: a for i, a in ACTORS.items() if a["country"] not in ("", "FI")}
ACTOR_NAMES = {i: a["name"] for i, a in ACTORS.items()}
NETWORK_NAMES = {i: n["name"] for i, n in NETWORKS.items()}
PLACE_NAMES = {
    "municipality": {c: r["name_fi"] for c, r in MUNICIPALITIES.items()},
    "subregion": {c: r["name_fi"] for c, r in SUBREGIONS.items()},
    "region": {c: r["name_fi"] for c, r in REGIONS.items()},
}
# Every level's vertex names: places by their Finnish names, foreign actors by their own names.
LEVEL_NAMES = {level: {**names, **{i: ACTOR_NAMES[i] for i in FOREIGN}} for level, names in PLACE_NAMES.items()}
LEVEL_NAMES["actor"] = ACTOR_NAMES


def test_fixture_is_hostile_enough():
    every = (list(ACTOR_NAMES.values()) + list(NETWORK_NAMES.values())
             + [n[k] for n in NETWORKS.values() for k in ("name_en", "themes", "focus", "financing")]
             + [v for names in PLACE_NAMES.values() for v in names.values()]
             + [r["name_sv"] for r in MUNICIPALITIES.values()]
             + [DATASET_JSON["title"], GEOGRAPHY_JSON["attribution"]])
    text = "\n".join(every)
    for needle in ("<script>alert(1)</script>", '"double" and \'single\' quotes', "AT&T & co", "</svg>", "]]>",
                   "-->", '\\"', "\\N", "\\l", "{}", "%s", "\u200f", "\U0001F98C", "\t", "\u2028", ",", ";",
                   "\x01", "\x1b", "\x7f"):
        assert needle in text, needle
    assert any("\n" in v for v in ACTOR_NAMES.values()) and any("\n" in v for v in NETWORK_NAMES.values())
    for prefix in "=+-@":
        assert any(v.startswith(prefix) for v in every), prefix


def test_fixture_validates():
    r = run_cli("validate", DATASET)
    assert r.returncode == 0, r.stdout + r.stderr
    r = run_cli("validate", DATASET_FI, "--geography", FI2021)
    assert r.returncode == 0, r.stdout + r.stderr


def ok(*args):
    r = run_cli(*args)
    assert r.returncode == 0, f"alueverkko {' '.join(map(str, args))}\n{r.stdout}\n{r.stderr}"
    return r


# --- SVG and HTML checks ------------------------------------------------------------------------

def local(tag):
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def parse_svg(path):
    """Parses with xml.etree and checks that nothing in it is executable."""
    root = ET.parse(path).getroot()
    assert local(root.tag) == "svg"
    for el in root.iter():
        assert local(el.tag) not in ("script", "foreignObject", "iframe", "object", "embed", "handler"), el.tag
        for name, value in el.attrib.items():
            assert not local(name).lower().startswith("on"), (el.tag, name, value)
            if local(name) == "href":
                assert not value.strip().lower().startswith(("javascript:", "data:")), value
    return root


def texts(root, tags=("text", "title")):
    return ["".join(el.itertext()) for el in root.iter() if local(el.tag) in tags]


def graphviz_node_labels(root):
    """Graphviz SVG: the text lines of each node group, joined by line feeds (Graphviz writes a
    label's lines as separate <text> elements)."""
    labels = {}
    for g in root.iter():
        if local(g.tag) == "g" and g.get("class") == "node":
            title = next(el for el in g if local(el.tag) == "title")
            lines = ["".join(t.itertext()) for t in g.iter() if local(t.tag) == "text"]
            labels["".join(title.itertext())] = "\n".join(lines)
    return labels


# --- map -----------------------------------------------------------------------------------------

def test_map_municipalities(tmp_path):
    out = tmp_path / "map.svg"
    ok("map", DATASET, "--labels", 6, "--out", out, "-q")
    root = parse_svg(out)
    t = texts(root, ("text",))
    assert DATASET_JSON["title"] in t  # the title element, exactly
    for code, name in PLACE_NAMES["municipality"].items():
        assert name in t, (code, name)  # labels
        assert any(s.startswith(name + ": ") for s in texts(root, ("title",))), (code, name)  # tooltips
    attribution = "\n".join(t)
    assert GEOGRAPHY_JSON["attribution"] in attribution
    assert GEOGRAPHY_JSON["name"] in attribution
    assert DATASET_JSON["sources"][0]["publisher"] in attribution


@pytest.mark.parametrize("level", ["subregion", "region"])
def test_map_areas(tmp_path, level):
    out = tmp_path / "map.svg"
    ok("map", DATASET, "--level", level, "--labels", 3, "--edges", "all", "--markers", "networks", "--out", out, "-q")
    root = parse_svg(out)
    t = texts(root, ("text",))
    for code, name in PLACE_NAMES[level].items():
        assert name in t, (code, name)


@pytest.mark.parametrize("network", sorted(NETWORKS))
def test_map_footprint(tmp_path, network):
    out = tmp_path / "fp.svg"
    ok("map", DATASET, "--network", network, "--labels", 6, "--out", out, "-q")
    root = parse_svg(out)
    assert f"{network}: {NETWORK_NAMES[network]}" in texts(root, ("text",))  # the title: "ID: name"


def test_map_each_network(tmp_path):
    ok("map", DATASET, "--each-network", tmp_path, "--format", "svg", "-q")
    for network, name in NETWORK_NAMES.items():
        root = parse_svg(tmp_path / f"{network}.svg")
        assert f"{network}: {name}" in texts(root, ("text",))


def test_map_own_title_and_values(tmp_path):
    values = tmp_path / "values.csv"
    values.write_text('code,value\n091,1\n049,2\n018,3\n', encoding="utf-8")
    title = '<script>alert("t")</script> & \'x\' ]]> --> \\N\nline 2 \U0001F600'
    heading = '</text><script>alert(2)</script> & "h"'
    out = tmp_path / "values.svg"
    ok("map", "--values", values, "--value-name", heading, "--geography", GEOGRAPHY, "--title", title, "--out", out, "-q")
    t = texts(parse_svg(out), ("text",))
    assert title in t
    assert heading in t


def test_map_on_fi2021(tmp_path):
    out = tmp_path / "fi.svg"
    ok("map", DATASET_FI, "--geography", FI2021, "--network", "n-dot", "--out", out, "-q")
    assert "n-dot: " + NETWORK_NAMES["n-dot"] in texts(parse_svg(out), ("text",))
    out = tmp_path / "fi-all.svg"
    ok("map", DATASET_FI, "--geography", FI2021, "--out", out, "-q")
    assert DATASET_JSON["title"] in texts(parse_svg(out), ("text",))


# --- draw and DOT -----------------------------------------------------------------------------

def graphviz(*args, input_path):
    r = subprocess.run([*args, str(input_path)], capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    return r.stdout


def unescape_escapes(value):
    """The backslash escapes of a DOT escString: \\\\ \\" and \\n (\\l, \\r: line ends)."""
    out, i = [], 0
    while i < len(value):
        c = value[i]
        if c == "\\" and i + 1 < len(value):
            n = value[i + 1]
            out.append("\n" if n in "nlr" else n)
            i += 2
        else:
            out.append(c)
            i += 1
    return "".join(out)


def unescape_dot(value):
    """A DOT escString as Graphviz reads a label: its escapes, then HTML entities."""
    return html.unescape(unescape_escapes(value))


def unescape_tooltip(value):
    """A tooltip: Graphviz 2.43 expands its escapes twice, so we write them doubled (src/render/graphviz.cpp)."""
    return html.unescape(unescape_escapes(unescape_escapes(value)))


def check_dot(path, names, attribute):
    """`dot -Tsvg` and `neato [-n2] -Tjson` read the DOT file; the labels are the names."""
    svg = path.with_suffix(".gv.svg")
    svg.write_text(graphviz("dot", "-Tsvg", input_path=path), encoding="utf-8")
    drawn = graphviz_node_labels(parse_svg(svg))
    pinned = "pos=" in path.read_text(encoding="utf-8")  # place levels: pinned, else laid out by neato
    data = json.loads(graphviz("neato", *(["-n2"] if pinned else []), "-Tjson", input_path=path))
    read = {o["name"]: unescape_dot(o.get(attribute, "")) for o in data["objects"]}
    for vertex_id, name in names.items():
        assert read[vertex_id] == in_xml(name), (vertex_id, read[vertex_id], name)
        assert drawn[vertex_id] == in_xml(name), (vertex_id, drawn[vertex_id], name)


@pytest.mark.parametrize("level", ["municipality", "subregion", "region"])
@pytest.mark.parametrize("layout", ["sfdp", "geographic"])
def test_draw_svg(tmp_path, level, layout):
    out = tmp_path / "d.svg"
    ok("draw", DATASET, "--level", level, "--layout", layout, "--labels", 30, "--out", out, "-q")
    labels = graphviz_node_labels(parse_svg(out))
    for code, name in PLACE_NAMES[level].items():
        if code in labels:
            assert labels[code] == name, (code, labels[code], name)
    assert set(PLACE_NAMES[level]) <= set(labels) or level != "municipality"


def test_draw_actor_level_svg(tmp_path):
    # docs/drawing.md: actors are named by their ids in drawings; the SVG must still parse cleanly.
    out = tmp_path / "d.svg"
    ok("draw", DATASET, "--level", "actor", "--labels", 30, "--out", out, "-q")
    labels = graphviz_node_labels(parse_svg(out))
    assert set(labels) == set(ACTORS)


@pytest.mark.parametrize("level", ["municipality", "region"])
def test_draw_dot(tmp_path, level):
    out = tmp_path / "d.dot"
    ok("draw", DATASET, "--level", level, "--layout", "geographic", "--labels", 30, "--out", out, "-q")
    names = {c: n for c, n in PLACE_NAMES[level].items() if c in out.read_text(encoding="utf-8")}
    assert names
    check_dot(out, {c: PLACE_NAMES[level][c] for c in names}, "xlabel")


# --- convert -----------------------------------------------------------------------------------

nx = pytest.importorskip("networkx")


def expected_labels(level):
    if level == "two-mode":
        return {**ACTOR_NAMES, **NETWORK_NAMES}
    return LEVEL_NAMES[level]


@pytest.mark.parametrize("level", ["actor", "municipality", "subregion", "region", "two-mode"])
@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_convert_xml(tmp_path, level, fmt):
    out = tmp_path / f"g.{fmt}"
    ok("convert", DATASET, "--level", level, "--out", out, "-q")
    ET.parse(out)  # well-formed XML
    g = nx.read_graphml(out) if fmt == "graphml" else nx.read_gexf(out)
    expected = expected_labels(level)
    assert set(g.nodes) <= set(expected) and len(g) > 0
    for node, attrs in g.nodes(data=True):
        assert attrs["label"] == in_xml(expected[node]), (node, attrs["label"], expected[node])
        if level in PLACE_NAMES and node in MUNICIPALITIES and level == "municipality":
            assert attrs["name_sv"] == MUNICIPALITIES[node]["name_sv"]
        if level == "two-mode" and node in NETWORKS and NETWORKS[node]["themes"]:
            themes = "|".join(t.strip() for t in NETWORKS[node]["themes"].split("|"))
            assert attrs["themes"] == themes


@pytest.mark.parametrize("level", ["actor", "municipality", "subregion", "region", "two-mode"])
def test_convert_csv(tmp_path, level):
    out = tmp_path / "edges.csv"
    ok("convert", DATASET, "--level", level, "--out", out, "-q")
    expected = expected_labels(level)
    nodes = read_csv(tmp_path / "edges.nodes.csv")
    assert nodes
    for row in nodes:
        assert row["label"] == expected[row["id"]], row
    edges = read_csv(out)
    assert edges
    for row in edges:
        assert row["source_name"] == expected[row["source"]] and row["target_name"] == expected[row["target"]], row
    raw = out.read_bytes() + (tmp_path / "edges.nodes.csv").read_bytes()
    assert b"\r\n" not in raw  # \n line ends; a line break in a name stays inside its quotes


@pytest.mark.parametrize("level", ["actor", "municipality", "region"])
def test_convert_dot(tmp_path, level):
    out = tmp_path / "g.dot"
    ok("convert", DATASET, "--level", level, "--out", out, "-q")
    text = out.read_text(encoding="utf-8")
    names = {i: n for i, n in LEVEL_NAMES[level].items() if f'"{i}"' in text}
    assert names
    check_dot(out, names, "label")


@pytest.mark.parametrize("level", ["actor", "municipality", "subregion", "region"])
def test_convert_geojson(tmp_path, level):
    out = tmp_path / "g.geojson"
    ok("convert", DATASET, "--level", level, "--out", out, "-q")
    raw = out.read_text(encoding="utf-8")
    data = json.loads(raw, parse_constant=lambda c: pytest.fail(f"non-JSON constant {c}"))
    assert not re.search(r"[<>&]", raw), "docs/export.md: JSON escapes <, > and & as \\uXXXX"
    expected = LEVEL_NAMES[level]
    kinds = set()
    for feature in data["features"]:
        p = feature["properties"]
        kinds.add(p["feature_kind"])
        if p["feature_kind"] == "area":
            assert p["name"] == PLACE_NAMES[level][p["code"]]
            if level == "municipality":
                assert p["name_sv"] == MUNICIPALITIES[p["code"]]["name_sv"]
        elif p["feature_kind"] == "edge":
            assert p["source_name"] == expected[p["source"]] and p["target_name"] == expected[p["target"]]
        elif p["feature_kind"] == "place":
            assert p["label"] == expected[p["id"]]
    assert "place" in kinds and "edge" in kinds
    if shutil.which("ogrinfo"):
        r = subprocess.run(["ogrinfo", "-ro", "-al", "-so", str(out)], capture_output=True, text=True, timeout=60)
        assert r.returncode == 0, r.stderr
    if shutil.which("ogr2ogr"):
        # GDAL reads the names back too (written as CSV by GDAL, read with the csv module).
        r = subprocess.run(["ogr2ogr", "-f", "CSV", "/vsistdout/", str(out)], capture_output=True, timeout=60)
        assert r.returncode == 0, r.stderr
        rows = list(csv.DictReader(io.StringIO(r.stdout.decode("utf-8"), newline="")))
        for row in rows:
            if row["feature_kind"] == "place":
                assert row["label"] == expected[row["id"]], row
            if row["feature_kind"] == "area":
                assert row["name"] == PLACE_NAMES[level][row["code"]], row


# --- analyses: json and csv ------------------------------------------------------------------

def load_json(text):
    assert not re.search(r"[<>&]", text), "JSON escapes <, > and & as \\uXXXX"
    return json.loads(text, parse_constant=lambda c: pytest.fail(f"non-JSON constant {c}"))


def rows_of(data):
    return data["rows"] if isinstance(data, dict) else data


NAME_CHECKS = {
    # (command args) -> list of (id column, name column, names)
    ("coverage", "--by", "municipality"): [("code", "name", PLACE_NAMES["municipality"])],
    ("coverage", "--by", "subregion"): [("code", "name", PLACE_NAMES["subregion"])],
    ("coverage", "--by", "region"): [("code", "name", PLACE_NAMES["region"])],
    ("coverage", "--report", "participation"): [("code", "name", PLACE_NAMES["municipality"])],
    ("coverage", "--report", "footprint"): [("network_id", "name", NETWORK_NAMES)],
    ("overlap",): [("network_a", "name_a", NETWORK_NAMES), ("network_b", "name_b", NETWORK_NAMES)],
    ("overlap", "--near-duplicates", "--threshold", "0"): [("network_a", "name_a", NETWORK_NAMES),
                                                          ("network_b", "name_b", NETWORK_NAMES)],
    ("overlap", "--portfolio"): [("id", "name", ACTOR_NAMES)],
    ("overlap", "--portfolio", "--level", "municipality"): [("id", "name", LEVEL_NAMES["municipality"])],
    ("brokerage", "--report", "diversity"): [("network", "name", NETWORK_NAMES)],
    ("brokerage", "--report", "regions"): [("code", "name", PLACE_NAMES["region"])],
    ("brokerage", "--report", "regions", "--group", "subregion"): [("code", "name", PLACE_NAMES["subregion"])],
    ("brokerage", "--report", "roles"): [("id", "name", LEVEL_NAMES["municipality"])],
    ("eligibility", "--rules", str(RULES)): [("network_id", "name", NETWORK_NAMES),
                                             ("lead_id", "lead_name", ACTOR_NAMES),
                                             ("lead_region_code", "lead_region", PLACE_NAMES["region"])],
}


def check_json_and_csv(args, checks):
    """The command's --format json and csv tables: each (id column, name column, names) check
    holds on every row (an empty id, e.g. a network without a lead, has an empty name)."""
    data = rows_of(load_json(ok(*args, "--format", "json", "-q").stdout))
    table = list(csv.DictReader(io.StringIO(ok(*args, "--format", "csv", "-q").stdout, newline="")))
    assert data and len(data) == len(table)
    for json_row, csv_row in zip(data, table):
        for id_column, name_column, names in checks:
            assert json_row[name_column] == names.get(json_row[id_column], ""), json_row
            assert csv_row[name_column] == names.get(csv_row[id_column], ""), csv_row


@pytest.mark.parametrize("args", list(NAME_CHECKS), ids=lambda a: "-".join(a[:3]))
def test_tables_json_and_csv(args):
    check_json_and_csv([*args, DATASET], NAME_CHECKS[args])


@pytest.mark.parametrize("level, names", [
    ("municipality", [("code", "name_fi", PLACE_NAMES["municipality"]),
                      ("code", "name_sv", {c: r["name_sv"] for c, r in MUNICIPALITIES.items()})]),
    ("subregion", [("code", "name_fi", PLACE_NAMES["subregion"]),
                   ("code", "name_en", {c: r["name_en"] for c, r in SUBREGIONS.items()})]),
    ("region", [("code", "name_fi", PLACE_NAMES["region"])]),
])
def test_geography_table(level, names):
    check_json_and_csv(["geography", GEOGRAPHY, "--by", level], names)


def test_json_input_path_not_utf8(tmp_path):
    """A path is bytes: one that is not UTF-8 (a Latin-1 directory name) is written into the JSON
    header with U+FFFD, so that the output stays JSON (RFC 8259: UTF-8)."""
    weird = tmp_path / os.fsdecode(b"aineisto-\xe4\xf6")
    shutil.copytree(DATASET, weird)
    r = run_cli("metrics", weird, "--geography", GEOGRAPHY, "--measure", "degree", "--format", "json", "-q")
    assert r.returncode == 0, r.stderr
    data = load_json(r.stdout)
    assert data["graph"]["input"] == str(tmp_path / "aineisto-\ufffd\ufffd")


def test_diagnostics_stay_one_per_line(tmp_path):
    """A value's line break is written as \\n in the diagnostic quoting it: no forged lines."""
    broken = tmp_path / "broken"
    shutil.copytree(DATASET, broken)
    actors = (broken / "actors.csv").read_text(encoding="utf-8")
    (broken / "actors.csv").write_text(actors.replace(",university,", ',"univ\nfake.csv:1:1: forged",', 1),
                                       encoding="utf-8")
    r = run_cli("validate", broken, "--geography", GEOGRAPHY)
    assert r.returncode == 1
    assert len(r.stderr.splitlines()) == 1, r.stderr
    assert "'univ\\nfake.csv:1:1: forged'" in r.stderr


HOSTILE_THEMES = ["AT&T", '"quoted"', "<b>bold</b>"]


@pytest.mark.parametrize("args", [
    ("metrics", "--measure", "degree,betweenness", "--level", "actor"),
    ("communities", "--method", "leiden", "--seed", "1", "--level", "actor"),
    ("backbone", "--method", "disparity", "--alpha", "1", "--level", "actor"),
    ("backbone", "--method", "sdsm", "--alpha", "1", "--level", "actor"),
], ids=lambda a: a[0] + "-" + a[2])
def test_graph_commands_hostile_input_and_theme(tmp_path, args):
    """metrics, communities, backbone write ids only; their JSON header repeats the input path and
    the --theme filter, so both are made hostile here."""
    weird = tmp_path / 'dir <script>alert(1)</script> "q" & \\ \u200f\U0001F600'
    shutil.copytree(DATASET, weird)
    themes = [a for t in HOSTILE_THEMES for a in ("--theme", t)]
    data = load_json(ok(*args, weird, "--geography", GEOGRAPHY, *themes, "--format", "json", "-q").stdout)
    assert data["graph"]["input"] == str(weird)
    assert data["graph"]["theme"] == "|".join(HOSTILE_THEMES)
    assert data["rows"] or args[2] == "sdsm"  # (sdsm keeps no tie of this tiny graph)
    table = list(csv.DictReader(io.StringIO(ok(*args, weird, "--geography", GEOGRAPHY, *themes, "--format", "csv",
                                               "-q").stdout, newline="")))
    assert len(table) == len(data["rows"])
    for row in table:
        for key in ("id", "source", "target"):
            if key in row:
                assert row[key] in ACTORS


def test_csv_formula_prefixes_are_kept_verbatim():
    """CSV output is data: names starting with = + - @ come back unchanged (not neutralised with a
    leading quote); see the report to the lead about spreadsheet formula injection."""
    table = list(csv.DictReader(io.StringIO(ok("overlap", "--portfolio", DATASET, "-q").stdout, newline="")))
    names = {row["name"] for row in table}
    assert {'=HYPERLINK("http://evil.example","click")', "+1+1", "-2+3", "@SUM(A1:A2)"} <= names


# --- the HTML report (issue 10) ----------------------------------------------------------------

class Collector(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags, self.data, self.stack, self.bad = [], [], [], []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        for name, value in attrs:
            if name.lower().startswith("on"):
                self.bad.append((tag, name, value))
            if name.lower() in ("href", "src", "xlink:href") and value and value.strip().lower().startswith("javascript:"):
                self.bad.append((tag, name, value))

    def handle_data(self, data):
        self.data.append(data)


def report_available():
    r = run_cli("report", "--help")
    return r.returncode == 0 and "Usage: alueverkko report" in r.stdout


@pytest.mark.skipif(not report_available(), reason="alueverkko report (issue 10) is not there yet")
def test_html_report(tmp_path):
    out = tmp_path / "report"
    ok("report", DATASET, "--out", out)
    pages = sorted(out.rglob("*.html")) if out.is_dir() else [out]
    assert pages
    text = []
    for page in pages:
        parser = Collector()
        parser.feed(page.read_text(encoding="utf-8"))
        parser.close()
        assert "script" not in parser.tags, page
        assert not parser.bad, parser.bad
        text.append("".join(parser.data))
    for svg in (out.rglob("*.svg") if out.is_dir() else []):
        parse_svg(svg)
    alltext = "\n".join(text)
    assert DATASET_JSON["title"] in alltext
    for name in NETWORK_NAMES.values():
        assert name in alltext, name
    # The tables beside the page, and the same names in the page's tables.
    tables = {
        "networks": [("network_id", "name", NETWORK_NAMES)],
        "centrality_top": [("code", "name", LEVEL_NAMES["municipality"])],
        "gaps_by_region": [("code", "name", PLACE_NAMES["region"])],
        "overlap_top_pairs": [("network_a", "name_a", NETWORK_NAMES), ("network_b", "name_b", NETWORK_NAMES)],
    }
    for stem, checks in tables.items():
        rows = read_csv(out / "tables" / f"{stem}.csv")
        assert rows, stem
        for row in rows:
            for id_column, name_column, names in checks:
                assert row[name_column] == names.get(row[id_column], ""), (stem, row)
                assert in_xml(row[name_column]) in alltext, (stem, row[name_column])
    leads = {row["lead"] for row in read_csv(out / "tables" / "networks.csv")}
    assert leads - {""} and leads <= {*ACTOR_NAMES.values(), ""}


# --- plain inputs whose vertex names are the hostile names (--edges, --memberships) -------------

PLAIN_EDGES = HOSTILE / "edges.csv"
PLAIN_MEMBERSHIPS = HOSTILE / "memberships.csv"
PLAIN_NAMES = {row["source"] for row in read_csv(PLAIN_EDGES)} | {row["target"] for row in read_csv(PLAIN_EDGES)}
MEMBER_NAMES = {row["actor"] for row in read_csv(PLAIN_MEMBERSHIPS)}


def test_plain_inputs_hold_every_hostile_name():
    assert PLAIN_NAMES == set(ACTOR_NAMES.values()) == MEMBER_NAMES


@pytest.mark.parametrize("source", ["--edges", "--memberships"])
@pytest.mark.parametrize("args", [
    ("metrics", "--measure", "degree,pagerank"),
    ("communities", "--method", "louvain", "--seed", "1"),
    ("backbone", "--method", "disparity", "--alpha", "1"),
    ("backbone", "--method", "sdsm", "--alpha", "1", "--tail", "both", "--all-pairs"),
], ids=lambda a: a if isinstance(a, str) else a[0] + "-" + a[2])
def test_graph_commands_hostile_vertex_names(source, args):
    if args[2] == "sdsm" and source == "--edges":
        pytest.skip("sdsm needs a two-mode input")
    path = PLAIN_EDGES if source == "--edges" else PLAIN_MEMBERSHIPS
    data = load_json(ok(*args, source, path, "--format", "json", "-q").stdout)
    table = list(csv.DictReader(io.StringIO(ok(*args, source, path, "--format", "csv", "-q").stdout, newline="")))
    assert len(table) == len(data["rows"])
    seen = set()
    for json_row, csv_row in zip(data["rows"], table):
        for k in ("id", "source", "target"):
            if k in json_row:
                assert json_row[k] in PLAIN_NAMES and csv_row[k] == json_row[k], (json_row, csv_row)
                seen.add(json_row[k])
    if args[0] != "backbone":
        assert seen == PLAIN_NAMES


def node_tooltips(root):
    tips = {}
    for g in root.iter():
        if local(g.tag) == "g" and g.get("class") == "node":
            for a in g.iter():
                for name, value in a.attrib.items():
                    if local(name) == "title":
                        tips.setdefault(id(g), value)
            tips.setdefault(id(g), None)
    return list(tips.values())


@pytest.mark.parametrize("source", ["--edges", "--memberships"])
@pytest.mark.parametrize("layout", ["sfdp", "circo"])
def test_draw_plain_hostile_names(tmp_path, source, layout):
    path = PLAIN_EDGES if source == "--edges" else PLAIN_MEMBERSHIPS
    svg, dot = tmp_path / "d.svg", tmp_path / "d.dot"
    ok("draw", source, path, "--layout", layout, "--labels", 100, "--out", svg, "-q")
    ok("draw", source, path, "--layout", layout, "--labels", 100, "--out", dot, "-q")
    names = sorted(map(in_xml, PLAIN_NAMES))
    root = parse_svg(svg)
    assert sorted(graphviz_node_labels(root).values()) == names
    # the DOT file: Graphviz reads it back, with the same labels
    redrawn = dot.with_suffix(".redrawn.svg")
    redrawn.write_text(graphviz("neato", "-n2", "-Tsvg", input_path=dot), encoding="utf-8")
    assert sorted(graphviz_node_labels(parse_svg(redrawn)).values()) == names
    data = json.loads(graphviz("neato", "-n2", "-Tjson", input_path=dot))
    assert sorted(unescape_dot(o["xlabel"]) for o in data["objects"]) == names
    assert sorted(unescape_tooltip(o["tooltip"]) for o in data["objects"]) == names


def test_draw_positions_csv(tmp_path):
    """--positions writes id,x,y with the vertex names as ids."""
    ok("draw", "--edges", PLAIN_EDGES, "--out", tmp_path / "d.svg", "--positions", tmp_path / "p.csv", "-q")
    assert sorted(row["id"] for row in read_csv(tmp_path / "p.csv")) == sorted(PLAIN_NAMES)


def test_draw_tooltips_are_the_names(tmp_path):
    svg = tmp_path / "d.svg"
    ok("draw", "--edges", PLAIN_EDGES, "--labels", 100, "--out", svg, "-q")
    # docs/drawing.md: every node's id is its SVG tooltip. Graphviz writes a tab raw into the
    # xlink:title attribute, which XML attribute normalisation reads as a space (a Graphviz
    # limitation: escString has no tab escape); everything else must come back exactly.
    assert sorted(node_tooltips(parse_svg(svg))) == sorted(in_xml(n).replace("\t", " ") for n in PLAIN_NAMES)


def test_convert_description_with_hostile_themes(tmp_path):
    """The --theme filters are repeated in GraphML <desc>, GEXF <description> and GeoJSON description."""
    themes = ["line\nbreak", "AT&T & co", "<b>bold</b>"]
    args = [a for t in themes for a in ("--theme", t)]
    joined = "theme: " + "|".join(themes) + ";"
    for fmt in ("graphml", "gexf", "geojson", "dot"):
        out = tmp_path / f"t.{fmt}"
        ok("convert", DATASET, *args, "--out", out, "-q")
        if fmt == "geojson":
            assert joined in load_json(out.read_text(encoding="utf-8"))["description"]
        elif fmt == "dot":
            graphviz("dot", "-Tsvg", input_path=out)  # still one graph that Graphviz reads
            assert "line\nbreak" not in out.read_text(encoding="utf-8")
        else:
            root = ET.parse(out).getroot()
            descriptions = [t for t in texts(root, ("desc", "description"))]
            assert any(joined in d for d in descriptions), descriptions
