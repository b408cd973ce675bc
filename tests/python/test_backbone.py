"""Backbones: the disparity filter against a direct numpy computation, SDSM tails against a brute-force
Poisson-binomial convolution, the BiCM's expected degrees, and the published values of R's backbone."""
import math

import numpy as np
import pytest

import alueverkko

rng = np.random.default_rng(2024)


def random_weighted(n, p):
    """A random undirected graph with weights in (0, 5]; pairs i < j."""
    iu, ju = np.triu_indices(n, 1)
    pick = rng.random(len(iu)) < p
    w = rng.uniform(0.1, 5.0, pick.sum()).round(2)
    return alueverkko.WeightedGraph.from_edges(n, iu[pick], ju[pick], w), iu[pick], ju[pick], w


def disparity_numpy(n, src, dst, w):
    """p = min over endpoints of degree > 1 of (1 - w/s)^(k - 1); 1 if both endpoints have degree 1."""
    k = np.bincount(src, minlength=n) + np.bincount(dst, minlength=n)
    s = np.bincount(src, w, n) + np.bincount(dst, w, n)

    def alpha(v):
        out = np.ones(len(w))
        ok = k[v] > 1
        out[ok] = (1 - w[ok] / s[v][ok]) ** (k[v][ok] - 1)
        return out

    return np.minimum(alpha(src), alpha(dst))


@pytest.mark.parametrize("seed_graph", range(6))
def test_disparity_p_values_match_numpy(seed_graph):
    n = 20 + 5 * seed_graph
    g, *_ = random_weighted(n, 0.15)
    src, dst, w = g.edge_arrays()
    expected = disparity_numpy(n, src.astype(np.int64), dst.astype(np.int64), w)
    result = alueverkko.disparity_filter(g, alpha=0.1)
    np.testing.assert_allclose(result.p_values, expected, rtol=1e-12, atol=1e-15)
    np.testing.assert_array_equal(result.kept, (expected < 0.1).astype(np.uint8))
    assert result.backbone.edge_count == int((expected < 0.1).sum())
    bonf = alueverkko.disparity_filter(g, alpha=0.1, correction="bonferroni")
    np.testing.assert_array_equal(bonf.kept, (expected < 0.1 / len(expected)).astype(np.uint8))
    frame = alueverkko.disparity_table(g, result).to_pandas()
    assert list(frame.columns) == ["source", "target", "weight", "p_value", "kept"]
    np.testing.assert_allclose(frame["p_value"].to_numpy(), expected, rtol=1e-12, atol=1e-15)


def test_disparity_holm_is_step_down():
    g, *_ = random_weighted(40, 0.1)
    r = alueverkko.disparity_filter(g, alpha=0.3, correction="holm")
    p = np.asarray(r.p_values)
    order = np.argsort(p, kind="stable")
    m = len(p)
    kept = np.zeros(m, dtype=np.uint8)
    for rank, e in enumerate(order):
        if not p[e] < 0.3 / (m - rank):
            break
        kept[e] = 1
    np.testing.assert_array_equal(r.kept, kept)


def test_disparity_refuses_bad_arguments():
    g, *_ = random_weighted(10, 0.5)
    with pytest.raises(ValueError):
        alueverkko.disparity_filter(g, correction="bh")


def random_two_mode(rows, columns, density):
    """A random 0/1 matrix without empty rows or columns, and its TwoModeGraph."""
    while True:
        m = (rng.random((rows, columns)) < density).astype(int)
        if m.sum(1).min() > 0 and m.sum(0).min() > 0:
            break
    r, c = np.nonzero(m)
    g = alueverkko.TwoModeGraph.from_edges([f"r{i}" for i in range(rows)], [f"c{k}" for k in range(columns)], r, c)
    return m, g


def two_mode_of(matrix):
    m = np.asarray(matrix)
    r, c = np.nonzero(m)
    return alueverkko.TwoModeGraph.from_edges([f"r{i}" for i in range(m.shape[0])],
                                              [f"c{k}" for k in range(m.shape[1])], r, c)


def brute_force_tails(probabilities, count):
    """Upper and lower tails of Σ_k Bernoulli(q_k) at `count` by full convolution."""
    pmf = np.array([1.0])
    for q in probabilities:
        pmf = np.convolve(pmf, [1 - q, q])
    cdf = np.cumsum(pmf)
    upper = 1.0 if count == 0 else 1.0 - cdf[count - 1]
    return upper, cdf[count]


@pytest.mark.parametrize("trial", range(5))
def test_bicm_expected_degrees_equal_observed(trial):
    m, g = random_two_mode(15 + trial, 10 + 2 * trial, 0.3)
    model = alueverkko.bicm(g)
    np.testing.assert_allclose(model.expected_row_degrees, m.sum(1), atol=1e-8)
    np.testing.assert_allclose(model.expected_column_degrees, m.sum(0), atol=1e-8)
    p = model.probabilities()
    np.testing.assert_allclose(p.sum(1), m.sum(1), atol=1e-8)
    np.testing.assert_allclose(p.sum(0), m.sum(0), atol=1e-8)
    x, y = np.asarray(model.row_x), np.asarray(model.column_y)
    np.testing.assert_allclose(p, np.outer(x, y) / (1 + np.outer(x, y)), rtol=1e-12)


