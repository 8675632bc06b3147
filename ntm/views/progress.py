"""What a progress chart shows for one target metric and a selection of districts: the actual
series, the official published figures, the targets with their denominators, the trajectory
needed from the baseline year, the projection at the recent pace and the verdict; and the
close-out of a finished phase (each target against the last data and the official figure).

Every chart is read inside the phase of the year shown: the 2025 targets on the old communes and
the 19 criteria (2015-2025), the 2030 targets on the new communes and the 10 criteria (from 2026).
In a phase's first year the previous phase is drawn beside it as its own series (never joined to
the new one), and its pace, named as such, is the only pace there is to project with."""

import math
from dataclasses import replace
from functools import lru_cache, partial

import pandas as pd

from ntm import metrics
from ntm.criteria import CriteriaSet, lineage_years, previous_set, set_by_id, set_for_year
from ntm.formatting import fmt_number, fmt_percent, fmt_year_range
from ntm.i18n import t
from ntm.metrics import select, yearly_series
from ntm.paths import DATA
from ntm.targets import (
    PACE_WINDOW,
    Progress,
    communes_by_district,
    needed_trajectory,
    previous_pace,
    progress,
    projection,
    prorata_target,
    scaled_target,
    target_weights,
    with_pace,
)
from ntm.views.page_chart import PageChart, PageInputs

SOURCES = DATA / "sources.csv"
PLAN_BASELINE_YEAR = 2020  # the 2021-2025 plan starts from the end-2020 figures
KINDS = (
    "previous",
    "actual",
    "published",
    "target",
    "national",
    "trajectory",
    "projection",
    "projection_previous",
    "boundary",  # a rule where the previous phase ends (its criteria and communes)
)
FRAME_COLUMNS = ("kind", "year", "value", "denominator", "label", "source", "note")
CLOSED_PHASE = "2021-2025"  # the phase whose close-out the progress page shows from its last year on


def __getattr__(name: str):
    """PROGRESS_METRICS: the registry's progress metrics (see progress_metrics), derived on reading."""
    if name == "PROGRESS_METRICS":
        return progress_metrics()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def progress_metrics(targets: pd.DataFrame | None = None, criteria_set=None) -> tuple[str, ...]:
    """The metrics with a progress chart (the registry's progress role), in their order; given the
    targets, only those that have one; given a criteria set (or a year), only those that apply to
    it and have a target in its years."""
    phase = None if criteria_set is None else _as_phase(criteria_set)
    shown = metrics.keys("progress", phase)
    if targets is None:
        return shown
    if phase is not None:
        from ntm.targets import applicable_targets

        targets = applicable_targets(targets, phase.first_year)
        targets = targets[targets["year"].isin(list(phase.years))]
    targeted = set(targets["metric"])
    return tuple(key for key in shown if key in targeted)


def _as_phase(criteria_set) -> CriteriaSet:
    from ntm.criteria import as_set

    return as_set(criteria_set)


def _counts(metric: str) -> bool:
    return metrics.metric(metric).kind == "count"


def _percent(metric: str) -> bool:
    return metrics.metric(metric).percent


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
    if p.status in ("reached", "missed", "no_pace"):
        return p.gap
    return max(p.target - p.projected, 0.0)


def district_scope(code: str) -> str:
    return f"district:{code}"


def metric_targets(
    targets: pd.DataFrame, metric: str, districts=(), communes: int | None = None, years=None, weights=None
) -> pd.DataFrame:
    """Targets of `metric` for a selection (in `years` when given): year, value (in the metric's
    unit: shares as 0..1), denominator, source.

    A selection uses its districts' own targets where every selected district has one (counts
    summed; other metrics only for a single district); otherwise the province's, count targets
    carried pro rata to the selection's `communes`: with `weights` (denominator -> {district:
    communes} of every district, ntm.targets.target_weights) the selection's part of the target
    apportioned by largest remainders (the districts' parts add up to the province's target), else
    rounded to the nearest commune."""
    entry = metrics.metric(metric)
    rows = targets[targets["metric"] == metric]
    if years is not None:
        rows = rows[rows["year"].isin(list(years))]
    province = rows[rows["scope"] == "province"].sort_values("year")
    districts = list(districts or [])
    if not districts:
        table = province[["year", "value", "denominator", "source"]].reset_index(drop=True)
        return table.assign(value=table["value"].map(entry.target_value))
    result = []
    for row in province.itertuples():
        own = rows[(rows["year"] == row.year) & rows["scope"].isin([district_scope(d) for d in districts])]
        if len(own) == len(districts) and (_counts(metric) or len(districts) == 1):
            denominator = own["denominator"].sum(min_count=len(own))
            result.append((row.year, float(own["value"].sum()), denominator, own["source"].iloc[0]))
        elif _counts(metric) and communes:
            shares = weights(row.denominator) if weights is not None else None
            part = (
                prorata_target(float(row.value), shares, districts)
                if shares
                else scaled_target(float(row.value), row.denominator, communes)
            )
            result.append((row.year, part, float(communes), row.source))
        else:
            result.append((row.year, entry.target_value(row.value), row.denominator, row.source))
    return pd.DataFrame(result, columns=["year", "value", "denominator", "source"])


