"""The map page in AppTest: controls, boundary reporting, the district panel and the year link."""

import pytest
from apptest_helpers import assert_clean, nodes, run_app

from ntm.paths import SHARED
from ntm.views.map import MAP_METRICS

MAP = "pages/map.py"


def _texts(at, kind):
    return " ".join(str(n.value) for n in nodes(at, kind))


def test_map_page_renders_with_bundled_boundaries():
    at = run_app(MAP)
    assert_clean(at)
    assert at.title[0].value == "Bản đồ theo huyện năm 2025"
    assert "ranh giới gần đúng" in _texts(at, "caption")
    assert at.selectbox(key="map_metric").options[0] == "Tỷ lệ xã đạt chuẩn (%)"
    assert "Bấm vào một huyện" in _texts(at, "alert") + _texts(at, "info")


@pytest.mark.shared_data
def test_official_boundaries_from_environment(monkeypatch):
    monkeypatch.setenv("NTM_BOUNDARIES", str(SHARED / "geo" / "lang_son_districts.geojson"))
    at = run_app(MAP, lang="en")
    assert_clean(at)
    assert "Using official boundaries: lang_son_districts.geojson" in _texts(at, "caption")
    assert not [w for w in nodes(at, "warning") if "district" in str(w.value).lower()]


def test_missing_boundary_file_is_a_message_not_a_traceback(monkeypatch, tmp_path):
    monkeypatch.setenv("NTM_BOUNDARIES", str(tmp_path / "nowhere.geojson"))
    at = run_app(MAP)
    assert not at.exception
    warnings = _texts(at, "warning")
    assert "Không tìm thấy tệp ranh giới" in warnings and "ranh giới gần đúng" in warnings


def test_selecting_a_district_shows_its_panel():
    at = run_app(MAP)
    at.selectbox(key="map_district").set_value("180").run()
    assert_clean(at)
    assert "Tràng Định so với toàn tỉnh" in [s.value for s in at.subheader]
    tables = nodes(at, "table")
    assert len(tables) == 3
    headline = tables[0].value
    assert list(headline.columns) == ["Huyện", "Toàn tỉnh"]
    assert headline.loc["Xã đạt chuẩn NTM"].tolist() == ["3", "106"]
    assert "Chưa có xã nào đạt 17-18 tiêu chí" in _texts(at, "caption")


def test_year_slider_moves_the_whole_app_year():
    at = run_app(MAP)
    at.select_slider(key="map_year").set_value(2019).run()
    assert_clean(at)
    assert at.session_state["year"] == 2019
    assert at.title[0].value == "Bản đồ theo huyện năm 2019"


def test_every_metric_and_commune_points_render():
    at = run_app(MAP, lang="en")
    for metric in MAP_METRICS:
        at.selectbox(key="map_metric").set_value(metric).run()
        assert_clean(at)
        assert at.selectbox(key="map_metric").value == metric
    at.selectbox(key="map_metric").set_value("criterion_share").run()
    assert "Criterion: 02. Transport" in _texts(at, "caption")
    at.toggle(key="map_points").set_value(True).run()
    assert_clean(at)
