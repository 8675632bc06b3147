"""Charts as files: PNG and SVG through vl-convert (Altair's `save`), data as CSV."""

import io

import altair as alt
import pandas as pd


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


def frame_csv(frame: pd.DataFrame) -> bytes:
    """CSV in UTF-8 with a byte-order mark, so that spreadsheet programs show Vietnamese correctly."""
    return frame.to_csv(index=False).encode("utf-8-sig")
