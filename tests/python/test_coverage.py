"""Coverage and concentration from Python, checked against an independent pandas computation from the
CSV files of idea_call_2021 and fi-2021 (members only and all statuses), plus the thin pandas layer."""
import doctest
import math
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import alueverkko
from alueverkko import _coverage

REPO = Path(__file__).resolve().parents[2]
IDEA_CALL = REPO / "data" / "collaborations" / "idea_call_2021"
GEOGRAPHY = REPO / "data" / "geography" / "fi-2021"
MINI = REPO / "tests" / "data" / "valid-mini"


@pytest.fixture(scope="module")
def geo():
    return alueverkko.load_geography(GEOGRAPHY)


@pytest.fixture(scope="module")
def ds(geo):
    return alueverkko.load_dataset(IDEA_CALL, geo)


# --- the independent computation ------------------------------------------------------------------

def read(path):
    return pd.read_csv(path, dtype=str, keep_default_na=False)


@pytest.fixture(scope="module")
def csv():
    municipalities = read(GEOGRAPHY / "municipalities.csv")
    municipalities["population_2021"] = municipalities["population_2021"].astype(int)
    actors = read(IDEA_CALL / "actors.csv")
    memberships = read(IDEA_CALL / "memberships.csv")
    return municipalities, actors, memberships


def participation(csv, statuses=None, organisations=True, area_actors=False):
    """{municipality code: set of network ids} from the CSV files alone (docs/coverage.md rules)."""
    municipalities, actors, memberships = csv
    if statuses:
        memberships = memberships[memberships["status"].isin(statuses)]
    actors = actors.set_index("actor_id")
    reach = {code: set() for code in municipalities["code"]}
    for row in memberships.itertuples():
        a = actors.loc[row.actor_id]
        if (a["country"] or "FI") != "FI":
            continue
        if a["area_code"]:
            if not area_actors:
                continue
            level, unit = a["area_code"][:2], a["area_code"][2:]
            column = "region_code" if level == "MK" else "subregion_code"
            codes = municipalities.loc[municipalities[column] == unit, "code"]
        elif a["municipality_code"] and (a["kind"] == "municipality" or organisations):
            codes = [a["municipality_code"]]
        else:
            continue
        for code in codes:
            reach[code].add(row.network_id)
    return reach


def gini(x):
    x = np.asarray(x, dtype=float)
    return np.abs(x[:, None] - x[None, :]).sum() / (2 * len(x) ** 2 * x.mean())


# --- real data -------------------------------------------------------------------------------------

@pytest.mark.parametrize("statuses", [None, ["member"]], ids=["all", "members"])
def test_country_coverage_matches_pandas(ds, geo, csv, statuses):
    municipalities = csv[0]
    reach = participation(csv, statuses)
    covered = {code for code, networks in reach.items() if networks}
    pop = municipalities.set_index("code")["population_2021"]
    kw = {"status": statuses} if statuses else {}
    total = alueverkko.coverage_table(ds, geo, "country", **kw).to_pandas().iloc[0]
    assert total["municipalities"] == 309
    assert total["population"] == 5548241
    assert total["covered"] == len(covered)
    assert total["population_covered"] == pop[sorted(covered)].sum()
    assert total["population_share"] == pytest.approx(pop[sorted(covered)].sum() / 5548241)
    touched = municipalities[municipalities["code"].isin(covered)]
    assert total["regions_touched"] == touched["region_code"].nunique()
    assert total["subregions_touched"] == touched["subregion_code"].nunique()
    assert total["networks"] == len(set().union(*reach.values()))


def test_members_cover_fewer_than_all_statuses(ds, geo):
    members = alueverkko.coverage(ds, geo, by="country", status=["member"]).iloc[0]
    everything = alueverkko.coverage(ds, geo, by="country").iloc[0]
    assert 0 < members["covered"] < everything["covered"] < 309
    assert members["population_covered"] < everything["population_covered"]


@pytest.mark.parametrize("by,column", [("region", "region_code"), ("size_class", "size_class"),
                                       ("subregion", "subregion_code")])
