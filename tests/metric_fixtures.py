"""A metric added for a test the way a developer adds one: one registry entry plus its strings.

communes_15plus counts the communes meeting at least 15 criteria, and appears in every role."""

from contextlib import contextmanager
from unittest.mock import patch

from ntm import metrics
from ntm.i18n import CATALOGUE

KEY = "communes_15plus"
EXTRA = metrics.Metric(
    KEY,
    "criteria_met",
    "sum",
    "count",
    at_least=15,
    roles={"table", "deck", "compare", "map", "panel", "progress", "headline"},
)
STRINGS = {
    f"metric.{KEY}": ("Xã đạt từ 15 tiêu chí", "Communes with 15+ criteria"),
    f"col.{KEY}": ("Từ 15 tiêu chí", "15+ criteria"),
    f"map.metric.{KEY}": ("Số xã đạt từ 15 tiêu chí (xã)", "Communes with 15+ criteria (communes)"),
    f"unit.{KEY}": ("xã", "communes"),
    f"unit.one.{KEY}": ("xã", "commune"),
}


@contextmanager
def extra_metric():
    """The registry and the catalogue with communes_15plus, for the duration of the block."""
    with metrics.registered(EXTRA), patch.dict(CATALOGUE, STRINGS):
        yield EXTRA
