"""The benchmark's national dataset and floor are what the benchmark says they are, its page chart
builders produce the pages' charts with the expected data, and its national map holds every matched
district (no timings here)."""

import functools
import json

import geopandas as gpd
import pytest

from ntm import metrics
from ntm.bench.dashboard import (
    NATIONAL_BOUNDARIES,
    PAGE_CHARTS,
    app_pages,
    district_map_html,
    floor_shares,
    map_feature_codes,
    national_boundaries,
    national_registry,
    national_tables,
    page_inputs,
    report,
)
from ntm.criteria import CRITERION_IDS
from ntm.dataset import LEVELS, Dataset, validate_tables
from ntm.metrics import METRICS
from ntm.views.districts import DISTRICT_METRICS, district_series


@functools.cache  # not only a module fixture: a pytest-xdist worker may tear those down between two tests
def national_dataset() -> Dataset:
    registry = national_registry()
    criteria, levels = national_tables(registry)
    validate_tables(criteria, levels, registry)
    return Dataset(criteria, levels, registry)


@pytest.fixture()
def national():
    return national_dataset()


def rows(spec: dict) -> list[dict]:
    """The data rows of a Vega-Lite spec made by Altair (inline values or a named dataset)."""
    data = spec["data"]
    return data["values"] if "values" in data else spec["datasets"][data["name"]]


def test_national_dataset_covers_every_unit_19_criteria_2015_2025(national):
    assert len(national.registry) == 10047
    assert national.registry["district_code"].nunique() == 691
    assert len(national.criteria) == 10047 * 11 * len(CRITERION_IDS)
    assert national.years == list(range(2015, 2026))


def test_floor_computes_the_same_shares_as_the_district_table(national):
    floor = floor_shares(national.commune_year, 2025)
    table = metrics.district_table(metrics.select(national.commune_year, 2025)).set_index("district_code")
    assert len(floor) == 691
    assert (floor.rename(index=str).sort_index() - table["share_ntm"].sort_index()).abs().max() < 1e-12


def test_benchmark_covers_every_registered_page_and_flags_budgets():
    assert "pages/overview.py" in app_pages()
    text = report({"filter_change_national_s": 2.0, "peak_memory_mb": 100.0})
    assert "budget 1: OVER" in text and "budget 1024: OK" in text


def test_national_timings_are_reported_with_their_ratio_to_the_floor():
    text = report({"floor_s": 0.002, "chart_specs_overview_national_s": 0.05, "load_s": 1.0})
    assert "25.0x floor" in text
    assert "floor" not in text.splitlines()[2]


def test_every_page_with_charts_has_a_chart_builder():
    stems = {page.split("/")[-1].removesuffix(".py") for page in app_pages()}
    assert set(PAGE_CHARTS) <= stems


def test_overview_specs_have_a_bar_per_level_and_per_band(demo):
    levels, bands = PAGE_CHARTS["overview"](demo, page_inputs(demo), 2025, ["180"])
    summary = metrics.summary(metrics.select(demo.commune_year, 2025, ["180"]))
    shown = [level for level in LEVELS if level != "modern"]  # the levels of 2021-2025
    assert [row["key"] for row in rows(levels)] == shown
    assert [row["value"] for row in rows(levels)] == [summary["levels"][level] for level in shown]
    assert [row["key"] for row in rows(bands)] == [name for name, _, _ in metrics.BANDS]
    assert sum(row["value"] for row in rows(bands)) == summary["communes"]


def test_progress_specs_one_chart_per_metric_with_the_actual_series(demo):
    specs = PAGE_CHARTS["progress"](demo, page_inputs(demo), 2025, [])
    assert len(specs) == 5
    for spec in specs:
        actual = [row for row in rows(spec) if row["kind"] == "actual"]
        assert [row["year"] for row in actual] == [y for y in demo.years if y <= 2025]  # 2026: another set
        assert any(row["kind"] == "target" for row in rows(spec))


