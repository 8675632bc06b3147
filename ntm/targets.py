"""Targets and progress towards them."""

import math
from dataclasses import dataclass, replace

import pandas as pd

from ntm.paths import PUBLISHED, TARGETS

PACE_WINDOW = 3  # years of history used for the recent pace


def load_targets(path=TARGETS) -> pd.DataFrame:
    return pd.read_csv(path, dtype={"scope": str, "metric": str}).astype({"year": int})


def load_published(path=PUBLISHED) -> pd.DataFrame:
    return pd.read_csv(path, dtype={"scope": str, "metric": str}).astype({"year": int})


@dataclass(frozen=True)
class Progress:
    metric: str
    target_year: int
    target: float
    denominator: float | None
    as_of: int
    value: float
    gap: float  # how much is still missing (0 when reached)
    years_left: int
    pace_needed: float  # per year, from `as_of` to the target year
    pace_recent: float  # per year, over the last PACE_WINDOW years
    reached_year: int | None
    status: str  # "reached", "on_track", "behind", "missed"
    communes: int | None = None  # communes in the selection in `as_of`

    @property
    def projected(self) -> float:
        return self.value + self.pace_recent * self.years_left


def recent_pace(series: pd.Series, as_of: int, window: int = PACE_WINDOW) -> float:
    """Average change per year over the `window` years up to `as_of` (fewer if the series is short)."""
    history = series[series.index <= as_of]
    if len(history) < 2:
        return float("nan")
    start = max(as_of - window, int(history.index.min()))
    return (history[as_of] - history[start]) / (as_of - start)


def progress(
    series: pd.Series, metric: str, target: float, target_year: int, as_of: int, denominator: float | None = None
) -> Progress:
    """Progress of an 'at least' target, given the metric's yearly series, seen from `as_of`
    (a target whose year has passed is judged in its year)."""
    known = series[series.index <= min(as_of, target_year)]
    if known.empty:
        raise ValueError(f"no data for {metric} up to {min(as_of, target_year)}")
    as_of = int(known.index.max())
    value = float(known[as_of])
    reached = known[known >= target]
    reached_year = int(reached.index.min()) if len(reached) else None
    gap = max(target - value, 0.0)
    years_left = target_year - as_of
    pace_needed = gap / years_left if years_left else (0.0 if gap == 0 else math.inf)
    pace_recent = recent_pace(series, as_of)
    if gap == 0:
        status = "reached"
    elif years_left == 0:
        status = "missed"
    else:
        status = "on_track" if pace_recent >= pace_needed else "behind"
    return Progress(
        metric,
        target_year,
        target,
        denominator,
        as_of,
        value,
        gap,
        years_left,
        pace_needed,
        pace_recent,
        reached_year,
        status,
    )


def needed_trajectory(baseline_year: int, baseline_value: float, target_year: int, target: float) -> pd.Series:
    """Straight line from the baseline to the target, one point a year."""
    years = range(baseline_year, target_year + 1)
    step = (target - baseline_value) / (target_year - baseline_year)
    return pd.Series({y: baseline_value + step * (y - baseline_year) for y in years})


def projection(series: pd.Series, as_of: int, target_year: int) -> pd.Series:
    """Projection at the recent pace from `as_of` to the target year."""
    pace = recent_pace(series, as_of)
    return pd.Series({y: float(series[as_of]) + pace * (y - as_of) for y in range(as_of, target_year + 1)})


def scaled_target(target: float, denominator: float | None, communes: int) -> float:
    """A province count target carried pro rata to a selection of `communes` communes, rounded
    up: reaching the province's share needs whole communes."""
    if not denominator or pd.isna(denominator):
        return target
    return float(math.ceil(target * communes / denominator - 1e-9))


def headline_progress(
    commune_year: pd.DataFrame,
    targets: pd.DataFrame,
    as_of: int,
    districts=None,
    target_year: int = 2025,
    scope: str = "province",
) -> list[Progress]:
    """Progress of every target of `target_year` for a selection whose metric has a headline card
    in the metric registry (ntm.metrics), in the targets' order.

    For a selection of districts, count targets are carried pro rata to the selection's
    communes in `as_of`; average and minimum targets apply as they are."""
    from ntm.metrics import keys, metric, select, yearly_series

    rows = targets[(targets["scope"] == scope) & (targets["year"] == target_year)]
    selection_size = len(select(commune_year, as_of, districts))
    headline = keys("headline")
    result = []
    for row in rows.itertuples():
        if row.metric not in headline:
            continue
        series = yearly_series(commune_year, row.metric, districts)
        target = float(row.value)
        denominator = row.denominator if pd.notna(row.denominator) else None
        if districts and metric(row.metric).kind == "count":
            target = scaled_target(target, denominator, selection_size)
            denominator = selection_size
        result.append(
            replace(progress(series, row.metric, target, int(row.year), as_of, denominator), communes=selection_size)
        )
    return result
