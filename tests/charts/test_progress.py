"""The progress chart spec carries the right data, titles and locale; exports are valid files."""

import io

from PIL import Image
from progress_fixtures import commune_year, published, sources, targets

from ntm.charts.export import chart_png, chart_svg
from ntm.charts.progress import progress_chart
from ntm.i18n import t
from ntm.reports.tables import to_csv_bytes


def chart(lang="vi", districts=()):
    return progress_chart(
        commune_year(), targets(), published(), "communes_ntm", list(districts), lang, 2023, {"A": "Huyện A"}, sources()
    )


def rows(spec, kind):
    (data,) = spec["datasets"].values()
    return [row for row in data if row["kind"] == kind]


def test_spec_carries_each_series_and_the_target_value():
    spec = chart().to_dict()
    assert len(rows(spec, "actual")) == 5
    assert len(rows(spec, "published")) == 1
    assert [(r["year"], r["value"], r["denominator"], r["label"]) for r in rows(spec, "target")] == [
        (2022, 9, 20, "9/20"),
        (2025, 18, 20, "18/20"),
    ]
    marks = [layer["mark"]["type"] for layer in spec["layer"]]
    assert marks == ["line", "line", "line", "point", "point", "text"]
    filters = [layer["transform"][0]["filter"] for layer in spec["layer"]]
    assert filters[3] == "(datum.kind === 'published')"


def test_titles_and_number_locale_follow_the_language():
    vi = chart("vi").to_dict()
    assert vi["title"]["text"] == "Xã đạt chuẩn NTM"
    assert vi["title"]["subtitle"][0] == "Toàn tỉnh"
    assert vi["config"]["locale"]["number"]["decimal"] == ","
    assert vi["layer"][2]["encoding"]["x"]["title"] == "Năm"
    en = chart("en", ["A"]).to_dict()
    assert en["title"]["subtitle"][0] == "Huyện A"
    assert en["config"]["locale"]["number"]["decimal"] == "."
    assert en["layer"][2]["encoding"]["y"]["title"] == "Communes meeting the NTM standard"


def test_png_export_is_a_valid_image_at_the_scale_asked():
    one = Image.open(io.BytesIO(chart_png(chart(), scale=1)))
    two = Image.open(io.BytesIO(chart_png(chart(), scale=2)))
    assert one.format == two.format == "PNG"
    assert two.size[0] == 2 * one.size[0] and one.size[0] > 600


def test_svg_export_has_the_vietnamese_title_and_numbers():
    svg = chart_svg(chart())
    assert svg.lstrip().startswith("<svg") and "Xã đạt chuẩn NTM" in svg
    assert "18/20" in svg


def test_csv_keeps_vietnamese_text():
    import pandas as pd

    text = to_csv_bytes(pd.DataFrame({"tên": ["Tràng Định"]})).decode("utf-8-sig")
    assert text.splitlines() == ["tên", "Tràng Định"]


def test_export_has_no_row_limit_and_leaves_altair_settings_alone():
    """A national heatmap (691 districts x 19 criteria) is over Altair's default 5,000 rows."""
    import altair as alt
    import pandas as pd

    cells = pd.DataFrame({"x": range(6000), "y": range(6000)})
    chart = alt.Chart(cells).mark_point().encode(x="x:Q", y="y:Q").properties(width=300, height=200)
    assert chart_svg(chart).count("<path") >= 6000  # a point each, plus the axes
    assert Image.open(io.BytesIO(chart_png(chart, scale=1))).size[0] > 300
    try:
        chart.to_dict()
    except alt.MaxRowsError:
        pass
    else:
        raise AssertionError("the global row limit should still apply outside exports")


def test_filled_template_is_the_built_chart():
    """progress_spec(template, frame) gives the spec Altair builds for that frame (its data renamed)."""
    import json

    import altair as alt

    from ntm.charts.progress import frame_kinds, progress_layers, progress_spec, progress_template
    from ntm.charts.style import styled
    from ntm.views.progress import progress_frame

    for metric, as_of in (("communes_ntm", 2021), ("avg_criteria", 2022), ("min_criteria", 2023)):
        frame, _ = progress_frame(commune_year(), targets(), published(), metric, [], as_of, "en", sources())
        built = styled(progress_layers(frame, metric, "en"), "en").to_dict()
        [(name, rows)] = built["datasets"].items()
        filled = progress_spec(progress_template(metric, "en", frame_kinds(frame)), frame, "en")
        assert filled["datasets"]["progress"] == rows and len(rows) == len(frame)
        assert json.loads(json.dumps(built).replace(name, "progress")) == json.loads(json.dumps(filled))
        alt.LayerChart.from_dict(filled)  # a valid Vega-Lite spec


def test_templates_cut_from_the_every_kind_template_equal_altairs_own():
    """A year's mix of series (a 2026 chart has the previous phase, a national target, a boundary rule
    and a projection at the previous pace; a 2024 chart a projection) costs no Altair build."""
    import json

    from ntm.charts.progress import built_template, progress_template
    from ntm.views.progress import KINDS

    mixes = [
        ("actual", "published", "target", "trajectory"),
        ("actual", "published", "target", "trajectory", "projection"),
        ("previous", "actual", "national", "trajectory", "projection_previous", "boundary"),
        ("previous", "actual", "national", "boundary"),
        KINDS,
    ]
    for metric in ("communes_ntm", "share_communes_ntm"):
        for kinds in mixes:
            cut = progress_template(metric, "vi", kinds)
            assert json.dumps(cut, sort_keys=True) == json.dumps(built_template(metric, "vi", kinds), sort_keys=True)
    marks = [layer["mark"]["type"] for layer in progress_template("share_communes_ntm", "vi", mixes[2])["layer"]]
    assert marks == ["line", "line", "line", "line", "point", "point", "text", "point", "text", "rule", "text", "line"]


def test_every_series_name_is_whole_in_the_drawn_legend_in_both_languages(demo):
    """The 2026 chart (every kind of series but the official figures), drawn as the deck and downloads
    draw it: no name cut with '…' (the previous phase's pace was 'Dự báo theo nhịp giai đoạn trước (x…')."""
    from ntm.charts.progress import LEGEND_COLUMNS, LEGEND_LABEL_LIMIT, PHONE_CONTENT, WIDTH
    from ntm.reports.deck import progress_image_metric
    from ntm.targets import load_published, load_targets

    assert LEGEND_COLUMNS * LEGEND_LABEL_LIMIT <= WIDTH  # the legend stays under the plot
    assert LEGEND_COLUMNS * (LEGEND_LABEL_LIMIT + 30) <= PHONE_CONTENT  # and within a phone's width
    for lang in ("vi", "en"):
        metric = progress_image_metric(load_targets(), 2026)
        drawn = progress_chart(demo.commune_year, load_targets(), load_published(), metric, [], lang, 2026)
        svg = chart_svg(drawn)
        assert t("series.projection_previous", lang) in svg and "…" not in svg, lang


def test_a_long_verdict_wraps_instead_of_widening_the_image():
    from ntm.charts.progress import SUBTITLE_CHARS

    subtitle = chart().to_dict()["title"]["subtitle"]
    assert all(len(line) <= SUBTITLE_CHARS for line in subtitle)
