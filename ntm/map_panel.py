"""The panel beside the map for one district: its numbers against the province, its weakest
criteria, and its communes closest to the standard."""
import geopandas as gpd
import pandas as pd
import shapely

from ntm import metrics
from ntm.dataset import Dataset

PANEL_METRICS = ("share_ntm", "avg_criteria", "communes_ntm", "communes_ntm_advanced", "communes_ntm_model",
                 "communes")
NEAR_STANDARD = (17, 18)


def district_at(frame: gpd.GeoDataFrame, lat: float, lon: float) -> str | None:
    """The code of the district containing a clicked point, if any."""
    point = shapely.Point(lon, lat)
    hits = frame[frame.geometry.covers(point)]
    return str(hits["district_code"].iloc[0]) if len(hits) else None


def against_province(dataset: Dataset, year: int, district: str) -> pd.DataFrame:
    """metric, district, province for the panel's headline numbers."""
    cy = metrics.select(dataset.commune_year, year)
    here = metrics.summary(cy[cy["district_code"] == district])
    whole = metrics.summary(cy)
    return pd.DataFrame({"metric": list(PANEL_METRICS), "district": [here[m] for m in PANEL_METRICS],
                         "province": [whole[m] for m in PANEL_METRICS]})


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
    unmet = criteria[(criteria["year"] == year) & ~criteria["met"] & criteria["commune_code"].isin(rows["commune_code"])]
    missing = unmet.groupby("commune_code")["criterion_id"].agg(lambda ids: ", ".join(sorted(ids)))
    names = dataset.registry.set_index("code")["short_name"]
    table = pd.DataFrame({"commune_code": rows["commune_code"].astype(str).to_numpy(),
                          "name": rows["commune_code"].map(names).to_numpy(),
                          "criteria_met": rows["criteria_met"].astype(int).to_numpy()})
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
