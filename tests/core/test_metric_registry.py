"""The metric registry: every place a metric appears is derived from it, one number format per
metric everywhere, and a metric added as one entry plus its strings appears in every table, map
measure, panel row and (when it has targets) progress chart and headline card."""

import numpy as np
import pandas as pd
import pytest
from metric_fixtures import EXTRA, KEY, STRINGS, extra_metric

from ntm import metrics
from ntm.charts.districts import small_multiples
from ntm.charts.progress import progress_layers
from ntm.formatting import fmt_number, fmt_percent
from ntm.i18n import CATALOGUE
from ntm.registry import district_names
from ntm.reports import deck, tables
from ntm.targets import headline_progress, load_published, load_targets
from ntm.views import districts as compare
from ntm.views import map as map_view
from ntm.views import progress as progress_view
from ntm.views.commune import context_table
from ntm.views.overview import progress_card


@pytest.fixture()
def extra():
    with extra_metric() as entry:
        yield entry


@pytest.fixture(scope="module")
def names(demo):
    return district_names(demo.registry)


def test_roles_keep_the_places_and_orders_the_app_had():
    old_table = (
        "communes",
        "communes_ntm",
        "share_ntm",
        "avg_criteria",
        "min_criteria",
        "communes_ntm_advanced",
        "communes_ntm_model",
    )
    assert metrics.keys("table") == (*old_table, "communes_ntm_modern")
    assert metrics.keys("table", 2025) == old_table  # a year's table holds the levels of its criteria set
    assert metrics.keys("table", 2026) == (*old_table[:5], "communes_ntm_modern")
    assert metrics.keys("deck") == ("communes", "communes_ntm", "share_ntm", "avg_criteria")
    assert compare.DISTRICT_METRICS[0] == "share_ntm" and compare.DISTRICT_METRICS[-1] == "communes_below_10"
    assert set(compare.RATIO_METRICS) == {"share_ntm", "avg_criteria", "min_criteria"}
    assert map_view.MAP_METRICS == (
        "share_ntm",
        "avg_criteria",
        "criterion_share",
        "communes_ntm_advanced",
        "communes_ntm_model",
    )
    assert map_view.PANEL_METRICS == (
        "share_ntm",
        "avg_criteria",
        "communes_ntm",
        "communes_ntm_advanced",
        "communes_ntm_model",
        "communes",
    )
    old_progress = ("communes_ntm", "avg_criteria", "min_criteria", "communes_ntm_advanced", "communes_ntm_model")
    shares = ("share_communes_ntm", "share_communes_ntm_advanced", "share_communes_ntm_modern")
    assert progress_view.PROGRESS_METRICS == (*old_progress, *shares)  # the 2030 targets are shares
    assert progress_view.progress_metrics(load_targets()) == progress_view.PROGRESS_METRICS
    assert progress_view.progress_metrics(load_targets(), 2025) == old_progress
    # 2026-2030: the national shares; the province's advanced share was set on the old communes
    assert progress_view.progress_metrics(load_targets(), 2026) == ("share_communes_ntm", "share_communes_ntm_modern")
    assert set(metrics.keys("headline")) == set(progress_view.PROGRESS_METRICS)


def test_every_registered_metric_has_its_strings():
    for entry in metrics.METRICS.values():
        missing = [key for key in entry.string_keys() if key not in CATALOGUE]
        assert not missing, (entry.key, missing)


def test_the_test_metric_brings_exactly_the_strings_it_needs():
    assert set(STRINGS) == set(EXTRA.string_keys())


def test_per_commune_values_and_aggregations_on_a_small_table():
    cy = pd.DataFrame({"level_rank": [0, 1, 2, 3], "criteria_met": [9, 19, 19, 19], "c02": [False, True, True, False]})
    assert metrics.metric("communes")(cy) == 4
    assert metrics.metric("communes_ntm")(cy) == 3 and metrics.metric("communes_ntm_model")(cy) == 1
    assert metrics.metric("share_ntm")(cy) == 0.75
    assert metrics.metric("avg_criteria")(cy) == pytest.approx(16.5)
    assert metrics.metric("min_criteria")(cy) == 9 and metrics.metric("communes_below_10")(cy) == 1
    assert metrics.metric("criterion_share")(cy, "02") == 0.5
    with pytest.raises(ValueError):
        metrics.metric("criterion_share")(cy)  # it needs a criterion
    empty = cy.iloc[0:0]
    assert metrics.metric("communes_ntm")(empty) == 0 and np.isnan(metrics.metric("avg_criteria")(empty))


