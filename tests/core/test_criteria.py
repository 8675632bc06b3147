import pandas as pd
import pytest

from ntm.criteria import (
    CRITERION_IDS,
    GROUPS,
    LEVEL_RANK,
    comparable,
    criteria_ids,
    criteria_sets,
    criterion_labels,
    criterion_name,
    load_catalogue,
    load_commune_groups,
    load_criteria,
    load_sets,
    set_for_year,
)
from ntm.paths import CRITERIA, CRITERIA_LEVELS, CRITERIA_SETS, SHARED
from ntm.targets import load_published, load_targets


def test_catalogue_has_the_19_criteria():
    catalogue = load_criteria()
    assert tuple(catalogue["criterion_id"]) == CRITERION_IDS == tuple(f"{i:02d}" for i in range(1, 20))
    assert catalogue["name_vi"].str.len().gt(0).all() and catalogue["name_en"].str.len().gt(0).all()
    assert set(catalogue["group"]) == {
        "planning",
        "infrastructure",
        "economy",
        "culture_society_environment",
        "political_system",
    }


def test_criterion_names_by_phase():
    catalogue = load_criteria()
    assert criterion_name(catalogue, "11", "vi", 2018) == "Hộ nghèo"
    assert criterion_name(catalogue, "11", "vi", 2022) == "Nghèo đa chiều"
    assert criterion_name(catalogue, "11", "en") == "Multidimensional poverty"


def test_targets_keep_their_denominators():
    targets = load_targets()
    row = targets[(targets.metric == "communes_ntm") & (targets.year == 2025)].iloc[0]
    assert (row.value, row.denominator) == (115, 181)
    assert {"scope", "year", "metric", "value", "denominator", "source"} <= set(targets.columns)


@pytest.mark.shared_data
def test_project_facts_match_the_shared_reference():
    for ours, theirs in ((load_targets(), "targets.csv"), (load_published(), "published_figures.csv")):
        reference = pd.read_csv(SHARED / "reference" / theirs)
        key = ["scope", "year", "metric", "value", "denominator"]
        assert ours[key].astype(str).equals(reference[key].astype(str))


# --- criteria sets by phase (issue 13) -------------------------------------------------------------


def test_each_phase_has_its_set_and_a_year_maps_to_one():
    sets = criteria_sets()
    assert [s.id for s in sets] == ["2010-2015", "2016-2020", "2021-2025", "2026-2030"]
    assert [s.n for s in sets] == [19, 19, 19, 10]
    assert sets[0].first_year == 2010 and sets[-1].last_year == 2030
    assert all(a.last_year + 1 == b.first_year for a, b in zip(sets, sets[1:]))
    assert set_for_year(2025).id == "2021-2025" and set_for_year(2026).id == "2026-2030"
    assert set_for_year(2018).id == "2016-2020" and set_for_year(2015).id == "2010-2015"
    assert criteria_ids(2026) == tuple(f"{i:02d}" for i in range(1, 11)) == criteria_ids("2026-2030")
    assert criteria_ids(2025) == CRITERION_IDS
    assert comparable(2016, 2025) and not comparable(2025, 2026)  # 19 criteria are never joined to 10
    with pytest.raises(ValueError):
        set_for_year(2031)


def test_every_criterion_of_every_phase_says_what_it_asks():
    catalogue = load_catalogue()
    assert len(catalogue) == 3 * 19 + 10
    assert catalogue["description_vi"].str.len().gt(20).all() and catalogue["description_en"].str.len().gt(20).all()
    assert set(catalogue["group"]) <= set(GROUPS)
    assert "chuyển đổi số" in criterion_labels(catalogue, "vi", 2026)["07"].lower()
    seven = catalogue.set_index(["criteria_set", "criterion_id"]).loc[("2026-2030", "07")]
    assert "chuyển đổi số" in seven["description_vi"] and seven["related_previous"] == "08"
    assert criterion_name(catalogue, "07", "vi", 2025) == "Cơ sở hạ tầng thương mại nông thôn"
    assert criterion_name(catalogue, "07", "en", 2026) == "Science and technology and digital transformation"
    assert criterion_name(catalogue, "12", "vi", 2014) == "Tỷ lệ lao động có việc làm thường xuyên"