def test_breakdowns_match_pandas(ds, geo, csv, by, column):
    municipalities = csv[0].copy()
    reach = participation(csv, ["member"])
    municipalities["covered"] = municipalities["code"].map(lambda c: bool(reach[c]))
    municipalities["pop_covered"] = municipalities["population_2021"] * municipalities["covered"]
    expected = municipalities.groupby(column).agg(municipalities=("code", "size"), covered=("covered", "sum"),
                                                  population=("population_2021", "sum"),
                                                  population_covered=("pop_covered", "sum"))
    ours = alueverkko.coverage(ds, geo, by=by, status=["member"])
    ours = ours[ours["municipalities"] > 0]
    pd.testing.assert_frame_equal(ours[list(expected.columns)].sort_index(), expected.sort_index(),
                                  check_names=False, check_dtype=False)
    assert np.allclose(ours["covered_share"], ours["covered"] / ours["municipalities"])


def test_size_class_rows_are_a_to_e(ds, geo):
    frame = alueverkko.coverage(ds, geo, by="size-class")
    assert list(frame.index) == ["A", "B", "C", "D", "E"]
    assert frame["population"].sum() == 5548241


def test_participation_matches_pandas(ds, geo, csv):
    ours = alueverkko.municipality_participation(ds, geo).to_pandas(index="code")
    assert len(ours) == 309
    reach = participation(csv)
    direct = participation(csv, organisations=False)
    area = participation(csv, area_actors=True)
    for code in ours.index:
        assert ours.at[code, "networks"] == len(reach[code]), code
        assert ours.at[code, "with_organisations"] == len(reach[code]), code
        assert ours.at[code, "direct"] == len(direct[code]), code
    # area_actors=True counts seated organisations and area actors
    with_area = alueverkko.municipality_participation(ds, geo, area_actors=True).to_pandas(index="code")
    assert all(with_area.at[c, "networks"] == len(area[c]) for c in with_area.index)
    # the status columns split `networks`
    statuses = ours[["member", "planned", "invited", "mentioned"]].sum(axis=1)
    assert (statuses == ours["networks"]).all()
    assert ours["lead"].sum() > 0
    helsinki = ours.loc["091"]
    assert helsinki["networks_per_10000"] == pytest.approx(helsinki["networks"] / helsinki["population"] * 1e4)


def test_gap_list_matches_pandas(ds, geo, csv):
    municipalities = csv[0]
    reach = participation(csv, ["member"])
    expected = municipalities[municipalities["code"].map(lambda c: not reach[c])]
    expected = expected.sort_values(["population_2021", "code"], ascending=[False, True])
    gaps = alueverkko.coverage(ds, geo, report="gaps", status=["member"])
    assert list(gaps["code"]) == list(expected["code"])
    assert list(gaps["population"]) == list(expected["population_2021"])
    assert (gaps["population"].diff().dropna() <= 0).all()


@pytest.mark.parametrize("statuses", [None, ["member"]], ids=["all", "members"])
def test_concentration_matches_numpy(ds, geo, csv, statuses):
    reach = participation(csv, statuses)
    x = np.array([len(reach[c]) for c in sorted(reach)], dtype=float)
    kw = {"status": statuses} if statuses else {}
    c = alueverkko.participation_concentration(ds, geo, **kw).to_pandas().iloc[0]
    assert c["participations"] == x.sum()
    assert c["gini"] == pytest.approx(gini(x))
    assert c["herfindahl"] == pytest.approx(((x / x.sum()) ** 2).sum())
    k = math.ceil(0.1 * len(x))
    assert c["top_k"] == k == 31
    assert c["top_share"] == pytest.approx(np.sort(x)[::-1][:k].sum() / x.sum())
    assert c["participations_per_10000"] == pytest.approx(x.sum() / 5548241 * 1e4)
    nonzero = x[x > 0]
    z = alueverkko.participation_concentration(ds, geo, exclude_zeros=True, **kw).to_pandas().iloc[0]
    assert z["gini"] == pytest.approx(gini(nonzero))
    lorenz = alueverkko.participation_lorenz(ds, geo, **kw).to_pandas()
    assert len(lorenz) == 310
    assert np.allclose(lorenz["participation_share"].iloc[1:], np.cumsum(np.sort(x)) / x.sum())
    # the Gini is 1 − 2 × the area under the Lorenz curve (trapezoids)
    area = np.trapz(lorenz["participation_share"], lorenz["municipality_share"])
    assert c["gini"] == pytest.approx(1 - 2 * area)


