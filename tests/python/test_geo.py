"""Geometry bindings against independent oracles: PROJ's cs2cs for the ETRS-TM35FIN projection,
GDAL's TopoJSON driver (ogr2ogr) for the decoded polygons, their projection and the file's own
dissolved regions and sub-regions."""
import csv
import io
import json
import re
import shutil
import subprocess
from pathlib import Path

import numpy as np
import pytest

import alueverkko
from alueverkko import (
    Boundaries,
    DataError,
    PlaceLevel,
    Topology,
    load_boundaries,
    project_tm35fin,
    read_topojson,
    unproject_tm35fin,
)

REPO = Path(__file__).resolve().parents[2]
GEOGRAPHY = REPO / "data" / "geography" / "fi-2021"
TOPOJSON = GEOGRAPHY / "boundaries.topo.json"
MINI = REPO / "tests" / "data" / "valid-mini" / "geography" / "mini-2021"
BROKEN = REPO / "tests" / "data" / "topojson-broken"

needs_cs2cs = pytest.mark.skipif(shutil.which("cs2cs") is None, reason="PROJ's cs2cs (proj-bin) not installed")
needs_ogr2ogr = pytest.mark.skipif(shutil.which("ogr2ogr") is None, reason="GDAL's ogr2ogr (gdal-bin) not installed")


@pytest.fixture(scope="module")
def geo():
    return alueverkko.load_geography(GEOGRAPHY)


@pytest.fixture(scope="module")
def boundaries(geo):
    return load_boundaries(geo)


def cs2cs(source, target, a, b, fmt):
    """One cs2cs call for all points; input and output in the CRS's own axis order."""
    text = "".join(f"{u!r} {v!r}\n" for u, v in zip(a, b))
    out = subprocess.run(["cs2cs", source, target, "-f", fmt], input=text, capture_output=True, text=True, check=True)
    values = np.array([line.split()[:2] for line in out.stdout.splitlines()], dtype=float)
    assert len(values) == len(a)
    return values[:, 0], values[:, 1]


def sample_points(geo):
    """The 309 municipal centres and a seeded random sample over Finland's extent."""
    table = geo.municipalities.to_pandas()
    rng = np.random.default_rng(20211231)
    lon = np.concatenate([table["centre_lon"].to_numpy(), rng.uniform(19, 32, 1000)])
    lat = np.concatenate([table["centre_lat"].to_numpy(), rng.uniform(59.5, 70.2, 1000)])
    return lon, lat


@needs_cs2cs
def test_project_tm35fin_matches_cs2cs_to_a_millimetre(geo):
    lon, lat = sample_points(geo)
    x, y = project_tm35fin(lon, lat)
    # EPSG:4326 takes latitude first; EPSG:3067 gives easting first.
    ex, ey = cs2cs("EPSG:4326", "EPSG:3067", lat, lon, "%.6f")
    assert np.max(np.abs(x - ex)) < 1e-3
    assert np.max(np.abs(y - ey)) < 1e-3
    back_lon, back_lat = unproject_tm35fin(x, y)
    assert np.max(np.abs(back_lon - lon)) < 1e-9
    assert np.max(np.abs(back_lat - lat)) < 1e-9


@needs_cs2cs
def test_unproject_tm35fin_matches_cs2cs(geo):
    lon, lat = sample_points(geo)
    x, y = cs2cs("EPSG:4326", "EPSG:3067", lat, lon, "%.6f")
    got_lon, got_lat = unproject_tm35fin(x, y)
    want_lat, want_lon = cs2cs("EPSG:3067", "EPSG:4326", x, y, "%.12f")
    # 1e-8 degrees is about a millimetre.
    assert np.max(np.abs(got_lon - want_lon)) < 1e-8
    assert np.max(np.abs(got_lat - want_lat)) < 1e-8


