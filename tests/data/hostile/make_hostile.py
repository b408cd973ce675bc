"""Writes tests/data/hostile : run it with /usr/bin/python3 to regenerate the fixture.."""
import csv, json, pathlib, shutil
R = pathlib.Path(__file__).resolve().parents[3]
OUT = pathlib.Path(__file__).resolve().parent
MINI = R / "tests/data/valid-mini/geography/mini-2021"
geo = OUT / "geography/hostile-2021"
ds = OUT / "collaborations/hostile"
geo.mkdir(parents=True, exist_ok=True); ds.mkdir(parents=True, exist_ok=True)
# geography: mini-2021 with hostile names
def rw(src, dst, change):
    rows = list(csv.DictReader(open(src, encoding="utf-8", newline="")))
    for r in rows: change(r)
    with open(dst, "w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=list(rows[0].keys()), lineterminator="\n"); w.writeheader(); w.writerows(rows)
MUN = {"091": ("<script>alert('kunta')</script>", "Helsingfors & \"Stad\""),
       "049": ("Espoo \"Esbo\" & 'co'", "</svg>]]>-->"),
       "018": ("Askola\nrivi 2", "=SUM(1+1)"),
       "322": ("Kemiö\\\"saari \\N \\l", "{}%s%n"),
       "445": ("\u200fפרגס\u200f Parainen 🦌", "Pargas 😀"),
       "638": ("+Porvoo@-", "@Borgå")}
def mun(r): r["name_fi"], r["name_sv"] = MUN[r["code"]]
rw(MINI / "municipalities.csv", geo / "municipalities.csv", mun)
SUB = {"011": "<b>Helsingin</b> &amp; seutu", "015": "Porvoon ]]> seutu", "025": "Turunmaa\n\"Åboland\""}
def sub(r): r["name_fi"] = SUB[r["code"]]; r["name_en"] = "<i>" + r["name_en"] + "</i>"
rw(MINI / "subregions.csv", geo / "subregions.csv", sub)
REG = {"01": "Uusimaa <!-- x --> & \"Nyland\"", "02": "-Varsinais-Suomi\u200f 😀"}
def reg(r): r["name_fi"] = REG[r["code"]]
rw(MINI / "regions.csv", geo / "regions.csv", reg)
shutil.copy(MINI / "population.csv", geo / "population.csv")
g = json.load(open(MINI / "geography.json"))
g["id"] = "hostile-2021"
g["name"] = "Hostile geography <script>alert('geo')</script> & \"quotes\""
g["attribution"] = "Attribution </svg><script>alert('attr')</script> & AT&T \\N ]]> -->"
g["sources"][0]["title"] = "<b>fixture</b> & 'source'"
json.dump(g, open(geo / "geography.json", "w", encoding="utf-8"), ensure_ascii=False, indent=2)
# boundaries: the six municipalities of fi-2021's TopoJSON, arcs renumbered
topo = json.load(open(R / "data/geography/fi-2021/boundaries.topo.json"))
geoms = [x for x in topo["objects"]["municipalities"]["geometries"] if x["properties"]["code"] in MUN]
assert len(geoms) == 6
used = sorted({(a if a >= 0 else ~a) for x in geoms for poly in (x["arcs"] if x["type"] == "MultiPolygon" else [x["arcs"]]) for ring in poly for a in ring})
new = {old: i for i, old in enumerate(used)}
def remap(a): return new[a] if a >= 0 else ~new[~a]
for x in geoms:
    if x["type"] == "Polygon": x["arcs"] = [[remap(a) for a in ring] for ring in x["arcs"]]
    else: x["arcs"] = [[[remap(a) for a in ring] for ring in poly] for poly in x["arcs"]]
    x["properties"]["name_fi"] = MUN[x["properties"]["code"]][0]
out = {"type": "Topology", "transform": topo["transform"],
       "objects": {"municipalities": {"type": "GeometryCollection", "geometries": geoms}},
       "arcs": [topo["arcs"][i] for i in used]}
json.dump(out, open(geo / "boundaries.topo.json", "w", encoding="utf-8"), ensure_ascii=False, separators=(",", ":"))
# the data set
def write(path, header, rows):
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n"); w.writerow(header); w.writerows(rows)
A = ["actor_id", "name", "kind", "municipality_code", "area_code", "country", "lat", "lon", "declared_size", "source"]
write(ds / "actors.csv", A, [
    ["kunta-091", "<script>alert(1)</script>", "municipality", "091", "", "FI", "", "", "", "000_hostile.txt:1"],
    ["kunta-049", "\"double\" and 'single' quotes", "municipality", "049", "", "", "", "", "", ""],
    ["kunta-638", "AT&T & co &amp; &lt;b&gt;", "municipality", "638", "", "", "", "", "", ""],
    ["kunta-018", "first line\nsecond line", "municipality", "018", "", "", "", "", "", ""],
    ["kunta-322", "</svg>]]>--><!--", "municipality", "322", "", "", "", "", "", ""],
    ["kunta-445", "back\\\"slash \\N \\G \\l \\\\ end\\", "municipality", "445", "", "", "", "", "", ""],
    ["mk-01", "{} %s %n %d ${x} {0}", "region", "", "MK01", "", "", "", "", ""],
    ["sk-025", "\u200fמרחב\u200f RTL 🦌😀", "subregion", "", "SK025", "", "", "", "", ""],
    ["liitto-01", "=HYPERLINK(\"http://evil.example\",\"click\")", "regional_council", "091", "MK01", "", "", "", "", ""],
    ["uni-x", "+1+1", "university", "091", "", "", "", "", "", ""],
    ["dev-x", "-2+3", "development_company", "049", "", "", "", "", "", ""],
    ["assoc-x", "@SUM(A1:A2)", "association", "638", "", "", "", "", "", ""],
    ["tallinn", "<img src=x onerror=alert(1)> & \"Tallinn\"", "foreign_municipality", "", "", "EE", "59.437", "24.7536", "", ""],
    ["riga", "Riga\tTAB \u2028 LS", "foreign_municipality", "", "", "LV", "56.95", "24.1", "", ""],
    ["c6", "]]><![CDATA[x]]> \\\"", "group", "", "", "", "", "", "6", ""],
    ["assoc-semi", "Oy; Ab, \"Ky\"; ;; x;", "association", "049", "", "", "", "", "", ""],
    # C0 controls (XML 1.0 forbids them: XML outputs show U+FFFD) and DEL
    ["assoc-ctl", "\x01SOH \x08BS \x0bVT \x0cFF \x1bESC \x1fUS \x7fDEL", "association", "018", "", "", "", "", "", ""],
])
N = ["network_id", "name", "kind", "name_en", "track", "themes", "declared_members", "start", "end", "regional_towns", "financing", "orientation", "focus", "country", "source"]
write(ds / "networks.csv", N, [
    ["n-script", "<script>alert(\"n\")</script>", "proposal", "</svg><svg onload=alert(1)>", "development_zone",
     "\"quoted\" theme|AT&T & co|<b>bold</b>|line\nbreak", "5", "2021", "", "0", "%s{}", "bottom-up", "]]>-->", "", "000_hostile.txt:2-3"],
    ["n-newline", "Line A\nLine B & \"C\"", "network", "=cmd|' /C calc'!A0", "thematic_network",
     "\u200ftheme\u200f 😀|{}", "", "", "", "1", "", "", "", "", ""],
    ["n-dot", "back\\\\slash \\\" \\N \\E \\l -> {} [label=x]", "programme", "+SUM(1)", "", "@evil|-2+3", "", "", "", "", "=1+1", "mixed", "", "FI", ""],
])
M = ["network_id", "actor_id", "status", "role", "weight", "start", "end", "source"]
write(ds / "memberships.csv", M, [
    ["n-script", "kunta-091", "member", "lead", "1", "", "", ""],
    ["n-script", "kunta-049", "member", "partner", "1", "", "", ""],
    ["n-script", "kunta-638", "planned", "", "0.5", "", "", ""],
    ["n-script", "kunta-018", "member", "", "", "", "", ""],
    ["n-script", "uni-x", "member", "partner", "", "", "", ""],
    ["n-script", "tallinn", "invited", "", "", "", "", ""],
    ["n-script", "mk-01", "mentioned", "area", "", "", "", ""],
    ["n-newline", "kunta-322", "member", "co_lead", "2", "", "", ""],
    ["n-newline", "kunta-445", "member", "co_lead", "2", "", "", ""],
    ["n-newline", "kunta-091", "member", "", "", "", "", ""],
    ["n-newline", "sk-025", "member", "area", "", "", "", ""],
    ["n-newline", "riga", "member", "partner", "", "", "", ""],
    ["n-newline", "dev-x", "member", "", "", "", "", ""],
    ["n-dot", "liitto-01", "member", "coordinator", "", "", "", ""],
    ["n-dot", "tallinn", "member", "partner", "", "", "", ""],
    ["n-dot", "riga", "member", "partner", "", "", "", ""],
    ["n-dot", "kunta-445", "member", "", "", "", "", ""],
    ["n-dot", "kunta-049", "planned", "", "", "", "", ""],
    ["n-dot", "assoc-x", "member", "", "", "", "", ""],
    ["n-dot", "c6", "planned", "interested", "", "", "", ""],
    ["n-dot", "assoc-semi", "member", "", "", "", "", ""],
    ["n-script", "assoc-ctl", "member", "", "", "", "", ""],
    ["n-dot", "assoc-ctl", "member", "", "", "", "", ""],
])
write(ds / "aliases.csv", ["alias", "actor_id"], [["<b>Hki</b> & \"H\"", "kunta-091"], ["Riga\nalias", "riga"]])
dj = {"format": "alueverkko-dataset", "format_version": 1, "name": "hostile",
      "title": "<script>alert('title')</script> & \"AT&T\" </svg> ]]> --> \\N 😀",
      "description": "Hostile names for the escaping tests: <b>not bold</b> & \"quoted\"\nsecond line.",
      "reference_year": 2021, "geography": "hostile-2021",
      "sources": [{"file": "000_hostile.txt", "title": "<i>Source</i> & 'co'", "publisher": "alueverkko \"tests\"", "year": 2021,
                   "url": "https://example.org/?a=1&b=<2>"}],
      "notes": ["Fixture, not real data: names that must stay text in every output.", "<script>alert('note')</script>"]}
json.dump(dj, open(ds / "dataset.json", "w", encoding="utf-8"), ensure_ascii=False, indent=2)
# the same data set on the bundled fi-2021 (its codes exist there): --geography data/geography/fi-2021
fi = OUT / "collaborations/hostile-fi2021"
fi.mkdir(parents=True, exist_ok=True)
for name in ("actors.csv", "networks.csv", "memberships.csv", "aliases.csv"):
    shutil.copy(ds / name, fi / name)
dj["name"] = "hostile-fi2021"; dj["geography"] = "fi-2021"
json.dump(dj, open(fi / "dataset.json", "w", encoding="utf-8"), ensure_ascii=False, indent=2)
# plain inputs (--edges, --memberships) whose vertex names are the hostile names themselves
names = [a[1] for a in csv.reader(open(ds / "actors.csv", encoding="utf-8", newline=""))][1:]
networks = [n[1] for n in csv.reader(open(ds / "networks.csv", encoding="utf-8", newline=""))][1:]
write(OUT / "edges.csv", ["source", "target", "weight"],
      [[names[i], names[(i + 1) % len(names)], str(1 + i % 3)] for i in range(len(names))]
      + [[names[0], names[i], "0.5"] for i in range(2, len(names), 3)])
write(OUT / "memberships.csv", ["actor", "network", "weight"],
      [[names[i], networks[i % len(networks)], "1"] for i in range(len(names))]
      + [[names[i], networks[(i + 1) % len(networks)], "2"] for i in range(0, len(names), 2)])
