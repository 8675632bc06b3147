"""One commune: finding it by name (with or without diacritics) and its scorecard tables:
criteria by year, level history, what it still lacks, and its district's context."""

from functools import partial

import pandas as pd
from unidecode import unidecode

from ntm.criteria import criterion_labels
from ntm.dataset import CRITERION_COLUMNS, unmet_criteria
from ntm.formatting import fmt_number
from ntm.i18n import t
from ntm.metrics import format_metric, select, summary
from ntm.views.page_chart import PageChart, PageInputs, page_chart


def fold(text: str) -> str:
    """Lower case without diacritics ('Đình Lập' -> 'dinh lap'), spaces collapsed."""
    return " ".join(unidecode(str(text)).lower().split())


def commune_index(
    registry: pd.DataFrame, commune_year: pd.DataFrame, districts=(), levels=(), year: int | None = None
) -> pd.DataFrame:
    """The communes of the dataset (in the selected districts; with `levels`, only those at one of
    these levels in `year`): code, name, short_name, district_code, district_name, key (folded short name)."""
    rows = select(commune_year, year, districts) if levels else select(commune_year, districts=districts)
    codes = set(rows.loc[rows["level"].isin(levels), "commune_code"] if levels else rows["commune_code"])
    table = registry[registry["code"].isin(codes)][["code", "name", "short_name", "district_code", "district_name"]]
    return table.assign(key=table["short_name"].map(fold)).sort_values(["key", "code"], ignore_index=True)


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


def commune_rows(commune_year: pd.DataFrame, code: str) -> pd.DataFrame:
    return commune_year[commune_year["commune_code"] == code].sort_values("year")


def criteria_grid(commune_year: pd.DataFrame, code: str) -> pd.DataFrame:
    """year, criterion_id, met: the commune's 19 criteria every year it was assessed."""
    rows = commune_rows(commune_year, code)
    grid = rows[["year", *CRITERION_COLUMNS]].melt(id_vars="year", var_name="column", value_name="met")
    grid["criterion_id"] = grid["column"].str[1:]
    grid["year"] = grid["year"].astype(int)
    grid["met"] = grid["met"].astype(bool)
    return grid[["year", "criterion_id", "met"]].sort_values(["criterion_id", "year"], ignore_index=True)


def level_history(commune_year: pd.DataFrame, code: str) -> pd.DataFrame:
    """year, criteria_met, level, recognised_year."""
    rows = commune_rows(commune_year, code)
    return pd.DataFrame(
        {
            "year": rows["year"].astype(int).to_numpy(),
            "criteria_met": rows["criteria_met"].astype(int).to_numpy(),
            "level": rows["level"].astype(str).to_numpy(),
            "recognised_year": rows["recognised_year"].to_numpy(),
        }
    )


def missing_criteria(commune_year: pd.DataFrame, code: str, year: int) -> list[str]:
    """Ids of the criteria the commune did not meet in `year` (its latest year up to `year`)."""
    rows = commune_rows(commune_year, code)
    rows = rows[rows["year"] <= year]
    if rows.empty:
        return []
    return unmet_criteria(rows.tail(1))[0]


def district_context(commune_year: pd.DataFrame, code: str, year: int) -> dict:
    """The commune beside its district and the province in `year`: criteria met, its rank in the
    district (1 = most criteria), and the district's and province's headline numbers."""
    rows = commune_rows(commune_year, code)
    rows = rows[rows["year"] <= year]
    if rows.empty:
        return {}
    last = rows.iloc[-1]
    as_of = int(last["year"])
    district = select(commune_year, as_of, [last["district_code"]])
    rank = int((district["criteria_met"] > last["criteria_met"]).sum()) + 1
    return {
        "year": as_of,
        "district_code": str(last["district_code"]),
        "criteria_met": int(last["criteria_met"]),
        "rank": rank,
        "district": summary(district),
        "province": summary(select(commune_year, as_of)),
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


def scorecard_charts(dataset, inputs: PageInputs, code: str, name: str, lang: str) -> dict[str, PageChart]:
    """A commune's criteria grid over the years and its level history."""
    from ntm.charts.commune import criteria_grid_chart, grid_frame, level_chart, level_history_frame

    grid = grid_frame(criteria_grid(dataset.commune_year, code), criterion_labels(inputs.catalogue, lang), lang)
    levels = level_history_frame(level_history(dataset.commune_year, code), lang)
    return {
        "grid": page_chart(
            f"xa-{code}-tieu-chi", grid, partial(criteria_grid_chart, grid, lang, [name, t("commune.grid", lang)])
        ),
        "levels": page_chart(
            f"xa-{code}-muc-dat-chuan", levels, partial(level_chart, levels, lang, [name, t("commune.history", lang)])
        ),
    }
