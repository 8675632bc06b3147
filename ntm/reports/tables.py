"""Tables of the current selection: for display (localised headers and number formats) and for
download (CSV in UTF-8 with BOM, for Excel, and .xlsx), safe against formula injection.

Downloads describe themselves (ntm.reports.metadata): every frame goes out under headers in the
user's language (`download_frame`, one mapping for every internal column name: HEADERS), a CSV opens
with the record as '# ' lines, an Excel file has a "Thông tin" sheet and document properties, and
keeps numbers as numbers with a number format (`column_formats`)."""

from dataclasses import dataclass
from io import BytesIO

import pandas as pd

from ntm.criteria import criterion_names
from ntm.dataset import unmet_criteria
from ntm.i18n import CATALOGUE, t
from ntm.metrics import (
    aggregate,
    criterion_counts,
    district_key,
    district_table,
    format_metric,
    keys,
    metric,
    selection_set,
)
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


def to_csv_bytes(frame: pd.DataFrame, meta=None) -> bytes:
    """CSV in UTF-8 with a byte-order mark, so that Excel shows Vietnamese correctly. Numbers are
    written as numbers (decimal point, no thousands separator) for any program to read. With `meta`
    (ntm.reports.metadata.Metadata) the file opens with its record, one '# Label: value' line each:
    Excel shows them above the table; pandas.read_csv(..., comment="#") skips them."""
    body = neutralise_frame(frame).to_csv(index=False)
    if meta is not None:
        body = "\n".join(meta.comment_lines()) + "\n" + body
    return body.encode("utf-8-sig")


def _width(values: list) -> int:
    return min(MAX_WIDTH, max(len(str(v)) for v in values) + 2)


def to_xlsx_bytes(frame: pd.DataFrame, sheet: str, meta=None) -> bytes:
    """The table on one worksheet: bold header row frozen, column widths fitted to the content, numbers
    kept as numbers with a number format (`column_formats`: '#,##0' counts, '0' years, '#,##0.0'
    averages, '0.0%' shares; a '(%)' column of percentages becomes shares under its plain header).
    Excel draws them with the reader's own separators (1.234,5 and 40,0% on a Vietnamese system): a
    file cannot impose them without turning numbers into text. With `meta`
    (ntm.reports.metadata.Metadata), a second sheet "Thông tin" ("Information") holds the record and
    the document properties say it too (title, subject, creator, created, keywords, description)."""
    from openpyxl import Workbook  # only when an Excel file is asked for: a faster first page
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    book = Workbook()
    ws = book.active
    ws.title = sheet[:31]
    safe = neutralise_frame(frame)
    formats = column_formats(safe)
    ws.append([formats[c].header for c in safe.columns])
    for row in safe.itertuples(index=False):
        ws.append([None if _blank(v) else formats[c].cell(v) for c, v in zip(safe.columns, row)])
    for cell in ws[1]:
        cell.font = Font(bold=True)
    ws.freeze_panes = "A2"
    for index, column in enumerate(safe.columns, start=1):
        letter = get_column_letter(index)
        ws.column_dimensions[letter].width = _width([formats[column].header, *safe[column].tolist()])
        if formats[column].number_format:
            for (cell,) in ws.iter_rows(min_row=2, min_col=index, max_col=index):
                cell.number_format = formats[column].number_format
    if meta is not None:
        info = book.create_sheet(t("meta.sheet", meta.lang)[:31])
        info.append([t("meta.sheet.item", meta.lang), t("meta.sheet.value", meta.lang)])
        for label, value in meta.fields():
            info.append([neutralise(label), neutralise(value)])
        for cell in info[1]:
            cell.font = Font(bold=True)
        for (cell,) in info.iter_rows(min_row=2, max_col=1):
            cell.font = Font(bold=True)
        for (cell,) in info.iter_rows(min_row=2, min_col=2, max_col=2):
            cell.alignment = Alignment(wrap_text=True, vertical="top")
        info.column_dimensions["A"].width = _width([row[0] for row in meta.fields()] + [""])
        info.column_dimensions["B"].width = 100
        _properties(book, meta)
    buffer = BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _blank(value) -> bool:
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


