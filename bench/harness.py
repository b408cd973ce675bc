"""The benchmark harness of issue 12: the same job through alueverkko (C++ and Python) and through
graph-tool, igraph, networkx and scipy, on the same seeded synthetic two-mode graph, in one run.

    make bench   # finland and cordis sizes, 5 repeats, 1 and 2 threads → bench/RESULTS.md
    PYTHONPATH=build/python /usr/bin/python3 bench/harness.py --sizes finland,cordis --repeats 5 \\
        --threads 1,2 --job build/bench/alueverkko-bench-job --markdown bench/RESULTS.md \\
        --json out/bench/results.json

The job, for each size (bench/synthetic.py; the memberships CSV is written to out/bench/<size>.csv):
  load                  alueverkko.read_two_mode_list; every anchor: pandas.read_csv of the same file
  project_count         onto the actors, shared projects: alueverkko.project; igraph
                        bipartite_projection(multiplicity=True); networkx weighted_projected_graph;
                        scipy triu(B @ B.T, k=1) with B the actors × projects CSR incidence matrix
  project_newman        Newman's weights Σ 1/(n_p − 1): alueverkko; networkx
                        collaboration_weighted_projected_graph; scipy triu(B @ diag(1/(n_p − 1)) @ B.T, k=1)
  then on the count projection (alueverkko's, handed to every library as the same edge arrays):
  pagerank              weighted, damping 0.85 (scipy: networkx's power iteration on the CSR matrix)
  eigenvector           weighted (scipy: eigsh)
                        The power iterations (alueverkko, networkx's PageRank, scipy's) stop when the L1
                        change of the whole vector is below 1e-6, graph-tool's rule (tolerance 1e-6/n):
                        the default n·1e-6 (networkx's) stops after 3 PageRank iterations at CORDIS size,
                        2 orders of magnitude less accurate than graph-tool's and igraph's results.
  kcore                 core numbers
  harmonic              harmonic closeness, hop distances
  betweenness           exact, hop counts
  betweenness_weighted  exact, edge distance = 1/weight
  louvain               alueverkko seed 1, igraph community_multilevel, networkx louvain_communities seed 1;
                        modularity of every partition by igraph's Graph.modularity (alueverkko C++: by
                        alueverkko's modularity, checked equal to igraph's on the Python partition)

Every library runs in its own process per (size, thread count), the harness calling itself with
the hidden --worker option (alueverkko C++: bench/job.cpp), so that peak memory and thread settings
are clean: OMP_NUM_THREADS and OPENBLAS_NUM_THREADS are set in the child; graph-tool also gets
openmp_set_num_threads, alueverkko threads=n. igraph, networkx, scipy and pandas are
single-threaded: they run once (threads 1) and anchor every thread count.

Each figure: one warm-up run, then at least --repeats timed runs, more (up to 1000) until they add
up to 0.2 s; the median. Memory: after the warm-up, freed memory is handed back (malloc_trim), the
peak is reset (5 → /proc/self/clear_refs) and VmRSS read;
after the timed runs VmHWM is the peak; "Δ" is the peak above the RSS before the task. Before the
timed runs, each anchor's warm-up result is checked against alueverkko's on the same graph (else the
figures would compare different things): the run stops with an error when they differ.

The O(n·m) path measures take hours per run beyond the finland size (30,000 sources): there,
betweenness is timed from --path-sources sampled sources (seed 1) for alueverkko (samples=) and
graph-tool (pivots=), the times not scaled, so that both do the same work; python-igraph 0.10 cannot
restrict its sources, and harmonic closeness (no library but networkx restricts it) runs at the
finland size only. networkx's projections, Louvain and path measures (a source takes it seconds at
CORDIS size) run at the finland size only.
"""
from __future__ import annotations

import argparse
import ctypes
import datetime
import gc
import json
import os
import platform
import random
import shlex
import statistics
import subprocess
import sys
import time
import warnings
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import synthetic  # noqa: E402

TASKS = ["load", "project_count", "project_newman", "pagerank", "eigenvector", "kcore", "harmonic",
         "betweenness", "betweenness_weighted", "louvain"]
PROJECTIONS = ["project_count", "project_newman"]
SCORES = ["pagerank", "eigenvector", "kcore", "harmonic", "betweenness", "betweenness_weighted"]
LIBRARIES = ["alueverkko-cpp", "alueverkko", "graph-tool", "igraph", "networkx", "scipy"]
NAMES = {"alueverkko-cpp": "alueverkko C++", "alueverkko": "alueverkko Python", "graph-tool": "graph-tool",
         "igraph": "igraph", "networkx": "networkx", "scipy": "scipy"}
