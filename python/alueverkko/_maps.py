"""Collaboration maps of Finland: :func:`collaboration_map` returns a :class:`Map` holding the SVG
drawn by the compiled core, with PNG/PDF conversion, ``save`` and notebook display.
Definitions of the values and classes: docs/maps.md.
"""
from __future__ import annotations

from pathlib import Path

import numpy as np

from . import _core


class Map:
    """A rendered map: ``.svg`` (str), ``to_png(width)``, ``to_pdf()``, ``save(path)``."""

    def __init__(self, svg: str):
        self.svg = svg

    def to_png(self, width: int = 1600) -> bytes:
        """PNG bytes, ``width`` pixels wide."""
        return _core.svg_to_png(self.svg, width)

    def to_pdf(self) -> bytes:
        return _core.svg_to_pdf(self.svg)

    def save(self, path, width: int = 1600) -> Path:
        """Writes .svg, .png (``width`` px wide) or .pdf by the file name's extension."""
        path = Path(path)
        suffix = path.suffix.lower()
        if suffix == ".svg":
            data = self.svg.encode("utf-8")
        elif suffix == ".png":
            data = self.to_png(width)
        elif suffix == ".pdf":
            data = self.to_pdf()
        else:
            raise ValueError(f"unknown map format {path.suffix!r} (expected .svg, .png or .pdf)")
        path.write_bytes(data)
        return path

    def _repr_svg_(self) -> str:
        return self.svg

    def _repr_png_(self) -> bytes:
        return self.to_png(1000)

    def __repr__(self) -> str:
        return f"<alueverkko.Map, {len(self.svg)} bytes of SVG>"


def place_values(geography: _core.Geography, values, level: str = "municipality"):
    """``values`` as one float per place of ``level`` in the geography's order (NaN = no data).

    ``values``: a mapping or pandas Series from place code ("091", "011", "01") to number, or a
    sequence already in the geography's order. An unknown code is a KeyError.

    >>> import alueverkko
    >>> geo = alueverkko.load_geography(alueverkko.data_dir() / "geography" / "fi-2021")
    >>> v = alueverkko.place_values(geo, {"01": 2.5, "21": 1.0}, level="region")  # Uusimaa, Åland
    >>> len(v), v[0], v[-1], int(np.isnan(v).sum())
    (19, 2.5, 1.0, 17)
    """
    codes = list(geography.places(_core.PlaceLevel.__members__[level]).column("code"))
    if hasattr(values, "items"):  # dict or pandas Series, by code
        position = {c: i for i, c in enumerate(codes)}
        out = np.full(len(codes), np.nan)
        for code, value in values.items():
            if code not in position:
                raise KeyError(f"unknown {level} code {code!r} in geography {geography.id}")
            out[position[code]] = value
        return out
    out = np.asarray(values, dtype=float)
    if out.shape != (len(codes),):
        raise ValueError(f"values: expected one per {level} ({len(codes)}), got shape {out.shape}")
    return out


def choropleth_map(geography: _core.Geography, values, level: str = "municipality", *, name: str = "",
                   source: str = "", **style) -> Map:
    """A map of your own values by place (see :func:`place_values` for what ``values`` may be).

    ``name`` heads the legend, ``source`` goes into the data line; ``style``: ``classing``,
    ``classes``, ``breaks``, ``palette``, ``labels``, ``title``, ``north_arrow``, ``scale_bar``,
    ``width`` as for :func:`collaboration_map`.

    >>> import alueverkko
    >>> geo = alueverkko.load_geography(alueverkko.data_dir() / "geography" / "fi-2021")
    >>> regions = geo.regions.to_pandas().set_index("code")
    >>> pop = regions["population_2021"]
    >>> m = alueverkko.choropleth_map(geo, pop, level="region", name="Population 2021")
    >>> m.svg.count('class="place region"')
    19
    """
    return Map(_core.place_values_map_svg(geography, place_values(geography, values, level), level=level,
                                          value_name=name, source=source, **style))


def collaboration_map(dataset: _core.Dataset, geography: _core.Geography, **options) -> Map:
    """The collaboration map of a data set.

    Keyword arguments: ``level`` (municipality, subregion, region), ``color`` (coverage, networks,
    per-capita, none or a measure name, see :func:`map_value_names`) or ``values`` of your own (as
    for :func:`place_values`) with ``value_name`` for the legend, ``classing`` (quantile, equal,
    breaks), ``classes``, ``breaks``, ``palette`` (viridis, Blues, YlGnBu, YlOrRd, Greens, Purples),
    ``edges`` (none, all, backbone, top-K), ``alpha`` (backbone), ``markers``, ``labels``,
    ``network`` (footprint of one network), ``title``, ``north_arrow``, ``scale_bar``, ``width``,
    and the membership filters ``status=``, ``role=``, ``track=``, ``theme=``, ``start=``/``end=``.

    >>> import alueverkko
    >>> geo = alueverkko.load_geography(alueverkko.data_dir() / "geography" / "fi-2021")
    >>> ds = alueverkko.load_dataset(alueverkko.data_dir() / "collaborations" / "idea_call_2021", geo)
    >>> m = alueverkko.collaboration_map(ds, geo, level="region", color="coverage")
    >>> m.svg.count('class="place region"')
    19
    """
    if "values" in options:
        options["values"] = place_values(geography, options["values"], options.get("level", "municipality"))
    return Map(_core.collaboration_map_svg(dataset, geography, **options))


map_value_names = _core.map_value_names
palette_names = _core.palette_names
palette = _core.palette
