"""`alueverkko report`: the HTML report of idea_call_2021 (headline figures equal to `alueverkko
coverage`, every table also as CSV with the same rows, maps as SVG and PNG, no external reference of
any kind), opened in headless Chromium (no console error, a screenshot), a data set with hostile
names shown as text, exit 1 on a broken data set with nothing written, exit 2 on usage errors."""
import csv
import html.parser
import io
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

IDEA_CALL = "data/collaborations/idea_call_2021"
GEOGRAPHY = "data/geography/fi-2021"
MINI = "tests/data/valid-mini/collaborations/mini"
PNG = b"\x89PNG\r\n\x1a\n"
HOSTILE = "<script>alert(1)</script> \"Oy\" & 'Ab'\nrivi 2"


class Page(html.parser.HTMLParser):
    """The parts of index.html the tests look at: tables (caption link, body rows), key figure cards,
    every src/href, the elements seen and the text."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tables, self.cards, self.references, self.tags, self.text = [], [], [], [], []
        self._table = None
        self._in = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.tags.append(tag)
        self._in.append(tag)
        for key in ("src", "href", "xlink:href", "action", "poster", "data"):
            if key in attrs:
                self.references.append(attrs[key])
        if tag == "table":
            self._table = {"id": attrs.get("id"), "csv": None, "rows": 0}
            self.tables.append(self._table)
        elif tag == "a" and self._table is not None and "caption" in self._in:
            self._table["csv"] = attrs["href"]
        elif tag == "tr" and self._table is not None and "tbody" in self._in:
            self._table["rows"] += 1
        elif tag == "li" and attrs.get("class") == "card":
            self.cards.append(attrs["data-figure"])

    def handle_endtag(self, tag):
        while self._in and self._in.pop() != tag:
            pass
        if tag == "table":
            self._table = None

    def handle_data(self, data):
        self.text.append(data)


def parse(index):
    page = Page()
    page.feed(index.read_text(encoding="utf-8"))
    page.close()
    return page


def csv_rows(path):
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


@pytest.fixture(scope="module")
def idea_report(tmp_path_factory):
    from conftest import REPO, run_cli

    out = tmp_path_factory.mktemp("report") / "idea"
    result = run_cli("report", IDEA_CALL, "--out", out, cwd=REPO)
    assert result.returncode == 0, result.stderr
    return out, result


def test_prints_index_and_headline_figures_equal_to_coverage(idea_report, cli, repo):
    out, result = idea_report
    lines = result.stdout.splitlines()
    assert Path(lines[0]) == out / "index.html" and Path(lines[0]).is_absolute()
    figures = dict(line.split(": ", 1) for line in lines[1:])
    assert list(figures) == ["networks", "actors", "municipalities covered", "population covered", "regions reached"]

    oracle = cli("coverage", IDEA_CALL, "--by", "country", "-q", cwd=repo)
    assert oracle.returncode == 0, oracle.stderr
    (country,) = csv_rows_text(oracle.stdout)
    number = lambda text: int(text.replace(",", ""))  # noqa: E731
    covered, of = figures["municipalities covered"].split(" (")[0].split(" of ")
    assert (number(covered), number(of)) == (int(country["covered"]), int(country["municipalities"])) == (number(covered), 309)
    population, rest = figures["population covered"].split(" of ")
    assert number(population) == int(country["population_covered"])
    assert number(rest.split(" (")[0]) == int(country["population"]) == 5548241
    assert f"({100 * float(country['population_share']):.1f} %, 31.12.2021)" in figures["population covered"]
    reached, regions = figures["regions reached"].split(" of ")
    assert (number(reached), number(regions)) == (int(country["regions_touched"]), 19)

    # networks and actors: counted from the data set's own CSV files.
    memberships = csv_rows(repo / IDEA_CALL / "memberships.csv")
    assert number(figures["networks"]) == len({m["network_id"] for m in memberships}) == 60
    assert number(figures["actors"]) == len({m["actor_id"] for m in memberships})

    # The key figures CSV and the cards say the same.
    key = {r["figure"]: r for r in csv_rows(out / "tables" / "key_figures.csv")}
    assert int(key["municipalities_covered"]["value"]) == int(country["covered"])
    assert int(key["population_covered"]["value"]) == int(country["population_covered"])
    assert float(key["population_covered"]["share"]) == float(country["population_share"])
    assert parse(out / "index.html").cards == list(key)


def csv_rows_text(text):
    return list(csv.DictReader(io.StringIO(text)))


def test_every_table_has_its_csv_with_the_same_rows(idea_report, repo):
    out, _ = idea_report
    page = parse(out / "index.html")
    linked = [t["csv"] for t in page.tables]
    assert None not in linked and len(set(linked)) == len(linked)
    on_disk = sorted(f"tables/{p.name}" for p in (out / "tables").iterdir())
    assert sorted(linked + ["tables/key_figures.csv"]) == on_disk
    for table in page.tables:
        rows = csv_rows(out / table["csv"])
        assert len(rows) == table["rows"] > 0, table
    # Content checks against independent sources.
    by_region = csv_rows(out / "tables" / "gaps_by_region.csv")
    assert len(by_region) == 19
    regions = csv_rows(repo / GEOGRAPHY / "regions.csv")
    assert sum(int(r["population"]) for r in by_region) == 5548241
    assert {r["code"] for r in by_region} == {r["code"] for r in regions}
    assert [r["code"] for r in csv_rows(out / "tables" / "gaps_by_size_class.csv")] == list("ABCDE")
    networks = csv_rows(repo / IDEA_CALL / "networks.csv")
    listed = csv_rows(out / "tables" / "networks.csv")
    assert [r["network_id"] for r in listed] == [n["network_id"] for n in networks]
    for row, network in zip(listed, networks):
        document, lines = network["source"].split(":")
        assert row["source_document"] == document
        assert row["source_lines"] == lines.replace(";", ", ").replace("-", "\u2013")
    assert len(csv_rows(out / "tables" / "eligibility.csv")) == sum(1 for n in networks if n["track"])
    assert len(csv_rows(out / "tables" / "centrality_top.csv")) == 15


def test_centrality_top_list_matches_metrics(idea_report, cli, repo):
    """The top list against `alueverkko metrics` on the same projection: raw degree and strength,
    betweenness normalised with distance = 1/weight."""
    out, _ = idea_report
    top = csv_rows(out / "tables" / "centrality_top.csv")
    common = ("metrics", IDEA_CALL, "--level", "municipality", "--distance", "inverse", "-q")
    raw = cli(*common, "--measure", "degree,strength", "--raw", cwd=repo)
    normalised = cli(*common, "--measure", "betweenness", cwd=repo)
    assert raw.returncode == 0 and normalised.returncode == 0, raw.stderr + normalised.stderr
    rows = {r["id"]: r for r in csv_rows_text(raw.stdout)}
    betweenness = {r["id"]: float(r["betweenness"]) for r in csv_rows_text(normalised.stdout)}
    for row in top:
        assert int(rows[row["code"]]["degree"]) == int(row["degree"])
        assert float(rows[row["code"]]["strength"]) == float(row["strength"])
        assert betweenness[row["code"]] == pytest.approx(float(row["betweenness"]), rel=1e-12, abs=1e-15)
    # Ranked by degree, then strength: the first 15 of that order.
    order = sorted(rows.values(), key=lambda r: (-int(r["degree"]), -float(r["strength"]), -betweenness[r["id"]], r["id"]))
    assert [r["code"] for r in top] == [r["id"] for r in order[:15]]
    assert [int(r["rank"]) for r in top] == list(range(1, 16))


def test_maps_are_svg_and_png(idea_report):
    out, _ = idea_report
    for name in ("coverage", "collaboration", "overlap_heatmap"):
        root = ET.parse(out / "maps" / f"{name}.svg").getroot()
        assert root.tag == "{http://www.w3.org/2000/svg}svg"
        assert (out / "maps" / f"{name}.png").read_bytes().startswith(PNG)
    coverage = ET.parse(out / "maps" / "coverage.svg").getroot()
    assert sum(1 for p in coverage.iter("{http://www.w3.org/2000/svg}path")
               if p.get("class") == "place municipality") == 309


def test_page_has_no_external_reference(idea_report):
    out, _ = idea_report
    text = (out / "index.html").read_text(encoding="utf-8")
    page = parse(out / "index.html")
    assert page.references
    for ref in page.references:
        assert not ref.lower().startswith(("http:", "https:", "//", "file:", "data:", "javascript:")), ref
        assert ref.startswith("#") or (out / ref).is_file(), ref
    assert not {"script", "link", "img", "iframe", "object", "embed", "base"} & set(page.tags)
    assert text.count("http") == text.count("http-equiv")  # no address; http-equiv is the CSP's meta tag
    assert "@import" not in text and "url(" not in text.split("</style>")[0]
    assert page.tags.count("svg") == 3 and page.tags.count("style") == 1
    assert all(t in page.tags for t in ("h1", "h2", "caption", "nav", "main"))


def test_chromium_renders_without_console_errors(idea_report, tmp_path):
    chromium = shutil.which("chromium")
    if chromium is None:
        pytest.skip("Debian's chromium is not installed (apt-get install chromium)")
    out, _ = idea_report
    shot = tmp_path / "report.png"
    result = subprocess.run(
        [chromium, "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
         "--no-first-run", "--enable-logging=stderr", "--v=0", f"--user-data-dir={tmp_path / 'profile'}",
         f"--screenshot={shot}", "--window-size=1280,4000", (out / "index.html").as_uri()],
        capture_output=True, text=True, timeout=180)
    assert shot.is_file(), result.stderr
    assert shot.read_bytes().startswith(PNG)
    console = [line for line in result.stderr.splitlines() if "CONSOLE" in line or "Uncaught" in line
               or "Content Security Policy" in line or "ERR_FILE_NOT_FOUND" in line]
    assert console == [], "\n".join(console)


def hostile_copy(repo, tmp_path):
    """valid-mini with markup, quotes, an ampersand and a line break in an actor's, a network's and the
    data set's name, on the fi-2021 geography (its codes exist there) so that the maps are drawn."""
    data = tmp_path / "hostile"
    shutil.copytree(repo / MINI, data)
    quoted = '"' + HOSTILE.replace('"', '""') + '"'
    actors = (data / "actors.csv").read_text(encoding="utf-8").replace("Helsinki,municipality", quoted + ",municipality")
    (data / "actors.csv").write_text(actors, encoding="utf-8")
    networks = (data / "networks.csv").read_text(encoding="utf-8").replace("Kasvuvyöhyke", quoted)
    (data / "networks.csv").write_text(networks, encoding="utf-8")
    meta = (data / "dataset.json").read_text(encoding="utf-8")
    meta = meta.replace('"mini-2021"', '"fi-2021"').replace("Mini test data set", "<script>alert(1)</script> & \\\"T\\\"")
    (data / "dataset.json").write_text(meta, encoding="utf-8")
    return data