def test_format_metric_is_each_metrics_one_format():
    assert metrics.format_metric("avg_criteria", 15.26, "vi") == "15,3"
    assert metrics.format_metric("share_ntm", 0.6354, "vi") == "63,5 %"
    assert metrics.format_metric("share_ntm", 0.6354, "en") == "63.5%"
    assert metrics.format_metric("share_ntm", 0.35, "vi", signed=True) == "+35,0 điểm %"
    assert metrics.format_metric("communes_ntm", 1234, "vi") == "1.234"
    assert metrics.format_metric("avg_criteria", -0.25, "en", signed=True) == "−0.2"
    assert metrics.format_metric("min_criteria", float("nan")) == "–"
    assert [metrics.metric(k).d3 for k in ("share_ntm", "avg_criteria", "communes_ntm")] == [".1%", ",.1f", ",d"]


def test_average_criteria_shows_one_decimal_in_every_display(demo, names):
    cy = metrics.select(demo.commune_year, 2025)
    table = metrics.district_table(cy)
    row = table.set_index("district_code").loc["180"]
    expected = fmt_number(row["avg_criteria"], 1, "vi")
    assert expected != fmt_number(row["avg_criteria"], 2, "vi")  # the check tells 1 decimal from 2
    name = names["180"]

    shown = tables.district_summary(table, names, "vi").set_index("Huyện / thành phố")
    assert shown.loc[name, "BQ tiêu chí"] == expected
    assert shown.loc[name, "Tỷ lệ đạt chuẩn"] == fmt_percent(row["share_ntm"], 1, "vi")
    exported = tables.district_export(cy, names, "vi").set_index("Huyện / thành phố")
    assert exported.loc[name, "BQ tiêu chí"] == round(row["avg_criteria"], 1)
    ranking = deck.ranking_rows(tables.district_ranking(cy, names), "vi")
    deck_row = next(r for r in ranking if r[0].endswith(f". {name}"))
    assert deck_row[ranking[0].index("BQ tiêu chí")] == expected
    assert map_view.format_value(row["avg_criteria"], "avg_criteria", "vi") == expected

    series = compare.district_series(demo.commune_year, "avg_criteria")
    compared = compare.ranking_display(
        compare.delta_ranking(series, "avg_criteria", 2025, 2020),
        compare.province_reference(demo.commune_year, "avg_criteria", 2025, 2020),
        names,
        "avg_criteria",
        2025,
        2020,
        "vi",
    ).set_index("Huyện / thành phố")
    assert compared.loc[name, "2025"] == expected

    context = {"criteria_met": 17, "district": metrics.summary(cy[cy["district_code"] == "180"]), "province": {}}
    context["province"] = metrics.summary(cy)
    assert context_table(context, name, "vi").iloc[1]["BQ tiêu chí"] == expected

    average = next(p for p in headline_progress(demo.commune_year, load_targets(), 2025) if p.metric == "avg_criteria")
    assert progress_card(average, "vi")["value"] == fmt_number(average.value, 1, "vi")

    frame = compare.small_multiples_frame(series, demo.commune_year, "avg_criteria", names, "vi")
    tooltips = small_multiples(frame, "avg_criteria", "vi", "t").to_dict()["spec"]["encoding"]["tooltip"]
    assert tooltips[-1]["format"] == ",.1f"
    progress_frame, _ = progress_view.progress_frame(
        demo.commune_year, load_targets(), load_published(), "avg_criteria", as_of=2025
    )
    layer = progress_layers(progress_frame, "avg_criteria", "vi").to_dict()["layer"][2]
    assert layer["encoding"]["tooltip"][-1]["format"] == ",.1f"


def test_registry_refuses_malformed_or_duplicate_entries():
    with pytest.raises(ValueError, match="aggregation"):
        metrics.Metric("x", "criteria_met", "median", "count")
    with pytest.raises(ValueError, match="kind"):
        metrics.Metric("x", "criteria_met", "sum", "total")
    with pytest.raises(ValueError, match="roles"):
        metrics.Metric("x", "criteria_met", "sum", "count", roles={"sidebar"})
    with pytest.raises(ValueError, match="table column"):
        metrics.Metric("x", "criteria_met", "sum", "count", roles={"deck"})
    with pytest.raises(ValueError, match="already registered"):
        metrics.register(metrics.metric("share_ntm"))
    with pytest.raises(KeyError):
        metrics.keys("sidebar")


def test_registered_removes_its_entries_even_after_an_error():
    with pytest.raises(RuntimeError), metrics.registered(EXTRA):
        assert KEY in metrics.keys("map")
        raise RuntimeError
    assert KEY not in metrics.METRICS and KEY not in map_view.MAP_METRICS


