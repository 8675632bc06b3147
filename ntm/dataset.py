"""The tidy commune-year dataset: loading, validation and the derived commune-year table.

Two tables:
- criteria: one row per commune x year x criterion: commune_code, year, criterion_id, met (bool)
- levels: one row per commune x year: commune_code, year, level, recognised_year
"""

from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from ntm.criteria import CRITERION_IDS
from ntm.registry import load_registry

LEVELS = ("none", "standard", "advanced", "model")
LEVEL_RANK = {level: rank for rank, level in enumerate(LEVELS)}
YEAR_RANGE = (2010, 2030)
CRITERIA_FILE = "criteria.parquet"
LEVELS_FILE = "levels.parquet"


class DatasetError(ValueError):
    """The dataset breaks a rule; `problems` lists each (table, row, column, message)."""

    def __init__(self, problems: list[tuple[str, int | None, str, str]]):
        self.problems = problems
        lines = [
            f"{table}, dòng {row}, cột {column}: {message}" if row is not None else f"{table}, cột {column}: {message}"
            for table, row, column, message in problems
        ]
        super().__init__("Dữ liệu không hợp lệ:\n" + "\n".join(lines[:20]))


@dataclass(frozen=True)
class Dataset:
    criteria: pd.DataFrame
    levels: pd.DataFrame
    registry: pd.DataFrame
    label: str = ""
    illustrative: bool = False
    commune_year: pd.DataFrame = field(init=False, repr=False)

    def __post_init__(self):
        object.__setattr__(self, "commune_year", build_commune_year(self.criteria, self.levels, self.registry))

    @property
    def years(self) -> list[int]:
        return sorted(int(y) for y in self.commune_year["year"].unique())


def _first_bad_rows(mask: pd.Series, limit: int = 5) -> list[int]:
    return [int(i) + 2 for i in mask[mask].index[:limit]]  # +2: header line and 1-based rows


def validate_tables(criteria: pd.DataFrame, levels: pd.DataFrame, registry: pd.DataFrame) -> None:
    """Raise DatasetError listing every broken rule; return None when the tables are sound."""
    problems: list[tuple[str, int | None, str, str]] = []
    expected = {
        "criteria": ["commune_code", "year", "criterion_id", "met"],
        "levels": ["commune_code", "year", "level", "recognised_year"],
    }
    for name, table in (("criteria", criteria), ("levels", levels)):
        missing = [c for c in expected[name] if c not in table.columns]
        if missing:
            problems.append((name, None, ", ".join(missing), "thiếu cột"))
    if problems:
        raise DatasetError(problems)
    known = set(registry["code"])
    for name, table in (("criteria", criteria), ("levels", levels)):
        for row in _first_bad_rows(~table["commune_code"].isin(known)):
            problems.append(
                (name, row, "commune_code", f"mã xã không có trong danh mục: {table['commune_code'].iloc[row - 2]}")
            )
        years = pd.to_numeric(table["year"], errors="coerce")
        for row in _first_bad_rows(~years.between(*YEAR_RANGE)):
            problems.append((name, row, "year", f"năm ngoài khoảng {YEAR_RANGE[0]}-{YEAR_RANGE[1]}"))
    for row in _first_bad_rows(~criteria["criterion_id"].isin(CRITERION_IDS)):
        problems.append(("criteria", row, "criterion_id", "mã tiêu chí phải từ 01 đến 19"))
    if criteria["met"].dtype != bool:
        problems.append(("criteria", None, "met", "giá trị phải là đúng/sai (bool)"))
    for row in _first_bad_rows(~levels["level"].isin(LEVELS)):
        problems.append(("levels", row, "level", f"mức phải là một trong {', '.join(LEVELS)}"))
    for row in _first_bad_rows(criteria.duplicated(["commune_code", "year", "criterion_id"])):
        problems.append(("criteria", row, "commune_code", "dòng trùng (xã, năm, tiêu chí)"))
    for row in _first_bad_rows(levels.duplicated(["commune_code", "year"])):
        problems.append(("levels", row, "commune_code", "dòng trùng (xã, năm)"))
    if not problems:
        per_commune_year = criteria.groupby(["commune_code", "year"]).size()
        for code, year in per_commune_year[per_commune_year != len(CRITERION_IDS)].index[:5]:
            problems.append(("criteria", None, "criterion_id", f"xã {code} năm {year} không đủ 19 tiêu chí"))
        keys_c = set(per_commune_year.index)
        keys_l = set(zip(levels["commune_code"], levels["year"]))
        for code, year in sorted(keys_c ^ keys_l)[:5]:
            problems.append(("levels", None, "commune_code", f"xã {code} năm {year} có ở một bảng mà thiếu ở bảng kia"))
        recognised = levels["level"] != "none"
        rec_year = pd.to_numeric(levels["recognised_year"], errors="coerce").astype("float").fillna(9999)
        bad_year = recognised & ~(rec_year <= levels["year"].astype(int))
        for row in _first_bad_rows(bad_year):
            problems.append(
                ("levels", row, "recognised_year", "xã đạt chuẩn phải có năm công nhận không sau năm đánh giá")
            )
    if problems:
        raise DatasetError(problems)


