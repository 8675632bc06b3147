"""The map of a store holding one district's report, in headless Chromium (issue 14.6): a former district
none of whose communes reported is grey and reads 'Chưa báo cáo' with its count, the legend names it, and
the district that reported says its count too."""

import pytest
from browser_kit import streamlit_server, wait_for_app
from import_fixtures import district_rows
from playwright.sync_api import expect

MAP_FRAME = "iframe[title*='folium']"
NO_DATA = "#d9d9d9"


@pytest.fixture(scope="module")
def sparse_url(tmp_path_factory, registry):
    """A server on a store holding only Đình Lập's 2025 report (a temporary store, never data/ntm.sqlite)."""
    from make_bad_files import csv_bytes, headers

    from ntm.criteria import load_criteria
    from ntm.ingest.flow import commit, preview
    from ntm.ingest.store import connect

    url = f"sqlite:///{tmp_path_factory.mktemp('store') / 'ntm.sqlite'}"
    rows = district_rows("Đình Lập", 2025)
    ids = sorted(rows[0]["met"])
    table = [headers(load_criteria())] + [
        [
            row["code"],
            row["name"],
            "Huyện Đình Lập",
            "2025",
            *("Đạt" if row["met"][c] else "Chưa đạt" for c in ids),
            row["level"],
            "" if row["recognised"] is None else str(row["recognised"]),
        ]
        for row in rows
    ]
    data = csv_bytes(table)
    engine = connect(url, create=True)
    commit(engine, preview(engine, data, "dinh_lap.csv", registry), data, "dinh_lap.csv", "test")
    engine.dispose()
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
