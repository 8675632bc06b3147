"""Accessibility and phones in a real browser (issue 15, points 4 and 6): axe-core (from npm, injected
from node_modules: no CDN) on every page in Vietnamese and English, at 1280x900 and on a 390x844
phone, finds no serious or critical violation; <html lang> is the page's language; every chart has a
text alternative; no page scrolls sideways on the phone (Streamlit's page scrolls in its main
element: that is measured as well as the document) and the wide charts switch to a narrow layout;
the district filter finds "dinh lap" (offering "Tìm: dinh lap", not Streamlit's "Add:"); the import
page's login hint and uploader speak Vietnamese and the uploader states the limit the upload is held
to. One Streamlit server for the module, with an editor to log in."""

from urllib.parse import parse_qs, urlparse

import pytest
from browser_kit import ARTIFACTS_DIR, streamlit_server, wait_for_app
from playwright.sync_api import expect

from ntm.ingest.auth import hash_password
from ntm.ingest.read import MAX_BYTES
from ntm.paths import ROOT

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
PAGES = ("", "map", "progress", "criteria", "districts", "commune", "glossary", "import")
# Pages whose widest layouts are in 2025 (19 criteria, 2015-2025): measured on the phone as well.
PHONE_EXTRA = ("criteria?year=2025", "commune?year=2025", "districts?year=2025")
PASSWORD = "mật-khẩu kiểm tra"
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}
SCREENS = ARTIFACTS_DIR() / "a11y"
WAIT_MS = 30000  # for what a rerun or a chart's drawing shows (a loaded machine takes seconds)

RUN_AXE = """async () => {
  const result = await axe.run(document, {resultTypes: ['violations']});
  return result.violations
    .filter(v => v.impact === 'serious' || v.impact === 'critical')
    .map(v => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | ')}`);
}"""
WIDTHS = """() => ({
  document: document.documentElement.scrollWidth,
  main: document.querySelector('[data-testid="stMain"]').scrollWidth,
})"""
UNNAMED_CHARTS = """() => [...document.querySelectorAll('[data-testid="stVegaLiteChart"]')]
  .filter(c => !(c.getAttribute('aria-label') || '').trim()).length"""


@pytest.fixture(scope="module")
def app(tmp_path_factory):
    if not AXE.exists():
        pytest.skip(f"axe-core is not installed ({AXE}): run `npm ci` at the project root")
    folder = tmp_path_factory.mktemp("a11y")
    secrets = folder / "secrets.toml"
    secrets.write_text(f'[ntm_editors]\nbientap = "{hash_password(PASSWORD)}"\n', encoding="utf-8")
    env = {"NTM_DATABASE_URL": f"sqlite:///{folder / 'ntm.sqlite'}"}  # no store yet: the bundled data
    with streamlit_server(env=env, args=("--secrets.files", str(secrets))) as url:
        yield url


def _url(app: str, page: str, lang: str) -> str:
    query = "lang=English" if lang == "en" else ""
    if not query:
        return f"{app}/{page}"
    return f"{app}/{page}{'&' if '?' in page else '?'}{query}"


def _name(page: str) -> str:
    return (page or "overview").replace("?", "-").replace("=", "")


def _axe(page) -> list[str]:
    """axe in the page and in its frames (the map's Leaflet frame): axe.run reaches into a frame only
    where axe is loaded too."""
    for frame in page.frames:
        frame.add_script_tag(path=str(AXE))
    return page.evaluate(RUN_AXE)


def _log_in(page, lang: str) -> None:
    page.get_by_label("Tên đăng nhập" if lang == "vi" else "User name").fill("bientap")
    page.get_by_label("Mật khẩu" if lang == "vi" else "Password", exact=True).fill(PASSWORD)
    page.locator("[data-testid='stMain'] [data-testid='stBaseButton-secondaryFormSubmit']").first.click()
    page.locator("[data-testid='stFileUploader']").wait_for(timeout=60000)
    wait_for_app(page, 60000)


def _visit(app, chromium, lang: str, viewport: dict, pages, axe: bool) -> tuple[dict, dict]:
    """Open each page; return ({page: serious or critical axe violations}, {page: widths wider than
    the viewport}) and check lang and the charts' text alternatives on the way."""
    SCREENS.mkdir(parents=True, exist_ok=True)
    failures: dict[str, list[str]] = {}
    too_wide: dict[str, dict] = {}
    context = chromium.new_context(viewport=viewport)
    page = context.new_page()
    page.goto(app)  # a deep link on a fresh server runs without app.py's navigation until the root ran
    wait_for_app(page, 60000)
    for name in pages:
        page.goto(_url(app, name, lang))
        wait_for_app(page, 60000)
        where = f"{_name(name)} {lang} {viewport['width']}px"
        assert page.evaluate("document.documentElement.lang") == lang, where
        assert page.evaluate(UNNAMED_CHARTS) == 0, f"{where}: a chart without a text alternative"
        if name == "import":
            _log_in(page, lang)
        widths = page.evaluate(WIDTHS)
        if max(widths.values()) > viewport["width"]:
            too_wide[where] = widths
        page.screenshot(path=SCREENS / f"{_name(name)}-{lang}-{viewport['width']}.png")
        if axe and (violations := _axe(page)):
            failures[where] = violations
    context.close()
    return failures, too_wide


def _report(failures: dict) -> str:
    return "serious or critical axe violations:\n" + "\n".join(
        f"{where}: {v}" for where, found in failures.items() for v in found
    )