def test_levels_and_bands_are_data_of_each_set():
    by_id = {s.id: s for s in criteria_sets()}
    assert by_id["2026-2030"].levels == ("none", "standard", "modern")  # advanced/model not confirmed
    assert by_id["2021-2025"].levels == ("none", "standard", "advanced", "model")
    assert by_id["2010-2015"].levels == ("none", "standard")
    assert LEVEL_RANK == {"none": 0, "standard": 1, "advanced": 2, "model": 3, "modern": 4}
    assert [b[0] for b in by_id["2021-2025"].bands] == ["lt10", "10_14", "15_18", "all19"]
    assert by_id["2026-2030"].bands == (("lt5", 0, 4), ("5_7", 5, 7), ("8_9", 8, 9), ("all10", 10, 10))


def test_an_editor_changes_a_phase_in_the_files_and_no_code_assumes_a_number(tmp_path):
    """An eleventh 2026-2030 criterion and the advanced level confirmed for 2026-2030: only data."""
    catalogue = pd.read_csv(CRITERIA, dtype=str, keep_default_na=False)
    extra = catalogue[catalogue["criteria_set"] == "2026-2030"].tail(1).assign(criterion_id="11", name_vi="Mới")
    pd.concat([catalogue, extra]).to_csv(tmp_path / "criteria.csv", index=False)
    levels = pd.read_csv(CRITERIA_LEVELS, dtype=str, keep_default_na=False)
    advanced = levels[(levels["criteria_set"] == "2021-2025") & (levels["level"] == "advanced")]
    pd.concat([levels, advanced.assign(criteria_set="2026-2030")]).to_csv(tmp_path / "levels.csv", index=False)
    sets = pd.read_csv(CRITERIA_SETS, dtype=str, keep_default_na=False)
    sets.loc[sets["criteria_set"] == "2026-2030", "bands"] = "5;8;10"
    sets.to_csv(tmp_path / "sets.csv", index=False)
    new = load_sets(tmp_path / "sets.csv", tmp_path / "criteria.csv", tmp_path / "levels.csv")[-1]
    assert new.n == 11 and new.criteria[-1] == "11" and new.bands[-1] == ("all11", 11, 11)
    assert new.levels == ("none", "standard", "advanced", "modern")
    sets.loc[sets["criteria_set"] == "2026-2030", "first_year"] = "2027"
    sets.to_csv(tmp_path / "gap.csv", index=False)
    with pytest.raises(ValueError, match="gap or overlap"):
        load_sets(tmp_path / "gap.csv", tmp_path / "criteria.csv", tmp_path / "levels.csv")


def test_commune_groups_of_the_new_communes_say_whether_they_are_illustrative():
    from ntm.registry import load_new_units

    groups = load_commune_groups()
    units = load_new_units()
    assert set(groups["commune_code"]) == set(units.loc[units["type"] == "Xã", "code"])  # 61, no ward
    assert set(groups["group"]) == {1, 2, 3}
    assert set(groups["status"]) == {"demo"} and groups["basis_vi"].str.startswith("minh họa").all()


@pytest.mark.shared_data
def test_criteria_names_match_the_shared_reference():
    catalogue = load_catalogue().set_index(["criteria_set", "criterion_id"])
    reference = pd.read_csv(SHARED / "reference" / "ntm_criteria.csv", dtype=str, keep_default_na=False)
    for row in reference.itertuples():
        assert catalogue.loc[("2021-2025", row.criterion_id), ["name_vi", "name_en"]].tolist() == [
            row.name_vi,
            row.name_en,
        ]
        assert catalogue.loc[("2016-2020", row.criterion_id), "name_vi"] == row.phase_2016_2020_name_vi
    new = pd.read_csv(SHARED / "reference" / "ntm_criteria_2026-2030.csv", dtype=str, keep_default_na=False)
    for row in new.itertuples():
        assert catalogue.loc[("2026-2030", row.criterion_id), ["name_vi", "name_en"]].tolist() == [
            row.name_vi,
            row.name_en,
        ]
