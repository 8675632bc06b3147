"""Display tables with localised headers and number formats."""
import pandas as pd

from ntm.formatting import fmt_number, fmt_percent
from ntm.i18n import t

DISTRICT_COLUMNS = ("communes", "communes_ntm", "share_ntm", "avg_criteria", "min_criteria",
                    "communes_ntm_advanced", "communes_ntm_model")
FORMATS = {
    "share_ntm": lambda v, lang: fmt_percent(v, 1, lang),
    "avg_criteria": lambda v, lang: fmt_number(v, 2, lang),
}


def format_column(values: pd.Series, column: str, lang: str) -> pd.Series:
    fmt = FORMATS.get(column, lambda v, lg: fmt_number(v, 0, lg))
    return values.map(lambda v: fmt(v, lang))


def district_summary(table: pd.DataFrame, names: dict[str, str], lang: str) -> pd.DataFrame:
    """The per-district metrics table as text in `lang`, with a name column and headers."""
    shown = pd.DataFrame({"district": table["district_code"].map(names)})
    for column in DISTRICT_COLUMNS:
        shown[column] = format_column(table[column], column, lang)
    return shown.rename(columns={c: t(f"col.{c}", lang) for c in shown.columns})
