"""Progress and pace arithmetic against hand-computed cases."""

import math

import pandas as pd
import pytest

from ntm import metrics
from ntm.targets import (
    applicable_targets,
    headline_progress,
    load_targets,
    needed_trajectory,
    other_scope_targets,
    progress,
    projection,
    recent_pace,
    scaled_target,
    superseded_targets,
    unmeasured_targets,
)

SERIES = pd.Series({2019: 57, 2020: 65, 2021: 72, 2022: 80, 2023: 89})


def test_recent_pace_over_three_years():
    assert recent_pace(SERIES, 2023) == pytest.approx((89 - 65) / 3)
    assert recent_pace(SERIES, 2020) == pytest.approx(8.0)  # only one year of history before


def test_progress_behind():
    p = progress(SERIES, "communes_ntm", 115, 2025, 2023, 181)
    assert p.value == 89 and p.gap == 26 and p.years_left == 2
    assert p.pace_needed == pytest.approx(13.0)
    assert p.pace_recent == pytest.approx(8.0)
    assert p.status == "behind"
    assert p.projected == pytest.approx(105.0)


def test_progress_on_track():
    p = progress(SERIES, "communes_ntm", 100, 2025, 2023)
    assert p.pace_needed == pytest.approx(5.5) and p.status == "on_track"


def test_progress_reached_in_year():
    p = progress(SERIES, "communes_ntm", 70, 2025, 2023)
    assert p.status == "reached" and p.reached_year == 2021 and p.gap == 0


def test_past_target_is_judged_in_its_year():
    p = progress(SERIES, "communes_ntm", 60, 2019, 2023, 207)
    assert p.as_of == 2019 and p.value == 57 and p.status == "missed" and p.gap == 3
    assert math.isinf(p.pace_needed)


def test_trajectory_and_projection():
    line = needed_trajectory(2020, 65, 2025, 115)
    assert line.to_dict() == {2020: 65, 2021: 75, 2022: 85, 2023: 95, 2024: 105, 2025: 115}
    proj = projection(SERIES, 2023, 2025)
    assert proj.to_dict() == {2023: 89, 2024: 97, 2025: 105}


def test_scaled_target_rounds_to_the_nearest_commune_keeping_the_share():
    assert scaled_target(115, 181, 19) == 12  # 12.07 -> 12 (rounding up gave 13: 68 % against 63.5 %)
    assert scaled_target(115, 181, 10) == 6  # 6.35 -> 6
    assert scaled_target(12, 181, 19) == 1  # 1.26 -> 1
    assert scaled_target(1, 181, 10) == 0  # one model commune for the province is not one per district
    assert scaled_target(15, None, 19) == 15


# --- targets of each phase, on the units they were set on (issue 13) -------------------------------


def test_the_provinces_pre_reform_2030_plan_does_not_judge_the_new_communes():
    targets = load_targets()
    for_2026 = applicable_targets(targets, 2026)
    assert set(for_2026.loc[for_2026["year"] == 2030, "scope"]) == {"national"}
    old = superseded_targets(targets, 2026)
    assert sorted(old["metric"]) == ["share_communes_ntm", "share_communes_ntm_advanced"]
    assert set(old["source"]) == {"KH 23/KH-UBND Lạng Sơn (26/01/2023)"} and set(old["value"]) == {80, 30}
    assert superseded_targets(targets, 2025).empty
    assert set(unmeasured_targets(targets, 2025)["metric"]) == {"model_residential_areas_new", "districts_ntm_new"}


def test_2026_is_judged_against_the_national_2030_targets(demo):
    result = {p.metric: p for p in headline_progress(demo.commune_year, load_targets(), 2026)}
    assert list(result) == ["share_communes_ntm", "share_communes_ntm_modern"]
    share = result["share_communes_ntm"]
    assert (share.scope, share.target_year, share.target, share.communes) == ("national", 2030, 0.65, 61)
    assert share.value == pytest.approx(9 / 61) and share.years_left == 4
    # one year of the new phase: the pace is the old communes' of 2022-2025 (on their own 19 criteria)
    old = metrics.yearly_series(demo.commune_year, "share_communes_ntm", lineage="ntm19")
    assert share.pace_basis == "previous" and share.pace_recent == pytest.approx((old[2025] - old[2022]) / 3)
    assert share.status == "behind"
    modern = result["share_communes_ntm_modern"]
    assert modern.status == "no_pace" and modern.value == 0 and modern.pace_needed == pytest.approx(0.025)


def test_a_provincial_target_an_editor_adds_for_the_new_communes_is_the_one_judged(demo):
    added = {"scope": "province", "year": 2030, "metric": "share_communes_ntm", "value": 70.0, "denominator": None}
    row = {**added, "comparison": "at_least", "note": "", "source": "t", "units": "new"}
    targets = pd.concat([load_targets(), pd.DataFrame([row])], ignore_index=True)
    share = next(p for p in headline_progress(demo.commune_year, targets, 2026) if p.metric == "share_communes_ntm")
    assert (share.scope, share.target) == ("province", 0.7)
    reference = other_scope_targets(targets, "share_communes_ntm", 2030, "province")
    assert reference["value"].tolist() == [65]  # the national target stays beside it
    assert metrics.metric("share_communes_ntm").target_value(65) == 0.65


def test_unmeasured_targets_of_a_year_without_any_target_is_an_empty_table_with_its_reason():
    """2015 has no target in force: the overview's notes read an empty table's `reason` (an empty list
    used as a mask selected no columns and raised KeyError 'reason' under the load benchmark)."""
    from ntm.views.overview import target_notes

    targets = load_targets()
    empty = unmeasured_targets(targets, 2015)
    assert empty.empty and "reason" in empty.columns
    assert target_notes([], targets, 2015, 181, "vi") == []