def _properties(book, meta) -> None:
    """The workbook's document properties from the record (ntm.reports.metadata.document_properties)."""
    from ntm.reports.metadata import CREATOR, document_properties

    props = document_properties(meta)
    for name in ("title", "subject", "creator", "created", "keywords", "description", "language"):
        setattr(book.properties, name, props[name])
    book.properties.lastModifiedBy = CREATOR
    book.properties.category = props["subject"]


def _headers(frame: pd.DataFrame, lang: str, former: bool = False) -> pd.DataFrame:
    """Localised headers; `former`: the district column is the former district (new communes)."""
    headers = {c: t(f"col.{c}", lang) for c in frame.columns}
    if former and "district" in headers:
        headers["district"] = t("col.former_district", lang)
    return frame.rename(columns=headers)


def _former(selection: pd.DataFrame) -> bool:
    """Whether a selection holds new communes (grouped by former district)."""
    return "new_unit" in selection.columns and bool(selection["new_unit"].any())


def _collated(column: pd.Series) -> pd.Series:
    """Names in Vietnamese order (Bắc Lãng, Bính Xá, Cao Lộc, Chi Lăng, Đình Lập), not code points."""
    return column.map(name_collation_key)


def missing_criteria(selection: pd.DataFrame) -> pd.Series:
    """For each commune-year, the criteria it does not meet, as '05, 11, 17' ('' when none)."""
    return pd.Series([", ".join(ids) for ids in unmet_criteria(selection)], index=selection.index)


def commune_table(
    selection: pd.DataFrame, registry: pd.DataFrame, names: dict[str, str], lang: str, units: pd.DataFrame | None = None
) -> pd.DataFrame:
    """One row per commune of the selection: code, name (from `units`, the registry of the
    selection's year, when given), district (from 2026 the former district), level, criteria met,
    and the criteria still missing."""
    units = registry if units is None else units
    commune_names = dict(zip(units["code"], units["name"]))
    table = pd.DataFrame(
        {
            "commune_code": selection["commune_code"].astype(str),
            "commune": selection["commune_code"].map(commune_names),
            "district": selection[district_key(selection)].astype(str).map(names),
            "year": selection["year"].astype(int),
            "level": selection["level"].map(lambda lv: t(f"level.{lv}", lang)),
            "criteria_met": selection["criteria_met"].astype(int),
            "missing": missing_criteria(selection),
        }
    ).sort_values(["district", "commune"], key=_collated, kind="stable")
    return _headers(table.reset_index(drop=True), lang, _former(selection))


def shown_keys(table: pd.DataFrame, role: str = "table") -> list[str]:
    """The registry's metrics of a role that a district table has (those of its criteria set)."""
    return [key for key in keys(role) if key in table.columns]


def district_ranking(
    selection: pd.DataFrame, names: dict[str, str], every: pd.DataFrame | None = None, province: str | None = None
) -> pd.DataFrame:
    """Districts of the selection with the registry's table metrics (those of the year's criteria
    set), best share meeting the standard first (numbers, not text). With `every` (the year's rows of
    every district) the districts are ranked among all of them and the frame has `rank` and `total`
    columns: a selection of one district is '9 of 11', never '1 of 1'; with `province` (its label)
    too, a last row holds the whole province's values (rank and total empty) to compare with."""
    table = district_table(selection if every is None else every)
    table.insert(0, "district", table["district_code"].map(names))
    ranked = table.sort_values(["share_ntm", "avg_criteria"], ascending=False, kind="stable").reset_index(drop=True)
    columns = ["district", *shown_keys(table)]
    if every is not None:
        ranked["rank"] = ranked.index + 1
        ranked["total"] = len(ranked)
        chosen = set(selection[district_key(selection)].astype(str))
        ranked = ranked[ranked["district_code"].isin(chosen)]
        columns += ["rank", "total"]
        if province is not None:
            whole = aggregate(every.assign(scope="province"), "scope", shown_keys(table)).reset_index(drop=True)
            ranked = pd.concat([ranked, whole.assign(district=province, rank=pd.NA, total=pd.NA)], ignore_index=True)
    return ranked[columns].reset_index(drop=True)


