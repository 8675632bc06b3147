"""Charts as files: PNG and SVG through vl-convert (Altair's `save`). Their data go out as CSV through
ntm.reports.tables.to_csv_bytes, the one CSV writer (with the formula guard).

Given the file's record (ntm.reports.metadata.Metadata), a chart file describes itself: `with_metadata`
draws the title, the scope and year (and filters) under it, and a footer with the source, the data
version, when the file was made and, for the illustrative demo, the notice; the PNG also carries them
as text chunks (Title, Description, Source, Creation Time, Disclaimer, Software), the SVG as its
<title> and <desc>."""

import io
import struct
import zlib
from xml.sax.saxutils import escape

import altair as alt

from ntm.charts.style import FONT

# Properties only a top-level spec may have: moved from the chart to the frame around it.
TOP_LEVEL = ("$schema", "config", "autosize", "padding", "background", "usermeta")
# Channels with a legend: kept with the chart (independent), not gathered under the footer.
LEGEND_CHANNELS = ("color", "fill", "stroke", "shape", "size", "opacity", "fillOpacity", "strokeOpacity")
LEGEND_CHANNELS += ("strokeDash", "strokeWidth", "angle")
TEXT_COLOR = "#444444"


def _title_lines(title) -> tuple[list[str], list[str]]:
    from ntm.reports.metadata import title_lines

    if title is alt.Undefined:
        return [], []
    return title_lines(title)


def with_metadata(chart: alt.TopLevelMixin, meta) -> alt.TopLevelMixin:
    """The chart framed for a file: `meta.title` above it with its own subtitle lines (a progress
    chart's verdict) and the record's heading ('Toàn tỉnh · năm 2025'), the record's footer below
    it (and below its legend). The chart itself is unchanged."""
    inner = chart.copy(deep=True)
    moved = {key: inner._get(key) for key in TOP_LEVEL if inner._get(key) is not alt.Undefined}
    for key in moved:
        inner[key] = alt.Undefined
    _, subtitle = _title_lines(inner._get("title"))
    inner["title"] = alt.Undefined
    heading = meta.heading()
    subtitle = [line for line in subtitle if line not in (meta.scope, *heading)] + heading
    independent = dict.fromkeys(LEGEND_CHANNELS, "independent")
    footer = alt.TitleParams(
        meta.footer(),
        orient="bottom",
        anchor="start",
        frame="bounds",
        font=FONT,
        fontSize=10,
        fontWeight="normal",
        color=TEXT_COLOR,
        lineHeight=14,
        offset=16,
        limit=0,
    )
    title = alt.TitleParams(
        meta.title,
        subtitle=subtitle,
        anchor="start",
        frame="bounds",
        font=FONT,
        fontSize=15,
        subtitleFont=FONT,
        subtitleFontSize=11,
        subtitleColor=TEXT_COLOR,
        offset=10,
        limit=0,
    )
    body = alt.vconcat(inner, title=footer).resolve_scale(**independent)
    framed = alt.vconcat(body, title=title).resolve_scale(**independent)
    for key, value in moved.items():
        framed[key] = value
    return framed


def _png_chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)


def png_text(meta) -> dict[str, str]:
    """The PNG text chunks of a record (keywords of the PNG specification)."""
    from ntm.reports.metadata import CREATOR

    text = {
        "Title": meta.title,
        "Description": meta.text(),
        "Source": meta.source,
        "Software": CREATOR,
    }
    if meta.made_at is not None:
        text["Creation Time"] = meta.made_at.isoformat(timespec="seconds")
    if meta.notice:
        text["Disclaimer"] = meta.notice
    return text


def with_png_text(png: bytes, text: dict[str, str], lang: str = "") -> bytes:
    """The PNG with international text chunks (iTXt: uncompressed UTF-8, tagged with the language)
    after its header chunk."""
    end_of_header = 8 + 8 + 13 + 4  # signature, IHDR length and type, IHDR data, CRC
    tag = lang.encode("ascii")
    chunks = b"".join(
        _png_chunk(b"iTXt", key.encode("latin-1") + b"\0\0\0" + tag + b"\0\0" + value.encode("utf-8"))
        for key, value in text.items()
    )
    return png[:end_of_header] + chunks + png[end_of_header:]


def with_svg_text(svg: str, meta) -> str:
    """The SVG with the record's title and lines as its <title> and <desc>."""
    start = svg.find("<svg")
    close = svg.find(">", start)
    if start < 0 or close < 0:
        return svg
    described = f"<title>{escape(meta.title)}</title><desc>{escape(meta.text())}</desc>"
    return svg[: close + 1] + described + svg[close + 1 :]


def chart_png(chart: alt.TopLevelMixin, scale: float = 2, meta=None) -> bytes:
    """The chart as PNG; with `meta` (ntm.reports.metadata.Metadata) titled, footed and with text chunks."""
    if meta is not None:
        chart = with_metadata(chart, meta)
    buffer = io.BytesIO()
    with alt.data_transformers.disable_max_rows():  # a national heatmap has over 5,000 cells
        chart.save(buffer, format="png", scale_factor=scale)
    png = buffer.getvalue()
    return with_png_text(png, png_text(meta), meta.lang) if meta is not None else png


def spec_png(spec: dict, scale: float = 2) -> bytes:
    """A Vega-Lite spec (a dict, e.g. a cached template with its rows put in) as PNG, through
    vl-convert as `chart_png` does, without an Altair chart to build and validate first."""
    import vl_convert

    vl_version = "_".join(alt.SCHEMA_VERSION.split(".")[:2])  # 'v6.4.1' -> 'v6_4', as Altair's save passes it
    return vl_convert.vegalite_to_png(spec, vl_version=vl_version, scale=scale)


def chart_svg(chart: alt.TopLevelMixin, meta=None) -> str:
    """The chart as SVG; with `meta` titled, footed and with <title> and <desc>."""
    if meta is not None:
        chart = with_metadata(chart, meta)
    buffer = io.StringIO()
    with alt.data_transformers.disable_max_rows():
        chart.save(buffer, format="svg")
    svg = buffer.getvalue()
    return with_svg_text(svg, meta) if meta is not None else svg
