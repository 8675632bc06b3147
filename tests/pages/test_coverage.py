"""A store holding one district's report (issue 14.6): every page says how many communes have reported of
how many exist, by district, and no number reads as the whole province's; ranks are never '1 of 1'."""

import pytest
from apptest_helpers import assert_clean, nodes, run_app
from import_fixtures import store_district_report


@pytest.fixture
def first_district(tmp_path, monkeypatch, registry):
    """An empty store after Đình Lập's 2025 report, its only import (written as the template's layout)."""
    url = f"sqlite:///{tmp_path / 'ntm.sqlite'}"
    monkeypatch.setenv("NTM_DATABASE_URL", url)
    return store_district_report(url, registry)


def warnings(at) -> list[str]:
    return [w.value for w in nodes(at, "warning")]


def test_a_first_district_is_not_the_whole_province(first_district):
    assert first_district == 10
    at = run_app(year=2025)
    assert_clean(at)
    (note,) = [w for w in warnings(at) if "Chưa đủ báo cáo" in w]
    assert "Chưa đủ báo cáo năm 2025: 10/175 xã** (1/11 huyện có báo cáo)" in note
    assert "chưa phải của toàn tỉnh" in note and "Bình Gia (0/18)" in note and "Đình Lập" not in note
    captions = [c.value for c in at.caption]
    assert "Toàn tỉnh: 10 xã (chỉ tính 10/175 xã đã báo cáo)" in captions
    details = [m.value for m in at.markdown]
    assert any(d.startswith("4/10 xã (40,0 %) (chỉ tính 10/175 xã đã báo cáo)") for d in details)
    assert not any("Huyện có tỷ lệ xã đạt chuẩn thấp nhất" in d for d in details)  # the lowest of one is not lagging
    (summary,) = [d for d in details if d.startswith("Năm 2025")]
    assert summary.startswith("Năm 2025 (mới có 10/175 xã báo cáo): 4/10 xã đạt chuẩn NTM")
    table = at.dataframe[0].value
    assert table.iloc[0].tolist()[0] == "Đình Lập" and table["Đã báo cáo"].iloc[0] == "10/10"
    assert table["Đã báo cáo"].iloc[-1] == "10/175" and table.iloc[-1, 0] == "Toàn tỉnh"
    assert set(table["Đã báo cáo"].iloc[1:-1]) >= {"0/3", "0/18"} and len(table) == 12


def test_one_district_of_a_sparse_year_has_no_rank_of_one(first_district):
    at = run_app(year=2025)
    at.multiselect(key="districts").set_value(["189"]).run()
    assert_clean(at)
    assert "Đã báo cáo năm 2025: 10/10 xã" in [c.value for c in at.caption]
    lines = [m.value for m in at.markdown if m.value.startswith("Đình Lập:")]
    assert lines == [
        "Đình Lập: chưa xếp hạng được, mới có 1/11 huyện báo cáo năm 2025 (40,0 %; các xã đã báo cáo 40,0 %)"
    ]


@pytest.mark.parametrize("page", ["pages/map.py", "pages/progress.py", "pages/criteria.py", "pages/commune.py"])
def test_every_page_says_who_has_not_reported(first_district, page):
    at = run_app(page, year=2025)
    assert_clean(at)
    assert any("Chưa đủ báo cáo năm 2025: 10/175 xã" in w for w in warnings(at))


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_one_chosen_district_is_not_counted_as_one_of_one(first_district, lang):
    at = run_app(year=2025, lang=lang)
    at.multiselect(key="districts").set_value(["181"]).run()  # Bình Gia: none of its 18 communes reported
    assert_clean(at)
    (note,) = [w for w in warnings(at) if "0/18" in w or "0 of 18" in w]
    if lang == "vi":
        assert note.startswith("**Chưa có báo cáo năm 2025: 0/18 xã**. Chưa có số liệu nào của huyện đã chọn")
        assert "huyện có báo cáo" not in note and "chỉ tính trên 0" not in note
    else:
        assert note.startswith("**No report yet for 2025: 0 of 18 communes**. There are no figures for the chosen")
        assert "districts reported" not in note and "only the 0" not in note
    at.multiselect(key="districts").set_value(["181", "189"]).run()
    (note,) = [w for w in warnings(at) if "10/28" in w or "10 of 28" in w]
    assert "(1/2 huyện có báo cáo)" in note or "(1 of 2 districts reported)" in note


def test_the_map_panels_say_how_many_communes_of_the_district_reported(first_district):
    at = run_app("pages/map.py", year=2025, map_level="district", map_district="181")  # Bình Gia: 0/18
    assert_clean(at)
    captions = [c.value for c in at.caption]
    assert "Năm 2025, Bình Gia: 0/18 xã đã báo cáo" in captions
    assert any("Chưa có xã nào của Bình Gia báo cáo năm 2025" in i.value for i in nodes(at, "info"))
    assert not at.table  # nothing to set against the province: no 0 %, no empty tables
    at = run_app("pages/map.py", year=2025, map_level="district", map_district="189")
    assert "Năm 2025, Đình Lập: 10/10 xã đã báo cáo" in [c.value for c in at.caption] and len(at.table) == 3
    at = run_app("pages/map.py", year=2025, map_commune="06073")  # Xã Hoa Thám, former Bình Gia
    assert_clean(at)
    assert "Năm 2025, Bình Gia: 0/18 xã đã báo cáo" in [c.value for c in at.caption]
