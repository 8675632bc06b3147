"""Tables behind the criteria page: district x criterion shares, criteria from hardest to
easiest, one criterion's trend by district, and communes by band over the years."""

import pandas as pd

from ntm.criteria import criterion_labels
from ntm.i18n import t
from ntm.metrics import BANDS, band_of, criterion_counts, district_criterion_shares, select


def heatmap_frame(
    criteria: pd.DataFrame,
    cy: pd.DataFrame,
    names: dict[str, str],
    catalogue: pd.DataFrame,
    lang: str,
    year: int | None = None,
) -> pd.DataFrame:
    """Share of communes meeting each criterion by district, for one year's commune-years."""
    table = district_criterion_shares(criteria, cy)
    labels = criterion_labels(catalogue, lang, year)
    return table.assign(
        district=table["district_code"].map(lambda code: names.get(code, code)),
        criterion=table["criterion_id"].map(labels),
    )


def ranking_frame(
    criteria: pd.DataFrame, cy: pd.DataFrame, catalogue: pd.DataFrame, lang: str, year: int | None = None
) -> pd.DataFrame:
    """Criteria from the hardest (fewest communes meeting it) to the easiest."""
    table = criterion_counts(criteria, cy)
    labels = criterion_labels(catalogue, lang, year)
    table = table.assign(criterion=table["criterion_id"].map(labels))
    return table.sort_values(["share", "criterion_id"], kind="stable", ignore_index=True)


def criterion_trend_frame(
    commune_year: pd.DataFrame, criterion_id: str, districts, names: dict[str, str], lang: str
) -> pd.DataFrame:
    """Share of communes meeting one criterion by year, for each district shown and the province.

    Districts shown: the selection, or every district when nothing is selected."""
    column = f"c{criterion_id}"
    rows = pd.DataFrame(
        {
            "year": commune_year["year"].to_numpy(),
            "met": commune_year[column].to_numpy(),
            "district_code": commune_year["district_code"].astype(str).to_numpy(),
        }
    )
    shown = list(districts or []) or sorted(rows["district_code"].unique())
    by_district = (
        rows[rows["district_code"].isin(shown)]
        .groupby(["year", "district_code"])["met"]
        .agg(["sum", "size"])
        .reset_index()
    )
    by_district["district"] = by_district["district_code"].map(lambda code: names.get(code, code))
    province = rows.groupby("year")["met"].agg(["sum", "size"]).reset_index()
    province["district_code"], province["district"] = "province", t("scope.province", lang)
    table = pd.concat([by_district, province], ignore_index=True).rename(columns={"sum": "met", "size": "communes"})
    table["share"] = table["met"] / table["communes"]
    table["year"] = table["year"].astype(int)
    return table[["year", "district_code", "district", "met", "communes", "share"]]


def band_trend_frame(commune_year: pd.DataFrame, districts, lang: str) -> pd.DataFrame:
    """Communes by band of criteria met (<10, 10-14, 15-18, 19), every year, for a selection."""
    cy = select(commune_year, districts=districts)
    keys = [name for name, _, _ in BANDS]
    counts = pd.crosstab(cy["year"], band_of(cy["criteria_met"])).reindex(columns=keys, fill_value=0)
    table = counts.stack().rename("communes").reset_index()
    table.columns = ["year", "band", "communes"]
    table["band"] = table["band"].astype(str)
    table["year"] = table["year"].astype(int)
    table["order"] = table["band"].map({k: i for i, k in enumerate(keys)})
    table["label"] = table["band"].map(lambda b: t(f"band.{b}", lang))
    return table.sort_values(["year", "order"], ignore_index=True)
