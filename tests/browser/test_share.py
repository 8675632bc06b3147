"""Shared filters in a real browser: a district in the URL, the copied link, downloads, English,
the reset button, the notice for a bad link, and screenshots of every page."""

from io import BytesIO, StringIO
from urllib.parse import parse_qs, urlparse

import pandas as pd
import pytest
from browser_kit import ARTIFACTS_DIR, wait_for_app
from playwright.sync_api import expect
from pptx import Presentation

from ntm import metrics
from ntm.i18n import t
from ntm.targets import headline_progress, load_targets
from ntm.views.overview import progress_card

DISTRICT, DISTRICT_CODE = "Tràng Định", "180"
METRIC = "[data-testid='stMetricValue']"
SCREENS = ARTIFACTS_DIR() / "screens"


@pytest.fixture(scope="module")
def expected(demo):
    """The first headline card's value for the province and for the district, in the latest year."""
    year = demo.years[-1]
    targets = load_targets()

    def first_value(districts):
        return progress_card(headline_progress(demo.commune_year, targets, year, districts)[0], "vi")["value"]

    selection = metrics.select(demo.commune_year, year, [DISTRICT_CODE])
    return {
        "year": year,
        "province": first_value([]),
        "district": first_value([DISTRICT_CODE]),
        "district_ntm": metrics.summary(selection)["communes_ntm"],
        "district_communes": len(selection),
    }


def choose_district(page, name: str) -> None:
    box = page.locator("[data-testid='stSidebar'] [data-testid='stMultiSelect']").first
    box.click()
    page.keyboard.type(name)
    page.keyboard.press("Enter")
    page.keyboard.press("Escape")


def test_district_in_url_copied_link_and_downloads(app_url, chromium, expected, tmp_path):
    assert expected["province"] != expected["district"]
    context = chromium.new_context(viewport={"width": 1600, "height": 1100}, accept_downloads=True)
    page = context.new_page()
    page.goto(app_url)
    wait_for_app(page)
    expect(page.locator(METRIC).first).to_have_text(expected["province"])

    choose_district(page, DISTRICT)
    expect(page.locator(METRIC).first).to_have_text(expected["district"], timeout=20000)
    page.wait_for_function("() => location.search.includes('districts=')")
    assert parse_qs(urlparse(page.url).query)["districts"] == [DISTRICT]

    copied = context.new_page()
    copied.goto(page.url)
    wait_for_app(copied)
    expect(copied.locator(METRIC).first).to_have_text(expected["district"])
    expect(copied.locator("[data-testid='stSidebar'] [data-testid='stMultiSelect']").first).to_contain_text(DISTRICT)
    assert f"{DISTRICT}: {expected['district_communes']} xã" in copied.locator("[data-testid='stMain']").inner_text()

    copied.get_by_text("Tải bảng số liệu").click()
    with copied.expect_download() as download:
        copied.get_by_role("button", name="Theo huyện · CSV").click()
    data = download.value.path().read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    table = pd.read_csv(StringIO(data.decode("utf-8-sig")), comment="#")
    district_column = t("col.former_district" if expected["year"] >= 2026 else "col.district", "vi")
    row = table[table[district_column] == DISTRICT]
    assert set(table[district_column]) <= {DISTRICT, t("scope.province", "vi")}
    assert row["Xã đạt chuẩn"].tolist() == [expected["district_ntm"]]
    assert row["Số xã"].tolist() == [expected["district_communes"]]

    with copied.expect_download(timeout=60000) as download:
        copied.get_by_role("button", name="Tải PowerPoint (.pptx)").click()
    assert download.value.suggested_filename.endswith(".pptx")
    deck = Presentation(BytesIO(download.value.path().read_bytes()))
    assert DISTRICT in deck.slides[0].placeholders[1].text
    cells = [
        cell.text
        for slide in deck.slides
        for shape in slide.shapes
        if shape.has_table
        for row in shape.table.rows
        for cell in row.cells
    ]
    assert f"{expected['district_ntm']}/{expected['district_communes']} xã" in " ".join(cells)
    context.close()


