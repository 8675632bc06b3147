"""What the map page shows: per-district values of a measure and their class breaks, and the panel
beside the map for one district (its numbers against the province, its weakest criteria, its
communes closest to the standard)."""

import math

import geopandas as gpd
import pandas as pd
import shapely

from ntm import metrics
from ntm.dataset import Dataset
from ntm.formatting import fmt_number, fmt_percent
from ntm.metrics import format_metric

# ColorBrewer YlGnBu, 5 classes: sequential and colour-blind safe.
PALETTE = ("#ffffcc", "#a1dab4", "#41b6c4", "#2c7fb8", "#253494")
NO_DATA = "#d9d9d9"
SHARE_BREAKS = metrics.SHARE_BREAKS  # the share measures' breaks, for the overview map and the PNG map


def __getattr__(name: str):
    """MAP_METRICS (the map's measures) and PANEL_METRICS (the panel's rows), derived from the
    metric registry whenever they are read."""
    if name == "MAP_METRICS":
        return metrics.keys("map")
    if name == "PANEL_METRICS":
        return metrics.keys("panel")
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def district_values(dataset: Dataset, year: int, metric: str, criterion: str = "02") -> pd.DataFrame:
    """One row per district with communes that year: district_code, value, count (the communes
    counted by the value, or criteria met for averages) and communes."""
    if metric not in metrics.keys("map"):
        raise KeyError(metric)
    entry = metrics.metric(metric)
    cy = metrics.select(dataset.commune_year, year)
    rows = pd.DataFrame(
        {"district_code": cy["district_code"].to_numpy(), "value": entry.per_commune(cy, criterion)}
    ).groupby("district_code", observed=True)["value"]
    table = pd.DataFrame(
        {
            "value": rows.agg(metrics.AGGREGATIONS[entry.how]).astype(float),
            "count": rows.size() if entry.how == "count" else rows.sum(),
            "communes": rows.size(),
        }
    )
    return pd.DataFrame(
        {
            "district_code": table.index.astype(str),
            "value": table["value"].to_numpy(),
            "count": table["count"].astype(int).to_numpy(),
            "communes": table["communes"].astype(int).to_numpy(),
        }
    )


def values_by_district(dataset: Dataset, year: int, metric: str, criterion: str = "02") -> dict[str, float]:
    """{district_code: value} for the map image and other consumers."""
    table = district_values(dataset, year, metric, criterion)
    return dict(zip(table["district_code"], table["value"]))


def nice_breaks(maximum: float, classes: int = 5) -> tuple[float, ...]:
    """Equal classes from 0 with a whole-number step covering `maximum`."""
    step = max(1, math.ceil(maximum / classes)) if maximum > 0 else 1
    return tuple(float(step * i) for i in range(classes + 1))


def class_breaks(dataset: Dataset, metric: str, criterion: str = "02") -> tuple[float, ...]:
    """Breaks fixed across all years, so that colours change only when values do: the metric's own
    (shares, averages) or equal classes up to the largest value of any year."""
    fixed = metrics.metric(metric).breaks
    if fixed:
        return fixed
    maximum = max(district_values(dataset, year, metric, criterion)["value"].max() for year in dataset.years)
    return nice_breaks(float(maximum))


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
    return NO_DATA if index is None else PALETTE[min(index, len(PALETTE) - 1)]


def format_value(value: float, metric: str, lang: str) -> str:
    return format_metric(metric, value, lang)


def class_labels(breaks: tuple[float, ...], metric: str, lang: str) -> list[str]:
    """'0 %–20 %' style labels, one per class (whole percentages for shares, whole numbers otherwise;
    `metric` may be a name outside the registry, e.g. 'count')."""
    percent = metric in metrics.METRICS and metrics.metric(metric).percent
    fmt = (lambda v: fmt_percent(v, 0, lang)) if percent else (lambda v: fmt_number(v, 0, lang))
    return [f"{fmt(low)}–{fmt(high)}" for low, high in zip(breaks[:-1], breaks[1:])]


NEAR_STANDARD = (17, 18)


def district_at(frame: gpd.GeoDataFrame, lat: float, lon: float) -> str | None:
    """The code of the district containing a clicked point, if any."""
    point = shapely.Point(lon, lat)
    hits = frame[frame.geometry.covers(point)]
    return str(hits["district_code"].iloc[0]) if len(hits) else None


def against_province(dataset: Dataset, year: int, district: str) -> pd.DataFrame:
    """metric, district, province for the panel's headline numbers (the registry's panel metrics)."""
    cy = metrics.select(dataset.commune_year, year)
    here = cy[cy["district_code"] == district]
    shown = metrics.keys("panel")
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
    table = metrics.criterion_counts(dataset.criteria, cy[cy["district_code"] == district])
    table["province_share"] = table["criterion_id"].map(province)
    return table.sort_values(["share", "criterion_id"], kind="stable").head(count).reset_index(drop=True)


def near_standard(dataset: Dataset, year: int, district: str, fallback: int = 5) -> pd.DataFrame:
    """Communes not yet meeting the standard with 17-18 criteria met (when there are none, the
    `fallback` closest ones): commune_code, name, criteria_met, missing (criterion ids still to
    meet), most criteria first."""
    cy = metrics.select(dataset.commune_year, year)
    rows = cy[(cy["district_code"] == district) & (cy["level"] == "none")]
    near = rows[rows["criteria_met"].between(*NEAR_STANDARD)]
    rows = near if len(near) else rows.nlargest(fallback, "criteria_met", keep="all")
    criteria = dataset.criteria
    unmet = criteria[
        (criteria["year"] == year) & ~criteria["met"] & criteria["commune_code"].isin(rows["commune_code"])
    ]
    missing = unmet.groupby("commune_code")["criterion_id"].agg(lambda ids: ", ".join(sorted(ids)))
    names = dataset.registry.set_index("code")["short_name"]
    table = pd.DataFrame(
        {
            "commune_code": rows["commune_code"].astype(str).to_numpy(),
            "name": rows["commune_code"].map(names).to_numpy(),
            "criteria_met": rows["criteria_met"].astype(int).to_numpy(),
        }
    )
    table["missing"] = table["commune_code"].map(missing).fillna("")
    return table.sort_values(["criteria_met", "name"], ascending=[False, True], ignore_index=True)


def commune_points(dataset: Dataset, year: int, levels=()) -> pd.DataFrame:
    """name, lat, lon, level, criteria_met of every commune assessed in a year (at one of `levels`
    when given)."""
    cy = metrics.select(dataset.commune_year, year)
    if levels:
        cy = cy[cy["level"].isin(levels)]
    places = dataset.registry.set_index("code")[["short_name", "lat", "lon"]]
    table = cy[["commune_code", "level", "criteria_met"]].join(places, on="commune_code")
    return table.rename(columns={"short_name": "name"}).dropna(subset=["lat", "lon"]).reset_index(drop=True)
