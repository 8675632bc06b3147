"""Every chart's text alternative (issue 15, point 6): its title and what its axes and colour show,
with their range, in the page's language; a view's own sentence when it gives one."""

from dataclasses import replace
from functools import partial

import altair as alt
import pandas as pd

from ntm.charts.commune import NARROW_YEARS, criteria_grid_chart, criteria_grid_narrow_chart, grid_frame
from ntm.charts.criteria import NARROW_CELL, heatmap_chart, heatmap_narrow_chart
from ntm.views.page_chart import page_chart, text_alternative

HEATMAP = pd.DataFrame(
    {
        "criterion_id": ["01", "02", "01", "02"],
        "criterion": ["01. Quy hoạch", "02. Giao thông", "01. Quy hoạch", "02. Giao thông"],
        "district_code": ["178", "178", "180", "180"],
        "district": ["Lạng Sơn", "Lạng Sơn", "Tràng Định", "Tràng Định"],
        "met": [3, 1, 4, 19],
        "communes": [3, 3, 19, 19],
    }
).assign(share=lambda f: f["met"] / f["communes"])


def test_heatmap_says_its_title_axes_and_the_range_of_its_shares():
    chart = page_chart("heatmap", HEATMAP, partial(heatmap_chart, HEATMAP, "vi", "Tỷ lệ xã đạt, năm 2025"))
    text = text_alternative(chart, "vi")
    assert text.startswith("Tỷ lệ xã đạt, năm 2025. Biểu đồ: ")
    assert "Tỷ lệ xã đạt từ 21 % đến 100 %" in text
    assert "Tiêu chí (2 giá trị)" in text and "Huyện / thành phố (2 giá trị)" in text
    english = text_alternative(page_chart("h", HEATMAP, partial(heatmap_chart, HEATMAP, "en", "Share")), "en")
    assert english.startswith("Share. Chart: ") and "from 21% to 100%" in english


def test_a_views_own_sentence_replaces_the_generic_one():
    chart = page_chart("heatmap", HEATMAP, partial(heatmap_chart, HEATMAP, "vi", "Tỷ lệ"))
    said = replace(chart, summary="Khó nhất: 02. Giao thông.")
    assert text_alternative(said, "vi") == "Tỷ lệ. Khó nhất: 02. Giao thông."


def test_a_count_axis_reads_as_whole_numbers():
    frame = pd.DataFrame({"year": [2015, 2016], "communes": [7, 133]})
    build = partial(lambda f: alt.Chart(f).mark_bar().encode(x="year:O", y=alt.Y("communes:Q", title="Số xã")), frame)
    assert "Số xã từ 7 đến 133" in text_alternative(page_chart("bars", frame, build), "vi")


def test_narrow_heatmap_has_every_criterion_as_a_row_and_fits_a_phone():
    spec = heatmap_narrow_chart(HEATMAP, "vi", "Tỷ lệ xã đạt từng tiêu chí theo huyện, năm 2025").to_dict()
    layer = spec["layer"][0]["encoding"]
    assert layer["y"]["field"] == "criterion" and layer["x"]["field"] == "district"
    assert spec["width"] == NARROW_CELL * 2
    assert NARROW_CELL * 11 + 84 + 20 <= 358  # 11 districts and the names' column in a 390 px phone's content


def test_narrow_grid_shows_the_last_years_and_says_which():
    years = range(2015, 2026)
    grid = pd.DataFrame([{"criterion_id": c, "year": y, "met": y > 2020} for c in ("01", "02") for y in years])
    frame = grid_frame(grid, {"01": "01. Quy hoạch", "02": "02. Giao thông"}, "vi")
    spec = criteria_grid_narrow_chart(frame, "vi", ["Xã Ái Quốc", "19 tiêu chí qua các năm"]).to_dict()
    shown = {row["year"] for row in next(iter(spec["datasets"].values()))}
    assert shown == set(range(2026 - NARROW_YEARS, 2026))
    assert any("2021-2025" in line for line in spec["title"]["text"])
    assert all(len(line) <= 40 for line in spec["title"]["text"])
    wide = criteria_grid_chart(frame, "vi", "x").to_dict()
    assert {row["year"] for row in next(iter(wide["datasets"].values()))} == set(years)
