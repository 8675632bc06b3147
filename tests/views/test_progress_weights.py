"""A district's pro-rata target is one number on the progress page and on the overview's cards (issue 14.6):
both apportion the province's count target by the registry's communes (Dataset.expected_communes), never by
the communes that happen to be in a sparse store."""

import pandas as pd
import pytest

from ntm import metrics
from ntm.dataset import Dataset
from ntm.targets import headline_progress, load_targets
from ntm.views.page_chart import PageInputs
from ntm.views.progress import expected_weights, progress_charts

DINH_LAP, BAC_SON = "189", "185"


def first_reports(demo: Dataset, keep: dict[str, int | None], year: int = 2025) -> Dataset:
    """A store holding only `year`'s reports of some districts ({district: its first communes, None for
    all}): nothing of other years or districts."""
    rows = metrics.select(demo.commune_year, year)
    codes = set()
    for district, count in keep.items():
        of_district = rows.loc[rows["district_code"].astype(str) == district, "commune_code"].astype(str)
        codes |= set(sorted(of_district)[:count])

    def kept(frame: pd.DataFrame) -> pd.DataFrame:
        return frame[(frame["year"] == year) & frame["commune_code"].astype(str).isin(codes)]

    return Dataset(kept(demo.criteria), kept(demo.levels), demo.registry, label="sparse")


@pytest.fixture(scope="module")
def inputs(demo):
    from ntm.criteria import load_catalogue
    from ntm.registry import district_names
    from ntm.targets import load_published

    return PageInputs(district_names(demo.registry), load_catalogue(), load_targets(), load_published())


def chart_target(dataset, inputs, districts, metric="communes_ntm", year=2025) -> float:
    for chart, _result, _line in progress_charts(dataset, inputs, year, districts):
        if chart.name == f"tien-do-{metric}-{year}":
            frame = chart.frame
            return float(frame.loc[(frame["kind"] == "target") & (frame["year"] == year), "value"].iloc[0])
    raise AssertionError(f"no {metric} chart")


def card_target(dataset, districts, metric="communes_ntm", year=2025) -> float:
    cards = headline_progress(dataset.commune_year, load_targets(), year, districts, expected=expected_weights(dataset))
    return next(p.target for p in cards if p.metric == metric)


@pytest.mark.parametrize("districts", [[DINH_LAP], [BAC_SON], [DINH_LAP, BAC_SON]])
def test_the_progress_page_and_the_cards_give_a_district_one_target(demo, inputs, districts):
    sparse = first_reports(demo, {DINH_LAP: None, BAC_SON: 5})
    assert chart_target(sparse, inputs, districts) == card_target(sparse, districts)
    assert chart_target(sparse, inputs, districts) == chart_target(demo, inputs, districts)  # as if all reported


def test_dinh_lap_keeps_its_share_of_the_province_target_in_a_sparse_store(demo, inputs):
    sparse = first_reports(demo, {DINH_LAP: None})
    assert chart_target(sparse, inputs, [DINH_LAP]) == 6  # 115 of 181 apportioned by the registry: not 115
