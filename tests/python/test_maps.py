"""Collaboration maps from Python: the SVG's structure, class counts against a numpy oracle of
the documented quantile classes, PNG/PDF output, save(), notebook hooks, errors."""
import xml.etree.ElementTree as ET

import numpy as np
import pytest

import alueverkko
from alueverkko import _core
from alueverkko._maps import Map, collaboration_map
from classing_oracle import quantile_edges

SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture(scope="module")
def geo():
    return alueverkko.load_geography(alueverkko.data_dir() / "geography" / "fi-2021")


@pytest.fixture(scope="module")
def ds(geo):
    return alueverkko.load_dataset(alueverkko.data_dir() / "collaborations" / "idea_call_2021", geo)



def places(root, kind):
    return [p for p in root.iter(SVG + "path") if p.get("class") == f"place {kind}"]


def test_municipality_choropleth_classes_match_numpy(ds, geo):
    m = collaboration_map(ds, geo, color="per-capita", classes=5)
    root = ET.fromstring(m.svg.encode())
    paths = places(root, "municipality")
    assert len(paths) == 309
    part = alueverkko.municipality_participation(ds, geo).to_pandas()
    values = part["networks_per_10000"].to_numpy(dtype=float)
    edges = quantile_edges(values[~np.isnan(values)], 5)
    expected, _ = np.histogram(values[~np.isnan(values)], bins=edges)  # [a, b), last closed
    got = np.zeros(len(expected), dtype=int)
    for p in paths:
        if p.get("data-class") != "none":
            got[int(p.get("data-class"))] += 1
    assert got.tolist() == expected.tolist()
    legend = [g for g in root.iter(SVG + "g") if g.get("class") == "legend-class"]
    assert sorted(int(g.get("data-count")) for g in legend) == sorted(expected.tolist())
    assert any(g.get("class") == "legend-nodata" for g in root.iter(SVG + "g"))
    assert "Statistics Finland" in m.svg and "National Land Survey" in m.svg


def test_region_map_with_edges_and_outputs(ds, geo, tmp_path):
    m = collaboration_map(ds, geo, level="region", color="networks", edges="top-30", labels=19, north_arrow=True)
    root = ET.fromstring(m.svg.encode())
    assert len(places(root, "region")) == 19
    assert root.find(f".//{SVG}path[@id='region-outlines']") is not None
    edges = [p for p in root.iter(SVG + "path") if p.get("class") == "edge"]
    assert edges
    weights = [float(e.get("data-weight")) for e in edges]
    assert weights == sorted(weights)  # strongest drawn last
    png = m.to_png(1600)
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    assert int.from_bytes(png[16:20], "big") == 1600
    assert m.to_pdf()[:5] == b"%PDF-"
    assert m._repr_svg_() == m.svg and m._repr_png_()[:4] == b"\x89PNG"
    for name in ("map.svg", "map.png", "map.pdf"):
        assert (m.save(tmp_path / name)).stat().st_size > 1000
    with pytest.raises(ValueError):
        m.save(tmp_path / "map.gif")


def test_footprint_and_errors(ds, geo):
    m = collaboration_map(ds, geo, network="p03", labels=5)
    root = ET.fromstring(m.svg.encode())
    marked = [p for p in places(root, "municipality") if p.get("data-footprint") == "1"]
    footprint = alueverkko.network_footprint(ds, geo).to_pandas().set_index("network_id")
    assert len(marked) == footprint.loc["p03", "municipalities"]
    with pytest.raises(ValueError, match="per-capita"):
        collaboration_map(ds, geo, color="nonsense")
    with pytest.raises(ValueError, match="top-K"):
        collaboration_map(ds, geo, edges="some")
    with pytest.raises(ValueError, match="level"):
        collaboration_map(ds, geo, level="country")
    assert "viridis" in _core.palette_names()
    assert _core.palette("Blues", 3) == ["#deebf7", "#9ecae1", "#3182bd"]
    assert isinstance(m, Map) and "bytes of SVG" in repr(m)


def test_own_values_from_pandas(ds, geo):
    """A Series by code colours the map; codes it lacks are no data; the classes follow numpy."""
    munis = geo.municipalities.to_pandas().set_index("code")
    density = (munis["population_2021"] / munis["land_area_km2_approx"]).iloc[:-9]  # 9 without data
    m = alueverkko.choropleth_map(geo, density, name="Inhabitants per km²", classes=4, palette="viridis",
                                  source="Statistics Finland")
    root = ET.fromstring(m.svg.encode())
    paths = places(root, "municipality")
    assert len(paths) == 309
    assert sum(p.get("data-class") == "none" for p in paths) == 9
    values = density.to_numpy(dtype=float)
    expected, _ = np.histogram(values, bins=quantile_edges(values, 4))
    got = np.bincount([int(p.get("data-class")) for p in paths if p.get("data-class") != "none"], minlength=4)
    assert got.tolist() == expected.tolist()
    by_code = {p.get("data-code"): float(p.get("data-value")) for p in paths if p.get("data-class") != "none"}
    assert by_code == pytest.approx(density.to_dict(), rel=1e-12)
    assert "Inhabitants per km²" in m.svg and "Data: Statistics Finland." in m.svg
    # The same values on the data set's map, in the geography's order, with its edges on top.
    aligned = alueverkko.place_values(geo, density)
    assert np.isnan(aligned).sum() == 9 and aligned[0] == density.iloc[0]
    m2 = collaboration_map(ds, geo, values=density, value_name="density", edges="top-5")
    root2 = ET.fromstring(m2.svg.encode())
    assert sum(p.get("data-class") == "none" for p in places(root2, "municipality")) == 9
    assert sum(p.get("class") == "edge" for p in root2.iter(SVG + "path")) == 5
    with pytest.raises(KeyError, match="999"):
        alueverkko.place_values(geo, {"999": 1.0})
    with pytest.raises(ValueError, match="309"):
        alueverkko.choropleth_map(geo, np.ones(19))
    with pytest.raises(ValueError, match="expected one per region"):
        _core.place_values_map_svg(geo, [1.0, 2.0], level="region")