def test_axe_on_every_page_in_vietnamese_on_a_desktop(app, chromium, record_property):
    failures, too_wide = _visit(app, chromium, "vi", DESKTOP, PAGES, axe=True)
    record_property("artifacts", f"accessibility screenshots in {SCREENS}")
    assert not failures, _report(failures)
    assert not too_wide, f"pages wider than the screen (scrollWidth): {too_wide}"


def test_axe_on_every_page_in_english_on_a_phone(app, chromium):
    failures, too_wide = _visit(app, chromium, "en", PHONE, PAGES, axe=True)
    assert not failures, _report(failures)
    assert not too_wide, f"pages wider than the phone (scrollWidth): {too_wide}"


def test_no_page_scrolls_sideways_on_a_phone_in_vietnamese(app, chromium):
    """Every page, and the 2025 views with 19 criteria and eleven years, fit 390 px."""
    _, too_wide = _visit(app, chromium, "vi", PHONE, PAGES + PHONE_EXTRA, axe=False)
    assert not too_wide, f"pages wider than the phone (scrollWidth): {too_wide}"


def test_phone_shows_the_narrow_heatmap_and_the_recent_years(app, chromium):
    """On a phone the criteria heatmap is drawn transposed (every criterion a row) and the commune
    grid its last five years, each fitting the screen; on a desktop the wide charts."""
    page = chromium.new_page(viewport=PHONE)
    page.goto(app)
    wait_for_app(page, 60000)
    narrow = page.locator("[class*='st-key-ntm-narrow-'] [data-testid='stVegaLiteChart']").first
    wide = page.locator("[class*='st-key-ntm-wide-'] [data-testid='stVegaLiteChart']").first
    for name in ("criteria?year=2025", "commune?year=2025"):
        page.set_viewport_size(PHONE)
        page.goto(f"{app}/{name}")
        wait_for_app(page, 60000)
        expect(narrow).to_be_visible(timeout=WAIT_MS)
        expect(wide).to_be_hidden(timeout=WAIT_MS)
        assert narrow.evaluate("e => e.scrollWidth <= e.clientWidth"), name
        page.set_viewport_size(DESKTOP)
        expect(wide).to_be_visible(timeout=WAIT_MS)
        expect(narrow).to_be_hidden(timeout=WAIT_MS)
    page.close()


FOCUSED = """() => {
  const e = document.activeElement, s = getComputedStyle(e);
  return {text: e.innerText || e.getAttribute('aria-label') || '', outline: `${s.outlineStyle} ${s.outlineWidth}`};
}"""


def test_keyboard_focus_shows_and_streamlits_own_words_are_vietnamese(app, chromium):
    """The first Tab stops (Streamlit's skip link, the pages, the filters, a help button) each show a
    3 px focus ring, and their names are Vietnamese ("Skip to main content", "Help for ..." are not)."""
    page = chromium.new_page(viewport=DESKTOP)
    page.goto(app)
    wait_for_app(page, 60000)
    stops = []
    for _ in range(14):
        page.keyboard.press("Tab")
        stops.append(page.evaluate(FOCUSED))
    assert all(stop["outline"] == "solid 3px" for stop in stops), stops
    assert stops[0]["text"] == "Đến nội dung chính"
    assert "Giải thích: Mức đạt chuẩn" in [stop["text"] for stop in stops]
    assert not [stop for stop in stops if "Skip to" in stop["text"] or "Help for" in stop["text"]]
    page.close()


def test_district_filter_matches_without_accents(app, chromium):
    page = chromium.new_page(viewport=DESKTOP)
    page.goto(app)
    wait_for_app(page, 60000)
    box = page.locator("[data-testid='stSidebar'] [data-testid='stMultiSelect']").first
    box.click()
    page.keyboard.type("dinh lap")
    offer = page.get_by_role("option").first  # Streamlit writes "Add: dinh lap"
    expect(offer).to_have_text("Tìm: dinh lap", timeout=WAIT_MS)
    page.keyboard.press("Enter")
    page.keyboard.press("Escape")
    expect(box).to_contain_text("Đình Lập", timeout=WAIT_MS)
    page.wait_for_function("() => location.search.includes('districts=')")
    assert parse_qs(urlparse(page.url).query)["districts"] == ["Đình Lập"]
    page.close()


def test_import_page_speaks_vietnamese_and_states_the_real_upload_limit(app, chromium):
    page = chromium.new_page(viewport=DESKTOP)
    page.goto(app)
    wait_for_app(page, 60000)
    page.goto(f"{app}/import")
    wait_for_app(page, 60000)
    page.get_by_label("Tên đăng nhập").fill("bientap")  # Streamlit's hint "Press Enter to submit form"
    expect(page.locator("[data-testid='InputInstructions']").first).to_have_text("Nhấn Enter để gửi", timeout=WAIT_MS)
    _log_in(page, "vi")
    after = "(selector) => getComputedStyle(document.querySelector(selector), '::after').content"
    button = "[data-testid='stFileUploaderDropzone'] [data-testid='stBaseButton-secondary'] p"
    limit = "[data-testid='stFileUploaderDropzoneInstructions'] span"
    assert page.evaluate(after, button) == '"Chọn tệp"'
    assert page.evaluate(after, limit) == f'"Tối đa {MAX_BYTES // 1048576} MB mỗi tệp • XLSX, CSV"'
    # Streamlit's English words are hidden, for screen readers too; its limit is the same number
    for selector in (button, limit):
        assert page.locator(selector).evaluate("e => getComputedStyle(e).visibility") == "hidden"
    assert page.locator(limit).text_content().startswith(f"{MAX_BYTES // 1048576}MB per file")
    page.close()
