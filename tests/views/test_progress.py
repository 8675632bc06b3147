"""Projection, pace and progress-frame arithmetic against hand-computed cases."""

import pandas as pd
import pytest
from progress_fixtures import commune_year, published, sources, targets

from ntm.targets import load_published, load_targets, progress
from ntm.views.progress import (
    baseline_year,
    close_out,
    close_out_table,
    denominators_sentence,
    metric_targets,
    progress_frame,
    projected_shortfall,
    published_figures,
    reach_year,
    verdict,
)

SERIES = pd.Series({2019: 57, 2020: 65, 2021: 72, 2022: 80, 2023: 89})


def test_reach_year_at_a_pace():
    assert reach_year(89, 8, 115, 2023) == 2027  # 26 / 8 = 3.25 years -> 4
    assert reach_year(89, 13, 115, 2023) == 2025  # exactly two years
    assert reach_year(120, 8, 115, 2023) == 2023
    assert reach_year(89, 0, 115, 2023) is None
    assert reach_year(89, -1, 115, 2023) is None


def test_projected_shortfall_at_the_recent_pace():
    behind = progress(SERIES, "communes_ntm", 115, 2025, 2023, 181)
    assert projected_shortfall(behind) == pytest.approx(10.0)  # 89 + 2 * 8 = 105
    on_track = progress(SERIES, "communes_ntm", 100, 2025, 2023)
    assert projected_shortfall(on_track) == 0
    missed = progress(SERIES, "communes_ntm", 60, 2019, 2023)
    assert projected_shortfall(missed) == 3


def test_baseline_year_is_the_plan_start_when_present():
    assert baseline_year(SERIES, 2025) == 2020
    assert baseline_year(SERIES[SERIES.index >= 2021], 2025) == 2021
    assert baseline_year(SERIES, 2020) == 2019
    assert baseline_year(SERIES, 2019) is None


def test_province_targets_keep_their_denominator():
    goals = metric_targets(targets(), "communes_ntm")
    assert goals[["year", "value", "denominator"]].values.tolist() == [[2022, 9, 20], [2025, 18, 20]]


def test_district_selection_gets_pro_rata_count_targets_rounded_to_nearest():
    goals = metric_targets(targets(), "communes_ntm", ["A"], communes=7)
    # 9 * 7 / 20 = 3.15 -> 3 ; 18 * 7 / 20 = 6.3 -> 6 (the province's share, not rounded up)
    assert goals["value"].tolist() == [3, 6] and goals["denominator"].tolist() == [7, 7]
    average = metric_targets(targets(), "avg_criteria", ["A"], communes=7)
    assert average["value"].tolist() == [15]


def test_district_own_targets_are_used_where_every_district_has_one():
    own = pd.DataFrame(
        {
            "scope": ["district:A", "district:B"],
            "year": [2025, 2025],
            "metric": "communes_ntm",
            "value": [5.0, 3.0],
            "denominator": [10.0, 10.0],
            "comparison": "at_least",
            "note": "",
            "source": "s3",
        }
    )
    table = pd.concat([targets(), own], ignore_index=True)
    assert metric_targets(table, "communes_ntm", ["A"], communes=10).set_index("year")["value"][2025] == 5
    both = metric_targets(table, "communes_ntm", ["A", "B"], communes=20).set_index("year")
    assert both.loc[2025, "value"] == 8 and both.loc[2025, "denominator"] == 20
    assert both.loc[2022, "value"] == 9  # no district target for 2022: pro rata 9 * 20 / 20


def test_published_figures_for_the_province_a_district_or_none():
    assert published_figures(published(), "communes_ntm")["year"].tolist() == [2021, 2024]
    assert published_figures(published(), "communes_ntm", as_of=2023)["year"].tolist() == [2021]
    assert published_figures(published(), "communes_ntm", ["A"])["note"].tolist() == ["district"]
    assert published_figures(published(), "communes_ntm", ["A", "B"]).empty