def test_footprint_matches_pandas(ds, geo, csv):
    municipalities, actors, memberships = csv
    foot = alueverkko.coverage(ds, geo, report="footprint")
    assert len(foot) == 60
    actors_i = actors.set_index("actor_id")
    pop = municipalities.set_index("code")["population_2021"]
    region = municipalities.set_index("code")["region_code"]
    subregion_region = read(GEOGRAPHY / "subregions.csv").set_index("code")["region_code"]
    for network_id, group in memberships.groupby("network_id"):
        a = actors_i.loc[group["actor_id"]]
        seats = a[(a["area_code"] == "") & (a["municipality_code"] != "")]
        touched = set(seats["municipality_code"])
        named = set(seats.loc[seats["kind"] == "municipality", "municipality_code"])
        row = foot.loc[network_id]
        assert row["municipalities"] == len(touched), network_id
        assert row["municipalities_named"] == len(named), network_id
        assert row["population"] == pop[sorted(touched)].sum(), network_id
        assert row["n_regions"] == region[sorted(touched)].nunique(), network_id
        lead = group[group["role"] == "lead"]
        if lead.empty or not touched:
            assert math.isnan(row["supra_regionality"]), network_id
            continue
        la = actors_i.loc[lead["actor_id"].iloc[0]]
        if la["area_code"].startswith("MK"):
            home = la["area_code"][2:]
        elif la["area_code"].startswith("SK"):
            home = subregion_region[la["area_code"][2:]]
        elif la["municipality_code"]:
            home = region[la["municipality_code"]]
        else:
            assert math.isnan(row["supra_regionality"]), network_id
            continue
        expected = np.mean([region[m] != home for m in touched])
        assert row["supra_regionality"] == pytest.approx(expected), network_id


def test_year_option(ds, geo):
    y2000 = alueverkko.coverage(ds, geo, by="country", year=2000).iloc[0]
    assert y2000["population"] == geo.population_total(2000)
    with pytest.raises(ValueError, match="population year 1990"):
        alueverkko.coverage_table(ds, geo, "country", year=1990)


def test_bad_arguments(ds, geo):
    with pytest.raises(ValueError, match="unknown level"):
        alueverkko.coverage_table(ds, geo, "kunta")
    with pytest.raises(ValueError, match="unknown status"):
        alueverkko.coverage_table(ds, geo, "region", status=["memberr"])
    with pytest.raises(TypeError, match="unknown filter"):
        alueverkko.coverage_table(ds, geo, "region", colour=["red"])
    with pytest.raises(ValueError, match="unknown report"):
        alueverkko.coverage(ds, geo, report="nonsense")


def test_theme_and_track_filters_narrow_coverage(ds, geo):
    everything = alueverkko.coverage(ds, geo, by="country").iloc[0]["covered"]
    zones = alueverkko.coverage(ds, geo, by="country", track=["development_zone"]).iloc[0]["covered"]
    assert 0 < zones < everything


# --- hand-computed values (as in tests/cpp/metrics/test_coverage.cpp) -------------------------------

def test_concentration_of_by_hand():
    s = alueverkko.concentration_of([3, 0, 6, 1, 0])
    assert s["gini"] == pytest.approx(0.6)
    assert s["herfindahl"] == pytest.approx(0.46)
    assert s["top_share"] == pytest.approx(0.6)
    assert alueverkko.lorenz_points([3, 0, 6, 1, 0])[3] == pytest.approx((0.6, 0.1))


def test_mini_by_hand():
    geo = alueverkko.load_geography(MINI / "geography" / "mini-2021")
    ds = alueverkko.load_dataset(MINI / "collaborations" / "mini", geo)
    total = alueverkko.coverage(ds, geo, by="country").iloc[0]
    assert (total["covered"], total["population_covered"]) == (5, 1023623)  # all but Askola
    assert alueverkko.coverage(ds, geo, by="country", area_actors=True).iloc[0]["covered"] == 6
    gaps = alueverkko.coverage(ds, geo, report="gaps", status=["member"])
    assert list(gaps["code"]) == ["638", "018"]
    c = alueverkko.coverage(ds, geo, report="concentration").iloc[0]
    assert c["gini"] == pytest.approx(1 / 6)
    part = alueverkko.coverage(ds, geo, report="participation")
    assert part.loc["091", "via_area"] == 2 and part.loc["091", "networks"] == 1


def test_docstring_examples():
    result = doctest.testmod(_coverage, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    assert result.attempted > 0 and result.failed == 0