# --- a metric added as one entry plus its strings ------------------------------------------------


def at_least_15_by_district(cy: pd.DataFrame) -> dict[str, int]:
    counts = (cy["criteria_met"] >= 15).groupby(cy["district_code"].astype(str)).sum()
    return {code: int(n) for code, n in counts.items()}


def test_added_metric_is_in_the_district_tables(demo, names, extra):
    cy = metrics.select(demo.commune_year, 2025)
    expected = at_least_15_by_district(cy)
    assert metrics.keys("table")[-1] == KEY
    table = metrics.district_table(cy)
    assert dict(zip(table["district_code"], table[KEY])) == expected
    assert metrics.summary(cy)[KEY] == sum(expected.values())

    shown = tables.district_summary(table, names, "vi").set_index("Huyện / thành phố")
    assert shown.columns[-1] == "Từ 15 tiêu chí"
    assert shown["Từ 15 tiêu chí"].to_dict() == {names[c]: fmt_number(n, 0, "vi") for c, n in expected.items()}
    exported = tables.district_export(cy, names, "en").set_index("District")
    assert exported["15+ criteria"].to_dict() == {names[c]: n for c, n in expected.items()}
    header = deck.ranking_rows(tables.district_ranking(cy, names), "en")[0]
    assert header[-1] == "15+ criteria"


def test_added_metric_is_a_map_measure_a_panel_row_and_a_comparison(demo, extra):
    cy = metrics.select(demo.commune_year, 2025)
    expected = at_least_15_by_district(cy)
    assert map_view.MAP_METRICS[-1] == KEY
    values = map_view.district_values(demo, 2025, KEY).set_index("district_code")
    assert values["value"].to_dict() == {c: float(n) for c, n in expected.items()}
    assert values["count"].to_dict() == expected
    breaks = map_view.class_breaks(demo, KEY)
    largest = max(map_view.district_values(demo, y, KEY)["value"].max() for y in demo.years)
    assert breaks == map_view.count_breaks(largest) and breaks[-2] <= largest < breaks[-1]
    assert map_view.class_labels(breaks, KEY, "vi")[:2] == ["0", f"1–{int(breaks[2]) - 1}"]

    rows = map_view.against_province(demo, 2025, "180").set_index("metric")
    assert map_view.PANEL_METRICS[-1] == KEY
    assert rows.loc[KEY, "district"] == expected["180"] and rows.loc[KEY, "province"] == sum(expected.values())

    assert compare.DISTRICT_METRICS[-1] == KEY and KEY not in compare.RATIO_METRICS
    series = compare.district_series(demo.commune_year, KEY)
    now = series[series["year"] == 2025].set_index("district_code")["value"]
    assert now.to_dict() == expected


def test_added_metric_gets_progress_when_the_targets_have_it(demo, extra):
    targets = load_targets()
    assert KEY in progress_view.PROGRESS_METRICS
    assert KEY not in progress_view.progress_metrics(targets)
    assert KEY not in [p.metric for p in headline_progress(demo.commune_year, targets, 2025)]
    target = {"scope": "province", "year": 2025, "metric": KEY, "value": 170.0, "denominator": 181.0}
    targets = pd.concat([targets, pd.DataFrame([{**target, "comparison": "at_least", "note": "", "source": "t"}])])
    assert progress_view.progress_metrics(targets)[-1] == KEY

    frame, result = progress_view.progress_frame(demo.commune_year, targets, load_published(), KEY, as_of=2024)
    actual = frame[frame["kind"] == "actual"].set_index("year")["value"]
    by_year = (demo.commune_year["criteria_met"] >= 15).groupby(demo.commune_year["year"]).sum()
    assert actual.to_dict() == {int(y): float(n) for y, n in by_year.items() if y <= 2024}
    assert frame[frame["kind"] == "target"]["label"].tolist() == ["170/181"]
    assert (result.target, result.denominator, result.as_of) == (170.0, 181.0, 2024)
    assert "170/181" in progress_view.verdict(result, "vi")

    headline = {p.metric: p for p in headline_progress(demo.commune_year, targets, 2025)}
    card = progress_card(headline[KEY], "vi")
    assert card["label"] == "Xã đạt từ 15 tiêu chí" and card["value"] == fmt_number(by_year[2025], 0, "vi")
    assert "/181" in card["target"]
    chosen = headline_progress(demo.commune_year, targets, 2025, ["180"])
    scaled = next(p for p in chosen if p.metric == KEY)
    assert scaled.denominator == scaled.communes == 19  # a count target carried pro rata to the district