OURS = ("alueverkko-cpp", "alueverkko")
THREADED = {"alueverkko-cpp", "alueverkko", "graph-tool"}  # the others run once and anchor every thread count
MIN_TOTAL_SECONDS = 0.2  # of a figure's timed runs (as bench/job.cpp): a sub-millisecond median needs more than 5
FULL_SIZES = {"finland"}  # the O(n·m) measures from every source, networkx's slow tasks
PATHS = ["harmonic", "betweenness", "betweenness_weighted"]
TOO_SLOW = "skipped: too slow (networkx runs fully at finland size only)"
HARMONIC_FULL_ONLY = "skipped: O(n·m), measured at finland size only"
NO_SAMPLING = "skipped: python-igraph 0.10 cannot restrict betweenness to sampled sources"


def tolerance(n: int) -> float:
    """Of the power iterations: networkx's rule (L1 change < n·tol) made graph-tool's (< 1e-6)."""
    return 1e-6 / max(n, 1)


def plan(library: str, size: str) -> dict[str, str]:
    """task → "run", "sampled" (betweenness from --path-sources sources) or why it is skipped; a
    task the library does not offer is absent."""
    if library in OURS:
        tasks = dict.fromkeys(TASKS, "run")
    elif library == "graph-tool":
        tasks = dict.fromkeys(["load"] + SCORES, "run")
    elif library == "igraph":
        tasks = dict.fromkeys(["load", "project_count"] + SCORES + ["louvain"], "run")
    elif library == "scipy":
        return dict.fromkeys(PROJECTIONS + ["pagerank", "eigenvector"], "run")
    else:
        tasks = dict.fromkeys(["load", "pagerank", "eigenvector", "kcore"] + PATHS, "run")
        tasks.update(dict.fromkeys(PROJECTIONS + ["louvain"], "run" if size in FULL_SIZES else TOO_SLOW))
    if size not in FULL_SIZES:
        tasks["harmonic"] = HARMONIC_FULL_ONLY
        for task in ("betweenness", "betweenness_weighted"):
            tasks[task] = {"igraph": NO_SAMPLING, "networkx": TOO_SLOW}.get(library, "sampled")
    return tasks


# ---------------------------------------------------------------------------------------- worker

LIBC = ctypes.CDLL("libc.so.6")


def reset_peak() -> None:
    gc.collect()
    LIBC.malloc_trim(0)
    with open("/proc/self/clear_refs", "w", encoding="ascii") as f:
        f.write("5")


def memory() -> tuple[int, int]:
    """(VmHWM, VmRSS) of this process in bytes."""
    values = {}
    with open("/proc/self/status", encoding="ascii") as f:
        for line in f:
            key, _, rest = line.partition(":")
            if key in ("VmHWM", "VmRSS"):
                values[key] = int(rest.split()[0]) * 1024
    return values["VmHWM"], values["VmRSS"]


def emit(record: dict) -> None:
    print(json.dumps(record), flush=True)


def check_scores(task: str, ours: np.ndarray, theirs, library: str) -> str:
    """Raises SystemExit when `theirs` is not what alueverkko computes; returns how close it is.
    PageRank sums to 1 everywhere: compared as is. Core numbers: equal. The others differ in
    normalisation between libraries: compared after dividing by the maximum."""
    theirs = np.asarray(theirs, dtype=float)
    if task == "kcore":
        ok, difference = np.array_equal(ours, theirs), float(np.abs(ours - theirs).max(initial=0))
    elif task == "pagerank":
        difference = float(np.abs(ours - theirs).max(initial=0))
        ok = difference <= 1e-6
    else:
        scaled = theirs / theirs.max() if theirs.max() > 0 else theirs
        reference = ours / ours.max() if ours.max() > 0 else ours
        difference = float(np.abs(scaled - reference).max(initial=0))
        # eigenvector: each library's own stopping rule. Weighted betweenness: alueverkko, graph-tool
        # and networkx compare path lengths (sums of 1/w) exactly and agree to rounding; igraph takes
        # lengths equal within a relative epsilon as ties, so paths that are equally short but for
        # rounding count as shortest there (at finland size 337 of 600 values differ, by ≤ 1e-3)
        limits = {"eigenvector": 1e-6, "betweenness_weighted": 1e-2 if library == "igraph" else 1e-9}
        ok = difference <= limits.get(task, 1e-9)
    if not ok:
        raise SystemExit(f"harness: {library} {task} differs from alueverkko's on the same graph "
                         f"(max |difference| {difference:.3g}): the timings would compare different things")
    return f"max Δ {difference:.1e}" + ("" if task in ("pagerank", "kcore") else " (scaled to max 1)")


