"""The tidy commune-year dataset: loading, validation and the derived commune-year table.

Two tables:
- criteria: one row per commune x year x criterion: commune_code, year, criterion_id, met (bool)
- levels: one row per commune x year: commune_code, year, level, recognised_year

Which units exist in a year is the registry's business (ntm.registry): until 2025 (assessed on
30 June 2025) the old communes, from 2026 the new communes formed on 1 July 2025 (a new commune
keeps the GSO code of one of its old units, so a code is a unit only together with its year).
Which criteria a year is assessed on is the criteria sets' (ntm.criteria): 19 until 2025, 10 from
2026; nothing here assumes a number.
"""

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import numpy as np
import pandas as pd

from ntm.criteria import LEVEL_RANK, LEVELS, MAX_CRITERIA, criteria_sets, load_commune_groups, set_for_year
from ntm.registry import FIRST_COMMUNE_STRUCTURE_DAY, RURAL_TYPE, assessment_day, load_new_units, load_registry

YEAR_RANGE = (2010, 2030)
CRITERIA_FILE = "criteria.parquet"
LEVELS_FILE = "levels.parquet"
# One flag column per criterion number, as many as the largest set has: a row of a set with fewer
# criteria holds its own in the first columns (c01..c10 in 2026-2030) and False in the others.
CRITERION_COLUMNS = tuple(f"c{i:02d}" for i in range(1, MAX_CRITERIA + 1))


def criterion_column(criterion_id: str) -> str:
    return f"c{criterion_id}"


def criterion_columns(year_or_set) -> tuple[str, ...]:
    """The flag columns of a set's criteria (given a set, its id or a year)."""
    from ntm.criteria import criteria_ids

    return tuple(criterion_column(cid) for cid in criteria_ids(year_or_set))


def new_geography(year: int) -> bool:
    """Whether a year is assessed on the new communes (units in force from 1 July 2025)."""
    return assessment_day(int(year)) >= FIRST_COMMUNE_STRUCTURE_DAY


class DatasetError(ValueError):
    """The dataset breaks a rule; `problems` lists each (table, row, column, message)."""

    def __init__(self, problems: list[tuple[str, int | None, str, str]]):
        self.problems = problems
        lines = [
            f"{table}, dòng {row}, cột {column}: {message}" if row is not None else f"{table}, cột {column}: {message}"
            for table, row, column, message in problems
        ]
        super().__init__("Dữ liệu không hợp lệ:\n" + "\n".join(lines[:20]))


@lru_cache(maxsize=1)
def _bundled_new_units() -> pd.DataFrame:
    return load_new_units()


@lru_cache(maxsize=1)
def _bundled_groups() -> pd.DataFrame:
    return load_commune_groups()


def bundled_new_units() -> pd.DataFrame:
    """The 65 units from 1 July 2025 (a copy of the bundled table)."""
    return _bundled_new_units().copy()


@dataclass(frozen=True)
class Dataset:
    criteria: pd.DataFrame
    levels: pd.DataFrame
    registry: pd.DataFrame  # the units until 30 June 2025 (old communes, districts)
    label: str = ""
    illustrative: bool = False
    new_units: pd.DataFrame | None = field(default=None, repr=False)  # from 1 July 2025; bundled when None
    commune_year: pd.DataFrame = field(init=False, repr=False)

    def __post_init__(self):
        if self.new_units is None:
            object.__setattr__(self, "new_units", _bundled_new_units())
        table = build_commune_year(self.criteria, self.levels, self.registry, self.new_units, _bundled_groups())
        object.__setattr__(self, "commune_year", table)

    @property
    def years(self) -> list[int]:
        return sorted(int(y) for y in self.commune_year["year"].unique())

    def units(self, year: int) -> pd.DataFrame:
        """The registry table whose units are assessed in `year`: the new units from 2026, else the old."""
        return self.new_units if new_geography(year) else self.registry

    def expected_communes(self, year: int) -> pd.DataFrame:
        """The communes that should report for `year` (rural communes in force on its assessment day;
        wards are not assessed): code, district_code (the former district of a new commune)."""
        from ntm.registry import rural_communes

        units = rural_communes(self.units(year), int(year))
        district = units["former_district_code"] if new_geography(year) else units["district_code"]
        return pd.DataFrame({"code": units["code"].astype(str).to_numpy(), "district_code": district.astype(str)})

    def names(self, year: int, short: bool = False) -> dict[str, str]:
        """{code: name} of the units assessed in `year`."""
        units = self.units(year)
        return dict(zip(units["code"], units["short_name" if short else "name"]))


