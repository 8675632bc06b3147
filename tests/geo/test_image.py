"""The map images for downloads (ntm.geo.image): the former-district map names each district inside
its shape, and a long note wraps to the image's width instead of running past the map and legend."""

import geopandas as gpd
import numpy as np
import pytest
from shapely.geometry import MultiPolygon, Point, Polygon, box

from ntm.geo.boundaries import load_boundaries
from ntm.geo.image import units_map_figure, wrapped_notes
from ntm.i18n import t
from ntm.registry import district_names, districts
from ntm.views.map import SHARE_BREAKS, palette_for

LONG = t("map.boundaries.union", "vi", names="Xã Tân Văn, Xã Hoàng Văn Thụ, Xã Thiện Long")


@pytest.fixture(scope="module")
def figure(registry):
    frame = load_boundaries(districts(registry)).frame
    classes = {code: i % 5 for i, code in enumerate(frame["district_code"])}
    names = district_names(registry)
    drawn = units_map_figure(
        frame, "district_code", classes, SHARE_BREAKS, "share_ntm", "Tỷ lệ", "vi", "Bản đồ theo huyện cũ, 2026",
        ["Nguồn: dữ liệu minh họa", LONG], labels=names,
    )  # fmt: skip
    yield drawn, frame.to_crs(3405), names
    drawn.clf()


def test_every_district_is_named_inside_its_shape(figure):
    drawn, frame, names = figure
    placed = {a.get_text(): a.xy for a in drawn.axes[0].texts}
    for code, shape in zip(frame["district_code"], frame.geometry):
        assert shape.contains(Point(placed[names[code]])), names[code]


def test_a_long_note_wraps_to_the_image_and_keeps_every_word(figure):
    drawn, _, _ = figure
    lines = wrapped_notes(["Nguồn: dữ liệu minh họa", LONG], 9.0)
    assert len(lines) >= 3 and max(len(line) for line in lines) < len(LONG)
    assert " ".join(lines[1:]).split() == LONG.split()
    assert "\n".join(lines) in [text.get_text() for text in drawn.texts]


def test_holes_stay_unfilled_every_part_is_filled_and_an_empty_shape_is_skipped():
    """The units are drawn from paths made once per figure (unit_paths): a unit's hole shows the
    background, both parts of a unit in two pieces take its class colour."""
    donut = Polygon([(0, 0), (0, 10), (10, 10), (10, 0)], [[(3, 3), (3, 7), (7, 7), (7, 3)]])  # turned as its outline
    two_parts = MultiPolygon([box(12, 0, 14, 3), box(15, 0, 18, 5)])
    frame = gpd.GeoDataFrame({"code": ["a", "b", "c"]}, geometry=[donut, two_parts, Polygon()], crs=3405)
    drawn = units_map_figure(frame, "code", {"a": 0, "b": 4, "c": 2}, SHARE_BREAKS, "share_ntm", "Tỷ lệ", "vi", "")
    drawn.canvas.draw()
    pixels = np.asarray(drawn.canvas.buffer_rgba())
    axes = drawn.axes[0]

    def colour_at(x, y) -> str:
        column, row = axes.transData.transform((x, y))
        return "#{:02x}{:02x}{:02x}".format(*pixels[pixels.shape[0] - int(row), int(column), :3])

    palette = palette_for(SHARE_BREAKS)
    assert colour_at(1.5, 1.5) == palette[0] and colour_at(5, 5) == "#ffffff"
    assert colour_at(13, 1.5) == colour_at(16.5, 2.5) == palette[4] and colour_at(14.5, 1) == "#ffffff"
    drawn.clf()
