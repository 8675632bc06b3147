"""The illustrative demo dataset reproduces the published provincial figures and is plausible."""

import pandas as pd
import pytest

from ntm import metrics
from ntm.build.demo import NEW_PATH, generate_all
from ntm.paths import PUBLISHED
from ntm.registry import formed_from, load_new_units
from ntm.targets import load_published

PUBLISHED_FIGURES = load_published()


def published(metric, year, denominator=None):
    rows = PUBLISHED_FIGURES[
        (PUBLISHED_FIGURES.scope == "province")
        & (PUBLISHED_FIGURES.metric == metric)
        & (PUBLISHED_FIGURES.year == year)
    ]
    if denominator is not None:
        rows = rows[rows.denominator == denominator]
    assert len(rows) == 1, (metric, year)
    return float(rows.iloc[0].value)


def year_summary(demo, year):
    return metrics.summary(metrics.select(demo.commune_year, year))


def test_covers_2015_to_2026_with_the_units_in_force(demo):
    assert demo.years == list(range(2015, 2027))
    for year in range(2015, 2024):
        assert year_summary(demo, year)["communes"] == 181
    for year in (2024, 2025):
        assert year_summary(demo, year)["communes"] == 175
    dissolved = set(demo.registry.loc[demo.registry.provisional, "code"])
    present = set(demo.commune_year.loc[demo.commune_year.year == 2023, "commune_code"])
    assert dissolved <= present
    assert not dissolved & set(demo.commune_year.loc[demo.commune_year.year == 2024, "commune_code"])
    new = metrics.select(demo.commune_year, 2026)  # the 61 new communes of 1 July 2025, no ward
    units = load_new_units()
    assert set(new["commune_code"]) == set(units.loc[units["type"] == "Xã", "code"]) and len(new) == 61
    assert new["new_unit"].all() and not demo.commune_year.loc[demo.commune_year.year <= 2025, "new_unit"].any()
    assert set(new["criteria_set"]) == {"2026-2030"} and (new["n_criteria"] == 10).all()
    assert set(demo.criteria.loc[demo.criteria.year == 2026, "criterion_id"]) == {f"{i:02d}" for i in range(1, 11)}


@pytest.mark.parametrize("year", [2015, 2017, 2018])
def test_communes_meeting_the_standard(demo, year):
    assert year_summary(demo, year)["communes_ntm"] == published("communes_ntm", year)


def test_communes_meeting_the_standard_2020_on_181_list(demo):
    assert year_summary(demo, 2020)["communes_ntm"] == published("communes_ntm", 2020, 181) == 65


@pytest.mark.parametrize("year,expected", [(2018, 10.04), (2020, 12.7)])
def test_average_criteria(demo, year, expected):
    assert published("avg_criteria", year) == expected
    assert year_summary(demo, year)["avg_criteria"] == pytest.approx(expected, abs=0.1)


def test_no_commune_below_5_criteria_in_2018(demo):
    assert year_summary(demo, 2018)["min_criteria"] >= published("min_criteria", 2018) == 5


def test_2018_counts_per_criterion_within_3(demo):
    counts = metrics.criterion_counts(demo.criteria, metrics.select(demo.commune_year, 2018)).set_index("criterion_id")
    rows = PUBLISHED_FIGURES[
        PUBLISHED_FIGURES.metric.str.startswith("criterion_met:") & (PUBLISHED_FIGURES.year == 2018)
    ]
    assert len(rows) == 8
    for row in rows.itertuples():
        criterion = row.metric.split(":")[1]
        assert abs(counts.loc[criterion, "met"] - row.value) <= 3, criterion


def test_seven_advanced_communes_in_2020(demo):
    assert year_summary(demo, 2020)["communes_ntm_advanced"] == published("communes_ntm_advanced", 2020) == 7


def test_recognised_communes_meet_all_their_criteria_and_levels_are_consistent(demo):
    cy = demo.commune_year
    recognised = cy[cy.level != "none"]
    assert (recognised.criteria_met == recognised.n_criteria).all()  # 19 to 2025, 10 in 2026
    assert (cy[cy.level == "none"].criteria_met < cy[cy.level == "none"].n_criteria).all()
    assert (recognised.recognised_year <= recognised.year).all()
    assert cy[cy.level == "none"].recognised_year.isna().all()