def district_export(selection: pd.DataFrame, names: dict[str, str], lang: str) -> pd.DataFrame:
    """The district ranking for download: numbers rounded to each metric's decimals, shares as
    percentages under a '(%)' header."""
    table = district_ranking(selection, names)
    percent_headers = {}
    for key in shown_keys(table):
        entry = metric(key)
        if entry.percent:
            table[key] = (100 * table[key]).round(entry.decimals)
            percent_headers[t(f"col.{key}", lang)] = t(f"col.{key}_pct", lang)
        elif entry.decimals:
            table[key] = table[key].round(entry.decimals)
    return _headers(table, lang, _former(selection)).rename(columns=percent_headers)


def criteria_table(
    criteria: pd.DataFrame, selection: pd.DataFrame, catalogue: pd.DataFrame, lang: str, year: int | None = None
) -> pd.DataFrame:
    """Communes meeting each criterion of the selection's set (that of `year` when given), weakest first."""
    entry = selection_set(selection) if year is None else None
    counts = criterion_counts(criteria, selection, year if year is not None else entry)
    names = criterion_names(catalogue, lang, year, entry.id if entry is not None else None)
    counts.insert(1, "criterion", counts["criterion_id"].map(lambda cid: names[cid]))
    return counts.sort_values(["share", "criterion_id"], kind="stable").reset_index(drop=True)


def criteria_export(
    criteria: pd.DataFrame, selection: pd.DataFrame, catalogue: pd.DataFrame, lang: str, year: int | None = None
) -> pd.DataFrame:
    table = criteria_table(criteria, selection, catalogue, lang, year)
    table["share"] = (100 * table["share"]).round(1)
    return _headers(table, lang).rename(columns={t("col.share", lang): t("col.share_pct", lang)})


def district_summary(
    table: pd.DataFrame,
    names: dict[str, str],
    lang: str,
    former: bool = False,
    province: dict | None = None,
    reported: pd.DataFrame | None = None,
    order: str | None = None,
    province_reported: str = "",
) -> pd.DataFrame:
    """The per-district metrics table (the registry's table metrics) as text in `lang`, with a name
    column and headers (`former`: by former district, for the new communes). `order`: a table metric
    to sort by, best first. `province` ({metric: value}, ntm.metrics.summary of the whole province)
    adds the province as the last row. `reported` (ntm.metrics.Coverage.by_district) adds a column
    'Đã báo cáo' (10/12) and a row for each district with no report yet; `province_reported` is the
    province row's ('175/181')."""
    table = table.copy()
    if reported is not None:
        missing = reported[~reported["district_code"].isin(table["district_code"])]
        table = pd.concat([table, missing[["district_code"]]], ignore_index=True)
    if order is not None and order in table.columns:
        ascending = not metric(order).higher_is_better
        table = table.sort_values([order, "district_code"], ascending=[ascending, True], kind="stable")
    keys_shown = shown_keys(table)
    shown = pd.DataFrame({"district": table["district_code"].map(names).fillna(table["district_code"])})
    for key in keys_shown:
        shown[key] = table[key].map(lambda v, key=key: format_metric(key, v, lang))
    if reported is not None:
        counts = reported.set_index("district_code")
        shown["reported"] = [
            f"{counts.at[code, 'reported']}/{counts.at[code, 'expected']}" if code in counts.index else ""
            for code in table["district_code"]
        ]
    if province is not None:
        row = {"district": t("scope.province", lang)}
        row |= {key: format_metric(key, province.get(key), lang) for key in keys_shown}
        if reported is not None:
            row["reported"] = province_reported
        shown = pd.concat([shown, pd.DataFrame([row])], ignore_index=True)
    return _headers(shown.reset_index(drop=True), lang, former)


