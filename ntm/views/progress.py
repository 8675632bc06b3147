"""What a progress chart shows for one target metric and a selection of districts: the actual
series, the official published figures, the targets with their denominators, the trajectory
needed from the baseline year, the projection at the recent pace and the verdict."""

import math
from dataclasses import replace
from functools import lru_cache, partial

import pandas as pd

from ntm import metrics
from ntm.formatting import fmt_number
from ntm.i18n import t
from ntm.metrics import select, yearly_series
from ntm.paths import DATA
from ntm.targets import Progress, needed_trajectory, progress, projection, scaled_target
from ntm.views.page_chart import PageChart, PageInputs

SOURCES = DATA / "sources.csv"
PLAN_BASELINE_YEAR = 2020  # the 2021-2025 plan starts from the end-2020 figures
KINDS = ("actual", "published", "target", "trajectory", "projection")
FRAME_COLUMNS = ("kind", "year", "value", "denominator", "label", "source", "note")


def __getattr__(name: str):
    """PROGRESS_METRICS: the registry's progress metrics (see progress_metrics), derived on reading."""
    if name == "PROGRESS_METRICS":
        return progress_metrics()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def progress_metrics(targets: pd.DataFrame | None = None) -> tuple[str, ...]:
    """The metrics with a progress chart (the registry's progress role), in their order; given the
    targets, only those that have one."""
    shown = metrics.keys("progress")
    if targets is None:
        return shown
    targeted = set(targets["metric"])
    return tuple(key for key in shown if key in targeted)


def _counts(metric: str) -> bool:
    return metrics.metric(metric).kind == "count"


@lru_cache(maxsize=1)
def load_sources(path=SOURCES) -> pd.DataFrame:
    return pd.read_csv(path, dtype=str, keep_default_na=False)


def source_titles(lang: str, sources: pd.DataFrame | None = None) -> dict[str, str]:
    sources = load_sources() if sources is None else sources
    return dict(zip(sources["source"], sources["title_en" if lang == "en" else "title_vi"]))


def reach_year(value: float, pace: float, target: float, as_of: int) -> int | None:
    """First year a value growing by `pace` a year from `as_of` reaches `target` (None: never)."""
    if value >= target:
        return as_of
    if not pace > 0:
        return None
    return as_of + math.ceil((target - value) / pace - 1e-9)


def projected_shortfall(p: Progress) -> float:
    """What will still be missing in the target year at the recent pace (0 when it is reached)."""
    if p.status in ("reached", "missed"):
        return p.gap
    return max(p.target - p.projected, 0.0)


def district_scope(code: str) -> str:
    return f"district:{code}"


def metric_targets(targets: pd.DataFrame, metric: str, districts=(), communes: int | None = None) -> pd.DataFrame:
    """Targets of `metric` for a selection: year, value, denominator, source.

    A selection uses its districts' own targets where every selected district has one (counts
    summed; other metrics only for a single district); otherwise the province's, count targets
    carried pro rata to the selection's `communes`."""
    rows = targets[targets["metric"] == metric]
    province = rows[rows["scope"] == "province"].sort_values("year")
    districts = list(districts or [])
    if not districts:
        return province[["year", "value", "denominator", "source"]].reset_index(drop=True)
    result = []
    for row in province.itertuples():
        own = rows[(rows["year"] == row.year) & rows["scope"].isin([district_scope(d) for d in districts])]
        if len(own) == len(districts) and (_counts(metric) or len(districts) == 1):
            denominator = own["denominator"].sum(min_count=len(own))
            result.append((row.year, float(own["value"].sum()), denominator, own["source"].iloc[0]))
        elif _counts(metric) and communes:
            result.append(
                (row.year, scaled_target(float(row.value), row.denominator, communes), float(communes), row.source)
            )
        else:
            result.append((row.year, float(row.value), row.denominator, row.source))
    return pd.DataFrame(result, columns=["year", "value", "denominator", "source"])


def published_figures(published: pd.DataFrame, metric: str, districts=(), as_of: int | None = None) -> pd.DataFrame:
    """Official figures for the selection: the province's, or a single district's own."""
    districts = list(districts or [])
    if len(districts) > 1:
        return published.iloc[0:0]
    scope = district_scope(districts[0]) if districts else "province"
    rows = published[(published["scope"] == scope) & (published["metric"] == metric)]
    if as_of is not None:
        rows = rows[rows["year"] <= as_of]
    return rows.sort_values("year").reset_index(drop=True)


def main_target(metric_target_rows: pd.DataFrame, as_of: int) -> pd.Series | None:
    """The target the verdict is about: the first one not before `as_of`, else the latest."""
    if metric_target_rows.empty:
        return None
    ahead = metric_target_rows[metric_target_rows["year"] >= as_of]
    return (ahead if len(ahead) else metric_target_rows).sort_values("year").iloc[0 if len(ahead) else -1]


def target_progress(
    series: pd.Series, metric: str, target_row: pd.Series, as_of: int, communes: int | None = None
) -> Progress:
    denominator = target_row["denominator"] if pd.notna(target_row["denominator"]) else None
    return replace(
        progress(series, metric, float(target_row["value"]), int(target_row["year"]), as_of, denominator),
        communes=communes,
    )


def baseline_year(series: pd.Series, target_year: int, preferred: int = PLAN_BASELINE_YEAR) -> int | None:
    """The plan's baseline year when the series has it and it precedes the target, else the first year."""
    years = [int(y) for y in series.index if int(y) < target_year]
    if not years:
        return None
    return preferred if preferred in years else min(years)


