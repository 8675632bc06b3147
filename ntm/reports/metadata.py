"""What a downloaded file says about itself: its title, scope and year, filters, source (the dataset,
and the official figures a chart shows), data version and its date, when the file was made and,
while the data are the illustrative demo, the notice saying so; in the user's language.

One record (`Metadata`) feeds every place a file carries it: the title, subtitle and footer of a
chart's PNG/SVG (ntm.charts.export), the comment lines of a CSV and the "Thông tin" sheet and
document properties of an Excel file (ntm.reports.tables), the README.txt of a view's zip
(`archive`), and its file name (`Metadata.file_stem`). Pure: no Streamlit.

For the briefing deck (ntm/reports/deck.py): `describe(title, lang, data_version(dataset, created_at),
year=..., districts=..., names=...)` gives the record; `fields()` its lines for a closing slide or
page, `footer()` for a slide's foot, and `document_properties()` the PPTX core properties (creator
-> author, description -> comments) and the PDF's (title, subject, author, keywords, creator)."""

import io
import re
import textwrap
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta, timezone

import pandas as pd

from ntm.formatting import fmt_year_range, scope_text
from ntm.i18n import t
from ntm.text import fold

VIETNAM_TIME = timezone(timedelta(hours=7))  # the store keeps UTC; files say Vietnam's time (no DST)
CREATOR = "NTM Lạng Sơn dashboard"
FILE_PREFIX = "ntm-lang-son"
MAX_SLUG = 60  # characters of a file name's title part
FOOTER_WIDTH = 100  # characters of a chart footer's line
NAMED_DISTRICTS = 3  # a file name lists up to this many chosen districts, else their number
README = "README.txt"

# Charts whose spec has no title (the page shows one above them): their title, by name stem.
CHART_TITLES = {"xa-theo-muc": "overview.levels", "xa-theo-so-tieu-chi": "overview.bands"}
# Charts that show the whole province whatever districts are chosen, by name stem.
PROVINCE_CHARTS = ("ban-do-huyen",)
COMMUNE_CHART = re.compile(r"^xa-(P?\d+)-")  # a commune's scorecard chart: its scope is the commune
YEAR_SUFFIX = re.compile(r"-\d{4}$")


@dataclass(frozen=True)
class DataVersion:
    """The data a file comes from: the bundled illustrative demo or a stored version (vN, imported at
    `created_at`)."""

    label: str
    illustrative: bool
    created_at: datetime | None = None


def data_version(dataset, created_at: datetime | None = None) -> DataVersion:
    """The version of a Dataset (ntm.dataset): its label ("demo", "v3"), whether it is illustrative,
    and when a stored version was imported (the store's created_at; None for the demo)."""
    return DataVersion(str(dataset.label or "demo"), bool(dataset.illustrative), created_at)


def version_line(version: DataVersion, years=(), lang: str = "vi") -> str:
    """What the data are, for a page's header: 'Dữ liệu minh họa · phiên bản demo · số liệu 2015–2026',
    or 'Dữ liệu đã nhập · phiên bản v3 · cập nhật 12/03/2026 · số liệu 2015–2026' (the store's import
    date; the demo has none: it is generated, not imported)."""
    kind = "meta.header.demo" if version.illustrative else "meta.header.stored"
    parts = [t(kind, lang), t("meta.header.version", lang, version=version.label)]
    if version.created_at is not None:
        parts.append(t("meta.header.updated", lang, date=format_date(version.created_at, lang)))
    years = sorted(int(y) for y in years)
    if years:
        parts.append(t("meta.header.years", lang, years=fmt_year_range(years[0], years[-1])))
    return " · ".join(parts)


def _local(moment: datetime) -> datetime:
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(VIETNAM_TIME)


def format_date(moment: datetime, lang: str = "vi") -> str:
    """23/11/2026 (vi) or 2026-11-23 (en), in Vietnam's time."""
    local = _local(moment)
    return local.strftime("%Y-%m-%d") if lang == "en" else local.strftime("%d/%m/%Y")


def format_time(moment: datetime, lang: str = "vi") -> str:
    """'23/11/2026 14:05 (giờ Việt Nam)' or '2026-11-23 14:05 (Vietnam time, UTC+7)'."""
    return t("meta.time", lang, date=format_date(moment, lang), time=_local(moment).strftime("%H:%M"))


def slug(text: str) -> str:
    """A file-name part: folded words joined by hyphens ('Đình Lập' -> 'dinh-lap')."""
    return "-".join(fold(text).split())


