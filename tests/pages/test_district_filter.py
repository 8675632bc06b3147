"""The district filter matches without accents (issue 15, point 6): Streamlit's own search in the box
matches accents exactly, so what a user types is taken as text and read as district names."""

from apptest_helpers import assert_clean, run_app

from ntm.registry import district_names, load_registry
from ntm.ui.sidebar import typed_districts

NAMES = district_names(load_registry())
CODE = {name: code for code, name in NAMES.items()}


def test_typed_text_reads_as_district_names_without_accents():
    assert typed_districts(["dinh lap"], NAMES) == ([CODE["Đình Lập"]], [])
    assert typed_districts(["ĐÌNH LẬP"], NAMES) == ([CODE["Đình Lập"]], [])
    assert typed_districts([CODE["Cao Lộc"], "trang dinh"], NAMES) == ([CODE["Cao Lộc"], CODE["Tràng Định"]], [])
    lang, _ = typed_districts(["lang"], NAMES)  # every district whose name holds it, tones aside
    assert {NAMES[c] for c in lang} == {"Lạng Sơn", "Văn Lãng", "Chi Lăng"}
    assert typed_districts(["dinh lap", "Đình Lập"], NAMES) == ([CODE["Đình Lập"]], [])  # no repeat
    assert typed_districts(["xyz"], NAMES) == ([], ["xyz"])


def test_the_sidebar_box_turns_typed_text_into_the_district():
    at = run_app(districts=["dinh lap"], year=2025)
    assert_clean(at)
    box = at.sidebar.multiselect(key="districts")
    assert box.value == [CODE["Đình Lập"]]
    assert any("Đình Lập" in c.value for c in at.caption)  # the overview's scope


def test_text_matching_no_district_is_said_and_dropped():
    at = run_app(districts=["xyz"], year=2025)
    assert_clean(at)
    assert at.sidebar.multiselect(key="districts").value == []
    assert "Không có huyện nào khớp với “xyz”." in [c.value for c in at.sidebar.caption]
