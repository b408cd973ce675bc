#!/usr/bin/python3
"""Build alueverkko's bundled data (data/) from the read-only material in ../shared.

Run from the repository root:

    /usr/bin/python3 scripts/build_data.py --shared ../shared --out data

Standard library only.  Deterministic: a rerun writes byte-identical files.
Every step checks what it builds (counts, sums, source lines); a failed check aborts
with an error and nothing is left half-written in a way that passes the tests.

Outputs
  data/geography/fi-2021/      geography.json, municipalities.csv, subregions.csv, regions.csv,
                               population.csv, boundaries.topo.json
  data/collaborations/<name>/  dataset.json, actors.csv, networks.csv, memberships.csv, aliases.csv
                               (call_rules_2021: dataset.json, rules.json)
The schema is docs/data-format.md.  data/README.md documents provenance and judgement calls.
"""

import argparse
import csv
import io
import json
import os
import re
import sys
import unicodedata
from collections import Counter, OrderedDict, defaultdict

SEED000 = "000_f89e401ac00ddec4.txt"
SEED001 = "001_74b0c43f28be7998.txt"
SEED002 = "002_60b294fae36fd2d4.txt"
SEED003 = "003_04b0b65364418a71.txt"
SEED004 = "004_6541a48a774afe79.txt"


class BuildError(Exception):
    pass


def check(cond, msg):
    if not cond:
        raise BuildError(msg)


# ----------------------------------------------------------------------------------------------
# writers (UTF-8, no BOM, \n line ends, RFC 4180 quoting only where needed)
# ----------------------------------------------------------------------------------------------

def write_csv(path, header, rows):
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
    w.writerow(header)
    for r in rows:
        if isinstance(r, dict):
            r = [r.get(h, "") for h in header]
        check(len(r) == len(header), "%s: row length %d != %d" % (path, len(r), len(header)))
        w.writerow(["" if v is None else str(v) for v in r])
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write(buf.getvalue())


def write_json(path, obj, compact=False):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    if compact:
        text = json.dumps(obj, ensure_ascii=False, separators=(",", ":"))
    else:
        text = json.dumps(obj, ensure_ascii=False, indent=1)
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write(text + "\n")


def read_csv(path, **kw):
    with open(path, encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f, **kw))


# ----------------------------------------------------------------------------------------------
# seeds: line access and "is this name really on these lines" checks
# ----------------------------------------------------------------------------------------------

class Seed:
    def __init__(self, path):
        self.name = os.path.basename(path)
        with open(path, encoding="utf-8") as f:
            self.lines = f.read().split("\n")

    def text(self, ranges):
        """Text of the cited lines, e.g. '35;80-82'.  Hyphenated line breaks are joined."""
        parts = []
        for a, b in parse_ranges(ranges):
            check(1 <= a <= b <= len(self.lines), "%s: bad range %d-%d" % (self.name, a, b))
            chunk = [self.lines[i - 1].strip() for i in range(a, b + 1)]
            chunk = [c for c in chunk if c]
            s = ""
            for c in chunk:
                if s.endswith("-") and c[:1].islower():
                    s = s[:-1] + c          # "Varsinais-Suo-" + "men" -> "Varsinais-Suomen"
                else:
                    s = (s + " " + c) if s else c
            parts.append(s)
        return "\n".join(parts)


def parse_ranges(ranges):
    out = []
    for part in str(ranges).split(";"):
        part = part.strip()
        m = re.fullmatch(r"(\d+)(?:-(\d+))?", part)
        check(m is not None, "bad line range %r" % ranges)
        a = int(m.group(1))
        b = int(m.group(2) or a)
        check(a <= b, "bad line range %r" % ranges)
        out.append((a, b))
    return out


def within(ranges, outer):
    (oa, ob), = parse_ranges(outer)
    return all(oa <= a and b <= ob for a, b in parse_ranges(ranges))


def fold(s):
    """Case- and diacritics-insensitive key that keeps å, ä, ö as letters of their own."""
    s = s.casefold()
    keep = {"å": "\x01", "ä": "\x02", "ö": "\x03"}
    s = "".join(keep.get(ch, ch) for ch in unicodedata.normalize("NFC", s))
    s = unicodedata.normalize("NFD", s)
    s = "".join(ch for ch in s if unicodedata.category(ch) != "Mn")
    return s


# ==============================================================================================
# 1. Geography fi-2021
# ==============================================================================================

SIZE_BINS = [(100000, "A"), (25000, "B"), (10000, "C"), (4000, "D"), (0, "E")]


def size_class(pop):
    for lo, c in SIZE_BINS:
        if pop >= lo:
            return c


def pad3(x):
    return "%03d" % int(x)


def build_geography(shared, out):
    ds = os.path.join(shared, "data-sources")
    gdir = os.path.join(out, "geography", "fi-2021")

    # --- file 2: classification key (names, language status, region, sub-region)
    key = {}
    for r in read_csv(os.path.join(ds, "converted", "geofi_municipality_key_2021.csv")):
        c = pad3(r["kunta"])
        check(c not in key, "duplicate code %s in key" % c)
        key[c] = r
    check(len(key) == 309, "key: %d municipalities" % len(key))

    # --- file 1: official municipality -> region correspondence (raw, BOM, ';', quoted codes)
    with open(os.path.join(ds, "raw", "statfi_kunta_1_20210101__maakunta_1_20210101.csv"),
              encoding="utf-8-sig", newline="") as f:
        official = {}
        for r in csv.DictReader(f, delimiter=";"):
            official[r["sourceCode"].strip("'\"")] = r["targetCode"].strip("'\"")
    check(len(official) == 309, "official key: %d rows" % len(official))

    # --- file 4: population 2000-2022
    pop = defaultdict(dict)
    for r in read_csv(os.path.join(ds, "converted", "geofi_sotkadata_population_2000_2022.csv")):
        pop[pad3(r["municipality_code"])][int(r["year"])] = int(r["population"])
    check(set(pop) == set(key), "population codes differ from the key")
    years = sorted({y for d in pop.values() for y in d})
    check(years == list(range(2000, 2023)), "population years %s" % years)
    check(all(sorted(d) == years for d in pop.values()), "population series incomplete")

    # --- file 3: centre points (drop the two stale points)
    centres = {}
    for r in read_csv(os.path.join(ds, "converted", "geofi_municipality_central_localities_2021-02.csv")):
        c = r["kuntatunnus"]
        if c in ("838", "099"):          # Tarvasjoki (merged 2015), Honkajoki (merged 1.1.2021)
            continue
        check(c not in centres, "duplicate centre %s" % c)
        centres[c] = (r["lat_wgs84"], r["lon_wgs84"])
    check(set(centres) == set(key), "centre codes differ from the key")

    # --- file 6: land area (approximate Wikipedia snapshot, early 2022)
    with open(os.path.join(ds, "raw", "restkunnat_municipalitiesV1.0.json"), encoding="utf-8") as f:
        land = {m["municipalityNumber"]: m["landArea"] for m in json.load(f)}
    check(set(land) == set(key), "land-area codes differ from the key")

    # --- derived tables: used as a cross-check of the join and for the English region names
    derived = {r["kunta_code"]: r for r in read_csv(os.path.join(ds, "derived", "kunnat_2021.csv"))}
    dreg = {r["maakunta_code"]: r for r in read_csv(os.path.join(ds, "derived", "maakunnat_2021.csv"))}
    dsub = {r["seutukunta_code"]: r for r in read_csv(os.path.join(ds, "derived", "seutukunnat_2021.csv"))}

    munis = []
    for c in sorted(key):
        k = key[c]
        reg = "%02d" % int(k["maakunta_code"])
        sub = pad3(k["seutukunta_code"])
        check(official[c] == reg, "%s: region %s != official %s" % (c, reg, official[c]))
        ls = int(k["kielisuhde_code"])
        check(ls in (0, 1, 2, 3), "%s: language status %s" % (c, ls))
        la = land[c]
        row = OrderedDict([
            ("code", c),
            ("name_fi", k["municipality_name_fi"].strip()),
            ("name_sv", k["municipality_name_sv"].rstrip()),
            ("language_status", str(ls)),
            ("bilingual", "1" if ls in (1, 3) else "0"),
            ("subregion_code", sub),
            ("region_code", reg),
            ("population_2020", pop[c][2020]),
            ("population_2021", pop[c][2021]),
            ("centre_lat", centres[c][0]),
            ("centre_lon", centres[c][1]),
            ("land_area_km2_approx", ("%.2f" % la).rstrip("0").rstrip(".")),
            ("size_class", size_class(pop[c][2021])),
        ])
        d = derived[c]
        for a, b in [("name_fi", "name_fi"), ("name_sv", "name_sv"), ("language_status", "language_status_code"),
                     ("bilingual", "bilingual"), ("subregion_code", "seutukunta_code"),
                     ("region_code", "maakunta_code"), ("population_2020", "population_2020_12_31"),
                     ("population_2021", "population_2021_12_31"), ("centre_lat", "centre_lat"),
                     ("centre_lon", "centre_lon")]:
            check(str(row[a]) == d[b], "%s: %s=%r differs from derived %r" % (c, a, row[a], d[b]))
        check(abs(float(row["land_area_km2_approx"]) - float(d["land_area_km2_approx2022"])) < 1e-9,
              "%s: land area differs from derived" % c)
        munis.append(row)

    # --- sub-regions and regions: sums over the municipality table
    subs, regs = OrderedDict(), OrderedDict()
    for m in munis:
        s = subs.setdefault(m["subregion_code"], {"n": 0, "p20": 0, "p21": 0, "reg": m["region_code"]})
        check(s["reg"] == m["region_code"], "sub-region %s spans regions" % m["subregion_code"])
        s["n"] += 1; s["p20"] += m["population_2020"]; s["p21"] += m["population_2021"]
        g = regs.setdefault(m["region_code"], {"n": 0, "p20": 0, "p21": 0})
        g["n"] += 1; g["p20"] += m["population_2020"]; g["p21"] += m["population_2021"]
    check(len(subs) == 69, "%d sub-regions" % len(subs))
    check(len(regs) == 19, "%d regions" % len(regs))
    sub_rows = []
    for c in sorted(subs):
        s, d = subs[c], dsub[c]
        check(int(d["n_municipalities"]) == s["n"] and int(d["population_2021_12_31"]) == s["p21"]
              and d["maakunta_code"] == s["reg"], "sub-region %s differs from derived" % c)
        sub_rows.append([c, d["name_fi"], d["name_sv"], d["name_en"], s["reg"], s["n"], s["p20"], s["p21"]])
    reg_rows = []
    for c in sorted(regs):
        g, d = regs[c], dreg[c]
        check(int(d["n_municipalities"]) == g["n"] and int(d["population_2020_12_31"]) == g["p20"]
              and int(d["population_2021_12_31"]) == g["p21"], "region %s differs from derived" % c)
        reg_rows.append([c, d["name_fi"], d["name_sv"], d["name_en"], g["n"], g["p20"], g["p21"]])

    # --- facts the data-sources README states
    byc = {m["code"]: m for m in munis}
    check(byc["091"]["region_code"] == "01" and byc["091"]["population_2020"] == 656920
          and byc["091"]["population_2021"] == 658457, "Helsinki facts")
    check(byc["297"]["region_code"] == "11" and byc["297"]["subregion_code"] == "112", "Kuopio facts")
    check(regs["01"]["n"] == 26 and regs["01"]["p21"] == 1714741, "Uusimaa facts")
    check(regs["21"]["n"] == 16 and regs["21"]["p21"] == 30344, "Åland facts")
    check(sum(m["population_2021"] for m in munis) == 5548241, "national 2021")
    check(sum(m["population_2020"] for m in munis) == 5533793, "national 2020")
    check(sum(m["bilingual"] == "1" for m in munis) == 33, "bilingual count")
    for code, reg in [("090", "12"), ("142", "07"), ("152", "14"), ("171", "11"), ("291", "06")]:
        check(byc[code]["region_code"] == reg, "%s not in its 2021 region %s" % (code, reg))

    write_csv(os.path.join(gdir, "municipalities.csv"), list(munis[0].keys()), munis)
    write_csv(os.path.join(gdir, "subregions.csv"),
              ["code", "name_fi", "name_sv", "name_en", "region_code", "n_municipalities",
               "population_2020", "population_2021"], sub_rows)
    write_csv(os.path.join(gdir, "regions.csv"),
              ["code", "name_fi", "name_sv", "name_en", "n_municipalities", "population_2020",
               "population_2021"], reg_rows)
    write_csv(os.path.join(gdir, "population.csv"), ["municipality_code", "year", "population"],
              [[c, y, pop[c][y]] for c in sorted(pop) for y in years])

    build_topology(os.path.join(ds, "raw", "yle_finland-hva-2021.topo.json"), munis,
                                {r[0]: r[1] for r in sub_rows}, {r[0]: r[1] for r in reg_rows},
                                os.path.join(gdir, "boundaries.topo.json"))

    write_json(os.path.join(gdir, "geography.json"), OrderedDict([
        ("format", "alueverkko-geography"),
        ("format_version", 1),
        ("id", "fi-2021"),
        ("name", "Finland, municipalities, sub-regions (seutukunnat) and regions (maakunnat) on 1.1.2021"),
        ("reference_year", 2021),
        ("population_years", [2020, 2021]),
        ("sources", GEO_SOURCES),
        ("attribution", "Municipality classification and population: Statistics Finland (Tilastokeskus), "
                        "CC BY 4.0, via THL Sotkanet and the R package geofi (rOpenGov). Municipal centre "
                        "points: National Land Survey of Finland (Maanmittauslaitos), Topographic Database "
                        "early 2021, CC BY 4.0. Boundaries: Statistics Finland 1:4.5M municipal boundaries "
                        "2021 as converted and simplified by Yle (Yleisradio/geodata). Land area: approximate, "
                        "from Finnish Wikipedia (CC BY-SA) via AtteKoivukangas/restkunnat, figures originally "
                        "from Maanmittauslaitos."),
    ]))
    return munis, sub_rows, reg_rows


