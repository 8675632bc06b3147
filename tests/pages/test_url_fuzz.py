"""Hostile links (issue 16, point 8): every query parameter the app binds, on every page, set to
garbage, a 10 kB string, unicode with control characters and HTML, Markdown that would be a link and
an image, out-of-range and repeated numbers. The page must still run (no exception, no error box, its
title drawn) and say in one notice that the link held values it ignored, shown as text."""

import re
import sys

import pytest
from streamlit.testing.v1 import AppTest

from ntm.paths import ROOT

PAGES = [
    "pages/overview.py",
    "pages/map.py",
    "pages/progress.py",
    "pages/criteria.py",
    "pages/districts.py",
    "pages/commune.py",
    "pages/glossary.py",
    "pages/import.py",
]
PARAMS = [
    "lang",
    "year",
    "districts",
    "criterion",
    "levels",
    "q",
    "commune",
    "metric",
    "baseline",
    "map_metric",
    "map_district",
    "map_level",
    "map_commune",
]
VALUES = {
    "garbage": ["%%$#@!~;'\"\\"],
    "overlong": ["x" * 10_000],
    "unicode": ["Đình Lập\u202e\u200b\x00 🚜 <script>alert(1)</script><img src=x onerror=alert(1)>"],
    "markdown": ["[Phiên hết hạn](http://127.0.0.1:9/phish)", "![x](http://127.0.0.1:9/t.png)"],
    "numbers": ["99999", "-1", "2024.5", "1e9"],
}


def opened_with(query: dict, page: str) -> AppTest:
    """The app opened on `page` from a link holding `query`: the session's first run is the link's,
    as on a fresh server (AppTest resets Streamlit's pages/ discovery for every test; `pages` is
    imported again so that its switch to app.py's navigation runs as it does once per server)."""
    sys.modules.pop("pages", None)
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=90)
    at.query_params.update(query)
    at.switch_page(page)
    at.run()
    return at


def alerts(at: AppTest, kind: str) -> list[str]:
    found, stack = [], [at._tree]
    while stack:
        node = stack.pop()
        if getattr(node, "type", None) == kind:
            found.append(node.value)
        stack.extend(getattr(node, "children", {}).values())
    return found


@pytest.mark.parametrize("kind", VALUES)
@pytest.mark.parametrize("page", PAGES)
def test_every_parameter_with_a_hostile_value_gives_a_notice_not_an_error(page, kind):
    values = VALUES[kind]
    at = opened_with({key: values for key in PARAMS}, page)
    assert not at.exception, [e.value for e in at.exception]
    assert alerts(at, "error") == []
    assert at.title, "the page drew no title"
    warnings = alerts(at, "warning")
    notices = [w for w in warnings if "không hợp lệ" in w]
    assert notices, [w[:200] for w in warnings]
    assert any("Năm = " in notice for notice in notices)  # it names what it ignored, the year at least
    for notice in notices:
        assert re.search(r"(?<!\\)[<>\[\]()!]", notice.split(": ", 1)[1]) is None, notice[:300]  # all escaped
        assert not any(c in notice for c in "\u202e\u200b\x00")  # no reordering or hidden characters
        assert len(notice) < 5_000  # a 10 kB value is cut, not echoed whole


def test_literal_breaks_autolinks_and_hides_no_control_characters():
    from ntm.ui.page import literal

    for text in ("http://127.0.0.1:9/phish", "HTTPS://x.vn", "www.example.vn", "ai@example.vn"):
        shown = literal(text)
        assert "://" not in shown.replace("\\", "") and "www." not in shown.lower().replace("\\", "")
        assert "\u2060@" in shown or "@" not in shown
        assert shown.replace("\u2060", "").replace("\\", "") == text  # shown as typed
    assert literal("a\u202eb\x00c\u200bd") == "a\ufffdb\ufffdc\ufffdd"
    assert literal("TT. Đồng Đăng") == "TT\\. Đồng Đăng"  # ordinary names untouched
