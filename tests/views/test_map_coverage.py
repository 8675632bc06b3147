"""Reporting completeness on the map (issue 14.6): a district, or a new commune, none of whose communes
reported reads 'Chưa báo cáo' (grey, never 0 %); the others say how many of their district's communes
reported; the panels say it too."""

import pandas as pd
import pytest

from ntm import metrics
from ntm.dataset import Dataset
from ntm.geo.folium_map import legend_html
from ntm.registry import district_names
from ntm.views import map as map_view

DINH_LAP, BAC_SON, BINH_GIA = "189", "185", "181"


def reported_only(demo: Dataset, year: int, keep: dict[str, int | None]) -> Dataset:
    """The demo with, for `year`, only the first communes of some districts ({district: how many,
    None for all}); other years complete."""
    rows = metrics.select(demo.commune_year, year)
    codes = set()
    for district, count in keep.items():
        codes |= set(
            sorted(rows.loc[rows["district_code"].astype(str) == district, "commune_code"].astype(str))[:count]
        )

    def kept(frame: pd.DataFrame) -> pd.DataFrame:
        return frame[(frame["year"] != year) | frame["commune_code"].astype(str).isin(codes)]

    return Dataset(kept(demo.criteria), kept(demo.levels), demo.registry, label="sparse")


@pytest.fixture(scope="module")
def sparse(demo):
    return reported_only(demo, 2025, {DINH_LAP: None, BAC_SON: 5})


@pytest.fixture(scope="module")
def names(demo):
    return district_names(demo.registry)


def district_layer(dataset, names, lang="vi"):
    codes = sorted(names)
    breaks = map_view.class_breaks(dataset, "share_ntm", level="district", year=2025)
    return map_view.layer_data(dataset, "district", "share_ntm", "02", lang, breaks, codes, names, years=[2024, 2025])


def test_a_district_without_reports_is_not_reported_not_zero(sparse, names):
    layer = district_layer(sparse, names)
    cls, text, detail, _ = layer["data"]["2025"][BINH_GIA]
    assert (cls, text, detail) == (None, "Chưa báo cáo", "Bình Gia: 0/18 xã đã báo cáo")
    cls, text, detail, _ = layer["data"]["2025"][BAC_SON]
    assert cls is not None and detail.endswith(" · Bắc Sơn: 5/17 xã đã báo cáo")
    assert layer["data"]["2025"][DINH_LAP][2].endswith(" · Đình Lập: 10/10 xã đã báo cáo")
    assert layer["unreported"]
    assert "đã báo cáo" not in layer["data"]["2024"][BINH_GIA][2]  # a complete year says nothing of it
    english = district_layer(sparse, names, "en")
    assert english["data"]["2025"][BINH_GIA][1:3] == ["Not reported yet", "Bình Gia: 0 of 18 communes reported"]
    assert "Chưa báo cáo hoặc không có số liệu" in legend_html("x", (0, 0.5, 1), "share_ntm", "vi", unreported=True)
    assert "Chưa báo cáo" not in legend_html("x", (0, 0.5, 1), "share_ntm", "vi")


def test_a_complete_dataset_has_nothing_unreported(demo, names):
    layer = district_layer(demo, names)
    assert not layer["unreported"]
    assert all(entry[1] != "Chưa báo cáo" for entry in layer["data"]["2025"].values())


def test_new_communes_of_a_silent_district_are_not_reported(sparse, names):
    communes = map_view.new_units()
    codes = list(communes["code"])
    breaks = map_view.class_breaks(sparse, "share_ntm", level="commune", year=2025)
    layer = map_view.layer_data(sparse, "commune", "share_ntm", "02", "vi", breaks, codes, names, years=[2025])
    former = dict(zip(communes["code"], communes["former_district_code"]))
    wards = map_view.wards()
    silent = [c for c in codes if former[c] == BINH_GIA and c not in wards]
    assert silent
    for code in silent:
        cls, text, detail, members = layer["data"]["2025"][code]
        assert cls is None and text == "Chưa báo cáo" and detail == "Bình Gia: 0/18 xã đã báo cáo"
    reported = [c for c in codes if former[c] == DINH_LAP and layer["data"]["2025"][c][0] is not None]
    assert reported and all(layer["data"]["2025"][c][2].endswith("Đình Lập: 10/10 xã đã báo cáo") for c in reported)
    assert layer["text"]["unreported"] == "chưa báo cáo"  # an old commune without a report, in the tooltip


def test_the_panels_say_how_many_communes_of_the_district_reported(sparse, names):
    assert map_view.unit_reporting(sparse, 2025, "district", BAC_SON, names, "vi") == (
        5,
        17,
        "Bắc Sơn: 5/17 xã đã báo cáo",
    )
    communes = map_view.new_units()
    code = communes.loc[communes["former_district_code"] == BINH_GIA, "code"].iloc[0]
    assert map_view.unit_reporting(sparse, 2025, "commune", code, names, "vi")[2] == "Bình Gia: 0/18 xã đã báo cáo"
    panel = map_view.commune_panel(sparse, 2025, code, "vi")
    rural = panel["members"][panel["members"]["level"] != ""]
    assert len(rural) and set(rural["level"]) == {"Chưa báo cáo"} and panel["assessed"] == 0


def test_the_map_table_file_says_not_reported(sparse, names):
    layer = district_layer(sparse, names)
    values = map_view.level_values(sparse, "district", "share_ntm")
    table = map_view.download_table(layer, values, map_view.SHARE_BREAKS, "share_ntm", "vi", names)
    row = table[(table["year"] == 2025) & (table["code"] == BINH_GIA)].iloc[0]
    assert row["class_label"] == "Chưa báo cáo" and pd.isna(row["value"])
