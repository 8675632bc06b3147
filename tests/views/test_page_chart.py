"""The overview's bar charts reuse one spec per set of bars with each selection's counts: the result
must be exactly what Altair builds for that selection."""

import pytest

from ntm import metrics
from ntm.views import overview
from ntm.views.page_chart import vega_spec


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_bar_chart_specs_equal_altair_builds_for_every_year(demo, lang):
    seen = set()
    for year in demo.years:
        for districts in ([], ["180"], ["189", "182"]):
            summary = metrics.summary(metrics.select(demo.commune_year, year, districts), year)
            for chart in overview.bar_charts(summary, year, lang).values():
                assert chart.spec == vega_spec(chart.build())
                assert chart.frame.columns.tolist() == ["label", "value"]
                seen.add(str(chart.spec["datasets"]))
    assert len(seen) > 20  # the counts differ between selections: the data really is swapped


def test_a_chart_of_other_counts_has_other_data_only(demo):
    one, other = (
        overview.bar_charts(metrics.summary(metrics.select(demo.commune_year, 2024, d), 2024), 2024, "vi")["levels"]
        for d in ([], ["180"])
    )
    assert one.spec["datasets"] != other.spec["datasets"]
    assert {k: v for k, v in one.spec.items() if k not in ("datasets", "data")} == {
        k: v for k, v in other.spec.items() if k not in ("datasets", "data")
    }
