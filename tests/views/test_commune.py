"""Commune search with or without diacritics, the scorecard tables, and the page with filters."""

import pandas as pd
from apptest_helpers import assert_clean, nodes, run_app

from ntm.criteria import CRITERION_IDS
from ntm.registry import successor_of
from ntm.views.commune import (
    commune_index,
    context_table,
    criteria_grid,
    district_context,
    fold,
    found_by_former_name,
    level_history,
    missing_criteria,
    search,
)

INDEX = pd.DataFrame(
    {
        "code": ["1", "2", "3", "4"],
        "name": ["Xã Đình Lập", "Xã Bính Xá", "Xã Hoàng Đồng", "Xã Đồng Đăng"],
        "short_name": ["Đình Lập", "Bính Xá", "Hoàng Đồng", "Đồng Đăng"],
        "district_code": ["189", "189", "178", "183"],
        "district_name": "",
    }
)
INDEX["key"] = INDEX["short_name"].map(fold)


def test_fold_drops_diacritics_case_and_extra_spaces():
    assert fold("  Đình   Lập ") == "dinh lap"
    assert fold("HOÀNG ĐỒNG") == "hoang dong"


def test_search_with_or_without_diacritics():
    assert list(search(INDEX, "dinh lap")["code"]) == ["1"]
    assert list(search(INDEX, "Đình Lập")["code"]) == ["1"]
    assert list(search(INDEX, "xa binh xa")["code"]) == ["2"]  # the full name with its type
    # exact name first, then names starting with the query, then names containing it
    assert list(search(INDEX, "dong")["code"]) == ["4", "3"]
    assert search(INDEX, "khong co").empty and search(INDEX, "  ").empty


def tiny():
    rows = []
    for year, met in ((2024, 12), (2025, 19)):
        for code, district, extra in (("x", "A", 0), ("y", "A", 3), ("z", "B", 0)):
            count = min(met + extra, 19) if code != "z" else 5
            rows.append(
                {
                    "commune_code": code,
                    "year": year,
                    "district_code": district,
                    "level": "standard" if count == 19 else "none",
                    "level_rank": int(count == 19),
                    "recognised_year": 2025 if count == 19 else pd.NA,
                    "criteria_met": count,
                    **{f"c{cid}": int(cid) <= count for cid in CRITERION_IDS},
                }
            )
    table = pd.DataFrame(rows)
    table["district_code"] = table["district_code"].astype("category")
    return table


def test_scorecard_tables():
    cy = tiny()
    grid = criteria_grid(cy, "x")
    assert len(grid) == 2 * 19 and grid["met"].sum() == 12 + 19
    assert missing_criteria(cy, "x", 2024) == [f"{i:02d}" for i in range(13, 20)]
    assert missing_criteria(cy, "x", 2025) == []
    history = level_history(cy, "x")
    assert history[["year", "criteria_met", "level"]].values.tolist() == [[2024, 12, "none"], [2025, 19, "standard"]]
    context = district_context(cy, "x", 2024)
    assert context["rank"] == 2 and context["district"]["communes"] == 2  # y has 15 criteria in 2024
    assert context["district"]["avg_criteria"] == 13.5 and context["province"]["communes"] == 3
    shown = context_table(context, "Huyện A", "vi")
    assert shown.iloc[1].tolist() == ["Huyện A", "2", "13,5", "0,0 %"]


def test_commune_index_follows_the_district_filter(demo):
    everyone = commune_index(demo.registry, demo.commune_year)
    one = commune_index(demo.registry, demo.commune_year, ["189"])
    old = demo.commune_year[~demo.commune_year["new_unit"]]  # the old communes (years to 2025)
    assert len(everyone) == old["commune_code"].nunique()
    assert set(one["district_code"]) == {"189"} and 0 < len(one) < len(everyone)


def test_commune_page_finds_a_commune_typed_without_diacritics():
    at = run_app("pages/commune.py", year=2025)
    assert_clean(at)
    at.text_input(key="q").input("dinh lap").run()
    assert_clean(at)
    assert at.subheader[0].value == "Xã Đình Lập (Đình Lập)"
    assert len(nodes(at, "vega_lite_chart")) == 3  # the criteria grid twice (wide, and a phone's recent years)
    assert len(nodes(at, "download_button")) >= 6


def test_commune_page_with_a_district_filter_in_english():
    at = run_app("pages/commune.py", districts=["180"], year=2023, lang="en")
    assert_clean(at)
    assert at.subheader[0].value.endswith("(Tràng Định)")
    at.text_input(key="q").input("zzz").run()
    assert_clean(at)
    assert "No commune named" in nodes(at, "info")[0].value


def test_level_filter_narrows_the_commune_list_and_the_map_points(demo):
    from ntm.views.map import commune_points

    advanced = commune_index(demo.registry, demo.commune_year, [], ("advanced", "model"), 2025)
    year = demo.commune_year[demo.commune_year["year"] == 2025]
    expected = set(year.loc[year["level"].isin(["advanced", "model"]), "commune_code"])
    assert set(advanced["code"]) == expected and len(expected) == 28  # advanced or model: 28, 10 of them model
    points = commune_points(demo, 2025, ("model",))
    assert len(points) == 10 and set(points["level"]) == {"model"}


