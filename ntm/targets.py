"""Targets and progress towards them.

Targets belong to a phase (the criteria set whose years hold their year): the 2025 targets are read
on the old communes and the 19 criteria, the 2030 targets on the new communes and the 10 criteria.
Shares are stated in percent in data/targets.csv (65 for 65 %); Metric.target_value turns them into
the metric's 0..1."""

import math
from dataclasses import dataclass, replace
from functools import partial

import pandas as pd

from ntm.paths import PUBLISHED, TARGETS

PACE_WINDOW = 3  # years of history used for the recent pace


def load_targets(path=TARGETS) -> pd.DataFrame:
    """The targets: scope (province, district:…, national), year, metric, value, denominator,
    comparison, note, source, units ("old": set on the communes before 1 July 2025; "new": on the
    communes formed then; empty: either)."""
    table = pd.read_csv(path, dtype={"scope": str, "metric": str, "units": str}, keep_default_na=True)
    if "units" not in table.columns:
        table["units"] = ""
    return table.astype({"year": int}).assign(units=table["units"].fillna(""))


def applicable_targets(targets: pd.DataFrame, year: int) -> pd.DataFrame:
    """The targets that can judge a year's data: those set on the units assessed that year (a target
    the province set on its old communes before the July 2025 reform does not judge the new ones)."""
    from ntm.dataset import new_geography

    if "units" not in targets.columns:
        return targets
    units = targets["units"].fillna("")
    wanted = "new" if new_geography(year) else "old"
    return targets[(units == "") | (units == wanted)]


def superseded_targets(targets: pd.DataFrame, year: int) -> pd.DataFrame:
    """Targets of the year's phase set on the other units (the province's 2030 plan made before the
    reform, seen from 2026): shown as notes, not as targets."""
    from ntm.criteria import set_for_year

    phase = set_for_year(year)
    rows = targets[targets["year"].isin(list(phase.years))]
    return rows[~rows.index.isin(applicable_targets(rows, year).index)]


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
    status: str  # "reached", "on_track", "behind", "missed", "no_pace" (no pace to judge by yet)
    communes: int | None = None  # communes in the selection in `as_of`
    scope: str = "province"  # whose target: "province" (or "district:…") or "national"
    pace_basis: str = "recent"  # "recent": this phase's last years; "previous": the phase before (first year)
    source: str = ""
    note: str = ""

    @property
    def projected(self) -> float:
        return self.value + self.pace_recent * self.years_left


def recent_pace(series: pd.Series, as_of: int, window: int = PACE_WINDOW) -> float:
    """Average change per year over the `window` years up to `as_of` (fewer if the series is short),
    from the earliest year of the window the series holds: a year nobody reported is skipped, not read."""
    history = series[series.index <= as_of]
    if len(history) < 2 or as_of not in history.index:
        return float("nan")
    start = int(history.index[history.index >= as_of - window].min())
    if start == as_of:
        return float("nan")
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
    elif math.isnan(pace_recent):
        status = "no_pace"
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
    """A province count target carried pro rata to a selection of `communes` communes, rounded to the
    nearest whole commune (half up): the selection keeps the province's share. When every district's
    communes are known, `prorata_target` is used instead: its parts add up to the province's target."""
    if not denominator or pd.isna(denominator):
        return target
    return float(math.floor(target * communes / denominator + 0.5 + 1e-9))


def apportion(total: float, weights) -> dict[str, int]:
    """`total` (a whole number of communes) divided among keys in proportion to `weights` ({key:
    communes}) by the largest-remainder method: every part is the floor of its quota or one more, and
    the parts add up to `total` exactly (ties go to the larger weight, then the key's order)."""
    weights = {str(k): float(v) for k, v in dict(weights).items()}
    whole = sum(weights.values())
    total = int(round(total))
    if whole <= 0 or not weights:
        return dict.fromkeys(weights, 0)
    quotas = {k: total * w / whole for k, w in weights.items()}
    parts = {k: math.floor(q + 1e-9) for k, q in quotas.items()}
    left = total - sum(parts.values())
    order = sorted(weights, key=lambda k: (-(quotas[k] - parts[k]), -weights[k], k))
    for key in order[:left]:
        parts[key] += 1
    return parts


