"""Map values against ntm.metrics at both levels (former districts; new communes from their old
communes, the partial rule, wards), class breaks, the map's payload and HTML, the panels and the PNG maps."""

import io
import json
import math
import re
from types import SimpleNamespace

import pandas as pd
import pytest
from PIL import Image

from ntm import metrics
from ntm.charts.style import PALETTE_LEVELS
from ntm.dataset import Dataset
from ntm.geo.boundaries import load_boundaries, load_communes, load_default, simplify_for_browser
from ntm.geo.folium_map import base_map, bounds_of, standalone_html
from ntm.geo.image import district_map_png
from ntm.i18n import t
from ntm.metrics import AVG_BREAKS
from ntm.paths import SHARED
from ntm.registry import districts
from ntm.views.map import (
    MAP_METRICS,
    NOT_ASSESSED,
    PALETTE,
    SHARE_BREAKS,
    against_province,
    class_breaks,
    class_labels,
    class_of,
    colour_of,
    commune_names,
    commune_panel,
    commune_values,
    count_breaks,
    district_at,
    district_communes,
    district_values,
    formation,
    layer_data,
    level_values,
    map_metrics,
    map_payload,
    map_years,
    near_range,
    near_standard,
    new_year,
    nice_breaks,
    palette_for,
    points_data,
    split_communes,
    unit_at,
    values_by_district,
    wards,
    weakest_criteria,
)


def js(text: str) -> str:
    """`text` as folium writes it into the page's script (JSON, non-ASCII escaped)."""
    return json.dumps(text)[1:-1]


@pytest.mark.parametrize("year", [2019, 2025])
def test_share_and_counts_match_metrics_per_district(demo, year):
    cy = metrics.select(demo.commune_year, year)
    for metric in ("share_ntm", "avg_criteria", "communes_ntm_advanced", "communes_ntm_model"):
        table = district_values(demo, year, metric).set_index("district_code")
        for code in ("180", "189"):
            expected = metrics.METRICS[metric](cy[cy["district_code"] == code])
            assert table.loc[code, "value"] == pytest.approx(expected)
            assert table.loc[code, "communes"] == metrics.METRICS["communes"](cy[cy["district_code"] == code])


def test_criterion_share_matches_criterion_counts(demo):
    cy = metrics.select(demo.commune_year, 2025, ["186"])
    expected = metrics.criterion_counts(demo.criteria, cy).set_index("criterion_id").loc["17"]
    row = district_values(demo, 2025, "criterion_share", "17").set_index("district_code").loc["186"]
    assert (row["count"], row["communes"]) == (expected["met"], expected["communes"])
    assert row["value"] == pytest.approx(expected["share"])
    assert values_by_district(demo, 2025, "criterion_share", "17")["186"] == pytest.approx(expected["share"])


def test_every_district_has_a_value_each_year(demo):
    for metric in MAP_METRICS:
        assert len(district_values(demo, 2025, metric)) == 11


def test_unknown_metric_is_refused(demo):
    with pytest.raises(KeyError):
        district_values(demo, 2025, "population")


def test_breaks_are_fixed_across_years_and_cover_every_year(demo):
    for metric in MAP_METRICS:
        breaks = class_breaks(demo, metric, "17")
        assert list(breaks) == sorted(breaks) and 3 <= len(breaks) <= len(PALETTE) + 1
        for year in demo.years:
            values = district_values(demo, year, metric, "17")["value"]
            assert values.between(breaks[0], breaks[-1]).all(), (metric, year)
    assert class_breaks(demo, "share_ntm") == SHARE_BREAKS


def test_count_breaks_reach_the_largest_count_of_any_year(demo):
    for level in ("district", "commune"):
        breaks = class_breaks(demo, "communes_ntm_advanced", level=level)
        largest = level_values(demo, level, "communes_ntm_advanced")["value"].max()
        assert breaks[-2] <= largest < breaks[-1]  # in the last class, which holds breaks[-2]..breaks[-1] - 1


