"""Per-call time of small centrality calls from Python: alueverkko beside python-igraph and networkx.

    PYTHONPATH=build/python /usr/bin/python3 bench/python_overhead.py [--markdown bench/RESULTS-python-overhead.md]

Graphs: Zachary's karate club (networkx, 34 vertices, 78 edges, unweighted) and the "finland" size of
bench/synthetic.py projected onto the actors (count weighting, ~600 vertices). Each library's graph is
built once, outside the timing; a measurement is timeit's per-call time (the number of calls chosen so
that one repeat lasts ≥ 0.2 s), median of --repeats repeats. Before timing, the results are checked
against alueverkko's (like is compared with like). Rows marked "threads=1" run alueverkko's parallel
measures on one thread: the difference to the default (threads=0: all cores) is the cost of starting
the parallel section. "null call" rows time the cheapest call into each library (a property read), the
floor of any call; "to_pandas" the conversion of a result to a labelled Series.
"""
from __future__ import annotations

import argparse
import os
import platform
import statistics
import sys
import timeit
import warnings

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import synthetic  # noqa: E402

warnings.filterwarnings("ignore", category=FutureWarning)  # networkx 2.8 on scipy matrices
import alueverkko  # noqa: E402
import igraph as ig  # noqa: E402
import networkx as nx  # noqa: E402


def per_call_us(fn, repeats: int) -> float:
    """Median over `repeats` of the mean time of one call (µs); each repeat lasts ≥ 0.2 s."""
    timer = timeit.Timer(fn)
    number, _ = timer.autorange()
    number = max(number, 1)
    return statistics.median(timer.repeat(repeat=repeats, number=number)) / number * 1e6


def karate():
    G = nx.karate_club_graph()
    edges = np.array(list(G.edges()), dtype=np.int64)
    return alueverkko.WeightedGraph.from_edges(G.number_of_nodes(), edges[:, 0], edges[:, 1],
                                               labels=[str(v) for v in G.nodes()])


def finland():
    data = synthetic.generate(**synthetic.SIZES["finland"], seed=1)
    two_mode = alueverkko.TwoModeGraph.from_edges([f"a{i}" for i in range(data.actors)],
                                                 [f"n{i}" for i in range(data.networks)], data.actor, data.network)
    return alueverkko.project(two_mode)


def others(graph):
    source, target, weight = graph.edge_arrays()
    g = ig.Graph(n=graph.vertex_count, edges=np.column_stack([source, target]).tolist(), directed=False)
    g.es["weight"] = weight.tolist()
    G = nx.Graph()
    G.add_nodes_from(range(graph.vertex_count))
    G.add_weighted_edges_from(zip(source.tolist(), target.tolist(), weight.tolist()))
    return g, G


def calls(graph, g, G):
    """measure → {library: call}; the same quantity in every library (hop distances, weighted PageRank)."""
    n = graph.vertex_count
    av = alueverkko
    return {
        "null call": {"alueverkko": lambda: graph.vertex_count, "igraph": lambda: g.vcount(),
                      "networkx": lambda: G.number_of_nodes()},
        "degree": {"alueverkko": lambda: av.degree_centrality(graph), "igraph": lambda: g.degree(),
                   "networkx": lambda: nx.degree_centrality(G)},
        "pagerank": {"alueverkko": lambda: av.pagerank(graph), "igraph": lambda: g.pagerank(weights="weight"),
                     "networkx": lambda: nx.pagerank(G, weight="weight", tol=1e-10)},
        "betweenness": {"alueverkko": lambda: av.betweenness(graph),
                        "alueverkko threads=1": lambda: av.betweenness(graph, threads=1),
                        "igraph": lambda: g.betweenness(directed=False),
                        "networkx": lambda: nx.betweenness_centrality(G)},
        "closeness": {"alueverkko": lambda: av.closeness(graph),
                      "alueverkko threads=1": lambda: av.closeness(graph, threads=1),
                      "igraph": lambda: g.closeness(),
                      "networkx": lambda: nx.closeness_centrality(G)},
        "degree + to_pandas": {"alueverkko": lambda: av.degree_centrality(graph).to_pandas(graph)},
        "degree + .values": {"alueverkko": lambda: av.degree_centrality(graph).values},
        "_n": n,
    }


def check(graph, g, G):
    """The libraries compute the same numbers (else the timings compare different things)."""
    n = graph.vertex_count
    scale = 2.0 / ((n - 1) * (n - 2))
    pairs = {
        "degree": (alueverkko.degree_centrality(graph, normalized=False).values, g.degree()),
        "pagerank": (alueverkko.pagerank(graph).values, g.pagerank(weights="weight")),
        "betweenness": (alueverkko.betweenness(graph).values, np.asarray(g.betweenness(directed=False)) * scale),
        "betweenness nx": (alueverkko.betweenness(graph).values, list(nx.betweenness_centrality(G).values())),
    }
    if g.is_connected():
        pairs["closeness"] = (alueverkko.closeness(graph).values, g.closeness())
    for what, (ours, theirs) in pairs.items():
        # PageRank's stopping rules differ (alueverkko: L1 change < 1e-6): agree to that tolerance
        rtol, atol = (0.0, 1e-5) if what == "pagerank" else (1e-6, 1e-9)
        np.testing.assert_allclose(np.asarray(ours, dtype=float), np.asarray(theirs, dtype=float), rtol=rtol,
                                   atol=atol, err_msg=what)


def machine() -> str:
    model = "unknown CPU"
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as f:
            model = next(line.split(":", 1)[1].strip() for line in f if line.startswith("model name"))
    except (OSError, StopIteration):
        pass
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    return (f"{model}, nproc {os.cpu_count()}, load average {load}, OMP_WAIT_POLICY "
            f"{os.environ.get('OMP_WAIT_POLICY', 'unset')}, Python {platform.python_version()}, alueverkko "
            f"{alueverkko.__version__}, python-igraph {ig.__version__}, networkx {nx.__version__}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeats", type=int, default=7)
    parser.add_argument("--markdown", help="also write the table as Markdown to this file")
    args = parser.parse_args()

    graphs = {"karate": karate(), "finland": finland()}
    rows, columns = [], []
    for name, graph in graphs.items():
        g, G = others(graph)
        check(graph, g, G)
        column = f"{name} (n={graph.vertex_count}, m={graph.edge_count})"
        columns.append(column)
        for measure, libraries in calls(graph, g, G).items():
            if measure == "_n":
                continue
            for library, fn in libraries.items():
                us = per_call_us(fn, args.repeats)
                key = (measure, library)
                row = next((r for r in rows if r[0] == key), None)
                if row is None:
                    row = (key, {})
                    rows.append(row)
                row[1][column] = us
                print(f"{column:28} {measure:20} {library:22} {us:12.2f} µs", flush=True)

    header = ["measure", "library"] + [f"{c} µs/call" for c in columns]
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    for (measure, library), values in rows:
        cells = [f"{values[c]:,.2f}" if c in values else "" for c in columns]
        lines.append("| " + " | ".join([measure, library] + cells) + " |")
    table = "\n".join(lines)
    print()
    print(machine())
    print(table)
    if args.markdown:
        with open(args.markdown, "w", encoding="utf-8") as f:
            f.write(f"Machine: {machine()}\n\n")
            f.write(f"Command: `PYTHONPATH=build/python /usr/bin/python3 bench/python_overhead.py "
                    f"--repeats {args.repeats} --markdown {args.markdown}`\n\n")
            f.write(table + "\n")


if __name__ == "__main__":
    main()