def prorata_target(target: float, communes_by_district, districts) -> float:
    """A province count target's part for `districts`: the target apportioned over every district by
    its communes (`apportion`), the chosen districts' parts summed. The districts' parts add up to the
    province's target (a target of 1 model commune is 1 for the province, not 1 per district)."""
    parts = apportion(target, communes_by_district)
    return float(sum(parts.get(str(d), 0) for d in districts))


def communes_by_district(commune_year: pd.DataFrame, year: int) -> dict[str, int]:
    """{district: communes assessed in `year`} (former districts from 2026), the weights of pro-rata targets."""
    from ntm.metrics import district_key, select

    rows = select(commune_year, year)
    if rows.empty:
        return {}
    counts = rows.groupby(district_key(rows), observed=True).size()
    return {str(k): int(v) for k, v in counts.items()}


def communes_per_district(units: pd.DataFrame) -> dict[str, int]:
    """{district_code: units} of a table with a district_code column (Dataset.expected_communes)."""
    return {str(k): int(v) for k, v in units.groupby("district_code").size().items()}


def target_weights(count_of, denominator, as_of: int, first_year: int) -> dict[str, int]:
    """{district: communes} to apportion a province count target by: those of the latest year from
    `as_of` back to `first_year` whose communes add up to the target's `denominator` (the communes the
    target was set on: 181 for the 2025 target, before the mergers of December 2024), so that each
    district keeps the province's share; else those of `as_of`. `count_of(year)` gives a year's."""
    if denominator is not None and not pd.isna(denominator):
        for year in range(int(as_of), int(first_year) - 1, -1):
            weights = count_of(year)
            if weights and sum(weights.values()) == int(denominator):
                return weights
    return count_of(int(as_of))


def with_pace(p: Progress, pace: float, basis: str) -> Progress:
    """The progress judged at another pace (the previous phase's, in a phase's first year)."""
    if p.status not in ("behind", "on_track", "no_pace") or math.isnan(pace):
        return p
    return replace(p, pace_recent=pace, pace_basis=basis, status="on_track" if pace >= p.pace_needed else "behind")


def previous_pace(commune_year: pd.DataFrame, metric: str, criteria_set, districts=None) -> float:
    """The recent pace of `metric` in the phase before `criteria_set` (on its own communes and
    criteria), for a phase that has only one year: NaN when that phase has no such metric."""
    from ntm.criteria import previous_set
    from ntm.metrics import metric as registered
    from ntm.metrics import yearly_series

    before = previous_set(criteria_set)
    if before is None or not registered(metric).applies(before):
        return float("nan")
    series = yearly_series(commune_year, metric, districts, lineage=before.lineage)
    series = series[series.index <= before.last_year]
    return recent_pace(series, int(series.index.max())) if len(series) else float("nan")


def phase_targets(targets: pd.DataFrame, criteria_set, scopes=("province", "national")) -> pd.DataFrame:
    """Targets whose year falls in the phase's years, for the scopes given."""
    years = criteria_set.years
    return targets[targets["year"].isin(list(years)) & targets["scope"].isin(scopes)]