GEO_SOURCES = [
    OrderedDict([("id", "statfi-key"), ("file", "raw/statfi_kunta_1_20210101__maakunta_1_20210101.csv"),
                 ("title", "Kunta 1.1.2021 – maakunta 1.1.2021 correspondence (kunta_1_20210101#maakunta_1_20210101)"),
                 ("publisher", "Statistics Finland (Tilastokeskus); copy in GitHub lkai1/finnish_regions "
                               "d1c4d2975a7bc0e760d94cacf123909e2bfd9199"),
                 ("licence", "CC BY 4.0"), ("url", "https://github.com/lkai1/finnish_regions")]),
    OrderedDict([("id", "geofi-key"), ("file", "converted/geofi_municipality_key_2021.csv"),
                 ("title", "municipality_key_2021 (classification key 2021: names, language status, "
                           "sub-region, region)"),
                 ("publisher", "Statistics Finland classification API via R package geofi (rOpenGov), "
                               "commit de9392bbeac7ce09d13637ec000b8c9e69ce5c52"),
                 ("licence", "data CC BY 4.0 (Statistics Finland); package BSD-2-Clause"),
                 ("url", "https://github.com/rOpenGov/geofi")]),
    OrderedDict([("id", "geofi-population"), ("file", "converted/geofi_sotkadata_population_2000_2022.csv"),
                 ("title", "Population 31.12., municipalities 2000–2022 (THL Sotkanet indicator 127)"),
                 ("publisher", "Statistics Finland / THL Sotkanet via R package geofi, "
                               "commit de9392bbeac7ce09d13637ec000b8c9e69ce5c52"),
                 ("licence", "CC BY 4.0 (Statistics Finland), source reference required (THL Sotkanet)"),
                 ("url", "https://sotkanet.fi/")]),
    OrderedDict([("id", "mml-centres"), ("file", "converted/geofi_municipality_central_localities_2021-02.csv"),
                 ("title", "Municipal administrative centres (kunnanhallintokeskus), MML Topographic Database"),
                 ("publisher", "National Land Survey of Finland (Maanmittauslaitos) via R package geofi, "
                               "commit 07a08b671caaa1c06478861a205953b57a1594c8"),
                 ("licence", "CC BY 4.0"), ("url", "https://github.com/rOpenGov/geofi")]),
    OrderedDict([("id", "yle-topojson"), ("file", "raw/yle_finland-hva-2021.topo.json"),
                 ("title", "finland-hva-2021.topo.json (municipality polygons 2021, 1:4.5M)"),
                 ("publisher", "Yle (Yleisradio/geodata), commit 131fa8628120ceba5a5f0003d3dad241ef25e004; "
                               "geometry by Statistics Finland"),
                 ("licence", "geometry CC BY 4.0 (Statistics Finland); the Yle repository has no licence file"),
                 ("url", "https://github.com/Yleisradio/geodata")]),
    OrderedDict([("id", "wikipedia-land-area"), ("file", "raw/restkunnat_municipalitiesV1.0.json"),
                 ("title", "Land area (maapinta-ala) from Finnish Wikipedia 'Luettelo Suomen kunnista', "
                           "about April 2022 (approximate stand-in)"),
                 ("publisher", "AtteKoivukangas/restkunnat, commit 76d99ea8bf2814ae764b9e36a4d60f143e60ed19; "
                               "figures from Wikipedia, originally Maanmittauslaitos"),
                 ("licence", "Wikipedia text CC BY-SA; repository MIT; licence status unclear (stop-gap)"),
                 ("url", "https://github.com/AtteKoivukangas/restkunnat")]),
]


# ----------------------------------------------------------------------------------------------
# TopoJSON: keep Yle's quantisation and arcs, dissolve sub-regions and regions
# ----------------------------------------------------------------------------------------------

def decode_arcs(topo):
    sx, sy = topo["transform"]["scale"]
    tx, ty = topo["transform"]["translate"]
    q, f = [], []
    for arc in topo["arcs"]:
        x = y = 0
        qa, fa = [], []
        for p in arc:
            x += p[0]; y += p[1]
            qa.append((x, y))
            fa.append((x * sx + tx, y * sy + ty))
        q.append(qa); f.append(fa)
    return q, f


def ring_coords(ring, arcs):
    pts = []
    for a in ring:
        seq = arcs[a] if a >= 0 else arcs[~a][::-1]
        pts.extend(seq if not pts else seq[1:])
    return pts


def signed_area(pts):
    s = 0.0
    for i in range(len(pts) - 1):
        s += pts[i][0] * pts[i + 1][1] - pts[i + 1][0] * pts[i][1]
    return s / 2.0


def polygons_of(geom):
    if geom["type"] == "Polygon":
        return [geom["arcs"]]
    check(geom["type"] == "MultiPolygon", "unexpected geometry %s" % geom["type"])
    return geom["arcs"]


def point_in_ring(pt, ring):
    x, y = pt
    inside = False
    n = len(ring)
    for i in range(n - 1):
        x1, y1 = ring[i]; x2, y2 = ring[i + 1]
        if (y1 > y) != (y2 > y):
            xc = x1 + (y - y1) * (x2 - x1) / (y2 - y1)
            if x < xc:
                inside = not inside
    return inside


def dissolve(polys, qarcs, farcs, outer_sign):
    """polys: list of polygons (list of rings of arc indices) of one group.
    Returns a MultiPolygon arc list [[outer, hole, ...], ...]."""
    use = defaultdict(list)                     # arc -> [(polygon no, direction)]
    for pi, poly in enumerate(polys):
        for ring in poly:
            for a in ring:
                use[a if a >= 0 else ~a].append((pi, a >= 0))
    internal = set()
    for arc, us in use.items():
        if len(us) == 2 and us[0][0] != us[1][0] and us[0][1] != us[1][1]:
            internal.add(arc)
        else:
            check(len(us) == 1, "arc %d used %d times in one group" % (arc, len(us)))
    remaining = [a for poly in polys for ring in poly for a in ring if (a if a >= 0 else ~a) not in internal]
    check(remaining, "group without boundary arcs")

    def start(a):
        return qarcs[a][0] if a >= 0 else qarcs[~a][-1]

    def end(a):
        return qarcs[a][-1] if a >= 0 else qarcs[~a][0]

    by_start = defaultdict(list)
    for a in remaining:
        by_start[start(a)].append(a)
    for k in by_start:
        by_start[k].sort(key=lambda a: (a if a >= 0 else ~a, a))
    used = set()
    rings = []
    for a0 in remaining:
        if a0 in used:
            continue
        ring = [a0]; used.add(a0)
        p0 = start(a0)
        cur = end(a0)
        guard = 0
        while cur != p0:
            nxt = [a for a in by_start[cur] if a not in used]
            check(nxt, "open ring while dissolving")
            a = nxt[0]
            ring.append(a); used.add(a)
            cur = end(a)
            guard += 1
            check(guard < 100000, "runaway ring")
        rings.append(ring)
    check(len(used) == len(remaining), "arcs left over after chaining")

    outers, holes = [], []
    for r in rings:
        pts = ring_coords(r, farcs)
        check(pts[0] == pts[-1], "ring does not close")
        ar = signed_area(pts)
        (outers if ar * outer_sign > 0 else holes).append((r, pts, abs(ar)))
    outers.sort(key=lambda t: -t[2])
    result = [[o[0]] for o in outers]
    for h, hpts, _ in holes:
        best = None
        for i, (o, opts, oar) in enumerate(outers):
            votes = sum(point_in_ring(p, opts) for p in hpts[:-1])
            if votes * 2 > len(hpts) - 1 and (best is None or oar < outers[best][2]):
                best = i
        check(best is not None, "hole without an outer ring")
        result[best].append(h)
    return result


def polygon_area(poly, farcs, outer_sign):
    """Net area of a polygon: outer rings minus holes, whatever their order."""
    tot = 0.0
    for ring in poly:
        tot += signed_area(ring_coords(ring, farcs)) * outer_sign
    return tot


def build_topology(src, munis, sub_names, reg_names, dst):
    with open(src, encoding="utf-8") as f:
        topo = json.load(f)
    qarcs, farcs = decode_arcs(topo)
    geoms = {g["properties"]["id"]: g for g in topo["objects"]["munis"]["geometries"]}
    check(set(geoms) == {m["code"] for m in munis}, "TopoJSON codes differ from the municipality table")
    for m in munis:
        check(geoms[m["code"]]["properties"]["name_fi"] == m["name_fi"], "name differs in TopoJSON: %s" % m["code"])

    # orientation of outer rings in this file (lon/lat, shoelace)
    first = polygons_of(geoms[munis[0]["code"]])[0][0]
    outer_sign = 1.0 if signed_area(ring_coords(first, farcs)) > 0 else -1.0
    muni_area = {}
    for c, g in geoms.items():
        for poly in polygons_of(g):
            check(signed_area(ring_coords(poly[0], farcs)) * outer_sign > 0, "%s: first ring not outer" % c)
            for ring in poly:
                pts = ring_coords(ring, farcs)
                check(pts[0] == pts[-1], "%s: ring not closed" % c)
        muni_area[c] = sum(polygon_area(p, farcs, outer_sign) for p in polygons_of(g))
        check(muni_area[c] > 0, "%s: non-positive area" % c)

    def group(keyname, names):
        members = defaultdict(list)
        for m in munis:
            members[m[keyname]].append(m["code"])
        out = []
        for code in sorted(members):
            polys = [p for c in members[code] for p in polygons_of(geoms[c])]
            mp = dissolve(polys, qarcs, farcs, outer_sign)
            area = sum(polygon_area(p, farcs, outer_sign) for p in mp)
            expect = sum(muni_area[c] for c in members[code])
            check(abs(area - expect) <= 1e-9 * expect, "%s %s: area %r != %r" % (keyname, code, area, expect))
            out.append((code, mp))
        return out

    subs = group("subregion_code", sub_names)
    regs = group("region_code", reg_names)
    check(len(subs) == 69 and len(regs) == 19, "dissolve counts")

    # the five municipalities that changed region on 1.1.2021 lie in their 2021 region's outline
    # (test: the municipal centre point is inside that region's dissolved polygon, even-odd over
    # all rings, and inside no other region's)
    reg_of = {m["code"]: m["region_code"] for m in munis}
    centre = {m["code"]: (float(m["centre_lon"]), float(m["centre_lat"])) for m in munis}
    for c in ("090", "142", "152", "171", "291"):
        hits = [code for code, mp in regs
                if sum(point_in_ring(centre[c], ring_coords(r, farcs)) for p in mp for r in p) % 2 == 1]
        check(hits == [reg_of[c]], "%s: centre falls in regions %s, expected %s" % (c, hits, reg_of[c]))

    # renumber arcs: keep only arcs used by an output object
    def all_arcs(mp):
        return [a for p in mp for r in p for a in r]

    mun_geoms = []
    used = set()
    for m in munis:
        g = geoms[m["code"]]
        for a in (a for p in polygons_of(g) for r in p for a in r):
            used.add(a if a >= 0 else ~a)
    for _, mp in subs + regs:
        for a in all_arcs(mp):
            used.add(a if a >= 0 else ~a)
    order = sorted(used)
    newidx = {old: i for i, old in enumerate(order)}

    def ren(a):
        return newidx[a] if a >= 0 else ~newidx[~a]

    def ren_mp(mp):
        return [[[ren(a) for a in r] for r in p] for p in mp]

    for m in munis:
        g = geoms[m["code"]]
        if g["type"] == "Polygon":
            arcs = [[ren(a) for a in r] for r in g["arcs"]]
        else:
            arcs = ren_mp(g["arcs"])
        mun_geoms.append(OrderedDict([("type", g["type"]), ("arcs", arcs),
                                      ("properties", OrderedDict([("code", m["code"]), ("name_fi", m["name_fi"])]))]))

    def coll(items, names):
        return OrderedDict([("type", "GeometryCollection"), ("geometries", [
            OrderedDict([("type", "MultiPolygon"), ("arcs", ren_mp(mp)),
                         ("properties", OrderedDict([("code", code), ("name_fi", names[code])]))])
            for code, mp in items])])

    out = OrderedDict([
        ("type", "Topology"),
        ("transform", topo["transform"]),
        ("objects", OrderedDict([
            ("municipalities", OrderedDict([("type", "GeometryCollection"), ("geometries", mun_geoms)])),
            ("subregions", coll(subs, sub_names)),
            ("regions", coll(regs, reg_names)),
        ])),
        ("arcs", [topo["arcs"][i] for i in order]),
    ])
    write_json(dst, out, compact=True)
    return "%d of %d source arcs kept." % (len(order), len(topo["arcs"]))


