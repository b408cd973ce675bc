"""write_report from Python: the headline figures equal the coverage table, the files are there,
and a second call replaces the earlier report."""
from html.parser import HTMLParser

import pytest

import alueverkko


@pytest.fixture(scope="module")
def geo():
    return alueverkko.load_geography(alueverkko.data_dir() / "geography" / "fi-2021")


def test_write_report(geo, tmp_path):
    ds = alueverkko.load_dataset(alueverkko.data_dir() / "collaborations" / "idea_call_2021", geo)
    out = tmp_path / "report"
    result = alueverkko.write_report(ds, geo, out, top=10)
    country = alueverkko.coverage_table(ds, geo, "country").to_pandas().iloc[0]
    covered = result["municipalities_covered"], result["population_covered"], result["regions_reached"]
    assert covered == (country["covered"], country["population_covered"], country["regions_touched"])
    assert result["population"] == geo.population_total(2021) == 5548241
    assert result["networks"] == len(ds.networks)
    index = out / "index.html"
    assert str(index) == str(result["index"]) and index.exists()
    for f in result["files"]:
        assert (out / f).exists(), f
    assert any(str(f).endswith(".png") for f in result["files"])
    HTMLParser().feed(index.read_text(encoding="utf-8"))
    again = alueverkko.write_report(ds, geo, out, status=["member"])
    assert again["municipalities_covered"] <= result["municipalities_covered"]
    with pytest.raises(ValueError):
        alueverkko.write_report(ds, geo, tmp_path / "x", top=0)


def test_a_failed_report_leaves_no_directory(geo, tmp_path):
    """The rules are read after the report's directories are made: their failure takes them away."""
    ds = alueverkko.load_dataset(alueverkko.data_dir() / "collaborations" / "idea_call_2021", geo)
    with pytest.raises(alueverkko.DataError):
        alueverkko.write_report(ds, geo, tmp_path / "a" / "b" / "report", rules=tmp_path / "missing.json")
    assert list(tmp_path.iterdir()) == []