def national_targets(targets: pd.DataFrame, metric: str, years=None) -> pd.DataFrame:
    """The nation's targets of `metric` (in `years`): year, value (metric's unit), denominator, source."""
    entry = metrics.metric(metric)
    rows = targets[(targets["metric"] == metric) & (targets["scope"] == "national")]
    if years is not None:
        rows = rows[rows["year"].isin(list(years))]
    table = rows.sort_values("year")[["year", "value", "denominator", "source"]].reset_index(drop=True)
    return table.assign(value=table["value"].map(entry.target_value))


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


def phase_baseline(phase: CriteriaSet) -> int:
    """Where a phase's plan starts: the year before it when that year is of the same lineage (2020
    for 2021-2025), else its own first year (2026 for 2026-2030: 2025 was counted differently)."""
    before = phase.first_year - 1
    return before if before in lineage_years(phase.lineage) else phase.first_year


def target_label(metric: str, value: float, denominator, decimals: int, fmt, lang: str = "vi") -> str:
    """'115/181' for a count with its denominator, '80 %' for a share, '15' or '14,5' otherwise."""
    if _percent(metric):
        whole = abs(100 * value - round(100 * value)) < 1e-9
        return fmt_percent(value, 0 if whole else decimals, lang)
    text = fmt(value, decimals if value != int(value) else 0)
    if _counts(metric) and denominator is not None and pd.notna(denominator):
        text += "/" + fmt(denominator, 0)
    return text


def _frame(kind: str, years, values, **columns) -> pd.DataFrame:
    return pd.DataFrame({"kind": kind, "year": pd.Series(years, dtype="int64"), "value": values, **columns})


