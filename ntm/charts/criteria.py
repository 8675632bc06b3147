"""Charts of the criteria page: district x criterion heatmap, criteria ranking, one criterion's
trend by district, communes by band over the years."""

import altair as alt
import pandas as pd

from ntm.charts.style import band_colors, styled, wrapped
from ntm.i18n import t

SHARE = ".0%"
SHARE_TIP = ".1%"
PROVINCE_COLOR = "#222222"
PAD = alt.AutoSizeParams(type="pad")  # natural size: labels do not squeeze the plot
SHARE_SCHEME = "yellowgreenblue"  # sequential, colour-blind safe, as on the map


def _share_tooltips(lang: str) -> list[alt.Tooltip]:
    return [
        alt.Tooltip("met:Q", title=t("chart.met", lang), format=",d"),
        alt.Tooltip("communes:Q", title=t("chart.communes", lang), format=",d"),
        alt.Tooltip("share:Q", title=t("chart.share", lang), format=SHARE_TIP),
    ]


def heatmap_chart(frame: pd.DataFrame, lang: str, title: str) -> alt.TopLevelMixin:
    """Districts down, criteria across, coloured by the share of communes meeting each."""
    criteria = list(frame.sort_values("criterion_id")["criterion"].unique())
    districts = list(frame.sort_values("district_code")["district"].unique())
    base = alt.Chart(frame).encode(
        x=alt.X(
            "criterion:N",
            sort=criteria,
            title=t("chart.criterion", lang),
            axis=alt.Axis(labelAngle=-40, labelLimit=220),
        ),
        y=alt.Y("district:N", sort=districts, title=t("chart.district", lang)),
    )
    cells = base.mark_rect(stroke="white", strokeWidth=1).encode(
        color=alt.Color(
            "share:Q",
            title=t("chart.share", lang),
            scale=alt.Scale(scheme=SHARE_SCHEME, domain=[0, 1]),
            legend=alt.Legend(format=SHARE),
        ),
        tooltip=[
            alt.Tooltip("district:N", title=t("chart.district", lang)),
            alt.Tooltip("criterion:N", title=t("chart.criterion", lang)),
        ]
        + _share_tooltips(lang),
    )
    text = base.mark_text(fontSize=10).encode(
        text=alt.Text("share:Q", format=SHARE),
        color=alt.condition("datum.share > 0.6", alt.value("white"), alt.value("#222")),
    )
    chart = (cells + text).properties(title=title, width=38 * len(criteria), height=26 * len(districts), autosize=PAD)
    return styled(chart, lang)


NARROW_CELL = 23  # px: 11 districts and the criteria's names fit a 390 px phone (358 px of content)
NARROW_LABELS = 84  # px of a criterion's name before "…" (the tooltip has it whole)


def heatmap_narrow_chart(frame: pd.DataFrame, lang: str, title: str) -> alt.TopLevelMixin:
    """The heatmap for a phone: criteria down (every one reachable by scrolling the page), districts
    across, the share in each cell; the legend below."""
    criteria = list(frame.sort_values("criterion_id")["criterion"].unique())
    districts = list(frame.sort_values("district_code")["district"].unique())
    base = alt.Chart(frame).encode(
        x=alt.X(
            "district:N",
            sort=districts,
            title=None,
            axis=alt.Axis(orient="top", labelAngle=-60, labelLimit=90, labelFontSize=10),
        ),
        y=alt.Y(
            "criterion:N",
            sort=criteria,
            title=None,
            axis=alt.Axis(labelLimit=NARROW_LABELS, labelFontSize=10),
        ),
    )
    cells = base.mark_rect(stroke="white", strokeWidth=1).encode(
        color=alt.Color(
            "share:Q",
            title=t("chart.share", lang),
            scale=alt.Scale(scheme=SHARE_SCHEME, domain=[0, 1]),
            legend=alt.Legend(format=SHARE, orient="bottom", direction="horizontal", gradientLength=200),
        ),
        tooltip=[
            alt.Tooltip("district:N", title=t("chart.district", lang)),
            alt.Tooltip("criterion:N", title=t("chart.criterion", lang)),
        ]
        + _share_tooltips(lang),
    )
    # percentages without the sign (the legend has it): "100" fits a 23 px cell, "100 %" does not
    text = (
        base.transform_calculate(percent="round(datum.share * 100)")
        .mark_text(fontSize=8.5)
        .encode(
            text=alt.Text("percent:Q", format="d"),
            color=alt.condition("datum.share > 0.6", alt.value("white"), alt.value("#222")),
        )
    )
    chart = (cells + text).properties(
        title=alt.TitleParams(wrapped(f"{title} (%)"), anchor="start", fontSize=13),
        width=NARROW_CELL * len(districts),
        height=22 * len(criteria),
        autosize=PAD,
    )
    return styled(chart, lang)


