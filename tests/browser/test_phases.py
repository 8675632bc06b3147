"""Every page on both sides of the 2025 boundary in real Chromium (issue 13, point 7), opened by URL
at year=2025 and year=2026: what differs is asserted (19 vs 10 criteria, 175 old communes vs 61 new
ones, district vs former-district wording, the close-out of 2021-2025 on the progress page, the map's
files holding one lineage of years), and every page is photographed at 1920x1080 and 390x844 in
Vietnamese and English (tests/artifacts/phases/). One server for the module (the session's)."""

import io
import re
import zlib

import pytest
from browser_kit import ARTIFACTS_DIR, wait_for_app
from playwright.sync_api import expect

VIEWPORTS = {"1920x1080": (1920, 1080), "390x844": (390, 844)}
LANGS = {"vi": "", "en": "&lang=English"}
PAGES = ("overview", "map", "progress", "criteria", "districts", "commune", "glossary")
HEADER = {"vi": "Dữ liệu minh họa · phiên bản demo · số liệu 2015–2026", "en": "Illustrative data · version demo"}

# What a page says in each year (Vietnamese): texts that must be there, texts that must not.
SAYS = {
    ("overview", 2025): (
        ["Tổng quan năm 2025", "Toàn tỉnh: 175 xã", "15,7/19 tiêu chí", "So với năm 2024", "Huyện / thành phố"],
        ["năm đầu của giai đoạn 2026-2030", "Huyện cũ"],
    ),
    ("overview", 2026): (
        ["Tổng quan năm 2026", "Toàn tỉnh: 61 xã", "/10 tiêu chí", "năm đầu của giai đoạn 2026-2030", "Huyện cũ"],
        ["So với năm 2025", "/19 tiêu chí"],
    ),
    ("map", 2025): (["Bản đồ theo xã năm 2025"], ["Năm 2026"]),
    ("map", 2026): (["Bản đồ theo xã năm 2026"], []),
    ("progress", 2025): (
        ["Tiến độ so với mục tiêu (đến năm 2025)", "Tổng kết giai đoạn 2021-2025", "115/181 xã (63,5 %)"],
        ["(cả nước)"],
    ),
    ("progress", 2026): (
        ["Tổng kết giai đoạn 2021-2025", "65 % (cả nước)", "Mẫu số thay đổi: 181 là số xã năm 2021"],
        [],
    ),
    ("criteria", 2025): (["Phân tích 19 tiêu chí năm 2025"], ["Phân tích 10 tiêu chí"]),
    ("criteria", 2026): (["Phân tích 10 tiêu chí năm 2026", "Khoa học công nghệ và chuyển đổi số"], []),
    ("districts", 2025): (["So sánh các huyện năm 2025"], ["huyện cũ"]),
    ("districts", 2026): (["So sánh theo huyện cũ năm 2026", "Chưa có năm gốc"], []),
    ("commune", 2025): (["Hồ sơ xã", "Thứ hạng trong huyện"], ["Thứ hạng trong huyện cũ"]),
    ("commune", 2026): (["Hồ sơ xã", "Thứ hạng trong huyện cũ", "huyện cũ"], []),
    ("glossary", 2025): (["Từ điển tiêu chí nông thôn mới"], []),
    ("glossary", 2026): (["Từ điển tiêu chí nông thôn mới"], []),
}
CRITERIA_MET = {2025: r"^\d+/19$", 2026: r"^\d+/10$"}  # the commune card 'Số tiêu chí đạt'
FIRST_TAB = {2025: "2021-2025 (19 tiêu chí)", 2026: "2026-2030 (10 tiêu chí)"}


@pytest.fixture(scope="module")
def browser_page(app_url, chromium):
    page = chromium.new_page(viewport={"width": 1920, "height": 1080})
    page.goto(app_url)  # a fresh server runs a deep link alone until app.py has run once
    wait_for_app(page)
    yield page
    page.close()


def open_page(page, url: str, name: str, year: int, lang: str) -> None:
    path = "" if name == "overview" else name
    page.goto(f"{url}/{path}?year={year}{LANGS[lang]}")
    wait_for_app(page)


def screenshots(page, name: str, year: int, lang: str) -> None:
    """The page as opened at each size (a phone opens the link on its own screen: reloaded, so that
    the sidebar starts collapsed as it does there), back at 1920x1080 after."""
    folder = ARTIFACTS_DIR() / "phases"
    folder.mkdir(exist_ok=True)
    for size, (width, height) in VIEWPORTS.items():
        if (width, height) != (1920, 1080):
            page.set_viewport_size({"width": width, "height": height})
            page.reload()
            wait_for_app(page)
        page.screenshot(path=folder / f"{name}-{year}-{lang}-{size}.png", full_page=True)
    page.set_viewport_size({"width": 1920, "height": 1080})


def main_text(page) -> str:
    return page.locator("[data-testid='stMain']").inner_text()


