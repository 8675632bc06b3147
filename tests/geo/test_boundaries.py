"""Boundary loading: name matching against real-world spellings, reporting, repair, simplification."""

import json
import unicodedata

import geopandas as gpd
import pytest
import shapely

from ntm.geo.boundaries import (
    COMMUNE_BOUNDARIES,
    DEFAULT_BOUNDARIES,
    BoundaryError,
    dissolve_to_former_districts,
    load_boundaries,
    load_communes,
    load_default,
    normalise_name,
    prepare,
    prepare_communes,
    simplify_for_browser,
)
from ntm.paths import SHARED
from ntm.registry import districts

OFFICIAL = SHARED / "geo" / "lang_son_districts.geojson"


@pytest.fixture(scope="module")
def table(registry):
    return districts(registry)


@pytest.mark.parametrize(
    "spelling",
    [
        "Huyện Đình Lập",
        "Đình Lập",
        unicodedata.normalize("NFD", "Huyện Đình Lập"),
        "Huyện \u00d0ình Lập",
        "HUYỆN ĐÌNH LẬP",
        "huyen dinh lap",
        "Dinh Lap",
        "  Huyện   Đình  Lập ",
    ],
)
def test_spellings_of_one_district_normalise_alike(spelling):
    assert normalise_name(spelling) == normalise_name("Đình Lập") == "dinh lap"


@pytest.mark.parametrize("spelling", ["Thành phố Lạng Sơn", "TP. Lạng Sơn", "TP Lạng Sơn", "tp.lang son", "Lang Son"])
def test_city_prefixes_are_dropped(spelling):
    assert normalise_name(spelling) == "lang son"


def _features(names, geometries=None):
    geometries = geometries or [shapely.box(106 + i * 0.1, 21.5, 106.1 + i * 0.1, 21.6) for i in range(len(names))]
    return gpd.GeoDataFrame({"name": names}, geometry=geometries, crs=4326)


def test_match_by_name_with_messy_spellings(table):
    names = [
        "TP. Lạng Sơn",
        unicodedata.normalize("NFD", "Huyện Tràng Định"),
        "Huyện \u00d0ình Lập",
        "VAN LANG",
        "Huyện Hữu Lung",
    ]
    loaded = prepare(_features(names), table, official=True, source="test")
    assert list(loaded.frame["district_code"]) == ["178", "180", "182", "186", "189"]
    assert loaded.unmatched == []
    assert len(loaded.missing) == 6 and "Huyện Bắc Sơn" in loaded.missing


def test_features_colliding_on_one_district_refuse_the_file(table):
    frame = _features(["Huyện Bắc Sơn", "Bac Son", "Huyện Ba Chẽ", "Văn Quan"])
    with pytest.raises(BoundaryError, match="Bắc Sơn") as caught:
        prepare(frame, table, official=True, source="hai_bac_son.geojson")
    report = caught.value.report
    assert report.level == "district" and report.column == "name"
    assert report.collisions == {"Huyện Bắc Sơn": ["Huyện Bắc Sơn", "Bac Son"]}
    assert report.unmatched == ["Huyện Ba Chẽ"]
    assert "hai_bac_son.geojson" in str(caught.value) and "Bac Son" in str(caught.value)


def test_code_column_wins_over_names(table):
    frame = _features(["wrong name", "another"]).assign(district_code=["188", "181"])
    loaded = prepare(frame, table, official=True, source="test")
    assert list(loaded.frame["district_code"]) == ["181", "188"]


def test_invalid_geometry_is_repaired(table):
    bow_tie = shapely.Polygon([(106, 21), (106.2, 21.2), (106.2, 21), (106, 21.2), (106, 21)])
    assert not bow_tie.is_valid
    loaded = prepare(_features(["Chi Lăng"], [bow_tie]), table, official=True, source="test")
    assert loaded.repaired == ["Chi Lăng"]
    assert loaded.frame.geometry.is_valid.all()
    assert loaded.frame.geometry.iloc[0].area == pytest.approx(0.02)


def test_unreadable_file_says_what_to_do_and_names_only_the_file(tmp_path, table):
    bad = tmp_path / "bad.geojson"
    bad.write_text("not json")
    with pytest.raises(BoundaryError, match="GeoJSON") as caught:
        load_boundaries(table, bad)
    assert "bad.geojson" in str(caught.value) and str(tmp_path) not in str(caught.value)
    with pytest.raises(BoundaryError, match="NTM_BOUNDARIES") as caught:
        load_boundaries(table, tmp_path / "missing.geojson")
    assert "missing.geojson" in str(caught.value) and str(tmp_path) not in str(caught.value)


