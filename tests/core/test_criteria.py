import pandas as pd
import pytest

from ntm.criteria import CRITERION_IDS, criterion_name, load_criteria
from ntm.paths import SHARED
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