def test_hostile_names_render_as_text(cli, repo, tmp_path):
    data = hostile_copy(repo, tmp_path)
    out = tmp_path / "out"
    result = cli("report", data, "--geography", repo / GEOGRAPHY, "--out", out, "-q")
    assert result.returncode == 0, result.stderr
    page = parse(out / "index.html")
    assert "script" not in page.tags
    text = "".join(page.text)
    assert HOSTILE in text
    assert '<script>alert(1)</script> & "T"' in text
    assert "<script" not in (out / "index.html").read_text(encoding="utf-8")
    for svg in (out / "maps").glob("*.svg"):
        ET.parse(svg)  # well-formed
        assert "<script" not in svg.read_text(encoding="utf-8")
    listed = csv_rows(out / "tables" / "networks.csv")
    assert HOSTILE in [r["name"] for r in listed]


def test_broken_data_set_writes_nothing(cli, repo, tmp_path):
    out = tmp_path / "out"
    result = cli("report", repo / "tests/data/broken/actors-bad-kind", "--geography",
                 repo / "tests/data/valid-mini/geography/mini-2021", "--out", out)
    assert result.returncode == 1
    assert result.stdout == ""
    assert "actors.csv:11:60: invalid kind 'univ'" in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_a_failed_report_leaves_no_directory(cli, repo, tmp_path):
    """The rules are read after the report's directories are made: their failure takes them away."""
    result = cli("report", MINI, "--out", tmp_path / "a" / "b" / "report", "--rules", tmp_path / "missing.json",
                 cwd=repo)
    assert result.returncode == 1
    assert "missing.json" in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_existing_directory_is_not_replaced(cli, repo, tmp_path):
    (tmp_path / "mine").mkdir()
    (tmp_path / "mine" / "keep.txt").write_text("keep", encoding="utf-8")
    result = cli("report", MINI, "--out", tmp_path / "mine", cwd=repo)
    assert result.returncode == 1
    assert "is not an alueverkko report" in result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["mine"]
    assert (tmp_path / "mine" / "keep.txt").read_text(encoding="utf-8") == "keep"
    # An earlier report is replaced.
    for _ in range(2):
        result = cli("report", MINI, "--out", tmp_path / "again", "-q", cwd=repo)
        assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["again", "mine"]


@pytest.mark.parametrize("args", [
    [],                                   # no --out
    ["--out"],                            # --out without a value
    ["--top", "0"],
    ["--status", "boss"],
    ["--year", "1900"],
    ["--no-such-option"],
])
def test_usage_errors(cli, repo, tmp_path, args):
    out_args = [] if not args or args == ["--out"] else ["--out", tmp_path / "out"]
    result = cli("report", MINI, *out_args, *args, cwd=repo)
    assert result.returncode == 2, result.stderr
    assert list(tmp_path.iterdir()) == []


def test_help_has_an_example(cli):
    result = cli("report", "--help")
    assert result.returncode == 0
    assert "alueverkko report data/collaborations/idea_call_2021 --out out/demo" in result.stdout
