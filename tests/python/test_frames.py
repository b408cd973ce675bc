"""from_pandas (DataFrames → checked Dataset) and to_networkx/from_networkx, against load_dataset on the
same files, pandas and networkx."""
import math

import networkx as nx
import numpy as np
import pandas as pd
import pytest

import alueverkko

DATASETS = ["idea_call_2021", "growth_corridor_2023", "east_north_finland_s3_2024", "network_study_2020"]


@pytest.fixture(scope="module")
def geo():
    return alueverkko.load_geography(alueverkko.find_geography_dir("fi-2021"))


def read_frames(name):
    """The data set's CSV files as DataFrames (codes as text); aliases if the data set has them."""
    directory = alueverkko.data_dir() / "collaborations" / name
    frames = {table: pd.read_csv(directory / f"{table}.csv", dtype=str)
              for table in ("memberships", "actors", "networks")}
    frames["aliases"] = pd.read_csv(directory / "aliases.csv", dtype=str) if (directory / "aliases.csv").exists() else None
    return frames


def edges_of(graph):
    """{(label, label): weight} of a WeightedGraph, endpoints sorted."""
    labels = graph.labels
    s, t, w = graph.edge_arrays()
    return {tuple(sorted((labels[a], labels[b]))): x for a, b, x in zip(s.tolist(), t.tolist(), w.tolist())}


def assert_same_graph(ours, expected):
    assert ours.labels == expected.labels and ours.weight_meaning == expected.weight_meaning
    for mine, theirs in zip(ours.edge_arrays(), expected.edge_arrays()):
        np.testing.assert_array_equal(mine, theirs)


# ------------------------------------------------------------------ from_pandas = load_dataset


@pytest.mark.parametrize("name", DATASETS)
def test_bundled_frames_give_the_loaded_dataset(geo, name):
    frames = read_frames(name)
    loaded = alueverkko.load_dataset(alueverkko.data_dir() / "collaborations" / name, geo)
    ours = alueverkko.from_pandas(frames["memberships"], frames["actors"], frames["networks"],
                                  aliases=frames["aliases"], geography=geo, name=name)
    assert ours.name == name and ours.geography_id == "fi-2021"
    for table in ("actors", "networks", "memberships"):
        pd.testing.assert_frame_equal(getattr(ours, table).to_pandas(), getattr(loaded, table).to_pandas())
    for level in ("actor", "municipality", "region"):
        for weighting in ("count", "newman"):
            mine = alueverkko.project_dataset(ours, geo, level, weighting)
            theirs = alueverkko.project_dataset(loaded, geo, level, weighting)
            assert_same_graph(mine[0], theirs[0])
            assert list(mine[1]) == list(theirs[1])
    for by in ("municipality", "region", "size_class"):
        pd.testing.assert_frame_equal(alueverkko.coverage(ours, geo, by=by), alueverkko.coverage(loaded, geo, by=by))
    pd.testing.assert_frame_equal(alueverkko.coverage(ours, geo, report="participation"),
                                  alueverkko.coverage(loaded, geo, report="participation"))
    if frames["aliases"] is not None:
        alias, actor = frames["aliases"].iloc[0]
        assert ours.find_actor(alias) == loaded.find_actor(alias) == actor


def test_bundled_frames_are_not_modified(geo):
    frames = read_frames("idea_call_2021")
    copies = {k: v.copy() for k, v in frames.items()}
    alueverkko.from_pandas(frames["memberships"], frames["actors"], frames["networks"], geography=geo)
    for table in ("memberships", "actors", "networks"):
        pd.testing.assert_frame_equal(frames[table], copies[table])


