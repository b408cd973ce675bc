"""--progress: long computations report on standard error ("sdsm: 12/40 distributions (30%)",
rewritten with \\r, a newline at the end); standard output stays byte-identical."""
import os
import pty
import re
import subprocess

from conftest import CLI

IDEA_CALL = "data/collaborations/idea_call_2021"
SDSM = ("backbone", IDEA_CALL, "--status", "member", "--method", "sdsm")

LINE = re.compile(r"^sdsm: (\d+)/(\d+) distributions \((\d+)%\)$")


def progress_lines(stderr):
    return [line for line in re.split(r"[\r\n]", stderr) if line.startswith("sdsm: ")]


def run_bytes(*args, cwd):
    """The CLI's raw output: text mode would read the \r that rewrites the line as a line end."""
    return subprocess.run([CLI, *args], capture_output=True, cwd=cwd, timeout=120)


def test_sdsm_progress_on_stderr_and_the_same_stdout(repo):
    plain = run_bytes(*SDSM, "-q", cwd=repo)
    shown = run_bytes(*SDSM, "-q", "--progress", cwd=repo)
    assert plain.returncode == shown.returncode == 0, shown.stderr
    assert shown.stdout == plain.stdout  # byte-identical
    assert plain.stderr == b""
    stderr = shown.stderr.decode()
    assert stderr.startswith("\r") and stderr.endswith("(100%)\n") and stderr.count("\n") == 1
    lines = progress_lines(stderr)
    parsed = [tuple(map(int, LINE.match(line).groups())) for line in lines]
    done, total, percent = parsed[-1]
    assert done == total > 0 and percent == 100
    assert [d for d, _, _ in parsed] == sorted(d for d, _, _ in parsed)


def test_sdsm_progress_with_the_summary_and_in_json(cli, repo):
    plain = cli(*SDSM, "--format", "json", cwd=repo)
    shown = cli(*SDSM, "--format", "json", "--progress", cwd=repo)
    assert plain.returncode == shown.returncode == 0, shown.stderr
    assert shown.stdout == plain.stdout
    assert "sdsm: " not in plain.stderr  # standard error is not a terminal here
    assert progress_lines(shown.stderr)
    assert shown.stderr.endswith(plain.stderr)  # the progress line, then the same summary


def stderr_on_a_terminal(*args, cwd):
    """Runs the CLI with standard error on a pseudo-terminal; returns what it wrote there."""
    master, slave = pty.openpty()
    try:
        try:
            result = subprocess.run([CLI, *args], stdout=subprocess.PIPE, stderr=slave, cwd=cwd, timeout=120)
        finally:
            os.close(slave)
        assert result.returncode == 0
        out = b""
        while True:
            try:
                chunk = os.read(master, 65536)
            except OSError:  # EIO: drained, and nothing has the terminal open any more
                break
            if not chunk:
                break
            out += chunk
        return out.decode()
    finally:
        os.close(master)


def test_progress_by_default_on_a_terminal_but_not_with_quiet(repo):
    assert "sdsm: " in stderr_on_a_terminal(*SDSM, cwd=repo)
    assert "sdsm: " not in stderr_on_a_terminal(*SDSM, "-q", cwd=repo)


METRICS = ("metrics", IDEA_CALL, "--level", "municipality", "--weighting", "newman", "--status", "member",
           "--measure", "degree,betweenness,closeness,harmonic")


def test_metrics_progress_per_path_measure_and_the_same_stdout(cli, repo):
    plain = cli(*METRICS, "-q", cwd=repo)
    shown = cli(*METRICS, "-q", "--progress", cwd=repo)
    assert plain.returncode == shown.returncode == 0, shown.stderr
    assert shown.stdout == plain.stdout
    assert plain.stderr == ""
    finals = [line for line in shown.stderr.split("\n") if line]
    assert [line.rsplit("\r", 1)[-1].split(":")[0] for line in finals] == ["betweenness", "closeness", "harmonic"]
    assert re.search(r"betweenness: (\d+)/\1 sources \(100%\)$", finals[0])
    assert re.search(r"closeness: (\d+)/\1 vertices \(100%\)$", finals[1])
