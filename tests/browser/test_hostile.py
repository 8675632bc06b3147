"""Issue 16 in a real browser: a shared link opened first on a freshly started server opens its page
with its filters (inside app.py's navigation), `/overview` opens the overview without "Page not
found", no page writes an error to the console in either language, and a link whose values are
Markdown (a link and an image pointing at a listener on this machine) shows them as text: no <a> to
the listener and no request reaches it."""

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import quote, urlencode

import pytest
from browser_kit import ARTIFACTS_DIR, free_port, streamlit_server, wait_for_app
from playwright.sync_api import expect

SHOTS = ARTIFACTS_DIR() / "hostile"
PAGES = ["", "map", "progress", "criteria", "districts", "commune", "glossary", "import"]
NAV_LINKS = "[data-testid='stSidebarNav'] a"
NOT_FOUND = "Page not found"


def _console_errors(page) -> list[str]:
    """Errors the page and its frames write to the console or throw. Streamlit asks for its health
    and host config under the page's path first (/map/_stcore/...: 404) before the root: not ours."""
    errors: list[str] = []
    page.on(
        "console",
        lambda m: (
            errors.append(f"{page.url}: {m.text}")
            if m.type == "error" and "/_stcore/" not in (m.location or {}).get("url", "")
            else None
        ),
    )
    page.on("pageerror", lambda e: errors.append(f"{page.url}: {e}"))
    return errors


def _shot(page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=False)


@pytest.mark.parametrize(
    ("path", "query", "title"),
    [
        ("map", {"year": "2024", "districts": ["Tràng Định", "Văn Lãng"]}, "Bản đồ"),
        ("overview", {"year": "2024", "districts": ["Tràng Định"]}, "Tổng quan"),
    ],
)
def test_a_link_opened_first_on_a_fresh_server_opens_its_view(chromium, path, query, title):
    """The first run of a fresh server is a shared link: it must run through app.py (sidebar
    navigation and filters) with the link's values, not the page alone (streamlit#9624)."""
    with streamlit_server() as url:
        page = chromium.new_page(viewport={"width": 1600, "height": 1000})
        errors = _console_errors(page)
        page.goto(f"{url}/{path}?{urlencode(query, doseq=True)}")
        wait_for_app(page)
        expect(page.locator(NAV_LINKS)).to_have_count(len(PAGES))
        expect(page.locator("[data-testid='stMain'] h1").first).to_contain_text(title)
        expect(page.locator("[data-testid='stMain'] h1").first).to_contain_text("2024")
        sidebar = page.locator("[data-testid='stSidebar']")
        expect(sidebar.get_by_role("combobox", name="Năm")).to_have_value("2024")
        for name in query["districts"]:
            expect(sidebar.locator("[data-testid='stMultiSelect']").first).to_contain_text(name)
        expect(page.get_by_text(NOT_FOUND)).to_have_count(0)
        _shot(page, f"fresh-{path}")
        assert errors == []
        page.close()


def test_overview_has_its_own_address(app_url, chromium):
    page = chromium.new_page(viewport={"width": 1600, "height": 1000})
    page.goto(f"{app_url}/overview?year=2023&lang=English")
    wait_for_app(page)
    expect(page.locator("[data-testid='stMain'] h1").first).to_contain_text("Overview")
    expect(page.locator("[data-testid='stMain'] h1").first).to_contain_text("2023")
    expect(page.get_by_text(NOT_FOUND)).to_have_count(0)
    expect(page.locator("[role='dialog']")).to_have_count(0)
    assert "year=2023" in page.url and "lang=English" in page.url
    _shot(page, "overview-address")
    page.close()


@pytest.mark.parametrize("lang", ["Tiếng Việt", "English"])
def test_every_page_opens_without_console_errors(app_url, chromium, lang):
    page = chromium.new_page(viewport={"width": 1600, "height": 1000})
    errors = _console_errors(page)
    page.goto(app_url)  # a warm server: the first link is another test's subject
    wait_for_app(page)
    for path in PAGES:
        page.goto(f"{app_url}/{path}?{urlencode({'lang': lang, 'year': 2025, 'districts': 'Tràng Định'})}")
        wait_for_app(page)
        expect(page.locator("[data-testid='stAlert']").filter(has_text="không hợp lệ")).to_have_count(0)
        expect(page.locator("[data-testid='stAlert']").filter(has_text="not valid")).to_have_count(0)
        expect(page.get_by_text(NOT_FOUND)).to_have_count(0)
        expect(page.locator("[data-testid='stException']")).to_have_count(0)
        _shot(page, f"page-{path or 'overview'}-{lang[:2].lower()}")
    assert errors == []
    page.close()


class _Listener(BaseHTTPRequestHandler):
    seen: list[str] = []

    def do_GET(self):  # noqa: N802 (http.server's name)
        self.seen.append(self.path)
        self.send_response(404)
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def listener():
    """An HTTP server on a free port of this machine that records every request it gets."""
    port = free_port()
    seen: list[str] = []
    handler = type("Recorder", (_Listener,), {"seen": seen})
    server = ThreadingHTTPServer(("127.0.0.1", port), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{port}", seen
    server.shutdown()
    server.server_close()


def test_markdown_in_a_link_is_shown_as_text_on_every_page(app_url, chromium, listener):
    base, seen = listener
    phish, image = f"[Phiên hết hạn]({base}/phish)", f"![x]({base}/t.png)"
    query = f"year={quote(phish)}&districts={quote(image)}"
    page = chromium.new_page(viewport={"width": 1600, "height": 1000})
    errors = _console_errors(page)
    for path in PAGES:
        page.goto(f"{app_url}/{path}?{query}")
        wait_for_app(page)
        notice = page.locator("[data-testid='stAlert']").filter(has_text="không hợp lệ")
        expect(notice).to_have_count(1)
        shown = notice.inner_text().replace("\u2060", "")  # the word joiner that stops autolinks is invisible
        assert phish in shown and image in shown  # the values themselves, as text
        for frame in page.frames:
            assert frame.locator(f"a[href^='{base}']").count() == 0, (path, frame.url)
            assert frame.locator(f"img[src^='{base}']").count() == 0, (path, frame.url)
        _shot(page, f"injected-{path or 'overview'}")
    assert seen == []
    assert errors == []
    page.close()