class Worker:
    """Times one library's tasks in this process and prints one JSON line per task."""

    def __init__(self, args):
        self.args = args
        self.library = args.worker
        self.threads = int(args.threads)
        self.plan = plan(self.library, args.size)
        self.wanted = [t for t in args.tasks.split(",") if t in self.plan]
        self._graph = None

    def sampled(self) -> bool:
        """Betweenness from --path-sources sources (beyond the finland size)."""
        return self.plan.get("betweenness") == "sampled"

    def sources(self, n: int) -> list[int]:
        """The sampled sources graph-tool starts from (alueverkko draws its own)."""
        return random.Random(1).sample(range(n), min(self.args.path_sources, n))

    def wants(self, *tasks: str) -> bool:
        return any(t in self.wanted for t in tasks)

    def graph(self):
        """The count projection (alueverkko's, written by the harness) and the reference values."""
        if self._graph is None:
            self._graph = dict(np.load(self.args.graph))
        return self._graph

    def run(self, task: str, fn, facts=None, values=None, extra=None) -> None:
        """One warm-up, a check of its result, then the timed runs. values(result) → per-vertex
        values compared with alueverkko's; facts(result) → what the record says of the result."""
        if task not in self.wanted:
            return
        record = {"library": NAMES[self.library], "task": task, "threads": self.threads}
        if self.plan[task] not in ("run", "sampled"):
            emit({**record, "skipped": self.plan[task]})
            return
        if self.plan[task] == "sampled":
            extra = {**(extra or {}), "sample_sources": self.args.path_sources}
        result = fn()
        if values is not None and self.library not in OURS and self.plan[task] == "run":  # samples differ
            record["check"] = check_scores(task, self.graph()[f"ref_{task}"], values(result), NAMES[self.library])
        result = None
        reset_peak()
        _, before = memory()
        seconds = []  # at least --repeats runs, more (up to 1000) until they add up to MIN_TOTAL_SECONDS
        while len(seconds) < self.args.repeats or (sum(seconds) < MIN_TOTAL_SECONDS and len(seconds) < 1000):
            result = None
            start = time.perf_counter()
            result = fn()
            seconds.append(time.perf_counter() - start)
        peak, _ = memory()
        record.update(seconds=seconds, median=statistics.median(seconds), peak_rss_bytes=peak,
                      rss_before_bytes=before, **(extra or {}))
        if facts is not None:
            record.update(facts(result))
        emit(record)

    def check_projection(self, task: str, edges: int, weight_sum: float) -> dict:
        reference = self.graph()
        kind = task.split("_")[1]
        expected = (int(reference[f"ref_{kind}_edges"]), float(reference[f"ref_{kind}_weight_sum"]))
        if edges != expected[0] or not np.isclose(weight_sum, expected[1], rtol=1e-9):
            raise SystemExit(f"harness: {NAMES[self.library]} {task}: {edges} edges of total weight {weight_sum}, "
                             f"alueverkko {expected[0]} of total weight {expected[1]}")
        return {"vertices_edges_checked": True, "edges": edges, "weight_sum": weight_sum}

    def save_membership(self, membership) -> dict:
        path = Path(self.args.work) / f"{self.args.size}-louvain-{self.library}-t{self.threads}.npy"
        np.save(path, np.asarray(membership, dtype=np.int64))
        return {"communities": int(len(np.unique(membership))), "membership_file": str(path)}

    # ---- the libraries

    def pandas_load(self) -> None:
        import pandas as pd
        self.run("load", lambda: pd.read_csv(self.args.memberships),
                 facts=lambda frame: {"rows": len(frame)}, extra={"via": "pandas.read_csv"})

    def memberships(self):
        """Actor and project ids 0.. (order of first appearance, as alueverkko numbers them)."""
        import pandas as pd
        frame = pd.read_csv(self.args.memberships)
        actor, actors = pd.factorize(frame["actor"])
        network, networks = pd.factorize(frame["network"])
        return actor.astype(np.int64), network.astype(np.int64), len(actors), len(networks)

    def alueverkko(self) -> None:
        import alueverkko as av
        n, path = self.threads, self.args.memberships
        self.run("load", lambda: av.read_two_mode_list(path),
                 facts=lambda g: {"rows": g.row_count, "columns": g.column_count, "memberships": g.edge_count})
        two_mode = av.read_two_mode_list(path)

        def graph_facts(p):
            return {"vertices": p.vertex_count, "edges": p.edge_count, "csr_bytes": p.memory_bytes}

        self.run("project_count", lambda: av.project(two_mode, "rows", "count", threads=n), facts=graph_facts)
        self.run("project_newman", lambda: av.project(two_mode, "rows", "newman", threads=n), facts=graph_facts)
        if not self.wants(*SCORES, "louvain"):
            return
        p = av.project(two_mode, "rows", "count", threads=n)

        def iterations(scores):
            return {"iterations": scores.metadata["iterations"]} if "iterations" in scores.metadata else {}

        tol = tolerance(p.vertex_count)
        self.run("pagerank", lambda: av.pagerank(p, tol=tol, max_iter=1000), facts=iterations)
        self.run("eigenvector", lambda: av.eigenvector_centrality(p, tol=tol, max_iter=1000), facts=iterations)
        self.run("kcore", lambda: av.coreness(p))
        self.run("harmonic", lambda: av.harmonic_closeness(p, threads=n))
        sampling = {"samples": self.args.path_sources, "seed": 1} if self.sampled() else {}
        self.run("betweenness", lambda: av.betweenness(p, threads=n, **sampling))
        self.run("betweenness_weighted", lambda: av.betweenness(p, distance="inverse", threads=n, **sampling))
        self.run("louvain", lambda: av.louvain(p, seed=1),
                 facts=lambda c: {**self.save_membership(c.membership), "modularity_alueverkko": c.modularity})

    def graph_tool(self) -> None:
        import graph_tool
        import graph_tool.centrality as centrality
        import graph_tool.topology as topology
        graph_tool.openmp_set_num_threads(self.threads)
        self.pandas_load()
        if not self.wants(*SCORES):
            return
        data = self.graph()
        g = graph_tool.Graph(directed=False)
        g.add_vertex(int(data["n"]))
        g.add_edge_list(np.column_stack([data["source"], data["target"]]))
        weight = g.new_edge_property("double", vals=data["weight"])
        distance = g.new_edge_property("double", vals=1.0 / data["weight"])
        self.run("pagerank", lambda: centrality.pagerank(g, weight=weight), values=lambda r: r.a)
        self.run("eigenvector", lambda: centrality.eigenvector(g, weight=weight), values=lambda r: r[1].a)
        self.run("kcore", lambda: topology.kcore_decomposition(g), values=lambda r: r.a)
        self.run("harmonic", lambda: centrality.closeness(g, harmonic=True), values=lambda r: r.a)
        pivots = np.asarray(self.sources(g.num_vertices())) if self.sampled() else None
        self.run("betweenness", lambda: centrality.betweenness(g, pivots=pivots), values=lambda r: r[0].a)
        self.run("betweenness_weighted", lambda: centrality.betweenness(g, pivots=pivots, weight=distance),
                 values=lambda r: r[0].a)

    def igraph(self) -> None:
        import igraph as ig
        self.pandas_load()
        if self.wants("project_count"):
            actor, network, actors, networks = self.memberships()
            bipartite = ig.Graph.Bipartite([False] * actors + [True] * networks,
                                           np.column_stack([actor, network + actors]).tolist())
            self.run("project_count", lambda: bipartite.bipartite_projection(multiplicity=True, which=0),
                     facts=lambda p: self.check_projection("project_count", p.ecount(), float(sum(p.es["weight"]))))
        if not self.wants(*SCORES, "louvain"):
            return
        data = self.graph()
        g = ig.Graph(n=int(data["n"]), edges=np.column_stack([data["source"], data["target"]]).tolist())
        g.es["weight"] = data["weight"].tolist()
        g.es["distance"] = (1.0 / data["weight"]).tolist()

        def louvain():
            random.seed(1)  # python-igraph draws from Python's random module
            return g.community_multilevel(weights="weight")

        self.run("pagerank", lambda: g.pagerank(weights="weight"), values=np.asarray)
        self.run("eigenvector", lambda: g.eigenvector_centrality(weights="weight"), values=np.asarray)
        self.run("kcore", lambda: g.coreness(), values=np.asarray)
        self.run("harmonic", lambda: g.harmonic_centrality(), values=np.asarray)
        self.run("betweenness", lambda: g.betweenness(directed=False), values=np.asarray)
        self.run("betweenness_weighted", lambda: g.betweenness(directed=False, weights="distance"), values=np.asarray)
        self.run("louvain", louvain, facts=lambda c: self.save_membership(c.membership))

    def networkx(self) -> None:
        import networkx as nx
        from networkx.algorithms import bipartite
        self.pandas_load()
        if self.wants(*PROJECTIONS) and self.args.size in FULL_SIZES:
            actor, network, actors, networks = self.memberships()
            B = nx.Graph()
            B.add_nodes_from(range(actors), bipartite=0)
            B.add_nodes_from(range(actors, actors + networks), bipartite=1)
            B.add_edges_from(zip(actor.tolist(), (network + actors).tolist()))
            for task, project in (("project_count", bipartite.weighted_projected_graph),
                                  ("project_newman", bipartite.collaboration_weighted_projected_graph)):
                self.run(task, lambda project=project: project(B, range(actors)),
                         facts=lambda P, task=task: self.check_projection(task, P.number_of_edges(), P.size(weight="weight")))
        else:
            for task in PROJECTIONS:
                self.run(task, None)
        if not self.wants(*SCORES, "louvain"):
            return
        data = self.graph()
        n = int(data["n"])
        G = nx.Graph()
        G.add_nodes_from(range(n))
        G.add_edges_from((s, t, {"weight": w, "distance": 1.0 / w})
                         for s, t, w in zip(data["source"].tolist(), data["target"].tolist(), data["weight"].tolist()))

        def per_vertex(result):
            return np.array([result[v] for v in range(n)], dtype=float)

        def membership(communities):
            labels = np.empty(n, dtype=np.int64)
            for c, members in enumerate(communities):
                labels[list(members)] = c
            return labels

        self.run("pagerank", lambda: nx.pagerank(G, weight="weight", tol=tolerance(n), max_iter=1000),
                 values=per_vertex)
        self.run("eigenvector", lambda: nx.eigenvector_centrality_numpy(G, weight="weight"), values=per_vertex)
        self.run("kcore", lambda: nx.core_number(G), values=per_vertex)
        self.run("harmonic", lambda: nx.harmonic_centrality(G), values=per_vertex)
        self.run("betweenness", lambda: nx.betweenness_centrality(G), values=per_vertex)
        self.run("betweenness_weighted", lambda: nx.betweenness_centrality(G, weight="distance"), values=per_vertex)
        self.run("louvain", lambda: nx.community.louvain_communities(G, weight="weight", seed=1),
                 facts=lambda c: self.save_membership(membership(c)))

    def scipy(self) -> None:
        import scipy.sparse as sp
        from scipy.sparse.linalg import eigsh
        if self.wants(*PROJECTIONS):
            actor, network, actors, networks = self.memberships()
            B = sp.csr_matrix((np.ones(len(actor)), (actor, network)), shape=(actors, networks))

            def newman():
                size = np.asarray(B.sum(axis=0)).ravel()
                weight = np.divide(1.0, size - 1, out=np.zeros_like(size), where=size >= 2)
                return sp.triu(B @ sp.diags(weight) @ B.T, k=1, format="csr")

            def facts(task):
                return lambda M: {**self.check_projection(task, M.nnz, float(M.data.sum())),
                                  "csr_bytes": M.data.nbytes + M.indices.nbytes + M.indptr.nbytes}

            self.run("project_count", lambda: sp.triu(B @ B.T, k=1, format="csr"), facts=facts("project_count"))
            self.run("project_newman", newman, facts=facts("project_newman"))
        if not self.wants("pagerank", "eigenvector"):
            return
        data = self.graph()
        n = int(data["n"])
        upper = sp.csr_matrix((data["weight"], (data["source"], data["target"])), shape=(n, n))
        A = (upper + upper.T).tocsr()

        def pagerank(alpha=0.85, tol=tolerance(n), max_iter=1000):
            """networkx's pagerank_scipy on a symmetric matrix: stops when the L1 change < n·tol."""
            strength = np.asarray(A.sum(axis=1)).ravel()
            inverse = np.divide(1.0, strength, out=np.zeros_like(strength), where=strength != 0)
            dangling = strength == 0
            x = np.full(n, 1.0 / n)
            for _ in range(max_iter):
                last = x
                x = alpha * (A @ (x * inverse) + last[dangling].sum() / n) + (1 - alpha) / n
                if np.abs(x - last).sum() < n * tol:
                    return x
            raise RuntimeError("scipy pagerank did not converge")

        def eigenvector():
            vector = eigsh(A, k=1, which="LA")[1][:, 0]
            return np.abs(vector) / np.linalg.norm(vector)

        self.run("pagerank", pagerank, values=np.asarray)
        self.run("eigenvector", eigenvector, values=np.asarray)


