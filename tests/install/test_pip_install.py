"""`pip install --no-build-isolation .` into a venv with Debian's site packages works offline, and
`import alueverkko` then works from any directory with the bundled data."""
import os
import shutil
import subprocess
from pathlib import Path

REPO = Path(os.environ.get("ALUEVERKKO_SOURCE_DIR", Path(__file__).resolve().parents[2]))


def test_pip_install_into_venv(tmp_path):
    # Build from a copy of the tracked sources so the checkout stays clean (_skbuild/ lands in the copy).
    source = tmp_path / "src"
    files = subprocess.run(["git", "ls-files", "-z"], cwd=REPO, capture_output=True, check=True).stdout
    for name in filter(None, files.decode().split("\0")):
        target = source / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(REPO / name, target)

    venv = tmp_path / "venv"
    subprocess.run(["/usr/bin/python3", "-m", "venv", "--system-site-packages", str(venv)], check=True)
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "ALUEVERKKO_DATA_DIR")}
    env["PIP_NO_INDEX"] = "1"  # offline: nothing may come from a package index
    build = subprocess.run([str(venv / "bin/pip"), "install", "--no-build-isolation", "--no-deps", str(source)],
                           capture_output=True, text=True, env=env, timeout=1500)
    assert build.returncode == 0, build.stdout[-4000:] + build.stderr[-4000:]

    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    script = (
        "import alueverkko, pathlib;"
        "assert pathlib.Path(alueverkko.__file__).is_relative_to(pathlib.Path(r'%s'));"
        "g = alueverkko.load_geography(alueverkko.find_geography_dir('fi-2021'));"
        "print(len(g.municipalities), g.population_total(2021));"
        "package = pathlib.Path(alueverkko.__file__).parent;"
        "print((package / 'py.typed').exists(), (package / '_core.pyi').exists());"
        "ds = alueverkko.load_dataset(alueverkko.data_dir() / 'collaborations' / 'idea_call_2021', g);"
        "print(alueverkko.collaboration_map(ds, g, level='region').svg.count('class=\"place region\"'))" % venv
    )
    run = subprocess.run([str(venv / "bin/python"), "-c", script], capture_output=True, text=True,
                         cwd=elsewhere, env=env, timeout=120)
    assert run.returncode == 0, run.stderr
    assert run.stdout.split() == ["309", "5548241", "True", "True", "19"]
