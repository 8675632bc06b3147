"""The progress chart of one target metric: actual series, published figures, targets,
trajectory needed and projection, with the verdict as subtitle."""

import json
import re
from functools import lru_cache

import altair as alt
import pandas as pd

from ntm.charts.style import styled, wrapped
from ntm.formatting import scope_text
from ntm.i18n import t
from ntm.metrics import metric as registered
from ntm.views.progress import KINDS, progress_frame, verdict

COLORS = {
    "previous": "#b0b0b0",
    "actual": "#1f77b4",
    "published": "#ff7f0e",
    "target": "#d62728",
    "national": "#9467bd",
    "trajectory": "#7f7f7f",
    "projection": "#6baed6",
    "projection_previous": "#6baed6",
}
DASHES = {"trajectory": [6, 4], "projection": [2, 3], "projection_previous": [1, 4]}
OPTIONAL = ("previous", "national", "projection_previous")  # layers drawn only when the frame has them
WIDTH, HEIGHT = 640, 320
# One series a line under the plot: a legend's columns keep their width when the chart narrows to a
# phone's 358 px of content (two columns cut the second one there), and a whole name fits that width.
LEGEND_COLUMNS = 1
LEGEND_LABEL_LIMIT = 300  # px
PHONE_CONTENT = 358  # px: a 390 px phone's width less the page's padding
SUBTITLE_CHARS = 100  # a verdict wraps about the plot's width instead of widening the image (deck, downloads)


