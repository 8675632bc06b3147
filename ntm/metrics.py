"""Programme metrics for any year and selection of districts. Pure functions on the
commune-year table (see ntm.dataset.build_commune_year) and the criteria table."""

from collections.abc import Iterable, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from ntm.criteria import LEGACY_SET, CriteriaSet, as_set, set_by_id
from ntm.dataset import LEVEL_RANK, criterion_column, row_sets
from ntm.formatting import fmt_number, fmt_percent, fmt_signed
from ntm.i18n import t

BANDS = set_by_id(LEGACY_SET).bands  # the 19 criteria's bands; a selection's own come from bands_of
STANDARD = LEVEL_RANK["standard"]
ADVANCED = LEVEL_RANK["advanced"]
MODEL = LEVEL_RANK["model"]
MODERN = LEVEL_RANK["modern"]
# Where a column holds each row's old district: the district until June 2025, the former district of
# a new commune after (tables "by district" group on it; a bare table without it uses district_code).
DISTRICT_KEY = "former_district_code"

# --- the metric registry ---------------------------------------------------------------------
# Every metric the dashboard shows is one Metric below: how it is computed from the commune-year
# table, how it is formatted, and where it appears. Tables, map measures, progress charts, the map
# panel, headline cards, the deck and every number format are derived from it, so adding a metric
# is one entry here plus its strings in ntm/i18n.py (Metric.string_keys lists them).

# Aggregation of the per-commune values -> the pandas aggregation computing it.
AGGREGATIONS = {"sum": "sum", "mean": "mean", "share": "mean", "min": "min", "count": "size"}
KINDS = ("count", "ratio", "average")  # communes counted; a share (0..1, shown as %); a per-commune level
ROLES = {
    "table": "a column of the district table (district_table, the display and download tables)",
    "deck": "a column of the deck's district ranking (a table column too)",
    "compare": "a choice on the district comparison page",
    "map": "a measure of the map",
    "panel": "a row of the map panel (the district against the province)",
    "progress": "a progress chart against its targets",
    "headline": "a headline card against its target",
}
LAST = 1_000  # the place in a role of an entry that gives none: after the others, in registry order
SHARE_BREAKS = (0.0, 0.2, 0.4, 0.6, 0.8, 1.0)
AVG_BREAKS = (0.0, 10.0, 13.0, 15.0, 17.0, 19.0)