def test_english_switch_is_kept_in_the_url_and_reset(app_url, chromium, expected):
    """A 2025 link (criterion 05 of 2021-2025 is 'Trường học') switched to English keeps every filter."""
    page = chromium.new_page(viewport={"width": 1600, "height": 1100})
    page.goto(
        f"{app_url}/?year=2025&districts=Tr%C3%A0ng+%C4%90%E1%BB%8Bnh&criterion=05.+Tr%C6%B0%E1%BB%9Dng+h%E1%BB%8Dc"
    )
    wait_for_app(page)
    page.locator("[data-testid='stSidebar']").get_by_text("English", exact=True).click()
    expect(page.locator("[data-testid='stMain'] h1").first).to_have_text("Overview, 2025")
    page.wait_for_function("() => location.search.includes('lang=English')")
    query = parse_qs(urlparse(page.url).query)
    assert query["districts"] == [DISTRICT]
    assert query["criterion"] == ["05. Schools"]
    assert query["year"] == ["2025"]

    page.get_by_role("button", name="Reset filters").click()
    expect(page.locator("[data-testid='stMain'] h1").first).to_have_text(f"Overview, {expected['year']}", timeout=20000)
    page.wait_for_function("() => !location.search.includes('districts=')")
    assert "lang=English" in page.url
    assert page.locator("[data-testid='stAlert']").filter(has_text="not valid").count() == 0
    page.close()


def test_bad_link_values_are_ignored_with_a_notice(app_url, chromium, expected):
    page = chromium.new_page(viewport={"width": 1600, "height": 1100})
    page.goto(f"{app_url}/?year=1999&districts=Atlantis&districts=Tr%C3%A0ng+%C4%90%E1%BB%8Bnh")
    wait_for_app(page)
    notice = page.locator("[data-testid='stAlert']").filter(has_text="không hợp lệ")
    expect(notice).to_contain_text("Năm = 1999")
    expect(notice).to_contain_text("Atlantis")
    expect(page.locator(METRIC).first).to_have_text(expected["district"])
    page.goto(f"{app_url}/districts?year=2025&metric=Bogus&baseline=1990")  # 2026 has no baseline to offer
    wait_for_app(page)
    notices = page.locator("[data-testid='stAlert']").filter(has_text="không hợp lệ")
    expect(notices.filter(has_text="Chỉ tiêu so sánh = Bogus")).to_have_count(1)
    expect(notices.filter(has_text="Năm gốc = 1990")).to_have_count(1)
    page.goto(f"{app_url}/commune?commune=X%C3%A3%20Atlantis")
    wait_for_app(page)
    expect(page.locator("[data-testid='stAlert']").filter(has_text="không hợp lệ")).to_contain_text("Xã Atlantis")
    expect(page.locator("[data-testid='stMain'] h3").first).to_be_visible()
    page.close()


def test_presentation_mode_hides_the_sidebar(app_url, chromium, expected):
    page = chromium.new_page(viewport={"width": 1920, "height": 1080})
    page.goto(f"{app_url}/?present=1")
    wait_for_app(page)
    expect(page.locator("[data-testid='stSidebar']")).to_be_hidden()
    expect(page.locator(METRIC).first).to_have_text(expected["province"])
    page.get_by_text("Bản đồ", exact=True).click()
    expect(page.locator("[data-testid='stMain'] h1").first).to_have_text("Bản đồ tỷ lệ xã đạt chuẩn theo huyện cũ")
    expect(page.locator("[data-testid='stMain'] img").first).to_be_visible(timeout=20000)
    page.get_by_role("button", name="Thoát chế độ trình chiếu").click()
    expect(page.locator("[data-testid='stSidebar']")).to_be_visible(timeout=20000)
    page.close()


