"""Text from a link or a search box is shown as text, never as Markdown (no link, no image)."""

import re

from streamlit.testing.v1 import AppTest

from ntm.paths import ROOT
from ntm.ui.page import literal

PHISH = "[Phiên hết hạn](http://attacker/phish)"
IMAGE = "![x](http://attacker/t.png)"


def test_literal_leaves_no_markdown_construct():
    for text in (PHISH, IMAGE, "<img src=x onerror=alert(1)>", "**bold** _it_ `code`", "# heading", "a\nb"):
        shown = literal(text)
        assert re.search(r"(?<!\\)[<>\[\]()!*_`#]", shown) is None, (text, shown)  # every one escaped
        assert "\n" not in shown


def test_literal_cuts_a_huge_value():
    assert len(literal("x" * 10_000)) < 500


def opened_with(query: dict, page: str = "") -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.query_params.update(query)
    if page:
        at.switch_page(page)  # a link to the page: its first run is the page's
    return at.run()


def test_injection_link_shows_no_link_and_no_image():
    at = opened_with({"year": PHISH, "districts": IMAGE})
    warnings = [w.value for w in at.warning]
    notice = next(w for w in warnings if "attacker" in w)
    assert "](" not in notice and "![" not in notice
    assert r"\[Phiên hết hạn\]\(http\:" in notice


def test_commune_search_text_is_shown_literally():
    at = opened_with({"q": PHISH}, "pages/commune.py")
    shown = [i.value for i in at.info]
    assert shown and all("](" not in text for text in shown)