def worker_main(args) -> None:
    warnings.filterwarnings("ignore")  # graph-tool without cairo, networkx 2.8 on scipy matrices
    worker = Worker(args)
    getattr(worker, args.worker.replace("-", "_"))()


# ---------------------------------------------------------------------------------------- parent

def prepare(size: str, csv: Path, work: Path, libraries: list[str], tasks: list[str]) -> dict:
    """The count projection as edge arrays for every library, alueverkko's reference values for the
    checks, and the facts of the size."""
    import alueverkko as av
    two_mode = av.read_two_mode_list(str(csv))
    count = av.project(two_mode, "rows", "count")
    newman = av.project(two_mode, "rows", "newman")
    source, target, weight = count.edge_arrays()
    arrays = {"n": count.vertex_count, "source": source, "target": target, "weight": weight,
              "ref_count_edges": count.edge_count, "ref_count_weight_sum": weight.sum(),
              "ref_newman_edges": newman.edge_count, "ref_newman_weight_sum": newman.edge_arrays()[2].sum()}
    checked = {t for lib in libraries if lib not in OURS for t, how in plan(lib, size).items() if how == "run"}
    tol = tolerance(count.vertex_count)
    reference = {
        "pagerank": lambda: av.pagerank(count, tol=tol, max_iter=1000),
        "eigenvector": lambda: av.eigenvector_centrality(count, tol=tol, max_iter=1000),
        "kcore": lambda: av.coreness(count),
        "harmonic": lambda: av.harmonic_closeness(count),
        "betweenness": lambda: av.betweenness(count),
        "betweenness_weighted": lambda: av.betweenness(count, distance="inverse"),
    }
    for task in SCORES:
        if task in checked and task in tasks:
            print(f"  {size}: alueverkko's {task} for the checks", file=sys.stderr, flush=True)
            arrays[f"ref_{task}"] = reference[task]().values
    np.savez(work / f"{size}-count.npz", **arrays)
    return {"actors": two_mode.row_count, "networks": two_mode.column_count, "memberships": two_mode.edge_count,
            "vertices": count.vertex_count, "edges": count.edge_count, "csr_bytes": count.memory_bytes,
            "newman_edges": newman.edge_count, "newman_csr_bytes": newman.memory_bytes,
            "csv": str(csv), "csv_bytes": csv.stat().st_size}