def progress_frame(
    commune_year: pd.DataFrame,
    targets: pd.DataFrame,
    published: pd.DataFrame,
    metric: str,
    districts=(),
    as_of: int | None = None,
    lang: str = "vi",
    sources: pd.DataFrame | None = None,
    expected=None,
) -> tuple[pd.DataFrame, Progress | None]:
    """The long table a progress chart draws (columns FRAME_COLUMNS) and the main target's progress,
    inside the phase of `as_of` (see the module notes). `expected(year)` gives {district: communes that
    should report} (the registry's, Dataset.expected_communes), the weights of a selection's pro-rata
    targets as on the overview's cards (ntm.targets.headline_progress); without it the communes in the
    data (a sparse year weighs less)."""
    from ntm.targets import applicable_targets

    districts = list(districts or [])
    as_of = int(commune_year["year"].max()) if as_of is None else int(as_of)
    phase = set_for_year(as_of)
    targets = applicable_targets(targets, as_of)
    lineage = lineage_years(phase.lineage)
    series = yearly_series(commune_year, metric, districts, lineage=phase.lineage)
    series = series[series.index <= as_of]
    communes = len(select(commune_year, as_of, districts))
    titles = source_titles(lang, sources)
    entry = metrics.metric(metric)
    decimals = entry.decimals
    fmt = partial(fmt_number, lang=lang)

    def labels(values, denominators):
        return [target_label(metric, v, d, decimals, fmt, lang) for v, d in zip(values, denominators)]

    parts = [_frame("actual", series.index.astype(int), series.to_numpy(dtype=float))]
    before = previous_set(phase)
    previous = None
    if before is not None and before.lineage != phase.lineage and entry.applies(before):
        previous = yearly_series(commune_year, metric, districts, lineage=before.lineage)
        previous = previous[previous.index <= before.last_year]
        parts.append(
            _frame(
                "previous",
                previous.index.astype(int),
                previous.to_numpy(dtype=float),
                note=t("series.previous.note", lang, phase=before.id, n=before.n),
            )
        )
        parts.append(
            _frame(
                "boundary",
                [phase.first_year],
                [float("nan")],
                label=t("series.boundary", lang, phase=phase.id),
                note=t("series.boundary.note", lang, phase=phase.id, n=phase.n),
            )
        )
    figures = published_figures(published, metric, districts, as_of)
    figures = figures[figures["year"].isin(list(lineage))]
    values = figures["value"].map(entry.target_value)
    parts.append(
        _frame(
            "published",
            figures["year"].astype(int),
            values.astype(float),
            denominator=figures["denominator"],
            source=figures["source"].map(titles).fillna(figures["source"]),
            note=figures["note"],
            label=labels(values, figures["denominator"]),
        )
    )
    count_of = expected if expected is not None else partial(communes_by_district, commune_year)
    first = min(lineage)

    def weights(denominator):
        return target_weights(count_of, denominator, as_of, first)

    goals = metric_targets(targets, metric, districts, communes, years=lineage, weights=weights)
    parts.append(
        _frame(
            "target",
            goals["year"].astype(int),
            goals["value"].astype(float),
            denominator=goals["denominator"],
            source=goals["source"].map(titles).fillna(goals["source"]),
            label=labels(goals["value"], goals["denominator"]),
        )
    )
    nation = national_targets(targets, metric, years=phase.years)
    parts.append(
        _frame(
            "national",
            nation["year"].astype(int),
            nation["value"].astype(float),
            denominator=nation["denominator"],
            source=nation["source"].map(titles).fillna(nation["source"]),
            label=[
                f"{text} ({t('target.scope.national.short', lang)})"
                for text in labels(nation["value"], nation["denominator"])
            ],
        )
    )
    goal, scope = main_target(goals[goals["year"].isin(list(phase.years))], as_of), "province"
    if goal is None:
        goal, scope = main_target(nation, as_of), "national"
    result = None
    if goal is not None and not series.empty:
        result = replace(target_progress(series, metric, goal, as_of, communes), scope=scope)
        if result.status == "no_pace":
            result = with_pace(result, previous_pace(commune_year, metric, phase, districts), "previous")
        start = baseline_year(series, result.target_year, phase_baseline(phase))
        if start is not None:
            line = needed_trajectory(start, float(series[start]), result.target_year, result.target)
            parts.append(_frame("trajectory", line.index.astype(int), line.to_numpy()))
        if result.as_of < result.target_year and len(series) > 1:
            ahead = projection(series, result.as_of, result.target_year)
            parts.append(_frame("projection", ahead.index.astype(int), ahead.to_numpy()))
        elif result.as_of < result.target_year and result.pace_basis == "previous":
            years = range(result.as_of, result.target_year + 1)
            ahead = [result.value + result.pace_recent * (y - result.as_of) for y in years]
            parts.append(_frame("projection_previous", list(years), ahead))
    frame = pd.concat([p for p in parts if len(p)], ignore_index=True)
    frame = frame.reindex(columns=list(FRAME_COLUMNS))
    frame["denominator"] = pd.to_numeric(frame["denominator"], errors="coerce")
    return frame, result


def _amount(metric: str, value: float, lang: str, decimals: int | None = None) -> str:
    """A change or a gap of a metric as text: points of percentage for shares."""
    entry = metrics.metric(metric)
    if entry.percent:
        return f"{fmt_number(100 * value, 1, lang)} {t('unit.pp', lang)}"
    return fmt_number(value, entry.decimals if decimals is None else decimals, lang)


def previous_window(p: Progress) -> str:
    """'2022-2025': the years of the previous phase whose pace a first-year verdict borrows."""
    before = previous_set(set_for_year(p.as_of))
    last = before.last_year if before else p.as_of
    return fmt_year_range(last - PACE_WINDOW, last, dash="-")


def target_text(p: Progress, lang: str) -> str:
    """'115/181', '80 %', or '65 % (cả nước)' for a national target."""
    label = target_label(
        p.metric, p.target, p.denominator, metrics.metric(p.metric).decimals, partial(fmt_number, lang=lang), lang
    )
    return f"{label} ({t('target.scope.national.short', lang)})" if p.scope == "national" else label


