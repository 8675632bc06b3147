"""The map page in AppTest: both levels (new communes, former districts) in both languages, controls,
boundary reporting, the panels (a new commune and its old communes, a ward, a district) and the year
link."""

import re

import pytest
from apptest_helpers import assert_clean, nodes, run_app

from ntm.paths import SHARED
from ntm.views.map import MAP_METRICS

MAP = "pages/map.py"
KHANH_KHE = "06286"


def _texts(at, kind):
    return " ".join(str(n.value) for n in nodes(at, kind))


def shown(cells) -> list[str]:
    """Table cells as the browser shows them: st.table reads Markdown, the page escapes it."""
    return [re.sub(r"\\(.)", r"\1", str(cell)) for cell in cells]


def test_map_page_opens_on_new_communes_with_bundled_boundaries(demo):
    at = run_app(MAP)
    assert_clean(at)
    assert at.title[0].value == f"Bản đồ theo xã năm {demo.years[-1]}"
    assert at.radio(key="map_level").value == "commune"
    assert at.radio(key="map_level").options == ["Xã mới (từ 1/7/2025)", "Huyện cũ (2015-2025)"]
    captions = _texts(at, "caption")
    assert "ranh giới gần đúng" in captions and "NTM_BOUNDARIES" in captions  # how-to: in the expander
    assert "(Bính Xá, Kiên Mộc) được tính đủ ở mỗi xã mới" in captions and "Phường không thuộc diện" in captions
    assert at.selectbox(key="map_metric").options[0] == "Tỷ lệ xã đạt chuẩn (%)"
    assert "Bấm vào một xã trên bản đồ" in _texts(at, "alert") + _texts(at, "info")
    assert "Từng năm" in [s.value for s in at.subheader]


@pytest.mark.shared_data
def test_official_boundaries_from_environment(monkeypatch):
    monkeypatch.setenv("NTM_BOUNDARIES", str(SHARED / "geo" / "lang_son_districts.geojson"))
    at = run_app(MAP, lang="en")
    assert_clean(at)
    assert "Using official boundaries: lang_son_districts.geojson" in _texts(at, "caption")
    assert not [w for w in nodes(at, "warning") if "district" in str(w.value).lower()]
    at.radio(key="map_level").set_value("district").run()
    assert_clean(at)


def test_missing_boundary_file_is_a_message_not_a_traceback(monkeypatch, tmp_path):
    monkeypatch.setenv("NTM_BOUNDARIES", str(tmp_path / "nowhere.geojson"))
    at = run_app(MAP)
    assert not at.exception
    warnings = _texts(at, "warning")
    assert "Không tìm thấy tệp ranh giới" in warnings and "ranh giới gần đúng" in warnings


def test_a_new_commune_before_the_reform_lists_its_old_communes_in_english():
    at = run_app(MAP, lang="en", year=2020)
    at.selectbox(key="map_commune").set_value(KHANH_KHE).run()
    assert_clean(at)
    assert at.title[0].value == "Map by commune, 2020"
    assert "Xã Khánh Khê, 2020" in [s.value for s in at.subheader]
    headline, members = nodes(at, "table")[:2]
    assert list(headline.value.columns) == ["Its old communes", "Province"]
    assert headline.value.loc["Communes", "Its old communes"] == "5"
    table = members.value
    assert shown(table.index) == ["Xã Bình Trung", "Xã Xuân Long", "Xã Khánh Khê", "Xã Đồng Giáp", "Xã Tràng Các"]
    assert list(table["Former district"]) == ["Cao Lộc", "Cao Lộc", "Văn Quan", "Văn Quan", "Văn Quan"]
    assert set(table["Level"]) <= {"Not yet meeting", "Standard", "Advanced", "Model"}
    assert "In 2020, before the merger: 5 old communes were assessed" in _texts(at, "caption")
    assert "(Bính Xá, Kiên Mộc) counts in full in each new commune" in _texts(at, "caption")