def with_series(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The progress frame with each row's legend label."""
    return frame.assign(series=frame["kind"].map(lambda k: t(f"series.{k}", lang)))


def progress_layers(
    frame: pd.DataFrame, metric: str, lang: str, subtitle: list[str] | None = None, data: alt.NamedData | None = None
) -> alt.LayerChart:
    """The chart of a progress frame (see ntm.views.progress.progress_frame), not yet localised. With
    `data`, the chart reads that named dataset instead of embedding the frame (see progress_spec)."""
    frame = with_series(frame, lang)
    present = [k for k in KINDS if (frame["kind"] == k).any() and k != "boundary"]
    entry = registered(metric)
    value_format = entry.d3
    tick_step = 1 if entry.decimals == 0 else 5 * 10**-entry.decimals  # counts: whole ticks; 0.5 at 1 decimal
    color = alt.Color(
        "series:N",
        title=None,
        legend=alt.Legend(orient="bottom", columns=LEGEND_COLUMNS, labelLimit=LEGEND_LABEL_LIMIT),
        scale=alt.Scale(domain=[t(f"series.{k}", lang) for k in present], range=[COLORS[k] for k in present]),
    )
    tooltip = [
        alt.Tooltip("series:N", title=t("chart.series", lang)),
        alt.Tooltip("year:Q", title=t("chart.year", lang), format="d"),
        alt.Tooltip("value:Q", title=entry.label(lang), format=value_format),
    ]
    sourced = tooltip + [
        alt.Tooltip("denominator:Q", title=t("chart.denominator", lang), format=",d"),
        alt.Tooltip("source:N", title=t("chart.source", lang)),
    ]
    base = alt.Chart(frame if data is None else data).encode(
        x=alt.X(
            "year:Q",
            title=t("chart.year", lang),
            scale=alt.Scale(zero=False, nice=False, padding=28),
            axis=alt.Axis(format="d", tickMinStep=1),
        ),
        y=alt.Y(
            "value:Q",
            title=t(f"metric.{metric}", lang),
            axis=alt.Axis(format=entry.axis_format, tickMinStep=tick_step),
        ),
        color=color,
    )

    def only(kind):
        return base.transform_filter(alt.datum.kind == kind)

    noted = tooltip + [alt.Tooltip("note:N", title=t("chart.note", lang))]
    layers = [
        *(
            [only("previous").mark_line(point=True, strokeWidth=1.5).encode(tooltip=noted)]
            if "previous" in present
            else []
        ),
        only("trajectory").mark_line(strokeDash=DASHES["trajectory"]).encode(tooltip=tooltip),
        only("projection").mark_line(strokeDash=DASHES["projection"], strokeWidth=2).encode(tooltip=tooltip),
        only("actual").mark_line(point=True, strokeWidth=2.5).encode(tooltip=tooltip),
        only("published")
        .mark_point(shape="diamond", size=140, filled=True, opacity=0.9)
        .encode(tooltip=sourced + [alt.Tooltip("note:N", title=t("chart.note", lang))]),
        only("target").mark_point(shape="triangle-up", size=220, filled=True).encode(tooltip=sourced),
        only("target").mark_text(dy=-16, fontWeight="bold").encode(text="label:N", color=alt.value(COLORS["target"])),
    ]
    if "national" in present:
        layers += [
            only("national").mark_point(shape="triangle-down", size=200, filled=True).encode(tooltip=sourced),
            only("national")
            .mark_text(dy=18, fontWeight="bold")
            .encode(text="label:N", color=alt.value(COLORS["national"])),
        ]
    if (frame["kind"] == "boundary").any():  # where the criteria and the communes changed
        layers.append(
            alt.Chart(frame if data is None else data)
            .transform_filter(alt.datum.kind == "boundary")
            .mark_rule(color="#555555", strokeDash=[3, 3])
            .encode(x="year:Q", tooltip=[alt.Tooltip("note:N", title=t("chart.note", lang))])
        )
        layers.append(
            alt.Chart(frame if data is None else data)
            .transform_filter(alt.datum.kind == "boundary")
            .mark_text(align="left", baseline="top", dx=4, y=4, fontSize=11, color="#555555")
            .encode(x="year:Q", text="label:N")
        )
    if "projection_previous" in present:
        layers.append(
            only("projection_previous")
            .mark_line(strokeDash=DASHES["projection_previous"], strokeWidth=2)
            .encode(tooltip=tooltip)
        )
    title = alt.TitleParams(
        t(f"metric.{metric}", lang), subtitle=wrapped(subtitle or [], SUBTITLE_CHARS), anchor="start"
    )
    return alt.layer(*layers).properties(title=title, width=WIDTH, height=HEIGHT)


PROGRESS_DATA = "progress"


def built_template(metric: str, lang: str, kinds: tuple[str, ...]) -> dict:
    """The Vega-Lite spec Altair builds for a progress chart whose frame has these kinds of rows,
    reading its rows from the dataset named PROGRESS_DATA."""
    sample = pd.DataFrame({"kind": list(kinds)})
    chart = styled(progress_layers(sample, metric, lang, data=alt.NamedData(name=PROGRESS_DATA)), lang)
    return chart.to_dict(validate=False)


@lru_cache(maxsize=32)
def _every_kind(metric: str, lang: str) -> str:
    """The template with every kind of row (its JSON): built by Altair once per metric and language."""
    return json.dumps(built_template(metric, lang, KINDS))


def _layer_kind(layer: dict) -> str | None:
    for step in layer.get("transform", []):
        found = re.fullmatch(r"\(datum\.kind === '(\w+)'\)", str(step.get("filter", "")))
        if found:
            return found.group(1)
    return None


def progress_template(metric: str, lang: str, kinds: tuple[str, ...]) -> dict:
    """The Vega-Lite spec of a progress chart whose frame has these kinds of rows, reading its rows
    from the dataset named PROGRESS_DATA, filled by progress_spec for each selection. Cut from the
    template of every kind (the layers of the kinds drawn only when present, the legend's series),
    so a year with another mix of series costs no Altair build; equal to built_template."""
    spec = json.loads(_every_kind(metric, lang))
    shown = [k for k in KINDS if k in kinds and k != "boundary"]
    domain, colors = [t(f"series.{k}", lang) for k in shown], [COLORS[k] for k in shown]
    layers = []
    for layer in spec["layer"]:
        if _layer_kind(layer) in (*OPTIONAL, "boundary") and _layer_kind(layer) not in kinds:
            continue
        color = layer.get("encoding", {}).get("color")
        if isinstance(color, dict) and "scale" in color:
            color["scale"] = {**color["scale"], "domain": domain, "range": colors}
        layers.append(layer)
    spec["layer"] = layers
    return spec


def progress_spec(template: dict, frame: pd.DataFrame, lang: str) -> dict:
    """The template with the frame's rows as its data: the same spec as the built chart, without
    building it again."""
    return {**template, "datasets": {PROGRESS_DATA: alt.to_values(with_series(frame, lang))["values"]}}


def frame_kinds(frame: pd.DataFrame) -> tuple[str, ...]:
    return tuple(k for k in KINDS if (frame["kind"] == k).any())


def progress_chart(
    commune_year: pd.DataFrame,
    targets: pd.DataFrame,
    published: pd.DataFrame,
    metric: str,
    districts=(),
    lang: str = "vi",
    as_of: int | None = None,
    district_names: dict[str, str] | None = None,
    sources: pd.DataFrame | None = None,
):
    """The localised progress chart of `metric` for a selection of districts, seen from `as_of`."""
    frame, result = progress_frame(commune_year, targets, published, metric, districts, as_of, lang, sources)
    subtitle = [scope_text(districts, district_names or {}, lang), verdict(result, lang)]
    return styled(progress_layers(frame, metric, lang, subtitle), lang)


def progress_export(frame: pd.DataFrame, metric: str, lang: str, subtitle: tuple[str, ...]) -> alt.TopLevelMixin:
    """The progress chart as a file: the page's layers with the scope and verdict as subtitle."""
    return styled(progress_layers(frame, metric, lang, list(subtitle)), lang)
