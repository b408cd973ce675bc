"""progress= of the long computations: a function sees (done, total) up to total, True draws a tqdm
bar on stderr, False stops with alueverkko's Cancelled, errors and Ctrl-C come through as Python
exceptions within about a second, and the GIL is released while the work runs."""
import os
import signal
import threading
import time

import numpy as np
import pytest

import alueverkko
from alueverkko import _core

Cancelled = _core.Cancelled


def random_graph(n, m, seed=1):
    rng = np.random.default_rng(seed)
    s, t = rng.integers(0, n, 2 * m), rng.integers(0, n, 2 * m)
    keep = s != t
    pairs = np.unique(np.minimum(s[keep], t[keep]) * n + np.maximum(s[keep], t[keep]))[:m]
    return alueverkko.WeightedGraph.from_edges(n, pairs // n, pairs % n, rng.uniform(0.5, 2.0, len(pairs)),
                                               alueverkko.WeightMeaning.distance, [])


def random_two_mode(rows, columns, p, seed=2):
    rng = np.random.default_rng(seed)
    r, c = np.nonzero(rng.random((rows, columns)) < p)
    return alueverkko.TwoModeGraph.from_edges([f"r{i}" for i in range(rows)], [f"c{k}" for k in range(columns)],
                                             r.astype(np.int64), c.astype(np.int64), np.ones(len(r)))


GRAPH = random_graph(400, 1600)

MEASURES = {
    "betweenness": lambda **kw: alueverkko.betweenness(GRAPH, distance="weight", **kw).values,
    "edge_betweenness": lambda **kw: alueverkko.edge_betweenness(GRAPH, **kw).values,
    "closeness": lambda **kw: alueverkko.closeness(GRAPH, **kw).values,
    "harmonic_closeness": lambda **kw: alueverkko.harmonic_closeness(GRAPH, normalized=True, **kw).values,
}


@pytest.mark.parametrize("name", MEASURES)
@pytest.mark.parametrize("threads", [1, 2])
def test_a_function_sees_done_rise_to_total_and_results_do_not_change(name, threads):
    seen = []
    with_progress = MEASURES[name](threads=threads, progress=lambda done, total: seen.append((done, total)))
    np.testing.assert_array_equal(with_progress, MEASURES[name](threads=threads))
    assert seen, "no report"
    assert seen[-1] == (400, 400)
    assert {total for _, total in seen} == {400}
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)


def test_true_draws_a_tqdm_bar_on_stderr(capsys):
    values = alueverkko.betweenness(GRAPH, progress=True).values
    np.testing.assert_array_equal(values, alueverkko.betweenness(GRAPH).values)
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "betweenness" in captured.err
    assert "400/400" in captured.err and "100%" in captured.err
    assert "sources" in captured.err


def test_false_stops_with_cancelled():
    calls = []

    def stop_at_once(done, total):
        calls.append(done)
        return False

    with pytest.raises(Cancelled):
        alueverkko.betweenness(GRAPH, threads=2, progress=stop_at_once)
    assert len(calls) == 1
    assert issubclass(Cancelled, RuntimeError)
    # None and True go on
    alueverkko.closeness(GRAPH, progress=lambda d, t: True)
    alueverkko.closeness(GRAPH, progress=lambda d, t: None)


def test_an_error_in_the_function_is_raised_as_it_is():
    def fail(done, total):
        raise ValueError(f"bad progress at {done}")

    with pytest.raises(ValueError, match="bad progress at"):
        alueverkko.harmonic_closeness(GRAPH, progress=fail)


def test_progress_must_be_none_a_bool_or_a_function():
    with pytest.raises(TypeError, match="progress must be"):
        alueverkko.betweenness(GRAPH, progress="yes")
    np.testing.assert_array_equal(alueverkko.betweenness(GRAPH, progress=False).values,
                                  alueverkko.betweenness(GRAPH, progress=None).values)


def test_sdsm_reports_its_distributions_and_can_be_cancelled(capsys):
    g = random_two_mode(60, 30, 0.25)
    seen = []
    r = alueverkko.sdsm(g, progress=lambda done, total: seen.append((done, total)))
    assert seen and seen[-1][0] == seen[-1][1] > 1
    np.testing.assert_array_equal(r.upper, alueverkko.sdsm(g).upper)
    with pytest.raises(Cancelled):
        alueverkko.sdsm(g, progress=lambda done, total: False)
    alueverkko.sdsm(g, progress=True)
    assert "sdsm" in capsys.readouterr().err


def test_ctrl_c_stops_a_long_computation_within_a_second():
    # Exact betweenness on 20,000 vertices takes well over 10 s; SIGINT arrives after 0.5 s.
    big = random_graph(20_000, 80_000, seed=3)
    sent = []

    def interrupt():
        sent.append(time.monotonic())
        os.kill(os.getpid(), signal.SIGINT)

    timer = threading.Timer(0.5, interrupt)
    timer.start()
    try:
        with pytest.raises(KeyboardInterrupt):
            alueverkko.betweenness(big)
        stopped = time.monotonic()
    finally:
        timer.cancel()
    assert sent, "the computation ended before the signal"
    assert stopped - sent[0] < 1.5


def test_the_gil_is_released_while_betweenness_runs():
    big = random_graph(3_000, 12_000, seed=4)
    count = 0
    done = threading.Event()

    def count_up():
        nonlocal count
        while not done.is_set():
            count += 1

    counter = threading.Thread(target=count_up)
    counter.start()
    try:
        time.sleep(0.05)
        before = count
        start = time.monotonic()
        alueverkko.betweenness(big, threads=1)
        elapsed = time.monotonic() - start
        during = count - before
    finally:
        done.set()
        counter.join()
    assert elapsed > 0.3, "too fast to tell"
    # Holding the GIL would leave the counter still (a few switch intervals at most).
    assert during > 100_000


def test_compute_measures_reports_each_path_measure_and_stops():
    g = alueverkko.WeightedGraph.from_edges(
        6, [0, 1, 2, 3, 4], [1, 2, 3, 4, 5], [1.0] * 5, alueverkko.WeightMeaning.affinity, list("abcdef"))
    seen = []
    table, _ = alueverkko.compute_measures(g, ["degree", "betweenness", "closeness"],
                                           progress=lambda done, total: seen.append((done, total)))
    plain, _ = alueverkko.compute_measures(g, ["degree", "betweenness", "closeness"])
    assert seen.count((6, 6)) == 2  # each path measure ends with done = total
    for name in ("degree", "betweenness", "closeness"):
        assert list(table.column(name)) == list(plain.column(name))
    with pytest.raises(alueverkko.Cancelled):
        alueverkko.compute_measures(g, ["betweenness"], progress=lambda done, total: False)