def test_progress_frame_for_the_province():
    frame, result = progress_frame(commune_year(), targets(), published(), "communes_ntm", [], 2023, sources=sources())
    by_kind = {kind: group.set_index("year")["value"].to_dict() for kind, group in frame.groupby("kind")}
    assert by_kind["actual"] == {2019: 4, 2020: 6, 2021: 8, 2022: 10, 2023: 12}
    assert by_kind["published"] == {2021: 7}
    assert by_kind["target"] == {2022: 9, 2025: 18}
    # from the 2020 baseline (6) to 18 in 2025: 2.4 a year
    assert by_kind["trajectory"] == pytest.approx({2020: 6, 2021: 8.4, 2022: 10.8, 2023: 13.2, 2024: 15.6, 2025: 18})
    # pace of the last three years: (12 - 6) / 3 = 2 a year
    assert by_kind["projection"] == pytest.approx({2023: 12, 2024: 14, 2025: 16})
    assert frame.loc[frame["kind"] == "published", "source"].tolist() == ["Báo cáo"]
    assert frame.loc[frame["kind"] == "target", "label"].tolist() == ["9/20", "18/20"]
    assert result.status == "behind" and result.target == 18
    assert verdict(result) == (
        "Chậm tiến độ: theo nhịp 3 năm qua (2,0/năm), đến năm 2025 còn thiếu 2 xã so với mục tiêu 18/20."
    )


def test_progress_frame_for_a_district():
    frame, result = progress_frame(
        commune_year(), targets(), published(), "communes_ntm", ["A"], 2023, sources=sources()
    )
    # district A holds every standard commune but has 10 of the 20: targets 9 * 10 / 20 = 4.5 -> 5, then 9
    assert frame.loc[frame["kind"] == "target", "value"].tolist() == [5, 9]
    assert frame.loc[frame["kind"] == "published", "note"].tolist() == ["district"]
    assert result.status == "reached" and result.reached_year == 2022
    assert verdict(result, "en") == "The 2025 target (9/10) was reached in 2022."


def test_verdict_on_track_names_the_year_and_missed_names_the_gap():
    on_track = progress(SERIES, "communes_ntm", 100, 2025, 2023, 181)
    assert verdict(on_track, "en") == (
        "On track: at the last 3 years' pace (8.0 a year), the 2025 target (100/181) is reached in 2025."
    )
    missed = progress(SERIES, "avg_criteria", 60.5, 2019, 2023)
    assert verdict(missed) == "Không đạt: năm 2019 còn thiếu 3,5 tiêu chí/xã so với mục tiêu 60,5."


def test_english_verdict_says_one_criterion_and_one_commune():
    one_short = pd.Series({2019: 9.0, 2020: 9.0})
    assert verdict(progress(one_short, "min_criteria", 10, 2020, 2020), "en") == (
        "Missed: 1 criterion short of the 2020 target (10)."
    )
    assert "1 commune short" in verdict(
        progress(pd.Series({2019: 8, 2020: 9}), "communes_ntm", 10, 2020, 2020, 181), "en"
    )
    assert "2 communes short" in verdict(
        progress(pd.Series({2019: 8, 2020: 8}), "communes_ntm", 10, 2020, 2020, 181), "en"
    )


# --- across the 2025 reform (issue 13) -----------------------------------------------------------


def test_a_2026_chart_never_joins_the_phases(demo):
    frame, result = progress_frame(
        demo.commune_year, load_targets(), load_published(), "share_communes_ntm", [], 2026, "vi"
    )
    kinds = {kind: group for kind, group in frame.groupby("kind")}
    assert kinds["actual"]["year"].tolist() == [2026]  # the new communes on the 10 criteria only
    assert kinds["previous"]["year"].tolist() == list(range(2015, 2026))  # its own series, another colour
    assert kinds["boundary"]["year"].tolist() == [2026]
    assert kinds["national"][["year", "value", "label"]].values.tolist() == [[2030, 0.65, "65 % (cả nước)"]]
    assert "target" not in kinds  # the province's 2030 plan was made on the old communes
    assert kinds["trajectory"]["year"].tolist() == list(range(2026, 2031))
    assert kinds["projection_previous"]["year"].tolist() == list(range(2026, 2031))
    assert result.scope == "national" and result.pace_basis == "previous" and result.status == "behind"
    assert verdict(result) == (
        "Chậm tiến độ nếu chỉ giữ nhịp 2022-2025 của các xã cũ (5,5 điểm %/năm): đến năm 2030 còn thiếu "
        "28,4 điểm % so với mục tiêu 65 % (cả nước)."
    )
    old, _ = progress_frame(demo.commune_year, load_targets(), load_published(), "communes_ntm", [], 2025, "vi")
    assert set(old["kind"]) == {"actual", "published", "target", "trajectory"}  # 2025: as before the reform
    assert old.loc[old["kind"] == "actual", "year"].max() == 2025


