"""Times alueverkko's projection and centrality measures side by side with graph-tool, igraph and
networkx (Debian packages) on the same seeded synthetic two-mode graph, in one run.

    make bench                                   # cordis size: ~30k actors, ~35k projects, ~190k memberships
    PYTHONPATH=build/python /usr/bin/python3 bench/compare.py --size finland

Every library gets the same projected graph (count weighting: shared projects). Path measures use hop
counts everywhere. networkx's O(n·m) measures (betweenness, closeness, harmonic) would take hours at
the cordis size: they are timed on --nx-sources sources and extrapolated to all n sources (marked
"est."). For networkx the fastest variant it offers is used (scipy/numpy ones where they exist).
alueverkko runs with all cores (and with 1 thread with --single-thread); graph-tool uses its OpenMP default (all cores);
igraph and networkx are single-threaded. Before timing, each library's results are checked against
alueverkko's on the same graph, so that like is compared with like.

Output: a table of seconds per library and the ratio other/alueverkko (all cores), also written as
CSV with --csv.
"""
from __future__ import annotations

import argparse
import os
import random
import sys
import time
import warnings

import numpy as np

import synthetic

warnings.filterwarnings("ignore", category=RuntimeWarning)  # graph-tool's missing cairo/matplotlib
warnings.filterwarnings("ignore", category=FutureWarning)   # networkx 2.8 on scipy matrices
import alueverkko  # noqa: E402


def timed(fn, *args, **kwargs):
    start = time.perf_counter()
    result = fn(*args, **kwargs)
    return time.perf_counter() - start, result


def build(size: str, seed: int):
    data = synthetic.generate(**synthetic.SIZES[size], seed=seed)
    two_mode = alueverkko.TwoModeGraph.from_edges([f"a{i}" for i in range(data.actors)],
                                                 [f"n{i}" for i in range(data.networks)], data.actor, data.network)
    return data, two_mode


def alueverkko_runs(projected, threads, alpha):
    return {
        "degree": lambda: alueverkko.degree_centrality(projected),
        "strength": lambda: alueverkko.strength(projected),
        "betweenness": lambda: alueverkko.betweenness(projected, threads=threads),
        "closeness": lambda: alueverkko.closeness(projected, threads=threads),
        "harmonic": lambda: alueverkko.harmonic_closeness(projected, threads=threads),
        "eigenvector": lambda: alueverkko.eigenvector_centrality(projected, max_iter=1000),
        "pagerank": lambda: alueverkko.pagerank(projected),
        "katz": lambda: alueverkko.katz_centrality(projected, alpha=alpha, max_iter=10000),
        "core": lambda: alueverkko.coreness(projected),
    }


def katz_alpha(projected):
    """Half the radius of convergence 1/λ_max (λ_max of the weighted adjacency, by power iteration)."""
    source, target, weight = projected.edge_arrays()
    import scipy.sparse as sp
    n = projected.vertex_count
    A = sp.coo_matrix((weight, (source, target)), shape=(n, n)).tocsr()
    A = A + A.T - sp.diags(A.diagonal())
    from scipy.sparse.linalg import eigsh
    lam = abs(eigsh(A, k=1, which="LA", return_eigenvectors=False)[0])
    return 0.5 / max(lam, 1.0)


def graph_tool_runs(projected, alpha):
    import graph_tool.all as gt
    source, target, weight = projected.edge_arrays()
    g = gt.Graph(directed=False)
    g.add_vertex(projected.vertex_count)
    g.add_edge_list(np.column_stack([source, target]))
    w = g.new_edge_property("double", vals=weight)
    return {
        "degree": lambda: g.get_out_degrees(g.get_vertices()),
        "strength": lambda: g.get_out_degrees(g.get_vertices(), eweight=w),
        "betweenness": lambda: gt.betweenness(g)[0].a,
        "closeness": lambda: gt.closeness(g, harmonic=False).a,
        "harmonic": lambda: gt.closeness(g, harmonic=True).a,
        "eigenvector": lambda: gt.eigenvector(g, weight=w)[1].a,
        "pagerank": lambda: gt.pagerank(g, weight=w).a,
        "katz": lambda: gt.katz(g, alpha=alpha, weight=w).a,
        "core": lambda: gt.kcore_decomposition(g).a,
    }, g


