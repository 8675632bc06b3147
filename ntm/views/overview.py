"""What the overview shows, as display-ready values: target cards, lagging districts, bars."""

from functools import partial

import pandas as pd

from ntm.charts.style import PALETTE_BANDS, PALETTE_LEVELS, category_bar
from ntm.dataset import LEVELS
from ntm.formatting import fmt_number, fmt_percent
from ntm.i18n import t
from ntm.metrics import BANDS, format_metric, metric
from ntm.targets import Progress
from ntm.views.page_chart import PageChart, page_chart

STATUS_COLOR = {"reached": "green", "on_track": "green", "behind": "orange", "missed": "red"}


def _fmt(key: str, value: float, lang: str) -> str:
    return format_metric(key, value, lang)


def progress_card(p: Progress, lang: str) -> dict[str, str]:
    """Label, value, gap and verdict of one target, in `lang`."""
    if metric(p.metric).kind == "count" and p.denominator:
        whole = p.communes or p.denominator
        value = t("target.of", lang, value=_fmt(p.metric, p.value, lang), denominator=fmt_number(whole, lang=lang))
        value += f" ({fmt_percent(p.value / whole, lang=lang)})"
        target = t(
            "target.of", lang, value=_fmt(p.metric, p.target, lang), denominator=fmt_number(p.denominator, lang=lang)
        )
        target += f" ({fmt_percent(p.target / p.denominator, lang=lang)})"
    else:
        value = ""
        target = _fmt(p.metric, p.target, lang)
    gap = "" if p.gap == 0 else t("target.gap", lang, gap=_fmt(p.metric, p.gap, lang))
    decimals = 1
    pace = (
        ""
        if p.status in ("reached", "missed")
        else t(
            "target.pace",
            lang,
            needed=fmt_number(p.pace_needed, decimals, lang),
            recent=fmt_number(p.pace_recent, decimals, lang),
        )
    )
    return {
        "label": metric(p.metric).label(lang),
        "value": _fmt(p.metric, p.value, lang),
        "detail": value,
        "delta": gap or None,
        "delta_color": STATUS_COLOR[p.status],
        "status": t(f"target.status.{p.status}", lang),
        "target": t("target.value", lang, year=p.target_year, target=target),
        "pace": pace,
        "help": t("target.value", lang, year=p.target_year, target=target),
    }


def lagging_districts(district_table: pd.DataFrame, count: int = 3) -> list[str]:
    """Codes of the districts with the lowest share of communes meeting the standard."""
    ranked = district_table.sort_values(["share_ntm", "avg_criteria"], kind="stable")
    return list(ranked["district_code"].head(count))


def level_frame(summary: dict, lang: str) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "key": list(LEVELS),
            "label": [t(f"level.{lv}", lang) for lv in LEVELS],
            "value": [summary["levels"][lv] for lv in LEVELS],
        }
    )


def band_frame(summary: dict, lang: str) -> pd.DataFrame:
    keys = [b for b, _, _ in BANDS]
    return pd.DataFrame(
        {"key": keys, "label": [t(f"band.{b}", lang) for b in keys], "value": [summary["bands"][b] for b in keys]}
    )


def bar_charts(summary: dict, year: int, lang: str) -> dict[str, PageChart]:
    """The overview's two bar charts of a selection's summary: communes by level and by criteria met."""
    charts = {}
    for key, frame, palette, stem in (
        ("levels", level_frame(summary, lang), PALETTE_LEVELS, "xa-theo-muc"),
        ("bands", band_frame(summary, lang), PALETTE_BANDS, "xa-theo-so-tieu-chi"),
    ):
        colors = [palette[k] for k in frame["key"]]
        build = partial(category_bar, frame, colors, t("chart.communes", lang), lang)
        charts[key] = page_chart(f"{stem}-{year}", frame[["label", "value"]], build)
    return charts


def district_map(shapes, values: pd.DataFrame, names: dict[str, str], year: int, lang: str) -> PageChart:
    """The overview's district map of the share of communes meeting the standard."""
    from ntm.charts.map import district_map_chart, map_frame  # geopandas: after the headline numbers
    from ntm.views.map import SHARE_BREAKS

    frame = map_frame(shapes, values, names, "share_ntm", SHARE_BREAKS, lang)
    title = t("overview.map", lang, year=year)
    build = partial(district_map_chart, frame, "share_ntm", t("metric.share_ntm", lang), SHARE_BREAKS, lang, title)
    return page_chart(f"ban-do-huyen-{year}", frame.drop(columns="geometry"), build)