CRITERION_COLUMNS = tuple(f"c{cid}" for cid in CRITERION_IDS)


def unmet_criteria(commune_year: pd.DataFrame) -> list[list[str]]:
    """For each row of the commune-year table, the ids of the criteria it does not meet."""
    flags = commune_year[list(CRITERION_COLUMNS)].to_numpy()
    return [[cid for cid, met in zip(CRITERION_IDS, row) if not met] for row in flags]


def build_commune_year(criteria: pd.DataFrame, levels: pd.DataFrame, registry: pd.DataFrame) -> pd.DataFrame:
    """One row per commune-year with its district, level and rank, the count of criteria met and
    one boolean column per criterion (c01..c19), so that metrics never go back to the long table."""
    wide = criteria.pivot(index=["commune_code", "year"], columns="criterion_id", values="met")
    wide = wide.reindex(columns=list(CRITERION_IDS), fill_value=False).astype(bool)
    wide.columns = list(CRITERION_COLUMNS)
    wide["criteria_met"] = wide.sum(axis=1).astype("int8")
    table = levels.merge(wide.reset_index(), on=["commune_code", "year"], how="left")
    places = registry.set_index("code")[["district_code"]]
    table = table.join(places, on="commune_code")
    table["level_rank"] = table["level"].map(LEVEL_RANK).astype("int8")
    table["district_code"] = table["district_code"].astype("category")
    table["year"] = table["year"].astype("int16")
    return table.sort_values(["year", "commune_code"], ignore_index=True)


def normalise_types(criteria: pd.DataFrame, levels: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    criteria = criteria.assign(
        commune_code=criteria["commune_code"].astype(str),
        year=criteria["year"].astype("int16"),
        criterion_id=criteria["criterion_id"].astype(str),
    )
    levels = levels.assign(
        commune_code=levels["commune_code"].astype(str),
        year=levels["year"].astype("int16"),
        level=levels["level"].astype(str),
        recognised_year=pd.to_numeric(levels["recognised_year"]).astype("Int16"),
    )
    return criteria, levels


def load_dataset(
    directory: Path, registry: pd.DataFrame | None = None, label: str = "", illustrative: bool = False
) -> Dataset:
    registry = load_registry() if registry is None else registry
    criteria = pd.read_parquet(Path(directory) / CRITERIA_FILE)
    levels = pd.read_parquet(Path(directory) / LEVELS_FILE)
    validate_tables(criteria, levels, registry)
    criteria, levels = normalise_types(criteria, levels)
    return Dataset(criteria, levels, registry, label=label, illustrative=illustrative)


def save_dataset(directory: Path, criteria: pd.DataFrame, levels: pd.DataFrame) -> None:
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    criteria.to_parquet(directory / CRITERIA_FILE, index=False)
    levels.to_parquet(directory / LEVELS_FILE, index=False)