# ==============================================================================================
# 2a. idea_call_2021 (seed 000): start from the reference extraction, apply the verified
#     corrections below, map roles and kinds onto docs/data-format.md, check every source line
# ==============================================================================================

# reference free-form role -> role enum of docs/data-format.md
ROLE_MAP = {
    "lead": "lead", "co-lead": "co_lead", "applicant": "co_lead", "content-lead": "co_lead",
    "co-applicant": "partner", "partner": "partner", "consortium": "partner", "core": "partner",
    "platform": "partner", "implementer": "implementer", "co-implementer": "implementer",
    "interested": "interested", "candidate": "interested", "founder": "",
    "area": "area", "location": "area", "endpoint": "endpoint",
    "resource": "context", "cluster": "context", "former": "context", "context": "context", "": "",
}

REGION_COUNCIL_AREA = {
    "org-pohjois-savon-liitto": "MK11", "org-kainuun-liitto": "MK18", "org-etela-savon-maakuntaliitto": "MK10",
    "org-etela-karjalan-liitto": "MK09", "org-kymenlaakson-liitto": "MK08", "org-paijat-hameen-liitto": "MK07",
    "org-satakuntaliitto": "MK04", "org-uudenmaan-liitto": "MK01", "org-varsinais-suomen-liitto": "MK02",
    "org-pohjois-karjalan-maakuntaliitto": "MK12", "org-hameen-liitto": "MK05", "org-pirkanmaan-liitto": "MK06",
}

# kind changes relative to the reference (its enum had no group, subregion, leader_group,
# government_agency, research_institute or vocational_institution)
KIND_OVERRIDE = {
    "org-pohjanmaan-ely": "government_agency", "org-visit-finland": "government_agency",
    "org-invest-in-finland": "government_agency", "org-luke": "research_institute",
    "org-cemis": "research_institute", "org-kpedu": "vocational_institution",
    "org-poke": "vocational_institution", "org-ysao": "vocational_institution",
    "org-lhkk": "vocational_institution", "org-aisapari": "leader_group",
    "org-keskipiste-leader": "leader_group", "org-varsin-hyva": "leader_group",
    "org-ykkosakseli": "leader_group",
}
DECLARED_SIZE = {"group-kuutoskaupungit": 6}

# seats (municipality_code) that the text states, with the line; every other seat of an
# organisation is general knowledge (listed in data/README.md)
SEAT_FROM_TEXT = {
    "org-posintra": "808", "org-kuntaliitto": "1021", "org-haaga-helia": "1394", "org-laurea": "1398",
    "org-business-tampere": "1503", "org-pohjois-karjalan-maakuntaliitto": "294", "org-helapro": "1345",
    "org-prizz": "1641", "org-etela-karjalan-liitto": "1726", "org-visit-karelia": "1756",
    "org-pro-jarvi-suomi": "1866", "org-varsinais-suomen-liitto": "1993", "org-nihak": "2108",
    "org-centria": "2185", "org-hamk": "2498", "org-uudenmaan-liitto": "2318", "org-savonia": "2582",
    "org-xamk": "2933", "org-turku-science-park": "", "place-heinola-lusi": "71",
}
SEAT_OVERRIDE = {"org-lab": "398"}   # LAB-ammattikorkeakoulu Oy: seat Lahti (general knowledge)

NEW_ACTORS = [
    # P31: Etelä-Savo is named as a party of the Saimaa cooperation next to Varkaus
    {"actor_id": "maakunta-10", "name": "Etelä-Savo", "kind": "region", "area_code": "MK10"},
    # P39: the two maakunnat of the "Hankealue" list
    {"actor_id": "maakunta-16", "name": "Keski-Pohjanmaa", "kind": "region", "area_code": "MK16"},
    {"actor_id": "maakunta-17", "name": "Pohjois-Pohjanmaa", "kind": "region", "area_code": "MK17"},
    # P57: only the shared domain tuni.fi identifies the lead (Tampere University and TAMK share it)
    {"actor_id": "org-tuni", "name": "Tampereen korkeakouluyhteisö (Tampere Universities)",
     "kind": "university", "municipality_code": "837"},
]
DROP_ACTORS = {"org-tamk"}

FOREIGN = {   # city-centre coordinates: general knowledge (rounded to 0.01 degree)
    "foreign-se-lulea": ("SE", "65.58", "22.15"),
    "foreign-se-haparanda": ("SE", "65.84", "24.14"),
}

# verified corrections of the reference memberships: (proposal, actor, change, reason)
MEMBERSHIP_FIXES = [
    (2, "org-pohjois-savon-liitto", {"source_lines": "35;80-82"},
     "the name is split over lines 80-82 ('Poh-' / 'jois-Savon liitto')"),
    (3, "org-etela-karjalan-liitto", {"source_lines": "177-179"}, "the name runs over lines 177-179"),
    (3, "org-varsinais-suomen-liitto", {"source_lines": "179-181"}, "the name runs over lines 179-181"),
    (4, "foreign-se-lulea", {"source_lines": "203-205"}, "'Luula-' / 'jan kaupunki' runs over lines 203-205"),
    (12, "kunta-761", {"source_lines": "703-705"}, "'So-' / 'mero' runs over lines 703-705"),
    (13, "kunta-111", {"source_lines": "764;790-792"}, "'Hei-' / 'nola' runs over lines 790-792"),
    (18, "org-forum-virium", {"source_lines": "1001"},
     "lines 972 and 978 are the contact person's e-mail; the organisation is named at 1001"),
    (20, "kunta-837", None,
     "'Tampereen kaupunkiseutu' (1066) is the organisation line of the lead, the Tampere city-region "
     "joint municipal authority, not the City of Tampere"),
    (21, "org-etelapohjalaiset-kylat", {"source_lines": "1130-1132"},
     "'Eteläpohjalai-' / 'set kylät ry' runs over lines 1130-1132"),
    (28, "kunta-049", {"source_lines": "1653-1655"}, "'Es-' / 'poon' runs over lines 1653-1655"),
    (29, "org-ykkosakseli", {"source_lines": "1675"},
     "line 1689 lies outside the proposal (1667-1687); it is a link residue after it"),
    (30, "org-concordia", {"source_lines": "1718-1720"}, "'Ab Jakobstadsre-' / 'gionens' starts on line 1718"),
    (57, "org-tamk", None,
     "the lead is identified only by the domain tuni.fi (3174-3176), which Tampere University and TAMK "
     "share; recorded as the Tampere Universities community (org-tuni) instead of TAMK"),
]
MEMBERSHIP_ADDS = [
    (31, "maakunta-10", "member", "partner", "1734-1736",
     "Etelä-Savo is named with Etelä-Karjala as a party of the Saimaa cooperation, like Varkaus"),
    (39, "maakunta-17", "mentioned", "area", "2179", "'Pohjois-Pohjanmaan maakunta' in the Hankealue list"),
    (39, "maakunta-16", "mentioned", "area", "2181", "'Keski-Pohjanmaan maakunta' in the Hankealue list"),
    (57, "org-tuni", "member", "lead", "3174-3176", "replaces org-tamk (see above)"),
]

# declared counts: an integer only where the text gives the total of the network's members
DECLARED = {14: (4, "817"), 24: (5, "1467"), 35: (4, "1941")}
NETWORK_NOTES = {
    3: "p03 declares '13 suurimman kaupungin ja 6 maakuntaliiton' (line 94) but lists 12 cities and 6 "
       "regional councils (173-181); the 13th city is not inferred.",
    7: "p07: the zone is the five Pietarsaari-region municipalities plus Kokkola (343-347); the applicant "
       "Concordia is owned by 'Pietarsaaren seudun viisi kuntaa' (410-412).",
    8: "p08: the corridor has 'lähes 20 kuntaa ja kaupunkia' (line 454), none named except the end points "
       "Helsinki and Seinäjoki (462); the approximate count is not a declared membership.",
    13: "p13: '57 Seutukaupunkia' (line 717) is the national number of regional towns, not members.",
    17: "p17: the group Kuutoskaupungit (the six largest cities) has declared_size 6 (general knowledge; "
        "its members are not listed in the text).",
    19: "p19: the frame-municipality network's municipalities (870 000 inhabitants, lines 1027-1029) are "
        "not named.",
    20: "p20: the lead's organisation line reads 'Tampereen kaupunkiseutu' (1066); MAL-verkosto (1070) is "
        "the network it hosts.",
    28: "p28 has no organisation or contact line; it has no lead. The six founding cities (1653-1655) are "
        "members.",
    41: "p41: the network works in 'vähintään kolmen maakunnan' (at least three regions: Pohjois-Pohjanmaa, "
        "Keski-Pohjanmaa, Keski-Suomi; lines 2268-2270).",
    42: "p42 declares 'kuusi kuntaa neljän maakunnan alueella, kolme ammattikorkeakoulua, kolme "
        "ammattiopistoa sekä Luonnonvarakeskus' (2282-2284), i.e. 13 by category, all named (2304-2310); "
        "the Rural Industry Digital Innovation Hub is named in addition (2286).",
    45: "p45: actors from six named regions take part preliminarily, none named (2399-2401).",
    47: "p47: the three UASs operate in 'Yhteensä 6 eri maakunnassa' (2517-2521).",
    52: "p52: funding is sought for actors of 'neljän maakunnan' (four regions, 2951), none named.",
    54: "p54: 'kuuden maakunnan toimijoiden' (actors of six regions, 2999); the members are listed by region "
        "(3082-3090); cities, municipalities and sports clubs are to be added later.",
    57: "p57: the lead is identified only by the shared domain tuni.fi (Tampere University and TAMK); "
        "actors from five named regions take part preliminarily (3208-3212).",
    59: "p59: all network partners are listed as 'alustavasti kiinnostuksensa ilmoittaneet' (3340) and "
        "recorded as planned.",
    60: "p60: the network is built 'ECO3, Business Tampere ja ... LADEC ... johdolla' (3408-3410): LADEC "
        "(organisation line) is the lead, the other two co_lead.",
}

