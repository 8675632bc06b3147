"""What the map page shows, at two levels:

- **new communes** (`level="commune"`, the 65 units from 1 July 2025): a year whose rows are new
  communes maps directly; a year of old communes (before the reform) maps through the crosswalk,
  each new commune showing the old communes that formed it (`formation`). The partial rule: an old
  commune split between new communes (Bính Xá, Kiên Mộc) counts in full in each new commune it
  contributed to, marked "(một phần)". Wards (phường) are not assessed under NTM: no value, never 0.
- **former districts** (`level="district"`, the 11 districts until 30 June 2025): per-district values;
  a year of new communes is counted in each commune's former district.

For both: values of every year of a measure, class breaks fixed across years (integer classes that
never overlap for counts), the per-year data the interactive map switches between in the browser
(`layer_data`), and the panel beside the map (a district against the province; a new commune and
its old communes).
"""

import math
from functools import lru_cache

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from ntm import metrics
from ntm.criteria import as_set
from ntm.dataset import Dataset, unmet_criteria
from ntm.formatting import fmt_number, fmt_percent
from ntm.i18n import CATALOGUE, t
from ntm.metrics import format_metric
from ntm.registry import (
    FIRST_COMMUNE_STRUCTURE_DAY,
    RURAL_TYPE,
    assessment_day,
    district_names,
    load_crosswalk,
    load_new_units,
    load_registry,
)

# ColorBrewer YlGnBu, 5 classes: sequential and colour-blind safe.
PALETTE = ("#ffffcc", "#a1dab4", "#41b6c4", "#2c7fb8", "#253494")
NO_DATA = "#d9d9d9"
SHARE_BREAKS = metrics.SHARE_BREAKS  # the share measures' breaks, for the overview map and the PNG map
MAP_LEVELS = ("commune", "district")  # the page's default first
WARD_TYPE = "Phường"
NOT_ASSESSED = -1  # the class of a ward (not assessed under NTM), apart from "no data" (None)


def __getattr__(name: str):
    """MAP_METRICS (the map's measures) and PANEL_METRICS (the panel's rows), derived from the
    metric registry whenever they are read."""
    if name == "MAP_METRICS":
        return metrics.keys("map")
    if name == "PANEL_METRICS":
        return metrics.keys("panel")
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


# --- the two geographies ---------------------------------------------------------------------------


def new_structure(year: int) -> bool:
    """Whether a year's rows are new communes (assessed on the units in force from 1 July 2025)."""
    return assessment_day(int(year)) >= FIRST_COMMUNE_STRUCTURE_DAY


def lineage_of(year: int) -> str:
    """The lineage of the year's criteria set ("ntm19" to 2025, "ntm2026" from 2026): years of one
    lineage can be read as one series; "" for a year no set covers."""
    try:
        return as_set(int(year)).lineage
    except ValueError:
        return ""


def map_years(dataset: Dataset, year: int) -> list[int]:
    """The years the map shows with `year` (played through, one small map each): the dataset's years
    of the same lineage of criteria sets, as values across lineages are not comparable (19 criteria
    on the old communes until 2025, 10 on the new ones from 2026)."""
    lineage = lineage_of(year)
    return [y for y in dataset.years if lineage_of(y) == lineage] or list(dataset.years)


def map_metrics(year: int | None = None) -> tuple[str, ...]:
    """The map's measures, in the registry's order; those that mean something for the year's criteria
    set when a year is given (no advanced level from 2026, no modern one before)."""
    try:
        return metrics.keys("map", year)
    except ValueError:
        return metrics.keys("map")


def _old_units(registry: pd.DataFrame) -> pd.DataFrame:
    """The units in force before 1 July 2025 of a registry (old, or stacked with the new units)."""

    def from_new(day) -> bool:
        if day is None or (not isinstance(day, str) and pd.isna(day)) or day == "":
            return False
        return str(day) >= FIRST_COMMUNE_STRUCTURE_DAY.isoformat()

    return registry[~registry["valid_from"].map(from_new)]


_FORMATIONS: dict[tuple, pd.DataFrame] = {}


def formation(registry: pd.DataFrame | None = None, crosswalk: pd.DataFrame | None = None) -> pd.DataFrame:
    """Which old units formed each new unit: new_code, old_code, part ("full", or "partial" for a
    commune split between new units, listed under each), old_name (short), old_full_name, old_type, district_code,
    district_name (short), in new-code then old-code order. Old units dissolved before the reform
    (provisional codes P…) follow their successor into its new unit. Computed once per registry
    and crosswalk (by their codes)."""
    if registry is None and crosswalk is None:
        return _bundled_formation()
    registry = _old_units(_bundled_registry() if registry is None else registry)
    crosswalk = _bundled_crosswalk() if crosswalk is None else crosswalk
    key = (
        tuple(registry["code"]),
        tuple(registry["successor_code"]),
        tuple(registry["district_code"]),
        tuple(crosswalk["new_code"]),
        tuple(crosswalk["old_code"]),
        tuple(crosswalk["part"]),
    )
    if key not in _FORMATIONS:
        _FORMATIONS[key] = _formation(registry, crosswalk)
    return _FORMATIONS[key]


@lru_cache(maxsize=1)
def _bundled_formation() -> pd.DataFrame:
    """`formation` of the bundled registry and crosswalk: the map page asks it 2 times a run, and the
    key of the cache above (every code of both tables) costs 7 ms to build."""
    return formation(_bundled_registry(), _bundled_crosswalk())


@lru_cache(maxsize=1)
def _bundled_registry() -> pd.DataFrame:
    return load_registry()


@lru_cache(maxsize=1)
def _bundled_crosswalk() -> pd.DataFrame:
    return load_crosswalk()


