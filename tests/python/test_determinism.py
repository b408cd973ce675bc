"""Same input and seed, same numbers to the last bit: across runs and across thread counts.

The computations run in fresh interpreters with OMP_NUM_THREADS = 1, 2 and 3 (which also sets the
team of the measures without a ``threads`` argument, such as PageRank), on a graph large enough
(> 32,768 arcs) for the power iterations to run in parallel; each result is hashed bytewise.
"""
import json
import os
import subprocess
import sys

import pytest

SCRIPT = r"""
import hashlib, json, sys
import numpy as np
import alueverkko as av

threads = int(sys.argv[1])
rng = np.random.default_rng(2024)
rows, cols, memberships = 800, 250, 3000
r = rng.integers(0, rows, memberships)
c = rng.integers(0, cols, memberships)
r, c = np.unique(np.stack([r, c]), axis=1)  # each membership once
two_mode = av.TwoModeGraph.from_edges([f"a{i}" for i in range(rows)], [f"n{j}" for j in range(cols)], r, c)
digest = {}

def put(name, *arrays):
    h = hashlib.sha256()
    for a in arrays:
        h.update(np.ascontiguousarray(a).tobytes())
    digest[name] = h.hexdigest()

count = av.project(two_mode, weighting="count", threads=threads)
newman = av.project(two_mode, weighting="newman", threads=threads)
put("projection count", *count.edge_arrays())
put("projection newman", *newman.edge_arrays())
digest["arcs"] = 2 * count.edge_count
put("betweenness", av.betweenness(newman, distance="inverse", threads=threads).values)
put("betweenness hops", av.betweenness(count, threads=threads).values)
put("edge betweenness", av.edge_betweenness(newman, distance="inverse", threads=threads).values)
put("sampled betweenness", av.betweenness(newman, distance="inverse", samples=50, seed=9, threads=threads).values)
put("closeness", av.closeness(newman, distance="inverse", threads=threads).values)
put("harmonic", av.harmonic_closeness(count, threads=threads).values)
put("pagerank", av.pagerank(newman).values)
put("eigenvector", av.eigenvector_centrality(newman).values)
put("coreness", av.coreness(count).values)
put("louvain", av.louvain(newman, seed=4).membership)
put("leiden", av.leiden(newman, seed=4).membership)
print(json.dumps(digest))
"""


def run(threads):
    env = dict(os.environ, OMP_NUM_THREADS=str(threads))
    result = subprocess.run([sys.executable, "-c", SCRIPT, str(threads)], capture_output=True, text=True, env=env,
                            timeout=600)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


@pytest.fixture(scope="module")
def reference():
    return run(2)


def test_graph_is_large_enough_for_parallel_iterations(reference):
    assert reference["arcs"] > 32768


@pytest.mark.parametrize("threads", [2, 1, 3])
def test_bitwise_identical(reference, threads):
    other = run(threads)
    assert other.keys() == reference.keys()
    assert {k: v for k, v in other.items() if v != reference[k]} == {}
