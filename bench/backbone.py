"""Times the backbones on a CORDIS-sized synthetic two-mode graph (bench/synthetic.py): BiCM fit,
SDSM (exact and RNA) on the co-occurring pairs of the actor projection, and the disparity filter of
the count projection. Not a test; run from the source tree with the build's Python package:

    PYTHONPATH=build/python /usr/bin/python3 bench/backbone.py [--size cordis] [--threads 0]
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import alueverkko  # noqa: E402
from synthetic import SIZES, generate  # noqa: E402


def timed(label, fn):
    start = time.perf_counter()
    result = fn()
    print(f"{label:<34} {time.perf_counter() - start:8.2f} s   {result!r}")
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--size", choices=SIZES, default="cordis")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--threads", type=int, default=0)
    args = parser.parse_args()
    data = generate(**SIZES[args.size], seed=args.seed)
    g = alueverkko.TwoModeGraph.from_edges([f"a{i}" for i in range(data.actors)],
                                           [f"n{k}" for k in range(data.networks)], data.actor, data.network)
    print(f"{args.size}: {g}")
    model = timed("bicm", lambda: alueverkko.bicm(g))
    print(f"  max degree error {model.max_degree_error:.2e}")
    timed("sdsm exact (upper, alpha 0.05)", lambda: alueverkko.sdsm(g, alpha=0.05, threads=args.threads))
    timed("sdsm exact, holm", lambda: alueverkko.sdsm(g, alpha=0.05, correction="holm", threads=args.threads))
    timed("sdsm rna", lambda: alueverkko.sdsm(g, alpha=0.05, approximation="rna", threads=args.threads))
    projected = timed("projection (count)", lambda: alueverkko.project(g, weighting="count", threads=args.threads))
    timed("disparity filter", lambda: alueverkko.disparity_filter(projected, alpha=0.05))


if __name__ == "__main__":
    main()