def test_memberships_only(geo):
    m = pd.DataFrame({"actor": ["a", "b", "c", "a", "b"], "network": ["n1", "n1", "n1", "n2", "n2"],
                      "weight": [1.0, 2.0, 0.5, 1.0, 3.0]}, index=[10, 11, 12, 13, 14])
    ds = alueverkko.from_pandas(m, geography=geo)
    actors = ds.actors.to_pandas()
    assert actors["actor_id"].tolist() == actors["name"].tolist() == ["a", "b", "c"]
    assert set(actors["kind"]) == {"other"} and set(actors["municipality_code"]) == {""}
    networks = ds.networks.to_pandas()
    assert networks["network_id"].tolist() == ["n1", "n2"] and set(networks["kind"]) == {"network"}
    memberships = ds.memberships.to_pandas()
    assert memberships["actor_id"].tolist() == m["actor"].tolist()
    assert memberships["network_id"].tolist() == m["network"].tolist()
    assert memberships["weight"].tolist() == m["weight"].tolist()
    assert set(memberships["status"]) == {"member"} and set(memberships["role"]) == {""}
    # networkx oracle: shared networks between actors
    B = nx.Graph(list(zip(m["actor"], m["network"])))
    expected = nx.bipartite.weighted_projected_graph(B, ["a", "b", "c"])
    graph = alueverkko.project_dataset(ds, geo, "actor", "count")[0]
    assert edges_of(graph) == {tuple(sorted((u, v))): float(w) for u, v, w in expected.edges(data="weight")}


def test_loader_column_names_optional_columns_and_types(geo):
    m = pd.DataFrame({"network_id": ["n1", "n1", "n2"], "actor_id": ["kunta-091", "org-x", "org-x"],
                      "status": ["member", "planned", "mentioned"], "role": ["lead", None, "partner"],
                      "start": pd.to_datetime(["2021-03-01", None, "2022-01-31"])})
    a = pd.DataFrame({"actor_id": ["kunta-091", "org-x"], "name": ["Helsinki", "X ry\n(yhdistys)"],
                      "kind": ["municipality", "association"], "municipality_code": ["091", "049"],
                      "declared_size": [np.nan, 12.0]})
    n = pd.DataFrame({"id": ["n1", "n2"], "regional_towns": [True, False], "themes": ["a | b", None],
                      "declared_members": [3, 4]})
    ds = alueverkko.from_pandas(m, a, n, geography=geo)
    actors = ds.actors.to_pandas(index="actor_id")
    assert actors.loc["org-x", "name"] == "X ry\n(yhdistys)" and actors.loc["org-x", "declared_size"] == 12
    assert actors.loc["org-x", "municipality_code"] == "049"
    networks = ds.networks.to_pandas(index="network_id")
    assert networks["regional_towns"].tolist() == [1, 0] and networks["declared_members"].tolist() == [3, 4]
    assert networks.loc["n1", "themes"] == "a|b" and networks.loc["n2", "name"] == "n2"
    memberships = ds.memberships.to_pandas()
    assert memberships["role"].tolist() == ["lead", "", "partner"]
    assert memberships["start"].tolist() == ["2021-03-01", "", "2022-01-31"]


# ------------------------------------------------------------------ errors name frame, row and column


MEMBERSHIPS = pd.DataFrame({"actor": ["kunta-091", "org-x", "kunta-049"], "network": ["n1", "n1", "n2"]},
                           index=["m1", "m2", "m3"])
ACTORS = pd.DataFrame({"id": ["kunta-091", "org-x", "kunta-049"], "name": ["Helsinki", "X", "Espoo"],
                       "kind": ["municipality", "association", "municipality"],
                       "municipality_code": ["091", "", "049"]}, index=[5, 6, 7])


def problems_of(memberships=MEMBERSHIPS, actors=ACTORS, networks=None, geography=None, **kw):
    with pytest.raises(alueverkko.DataError) as caught:
        alueverkko.from_pandas(memberships, actors, networks, geography=geography, **kw)
    error = caught.value
    assert str(error) == "\n".join(map(str, error.problems))
    return [str(p) for p in error.problems]


def test_valid_fixture_builds(geo):
    assert len(alueverkko.from_pandas(MEMBERSHIPS, ACTORS, geography=geo).memberships) == 3


