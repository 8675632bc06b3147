"""Reporting completeness (issue 14.6) and honest ratios over sparse data (issue 15.2): whatever subset of
communes has reported, every share is at most 100 %, a card's numerator and denominator count the same
communes, and the cards agree with the level bar beside them."""

import re

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ntm import metrics
from ntm.criteria import LEVEL_RANK, criteria_ids, set_for_year
from ntm.dataset import Dataset
from ntm.formatting import fmt_number
from ntm.targets import apportion, communes_per_district, headline_progress, load_targets, prorata_target
from ntm.views.overview import level_frame, progress_card

YEARS = (2022, 2025, 2026)
CARD = re.compile(r"^(?P<count>[\d.]+)/(?P<whole>[\d.]+) xã \((?P<share>[\d,]+) %\)")


def _number(text: str) -> int:
    return int(text.replace(".", ""))


def sparse_dataset(
    demo: Dataset, year: int, chosen: list[int], flags: list[int], ranks: list[int], history: bool = False
) -> Dataset:
    """The demo's registry with, for `year`, only the communes at the positions `chosen` of the year's
    expected communes: each with criteria met from the bits of its `flags` and a level of its `ranks`
    (a level above 'none' only where every criterion is met, as the importer requires); with `history`,
    the demo's complete previous year too (a series with a past, as a store that had it)."""
    expected = demo.expected_communes(year)
    phase = set_for_year(year)
    ids = criteria_ids(year)
    criteria, levels = [], []
    for position, bits, rank in zip(chosen, flags, ranks):
        code = expected["code"].iloc[position % len(expected)]
        if code in {row["commune_code"] for row in levels}:
            continue
        met = [bool((bits >> i) & 1) for i in range(len(ids))]
        higher = [lv for lv in phase.levels if lv != "none"]
        level = higher[rank % len(higher)] if all(met) and rank else "none"
        criteria += [{"commune_code": code, "year": year, "criterion_id": cid, "met": m} for cid, m in zip(ids, met)]
        levels.append(
            {"commune_code": code, "year": year, "level": level, "recognised_year": year if level != "none" else None}
        )
    criteria = pd.DataFrame(criteria).astype({"year": "int16", "met": bool})
    levels = pd.DataFrame(levels).astype({"year": "int16"})
    levels["recognised_year"] = pd.to_numeric(levels["recognised_year"]).astype("Int16")
    if history:
        criteria = pd.concat([demo.criteria[demo.criteria["year"] == year - 1], criteria], ignore_index=True)
        levels = pd.concat([demo.levels[demo.levels["year"] == year - 1], levels], ignore_index=True)
    return Dataset(criteria, levels, demo.registry, label=f"sparse-{year}")


@st.composite
def sparse_cases(draw):
    year = draw(st.sampled_from(YEARS))
    size = draw(st.integers(min_value=1, max_value=40))
    chosen = draw(st.lists(st.integers(min_value=0, max_value=300), min_size=size, max_size=size))
    # mostly communes meeting every criterion, so that levels above 'none' occur
    flags = draw(
        st.lists(
            st.one_of(st.just(2**19 - 1), st.integers(min_value=0, max_value=2**19 - 1)), min_size=size, max_size=size
        )
    )
    ranks = draw(st.lists(st.integers(min_value=0, max_value=3), min_size=size, max_size=size))
    districts = draw(st.lists(st.sampled_from(["178", "180", "181", "185", "186", "189"]), max_size=2, unique=True))
    return year, chosen, flags, ranks, districts, draw(st.booleans())


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(case=sparse_cases())
def test_no_share_exceeds_100_percent_and_cards_agree_with_the_level_bar(demo, case):
    year, chosen, flags, ranks, districts, history = case
    dataset = sparse_dataset(demo, year, chosen, flags, ranks, history)
    selection = metrics.select(dataset.commune_year, year, districts)
    found = metrics.coverage(dataset, year, districts)
    # completeness: the communes counted are those that reported, never more than exist
    assert found.reported == len(selection)
    assert (found.by_district["reported"] <= found.by_district["expected"]).all()
    assert found.reported <= found.expected
    if selection.empty:  # nothing reported here this year: no card reads another year's value as this one's
        expected = lambda y: communes_per_district(dataset.expected_communes(y))  # noqa: E731
        assert headline_progress(dataset.commune_year, load_targets(), year, districts, expected=expected) == []
        return
    phase = set_for_year(year)
    summary = metrics.summary(selection, phase)
    for key, value in summary.items():
        if key in metrics.METRICS and metrics.METRICS[key].percent and not pd.isna(value):
            assert 0 <= value <= 1, (key, value)
    bar = level_frame(summary, "vi").set_index("key")["value"]
    assert bar.sum() == summary["communes"] == len(selection)

    def at_least(level: str) -> int:  # the level bar counts each level alone: cards count 'this level or higher'
        return int(sum(count for lv, count in bar.items() if LEVEL_RANK[lv] >= LEVEL_RANK[level]))

    expected = lambda y: communes_per_district(dataset.expected_communes(y))  # noqa: E731
    cards = headline_progress(dataset.commune_year, load_targets(), year, districts, expected=expected)
    for p in cards:
        entry = metrics.metric(p.metric)
        card = progress_card(p, "vi", found)
        assert p.as_of == year and p.communes == len(selection)
        if entry.percent:
            assert 0 <= p.value <= 1
        match = CARD.match(card["detail"])
        if entry.kind == "count" and p.denominator or entry.percent:
            assert match, card["detail"]
            count, whole = _number(match["count"]), _number(match["whole"])
            assert whole == bar.sum() and count <= whole
            assert float(match["share"].replace(",", ".")) <= 100
            assert count == at_least(entry.level or "standard"), (p.metric, card["detail"], dict(bar))
        if not found.complete:
            assert f"chỉ tính {fmt_number(found.reported)}/{fmt_number(found.expected)} xã đã báo cáo" in card["detail"]
    table = metrics.district_table(selection)
    assert (table["share_ntm"] <= 1).all() and (table["communes_ntm"] <= table["communes"]).all()
    assert table["communes"].sum() == len(selection)