@pytest.mark.shared_data
def test_official_boundaries_match_all_eleven_districts(table):
    loaded = load_boundaries(table, OFFICIAL)
    assert loaded.official and loaded.level == "district" and loaded.column == "district_code"
    assert sorted(loaded.frame["district_code"]) == sorted(table["district_code"])
    assert (loaded.unmatched, loaded.duplicates, loaded.missing, loaded.skipped) == ([], [], [], [])
    assert not loaded.approximate


@pytest.mark.shared_data
def test_official_boundaries_match_by_name_alone(tmp_path, table):
    data = json.loads(OFFICIAL.read_text(encoding="utf-8"))
    for feature in data["features"]:
        name = feature["properties"].pop("district_name")
        del feature["properties"]["district_code"]
        feature["properties"]["ten_huyen"] = unicodedata.normalize("NFD", name.replace("Đ", "\u00d0"))
    path = tmp_path / "by_name.geojson"
    path.write_text(json.dumps(data), encoding="utf-8")
    loaded = load_boundaries(table, path)
    assert len(loaded.frame) == 11 and loaded.missing == [] and loaded.unmatched == []


@pytest.mark.shared_data
def test_shapefile_and_geopackage_are_read(tmp_path, table):
    frame = gpd.read_file(OFFICIAL)
    frame.to_file(tmp_path / "d.gpkg")
    frame.to_file(tmp_path / "d.shp")
    for name in ("d.gpkg", "d.shp"):
        assert len(load_boundaries(table, tmp_path / name).frame) == 11


@pytest.mark.shared_data
def test_environment_variable_selects_official_file(monkeypatch, table):
    monkeypatch.setenv("NTM_BOUNDARIES", str(OFFICIAL))
    assert load_boundaries(table).official
    monkeypatch.delenv("NTM_BOUNDARIES")
    assert not load_boundaries(table).official


@pytest.mark.shared_data
def test_simplification_fits_budget_and_keeps_shared_borders(table):
    frame = load_boundaries(table, OFFICIAL).frame
    budget = 120_000
    simplified = simplify_for_browser(frame, budget=budget)
    assert len(simplified.to_json(drop_id=True).encode()) <= budget
    assert len(frame.to_json(drop_id=True).encode()) > budget
    union_before = shapely.union_all(frame.geometry.values)
    union_after = shapely.union_all(simplified.geometry.values)

    # no gaps opened between neighbours: the union has no more holes than before
    def holes(g):
        return sum(len(p.interiors) for p in getattr(g, "geoms", [g]))

    assert holes(union_after) <= holes(union_before)
    overlaps = sum(
        a.intersection(b).area for i, a in enumerate(simplified.geometry) for b in simplified.geometry[i + 1 :]
    )
    assert overlaps < 1e-6


# --- level and column detection, refusals, skipped features ----------------------------------------


def test_default_is_rebuilt_exactly_within_its_size_budget(registry):
    from ntm.geo.build_default import SIZE_BUDGET, former_district_shapes

    rebuilt = former_district_shapes(registry)
    text = DEFAULT_BOUNDARIES.read_text(encoding="utf-8")
    assert json.loads(rebuilt.to_json(drop_id=True)) == json.loads(text)
    assert len(text.encode()) <= SIZE_BUDGET


def test_default_is_the_union_of_new_communes_by_former_district(table):
    loaded = load_default(table)
    assert not loaded.official and loaded.level == "district" and loaded.missing == []
    assert list(loaded.frame["district_code"]) == list(table["district_code"])
    shapes = loaded.frame.set_index("district_code").geometry
    assert not shapes.is_empty.any() and shapes.is_valid.all()
    assert shapely.coverage_is_valid(shapes.values)  # neighbours share their borders exactly
    assert loaded.approximate and loaded.straddling == ["Đông Kinh", "Kỳ Lừa", "Khánh Khê", "Tân Đoàn"]
    raw = gpd.read_file(DEFAULT_BOUNDARIES).set_index("district_code")
    assert set(raw.index[raw["approximate"]]) == {"178", "183", "184"}
    communes = load_communes().frame
    for code, former, shape in zip(communes["code"], communes["former_district_code"], communes.geometry):
        assert shapes[former].intersection(shape).area > 0.8 * shape.area, code


