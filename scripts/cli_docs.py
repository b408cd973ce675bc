#!/usr/bin/python3
"""Generates docs/cli.md, the manual of the `alueverkko` command line, from the commands' own --help.

The options, the output, the exit status and the examples of each command are taken from
`alueverkko COMMAND --help`, so the manual cannot drift from the program; only the short
description of each command (DESCRIPTIONS below) is written here by hand. tests/cli/test_docs.py
fails when docs/cli.md differs from what this script makes now: after changing a command, run

    /usr/bin/python3 scripts/cli_docs.py --write

The binary: --cli PATH, else $ALUEVERKKO_CLI, else build/alueverkko.
"""
import argparse
import os
import re
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DOCS = REPO / "docs" / "cli.md"

# One hand-written paragraph per command: what it is for (the --help says how).
DESCRIPTIONS = {
    "geography": (
        "Shows what a geography directory holds: the number of municipalities, sub-regions and regions "
        "and the population totals, and lists the places of one level with their codes, names, "
        "populations and the places above them. Use it to check a geography before pointing "
        "`--geography` at it, or to get the place codes that data sets and `map --values` files use."),
    "validate": (
        "Checks a collaboration data set (dataset.json and its CSV files, docs/data-format.md) against "
        "its geography and reports every problem at once, each as `file:line:column: message`, so "
        "that a data set can be fixed in one pass. A valid data set gets a summary of what it holds. "
        "Every other data-set command reads its input the same way and fails with the same messages; "
        "`validate` is the way to check a data set without computing anything."),
    "metrics": (
        "Computes vertex measures (degree, strength, betweenness, closeness, harmonic, eigenvector, "
        "PageRank, Katz, core number) of a one-mode collaboration graph: a data set projected onto "
        "actors or places, a plain edge list or a plain membership list. It is the command line face "
        "of the same function the Python bindings call, so both give the same numbers; how each "
        "measure was computed is printed with it (docs/centrality.md)."),
    "coverage": (
        "Answers how far the networks of a data set reach: which municipalities take part, how much "
        "of the population lives in them (by region, sub-region, size class or the whole country), "
        "which municipalities are left out, how concentrated participation is (Gini, Herfindahl, "
        "Lorenz curve) and each network's footprint (docs/coverage.md)."),
    "eligibility": (
        "Checks each proposal of a data set against a call's eligibility rules (by default the "
        "bundled 2021 call) and shows the verdict under three ways of counting municipalities and "
        "regions, with the lead and the regional council the funding would go to "
        "(docs/eligibility.md). The call's rules decide which memberships count, so the membership "
        "filters do not apply here."),
    "overlap": (
        "Finds networks that share their members (pairs with their Jaccard and overlap coefficients), "
        "networks that look like duplicates of each other (shared members and shared theme words), "
        "and the network portfolio of each actor or place: how many networks it carries and leads "
        "(docs/overlap.md)."),
    "brokerage": (
        "Measures who connects the regions: Gould-Fernandez brokerage roles of actors or places, "
        "the Krackhardt-Stern E-I index of the ties between and within groups, the diversity of "
        "each network's members, and the centrality of regions and sub-regions as actors of their "
        "own (docs/brokerage.md)."),
    "communities": (
        "Partitions a collaboration graph into communities with Louvain or Leiden modularity "
        "maximisation, reproducibly for a given seed, from the same inputs as `metrics` "
        "(docs/communities.md). The community detection is quick on graphs of this size, so it "
        "shows no progress."),
    "backbone": (
        "Keeps the statistically significant ties of a collaboration graph: the disparity filter "
        "of a weighted one-mode graph, or the stochastic degree sequence model (SDSM) of the "
        "two-mode graph of actors and networks (docs/backbone.md). SDSM on a large data set can "
        "take a while; its progress is shown on standard error."),
    "map": (
        "Draws the collaboration map of Finland as SVG, PNG or PDF: municipalities, sub-regions or "
        "regions coloured by coverage, networks, networks per capita, a centrality measure or "
        "values of your own, with collaboration edges, markers, labels and the footprint of one "
        "network, or one footprint map per network (docs/maps.md). The file format follows the "
        "name given to `--out`."),
    "draw": (
        "Draws a collaboration graph as a network diagram: a Graphviz layout (force-directed, "
        "circular or layered) or the geographic layout, with node size and colour by a vertex "
        "measure and edge width by weight, as SVG, PNG, PDF or DOT; the vertex positions can be "
        "written for other tools (docs/drawing.md)."),
    "convert": (
        "Writes a data set's collaboration graph (projected onto actors or places, or the two-mode "
        "graph itself) for other tools: GraphML and GEXF for networkx and Gephi, DOT for Graphviz, "
        "GeoJSON for QGIS, or CSV node and edge lists, with the attributes listed in docs/export.md. "
        "`convert` has its own list of formats (`--format graphml|gexf|dot|geojson|csv`, else from "
        "the extension of `--out`)."),
    "report": (
        "Brings the analyses of a data set together in one self-contained HTML report for readers "
        "who do not use the command line: key figures, the coverage and collaboration maps, the "
        "gaps, the most connected municipalities, the eligibility of the proposals, the overlap of "
        "the networks and the network list with their sources, with every table beside it as CSV "
        "(docs/report.md). Its `--out` is a directory."),
}