@dataclass(frozen=True)
class Metric:
    """One metric: its key (as in data/targets.csv `metric`), its computation, format and places.

    Per commune-year, `column` (None: 1 for every commune; "c{criterion}" for the chosen criterion)
    is taken as it is or, with `at_least`/`below`, as a flag; the selection's value is then its sum,
    mean, share (mean of a flag), min, or the count of communes (`how`). `roles` names where the
    metric appears (see ROLES): a set of roles, or {role: place} where the order matters."""

    key: str
    column: str | None
    how: str
    kind: str
    at_least: float | None = None
    below: float | None = None
    decimals: int = 0
    d3: str = ""  # d3-format for charts; derived from `decimals` when empty
    higher_is_better: bool = True
    breaks: tuple[float, ...] | None = None  # the map's fixed class breaks (None: from the data)
    roles: Any = ()  # normalised to ((role, place), ...)
    level: str | None = None  # the level it counts: it applies only to criteria sets that have it
    lineage: str | None = None  # it applies only to the criteria sets of this lineage (None: any)

    def __post_init__(self):
        if self.how not in AGGREGATIONS:
            raise ValueError(f"{self.key}: unknown aggregation {self.how!r}")
        if self.kind not in KINDS:
            raise ValueError(f"{self.key}: unknown kind {self.kind!r}")
        places = self.roles.items() if isinstance(self.roles, Mapping) else ((role, LAST) for role in self.roles)
        roles = tuple(sorted((str(role), int(place)) for role, place in places))
        unknown = {role for role, _ in roles} - set(ROLES)
        if unknown:
            raise ValueError(f"{self.key}: unknown roles {sorted(unknown)}")
        object.__setattr__(self, "roles", roles)
        if self.has("deck") and not self.has("table"):
            raise ValueError(f"{self.key}: a deck column must be a table column")
        if not self.d3:
            object.__setattr__(self, "d3", _d3_format(self.percent, self.decimals))

    @property
    def percent(self) -> bool:
        """A share in 0..1, shown as a percentage with `decimals` decimals."""
        return self.kind == "ratio"

    @property
    def per_criterion(self) -> bool:
        """Computed for a chosen criterion (criterion given to per_commune and the call)."""
        return self.column is not None and "{criterion}" in self.column

    @property
    def axis_format(self) -> str:
        """d3-format of an axis's ticks: whole percentages for shares, else the value format."""
        return ".0%" if self.percent else self.d3

    @property
    def label_key(self) -> str:
        return f"metric.{self.key}"

    def has(self, role: str) -> bool:
        return any(r == role for r, _ in self.roles)

    def applies(self, criteria_set) -> bool:
        """Whether the metric means something for a criteria set (a set, its id or a year): the set
        has the level it counts and is of its lineage. None (no set known) counts as applying."""
        if criteria_set is None:
            return True
        entry = as_set(criteria_set)
        return (self.level is None or self.level in entry.levels) and (
            self.lineage is None or self.lineage == entry.lineage
        )

    def target_value(self, value: float) -> float:
        """A value of data/targets.csv or published.csv in the metric's own unit: shares are stated
        there in percent (65 for 65 %), kept here as 0..1."""
        return float(value) / 100 if self.percent else float(value)

    def place(self, role: str) -> int:
        return next(place for r, place in self.roles if r == role)

    def string_keys(self) -> tuple[str, ...]:
        """The ntm/i18n.py catalogue keys this metric needs where it appears."""
        keys = [self.label_key]
        if self.has("table"):
            keys += [f"col.{self.key}"] + ([f"col.{self.key}_pct"] if self.percent else [])
        if self.has("map"):
            keys.append(f"map.metric.{self.key}")
        if self.has("progress") or self.has("headline"):
            keys += [f"unit.{self.key}", f"unit.one.{self.key}"]
        return tuple(keys)

    def label(self, lang: str = "vi", criterion: str | None = None) -> str:
        return t(self.label_key, lang, criterion=criterion) if self.per_criterion else t(self.label_key, lang)

    def per_commune(self, cy: pd.DataFrame, criterion: str | None = None) -> np.ndarray:
        """The value of each commune-year of `cy` that the aggregation takes."""
        if self.column is None:
            return np.ones(len(cy), dtype="int64")
        if self.per_criterion and criterion is None:
            raise ValueError(f"{self.key} needs a criterion")
        values = cy[self.column.format(criterion=criterion)].to_numpy()
        if self.at_least is None and self.below is None:
            return values
        flag = np.ones(len(values), dtype=bool)
        if self.at_least is not None:
            flag &= values >= self.at_least
        if self.below is not None:
            flag &= values < self.below
        return flag

    def __call__(self, cy: pd.DataFrame, criterion: str | None = None):
        """The metric of a selection of commune-years: int for counts and minima, float otherwise
        (NaN for an empty selection where there is nothing to average)."""
        values = self.per_commune(cy, criterion)
        if self.how == "count":
            return int(len(values))
        if self.how == "sum":
            return values.sum().item()
        if not len(values):
            return float("nan")
        return values.min().item() if self.how == "min" else float(values.mean())

    def format(self, value, lang: str = "vi", signed: bool = False) -> str:
        """The value as text in `lang` ('–' when missing); `signed` for a change (shares in points)."""
        if value is None or pd.isna(value):
            return "–"
        if self.percent and signed:
            return f"{fmt_signed(100 * value, self.decimals, lang)} {t('unit.pp', lang)}"
        if self.percent:
            return fmt_percent(value, self.decimals, lang)
        return fmt_signed(value, self.decimals, lang) if signed else fmt_number(value, self.decimals, lang)


def _d3_format(percent: bool, decimals: int) -> str:
    if percent:
        return f".{decimals}%"
    return f",.{decimals}f" if decimals else ",d"


METRICS: dict[str, Metric] = {}


def register(entry: Metric) -> Metric:
    """Add a metric to the registry (its key must be new)."""
    if entry.key in METRICS:
        raise ValueError(f"metric {entry.key!r} is already registered")
    METRICS[entry.key] = entry
    return entry


