"""Loading collaboration data sets from Python: tables, name resolution, errors with positions."""
from pathlib import Path

import pytest

import alueverkko

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def geo():
    return alueverkko.load_geography(alueverkko.find_geography_dir("fi-2021"))


@pytest.fixture(scope="module")
def idea_call(geo):
    return alueverkko.load_dataset(alueverkko.data_dir() / "collaborations" / "idea_call_2021", geo)


def test_idea_call_tables(idea_call):
    assert idea_call.name == "idea_call_2021" and idea_call.geography_id == "fi-2021"
    networks = idea_call.networks.to_pandas(index="network_id")
    assert len(networks) == 60
    assert networks["track"].value_counts().to_dict() == {"thematic_network": 51, "development_zone": 9}
    assert networks.loc["p03", "name"] == "Pohjoinen kasvuvyöhyke"
    memberships = idea_call.memberships.to_pandas()
    assert memberships["status"].value_counts().to_dict() == {"member": 184, "mentioned": 63, "planned": 28}
    assert (memberships["role"] == "lead").sum() == 59
    assert set(memberships["network_id"]) <= set(networks.index)
    actors = idea_call.actors.to_pandas(index="actor_id")
    assert actors.loc["kunta-853", "name"] == "Turku"
    # n_members counts status "member" per network
    assert networks["n_members"].sum() == 184


def test_find_actor_by_alias_case_and_letters(idea_call):
    assert idea_call.find_actor("kunta-091") == "kunta-091"
    assert idea_call.find_actor("Helsingfors") == "kunta-091"
    assert idea_call.find_actor("hämeenlinna") == "kunta-109"
    assert idea_call.find_actor("Hameenlinna") is None  # ä is a letter, not an accented a
    assert idea_call.find_actor("no such actor") is None


@pytest.mark.parametrize("name", ["growth_corridor_2023", "east_north_finland_s3_2024", "network_study_2020"])
def test_other_bundled_datasets_load(geo, name):
    dataset = alueverkko.load_dataset(alueverkko.data_dir() / "collaborations" / name, geo)
    assert len(dataset.networks) > 0 and len(dataset.memberships) > 0


def test_broken_corpus_raises_the_exact_diagnostics():
    """The C++ corpus test's cases, through Python: same messages, same positions."""
    corpus = REPO / "tests" / "data" / "broken"
    geo = alueverkko.load_geography(REPO / "tests/data/valid-mini/geography/mini-2021")
    cases = sorted(p for p in corpus.iterdir() if (p / "expected.txt").exists())
    assert len(cases) >= 30
    for case in cases:
        expected = (case / "expected.txt").read_text(encoding="utf-8").splitlines()
        with pytest.raises(alueverkko.DataError) as caught:
            if (case / "geography.json").exists():
                alueverkko.load_geography(case)
            else:
                alueverkko.load_dataset(case, geo)
        prefix = str(case) + "/"
        got = [str(d).removeprefix(prefix) for d in caught.value.diagnostics]
        assert got == expected, case.name