def verdict(p: Progress | None, lang: str = "vi") -> str:
    """One line: on track (reached in year Y), behind by N, reached in year Y, missed by N, or, in a
    phase's first year, the pace needed (and the previous phase's pace, named as such)."""
    if p is None:
        return t("verdict.nodata", lang)
    entry = metrics.metric(p.metric)
    decimals = entry.decimals
    shortfall = projected_shortfall(p)
    if _counts(p.metric):
        shortfall = math.ceil(shortfall - 1e-9)
    percent = entry.percent
    unit = t(f"unit.one.{p.metric}" if shortfall == 1 and not percent else f"unit.{p.metric}", lang)
    values = {
        "target_year": p.target_year,
        "target": target_text(p, lang),
        "unit": unit,
        "gap": fmt_number(100 * shortfall, 1, lang) if percent else fmt_number(shortfall, decimals, lang),
        "pace": _amount(p.metric, p.pace_recent, lang, 1),
        "window": previous_window(p),
    }
    if p.status == "reached":
        return t("verdict.reached", lang, year=p.reached_year, **values)
    if p.status == "no_pace":
        return t(
            "verdict.no_pace",
            lang,
            value=metrics.format_metric(p.metric, p.value, lang),
            needed=_amount(p.metric, p.pace_needed, lang, 1),
            **values,
        )
    suffix = ".previous" if p.pace_basis == "previous" and p.status in ("on_track", "behind") else ""
    if p.status == "on_track":
        return t(
            f"verdict.on_track{suffix}", lang, year=reach_year(p.value, p.pace_recent, p.target, p.as_of), **values
        )
    return t(f"verdict.{p.status}{suffix}", lang, **values)


@lru_cache(maxsize=64)
def chart_template(metric: str, lang: str, kinds: tuple[str, ...]) -> dict:
    """A progress chart's Vega-Lite spec with its data left out, built once per metric, language and
    set of layers: a new selection only puts its rows in (Altair's work is the page's cost)."""
    from ntm.charts.progress import progress_template

    return progress_template(metric, lang, kinds)


def expected_weights(dataset):
    """year -> {district: communes that should report} (the registry's): the pro-rata weights the
    overview's cards use too (ntm.ui.loaders.expected_by_district), so a district's target is one number."""
    from ntm.targets import communes_per_district

    return lambda year: communes_per_district(dataset.expected_communes(year))


def progress_charts(
    dataset, inputs: PageInputs, year: int, districts=(), lang: str = "vi"
) -> list[tuple[PageChart, Progress | None, str]]:
    """(chart, the main target's progress, verdict) of every progress metric of the year's phase
    that has a target in it, for a selection."""
    from ntm.charts.progress import frame_kinds, progress_export, progress_spec
    from ntm.formatting import scope_text

    scope = scope_text(districts, inputs.names, lang)
    charts = []
    for metric in progress_metrics(inputs.targets, set_for_year(year)):
        frame, result = progress_frame(
            dataset.commune_year,
            inputs.targets,
            inputs.published,
            metric,
            list(districts),
            year,
            lang,
            expected=expected_weights(dataset),
        )
        line = verdict(result, lang)
        spec = progress_spec(chart_template(metric, lang, frame_kinds(frame)), frame, lang)
        build = partial(progress_export, frame, metric, lang, (scope, line))
        charts.append((PageChart(f"tien-do-{metric}-{year}", frame, spec, build), result, line))
    return charts


# --- the close-out of a phase ------------------------------------------------------------------


def close_out(
    commune_year: pd.DataFrame, targets: pd.DataFrame, published: pd.DataFrame, phase: str = CLOSED_PHASE
) -> list[dict]:
    """Each province target of a phase's last year against the last data of that phase (on the
    communes then in force) and the official figure of that year: metric, target, target_denominator,
    data_year, data (None when no commune data measure it), data_communes, official,
    official_denominator, official_source, official_note, judged_on ("official", "data" or ""),
    status ("reached", "missed" or "unknown"), gap."""
    entry = set_by_id(phase)
    years = [y for y in commune_year["year"].unique() if entry.covers(int(y))]
    data_year = int(max(years)) if years else None
    selection = select(commune_year, data_year) if data_year is not None else commune_year.iloc[0:0]
    rows = targets[(targets["scope"] == "province") & (targets["year"] == entry.last_year)]
    official = published[(published["scope"] == "province") & (published["year"] == entry.last_year)]
    result = []
    for row in rows.itertuples():
        registered = metrics.METRICS.get(row.metric)
        measured = registered is not None and registered.applies(entry) and not registered.per_criterion
        data = registered(selection) if measured and len(selection) else None
        figure = official[official["metric"] == row.metric]
        figure = figure.iloc[0] if len(figure) else None
        value = float(figure["value"]) if figure is not None else data
        status = "unknown" if value is None else ("reached" if value >= float(row.value) else "missed")
        result.append(
            {
                "metric": row.metric,
                "target": float(row.value),
                "target_denominator": row.denominator if pd.notna(row.denominator) else None,
                "target_source": row.source,
                "data_year": data_year,
                "data": data,
                "data_communes": len(selection),
                "official": float(figure["value"]) if figure is not None else None,
                "official_denominator": (
                    figure["denominator"] if figure is not None and pd.notna(figure["denominator"]) else None
                ),
                "official_source": figure["source"] if figure is not None else "",
                "official_note": figure["note"] if figure is not None else "",
                "judged_on": "official" if figure is not None else ("data" if data is not None else ""),
                "status": status,
                "gap": None if value is None else max(float(row.value) - value, 0.0),
            }
        )
    return result