def _first_bad_rows(mask: pd.Series, limit: int = 5) -> list[int]:
    """Line numbers of the first rows the mask flags, by position: +2 for the header line and 1-based rows."""
    return [int(i) + 2 for i in np.flatnonzero(np.asarray(mask, dtype=bool))[:limit]]


def _year_sets(years: pd.Series) -> dict[int, object]:
    """{year: its criteria set} for the years of a column (years no set covers are left out)."""
    result = {}
    for year in pd.unique(pd.to_numeric(years, errors="coerce")):
        if pd.isna(year):
            continue
        try:
            result[int(year)] = set_for_year(int(year))
        except ValueError:
            pass
    return result


def validate_tables(
    criteria: pd.DataFrame, levels: pd.DataFrame, registry: pd.DataFrame, new_units: pd.DataFrame | None = None
) -> None:
    """Raise DatasetError listing every broken rule; return None when the tables are sound.

    A row's commune must be a unit of the registry of its year (the old units until 2025, the new
    communes from 2026: `new_units`, the bundled ones when None), its criterion one of the set of its
    year, its level one of that set's levels; every commune-year has all the criteria of its set."""
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
    new_units = _bundled_new_units() if new_units is None else new_units
    old_known = set(registry["code"])
    new_known = set(new_units.loc[new_units["type"] == RURAL_TYPE, "code"])
    for name, table in (("criteria", criteria), ("levels", levels)):
        years = pd.to_numeric(table["year"], errors="coerce")
        new_years = [y for y in _year_sets(years) if new_geography(y)]
        is_new = years.isin(new_years)
        codes = table["commune_code"]
        unknown = (~is_new & ~codes.isin(old_known)) | (is_new & ~codes.isin(new_known))
        for row in _first_bad_rows(unknown):
            code = table["commune_code"].iloc[row - 2]
            where = "danh mục xã mới từ 1/7/2025" if is_new.iloc[row - 2] else "danh mục"
            problems.append((name, row, "commune_code", f"mã xã không có trong {where}: {code}"))
        for row in _first_bad_rows(~years.between(*YEAR_RANGE)):
            problems.append((name, row, "year", f"năm ngoài khoảng {YEAR_RANGE[0]}-{YEAR_RANGE[1]}"))
    sets = _year_sets(criteria["year"])
    criteria_years = pd.to_numeric(criteria["year"], errors="coerce")
    bad_criterion = pd.Series(False, index=criteria.index)
    for entry in set(sets.values()):
        years_of = [y for y, s in sets.items() if s is entry]
        bad_criterion |= criteria_years.isin(years_of) & ~criteria["criterion_id"].isin(entry.criteria)
    for row in _first_bad_rows(bad_criterion):
        entry = sets[int(criteria_years.iloc[row - 2])]
        problems.append(
            ("criteria", row, "criterion_id", f"mã tiêu chí của bộ {entry.id} phải từ 01 đến {entry.n:02d}")
        )
    if criteria["met"].dtype != bool:
        problems.append(("criteria", None, "met", "giá trị phải là đúng/sai (bool)"))
    level_sets = _year_sets(levels["year"])
    level_years = pd.to_numeric(levels["year"], errors="coerce")
    bad_level = ~levels["level"].isin(LEVELS)
    for entry in set(level_sets.values()):
        years_of = [y for y, s in level_sets.items() if s is entry]
        bad_level |= level_years.isin(years_of) & ~levels["level"].isin(entry.levels)
    for row in _first_bad_rows(bad_level):
        year = level_years.iloc[row - 2]
        allowed = level_sets[int(year)].levels if int(year) in level_sets else LEVELS
        problems.append(("levels", row, "level", f"mức phải là một trong {', '.join(allowed)}"))
    for row in _first_bad_rows(criteria.duplicated(["commune_code", "year", "criterion_id"])):
        problems.append(("criteria", row, "commune_code", "dòng trùng (xã, năm, tiêu chí)"))
    for row in _first_bad_rows(levels.duplicated(["commune_code", "year"])):
        problems.append(("levels", row, "commune_code", "dòng trùng (xã, năm)"))
    if not problems:
        per_commune_year = criteria.groupby(["commune_code", "year"]).size()
        wanted = pd.Series(
            [sets[int(y)].n for y in per_commune_year.index.get_level_values("year")], index=per_commune_year.index
        )
        for code, year in per_commune_year[per_commune_year != wanted].index[:5]:
            problems.append(
                ("criteria", None, "criterion_id", f"xã {code} năm {year} không đủ {sets[int(year)].n} tiêu chí")
            )
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