@pytest.mark.parametrize("memberships, actors, expected", [
    (MEMBERSHIPS.assign(actor=["kunta-091", "nobody", "kunta-049"]), ACTORS,
     ["memberships[row m2, column 'actor']: unknown actor_id 'nobody' (not in actors)"]),
    (MEMBERSHIPS.assign(status=["member", "member", "maybe"]), ACTORS,
     ["memberships[row m3, column 'status']: invalid status 'maybe' (allowed: member, planned, invited, mentioned)"]),
    (MEMBERSHIPS.assign(role=["lead", "boss", None]), ACTORS,
     ["memberships[row m2, column 'role']: invalid role 'boss' (allowed: lead, co_lead, coordinator, implementer, "
      "partner, funder, interested, endpoint, area, context, or empty)"]),
    (MEMBERSHIPS.assign(actor=["kunta-091", np.nan, "kunta-049"]), ACTORS,
     ["memberships[row m2, column 'actor']: missing value for required column 'actor_id'"]),
    (MEMBERSHIPS.assign(weight=[1, -2, 1]), ACTORS,
     ["memberships[row m2, column 'weight']: invalid weight '-2': expected a non-negative number"]),
    (pd.concat([MEMBERSHIPS, MEMBERSHIPS.iloc[[0]].set_axis(["m4"])]), ACTORS,
     ["memberships[row m4, column 'actor']: duplicate membership of actor 'kunta-091' in network 'n1' (first at row m1)"]),
    (MEMBERSHIPS.drop(columns="network"), ACTORS,
     ["memberships: missing required column 'network_id' (required columns: network_id, actor_id, status)"]),
    (MEMBERSHIPS.assign(wieght=1.0), ACTORS,
     ["memberships[column 'wieght']: unknown column 'wieght' (allowed columns: network_id, actor_id, status, role, "
      "weight, start, end, source)"]),
    (MEMBERSHIPS, ACTORS.assign(municipality_code=["091", "999", "049"]),
     ["actors[row 6, column 'municipality_code']: unknown municipality_code '999' (not in geography fi-2021)"]),
    (MEMBERSHIPS, ACTORS.assign(id=["kunta-091", "org-x", "org-x"], kind="association"),
     ["actors[row 7, column 'id']: duplicate actor_id 'org-x' (first defined at row 6)",
      "memberships[row m3, column 'actor']: unknown actor_id 'kunta-049' (not in actors)"]),
    (MEMBERSHIPS, ACTORS.assign(name=["Helsinki", None, "Espoo"]), ["actors[row 6, column 'name']: missing value for required column 'name'"]),
    (MEMBERSHIPS, ACTORS.assign(kind=["municipality", "club", "municipality"]),
     ["actors[row 6, column 'kind']: invalid kind 'club' (allowed: municipality, region, subregion, regional_council, "
      "joint_municipal_authority, development_company, university, university_of_applied_sciences, "
      "vocational_institution, research_institute, government_agency, association, leader_group, company, group, "
      "foreign_municipality, foreign_region, foreign_organisation, other)"]),
])
def test_errors_name_frame_row_and_column(geo, memberships, actors, expected):
    assert problems_of(memberships, actors, geography=geo) == expected


def test_unknown_network_and_duplicate_network_id(geo):
    networks = pd.DataFrame({"id": ["n1", "n1"], "name": ["One", "Again"]}, index=["a", "b"])
    assert problems_of(networks=networks, geography=geo) == [
        "networks[row b, column 'id']: duplicate network_id 'n1' (first defined at row a)",
        "memberships[row m3, column 'network']: unknown network_id 'n2' (not in networks)"]


def test_rows_after_a_multiline_value_are_named_right(geo):
    actors = ACTORS.assign(name=["Helsinki\nHelsingfors", 'X "the\nassociation"', "Espoo"],
                           municipality_code=["091", "", "0049"])
    assert problems_of(actors=actors, geography=geo) == [
        "actors[row 7, column 'id']: a municipality actor's id must be 'kunta-0049' (kunta-<municipality_code>)",
        "actors[row 7, column 'municipality_code']: unknown municipality_code '0049' (not in geography fi-2021)"]


