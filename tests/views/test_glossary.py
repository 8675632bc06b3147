"""The criteria glossary: every phase's criteria with what they ask, the levels, the commune groups."""

from apptest_helpers import assert_clean, nodes, run_app

from ntm.criteria import load_catalogue, load_commune_groups
from ntm.registry import district_names, load_new_units, load_registry
from ntm.views import glossary


def test_sets_table_lists_every_phase_newest_first():
    table = glossary.sets_table("vi")
    assert table["Giai đoạn"].tolist() == ["2026-2030", "2021-2025", "2016-2020", "2010-2015"]
    assert table["Số tiêu chí"].tolist() == [10, 19, 19, 19]
    assert "NTM hiện đại (thí điểm)" in table.iloc[0]["Các mức"] and "Nâng cao" not in table.iloc[0]["Các mức"]
    assert [s.id for s in glossary.sets_in_order("2021-2025")][:2] == ["2021-2025", "2026-2030"]


def test_each_criterion_of_2026_2030_says_what_it_asks_and_what_it_covers():
    table = glossary.criteria_table(load_catalogue(), "2026-2030", "vi").set_index("Số")
    assert len(table) == 10
    assert table.loc["07", "Tiêu chí"] == "Khoa học công nghệ và chuyển đổi số"
    assert "chuyển đổi số" in table.loc["07", "Yêu cầu (tóm tắt)"]
    related = table["Gần tương ứng với tiêu chí 2021-2025"]
    assert related["02"].startswith("02 Giao thông; 03 Thủy lợi và phòng, chống thiên tai")
    english = glossary.criteria_table(load_catalogue(), "2021-2025", "en").set_index("No.")
    assert english.loc["11", "Criterion"] == "Multidimensional poverty" and len(english) == 19
    assert "Roughly covers" not in " ".join(english.columns)  # nothing to relate for a continuing lineage


def test_levels_and_groups():
    levels = glossary.levels_table("2026-2030", "en")
    assert levels["Level"].tolist() == ["Not yet meeting", "NTM standard", "Modern NTM (pilot)"]
    assert len(glossary.group_definitions("vi")) == 3
    groups = glossary.groups_table(load_commune_groups(), load_new_units(), district_names(load_registry()), "vi")
    assert len(groups) == 61 and set(groups["Tình trạng"]) == {"Minh họa"}
    assert groups.iloc[0]["Nhóm xã"] == "Nhóm 1"


def test_glossary_page_opens_on_the_set_of_the_year():
    at = run_app("pages/glossary.py", year=2026)
    assert_clean(at)
    assert at.title[0].value == "Từ điển tiêu chí nông thôn mới"
    assert [tab.label for tab in at.tabs][0] == "2026-2030 (10 tiêu chí)"
    assert any("minh họa" in w.value for w in nodes(at, "warning")[1:])  # the groups are illustrative
    at = run_app("pages/glossary.py", year=2024, lang="en")
    assert_clean(at)
    assert [tab.label for tab in at.tabs][0] == "2021-2025 (19 criteria)"
