"""Where the bundled data is."""
from __future__ import annotations

import os
from pathlib import Path

from . import _core


def data_dir() -> Path:
    """The bundled data directory (``geography/`` and ``collaborations/``).

    Search order: the environment variable ``ALUEVERKKO_DATA_DIR``; the ``data/`` shipped inside this
    package (``pip install``); the data directory the library was built with (source tree or install prefix).

    >>> import alueverkko
    >>> sorted(p.name for p in (alueverkko.data_dir() / "geography").iterdir() if p.is_dir())
    ['fi-2021']
    >>> (alueverkko.data_dir() / "collaborations" / "idea_call_2021" / "actors.csv").is_file()
    True
    """
    if env := os.environ.get("ALUEVERKKO_DATA_DIR"):
        return Path(env)
    packaged = Path(__file__).resolve().parent / "data"
    if packaged.is_dir():
        return packaged
    return Path(_core.default_data_dir())


def find_geography_dir(geography_id: str = "fi-2021") -> Path:
    """The directory of a bundled geography, e.g. ``find_geography_dir("fi-2021")``; FileNotFoundError
    if there is none of that id.

    >>> import alueverkko
    >>> path = alueverkko.find_geography_dir("fi-2021")
    >>> path.name, (path / "municipalities.csv").is_file()
    ('fi-2021', True)
    >>> alueverkko.find_geography_dir("xx-1900")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    FileNotFoundError: no geography 'xx-1900' in ...
    """
    path = data_dir() / "geography" / geography_id
    if not path.is_dir():
        raise FileNotFoundError(f"no geography '{geography_id}' in {data_dir()}")
    return path
