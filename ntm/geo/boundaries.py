"""Boundaries: read any GIS file, find the column that names its features and the level it is at
(the 11 former districts, or the 65 communes and wards from 1 July 2025), report what matched,
repair and simplify for the browser.

- `load_boundaries(districts, source)`: one shape per former district, for the district maps; from
  an official file (`source`, or the file NTM_BOUNDARIES names), else the bundled default
  (`load_default`: the union of the bundled new-commune shapes by former district, built by
  ntm/geo/build_default.py). A file of the 65 new communes is accepted too: its shapes are joined
  by former district in the same way (`Boundaries.approximate`).
- `load_communes(source)`: one shape per new commune (the bundled file by default).
- `check_file(source)`: the match report alone, for `python -m ntm boundaries FILE`.

Matching: every text or number column is tried at both levels, by code (GSO codes) and by name
(`ntm.text.fold`, with or without the administrative prefix; a prefix of the other level never
matches). The (level, column) that matches the most distinct units wins; then the most features,
fewer collisions, the district level, the column's name (codes, then names), its order in the
file. A file in which several features land on one unit is refused (BoundaryError listing them,
numbered #n when their names are alike), never dissolved. Features with no geometry, or no name or
code, are reported and skipped. Messages name the file by its base name only.
"""

import io
import os
from dataclasses import dataclass, field, replace
from pathlib import Path

import geopandas as gpd
import pandas as pd
import shapely

from ntm.paths import COMMUNES_2025, GEO
from ntm.text import fold, prefix_level, strip_unit_prefix

DEFAULT_BOUNDARIES = GEO / "lang_son_districts_approx.geojson"
COMMUNE_BOUNDARIES = COMMUNES_2025
ENV_VAR = "NTM_BOUNDARIES"
# Column names that usually hold codes, then names (Shapefiles cut names to 10 characters). They
# only break ties: every column is tried.
CODE_COLUMNS = (
    "district_code",
    "district_c",
    "ma_huyen",
    "dist_code",
    "commune_code",
    "ward_code",
    "ma_xa",
    "code",
    "ma",
)
NAME_COLUMNS = (
    "district_name",
    "district_n",
    "ten_huyen",
    "tên huyện",
    "fullname",
    "commune_name",
    "ward_name",
    "ten_xa",
    "tên xã",
    "name",
    "ten",
    "tên",
    "district",
)
LEVELS = ("district", "commune")
LEVEL_NAMES = {"district": "huyện cũ (trước 1/7/2025)", "commune": "xã, phường mới (từ 1/7/2025)"}
_CODE_WIDTH = {"district": 3, "commune": 5}
BROWSER_BUDGET = 250_000  # bytes of GeoJSON sent to the browser
GAP_WIDTH_DEG = 0.001  # about 100 m: gaps between neighbouring communes narrower than this are closed


class BoundaryError(ValueError):
    """A boundary file that cannot be used; the message says why and what to do (Vietnamese). When
    the file was read, `report` holds its match report."""

    def __init__(self, message: str, report: "MatchReport | None" = None):
        super().__init__(message)
        self.report = report


@dataclass(frozen=True)
class Boundaries:
    frame: gpd.GeoDataFrame  # district_code, feature_name, geometry (EPSG:4326); load_communes: see there
    official: bool
    source: str
    unmatched: list[str] = field(default_factory=list)
    duplicates: list[str] = field(default_factory=list)  # always empty: such files are refused
    missing: list[str] = field(default_factory=list)
    repaired: list[str] = field(default_factory=list)
    level: str = "district"  # the level of the file read: "district" or "commune"
    column: str | None = None  # the column whose values matched
    skipped: list[str] = field(default_factory=list)  # features with no geometry, or no name or code
    # District shapes joined from new communes: approximate where a new commune was formed from old
    # communes of two districts (`straddling`, names of those new communes).
    approximate: bool = False
    straddling: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class MatchReport:
    source: str  # base name of the file
    features: int
    level: str  # "district" or "commune"
    column: str  # the column whose values matched
    by_code: bool  # the column holds codes
    name_column: str | None  # the column naming features in this report
    units: int  # units at this level
    codes: pd.Series  # the unit code of each feature (None: unmatched or skipped)
    labels: pd.Series  # each feature's name in messages ("#n" when it has none)
    unmatched: list[str]
    collisions: dict[str, list[str]]  # unit name -> the features that matched it
    missing: list[str]  # unit names with no feature
    no_geometry: list[str]
    nameless: list[str]

    @property
    def matched(self) -> int:
        return int(self.codes.notna().sum())

    @property
    def skipped(self) -> list[str]:
        return self.no_geometry + self.nameless

    @property
    def problem(self) -> str | None:
        """Why the file cannot be used (Vietnamese), None when it can."""
        if self.collisions:
            pairs = "; ".join(f"{unit}: {', '.join(names)}" for unit, names in self.collisions.items())
            return (
                f"Tệp {self.source}: nhiều đối tượng khớp cùng một {_unit_word(self.level)} (cột {self.column}) "
                f"nên không dùng tệp này: {pairs}. Mỗi {_unit_word(self.level)} phải là đúng một đối tượng."
            )
        if self.matched == 0:
            return f"Tệp {self.source}: không đối tượng nào khớp với huyện hay xã nào của Lạng Sơn."
        return None


