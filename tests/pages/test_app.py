"""Every page renders with AppTest, for the province, a district selection and in English."""

import pytest
from apptest_helpers import assert_clean, nodes, run_app

PAGES = ["pages/overview.py"]


@pytest.mark.parametrize("page", PAGES)
def test_page_renders_for_the_province(page):
    at = run_app(page)
    assert_clean(at)
    assert "minh họa" in nodes(at, "warning")[0].value


@pytest.mark.parametrize("page", PAGES)
def test_page_renders_for_a_district_selection(page):
    at = run_app(page, districts=["180", "189"], year=2020)
    assert_clean(at)


@pytest.mark.parametrize("page", PAGES)
def test_page_renders_in_english(page):
    at = run_app(page, lang="en")
    assert_clean(at)
    assert "illustrative" in nodes(at, "warning")[0].value


def test_overview_headline_against_2025_targets():
    at = run_app(year=2025)  # the latest year is now 2026, the new phase (tests/pages/test_phases.py)
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Xã đạt chuẩn NTM"] == "106"
    assert metrics["Bình quân tiêu chí/xã"] == "15,7"
    text = " ".join(m.value for m in at.markdown)
    assert "106/175 xã (60,6 %)" in text
    assert "Mục tiêu 2025: 115/181 xã (63,5 %)" in text


def test_overview_follows_the_district_filter():
    at = run_app(year=2025)
    at.multiselect(key="districts").set_value(["180"]).run()
    assert_clean(at)
    assert {m.label: m.value for m in at.metric}["Xã đạt chuẩn NTM"] == "3"
    assert any("Tràng Định: 19 xã" in c.value for c in at.caption)
    assert "Đã báo cáo năm 2025: 19/19 xã" in [c.value for c in at.caption]
