"""Helpers for Streamlit AppTest."""

from streamlit.testing.v1 import AppTest

from ntm.paths import ROOT


def run_app(page: str | None = None, **state) -> AppTest:
    """app.py run once on `page` (the overview when None), as a link to that page opens it."""
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    for key, value in state.items():
        at.session_state[key] = value
    if page:
        at.switch_page(page)
    return at.run()


def nodes(at: AppTest, node_type: str) -> list:
    """Every node of a type, walking blocks (AppTest's own lists skip alerts at the top)."""
    found, stack = [], [at._tree]
    while stack:
        node = stack.pop()
        if getattr(node, "type", None) == node_type:
            found.append(node)
        stack.extend(reversed(list(getattr(node, "children", {}).values())))
    return found


def assert_clean(at: AppTest) -> None:
    assert not at.exception, [e.value for e in at.exception]
    errors = nodes(at, "error")
    assert not errors, [e.value for e in errors]
