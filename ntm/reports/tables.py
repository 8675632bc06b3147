"""Tables of the current selection: for display (localised headers and number formats) and for
download (CSV in UTF-8 with BOM, for Excel, and .xlsx), safe against formula injection."""

from io import BytesIO

import pandas as pd

from ntm.criteria import criterion_name
from ntm.dataset import unmet_criteria
from ntm.i18n import t
from ntm.metrics import criterion_counts, district_table, format_metric, keys, metric
from ntm.text import name_collation_key

# Signs that start a formula, with their full-width forms (＝ ＋ － ＠), which spreadsheets in East Asian
# locales read as the same signs.
FORMULA_SIGNS = ("=", "+", "-", "@", "\uff1d", "\uff0b", "\uff0d", "\uff20")
FORMULA_STARTS = (*FORMULA_SIGNS, "\t", "\r", "\n")
MAX_WIDTH = 60


def neutralise(value):
    """A text cell that a spreadsheet would read as a formula, prefixed with an apostrophe: it starts
    with a formula sign, a tab or a line break, or with blanks before a formula sign (' =1', '\n=1');
    anything else (numbers included, negative ones too) unchanged."""
    if isinstance(value, str) and (value.startswith(FORMULA_STARTS) or value.lstrip().startswith(FORMULA_SIGNS)):
        return "'" + value
    return value


def neutralise_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy of `frame` with its headers and text cells neutralised."""
    safe = frame.rename(columns=lambda c: neutralise(str(c)))
    for column in safe.columns:
        if not pd.api.types.is_numeric_dtype(safe[column]) and not pd.api.types.is_bool_dtype(safe[column]):
            safe[column] = safe[column].map(neutralise).astype(object)
    return safe


def to_csv_bytes(frame: pd.DataFrame) -> bytes:
    """CSV in UTF-8 with a byte-order mark, so that Excel shows Vietnamese correctly."""
    return neutralise_frame(frame).to_csv(index=False).encode("utf-8-sig")


def _width(values: list) -> int:
    return min(MAX_WIDTH, max(len(str(v)) for v in values) + 2)


def to_xlsx_bytes(frame: pd.DataFrame, sheet: str) -> bytes:
    """One worksheet: bold header row frozen, column widths fitted to the content."""
    from openpyxl import Workbook  # only when an Excel file is asked for: a faster first page
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    book = Workbook()
    ws = book.active
    ws.title = sheet[:31]
    safe = neutralise_frame(frame)
    ws.append(list(safe.columns))
    for row in safe.itertuples(index=False):
        ws.append([None if pd.isna(v) else v for v in row])
    for cell in ws[1]:
        cell.font = Font(bold=True)
    ws.freeze_panes = "A2"
    for index, column in enumerate(safe.columns, start=1):
        ws.column_dimensions[get_column_letter(index)].width = _width([column, *safe[column].tolist()])
    buffer = BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _headers(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    return frame.rename(columns={c: t(f"col.{c}", lang) for c in frame.columns})


def _collated(column: pd.Series) -> pd.Series:
    """Names in Vietnamese order (Bắc Lãng, Bính Xá, Cao Lộc, Chi Lăng, Đình Lập), not code points."""
    return column.map(name_collation_key)


def missing_criteria(selection: pd.DataFrame) -> pd.Series:
    """For each commune-year, the criteria it does not meet, as '05, 11, 17' ('' when none)."""
    return pd.Series([", ".join(ids) for ids in unmet_criteria(selection)], index=selection.index)


def commune_table(selection: pd.DataFrame, registry: pd.DataFrame, names: dict[str, str], lang: str) -> pd.DataFrame:
    """One row per commune of the selection: code, name, district, level, criteria met, and the
    criteria still missing."""
    commune_names = dict(zip(registry["code"], registry["name"]))
    table = pd.DataFrame(
        {
            "commune_code": selection["commune_code"].astype(str),
            "commune": selection["commune_code"].map(commune_names),
            "district": selection["district_code"].astype(str).map(names),
            "year": selection["year"].astype(int),
            "level": selection["level"].map(lambda lv: t(f"level.{lv}", lang)),
            "criteria_met": selection["criteria_met"].astype(int),
            "missing": missing_criteria(selection),
        }
    ).sort_values(["district", "commune"], key=_collated, kind="stable")
    return _headers(table.reset_index(drop=True), lang)


def district_ranking(selection: pd.DataFrame, names: dict[str, str]) -> pd.DataFrame:
    """Districts of the selection with the registry's table metrics, best share meeting the standard
    first (numbers, not text)."""
    table = district_table(selection)
    table.insert(0, "district", table["district_code"].map(names))
    ranked = table.sort_values(["share_ntm", "avg_criteria"], ascending=False, kind="stable")
    return ranked[["district", *keys("table")]].reset_index(drop=True)


def district_export(selection: pd.DataFrame, names: dict[str, str], lang: str) -> pd.DataFrame:
    """The district ranking for download: numbers rounded to each metric's decimals, shares as
    percentages under a '(%)' header."""
    table = district_ranking(selection, names)
    percent_headers = {}
    for key in keys("table"):
        entry = metric(key)
        if entry.percent:
            table[key] = (100 * table[key]).round(entry.decimals)
            percent_headers[t(f"col.{key}", lang)] = t(f"col.{key}_pct", lang)
        elif entry.decimals:
            table[key] = table[key].round(entry.decimals)
    return _headers(table, lang).rename(columns=percent_headers)


def criteria_table(criteria: pd.DataFrame, selection: pd.DataFrame, catalogue: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Communes meeting each criterion in the selection, weakest first."""
    counts = criterion_counts(criteria, selection)
    counts.insert(1, "criterion", counts["criterion_id"].map(lambda cid: criterion_name(catalogue, cid, lang)))
    return counts.sort_values(["share", "criterion_id"], kind="stable").reset_index(drop=True)


def criteria_export(
    criteria: pd.DataFrame, selection: pd.DataFrame, catalogue: pd.DataFrame, lang: str
) -> pd.DataFrame:
    table = criteria_table(criteria, selection, catalogue, lang)
    table["share"] = (100 * table["share"]).round(1)
    return _headers(table, lang).rename(columns={t("col.share", lang): t("col.share_pct", lang)})


def district_summary(table: pd.DataFrame, names: dict[str, str], lang: str) -> pd.DataFrame:
    """The per-district metrics table (the registry's table metrics) as text in `lang`, with a name
    column and headers."""
    shown = pd.DataFrame({"district": table["district_code"].map(names)})
    for key in keys("table"):
        shown[key] = table[key].map(lambda v, key=key: format_metric(key, v, lang))
    return shown.rename(columns={c: t(f"col.{c}", lang) for c in shown.columns})