# --- download headers and number formats ------------------------------------------------------------

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
# How a number is shown in Excel: counts with a thousands separator, years and codes as they are,
# shares (0..1) and percentages (0..100, under a '(%)' header) as a percentage with one decimal.
COUNT, YEAR, SHARE, PERCENT, DECIMAL, TEXT = "count", "year", "share", "percent", "decimal", "text"
NUMBER_FORMATS = {COUNT: "#,##0", YEAR: "0", SHARE: "0.0%", PERCENT: "0.0%", DECIMAL: "#,##0.0"}
ANY_NUMBER = "#,##0.0##"  # a float column of no known kind: up to three decimals
# Every internal column name a downloaded frame can hold (the views' chart data, the tables' own
# columns): the catalogue key of its header and its kind. The table metrics (ntm.metrics, role
# "table") add theirs: col.<key> and, for shares, col.<key>_pct.
HEADERS: dict[str, tuple[str, str]] = {
    "commune_code": ("col.commune_code", TEXT),
    "commune": ("col.commune", TEXT),
    "code": ("col.code", TEXT),
    "name": ("col.name", TEXT),
    "district_code": ("col.district_code", TEXT),
    "former_district_code": ("col.former_district_code", TEXT),
    "district": ("col.district", TEXT),
    "commune_group": ("col.commune_group", YEAR),
    "year": ("col.year", YEAR),
    "recognised_year": ("col.recognised_year", YEAR),
    "level": ("col.level_code", TEXT),
    "level_label": ("col.level", TEXT),
    "criteria_met": ("col.criteria_met", COUNT),
    "missing": ("col.missing", TEXT),
    "criterion_id": ("col.criterion_id", TEXT),
    "criterion": ("col.criterion", TEXT),
    "met": ("col.met", COUNT),  # a flag (bool) is headed col.met_flag
    "communes": ("col.communes", COUNT),
    "share": ("col.share", SHARE),
    "label": ("col.label", TEXT),
    "value": ("col.value", ""),  # any measure: its format from its type
    "value_text": ("col.value_text", TEXT),
    "class_label": ("col.class_label", TEXT),
    "count": ("col.count", COUNT),
    "kind": ("col.kind", TEXT),
    "denominator": ("col.denominator", COUNT),
    "source": ("col.source", TEXT),
    "note": ("col.note", TEXT),
    "band": ("col.band", TEXT),
    "order": ("col.order", COUNT),
    "series": ("col.series", TEXT),
    "status": ("col.status", TEXT),
}
PERCENT_HEADERS = {"col.share_pct": "col.share"}  # a percentage column's header -> its plain header


def _metric_headers() -> tuple[dict[str, tuple[str, str, int]], dict[str, str]]:
    """({column: (header key, kind, decimals)}, {'(%)' header key: plain header key}) of the table metrics."""
    columns, percents = {}, {}
    for key in keys("table"):
        entry = metric(key)
        kind = SHARE if entry.percent else (DECIMAL if entry.decimals else COUNT)
        columns[key] = (f"col.{key}", kind, entry.decimals)
        if entry.percent:
            percents[f"col.{key}_pct"] = f"col.{key}"
    return columns, percents


def _header_key(column: str, values: pd.Series) -> str | None:
    if column == "met" and pd.api.types.is_bool_dtype(values):
        return "col.met_flag"
    if column in HEADERS:
        return HEADERS[column][0]
    metrics_columns, _ = _metric_headers()
    return metrics_columns[column][0] if column in metrics_columns else None