def test_class_of_edges():
    assert nice_breaks(12) == (0, 3, 6, 9, 12, 15)
    assert [class_of(v, SHARE_BREAKS) for v in (0, 0.19, 0.2, 0.99, 1.0)] == [0, 0, 1, 4, 4]
    assert class_of(math.nan, SHARE_BREAKS) is None
    assert colour_of(1.0, SHARE_BREAKS) == PALETTE[-1]
    assert class_labels(SHARE_BREAKS, "share_ntm", "vi")[0] == "0 %–20 %"
    assert class_labels(SHARE_BREAKS, "share_ntm", "en")[-1] == "80%–100%"


@pytest.fixture(scope="module")
def boundaries(registry):
    return load_default(districts(registry))


@pytest.mark.shared_data
def test_official_map_html_within_budget(demo, registry):
    table = districts(registry)
    loaded = load_boundaries(table, SHARED / "geo" / "lang_son_districts.geojson")
    names = dict(zip(table["district_code"], table["district_short"]))
    frame = simplify_for_browser(loaded.frame)
    communes = simplify_for_browser(load_communes().frame[["code", "geometry"]], 90_000)
    for level in ("district", "commune"):
        text = map_payload(
            demo, level, "avg_criteria", "02", "vi", 2025, communes, frame, names, points=points_data(demo, "vi")
        )
        html = standalone_html(base_map(bounds_of(frame), "vi"), text)
        assert len(html.encode()) < 400_000
        assert js("gần đúng") not in html and "gần đúng" not in text


def test_png_map_is_an_image_with_the_district_colours(demo, boundaries):
    values = values_by_district(demo, 2025, "share_ntm")
    png = district_map_png(values, "Tỷ lệ xã đạt chuẩn (%)", "vi", boundaries)
    image = Image.open(io.BytesIO(png)).convert("RGB")
    assert image.format is None and image.size[0] > 800
    colours = {"#{:02x}{:02x}{:02x}".format(*c) for _, c in image.getcolors(maxcolors=1_000_000)}
    for _code, value in values.items():
        assert colour_of(value, SHARE_BREAKS) in colours


def test_district_at_click(boundaries):
    point = boundaries.frame.set_index("district_code").geometry["189"].representative_point()
    assert district_at(boundaries.frame, point.y, point.x) == "189"
    assert district_at(boundaries.frame, 10.0, 100.0) is None


def test_panel_numbers(demo):
    rows = against_province(demo, 2025, "180").set_index("metric")
    cy = metrics.select(demo.commune_year, 2025)
    assert rows.loc["communes_ntm", "province"] == metrics.METRICS["communes_ntm"](cy)
    assert rows.loc["communes", "district"] == 19
    weakest = weakest_criteria(demo, 2025, "180")
    assert list(weakest["share"]) == sorted(weakest["share"])
    assert (
        weakest["share"].iloc[0]
        <= metrics.criterion_counts(demo.criteria, cy[cy["district_code"] == "180"])["share"].min()
    )


def test_near_standard_lists_communes_with_17_or_18_criteria(demo):
    cy = metrics.select(demo.commune_year, 2025, ["180"])
    lagging = list(cy[cy["level"] == "none"]["commune_code"][:2])
    criteria = demo.criteria.copy()
    for code, unmet in zip(lagging, (["03"], ["04", "09"])):
        rows = (criteria["commune_code"] == code) & (criteria["year"] == 2025)
        criteria.loc[rows, "met"] = ~criteria.loc[rows, "criterion_id"].isin(unmet)
    near = near_standard(Dataset(criteria, demo.levels, demo.registry), 2025, "180")
    assert list(near["commune_code"]) == lagging
    assert list(near["criteria_met"]) == [18, 17]
    assert list(near["missing"]) == ["03", "04, 09"]


