"""docs/cli.md is generated from the commands' own --help by scripts/cli_docs.py: it must equal what
the script makes now, so a changed option fails here until the docs are regenerated with
`/usr/bin/python3 scripts/cli_docs.py --write`."""
import subprocess
import sys

from conftest import CLI, REPO

sys.path.insert(0, str(REPO / "scripts"))
import cli_docs  # noqa: E402

SECTIONS = ["### NAME", "### SYNOPSIS", "### DESCRIPTION", "### OPTIONS", "### OUTPUT", "### EXIT STATUS",
            "### EXAMPLES"]


def test_docs_are_up_to_date():
    generated = cli_docs.generate(CLI)
    on_disk = (REPO / "docs" / "cli.md").read_text(encoding="utf-8")
    assert on_disk == generated, "docs/cli.md is out of date: run /usr/bin/python3 scripts/cli_docs.py --write"


def test_every_command_has_a_manual_section():
    text = (REPO / "docs" / "cli.md").read_text(encoding="utf-8")
    top = subprocess.run([CLI, "--help"], capture_output=True, text=True, check=True).stdout
    commands = [name for _, entries in cli_docs.command_groups(top) for name, _ in entries]
    assert len(commands) >= 12
    for command in commands:
        section = text.split(f"\n## alueverkko {command}\n", 1)[1].split("\n## ", 1)[0]
        positions = [section.find(heading) for heading in SECTIONS]
        assert -1 not in positions and positions == sorted(positions), command
        assert cli_docs.DESCRIPTIONS[command] in section
        assert f"alueverkko {command} " in section.split("### EXAMPLES", 1)[1]


def test_check_mode_reports_drift(tmp_path):
    """--check exits 0 on the docs as they are, and the script's output is what --write writes."""
    result = subprocess.run([sys.executable, REPO / "scripts" / "cli_docs.py", "--cli", CLI, "--check"],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    printed = subprocess.run([sys.executable, REPO / "scripts" / "cli_docs.py", "--cli", CLI],
                             capture_output=True, text=True, check=True).stdout
    assert printed == (REPO / "docs" / "cli.md").read_text(encoding="utf-8")


def test_readme_links_the_manual():
    assert "docs/cli.md" in (REPO / "README.md").read_text(encoding="utf-8")
