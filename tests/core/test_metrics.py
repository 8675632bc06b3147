"""Metrics against small hand-computed fixtures."""

import math

import pandas as pd
import pytest

from ntm import metrics
from ntm.dataset import Dataset

REGISTRY = pd.DataFrame(
    {
        "code": ["A1", "A2", "B1", "B2"],
        "district_code": ["D1", "D1", "D2", "D2"],
        "type": "Xã",
    }
)


def fixture_dataset() -> Dataset:
    # 2024: A1 all 19 (standard), A2 9 met, B1 19 (advanced), B2 15 met.
    # 2025: A1 19 (model), A2 12, B1 19 (advanced), B2 19 (standard)
    met = {
        ("A1", 2024): 19,
        ("A2", 2024): 9,
        ("B1", 2024): 19,
        ("B2", 2024): 15,
        ("A1", 2025): 19,
        ("A2", 2025): 12,
        ("B1", 2025): 19,
        ("B2", 2025): 19,
    }
    rows = [
        {"commune_code": c, "year": y, "criterion_id": f"{k:02d}", "met": k <= n}
        for (c, y), n in met.items()
        for k in range(1, 20)
    ]
    levels = pd.DataFrame(
        [
            ("A1", 2024, "standard", 2020),
            ("A2", 2024, "none", None),
            ("B1", 2024, "advanced", 2018),
            ("B2", 2024, "none", None),
            ("A1", 2025, "model", 2020),
            ("A2", 2025, "none", None),
            ("B1", 2025, "advanced", 2018),
            ("B2", 2025, "standard", 2025),
        ],
        columns=["commune_code", "year", "level", "recognised_year"],
    )
    return Dataset(pd.DataFrame(rows), levels, REGISTRY)


@pytest.fixture()
def ds():
    return fixture_dataset()


def test_summary_of_a_year(ds):
    s = metrics.summary(metrics.select(ds.commune_year, 2024))
    assert s["communes"] == 4
    assert s["communes_ntm"] == 2 and s["share_ntm"] == 0.5
    assert s["communes_ntm_advanced"] == 1 and s["communes_ntm_model"] == 0
    assert s["avg_criteria"] == pytest.approx((19 + 9 + 19 + 15) / 4)
    assert s["min_criteria"] == 9
    assert s["communes_below_10"] == 1
    assert s["levels"] == {"none": 2, "standard": 1, "advanced": 1, "model": 0}
    assert s["bands"] == {"lt10": 1, "10_14": 0, "15_18": 1, "all19": 2}


def test_selection_of_districts(ds):
    s = metrics.summary(metrics.select(ds.commune_year, 2025, ["D1"]))
    assert s["communes"] == 2 and s["communes_ntm"] == 1 and s["communes_ntm_model"] == 1
    assert s["avg_criteria"] == pytest.approx(15.5)


def test_criterion_counts(ds):
    table = metrics.criterion_counts(ds.criteria, metrics.select(ds.commune_year, 2024)).set_index("criterion_id")
    assert table.loc["01", "met"] == 4
    assert table.loc["10", "met"] == 3  # A2 stops at 9
    assert table.loc["16", "met"] == 2  # B2 stops at 15
    assert table.loc["16", "share"] == 0.5


def test_district_table(ds):
    table = metrics.district_table(metrics.select(ds.commune_year, 2024)).set_index("district_code")
    assert table.loc["D1", "communes_ntm"] == 1 and table.loc["D1", "share_ntm"] == 0.5
    assert table.loc["D1", "min_criteria"] == 9
    assert table.loc["D2", "avg_criteria"] == pytest.approx(17.0)
    assert table.loc["D2", "band_15_18"] == 1 and table.loc["D2", "band_all19"] == 1


def test_district_criterion_shares(ds):
    table = metrics.district_criterion_shares(ds.criteria, metrics.select(ds.commune_year, 2024))
    row = table[(table.district_code == "D2") & (table.criterion_id == "16")].iloc[0]
    assert (row.met, row.communes, row.share) == (1, 2, 0.5)