def test_projection_keeps_the_shape_of_its_inputs():
    lon = np.full((2, 3), 27.0)
    lat = np.linspace(60, 65, 6).reshape(2, 3)
    x, y = project_tm35fin(lon, lat)
    assert x.shape == y.shape == (2, 3)
    np.testing.assert_allclose(x, 500000.0, atol=1e-9)  # the central meridian
    assert np.all(np.diff(y.ravel()) > 0)
    x1, _ = project_tm35fin([24.0], [60.0])
    x2, _ = project_tm35fin([30.0], [60.0])
    assert x1[0] - 500000 == pytest.approx(500000 - x2[0], rel=1e-14)  # symmetric about 27°E
    with pytest.raises(ValueError, match="same shape"):
        project_tm35fin([1.0, 2.0], [1.0])


# --- GDAL's reading of the TopoJSON ---------------------------------------------------------------


def parse_wkt(wkt):
    """POLYGON / MULTIPOLYGON WKT as a list of polygons of rings of (x, y)."""
    kind, body = wkt.split(" ", 1)
    body = re.sub(r"([-+0-9.eE]+) ([-+0-9.eE]+)", r"[\1,\2]", body).replace("(", "[").replace(")", "]")
    shape = json.loads(body)
    return [shape] if kind == "POLYGON" else shape


def gdal_layer(layer, *options):
    """{code: polygons} of one layer of the bundled TopoJSON as GDAL reads (and reprojects) it."""
    out = subprocess.run(
        ["ogr2ogr", "-f", "CSV", "/vsistdout/", *options, str(TOPOJSON), layer, "-lco", "GEOMETRY=AS_WKT"],
        capture_output=True, text=True, check=True,
    ).stdout
    csv.field_size_limit(1 << 30)
    return {row["code"]: parse_wkt(row["WKT"]) for row in csv.DictReader(io.StringIO(out))}


def shoelace(ring):
    ring = np.asarray(ring, dtype=float)
    x, y = ring[:, 0] - ring[0, 0], ring[:, 1] - ring[0, 1]
    return 0.5 * np.sum(x[:-1] * y[1:] - x[1:] * y[:-1])


def polygon_area(shape):
    return sum(abs(shoelace(p[0])) - sum(abs(shoelace(h)) for h in p[1:]) for p in shape)


def sorted_points(shape):
    return np.array(sorted(tuple(pt) for p in shape for r in p for pt in np.asarray(r)[:-1]))


@needs_ogr2ogr
def test_read_topojson_decodes_as_gdal_does():
    topology = read_topojson(TOPOJSON)
    assert isinstance(topology, Topology)
    assert topology.object_names == ["municipalities", "regions", "subregions"]  # sorted by name
    municipalities = topology.object("municipalities")
    assert len(municipalities) == 309 and "091" in municipalities and "999" not in municipalities
    gdal = gdal_layer("municipalities")
    assert sorted(gdal) == sorted(municipalities.codes)
    for code, expected in gdal.items():
        shape = topology.shape("municipalities", code)
        assert len(shape) == len(expected), code
        assert [len(p) for p in shape] == [len(p) for p in expected], code
        for polygon in shape:
            assert shoelace(polygon[0]) > 0  # exterior counter-clockwise
            assert all(shoelace(hole) < 0 for hole in polygon[1:])
            assert all(np.array_equal(ring[0], ring[-1]) for ring in polygon)
        np.testing.assert_allclose(sorted_points(shape), sorted_points(expected), rtol=0, atol=1e-9)
    helsinki = municipalities.geometry("091")
    assert helsinki.name == "Helsinki"
    assert topology.shape(helsinki)[0][0].shape[1] == 2


@needs_ogr2ogr
def test_projected_shapes_match_gdal_and_proj(boundaries):
    gdal = gdal_layer("municipalities", "-s_srs", "EPSG:4326", "-t_srs", "EPSG:3067")
    for code, expected in gdal.items():
        shape = boundaries.shape(PlaceLevel.municipality, code, projected=True)
        np.testing.assert_allclose(sorted_points(shape), sorted_points(expected), rtol=0, atol=1e-3)


