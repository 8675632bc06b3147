"""The map of a store holding one district's report, in headless Chromium (issue 14.6): a former district
none of whose communes reported is grey and reads 'Chưa báo cáo' with its count, the legend names it, and
the district that reported says its count too."""

import pytest
from browser_kit import streamlit_server, wait_for_app
from import_fixtures import store_district_report
from playwright.sync_api import expect

MAP_FRAME = "iframe[title*='folium']"
NO_DATA = "#d9d9d9"


@pytest.fixture(scope="module")
def sparse_url(tmp_path_factory, registry):
    """A server on a store holding only Đình Lập's 2025 report (a temporary store, never data/ntm.sqlite)."""
    url = f"sqlite:///{tmp_path_factory.mktemp('store') / 'ntm.sqlite'}"
    store_district_report(url, registry)
    with streamlit_server(env={"NTM_DATABASE_URL": url}) as base:
        yield base


def test_a_district_without_reports_is_drawn_not_reported(sparse_url, chromium):
    page = chromium.new_page(viewport={"width": 1600, "height": 1100})
    page.goto(sparse_url)
    wait_for_app(page)
    page.goto(f"{sparse_url}/map?year=2025")
    wait_for_app(page)
    page.get_by_text("Huyện cũ (2015-2025)").click()
    page.wait_for_selector(MAP_FRAME, timeout=30000)
    frame = page.frame_locator(MAP_FRAME).first
    districts = frame.locator("path.ntm-district")
    expect(districts).to_have_count(11, timeout=60000)
    expect(frame.locator(".ntm-legend")).to_contain_text("Chưa báo cáo hoặc không có số liệu")
    binh_gia, dinh_lap = districts.nth(2), districts.nth(10)  # code order: 178, 180, 181 … 189
    assert binh_gia.get_attribute("fill") == NO_DATA and dinh_lap.get_attribute("fill") != NO_DATA
    binh_gia.hover(force=True)
    tip = frame.locator(".ntm-tip").filter(has_text="Bình Gia ·")
    expect(tip).to_contain_text("Chưa báo cáo", timeout=10000)
    expect(tip).to_contain_text("Bình Gia: 0/18 xã đã báo cáo")
    dinh_lap.hover(force=True)
    tip = frame.locator(".ntm-tip").filter(has_text="Đình Lập ·")
    expect(tip).to_contain_text("Đình Lập: 10/10 xã đã báo cáo", timeout=10000)
    expect(tip).not_to_contain_text("Chưa báo cáo")
    page.close()
