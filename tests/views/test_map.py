"""Choropleth values against ntm.metrics, fixed class breaks, the folium map and the PNG map."""

import io
import json
import math
import re

import pytest
from PIL import Image

from ntm import metrics
from ntm.dataset import Dataset
from ntm.geo.boundaries import load_boundaries, load_default, simplify_for_browser
from ntm.geo.folium_map import choropleth
from ntm.geo.image import district_map_png
from ntm.paths import SHARED
from ntm.registry import districts
from ntm.views.map import (
    MAP_METRICS,
    PALETTE,
    SHARE_BREAKS,
    against_province,
    class_breaks,
    class_labels,
    class_of,
    colour_of,
    commune_points,
    district_at,
    district_values,
    near_standard,
    nice_breaks,
    values_by_district,
    weakest_criteria,
)


def js(text: str) -> str:
    """`text` as folium writes it into the page's script (JSON, non-ASCII escaped)."""
    return json.dumps(text)[1:-1]


@pytest.mark.parametrize("year", [2019, 2025])
def test_share_and_counts_match_metrics_per_district(demo, year):
    cy = metrics.select(demo.commune_year, year)
    for metric in ("share_ntm", "avg_criteria", "communes_ntm_advanced", "communes_ntm_model"):
        table = district_values(demo, year, metric).set_index("district_code")
        for code in ("180", "189"):
            expected = metrics.METRICS[metric](cy[cy["district_code"] == code])
            assert table.loc[code, "value"] == pytest.approx(expected)
            assert table.loc[code, "communes"] == metrics.METRICS["communes"](cy[cy["district_code"] == code])


def test_criterion_share_matches_criterion_counts(demo):
    cy = metrics.select(demo.commune_year, 2025, ["186"])
    expected = metrics.criterion_counts(demo.criteria, cy).set_index("criterion_id").loc["17"]
    row = district_values(demo, 2025, "criterion_share", "17").set_index("district_code").loc["186"]
    assert (row["count"], row["communes"]) == (expected["met"], expected["communes"])
    assert row["value"] == pytest.approx(expected["share"])
    assert values_by_district(demo, 2025, "criterion_share", "17")["186"] == pytest.approx(expected["share"])


def test_every_district_has_a_value_each_year(demo):
    for metric in MAP_METRICS:
        assert len(district_values(demo, 2025, metric)) == 11


def test_unknown_metric_is_refused(demo):
    with pytest.raises(KeyError):
        district_values(demo, 2025, "population")


def test_breaks_are_fixed_across_years_and_cover_every_year(demo):
    for metric in MAP_METRICS:
        breaks = class_breaks(demo, metric, "17")
        assert list(breaks) == sorted(breaks) and len(breaks) == len(PALETTE) + 1
        for year in demo.years:
            values = district_values(demo, year, metric, "17")["value"]
            assert values.between(breaks[0], breaks[-1]).all(), (metric, year)
    assert class_breaks(demo, "share_ntm") == SHARE_BREAKS


def test_count_breaks_reach_the_largest_count_of_any_year(demo):
    breaks = class_breaks(demo, "communes_ntm_advanced")
    largest = max(district_values(demo, y, "communes_ntm_advanced")["value"].max() for y in demo.years)
    assert breaks[-2] < largest <= breaks[-1]


def test_class_of_edges():
    assert nice_breaks(12) == (0, 3, 6, 9, 12, 15)
    assert [class_of(v, SHARE_BREAKS) for v in (0, 0.19, 0.2, 0.99, 1.0)] == [0, 0, 1, 4, 4]
    assert class_of(math.nan, SHARE_BREAKS) is None
    assert colour_of(1.0, SHARE_BREAKS) == PALETTE[-1]
    assert class_labels(SHARE_BREAKS, "share_ntm", "vi")[0] == "0 %–20 %"
    assert class_labels(SHARE_BREAKS, "share_ntm", "en")[-1] == "80%–100%"


@pytest.fixture(scope="module")
def boundaries(registry):
    return load_default(districts(registry))