def _unit_word(level: str) -> str:
    return "huyện" if level == "district" else "xã"


# --- reading ----------------------------------------------------------------------------------------


def _label(source, name: str | None = None) -> str:
    if name:
        return Path(name).name
    return "upload" if isinstance(source, bytes) else Path(source).name


def read_file(source, name: str | None = None) -> gpd.GeoDataFrame:
    """GeoJSON, Shapefile (or zipped), GeoPackage from a path or bytes, in EPSG:4326."""
    label = _label(source, name)
    try:
        frame = gpd.read_file(io.BytesIO(source) if isinstance(source, bytes) else source)
    except Exception as error:
        detail = str(error)
        if not isinstance(source, bytes):  # the server's folders stay out of the message
            path = Path(source)
            for form in (str(path.resolve()), str(path)):
                detail = detail.replace(form, label)
            for folder in (str(path.resolve().parent), str(path.parent)):
                detail = detail.replace(folder + os.sep, "") if folder != "." else detail
        raise BoundaryError(
            f"Không đọc được tệp ranh giới {label} ({detail}). Hãy dùng GeoJSON, GeoPackage hoặc Shapefile nén .zip."
        ) from error
    if not isinstance(frame, gpd.GeoDataFrame) or frame.geometry.name not in frame.columns:
        raise BoundaryError(
            f"Tệp {label} không có hình (ranh giới). Hãy dùng GeoJSON, GeoPackage hoặc Shapefile nén .zip."
        )
    if frame.empty:
        raise BoundaryError(f"Tệp ranh giới {label} không có đối tượng nào.")
    if frame.crs is None:
        frame = frame.set_crs(4326)
    return frame.to_crs(4326)


# --- matching ---------------------------------------------------------------------------------------


def _default_new_units() -> pd.DataFrame:
    from ntm.registry import load_new_units

    return load_new_units()


def _level_units(level: str, districts: pd.DataFrame, new_units: pd.DataFrame) -> pd.DataFrame:
    """code, name, short: the units a file at `level` can name."""
    if level == "district":
        table = districts[["district_code", "district_name", "district_short"]]
    else:
        table = new_units[["code", "name", "short_name"]]
    return pd.DataFrame(table.to_numpy(), columns=["code", "name", "short"]).drop_duplicates("code")


class _Matcher:
    """Matches one value (code or name) to a unit of one level."""

    def __init__(self, level: str, units: pd.DataFrame):
        self.level, self.width = level, _CODE_WIDTH[level]
        self.codes = set(units["code"])
        full, short = {}, {}
        for code, name, short_name in units.itertuples(index=False):
            full.setdefault(fold(name), set()).add(code)
            for key in {strip_unit_prefix(name), fold(short_name)}:
                short.setdefault(key, set()).add(code)
        # a key two units share names neither
        self.full = {k: next(iter(v)) for k, v in full.items() if len(v) == 1 and k}
        self.short = {k: next(iter(v)) for k, v in short.items() if len(v) == 1 and k}
        self.cache: dict[str, str | None] = {}

    def __call__(self, text: str) -> str | None:
        if text not in self.cache:
            self.cache[text] = self._match(text)
        return self.cache[text]

    def _match(self, text: str) -> str | None:
        if text.isdigit():
            return text.zfill(self.width) if len(text) <= self.width and text.zfill(self.width) in self.codes else None
        key = fold(text)
        if key in self.full:
            return self.full[key]
        if key in self.short:
            return self.short[key]
        level = prefix_level(text)
        if level is not None and level != self.level:
            return None
        return self.short.get(strip_unit_prefix(text))