def test_yearly_series(ds):
    assert metrics.yearly_series(ds.commune_year, "communes_ntm").to_dict() == {2024: 2, 2025: 3}
    assert metrics.yearly_series(ds.commune_year, "min_criteria", ["D2"]).to_dict() == {2024: 15, 2025: 19}


def test_empty_selection_gives_nan_not_an_error(ds):
    s = metrics.summary(metrics.select(ds.commune_year, 2030))
    assert s["communes"] == 0 and math.isnan(s["share_ntm"]) and math.isnan(s["avg_criteria"])


# --- a year of the 2026-2030 set on the new communes (issue 13) -------------------------------------


def phase_dataset() -> Dataset:
    """2025: A1, A2 (district D1) on 19 criteria; 2026: the new communes 06001 and 06004 (former district
    180) on 10 criteria, 06001 standard with 10, 06004 modern with 10; and 06019 (180) with 4."""
    registry = pd.DataFrame({"code": ["A1", "A2"], "district_code": ["D1", "D1"], "type": "Xã"})
    met = {("A1", 2025): 19, ("A2", 2025): 12, ("06001", 2026): 10, ("06004", 2026): 10, ("06019", 2026): 4}
    rows = [
        {"commune_code": c, "year": y, "criterion_id": f"{k:02d}", "met": k <= n}
        for (c, y), n in met.items()
        for k in range(1, (19 if y == 2025 else 10) + 1)
    ]
    levels = pd.DataFrame(
        [
            ("A1", 2025, "standard", 2020),
            ("A2", 2025, "none", None),
            ("06001", 2026, "standard", 2026),
            ("06004", 2026, "modern", 2026),
            ("06019", 2026, "none", None),
        ],
        columns=["commune_code", "year", "level", "recognised_year"],
    )
    return Dataset(pd.DataFrame(rows), levels, registry)


def test_summary_of_a_year_uses_its_criteria_set():
    cy = phase_dataset().commune_year
    s = metrics.summary(metrics.select(cy, 2026))
    assert s["criteria_set"] == "2026-2030" and s["n_criteria"] == 10
    assert s["communes"] == 3 and s["communes_ntm"] == 2 and s["communes_ntm_modern"] == 1
    assert s["share_communes_ntm_modern"] == pytest.approx(1 / 3)
    assert math.isnan(s["communes_ntm_advanced"]) and math.isnan(s["communes_below_10"])  # no such level/bands
    assert s["levels"] == {"none": 1, "standard": 1, "modern": 1}
    assert s["bands"] == {"lt5": 1, "5_7": 0, "8_9": 0, "all10": 2}
    old = metrics.summary(metrics.select(cy, 2025))
    assert old["bands"] == {"lt10": 0, "10_14": 1, "15_18": 0, "all19": 1} and math.isnan(old["communes_ntm_modern"])


def test_new_communes_are_counted_by_former_district():
    cy = phase_dataset().commune_year
    assert len(metrics.select(cy, 2026, ["180"])) == 3 and metrics.select(cy, 2026, ["D1"]).empty
    table = metrics.district_table(metrics.select(cy, 2026)).set_index("district_code")
    assert list(table.index) == ["180"] and table.loc["180", "communes_ntm_modern"] == 1
    assert "communes_ntm_advanced" not in table.columns and table.loc["180", "band_all10"] == 2
    counts = metrics.criterion_counts(None, metrics.select(cy, 2026))
    assert list(counts["criterion_id"]) == [f"{i:02d}" for i in range(1, 11)] and counts["met"].tolist()[4] == 2
    shares = metrics.district_criterion_shares(None, metrics.select(cy, 2026))
    assert len(shares) == 10 and set(shares["district_code"]) == {"180"}


def test_series_stay_inside_a_lineage_and_a_selection_inside_one_set():
    cy = phase_dataset().commune_year
    assert metrics.yearly_series(cy, "share_ntm", lineage="ntm19").to_dict() == {2025: 0.5}
    assert metrics.yearly_series(cy, "share_ntm", lineage="ntm2026").to_dict() == pytest.approx({2026: 2 / 3})
    with pytest.raises(ValueError, match="several criteria sets"):
        metrics.selection_set(cy)