def test_a_first_year_without_any_pace_says_so(demo):
    frame, result = progress_frame(
        demo.commune_year, load_targets(), load_published(), "share_communes_ntm_modern", [], 2026, "en"
    )
    assert result.status == "no_pace" and "projection" not in set(frame["kind"])
    assert verdict(result, "en") == (
        "First year of the phase: 0.0%; needs 2.5 pts a year to reach the 2030 target (10% (national)); "
        "too early to project."
    )


def test_close_out_of_2021_2025_against_the_official_june_2025_figures(demo):
    rows = {row["metric"]: row for row in close_out(demo.commune_year, load_targets(), load_published())}
    ntm = rows["communes_ntm"]
    assert (ntm["target"], ntm["target_denominator"], ntm["data"], ntm["data_communes"]) == (115, 181, 106, 175)
    assert (ntm["official"], ntm["official_denominator"]) == (106, 175) and ntm["official_source"].startswith(
        "vietnam.vn"
    )
    assert (ntm["judged_on"], ntm["status"], ntm["gap"]) == ("official", "missed", 9)
    assert (rows["avg_criteria"]["official"], rows["avg_criteria"]["status"]) == (15.21, "reached")
    assert (rows["communes_ntm_advanced"]["official"], rows["communes_ntm_advanced"]["gap"]) == (28, 4)
    assert (rows["communes_ntm_model"]["official"], rows["communes_ntm_model"]["gap"]) == (10, 2)
    assert rows["min_criteria"]["judged_on"] == "data"  # no official figure: the dataset's
    assert rows["model_residential_areas_new"]["status"] == "unknown"
    shown = close_out_table(list(rows.values()), "en").set_index("Indicator")
    assert shown.loc["Communes meeting the NTM standard", "2025 target"] == "115 of 181 communes (63.5%)"
    assert shown.loc["Communes meeting the NTM standard", "Official figure, June 2025"].startswith(
        "106 of 175 communes (60.6%) · vietnam.vn"
    )
    assert shown.loc["Average criteria per commune", "Last data on the old communes (2025)"] == "15.7"
    assert shown.loc["Fewest criteria in a commune", "Verdict"] == "Missed by 1 criterion (dataset)"
    sentence = denominators_sentence(load_targets(), demo.registry, demo.new_units, "vi")
    assert sentence == (
        "Mẫu số thay đổi: 181 là số xã năm 2021, khi tỉnh đặt mục tiêu 2025; 175 là số xã sau sáp nhập ngày "
        "1/12/2024; từ 1/7/2025 tỉnh còn 61 xã và 4 phường."
    )


def test_district_parts_of_a_province_target_add_up_to_it():
    """With every district's communes known, each district's part is apportioned by largest
    remainders: the parts add up to the province's target (9 and 18 of 20 communes: 7 + 13 weighs
    3.15 + 5.85 -> 3 + 6; 6.3 + 11.7 -> 6 + 12)."""
    weights = {"A": 7, "B": 13}

    def parts(district):
        table = metric_targets(
            targets(), "communes_ntm", [district], communes=weights[district], weights=lambda _: weights
        )
        return table.set_index("year")["value"]

    a, b = parts("A"), parts("B")
    assert (a + b).tolist() == [9, 18]
    assert a.tolist() == [3, 6] and b.tolist() == [6, 12]