@pytest.mark.shared_data
def test_default_union_is_close_to_the_official_districts(table):
    official = load_boundaries(table, OFFICIAL).frame.set_index("district_code").geometry
    default = load_default(table)
    approximate = set(gpd.read_file(DEFAULT_BOUNDARIES).query("approximate")["district_code"])
    for code, shape in default.frame.set_index("district_code").geometry.items():
        overlap = shape.intersection(official[code]).area / shape.union(official[code]).area
        assert overlap > (0.6 if code in approximate else 0.9), code


def _gadm_like(table) -> gpd.GeoDataFrame:
    """GADM's layout: NAME_0..NAME_3 with the province in NAME_2 for every feature, the district in
    NAME_3 without prefix and spelt with Ð (U+00D0), no GSO codes; shapes from the bundled communes."""
    from unidecode import unidecode

    shapes = dissolve_to_former_districts(load_communes().frame[["code", "geometry"]])
    short = table.set_index("district_code")["district_short"]
    names = [short[c] for c in shapes["district_code"]]
    return gpd.GeoDataFrame(
        {
            "GID_0": "VNM",
            "NAME_0": "Vietnam",
            "GID_1": "VNM.9_1",
            "NAME_1": "Đông Bắc",
            "GID_2": "VNM.9.30_1",
            "NAME_2": "Lạng Sơn",
            "GID_3": [f"VNM.9.30.{i + 1}_1" for i in range(len(names))],
            "NAME_3": [n.replace("Đ", "\u00d0") for n in names],
            "VARNAME_3": [unidecode(n) for n in names],
            "TYPE_3": ["Thành phố" if c == "178" else "Huyện" for c in shapes["district_code"]],
        },
        geometry=shapes.geometry.values,
        crs=4326,
    )


def test_gadm_layout_is_matched_on_the_district_column_not_the_province(tmp_path, table):
    gadm = _gadm_like(table)
    path = tmp_path / "gadm41_VNM_3.geojson"
    path.write_text(gadm.to_json(), encoding="utf-8")
    loaded = load_boundaries(table, path)
    assert loaded.level == "district" and loaded.column == "NAME_3"
    assert list(loaded.frame["district_code"]) == list(table["district_code"])
    assert (loaded.unmatched, loaded.missing, loaded.skipped) == ([], [], [])
    # every district keeps its own shape: nothing was dissolved into Lạng Sơn city
    expected = dict(zip(gadm["NAME_3"], gadm.geometry))
    for name, shape in zip(loaded.frame["feature_name"], loaded.frame.geometry):
        assert shape.symmetric_difference(expected[name]).area < 1e-9


def test_province_column_alone_is_refused_not_dissolved(table):
    gadm = _gadm_like(table)[["NAME_2", "geometry"]]
    with pytest.raises(BoundaryError) as caught:
        prepare(gadm, table, official=True, source="gadm.geojson")
    report = caught.value.report
    assert report.column == "NAME_2"
    assert list(report.collisions) == ["Thành phố Lạng Sơn"] and len(report.collisions["Thành phố Lạng Sơn"]) == 11


def test_district_names_without_prefix_are_read_as_districts(table):
    # these four are also names of new communes; a tie goes to the district level
    loaded = prepare(_features(["Bắc Sơn", "Bình Gia", "Cao Lộc", "Chi Lăng"]), table, official=True, source="t")
    assert loaded.level == "district" and list(loaded.frame["district_code"]) == ["181", "183", "185", "187"]


def test_features_without_geometry_or_name_are_reported_and_skipped(tmp_path, table):
    frame = _features(["Huyện Bắc Sơn", "Văn Quan", None, "Chi Lăng"])
    path = tmp_path / "holes.geojson"
    data = json.loads(frame.to_json())
    data["features"][3]["geometry"] = None
    path.write_text(json.dumps(data), encoding="utf-8")
    loaded = load_boundaries(table, path)
    assert list(loaded.frame["district_code"]) == ["184", "185"]
    assert loaded.skipped == ["Chi Lăng", "#3 (không có tên)"]
    assert "Huyện Chi Lăng" in loaded.missing and loaded.unmatched == []


# --- new communes ---------------------------------------------------------------------------------


