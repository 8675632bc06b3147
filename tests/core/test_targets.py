"""Progress and pace arithmetic against hand-computed cases."""

import math

import pandas as pd
import pytest

from ntm.targets import needed_trajectory, progress, projection, recent_pace, scaled_target

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


def test_scaled_target_rounds_up_to_whole_communes():
    assert scaled_target(115, 181, 19) == 13  # 12.07 -> 13
    assert scaled_target(12, 181, 19) == 2
    assert scaled_target(15, None, 19) == 15