def _decimals_of(value: float) -> int:
    text = f"{value:.4f}".rstrip("0").rstrip(".")
    return len(text.split(".")[1]) if "." in text else 0


def _value_text(metric: str, value, denominator, lang: str, stated: bool = True) -> str:
    """A close-out cell: a count with its denominator and share; otherwise the value as stated (a
    target or an official figure keeps its decimals) or, for the dashboard's data, in the metric's
    own format."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    registered = metrics.METRICS.get(metric)
    if registered is not None and registered.kind == "count" and denominator:
        share = fmt_percent(value / float(denominator), 1, lang)
        count = t("target.of", lang, value=fmt_number(value, 0, lang), denominator=fmt_number(denominator, 0, lang))
        return f"{count} ({share})"
    if registered is not None and not stated:
        return metrics.format_metric(metric, value, lang)
    return fmt_number(value, min(_decimals_of(float(value)), 2), lang)


def close_out_table(rows: list[dict], lang: str = "vi", with_source: bool = True) -> pd.DataFrame:
    """The close-out as display text: indicator, target, last data, official figure (with its
    source unless `with_source` is False), verdict."""
    titles = source_titles(lang)
    table = []
    for row in rows:
        metric = row["metric"]
        data = row["data"]
        if data is None:
            data_text = t("closeout.not_measured", lang)
        else:
            data_text = _value_text(metric, data, row["data_communes"], lang, stated=False)
        official = _value_text(metric, row["official"], row["official_denominator"], lang)
        if row["official"] is not None and with_source:
            official += f" · {titles.get(row['official_source'], row['official_source'])}"
        gap = row["gap"]
        if row["status"] == "unknown":
            status = t("closeout.status.unknown", lang)
        elif row["status"] == "reached":
            status = t(f"closeout.status.reached.{row['judged_on']}", lang)
        else:
            unit_key = f"unit.one.{metric}" if gap == 1 else f"unit.{metric}"
            unit = t(unit_key, lang) if unit_key in _catalogue() else ""
            amount = fmt_number(gap, 0 if float(gap).is_integer() else 2, lang)
            status = t(f"closeout.status.missed.{row['judged_on']}", lang, gap=f"{amount} {unit}".strip())
        table.append(
            {
                t("closeout.col.metric", lang): t(f"metric.{metric}", lang),
                t("closeout.col.target", lang): _value_text(metric, row["target"], row["target_denominator"], lang),
                t("closeout.col.data", lang, year=row["data_year"] or ""): data_text,
                t("closeout.col.official", lang): official,
                t("closeout.col.status", lang): status,
            }
        )
    return pd.DataFrame(table)


def _catalogue() -> dict:
    from ntm.i18n import CATALOGUE

    return CATALOGUE


def denominators_sentence(targets: pd.DataFrame, registry: pd.DataFrame, new_units: pd.DataFrame, lang: str) -> str:
    """One sentence on the three denominators: the communes of 2021 the 2025 target was set on,
    the communes after the December 2024 mergers, the communes and wards from July 2025."""
    from ntm.registry import RURAL_TYPE, rural_communes

    goal = targets[(targets["scope"] == "province") & (targets["metric"] == "communes_ntm") & (targets["year"] == 2025)]
    planned = int(goal["denominator"].iloc[0]) if len(goal) and pd.notna(goal["denominator"].iloc[0]) else None
    return t(
        "closeout.denominators",
        lang,
        planned=fmt_number(planned, 0, lang) if planned else "–",
        merged=fmt_number(len(rural_communes(registry, 2025)), 0, lang),
        communes=fmt_number(int((new_units["type"] == RURAL_TYPE).sum()), 0, lang),
        wards=fmt_number(int((new_units["type"] != RURAL_TYPE).sum()), 0, lang),
    )


def close_out_sources(rows: list[dict], lang: str = "vi") -> list[str]:
    """The titles of the official figures' sources of a close-out, once each."""
    titles = source_titles(lang)
    return list(
        dict.fromkeys(titles.get(r["official_source"], r["official_source"]) for r in rows if r["official_source"])
    )
