"""The overview's summary of the year (issue 15, point 7): its numbers with their denominators, the
change since the year before, the targets met or not, the districts that moved most; from 2026 the
first year of the new phase set beside the close-out of 2021-2025, never as one series."""

import pytest

from ntm import metrics
from ntm.dataset import Dataset
from ntm.formatting import fmt_number, fmt_percent
from ntm.registry import districts
from ntm.targets import headline_progress, load_targets
from ntm.views.overview import year_summary


@pytest.fixture(scope="module")
def names(demo):
    table = districts(demo.registry)
    return dict(zip(table["district_code"], table["district_short"]))


def summarise(demo, names, year, chosen=(), lang="vi"):
    progress = headline_progress(demo.commune_year, load_targets(), year, list(chosen))
    return year_summary(demo.commune_year, progress, year, chosen, names, lang), progress


def numbers(demo, year, chosen=()):
    return metrics.summary(metrics.select(demo.commune_year, year, chosen))


def test_a_year_of_the_phase_says_its_numbers_and_what_changed(demo, names):
    text, _ = summarise(demo, names, 2025)
    now, before = numbers(demo, 2025), numbers(demo, 2024)
    assert text.startswith(
        f"Năm 2025: {now['communes_ntm']}/{now['communes']} xã đạt chuẩn NTM ({fmt_percent(now['share_ntm'], 1)}), "
        f"bình quân {fmt_number(now['avg_criteria'], 1)}/19 tiêu chí mỗi xã."
    )
    gained = now["communes_ntm"] - before["communes_ntm"]
    assert (
        f"So với năm 2024 ({before['communes_ntm']}/{before['communes']} xã, {fmt_percent(before['share_ntm'], 1)}): "
        f"+{gained} xã đạt chuẩn" in text
    )
    assert "giai đoạn" not in text  # the same phase: no phase sentence


def test_the_targets_are_grouped_by_verdict(demo, names):
    text, progress = summarise(demo, names, 2025)
    sentence = next(part for part in text.split(". ") if part.startswith("Mục tiêu 2025:"))
    reached = [p for p in progress if p.status == "reached"]
    missed = [p for p in progress if p.status == "missed"]
    assert reached and missed  # the demo's 2025 meets the average and misses the count of communes
    assert "đã đạt bình quân tiêu chí/xã" in sentence and "không đạt xã đạt chuẩn NTM" in sentence


def test_the_districts_that_moved_most_are_ranked_by_change_of_share_not_of_rank(demo, names):
    text, _ = summarise(demo, names, 2025)
    now = metrics.district_table(metrics.select(demo.commune_year, 2025)).set_index("district_code")["share_ntm"]
    before = metrics.district_table(metrics.select(demo.commune_year, 2024)).set_index("district_code")["share_ntm"]
    change = (now - before).sort_values(ascending=False)
    first, second = change.index[:2]
    assert change[first] > 0
    points = fmt_number(100 * change[first], 1)
    assert f"tăng nhiều nhất: {names[first]} (+{points} điểm %), {names[second]}" in text


def test_2026_is_the_first_year_of_the_new_phase_beside_the_close_out(demo, names):
    text, _ = summarise(demo, names, 2026)
    now, closed = numbers(demo, 2026), numbers(demo, 2025)
    assert text.startswith(f"Năm 2026: {now['communes_ntm']}/61 xã đạt chuẩn NTM")
    assert "/10 tiêu chí" in text
    assert "năm đầu của giai đoạn 2026-2030" in text and "không nối tiếp số liệu năm 2025" in text
    assert (
        f"Tổng kết giai đoạn 2021-2025 (năm 2025, 19 tiêu chí, các xã cũ): "
        f"{closed['communes_ntm']}/{closed['communes']} xã đạt chuẩn" in text
    )
    assert "So với năm 2025" not in text and "tăng nhiều nhất" not in text  # not one series
    assert "Mục tiêu 2030:" in text and "(quốc gia)" in text
    shares = metrics.district_table(metrics.select(demo.commune_year, 2026)).set_index("district_code")["share_ntm"]
    lowest = (shares == shares.min()).sum()
    assert text.rstrip(".").endswith(f"và {lowest - 3} huyện khác ({fmt_percent(shares.min(), 1)})")
    assert "Theo huyện cũ" in text


def test_english_and_the_first_year_with_data(demo, names):
    text, _ = summarise(demo, names, 2026, lang="en")
    assert "is the first year of the 2026-2030 phase" in text and "By former district" in text
    first = min(demo.years)
    text, _ = summarise(demo, names, first)
    assert f"Năm {first} là năm đầu tiên có số liệu." in text and "So với" not in text


