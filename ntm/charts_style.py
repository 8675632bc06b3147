"""The look shared by the page charts: number locale (ntm.charts.localised) and a font that has
every Vietnamese glyph, so that exported PNG/SVG files do not fall back to another typeface."""
import altair as alt

from ntm.charts import localised

FONT = "'Source Sans Pro', 'Source Sans 3', 'DejaVu Sans', 'Liberation Sans', sans-serif"


def styled(chart: alt.TopLevelMixin, lang: str) -> alt.TopLevelMixin:
    chart = localised(chart, lang)
    chart.config.font = FONT
    return chart
