"""The criteria glossary: every criteria set (phase) with its criteria and what each asks, its
levels, and for 2026-2030 the commune groups, so that a leader can read what "07" or "Chuyển đổi
số" means in the year shown. Everything comes from the data files read by ntm.criteria."""

import pandas as pd

from ntm.criteria import CriteriaSet, criteria_sets, load_levels, set_by_id
from ntm.i18n import t

GROUP_NUMBERS = (1, 2, 3)


def _name(lang: str) -> str:
    return "name_en" if lang == "en" else "name_vi"


def _description(lang: str) -> str:
    return "description_en" if lang == "en" else "description_vi"


def sets_in_order(first: str | None = None) -> list[CriteriaSet]:
    """The criteria sets, newest first, with `first` (the set of the year shown) at the front."""
    ordered = list(reversed(criteria_sets()))
    if first is not None:
        ordered.sort(key=lambda s: s.id != first)
    return ordered


def sets_table(lang: str) -> pd.DataFrame:
    """One row per set: phase, years, number of criteria, levels, decision."""
    levels = load_levels()
    names = dict(zip(zip(levels["criteria_set"], levels["level"]), levels[_name(lang)]))
    rows = [
        {
            t("glossary.col.phase", lang): entry.id,
            t("glossary.col.criteria", lang): entry.n,
            t("glossary.col.levels", lang): ", ".join(names[(entry.id, level)] for level in entry.levels),
            t("glossary.col.decision", lang): entry.decision,
        }
        for entry in reversed(criteria_sets())
    ]
    return pd.DataFrame(rows)


def criteria_table(catalogue: pd.DataFrame, criteria_set: str, lang: str) -> pd.DataFrame:
    """The set's criteria: number, group, name, what it asks and, for a set of a new lineage, the
    criteria of the set before it that it roughly covers (the app's reading)."""
    rows = catalogue[catalogue["criteria_set"] == criteria_set]
    entry = set_by_id(criteria_set)
    table = pd.DataFrame(
        {
            t("glossary.col.id", lang): rows["criterion_id"].to_numpy(),
            t("glossary.col.name", lang): rows[_name(lang)].to_numpy(),
            t("glossary.col.group", lang): [t(f"criteria.group.{g}", lang) for g in rows["group"]],
            t("glossary.col.meaning", lang): rows[_description(lang)].to_numpy(),
        }
    )
    related = rows["related_previous"].fillna("")
    if related.str.len().gt(0).any():
        before = _previous(entry)
        previous = catalogue[catalogue["criteria_set"] == before] if before else catalogue.iloc[0:0]
        names = dict(zip(previous["criterion_id"], previous[_name(lang)]))
        table[t("glossary.col.related", lang, phase=before or "")] = [
            "; ".join(f"{cid} {names.get(cid, '')}".strip() for cid in text.split(";") if cid) for text in related
        ]
    return table


def _previous(entry: CriteriaSet) -> str | None:
    sets = criteria_sets()
    index = sets.index(entry)
    return sets[index - 1].id if index else None


def levels_table(criteria_set: str, lang: str) -> pd.DataFrame:
    """The set's levels, lowest first: name, what it means, source."""
    rows = load_levels()
    rows = rows[rows["criteria_set"] == criteria_set].sort_values("rank")
    return pd.DataFrame(
        {
            t("glossary.col.level", lang): rows[_name(lang)].to_numpy(),
            t("glossary.col.meaning", lang): rows[_description(lang)].to_numpy(),
            t("glossary.col.source", lang): rows["source"].to_numpy(),
        }
    )


def group_definitions(lang: str) -> list[str]:
    """What each commune group of 2026-2030 is (the criteria's indicators differ by group)."""
    return [t(f"groups.definition.{n}", lang) for n in GROUP_NUMBERS]


def groups_table(groups: pd.DataFrame, new_units: pd.DataFrame, names: dict[str, str], lang: str) -> pd.DataFrame:
    """Every new commune with its group: commune, former district, group, basis, status."""
    former = dict(zip(new_units["code"], new_units["former_district_code"]))
    rows = groups.sort_values(["group", "commune_name"], kind="stable")
    return pd.DataFrame(
        {
            t("col.commune", lang): rows["commune_name"].to_numpy(),
            t("glossary.col.former_district", lang): [
                names.get(former.get(code, ""), "") for code in rows["commune_code"]
            ],
            t("groups.col.group", lang): [
                t(f"groups.name.{int(g)}", lang) if pd.notna(g) else t("groups.none", lang) for g in rows["group"]
            ],
            t("glossary.col.basis", lang): rows["basis_en" if lang == "en" else "basis_vi"].to_numpy(),
            t("glossary.col.status", lang): [t(f"groups.status.{s}", lang) for s in rows["status"]],
        }
    )