def row_sets(commune_year: pd.DataFrame) -> pd.Series:
    """The criteria set id of each row (its `criteria_set` column, else from its year)."""
    if "criteria_set" in commune_year.columns:
        return commune_year["criteria_set"].astype(object)
    years = commune_year["year"].astype(int)
    return years.map({y: set_for_year(y).id for y in years.unique()})


def unmet_criteria(commune_year: pd.DataFrame) -> list[list[str]]:
    """For each row of the commune-year table, the ids of the criteria of its set it does not meet."""
    from ntm.criteria import criteria_ids

    sets = row_sets(commune_year).to_numpy()
    present = [c for c in CRITERION_COLUMNS if c in commune_year.columns]
    flags = commune_year[present].to_numpy()
    ids = {s: criteria_ids(s) for s in set(sets)}
    return [[cid for cid, met in zip(ids[s], row) if not met] for s, row in zip(sets, flags)]


def build_commune_year(
    criteria: pd.DataFrame,
    levels: pd.DataFrame,
    registry: pd.DataFrame,
    new_units: pd.DataFrame | None = None,
    groups: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """One row per commune-year, so that metrics never go back to the long table:

    - commune_code, year, level, recognised_year, level_rank (none 0 < standard 1 < advanced 2 <
      model 3 < modern 4), criteria_met (of the row's set), c01..c19 (one flag per criterion number;
      a 10-criteria row fills c01..c10);
    - criteria_set and phase (the set of the year, "2021-2025"), n_criteria (how many it has);
    - new_unit (assessed on a commune formed on 1 July 2025), district_code (the old district; empty
      for a new commune: districts were abolished), former_district_code (the old district for every
      row: the district itself until 2025, the registry's former district of a new commune, where
      most of its old units lay), commune_group (1-3 for a new commune with a group, else empty)."""
    wide = criteria.pivot(index=["commune_code", "year"], columns="criterion_id", values="met")
    wide.columns = [criterion_column(c) for c in wide.columns]
    wide = wide.reindex(columns=list(CRITERION_COLUMNS), fill_value=False).fillna(False).astype(bool)
    wide["criteria_met"] = wide.sum(axis=1).astype("int8")
    table = levels.merge(wide.reset_index(), on=["commune_code", "year"], how="left")
    years = table["year"].astype(int).to_numpy()
    year_list = [int(y) for y in np.unique(years)]
    set_of = {y: set_for_year(y) for y in year_list}
    is_new = np.isin(years, [y for y in year_list if new_geography(y)])
    codes = table["commune_code"].astype(str)
    old_district = registry.drop_duplicates("code").set_index("code")["district_code"] if len(registry) else {}
    district = codes.map(old_district).where(~is_new)
    if new_units is not None and len(new_units):
        former_of_new = new_units.drop_duplicates("code").set_index("code")["former_district_code"]
        former = district.where(~is_new, codes.map(former_of_new))
    else:
        former = district
    table["district_code"] = district.astype("category")
    table["former_district_code"] = former.astype("category")
    table["new_unit"] = is_new
    if groups is not None and len(groups):
        group_of = groups.set_index("commune_code")["group"]
        table["commune_group"] = codes.map(group_of).where(is_new).astype("Int8")
    else:
        table["commune_group"] = pd.array([pd.NA] * len(table), dtype="Int8")
    sets = pd.Series(years).map({y: s.id for y, s in set_of.items()})
    ordered = [s.id for s in criteria_sets()]
    table["criteria_set"] = pd.Categorical(sets, categories=ordered)
    table["phase"] = table["criteria_set"]
    table["n_criteria"] = pd.Series(years).map({y: s.n for y, s in set_of.items()}).astype("int8").to_numpy()
    table["level_rank"] = table["level"].map(LEVEL_RANK).astype("int8")
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
    directory: Path,
    registry: pd.DataFrame | None = None,
    label: str = "",
    illustrative: bool = False,
    new_units: pd.DataFrame | None = None,
) -> Dataset:
    registry = load_registry() if registry is None else registry
    criteria = pd.read_parquet(Path(directory) / CRITERIA_FILE)
    levels = pd.read_parquet(Path(directory) / LEVELS_FILE)
    validate_tables(criteria, levels, registry, new_units)
    criteria, levels = normalise_types(criteria, levels)
    return Dataset(criteria, levels, registry, label=label, illustrative=illustrative, new_units=new_units)


def save_dataset(directory: Path, criteria: pd.DataFrame, levels: pd.DataFrame) -> None:
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    criteria.to_parquet(directory / CRITERIA_FILE, index=False)
    levels.to_parquet(directory / LEVELS_FILE, index=False)
