"""A metric added to the registry (one entry plus its strings) shows on the pages without touching them:
a choice on the district comparison page, a measure of the map with its panel row, an overview column."""

import pytest
from apptest_helpers import assert_clean, nodes, run_app
from metric_fixtures import KEY, extra_metric

from ntm import metrics
from ntm.formatting import fmt_number

pytestmark = pytest.mark.isolated_caches  # the registry gains a metric: what the caches hold changes


@pytest.fixture()
def extra():
    with extra_metric() as entry:
        yield entry


def communes_15plus(demo, year: int, districts=()) -> int:
    return int((metrics.select(demo.commune_year, year, districts)["criteria_met"] >= 15).sum())


def test_districts_page_offers_and_ranks_the_added_metric(demo, extra):
    at = run_app("pages/districts.py", year=2025)
    assert_clean(at)
    assert "Xã đạt từ 15 tiêu chí" in at.selectbox(key="metric").options
    at.selectbox(key="metric").set_value(KEY).run()
    assert_clean(at)
    table = at.dataframe[0].value
    province = table.iloc[-1]
    assert province["Huyện / thành phố"] == "Toàn tỉnh"
    assert province["2025"] == fmt_number(communes_15plus(demo, 2025), 0, "vi")
    assert province["2020"] == fmt_number(communes_15plus(demo, 2020), 0, "vi")
    assert len(nodes(at, "vega_lite_chart")) == 1


def test_map_page_offers_the_added_measure_and_its_panel_row(demo, extra):
    at = run_app("pages/map.py", year=2025)
    assert_clean(at)
    assert at.selectbox(key="map_metric").options[-1] == "Số xã đạt từ 15 tiêu chí (xã)"
    at.selectbox(key="map_metric").set_value(KEY).run()
    assert_clean(at)  # at the new-commune level, the default
    at.radio(key="map_level").set_value("district").run()
    at.selectbox(key="map_district").set_value("180").run()
    assert_clean(at)
    headline = nodes(at, "table")[0].value
    expected = [communes_15plus(demo, 2025, ["180"]), communes_15plus(demo, 2025)]
    assert headline.loc["Xã đạt từ 15 tiêu chí"].tolist() == [fmt_number(n, 0, "vi") for n in expected]


def test_overview_district_table_has_the_added_column(demo, extra):
    at = run_app("pages/overview.py", year=2025)
    assert_clean(at)
    tables = [d.value for d in at.dataframe if "Từ 15 tiêu chí" in d.value.columns]
    assert len(tables) == 1
    counts = tables[0]["Từ 15 tiêu chí"].map(lambda text: int(text.replace(".", "")))
    assert counts.iloc[:-1].sum() == counts.iloc[-1] == communes_15plus(demo, 2025)  # districts, then the province