def test_near_standard_falls_back_to_closest_communes(demo):
    near = near_standard(demo, 2025, "180")
    cy = metrics.select(demo.commune_year, 2025, ["180"])
    assert near["criteria_met"].iloc[0] == cy[cy["level"] == "none"]["criteria_met"].max()
    assert list(near["criteria_met"]) == sorted(near["criteria_met"], reverse=True)


# --- the map by new commune (issue 12) -----------------------------------------------------------------

KHANH_KHE, DINH_LAP, KIEN_MOC, CHAU_SON = "06286", "06613", "06625", "06637"
BINH_XA, OLD_KIEN_MOC = "06622", "06625"
WARD = "05977"  # Phường Đông Kinh: formed from two wards and two rural communes


def old_rows(demo, year: int, codes) -> "pd.DataFrame":
    cy = metrics.select(demo.commune_year, year)
    return cy[cy["commune_code"].astype(str).isin(list(codes))]


def test_formation_lists_old_units_with_their_district_and_part():
    formed = formation()
    khanh_khe = formed[formed["new_code"] == KHANH_KHE]
    # two communes of Cao Lộc, Khánh Khê of Văn Quan and two Văn Quan communes merged into it in 2024
    assert list(khanh_khe["old_name"]) == ["Bình Trung", "Xuân Long", "Khánh Khê", "Đồng Giáp", "Tràng Các"]
    assert list(khanh_khe["district_name"]) == ["Cao Lộc", "Cao Lộc", "Văn Quan", "Văn Quan", "Văn Quan"]
    assert set(khanh_khe["part"]) == {"full"}
    split = formed[formed["part"] == "partial"]
    assert sorted(split.groupby("old_code")["new_code"].apply(sorted).items()) == [
        (BINH_XA, [DINH_LAP, KIEN_MOC]),
        (OLD_KIEN_MOC, [KIEN_MOC, CHAU_SON]),
    ]
    assert split_communes() == ["Bính Xá", "Kiên Mộc"]
    assert district_communes(["184"]) == sorted(set(formed.loc[formed["district_code"] == "184", "new_code"]))
    assert KHANH_KHE in district_communes(["183"]) and KHANH_KHE in district_communes(["184"])


@pytest.mark.parametrize("metric", ["share_ntm", "avg_criteria", "communes_ntm_advanced", "criterion_share"])
def test_new_commune_values_are_those_of_its_old_communes(demo, metric):
    formed = formation()
    for year in (2016, 2020, 2024):
        table = commune_values(demo, year, metric, "17").set_index("code")
        rows = old_rows(demo, year, formed.loc[formed["new_code"] == KHANH_KHE, "old_code"])
        assert table.loc[KHANH_KHE, "communes"] == len(rows)
        assert table.loc[KHANH_KHE, "value"] == pytest.approx(metrics.metric(metric)(rows, "17"))
    # Đồng Giáp and Tràng Các were merged into Khánh Khê on 1 December 2024: five old communes
    # until 2023, three in 2024
    assert commune_values(demo, 2023, "share_ntm").set_index("code").loc[KHANH_KHE, "communes"] == 5
    assert commune_values(demo, 2024, "share_ntm").set_index("code").loc[KHANH_KHE, "communes"] == 3


def test_split_old_commune_counts_in_full_in_each_new_commune(demo):
    year = 2020
    values = commune_values(demo, year, "share_ntm").set_index("code")
    binh_xa = old_rows(demo, year, [BINH_XA])
    for new in (DINH_LAP, KIEN_MOC):
        members = formation().query("new_code == @new")["old_code"]
        rows = old_rows(demo, year, members)
        assert BINH_XA in set(rows["commune_code"]) and len(binh_xa) == 1
        assert values.loc[new, "communes"] == len(rows)
        assert values.loc[new, "count"] == int((rows["level_rank"] >= metrics.STANDARD).sum())
    # every old commune counts once, the two split ones twice; wards are left out
    cy = metrics.select(demo.commune_year, year)
    in_wards = formation().query("new_code in @wards()")["old_code"]
    assessed_in_wards = cy["commune_code"].astype(str).isin(set(in_wards)).sum()
    assert values["communes"].sum() == len(cy) - assessed_in_wards + 2


