"""Charts of the district comparison: one small trend chart per district, the province as reference."""

import altair as alt
import pandas as pd

from ntm.charts.style import styled
from ntm.i18n import t
from ntm.metrics import metric as registered

COLORS = ("#1f77b4", "#555555")


def small_multiples(frame: pd.DataFrame, metric: str, lang: str, title: str, columns: int = 4) -> alt.TopLevelMixin:
    """A grid of small line charts, one per district in code order, sharing the y scale."""
    entry = registered(metric)
    series = list(dict.fromkeys(frame["series"]))
    order = list(frame.sort_values("district_code")["district"].unique())
    base = alt.Chart().encode(
        x=alt.X("year:O", title=None, axis=alt.Axis(labelAngle=-90, labelFontSize=9, values=_even_years(frame))),
        y=alt.Y("value:Q", title=None, axis=alt.Axis(format=entry.axis_format, tickCount=4)),
        color=alt.Color(
            "series:N",
            title=None,
            scale=alt.Scale(domain=series, range=list(COLORS[: len(series)])),
            legend=alt.Legend(orient="top"),
        ),
        strokeDash=alt.StrokeDash(
            "series:N", scale=alt.Scale(domain=series, range=[[1, 0], [4, 3]][: len(series)]), legend=None
        ),
        # one line per lineage of criteria sets: a 19-criteria value is never joined to a 10-criteria one
        **({"detail": alt.Detail("lineage:N")} if "lineage" in frame.columns else {}),
        tooltip=[
            alt.Tooltip("district:N", title=t("chart.district", lang)),
            alt.Tooltip("series:N", title=t("chart.series", lang)),
            alt.Tooltip("year:O", title=t("chart.year", lang)),
            alt.Tooltip("value:Q", title=entry.label(lang), format=entry.d3),
        ],
    )
    chart = (
        base.mark_line(point=alt.OverlayMarkDef(size=14))
        .properties(width=170, height=100)
        .facet(
            data=frame,
            facet=alt.Facet("district:N", title=None, sort=order, header=alt.Header(labelFontWeight="bold")),
            columns=columns,
        )
        .properties(title=title)
    )
    return styled(chart, lang)


def _even_years(frame: pd.DataFrame) -> list[int]:
    years = sorted(int(y) for y in frame["year"].unique())
    return [y for y in years if (y - years[-1]) % 2 == 0]
