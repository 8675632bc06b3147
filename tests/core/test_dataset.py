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