@needs_ogr2ogr
@pytest.mark.parametrize("level, layer", [(PlaceLevel.subregion, "subregions"), (PlaceLevel.region, "regions")])
def test_dissolved_areas_match_the_files_merge(boundaries, level, layer):
    """The file's own sub-regions / regions (a TopoJSON merge made in Python), as GDAL reads and
    projects them, against this library's dissolve, in degrees and in TM35FIN square metres."""
    codes = boundaries.codes(level)
    degrees = gdal_layer(layer)
    metres = gdal_layer(layer, "-s_srs", "EPSG:4326", "-t_srs", "EPSG:3067")
    assert sorted(degrees) == codes
    expected_degrees = np.array([polygon_area(degrees[c]) for c in codes])
    expected_metres = np.array([polygon_area(metres[c]) for c in codes])
    np.testing.assert_allclose(boundaries.areas(level, projected=False), expected_degrees, rtol=1e-9)
    np.testing.assert_allclose(boundaries.areas(level), expected_metres, rtol=1e-8)
    for c in codes:
        assert len(boundaries.shape(level, c)) == len(degrees[c]), c


def test_boundaries_follow_the_geography(geo, boundaries):
    assert isinstance(boundaries, Boundaries)
    table = geo.municipalities.to_pandas()
    assert boundaries.codes(PlaceLevel.municipality) == sorted(table["code"])
    assert boundaries.codes(PlaceLevel.subregion) == sorted(geo.subregions.to_pandas()["code"])
    assert boundaries.codes(PlaceLevel.region) == sorted(geo.regions.to_pandas()["code"])
    assert [len(boundaries.codes(level)) for level in PlaceLevel.__members__.values()] == [309, 69, 19]
    assert boundaries.regions.geometry("01").name == "Uusimaa"

    # A region's area is the sum of its municipalities' areas.
    municipal = dict(zip(boundaries.codes(PlaceLevel.municipality), boundaries.areas(PlaceLevel.municipality)))
    regional = dict(zip(boundaries.codes(PlaceLevel.region), boundaries.areas(PlaceLevel.region)))
    for region, group in table.groupby("region_code"):
        assert regional[region] == pytest.approx(sum(municipal[c] for c in group["code"]), rel=1e-9)

    with pytest.raises(KeyError, match="no geometry with code '999'"):
        boundaries.shape(PlaceLevel.region, "999")


def test_border_arcs_and_lines(boundaries):
    topology = boundaries.topology
    every = set(boundaries.border_arcs(PlaceLevel.municipality))
    sub = set(boundaries.border_arcs(PlaceLevel.subregion))
    reg = set(boundaries.border_arcs(PlaceLevel.region))
    assert every == set(range(len(topology.arcs)))
    assert reg < sub < every
    lines = boundaries.border_lines(PlaceLevel.region)
    assert len(lines) == len(reg)
    for index, line in zip(sorted(reg), lines):
        np.testing.assert_array_equal(line, topology.arcs[index])
        np.testing.assert_array_equal(topology.arc_points(~index), line[::-1])
    projected = boundaries.border_lines(PlaceLevel.region, projected=True)
    x, y = project_tm35fin(lines[0][:, 0], lines[0][:, 1])
    np.testing.assert_array_equal(projected[0], np.column_stack([x, y]))
    with pytest.raises(IndexError):
        topology.arc_points(len(topology.arcs))


def test_errors_name_the_file_and_position():
    with pytest.raises(DataError) as error:
        read_topojson(BROKEN / "ring_not_closed.topo.json")
    assert str(error.value).strip() == (
        f"{BROKEN / 'ring_not_closed.topo.json'}:8:38: ring does not close: it starts at (20, 60) and ends at (21, 61)"
    )
    with pytest.raises(DataError, match="has no boundaries"):
        load_boundaries(alueverkko.load_geography(MINI))
