"""The loader rejects broken data with messages that name the row and column."""

import pandas as pd
import pytest

from ntm.dataset import DatasetError, load_dataset, save_dataset, validate_tables


def tables(demo):
    return demo.criteria.copy(), demo.levels.copy()


def test_valid_demo_passes(demo):
    validate_tables(*tables(demo), demo.registry)


def test_unknown_commune_code(demo):
    criteria, levels = tables(demo)
    criteria.loc[5, "commune_code"] = "99999"
    with pytest.raises(DatasetError) as error:
        validate_tables(criteria, levels, demo.registry)
    assert "criteria, dòng 7, cột commune_code" in str(error.value) and "99999" in str(error.value)


def test_year_out_of_range(demo):
    criteria, levels = tables(demo)
    levels["year"] = levels["year"].astype(int)
    levels.loc[0, "year"] = 1990
    with pytest.raises(DatasetError, match="levels, dòng 2, cột year"):
        validate_tables(criteria, levels, demo.registry)


def test_bad_criterion_and_level(demo):
    criteria, levels = tables(demo)
    criteria.loc[0, "criterion_id"] = "20"
    levels.loc[3, "level"] = "gold"
    with pytest.raises(DatasetError) as error:
        validate_tables(criteria, levels, demo.registry)
    columns = {(p[0], p[2]) for p in error.value.problems}
    assert ("criteria", "criterion_id") in columns and ("levels", "level") in columns


def test_missing_column_and_wrong_met_type(demo):
    criteria, levels = tables(demo)
    with pytest.raises(DatasetError, match="thiếu cột"):
        validate_tables(criteria.drop(columns="met"), levels, demo.registry)
    criteria["met"] = criteria["met"].map({True: "yes", False: "no"})
    with pytest.raises(DatasetError, match="cột met"):
        validate_tables(criteria, levels, demo.registry)


def test_duplicates_and_missing_criteria(demo):
    criteria, levels = tables(demo)
    with pytest.raises(DatasetError, match="dòng trùng"):
        validate_tables(pd.concat([criteria, criteria.head(1)], ignore_index=True), levels, demo.registry)
    with pytest.raises(DatasetError, match="không đủ 19 tiêu chí"):
        validate_tables(criteria.iloc[1:], levels, demo.registry)


def test_recognised_commune_needs_a_recognition_year(demo):
    criteria, levels = tables(demo)
    idx = levels.index[levels.level != "none"][0]
    levels.loc[idx, "recognised_year"] = pd.NA
    with pytest.raises(DatasetError, match="recognised_year"):
        validate_tables(criteria, levels, demo.registry)


def test_round_trip(tmp_path, demo):
    save_dataset(tmp_path, demo.criteria, demo.levels)
    again = load_dataset(tmp_path, registry=demo.registry)
    assert again.commune_year[["commune_code", "year", "criteria_met", "level"]].equals(
        demo.commune_year[["commune_code", "year", "criteria_met", "level"]]
    )


# --- the registry and the criteria set of each year (issue 13) ---------------------------------


def new_year_tables(demo):
    return demo.criteria[demo.criteria.year == 2026].copy(), demo.levels[demo.levels.year == 2026].copy()


def test_commune_year_carries_each_rows_set_and_units(demo):
    cy = demo.commune_year
    old, new = cy[cy.year == 2025], cy[cy.year == 2026]
    assert set(old["criteria_set"]) == {"2021-2025"} and set(new["criteria_set"]) == {"2026-2030"}
    assert (old["n_criteria"] == 19).all() and (new["n_criteria"] == 10).all()
    assert not old["new_unit"].any() and new["new_unit"].all()
    assert (old["district_code"].astype(str) == old["former_district_code"].astype(str)).all()
    assert new["district_code"].isna().all()  # districts were abolished: the map goes through the crosswalk
    former = demo.new_units.set_index("code")["former_district_code"]
    assert (new["former_district_code"].astype(str) == new["commune_code"].map(former)).all()
    assert new["commune_group"].notna().all() and old["commune_group"].isna().all()
    assert not new[[f"c{i:02d}" for i in range(11, 20)]].any().any()  # 10 criteria: c11..c19 unused
    assert (new["criteria_met"] == new[[f"c{i:02d}" for i in range(1, 11)]].sum(axis=1)).all()
    # a code is a unit only with its year: 06001 is old Xã Đoàn Kết to 2025, the new one in 2026
    assert demo.names(2025)["06040"] == "Thị trấn Thất Khê" and demo.names(2026)["06040"] == "Xã Thất Khê"


def test_new_year_rows_are_checked_against_the_new_units_and_their_set(demo):
    criteria, levels = new_year_tables(demo)
    validate_tables(criteria, levels, demo.registry)
    bad = criteria.copy()
    bad.loc[bad.index[0], "criterion_id"] = "11"
    with pytest.raises(DatasetError, match="bộ 2026-2030 phải từ 01 đến 10"):
        validate_tables(bad, levels, demo.registry)
    with pytest.raises(DatasetError, match="không đủ 10 tiêu chí"):
        validate_tables(criteria.iloc[1:], levels, demo.registry)
    gone = criteria.assign(commune_code=criteria["commune_code"].replace({"06001": "06010"}))  # Cao Minh, old only
    with pytest.raises(DatasetError, match="danh mục xã mới từ 1/7/2025: 06010"):
        validate_tables(gone, levels.replace({"06001": "06010"}), demo.registry)
    ward = criteria.assign(commune_code=criteria["commune_code"].replace({"06001": "05977"}))  # Phường Đông Kinh
    with pytest.raises(DatasetError, match="05977"):
        validate_tables(ward, levels.replace({"06001": "05977"}), demo.registry)
    advanced = levels.copy()
    advanced.loc[advanced.index[0], ["level", "recognised_year"]] = ["advanced", 2026]
    with pytest.raises(DatasetError, match="standard, modern"):
        validate_tables(criteria, advanced, demo.registry)
