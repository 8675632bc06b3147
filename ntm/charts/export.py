"""Charts as files: PNG and SVG through vl-convert (Altair's `save`). Their data go out as CSV through
ntm.reports.tables.to_csv_bytes, the one CSV writer (with the formula guard)."""

import io

import altair as alt


def chart_png(chart: alt.TopLevelMixin, scale: float = 2) -> bytes:
    buffer = io.BytesIO()
    with alt.data_transformers.disable_max_rows():  # a national heatmap has over 5,000 cells
        chart.save(buffer, format="png", scale_factor=scale)
    return buffer.getvalue()


def chart_svg(chart: alt.TopLevelMixin) -> str:
    buffer = io.StringIO()
    with alt.data_transformers.disable_max_rows():
        chart.save(buffer, format="svg")
    return buffer.getvalue()