def _texts(column: pd.Series) -> pd.Series:
    """Each value as stripped text ("" when missing); whole floats without their ".0"."""

    def text(value) -> str:
        if value is None or (isinstance(value, float) and value != value) or value is pd.NA:
            return ""
        if isinstance(value, float) and value.is_integer():
            return str(int(value))
        return str(value).strip()

    return column.map(text)


def _candidate_columns(frame: gpd.GeoDataFrame) -> list[str]:
    """Every column that can hold codes or names, preferred names first, then in file order."""
    usable = [
        c
        for c in frame.columns
        if c != frame.geometry.name
        and (
            pd.api.types.is_object_dtype(frame[c])
            or pd.api.types.is_string_dtype(frame[c])
            or pd.api.types.is_integer_dtype(frame[c])
            or pd.api.types.is_float_dtype(frame[c])
        )
    ]
    preferred = {name.casefold(): rank for rank, name in enumerate((*CODE_COLUMNS, *NAME_COLUMNS))}
    return sorted(usable, key=lambda c: (preferred.get(str(c).casefold(), len(preferred)), usable.index(c)))


def _is_code_column(texts: pd.Series) -> bool:
    values = texts[texts != ""]
    return not values.empty and values.str.isdigit().all()


def match_file(
    frame: gpd.GeoDataFrame, districts: pd.DataFrame, new_units: pd.DataFrame | None = None, source: str = ""
) -> MatchReport:
    """Find the level and column that name the file's features, and report the match (see the
    module's docstring for the order of preference)."""
    new_units = _default_new_units() if new_units is None else new_units
    columns = _candidate_columns(frame)
    if not columns:
        raise BoundaryError(f"Tệp {source}: không có cột nào ghi tên hay mã huyện, xã.")
    texts = {c: _texts(frame[c]) for c in columns}
    best = None
    for level_rank, level in enumerate(LEVELS):
        units = _level_units(level, districts, new_units)
        matcher = _Matcher(level, units)
        for column in columns:
            codes = texts[column].map(lambda v, m=matcher: m(v) if v else None)
            matched = codes.dropna()
            collided = int(matched.duplicated(keep=False).sum())
            score = (matched.nunique(), len(matched), -collided, -level_rank)
            if best is None or score > best[0]:
                best = (score, level, column, codes, units)
    _, level, column, codes, units = best
    return _report(frame, texts, level, column, codes, units, source)


def _report(frame, texts, level, column, codes, units, source) -> MatchReport:
    by_code = _is_code_column(texts[column])
    name_column = column if not by_code else _name_column(texts, level, units)
    names = texts[name_column] if name_column else texts[column]
    labels = pd.Series([name or f"#{i + 1}" for i, name in enumerate(names)], index=frame.index, dtype="object")
    empty = frame.geometry.isna() | frame.geometry.is_empty
    nameless = (texts[column] == "") & (names == "")
    codes = codes.astype("object").where(~(empty | nameless), None)
    unit_names = dict(zip(units["code"], units["name"]))
    matched = codes.dropna()
    repeated = matched[matched.duplicated(keep=False)]
    collisions = {
        unit_names[code]: _distinct_labels(labels, repeated.index[repeated == code])
        for code in sorted(repeated.unique(), key=list(units["code"]).index)
    }
    found = set(matched)
    return MatchReport(
        source=source,
        features=len(frame),
        level=level,
        column=str(column),
        by_code=by_code,
        name_column=None if name_column is None else str(name_column),
        units=len(units),
        codes=codes,
        labels=labels,
        unmatched=list(labels[codes.isna() & ~empty & ~nameless]),
        collisions=collisions,
        missing=[name for code, name in zip(units["code"], units["name"]) if code not in found],
        no_geometry=list(labels[empty & ~nameless]),
        nameless=[f"{label} (không có tên)" for label in labels[nameless]],
    )