def _formation(old: pd.DataFrame, crosswalk: pd.DataFrame) -> pd.DataFrame:
    direct = crosswalk[["new_code", "old_code", "part"]]
    in_crosswalk = set(direct["old_code"])
    successor = dict(zip(old["code"], old["successor_code"]))
    extra = []
    for code in old["code"]:
        seen, target = {code}, code
        while target not in in_crosswalk:
            target = successor.get(target) or ""
            if not target or target in seen:
                break
            seen.add(target)
        if target and target != code and target in in_crosswalk:
            extra.append(direct[direct["old_code"] == target].assign(old_code=code))
    table = pd.concat([direct, *extra], ignore_index=True)
    places = old.drop_duplicates("code").set_index("code")
    short_districts = district_names(old)
    table["old_name"] = [places["short_name"].get(c, c) for c in table["old_code"]]
    table["old_full_name"] = [places["name"].get(c, c) for c in table["old_code"]]
    table["old_type"] = [places["type"].get(c, "") for c in table["old_code"]]
    table["district_code"] = [places["district_code"].get(c, "") for c in table["old_code"]]
    table["district_name"] = table["district_code"].map(short_districts).fillna("")
    return table.sort_values(["new_code", "old_code"], ignore_index=True)


@lru_cache(maxsize=1)
def _new_units() -> pd.DataFrame:
    return load_new_units()


def new_units() -> pd.DataFrame:
    """The 65 units from 1 July 2025 (code, name, short_name, type, former_district_code, …)."""
    return _new_units().copy()


def wards(units: pd.DataFrame | None = None) -> set[str]:
    """Codes of the new units that are wards (phường): not assessed under NTM."""
    units = _new_units() if units is None else units
    return set(units.loc[units["type"] == WARD_TYPE, "code"])


def new_rows(commune_year: pd.DataFrame) -> np.ndarray:
    """Which rows are new communes: the table's `new_unit` flag when it has one, else the rows of a
    year assessed on the units from 1 July 2025 (`new_structure`)."""
    if "new_unit" in commune_year.columns:
        return commune_year["new_unit"].fillna(False).astype(bool).to_numpy()
    years = commune_year["year"].to_numpy()
    return np.isin(years, [y for y in np.unique(years) if new_structure(y)])


def new_year(commune_year: pd.DataFrame, year: int) -> bool:
    """Whether a year's rows are new communes (`new_rows`; by the date rule for a year without rows)."""
    rows = commune_year[commune_year["year"].to_numpy() == year]
    return bool(new_rows(rows).any()) if len(rows) else new_structure(year)


def new_commune_rows(commune_year: pd.DataFrame, formed: pd.DataFrame | None = None) -> pd.DataFrame:
    """The commune-year rows with `new_code` (the new commune they count in) and `part`: rows of new
    communes directly (part "self"), rows of old communes through `formed` (a split commune once
    under each new commune it contributed to, part "partial")."""
    formed = formation() if formed is None else formed
    is_new = new_rows(commune_year)
    old = commune_year[~is_new].merge(
        formed[["old_code", "new_code", "part"]], left_on="commune_code", right_on="old_code", how="inner"
    )
    new = commune_year[is_new].assign(new_code=commune_year.loc[is_new, "commune_code"].astype(str), part="self")
    rows = pd.concat([old.drop(columns="old_code"), new], ignore_index=True)
    rows["commune_code"] = rows["commune_code"].astype(str)
    return rows


def district_of_rows(commune_year: pd.DataFrame) -> np.ndarray:
    """The former district of each row: its own for an old commune, the new commune's former
    district for a new commune (the table's former_district_code, else the registry's)."""
    codes = commune_year["district_code"].astype("object").to_numpy().copy()
    is_new = new_rows(commune_year)
    if is_new.any():
        if "former_district_code" in commune_year.columns:
            former = commune_year.loc[is_new, "former_district_code"].astype("object").to_numpy()
        else:
            lookup = _new_units().set_index("code")["former_district_code"]
            former = commune_year.loc[is_new, "commune_code"].astype(str).map(lookup).to_numpy()
        codes[is_new] = former
    return codes


# --- values ----------------------------------------------------------------------------------------


def _grouped_values(rows: pd.DataFrame, by: list[str], metric: str, criterion: str) -> pd.DataFrame:
    """value, count (the communes counted by the value, or criteria met for averages), communes,
    per group of `rows` by `by`."""
    entry = metrics.metric(metric)
    per_row = entry.per_commune(rows, criterion)
    table = metrics.aggregate(rows, by, [metric, "communes"], criterion, sums={"_count": per_row})
    return pd.DataFrame(
        {
            "value": table[metric].astype(float).to_numpy(),
            "count": (table["communes"] if entry.how == "count" else table["_count"]).astype(int).to_numpy(),
            "communes": table["communes"].astype(int).to_numpy(),
        },
        index=table.index,
    )


def district_values(dataset: Dataset, year: int, metric: str, criterion: str = "02") -> pd.DataFrame:
    """One row per district with communes that year: district_code, value, count (the communes
    counted by the value, or criteria met for averages) and communes."""
    if metric not in metrics.keys("map"):
        raise KeyError(metric)
    cy = metrics.select(dataset.commune_year, year)
    rows = pd.DataFrame({"district_code": district_of_rows(cy)}, index=cy.index).join(cy.drop(columns="district_code"))
    table = _grouped_values(rows, ["district_code"], metric, criterion)
    table = table.reset_index()
    table["district_code"] = table["district_code"].astype(str)
    return table[["district_code", "value", "count", "communes"]]


