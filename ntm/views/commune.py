"""One commune: finding it by name (with or without diacritics) and its scorecard tables:
criteria by year, level history, what it still lacks, and its district's context.

A commune is a unit of the registry of the year shown: until 2025 an old commune (19 criteria, its
district), from 2026 a new commune formed on 1 July 2025 (10 criteria, its former district). A new
commune keeps the GSO code of one of its old units, so a code is read together with `new_unit`. A
new commune's scorecard lists the old communes it was formed from with their last (2025) standing,
side by side and never added into its own series; an old commune's names the new commune it became."""

from functools import partial

import pandas as pd

from ntm.criteria import criterion_labels, set_by_id
from ntm.dataset import criterion_columns, new_geography, row_sets, unmet_criteria
from ntm.formatting import fmt_number
from ntm.i18n import t
from ntm.metrics import district_key, format_metric, select, summary
from ntm.text import fold
from ntm.views.page_chart import PageChart, PageInputs, page_chart


def _geography(commune_year: pd.DataFrame, new: bool) -> pd.DataFrame:
    if "new_unit" not in commune_year.columns:
        return commune_year if not new else commune_year.iloc[0:0]
    return commune_year[commune_year["new_unit"].to_numpy() == new]


def commune_index(
    registry: pd.DataFrame,
    commune_year: pd.DataFrame,
    districts=(),
    levels=(),
    year: int | None = None,
    new_units: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """The communes of the dataset of the year's geography (the old communes when `year` is None or
    before 2026; the new ones, from `new_units`, from 2026), in the selected districts (former
    districts from 2026); with `levels`, only those at one of these levels in `year`: code, name,
    short_name, district_code (the old or former district), district_name, key (folded short name)."""
    new = year is not None and new_geography(year) and new_units is not None
    rows = select(commune_year, year, districts) if levels else select(commune_year, districts=districts)
    rows = _geography(rows, new)
    codes = pd.unique(rows.loc[rows["level"].isin(levels), "commune_code"] if levels else rows["commune_code"])
    if new:
        units = new_units[new_units["code"].isin(codes)]
        table = units[["code", "name", "short_name", "former_district_code", "former_district_name"]].rename(
            columns={"former_district_code": "district_code", "former_district_name": "district_name"}
        )
    else:
        table = registry[registry["code"].isin(codes)][["code", "name", "short_name", "district_code", "district_name"]]
    return table.assign(key=table["short_name"].map(fold)).sort_values(["key", "code"], ignore_index=True)


def in_force_in(index: pd.DataFrame, registry: pd.DataFrame, year: int, keep: str | None = None) -> pd.DataFrame:
    """The index's old communes in force in `year` (the year's communes, as its header counts them: 175
    in 2025, not the 181 with the 6 dissolved on 1 December 2024), and `keep` (a commune already chosen,
    e.g. by a link) if it is in the index. Codes the registry does not know stay (a stored version's)."""
    from ntm.registry import assessment_day, in_force

    ended = registry[~in_force(registry, assessment_day(year))]["code"]
    return index[~index["code"].isin(ended) | (index["code"] == keep)]


def dissolved_note(registry: pd.DataFrame, code: str, year: int, lang: str) -> str:
    """'giải thể 12/2024, nay thuộc Xã Hoàng Đồng' for an old commune no longer in force in `year`
    (its last day before the year's assessment day), '' for a commune of the year."""
    from ntm.registry import assessment_day

    unit = registry[registry["code"] == code]
    if unit.empty or pd.isna(unit["valid_to"].iloc[0]) or unit["valid_to"].iloc[0] >= assessment_day(year):
        return ""
    ended = pd.Timestamp(unit["valid_to"].iloc[0]) + pd.Timedelta(days=1)
    successor = registry[registry["code"] == unit["successor_code"].iloc[0]]["name"]
    when = f"{ended.month}/{ended.year}"
    if successor.empty:
        return t("commune.dissolved", lang, when=when)
    return t("commune.dissolved.into", lang, when=when, successor=successor.iloc[0])


def commune_labels(
    found: pd.DataFrame, registry: pd.DataFrame, year: int, names: dict[str, str], lang: str, new: bool
) -> dict[str, str]:
    """code -> the picker's label: 'Xã Hòa Bình – Huyện Văn Quan', from 2026 with '(huyện cũ)', a
    commune dissolved before the year with when and into which ('(giải thể 12/2024, nay thuộc Xã …)')."""
    former = f" ({t('commune.former_district', lang)})" if new else ""
    labels = {}
    for row in found.itertuples():
        note = "" if new else dissolved_note(registry, row.code, year, lang)
        district = names.get(row.district_code, row.district_code)
        labels[row.code] = f"{row.name} – {district}{former}" + (f" ({note})" if note else "")
    return labels


def search(index: pd.DataFrame, query: str, limit: int = 30) -> pd.DataFrame:
    """Communes whose name matches `query`, diacritics and case ignored: exact names first,
    then names starting with it, then names containing it."""
    wanted = fold(query)
    if not wanted:
        return index.head(0)
    full = index["name"].map(fold)
    score = pd.Series(pd.NA, index=index.index, dtype="Int64")
    score[index["key"].str.contains(wanted, regex=False) | full.str.contains(wanted, regex=False)] = 2
    score[index["key"].str.startswith(wanted)] = 1
    score[(index["key"] == wanted) | (full == wanted)] = 0
    found = index.assign(score=score).dropna(subset=["score"])
    return found.sort_values(["score", "key", "code"], kind="stable").drop(columns="score").head(limit)


def commune_rows(commune_year: pd.DataFrame, code: str, new_unit: bool | None = None) -> pd.DataFrame:
    """The rows of one unit: the code's rows of the new communes (`new_unit` True) or of the old ones
    (False); None: the old unit's rows when it has any, else the new unit's."""
    rows = commune_year[commune_year["commune_code"] == code]
    if "new_unit" in rows.columns:
        if new_unit is None:
            new_unit = not (~rows["new_unit"]).any()
        rows = rows[rows["new_unit"].to_numpy() == new_unit]
    return rows.sort_values("year")


def unit_set(rows: pd.DataFrame):
    """The criteria set of a unit's latest row (a unit's rows share one lineage)."""
    return set_by_id(str(row_sets(rows.tail(1)).iloc[0]))


def criteria_grid(commune_year: pd.DataFrame, code: str, new_unit: bool | None = None) -> pd.DataFrame:
    """year, criterion_id, met: the commune's criteria every year it was assessed (those of its set:
    19 for an old commune, 10 for a new one)."""
    rows = commune_rows(commune_year, code, new_unit)
    columns = list(criterion_columns(unit_set(rows))) if len(rows) else []
    grid = rows[["year", *columns]].melt(id_vars="year", var_name="column", value_name="met")
    grid["criterion_id"] = grid["column"].str[1:]
    grid["year"] = grid["year"].astype(int)
    grid["met"] = grid["met"].astype(bool)
    return grid[["year", "criterion_id", "met"]].sort_values(["criterion_id", "year"], ignore_index=True)


def level_history(commune_year: pd.DataFrame, code: str, new_unit: bool | None = None) -> pd.DataFrame:
    """year, criteria_met, level, recognised_year, n_criteria (of the year's set)."""
    rows = commune_rows(commune_year, code, new_unit)
    n = rows["n_criteria"] if "n_criteria" in rows else row_sets(rows).map(lambda s: set_by_id(s).n)
    return pd.DataFrame(
        {
            "year": rows["year"].astype(int).to_numpy(),
            "criteria_met": rows["criteria_met"].astype(int).to_numpy(),
            "level": rows["level"].astype(str).to_numpy(),
            "recognised_year": rows["recognised_year"].to_numpy(),
            "n_criteria": pd.Series(n).astype(int).to_numpy(),
        }
    )


def missing_criteria(commune_year: pd.DataFrame, code: str, year: int, new_unit: bool | None = None) -> list[str]:
    """Ids of the criteria the commune did not meet in `year` (its latest year up to `year`)."""
    rows = commune_rows(commune_year, code, new_unit)
    rows = rows[rows["year"] <= year]
    if rows.empty:
        return []
    return unmet_criteria(rows.tail(1))[0]


def district_context(commune_year: pd.DataFrame, code: str, year: int, new_unit: bool | None = None) -> dict:
    """The commune beside its district (from 2026 its former district) and the province in `year`:
    criteria met, its rank in the district (1 = most criteria), and the district's and province's
    headline numbers."""
    rows = commune_rows(commune_year, code, new_unit)
    rows = rows[rows["year"] <= year]
    if rows.empty:
        return {}
    last = rows.iloc[-1]
    as_of = int(last["year"])
    key = district_key(commune_year)
    district = select(commune_year, as_of, [last[key]])
    rank = int((district["criteria_met"] > last["criteria_met"]).sum()) + 1
    return {
        "year": as_of,
        "district_code": str(last[key]),
        "criteria_met": int(last["criteria_met"]),
        "rank": rank,
        "district": summary(district, as_of),
        "province": summary(select(commune_year, as_of), as_of),
    }


def context_table(context: dict, district_name: str, lang: str) -> pd.DataFrame:
    """This commune, its district and the province side by side, as text in `lang`."""
    shown = ("communes", "avg_criteria", "share_ntm")
    rows = [
        (t("commune.context.row.commune", lang), "–", fmt_number(context["criteria_met"], 0, lang), "–"),
        *(
            (name, *(format_metric(key, s[key], lang) for key in shown))
            for name, s in ((district_name, context["district"]), (t("scope.province", lang), context["province"]))
        ),
    ]
    headers = [" ", *(t(f"col.{key}", lang) for key in shown)]
    return pd.DataFrame(rows, columns=headers)


def predecessors(dataset, new_code: str) -> pd.DataFrame:
    """The old units a new commune was formed from, each with its last standing on the old communes
    (2025, 19 criteria): old_code, old_name, old_type, district_code, district_name, part, year,
    level, criteria_met, n_criteria (empty where the old unit was not assessed: towns and wards)."""
    from ntm.registry import formed_from

    formed = formed_from(dataset.registry, new_code)
    old = _geography(dataset.commune_year, False)
    last = old[old["commune_code"].isin(formed["old_code"])].sort_values("year").groupby("commune_code").tail(1)
    last = last.set_index("commune_code")
    return formed.assign(
        year=formed["old_code"].map(last["year"]).astype("Int16"),
        level=formed["old_code"].map(last["level"]),
        criteria_met=formed["old_code"].map(last["criteria_met"]).astype("Int8"),
        n_criteria=formed["old_code"].map(last["n_criteria"]).astype("Int8"),
    )


def predecessors_table(table: pd.DataFrame, names: dict[str, str], lang: str) -> pd.DataFrame:
    """The old units of a new commune as text: name (part), old district, last year's level and
    criteria met out of that year's set."""
    rows = []
    for row in table.itertuples():
        name = row.old_name + (f" ({t('commune.part.partial', lang)})" if row.part == "partial" else "")
        assessed = pd.notna(row.level)
        rows.append(
            {
                t("commune.old.col.name", lang): name,
                t("col.district", lang): names.get(row.district_code, row.district_name),
                t("commune.old.col.level", lang): (
                    f"{t(f'level.{row.level}', lang)} ({int(row.year)})"
                    if assessed
                    else t("commune.old.not_assessed", lang)
                ),
                t("commune.old.col.criteria", lang): f"{int(row.criteria_met)}/{int(row.n_criteria)}"
                if assessed
                else "–",
            }
        )
    return pd.DataFrame(rows)


def successors(dataset, old_code: str) -> list[tuple[str, str]]:
    """(code, name) of the new commune(s) an old commune became part of on 1 July 2025."""
    from ntm.registry import successor_of

    try:
        codes = successor_of(old_code, registry=dataset.registry)
    except KeyError:
        return []
    names = dict(zip(dataset.new_units["code"], dataset.new_units["name"]))
    return [(code, names.get(code, code)) for code in codes]


def found_by_former_name(dataset, index: pd.DataFrame, query: str) -> tuple[pd.DataFrame, list[dict]]:
    """A search among the new communes (`index`, from 2026) that names an old commune instead: the
    new communes those old communes went into on 1 July 2025 (rows of `index`), and one record per
    old commune found (its name, its district, the names of the new communes) for the page to say so."""
    in_index = set(index["code"])
    moves = []
    for row in search(commune_index(dataset.registry, dataset.commune_year), query).itertuples():
        went = [(code, name) for code, name in successors(dataset, row.code) if code in in_index]
        if went:
            moves.append(
                {
                    "old": row.name,
                    "district": row.district_name,
                    "codes": [c for c, _ in went],
                    "new": [n for _, n in went],
                }
            )
    codes = list(dict.fromkeys(code for move in moves for code in move["codes"]))
    return index[index["code"].isin(codes)].reset_index(drop=True), moves


def scorecard_charts(
    dataset, inputs: PageInputs, code: str, name: str, lang: str, new_unit: bool | None = None
) -> dict[str, PageChart]:
    """A commune's criteria grid over the years and its level history."""
    from ntm.charts.commune import (
        criteria_grid_chart,
        criteria_grid_narrow_chart,
        grid_frame,
        level_chart,
        level_history_frame,
    )

    rows = commune_rows(dataset.commune_year, code, new_unit)
    entry = unit_set(rows)
    labels = criterion_labels(inputs.catalogue, lang, criteria_set=entry.id)
    grid = grid_frame(criteria_grid(dataset.commune_year, code, new_unit), labels, lang)
    levels = level_history_frame(level_history(dataset.commune_year, code, new_unit), lang)
    stem = f"xa-moi-{code}" if "new_unit" in rows and rows["new_unit"].any() else f"xa-{code}"
    grid_title = t("commune.grid.set", lang, n=entry.n)
    return {
        "grid": page_chart(f"{stem}-tieu-chi", grid, partial(criteria_grid_chart, grid, lang, [name, grid_title])),
        "grid.narrow": page_chart(
            f"{stem}-tieu-chi-gan-day", grid, partial(criteria_grid_narrow_chart, grid, lang, [name, grid_title])
        ),
        "levels": page_chart(
            f"{stem}-muc-dat-chuan", levels, partial(level_chart, levels, lang, [name, t("commune.history", lang)])
        ),
    }