def test_every_problem_is_listed_and_numeric_codes_get_a_hint(geo):
    actors = ACTORS.assign(municipality_code=[91, np.nan, 49])
    problems = problems_of(MEMBERSHIPS.assign(status=["x", "member", "y"]), actors, geography=geo)
    assert len(problems) == 6
    assert problems[1] == ("actors[row 5, column 'municipality_code']: unknown municipality_code '91.0' (not in geography "
                           "fi-2021) (the column is numeric: read codes as text, e.g. read_csv(..., dtype=str), to keep "
                           "leading zeros)")
    assert [p.split(":")[0] for p in problems] == [
        "actors[row 5, column 'id']", "actors[row 5, column 'municipality_code']", "actors[row 7, column 'id']",
        "actors[row 7, column 'municipality_code']", "memberships[row m1, column 'status']",
        "memberships[row m3, column 'status']"]


def test_made_actor_table_is_named(geo):
    problems = problems_of(MEMBERSHIPS.assign(actor=["ok", "not ok", "ok"]), None, geography=geo)
    assert problems[0] == ("actors (made from memberships)[row 1, column 'actor_id']: invalid actor_id 'not ok': "
                           "use only letters A-Z a-z, digits and . _ -")
    assert problems[1] == "memberships[row m2, column 'actor']: unknown actor_id 'not ok' (not in actors)"


def test_aliases_errors_name_rows_of_both_frames(geo):
    aliases = pd.DataFrame({"alias": ["Stadi", "Espoo"], "actor": ["kunta-091", "kunta-091"]}, index=["x", "y"])
    assert problems_of(aliases=aliases, geography=geo) == [
        "aliases[row y, column 'alias']: ambiguous alias 'Espoo': it is also the name of actor 'kunta-049' "
        "(actors row 7)"]


def test_not_a_dataframe():
    with pytest.raises(TypeError, match="actors must be a pandas DataFrame"):
        alueverkko.from_pandas(MEMBERSHIPS, [("a", "A")])


def test_default_geography_is_fi_2021():
    ds = alueverkko.from_pandas(MEMBERSHIPS, ACTORS)
    assert ds.geography_id == "fi-2021" and ds.name == "dataframe"


# ------------------------------------------------------------------ networkx


@pytest.fixture(scope="module")
def idea(geo):
    return alueverkko.load_dataset(alueverkko.data_dir() / "collaborations" / "idea_call_2021", geo)


@pytest.mark.parametrize("level, weighting", [("actor", "newman"), ("municipality", "count"), ("region", "jaccard")])
def test_weighted_graph_round_trip(geo, idea, level, weighting):
    graph = alueverkko.project_dataset(idea, geo, level, weighting)[0]
    G = graph.to_networkx()
    assert list(G) == graph.labels and G.number_of_edges() == graph.edge_count
    assert G.graph == {"weight_meaning": "affinity"}
    assert {tuple(sorted(e[:2])): e[2] for e in G.edges(data="weight")} == edges_of(graph)
    back = alueverkko.from_networkx(G)
    assert back.labels == graph.labels and back.weight_meaning == graph.weight_meaning
    ours, theirs = edges_of(back), edges_of(graph)
    assert ours.keys() == theirs.keys()
    assert all(math.isclose(ours[k], theirs[k], rel_tol=1e-15, abs_tol=0) for k in ours)


def test_networkx_graph_round_trip():
    G = nx.les_miserables_graph()
    back = alueverkko.from_networkx(G, meaning="distance").to_networkx()
    assert list(back) == list(G) and back.graph["weight_meaning"] == "distance"
    assert nx.utils.edges_equal(back.edges(data="weight"), G.edges(data="weight"))
    K = nx.karate_club_graph()  # integer nodes, weights in "weight"
    graph = alueverkko.from_networkx(K)
    assert graph.labels == [str(n) for n in K] and graph.edge_count == K.number_of_edges()
    assert edges_of(graph) == {tuple(sorted((str(u), str(v)))): float(w) for u, v, w in K.edges(data="weight")}
    unweighted = alueverkko.from_networkx(nx.path_graph(4), weight="missing")
    assert set(unweighted.edge_arrays()[2].tolist()) == {1.0}