def values_by_district(dataset: Dataset, year: int, metric: str, criterion: str = "02") -> dict[str, float]:
    """{district_code: value} for the map image and other consumers."""
    table = district_values(dataset, year, metric, criterion)
    return dict(zip(table["district_code"], table["value"]))


def level_values(dataset: Dataset, level: str, metric: str, criterion: str = "02") -> pd.DataFrame:
    """Every year's values at a level: year, code (new commune or former district), value, count,
    communes (the assessed communes counted: old communes before the reform, a split one in full
    in each of its new communes). Wards and units without rows are absent."""
    if metric not in metrics.keys("map"):
        raise KeyError(metric)
    if level not in MAP_LEVELS:
        raise KeyError(level)
    cy = dataset.commune_year
    if level == "commune":
        rows = new_commune_rows(cy).rename(columns={"new_code": "code"})
        rows = rows[~rows["code"].isin(wards())]
    else:
        rows = cy.assign(code=district_of_rows(cy))
    rows = rows[rows["code"].notna()]
    table = _grouped_values(rows, ["year", "code"], metric, criterion).reset_index()
    table["year"] = table["year"].astype(int)
    table["code"] = table["code"].astype(str)
    return table[["year", "code", "value", "count", "communes"]]


def commune_values(dataset: Dataset, year: int, metric: str, criterion: str = "02") -> pd.DataFrame:
    """One row per new commune with values in `year`: code, value, count, communes."""
    table = level_values(dataset, "commune", metric, criterion)
    return table[table["year"] == year].drop(columns="year").reset_index(drop=True)


# --- classes ---------------------------------------------------------------------------------------


def nice_breaks(maximum: float, classes: int = 5) -> tuple[float, ...]:
    """Equal classes from 0 with a whole-number step covering `maximum`."""
    step = max(1, math.ceil(maximum / classes)) if maximum > 0 else 1
    return tuple(float(step * i) for i in range(classes + 1))


def count_breaks(maximum: float, classes: int = 5) -> tuple[float, ...]:
    """Classes of whole numbers that never overlap: class i holds the integers from breaks[i] to
    breaks[i + 1] - 1. One class per number while they fit ("0", "1", "2"), else 0 alone and classes
    of equal width from 1 up to the class holding `maximum` ("0", "1–2", "3–4", …), at most `classes`."""
    top = max(math.ceil(maximum), 0) if maximum == maximum else 0
    if top <= classes - 1:
        return tuple(float(i) for i in range(max(top, 1) + 2))
    step = math.ceil(top / (classes - 1))
    needed = math.ceil(top / step)
    return (0.0, *(float(1 + step * i) for i in range(needed + 1)))


def palette_for(breaks: tuple[float, ...]) -> tuple[str, ...]:
    """The colours of the classes of `breaks`: the palette, or evenly spread colours of it when there
    are fewer classes (two classes: the lightest and the darkest)."""
    classes = len(breaks) - 1
    if classes >= len(PALETTE):
        return PALETTE
    if classes <= 1:
        return PALETTE[-1:]
    return tuple(PALETTE[round(i * (len(PALETTE) - 1) / (classes - 1))] for i in range(classes))


def integer_metric(metric: str) -> bool:
    """Whether a measure's values are whole numbers (counts of communes): `metric` is a registry key,
    or "count"."""
    if metric == "count":
        return True
    return metric in metrics.METRICS and metrics.metric(metric).kind == "count"


def class_breaks(
    dataset: Dataset,
    metric: str,
    criterion: str = "02",
    level: str = "district",
    values: pd.DataFrame | None = None,
    year: int | None = None,
) -> tuple[float, ...]:
    """Breaks fixed across the years shown (`map_years` of `year`, all years when None), so that
    colours change only when values do: the metric's own (shares; averages of criteria met, scaled
    to the number of criteria of the year's set), or whole-number classes up to the largest value of
    those years at `level` (`values`: level_values of these arguments, when the caller has them)."""
    fixed = metrics.metric(metric).breaks
    if fixed:
        return _scaled(fixed, metric, year)
    values = level_values(dataset, level, metric, criterion) if values is None else values
    if year is not None:
        values = values[values["year"].isin(map_years(dataset, year))]
    maximum = float(values["value"].max()) if len(values) else 0.0
    return count_breaks(maximum) if integer_metric(metric) else nice_breaks(maximum)


def _scaled(breaks: tuple[float, ...], metric: str, year: int | None) -> tuple[float, ...]:
    """Breaks of criteria met (up to 19) for a set with another number of criteria: in proportion,
    whole numbers (2026-2030, 10 criteria: 0, 5, 7, 8, 9, 10)."""
    if year is None or metrics.metric(metric).column != "criteria_met" or not lineage_of(year):
        return breaks
    n = as_set(int(year)).n
    if n == breaks[-1]:
        return breaks
    scaled = tuple(dict.fromkeys(float(round(b * n / breaks[-1])) for b in breaks))
    return scaled if len(scaled) >= 3 else breaks


def class_of(value: float, breaks: tuple[float, ...]) -> int | None:
    """Index of the class holding `value` (left-closed, the last class closed both ends)."""
    if value is None or math.isnan(value):
        return None
    for index in range(len(breaks) - 1):
        if value < breaks[index + 1]:
            return index
    return len(breaks) - 2


def colour_of(value: float, breaks: tuple[float, ...]) -> str:
    index = class_of(value, breaks)
    colours = palette_for(breaks)
    return NO_DATA if index is None else colours[min(index, len(colours) - 1)]


def format_value(value: float, metric: str, lang: str) -> str:
    return format_metric(metric, value, lang)