SECTION_OUTPUT = ("Output:", "Standard output:")
SECTION_EXIT = "Exit status:"
EXAMPLES = ("Example:", "Examples:")


def default_cli():
    return os.environ.get("ALUEVERKKO_CLI", str(REPO / "build" / "alueverkko"))


def help_of(cli, *command):
    result = subprocess.run([cli, *command, "--help"], capture_output=True, text=True, timeout=60)
    if result.returncode != 0:
        raise SystemExit(f"{cli} {' '.join(command)} --help failed ({result.returncode}): {result.stderr}")
    return result.stdout


def command_groups(top_help):
    """[(group, [(command, summary), ...]), ...] from `alueverkko --help`, in its order."""
    groups = []
    lines = top_help.splitlines()
    for i, line in enumerate(lines):
        heading = re.fullmatch(r"(\S[^:]*):", line)
        if not heading or heading.group(1) in ("Options", "Positionals"):
            continue
        entries = []
        for entry in lines[i + 1:]:
            match = re.fullmatch(r"  (\S+)\s+(.*)", entry)
            if not match:
                break
            entries.append((match.group(1), match.group(2).strip()))
        if entries:
            groups.append((heading.group(1), entries))
    return groups


def split_help(text):
    """A command's --help as its parts: summary, usage, the option listing and the footer."""
    lines = text.rstrip("\n").splitlines()
    summary = lines[0].strip()
    usage = next(line for line in lines if line.startswith("Usage: "))[len("Usage: "):]
    start = next(i for i, line in enumerate(lines) if line in ("Positionals:", "Options:"))
    # The listing: header lines and indented entries, up to the blank line before the footer.
    end = start
    while end < len(lines):
        if lines[end] == "" and (end + 1 == len(lines) or lines[end + 1] not in ("Positionals:", "Options:")):
            break
        end += 1
    listing = "\n".join(lines[start:end]).strip("\n")
    footer = lines[end + 1:]
    return summary, usage, listing, footer


def footer_paragraphs(footer):
    """The footer cut at its unindented lines: [(first line, [lines]), ...]."""
    paragraphs = []
    for line in footer:
        if line and not line.startswith(" ") or not paragraphs:
            paragraphs.append([line])
        else:
            paragraphs[-1].append(line)
    return paragraphs


def code_block(lines, language="text"):
    return [f"```{language}", *[line.rstrip() for line in lines], "```"]


def examples_of(footer):
    """The example command lines of a footer (continuation lines kept), for the docs and the tests."""
    for paragraph in footer_paragraphs(footer):
        if paragraph[0].strip() in EXAMPLES:
            return [line[2:] if line.startswith("  ") else line for line in paragraph[1:] if line.strip()]
    return []