# official names not written in seed 000 (Swedish names of the Swedish towns, Kuntaliitto's Swedish
# name whose web domain is in the text, the nominative of the elliptical "Turunmaan ... seutukunnat")
ALIAS_NOT_IN_TEXT = {"Haparanda", "Luleå", "Kommunförbundet", "Turunmaan seutukunta"}
ALIAS_DROP = {"Iisalmen kaupunkiseutu", "Kajaanin kaupunkiseutu", "Kuopion kaupunkiseutu",
              "Mikkelin kaupunkiseutu", "Pieksämäen kaupunkiseutu", "Varkauden kaupunkiseutu",
              "Tampereen kaupunkiseutu"}
# inflected and other forms seen in seed 000 (each is checked to occur in the text)
ALIAS_EXTRA = {
    "kunta-286": ["Kouvolan", "Kouvolasta"], "kunta-285": ["Kotkan", "Kotkassa"], "kunta-734": ["Salon"],
    "kunta-638": ["Porvoon"], "kunta-091": ["Helsingin", "Helsingistä"], "kunta-743": ["Seinäjoelle"],
    "kunta-758": ["Sodankylään"], "kunta-205": ["Kajaanin", "Kajaaniin", "Kajaanissa"],
    "kunta-491": ["Mikkelin"], "kunta-593": ["Pieksämäen"], "kunta-915": ["Varkauden"],
    "kunta-297": ["Kuopion", "Kuopiossa"], "kunta-140": ["Iisalmen"], "kunta-564": ["Oulun", "Oulussa"],
    "kunta-853": ["Turun", "Turussa"], "kunta-837": ["Tampereen", "Tampereella"],
    "kunta-179": ["Jyväskylän", "Jyväskylässä"], "kunta-398": ["Lahden", "Lahdessa"],
    "kunta-905": ["Vaasassa"], "kunta-049": ["Espoon"], "kunta-092": ["Vantaan"],
    "kunta-529": ["Naantalin"], "kunta-217": ["Kannuksen"], "kunta-263": ["Kiuruveden"],
    "kunta-535": ["Nivalan"], "kunta-729": ["Saarijärven"], "kunta-925": ["Vieremän"],
    "kunta-165": ["Janakkalan"], "kunta-109": ["Hämeenlinnan"], "kunta-167": ["Joensuun"],
    "org-kainuun-liitto": ["Kainuun liiton"], "org-forum-virium": ["Forum Viriumilla"],
    "org-tampereen-kaupunkiseudun-kuntayhtyma": ["Tampereen kaupunkiseutu"],
    "group-mal-verkosto": ["MAL-verkoston"], "org-neogames": ["Neogamesin"],
}


def build_idea_call(shared, out, geo):
    ref = os.path.join(shared, "reference")
    seed = Seed(os.path.join(shared, "seeds", SEED000))
    munis = {m["code"]: m for m in geo[0]}
    props = read_csv(os.path.join(ref, "seed000_proposals.csv"))
    ref_actors = read_csv(os.path.join(ref, "seed000_actors.csv"))
    ref_ms = read_csv(os.path.join(ref, "seed000_memberships.csv"))
    check(len(props) == 60, "reference: %d proposals" % len(props))

    # ---------------- actors
    actors = OrderedDict()
    aliases = []
    for r in ref_actors:
        aid = r["actor_id"]
        if aid in DROP_ACTORS:
            continue
        kind = KIND_OVERRIDE.get(aid, r["kind"])
        a = OrderedDict([("actor_id", aid), ("name", r["name"]), ("kind", kind),
                         ("municipality_code", SEAT_OVERRIDE.get(aid, r["municipality_code"])),
                         ("area_code", ""), ("country", r["country"] or "FI"), ("lat", ""), ("lon", ""),
                         ("declared_size", DECLARED_SIZE.get(aid, "")), ("source", "")])
        if aid.startswith("group-"):
            a["kind"] = "group"
            a["municipality_code"] = ""
        if aid.startswith("seutukunta-"):
            a["kind"] = "subregion"
            a["area_code"] = "SK" + aid.split("-")[1]
            a["municipality_code"] = ""
        if aid in REGION_COUNCIL_AREA:
            check(a["kind"] == "regional_council", "%s is not a regional council" % aid)
            a["area_code"] = REGION_COUNCIL_AREA[aid]
        if aid in FOREIGN:
            a["country"], a["lat"], a["lon"] = FOREIGN[aid]
            a["municipality_code"] = ""
        if aid.startswith("kunta-"):
            code = aid[6:]
            check(code in munis and a["municipality_code"] == code, "%s: bad municipality" % aid)
            check(r["name"] == munis[code]["name_fi"], "%s: name %s != %s" % (aid, r["name"], munis[code]["name_fi"]))
        if SEAT_FROM_TEXT.get(aid):
            a["source"] = "%s:%s" % (SEED000, SEAT_FROM_TEXT[aid])
        actors[aid] = a
        for al in (r["aliases"].split("|") if r["aliases"] else []):
            if al not in ALIAS_DROP:
                aliases.append((al, aid))
    for n in NEW_ACTORS:
        a = OrderedDict((k, "") for k in ["actor_id", "name", "kind", "municipality_code", "area_code",
                                           "country", "lat", "lon", "declared_size", "source"])
        a.update(n)
        a["country"] = a["country"] or "FI"
        actors[n["actor_id"]] = a
    for aid, als in ALIAS_EXTRA.items():
        for al in als:
            aliases.append((al, aid))
    for aid, a in actors.items():                   # official Swedish names of municipality actors
        if a["kind"] == "municipality":
            sv = munis[a["municipality_code"]]["name_sv"]
            if sv != a["name"]:
                aliases.append((sv, aid))
    # every alias except the official Swedish names and the TAMK note must occur in the seed text
    full = fold(seed.text("1-%d" % len(seed.lines)))
    sv_names = {m["name_sv"] for m in munis.values()}
    for al, aid in aliases:
        if al in sv_names:
            continue
        found = fold(al) in full or fold(al.replace(" ", "")) in full.replace(" ", "")
        m = re.fullmatch(r"(\S+) (kaupunki|kunta)", al)
        if not found and m:        # "Kannuksen kaupunki": the genitive is in the text ("Kannuksen ... kaupungit")
            found = fold(m.group(1)) in full
        if not found:
            found = fold(al) in full.replace("- ", "") or al in ALIAS_NOT_IN_TEXT
        check(found, "alias %r of %s not found in %s" % (al, aid, SEED000))
    aliases = sorted(set(aliases), key=lambda t: (t[0].casefold(), t[0], t[1]))
    seen = {}
    for aid, a in actors.items():
        seen.setdefault(fold(a["name"]), set()).add(aid)
    for al, aid in aliases:
        seen.setdefault(fold(al), set()).add(aid)
    for k, ids in seen.items():
        check(len(ids) == 1, "name/alias %r maps to %s" % (k, sorted(ids)))
    aliases = [(al, aid) for al, aid in aliases if fold(al) != fold(actors[aid]["name"])]

    # ---------------- networks
    networks = []
    ranges = {}
    notes = []
    for p in props:
        pid = int(p["proposal_id"])
        nid = "p%02d" % pid
        ranges[pid] = p["source_lines"]
        dm = ""
        if pid in DECLARED:
            dm, dl = DECLARED[pid]
            check(within(dl, p["source_lines"]), "%s: declared line outside" % nid)
        check(seed.lines[parse_ranges(p["source_lines"])[0][0] - 1].strip().lstrip().startswith("%d." % pid),
              "%s: proposal does not start at its first line" % nid)
        networks.append(OrderedDict([
            ("network_id", nid), ("name", p["title"]), ("name_en", p["title_en"]), ("kind", "proposal"),
            ("track", p["track"]), ("themes", p["themes"]), ("declared_members", dm),
            ("regional_towns", p["regional_towns_track"]),
            ("source", "%s:%s" % (SEED000, p["source_lines"])),
        ]))
        if pid in NETWORK_NOTES:
            notes.append(NETWORK_NOTES[pid])
    # the track follows the section heading: Kehittämisvyöhykkeet (line 3) / Teemaverkostot (line 600)
    check(seed.lines[2].strip() == "Kehittämisvyöhykkeet" and seed.lines[599].strip() == "Teemaverkostot",
          "section headings moved")
    for n in networks:
        first = parse_ranges(n["source"].split(":")[1])[0][0]
        check(n["track"] == ("development_zone" if first < 600 else "thematic_network"), "%s: track" % n["network_id"])

    # ---------------- memberships
    fixes = {(pid, aid): (chg, why) for pid, aid, chg, why in MEMBERSHIP_FIXES}
    used_fixes = set()
    ms = []
    for r in ref_ms:
        pid, aid = int(r["proposal_id"]), r["actor_id"]
        row = dict(r)
        if (pid, aid) in fixes:
            chg, _ = fixes[(pid, aid)]
            used_fixes.add((pid, aid))
            if chg is None:
                continue
            row.update(chg)
        check(r["role"] in ROLE_MAP, "unmapped role %r" % r["role"])
        role = ROLE_MAP[r["role"]]
        if r["is_lead"] == "1":
            check(role == "lead", "lead flag without lead role: %s %s" % (pid, aid))
        ms.append([pid, aid, r["status"], role, row["source_lines"]])
    check(used_fixes == set(fixes), "unused fixes: %s" % (set(fixes) - used_fixes))
    for pid, aid, status, role, lines, _ in MEMBERSHIP_ADDS:
        ms.append([pid, aid, status, role, lines])

    rows = []
    pairs = set()
    leads = Counter()
    missing = []
    for pid, aid, status, role, lines in sorted(ms, key=lambda t: (t[0], t[3] != "lead", t[1])):
        nid = "p%02d" % pid
        check(aid in actors, "unknown actor %s" % aid)
        check(status in ("member", "planned", "invited", "mentioned"), "status %s" % status)
        check((nid, aid) not in pairs, "duplicate pair %s %s" % (nid, aid))
        pairs.add((nid, aid))
        check(within_all(lines, ranges[pid]), "%s %s: lines %s outside %s" % (nid, aid, lines, ranges[pid]))
        if not names_in_text(actors[aid], [al for al, i in aliases if i == aid], seed.text(lines)):
            missing.append("%s %s (%s): name not found on lines %s" % (nid, aid, actors[aid]["name"], lines))
        if role == "lead":
            leads[nid] += 1
        rows.append([nid, aid, status, role, "%s:%s" % (SEED000, lines)])
    check(not missing, "\n".join(missing))
    check(all(v == 1 for v in leads.values()), "more than one lead")
    check(len(leads) == 59 and "p28" not in leads, "every proposal but p28 has a lead")
    used_actors = {r[1] for r in rows}
    check(used_actors == set(actors), "actors without membership: %s" % (set(actors) - used_actors))

    d = os.path.join(out, "collaborations", "idea_call_2021")
    act_cols = ["actor_id", "name", "kind", "municipality_code", "area_code", "country", "lat", "lon",
                "declared_size", "source"]
    write_csv(os.path.join(d, "actors.csv"), act_cols, sorted(actors.values(), key=lambda a: a["actor_id"]))
    write_csv(os.path.join(d, "networks.csv"), list(networks[0].keys()), networks)
    write_csv(os.path.join(d, "memberships.csv"), ["network_id", "actor_id", "status", "role", "source"], rows)
    write_csv(os.path.join(d, "aliases.csv"), ["alias", "actor_id"], aliases)
    write_json(os.path.join(d, "dataset.json"), OrderedDict([
        ("format", "alueverkko-dataset"), ("format_version", 1), ("name", "idea_call_2021"),
        ("title", "Proposals to the 2021 idea call for inter-regional network cooperation (TEM)"),
        ("description", "The 60 public summaries of the idea phase of the Ministry of Economic Affairs and "
                        "Employment's 2021 call for thematic networks (teemaverkostot) and development zones "
                        "(kehittämisvyöhykkeet): one network per proposal, its lead and named participants "
                        "with status (member/planned/mentioned) and role, each with the source lines. "
                        "Organisations only; no persons."),
        ("reference_year", 2021), ("geography", "fi-2021"),
        ("sources", [OrderedDict([("file", SEED000),
                                  ("title", "Alueiden välisen yhteistyön ideahaun ideavaiheen julkiset tiivistelmät"),
                                  ("publisher", "Työ- ja elinkeinoministeriö (TEM)"), ("year", 2021)])]),
        ("notes", notes + [
            "regional_towns is inferred from the text: the summaries are not filed under a separate "
            "regional-towns heading; 1 = the proposal targets seutukaupungit by name (p10-p13) or names their "
            "education, technology and innovation activity, the purpose of the regional-towns appropriation "
            "(p26, line 1525; call text 003 line 98).",
            "Foreign actors' coordinates are city centres from general knowledge, rounded to 0.01 degree.",
            "Actor source cites the line that states the organisation's seat; an empty source means the seat "
            "is general knowledge (see data/README.md).",
        ]),
    ]))
    return actors, rows, networks, aliases