def test_wards_have_no_value_not_zero(demo):
    assert wards() == {"05977", "05983", "05986", "06187"}
    for metric in MAP_METRICS:
        table = level_values(demo, "commune", metric, "02")
        assert not table["code"].isin(wards()).any()
    codes = list(commune_names())
    breaks = class_breaks(demo, "share_ntm", level="commune")
    layer = layer_data(demo, "commune", "share_ntm", "02", "vi", breaks, codes, {})
    cls, text, detail, members = layer["data"]["2020"][WARD]
    assert (cls, text, detail) == (NOT_ASSESSED, "Không thuộc diện đánh giá NTM", "")
    assert layer["features"][WARD]["ward"] is True
    # the old units of the ward are named, the two rural ones with their result of the year
    assert layer["features"][WARD]["members"] == [
        "Phường Vĩnh Trại (Lạng Sơn)",
        "Phường Đông Kinh (Lạng Sơn)",
        "Xã Mai Pha (Lạng Sơn)",
        "Xã Yên Trạch (Cao Lộc)",
    ]
    assert layer["features"][WARD]["rural"] == [False, False, True, True]
    rows = old_rows(demo, 2020, ["05992", "06247"]).set_index("commune_code")
    expected = ["1" if rows.loc[c, "level_rank"] >= metrics.STANDARD else "0" for c in ("05992", "06247")]
    assert members == [None, None, *expected]


def test_tooltip_data_names_old_communes_and_counts(demo):
    codes = list(commune_names())
    breaks = class_breaks(demo, "share_ntm", level="commune")
    rows = old_rows(demo, 2020, formation().query("new_code == @KHANH_KHE")["old_code"])
    met = int((rows["level_rank"] >= metrics.STANDARD).sum())
    for lang, detail in (
        ("vi", f"Năm 2020: {met} trong 5 xã cũ nay thuộc Khánh Khê đạt chuẩn NTM"),
        ("en", f"2020: {met} of the 5 old communes now forming Khánh Khê met the standard"),
    ):
        layer = layer_data(demo, "commune", "share_ntm", "02", lang, breaks, codes, {})
        cls, value, text, members = layer["data"]["2020"][KHANH_KHE]
        assert text == detail
        assert cls == class_of(met / 5, breaks) and value == metrics.format_metric("share_ntm", met / 5, lang)
        assert layer["features"][KHANH_KHE]["members"][0] == "Xã Bình Trung (Cao Lộc)"
        assert members.count("1") == met and len(members) == 5
    # in 2024 the two communes merged away in December 2024 are no longer units of their own
    layer = layer_data(demo, "commune", "avg_criteria", "02", "vi", AVG_BREAKS, codes, {})
    members_2024 = layer["data"]["2024"][KHANH_KHE][3]
    assert members_2024[3:] == ["~", "~"]
    assert members_2024[0] == str(int(old_rows(demo, 2024, ["06217"])["criteria_met"].iloc[0]))
    # a split commune is marked as a part
    assert "Xã Bính Xá (Đình Lập, một phần)" in layer["features"][DINH_LAP]["members"]
    assert "Commune Bính Xá" not in str(layer_data(demo, "commune", "share_ntm", "02", "en", breaks, codes, {}))