def test_level_filter_on_the_overview_and_the_scorecard_pages():
    at = run_app(levels=["model"], year=2025)
    assert_clean(at)
    expander = [e for e in at.expander if e.label.startswith("Danh sách")]
    assert [e.label for e in expander] == ["Danh sách 10 xã ở mức Kiểu mẫu"]
    table = expander[0].dataframe[0].value
    assert len(table) == 10 and set(table["Mức đạt chuẩn"]) == {"Kiểu mẫu"} and set(table["Tiêu chí chưa đạt"]) == {""}
    at.switch_page("pages/commune.py").run()
    assert_clean(at)
    assert len(at.selectbox(key="commune").options) == 10
    assert any("Chỉ các xã ở mức Kiểu mẫu năm 2025 (10 xã)" in c.value for c in at.caption)


# --- a new commune and the old communes it was formed from (issue 13) -------------------------------


def test_from_2026_the_index_is_the_new_communes_by_former_district(demo):
    index = commune_index(demo.registry, demo.commune_year, [], (), 2026, demo.new_units)
    assert len(index) == 61 and "Xã Thất Khê" in set(index["name"])  # not Thị trấn Thất Khê (same code)
    one = commune_index(demo.registry, demo.commune_year, ["180"], (), 2026, demo.new_units)
    assert set(one["district_code"]) == {"180"} and len(one) == 7
    assert list(search(index, "dinh lap")["name"])[:1] == ["Xã Đình Lập"]


def test_a_code_is_read_with_its_year_old_and_new_communes_apart(demo):
    cy = demo.commune_year
    old, new = criteria_grid(cy, "06001", False), criteria_grid(cy, "06001", True)
    assert len(old) == 19 * 11 and set(old["year"]) == set(range(2015, 2026))  # old Xã Đoàn Kết
    assert len(new) == 10 and set(new["year"]) == {2026}  # new Xã Đoàn Kết, 10 criteria
    history = level_history(cy, "06001", True)
    assert history[["year", "n_criteria"]].values.tolist() == [[2026, 10]]
    assert missing_criteria(cy, "06001", 2026, True) == [
        cid for cid in (f"{i:02d}" for i in range(1, 11)) if not new.set_index("criterion_id").loc[cid, "met"]
    ]
    context = district_context(cy, "06001", 2026, True)
    assert context["district_code"] == "180" and context["district"]["communes"] == 7


def test_a_new_commune_lists_its_old_communes_with_their_2025_standing(demo):
    from ntm.views.commune import predecessors, predecessors_table, successors

    table = predecessors(demo, "06001")
    assert list(table["old_code"]) == ["05998", "06001", "06010"]  # Khánh Long, Đoàn Kết, Cao Minh
    assert set(table["year"]) == {2025} and set(table["n_criteria"]) == {19}
    shown = predecessors_table(table, {"180": "Tràng Định"}, "vi")
    assert shown["Huyện / thành phố"].tolist() == ["Tràng Định"] * 3
    assert shown["Tiêu chí đạt"].str.endswith("/19").all()
    towns = predecessors(demo, "06040")  # Thất Khê took in the district town, which NTM does not assess
    assert "Không đánh giá NTM (thị trấn, phường)" in predecessors_table(towns, {}, "vi")["Mức (năm)"].tolist()
    split = predecessors(demo, "06625")  # Kiên Mộc: part of Bính Xá
    assert "partial" in set(split["part"]) and "(một phần)" in " ".join(predecessors_table(split, {}, "vi")["Xã cũ"])
    assert successors(demo, "06010") == [("06001", "Xã Đoàn Kết")]


def test_new_commune_page_shows_10_criteria_and_the_old_communes():
    at = run_app("pages/commune.py", year=2026)
    assert_clean(at)
    at.text_input(key="q").input("doan ket").run()
    assert_clean(at)
    assert at.subheader[0].value == "Xã Đoàn Kết (xã mới, huyện cũ Tràng Định)"
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Số tiêu chí đạt"].endswith("/10") and metrics["Thứ hạng trong huyện cũ"].endswith("/7")
    old = at.dataframe[-1].value
    assert list(old["Xã cũ"]) == ["Xã Khánh Long", "Xã Đoàn Kết", "Xã Cao Minh"]
    assert any("Nhóm xã (bộ tiêu chí 2026-2030): Nhóm 3. Phân nhóm minh họa." in c.value for c in at.caption)


def test_an_old_commune_chosen_in_2025_is_followed_to_its_new_commune_in_2026():
    at = run_app("pages/commune.py", year=2025, commune="06010")  # Xã Cao Minh
    assert_clean(at)
    assert any("Từ 1/7/2025 thuộc xã mới: Xã Đoàn Kết." in c.value for c in at.caption)
    at.session_state["year"] = 2026
    at.run()
    assert_clean(at)
    assert at.selectbox(key="commune").value == "06001"


def test_an_old_communes_name_in_2026_finds_the_new_commune_it_went_into(demo):
    index = commune_index(demo.registry, demo.commune_year, year=2026, new_units=demo.new_units)
    assert search(index, "hoa binh").empty  # no new commune bears the name
    found, moves = found_by_former_name(demo, index, "hoa binh")
    assert moves and {m["old"] for m in moves} == {"Xã Hòa Bình"}
    assert all(m["district"] for m in moves)
    assert set(found["code"]) == {code for m in moves for code in m["codes"]}
    for move in moves:
        old = demo.registry[
            (demo.registry["name"] == move["old"]) & (demo.registry["district_name"] == move["district"])
        ]
        assert move["codes"] == successor_of(old["code"].iloc[0], registry=demo.registry)
    assert found_by_former_name(demo, index, "atlantis")[0].empty