def unregister(key: str) -> None:
    del METRICS[key]


@contextmanager
def registered(*entries: Metric):
    """The registry with `entries` added for the duration of the block (tests, experiments)."""
    added = []
    try:
        for entry in entries:
            added.append(register(entry))
        yield entries
    finally:
        for entry in added:
            METRICS.pop(entry.key, None)


def metric(key: str) -> Metric:
    """The registered metric `key` (KeyError when there is none)."""
    return METRICS[key]


def keys(role: str | None = None, criteria_set=None) -> tuple[str, ...]:
    """Keys of the metrics with a role, in the role's order (every metric, in registry order, if None);
    given a criteria set (a set, its id or a year), only the metrics that apply to it."""
    if role is None:
        return tuple(key for key, m in METRICS.items() if m.applies(criteria_set))
    if role not in ROLES:
        raise KeyError(role)
    entries = [
        (m.place(role), index, key)
        for index, (key, m) in enumerate(METRICS.items())
        if m.has(role) and m.applies(criteria_set)
    ]
    return tuple(key for _, _, key in sorted(entries))


def format_metric(key: str, value, lang: str = "vi", signed: bool = False) -> str:
    """A value of the metric `key` as display text: the one number format of every table, card,
    map label, panel row and deck cell."""
    return METRICS[key].format(value, lang, signed)


for _entry in (
    Metric("communes", None, "count", "count", roles={"table": 0, "deck": 0, "panel": 5}),
    Metric(
        "communes_ntm",
        "level_rank",
        "sum",
        "count",
        at_least=STANDARD,
        roles={"table": 1, "deck": 1, "compare": 1, "panel": 2, "progress": 0, "headline": 0},
    ),
    Metric(
        "share_ntm",
        "level_rank",
        "share",
        "ratio",
        at_least=STANDARD,
        decimals=1,
        breaks=SHARE_BREAKS,
        roles={"table": 2, "deck": 2, "compare": 0, "map": 0, "panel": 0},
    ),
    Metric(
        "avg_criteria",
        "criteria_met",
        "mean",
        "average",
        decimals=1,
        breaks=AVG_BREAKS,
        roles={"table": 3, "deck": 3, "compare": 2, "map": 1, "panel": 1, "progress": 1, "headline": 1},
    ),
    Metric(
        "min_criteria",
        "criteria_met",
        "min",
        "average",
        roles={"table": 4, "compare": 3, "progress": 2, "headline": 2},
    ),
    Metric("criterion_share", "c{criterion}", "share", "ratio", decimals=1, breaks=SHARE_BREAKS, roles={"map": 2}),
    Metric(
        "communes_ntm_advanced",
        "level_rank",
        "sum",
        "count",
        at_least=ADVANCED,
        level="advanced",
        roles={"table": 5, "compare": 4, "map": 3, "panel": 3, "progress": 3, "headline": 3},
    ),
    Metric(
        "communes_ntm_model",
        "level_rank",
        "sum",
        "count",
        at_least=MODEL,
        level="model",
        roles={"table": 6, "compare": 5, "map": 4, "panel": 4, "progress": 4, "headline": 4},
    ),
    Metric(
        "communes_below_10",
        "criteria_met",
        "sum",
        "count",
        below=10,
        higher_is_better=False,
        lineage="ntm19",
        roles={"compare": 7},
    ),
    # 2026-2030: the modern level, and the shares in which the 2030 targets are stated (percent in
    # data/targets.csv). A set without the level (advanced after 2025, modern before) leaves them out.
    Metric(
        "communes_ntm_modern",
        "level_rank",
        "sum",
        "count",
        at_least=MODERN,
        level="modern",
        roles={"table": 7, "compare": 6},
    ),
    Metric(
        "share_communes_ntm",
        "level_rank",
        "share",
        "ratio",
        at_least=STANDARD,
        decimals=1,
        roles={"progress": 5, "headline": 5},
    ),
    Metric(
        "share_communes_ntm_advanced",
        "level_rank",
        "share",
        "ratio",
        at_least=ADVANCED,
        decimals=1,
        level="advanced",
        roles={"progress": 6, "headline": 6},
    ),
    Metric(
        "share_communes_ntm_modern",
        "level_rank",
        "share",
        "ratio",
        at_least=MODERN,
        decimals=1,
        level="modern",
        roles={"progress": 7, "headline": 7},
    ),
):
    register(_entry)