def class_labels(breaks: tuple[float, ...], metric: str, lang: str) -> list[str]:
    """One label per class: "0 %–20 %" for shares, "10–13" for averages, and for counts the whole
    numbers each class holds ("0", "1–2", "3–4": no number in two classes). `metric` may be a name
    outside the registry: "count" (whole numbers) or any other (ranges)."""
    percent = metric in metrics.METRICS and metrics.metric(metric).percent
    if integer_metric(metric):
        labels = []
        for low, high in zip(breaks[:-1], breaks[1:]):
            top = math.ceil(high) - 1
            low = math.ceil(low)
            labels.append(
                fmt_number(low, 0, lang) if top <= low else f"{fmt_number(low, 0, lang)}–{fmt_number(top, 0, lang)}"
            )
        return labels
    fmt = (lambda v: fmt_percent(v, 0, lang)) if percent else (lambda v: fmt_number(v, 0, lang))
    return [f"{fmt(low)}–{fmt(high)}" for low, high in zip(breaks[:-1], breaks[1:])]


# --- what the interactive map switches between, year by year -----------------------------------------


def member_statuses(dataset: Dataset, metric: str, criterion: str = "02", formed: pd.DataFrame | None = None):
    """For every year of old communes, each old unit's value of the measure: DataFrame year, new_code,
    old_code, status ("1"/"0" for a flag such as meeting the standard, the number for averages)."""
    formed = formation(dataset.registry) if formed is None else formed
    cy = dataset.commune_year
    cy = cy[~new_rows(cy)]
    values = metrics.metric(metric).per_commune(cy, criterion)
    text = np.where(values, "1", "0") if values.dtype == bool else [fmt_number(v, 0) for v in values]
    table = pd.DataFrame(
        {
            "year": cy["year"].astype(int).to_numpy(),
            "old_code": cy["commune_code"].astype(str).to_numpy(),
            "status": text,
        }
    )
    return table.merge(formed[["new_code", "old_code"]], on="old_code", how="inner")


def _in_force(valid_to: dict, codes: list[str], year: int) -> dict[str, bool]:
    """Whether each old unit was in force on the year's assessment day (a commune merged away in
    December 2024 was not, in 2024); `valid_to` maps codes to their last day (None: no end)."""
    day = assessment_day(year)
    return {c: not (isinstance(valid_to.get(c), type(day)) and valid_to[c] < day) for c in codes}


def _detail_key(metric: str, kind: str) -> str:
    key = f"map.detail.{kind}.{metric}"
    return key if key in CATALOGUE else f"map.detail.{kind}"


def layer_data(
    dataset: Dataset,
    level: str,
    metric: str,
    criterion: str,
    lang: str,
    breaks: tuple[float, ...],
    codes: list[str],
    names: dict[str, str],
    values: pd.DataFrame | None = None,
    years: list[int] | None = None,
) -> dict:
    """Everything the map needs to draw `codes` (the shapes' units, in order) in every year, as
    plain JSON-able data (`values`: level_values of these arguments, when the caller has them;
    `years`: the years to hold, every year of the dataset when None):

    - `years`: the years; `data[year][code]` = [class (None: no data, -1: ward), value text, detail
      text, member statuses (None in a year of new communes)].
    - `features[code]` = {"name", "ward", "members": old units' texts, "formed": one line naming them}.
    - `text`: the few words the browser composes tooltips with.
    """
    unit_names = dict(zip(_new_units()["code"], _new_units()["name"]))
    short = dict(zip(_new_units()["code"], _new_units()["short_name"])) if level == "commune" else names
    table = level_values(dataset, level, metric, criterion) if values is None else values
    ward_codes = wards() if level == "commune" else set()
    features: dict[str, dict] = {}
    formed = formation(dataset.registry) if level == "commune" else None
    statuses = None
    member_order: dict[str, list[str]] = {}
    if level == "commune":
        by_new: dict[str, list] = {}
        for row in formed.itertuples(index=False):
            by_new.setdefault(row.new_code, []).append(row)
        for code in codes:
            rows = by_new.get(code, [])
            member_order[code] = [r.old_code for r in rows]
            members = [_member_text(r, lang) for r in rows]
            features[code] = {
                "name": unit_names.get(code, names.get(code, code)),
                "ward": code in ward_codes,
                "members": members,
                "rural": [r.old_type == RURAL_TYPE for r in rows],
                "formed": t("map.tip.formed", lang, names=", ".join(members)) if members else "",
            }
        statuses = {}
        table_status = member_statuses(dataset, metric, criterion, formed)
        for year, new, old, status in zip(
            table_status["year"], table_status["new_code"], table_status["old_code"], table_status["status"]
        ):
            statuses.setdefault((year, new), {})[old] = status
    else:
        for code in codes:
            features[code] = {"name": names.get(code, code), "ward": False, "members": [], "rural": [], "formed": ""}
    new_years = set(dataset.commune_year.loc[new_rows(dataset.commune_year), "year"].astype(int))
    own = _own_rows(dataset.commune_year) if level == "commune" else {}
    by_year: dict[int, dict[str, dict]] = {}
    for year, code, value, count, communes in zip(
        table["year"], table["code"], table["value"], table["count"], table["communes"]
    ):
        by_year.setdefault(year, {})[code] = {"value": value, "count": count, "communes": communes}
    old_units = _old_units(dataset.registry).drop_duplicates("code")
    valid_to = dict(zip(old_units["code"], old_units["valid_to"]))
    all_old = sorted({old for olds in member_order.values() for old in olds})
    in_force: dict[int, dict[str, bool]] = {}
    data: dict[str, dict] = {}
    years = list(dataset.years) if years is None else [int(y) for y in years]
    unreported = False
    for year in years:
        values = by_year.get(year)
        found = metrics.coverage(dataset, year)
        reported = _reporting_texts(found, level, codes, names, lang)
        entries = {}
        for code in codes:
            if code in ward_codes:
                cls, value_text, detail = NOT_ASSESSED, t("map.ward", lang), ""
            elif values is None or code not in values:
                cls, value_text, detail = None, t("map.no_data", lang), ""
                if _expected_to_report(level, code, year, year in new_years, features, found):
                    value_text, detail, unreported = t("map.not_reported", lang), reported.get(code, ""), True
            else:
                row = values[code]
                cls = class_of(float(row["value"]), breaks)
                value_text = format_value(float(row["value"]), metric, lang)
                detail = _detail(level, metric, criterion, lang, year, year in new_years, short.get(code, code), row)
                if level == "commune" and year in new_years:
                    detail = _own_detail(own, year, code, lang)
                if not found.complete and reported.get(code):  # '… · Bắc Sơn: 5/17 xã đã báo cáo'
                    detail = " · ".join(part for part in (detail, reported[code]) if part)
            member = None
            if level == "commune" and year not in new_years:
                known = statuses.get((year, code), {})
                if year not in in_force:
                    in_force[year] = _in_force(valid_to, all_old, year)
                present = in_force[year]
                member = [known.get(old) if present[old] else "~" for old in member_order[code]]
            entries[code] = [cls, value_text, detail, member]
        data[str(year)] = entries
    return {
        "level": level,
        "years": years,
        "features": features,
        "data": data,
        "unreported": unreported,
        "text": {
            "yes": t("map.tip.yes", lang),
            "no": t("map.tip.no", lang),
            "unassessed": t("map.tip.unassessed", lang),
            "absent": t("map.tip.absent", lang),
            "criteria": t("map.tip.criteria", lang),
            "unreported": t("map.tip.unreported", lang),
        },
    }