def download_frame(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    """`frame` as a download shows it, the one header mapping of every CSV and Excel file: internal
    column names (district_code, value, class_label, share, kind…) under their headers in `lang`
    (HEADERS, the table metrics' own), the kinds of a progress chart's series named ("Mục tiêu");
    columns already headed for display are kept. A header that two columns would share keeps the
    second's internal name in brackets."""
    headers: dict[str, str] = {}
    taken = {str(c) for c in frame.columns}
    for column in frame.columns:
        key = _header_key(str(column), frame[column])
        if key is None or key not in CATALOGUE:
            continue
        header = t(key, lang)
        if header in taken and header != column:
            header = f"{header} ({column})"
        headers[column] = header
        taken.add(header)
    shown = frame.rename(columns=headers)
    if "kind" in headers:
        named = {
            kind: t(f"series.{kind}", lang) for kind in frame["kind"].dropna().unique() if f"series.{kind}" in CATALOGUE
        }
        shown[headers["kind"]] = frame["kind"].map(lambda kind: named.get(kind, kind))
    return shown


@dataclass(frozen=True)
class ColumnFormat:
    """How one column goes into Excel: its header, the cell number format, and a factor its numbers
    are multiplied by (0.01 for a '(%)' column, written as shares)."""

    header: str
    number_format: str | None = None
    scale: float = 1.0

    def cell(self, value):
        if self.scale != 1.0 and isinstance(value, (int, float)) and not isinstance(value, bool):
            return value * self.scale
        return value


def _known_headers() -> dict[str, tuple[str, int, str | None, str]]:
    """{header text: (kind, decimals, plain header key of a '(%)' column, its language)}."""
    metric_columns, metric_percents = _metric_headers()
    entries = [(key, kind, 1, None) for key, kind in HEADERS.values()]
    entries += [(key, kind, decimals, None) for key, kind, decimals in metric_columns.values()]
    entries += [(key, PERCENT, 1, plain) for key, plain in {**PERCENT_HEADERS, **metric_percents}.items()]
    known: dict[str, tuple[str, int, str | None, str]] = {}
    for key, kind, decimals, plain in entries:
        if key in CATALOGUE:
            for lang in ("vi", "en"):
                known.setdefault(t(key, lang), (kind, decimals, plain, lang))
    return known


def _number_format(kind: str, decimals: int, values: pd.Series) -> str | None:
    if not pd.api.types.is_numeric_dtype(values) or pd.api.types.is_bool_dtype(values):
        return None
    places = "." + "0" * decimals if decimals else ""
    if kind in (SHARE, PERCENT):
        return f"0{places}%"
    if kind == DECIMAL:
        return f"#,##0{places}"
    if kind in NUMBER_FORMATS:
        return NUMBER_FORMATS[kind]
    return NUMBER_FORMATS[COUNT] if pd.api.types.is_integer_dtype(values) else ANY_NUMBER


def column_formats(frame: pd.DataFrame) -> dict[str, ColumnFormat]:
    """The Excel header, number format and scale of each column of a download frame, by column:
    known by its header (from `download_frame` or the tables' own, in either language) or its internal
    name; other numbers by their type ('#,##0' whole numbers, '#,##0.0##' others)."""
    known = _known_headers()
    metric_columns, _ = _metric_headers()
    formats = {}
    for column in frame.columns:
        name = str(column)
        kind, decimals, plain, lang = known.get(name, (TEXT, 0, None, "vi"))
        if name in HEADERS:
            kind, decimals, plain = HEADERS[name][1], 1, None
        elif name in metric_columns:
            _, kind, decimals = metric_columns[name]
            plain = None
        number_format = _number_format(kind, decimals, frame[column])
        if kind == PERCENT and number_format and plain:
            formats[column] = ColumnFormat(t(plain, lang), number_format, 0.01)
        else:
            formats[column] = ColumnFormat(name, number_format)
    return formats