def test_split_commune_is_marked_as_a_part_and_a_ward_is_not_assessed():
    at = run_app(MAP, year=2020)
    at.selectbox(key="map_commune").set_value("06613").run()  # Đình Lập took part of Bính Xá
    assert_clean(at)
    members = nodes(at, "table")[1].value
    assert "Xã Bính Xá (một phần)" in shown(members.index)
    at.selectbox(key="map_commune").set_value("05977").run()  # Phường Đông Kinh
    assert_clean(at)
    assert "Phường không thuộc diện đánh giá NTM" in _texts(at, "info")
    tables = nodes(at, "table")
    assert len(tables) == 1  # no numbers for the ward: only its old units
    assert shown(tables[0].value.index) == ["Phường Vĩnh Trại", "Phường Đông Kinh", "Xã Mai Pha", "Xã Yên Trạch"]


def test_former_districts_level_shows_a_district_panel_with_criteria_as_text():
    at = run_app(MAP, year=2025)
    at.radio(key="map_level").set_value("district").run()
    assert at.title[0].value == "Bản đồ theo huyện cũ năm 2025"
    assert "Theo huyện cũ" in _texts(at, "caption")
    at.selectbox(key="map_district").set_value("180").run()
    assert_clean(at)
    assert "Tràng Định so với toàn tỉnh" in [s.value for s in at.subheader]
    tables = nodes(at, "table")
    assert len(tables) == 3
    headline = tables[0].value
    assert list(headline.columns) == ["Huyện", "Toàn tỉnh"]
    assert headline.loc["Xã đạt chuẩn NTM"].tolist() == ["3", "106"]
    # st.table reads Markdown: "05. Trường học" is escaped so that it is not shown as the list item "5."
    assert all(re.match(r"^\d\d\\\. \S", label) for label in tables[1].value.index)
    assert "Chưa có xã nào đạt 17-18 tiêu chí" in _texts(at, "caption")


def test_year_slider_moves_the_whole_app_year():
    at = run_app(MAP)
    at.select_slider(key="map_year").set_value(2019).run()
    assert_clean(at)
    assert at.session_state["year"] == 2019
    assert at.title[0].value == "Bản đồ theo xã năm 2019"


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_every_metric_at_both_levels_with_points(lang):
    at = run_app(MAP, lang=lang, year=2020)
    at.toggle(key="map_points").set_value(True).run()
    for level in ("commune", "district"):
        at.radio(key="map_level").set_value(level).run()
        for metric in MAP_METRICS:
            at.selectbox(key="map_metric").set_value(metric).run()
            assert_clean(at)
            assert at.selectbox(key="map_metric").value == metric
    if lang == "en":
        at.selectbox(key="map_metric").set_value("criterion_share").run()
        assert "Criterion: 02. Transport" in _texts(at, "caption")
        assert at.title[0].value == "Map by former district, 2020"


def test_a_year_of_new_communes_shows_each_commune_itself(demo):
    year = demo.years[-1]
    if year < 2026:
        pytest.skip("the data have no year of new communes")
    at = run_app(MAP, year=year)
    options = at.selectbox(key="map_metric").options
    assert "Tỷ lệ xã đạt chuẩn (%)" in options and "Số xã NTM nâng cao (xã)" not in options  # no such level
    at.selectbox(key="map_commune").set_value(KHANH_KHE).run()
    assert_clean(at)
    assert f"Xã Khánh Khê, năm {year}" in [s.value for s in at.subheader]
    own = " ".join(shown([m.value for m in nodes(at, "markdown")]))
    assert f"Năm {year}:" in own and "tiêu chí đạt" in own
    assert "các đơn vị cũ chỉ để tra cứu" in _texts(at, "caption")
    members = nodes(at, "table")[1].value
    assert list(members.columns) == ["Huyện cũ"] and len(members) == 5
    at.radio(key="map_level").set_value("district").run()
    at.selectbox(key="map_district").set_value("180").run()
    assert_clean(at)
    assert "Xã gần đạt chuẩn (8-9 tiêu chí)" in " ".join(m.value for m in nodes(at, "markdown"))
