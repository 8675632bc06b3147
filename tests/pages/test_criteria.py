"""Criteria analysis tables and charts against hand-counted cases, and the page with district filters."""

import pandas as pd
from apptest_helpers import assert_clean, nodes, run_app

from ntm.charts.criteria import bands_chart, heatmap_chart, ranking_chart, trend_chart
from ntm.criteria import CRITERION_IDS, load_criteria
from ntm.views.criteria import band_trend_frame, criterion_trend_frame, heatmap_frame, ranking_frame

NAMES = {"A": "Huyện A", "B": "Huyện B"}


def tiny():
    """Four communes (two per district) in 2024 and 2025; commune i meets criteria 01..(16 + i) in 2025,
    criteria 01..(8 + i) in 2024, so bands and shares can be counted by hand."""
    criteria, years = [], []
    for year, base in ((2024, 8), (2025, 16)):
        for i in range(4):
            code = f"c{i}"
            for cid in CRITERION_IDS:
                criteria.append({"commune_code": code, "year": year, "criterion_id": cid, "met": int(cid) <= base + i})
            years.append(
                {
                    "commune_code": code,
                    "year": year,
                    "district_code": "A" if i < 2 else "B",
                    "criteria_met": min(base + i, 19),
                    "level_rank": 0,
                    "level": "none",
                    **{f"c{cid}": int(cid) <= base + i for cid in CRITERION_IDS},
                }
            )
    cy = pd.DataFrame(years)
    cy["district_code"] = cy["district_code"].astype("category")
    return pd.DataFrame(criteria), cy


def test_heatmap_shares_by_district():
    criteria, cy = tiny()
    frame = heatmap_frame(criteria, cy[cy["year"] == 2025], NAMES, load_criteria(), "vi", 2025)
    share = frame.set_index(["district", "criterion_id"])["share"]
    assert share[("Huyện A", "17")] == 0.5 and share[("Huyện A", "18")] == 0  # c0 meets 01..16, c1 01..17
    assert share[("Huyện B", "18")] == 1 and share[("Huyện B", "19")] == 0.5  # c2 01..18, c3 all 19
    spec = heatmap_chart(frame, "vi", "t").to_dict()
    (data,) = spec["datasets"].values()
    assert len(data) == 2 * 19
    assert spec["layer"][0]["encoding"]["x"]["title"] == "Tiêu chí"


def test_ranking_puts_the_hardest_first():
    criteria, cy = tiny()
    frame = ranking_frame(criteria, cy[cy["year"] == 2025], load_criteria(), "en", 2025)
    assert list(frame["criterion_id"][:4]) == ["19", "18", "17", "01"]  # ties (all four) in id order
    assert list(frame["met"][:4]) == [1, 2, 3, 4]
    assert frame["criterion"][0] == "19. National defence and security"
    assert ranking_chart(frame, "en", "t").to_dict()["layer"][0]["encoding"]["y"]["sort"][0] == frame["criterion"][0]


def test_criterion_trend_by_district_and_province():
    criteria, cy = tiny()
    frame = criterion_trend_frame(cy, "10", [], NAMES, "vi")
    share = frame.set_index(["year", "district"])["share"]
    # 2024: c2 (01..10) and c3 (01..11) meet criterion 10; 2025 everyone
    assert share[(2024, "Huyện A")] == 0 and share[(2024, "Huyện B")] == 1 and share[(2024, "Toàn tỉnh")] == 0.5
    assert share[(2025, "Toàn tỉnh")] == 1
    only_a = criterion_trend_frame(cy, "10", ["A"], NAMES, "vi")
    assert set(only_a["district"]) == {"Huyện A", "Toàn tỉnh"}
    assert len(trend_chart(frame, "vi", "t").to_dict()["layer"]) == 2


def test_bands_over_the_years():
    _, cy = tiny()
    frame = band_trend_frame(cy, [], "vi")
    counts = frame.set_index(["year", "band"])["communes"]
    assert counts[(2024, "lt10")] == 2 and counts[(2024, "10_14")] == 2
    assert counts[(2025, "15_18")] == 3 and counts[(2025, "all19")] == 1
    assert frame.groupby("year")["communes"].sum().tolist() == [4, 4]
    spec = bands_chart(frame, "vi", "t").to_dict()
    assert spec["encoding"]["color"]["scale"]["domain"] == [
        "Dưới 10 tiêu chí",
        "10-14 tiêu chí",
        "15-18 tiêu chí",
        "Đủ 19 tiêu chí",
    ]


def test_criteria_page_for_the_province():
    at = run_app("pages/criteria.py")
    assert_clean(at)
    assert len(nodes(at, "vega_lite_chart")) == 5  # four charts, the heatmap twice (wide, and a phone's)
    assert len(nodes(at, "download_button")) >= 12


def test_criteria_page_for_districts_in_english():
    at = run_app("pages/criteria.py", districts=["180", "189"], year=2022, criterion="05", lang="en")
    assert_clean(at)
    assert any(m.value.startswith("Hardest:") for m in at.markdown)
    specs = [chart.proto.spec for chart in at.get("vega_lite_chart")]
    assert any("Criterion 05" in spec for spec in specs)