def run_child(library: str, threads: int, size: str, csv: Path, work: Path, args) -> list[dict]:
    how = plan(library, size)
    tasks = [t for t in args.tasks.split(",") if t in how]
    if not tasks:
        return []
    records = []
    if library == "alueverkko-cpp":  # the C++ job runs what it is given: the skips are recorded here
        records = [{"library": NAMES[library], "task": t, "threads": threads, "skipped": how[t], "size": size,
                    "library_id": library} for t in tasks if how[t] not in ("run", "sampled")]
        tasks = [t for t in tasks if how[t] in ("run", "sampled")]
        sampled = how.get("betweenness") == "sampled"
        argv = [args.job, "--memberships", str(csv), "--threads", str(threads), "--repeats", str(args.repeats),
                "--tasks", ",".join(tasks), "--samples", str(args.path_sources if sampled else 0)]
    else:
        argv = [sys.executable, str(Path(__file__).resolve()), "--worker", library, "--size", size,
                "--memberships", str(csv), "--graph", str(work / f"{size}-count.npz"), "--work", str(work),
                "--threads", str(threads), "--repeats", str(args.repeats), "--tasks", ",".join(tasks),
                "--path-sources", str(args.path_sources)]
    env = dict(os.environ, OMP_NUM_THREADS=str(threads), OPENBLAS_NUM_THREADS=str(threads))
    with subprocess.Popen(argv, stdout=subprocess.PIPE, env=env, text=True) as child:
        for line in child.stdout:
            if not line.startswith("{"):
                continue
            record = json.loads(line)
            record.update(size=size, library_id=library)
            records.append(record)
            if "skipped" in record:
                what = record["skipped"]
            else:
                what = (f"{record['median'] * 1e3:10.2f} ms  "
                        f"peak {record['peak_rss_bytes'] / 2**20:7.1f} MiB")
            print(f"  {size:9} {NAMES[library]:18} t={threads} {record['task']:21} {what}", file=sys.stderr, flush=True)
    if child.returncode != 0:
        raise SystemExit(f"harness: {NAMES[library]} ({size}, {threads} threads) failed with exit code {child.returncode}")
    return records