def within_all(lines, outer):
    return within(lines, outer)


def names_in_text(actor, aliases, text):
    t = fold(text)
    t = t + "\n" + t.replace("- ", "")
    tn = t.replace(" ", "")
    cands = [actor["name"]] + aliases + NAME_EVIDENCE.get(actor["actor_id"], [])
    for c in cands:
        f = fold(c)
        if f in t or f.replace(" ", "") in tn:
            return True
        w = f.split()[0] if f.split() else f
        if len(f.split()) == 1 and len(w) >= 5 and w[:max(4, len(w) - 2)] in t:
            return True
    return False


# evidence strings for actors whose source line names them in another form (domains, units)
NAME_EVIDENCE = {
    "org-business-jyvaskyla": ["Business Jyväskylä"], "org-varsin-hyva": ["varsinhyva.fi"],
    "org-ykkosakseli": ["ykkosakseli.fi"], "org-lhkk": ["lhkk.fi"], "org-laurea": ["laurea.fi"],
    "org-tuni": ["tuni.fi"], "org-jamk": ["jamk.fi"], "org-naturpolis": ["Natrupolis"],
    "org-concordia": ["Concordia"], "org-kosek": ["Kokkolan seudun Kehitys", "KOSEK"],
    "group-kuutoskaupungit": ["Kuutoskaupun"], "group-kuntaliitto-kehyskuntaverkosto": ["kehyskuntaverkosto"],
    "group-mal-verkosto": ["MAL-verkosto"], "org-tampereen-kaupunkiseudun-kuntayhtyma": ["kaupunkiseudun kuntayhtymä"],
    "org-vaasan-yliopisto": ["Vaasan yliopisto"], "org-centria": ["Centria"], "org-kamk": ["Kajaanin ammattikorkeakoulu", "Kajaanin AMK", "KAMK"],
    "org-savonia": ["Savonia"], "org-xamk": ["Kaakkois-Suomen"], "org-diak": ["Diak"],
    "group-aluekehitysjohtajien-verkosto": ["aluekehitysjohtajien"], "group-ely-e-johtajien-verkosto": ["E-vastuualueen johtajien"],
    "org-pohjois-karjalan-maakuntaliitto": ["Pohjois-Karjala", "maakuntien liitot"],
    "org-etela-karjalan-liitto": ["Etelä-Karjala", "maakuntien liitot"], "org-etela-savon-maakuntaliitto": ["Etelä-Savo"],
    "org-pohjois-savon-liitto": ["Pohjois-Savo"], "org-kainuun-liitto": ["Kainuu"],
    "org-visit-finland": ["Visit Finland"], "org-cemis": ["CEMIS", "CE-MIS"], "org-polar": ["Polar"], "org-oura": ["Oura"],
    "org-neste": ["Nesteen"], "org-invest-in-finland": ["Invest In Finladin", "IIF"],
    "group-turun-kiertotalousekosysteemi": ["Turun ja pääkaupunkiseudun kiertotalousekosysteemit"],
    "group-pks-kiertotalousekosysteemi": ["pääkaupunkiseudun kiertotalousekosysteemit"],
    "group-lounais-hameen-kunnat": ["Lounais-Hämeen kunnista", "Lounais Hämeen kunnista"],
    "org-pirkanmaan-liitto": ["Pirkanmaan kuin"], "org-helsingin-satama": ["Helsingin Vuosaaren satama", "Port of Helsinki"],
    "org-lahti-region": ["Lahti Region"], "org-hameen-liitto": ["Hämeen liitto", "Hämeen"],
    "org-peramerenkaaren-yhdistys": ["Perämerenkaaren yhdistys"], "place-heinola-lusi": ["Heinolan Lusista"],
    "org-turku-science-park": ["Turku Science Park", "turkubusinessregion"], "org-forum-virium": ["Forum Viriumilla"],
    "org-oulun-kauppakamari": ["Oulun kauppakamari"], "org-lut": ["LUT", "Lappeenrannan"],
    "org-lab": ["LAB"], "org-prizz": ["Prizz"], "org-kpedu": ["Pohjanmaan koulutuskuntayhtymä", "KeskiPohjanmaan koulutuskuntayhtymä"],
    "org-smart-chemistry-park": ["Smart Chemistry Park"], "org-turun-amk": ["Turun AMK", "Turun ammattikorkeakoulu"],
    "org-haaga-helia": ["Haaga-Helia"], "org-helvary": ["HELVARY"], "org-suomen-lapsiperheet": ["LAPSIPERHEET"],
    "org-aisapari": ["Aisapari"], "org-nihak": ["NIHAK"],
    "maakunta-10": ["Etelä-Savon"], "seutukunta-014": ["Raaseporin"], "seutukunta-041": ["Rauman"],
    "seutukunta-022": ["Salon"], "seutukunta-023": ["Turun"], "seutukunta-021": ["Turunmaan"],
    "seutukunta-024": ["Vakka-Suomen"], "seutukunta-011": ["Helsingin seutukunnasta"],
    "org-paijat-hameen-liitto": ["Päijät-Hämeen liiton", "Regional Council of Päijät-Häme"], "maakunta-16": ["Keski-Pohjanmaan maakunta"], "maakunta-17": ["Pohjois-Pohjanmaan maakunta"],
}


# ==============================================================================================
# 2c. growth_corridor_2023 (seed 002)
# ==============================================================================================

def act_row(**kw):
    a = OrderedDict((k, "") for k in ACTOR_COLS)
    a.update(kw)
    a["country"] = a["country"] or "FI"
    return a


ACTOR_COLS = ["actor_id", "name", "kind", "municipality_code", "area_code", "country", "lat", "lon",
              "declared_size", "source"]


def muni_actor(munis, code, source=""):
    return act_row(actor_id="kunta-" + code, name=munis[code]["name_fi"], kind="municipality",
                   municipality_code=code, source=source)


def sv_aliases(munis, actors):
    out = []
    for a in actors:
        if a["kind"] == "municipality":
            sv = munis[a["municipality_code"]]["name_sv"]
            if sv != a["name"]:
                out.append((sv, a["actor_id"]))
    return sorted(out, key=lambda t: (t[0].casefold(), t[0], t[1]))


def build_growth_corridor(shared, out, geo):
    seed = Seed(os.path.join(shared, "seeds", SEED002))
    munis = {m["code"]: m for m in geo[0]}
    byname = {m["name_fi"]: m["code"] for m in munis.values()}
    check(seed.lines[80].strip() == "## Aluevideot:", "002: 'Aluevideot' heading moved")
    check("1.9.2021" in seed.lines[8] and "31.12.2023" in seed.lines[8], "002: project period not on line 9")
    check("17 jäsenkunnan" in seed.lines[20], "002: member count not on line 21")
    members = []
    for ln in range(83, 96):
        m = re.fullmatch(r"- \[(.+)\]\(#\)", seed.lines[ln - 1].strip())
        check(m and m.group(1) in byname, "002 line %d is not a municipality: %r" % (ln, seed.lines[ln - 1]))
        members.append((byname[m.group(1)], ln))
    check(len(members) == 13 and seed.lines[96].strip() == "## Webinaarit:", "002: 13 names expected")
    actors = [muni_actor(munis, c) for c, _ in sorted(members)]
    nets = [OrderedDict([
        ("network_id", "kasvukaytava"), ("name", "Suomen kasvukäytävä"), ("name_en", "Finnish Growth Corridor"),
        ("kind", "network"), ("declared_members", 17), ("start", "2021-09-01"), ("end", "2023-12-31"),
        ("financing", "TEM-funded network project (TEM:in rahoittama verkostohanke), line 9"),
        ("country", "FI"), ("source", "%s:9;21;81-95" % SEED002)])]
    ms = [["kasvukaytava", "kunta-" + c, "member", "", "%s:%d" % (SEED002, ln)] for c, ln in sorted(members)]
    d = os.path.join(out, "collaborations", "growth_corridor_2023")
    write_csv(os.path.join(d, "actors.csv"), ACTOR_COLS, actors)
    write_csv(os.path.join(d, "networks.csv"), list(nets[0].keys()), nets)
    write_csv(os.path.join(d, "memberships.csv"), ["network_id", "actor_id", "status", "role", "source"], ms)
    write_csv(os.path.join(d, "aliases.csv"), ["alias", "actor_id"], sv_aliases(munis, actors))
    write_json(os.path.join(d, "dataset.json"), OrderedDict([
        ("format", "alueverkko-dataset"), ("format_version", 1), ("name", "growth_corridor_2023"),
        ("title", "Finnish Growth Corridor (Suomen kasvukäytävä) network project 2021–2023: member municipalities"),
        ("description", "The TEM-funded network project 'Suomen kasvukäytävä – kansainvälisesti vetovoimainen "
                        "sekä resurssiviisas innovaatio- ja kokeilualusta' (1.9.2021–31.12.2023). The final "
                        "review states 17 member municipalities and cities (line 21) and names 13 of them in its "
                        "list of regional videos (Aluevideot, lines 81-95)."),
        ("reference_year", 2023), ("geography", "fi-2021"),
        ("sources", [OrderedDict([("file", SEED002),
                                  ("title", "Verkostohanke päättyy, mutta sen vaikutukset jäävät elämään "
                                            "(final review of the Suomen kasvukäytävä network project)"),
                                  ("publisher", "Suomen kasvukäytävä"), ("year", 2023)])]),
        ("notes", ["The 13 municipalities are named only as titles of regional videos of the member "
                   "municipalities; the other 4 of the 17 members are not named in the source.",
                   "start/end are the dates of the TEM-funded network project, not of the corridor "
                   "cooperation itself."]),
    ]))
    return actors, ms


# ==============================================================================================
# 2d. east_north_finland_s3_2024 (seed 004)
# ==============================================================================================

CYRILLIC_LOOKALIKE = str.maketrans({"н": "n", "о": "o", "л": "l", "г": "g", "а": "a", "е": "e", "с": "c",
                                    "р": "p", "к": "k", "т": "t", "и": "i", "у": "y", "х": "x"})

S3_REGIONS = [  # code, region, council actor id, council name, seat, heading line, priority lines, board line
    ("19", "Lappi", "org-lapin-liitto", "Lapin liitto", "698", 399, "401-404", 72),
    ("17", "Pohjois-Pohjanmaa", "org-pohjois-pohjanmaan-liitto", "Pohjois-Pohjanmaan liitto", "564", 408, "410-422", 70),
    ("18", "Kainuu", "org-kainuun-liitto", "Kainuun liitto", "205", 424, "426-430", 66),
    ("16", "Keski-Pohjanmaa", "org-keski-pohjanmaan-liitto", "Keski-Pohjanmaan liitto", "272", 432, "434-438", 68),
    ("11", "Pohjois-Savo", "org-pohjois-savon-liitto", "Pohjois-Savon liitto", "297", 442, "444-450", 62),
    ("12", "Pohjois-Karjala", "org-pohjois-karjalan-maakuntaliitto", "Pohjois-Karjalan maakuntaliitto", "167",
     454, "456-458", 64),
    ("10", "Etelä-Savo", "org-etela-savon-maakuntaliitto", "Etelä-Savon maakuntaliitto", "491", 462, "464-468", 60),
]
S3_SHARED = [("Puhtaat ratkaisut", 106), ("Digitalisaation hyödyntäminen", 155), ("Kestävä palvelutuotanto", 214)]


