"""The overview in a real browser: headline numbers, the district filter in the URL."""

from browser_kit import ARTIFACTS_DIR, wait_for_app


def test_overview_shows_headline_and_follows_district_in_url(app_url, chromium):
    page = chromium.new_page(viewport={"width": 1600, "height": 1100})
    page.goto(app_url)
    wait_for_app(page)
    metric = page.locator("[data-testid='stMetricValue']").first
    assert metric.inner_text() == "106"
    page.screenshot(path=ARTIFACTS_DIR() / "overview-vi.png", full_page=True)

    page.goto(f"{app_url}/?districts=Tr%C3%A0ng+%C4%90%E1%BB%8Bnh")
    wait_for_app(page)
    assert page.locator("[data-testid='stMetricValue']").first.inner_text() == "3"
    assert "Tràng Định: 19 xã" in page.locator("[data-testid='stCaptionContainer']").first.inner_text()
    page.close()