def igraph_runs(projected):
    import igraph as ig
    source, target, weight = projected.edge_arrays()
    g = ig.Graph(n=projected.vertex_count, edges=np.column_stack([source, target]).tolist(), directed=False)
    g.es["weight"] = weight.tolist()
    return {
        "degree": lambda: g.degree(),
        "strength": lambda: g.strength(weights="weight"),
        "betweenness": lambda: g.betweenness(directed=False),
        "closeness": lambda: g.closeness(),
        "harmonic": lambda: g.harmonic_centrality(),
        "eigenvector": lambda: g.eigenvector_centrality(weights="weight"),
        "pagerank": lambda: g.pagerank(weights="weight"),
        "core": lambda: g.coreness(),
    }, g


def networkx_runs(projected, nx_sources, seed, alpha):
    import networkx as nx
    G = nx.Graph()
    G.add_nodes_from(range(projected.vertex_count))
    source, target, weight = projected.edge_arrays()
    G.add_weighted_edges_from(zip(source.tolist(), target.tolist(), weight.tolist()))
    n = G.number_of_nodes()
    sample = random.Random(seed).sample(range(n), min(nx_sources, n))
    scale = n / len(sample)

    def sources_only(fn):
        def run():
            elapsed, _ = timed(fn)
            return ("estimated", elapsed * scale)
        return run

    return {
        "degree": lambda: nx.degree_centrality(G),
        "strength": lambda: dict(G.degree(weight="weight")),
        "betweenness": sources_only(lambda: [nx.algorithms.centrality.betweenness._single_source_shortest_path_basic(G, s)
                                             for s in sample]),
        "closeness": sources_only(lambda: [nx.closeness_centrality(G, u=s) for s in sample]),
        "harmonic": sources_only(lambda: nx.harmonic_centrality(G, sources=sample)),
        "eigenvector": lambda: nx.eigenvector_centrality_numpy(G, weight="weight"),
        "pagerank": lambda: nx.pagerank(G, weight="weight"),
        "katz": lambda: nx.katz_centrality(G, alpha=alpha, weight="weight", max_iter=10000),  # _numpy is dense O(n³)
        "core": lambda: nx.core_number(G),
    }, G


def run_all(runs, measures):
    times = {}
    for name in measures:
        if name not in runs:
            continue
        elapsed, result = timed(runs[name])
        if isinstance(result, tuple) and result and result[0] == "estimated":
            times[name] = (result[1], True)
        else:
            times[name] = (elapsed, False)
        print(f"  {name:<12} {times[name][0]:9.3f} s{' (est.)' if times[name][1] else ''}", flush=True)
    return times