def synthetic(demo, with_flag: bool):
    """The demo's 2025 rows of old communes plus a year 2026 of new communes (every rural new unit,
    each with the values of its first old commune), marked by `new_unit` or only by their year."""
    cy = metrics.select(demo.commune_year, 2025)
    cy = cy[[c for c in cy.columns if c not in ("new_unit", "former_district_code")]]
    assessed = formation()[formation()["old_code"].isin(set(cy["commune_code"].astype(str)))]
    first = assessed[~assessed["new_code"].isin(wards())].drop_duplicates("new_code").set_index("new_code")["old_code"]
    new = cy.set_index(cy["commune_code"].astype(str)).loc[list(first)].reset_index(drop=True)
    new["commune_code"] = list(first.index)
    new["year"] = 2026
    new["district_code"] = None
    table = pd.concat([cy, new], ignore_index=True)
    if with_flag:
        table["new_unit"] = table["year"] == 2026
    return SimpleNamespace(
        commune_year=table,
        registry=demo.registry,
        years=[2025, 2026],
        criteria=demo.criteria,
        expected_communes=demo.expected_communes,  # who should report (the map says who has not)
    )


@pytest.mark.parametrize("with_flag", [True, False])
def test_a_year_of_new_communes_maps_directly(demo, with_flag):
    data = synthetic(demo, with_flag)
    assert new_year(data.commune_year, 2026) and not new_year(data.commune_year, 2025)
    table = level_values(data, "commune", "share_ntm")
    year_2026 = table[table["year"] == 2026].set_index("code")
    assert (year_2026["communes"] == 1).all() and len(year_2026) == 61
    rows = data.commune_year[data.commune_year["year"] == 2026].set_index("commune_code")
    for code in (KHANH_KHE, DINH_LAP):
        assert year_2026.loc[code, "value"] == float(rows.loc[code, "level_rank"] >= metrics.STANDARD)
    # 2025 still goes through the crosswalk
    assert table.query("year == 2025 and code == @KHANH_KHE")["communes"].item() == 3
    layer = layer_data(data, "commune", "share_ntm", "02", "vi", SHARE_BREAKS, list(commune_names()), {})
    own = rows.loc[KHANH_KHE]
    level_text = t(f"level.{own['level']}", "vi")
    assert layer["data"]["2026"][KHANH_KHE][2].startswith(f"Năm 2026: {level_text}, đạt {own['criteria_met']}/")
    assert layer["data"]["2026"][KHANH_KHE][3] is None  # its own row, no old communes
    assert layer["data"]["2025"][KHANH_KHE][3] is not None
    # the former-district level counts a new commune in its former district
    districts_2026 = level_values(data, "district", "communes_ntm_advanced").query("year == 2026")
    assert districts_2026["communes"].sum() == 61
    assert set(districts_2026["code"]) <= set(formation()["district_code"])
    panel = commune_panel(data, 2026, KHANH_KHE)
    assert panel["new_structure"] and panel["own"]["criteria_met"] == int(rows.loc[KHANH_KHE, "criteria_met"])


def test_count_classes_never_overlap():
    for maximum in range(0, 40):
        breaks = count_breaks(maximum)
        labels = class_labels(breaks, "communes_ntm_advanced", "vi")
        assert len(labels) == len(breaks) - 1 <= len(PALETTE)
        # each label names whole numbers; one class's numbers follow the previous one's, from 0 alone
        ranges = [tuple(int(n) for n in label.split("–")) for label in labels]
        ranges = [(r[0], r[-1]) for r in ranges]
        assert ranges[0] == (0, 0) and ranges[-1][1] >= maximum
        assert all(low == previous + 1 for (_, previous), (low, _) in zip(ranges, ranges[1:]))
        for index, (low, high) in enumerate(ranges):  # each value is in the class its label names
            assert {class_of(v, breaks) for v in range(low, high + 1)} == {index}
        assert class_of(maximum, breaks) == len(labels) - 1 or maximum == 0  # the largest value in the last class
    assert class_labels(count_breaks(8), "communes_ntm_model", "en") == ["0", "1–2", "3–4", "5–6", "7–8"]
    assert class_labels(count_breaks(5), "communes_ntm_model", "en") == ["0", "1–2", "3–4", "5–6"]
    assert class_labels(count_breaks(2), "count", "vi") == ["0", "1", "2"]
    assert palette_for(count_breaks(1)) == (PALETTE[0], PALETTE[-1])