def test_levels_never_go_down_and_criteria_gained_more_than_lost(demo):
    old = demo.commune_year[~demo.commune_year["new_unit"]]  # an old commune's own history, 2015-2025
    wide = old.pivot(index="commune_code", columns="year", values="level_rank")
    steps = wide.diff(axis=1).stack().dropna()
    assert (steps >= 0).all()
    criteria = demo.criteria[demo.criteria["year"] <= 2025]
    met = criteria.pivot_table(index=["commune_code", "criterion_id"], columns="year", values="met")
    change = met.astype(float).diff(axis=1).stack().dropna()
    gains, losses = int((change > 0).sum()), int((change < 0).sum())
    assert gains > 10 * max(losses, 1)


def test_city_first_border_districts_lag(demo):
    cy = metrics.select(demo.commune_year, 2015)
    table = metrics.district_table(cy).set_index("district_code")
    assert table.loc["178", "share_ntm"] == 1.0  # Lạng Sơn city's communes done first
    late = metrics.district_table(metrics.select(demo.commune_year, 2025)).set_index("district_code")
    border = ["180", "182", "188", "189"]
    inner = ["185", "186", "187"]
    assert late.loc[border, "share_ntm"].mean() < late.loc[inner, "share_ntm"].mean() - 0.2


def test_generator_is_deterministic_and_matches_the_committed_files(demo, registry):
    criteria, levels = generate_all(registry, pd.read_csv(PUBLISHED))
    key = ["commune_code", "year", "criterion_id"]
    ours = criteria.sort_values(key, ignore_index=True)
    committed = demo.criteria.sort_values(key, ignore_index=True)
    assert ours[key + ["met"]].astype(str).equals(committed[key + ["met"]].astype(str))
    assert len(levels) == len(demo.levels)


# --- 2026: the new communes on the 10 criteria, from where their old communes stood in 2025 ---------


def old_standing(demo, new_code: str) -> tuple[float, float]:
    """(share of its old communes meeting the standard in 2025, their average share of the 19 criteria)."""
    old = formed_from(demo.registry, new_code)
    rows = metrics.select(demo.commune_year, 2025)
    rows = rows[rows["commune_code"].isin(old["old_code"])]
    return float((rows["level"] != "none").mean()), float(rows["criteria_met"].mean() / 19)


def test_2026_province_totals_are_the_illustrative_path(demo):
    summary = year_summary(demo, 2026)
    assert summary["communes"] == 61 and summary["n_criteria"] == 10
    assert summary["communes_ntm"] == NEW_PATH["communes_ntm"] == 9
    assert summary["avg_criteria"] == pytest.approx(NEW_PATH["avg_criteria"], abs=0.1)
    assert summary["communes_ntm_modern"] == NEW_PATH["communes_ntm_modern"] == 0
    assert summary["levels"] == {"none": 52, "standard": 9, "modern": 0}
    # a stricter set on new communes: a lower share than the old communes' 60.6 % in 2025
    assert summary["share_ntm"] < year_summary(demo, 2025)["share_ntm"]
    assert summary["avg_criteria"] / 10 < year_summary(demo, 2025)["avg_criteria"] / 19


def test_2026_follows_where_the_old_communes_stood_in_2025(demo):
    new = metrics.select(demo.commune_year, 2026)
    standing = pd.DataFrame(
        [(code, *old_standing(demo, code)) for code in new["commune_code"]], columns=["code", "ntm", "criteria"]
    ).set_index("code")
    met = new.set_index("commune_code")["criteria_met"]
    assert met.rank().corr(standing["criteria"].rank()) > 0.8  # Spearman, without SciPy
    recognised = new.loc[new["level"] == "standard", "commune_code"]
    assert (standing.loc[recognised, "ntm"] == 1).all()  # only where every old commune met the standard
    weak = standing["criteria"] < standing["criteria"].quantile(0.25)
    assert met[weak].mean() < met[~weak].mean() - 2
    assert (new.loc[new["level"] == "standard", "recognised_year"] == 2026).all()  # no title carried over
