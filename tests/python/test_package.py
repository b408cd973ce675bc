"""The Python package: imports, bundled geography, tables to pandas, errors."""
import numpy as np
import pandas as pd
import pytest

import alueverkko


def test_version_matches_cmake_project():
    assert alueverkko.__version__ == "0.1.0"


@pytest.fixture(scope="module")
def geo():
    return alueverkko.load_geography(alueverkko.find_geography_dir("fi-2021"))


def test_geography_counts_and_totals(geo):
    assert len(geo.municipalities) == 309
    assert len(geo.subregions) == 69
    assert len(geo.regions) == 19
    assert geo.population_total(2021) == 5548241
    assert geo.population_total(2020) == 5533793
    assert geo.population("091", 2021) == 658457
    assert geo.population("091", 1999) is None


def test_tables_become_dataframes_without_copying_numbers(geo):
    table = geo.regions
    population = table.column("population_2021")
    assert isinstance(population, np.ndarray) and population.dtype == np.int64
    assert not population.flags.writeable
    frame = table.to_pandas(index="code")
    assert isinstance(frame, pd.DataFrame)
    assert frame.loc["01", "name_fi"] == "Uusimaa"
    assert frame.loc["01", "n_municipalities"] == 26
    assert frame.loc["01", "population_2021"] == 1714741
    assert frame["population_2021"].sum() == 5548241
    # The frame owns its data and can be edited; copy=False shares the read-only view instead.
    frame.loc["01", "population_2021"] += 1
    assert frame["population_2021"].sum() == 5548242 and population.sum() == 5548241
    view = table.to_pandas(copy=False)
    assert np.shares_memory(view["population_2021"].to_numpy(), population)
    scores = alueverkko.degree_centrality(alueverkko.parse_edge_list("source,target\na,b\n"))
    g = alueverkko.parse_edge_list("source,target\na,b\n")
    series = scores.to_pandas(g)
    series["a"] = 5.0
    assert series["a"] == 5.0 and scores.values[0] == 1.0
    assert not scores.to_pandas(g, copy=False).to_numpy().flags.writeable


def test_population_series_covers_every_municipality_and_year(geo):
    series = geo.population_series().to_pandas()
    assert len(series) == 309 * len(geo.population_years)
    totals = series.groupby("year")["population"].sum()
    assert totals[2021] == 5548241 and totals[2020] == 5533793


def test_data_error_carries_positions(tmp_path):
    (tmp_path / "geography.json").write_text("{\n  \"format\": 1,\n", encoding="utf-8")
    with pytest.raises(alueverkko.DataError) as caught:
        alueverkko.load_geography(tmp_path)
    assert isinstance(caught.value, ValueError)
    diagnostics = caught.value.diagnostics
    assert diagnostics and all(d.file for d in diagnostics)
    assert str(diagnostics[0]).startswith(diagnostics[0].file + ":")