@pytest.mark.parametrize("year", [2025, 2026])
@pytest.mark.parametrize("name", PAGES)
def test_each_page_on_each_side_of_the_boundary(browser_page, app_url, name, year, record_property):
    page = browser_page
    open_page(page, app_url, name, year, "vi")
    main = page.locator("[data-testid='stMain']")
    expect(main).to_contain_text(HEADER["vi"])
    notice = page.locator("[data-testid='stAlertContentWarning']").first
    expect(notice).to_contain_text("minh họa")
    if year == 2026:
        expect(notice).to_contain_text("61 xã mới")
    present, absent = SAYS[(name, year)]
    for text in present:
        expect(main).to_contain_text(text)
    shown = main_text(page)
    for text in absent:
        assert text not in shown, (name, year, text)
    if name == "commune":
        card = page.locator("[data-testid='stMetric']", has_text="Số tiêu chí đạt")
        expect(card.locator("[data-testid='stMetricValue']")).to_have_text(re.compile(CRITERIA_MET[year]))
    if name == "glossary":
        expect(page.locator("[role='tab'][aria-selected='true']")).to_have_text(FIRST_TAB[year])
    if name == "map":
        frame = page.frame_locator("iframe[title*='folium']").first
        expect(frame.locator("path.ntm-commune")).to_have_count(65, timeout=30000)
    screenshots(page, name, year, "vi")
    open_page(page, app_url, name, year, "en")
    expect(page.locator("[data-testid='stMain']")).to_contain_text(HEADER["en"])
    screenshots(page, name, year, "en")
    record_property("artifacts", str(ARTIFACTS_DIR() / "phases"))


def png_texts(data: bytes) -> dict[str, str]:
    """The iTXt chunks of a PNG (keyword -> text)."""
    texts, at = {}, 8
    while at < len(data):
        length = int.from_bytes(data[at : at + 4], "big")
        kind, body = data[at + 4 : at + 8], data[at + 8 : at + 8 + length]
        if kind == b"iTXt":
            key, rest = body.split(b"\0", 1)
            flag, rest = rest[0], rest[2:]
            _, rest = rest.split(b"\0", 1)  # language tag
            _, text = rest.split(b"\0", 1)  # translated keyword
            texts[key.decode("latin-1")] = (zlib.decompress(text) if flag else text).decode("utf-8")
        at += 12 + length
    return texts


@pytest.mark.parametrize("year", [2025, 2026])
def test_map_files_hold_the_years_lineage_and_describe_themselves(browser_page, app_url, year, tmp_path):
    import pandas as pd

    page = browser_page
    open_page(page, app_url, "map", year, "vi")
    with page.expect_download() as csv_download:
        page.get_by_role("button", name="Tải số liệu bản đồ các năm (CSV)").click()
    csv = csv_download.value
    assert csv.suggested_filename.startswith("ntm-lang-son-so-lieu-ban-do-ty-le-xa-dat-chuan")
    text = open(csv.path(), encoding="utf-8-sig").read()
    assert "# Phiên bản dữ liệu: demo" in text and "# Lưu ý: Số liệu cấp xã trong tệp này là dữ liệu minh họa" in text
    table = pd.read_csv(io.StringIO(text), comment="#", dtype={"Mã": str})
    assert list(table.columns)[:4] == ["Năm", "Mã", "Tên", "Huyện cũ"]
    years = sorted(table["Năm"].unique())
    assert years == (list(range(2015, 2026)) if year == 2025 else [2026])  # one lineage of criteria sets
    assert len(table) == 65 * len(years)
    with page.expect_download() as png_download:
        page.get_by_role("button", name="Tải ảnh bản đồ (PNG)").click()
    png = png_download.value
    saved = ARTIFACTS_DIR() / "phases" / f"map-download-{year}.png"
    saved.parent.mkdir(exist_ok=True)
    png.save_as(saved)
    chunks = png_texts(saved.read_bytes())
    assert chunks["Title"] == f"Bản đồ theo xã năm {year}"
    assert "Phiên bản dữ liệu: demo" in chunks["Description"] and chunks["Source"] == "Dữ liệu minh họa"
    assert png.suggested_filename.startswith(f"ntm-lang-son-{year}-ban-do-theo-xa")
    with page.expect_download() as years_download:
        page.get_by_role("button", name="Tải ảnh các năm (PNG)").click()
    span = "2015–2025" if year == 2025 else "2026"
    saved = ARTIFACTS_DIR() / "phases" / f"map-download-years-{year}.png"
    years_download.value.save_as(saved)
    chunks = png_texts(saved.read_bytes())
    assert chunks["Title"] == f"Tỷ lệ xã đạt chuẩn (%), {span}" and "Disclaimer" in chunks


def test_former_district_map_files_in_english(browser_page, app_url):
    import pandas as pd

    page = browser_page
    open_page(page, app_url, "map", 2026, "en")
    page.get_by_text("Former districts (2015-2025)").click()
    wait_for_app(page)
    expect(page.locator("[data-testid='stMain'] h1")).to_have_text("Map by former district, 2026")
    with page.expect_download() as png_download:
        page.get_by_role("button", name="Download map image (PNG)").click()
    saved = ARTIFACTS_DIR() / "phases" / "map-download-district-2026-en.png"
    png_download.value.save_as(saved)
    chunks = png_texts(saved.read_bytes())
    assert chunks["Title"] == "Map by former district, 2026" and chunks["Source"] == "Illustrative data"
    assert "Units shown: Former districts (2015-2025)" in chunks["Description"]
    with page.expect_download() as csv_download:
        page.get_by_role("button", name="Download the map's data, every year (CSV)").click()
    text = open(csv_download.value.path(), encoding="utf-8-sig").read()
    assert "# Title: Map data: Share of communes meeting the standard (%), 2026\n" in text
    table = pd.read_csv(io.StringIO(text), comment="#", dtype={"Code": str})
    assert list(table.columns)[:3] == ["Year", "Code", "Name"] and "Former district" not in table.columns
    assert len(table) == 11 and set(table["Year"]) == {2026}
    assert table.loc[table["Code"] == "178", "Class"].item() == "No data"  # the city: wards only from July 2025
