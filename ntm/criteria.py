"""The NTM criteria sets, as data: each phase's criteria, its levels and its bands of criteria met.

Three bundled files (data/), which an editor can extend without touching code:

- `criteria_sets.csv`: one row per set (a phase of the programme): criteria_set (its id, the phase
  "2021-2025"), first_year, last_year (the assessment years it covers), lineage (sets of one lineage
  number the same criteria and can be read as one series: the 19-criteria sets are "ntm19", the
  2026-2030 set "ntm2026"), bands (upper bounds of the bands of criteria met, the last band being
  "every criterion"), decision, names and notes.
- `criteria.csv`: one row per criterion of a set: criteria_set, criterion_id ("01".."NN"), group,
  names and short descriptions in Vietnamese and English, related_previous (the 2021-2025 criteria a
  2026-2030 criterion roughly covers: the app's reading, for reference), source.
- `criteria_levels.csv`: the levels of each set (none, standard, advanced, model, modern), each with
  its rank (the same for a level in every set: none 0 < standard 1 < advanced 2 < model 3 < modern 4).

Nothing here assumes a number of criteria: `set_for_year(year)` says which set applies to a year's
assessment and `criteria_ids(year or set)` gives its criteria. `load_criteria()` (one set, the
2021-2025 one unless asked) and CRITERION_IDS are kept for callers written for the 19 criteria.
"""

from dataclasses import dataclass
from functools import lru_cache

import pandas as pd

from ntm.paths import COMMUNE_GROUPS, CRITERIA, CRITERIA_LEVELS, CRITERIA_SETS

LEGACY_SET = "2021-2025"  # what load_criteria() and CRITERION_IDS give when no set is named
GROUPS = ("planning", "infrastructure", "economy", "culture_society_environment", "science_digital", "political_system")


@dataclass(frozen=True)
class CriteriaSet:
    """One phase's set of criteria: its id (the phase, "2026-2030"), the years it covers, its
    criteria ids, its levels (in rank order) and its bands of criteria met."""

    id: str
    first_year: int
    last_year: int
    lineage: str
    criteria: tuple[str, ...]
    levels: tuple[str, ...]
    band_bounds: tuple[int, ...]
    decision: str
    name_vi: str
    name_en: str
    note_vi: str
    note_en: str

    @property
    def n(self) -> int:
        """How many criteria the set has."""
        return len(self.criteria)

    @property
    def phase(self) -> str:
        return self.id

    @property
    def years(self) -> range:
        return range(self.first_year, self.last_year + 1)

    def covers(self, year: int) -> bool:
        return self.first_year <= int(year) <= self.last_year

    def name(self, lang: str = "vi") -> str:
        return self.name_en if lang == "en" else self.name_vi

    def note(self, lang: str = "vi") -> str:
        return self.note_en if lang == "en" else self.note_vi

    @property
    def bands(self) -> tuple[tuple[str, int, int], ...]:
        """(key, lowest, highest) of each band of criteria met: under the first bound, the ranges
        between bounds, and every criterion ("lt10", "10_14", "15_18", "all19" for 19 criteria)."""
        bounds = self.band_bounds
        bands = [(f"lt{bounds[0] + 1}", 0, bounds[0])]
        bands += [(f"{low + 1}_{high}", low + 1, high) for low, high in zip(bounds[:-1], bounds[1:])]
        bands.append((f"all{self.n}", self.n, self.n))
        return tuple(bands)


def load_catalogue(path=CRITERIA) -> pd.DataFrame:
    """Every criterion of every set: criteria_set, criterion_id, group, name_vi, name_en,
    description_vi, description_en, related_previous, source."""
    return pd.read_csv(path, dtype=str, keep_default_na=False)


def load_levels(path=CRITERIA_LEVELS) -> pd.DataFrame:
    """Every level of every set: criteria_set, level, rank (int), names, descriptions, source."""
    table = pd.read_csv(path, dtype=str, keep_default_na=False)
    return table.astype({"rank": int})


