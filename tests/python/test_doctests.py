"""The examples in the package's docstrings run and print what they show."""
import doctest

import pytest

import alueverkko
from alueverkko import (
    _centrality,
    _coverage,
    _drawing,
    _export,
    _frames,
    _maps,
    _networkx,
    _pandas,
    _paths,
    _projection,
    _results,
)

MODULES = [alueverkko, _centrality, _coverage, _drawing, _export, _frames, _maps, _networkx, _pandas, _paths,
           _projection, _results]


@pytest.mark.parametrize("module", MODULES, ids=lambda m: m.__name__)
def test_docstring_examples(module):
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    assert result.failed == 0


def test_examples_exist():
    assert sum(doctest.testmod(m).attempted for m in MODULES) >= 6
