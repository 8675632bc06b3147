"""Boundary loading: name matching against real-world spellings, reporting, repair, simplification."""

import json
import unicodedata

import geopandas as gpd
import pytest
import shapely

from ntm.geo.boundaries import (
    BoundaryError,
    load_boundaries,
    load_default,
    normalise_name,
    prepare,
    simplify_for_browser,
)
from ntm.paths import GEO, SHARED
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


def test_unmatched_and_duplicate_features_are_reported_by_name(table):
    loaded = prepare(_features(["Huyện Bắc Sơn", "Bac Son", "Huyện Ba Chẽ"]), table, official=True, source="test")
    assert loaded.unmatched == ["Huyện Ba Chẽ"]
    assert loaded.duplicates == ["Huyện Bắc Sơn", "Bac Son"]
    merged = loaded.frame.set_index("district_code").geometry["185"]
    assert merged.area == pytest.approx(2 * 0.01)  # both parts kept, not dropped


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


def test_unreadable_file_says_what_to_do(tmp_path, table):
    bad = tmp_path / "bad.geojson"
    bad.write_text("not json")
    with pytest.raises(BoundaryError, match="GeoJSON"):
        load_boundaries(table, bad)
    with pytest.raises(BoundaryError, match="NTM_BOUNDARIES"):
        load_boundaries(table, tmp_path / "missing.geojson")


@pytest.mark.shared_data
def test_official_boundaries_match_all_eleven_districts(table):
    loaded = load_boundaries(table, OFFICIAL)
    assert loaded.official
    assert sorted(loaded.frame["district_code"]) == sorted(table["district_code"])
    assert (loaded.unmatched, loaded.duplicates, loaded.missing) == ([], [], [])


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


def test_bundled_default_is_rebuilt_exactly_and_covers_every_district(registry, table):
    from ntm.geo.build_default import schematic_districts

    rebuilt = schematic_districts(registry)
    shipped = json.loads((GEO / "lang_son_districts_approx.geojson").read_text(encoding="utf-8"))
    assert json.loads(rebuilt.to_json(drop_id=True)) == shipped
    loaded = load_default(table)
    assert not loaded.official and loaded.missing == [] and len(loaded.frame) == 11
    communes = gpd.GeoSeries(gpd.points_from_xy(registry["lon"], registry["lat"]), crs=4326)
    inside = loaded.frame.set_index("district_code").geometry
    for code, point in zip(registry["district_code"].head(60), communes.head(60)):
        assert inside[code].covers(point) or inside[code].distance(point) < 0.02
