"""The map's documented quantile classes (docs/maps.md) computed with numpy: the oracle of the map
tests here and in tests/cli."""
import numpy as np


def quantile_edges(values, k):
    """numpy.quantile (linear); a minimum that fills whole classes gets a class of its own."""
    v = np.sort(values)
    if k == 1 or v[0] == v[-1]:
        return [v[0], v[-1]]
    e = np.quantile(v, np.arange(k + 1) / k)
    if e[1] == v[0]:
        return [v[0]] + quantile_edges(v[v > v[0]], k - 1)
    return list(np.unique(e))
