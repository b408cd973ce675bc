"""The progress bar of ``progress=True`` (betweenness, closeness, sdsm, …): tqdm on standard error."""
import sys


class TqdmReporter:
    """A progress function ``f(done, total)`` drawing a tqdm bar labelled ``name``, counting ``unit``.

    The bar appears at the first report (the compiled core reports every 0.1 s and once at the end)
    and is closed by the core when the computation ends.
    """

    def __init__(self, name, unit):
        try:
            from tqdm import tqdm
        except ImportError as e:
            raise ImportError("progress=True needs tqdm (Debian: python3-tqdm)") from e
        self._tqdm = tqdm
        self._name = name
        self._unit = unit
        self._bar = None

    def __call__(self, done, total):
        if self._bar is None:
            self._bar = self._tqdm(total=total, desc=self._name, unit=self._unit, file=sys.stderr, leave=True)
        self._bar.update(done - self._bar.n)

    def close(self):
        if self._bar is not None:
            self._bar.close()