def district_key(commune_year: pd.DataFrame) -> str:
    """The column holding each row's (old) district: former_district_code when the table has it."""
    return DISTRICT_KEY if DISTRICT_KEY in commune_year.columns else "district_code"


def select(commune_year: pd.DataFrame, year: int | None = None, districts: Iterable[str] | None = None) -> pd.DataFrame:
    """Rows of the commune-year table for a year (all years if None) and districts (all if None/empty).
    From 2026 a district selects the new communes whose former district it is."""
    mask = np.ones(len(commune_year), dtype=bool)
    if year is not None:
        mask &= commune_year["year"].to_numpy() == year
    districts = list(districts or [])
    if districts:
        mask &= commune_year[district_key(commune_year)].isin(districts).to_numpy()
    return commune_year[mask]


def selection_set(cy: pd.DataFrame, default: str | None = LEGACY_SET) -> CriteriaSet | None:
    """The criteria set of a selection's rows (they must share one); `default` for an empty one."""
    if cy.empty:
        return set_by_id(default) if default else None
    sets = pd.unique(row_sets(cy))
    if len(sets) > 1:
        raise ValueError(f"a selection of several criteria sets ({', '.join(map(str, sets))}) has no single set")
    return set_by_id(str(sets[0]))


def bands_of(criteria_set=None) -> tuple[tuple[str, int, int], ...]:
    """(key, lowest, highest) of the bands of criteria met of a set (the 19 criteria's when None)."""
    return BANDS if criteria_set is None else as_set(criteria_set).bands


def band_of(criteria_met: pd.Series, criteria_set=None) -> pd.Series:
    bands = bands_of(criteria_set)
    bins = [-1] + [high for _, _, high in bands]
    return pd.cut(criteria_met, bins=bins, labels=[name for name, _, _ in bands])


def band_counts(cy: pd.DataFrame, criteria_set=None) -> dict[str, int]:
    bands = bands_of(criteria_set if criteria_set is not None else selection_set(cy))
    upper = np.array([high for _, _, high in bands])
    index = np.searchsorted(upper, cy["criteria_met"].to_numpy())
    counts = np.bincount(index, minlength=len(bands))
    return {name: int(counts[i]) for i, (name, _, _) in enumerate(bands)}


def level_counts(cy: pd.DataFrame, criteria_set=None) -> dict[str, int]:
    """Communes at each level of the selection's set (in rank order)."""
    entry = as_set(criteria_set) if criteria_set is not None else selection_set(cy)
    counts = cy["level"].value_counts()
    return {level: int(counts.get(level, 0)) for level in entry.levels}


def summary(cy: pd.DataFrame, criteria_set=None) -> dict:
    """Headline numbers of a selection of commune-years (normally one year): every metric (NaN for a
    metric that does not apply to the selection's criteria set), the communes by level and by band."""
    entry = as_set(criteria_set) if criteria_set is not None else selection_set(cy)
    result = {
        key: (metric_entry(cy) if metric_entry.applies(entry) else float("nan"))
        for key, metric_entry in METRICS.items()
        if not metric_entry.per_criterion
    }
    result["levels"] = level_counts(cy, entry)
    result["bands"] = band_counts(cy, entry)
    result["criteria_set"] = entry.id
    result["n_criteria"] = entry.n
    return result


def criterion_counts(criteria: pd.DataFrame, cy: pd.DataFrame, criteria_set=None) -> pd.DataFrame:
    """Communes meeting each criterion of the selection's set: criterion_id, met, communes, share.
    (`criteria` is kept for callers; the counts come from the commune-year table's flag columns.)"""
    entry = as_set(criteria_set) if criteria_set is not None else selection_set(cy)
    columns = [criterion_column(cid) for cid in entry.criteria]
    met = cy[columns].to_numpy().sum(axis=0) if len(cy) else np.zeros(len(columns), dtype=int)
    table = pd.DataFrame({"criterion_id": list(entry.criteria), "met": met.astype(int)})
    table["communes"] = len(cy)
    table["share"] = table["met"] / len(cy) if len(cy) else float("nan")
    return table


