"""Presentation mode in a real browser: a clicker (PageDown/PageUp) and the arrow keys move
between screens, the page is in the chosen language, no screen scrolls at 1920x1080."""

from browser_kit import ARTIFACTS_DIR, wait_for_app, wait_for_drawn
from playwright.sync_api import expect

NO_SCROLL = "() => document.querySelector('[data-testid=stMain]').scrollHeight <= window.innerHeight + 1"


def heading(page):
    return page.locator("[data-testid='stMain'] h1").first


def until_listening(page) -> None:
    """Streamlit attaches button shortcuts a moment after the first run: press PageDown until the
    screen changes, then go back, so that the test starts from a page that hears the keys."""
    first = heading(page).inner_text()
    for _ in range(20):
        page.keyboard.press("PageDown")
        try:
            expect(heading(page)).not_to_have_text(first, timeout=1000)
            break
        except AssertionError:
            continue
    page.keyboard.press("PageUp")
    expect(heading(page)).to_have_text(first, timeout=30000)
    wait_for_app(page)


def test_clicker_and_arrow_keys_move_between_screens(app_url, chromium):
    """In 2025 (by district, against the 2025 targets); the English test below runs on 2026, the latest year."""
    page = chromium.new_page(viewport={"width": 1920, "height": 1080})
    page.goto(f"{app_url}/?present=1&year=2025")
    wait_for_app(page)
    expect(heading(page)).to_have_text("Kết quả so với mục tiêu năm 2025")
    assert page.evaluate("document.documentElement.lang") == "vi"
    until_listening(page)
    for key, title in (
        ("PageDown", "Bản đồ tỷ lệ xã đạt chuẩn theo huyện"),
        ("ArrowRight", "Tiến độ xã đạt chuẩn qua các năm"),
        ("PageDown", "Các tiêu chí yếu nhất"),
        ("PageDown", "Kết quả so với mục tiêu năm 2025"),  # round the end
        ("PageUp", "Các tiêu chí yếu nhất"),
        ("ArrowLeft", "Tiến độ xã đạt chuẩn qua các năm"),
    ):
        page.keyboard.press(key)
        expect(heading(page)).to_have_text(title, timeout=30000)
        wait_for_app(page)
        page.wait_for_function(NO_SCROLL, timeout=15000)  # fails if the screen '{title}' keeps scrolling
    page.close()


def test_every_screen_fits_a_projector_in_english(app_url, chromium):
    page = chromium.new_page(viewport={"width": 1920, "height": 1080})
    page.goto(f"{app_url}/?present=1&lang=English")
    wait_for_app(page)
    assert page.evaluate("document.documentElement.lang") == "en"
    until_listening(page)
    for index in range(4):
        wait_for_drawn(page)
        page.wait_for_function(NO_SCROLL, timeout=15000)  # fails if screen {index} keeps scrolling
        page.screenshot(path=ARTIFACTS_DIR() / f"present-en-{index}.png")
        title = heading(page).inner_text()
        page.keyboard.press("PageDown")
        expect(heading(page)).not_to_have_text(title, timeout=30000)
        wait_for_app(page)
    page.close()
