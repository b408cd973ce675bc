"""Coverage and concentration as pandas DataFrames, on top of the compiled tables.

The compiled functions (``coverage_table``, ``municipality_participation``, ``coverage_gaps``,
``participation_concentration``, ``participation_lorenz``, ``network_footprint``) return
:class:`Table`; :func:`coverage` is the one-call DataFrame form. Definitions: docs/coverage.md.
"""
from __future__ import annotations

from . import _core

_REPORTS = {
    "coverage": None,  # by level, below
    "participation": _core.municipality_participation,
    "gaps": _core.coverage_gaps,
    "concentration": _core.participation_concentration,
    "lorenz": _core.participation_lorenz,
    "footprint": _core.network_footprint,
}


def coverage(dataset: _core.Dataset, geography: _core.Geography, by: str = "region", *, report: str = "coverage",
             **kwargs):
    """A coverage report as a DataFrame.

    ``report="coverage"`` (default): one row per place at ``by`` (``municipality``, ``subregion``,
    ``region``, ``size_class``/``size-class`` or ``country``), indexed by ``code``; the other reports
    (``participation`` indexed by municipality code, ``gaps``, ``concentration``, ``lorenz``,
    ``footprint`` indexed by network id) ignore ``by``. Keyword arguments: ``year``,
    ``organisations`` (seated organisations count, default True), ``area_actors`` (region-wide
    actors count for their municipalities, default False), ``exclude_zeros``/``top_fraction``
    (concentration), and the membership filters ``status=``, ``role=``, ``track=``, ``theme=``, …

    >>> import alueverkko
    >>> geo = alueverkko.load_geography(alueverkko.find_geography_dir("fi-2021"))
    >>> ds = alueverkko.load_dataset(alueverkko.data_dir() / "collaborations" / "idea_call_2021", geo)
    >>> frame = alueverkko.coverage(ds, geo, by="size_class", status=["member"])
    >>> list(frame.index), int(frame["municipalities"].sum())
    (['A', 'B', 'C', 'D', 'E'], 309)
    """
    if report not in _REPORTS:
        raise ValueError(f"unknown report {report!r} (expected one of: {', '.join(_REPORTS)})")
    if report == "coverage":
        return _core.coverage_table(dataset, geography, by.replace("-", "_"), **kwargs).to_pandas(index="code")
    table = _REPORTS[report](dataset, geography, **kwargs)
    index = {"participation": "code", "footprint": "network_id"}.get(report)
    return table.to_pandas(index=index)


# Re-exported by the package next to coverage().
concentration_of = _core.concentration_of
lorenz_points = _core.lorenz_points
municipality_participation = _core.municipality_participation
coverage_table = _core.coverage_table
coverage_gaps = _core.coverage_gaps
participation_concentration = _core.participation_concentration
participation_lorenz = _core.participation_lorenz
network_footprint = _core.network_footprint