def build_s3(shared, out, geo):
    seed = Seed(os.path.join(shared, "seeds", SEED004))
    regnames = {r[0]: r[1] for r in geo[2]}
    F = SEED004
    check(seed.lines[4].strip() == "1.1.2024 alkaen", "004: start date not on line 5")
    check(seed.lines[16].strip() == "Lapin liitto" and seed.lines[24].strip() == "Rovaniemi", "004: lines 17/25")
    check("Seitsemän maakunnan" in seed.lines[477], "004: 'Seitsemän maakunnan' not on line 478")
    line92 = seed.lines[91].lower()
    for name, ln in S3_SHARED:
        check(name.lower() in seed.lines[ln - 1].lower() and name.lower() in line92,
              "004: shared priority %s not on lines %d and 92" % (name, ln))
    fixes = []
    actors, nets, ms = [], [], []
    for code, region, aid, council, seat, head, plines, board in S3_REGIONS:
        check(regnames[code] == region, "004: region name %s" % region)
        check(seed.lines[head - 1].strip().endswith(region), "004: heading of %s not on line %d" % (region, head))
        check(seed.lines[board - 1].rstrip().endswith(region), "004: %s not on line %d" % (region, board))
        actors.append(act_row(actor_id=aid, name=council, kind="regional_council", municipality_code=seat,
                              area_code="MK" + code, source="%s:%s" % (F, "17;25" if code == "19" else head)))
        themes = []
        for a, b in parse_ranges(plines):
            for ln in range(a, b + 1):
                raw = seed.lines[ln - 1]
                m = re.fullmatch(r"\s*\d+\.\s+(.+?)\s*", raw)
                check(m is not None, "004 line %d is not a numbered priority: %r" % (ln, raw))
                t = m.group(1)
                if re.search("[\u0400-\u04ff]", t):
                    fixed = t.translate(CYRILLIC_LOOKALIKE)
                    check(not re.search("[\u0400-\u04ff]", fixed), "004 line %d: unmapped Cyrillic" % ln)
                    fixes.append("Line %d reads %r with Cyrillic letters (OCR); recorded as %r." % (ln, t, fixed))
                    t = fixed
                check("|" not in t, "theme with '|'")
                themes.append(t)
        nid = "s3-" + code
        nets.append(OrderedDict([
            ("network_id", nid), ("name", "%s smart specialisation priorities" % region),
            ("name_en", "%s smart specialisation priorities" % region), ("kind", "strategy"),
            ("themes", "|".join(themes)), ("declared_members", ""), ("start", ""), ("country", "FI"),
            ("source", "%s:%d-%d" % (F, head, parse_ranges(plines)[-1][1]))]))
        ms.append([nid, aid, "member", "lead", "%s:%s" % (F, head)])
    check(len(fixes) == 1 and "447" in fixes[0], "004: exactly one OCR fix expected (line 447)")
    joint = OrderedDict([
        ("network_id", "s3-joint"), ("name", "Itä- ja Pohjois-Suomen yhteinen älykkään erikoistumisen strategia"),
        ("name_en", "Joint smart specialisation strategy of East and North Finland"), ("kind", "strategy"),
        ("themes", "|".join(n for n, _ in S3_SHARED)), ("declared_members", 7), ("start", "2024-01-01"),
        ("country", "FI"), ("source", "%s:3-5;32-34;92;478" % F)])
    nets.insert(0, joint)
    for code, region, aid, council, seat, head, plines, board in S3_REGIONS:
        ms.insert(0, ["s3-joint", aid, "member", "", "%s:50;%d" % (F, board)])
    ms.sort(key=lambda r: (r[0], r[3] != "lead", r[1]))
    actors.sort(key=lambda a: a["actor_id"])
    d = os.path.join(out, "collaborations", "east_north_finland_s3_2024")
    write_csv(os.path.join(d, "actors.csv"), ACTOR_COLS, actors)
    write_csv(os.path.join(d, "networks.csv"), list(joint.keys()), nets)
    write_csv(os.path.join(d, "memberships.csv"), ["network_id", "actor_id", "status", "role", "source"], ms)
    write_json(os.path.join(d, "dataset.json"), OrderedDict([
        ("format", "alueverkko-dataset"), ("format_version", 1), ("name", "east_north_finland_s3_2024"),
        ("title", "Joint smart specialisation strategy of East and North Finland (from 1.1.2024)"),
        ("description", "The seven regional councils of East and North Finland, their joint strategy with "
                        "three shared priorities, and each region's own smart-specialisation priorities."),
        ("reference_year", 2024), ("geography", "fi-2021"),
        ("sources", [OrderedDict([("file", F),
                                  ("title", "Itä- ja Pohjois-Suomen yhteinen älykkään erikoistumisen strategia"),
                                  ("publisher", "Lapin liitto (julkaisusarja A69/2023), for the seven regional "
                                                "councils of East and North Finland"), ("year", 2023)])]),
        ("notes", fixes + [
            "The joint strategy has no lead: leadership rotates with the chair (line 517). Each regional "
            "strategy network has its council as lead.",
            "Themes of the regional networks are the numbered priorities as written (for Pohjois-Pohjanmaa "
            "its three priorities and their sub-priorities); cross-cutting elements are not themes.",
            "Council names other than Lapin liitto (line 17) and the seats other than Rovaniemi (line 25) are "
            "general knowledge; the source names the regions (lines 60-72 and the section headings).",
        ]),
    ]))
    return actors, ms


# ==============================================================================================
# 2e. call_rules_2021 (seed 003)
# ==============================================================================================

def build_rules(shared, out):
    seed = Seed(os.path.join(shared, "seeds", SEED003))
    F = SEED003

    def src(lines, *phrases):
        t = seed.text(lines)
        for ph in phrases:
            check(ph in t, "003: %r not on lines %s" % (ph, lines))
        return "%s:%s" % (F, lines)

    def req(quantity, comparison, value, as_written, lines):
        minimum = value if comparison == ">=" else value + 1
        return OrderedDict([("quantity", quantity), ("comparison", comparison), ("value", value),
                            ("minimum", minimum), ("as_written", as_written), ("source", src(lines, as_written))])

    kinds = [
        ("kunta", ["municipality"]),
        ("kuntayhtymä", ["joint_municipal_authority"]),
        ("kehittämisorganisaatio", ["development_company"]),
        ("korkeakoulu tai oppilaitos", ["university", "university_of_applied_sciences", "vocational_institution"]),
        ("järjestö", ["association"]),
        ("LEADER-ryhmä", ["leader_group"]),
    ]
    rules = OrderedDict([
        ("call", OrderedDict([
            ("title", seed.lines[0].strip()),
            ("organiser", "Työ- ja elinkeinoministeriö (TEM)"),
            ("source", src("1;140", "Haku alueiden välisen verkostoyhteistyön", "työ- ja elinkeinoministeriö"))])),
        ("semantics", "Each requirement reads: count(quantity) <comparison> value. 'minimum' is the same "
                      "rule as the smallest integer count that passes. quantity 'municipalities' = distinct "
                      "Finnish municipalities forming the network; 'regions' = distinct maakunnat they lie in."),
        ("tracks", OrderedDict([
            ("thematic_network", OrderedDict([
                ("name_fi", "Teemaverkostot"),
                ("requirements", [
                    req("municipalities", ">=", 4, "neljä kuntaa tai enemmän", "18"),
                    req("regions", ">=", 2, "vähintään kahden maakunnan alueella", "18")]),
                ("source", src("16-24", "a. Teemaverkostot"))])),
            ("development_zone", OrderedDict([
                ("name_fi", "Kasvuvyöhykkeet (the idea-call summaries: Kehittämisvyöhykkeet)"),
                ("requirements", [
                    req("municipalities", ">", 4, "enemmän kuin neljä kuntaa", "28"),
                    req("regions", ">=", 2, "kahden tai useamman maakunnan alueella", "30")]),
                ("also_stated", src("59", "Kasvuvyöhyke on kahden tai useamman maakunnan alueella")),
                ("source", src("26-34", "b. Kasvuvyöhykkeet"))])),
        ])),
        ("applicant_kinds", OrderedDict([
            ("allowed", [OrderedDict([("as_written", w), ("actor_kinds", k)]) for w, k in kinds]),
            ("note", "'korkeakoulu tai oppilaitos' covers three actor kinds; 'kehittämisorganisaatio' is "
                     "mapped to development_company, the closest kind."),
            ("source", src("73-80", *[w for w, _ in kinds]))])),
        ("funding", OrderedDict([
            ("instrument", "AKKE"),
            ("instrument_fi", "alueiden kestävän kasvun ja elinvoiman tukeminen -määräraha"),
            ("total_eur", 7000000), ("years", [2021, 2023]),
            ("total_as_written", "yhteensä 7 miljoonaa euroa vuosille 2021-2023"),
            ("total_source", src("84", "yhteensä 7 miljoonaa euroa vuosille 2021-2023")),
            ("max_akke_share_of_public_funding", 0.8),
            ("max_share_as_written", "korkeintaan 80 prosenttia hankkeen julkisen rahoituksen määrästä"),
            ("max_share_source", src("100", "korkeintaan 80 prosenttia hankkeen julkisen rahoituksen määrästä")),
            ("paid_to", "regional_council_of_lead_region"),
            ("paid_to_as_written", "Rahoitus osoitetaan sille maakunnan liitolle, jonka alueella verkoston "
                                   "vetäjätaho toimii."),
            ("paid_to_source", src("108", "Rahoitus osoitetaan sille maakunnan liitolle, jonka alueella "
                                          "verkoston vetäjätaho toimii.")),
            ("regional_towns_appropriation", "a separate appropriation for networks of regional towns "
                                             "(seutukaupungit); a thematic-network application states whether "
                                             "it applies for it"),
            ("regional_towns_source", src("14;98;134", "erillinen määräraha seutukaupunkien verkostohankkeisiin",
                                          "Seutukaupungeille varatulla määrärahalla")),
            ("own_funding_required", src("44;61", "omarahoitusosuudella")),
        ])),
        ("timeline", [
            OrderedDict([("date", "2021-04-15"), ("event", "idea call deadline (16.15)"),
                         ("source", src("114", "15.4.2021 klo 16.15"))]),
            OrderedDict([("date", "2021-04-20"), ("event", "webinar of the idea call"),
                         ("source", src("120", "20.4.2021"))]),
            OrderedDict([("date", "2021-05-12"), ("event", "question hour"),
                         ("source", src("124", "12.5.2021"))]),
            OrderedDict([("date", "2021-06-02"), ("event", "final call deadline (16.15)"),
                         ("source", src("126", "2.6.2021 klo 16.15"))]),
            OrderedDict([("date", "2021-06"), ("event", "civil-servant evaluation and selection proposal"),
                         ("source", src("140", "kesäkuussa 2021"))]),
            OrderedDict([("date", "2021"), ("event", "activity must be able to start during 2021"),
                         ("source", src("43;62", "vuoden 2021 aikana"))]),
            OrderedDict([("date", "2022 autumn"), ("event", "first mid-term review (funding for 2023)"),
                         ("source", src("146", "syksyllä 2022"))]),
            OrderedDict([("date", "2023-2024 turn of the year"), ("event", "final review"),
                         ("source", src("146", "vuoden vaihteessa 2023-2024"))]),
        ]),
    ])
    d = os.path.join(out, "collaborations", "call_rules_2021")
    write_json(os.path.join(d, "rules.json"), rules)
    write_json(os.path.join(d, "dataset.json"), OrderedDict([
        ("format", "alueverkko-rules"), ("format_version", 1), ("name", "call_rules_2021"),
        ("title", "Eligibility and funding rules of the 2021 call for inter-regional network cooperation"),
        ("description", "Machine-checkable rules of TEM's 2021 call for thematic networks and growth/development "
                        "zones (rules.json), each with its Finnish wording and source lines."),
        ("reference_year", 2021), ("geography", "fi-2021"),
        ("sources", [OrderedDict([("file", F),
                                  ("title", "Haku alueiden välisen verkostoyhteistyön temaattisiin verkostoihin "
                                            "ja kehittämisvyöhykkeisiin"),
                                  ("publisher", "Työ- ja elinkeinoministeriö (TEM)"), ("year", 2021)])]),
    ]))
    return rules


# ==============================================================================================
# 2b. network_study_2020 (seed 001): the 41 networks of the reference extraction; named members
#     (organisations, municipalities, regions) resolved to actors; every member's line is located
#     automatically inside the network's cited lines (a member that cannot be found is an error)
# ==============================================================================================

NS_KIND = {0: "programme", 1: "programme", 2: "programme", 3: "programme", 4: "programme", 5: "programme",
           6: "programme", 7: "programme", 8: "programme", 21: "programme", 38: "programme",
           34: "project", 40: "project"}
NS_COUNTRY = {"Finland": "FI", "Sweden": "SE", "Norway": "NO", "Denmark": "DK", "United Kingdom (Scotland)": "GB",
              "Ireland": "IE"}