def finish_louvain(size: str, records: list[dict], work: Path) -> None:
    """Modularity of every partition by the same function, igraph's Graph.modularity."""
    ours = [r for r in records if r["size"] == size and r["task"] == "louvain" and "membership_file" in r]
    if not ours:
        return
    import igraph as ig
    data = np.load(work / f"{size}-count.npz")
    g = ig.Graph(n=int(data["n"]), edges=np.column_stack([data["source"], data["target"]]).tolist())
    g.es["weight"] = data["weight"].tolist()
    for record in ours:
        membership = np.load(record.pop("membership_file")).tolist()
        record["modularity"] = g.modularity(membership, weights="weight")
        record["modularity_by"] = "igraph Graph.modularity"
        own = record.get("modularity_alueverkko")
        if own is not None and not np.isclose(own, record["modularity"], rtol=0, atol=1e-9):
            raise SystemExit(f"harness: alueverkko's modularity {own} ≠ igraph's {record['modularity']} "
                             "of the same partition")
    for record in records:
        if record["size"] == size and record["task"] == "louvain" and record["library_id"] == "alueverkko-cpp":
            record["modularity_by"] = "alueverkko::modularity (equal to igraph's: checked on the Python partition)"


def check_cpp(size: str, facts: dict, records: list[dict]) -> None:
    for r in records:
        if r["size"] == size and r["library_id"] == "alueverkko-cpp" and r["task"] == "project_count":
            if (r["vertices"], r["edges"]) != (facts["vertices"], facts["edges"]):
                raise SystemExit(f"harness: the C++ job's count projection has {r['vertices']} vertices and "
                                 f"{r['edges']} edges, the Python one {facts['vertices']} and {facts['edges']}")


def versions() -> dict:
    found = {"Python": platform.python_version()}
    for module in ("alueverkko", "graph_tool", "igraph", "networkx", "scipy", "numpy", "pandas"):
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                found[module.replace("_", "-")] = __import__(module).__version__.split()[0]
        except ImportError:
            found[module.replace("_", "-")] = "not installed"
    return found