def _reporting_texts(found: metrics.Coverage, level: str, codes: list[str], names: dict[str, str], lang: str):
    """{code: 'Đình Lập: 10/12 xã đã báo cáo'}: a former district's communes that reported for the
    year (`found`: metrics.coverage), for a district or, at the commune level, for the new commune's
    former district."""
    by_district = {
        row.district_code: reporting_text(
            names.get(row.district_code, row.district_code), row.reported, row.expected, lang
        )
        for row in found.by_district.itertuples()
    }
    if level == "district":
        return {code: by_district[code] for code in codes if code in by_district}
    former = dict(zip(_new_units()["code"], _new_units()["former_district_code"]))
    return {code: by_district[former[code]] for code in codes if former.get(code) in by_district}


def reporting_text(district: str, reported: int, expected: int, lang: str) -> str:
    """'Đình Lập: 10/12 xã đã báo cáo'."""
    return t(
        "coverage.district",
        lang,
        district=district,
        reported=fmt_number(reported, 0, lang),
        expected=fmt_number(expected, 0, lang),
    )


def _expected_to_report(level: str, code: str, year: int, is_new: bool, features: dict, found) -> bool:
    """Whether a unit without a value for `year` should have reported (so it reads 'Chưa báo cáo', not
    'Không có số liệu'): a district with communes to report; a new commune assessed itself (a year of
    new communes) or holding a rural old commune in force (before the reform)."""
    if level == "district":
        rows = found.by_district[found.by_district["district_code"] == code]
        return bool(len(rows)) and int(rows["expected"].iloc[0]) > 0
    if is_new:
        return True
    return any(features.get(code, {}).get("rural", []))


def _member_text(row, lang: str) -> str:
    """'Xã Mai Pha (Cao Lộc)': the old unit's full name and old district, with ', một phần' for a
    split commune."""
    where = row.district_name
    if row.part == "partial":
        where = f"{where}, {t('map.part.partial', lang)}"
    return f"{row.old_full_name} ({where})"


def _own_rows(commune_year: pd.DataFrame) -> dict[tuple[int, str], tuple[str, int, int]]:
    """(year, code) -> (level, criteria met, criteria of its set) of every row of a new commune."""
    rows = commune_year[new_rows(commune_year)]
    counts = (
        rows["n_criteria"].astype(int)
        if "n_criteria" in rows.columns
        else rows["year"].map(lambda y: as_set(int(y)).n if lineage_of(y) else 0)
    )
    return {
        (int(y), str(c)): (lv, int(m), int(n))
        for y, c, lv, m, n in zip(rows["year"], rows["commune_code"], rows["level"], rows["criteria_met"], counts)
    }


def _own_detail(own: dict, year: int, code: str, lang: str) -> str:
    """'Năm 2026: Đạt chuẩn, 8/10 tiêu chí đạt' for a new commune's own row."""
    if (year, code) not in own:
        return ""
    level, met, total = own[(year, code)]
    return t("map.detail.own", lang, year=year, level=t(f"level.{level}", lang), met=met, total=total)


def _detail(level: str, metric: str, criterion: str, lang: str, year: int, is_new: bool, name: str, row) -> str:
    entry = metrics.metric(metric)
    count, communes = int(row["count"]), int(row["communes"])
    if level == "district":
        unit = t("map.count.criteria" if entry.kind == "average" else "map.count.communes", lang)
        return t(
            "map.detail", lang, count=fmt_number(count, 0, lang), communes=fmt_number(communes, 0, lang), unit=unit
        )
    if is_new:
        return ""
    kind = "average" if entry.kind == "average" else "count"
    return t(
        _detail_key(metric, kind),
        lang,
        count=fmt_number(count, 0, lang),
        total=fmt_number(communes, 0, lang),
        name=name,
        year=year,
        criterion=criterion,
        value=format_value(float(row["value"]), metric, lang),
    )


