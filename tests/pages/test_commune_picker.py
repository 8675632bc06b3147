"""The scorecard page of 2025 lists the year's 175 communes, as its header counts them, and says the 6
dissolved on 1 December 2024 are found by name; a search finds one, marked as dissolved."""

from apptest_helpers import assert_clean, nodes, run_app


def captions(at) -> str:
    return "\n".join(str(node.value) for node in nodes(at, "caption"))


def test_2025_lists_the_years_communes_and_says_where_the_dissolved_ones_are():
    at = run_app("pages/commune.py", year=2025)
    assert_clean(at)
    assert "175/175" in captions(at)
    assert len(at.selectbox(key="commune").options) == 175
    assert "Danh sách là 175 xã của năm 2025; 6 xã đã giải thể trước đó không có trong danh sách" in captions(at)
    at.text_input(key="q").input("vinh tien").run()
    assert_clean(at)
    options = at.selectbox(key="commune").options
    assert options == ["Xã Vĩnh Tiến – Tràng Định (giải thể 12/2024, nay thuộc Xã Khánh Long)"]
    assert "Danh sách là 175 xã" not in captions(at)
    assert "Xã Vĩnh Tiến: giải thể 12/2024, nay thuộc Xã Khánh Long. Xã không có số liệu năm 2025" in captions(at)


def test_2023_lists_every_commune_of_that_year_without_marks():
    at = run_app("pages/commune.py", year=2023)
    assert_clean(at)
    options = at.selectbox(key="commune").options
    assert len(options) == 181 and not any("giải thể" in o for o in options)
