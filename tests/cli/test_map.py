"""`alueverkko map`: every map type from idea_call_2021 (municipality and region choropleths,
edges, a footprint, one map per network), SVG structure, class counts against numpy, PNG width,
PDF header, hostile names escaped, exit codes 1 (bad input) and 2 (usage)."""
import csv
import shutil
import struct
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import numpy as np
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "python"))
from classing_oracle import quantile_edges  # noqa: E402  (the numpy oracle shared with tests/python)

IDEA_CALL = "data/collaborations/idea_call_2021"
GEOGRAPHY = "data/geography/fi-2021"
SVG = "{http://www.w3.org/2000/svg}"
HOSTILE = "<script>alert(1)</script> & \"AT&T\" 'x'"


def draw(cli, repo, out, *args):
    result = cli("map", IDEA_CALL, "--out", out, "-q", *args, cwd=repo)
    assert result.returncode == 0, result.stderr
    return ET.parse(out).getroot()


def by_class(root, tag, cls):
    return [e for e in root.iter(SVG + tag) if e.get("class") == cls]


def test_municipality_choropleth(cli, repo, tmp_path):
    root = draw(cli, repo, tmp_path / "m.svg", "--color", "networks", "--classes", "4", "--labels", "15")
    paths = by_class(root, "path", "place municipality")
    assert len(paths) == 309
    assert root.find(f".//{SVG}path[@id='region-outlines']") is not None
    # Oracle: the networks column of `coverage --report participation`, classed as documented.
    result = cli("coverage", IDEA_CALL, "--report", "participation", "-q", cwd=repo)
    rows = list(csv.DictReader(result.stdout.splitlines()))
    values = np.array([float(r["networks"]) for r in rows])
    assert np.quantile(values, 0.25) == values.min()  # the zeros fill whole classes: they get their own
    expected, _ = np.histogram(values, bins=quantile_edges(values, 4))
    legend = by_class(root, "g", "legend-class")
    assert len(legend) == len(expected)
    assert sorted(int(g.get("data-count")) for g in legend) == sorted(expected.tolist())
    by_code = {p.get("data-code"): float(p.get("data-value")) for p in paths}
    assert all(by_code[r["code"]] == float(r["networks"]) for r in rows)
    assert by_class(root, "g", "legend-nodata")
    text = ET.tostring(root, encoding="unicode")
    assert "Statistics Finland" in text and "National Land Survey" in text


def test_region_map_with_edges_png_pdf(cli, repo, tmp_path):
    root = draw(cli, repo, tmp_path / "r.svg", "--level", "region", "--color", "per-capita", "--edges", "top-25",
                "--labels", "19", "--north-arrow", "--palette", "viridis")
    assert len(by_class(root, "path", "place region")) == 19
    assert len(by_class(root, "path", "edge")) == 25
    assert root.find(f".//{SVG}g[@id='north-arrow']") is not None
    png = tmp_path / "r.png"
    assert cli("map", IDEA_CALL, "--level", "region", "--edges", "all", "--out", png, "-q", cwd=repo).returncode == 0
    header = png.read_bytes()[:24]
    assert header[:8] == b"\x89PNG\r\n\x1a\n" and struct.unpack(">I", header[16:20])[0] == 1600
    pdf = tmp_path / "r.pdf"
    assert cli("map", IDEA_CALL, "--level", "region", "--out", pdf, "-q", cwd=repo).returncode == 0
    assert pdf.read_bytes()[:5] == b"%PDF-"


def test_footprint_and_each_network(cli, repo, tmp_path):
    root = draw(cli, repo, tmp_path / "f.svg", "--network", "p03", "--labels", "8")
    marked = [p for p in by_class(root, "path", "place municipality") if p.get("data-footprint") == "1"]
    result = cli("coverage", IDEA_CALL, "--report", "footprint", "-q", cwd=repo)
    footprint = {r["network_id"]: r for r in csv.DictReader(result.stdout.splitlines())}
    assert len(marked) == int(footprint["p03"]["municipalities"])
    out = tmp_path / "each"
    result = cli("map", IDEA_CALL, "--each-network", out, "-q", cwd=repo)
    assert result.returncode == 0, result.stderr
    files = sorted(p.stem for p in out.glob("*.svg"))
    assert files == sorted(footprint)
    for f in list(out.glob("*.svg"))[:5]:
        assert len(by_class(ET.parse(f).getroot(), "path", "place municipality")) == 309


def test_hostile_network_name_is_escaped(cli, repo, tmp_path):
    data = tmp_path / "hostile"
    shutil.copytree(repo / IDEA_CALL, data)
    rows = list(csv.reader(open(data / "networks.csv", newline="", encoding="utf-8")))
    rows[3][1] = HOSTILE  # p03
    with open(data / "networks.csv", "w", newline="", encoding="utf-8") as f:
        csv.writer(f, lineterminator="\n").writerows(rows)
    out = tmp_path / "h.svg"
    result = cli("map", data, "--geography", repo / GEOGRAPHY, "--network", "p03", "--out", out, "-q", cwd=repo)
    assert result.returncode == 0, result.stderr
    text = out.read_text(encoding="utf-8")
    assert "<script>" not in text
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;AT&amp;T&quot; &apos;x&apos;" in text
    title = ET.parse(out).getroot().find(f".//{SVG}text[@id='title']")
    assert title.text == "p03: " + HOSTILE