def _distinct_labels(labels: pd.Series, index) -> list[str]:
    """The features' labels, each followed by its number in the file (#n) when two are alike."""
    chosen = labels[index]
    if chosen.is_unique:
        return list(chosen)
    position = {key: i for i, key in enumerate(labels.index)}
    return [f"{label} (#{position[key] + 1})" for key, label in chosen.items()]


def _name_column(texts: dict, level: str, units: pd.DataFrame) -> str | None:
    """The text column that best names the features at `level` (most matches), else the first
    preferred name column, else None."""
    matcher = _Matcher(level, units)
    best, best_count = None, 0
    for column, values in texts.items():
        if _is_code_column(values):
            continue
        count = values.map(lambda v: bool(v) and matcher(v) is not None).sum()
        if count > best_count:
            best, best_count = column, count
    if best is not None:
        return best
    names = {n.casefold() for n in NAME_COLUMNS}
    return next((c for c, v in texts.items() if str(c).casefold() in names and not _is_code_column(v)), None)


def describe(report: MatchReport) -> str:
    """The match report in Vietnamese, one fact a line (for the command line)."""

    def listed(names) -> str:
        return ", ".join(names) if names else "không"

    kind = "mã" if report.by_code else "tên"
    lines = [
        f"Tệp: {report.source} ({report.features} đối tượng)",
        f"Cấp: {LEVEL_NAMES[report.level]}, {report.units} đơn vị",
        f"Cột dùng để khớp: {report.column} ({kind})"
        + (f"; cột tên: {report.name_column}" if report.name_column and report.name_column != report.column else ""),
        f"Khớp: {report.matched}/{report.features} đối tượng, "
        f"{report.units - len(report.missing)}/{report.units} đơn vị",
        f"Không khớp ({len(report.unmatched)}): {listed(report.unmatched)}",
        f"Trùng, nhiều đối tượng cho một đơn vị ({len(report.collisions)}): "
        + listed([f"{unit} ← {', '.join(names)}" for unit, names in report.collisions.items()]),
        f"Thiếu ({len(report.missing)}): {listed(report.missing)}",
        f"Bỏ qua, không có hình ({len(report.no_geometry)}): {listed(report.no_geometry)}",
        f"Bỏ qua, không có tên hay mã ({len(report.nameless)}): {listed(report.nameless)}",
    ]
    problem = report.problem
    lines.append(f"Kết luận: KHÔNG dùng được. {problem}" if problem else "Kết luận: dùng được.")
    return "\n".join(lines)


def repair(frame: gpd.GeoDataFrame) -> tuple[gpd.GeoDataFrame, list[str]]:
    """Make invalid geometries valid, keeping their polygonal parts; names of those repaired."""
    invalid = ~frame.geometry.is_valid
    fixed = frame.geometry.where(~invalid, frame.geometry.make_valid(method="structure"))
    fixed = fixed.map(lambda g: g.buffer(0) if g.geom_type == "GeometryCollection" else g)
    return frame.set_geometry(fixed), list(frame.loc[invalid, "feature_name"])


def _matched(frame: gpd.GeoDataFrame, report: MatchReport) -> tuple[gpd.GeoDataFrame, list[str]]:
    """The usable features: code, feature_name, geometry (repaired); names of those repaired."""
    problem = report.problem
    if problem:
        raise BoundaryError(problem, report)
    keep = report.codes.notna()
    table = gpd.GeoDataFrame(
        {"code": report.codes[keep].astype(str), "feature_name": report.labels[keep]},
        geometry=frame.geometry[keep].values,
        crs=frame.crs,
    )
    return repair(table)


# --- new communes and their union by former district ------------------------------------------------


def clean_coverage(shapes: gpd.GeoSeries, gap_width: float = GAP_WIDTH_DEG) -> gpd.GeoSeries:
    """Neighbours made to share identical borders (slivers of overlap given to one of them, gaps
    narrower than `gap_width` filled), so that unions and simplification leave no holes. Shapes
    that are not all polygons are returned as they are."""
    try:
        cleaned = shapely.coverage_clean(shapes.values, gap_width=gap_width)
    except Exception:
        return shapes
    return gpd.GeoSeries(cleaned, index=shapes.index, crs=shapes.crs)