def load_sets(sets_path=CRITERIA_SETS, catalogue_path=CRITERIA, levels_path=CRITERIA_LEVELS) -> tuple[CriteriaSet, ...]:
    """The criteria sets in year order, checked: ids 01..NN in order, years without gaps or
    overlaps, levels with one rank each whatever the set, bands inside 0..NN."""
    table = pd.read_csv(sets_path, dtype=str, keep_default_na=False)
    catalogue = load_catalogue(catalogue_path)
    levels = load_levels(levels_path)
    ranks = levels.groupby("level")["rank"].nunique()
    if (ranks > 1).any():
        raise ValueError(f"{levels_path}: a level has two ranks: {sorted(ranks[ranks > 1].index)}")
    result = []
    for row in table.itertuples():
        ids = tuple(catalogue.loc[catalogue["criteria_set"] == row.criteria_set, "criterion_id"])
        if not ids or ids != tuple(f"{i:02d}" for i in range(1, len(ids) + 1)):
            raise ValueError(f"{catalogue_path}: set {row.criteria_set} must list criteria 01..NN in order")
        own = levels[levels["criteria_set"] == row.criteria_set].sort_values("rank")
        if list(own["level"][:2]) != ["none", "standard"]:
            raise ValueError(f"{levels_path}: set {row.criteria_set} needs the levels none and standard")
        bounds = tuple(int(b) for b in row.bands.split(";"))
        if list(bounds) != sorted(set(bounds)) or bounds[0] < 0 or bounds[-1] >= len(ids):
            raise ValueError(f"{sets_path}: bands of {row.criteria_set} must rise below {len(ids)}")
        result.append(
            CriteriaSet(
                row.criteria_set,
                int(row.first_year),
                int(row.last_year),
                row.lineage,
                ids,
                tuple(own["level"]),
                bounds,
                row.decision,
                row.name_vi,
                row.name_en,
                row.note_vi,
                row.note_en,
            )
        )
    result.sort(key=lambda s: s.first_year)
    for before, after in zip(result, result[1:]):
        if after.first_year != before.last_year + 1:
            raise ValueError(f"{sets_path}: {before.id} and {after.id} leave a gap or overlap")
    return tuple(result)


@lru_cache(maxsize=1)
def criteria_sets() -> tuple[CriteriaSet, ...]:
    """The bundled criteria sets, in year order."""
    return load_sets()


def set_by_id(criteria_set: str) -> CriteriaSet:
    for entry in criteria_sets():
        if entry.id == criteria_set:
            return entry
    raise KeyError(f"no criteria set {criteria_set!r}")


def set_for_year(year: int) -> CriteriaSet:
    """The criteria set (phase) that applies to a year's assessment: 2025 -> 2021-2025 (the old
    communes, to 30 June 2025), 2026 -> 2026-2030 (the new communes). ValueError outside every set."""
    for entry in criteria_sets():
        if entry.covers(year):
            return entry
    raise ValueError(f"no criteria set covers {year}")


phase_of = set_for_year  # the phase of a year is its criteria set


def as_set(year_or_set) -> CriteriaSet:
    """A CriteriaSet from a set, its id, or a year."""
    if isinstance(year_or_set, CriteriaSet):
        return year_or_set
    if isinstance(year_or_set, str) and not year_or_set.isdigit():
        return set_by_id(year_or_set)
    return set_for_year(int(year_or_set))


def criteria_ids(year_or_set=LEGACY_SET) -> tuple[str, ...]:
    """The criteria ids of a set (given as a set, its id, or a year whose set it is)."""
    return as_set(year_or_set).criteria


def lineage_sets(lineage: str) -> tuple[CriteriaSet, ...]:
    return tuple(s for s in criteria_sets() if s.lineage == lineage)


def lineage_years(lineage: str) -> range:
    """The years of every set of a lineage (the years whose values can be read as one series)."""
    sets = lineage_sets(lineage)
    return range(sets[0].first_year, sets[-1].last_year + 1)


def previous_set(criteria_set) -> CriteriaSet | None:
    """The set before this one (None for the first)."""
    current = as_set(criteria_set)
    sets = criteria_sets()
    index = sets.index(current)
    return sets[index - 1] if index else None


def comparable(a, b) -> bool:
    """Whether values of two sets (or years) can be joined into one series: same lineage."""
    return as_set(a).lineage == as_set(b).lineage


