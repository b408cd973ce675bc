"""Call eligibility from Python: the verdicts on idea_call_2021 against an independent pandas
computation of the same counts from the CSV files, the rules object and the loader's errors."""
import json
from pathlib import Path

import pandas as pd
import pytest

import alueverkko

REPO = Path(__file__).resolve().parents[2]
RULES = REPO / "data" / "collaborations" / "call_rules_2021" / "rules.json"
BROKEN = REPO / "tests" / "data" / "rules"


@pytest.fixture(scope="module")
def geo():
    return alueverkko.load_geography(alueverkko.find_geography_dir("fi-2021"))


@pytest.fixture(scope="module")
def idea_call(geo):
    return alueverkko.load_dataset(alueverkko.data_dir() / "collaborations" / "idea_call_2021", geo)


@pytest.fixture(scope="module")
def rules():
    return alueverkko.load_call_rules(RULES)


def independent_counts(area_actors="ignore"):
    """Per proposal and count, (municipalities, regions) computed with pandas from the CSV files."""
    d = alueverkko.data_dir() / "collaborations" / "idea_call_2021"
    g = alueverkko.find_geography_dir("fi-2021")
    actors = pd.read_csv(d / "actors.csv", dtype=str, keep_default_na=False)
    networks = pd.read_csv(d / "networks.csv", dtype=str, keep_default_na=False)
    memberships = pd.read_csv(d / "memberships.csv", dtype=str, keep_default_na=False)
    municipalities = pd.read_csv(g / "municipalities.csv", dtype=str, keep_default_na=False)
    subregions = pd.read_csv(g / "subregions.csv", dtype=str, keep_default_na=False)
    region_of = dict(zip(municipalities["code"], municipalities["region_code"]))
    region_of_subregion = dict(zip(subregions["code"], subregions["region_code"]))

    m = memberships.merge(actors, on="actor_id")
    m = m[(m["country"] == "FI") & m["status"].isin(["member", "planned"])]
    is_municipality = m["kind"] == "municipality"
    is_area = m["area_code"] != ""
    is_seat = ~is_municipality & ~is_area & (m["municipality_code"] != "")
    member = m["status"] == "member"
    steps = {
        "named": is_municipality & member,
        "seats": (is_municipality | is_seat) & member,
        "planned": is_municipality | is_seat,
    }
    area_steps = {"named": is_area & False, "seats": is_area & member, "planned": is_area}

    def area_region(code):
        return code[2:] if code.startswith("MK") else region_of_subregion[code[2:]]

    out = {}
    for network_id, track in zip(networks["network_id"], networks["track"]):
        if not track:
            continue
        here = m["network_id"] == network_id
        for count, selected in steps.items():
            codes = set(m.loc[here & selected, "municipality_code"])
            regions = {region_of[c] for c in codes}
            if area_actors == "regions":
                regions |= {area_region(c) for c in m.loc[here & area_steps[count], "area_code"]}
            out[(network_id, count)] = (track, len(codes), len(regions))
    return out


def passes(track, municipalities, regions):
    # the call text (seed 003): thematic network >= 4 municipalities (line 18), development zone
    # > 4 (line 28); both in >= 2 maakunnat (lines 18, 30)
    if track == "thematic_network":
        return municipalities >= 4 and regions >= 2
    return municipalities > 4 and regions >= 2


@pytest.mark.parametrize("area_actors", ["ignore", "regions"])
def test_counts_and_verdicts_match_an_independent_computation(idea_call, geo, rules, area_actors):
    table = alueverkko.evaluate_eligibility(idea_call, geo, rules, area_actors=area_actors).to_pandas(index="network_id")
    expected = independent_counts(area_actors)
    assert len(table) == 60
    for (network_id, count), (track, n_municipalities, n_regions) in expected.items():
        row = table.loc[network_id]
        assert row["track"] == track
        assert row[f"municipalities_{count}"] == n_municipalities, (network_id, count)
        assert row[f"regions_{count}"] == n_regions, (network_id, count)
        verdict = "pass" if passes(track, n_municipalities, n_regions) else "fail"
        assert row[f"verdict_{count}"] == verdict, (network_id, count)
    assert (table["verdict"] == table["verdict_named"]).all()
    assert (table["count"] == "named").all()


def test_real_results_by_track(idea_call, geo):
    table = alueverkko.evaluate_eligibility(idea_call, geo).to_pandas()  # default rules: the bundled ones
    passing = {count: table.groupby("track")[f"verdict_{count}"].apply(lambda v: (v == "pass").sum()).to_dict()
               for count in ("named", "seats", "planned")}
    assert passing == {
        "named": {"development_zone": 2, "thematic_network": 4},
        "seats": {"development_zone": 2, "thematic_network": 8},
        "planned": {"development_zone": 2, "thematic_network": 11},
    }
    ok = table.loc[table["verdict"] == "pass", "network_id"].tolist()
    assert ok == ["p03", "p07", "p14", "p24", "p28", "p42"]
    by_id = table.set_index("network_id")
    assert by_id.loc["p10", "reason"] == "1 municipality named, needs 4; all in one region (Pohjois-Savo), needs 2"
    assert by_id.loc["p26", "would_pass_if"] == "would pass if member organisations' seats counted"
    assert by_id.loc["p12", "would_pass_if"] == "would pass if organisations' seats and planned members counted"
    assert by_id.loc["p02", "paid_to"] == "Pohjois-Savon liitto"
    assert by_id.loc["p02", "lead_allowed"] == "no"
    assert by_id.loc["p28", "lead_id"] == "" and "no lead named" in by_id.loc["p28", "note"]


def test_primary_count_option(idea_call, geo, rules):
    table = alueverkko.evaluate_eligibility(idea_call, geo, rules, count="seats").to_pandas()
    assert (table["verdict"] == table["verdict_seats"]).all()
    assert (table["verdict"] == "pass").sum() == 10
    with pytest.raises(ValueError, match="count must be"):
        alueverkko.evaluate_eligibility(idea_call, geo, rules, count="all")
    with pytest.raises(ValueError, match="area_actors must be"):
        alueverkko.evaluate_eligibility(idea_call, geo, rules, area_actors="yes")


def test_rules_object(rules):
    assert rules.tracks == ["development_zone", "thematic_network"]
    raw = json.loads(RULES.read_text(encoding="utf-8"))
    for track in rules.tracks:
        got = rules.requirements(track)
        want = raw["tracks"][track]["requirements"]
        assert [(r["quantity"], r["comparison"], r["value"], r["minimum"]) for r in got] == \
               [(r["quantity"], r["comparison"], r["value"], r["minimum"]) for r in want]
    assert rules.max_share_of_public_funding == 0.8
    assert rules.paid_to == "regional_council_of_lead_region"
    assert "regional_council" not in rules.applicant_kinds and "leader_group" in rules.applicant_kinds
    with pytest.raises(ValueError):
        rules.requirements("none")


def test_broken_rules_raise_data_error_with_positions():
    with pytest.raises(alueverkko.DataError) as info:
        alueverkko.load_call_rules(BROKEN / "bad-comparison.json")
    diagnostics = info.value.diagnostics
    assert [(d.line, d.column) for d in diagnostics] == [(6, 50), (12, 78), (13, 58), (18, 72), (18, 87)]
    assert "unknown comparison '=>'" in diagnostics[0].message
    with pytest.raises(alueverkko.DataError, match="missing track 'development_zone'"):
        alueverkko.load_call_rules(BROKEN / "missing-track.json")