def headline_progress(
    commune_year: pd.DataFrame,
    targets: pd.DataFrame,
    as_of: int,
    districts=None,
    target_year: int | None = None,
    scope: str = "province",
    expected=None,
) -> list[Progress]:
    """Progress of every target of the phase of `as_of` (its last year unless `target_year` says)
    for a selection, for the metrics with a headline card in the registry that apply to the phase's
    criteria set, in the targets' order: the province's target, else the nation's.

    The series is the phase's lineage only (19-criteria years are never joined to 10-criteria ones);
    in a phase's first year, with no pace of its own, the pace is the previous phase's. For a
    selection of districts, count targets are the selection's part of the province's, apportioned
    over the districts by their communes in `as_of` (largest remainders: the parts add up to the
    province's target); average, minimum and share targets apply as they are. `communes` is the
    selection's communes in the year the value is from (the card's denominator). `expected(year)`
    gives {district: communes that should report} (the registry's, Dataset.expected_communes), the
    weights of pro-rata targets; without it the communes in the data (a sparse year weighs less)."""
    from ntm.criteria import set_for_year
    from ntm.metrics import keys, metric, select, yearly_table

    phase = set_for_year(as_of)
    target_year = phase.last_year if target_year is None else target_year
    targets = applicable_targets(targets, as_of)
    rows = targets[(targets["year"] == target_year) & targets["scope"].isin([scope, "national"])]
    rows = rows.sort_values("scope", key=lambda s: s != scope, kind="stable").drop_duplicates("metric")
    headline = keys("headline", phase)
    rows = rows.sort_values("metric", key=lambda m: m.map({k: i for i, k in enumerate(headline)}), kind="stable")
    count_of = expected if expected is not None else partial(communes_by_district, commune_year)
    measured = [name for name in rows["metric"] if name in headline]
    yearly = yearly_table(commune_year, measured, districts, lineage=phase.lineage)  # every card's series at once
    sizes: dict[int, int] = {}  # the selection's communes by year, counted once
    result = []
    for row in rows.itertuples():
        if row.metric not in headline:
            continue
        entry = metric(row.metric)
        series = yearly[row.metric].rename(row.metric)
        if series[series.index <= min(as_of, target_year)].empty:
            continue
        if as_of <= int(row.year) and as_of not in series.index:
            continue  # the selection has no report for the year: no card of an earlier year's value
        target = entry.target_value(row.value)
        denominator = row.denominator if pd.notna(row.denominator) else None
        found = progress(series, row.metric, target, int(row.year), as_of, denominator)
        # the communes of the year the value is from: numerator and denominator count the same communes
        if found.as_of not in sizes:
            sizes[found.as_of] = len(select(commune_year, found.as_of, districts))
        selection_size = sizes[found.as_of]
        if districts and entry.kind == "count":
            weights = target_weights(count_of, denominator, as_of, phase.first_year)
            target = prorata_target(target, weights, districts) if weights else target
            found = progress(series, row.metric, target, int(row.year), as_of, selection_size)
        found = replace(
            found,
            communes=selection_size,
            scope=row.scope,
            source=str(row.source) if pd.notna(row.source) else "",
            note=str(row.note) if pd.notna(row.note) else "",
        )
        if found.status == "no_pace":
            found = with_pace(found, previous_pace(commune_year, row.metric, phase, districts), "previous")
        result.append(found)
    return result


def unmeasured_targets(targets: pd.DataFrame, as_of: int, scope: str = "province") -> pd.DataFrame:
    """The phase's targets (province and nation) that no headline card measures: a metric outside
    the registry's headline role, or one whose level the phase's criteria set does not have (the
    province's 2030 advanced-commune share, set before the reform, when 2026-2030 has no advanced
    level). Columns of targets.csv plus `reason`: "not_commune_data" or "level_missing"."""
    from ntm.criteria import set_for_year
    from ntm.metrics import METRICS, keys

    phase = set_for_year(as_of)
    rows = phase_targets(applicable_targets(targets, as_of), phase, (scope, "national"))
    headline = set(keys("headline", phase))
    reasons: list[str] = []
    for name in rows["metric"]:
        if name in headline:
            reasons.append("")
        elif name in METRICS and not METRICS[name].applies(phase):
            reasons.append("level_missing")
        else:
            reasons.append("not_commune_data")
    with_reason = rows.assign(reason=pd.Series(reasons, index=rows.index, dtype="str"))
    return with_reason[with_reason["reason"] != ""]  # a boolean mask: an empty list would select no columns


def other_scope_targets(targets: pd.DataFrame, metric: str, target_year: int, shown_scope: str) -> pd.DataFrame:
    """The other targets of a metric for the same year (the nation's beside the province's): shown
    as references next to the target a card or chart is judged against."""
    rows = targets[(targets["metric"] == metric) & (targets["year"] == target_year)]
    return rows[(rows["scope"] != shown_scope) & rows["scope"].isin(["province", "national"])]
