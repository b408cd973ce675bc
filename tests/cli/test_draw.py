"""`alueverkko draw`: every layout and output format (SVG parsed by xml.etree, PNG signature and
width, PDF header, DOT read back by Graphviz's `neato -n2`), positions CSV against the DOT, hostile
names escaped, fdp repeatable between runs, bad input exit 1, usage exit 2."""
import csv
import json
import subprocess
import xml.etree.ElementTree as ET

import networkx as nx
import pytest

SVG = "{http://www.w3.org/2000/svg}"
PLAIN = "tests/data/plain"
SMALL = f"{PLAIN}/small-weighted.csv"
IDEA_CALL = "data/collaborations/idea_call_2021"
MINI = "tests/data/valid-mini/collaborations/mini"


def small_graph(repo):
    G = nx.Graph()
    with open(repo / SMALL, newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            w = float(row["weight"])
            if G.has_edge(row["source"], row["target"]):
                G[row["source"]][row["target"]]["weight"] += w
            else:
                G.add_edge(row["source"], row["target"], weight=w)
    return G


def draw(cli, repo, tmp_path, *args, out="g.svg"):
    result = cli("draw", *args, "--out", tmp_path / out, "-q", cwd=repo)
    assert result.returncode == 0, result.stderr
    return tmp_path / out


def svg_classes(path):
    root = ET.parse(path).getroot()
    return root, [g.get("class") for g in root.iter(f"{SVG}g")]


@pytest.mark.parametrize("layout", ["sfdp", "fdp", "neato", "circo", "dot"])
def test_every_layout_draws_every_node_and_edge(cli, repo, tmp_path, layout):
    G = small_graph(repo)
    path = draw(cli, repo, tmp_path, "--edges", SMALL, "--layout", layout, "--size-by", "degree")
    _, classes = svg_classes(path)
    assert classes.count("node") == G.number_of_nodes()
    assert classes.count("edge") == G.number_of_edges()


def test_every_format(cli, repo, tmp_path):
    G = small_graph(repo)
    png = draw(cli, repo, tmp_path, "--edges", SMALL, out="g.png").read_bytes()
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    wide = draw(cli, repo, tmp_path, "--edges", SMALL, "--width", "700", out="w.png").read_bytes()
    assert wide[:8] == b"\x89PNG\r\n\x1a\n" and int.from_bytes(wide[16:20], "big") == 700
    assert draw(cli, repo, tmp_path, "--edges", SMALL, out="g.pdf").read_bytes()[:5] == b"%PDF-"
    dot = draw(cli, repo, tmp_path, "--edges", SMALL, "--positions", tmp_path / "p.csv", out="g.dot")
    doc = json.loads(subprocess.run(["neato", "-n2", "-Tjson", str(dot)], capture_output=True, text=True,
                                    check=True).stdout)
    assert len(doc["objects"]) == G.number_of_nodes() and len(doc["edges"]) == G.number_of_edges()
    # The positions CSV is where Graphviz draws each node.
    pos = {o["name"]: tuple(map(float, o["pos"].split(","))) for o in doc["objects"]}
    with open(tmp_path / "p.csv", newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    assert sorted(r["id"] for r in rows) == sorted(G.nodes)
    for r in rows:
        assert pos[r["id"]] == pytest.approx((float(r["x"]), float(r["y"])), abs=0.01)
    # --format without --out: standard output
    result = cli("draw", "--edges", SMALL, "--format", "svg", "-q", cwd=repo)
    assert result.returncode == 0 and ET.fromstring(result.stdout.encode()).tag == f"{SVG}svg"


def test_fdp_and_sfdp_repeat_between_runs(cli, repo, tmp_path):
    for layout in ("fdp", "sfdp"):
        a = draw(cli, repo, tmp_path, "--edges", SMALL, "--layout", layout, "--seed", "4", out="a.dot").read_text()
        b = draw(cli, repo, tmp_path, "--edges", SMALL, "--layout", layout, "--seed", "4", out="b.dot").read_text()
        assert a == b


def test_geographic_layout_of_regions(cli, repo, tmp_path):
    path = draw(cli, repo, tmp_path, IDEA_CALL, "--level", "region", "--layout", "geographic", "--labels", "19",
                "--positions", tmp_path / "p.csv")
    root, classes = svg_classes(path)
    names = {t.text for t in root.iter(f"{SVG}text")}
    assert {"Uusimaa", "Lappi", "Varsinais-Suomi"} <= names  # Finnish names of the regions
    with open(tmp_path / "p.csv", newline="", encoding="utf-8") as f:
        p = {r["id"]: (float(r["x"]), float(r["y"])) for r in csv.DictReader(f)}
    assert p["19"][1] > p["01"][1] + 300  # Lapland far north of Uusimaa
    assert p["02"][0] < p["01"][0]  # Varsinais-Suomi west of Uusimaa


def test_hostile_names_escaped_in_svg_and_dot(cli, repo, tmp_path):
    src = tmp_path / "hostile.csv"
    src.write_text('source,target,weight\n"<script>alert(1)</script>","A & ""B""",1\n'
                   '"A & ""B""","line\nbreak",2\n"line\nbreak","back\\slash",3\n', encoding="utf-8")
    svg = draw(cli, repo, tmp_path, "--edges", src, "--labels", "4")
    root, classes = svg_classes(svg)
    assert classes.count("node") == 4
    assert not [el for el in root.iter() if el.tag.endswith("script")]
    titles = {t.text for t in root.iter(f"{SVG}title")}
    assert {"<script>alert(1)</script>", 'A & "B"'} <= titles
    texts = " ".join(t.text for t in root.iter(f"{SVG}text"))
    assert "<script>alert(1)</script>" in texts and "back\\slash" in texts
    dot = draw(cli, repo, tmp_path, "--edges", src, out="h.dot")
    doc = json.loads(subprocess.run(["neato", "-n2", "-Tjson", str(dot)], capture_output=True, text=True,
                                    check=True).stdout)
    assert len(doc["objects"]) == 4 and len(doc["edges"]) == 3
    assert "<script>alert(1)</script>" in {o["name"] for o in doc["objects"]}


def test_bad_input_exit_1(cli, repo, tmp_path):
    result = cli("draw", "--edges", f"{PLAIN}/edges-broken.csv", "--out", tmp_path / "x.svg", cwd=repo)
    assert result.returncode == 1
    assert "edges-broken.csv:3:" in result.stderr
    assert not (tmp_path / "x.svg").exists()
    result = cli("draw", "--edges", tmp_path / "missing.csv", "--out", tmp_path / "x.svg", cwd=repo)
    assert result.returncode == 1


@pytest.mark.parametrize("args, message", [
    (["--edges", SMALL, "--out", "x.gif"], "format"),
    (["--edges", SMALL], "--out"),
    (["--edges", SMALL, "--layout", "twopi", "--out", "x.svg"], "layout"),
    (["--edges", SMALL, "--layout", "geographic", "--out", "x.svg"], "geographic"),
    ([IDEA_CALL, "--level", "actor", "--layout", "geographic", "--out", "x.svg"], "geographic"),
    (["--edges", SMALL, "--size-by", "fame", "--out", "x.svg"], "size-by"),
    (["--edges", SMALL, "--width", "300", "--out", "x.svg"], "--width"),
    (["--edges", SMALL, IDEA_CALL, "--out", "x.svg"], "exactly one"),
])
def test_usage_exit_2(cli, repo, tmp_path, args, message):
    result = cli("draw", *args, cwd=repo)  # usage is checked before anything is read or written
    assert result.returncode == 2, result.stderr
    assert message in result.stderr


def test_help_has_an_example(cli):
    result = cli("draw", "--help")
    assert result.returncode == 0
    assert "alueverkko draw data/collaborations/idea_call_2021" in result.stdout
    assert "--layout" in result.stdout and "geographic" in result.stdout