@pytest.mark.parametrize("trial", range(5))
def test_sdsm_exact_tails_match_brute_force(trial):
    m, g = random_two_mode(12, 9 + trial, 0.35)
    p = alueverkko.bicm(g).probabilities()
    mats = alueverkko.sdsm_matrices(g)
    counts = m @ m.T
    np.testing.assert_array_equal(mats["count"], counts)
    for i in range(m.shape[0]):
        for j in range(m.shape[0]):
            upper, lower = brute_force_tails(p[i] * p[j], counts[i, j])
            assert mats["upper"][i, j] == pytest.approx(upper, abs=1e-12)
            assert mats["lower"][i, j] == pytest.approx(lower, abs=1e-12)
    # The sparse path (co-occurring pairs) gives the same numbers.
    r = alueverkko.sdsm(g, alpha=0.05)
    i, j = np.asarray(r.i), np.asarray(r.j)
    assert np.all(counts[i, j] > 0) and len(i) == int(((np.triu(counts, 1)) > 0).sum())
    np.testing.assert_allclose(r.upper, mats["upper"][i, j], atol=1e-14)
    np.testing.assert_allclose(r.lower, mats["lower"][i, j], atol=1e-14)
    np.testing.assert_allclose(r.expected, (p[i] * p[j]).sum(1), rtol=1e-12)
    assert r.tests == m.shape[0] * (m.shape[0] - 1) // 2


def test_sdsm_published_values():
    # R backbone: bicm() and sdsm() on the matrices (3 decimals).
    model = alueverkko.bicm(two_mode_of([[0, 0, 1], [0, 1, 0], [1, 0, 1]]))
    np.testing.assert_array_equal(model.probabilities().round(3),
                                  [[.216, .216, .568], [.216, .216, .568], [.568, .568, .863]])
    g = two_mode_of([[1, 0, 1, 1], [0, 1, 0, 0], [1, 0, 0, 1]])
    rna = alueverkko.sdsm_matrices(g, approximation="rna")
    exact = alueverkko.sdsm_matrices(g)
    np.testing.assert_array_equal(rna["upper"].round(3), [[.432, .977, .549], [.977, .304, .972], [.549, .972, .329]])
    np.testing.assert_array_equal(rna["lower"].round(3), [[.909, .354, .844], [.354, .954, .476], [.844, .476, .942]])
    np.testing.assert_array_equal(exact["upper"].round(3), [[.427, 1, .555], [1, .306, 1], [.555, 1, .333]])
    np.testing.assert_array_equal(exact["lower"].round(3), [[.914, .365, .856], [.365, .969, .487], [.856, .487, .955]])


def test_sdsm_signed_all_pairs_and_table():
    m, g = random_two_mode(25, 15, 0.3)
    mats = alueverkko.sdsm_matrices(g)
    r = alueverkko.sdsm(g, alpha=0.2, tail="both", all_pairs=True)
    i, j = np.asarray(r.i), np.asarray(r.j)
    assert len(r) == 25 * 24 // 2
    sign = np.where(mats["upper"][i, j] < 0.1, 1, np.where(mats["lower"][i, j] < 0.1, -1, 0))
    np.testing.assert_array_equal(r.sign, sign)
    assert r.positive.edge_count == int((sign == 1).sum()) and r.negative.edge_count == int((sign == -1).sum())
    frame = alueverkko.sdsm_table(g, r, kept_only=True).to_pandas()
    assert list(frame.columns) == ["source", "target", "weight", "expected", "p_upper", "p_lower", "sign"]
    assert len(frame) == int((sign != 0).sum())
    with pytest.raises(ValueError):
        alueverkko.sdsm(g, tail="two")
    with pytest.raises(ValueError):
        alueverkko.sdsm(g, all_pairs=True, max_pairs=10)


def test_sdsm_on_idea_call_municipalities():
    geo = alueverkko.load_geography(alueverkko.find_geography_dir("fi-2021"))
    ds = alueverkko.load_dataset(alueverkko.data_dir() / "collaborations" / "idea_call_2021", geo)
    agg = alueverkko.aggregate(ds, geo, "municipality", alueverkko.select_memberships(ds, status=["member"]))
    r = alueverkko.sdsm(agg.graph, alpha=0.05)
    assert r.model.max_degree_error < 1e-8
    assert 0 < r.positive.edge_count < len(r)
    exact_holm = alueverkko.sdsm(agg.graph, alpha=0.05, correction="holm")
    assert exact_holm.positive.edge_count <= r.positive.edge_count
    assert math.isfinite(float(np.asarray(r.upper).sum()))