# --- the panel ---------------------------------------------------------------------------------------

NEAR_STANDARD = (17, 18)  # of 19 criteria: see near_range


def near_range(year: int) -> tuple[int, int]:
    """Criteria met by a commune close to the standard: one or two short of the year's set (17-18 of
    19 until 2025, 8-9 of 10 from 2026)."""
    n = as_set(int(year)).n if lineage_of(year) else 19
    return (n - 2, n - 1)


def panel_metrics(year: int) -> tuple[str, ...]:
    """The panel's rows for a year: the registry's panel metrics that mean something for its set."""
    try:
        return metrics.keys("panel", year)
    except ValueError:
        return metrics.keys("panel")


def district_at(frame: gpd.GeoDataFrame, lat: float, lon: float) -> str | None:
    """The code of the district containing a clicked point, if any."""
    return unit_at(frame, lat, lon, "district_code")


def unit_at(frame: gpd.GeoDataFrame, lat: float, lon: float, column: str = "code") -> str | None:
    """The `column` value of the shape containing a clicked point, if any."""
    point = shapely.Point(lon, lat)
    hits = frame[frame.geometry.covers(point)]
    return str(hits[column].iloc[0]) if len(hits) else None


def unit_reporting(dataset: Dataset, year: int, level: str, code: str, names: dict[str, str], lang: str):
    """(reported, expected, 'Đình Lập: 10/12 xã đã báo cáo') for a former district, or for a new
    commune's former district (`level` "commune"), in `year`; None for a unit without one (a ward's
    former district still has one)."""
    district = code
    if level == "commune":
        district = dict(zip(_new_units()["code"], _new_units()["former_district_code"])).get(code)
    rows = metrics.coverage(dataset, year).by_district
    rows = rows[rows["district_code"] == district]
    if not len(rows):
        return None
    reported, expected = int(rows["reported"].iloc[0]), int(rows["expected"].iloc[0])
    return reported, expected, reporting_text(names.get(district, district), reported, expected, lang)


def against_province(dataset: Dataset, year: int, district: str) -> pd.DataFrame:
    """metric, district, province for the panel's headline numbers (the registry's panel metrics)."""
    cy = metrics.select(dataset.commune_year, year)
    here = cy[district_of_rows(cy) == district]
    shown = panel_metrics(year)
    return pd.DataFrame(
        {
            "metric": list(shown),
            "district": [metrics.metric(m)(here) for m in shown],
            "province": [metrics.metric(m)(cy) for m in shown],
        }
    )


def weakest_criteria(dataset: Dataset, year: int, district: str, count: int = 5) -> pd.DataFrame:
    """The district's criteria met by the smallest share of its communes: criterion_id, met, communes,
    share, province_share."""
    cy = metrics.select(dataset.commune_year, year)
    province = metrics.criterion_counts(dataset.criteria, cy).set_index("criterion_id")["share"]
    table = metrics.criterion_counts(dataset.criteria, cy[district_of_rows(cy) == district])
    table["province_share"] = table["criterion_id"].map(province)
    return table.sort_values(["share", "criterion_id"], kind="stable").head(count).reset_index(drop=True)


def near_standard(dataset: Dataset, year: int, district: str, fallback: int = 5) -> pd.DataFrame:
    """Communes not yet meeting the standard one or two criteria short (17-18 of 19, `near_range`;
    when there are none, the `fallback` closest ones): commune_code, name, criteria_met, missing (criterion ids still to
    meet), most criteria first."""
    cy = metrics.select(dataset.commune_year, year)
    rows = cy[(district_of_rows(cy) == district) & (cy["level"] == "none").to_numpy()]
    near = rows[rows["criteria_met"].between(*near_range(year))]
    rows = near if len(near) else rows.nlargest(fallback, "criteria_met", keep="all")
    names = _unit_names(dataset, year)
    table = pd.DataFrame(
        {
            "commune_code": rows["commune_code"].astype(str).to_numpy(),
            "name": rows["commune_code"].astype(str).map(names).to_numpy(),
            "criteria_met": rows["criteria_met"].astype(int).to_numpy(),
        }
    )
    table["missing"] = [", ".join(ids) for ids in unmet_criteria(rows)]
    return table.sort_values(["criteria_met", "name"], ascending=[False, True], ignore_index=True)


def _unit_names(dataset: Dataset, year: int) -> dict[str, str]:
    if new_year(dataset.commune_year, year):
        return dict(zip(_new_units()["code"], _new_units()["short_name"]))
    return dict(zip(dataset.registry["code"], dataset.registry["short_name"]))


