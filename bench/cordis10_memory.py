"""Peak memory of the whole job at 10× CORDIS size: load → projection → backbone → PageRank.

Generates the seeded synthetic membership list (bench/synthetic.py, size cordis10: ~300,000
organisations, ~350,000 projects, ~1.9 M memberships) and runs the job twice, each in a fresh
process whose peak resident set size (ru_maxrss) is reported:

  python  alueverkko.read_two_mode_list → project (count) → disparity_filter → pagerank
  cli     alueverkko backbone --memberships … --method disparity (load, projection, backbone), and
          alueverkko metrics --memberships … --measure pagerank (load, projection, PageRank)

Not a test (it takes a minute and a few GiB); `make bench` runs it after bench/harness.py, appending
its figures and the target of issue 12 (peak RSS ≤ 8 GiB) to bench/RESULTS.md:
  PYTHONPATH=build/python /usr/bin/python3 bench/cordis10_memory.py --cli build/alueverkko \
      [--markdown bench/RESULTS.md]
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import synthetic  # noqa: E402

PYTHON_JOB = r"""
import json, resource, sys, time
import alueverkko as av
path, alpha = sys.argv[1], float(sys.argv[2])
times = {}
t = time.perf_counter(); two_mode = av.read_two_mode_list(path); times["load"] = time.perf_counter() - t
t = time.perf_counter(); graph = av.project(two_mode, weighting="count"); times["projection"] = time.perf_counter() - t
t = time.perf_counter(); backbone = av.disparity_filter(graph, alpha=alpha).backbone; times["backbone"] = time.perf_counter() - t
t = time.perf_counter(); ranks = av.pagerank(backbone).values; times["pagerank"] = time.perf_counter() - t
print(json.dumps({"memberships": two_mode.edge_count, "vertices": graph.vertex_count, "edges": graph.edge_count,
                  "graph_bytes": graph.memory_bytes, "backbone_edges": backbone.edge_count, "seconds": times,
                  "peak_rss_kib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}))
"""


def child_peak_kib(argv: list[str], env=None) -> tuple[int, float, str]:
    """Runs argv in a fresh process; its peak RSS (KiB, via wait4), wall seconds and stdout."""
    start = time.perf_counter()
    process = subprocess.Popen(argv, stdout=subprocess.PIPE, env=env)
    stdout = process.stdout.read().decode()
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise SystemExit(f"{argv[0]} failed with {process.returncode}")
    return usage.ru_maxrss, time.perf_counter() - start, stdout


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cli", default="build/alueverkko")
    parser.add_argument("--work", default="out/bench/cordis10")
    parser.add_argument("--alpha", type=float, default=0.05)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--markdown", help="append the figures to this file (bench/RESULTS.md)")
    args = parser.parse_args()
    work = Path(args.work)
    work.mkdir(parents=True, exist_ok=True)
    memberships = work / "memberships.csv"
    if not memberships.exists():
        data = synthetic.generate(**synthetic.SIZES["cordis10"], seed=args.seed)
        synthetic.write_csv(data, str(memberships))
    print(f"input: {memberships} ({memberships.stat().st_size / 2**20:.1f} MiB)")

    peak, wall, stdout = child_peak_kib([sys.executable, "-c", PYTHON_JOB, str(memberships), str(args.alpha)],
                                        env=dict(os.environ))
    result = json.loads(stdout)
    python_line = (f"python: {result['memberships']:,} memberships → {result['vertices']:,} vertices, "
                   f"{result['edges']:,} edges ({result['graph_bytes'] / 2**20:.0f} MiB graph) → backbone "
                   f"{result['backbone_edges']:,} edges → PageRank; "
                   + ", ".join(f"{k} {v:.2f} s" for k, v in result["seconds"].items())
                   + f"; wall {wall:.1f} s; peak RSS {peak / 2**20:.2f} GiB")
    print(python_line)

    peak_b, wall_b, _ = child_peak_kib([args.cli, "backbone", "--memberships", str(memberships), "--method", "disparity",
                                        "--alpha", str(args.alpha), "--out", str(work / "backbone.csv"), "-q"])
    peak_m, wall_m, _ = child_peak_kib([args.cli, "metrics", "--memberships", str(memberships), "--measure", "pagerank",
                                        "--out", str(work / "pagerank.csv"), "-q"])
    cli_line = (f"cli: backbone {wall_b:.1f} s, peak RSS {peak_b / 2**20:.2f} GiB; "
                f"pagerank {wall_m:.1f} s, peak RSS {peak_m / 2**20:.2f} GiB")
    print(cli_line)
    if args.markdown:
        worst = max(peak, peak_b, peak_m) / 2**20
        with open(args.markdown, "a", encoding="utf-8") as f:
            f.write(f"\n## cordis10: memory of load → projection → backbone → PageRank (bench/cordis10_memory.py)\n\n"
                    f"Input {memberships} ({memberships.stat().st_size / 2**20:.1f} MiB), disparity filter "
                    f"alpha {args.alpha}; each job in a fresh process, peak RSS by wait4.\n\n"
                    f"- {python_line}\n- {cli_line}\n- target (issue 12) peak RSS ≤ 8 GiB: "
                    f"{'met' if worst <= 8 else 'missed'} (largest {worst:.2f} GiB)\n")


if __name__ == "__main__":
    main()
