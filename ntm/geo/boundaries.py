"""District boundaries: read any GIS file, match features to the registry's districts, repair and
simplify for the browser. The bundled default is schematic (see ntm/geo/build_default.py); an official
file can be named with NTM_BOUNDARIES."""

import io
import os
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

import geopandas as gpd
import pandas as pd

from ntm.paths import GEO

DEFAULT_BOUNDARIES = GEO / "lang_son_districts_approx.geojson"
ENV_VAR = "NTM_BOUNDARIES"
# Shapefiles cut field names to 10 characters: district_c, district_n.
CODE_COLUMNS = ("district_code", "district_c", "ma_huyen", "dist_code", "code", "ma")
NAME_COLUMNS = ("district_name", "district_n", "ten_huyen", "name", "ten", "NAME_2", "district")
_PREFIXES = r"^((huyen|thanh pho|thi xa|quan|district|city)\s+|(tp|tx)(\.\s*|\s+))"
BROWSER_BUDGET = 250_000  # bytes of GeoJSON sent to the browser


class BoundaryError(ValueError):
    """A boundary file that cannot be used; the message says what to do (Vietnamese)."""


@dataclass(frozen=True)
class Boundaries:
    frame: gpd.GeoDataFrame  # district_code, feature_name, geometry (EPSG:4326)
    official: bool
    source: str
    unmatched: list[str] = field(default_factory=list)
    duplicates: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    repaired: list[str] = field(default_factory=list)


def normalise_name(text: str) -> str:
    """A spelling-proof key: NFC, Ð→Đ, lower case, no administrative prefix, no diacritics."""
    text = unicodedata.normalize("NFC", str(text)).replace("\u00d0", "Đ").replace("\u00f0", "đ")
    text = text.lower().replace("đ", "d")
    text = "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))
    text = re.sub(r"\s+", " ", text).strip()
    return re.sub(_PREFIXES, "", text).strip()


def _column(frame: pd.DataFrame, candidates: tuple[str, ...]) -> str | None:
    lower = {c.lower(): c for c in frame.columns}
    return next((lower[c.lower()] for c in candidates if c.lower() in lower), None)


def read_file(source) -> gpd.GeoDataFrame:
    """GeoJSON, Shapefile (or zipped), GeoPackage from a path or bytes, in EPSG:4326."""
    try:
        frame = gpd.read_file(io.BytesIO(source) if isinstance(source, bytes) else source)
    except Exception as error:
        raise BoundaryError(
            f"Không đọc được tệp ranh giới ({error}). Hãy dùng GeoJSON, GeoPackage hoặc Shapefile nén .zip."
        ) from error
    if frame.empty:
        raise BoundaryError("Tệp ranh giới không có đối tượng nào.")
    if frame.crs is None:
        frame = frame.set_crs(4326)
    return frame.to_crs(4326)


def match_features(frame: gpd.GeoDataFrame, districts: pd.DataFrame) -> tuple[pd.Series, pd.Series]:
    """The registry district code of each feature (NA when unmatched) and each feature's name.
    Matches by a code column whose values are registry codes, otherwise by name."""
    known = set(districts["district_code"])
    name_col = _column(frame, NAME_COLUMNS)
    code_col = _column(frame, CODE_COLUMNS)
    names = (
        frame[name_col].astype(str)
        if name_col
        else pd.Series([f"#{i + 1}" for i in range(len(frame))], index=frame.index)
    )
    if code_col:
        codes = frame[code_col].astype(str).str.strip().str.zfill(3)
        if codes.isin(known).any():
            return codes.where(codes.isin(known)), names
    if not name_col:
        raise BoundaryError("Tệp ranh giới không có cột mã huyện (district_code) hay tên huyện (district_name, name).")
    by_key = {}
    for code, full, short in districts[["district_code", "district_name", "district_short"]].itertuples(index=False):
        by_key[normalise_name(full)] = code
        by_key[normalise_name(short)] = code
    return names.map(lambda n: by_key.get(normalise_name(n))), names


def repair(frame: gpd.GeoDataFrame) -> tuple[gpd.GeoDataFrame, list[str]]:
    """Make invalid geometries valid, keeping their polygonal parts; names of those repaired."""
    invalid = ~frame.geometry.is_valid
    fixed = frame.geometry.where(~invalid, frame.geometry.make_valid(method="structure"))
    fixed = fixed.map(lambda g: g.buffer(0) if g.geom_type == "GeometryCollection" else g)
    return frame.set_geometry(fixed), list(frame.loc[invalid, "feature_name"])


def prepare(frame: gpd.GeoDataFrame, districts: pd.DataFrame, official: bool, source: str) -> Boundaries:
    """Match, report and dissolve a raw feature table into one shape per registry district."""
    codes, names = match_features(frame, districts)
    frame = gpd.GeoDataFrame(
        {"district_code": codes, "feature_name": names}, geometry=frame.geometry.values, crs=frame.crs
    )
    frame, repaired = repair(frame)
    unmatched = list(frame.loc[frame["district_code"].isna(), "feature_name"])
    matched = frame[frame["district_code"].notna()]
    duplicated = matched["district_code"].duplicated(keep=False)
    duplicates = list(matched.loc[duplicated, "feature_name"])
    dissolved = matched.dissolve(by="district_code", aggfunc="first", as_index=False)
    order = list(districts["district_code"])
    dissolved = dissolved.set_index("district_code").reindex([c for c in order if c in set(dissolved["district_code"])])
    rural = districts.set_index("district_code")["district_name"]
    missing = [rural[c] for c in order if c not in dissolved.index]
    return Boundaries(dissolved.reset_index(), official, source, unmatched, duplicates, missing, repaired)


def load_default(districts: pd.DataFrame) -> Boundaries:
    """The bundled schematic boundaries."""
    return prepare(read_file(DEFAULT_BOUNDARIES), districts, official=False, source=DEFAULT_BOUNDARIES.name)


def load_boundaries(districts: pd.DataFrame, source=None) -> Boundaries:
    """Official boundaries from `source` (path or bytes) or NTM_BOUNDARIES, else the bundled schematic ones."""
    source = source if source is not None else os.environ.get(ENV_VAR) or None
    if source is None:
        return load_default(districts)
    if isinstance(source, (str, Path)) and not Path(source).exists():
        raise BoundaryError(f"Không tìm thấy tệp ranh giới: {source}. Kiểm tra biến {ENV_VAR}.")
    label = "upload" if isinstance(source, bytes) else Path(source).name
    return prepare(read_file(source), districts, official=True, source=label)


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