def commune_panel(dataset: Dataset, year: int, code: str, lang: str = "vi") -> dict:
    """What the panel says about a new commune in `year`:

    - name, ward (True: not assessed under NTM), new_structure (the year's rows are new communes);
    - members: its old units (old_code, name, district, part text, level text, criteria met, missing
      criteria as text "03, 17"), with their result in `year` for a year of old communes (empty
      cells for units not assessed that year: towns, wards, communes merged away);
    - own: its own row in a year of new communes (level text, criteria met, missing), else None;
    - headline: metric, commune (its old communes together, a split one in full), province.
    """
    units = _new_units().set_index("code")
    if code not in units.index:
        raise KeyError(code)
    formed = formation(dataset.registry)
    formed = formed[formed["new_code"] == code]
    cy = metrics.select(dataset.commune_year, year)
    rows = cy.set_index(cy["commune_code"].astype(str))
    is_new = new_year(dataset.commune_year, year)
    old_units = _old_units(dataset.registry).drop_duplicates("code")
    in_force = _in_force(dict(zip(old_units["code"], old_units["valid_to"])), list(formed["old_code"]), year)
    member_rows = []
    for r in formed.itertuples(index=False):
        assessed = (not is_new) and r.old_code in rows.index
        row = rows.loc[r.old_code] if assessed else None
        silent = not is_new and not assessed and r.old_type == RURAL_TYPE and in_force[r.old_code]
        member_rows.append(
            {
                "old_code": r.old_code,
                "name": r.old_full_name,
                "district": r.district_name,
                "part": t(f"map.part.{r.part}", lang),
                "level": t(f"level.{row['level']}", lang)
                if assessed
                else t("map.not_reported", lang)
                if silent
                else "",
                "criteria_met": int(row["criteria_met"]) if assessed else None,
                "missing": ", ".join(unmet_criteria(rows.loc[[r.old_code]])[0]) if assessed else "",
            }
        )
    members = pd.DataFrame(
        member_rows, columns=["old_code", "name", "district", "part", "level", "criteria_met", "missing"]
    )
    own = None
    if is_new and code in rows.index:
        row = rows.loc[code]
        own = {
            "level": t(f"level.{row['level']}", lang),
            "criteria_met": int(row["criteria_met"]),
            "missing": ", ".join(unmet_criteria(rows.loc[[code]])[0]),
        }
    here = (
        rows.loc[[code]]
        if is_new and code in rows.index
        else rows.loc[[c for c in formed["old_code"] if c in rows.index]]
    )
    ward = code in wards()
    shown = panel_metrics(year)
    headline = pd.DataFrame(
        {
            "metric": list(shown),
            "commune": [metrics.metric(m)(here) if len(here) and not ward else float("nan") for m in shown],
            "province": [metrics.metric(m)(cy) for m in shown],
        }
    )
    return {
        "code": code,
        "name": units.loc[code, "name"],
        "ward": ward,
        "new_structure": is_new,
        "members": members,
        "assessed": int(members["criteria_met"].notna().sum()),
        "own": own,
        "headline": headline,
    }


def commune_names() -> dict[str, str]:
    """{code: full name} of the 65 new units, in code order."""
    units = _new_units()
    return dict(zip(units["code"], units["name"]))


def split_communes(lang: str = "vi") -> list[str]:
    """Short names of the old communes split between new communes (the partial rule applies)."""
    formed = formation()
    return list(dict.fromkeys(formed.loc[formed["part"] == "partial", "old_name"]))


def district_communes(districts) -> list[str]:
    """Codes of the new units holding at least one old unit of the former `districts`."""
    formed = formation()
    return sorted(set(formed.loc[formed["district_code"].isin(list(districts)), "new_code"]))


def commune_points(dataset: Dataset, year: int, levels=()) -> pd.DataFrame:
    """name, lat, lon, level, criteria_met of every commune assessed in a year (at one of `levels`
    when given): old communes at their registry points, new communes at theirs."""
    cy = metrics.select(dataset.commune_year, year)
    if levels:
        cy = cy[cy["level"].isin(levels)]
    registry = _new_units() if new_year(dataset.commune_year, year) else dataset.registry
    places = registry.set_index("code")[["short_name", "lat", "lon"]]
    table = cy[["commune_code", "level", "criteria_met"]].assign(commune_code=cy["commune_code"].astype(str))
    table = table.join(places, on="commune_code")
    return table.rename(columns={"short_name": "name"}).dropna(subset=["lat", "lon"]).reset_index(drop=True)


# --- the interactive map's layer -----------------------------------------------------------------------


def map_payload(
    dataset: Dataset,
    level: str,
    metric: str,
    criterion: str,
    lang: str,
    year: int,
    communes: gpd.GeoDataFrame,
    districts: gpd.GeoDataFrame,
    names: dict[str, str],
    *,
    breaks: tuple[float, ...] | None = None,
    layer: dict | None = None,
    chosen: tuple[str, ...] = (),
    selected: str | None = None,
    points: dict | None = None,
    note: str = "",
    base_tiles: bool = False,
) -> str:
    """The layer the interactive map draws (JSON text for `ntm.load`, see ntm/geo/folium_map.py):
    `communes` (code, geometry) or `districts` (district_code, geometry) coloured by the measure in
    every year, `year` shown first; the chosen former districts outlined and zoomed to (at the
    commune level with the new communes holding their old units); `selected` in bold; `points` from
    `points_data`; `note` under the legend. `layer` is `layer_data` for these arguments when the
    caller has it already. The year's part (`map_year_payload`) and the selection's
    (`map_selection_payload`) joined: the page caches the first per year and measure."""
    from ntm.geo.folium_map import with_selection

    breaks = breaks or class_breaks(dataset, metric, criterion, level, year=year)
    if layer is None:
        shapes, column = (communes, "code") if level == "commune" else (districts, "district_code")
        codes = list(shapes[column].astype(str))
        layer = layer_data(
            dataset, level, metric, criterion, lang, breaks, codes, names, years=map_years(dataset, year)
        )
    year_part = map_year_payload(
        level, metric, criterion, lang, year, communes, districts, names, breaks, layer, points, base_tiles
    )
    selection_part = map_selection_payload(
        level,
        metric,
        criterion,
        lang,
        year,
        communes,
        districts,
        breaks,
        layer,
        chosen,
        selected,
        note=note,
        points=points is not None,
    )
    return with_selection(year_part, selection_part)