def aggregate(
    cy: pd.DataFrame,
    by: str | list[str],
    metric_keys: Iterable[str],
    criterion: str | None = None,
    sums: Mapping[str, np.ndarray] | None = None,
) -> pd.DataFrame:
    """The metrics `metric_keys` (and the sums of the per-row `sums`) for every group of `cy` by the
    columns `by`, in one groupby: a frame indexed by `by` with one column per key. Counts, sums and
    minima of whole numbers come as int64, means and shares as float64."""
    by = [by] if isinstance(by, str) else list(by)
    metric_keys = list(metric_keys)
    rows = {column: cy[column].to_numpy() for column in by}
    rows.update({key: METRICS[key].per_commune(cy, criterion) for key in metric_keys})
    rows.update(sums or {})
    grouped = pd.DataFrame(rows).groupby(by, observed=True)
    how = {key: AGGREGATIONS[METRICS[key].how] for key in metric_keys} | dict.fromkeys(sums or {}, "sum")
    columns = {}
    index = None
    for function in dict.fromkeys(how.values()):
        chosen = [key for key, f in how.items() if f == function]
        result = grouped.size() if function == "size" else getattr(grouped[chosen], function)()
        index = result.index
        for key in chosen:
            columns[key] = _cast((result if function == "size" else result[key]).to_numpy(), function)
    if index is None:
        index = grouped.size().index
    return pd.DataFrame({key: columns[key] for key in how}, index=index)


def _cast(values: np.ndarray, function: str) -> np.ndarray:
    if function == "mean":
        return values.astype("float64")
    return values.astype("int64") if values.dtype.kind in "biu" else values


def table_keys(cy: pd.DataFrame, role: str = "table") -> tuple[str, ...]:
    """The metrics of a role that apply to the selection's criteria set."""
    return keys(role, selection_set(cy))


def district_table(cy: pd.DataFrame) -> pd.DataFrame:
    """Per-district metrics for a selection of one year's commune-years: district_code (the old
    district; a new commune's former district from 2026), the registry's table metrics that apply to
    the year's criteria set and the communes in each of its bands (band_lt10, ...)."""
    entry = selection_set(cy)
    bands = entry.bands
    band_index = np.searchsorted(np.array([high for _, _, high in bands]), cy["criteria_met"].to_numpy())
    flags = {f"band_{name}": band_index == i for i, (name, _, _) in enumerate(bands)}
    key = district_key(cy)
    table = aggregate(cy, key, keys("table", entry), sums=flags)
    table.index = table.index.astype(str)
    return table.rename_axis("district_code").reset_index()


def district_criterion_shares(criteria: pd.DataFrame, cy: pd.DataFrame) -> pd.DataFrame:
    """Share of communes meeting each criterion of the selection's set, by (old) district:
    district_code, criterion_id, met, communes, share."""
    entry = selection_set(cy)
    columns = [criterion_column(cid) for cid in entry.criteria]
    grouped = cy.groupby(district_key(cy), observed=True)
    met = grouped[columns].sum()
    met.columns = list(entry.criteria)
    met.index = met.index.astype(str).rename("district_code")
    table = met.reset_index().melt(id_vars="district_code", var_name="criterion_id", value_name="met")
    sizes = grouped.size()
    sizes.index = sizes.index.astype(str)
    table["communes"] = table["district_code"].map(sizes).astype(int)
    table["share"] = table["met"] / table["communes"]
    return table


def lineage_rows(commune_year: pd.DataFrame, lineage: str | None) -> pd.DataFrame:
    """The rows whose criteria set is of `lineage` (every row when None)."""
    if lineage is None:
        return commune_year
    from ntm.criteria import lineage_sets

    ids = [s.id for s in lineage_sets(lineage)]
    if "criteria_set" in commune_year.columns:  # categorical: compared by code, no text per row
        return commune_year[commune_year["criteria_set"].isin(ids).to_numpy()]
    return commune_year[row_sets(commune_year).isin(ids).to_numpy()]


