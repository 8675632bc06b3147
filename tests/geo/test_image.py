"""The map images for downloads (ntm.geo.image): the former-district map names each district inside
its shape, and a long note wraps to the image's width instead of running past the map and legend."""

import pytest
from shapely.geometry import Point

from ntm.geo.boundaries import load_boundaries
from ntm.geo.image import units_map_figure, wrapped_notes
from ntm.i18n import t
from ntm.registry import district_names, districts
from ntm.views.map import SHARE_BREAKS

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
