"""Chart files describe themselves: title, scope and year above the chart, a footer with source, data
version, date and (for the demo) the illustrative notice below it, drawn into PNG and SVG, and the
same record in the PNG's text chunks and the SVG's <title>/<desc>."""

import html
import io
import re
from datetime import UTC, datetime

import altair as alt
import pandas as pd
from PIL import Image
from progress_fixtures import commune_year, published, sources, targets

from ntm.charts.export import chart_png, chart_svg, with_metadata
from ntm.charts.progress import progress_chart
from ntm.charts.style import category_bar
from ntm.reports.metadata import DataVersion, describe, official_sources

MADE = datetime(2026, 11, 23, 7, 5, tzinfo=UTC)
DEMO = DataVersion("demo", True)
STORED = DataVersion("v3", False, datetime(2026, 3, 11, 20, 30, tzinfo=UTC))
NOTICE = "Số liệu cấp xã trong tệp này là dữ liệu minh họa"


def bars(lang="vi"):
    frame = pd.DataFrame({"key": ["none", "standard"], "label": ["Chưa đạt chuẩn", "Đạt chuẩn"], "value": [69, 78]})
    return category_bar(frame, ["#bdbdbd", "#9e9ac8"], "Số xã", lang)


def record(version=DEMO, lang="vi", official=()):
    return describe(
        "Xã theo mức đạt chuẩn",
        lang,
        version,
        year=2025,
        districts=("189",),
        names={"189": "Đình Lập"},
        official=official,
    ).stamped(MADE)


def svg_text(svg: str) -> str:
    """Every text the SVG draws (its <text> and <tspan> contents), one per line."""
    return "\n".join(html.unescape(part) for part in re.findall(r">([^<>]+)</t(?:ext|span)>", svg))


def test_spec_gets_a_title_heading_and_footer():
    spec = with_metadata(bars(), record()).to_dict()
    assert spec["title"]["text"] == "Xã theo mức đạt chuẩn"
    assert spec["title"]["subtitle"] == ["Đình Lập · năm 2025"]
    (body,) = spec["vconcat"]
    footer = body["title"]
    assert footer["orient"] == "bottom"
    assert footer["text"][0] == "Nguồn: Dữ liệu minh họa"
    assert footer["text"][1] == "Phiên bản dữ liệu: demo · Tạo tệp lúc: 23/11/2026 14:05 (giờ Việt Nam)"
    assert " ".join(footer["text"][2:]).startswith(NOTICE)
    assert spec["config"]["locale"]["number"]["decimal"] == ","  # the chart's own settings move up
    assert "config" not in body["vconcat"][0]


def test_chart_without_metadata_is_unchanged():
    chart = bars()
    before = chart.to_dict()
    with_metadata(chart, record())
    assert chart.to_dict() == before
    assert "<title>" not in chart_svg(chart)


def test_svg_draws_and_names_the_record():
    svg = chart_svg(bars(), meta=record())
    drawn = svg_text(svg)
    for line in (
        "Xã theo mức đạt chuẩn",
        "Đình Lập · năm 2025",
        "Nguồn: Dữ liệu minh họa",
        "Phiên bản dữ liệu: demo · Tạo tệp lúc: 23/11/2026 14:05 (giờ Việt Nam)",
        "Đạt chuẩn",
    ):
        assert line in drawn.splitlines(), line
    assert NOTICE in drawn
    assert "<title>Xã theo mức đạt chuẩn</title>" in svg
    desc = html.unescape(re.search(r"<desc>(.*?)</desc>", svg, re.S).group(1))
    assert "Phạm vi: Đình Lập" in desc and "Năm: 2025" in desc and f"Lưu ý: {NOTICE}" in desc


def test_png_carries_the_record_and_grows_by_its_title_and_footer():
    plain = Image.open(io.BytesIO(chart_png(bars(), scale=1)))
    framed = Image.open(io.BytesIO(chart_png(bars(), scale=1, meta=record())))
    framed.load()
    assert framed.size[1] > plain.size[1] + 60  # title, heading and four footer lines
    assert framed.text["Title"] == "Xã theo mức đạt chuẩn"
    assert framed.text["Source"] == "Dữ liệu minh họa"
    assert framed.text["Software"] == "NTM Lạng Sơn dashboard"
    assert framed.text["Creation Time"] == "2026-11-23T07:05:00+00:00"
    assert framed.text["Disclaimer"].startswith(NOTICE)
    assert "Phạm vi: Đình Lập" in framed.text["Description"]
    assert framed.convert("RGB").getpixel((2, 2)) == (255, 255, 255)


def test_stored_version_files_have_no_notice():
    meta = record(STORED)
    drawn = svg_text(chart_svg(bars(), meta=meta))
    assert "minh họa" not in drawn
    assert "Nguồn: Dữ liệu đã nhập, phiên bản v3 ngày 12/03/2026" in drawn
    image = Image.open(io.BytesIO(chart_png(bars(), scale=1, meta=meta)))
    image.load()
    assert "Disclaimer" not in image.text and image.text["Source"].endswith("v3 ngày 12/03/2026")


def test_progress_chart_names_its_official_sources_and_keeps_its_verdict_and_legend():
    chart = progress_chart(
        commune_year(), targets(), published(), "communes_ntm", [], "vi", 2023, {"A": "Huyện A"}, sources()
    )
    layered = chart.properties(title=alt.TitleParams("Xã đạt chuẩn", subtitle=["Toàn tỉnh", "Chậm: thiếu 2 xã"]))
    frame = pd.DataFrame({"source": [None, "Báo cáo tỉnh 2022", "Kế hoạch 2021-2025", "Báo cáo tỉnh 2022"]})
    meta = describe("Xã đạt chuẩn", "vi", DEMO, year=2023, official=official_sources(frame)).stamped(MADE)
    spec = with_metadata(layered, meta).to_dict()
    assert spec["title"]["subtitle"] == ["Chậm: thiếu 2 xã", "Toàn tỉnh · năm 2023"]  # scope said once
    footer = " ".join(spec["vconcat"][0]["title"]["text"])
    assert "Số liệu chính thức: Báo cáo tỉnh 2022; Kế hoạch 2021-2025" in footer
    assert spec["vconcat"][0]["resolve"]["scale"]["color"] == "independent"  # the legend stays by its chart
    drawn = svg_text(chart_svg(layered, meta=meta))
    assert "Chậm: thiếu 2 xã" in drawn and "Báo cáo tỉnh 2022" in drawn


def test_english_chart_file():
    drawn = svg_text(chart_svg(bars("en"), meta=record(lang="en")))
    assert "Đình Lập · 2025" in drawn.splitlines()
    assert "Source: Illustrative data" in drawn
    assert "Data version: demo · File made: 2026-11-23 14:05 (Vietnam time, UTC+7)" in drawn