def check_agreement(projected, gt_graph, ig_graph):
    """graph-tool and igraph compute the same numbers as alueverkko on this graph (sanity, not timing)."""
    import graph_tool.all as gt
    ours = alueverkko.pagerank(projected, tol=1e-12, max_iter=1000).values
    w = gt_graph.new_edge_property("double", vals=projected.edge_arrays()[2])
    assert np.allclose(gt.pagerank(gt_graph, weight=w, epsilon=1e-12).a, ours, atol=1e-9)
    assert np.allclose(ig_graph.pagerank(weights="weight"), ours, atol=1e-6)
    assert np.array_equal(np.asarray(ig_graph.coreness()), alueverkko.coreness(projected).values.astype(int))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--size", choices=synthetic.SIZES, default="cordis")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--nx-sources", type=int, default=20, help="sources timed for networkx's O(n·m) measures")
    parser.add_argument("--libraries", default="alueverkko,graph-tool,igraph,networkx")
    parser.add_argument("--single-thread", action="store_true", help="also time alueverkko with 1 thread")
    parser.add_argument("--csv", help="also write the table here")
    args = parser.parse_args()
    libraries = args.libraries.split(",")
    measures = ["degree", "strength", "betweenness", "closeness", "harmonic", "eigenvector", "pagerank", "katz", "core"]

    data, two_mode = build(args.size, args.seed)
    print(f"{args.size}: {data.actors} actors, {data.networks} projects, {len(data.actor)} memberships; "
          f"{os.cpu_count()} cores", flush=True)

    results = {}  # library -> {task: (seconds, estimated)}
    cores = os.cpu_count() or 1
    t_proj, projected = timed(alueverkko.project, two_mode, "rows", "count")
    t_proj1, _ = timed(alueverkko.project, two_mode, "rows", "count", threads=1)
    print(f"projection onto actors: {projected.vertex_count} vertices, {projected.edge_count} edges, "
          f"{projected.memory_bytes / 2**20:.1f} MiB; {t_proj:.3f} s ({cores} threads), {t_proj1:.3f} s (1 thread)",
          flush=True)
    alpha = katz_alpha(projected)  # the same Katz α for every library, computed once, untimed
    print(f"alueverkko ({cores} threads)")
    results[f"alueverkko ({cores} thr)"] = {"projection": (t_proj, False), **run_all(alueverkko_runs(projected, 0, alpha), measures)}
    if args.single_thread:
        print("alueverkko (1 thread)")
        results["alueverkko (1 thr)"] = {"projection": (t_proj1, False), **run_all(alueverkko_runs(projected, 1, alpha), measures)}

    gt_graph = ig_graph = None
    if "graph-tool" in libraries:
        print("graph-tool (OpenMP)")
        runs, gt_graph = graph_tool_runs(projected, alpha)
        results["graph-tool"] = run_all(runs, measures)
    if "igraph" in libraries:
        from igraph import Graph
        bip = Graph.Bipartite([0] * data.actors + [1] * data.networks,
                              list(zip(data.actor.tolist(), (data.network + data.actors).tolist())))
        t, _ = timed(bip.bipartite_projection, multiplicity=True, which=0)
        print(f"igraph (projection {t:.3f} s)")
        runs, ig_graph = igraph_runs(projected)
        results["igraph"] = {"projection": (t, False), **run_all(runs, measures)}
    if "networkx" in libraries:
        import networkx as nx
        from networkx.algorithms import bipartite
        B = nx.Graph()
        B.add_nodes_from(range(data.actors), bipartite=0)
        B.add_edges_from(zip(data.actor.tolist(), (data.network + data.actors).tolist()))
        t, _ = timed(bipartite.weighted_projected_graph, B, range(data.actors))
        print(f"networkx (projection {t:.1f} s)")
        runs, _ = networkx_runs(projected, args.nx_sources, args.seed, alpha)
        results["networkx"] = {"projection": (t, False), **run_all(runs, measures)}
    if gt_graph is not None and ig_graph is not None:
        check_agreement(projected, gt_graph, ig_graph)
        print("graph-tool and igraph agree with alueverkko (pagerank, coreness)")

    tasks = ["projection"] + measures
    base = results[f"alueverkko ({cores} thr)"]
    header = f"{'task':<12}" + "".join(f"{lib:>22}" for lib in results)
    print("\nseconds (ratio to alueverkko with all cores)\n" + header)
    rows = []
    for task in tasks:
        line = f"{task:<12}"
        for lib, times in results.items():
            if task not in times:
                line += f"{'—':>22}"
                continue
            seconds, estimated = times[task]
            ratio = seconds / base[task][0] if base[task][0] > 0 else float("nan")
            cell = f"{seconds:.3f}{'*' if estimated else ''} ({ratio:.1f}×)"
            line += f"{cell:>22}"
            rows.append((task, lib, seconds, estimated, ratio))
        print(line)
    print("* networkx extrapolated from --nx-sources sources")
    if args.csv:
        with open(args.csv, "w", encoding="utf-8") as f:
            f.write("task,library,seconds,estimated,ratio_to_alueverkko\n")
            for task, lib, seconds, estimated, ratio in rows:
                f.write(f"{task},{lib},{seconds:.6f},{int(estimated)},{ratio:.3f}\n")


if __name__ == "__main__":
    sys.exit(main())