def test_one_district_has_no_ranking_of_movers(demo, names):
    text, _ = summarise(demo, names, 2025, ("189",))
    now = numbers(demo, 2025, ("189",))
    assert text.startswith(f"Năm 2025: {now['communes_ntm']}/{now['communes']} xã")
    assert "tăng nhiều nhất" not in text and "Giảm:" not in text


def test_no_rows_no_summary(demo, names):
    assert year_summary(demo.commune_year, [], 1999, (), names, "vi") == ""


def test_a_share_that_did_not_move_reads_unchanged_not_plus_zero(demo, names):
    now, before = numbers(demo, 2025, ("189",)), numbers(demo, 2024, ("189",))
    assert now["communes_ntm"] == before["communes_ntm"] and now["communes"] == before["communes"]  # Đình Lập
    text, _ = summarise(demo, names, 2025, ("189",))
    assert "So với năm 2024 (4/10 xã, 40,0 %): số xã đạt chuẩn không đổi, bình quân tiêu chí +" in text
    assert "+0 " not in text and "+0,0 điểm" not in text
    english, _ = summarise(demo, names, 2025, ("189",), lang="en")
    assert "communes meeting the standard unchanged, average criteria +" in english and "+0 " not in english


def only_reported(demo, year: int, district: str, keep: int | None = None) -> Dataset:
    """The demo with, for `year`, only the first `keep` communes of one district (all of them when None)
    and every other year complete: a year as a store holds it while reports come in."""
    codes = sorted(set(metrics.select(demo.commune_year, year, [district])["commune_code"].astype(str)))[:keep]

    def kept(frame):
        return frame[(frame["year"] != year) | frame["commune_code"].astype(str).isin(codes)]

    return Dataset(kept(demo.criteria), kept(demo.levels), demo.registry, label="sparse")


def test_an_incomplete_year_says_so_first_and_compares_the_same_communes(demo, names):
    sparse = only_reported(demo, 2025, "189", keep=8)
    found = metrics.coverage(sparse, 2025)
    assert (found.reported, found.expected) == (8, 175)
    rows = metrics.select(sparse.commune_year, 2025)
    now = metrics.summary(rows)
    text = year_summary(sparse.commune_year, [], 2025, (), names, "vi", coverage=found)
    assert text.startswith(f"Năm 2025 (mới có 8/175 xã báo cáo): {now['communes_ntm']}/8 xã đạt chuẩn NTM")
    same = metrics.select(demo.commune_year, 2024)
    same = metrics.summary(same[same["commune_code"].astype(str).isin(set(rows["commune_code"].astype(str)))])
    assert f"So với năm 2024, trên 8 xã có báo cáo cả hai năm ({same['communes_ntm']} xã đạt chuẩn năm 2024," in text
    assert "/175 xã, " not in text.split("So với năm 2024", 1)[1]  # never 8 communes against last year's 175
    english = year_summary(sparse.commune_year, [], 2025, (), names, "en", coverage=found)
    assert english.startswith("In 2025 (only 8 of 175 communes have reported): ")
    complete = year_summary(demo.commune_year, [], 2025, (), names, "vi", coverage=metrics.coverage(demo, 2025))
    assert complete.startswith("Năm 2025: ")


def test_an_incomplete_year_compares_only_communes_that_reported_both_years(demo, names):
    """2025 from Đình Lập (10) and 5 of Bắc Sơn's communes, 2024 from Đình Lập alone: the change is read on
    Đình Lập's 10, the only communes of both years (never 15 against 10)."""
    rows = metrics.select(demo.commune_year, 2025)
    dinh_lap = set(rows.loc[rows["district_code"].astype(str) == "189", "commune_code"].astype(str))
    bac_son = sorted(rows.loc[rows["district_code"].astype(str) == "185", "commune_code"].astype(str))[:5]

    def kept(frame):
        codes = frame["commune_code"].astype(str)
        return frame[
            ((frame["year"] == 2025) & codes.isin(dinh_lap | set(bac_son)))
            | ((frame["year"] == 2024) & codes.isin(dinh_lap))
        ]

    sparse = Dataset(kept(demo.criteria), kept(demo.levels), demo.registry, label="sparse")
    text = year_summary(sparse.commune_year, [], 2025, (), names, "vi", coverage=metrics.coverage(sparse, 2025))
    assert text.startswith("Năm 2025 (mới có 15/175 xã báo cáo): ")
    assert (
        "So với năm 2024, trên 10 xã có báo cáo cả hai năm (4 xã đạt chuẩn năm 2024, 40,0 %): số xã đạt chuẩn không đổi"
        in text
    )
