import os
import subprocess
from pathlib import Path

import pytest

REPO = Path(os.environ.get("ALUEVERKKO_SOURCE_DIR", Path(__file__).resolve().parents[2]))
CLI = os.environ.get("ALUEVERKKO_CLI", str(REPO / "build" / "alueverkko"))


def run_cli(*args, cwd=None):
    """Runs the alueverkko binary; returns the CompletedProcess (text mode)."""
    return subprocess.run([CLI, *map(str, args)], capture_output=True, text=True, cwd=cwd, timeout=120)


@pytest.fixture
def cli():
    return run_cli


@pytest.fixture
def repo():
    return REPO