def target_label(metric: str, value: float, denominator, decimals: int, fmt) -> str:
    """'115/181' for a count with its denominator, '15' or '14,5' otherwise."""
    text = fmt(value, decimals if value != int(value) else 0)
    if _counts(metric) and denominator is not None and pd.notna(denominator):
        text += "/" + fmt(denominator, 0)
    return text


def progress_frame(
    commune_year: pd.DataFrame,
    targets: pd.DataFrame,
    published: pd.DataFrame,
    metric: str,
    districts=(),
    as_of: int | None = None,
    lang: str = "vi",
    sources: pd.DataFrame | None = None,
) -> tuple[pd.DataFrame, Progress | None]:
    """The long table a progress chart draws (columns FRAME_COLUMNS) and the main target's progress."""
    districts = list(districts or [])
    series = yearly_series(commune_year, metric, districts)
    as_of = int(series.index.max()) if as_of is None else int(as_of)
    series = series[series.index <= as_of]
    communes = len(select(commune_year, as_of, districts))
    titles = source_titles(lang, sources)
    decimals = metrics.metric(metric).decimals
    fmt = partial(fmt_number, lang=lang)
    parts = [pd.DataFrame({"kind": "actual", "year": series.index.astype(int), "value": series.to_numpy(dtype=float)})]
    figures = published_figures(published, metric, districts, as_of)
    parts.append(
        pd.DataFrame(
            {
                "kind": "published",
                "year": figures["year"].astype(int),
                "value": figures["value"].astype(float),
                "denominator": figures["denominator"],
                "source": figures["source"].map(titles).fillna(figures["source"]),
                "note": figures["note"],
                "label": [
                    target_label(metric, v, d, decimals, fmt) for v, d in zip(figures["value"], figures["denominator"])
                ],
            }
        )
    )
    goals = metric_targets(targets, metric, districts, communes)
    parts.append(
        pd.DataFrame(
            {
                "kind": "target",
                "year": goals["year"].astype(int),
                "value": goals["value"].astype(float),
                "denominator": goals["denominator"],
                "source": goals["source"].map(titles).fillna(goals["source"]),
                "label": [
                    target_label(metric, v, d, decimals, fmt) for v, d in zip(goals["value"], goals["denominator"])
                ],
            }
        )
    )
    goal = main_target(goals, as_of)
    result = None
    if goal is not None and not series.empty:
        result = target_progress(series, metric, goal, as_of, communes)
        start = baseline_year(series, result.target_year)
        if start is not None:
            line = needed_trajectory(start, float(series[start]), result.target_year, result.target)
            parts.append(pd.DataFrame({"kind": "trajectory", "year": line.index.astype(int), "value": line.to_numpy()}))
        if result.as_of < result.target_year and len(series) > 1:
            ahead = projection(series, result.as_of, result.target_year)
            parts.append(
                pd.DataFrame({"kind": "projection", "year": ahead.index.astype(int), "value": ahead.to_numpy()})
            )
    frame = pd.concat([p for p in parts if len(p)], ignore_index=True)
    frame = frame.reindex(columns=list(FRAME_COLUMNS))
    frame["denominator"] = pd.to_numeric(frame["denominator"], errors="coerce")
    return frame, result


def verdict(p: Progress | None, lang: str = "vi") -> str:
    """One line: on track (reached in year Y), behind by N, reached in year Y, or missed by N."""
    if p is None:
        return t("verdict.nodata", lang)
    decimals = metrics.metric(p.metric).decimals
    shortfall = projected_shortfall(p)
    if _counts(p.metric):
        shortfall = math.ceil(shortfall - 1e-9)
    target = target_label(p.metric, p.target, p.denominator, decimals, partial(fmt_number, lang=lang))
    unit = t(f"unit.one.{p.metric}" if shortfall == 1 else f"unit.{p.metric}", lang)
    values = {
        "target_year": p.target_year,
        "target": target,
        "unit": unit,
        "gap": fmt_number(shortfall, decimals, lang),
        "pace": fmt_number(p.pace_recent, 1, lang),
    }
    if p.status == "reached":
        return t("verdict.reached", lang, year=p.reached_year, **values)
    if p.status == "on_track":
        return t("verdict.on_track", lang, year=reach_year(p.value, p.pace_recent, p.target, p.as_of), **values)
    return t(f"verdict.{p.status}", lang, **values)


@lru_cache(maxsize=64)
def chart_template(metric: str, lang: str, kinds: tuple[str, ...]) -> dict:
    """A progress chart's Vega-Lite spec with its data left out, built once per metric, language and
    set of layers: a new selection only puts its rows in (Altair's work is the page's cost)."""
    from ntm.charts.progress import progress_template

    return progress_template(metric, lang, kinds)


def progress_charts(
    dataset, inputs: PageInputs, year: int, districts=(), lang: str = "vi"
) -> list[tuple[PageChart, Progress | None, str]]:
    """(chart, the main target's progress, verdict) of every progress metric for a selection."""
    from ntm.charts.progress import frame_kinds, progress_export, progress_spec
    from ntm.formatting import scope_text

    scope = scope_text(districts, inputs.names, lang)
    charts = []
    for metric in progress_metrics(inputs.targets):
        frame, result = progress_frame(
            dataset.commune_year, inputs.targets, inputs.published, metric, list(districts), year, lang
        )
        line = verdict(result, lang)
        spec = progress_spec(chart_template(metric, lang, frame_kinds(frame)), frame, lang)
        build = partial(progress_export, frame, metric, lang, (scope, line))
        charts.append((PageChart(f"tien-do-{metric}-{year}", frame, spec, build), result, line))
    return charts