@settings(max_examples=200, deadline=None)
@given(
    total=st.integers(min_value=0, max_value=300),
    weights=st.dictionaries(st.text("0123456789", min_size=3, max_size=3), st.integers(0, 40), min_size=1, max_size=12),
)
def test_apportioned_parts_add_up_and_stay_within_one_of_their_quota(total, weights):
    parts = apportion(total, weights)
    whole = sum(weights.values())
    if whole == 0:
        assert set(parts.values()) <= {0}
        return
    assert sum(parts.values()) == total
    for key, weight in weights.items():
        quota = total * weight / whole
        assert quota - 1 < parts[key] < quota + 1


def test_district_targets_add_up_to_the_province_target(demo):
    weights = communes_per_district(demo.expected_communes(2023))  # the 181 communes the 2025 target was set on
    assert sum(weights.values()) == 181
    assert sum(prorata_target(115, weights, [d]) for d in weights) == 115
    # one model commune for the province (2022) is one commune in one district, not one per district
    assert sum(prorata_target(1, weights, [d]) for d in weights) == 1
    assert prorata_target(1, weights, ["189"]) == 0
    # Đình Lập keeps the province's share: 115 x 10/181 = 6,35 -> 6 (rounding up gave 7/10, 70 %)
    assert prorata_target(115, weights, ["189"]) == 6


def test_a_one_district_card_compares_with_its_part_of_the_province_target(demo):
    expected = lambda y: communes_per_district(demo.expected_communes(y))  # noqa: E731
    cards = {
        p.metric: p for p in headline_progress(demo.commune_year, load_targets(), 2025, ["189"], expected=expected)
    }
    card = progress_card(cards["communes_ntm"], "vi")
    assert card["detail"] == "4/10 xã (40,0 %)" and card["target"] == "Mục tiêu 2025: 6/10 xã (60,0 %)"
    assert progress_card(cards["communes_ntm_model"], "vi")["target"] == "Mục tiêu 2025: 1/10 xã (10,0 %)"


def test_coverage_of_the_demo_is_complete_and_a_first_district_is_not_the_province(demo):
    for year, communes in ((2015, 181), (2025, 175), (2026, 61)):
        found = metrics.coverage(demo, year)
        assert found.complete and (found.reported, found.expected) == (communes, communes)
    rows = demo.levels[(demo.levels["year"] == 2025)]
    codes = set(demo.registry.loc[demo.registry["district_code"] == "189", "code"])
    criteria = demo.criteria[(demo.criteria["year"] == 2025) & demo.criteria["commune_code"].isin(codes)]
    first = Dataset(criteria, rows[rows["commune_code"].isin(codes)], demo.registry, label="first")
    found = metrics.coverage(first, 2025)
    assert (found.reported, found.expected, found.districts_reported, found.districts) == (10, 175, 1, 11)
    assert not found.complete
    missing = found.incomplete_districts()
    assert len(missing) == 10 and (missing["reported"] == 0).all() and "189" not in set(missing["district_code"])
    one = metrics.coverage(first, 2025, ["189"])
    assert one.complete and one.reported == 10


@pytest.mark.parametrize("year", [2025, 2026])
def test_wards_are_not_expected_to_report(demo, year):
    expected = demo.expected_communes(year)
    assert len(expected) == (61 if year == 2026 else 175)
    assert expected["district_code"].notna().all()