# declared member counts where the study states the network's total (checked to occur in its lines)
NS_DECLARED = {0: (35, "35"), 4: (6, "kuuden"), 10: (19, "13 kaupungin ja kuuden maakunnan"), 11: (17, "17"),
               12: (55, "55"), 16: (28, "28"), 17: (11, "11"), 20: (21, "21"), 22: (12, "12"),
               25: (24, "24"), 30: (14, "14"), 31: (4, "4"), 32: (65, "65"), 34: (6, "kuusi living lab"), 35: (14, "14"),
               37: (49, "49")}

# periods the reference's phase text gives in a form the parser above misreads
NS_PERIOD = {3: ("2007", "2020"), 7: ("2007", "2020"), 13: ("2007", ""), 14: ("2018", ""), 28: ("", "")}
NS_NAME_STEM = {20: "Ruotsin hallitu", 38: "SIP", 39: "biotalous"}

# actors: id -> (name, kind, municipality_code / area_code, country, lat, lon)
NS_ORGS = {
    "org-tem": ("Työ- ja elinkeinoministeriö (TEM)", "government_agency", "091", "FI"),
    "org-uudenmaan-liitto": ("Uudenmaan liitto", "regional_council", "091", "FI", "MK01"),
    "org-etela-pohjanmaan-liitto": ("Etelä-Pohjanmaan liitto", "regional_council", "743", "FI", "MK14"),
    "org-paijat-hameen-liitto": ("Päijät-Hämeen liitto", "regional_council", "398", "FI", "MK07"),
    "org-suomen-yrittajat": ("Suomen Yrittäjät", "association", "091", "FI"),
    "org-lvm": ("Liikenne- ja viestintäministeriö", "government_agency", "091", "FI"),
    "org-ym": ("Ympäristöministeriö", "government_agency", "091", "FI"),
    "org-vm": ("Valtiovarainministeriö", "government_agency", "091", "FI"),
    "org-mmm": ("Maa- ja metsätalousministeriö", "government_agency", "091", "FI"),
    "org-stm": ("Sosiaali- ja terveysministeriö", "government_agency", "091", "FI"),
    "org-ara": ("Asumisen rahoitus- ja kehittämiskeskus ARA", "government_agency", "398", "FI"),
    "org-vayla": ("Väylävirasto", "government_agency", "091", "FI"),
    "org-kuntaliitto": ("Suomen Kuntaliitto ry", "association", "091", "FI"),
    "org-aalto": ("Aalto-yliopisto", "university", "049", "FI"),
    "org-tampereen-yliopisto": ("Tampereen yliopisto", "university", "837", "FI"),
    "org-turun-yliopisto": ("Turun yliopisto", "university", "853", "FI"),
    "org-oulun-yliopisto": ("Oulun yliopisto", "university", "564", "FI"),
    "org-oamk": ("Oulun ammattikorkeakoulu", "university_of_applied_sciences", "564", "FI"),
    "org-business-oulu": ("Business Oulu", "development_company", "564", "FI"),
    "org-vtt": ("VTT", "research_institute", "049", "FI"),
    "org-syke": ("Suomen ympäristökeskus SYKE", "research_institute", "091", "FI"),
    "org-thl": ("Terveyden ja hyvinvoinnin laitos THL", "research_institute", "091", "FI"),
    "org-csc": ("CSC – Tieteen tietotekniikan keskus Oy", "company", "049", "FI"),
    "org-ruokavirasto": ("Ruokavirasto", "government_agency", "091", "FI"),
    "org-motiva": ("Motiva Oy", "company", "091", "FI"),
    "org-business-finland": ("Business Finland", "government_agency", "091", "FI"),
    "org-hansel": ("Hansel Oy", "company", "091", "FI"),
    "org-kl-kuntahankinnat": ("KL-Kuntahankinnat Oy", "company", "091", "FI"),
    "org-sitra": ("Sitra", "other", "091", "FI"),
    "se-tillvaxtverket": ("Tillväxtverket", "foreign_organisation", "", "SE"),
    "se-vinnova": ("Vinnova", "foreign_organisation", "", "SE"),
    "se-skl": ("Sveriges Kommuner och Landsting (SKL)", "foreign_organisation", "", "SE"),
    "se-formas": ("Formas", "foreign_organisation", "", "SE"),
    "se-energimyndigheten": ("Energimyndigheten (Swedish Energy Agency)", "foreign_organisation", "", "SE"),
    "se-drivesweden": ("DriveSweden", "foreign_organisation", "", "SE"),
    "se-stora-enso": ("Stora Enso", "company", "", "SE"),
    "se-valmet": ("Valmet", "company", "", "SE"),
    "se-somas": ("SOMAS", "company", "", "SE"),
    "se-btg": ("BTG", "company", "", "SE"),
    "se-paper-province": ("Paper Province", "foreign_organisation", "", "SE"),
    "se-region-varmland": ("Region Värmland", "foreign_region", "", "SE"),
    "se-region-vasterbotten": ("Region Västerbotten", "foreign_region", "", "SE"),
    "se-region-dalarna": ("Region Dalarna", "foreign_region", "", "SE"),
    "se-norrbotten": ("Norrbotten", "foreign_region", "", "SE"),
    "se-jamtland-harjedalen": ("Region Jämtland Härjedalen", "foreign_region", "", "SE"),
    "se-vasternorrland": ("Region Västernorrland", "foreign_region", "", "SE"),
    "se-saffle": ("Säffle", "foreign_municipality", "", "SE", "", "59.13", "12.93"),
    "no-kmd": ("Kommunal- og moderniseringsdepartementet (KMD)", "foreign_organisation", "", "NO"),
    "no-innovation-norway": ("Innovation Norway", "foreign_organisation", "", "NO"),
    "no-bergen": ("Bergen", "foreign_municipality", "", "NO", "", "60.39", "5.32"),
    "no-helse-vest": ("Helse Vest", "foreign_organisation", "", "NO"),
    "no-hordaland": ("Hordaland fylkeskommune", "foreign_region", "", "NO"),
    "no-hvl": ("Høgskulen på Vestlandet (Western Norway University of Applied Sciences)", "foreign_organisation", "", "NO"),
    "no-lo": ("LO", "foreign_organisation", "", "NO"),
    "no-nav": ("NAV", "foreign_organisation", "", "NO"),
    "no-nho": ("NHO", "foreign_organisation", "", "NO"),
    "no-bi": ("BI Norwegian Business School", "foreign_organisation", "", "NO"),
    "no-uib": ("Universitetet i Bergen", "foreign_organisation", "", "NO"),
    "no-ostfold": ("Østfold fylkeskommune", "foreign_region", "", "NO"),
    "no-ks-akershus-ostfold": ("KS Akershus og Østfold", "foreign_organisation", "", "NO"),
    "no-hiof": ("Høgskolen i Østfold (HIØ)", "foreign_organisation", "", "NO"),
    "no-finnmark": ("Finnmark", "foreign_region", "", "NO"),
    "no-troms": ("Troms", "foreign_region", "", "NO"),
    "no-nordland": ("Nordland", "foreign_region", "", "NO"),
    "no-trondelag": ("Trøndelag", "foreign_region", "", "NO"),
    "no-akershus": ("Akershus", "foreign_region", "", "NO"),
    "no-hedmark": ("Hedmark", "foreign_region", "", "NO"),
    "no-oppland": ("Oppland", "foreign_region", "", "NO"),
    "at-boku": ("BOKU University of Natural Resources and Life Sciences, Vienna", "foreign_organisation", "", "AT"),
    "be-licalab": ("LiCalab", "foreign_organisation", "", "BE"),
    "be-careville": ("CareVille", "foreign_organisation", "", "BE"),
    "be-innovage": ("InnovAGE", "foreign_organisation", "", "BE"),
    "nl-brainport": ("Brainport Healthy Living Lab", "foreign_organisation", "", "NL"),
    "nl-care-innovation-center": ("Care Innovation Center", "foreign_organisation", "", "NL"),
    "nl-eizt": ("Expertisecentrum voor Innovatieve Zorg en Technologie", "foreign_organisation", "", "NL"),
    "pl-lublin": ("Lublin", "foreign_municipality", "", "PL", "", "51.25", "22.57"),
    "ro-timisoara": ("Timișoara", "foreign_municipality", "", "RO", "", "45.75", "21.23"),
    "nl-delft": ("Delft", "foreign_municipality", "", "NL", "", "52.01", "4.36"),
    "it-parma": ("Parma", "foreign_municipality", "", "IT", "", "44.80", "10.33"),
}

