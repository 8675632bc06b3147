"""District comparison: delta ranking against hand-computed cases, small multiples, the page with filters."""

import pandas as pd
from apptest_helpers import assert_clean, nodes, run_app

from ntm.charts.districts import small_multiples
from ntm.views.districts import delta_ranking, ranking_display, small_multiples_frame

SERIES = pd.DataFrame(
    {
        "year": [2020, 2020, 2020, 2025, 2025, 2025],
        "district_code": ["A", "B", "C"] * 2,
        "value": [0.5, 0.2, 0.1, 0.6, 0.9, 0.3],
    }
)


def test_delta_ranking_ranks_now_and_then():
    table = delta_ranking(SERIES, "share_ntm", 2025, 2020).set_index("district_code")
    assert table["rank"].to_dict() == {"B": 1, "A": 2, "C": 3}
    assert table["baseline_rank"].to_dict() == {"A": 1, "B": 2, "C": 3}
    assert table["rank_change"].to_dict() == {"B": 1, "A": -1, "C": 0}
    assert table["change"].round(6).to_dict() == {"B": 0.7, "A": 0.1, "C": 0.2}


def test_lower_is_better_for_communes_below_10():
    table = delta_ranking(SERIES.assign(value=[5, 2, 9, 1, 3, 4]), "communes_below_10", 2025, 2020)
    assert list(table["district_code"]) == ["A", "B", "C"]  # 1 < 3 < 4


def test_ranking_display_in_vietnamese_with_the_province_row():
    table = delta_ranking(SERIES, "share_ntm", 2025, 2020)
    shown = ranking_display(
        table,
        {"value": 0.6, "baseline_value": 0.25, "change": 0.35},
        {"A": "An", "B": "Bình"},
        "share_ntm",
        2025,
        2020,
        "vi",
    )
    assert list(shown.columns) == ["Hạng", "Huyện / thành phố", "2025", "2020", "Thay đổi từ 2020", "Đổi hạng từ 2020"]
    first = shown.iloc[0].tolist()
    assert first == ["1", "Bình", "90,0 %", "20,0 %", "+70,0 điểm %", "▲ 1"]
    assert shown.iloc[1]["Đổi hạng từ 2020"] == "▼ 1"
    assert shown.iloc[-1].tolist() == ["", "Toàn tỉnh", "60,0 %", "25,0 %", "+35,0 điểm %", ""]


def test_small_multiples_have_one_panel_per_district_and_the_province_reference(demo):
    series = pd.DataFrame(
        {"year": [2024, 2025] * 2, "district_code": ["180", "180", "189", "189"], "value": [0.1, 0.2, 0.3, 0.4]}
    )
    frame = small_multiples_frame(series, demo.commune_year, "share_ntm", {"180": "Tràng Định"}, "vi")
    assert set(frame["series"]) == {"Huyện", "Toàn tỉnh"}
    assert len(frame[frame["series"] == "Toàn tỉnh"]) == 2 * len(demo.years)
    spec = small_multiples(frame, "share_ntm", "vi", "t").to_dict()
    assert spec["facet"]["field"] == "district" and spec["columns"] == 4
    assert spec["facet"]["sort"] == ["Tràng Định", "189"]
    counts = small_multiples_frame(series, demo.commune_year, "communes_ntm", {}, "vi")
    assert set(counts["series"]) == {"Huyện"}  # a province count is no reference for a district count


def test_districts_page_for_the_province():
    at = run_app("pages/districts.py", year=2025)
    assert_clean(at)
    table = at.dataframe[0].value
    assert len(table) == 12 and table.iloc[-1, 1] == "Toàn tỉnh"
    assert len(nodes(at, "vega_lite_chart")) == 1


def test_districts_page_with_a_district_filter_and_another_metric():
    at = run_app("pages/districts.py", districts=["180", "189"], year=2023)
    assert_clean(at)
    at.selectbox(key="metric").set_value("avg_criteria").run()
    assert_clean(at)
    table = at.dataframe[0].value
    assert set(table.iloc[:2, 1]) == {"Đình Lập", "Tràng Định"} and table.iloc[2, 1] == "Toàn tỉnh"
    # ranks among all 11 districts, never "1" and "2" of the two chosen (issue 15.3)
    assert list(table.iloc[:, 0]) == ["9/11", "11/11", ""]
    assert "2023" in table.columns and "2020" in table.columns
    assert any("Hạng tính trên tất cả 11 huyện" in c.value for c in at.caption)


def test_one_district_is_ranked_among_all_and_most_improved_is_by_change_of_the_measure():
    at = run_app("pages/districts.py", districts=["189"], year=2025)
    assert_clean(at)
    table = at.dataframe[0].value
    assert list(table.iloc[:, 0]) == ["9/11", ""] and list(table.iloc[:, 1]) == ["Đình Lập", "Toàn tỉnh"]
    improved = next(m.value for m in at.markdown if m.value.startswith("Tiến bộ nhiều nhất"))
    # Bình Gia +38,9 points ranks above Đình Lập +30,0 (rank change put Đình Lập in and left Bình Gia out)
    assert improved == "Tiến bộ nhiều nhất từ năm 2020: Bắc Sơn, Bình Gia, Văn Lãng."