def map_year_payload(
    level: str,
    metric: str,
    criterion: str,
    lang: str,
    year: int,
    communes: gpd.GeoDataFrame,
    districts: gpd.GeoDataFrame,
    names: dict[str, str],
    breaks: tuple[float, ...],
    layer: dict,
    points: dict | None = None,
    base_tiles: bool = False,
) -> str:
    """The part of `map_payload` the same for any chosen districts and clicked unit (the big part:
    the shapes and every year's classes)."""
    from ntm.geo.folium_map import label_points, year_payload

    label = t(f"map.metric.{metric}", lang, criterion=criterion)
    if level == "commune":
        short = dict(zip(_new_units()["code"], _new_units()["short_name"]))
        shapes, column = communes, "code"
        labels, label_zoom, borders = label_points(communes, "code", short), 10, districts
    else:
        shapes, column = districts, "district_code"
        labels, label_zoom, borders = label_points(districts, "district_code", names), None, None
    return year_payload(
        layer,
        shapes,
        column,
        label,
        breaks,
        lang,
        year,
        labels=labels,
        label_zoom=label_zoom,
        borders=borders,
        points=points,
        base_tiles=base_tiles,
    )


def map_selection_payload(
    level: str,
    metric: str,
    criterion: str,
    lang: str,
    year: int,
    communes: gpd.GeoDataFrame,
    districts: gpd.GeoDataFrame,
    breaks: tuple[float, ...],
    layer: dict,
    chosen: tuple[str, ...] = (),
    selected: str | None = None,
    points: bool = False,
    note: str = "",
) -> str:
    """The part of `map_payload` for the chosen districts (outline, emphasis, zoom), the clicked unit
    and the legend (`points`: whether the communes' points are shown)."""
    from ntm.geo.folium_map import bounds_of, selection_payload

    label = t(f"map.metric.{metric}", lang, criterion=criterion)
    chosen = tuple(c for c in chosen if c in set(districts["district_code"]))
    outline = districts[districts["district_code"].isin(chosen)] if chosen else None
    if level == "commune":
        chosen_codes = district_communes(chosen) if chosen else []
        focus_frame = communes[communes["code"].isin(chosen_codes)] if chosen else communes
    else:
        chosen_codes = list(chosen)
        focus_frame = outline if chosen else districts
    if outline is not None and len(focus_frame):
        focus_frame = pd.concat([focus_frame[["geometry"]], outline[["geometry"]]])
    return selection_payload(
        layer,
        label,
        breaks,
        metric,
        lang,
        outline=outline,
        chosen_codes=chosen_codes,
        focus=bounds_of(gpd.GeoDataFrame(focus_frame, geometry="geometry")),
        fit_key=",".join(chosen),
        selected=selected,
        points=points,
        note=note,
        levels=_set_levels(year),
    )


def _set_levels(year: int) -> tuple[str, ...] | None:
    """The levels of the year's criteria set (None when no set covers it)."""
    try:
        return as_set(int(year)).levels
    except ValueError:
        return None


def points_data(dataset: Dataset, lang: str, levels=()) -> dict:
    """The communes as points for every year (old communes before the reform, new ones after), at
    one of `levels` when given, coloured by level: see ntm.geo.folium_map.points_payload."""
    from ntm.geo.folium_map import points_payload

    return points_payload({year: commune_points(dataset, year, levels) for year in dataset.years}, lang)


# --- the map's files ---------------------------------------------------------------------------------


def download_table(
    layer: dict, values: pd.DataFrame, breaks: tuple[float, ...], metric: str, lang: str, names: dict[str, str]
) -> pd.DataFrame:
    """The map as a table file: one row per unit and year the map holds (`layer`: layer_data;
    `values`: level_values of the same arguments): year, code, name, the former district of a new
    commune (`names`: district code -> name), the value as a number and as shown, its class in the
    legend ('Không thuộc diện đánh giá NTM' for a ward, 'Không có số liệu'), for a share or count the
    communes that meet it (`met`), and the communes it is counted on (its denominator). Internal
    column names: ntm.reports.tables.download_frame heads them in the user's language. Sorted by
    year, then name in Vietnamese order."""
    from ntm.text import name_collation_key

    labels = class_labels(breaks, metric, lang)
    level = layer["level"]
    average = metrics.metric(metric).kind == "average"  # its count is of criteria, not of communes
    former = dict(zip(_new_units()["code"], _new_units()["former_district_code"])) if level == "commune" else {}
    numbers = {
        (int(year), str(code)): (value, count, communes)
        for year, code, value, count, communes in zip(
            values["year"], values["code"], values["value"], values["count"], values["communes"]
        )
    }
    rows = []
    for year in layer["years"]:
        for code, (cls, shown, *_) in layer["data"][str(year)].items():
            value, count, communes = numbers.get((int(year), code), (np.nan, np.nan, np.nan))
            if cls == NOT_ASSESSED:
                band = t("map.ward", lang)
            elif cls is None:  # 'Chưa báo cáo' for a unit that should have reported
                band = shown if shown == t("map.not_reported", lang) else t("map.no_data", lang)
            else:
                band = labels[min(cls, len(labels) - 1)]
            row = {"year": int(year), "code": code, "name": layer["features"][code]["name"]}
            if level == "commune":
                district = former.get(code)
                row[t("col.former_district", lang)] = names.get(district, district) if isinstance(district, str) else ""
            row |= {"value": value, "value_text": shown, "class_label": band}
            row |= {"communes": communes} if average else {"met": count, "communes": communes}
            rows.append(row)
    table = pd.DataFrame(rows)
    if table.empty:
        return table
    for column in ("met", "communes"):  # whole numbers, missing where there are no data
        if column in table.columns:
            table[column] = table[column].round().astype("Int64")
    order = sorted(range(len(table)), key=lambda i: (table["year"].iat[i], name_collation_key(table["name"].iat[i])))
    return table.iloc[order].reset_index(drop=True)
