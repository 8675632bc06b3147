"""Tables behind the criteria page: district x criterion shares, criteria from hardest to
easiest, one criterion's trend by district, and communes by band over the years.

Everything is read in the criteria set of the year shown (19 criteria to 2025, 10 from 2026):
trends and bands cover only the years of that set's lineage, so a line never joins a 19-criteria
value to a 10-criteria one; from 2026 the new communes are grouped by former district."""

from functools import partial

import pandas as pd

from ntm.criteria import as_set, criterion_labels, set_for_year
from ntm.i18n import t
from ntm.metrics import band_of, criterion_counts, district_criterion_shares, district_key, lineage_rows, select
from ntm.views.page_chart import PageChart, PageInputs, page_chart


def heatmap_frame(
    criteria: pd.DataFrame,
    cy: pd.DataFrame,
    names: dict[str, str],
    catalogue: pd.DataFrame,
    lang: str,
    year: int | None = None,
) -> pd.DataFrame:
    """Share of communes meeting each criterion by district, for one year's commune-years."""
    table = district_criterion_shares(criteria, cy)
    labels = criterion_labels(catalogue, lang, year)
    return table.assign(
        district=table["district_code"].map(lambda code: names.get(code, code)),
        criterion=table["criterion_id"].map(labels),
    )


def ranking_frame(
    criteria: pd.DataFrame, cy: pd.DataFrame, catalogue: pd.DataFrame, lang: str, year: int | None = None
) -> pd.DataFrame:
    """Criteria from the hardest (fewest communes meeting it) to the easiest."""
    table = criterion_counts(criteria, cy, set_for_year(year) if year is not None else None)
    labels = criterion_labels(catalogue, lang, year)
    table = table.assign(criterion=table["criterion_id"].map(labels))
    return table.sort_values(["share", "criterion_id"], kind="stable", ignore_index=True)


def criterion_trend_frame(
    commune_year: pd.DataFrame, criterion_id: str, districts, names: dict[str, str], lang: str, year: int | None = None
) -> pd.DataFrame:
    """Share of communes meeting one criterion by year, for each district shown and the province;
    given `year`, only the years of its criteria set's lineage (the criterion's number means the same
    criterion there).

    Districts shown: the selection, or every district when nothing is selected."""
    if year is not None:
        commune_year = lineage_rows(commune_year, set_for_year(year).lineage)
    column = f"c{criterion_id}"
    rows = pd.DataFrame(
        {
            "year": commune_year["year"].to_numpy(),
            "met": commune_year[column].to_numpy(),
            "district_code": commune_year[district_key(commune_year)].astype(str).to_numpy(),
        }
    )
    shown = list(districts or []) or sorted(rows["district_code"].unique())
    by_district = (
        rows[rows["district_code"].isin(shown)]
        .groupby(["year", "district_code"])["met"]
        .agg(["sum", "size"])
        .reset_index()
    )
    by_district["district"] = by_district["district_code"].map(lambda code: names.get(code, code))
    province = rows.groupby("year")["met"].agg(["sum", "size"]).reset_index()
    province["district_code"], province["district"] = "province", t("scope.province", lang)
    table = pd.concat([by_district, province], ignore_index=True).rename(columns={"sum": "met", "size": "communes"})
    table["share"] = table["met"] / table["communes"]
    table["year"] = table["year"].astype(int)
    return table[["year", "district_code", "district", "met", "communes", "share"]]


def band_trend_frame(commune_year: pd.DataFrame, districts, lang: str, year: int | None = None) -> pd.DataFrame:
    """Communes by band of criteria met (<10, 10-14, 15-18, 19 for 19 criteria), every year of the
    lineage of `year`'s criteria set (the 19-criteria lineage when None), for a selection."""
    from ntm.views.overview import band_label

    entry = set_for_year(year) if year is not None else as_set("2021-2025")
    cy = select(lineage_rows(commune_year, entry.lineage), districts=districts)
    keys = [name for name, _, _ in entry.bands]
    labels = {key: band_label(key, low, high, entry.n, lang) for key, low, high in entry.bands}
    counts = pd.crosstab(cy["year"], band_of(cy["criteria_met"], entry)).reindex(columns=keys, fill_value=0)
    table = counts.stack().rename("communes").reset_index()
    table.columns = ["year", "band", "communes"]
    table["band"] = table["band"].astype(str)
    table["year"] = table["year"].astype(int)
    table["order"] = table["band"].map({k: i for i, k in enumerate(keys)})
    table["label"] = table["band"].map(labels)
    return table.sort_values(["year", "order"], ignore_index=True)


def criteria_charts(
    dataset, inputs: PageInputs, year: int, districts=(), criterion: str = "02", lang: str = "vi"
) -> dict[str, PageChart]:
    """The criteria page's four charts for a selection, by role: heatmap, ranking, bands, trend."""
    from ntm.charts.criteria import bands_chart, heatmap_chart, heatmap_narrow_chart, ranking_chart, trend_chart
    from ntm.formatting import scope_text

    names, catalogue = inputs.names, inputs.catalogue
    entry = set_for_year(year)
    if criterion not in entry.criteria:
        criterion = entry.criteria[0]
    scope = scope_text(districts, names, lang)
    selection = select(dataset.commune_year, year, districts)
    label = criterion_labels(catalogue, lang, year)[criterion]
    heatmap_title = (
        "criteria.heatmap.former" if "new_unit" in selection and selection["new_unit"].any() else "criteria.heatmap"
    )
    parts = {
        "heatmap": (
            f"tieu-chi-theo-huyen-{year}",
            heatmap_frame(dataset.criteria, selection, names, catalogue, lang, year),
            heatmap_chart,
            t(heatmap_title, lang, year=year),
        ),
        "ranking": (
            f"tieu-chi-kho-de-{year}",
            ranking_frame(dataset.criteria, selection, catalogue, lang, year),
            ranking_chart,
            t("criteria.ranking", lang, year=year, scope=scope),
        ),
        "bands": (
            f"nhom-tieu-chi-theo-nam-{year}",
            band_trend_frame(dataset.commune_year, districts, lang, year),
            bands_chart,
            t("criteria.bands", lang, scope=scope, phase=entry.id, n=entry.n),
        ),
        "trend": (
            f"tieu-chi-{criterion}-theo-nam-{year}",
            criterion_trend_frame(dataset.commune_year, criterion, districts, names, lang, year),
            trend_chart,
            t("criteria.trend", lang, criterion=label),
        ),
    }
    charts = {
        role: page_chart(name, frame, partial(builder, frame, lang, title))
        for role, (name, frame, builder, title) in parts.items()
    }
    name, frame, _, title = parts["heatmap"]
    narrow = partial(heatmap_narrow_chart, frame, lang, title)
    charts["heatmap.narrow"] = page_chart(f"{name}-dien-thoai", frame, narrow)
    return charts