def test_folium_map_loads_only_local_assets_and_carries_values(demo, registry, boundaries):
    table = districts(registry)
    names = dict(zip(table["district_code"], table["district_short"]))
    values = district_values(demo, 2025, "share_ntm")
    html = (
        choropleth(
            boundaries.frame,
            values,
            names,
            "share_ntm",
            "Tỷ lệ xã đạt chuẩn (%)",
            SHARE_BREAKS,
            "vi",
            True,
            commune_points(demo, 2025),
        )
        .get_root()
        .render()
    )
    assert not re.findall(r'(?:src|href)="https?://', html)
    assert "/app/static/vendor/leaflet/leaflet.js" in html
    assert js("sơ đồ gần đúng") in html and "NTM_BOUNDARIES" in html
    share = values.set_index("district_code").loc["180", "value"]
    assert f'"value_text": "{share * 100:.1f} %"'.replace(".", ",") in html
    assert html.count(f'"name": "{js("Tràng Định")}"') == 1
    assert html.count('"criteria":') == len(commune_points(demo, 2025))


@pytest.mark.shared_data
def test_official_map_html_within_budget(demo, registry):
    table = districts(registry)
    loaded = load_boundaries(table, SHARED / "geo" / "lang_son_districts.geojson")
    names = dict(zip(table["district_code"], table["district_short"]))
    html = (
        choropleth(
            simplify_for_browser(loaded.frame),
            district_values(demo, 2025, "avg_criteria"),
            names,
            "avg_criteria",
            "x",
            class_breaks(demo, "avg_criteria"),
            "vi",
            False,
            commune_points(demo, 2025),
        )
        .get_root()
        .render()
    )
    assert len(html.encode()) < 400_000
    assert js("gần đúng") not in html


def test_png_map_is_an_image_with_the_district_colours(demo, boundaries):
    values = values_by_district(demo, 2025, "share_ntm")
    png = district_map_png(values, "Tỷ lệ xã đạt chuẩn (%)", "vi", boundaries)
    image = Image.open(io.BytesIO(png)).convert("RGB")
    assert image.format is None and image.size[0] > 800
    colours = {"#{:02x}{:02x}{:02x}".format(*c) for _, c in image.getcolors(maxcolors=1_000_000)}
    for _code, value in values.items():
        assert colour_of(value, SHARE_BREAKS) in colours


def test_district_at_click(boundaries):
    point = boundaries.frame.set_index("district_code").geometry["189"].representative_point()
    assert district_at(boundaries.frame, point.y, point.x) == "189"
    assert district_at(boundaries.frame, 10.0, 100.0) is None


def test_panel_numbers(demo):
    rows = against_province(demo, 2025, "180").set_index("metric")
    cy = metrics.select(demo.commune_year, 2025)
    assert rows.loc["communes_ntm", "province"] == metrics.METRICS["communes_ntm"](cy)
    assert rows.loc["communes", "district"] == 19
    weakest = weakest_criteria(demo, 2025, "180")
    assert list(weakest["share"]) == sorted(weakest["share"])
    assert (
        weakest["share"].iloc[0]
        <= metrics.criterion_counts(demo.criteria, cy[cy["district_code"] == "180"])["share"].min()
    )


def test_near_standard_lists_communes_with_17_or_18_criteria(demo):
    cy = metrics.select(demo.commune_year, 2025, ["180"])
    lagging = list(cy[cy["level"] == "none"]["commune_code"][:2])
    criteria = demo.criteria.copy()
    for code, unmet in zip(lagging, (["03"], ["04", "09"])):
        rows = (criteria["commune_code"] == code) & (criteria["year"] == 2025)
        criteria.loc[rows, "met"] = ~criteria.loc[rows, "criterion_id"].isin(unmet)
    near = near_standard(Dataset(criteria, demo.levels, demo.registry), 2025, "180")
    assert list(near["commune_code"]) == lagging
    assert list(near["criteria_met"]) == [18, 17]
    assert list(near["missing"]) == ["03", "04, 09"]


def test_near_standard_falls_back_to_closest_communes(demo):
    near = near_standard(demo, 2025, "180")
    cy = metrics.select(demo.commune_year, 2025, ["180"])
    assert near["criteria_met"].iloc[0] == cy[cy["level"] == "none"]["criteria_met"].max()
    assert list(near["criteria_met"]) == sorted(near["criteria_met"], reverse=True)