def ranking_chart(frame: pd.DataFrame, lang: str, title: str) -> alt.TopLevelMixin:
    """Criteria from the hardest (top) to the easiest, by the share of communes meeting each."""
    order = list(frame["criterion"])
    base = alt.Chart(frame).encode(
        y=alt.Y("criterion:N", sort=order, title=None, axis=alt.Axis(labelLimit=210)),
        x=alt.X("share:Q", title=t("chart.share", lang), scale=alt.Scale(domain=[0, 1]), axis=alt.Axis(format=SHARE)),
    )
    bars = base.mark_bar(color="#31a354").encode(
        color=alt.Color("share:Q", scale=alt.Scale(scheme=SHARE_SCHEME, domain=[0, 1]), legend=None),
        tooltip=[alt.Tooltip("criterion:N", title=t("chart.criterion", lang))] + _share_tooltips(lang),
    )
    text = base.mark_text(align="left", dx=3, fontSize=11).encode(text=alt.Text("share:Q", format=SHARE_TIP))
    return styled((bars + text).properties(title=title, width=200, height=22 * len(order), autosize=PAD), lang)


def trend_chart(frame: pd.DataFrame, lang: str, title: str) -> alt.TopLevelMixin:
    """One criterion's share by year for each district, with the province as a thick dark line."""
    districts = list(frame.loc[frame["district_code"] != "province"].sort_values("district_code")["district"].unique())
    province = t("scope.province", lang)
    domain = districts + [province]
    palette = alt.Scale(domain=domain, range=_district_colors(len(districts)) + [PROVINCE_COLOR])
    base = alt.Chart(frame).encode(
        x=alt.X("year:O", title=t("chart.year", lang)),
        y=alt.Y("share:Q", title=t("chart.share", lang), scale=alt.Scale(domain=[0, 1]), axis=alt.Axis(format=SHARE)),
        color=alt.Color("district:N", title=t("chart.district", lang), scale=palette, sort=domain),
        tooltip=[
            alt.Tooltip("district:N", title=t("chart.district", lang)),
            alt.Tooltip("year:O", title=t("chart.year", lang)),
        ]
        + _share_tooltips(lang),
    )
    lines = base.transform_filter(alt.datum.district_code != "province").mark_line(point=True, strokeWidth=1.5)
    reference = base.transform_filter(alt.datum.district_code == "province").mark_line(
        point=True, strokeWidth=4, strokeDash=[8, 3]
    )
    return styled((lines + reference).properties(title=title, width=620, height=320, autosize=PAD), lang)


def _district_colors(count: int) -> list[str]:
    tableau = [
        "#4e79a7",
        "#f28e2b",
        "#e15759",
        "#76b7b2",
        "#59a14f",
        "#edc948",
        "#b07aa1",
        "#ff9da7",
        "#9c755f",
        "#bab0ac",
        "#86bcb6",
    ]
    return [tableau[i % len(tableau)] for i in range(count)]


def bands_chart(frame: pd.DataFrame, lang: str, title: str) -> alt.TopLevelMixin:
    """Communes by band of criteria met, stacked, every year."""
    keys = list(frame.sort_values("order")["band"].unique())
    labels = [frame.loc[frame["band"] == k, "label"].iloc[0] for k in keys]
    chart = (
        alt.Chart(frame)
        .mark_bar()
        .encode(
            x=alt.X("year:O", title=t("chart.year", lang)),
            y=alt.Y("communes:Q", title=t("chart.communes", lang), stack="zero", axis=alt.Axis(format=",d")),
            color=alt.Color(
                "label:N",
                title=t("chart.band", lang),
                sort=labels,
                legend=alt.Legend(orient="bottom"),
                scale=alt.Scale(domain=labels, range=band_colors(len(keys))),
            ),
            order=alt.Order("order:Q", sort="descending"),
            tooltip=[
                alt.Tooltip("year:O", title=t("chart.year", lang)),
                alt.Tooltip("label:N", title=t("chart.band", lang)),
                alt.Tooltip("communes:Q", title=t("chart.communes", lang), format=",d"),
            ],
        )
    )
    return styled(chart.properties(title=title, width=380, height=300, autosize=PAD), lang)