def machine() -> dict:
    model = "unknown CPU"
    with open("/proc/cpuinfo", encoding="utf-8") as f:
        model = next((line.split(":", 1)[1].strip() for line in f if line.startswith("model name")), model)
    return {"cpu": model, "nproc": os.cpu_count(), "load_average": [round(x, 2) for x in os.getloadavg()],
            "date": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"), **versions()}


# ---------------------------------------------------------------------------------------- report

def mib(n: float) -> str:
    return f"{n / 2**20:,.1f}"


def ms(seconds: float) -> str:
    value = seconds * 1e3
    return f"{value:,.3f}" if value < 1 else f"{value:,.2f}" if value < 100 else f"{value:,.0f}"


def note(record: dict) -> str:
    parts = []
    if "sample_sources" in record:
        parts.append(f"from {record['sample_sources']} sampled sources")
    if "via" in record:
        parts.append(record["via"])
    if record["task"] == "louvain" and "modularity" in record:
        parts.append(f"Q {record['modularity']:.4f}, {record['communities']} communities")
    if "csr_bytes" in record:
        parts.append(f"CSR {mib(record['csr_bytes'])} MiB")
    if "check" in record:
        parts.append(f"check: {record['check']}")
    if "iterations" in record:
        parts.append(f"{record['iterations']} iterations")
    return "; ".join(parts)


def anchors_for(records: list[dict], size: str, task: str, threads: int) -> list[dict]:
    """Anchor figures for `threads`: the threaded anchors' at that count, the single-threaded ones' always."""
    return [r for r in records if r["size"] == size and r["task"] == task and "median" in r
            and r["library_id"] not in OURS and (r["library_id"] not in THREADED or r["threads"] == threads)]


def verdict(record: dict, anchors: list[dict]) -> tuple[str, str, str, str, str]:
    """(fastest anchor, its ms, ratio, target, met/missed) for one alueverkko figure."""
    task = record["task"]
    if not anchors:
        return "—", "—", "—", "—", "no anchor"
    fastest = min(anchors, key=lambda r: r["median"])
    name = fastest["library"]
    if fastest.get("via"):
        name += f" ({fastest['via']})"
    ratio = record["median"] / fastest["median"]
    if task == "load":
        target, met = "< 1 (faster than pandas)", ratio < 1
    elif task in PROJECTIONS:
        extra = record["peak_rss_bytes"] - record["rss_before_bytes"]
        target = "≤ 0.2; Δ peak ≤ 1.5 × CSR"
        met = ratio <= 0.2 and extra <= 1.5 * record["csr_bytes"]
        target += f" (Δ {extra / record['csr_bytes']:.2f} ×)"
    elif task == "louvain":
        igraph = [r for r in anchors if r["library_id"] == "igraph"]
        if not igraph:
            return name, ms(fastest["median"]), f"{ratio:.2f}", "time ≤ igraph, Q ≥ igraph", "no igraph"
        ig_record = igraph[0]
        target = f"time ≤ igraph ({record['median'] / ig_record['median']:.2f}), Q ≥ igraph " \
                 f"({record['modularity']:.4f} vs {ig_record['modularity']:.4f})"
        met = record["median"] <= ig_record["median"] and record["modularity"] >= ig_record["modularity"]
    else:
        target, met = "≤ 1.0", ratio <= 1.0
    return name, ms(fastest["median"]), f"{ratio:.2f}", target, "met" if met else "missed"


def markdown(report: dict, records: list[dict], thread_counts: list[int]) -> str:
    m = report["machine"]
    lines = [
        "# Benchmarks: alueverkko beside graph-tool, igraph, networkx and scipy (issue 12)", "",
        f"Written by `bench/harness.py` on {m['date']}. Machine: {m['cpu']}, nproc {m['nproc']}, load average "
        f"{', '.join(map(str, m['load_average']))} at the start, {', '.join(map(str, report['load_average_end']))} "
        "at the end. " + ", ".join(f"{k} {v}" for k, v in m.items()
                                   if k not in ("cpu", "nproc", "load_average", "date")) + ".", "",
        f"Command: `{report['command']}`", "",
        "Each figure: one warm-up run, then the median of the timed runs (`runs`: at least the repeats asked "
        "for, more until they add up to 0.2 s), in a fresh process per "
        "library, size and thread count. Peak RSS: VmHWM after the timed runs, reset after the warm-up; "
        "Δ: the peak above the RSS before the task. igraph, networkx, scipy and pandas (the load anchor) "
        "are single-threaded: their figure (threads 1) anchors every thread count. Anchors' results were "
        "checked against alueverkko's on the same graph before timing (`check`).", ""]
    for size, facts in report["sizes"].items():
        lines += [f"## {size}: {facts['actors']:,} actors, {facts['networks']:,} networks, {facts['memberships']:,} "
                  f"memberships → {facts['vertices']:,} vertices, {facts['edges']:,} edges "
                  f"(CSR {mib(facts['csr_bytes'])} MiB)", "",
                  "| task | library | threads | median ms | runs | peak RSS MiB | Δ MiB | note |",
                  "|---|---|---:|---:|---:|---:|---:|---|"]
        for task in TASKS:
            for r in records:
                if r["size"] != size or r["task"] != task:
                    continue
                if "skipped" in r:
                    lines.append(f"| {task} | {r['library']} | {r['threads']} | — | — | — | — | {r['skipped']} |")
                    continue
                lines.append(f"| {task} | {r['library']} | {r['threads']} | {ms(r['median'])} | {len(r['seconds'])} | "
                             f"{mib(r['peak_rss_bytes'])} | {mib(r['peak_rss_bytes'] - r['rss_before_bytes'])} | "
                             f"{note(r)} |")
        lines += ["", f"### {size}: alueverkko / fastest anchor", "",
                  "| task | alueverkko | threads | median ms | fastest anchor | anchor ms | ratio | target | |",
                  "|---|---|---:|---:|---|---:|---:|---|---|"]
        for task in TASKS:
            for library in OURS:
                for threads in thread_counts:
                    ours = [r for r in records if r["size"] == size and r["task"] == task and
                            r["library_id"] == library and r["threads"] == threads and "median" in r]
                    if not ours:
                        continue
                    cells = verdict(ours[0], anchors_for(records, size, task, threads))
                    lines.append(f"| {task} | {ours[0]['library']} | {threads} | {ms(ours[0]['median'])} | "
                                 + " | ".join(cells) + " |")
        lines.append("")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--size", choices=synthetic.SIZES, default="finland")
    parser.add_argument("--sizes", help="comma-separated sizes (overrides --size)")
    parser.add_argument("--repeats", type=int, default=5, help="timed runs after the warm-up")
    parser.add_argument("--threads", default="1,2", help="thread counts of alueverkko and graph-tool")
    parser.add_argument("--libraries", default=",".join(LIBRARIES))
    parser.add_argument("--tasks", default=",".join(TASKS))
    parser.add_argument("--job", default=str(HERE.parent / "build" / "bench" / "alueverkko-bench-job"),
                        help="the C++ driver (bench/job.cpp)")
    parser.add_argument("--path-sources", type=int, default=256,
                        help="sources betweenness is timed from beyond the finland size, for every library")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--work", default="out/bench", help="memberships CSVs and the graphs handed to the workers")
    parser.add_argument("--markdown", help="write the tables here (e.g. bench/RESULTS.md)")
    parser.add_argument("--json", default="out/bench/results.json", help="every raw figure")
    parser.add_argument("--worker", choices=LIBRARIES, help=argparse.SUPPRESS)
    parser.add_argument("--memberships", help=argparse.SUPPRESS)
    parser.add_argument("--graph", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        return worker_main(args)

    sizes = args.sizes.split(",") if args.sizes else [args.size]
    libraries = args.libraries.split(",")
    thread_counts = [int(t) for t in args.threads.split(",")]
    for what, given, known in (("size", sizes, synthetic.SIZES), ("library", libraries, LIBRARIES),
                               ("task", args.tasks.split(","), TASKS)):
        unknown = [x for x in given if x not in known]
        if unknown:
            parser.error(f"unknown {what}: {', '.join(unknown)} (known: {', '.join(known)})")
    if "alueverkko-cpp" in libraries and not os.access(args.job, os.X_OK):
        parser.error(f"no C++ driver at {args.job} (build the target alueverkko-bench-job, or pass --job)")
    work = Path(args.work)
    work.mkdir(parents=True, exist_ok=True)
    report = {"machine": machine(), "command": shlex.join([sys.executable, *sys.argv]), "sizes": {}}
    if os.environ.get("PYTHONPATH"):
        report["command"] = f"PYTHONPATH={os.environ['PYTHONPATH']} {report['command']}"
    records: list[dict] = []
    for size in sizes:
        csv = work / f"{size}.csv"
        synthetic.write_csv(synthetic.generate(**synthetic.SIZES[size], seed=args.seed), str(csv))
        facts = prepare(size, csv, work, libraries, args.tasks.split(","))
        report["sizes"][size] = facts
        print(f"{size}: {facts['actors']:,} actors, {facts['networks']:,} networks, {facts['memberships']:,} memberships"
              f" → {facts['vertices']:,} vertices, {facts['edges']:,} edges", file=sys.stderr, flush=True)
        for library in libraries:
            for threads in (thread_counts if library in THREADED else [1]):
                records += run_child(library, threads, size, csv, work, args)
        check_cpp(size, facts, records)
        finish_louvain(size, records, work)
    report["load_average_end"] = [round(x, 2) for x in os.getloadavg()]
    report["records"] = records
    Path(args.json).parent.mkdir(parents=True, exist_ok=True)
    Path(args.json).write_text(json.dumps(report, indent=1) + "\n", encoding="utf-8")
    text = markdown(report, records, thread_counts)
    print(text)
    if args.markdown:
        Path(args.markdown).write_text(text, encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())
