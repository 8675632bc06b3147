"""Programme metrics for any year and selection of districts. Pure functions on the
commune-year table (see ntm.dataset.build_commune_year) and the criteria table."""

from collections.abc import Iterable

import numpy as np
import pandas as pd

from ntm.criteria import CRITERION_IDS
from ntm.dataset import CRITERION_COLUMNS, LEVEL_RANK, LEVELS

BANDS = (("lt10", 0, 9), ("10_14", 10, 14), ("15_18", 15, 18), ("all19", 19, 19))
BAND_LABELS = {"lt10": "<10", "10_14": "10-14", "15_18": "15-18", "all19": "19"}
STANDARD = LEVEL_RANK["standard"]
ADVANCED = LEVEL_RANK["advanced"]
MODEL = LEVEL_RANK["model"]

# Metric name -> function of a commune-year selection. Names match data/targets.csv.
METRICS = {
    "communes_ntm": lambda cy: int((cy["level_rank"] >= STANDARD).sum()),
    "share_ntm": lambda cy: _share((cy["level_rank"] >= STANDARD).sum(), len(cy)),
    "communes_ntm_advanced": lambda cy: int((cy["level_rank"] >= ADVANCED).sum()),
    "communes_ntm_model": lambda cy: int((cy["level_rank"] >= MODEL).sum()),
    "avg_criteria": lambda cy: float(cy["criteria_met"].mean()) if len(cy) else float("nan"),
    "min_criteria": lambda cy: int(cy["criteria_met"].min()) if len(cy) else float("nan"),
    "communes_below_10": lambda cy: int((cy["criteria_met"] < 10).sum()),
    "communes": lambda cy: int(len(cy)),
}


def _share(part, whole) -> float:
    return float(part) / whole if whole else float("nan")


def select(commune_year: pd.DataFrame, year: int | None = None, districts: Iterable[str] | None = None) -> pd.DataFrame:
    """Rows of the commune-year table for a year (all years if None) and districts (all if None/empty)."""
    mask = np.ones(len(commune_year), dtype=bool)
    if year is not None:
        mask &= commune_year["year"].to_numpy() == year
    districts = list(districts or [])
    if districts:
        mask &= commune_year["district_code"].isin(districts).to_numpy()
    return commune_year[mask]


def band_of(criteria_met: pd.Series) -> pd.Series:
    bins = [-1] + [high for _, _, high in BANDS]
    return pd.cut(criteria_met, bins=bins, labels=[name for name, _, _ in BANDS])


def band_counts(cy: pd.DataFrame) -> dict[str, int]:
    upper = np.array([high for _, _, high in BANDS])
    index = np.searchsorted(upper, cy["criteria_met"].to_numpy())
    counts = np.bincount(index, minlength=len(BANDS))
    return {name: int(counts[i]) for i, (name, _, _) in enumerate(BANDS)}


def level_counts(cy: pd.DataFrame) -> dict[str, int]:
    counts = cy["level"].value_counts()
    return {level: int(counts.get(level, 0)) for level in LEVELS}


def summary(cy: pd.DataFrame) -> dict:
    """Headline numbers of a selection of commune-years (normally one year)."""
    result = {name: fn(cy) for name, fn in METRICS.items()}
    result["levels"] = level_counts(cy)
    result["bands"] = band_counts(cy)
    return result


def criterion_counts(criteria: pd.DataFrame, cy: pd.DataFrame) -> pd.DataFrame:
    """Communes meeting each criterion in a selection: criterion_id, met, communes, share.
    (`criteria` is kept for callers; the counts come from the commune-year table's c01..c19.)"""
    met = cy[list(CRITERION_COLUMNS)].to_numpy().sum(axis=0)
    table = pd.DataFrame({"criterion_id": list(CRITERION_IDS), "met": met.astype(int)})
    table["communes"] = len(cy)
    table["share"] = table["met"] / len(cy) if len(cy) else float("nan")
    return table


def district_table(cy: pd.DataFrame) -> pd.DataFrame:
    """Per-district metrics for a selection of one year's commune-years."""
    rank = cy["level_rank"].to_numpy()
    criteria_met = cy["criteria_met"].to_numpy()
    band_index = np.searchsorted(np.array([high for _, _, high in BANDS]), criteria_met)
    counted = {
        "communes_ntm": rank >= STANDARD,
        "communes_ntm_advanced": rank >= ADVANCED,
        "communes_ntm_model": rank >= MODEL,
        **{f"band_{name}": band_index == i for i, (name, _, _) in enumerate(BANDS)},
    }
    flags = pd.DataFrame({"district_code": cy["district_code"].to_numpy(), "criteria_met": criteria_met, **counted})
    grouped = flags.groupby("district_code", observed=True)
    table = grouped[list(counted)].sum().astype(int)
    table.insert(0, "communes", grouped.size())
    table.insert(4, "avg_criteria", grouped["criteria_met"].mean())
    table.insert(5, "min_criteria", grouped["criteria_met"].min())
    table.insert(6, "share_ntm", table["communes_ntm"] / table["communes"])
    table.index = table.index.astype(str)
    return table.rename_axis("district_code").reset_index()


def district_criterion_shares(criteria: pd.DataFrame, cy: pd.DataFrame) -> pd.DataFrame:
    """Share of communes meeting each criterion, by district: district_code, criterion_id, met, communes, share."""
    grouped = cy.groupby("district_code", observed=True)
    met = grouped[list(CRITERION_COLUMNS)].sum()
    met.columns = list(CRITERION_IDS)
    table = met.reset_index().melt(id_vars="district_code", var_name="criterion_id", value_name="met")
    table["communes"] = table["district_code"].map(grouped.size()).astype(int)
    table["share"] = table["met"] / table["communes"]
    table["district_code"] = table["district_code"].astype(str)
    return table


def yearly_series(commune_year: pd.DataFrame, metric: str, districts: Iterable[str] | None = None) -> pd.Series:
    """A metric by year for a selection of districts."""
    cy = select(commune_year, districts=districts)
    fn = METRICS[metric]
    return pd.Series({int(year): fn(group) for year, group in cy.groupby("year")}, name=metric)