def test_bundled_communes_load_with_their_former_district():
    loaded = load_communes()
    assert loaded.level == "commune" and not loaded.official and loaded.source == COMMUNE_BOUNDARIES.name
    frame = loaded.frame
    assert len(frame) == 65 and frame["code"].is_unique and list(frame["code"]) == sorted(frame["code"])
    assert (loaded.unmatched, loaded.missing, loaded.skipped) == ([], [], [])
    khanh_khe = frame.set_index("code").loc["06286"]
    assert khanh_khe["name"] == "Xã Khánh Khê" and khanh_khe["former_district_code"] == "183"
    assert frame.geometry.is_valid.all()


def test_commune_file_matched_by_name_alone(tmp_path):
    data = json.loads(COMMUNE_BOUNDARIES.read_text(encoding="utf-8"))
    for feature in data["features"]:
        properties = feature["properties"]
        feature["properties"] = {"Tên xã": unicodedata.normalize("NFD", properties["fullName"].replace("Đ", "\u00d0"))}
    path = tmp_path / "xa.geojson"
    path.write_text(json.dumps(data), encoding="utf-8")
    loaded = load_communes(path)
    assert loaded.official and loaded.column == "Tên xã" and len(loaded.frame) == 65 and loaded.missing == []


def test_commune_file_as_district_boundaries_is_joined_and_flagged(table):
    loaded = load_boundaries(table, COMMUNE_BOUNDARIES)
    assert loaded.level == "commune" and loaded.column == "code" and loaded.official
    assert list(loaded.frame["district_code"]) == list(table["district_code"]) and loaded.missing == []
    assert loaded.approximate and "Khánh Khê" in loaded.straddling


def test_district_file_is_not_commune_boundaries(tmp_path, table):
    path = tmp_path / "huyen.geojson"
    path.write_text(load_default(table).frame.to_json(), encoding="utf-8")
    with pytest.raises(BoundaryError, match="không phải ranh giới xã"):
        load_communes(path)


def test_two_features_for_one_commune_refuse_the_file():
    frame = gpd.read_file(COMMUNE_BOUNDARIES)
    tan_doan = frame.index[frame["code"] == "06316"]
    frame.loc[tan_doan, ["code", "name", "fullName"]] = ["06286", "Khánh Khê", "Xã Khánh Khê"]  # mislabelled
    with pytest.raises(BoundaryError, match="Khánh Khê") as caught:
        prepare_communes(frame, official=True, source="xa.geojson")
    numbers = sorted(frame.index[frame["code"] == "06286"] + 1)
    assert caught.value.report.collisions == {"Xã Khánh Khê": [f"Xã Khánh Khê (#{n})" for n in numbers]}


# --- python -m ntm boundaries FILE ----------------------------------------------------------------


def test_cli_reports_a_usable_file(tmp_path, table, capsys):
    from ntm.__main__ import main

    path = tmp_path / "gadm.geojson"
    path.write_text(_gadm_like(table).to_json(), encoding="utf-8")
    assert main(["boundaries", str(path)]) == 0
    out = capsys.readouterr().out
    assert "Tệp: gadm.geojson (11 đối tượng)" in out
    assert "Cấp: huyện cũ (trước 1/7/2025), 11 đơn vị" in out
    assert "Cột dùng để khớp: NAME_3 (tên)" in out
    assert "Khớp: 11/11 đối tượng, 11/11 đơn vị" in out
    assert "Kết luận: dùng được." in out and str(tmp_path) not in out


def test_cli_refuses_colliding_features_and_names_them(tmp_path, capsys):
    from ntm.__main__ import main

    path = tmp_path / "hai.geojson"
    path.write_text(_features(["Huyện Bắc Sơn", "Bắc Sơn", "Huyện Văn Quan"]).to_json(), encoding="utf-8")
    assert main(["boundaries", str(path)]) == 1
    out = capsys.readouterr().out
    assert "Trùng, nhiều đối tượng cho một đơn vị (1): Huyện Bắc Sơn ← Huyện Bắc Sơn, Bắc Sơn" in out
    assert "Kết luận: KHÔNG dùng được." in out and "hai.geojson" in out


def test_cli_reports_the_commune_level_and_a_missing_file(tmp_path, capsys):
    from ntm.__main__ import main

    assert main(["boundaries", str(COMMUNE_BOUNDARIES)]) == 0
    out = capsys.readouterr().out
    assert "Cấp: xã, phường mới (từ 1/7/2025), 65 đơn vị" in out and "Khớp: 65/65 đối tượng" in out
    assert main(["boundaries", str(tmp_path / "khong_co.geojson")]) == 1
    out = capsys.readouterr().out
    assert "khong_co.geojson" in out and str(tmp_path) not in out