def _all_levels() -> tuple[tuple[str, ...], dict[str, int]]:
    table = load_levels().drop_duplicates("level").sort_values("rank")
    return tuple(table["level"]), dict(zip(table["level"], table["rank"]))


LEVELS, LEVEL_RANK = _all_levels()  # every level of every set, in rank order
MAX_CRITERIA = max(s.n for s in criteria_sets())
CRITERION_IDS = criteria_ids(LEGACY_SET)  # the 19 criteria of 2021-2025, for callers written for them


def load_criteria(path=CRITERIA, criteria_set: str = LEGACY_SET) -> pd.DataFrame:
    """The catalogue of one set (criterion_id, group, names, descriptions, …), the 2021-2025 set
    unless another is named."""
    catalogue = load_catalogue(path)
    rows = catalogue[catalogue["criteria_set"] == criteria_set].reset_index(drop=True)
    if rows.empty:
        raise ValueError(f"{path}: no criteria for the set {criteria_set!r}")
    return rows


@lru_cache(maxsize=1)
def _bundled_catalogue() -> pd.DataFrame:
    return load_catalogue()


def set_rows(catalogue: pd.DataFrame, year: int | None = None, criteria_set: str | None = None) -> pd.DataFrame:
    """The catalogue's rows of the set named, or of the set of `year` (the 2021-2025 set when neither
    is given). A one-set catalogue without the rows asked for falls back to the bundled catalogue."""
    wanted = criteria_set or (set_for_year(year).id if year is not None else LEGACY_SET)
    if "criteria_set" not in catalogue.columns:
        return catalogue
    rows = catalogue[catalogue["criteria_set"] == wanted]
    if rows.empty:
        bundled = _bundled_catalogue()
        rows = bundled[bundled["criteria_set"] == wanted]
    return rows


def criterion_name(
    catalogue: pd.DataFrame,
    criterion_id: str,
    lang: str = "vi",
    year: int | None = None,
    criteria_set: str | None = None,
) -> str:
    """The criterion's name in the set of `year` (or the set named; 2021-2025 when neither). For
    several criteria of one set, criterion_names once (a page asks for 10-19 names a run)."""
    return criterion_names(catalogue, lang, year, criteria_set)[criterion_id]


def criterion_names(
    catalogue: pd.DataFrame, lang: str = "vi", year: int | None = None, criteria_set: str | None = None
) -> dict[str, str]:
    """{criterion_id: name} for every criterion of the set of `year` (or the set named)."""
    rows = set_rows(catalogue, year, criteria_set)
    return dict(zip(rows["criterion_id"], rows["name_en" if lang == "en" else "name_vi"]))


def criterion_labels(
    catalogue: pd.DataFrame, lang: str, year: int | None = None, criteria_set: str | None = None
) -> dict[str, str]:
    """'02. Giao thông' for every criterion of the set of `year` (or the set named)."""
    return {cid: f"{cid}. {name}" for cid, name in criterion_names(catalogue, lang, year, criteria_set).items()}


def level_names(lang: str = "vi") -> dict[tuple[str, str], str]:
    """{(criteria_set, level): name} from the levels file."""
    table = load_levels()
    return dict(zip(zip(table["criteria_set"], table["level"]), table["name_en" if lang == "en" else "name_vi"]))


# --- commune groups of 2026-2030 ----------------------------------------------------------------

GROUP_COLUMNS = ("commune_code", "commune_name", "group", "basis_vi", "basis_en", "status", "source")


def load_commune_groups(path=COMMUNE_GROUPS) -> pd.DataFrame:
    """The group (1, 2, 3) of each new commune for the 2026-2030 criteria, with its basis and status
    ("official": from a decision an editor entered; "demo": assigned by the illustrative demo).
    An empty table when the file is absent."""
    try:
        table = pd.read_csv(path, dtype=str, keep_default_na=False)
    except FileNotFoundError:
        return pd.DataFrame(columns=list(GROUP_COLUMNS))
    table["group"] = pd.to_numeric(table["group"], errors="coerce").astype("Int8")
    return table