# network index -> [(actor_id or kunta:<name_fi> or maakunta:<code>, search stem, status, role, start, end)]
NS_MEMBERS = {
    3: [("org-paijat-hameen-liitto", "Päijät-Hämeen liit", "member", "coordinator")],
    9: [("kunta:Hämeenlinna", "Hämeenlinna", "member", "coordinator"), ("org-uudenmaan-liitto", "Uudenmaan liit", "member", ""),
        ("org-tem", "TEM", "member", "funder"), ("org-suomen-yrittajat", "Suomen Yrittäj", "member", "")],
    10: [("kunta:" + c, c, "member", "") for c in ["Espoo", "Helsinki", "Kotka", "Kouvola", "Lahti", "Lohja", "Pori",
                                                   "Porvoo", "Rauma", "Salo", "Turku", "Uusikaupunki", "Vantaa"]]
        + [("maakunta:" + c, n, "member", "") for c, n in [("09", "Etelä-Karjala"), ("08", "Kymenlaakso"),
                                                           ("07", "Päijät-Häme"), ("04", "Satakunta"),
                                                           ("01", "Uusimaa"), ("02", "Varsinais-Suomi")]],
    11: [("org-lvm", "Liikenne- ja viestintäministeriö", "member", ""), ("org-tem", "Työ- ja elinkeinoministeriö", "member", ""),
         ("org-ym", "Ympäristöministeriö", "member", ""), ("org-vm", "Valtiovarainministeriö", "member", ""),
         ("org-ara", "ARA", "member", ""), ("org-vayla", "Väylävirasto", "member", ""),
         ("org-kuntaliitto", "Kuntaliit", "member", ""), ("org-aalto", "Aalto", "member", "partner"),
         ("org-tampereen-yliopisto", "Tampereen yliopisto", "member", "partner"),
         ("org-turun-yliopisto", "Turun yliopisto", "member", "partner"), ("org-vtt", "VTT", "member", "partner"),
         ("org-syke", "SYKE", "member", "partner")],
    12: [("org-kuntaliitto", "Kuntaliit", "member", "coordinator"), ("org-tem", "TEM", "member", "funder"),
         ("org-etela-pohjanmaan-liitto", "Etelä-Pohjanmaan liit", "member", "")],
    13: [("org-ruokavirasto", "Ruokaviras", "member", "coordinator")],
    14: [("org-motiva", "Motiva", "member", ""), ("org-kuntaliitto", "Kuntaliit", "member", ""), ("org-vtt", "VTT", "member", ""),
         ("org-business-finland", "Business Finland", "member", ""), ("org-syke", "SYKE", "member", ""),
         ("org-hansel", "Hansel", "member", ""), ("org-kl-kuntahankinnat", "Kuntahankinnat", "member", ""),
         ("org-sitra", "Sitra", "member", "")],
    15: [("org-thl", "THL", "member", "coordinator"), ("org-stm", "STM", "member", "partner"),
         ("org-kuntaliitto", "Kuntaliit", "member", "partner")],
    16: [("org-kuntaliitto", "Kuntaliit", "member", "coordinator")],
    17: [("kunta:" + c, c, "member", "") for c in ["Forssa", "Hyvinkää", "Ii", "Joensuu", "Jyväskylä", "Kuopio", "Lahti",
                                                   "Lappeenranta", "Riihimäki", "Turku", "Vaasa"]]
        + [("org-syke", "SYKE", "member", "coordinator"), ("org-motiva", "Motiva", "member", "coordinator"),
           ("org-sitra", "Sitra", "member", "partner"), ("org-kuntaliitto", "Kuntaliit", "member", "partner"),
           ("org-ym", "Ympäristöministeriö", "member", "partner"), ("org-tem", "elinkeinoministeriö", "member", "partner"),
           ("org-lvm", "Liikenne- ja viestintäministeriö", "member", "partner"),
           ("org-mmm", "Maa- ja metsätalousministeriö", "member", "partner")],
    18: [("org-csc", "CSC", "member", "partner"), ("org-business-finland", "Business Finland", "member", "funder"),
         ("org-vtt", "VTT", "member", "", "", "2019"), ("org-oulun-yliopisto", "Oulun yliopisto", "member", "implementer"),
         ("org-oamk", "Oulun ammattikorkeakoulu", "member", "implementer"),
         ("org-business-oulu", "Business Oulu", "member", "implementer"),
         ("kunta:Turku", "Turku", "mentioned", "area"), ("kunta:Salo", "Salo", "mentioned", "area"),
         ("kunta:Tampere", "Tampere", "mentioned", "area")],
    19: [("kunta:Enontekiö", "Enontekiö", "member", ""), ("kunta:Lahti", "Lahti", "member", "")],
    20: [("se-tillvaxtverket", "Tillväxtverket", "member", "coordinator")],
    21: [("no-kmd", "KMD", "member", "funder"), ("no-innovation-norway", "Innovation Norway", "member", "partner")],
    22: [("no-bergen", "Bergen", "member", ""), ("no-helse-vest", "Helse Vest", "member", ""),
         ("no-hordaland", "Hordaland", "member", ""), ("no-hvl", "Western Norway", "member", ""),
         ("no-lo", "LO", "member", ""), ("no-nav", "NAV", "member", ""), ("no-nho", "NHO", "member", ""),
         ("no-bi", "Business School", "member", ""), ("no-uib", "Bergenin yliopisto", "member", "")],
    23: [("no-ostfold", "Østfold", "member", ""), ("no-ks-akershus-ostfold", "KS Akershus", "member", ""),
         ("no-hiof", "HIØ", "member", "")],
    25: [("se-vinnova", "Vinnova", "member", ""), ("se-skl", "SKL", "member", ""), ("se-tillvaxtverket", "Tillväxtverket", "member", "")],
    26: [("se-stora-enso", "Stora Enso", "member", ""), ("se-valmet", "Valmet", "member", ""),
         ("se-somas", "SOMAS", "member", ""), ("se-btg", "BTG", "member", "")],
    27: [("se-region-varmland", "Värmland", "member", "lead")],
    28: [("no-finnmark", "Finnmark", "member", "lead")],
    30: [("se-norrbotten", "Norrbotten", "member", ""), ("se-region-vasterbotten", "Västerbotten", "member", ""),
         ("se-jamtland-harjedalen", "Jämtland", "member", ""), ("se-vasternorrland", "Västernorrland", "member", ""),
         ("maakunta:19", "Lappi", "member", ""), ("maakunta:17", "Pohjois-Pohjanmaa", "member", ""),
         ("maakunta:16", "Keski-Pohjanmaa", "member", ""), ("maakunta:18", "Kainuu", "member", ""),
         ("maakunta:12", "Pohjois-Karjala", "member", ""), ("maakunta:11", "Pohjois-Savo", "member", ""),
         ("maakunta:10", "Etelä-Savo", "member", ""), ("no-finnmark", "Finnmark", "member", ""),
         ("no-troms", "Troms", "member", ""), ("no-nordland", "Nordland", "member", "")],
    31: [("no-trondelag", "Trøndelag", "member", ""), ("se-jamtland-harjedalen", "Jämtland", "member", ""),
         ("se-vasternorrland", "Västernorrland", "member", ""), ("maakunta:15", "Pohjanmaa", "member", "")],
    33: [("at-boku", "BOKU", "member", "lead")],
    34: [("be-licalab", "LiCalab", "member", "lead"), ("be-careville", "CareVille", "member", ""),
         ("be-innovage", "InnovAGE", "member", ""), ("nl-brainport", "Brainport", "member", ""),
         ("nl-care-innovation-center", "Care Innovation Center", "member", ""),
         ("nl-eizt", "Innovatieve Zorg", "member", "")],
    35: [("kunta:Turku", "Turku", "member", "", "2018"), ("kunta:Tampere", "Tampere", "member", "", "", "2017"),
         ("pl-lublin", "Lublin", "member", ""), ("ro-timisoara", "Timi", "member", ""),
         ("nl-delft", "Delft", "member", "coordinator"), ("it-parma", "Parma", "member", "coordinator")],
    38: [("se-vinnova", "Vinnova", "member", "funder"), ("se-formas", "Formas", "member", "funder"),
         ("se-energimyndigheten", "energiavirasto", "member", "funder"), ("se-drivesweden", "DriveSweden", "member", "")],
    39: [("se-region-vasterbotten", "Västerbotten", "member", "coordinator"), ("se-region-varmland", "Värmland", "member", "")],
    40: [("se-region-varmland", "Värmland", "member", ""), ("se-paper-province", "Paper Province", "member", ""),
         ("se-saffle", "Säffle", "member", ""), ("se-region-dalarna", "Dalarna", "member", ""),
         ("no-akershus", "Akerhus", "member", ""), ("no-hedmark", "Hedmark", "member", ""),
         ("no-oppland", "Oppland", "member", ""), ("no-ostfold", "Østfold", "member", "")],
}


def build_network_study(shared, out, geo):
    seed = Seed(os.path.join(shared, "seeds", SEED001))
    F = SEED001
    munis = {m["code"]: m for m in geo[0]}
    byname = {m["name_fi"]: m["code"] for m in munis.values()}
    regnames = {r[0]: r[1] for r in geo[2]}
    with open(os.path.join(shared, "reference", "network_study_2020_networks.json"), encoding="utf-8") as f:
        ref = json.load(f)
    check(len(ref) == 41, "network study reference: %d networks" % len(ref))

    def lines_of(n):
        rs = []
        for l in n["lines"]:
            m = re.fullmatch(r"L(\d+)(?:[–-](\d+))?", l)
            check(m is not None, "bad line ref %r" % l)
            rs.append((int(m.group(1)), int(m.group(2) or m.group(1))))
        return sorted(rs)

    def find(stem, rs):
        fs = fold(stem)
        for a, b in rs:
            for ln in range(a, b + 1):
                one = fold(seed.lines[ln - 1])
                cur = seed.lines[ln - 1].rstrip()
                nxt = seed.lines[ln].strip() if ln < len(seed.lines) else ""
                two = fold(cur[:-1] + nxt if cur.endswith("-") else cur + " " + nxt)
                if re.search(r"(?<![\w])" + re.escape(fs), one):
                    return "%d" % ln
                if (re.search(r"(?<![\w])" + re.escape(fs), two) and ln < b
                        and not re.search(r"(?<![\w])" + re.escape(fs), fold(nxt))):
                    return "%d-%d" % (ln, ln + 1)
        return None

    actors = OrderedDict()
    nets, ms, missing = [], [], []
    for i, n in enumerate(ref):
        nid = "ns%02d" % (i + 1)
        rs = lines_of(n)
        # the network's name (its first word) must occur in its cited lines
        first = NS_NAME_STEM.get(i) or re.split(r"[ (–,]", n["name"])[0]
        check(find(first, rs), "%s: %r not found in its lines" % (nid, first))
        orient = (n["orientation"] or "").split(" ")[0]
        check(orient in ("", "top-down", "bottom-up", "mixed"), "%s orientation %r" % (nid, orient))
        start = end = ""
        phase = n.get("phase") or ""
        m = re.search(r"(\d{4})[–-](\d{4})", phase)
        if m:
            start, end = m.group(1), m.group(2)
        else:
            m = re.search(r"(?:since|started|operating since|from)\D{0,12}(\d{4})", phase)
            if m:
                start = m.group(1)
        if i in NS_PERIOD:
            start, end = NS_PERIOD[i]
        for y in (start, end):
            if y and not find(y, rs):
                start = end = ""          # a year the cited lines do not show is not recorded
        dm = ""
        if i in NS_DECLARED:
            dm, ev = NS_DECLARED[i]
            check(find(ev, rs), "%s: declared %r not found" % (nid, ev))
        country = NS_COUNTRY.get(n["country"], "")
        nets.append(OrderedDict([
            ("network_id", nid), ("name", n["name"]), ("kind", NS_KIND.get(i, "network")),
            ("declared_members", dm), ("start", start), ("end", end),
            ("financing", n.get("financing") or ""), ("orientation", orient),
            ("focus", n.get("focus") or ""), ("country", country),
            ("source", "%s:%s" % (F, ";".join("%d-%d" % (a, b) if a != b else "%d" % a for a, b in rs)))]))
        for spec in NS_MEMBERS.get(i, []):
            ref_id, stem, status, role = spec[:4]
            mstart = spec[4] if len(spec) > 4 else ""
            mend = spec[5] if len(spec) > 5 else ""
            if ref_id.startswith("kunta:"):
                code = byname[ref_id[6:]]
                aid = "kunta-" + code
                actors.setdefault(aid, act_row(actor_id=aid, name=munis[code]["name_fi"], kind="municipality",
                                               municipality_code=code))
            elif ref_id.startswith("maakunta:"):
                code = ref_id[9:]
                aid = "maakunta-" + code
                check(regnames[code] == stem, "%s: region %s != %s" % (nid, code, stem))
                actors.setdefault(aid, act_row(actor_id=aid, name=regnames[code], kind="region",
                                               area_code="MK" + code))
            else:
                aid = ref_id
                o = NS_ORGS[aid] + ("", "", "", "")
                name, kind, mc, ctry, ac, lat, lon = o[:7]
                actors.setdefault(aid, act_row(actor_id=aid, name=name, kind=kind, municipality_code=mc,
                                               country=ctry, area_code=ac, lat=lat, lon=lon))
            where = find(stem, rs)
            if where is None:
                missing.append("%s %s: %r not found in %s" % (nid, aid, stem, rs))
                continue
            ms.append(OrderedDict([("network_id", nid), ("actor_id", aid), ("status", status), ("role", role),
                                   ("start", mstart), ("end", mend), ("source", "%s:%s" % (F, where))]))
    check(not missing, "\n".join(missing))
    d = os.path.join(out, "collaborations", "network_study_2020")
    write_csv(os.path.join(d, "actors.csv"), ACTOR_COLS, sorted(actors.values(), key=lambda a: a["actor_id"]))
    write_csv(os.path.join(d, "networks.csv"), list(nets[0].keys()), nets)
    write_csv(os.path.join(d, "memberships.csv"), list(ms[0].keys()), ms)
    write_json(os.path.join(d, "dataset.json"), OrderedDict([
        ("format", "alueverkko-dataset"), ("format_version", 1), ("name", "network_study_2020"),
        ("title", "Networks and programmes described in the 2020 study of inter-regional network cooperation"),
        ("description", "The 41 Finnish and foreign networks and programmes that the study 'Alueiden välisen "
                        "verkostoyhteistyön toimintamalli' (2020) describes, with financing, orientation, focus, "
                        "period, declared size and the members it names (organisations, municipalities, regions)."),
        ("reference_year", 2020), ("geography", "fi-2021"),
        ("sources", [OrderedDict([("file", F),
                                  ("title", "Alueiden välisen verkostoyhteistyön toimintamalli"),
                                  ("publisher", "Työ- ja elinkeinoministeriö (TEM)"), ("year", 2020)])]),
        ("notes", [
            "Networks, financing, orientation and focus follow the reference extraction "
            "(shared/reference/network_study_2020_networks.json); financing is a short English summary.",
            "country is empty for networks spanning several countries (North Calotte Council, NSPA, MittNorden, "
            "DREAM, CrossCare, EUniverCities, the Interreg Norway-Sweden region).",
            "Members that the study names only generically (e.g. 'central agencies', 'Leader groups', "
            "'SMEs') are not actors; a membership's source is the first line of the network's cited "
            "lines that names the member.",
            "Foreign municipalities' coordinates are city centres from general knowledge (0.01 degree).",
        ]),
    ]))
    return actors, ms, nets


# ==============================================================================================
# main
# ==============================================================================================

def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--shared", default="../shared")
    ap.add_argument("--out", default="data")
    args = ap.parse_args(argv)
    try:
        geo = build_geography(args.shared, args.out)
        build_idea_call(args.shared, args.out, geo)
        build_growth_corridor(args.shared, args.out, geo)
        build_s3(args.shared, args.out, geo)
        build_rules(args.shared, args.out)
        build_network_study(args.shared, args.out, geo)
    except BuildError as e:
        print("build_data: error: %s" % e, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
