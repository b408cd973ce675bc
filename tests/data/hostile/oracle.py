"""The hostile fixture read with Python's csv and json modules: the oracle that tests/cli and
tests/python compare every writer's output with."""
import csv
import json
import re
from pathlib import Path

HOSTILE = Path(__file__).resolve().parent
DATASET = HOSTILE / "collaborations" / "hostile"
DATASET_FI = HOSTILE / "collaborations" / "hostile-fi2021"
GEOGRAPHY = HOSTILE / "geography" / "hostile-2021"


def read_csv(path):
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


ACTORS = {r["actor_id"]: r for r in read_csv(DATASET / "actors.csv")}
NETWORKS = {r["network_id"]: r for r in read_csv(DATASET / "networks.csv")}
MUNICIPALITIES = {r["code"]: r for r in read_csv(GEOGRAPHY / "municipalities.csv")}
SUBREGIONS = {r["code"]: r for r in read_csv(GEOGRAPHY / "subregions.csv")}
REGIONS = {r["code"]: r for r in read_csv(GEOGRAPHY / "regions.csv")}
DATASET_JSON = json.loads((DATASET / "dataset.json").read_text(encoding="utf-8"))
GEOGRAPHY_JSON = json.loads((GEOGRAPHY / "geography.json").read_text(encoding="utf-8"))


XML_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]")


def in_xml(text):
    """`text` as every XML output carries it (GraphML, GEXF, SVG, HTML, and DOT labels, which
    Graphviz copies into its SVG): the C0 controls XML 1.0 forbids become U+FFFD (io/xml.hpp)."""
    return XML_FORBIDDEN.sub("\ufffd", text)