def test_criteria_specs_cover_the_selected_districts_or_all(demo):
    inputs = page_inputs(demo)
    specs = PAGE_CHARTS["criteria"](demo, inputs, 2025, ["180", "189"])
    heatmap, ranking, bands, trend = (specs[role] for role in ("heatmap", "ranking", "bands", "trend"))
    assert len(rows(heatmap)) == 2 * 19 and {row["district_code"] for row in rows(heatmap)} == {"180", "189"}
    shares = [row["share"] for row in rows(ranking)]
    assert len(shares) == 19 and shares == sorted(shares)  # hardest first
    assert len(rows(bands)) == 4 * len([y for y in demo.years if y <= 2025])  # the 19 criteria's years
    assert {row["district_code"] for row in rows(trend)} == {"180", "189", "province"}
    every = PAGE_CHARTS["criteria"](demo, inputs, 2025, [])["heatmap"]
    assert len(rows(every)) == len(inputs.names) * 19


def test_districts_spec_has_a_facet_per_district_with_the_province_reference(demo):
    (spec,) = PAGE_CHARTS["districts"](demo, page_inputs(demo), 2025, [])
    data = rows(spec)
    years = [y for y in demo.years if y <= 2025]  # the page stays in the year's lineage of criteria sets
    assert spec["facet"]["field"] == "district"
    assert len({row["district"] for row in data}) == demo.commune_year["district_code"].nunique()
    assert len(data) == 2 * len(years) * demo.commune_year["district_code"].nunique()  # district + province
    (new,) = PAGE_CHARTS["districts"](demo, page_inputs(demo), 2026, [])
    assert {row["year"] for row in rows(new)} == {2026} and len({row["district"] for row in rows(new)}) == 10


def test_commune_specs_grid_of_19_criteria_by_year_and_level_bars(demo):
    specs = PAGE_CHARTS["commune"](demo, page_inputs(demo), 2025, ["180"])
    grid, levels = specs["grid"], specs["levels"]
    years = {row["year"] for row in rows(grid)}
    assert len(rows(grid)) == 19 * len(years)
    assert len(rows(levels)) == len(years)


@pytest.mark.parametrize("metric", DISTRICT_METRICS)
def test_district_series_equals_the_metric_computed_on_each_district_year(demo, metric):
    series = district_series(demo.commune_year, metric, ["180", "189"])
    expected = {
        (int(year), str(code)): METRICS[metric](group)
        for (year, code), group in metrics.select(demo.commune_year, districts=["180", "189"]).groupby(
            ["year", "former_district_code"],
            observed=True,  # from 2026 the new communes by former district
        )
    }
    assert {(y, c): v for y, c, v in series.itertuples(index=False)} == expected


@pytest.mark.shared_data
def test_map_matching_reports_unmatched_features_and_districts_without_a_shape(national, tmp_path):
    """A small boundary file: Lạng Sơn's 11 districts and one island district with no communes in
    the registry; the registry also has Quảng Ninh, which the national file lacks."""
    shapes = gpd.read_file(NATIONAL_BOUNDARIES)
    small = shapes[(shapes["province_code"] == "20") | (shapes["district_name"] == "Huyện Bạch Long Vĩ")]
    path = tmp_path / "districts.geojson"
    path.write_text(small.to_json())
    registry = national.registry[national.registry["district_code"].isin(set(small["district_code"]) | {"193"})]
    loaded, frame = national_boundaries(registry, path)
    assert len(frame) == 11 and set(frame["district_code"]) == set(small["district_code"]) - {"318"}
    assert loaded.unmatched == ["Huyện Bạch Long Vĩ"]
    assert loaded.missing == ["Thành phố Hạ Long"]
    names = page_inputs(national).names
    html = district_map_html(national, frame, names, 2025)
    assert sorted(map_feature_codes(html)) == sorted(frame["district_code"])


def test_national_map_has_a_feature_for_every_matched_district(national):
    loaded, frame = national_boundaries(national.registry)
    assert len(frame) == 676 and len(loaded.unmatched) == 16 and len(loaded.missing) == 15
    assert "Huyện Côn Đảo" in loaded.unmatched and "Thành phố Hạ Long" in loaded.missing
    html = district_map_html(national, frame, page_inputs(national).names, 2025)
    codes = map_feature_codes(html)
    assert sorted(codes) == sorted(frame["district_code"]) and len(set(codes)) == 676
    assert len(html.encode()) < 3_000_000
    features = json.loads(frame.to_json())["features"]
    assert all(feature["geometry"]["coordinates"] for feature in features)