def yearly_table(
    commune_year: pd.DataFrame,
    metric_keys: Iterable[str],
    districts: Iterable[str] | None = None,
    lineage: str | None = None,
) -> pd.DataFrame:
    """Metrics by year (index: year, a column per metric) for a selection of districts, in one pass
    over the rows; with `lineage`, only the years of that lineage (a series never joins values of the
    19-criteria sets and of the 10-criteria set)."""
    rows = select(lineage_rows(commune_year, lineage), districts=districts)
    table = aggregate(rows, "year", list(metric_keys))
    table.index = table.index.astype("int64")
    return table.rename_axis(None)


def yearly_series(
    commune_year: pd.DataFrame, metric: str, districts: Iterable[str] | None = None, lineage: str | None = None
) -> pd.Series:
    """One metric of `yearly_table`."""
    return yearly_table(commune_year, [metric], districts, lineage)[metric].rename(metric)


# --- reporting completeness ---------------------------------------------------------------------
# Which communes have reported for a year is data: every metric of a year is computed over the communes
# that reported, so a page says how many those are of how many exist, by district, before any number.


@dataclass(frozen=True)
class Coverage:
    """Communes that reported for a year of how many should (a selection of districts, or all):
    `by_district` holds district_code, reported, expected for every district of the selection (those
    without a single report too), in code order. A unit that reported is counted as existing, so
    `reported <= expected` always holds."""

    year: int
    by_district: pd.DataFrame

    @property
    def reported(self) -> int:
        return int(self.by_district["reported"].sum())

    @property
    def expected(self) -> int:
        return int(self.by_district["expected"].sum())

    @property
    def complete(self) -> bool:
        return self.reported == self.expected

    @property
    def districts_reported(self) -> int:
        return int((self.by_district["reported"] > 0).sum())

    @property
    def districts(self) -> int:
        return len(self.by_district)

    def incomplete_districts(self) -> pd.DataFrame:
        """The districts where some commune has not reported (none at all first), then by code."""
        rows = self.by_district[self.by_district["reported"] < self.by_district["expected"]]
        return rows.sort_values(["reported", "district_code"], kind="stable", ignore_index=True)


def coverage(dataset, year: int, districts: Iterable[str] | None = None) -> Coverage:
    """How many communes reported for `year` of how many exist (`dataset.expected_communes`), by
    (former) district, for the selected districts (all when None or empty)."""
    return coverage_of(year_units(dataset, year), year, districts)


def year_units(dataset, year: int) -> tuple[pd.DataFrame, pd.DataFrame]:
    """What `coverage` counts for a year, in every district: the communes that should report
    (`dataset.expected_communes`) and those that did (code, district_code)."""
    rows = select(dataset.commune_year, year)
    reported = pd.DataFrame(
        {"code": rows["commune_code"].astype(str).to_numpy(), "district_code": rows[district_key(rows)].astype(str)}
    )
    return dataset.expected_communes(year), reported


def coverage_of(units: tuple[pd.DataFrame, pd.DataFrame], year: int, districts: Iterable[str] | None) -> Coverage:
    """`coverage` from the year's `year_units` (the same for any districts: a page caches them per year)."""
    expected, reported = units
    chosen = [str(d) for d in districts or []]
    wanted = set(chosen)
    did_report: dict = {}  # commune -> district of its first row in the chosen districts
    for code, district in zip(reported["code"], reported["district_code"]):
        if not wanted or district in wanted:
            did_report.setdefault(code, district)
    district_of: dict = {}  # every commune once, in the registry's district when it has one
    for code, district in zip(expected["code"], expected["district_code"]):
        district_of.setdefault(code, district)
    for code, district in did_report.items():
        district_of.setdefault(code, district)
    counts: dict[str, list[int]] = {code: [0, 0] for code in chosen}
    for code, district in district_of.items():
        if pd.isna(district) or (wanted and district not in wanted):
            continue
        count = counts.setdefault(district, [0, 0])
        count[0] += code in did_report
        count[1] += 1
    table = pd.DataFrame(
        [(district, *counts[district]) for district in sorted(counts)],
        columns=["district_code", "reported", "expected"],
    ).astype({"district_code": "str", "reported": "int64", "expected": "int64"})
    return Coverage(int(year), table)
