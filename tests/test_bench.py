"""The benchmark's national dataset and floor are what the benchmark says they are (no timings here)."""
import pytest

from ntm import metrics
from ntm.bench import app_pages, floor_shares, national_registry, national_tables, report
from ntm.criteria import CRITERION_IDS
from ntm.dataset import Dataset, validate_tables


@pytest.fixture(scope="module")
def national():
    registry = national_registry()
    criteria, levels = national_tables(registry)
    validate_tables(criteria, levels, registry)
    return Dataset(criteria, levels, registry)


def test_national_dataset_covers_every_unit_19_criteria_2015_2025(national):
    assert len(national.registry) == 10047
    assert national.registry["district_code"].nunique() == 691
    assert len(national.criteria) == 10047 * 11 * len(CRITERION_IDS)
    assert national.years == list(range(2015, 2026))


def test_floor_computes_the_same_shares_as_the_district_table(national):
    floor = floor_shares(national.commune_year, 2025)
    table = metrics.district_table(metrics.select(national.commune_year, 2025)).set_index("district_code")
    assert len(floor) == 691
    assert (floor.rename(index=str).sort_index() - table["share_ntm"].sort_index()).abs().max() < 1e-12


def test_benchmark_covers_every_registered_page_and_flags_budgets():
    assert "pages/overview.py" in app_pages()
    text = report({"filter_change_national_s": 2.0, "peak_memory_mb": 100.0})
    assert "budget 1: OVER" in text and "budget 1024: OK" in text