def test_two_mode_round_trip(idea):
    two_mode = alueverkko.TwoModeGraph.from_dataset(idea)
    B = alueverkko.to_networkx(two_mode)
    assert nx.is_bipartite(B) and B.number_of_edges() == len(idea.memberships)
    assert {n for n, side in B.nodes(data="bipartite") if side == 0} == set(two_mode.row_labels)
    back = alueverkko.from_networkx(B)
    assert back.row_labels == two_mode.row_labels and back.column_labels == two_mode.column_labels
    mine, theirs = alueverkko._core.two_mode_edge_arrays(back), alueverkko._core.two_mode_edge_arrays(two_mode)
    order_mine = np.lexsort((mine[1], mine[0]))
    order_theirs = np.lexsort((theirs[1], theirs[0]))
    for a, b in zip(mine, theirs):
        np.testing.assert_array_equal(np.asarray(a)[order_mine], np.asarray(b)[order_theirs])


def test_dataset_to_networkx_matches_tables(idea):
    B = idea.to_networkx()
    memberships = idea.memberships.to_pandas()
    edges = {(a, n): (s, r, w) for a, n, s, r, w in
             memberships[["actor_id", "network_id", "status", "role", "weight"]].itertuples(index=False)}
    assert {(u, v) if B.nodes[u]["bipartite"] == 0 else (v, u) for u, v in B.edges()} == edges.keys()
    for (a, n), (s, r, w) in edges.items():
        assert B.edges[a, n] == {"status": s, "role": r, "weight": w}
    actors = idea.actors.to_pandas(index="actor_id")
    assert B.nodes["kunta-853"]["name"] == actors.loc["kunta-853", "name"] == "Turku"
    assert B.nodes["kunta-853"]["municipality_code"] == "853" and "lat" not in B.nodes["kunta-853"]
    assert B.nodes["p03"]["bipartite"] == 1 and B.nodes["p03"]["name"] == "Pohjoinen kasvuvyöhyke"
    same = alueverkko.from_networkx(B)
    assert same.row_labels == list(actors.index) and same.edge_count == len(memberships)


@pytest.mark.parametrize("weighting, oracle", [("count", nx.bipartite.weighted_projected_graph),
                                               ("newman", nx.bipartite.collaboration_weighted_projected_graph)])
def test_projections_equal_networkx_bipartite(idea, weighting, oracle):
    two_mode = alueverkko.TwoModeGraph.from_dataset(idea)
    B = two_mode.to_networkx()
    expected = oracle(B, two_mode.row_labels)
    ours = edges_of(alueverkko.project(two_mode, weighting=weighting))
    theirs = {tuple(sorted((u, v))): float(w) for u, v, w in expected.edges(data="weight")}
    assert ours.keys() == theirs.keys()
    assert all(math.isclose(ours[k], theirs[k], rel_tol=1e-12) for k in ours)


def test_networkx_errors():
    with pytest.raises(ValueError, match="undirected"):
        alueverkko.from_networkx(nx.DiGraph([(1, 2)]))
    with pytest.raises(ValueError, match="'1' is repeated"):
        alueverkko.from_networkx(nx.Graph([(1, "1")]))
    B = nx.Graph([("a", "n"), ("a", "b")])
    nx.set_node_attributes(B, {"a": 0, "b": 0, "n": 1}, "bipartite")
    with pytest.raises(ValueError, match="joins two nodes of bipartite 0"):
        alueverkko.from_networkx(B)
    B.remove_edge("a", "b")
    B.nodes["b"]["bipartite"] = 2
    with pytest.raises(ValueError, match="bipartite 0 or 1"):
        alueverkko.from_networkx(B)
    B.nodes["b"]["bipartite"] = 0
    B.edges["a", "n"]["status"] = "maybe"
    with pytest.raises(ValueError, match="status of membership 0: unknown value 'maybe'"):
        alueverkko.from_networkx(B)
    with pytest.raises(ValueError, match="must be a number"):
        alueverkko.from_networkx(nx.Graph([(1, 2, {"weight": "heavy"})]))
    clash = alueverkko.TwoModeGraph.from_edges(["x"], ["x"], np.array([0]), np.array([0]))
    with pytest.raises(ValueError, match="'x' is repeated"):
        clash.to_networkx()
    with pytest.raises(TypeError, match="WeightedGraph, TwoModeGraph or Dataset"):
        alueverkko.to_networkx(nx.Graph())
