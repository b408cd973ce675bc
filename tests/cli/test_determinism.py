"""The same input and seed give byte-identical output: across runs, and across thread counts.

Every command runs three times: twice with 2 threads and once with 1 (``--threads`` where the
command has it, else OMP_NUM_THREADS), and the outputs (CSV, JSON, SVG, GraphML, GEXF, DOT,
GeoJSON, the report's files) are compared byte for byte.
"""
import os
import subprocess

import pytest

from conftest import CLI, REPO

IDEA = REPO / "data" / "collaborations" / "idea_call_2021"
STUDY = REPO / "data" / "collaborations" / "network_study_2020"

MEASURES = "degree,strength,betweenness,closeness,harmonic,eigenvector,pagerank,katz,core"

# (name, arguments after the command; "{out}" is the output path, "{threads}" the thread count or
# absent when the command has no --threads option).
CASES = [
    ("metrics-actor-csv", ["metrics", IDEA, "--level", "actor", "--weighting", "newman", "--measure", MEASURES,
                           "--distance", "inverse", "--threads", "{threads}", "--out", "{out}.csv"]),
    ("metrics-municipality-json", ["metrics", IDEA, "--measure", MEASURES.replace(",katz", ""), "--distance", "neglog",
                                   "--format", "json", "--threads", "{threads}", "--out", "{out}.json"]),
    ("metrics-sampled-betweenness", ["metrics", STUDY, "--level", "actor", "--measure", "betweenness",
                                     "--samples", "20", "--seed", "7", "--threads", "{threads}", "--out", "{out}.csv"]),
    ("communities-louvain", ["communities", IDEA, "--level", "actor", "--method", "louvain", "--seed", "3",
                             "--format", "json", "--threads", "{threads}", "--out", "{out}.json"]),
    ("communities-leiden", ["communities", IDEA, "--method", "leiden", "--seed", "5",
                            "--threads", "{threads}", "--out", "{out}.csv"]),
    ("backbone-sdsm", ["backbone", IDEA, "--level", "actor", "--method", "sdsm", "--format", "json",
                       "--threads", "{threads}", "--out", "{out}.json"]),
    ("backbone-disparity", ["backbone", IDEA, "--level", "actor", "--method", "disparity", "--alpha", "0.5", "--threads", "{threads}", "--out", "{out}.csv"]),
    ("brokerage", ["brokerage", IDEA, "--format", "json", "--out", "{out}.json"]),
    ("overlap", ["overlap", IDEA, "--out", "{out}.csv"]),
    ("coverage", ["coverage", IDEA, "--format", "json", "--out", "{out}.json"]),
    ("map-svg", ["map", IDEA, "--out", "{out}.svg"]),
    ("draw-sfdp-svg", ["draw", IDEA, "--layout", "sfdp", "--seed", "4", "--threads", "{threads}", "--out", "{out}.svg"]),
    ("draw-geographic-dot", ["draw", IDEA, "--layout", "geographic", "--threads", "{threads}", "--out", "{out}.dot"]),
    ("convert-graphml", ["convert", IDEA, "--level", "actor", "--out", "{out}.graphml"]),
    ("convert-gexf", ["convert", IDEA, "--out", "{out}.gexf"]),
    ("convert-geojson", ["convert", IDEA, "--out", "{out}.geojson"]),
    ("convert-dot", ["convert", IDEA, "--level", "region", "--out", "{out}.dot"]),
]


def run(args, out, threads):
    has_threads = "--threads" in args
    out.parent.mkdir(parents=True, exist_ok=True)
    argv = [CLI] + [str(a).replace("{out}", str(out)).replace("{threads}", str(threads)) for a in args]
    env = dict(os.environ)
    if not has_threads:
        env["OMP_NUM_THREADS"] = str(threads)
    result = subprocess.run(argv, capture_output=True, env=env, timeout=300)
    assert result.returncode == 0, result.stderr.decode()
    path = next(out.parent.glob(out.name + ".*"))
    return path.read_bytes(), result.stdout


@pytest.mark.parametrize("name,args", CASES, ids=[c[0] for c in CASES])
def test_byte_identical_across_runs_and_threads(tmp_path, name, args):
    first, first_stdout = run(args, tmp_path / "a" / name, 2)
    second, second_stdout = run(args, tmp_path / "b" / name, 2)
    one_thread, one_stdout = run(args, tmp_path / "c" / name, 1)
    assert len(first) > 100
    assert first == second, "two runs differ"
    assert first == one_thread, "1 and 2 threads differ"
    assert first_stdout == second_stdout == one_stdout


def report_files(directory):
    return {p.relative_to(directory).as_posix(): p.read_bytes() for p in sorted(directory.rglob("*")) if p.is_file()}


def test_report_byte_identical_across_runs_and_threads(tmp_path):
    outputs = []
    for name, threads in (("a", 2), ("b", 2), ("c", 1)):
        env = dict(os.environ, OMP_NUM_THREADS=str(threads))
        result = subprocess.run([CLI, "report", str(IDEA), "--out", str(tmp_path / name)], capture_output=True,
                                env=env, timeout=300)
        assert result.returncode == 0, result.stderr.decode()
        outputs.append(report_files(tmp_path / name))
    assert len(outputs[0]) >= 10
    assert any(name.endswith(".svg") for name in outputs[0])
    for other in outputs[1:]:
        assert other.keys() == outputs[0].keys()
        differing = [name for name in outputs[0] if outputs[0][name] != other[name]]
        assert differing == []