def command_section(cli, command, summary_line):
    summary, usage, listing, footer = split_help(help_of(cli, command))
    if command not in DESCRIPTIONS:
        raise SystemExit(f"scripts/cli_docs.py: no description of '{command}': add one to DESCRIPTIONS")
    details, output, exit_status, examples = [], [], [], []
    for paragraph in footer_paragraphs(footer):
        first = paragraph[0]
        if first.strip() in EXAMPLES:
            examples = examples_of(paragraph)
        elif first.startswith(SECTION_OUTPUT):
            head = next(h for h in SECTION_OUTPUT if first.startswith(h))
            output = [first if head != "Output:" else first[len(head):].strip(),
                      *[line[2:] if line.startswith("  ") else line for line in paragraph[1:]]]
        elif first.startswith(SECTION_EXIT):
            exit_status = [first[len(SECTION_EXIT):].strip(), *[line.strip() for line in paragraph[1:]]]
        else:
            details.extend(paragraph)
    out = [f"## alueverkko {command}", "", "### NAME", "", f"`alueverkko {command}` — {summary}", "",
           "### SYNOPSIS", "", *code_block([usage], "sh"), "", "### DESCRIPTION", "", DESCRIPTIONS[command], ""]
    if details:
        out += [*code_block(details), ""]
    out += ["### OPTIONS", "", *code_block(listing.splitlines()), "", "### OUTPUT", ""]
    out += [*code_block(output), ""] if output else ["Nothing beyond what the description says.", ""]
    out += ["### EXIT STATUS", ""]
    if exit_status:
        out += [" ".join(exit_status), ""]
    else:
        out += ["0 ok, 1 bad input, 2 usage.", ""]
    out += ["### EXAMPLES", "", *code_block(examples, "sh"), ""]
    return out


def generate(cli):
    top = help_of(cli)
    groups = command_groups(top)
    out = [
        "# The `alueverkko` command line",
        "",
        "<!-- Generated by scripts/cli_docs.py from the commands' own --help; do not edit by hand.",
        "     After changing a command: /usr/bin/python3 scripts/cli_docs.py --write -->",
        "",
        "One section per command, in the manner of a manual page: NAME, SYNOPSIS, DESCRIPTION, OPTIONS,",
        "OUTPUT, EXIT STATUS, EXAMPLES. Everything but the first paragraph of each DESCRIPTION is the",
        "command's own `--help`, so this page says what the program does.",
        "",
        "The commands share their option names: `DATASET` is a data set directory, `--geography DIR` its",
        "geography (default: the one named in dataset.json), `--status --role --track --theme --from --to`",
        "select memberships, `--level` and `--weighting` choose a projection, `--format csv|json` and",
        "`--out FILE` say where the result goes (standard output by default), `-q`/`--quiet` silences the",
        "summary on standard error, `--threads N` sets the threads of long computations and `--progress`",
        "shows their progress on standard error. `map`, `draw` and `convert` write files whose format",
        "follows the extension of `--out` (or their own `--format` list). Results go to standard output or",
        "`--out`; summaries, progress and every problem go to standard error. In the examples, files named",
        "`my_*.csv` stand for your own plain lists (docs/data-format.md).",
        "",
        "## Commands",
        "",
        *code_block(top.rstrip("\n").splitlines()),
        "",
    ]
    for group, entries in groups:
        out += [f"**{group}**", ""]
        out += [f"- [`{name}`](#alueverkko-{name}): {summary}" for name, summary in entries]
        out.append("")
    for _, entries in groups:
        for name, summary in entries:
            out += command_section(cli, name, summary)
    return "\n".join(out).rstrip("\n") + "\n"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cli", default=default_cli(), help="the alueverkko binary (default: $ALUEVERKKO_CLI or build/alueverkko)")
    what = parser.add_mutually_exclusive_group()
    what.add_argument("--write", action="store_true", help=f"write {DOCS.relative_to(REPO)}")
    what.add_argument("--check", action="store_true", help=f"exit 1 if {DOCS.relative_to(REPO)} is not up to date")
    args = parser.parse_args()
    text = generate(args.cli)
    if args.write:
        DOCS.write_text(text, encoding="utf-8")
        print(f"wrote {DOCS.relative_to(REPO)}", file=sys.stderr)
    elif args.check:
        if not DOCS.exists() or DOCS.read_text(encoding="utf-8") != text:
            print(f"{DOCS.relative_to(REPO)} is out of date: run /usr/bin/python3 scripts/cli_docs.py --write",
                  file=sys.stderr)
            return 1
    else:
        sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