def dissolve_to_former_districts(communes: gpd.GeoDataFrame, new_units: pd.DataFrame | None = None) -> gpd.GeoDataFrame:
    """One shape per former district, the union of the new communes counted in it (registry column
    former_district_code; `communes` has code and geometry). Columns: district_code, geometry,
    approximate (a commune in or next to it straddled old district borders), straddling (names of
    those communes, comma-separated), in district code order."""
    from ntm.registry import load_crosswalk, load_registry, straddling_units

    new_units = _default_new_units() if new_units is None else new_units
    former = new_units.set_index("code")["former_district_code"]
    names = new_units.set_index("code")["short_name"]
    frame = communes.assign(district_code=communes["code"].map(former))
    frame = frame.set_geometry(clean_coverage(frame.geometry))
    dissolved = frame.dissolve(by="district_code", as_index=False, sort=True)[["district_code", "geometry"]]
    # a straddling commune makes both its own district and the other district(s) of its old units approximate
    crosswalk, registry = load_crosswalk(), load_registry()
    old_district = registry.set_index("code")["district_code"]
    touched: dict[str, list[str]] = {}
    for code in straddling_units(crosswalk, registry):
        if code not in set(frame["code"]):
            continue
        olds = crosswalk.loc[crosswalk["new_code"] == code, "old_code"].map(old_district)
        for district in sorted({former[code], *olds}):
            touched.setdefault(district, []).append(names[code])
    dissolved["approximate"] = dissolved["district_code"].map(lambda c: c in touched)
    dissolved["straddling"] = dissolved["district_code"].map(lambda c: ", ".join(touched.get(c, [])))
    return dissolved


def straddling_names(new_units: pd.DataFrame | None = None, among=None) -> list[str]:
    """Short names of the new communes formed from old communes of several districts, in code
    order; only those in `among` (e.g. a `straddling` column of joined shapes) when given."""
    from ntm.registry import straddling_units

    new_units = _default_new_units() if new_units is None else new_units
    names = new_units.set_index("code")["short_name"]
    listed = [names[c] for c in straddling_units() if c in names.index]
    if among is None:
        return listed
    present = {n.strip() for text in pd.Series(among, dtype="object").fillna("") for n in str(text).split(",")}
    return [n for n in listed if n in present]


def _district_boundaries(
    frame: gpd.GeoDataFrame, report: MatchReport, districts: pd.DataFrame, new_units, official: bool, source: str
) -> Boundaries:
    table, repaired = _matched(frame, report)
    order = list(districts["district_code"])
    names = districts.set_index("district_code")["district_name"]
    straddling: list[str] = []
    if report.level == "commune":
        joined = dissolve_to_former_districts(table, new_units)
        joined = joined[joined["district_code"].isin(order)]
        table = gpd.GeoDataFrame(
            {"code": joined["district_code"], "feature_name": joined["district_code"].map(names)},
            geometry=joined.geometry.values,
            crs=table.crs,
        )
        straddling = straddling_names(new_units, joined["straddling"])
    present = set(table["code"])
    table = table.set_index("code").reindex([c for c in order if c in present])
    table = table.rename_axis("district_code").reset_index()
    return Boundaries(
        table,
        official,
        source,
        unmatched=report.unmatched,
        missing=[names[c] for c in order if c not in present],
        repaired=repaired,
        level=report.level,
        column=report.column,
        skipped=report.skipped,
        approximate=report.level == "commune",
        straddling=straddling,
    )


def prepare(
    frame: gpd.GeoDataFrame,
    districts: pd.DataFrame,
    official: bool,
    source: str,
    new_units: pd.DataFrame | None = None,
) -> Boundaries:
    """Match a raw feature table and return one shape per registry district: the file's own shapes
    for a district file, the union by former district for a file of new communes. BoundaryError
    (with its report) when the file cannot be used."""
    new_units = _default_new_units() if new_units is None else new_units
    report = match_file(frame, districts, new_units, source)
    return _district_boundaries(frame, report, districts, new_units, official, source)