@pytest.mark.parametrize("args", [
    ["--color", "nonsense"], ["--edges", "top-"], ["--classing", "breaks"], ["--breaks", "1,2"],
    ["--palette", "Jet"], ["--classes", "12"], ["--network", "p99"], ["--level", "country"],
])
def test_usage_errors_exit_2(cli, repo, tmp_path, args):
    out = tmp_path / "x.svg"
    result = cli("map", IDEA_CALL, "--out", out, *args, cwd=repo)
    assert result.returncode == 2, result.stderr
    assert not out.exists()


def test_usage_and_bad_input(cli, repo, tmp_path):
    assert cli("map", IDEA_CALL, "--out", tmp_path / "x.gif", cwd=repo).returncode == 2
    assert cli("map", IDEA_CALL, cwd=repo).returncode == 2
    out = tmp_path / "x.svg"
    result = cli("map", tmp_path / "missing", "--out", out, cwd=repo)
    assert result.returncode == 1 and not out.exists()
    # A geography without boundaries: bad input, nothing written.
    result = cli("map", "tests/data/valid-mini/collaborations/mini", "--geography",
                 "tests/data/valid-mini/geography/mini-2021", "--out", out, cwd=repo)
    assert result.returncode == 1, result.stderr
    assert "boundaries" in result.stderr and not out.exists()
    help_text = cli("map", "--help", cwd=repo).stdout
    assert "Examples:" in help_text and "--each-network" in help_text


def test_own_values_by_region(cli, repo, tmp_path):
    # Oracle: the geography's own regions.csv, classed with numpy as documented.
    with open(repo / GEOGRAPHY / "regions.csv", encoding="utf-8") as f:
        regions = list(csv.DictReader(f))
    values = tmp_path / "pop.csv"
    with open(values, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(["name", "code", "pop"])
        for r in regions[:-2]:  # the last two regions: no data
            w.writerow([r["name_fi"], r["code"], r["population_2021"]])
    out = tmp_path / "own.svg"
    result = cli("map", "--values", values, "--value-column", "pop", "--value-name", "Population <2021> & co",
                 "--level", "region", "--classes", "3", "--geography", GEOGRAPHY, "--out", out, "-q", cwd=repo)
    assert result.returncode == 0, result.stderr
    root = ET.parse(out).getroot()
    areas = by_class(root, "path", "place region")
    assert len(areas) == 19
    pops = np.array([float(r["population_2021"]) for r in regions[:-2]])
    expected, _ = np.histogram(pops, bins=quantile_edges(pops, 3))
    legend = by_class(root, "g", "legend-class")
    assert sorted(int(g.get("data-count")) for g in legend) == sorted(expected.tolist())
    assert int(by_class(root, "g", "legend-nodata")[0].get("data-count")) == 2
    assert "Population <2021> & co" in "".join(root.itertext())  # parsed back: it was escaped
    assert "<2021>" not in out.read_text(encoding="utf-8")
    # With a data set, the own values colour its map and its edges are drawn on top.
    out2 = tmp_path / "own-edges.svg"
    result = cli("map", IDEA_CALL, "--values", values, "--value-column", "pop", "--level", "region",
                 "--edges", "top-10", "--out", out2, "-q", cwd=repo)
    assert result.returncode == 0, result.stderr
    root2 = ET.parse(out2).getroot()
    assert len(by_class(root2, "path", "edge")) == 10
    assert len(by_class(root2, "g", "legend-class")) == 5


def test_own_values_bad_input_and_usage(cli, repo, tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text("code,rate\n01,9.1\n99,3\n01,x\n", encoding="utf-8")
    out = tmp_path / "bad.svg"
    result = cli("map", "--values", bad, "--value-column", "rate", "--level", "region", "--geography", GEOGRAPHY,
                 "--out", out, cwd=repo)
    assert result.returncode == 1 and not out.exists()
    assert result.stderr.splitlines() == [
        f"{bad}:3:1: unknown region code '99' (geography fi-2021)",
        f"{bad}:4:1: code '01' repeated (first on line 2)",
        f"{bad}:4:4: invalid rate 'x': expected a finite number",
    ]
    result = cli("map", "--values", bad, "--geography", GEOGRAPHY, "--level", "region", "--out", out, cwd=repo)
    assert result.returncode == 1 and "missing required column 'value'" in result.stderr
    for args in (["--edges", "all"], ["--network", "p03"], ["--color", "coverage"]):
        result = cli("map", "--values", bad, "--geography", GEOGRAPHY, "--out", out, *args, cwd=repo)
        assert result.returncode == 2, (args, result.stderr)
    assert cli("map", "--geography", GEOGRAPHY, "--out", out, cwd=repo).returncode == 2
    result = cli("map", IDEA_CALL, "--values", bad, "--color", "networks", "--out", out, cwd=repo)
    assert result.returncode == 2 and not out.exists()
