"""The overview in a real browser: headline numbers of a year, the district filter in the URL."""

from browser_kit import ARTIFACTS_DIR, wait_for_app
from playwright.sync_api import expect

from ntm import metrics
from ntm.targets import headline_progress, load_targets
from ntm.views.overview import progress_card

TRANG_DINH = "180"


def first_card(demo, year: int, districts: list[str]) -> str:
    rows = headline_progress(demo.commune_year, load_targets(), year, districts)
    return progress_card(rows[0], "vi")["value"]


def test_overview_shows_headline_and_follows_district_in_url(app_url, chromium, demo):
    page = chromium.new_page(viewport={"width": 1600, "height": 1100})
    page.goto(f"{app_url}/?year=2025")
    wait_for_app(page)
    metric = page.locator("[data-testid='stMetricValue']").first
    expect(metric).to_have_text(first_card(demo, 2025, []))
    page.screenshot(path=ARTIFACTS_DIR() / "overview-vi.png", full_page=True)

    page.goto(f"{app_url}/?year=2025&districts=Tr%C3%A0ng+%C4%90%E1%BB%8Bnh")
    wait_for_app(page)
    expect(page.locator("[data-testid='stMetricValue']").first).to_have_text(first_card(demo, 2025, [TRANG_DINH]))
    communes = len(metrics.select(demo.commune_year, 2025, [TRANG_DINH]))
    expect(page.locator("[data-testid='stMain']")).to_contain_text(f"Tràng Định: {communes} xã")
    page.close()