def _cut(text: str, limit: int = MAX_SLUG) -> str:
    if len(text) <= limit:
        return text
    return text[:limit].rsplit("-", 1)[0]


@dataclass(frozen=True)
class Metadata:
    """What one file says about itself (see the module notes). `made_at` is stamped when the file is
    made (`stamped`), not when its button is drawn."""

    lang: str
    title: str
    scope: str
    year: int | None
    filters: tuple[tuple[str, str], ...]  # (filter, its value) beyond the scope and the year
    version: DataVersion
    official: tuple[str, ...] = ()  # titles of the official sources the file shows figures from
    file_stem: str = ""
    file_name: str = ""
    made_at: datetime | None = None

    @property
    def illustrative(self) -> bool:
        return self.version.illustrative

    @property
    def source(self) -> str:
        """'Dữ liệu minh họa', or the stored version with its date."""
        if self.version.illustrative:
            return t("meta.source.demo", self.lang)
        if self.version.created_at is None:
            return t("meta.source.version", self.lang, version=self.version.label)
        return t(
            "meta.source.version.dated",
            self.lang,
            version=self.version.label,
            date=format_date(self.version.created_at, self.lang),
        )

    @property
    def notice(self) -> str:
        """The illustrative-data notice ('' for a stored version)."""
        return t("meta.notice", self.lang) if self.version.illustrative else ""

    def stamped(self, now: datetime | None = None) -> "Metadata":
        """This record with the time the file is made (now)."""
        return replace(self, made_at=now or datetime.now(UTC))

    def named(self, file_name: str) -> "Metadata":
        return replace(self, file_name=file_name)

    def filter_text(self) -> str:
        if not self.filters:
            return t("meta.filters.none", self.lang)
        return "; ".join(f"{name}: {value}" for name, value in self.filters)

    def version_text(self) -> str:
        """'demo' or 'v3 (12/03/2026)'."""
        if self.version.created_at is None:
            return self.version.label
        return f"{self.version.label} ({format_date(self.version.created_at, self.lang)})"

    def fields(self) -> list[tuple[str, str]]:
        """(label, value) lines in the user's language: the Information sheet, README.txt and the
        document properties' description say these."""
        lang = self.lang
        rows = []
        if self.file_name:
            rows.append((t("meta.file", lang), self.file_name))
        rows += [
            (t("meta.title", lang), self.title),
            (t("meta.scope", lang), self.scope),
            (t("meta.year", lang), "" if self.year is None else str(self.year)),
            (t("meta.filters", lang), self.filter_text()),
            (t("meta.source", lang), self.source),
        ]
        if self.official:
            rows.append((t("meta.official", lang), "; ".join(self.official)))
        rows.append((t("meta.version", lang), self.version.label))
        if self.version.created_at is not None:
            rows.append((t("meta.version_date", lang), format_date(self.version.created_at, lang)))
        if self.made_at is not None:
            rows.append((t("meta.made", lang), format_time(self.made_at, lang)))
        if self.notice:
            rows.append((t("meta.notice.label", lang), self.notice))
        return [(label, value) for label, value in rows if value != ""]

    def text(self) -> str:
        """The record as 'Label: value' lines (one README.txt block)."""
        return "\n".join(f"{label}: {value}" for label, value in self.fields())

    def heading(self) -> list[str]:
        """A chart's subtitle: 'Toàn tỉnh · năm 2025' and the filters beyond them."""
        line = self.scope if self.year is None else t("meta.heading", self.lang, scope=self.scope, year=self.year)
        return [line] + ([self.filter_text()] if self.filters else [])

    def footer(self, width: int = FOOTER_WIDTH) -> list[str]:
        """A chart's footer: source (and the official figures'), data version, when it was made and,
        for the demo, the notice; lines of at most `width` characters."""
        lang = self.lang
        lines = [f"{t('meta.source', lang)}: {self.source}"]
        if self.official:
            lines.append(f"{t('meta.official', lang)}: {'; '.join(self.official)}")
        version = f"{t('meta.version', lang)}: {self.version_text()}"
        if self.made_at is not None:
            version += f" · {t('meta.made', lang)}: {format_time(self.made_at, lang)}"
        lines += [version] + ([self.notice] if self.notice else [])
        return [part for line in lines for part in textwrap.wrap(line, width, break_on_hyphens=False)]

    def comment_lines(self) -> list[str]:
        """The record as the '# Label: value' lines that open a CSV file."""
        return ["# " + " ".join(f"{label}: {value}".split()).replace('"', "'") for label, value in self.fields()]


