"""The commune scorecard's criteria grid on a phone: which years it shows, said without a one-year range."""

import pandas as pd

from ntm.charts.commune import criteria_grid_narrow_chart, grid_frame


def narrow_title(years) -> list[str]:
    grid = pd.DataFrame([{"criterion_id": c, "year": y, "met": True} for c in ("01", "02") for y in years])
    frame = grid_frame(grid, {"01": "01. Quy hoạch", "02": "02. Giao thông"}, "vi")
    return criteria_grid_narrow_chart(frame, "vi", ["Xã Tân Văn", "10 tiêu chí qua các năm"]).to_dict()["title"]["text"]


def test_a_new_commune_with_one_year_has_no_range_and_no_earlier_years_to_point_to():
    title = " ".join(narrow_title([2026]))
    assert "2026-2026" not in title and "các năm trước" not in title


def test_an_old_commune_with_more_years_than_the_phone_shows_says_which_years():
    title = " ".join(narrow_title(range(2015, 2026)))
    assert "2021-2025 (các năm trước" in title