def test_commune_panel_names_old_communes_with_their_results(demo):
    panel = commune_panel(demo, 2020, KHANH_KHE, "vi")
    assert panel["name"] == "Xã Khánh Khê" and not panel["ward"] and not panel["new_structure"]
    members = panel["members"].set_index("old_code")
    assert list(members["district"]) == ["Cao Lộc", "Cao Lộc", "Văn Quan", "Văn Quan", "Văn Quan"]
    rows = old_rows(demo, 2020, members.index).set_index("commune_code")
    for code, row in rows.iterrows():
        assert members.loc[code, "criteria_met"] == row["criteria_met"]
        assert members.loc[code, "level"] == t(f"level.{row['level']}", "vi")
    assert panel["assessed"] == 5
    headline = panel["headline"].set_index("metric")
    assert headline.loc["communes_ntm", "commune"] == (rows["level_rank"] >= metrics.STANDARD).sum()
    assert headline.loc["communes", "province"] == len(metrics.select(demo.commune_year, 2020))
    split = commune_panel(demo, 2020, DINH_LAP, "en")["members"].set_index("old_code")
    assert split.loc[BINH_XA, "part"] == "part" and split.loc["06628", "part"] == "whole"
    town = split.loc["06613"]
    assert (town["level"], town["missing"]) == ("", "") and pd.isna(town["criteria_met"])
    ward = commune_panel(demo, 2020, WARD, "vi")
    assert ward["ward"] and ward["headline"]["commune"].isna().all() and ward["assessed"] == 2
    with pytest.raises(KeyError):
        commune_panel(demo, 2020, "99999")


def test_commune_at_click():
    communes = load_communes().frame
    point = communes.set_index("code").geometry[KHANH_KHE].representative_point()
    assert unit_at(communes, point.y, point.x) == KHANH_KHE
    assert unit_at(communes, 10.0, 100.0) is None


@pytest.fixture(scope="module")
def shapes(registry):
    communes = simplify_for_browser(load_communes().frame[["code", "geometry"]], 90_000)
    default = load_default(districts(registry))
    return communes, simplify_for_browser(default.frame[["district_code", "geometry"]]), default


def payload_data(text: str) -> dict:
    return json.loads(text)


def test_commune_map_html_is_offline_and_within_budget(demo, registry, shapes):
    communes, district_shapes, default = shapes
    names = dict(zip(districts(registry)["district_code"], districts(registry)["district_short"]))
    note = t("map.boundaries.union", "vi", names=", ".join(default.straddling))
    text = map_payload(
        demo, "commune", "share_ntm", "02", "vi", 2020, communes, district_shapes, names,
        chosen=("184",), selected=KHANH_KHE, points=points_data(demo, "vi"), note=note,
    )  # fmt: skip
    html = standalone_html(base_map(bounds_of(district_shapes), "vi"), text)
    assert len(html.encode()) < 400_000
    assert not re.findall(r'(?:src|href)="https?://', html)
    assert "/app/static/vendor/leaflet/leaflet.js" in html and "window.ntm.load(" in html
    data = payload_data(text)
    assert len(data["shapes"]["features"]) == 65 and len(data["borders"]["features"]) == 11
    assert [f["properties"]["c"] for f in data["outline"]["features"]] == ["184"]
    assert KHANH_KHE in data["chosenCodes"] and data["selected"] == KHANH_KHE and data["fitKey"] == "184"
    assert sorted(data["data"]) == [str(y) for y in map_years(demo, 2020)] and data["year"] == 2020
    legend = data["legend"]
    assert "Phường: không thuộc diện đánh giá NTM" in legend and "Viền đậm: huyện đang chọn" in legend
    assert "Khánh Khê" in legend and "NTM_BOUNDARIES" not in legend and "NTM_BOUNDARIES" not in html
    assert data["colours"] == list(PALETTE) and data["labelZoom"] == 10
    # the points: every old commune of 2020 with its level, filled by level
    points = data["points"]
    assert points["levels"]["2020"].count(".") == len(points["items"]) - len(metrics.select(demo.commune_year, 2020))
    assert points["colours"][1] == PALETTE_LEVELS["standard"]