def describe(
    title: str,
    lang: str,
    version: DataVersion,
    *,
    year: int | None = None,
    districts=(),
    names: dict[str, str] | None = None,
    scope: str | None = None,
    filters=(),
    official=(),
    what: str | None = None,
    made_at: datetime | None = None,
) -> Metadata:
    """The record of a file: `title`; its scope, the chosen `districts` (codes, named by `names`) or
    the whole province unless `scope` is given; `filters` beyond scope and year as (name, value);
    `official` source titles; `what` the file name's title part (default: from the title)."""
    names = names or {}
    shown = scope if scope is not None else scope_text(tuple(districts), names, lang)
    return Metadata(
        lang=lang,
        title=title,
        scope=shown,
        year=year,
        filters=tuple((str(k), str(v)) for k, v in filters),
        version=version,
        official=tuple(dict.fromkeys(str(s) for s in official if str(s).strip())),
        file_stem=file_stem(year, () if scope is not None else districts, names, what or title, lang),
        made_at=made_at,
    )


def file_stem(year: int | None, districts, names: dict[str, str], what: str, lang: str = "vi") -> str:
    """A readable file name without extension: 'ntm-lang-son-2025-dinh-lap-danh-sach-xa' (districts
    by name, not code; more than NAMED_DISTRICTS by their number)."""
    parts = [FILE_PREFIX] + ([str(year)] if year is not None else [])
    districts = list(districts)
    if len(districts) > NAMED_DISTRICTS:
        parts.append(slug(t("meta.file.districts", lang, count=len(districts))))
    else:
        parts += [slug(names.get(code, code)) for code in districts]
    what = re.sub(rf"(^|-)(nam-)?{year}(?=-|$)", "", slug(what)) if year is not None else slug(what)
    parts.append(_cut(what.strip("-")))
    return "-".join(p for p in parts if p)


# --- charts -----------------------------------------------------------------------------------------


def chart_stem(name: str) -> str:
    """A chart's name without its year ('xa-theo-muc-2025' -> 'xa-theo-muc')."""
    return YEAR_SUFFIX.sub("", name)


def title_lines(title) -> tuple[list[str], list[str]]:
    """(text lines, subtitle lines) of a Vega-Lite title: a string, a list of lines or a title object."""
    if title is None or (not isinstance(title, (str, list, tuple, dict)) and not hasattr(title, "to_dict")):
        return [], []
    if isinstance(title, str):
        return [title], []
    if isinstance(title, (list, tuple)):
        return [str(line) for line in title], []
    spec = title if isinstance(title, dict) else title.to_dict()
    text, subtitle = spec.get("text", []), spec.get("subtitle", [])
    as_lines = lambda value: [value] if isinstance(value, str) else [str(v) for v in (value or [])]  # noqa: E731
    return as_lines(text), as_lines(subtitle)


def chart_title(spec: dict, name: str, lang: str) -> str:
    """A chart's title: its spec's (lines joined by ' – '), else the one its page shows above it."""
    lines, _ = title_lines(spec.get("title"))
    if lines:
        return " – ".join(lines)
    key = CHART_TITLES.get(chart_stem(name))
    return t(key, lang) if key else name


def official_sources(frame: pd.DataFrame) -> tuple[str, ...]:
    """Titles of the official sources a chart's data cite (its `source` column), in order."""
    if "source" not in frame.columns:
        return ()
    values = frame["source"].dropna().astype(str).str.strip()
    return tuple(dict.fromkeys(v for v in values if v))


def chart_metadata(
    chart,
    lang: str,
    version: DataVersion,
    *,
    year: int | None = None,
    districts=(),
    names: dict[str, str] | None = None,
    unit_names: dict[str, str] | None = None,
) -> Metadata:
    """The record of a PageChart (ntm.views.page_chart): title from its spec or page, the chosen
    districts as scope (the whole province for charts that always show it, the commune for a
    commune's scorecard, named from `unit_names`), official sources from its data."""
    title = chart_title(chart.spec, chart.name, lang)
    scope = None
    if chart_stem(chart.name) in PROVINCE_CHARTS:
        scope = t("scope.province", lang)
    commune = COMMUNE_CHART.match(chart.name)
    if commune:
        lines = title_lines(chart.spec.get("title"))[0]
        scope = (unit_names or {}).get(commune.group(1)) or (lines[0] if lines else commune.group(1))
    return describe(
        title,
        lang,
        version,
        year=year,
        districts=districts,
        names=names,
        scope=scope,
        official=official_sources(chart.frame),
    )