def page_links(app_url, chromium) -> dict[str, str]:
    """Every page of the navigation: name (its URL path, 'overview' for the main page) -> URL."""
    page = chromium.new_page(viewport={"width": 1920, "height": 1080})
    page.goto(app_url)
    wait_for_app(page)
    links = page.locator("[data-testid='stSidebarNav'] a").evaluate_all("links => links.map(a => a.href)")
    page.close()
    return {urlparse(link).path.strip("/") or "overview": link for link in links}


def test_screenshots_of_every_page(app_url, chromium, record_property):
    SCREENS.mkdir(parents=True, exist_ok=True)
    links = page_links(app_url, chromium)
    assert "overview" in links and len(links) >= 2
    views = list(links.items())
    views += [
        (f"present-{screen}", f"{app_url}/?present=1&screen={label}")
        for screen, label in (
            ("overview", "T%E1%BB%95ng+quan"),
            ("map", "B%E1%BA%A3n+%C4%91%E1%BB%93"),
            ("progress", "Ti%E1%BA%BFn+%C4%91%E1%BB%99"),
            ("criteria", "Ti%C3%AAu+ch%C3%AD"),
        )
    ]
    written = []
    for name, url in views:
        for label, (width, height) in (("1920x1080", (1920, 1080)), ("390x844", (390, 844))):
            page = chromium.new_page(viewport={"width": width, "height": height})
            page.goto(url)
            wait_for_app(page)
            target = SCREENS / f"{name}-{label}.png"
            page.screenshot(path=target, full_page=True)
            assert page.locator("[data-testid='stException']").count() == 0, name
            assert page.get_by_text("Page not found").count() == 0, name
            page.close()
            written.append(target)
    assert all(p.stat().st_size > 10_000 for p in written)
    record_property("artifacts", f"{len(written)} screenshots in {SCREENS}")
    print(f"\nscreenshots ({len(written)}): {SCREENS}")


def test_commune_scorecard_and_district_comparison_links_reopen_the_same_view(app_url, chromium):
    """A district official looks up a commune, picks another one from the list and sends the link."""
    context = chromium.new_context(viewport={"width": 1600, "height": 1100})
    page = context.new_page()
    page.goto(f"{app_url}/commune?year=2025&q=hoa%20binh")
    wait_for_app(page)
    heading = page.locator("[data-testid='stMain'] h3").first
    first = heading.inner_text()
    page.locator("[data-testid='stMain'] [data-testid='stSelectbox']").first.click()
    options = page.locator("[role='option']")
    assert options.count() > 1
    second = options.nth(1).inner_text()
    options.nth(1).click()
    page.wait_for_function("() => location.search.includes('commune=')")
    expect(heading).not_to_have_text(first, timeout=20000)
    chosen = heading.inner_text()
    name, district = second.split(" – ")
    assert chosen == f"{name} ({district})"

    copied = context.new_page()
    copied.goto(page.url)
    wait_for_app(copied)
    expect(copied.locator("[data-testid='stMain'] h3").first).to_have_text(chosen)

    page.goto(f"{app_url}/commune?year=2026&q=hoa%20binh")  # an old name after the reform: its new commune
    wait_for_app(page)
    expect(page.locator("[data-testid='stAlert']").filter(has_text="nay thuộc").first).to_contain_text("Xã Hòa Bình")
    expect(heading).to_contain_text("xã mới, huyện cũ")

    page.goto(
        f"{app_url}/districts?year=2025&metric=B%C3%ACnh%20qu%C3%A2n%20ti%C3%AAu%20ch%C3%AD/x%C3%A3&baseline=2018"
    )
    wait_for_app(page)
    ranking = page.locator("[data-testid='stMain'] h3").first.inner_text()
    assert "bình quân tiêu chí/xã" in ranking and "2018" in ranking
    context.close()
