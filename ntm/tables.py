"""Display tables with localised headers and formats."""
import pandas as pd

from ntm.i18n import t

DISTRICT_COLUMNS = ("communes", "communes_ntm", "share_ntm", "avg_criteria", "min_criteria",
                    "communes_ntm_advanced", "communes_ntm_model")


def district_summary(table: pd.DataFrame, names: dict[str, str], lang: str) -> pd.DataFrame:
    """The per-district metrics table with a name column and headers in `lang`; shares in %."""
    shown = table[["district_code", *DISTRICT_COLUMNS]].copy()
    shown.insert(0, "district", shown["district_code"].map(names))
    shown["share_ntm"] = (100 * shown["share_ntm"]).round(1)
    shown["avg_criteria"] = shown["avg_criteria"].round(2)
    shown = shown.drop(columns="district_code")
    return shown.rename(columns={c: t(f"col.{c}", lang) for c in shown.columns})
