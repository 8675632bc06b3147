"""Charts of the commune scorecard: the criteria of the commune's set over the years (19 for an old
commune, 10 for a new one), and criteria met with the level."""

import altair as alt
import pandas as pd

from ntm.charts.style import PALETTE_LEVELS, styled, wrapped
from ntm.dataset import LEVELS
from ntm.formatting import fmt_year_range
from ntm.i18n import t

MET_COLORS = ("#0571b0", "#fdb863")  # met blue, not met orange: colour-blind safe
PAD = alt.AutoSizeParams(type="pad")


def grid_frame(grid: pd.DataFrame, labels: dict[str, str], lang: str) -> pd.DataFrame:
    return grid.assign(
        criterion=grid["criterion_id"].map(labels),
        status=grid["met"].map({True: t("commune.met", lang), False: t("commune.not_met", lang)}),
    )


def criteria_grid_chart(frame: pd.DataFrame, lang: str, title: str | list[str]) -> alt.TopLevelMixin:
    """Criteria down, years across; a cell is blue when the criterion was met that year."""
    order = list(frame.sort_values("criterion_id")["criterion"].unique())
    statuses = [t("commune.met", lang), t("commune.not_met", lang)]
    chart = (
        alt.Chart(frame)
        .mark_rect(stroke="white", strokeWidth=1.5)
        .encode(
            x=alt.X("year:O", title=t("chart.year", lang), axis=alt.Axis(labelAngle=0)),
            y=alt.Y("criterion:N", sort=order, title=None, axis=alt.Axis(labelLimit=320)),
            color=alt.Color(
                "status:N",
                title=None,
                scale=alt.Scale(domain=statuses, range=list(MET_COLORS)),
                legend=alt.Legend(orient="top"),
            ),
            tooltip=[
                alt.Tooltip("criterion:N", title=t("chart.criterion", lang)),
                alt.Tooltip("year:O", title=t("chart.year", lang)),
                alt.Tooltip("status:N", title=" "),
            ],
        )
    )
    return styled(
        chart.properties(title=title, width=40 * frame["year"].nunique(), height=20 * len(order), autosize=PAD), lang
    )


NARROW_YEARS = 5  # a 390 px phone shows the criteria's names and the last five years


def criteria_grid_narrow_chart(frame: pd.DataFrame, lang: str, title: str | list[str]) -> alt.TopLevelMixin:
    """The grid for a phone: the last NARROW_YEARS years (the years before are in the wide layout and the
    CSV), criteria's names cut at 150 px (whole in the tooltip), the title saying which years."""
    recent = sorted(frame["year"].unique())[-NARROW_YEARS:]
    shown = frame[frame["year"].isin(recent)]
    lines = [title] if isinstance(title, str) else list(title)
    if frame["year"].nunique() > len(recent):  # a new commune's one year (2026) has no earlier years to point to
        lines.append(t("commune.grid.recent", lang, years=fmt_year_range(recent[0], recent[-1], dash="-")))
    chart = criteria_grid_chart(shown, lang, lines)
    chart = chart.properties(width=34 * len(recent), title=alt.TitleParams(wrapped(lines), anchor="start"))
    chart.encoding.y.axis = alt.Axis(labelLimit=150)
    return chart


def level_history_frame(history: pd.DataFrame, lang: str) -> pd.DataFrame:
    return history.assign(level_label=history["level"].map(lambda level: t(f"level.{level}", lang)))


def level_chart(frame: pd.DataFrame, lang: str, title: str | list[str]) -> alt.TopLevelMixin:
    """Criteria met each year as bars coloured by the commune's level that year."""
    shown = [level for level in LEVELS if level in set(frame["level"])] or ["none"]
    labels = [t(f"level.{level}", lang) for level in shown]
    top = int(frame["n_criteria"].max()) if "n_criteria" in frame and len(frame) else 19
    ticks = sorted({0, *range(5, top, 5), top})
    bars = (
        alt.Chart(frame)
        .mark_bar()
        .encode(
            x=alt.X("year:O", title=t("chart.year", lang), axis=alt.Axis(labelAngle=0)),
            y=alt.Y(
                "criteria_met:Q",
                title=t("commune.criteria_met", lang),
                scale=alt.Scale(domain=[0, top]),
                axis=alt.Axis(format=",d", values=ticks),
            ),
            color=alt.Color(
                "level_label:N",
                title=t("filter.level", lang),
                scale=alt.Scale(domain=labels, range=[PALETTE_LEVELS[level] for level in shown]),
                legend=alt.Legend(orient="top"),
            ),
            tooltip=[
                alt.Tooltip("year:O", title=t("chart.year", lang)),
                alt.Tooltip("criteria_met:Q", title=t("commune.criteria_met", lang), format=",d"),
                alt.Tooltip("level_label:N", title=t("filter.level", lang)),
            ],
        )
    )
    text = bars.mark_text(dy=-6).encode(text=alt.Text("criteria_met:Q", format=",d"), color=alt.value("#333"))
    return styled((bars + text).properties(title=title, width=40 * len(frame), height=220, autosize=PAD), lang)