def test_district_map_payload_has_eleven_districts(demo, registry, shapes):
    communes, district_shapes, _ = shapes
    names = dict(zip(districts(registry)["district_code"], districts(registry)["district_short"]))
    data = payload_data(
        map_payload(demo, "district", "communes_ntm_advanced", "02", "en", 2025, communes, district_shapes, names)
    )
    assert len(data["shapes"]["features"]) == 11 and "borders" not in data and "outline" not in data
    entry = data["data"]["2025"]["180"]
    values = district_values(demo, 2025, "communes_ntm_advanced").set_index("district_code").loc["180"]
    assert entry[1] == metrics.format_metric("communes_ntm_advanced", values["value"], "en")
    assert entry[2] == f"{int(values['count'])} communes / {int(values['communes'])} communes"
    assert entry[3] is None and data["labelZoom"] is None and len(data["labels"]) == 11
    breaks = class_breaks(demo, "communes_ntm_advanced", level="district")
    labels = class_labels(breaks, "communes_ntm_advanced", "en")
    assert all(
        f'<div><i style="background:{c}"></i>{label}</div>' in data["legend"]
        for c, label in zip(palette_for(breaks), labels)
    )


def test_small_multiples_png_draws_title_years_and_notices(demo, shapes):
    from ntm.geo.image import classes_by_year, small_multiples_figure

    communes, _, _ = shapes
    breaks = class_breaks(demo, "share_ntm", level="commune")
    layer = layer_data(demo, "commune", "share_ntm", "02", "vi", breaks, list(communes["code"]), {})
    figure = small_multiples_figure(
        communes, "code", classes_by_year(layer), breaks, "share_ntm", "Tỷ lệ", "vi",
        "Tỷ lệ xã đạt chuẩn (%), 2015–2025", ["Số liệu minh họa", "Nguồn: dữ liệu minh họa"],
    )  # fmt: skip
    texts = [text.get_text() for text in figure.findobj(lambda o: hasattr(o, "get_text"))]
    assert "Tỷ lệ xã đạt chuẩn (%), 2015–2025" in texts
    assert "Số liệu minh họa\nNguồn: dữ liệu minh họa" in texts
    assert [str(y) for y in demo.years] == [a.get_title() for a in figure.axes if a.get_title()]
    assert "Phường: không thuộc diện đánh giá NTM" in texts
    figure.clf()


def test_the_map_shows_the_years_of_one_lineage_of_criteria_sets(demo):
    """19 criteria on the old communes until 2025, 10 on the new ones from 2026: not one series."""
    old, new = [y for y in demo.years if y <= 2025], [y for y in demo.years if y >= 2026]
    assert map_years(demo, 2020) == old
    if new:
        assert map_years(demo, new[0]) == new
        layer = layer_data(demo, "commune", "share_ntm", "02", "vi", SHARE_BREAKS, list(commune_names()), {}, years=new)
        assert layer["years"] == new and sorted(layer["data"]) == [str(y) for y in new]
    assert "communes_ntm_advanced" in map_metrics(2020) and "communes_ntm_advanced" not in map_metrics(2026)
    assert class_breaks(demo, "avg_criteria", year=2020) == AVG_BREAKS
    assert class_breaks(demo, "avg_criteria", year=2026) == (0, 5, 7, 8, 9, 10)  # of 10 criteria
    assert near_range(2025) == (17, 18) and near_range(2026) == (8, 9)