def prepare_communes(
    frame: gpd.GeoDataFrame,
    official: bool,
    source: str,
    new_units: pd.DataFrame | None = None,
    districts: pd.DataFrame | None = None,
) -> Boundaries:
    """One shape per new commune: frame columns code, name, former_district_code, feature_name,
    geometry, in code order. BoundaryError when the file is not at the commune level or cannot be used."""
    from ntm.registry import districts as district_table
    from ntm.registry import load_registry

    new_units = _default_new_units() if new_units is None else new_units
    districts = district_table(load_registry()) if districts is None else districts
    report = match_file(frame, districts, new_units, source)
    if report.level != "commune" and not report.problem:
        raise BoundaryError(
            f"Tệp {source} là ranh giới {LEVEL_NAMES[report.level]}, không phải ranh giới xã, phường mới.", report
        )
    table, repaired = _matched(frame, report)
    units = new_units.set_index("code")
    table = table.set_index("code").reindex([c for c in units.index if c in set(table["code"])])
    table.insert(0, "former_district_code", units["former_district_code"].reindex(table.index))
    table.insert(0, "name", units["name"].reindex(table.index))
    table = table.rename_axis("code").reset_index()
    return Boundaries(
        table,
        official,
        source,
        unmatched=report.unmatched,
        missing=report.missing,
        repaired=repaired,
        level="commune",
        column=report.column,
        skipped=report.skipped,
    )


# --- loaders ----------------------------------------------------------------------------------------


def load_default(districts: pd.DataFrame) -> Boundaries:
    """The bundled district shapes: the new communes joined by former district (approximate)."""
    raw = read_file(DEFAULT_BOUNDARIES)
    loaded = prepare(raw, districts, official=False, source=DEFAULT_BOUNDARIES.name)
    if "approximate" not in raw.columns:
        return loaded
    return replace(
        loaded, approximate=bool(raw["approximate"].any()), straddling=straddling_names(among=raw["straddling"])
    )


def _source(source):
    source = source if source is not None else os.environ.get(ENV_VAR) or None
    if isinstance(source, (str, Path)) and not Path(source).exists():
        raise BoundaryError(f"Không tìm thấy tệp ranh giới: {Path(source).name}. Kiểm tra biến {ENV_VAR}.")
    return source


def load_boundaries(districts: pd.DataFrame, source=None, name: str | None = None) -> Boundaries:
    """Official boundaries from `source` (path or bytes; `name` labels bytes) or NTM_BOUNDARIES, else
    the bundled ones. District files give their own shapes; new-commune files are joined by former
    district (approximate)."""
    source = _source(source)
    if source is None:
        return load_default(districts)
    label = _label(source, name)
    return prepare(read_file(source, label), districts, official=True, source=label)


def load_communes(source=None, name: str | None = None, new_units: pd.DataFrame | None = None) -> Boundaries:
    """Boundaries of the 65 units from 1 July 2025: from `source` (path or bytes), else the bundled
    file (geo/lang_son_communes_2025-07.geojson, official=False as it is not the user's file)."""
    if source is None:
        return prepare_communes(read_file(COMMUNE_BOUNDARIES), False, COMMUNE_BOUNDARIES.name, new_units)
    source = _source(source)
    label = _label(source, name)
    return prepare_communes(read_file(source, label), True, label, new_units)


def check_file(source, districts: pd.DataFrame | None = None, new_units: pd.DataFrame | None = None) -> MatchReport:
    """The match report of a file (BoundaryError when it cannot be read)."""
    from ntm.registry import districts as district_table
    from ntm.registry import load_registry

    source = _source(source)
    label = _label(source)
    districts = district_table(load_registry()) if districts is None else districts
    return match_file(read_file(source, label), districts, new_units, label)


# --- browser ----------------------------------------------------------------------------------------


def _rounded(frame: gpd.GeoDataFrame, precision: int) -> gpd.GeoDataFrame:
    return frame.set_geometry(frame.geometry.set_precision(10**-precision, mode="pointwise"))


def simplify_for_browser(frame: gpd.GeoDataFrame, budget: int = BROWSER_BUDGET, precision: int = 4) -> gpd.GeoDataFrame:
    """Simplify shared borders together (topology kept) until the GeoJSON fits `budget` bytes."""
    tolerance = 0.0005
    simplified = _rounded(frame, precision)
    while len(simplified.to_json(drop_id=True).encode()) > budget and tolerance < 0.1:
        simplified = _rounded(frame.set_geometry(frame.geometry.simplify_coverage(tolerance)), precision)
        tolerance *= 2
    return simplified


def normalise_name(text: str) -> str:
    """A name without accents, case or administrative prefix (`ntm.text.strip_unit_prefix`)."""
    return strip_unit_prefix(text)
