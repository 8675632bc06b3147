"""The overview's district map chart: classes, tooltip text and one shape per district."""

import pandas as pd
import pytest

from ntm.charts.map import district_map_chart, map_frame
from ntm.geo.boundaries import load_default, simplify_for_browser
from ntm.registry import districts
from ntm.views.map import NO_DATA, PALETTE, SHARE_BREAKS, district_values


def test_each_district_gets_its_class_and_value_text(demo):
    table = districts(demo.registry)
    names = dict(zip(table["district_code"], table["district_short"]))
    shapes = simplify_for_browser(load_default(table).frame)
    values = district_values(demo, 2025, "share_ntm")
    values = values[values["district_code"] != "178"]  # one district without data
    frame = map_frame(shapes, values, names, "share_ntm", SHARE_BREAKS, "vi")
    assert len(frame) == 11
    by_code = frame.set_index("district_code")
    assert (
        by_code.loc["178", "class_label"] == "Không có số liệu"
        and by_code.loc["178", "value_text"] == "Không có số liệu"
    )
    share = values.set_index("district_code").loc["180", "value"]
    assert by_code.loc["180", "value_text"] == f"{share * 100:.1f} %".replace(".", ",")
    assert (
        by_code.loc["180", "class_label"]
        == ["0 %–20 %", "20 %–40 %", "40 %–60 %", "60 %–80 %", "80 %–100 %"][min(int(share / 0.2), 4)]
    )

    spec = district_map_chart(frame, "share_ntm", "Tỷ lệ", SHARE_BREAKS, "vi", "Bản đồ").to_dict()
    shapes_layer, labels_layer = spec["layer"][0], spec["layer"][1]
    assert shapes_layer["mark"]["type"] == "geoshape"
    assert shapes_layer["encoding"]["color"]["scale"]["range"] == list(PALETTE) + [NO_DATA]
    data = pd.DataFrame(spec["datasets"][labels_layer["data"]["name"]])
    assert sorted(data["name"]) == sorted(names.values())


def polygons(frame) -> list:
    return [part for shape in frame.geometry for part in getattr(shape, "geoms", [shape])]


@pytest.mark.shared_data
def test_official_boundaries_are_drawn_with_clockwise_rings(demo):
    """Vega (d3-geo) reads a counter-clockwise ring, the GeoJSON convention of the official file,
    as the whole globe minus the district: the chart must hand it clockwise exterior rings."""
    import shapely

    from ntm.geo.boundaries import load_boundaries
    from ntm.paths import SHARED

    table = districts(demo.registry)
    names = dict(zip(table["district_code"], table["district_short"]))
    official = simplify_for_browser(load_boundaries(table, SHARED / "geo" / "lang_son_districts.geojson").frame)
    assert any(shapely.is_ccw(p.exterior) for p in polygons(official))  # the file's own orientation
    frame = map_frame(official, district_values(demo, 2025, "share_ntm"), names, "share_ntm", SHARE_BREAKS, "vi")
    assert len(frame) == 11 and not any(shapely.is_ccw(p.exterior) for p in polygons(frame))


def test_small_multiples_one_map_per_year_with_shapes_stored_once(demo):
    from ntm.charts.map import SHAPES_DATASET, small_multiples_frame, small_multiples_spec
    from ntm.geo.boundaries import load_communes
    from ntm.views.map import class_breaks, layer_data, wards

    communes = simplify_for_browser(load_communes().frame[["code", "geometry"]], 90_000)
    breaks = class_breaks(demo, "communes_ntm_advanced", level="commune")
    layer = layer_data(demo, "commune", "communes_ntm_advanced", "02", "en", breaks, list(communes["code"]), {})
    frame = small_multiples_frame(layer, breaks, "communes_ntm_advanced", "en")
    assert len(frame) == 65 * len(demo.years) and sorted(frame["year"].unique()) == demo.years
    assert set(frame.loc[frame["code"].isin(wards()), "class_label"]) == {"Ward: not assessed under NTM"}
    spec = small_multiples_spec(communes, "code", frame, breaks, "communes_ntm_advanced", "Advanced", "en", "T")
    assert spec["facet"]["field"] == "year" and spec["columns"] == 6
    assert len(spec["datasets"][SHAPES_DATASET]) == 65  # geometry once, not once per year
    values = next(v for k, v in spec["datasets"].items() if k != SHAPES_DATASET)
    assert len(values) == len(frame)
    scale = spec["spec"]["encoding"]["color"]["scale"]
    assert scale["domain"][:2] == ["0", "1"] and scale["domain"][-2:] == ["No data", "Ward: not assessed under NTM"]
    assert len(scale["domain"]) == len(scale["range"])