# --- files and the view's archive -------------------------------------------------------------------


@dataclass(frozen=True)
class DownloadFile:
    """One file a user can take away: its name, type, how it is made (called only when asked for) and
    what it says about itself."""

    name: str
    mime: str
    make: Callable[[Metadata], bytes]  # the stamped record -> the file's bytes
    meta: Metadata = field(repr=False)

    def build(self, now: datetime | None = None) -> bytes:
        return self.make(self.meta.named(self.name).stamped(now))


def chart_files(chart, meta: Metadata) -> list[DownloadFile]:
    """A PageChart as PNG and SVG (title, scope and footer drawn in) and its data as CSV."""
    from ntm.charts.export import chart_png, chart_svg
    from ntm.reports.tables import download_frame, to_csv_bytes

    stem = meta.file_stem
    frame = chart.frame
    return [
        DownloadFile(f"{stem}.png", "image/png", lambda m: chart_png(chart.build(), meta=m), meta),
        DownloadFile(f"{stem}.svg", "image/svg+xml", lambda m: chart_svg(chart.build(), meta=m).encode(), meta),
        DownloadFile(f"{stem}.csv", "text/csv", lambda m: to_csv_bytes(download_frame(frame, m.lang), m), meta),
    ]


def table_files(frame: pd.DataFrame, sheet: str, meta: Metadata) -> list[DownloadFile]:
    """A table as CSV and Excel, headers in the user's language."""
    from ntm.reports.tables import XLSX, download_frame, to_csv_bytes, to_xlsx_bytes

    stem = meta.file_stem
    return [
        DownloadFile(f"{stem}.csv", "text/csv", lambda m: to_csv_bytes(download_frame(frame, m.lang), m), meta),
        DownloadFile(f"{stem}.xlsx", XLSX, lambda m: to_xlsx_bytes(download_frame(frame, m.lang), sheet, m), meta),
    ]


def unique_names(files: list[DownloadFile]) -> list[DownloadFile]:
    """The files with names made unique ('…-2.csv' for a second file of the same name)."""
    seen: dict[str, int] = {}
    result = []
    for item in files:
        count = seen.get(item.name, 0) + 1
        seen[item.name] = count
        if count > 1:
            stem, dot, ext = item.name.rpartition(".")
            item = replace(item, name=f"{stem}-{count}.{ext}" if dot else f"{item.name}-{count}")
        result.append(item)
    return result


def readme_text(metas: list[Metadata], lang: str) -> str:
    """README.txt of an archive: what it is, then one block per file."""
    blocks = [t("meta.readme.intro", lang)] + [meta.text() for meta in metas]
    return "\n\n".join(blocks) + "\n"


def archive(files: list[DownloadFile], lang: str, now: datetime | None = None) -> bytes:
    """A zip of the files, each made now and carrying its record, with a README.txt of the records
    (one block per file)."""
    now = now or datetime.now(UTC)
    files = unique_names(files)
    buffer = io.BytesIO()
    stamp = _local(now).timetuple()[:6]
    metas = []
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as bundle:
        for item in files:
            meta = item.meta.named(item.name).stamped(now)
            bundle.writestr(zipfile.ZipInfo(item.name, stamp), item.make(meta), zipfile.ZIP_DEFLATED)
            metas.append(meta)
        bundle.writestr(zipfile.ZipInfo(README, stamp), readme_text(metas, lang).encode("utf-8"), zipfile.ZIP_DEFLATED)
    return buffer.getvalue()


def document_properties(meta: Metadata) -> dict:
    """Document properties of a file (Excel here; the deck's PPTX/PDF too): title, subject, creator,
    created (UTC, naive as openpyxl writes it), keywords, description (the record's lines), language."""
    made = meta.made_at or datetime.now(UTC)
    return {
        "title": meta.title,
        "subject": f"{t('meta.subject', meta.lang)} – {meta.heading()[0]}",
        "creator": CREATOR,
        "created": made.astimezone(UTC).replace(tzinfo=None),
        "keywords": t("meta.keywords", meta.lang),
        "description": meta.text(),
        "language": "vi-VN" if meta.lang == "vi" else "en",
    }
