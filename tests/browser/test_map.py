"""The map in real headless Chromium with every request outside this machine blocked."""

from urllib.parse import urlparse

from browser_kit import ARTIFACTS_DIR, wait_for_app
from playwright.sync_api import expect

LOCAL = {"127.0.0.1", "localhost"}


def _block_network(page) -> list[str]:
    blocked: list[str] = []

    def handle(route):
        if urlparse(route.request.url).hostname in LOCAL:
            route.continue_()
        else:
            blocked.append(route.request.url)
            route.abort()

    page.route("**/*", handle)
    return blocked


def _open_map(page, url: str, query: str = "") -> None:
    # A fresh server runs a deep link's pages/<name>.py alone (Streamlit's old pages/ discovery)
    # until app.py has registered its navigation once; open the app's root first.
    page.goto(url)
    wait_for_app(page)
    page.goto(f"{url}/map{query}")
    wait_for_app(page)


def _map_frame(page):
    page.wait_for_selector("iframe[title*='folium']", timeout=30000)
    frame = page.frame_locator("iframe[title*='folium']").first
    frame.locator("path.ntm-district").first.wait_for(timeout=30000)
    return frame


def test_map_renders_offline_with_eleven_districts(app_url, chromium):
    page = chromium.new_page(viewport={"width": 1600, "height": 1200})
    _block_network(page)
    _open_map(page, app_url)
    frame = _map_frame(page)
    assert frame.locator("path.ntm-district").count() == 11
    assert page.locator("iframe[title*='folium']").first.bounding_box()["height"] > 400
    legend = frame.locator(".ntm-legend").first.inner_text()
    assert "Tỷ lệ xã đạt chuẩn (%)" in legend and "gần đúng" in legend
    assert frame.locator(".ntm-label", has_text="Đình Lập").count() == 1
    page.screenshot(path=ARTIFACTS_DIR() / "map-offline-vi.png", full_page=True)
    page.close()


def test_clicking_a_district_opens_its_panel(app_url, chromium):
    page = chromium.new_page(viewport={"width": 1600, "height": 1200})
    _block_network(page)
    _open_map(page, app_url, "?lang=English")
    frame = _map_frame(page)
    heading = page.get_by_text("Tràng Định against the province")
    for _ in range(10):  # the component attaches its click handlers a moment after drawing: click again
        frame.locator("path.ntm-district").nth(1).click(force=True)  # features in code order: 178, 180, ...
        try:
            expect(heading).to_be_visible(timeout=3000)
            break
        except AssertionError:
            continue
    expect(heading).to_be_visible(timeout=30000)
    tables = page.locator("[data-testid='stTableStyledTable']")
    tables.nth(2).wait_for(timeout=30000)
    assert tables.count() == 3
    assert "Transport" in tables.nth(1).inner_text()
    page.screenshot(path=ARTIFACTS_DIR() / "map-offline-en-panel.png", full_page=True)
    page.wait_for_function("() => location.search.includes('map_district=')")
    shared = chromium.new_page(viewport={"width": 1600, "height": 1200})
    _block_network(shared)
    shared.goto(page.url)
    shared.get_by_text("Tràng Định against the province").wait_for(timeout=30000)
    shared.close()
    page.close()
