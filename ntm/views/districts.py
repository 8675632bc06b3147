"""District comparison: a metric by district and year, and the ranking of districts with the
change since a baseline year (value and rank), the province as reference.

Districts were abolished on 1 July 2025: from 2026 the new communes are compared by former district
(where most of their old communes lay). A comparison stays inside one lineage of criteria sets: no
baseline before 2026 for a 2026 ranking, no line from a 19-criteria value to a 10-criteria one."""

from functools import partial

import numpy as np
import pandas as pd

from ntm import metrics
from ntm.criteria import set_for_year
from ntm.i18n import t
from ntm.metrics import district_key, format_metric, lineage_rows, select, yearly_series
from ntm.views.page_chart import PageChart, PageInputs, page_chart

PROVINCE = "province"


def __getattr__(name: str):
    """DISTRICT_METRICS (the page's choices) and RATIO_METRICS (comparable with the province value),
    derived from the metric registry whenever they are read."""
    if name == "DISTRICT_METRICS":
        return metrics.keys("compare")
    if name == "RATIO_METRICS":
        return ratio_metrics()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def ratio_metrics() -> tuple[str, ...]:
    """Comparison metrics that are not counts of communes: a district's value compares with the province's."""
    return tuple(key for key in metrics.keys("compare") if metrics.metric(key).kind != "count")


def compare_metrics(year: int | None = None) -> tuple[str, ...]:
    """The comparison page's choices for a year: the registry's compare metrics that apply to its
    criteria set (every one when None)."""
    return metrics.keys("compare", None if year is None else set_for_year(year))


def comparable_years(years, year: int) -> list[int]:
    """The years before `year` that a comparison can use as baseline: those of the same lineage."""
    lineage = set_for_year(year).lineage
    return [y for y in years if y < year and set_for_year(y).lineage == lineage]


def district_series(commune_year: pd.DataFrame, metric: str, districts=(), lineage: str | None = None) -> pd.DataFrame:
    """year, district_code, value: the metric for every district (or the selected ones) and year
    (of `lineage` only, when given), in one groupby (a loop over groups took over a second for 700
    districts). From 2026 a new commune counts in its former district."""
    rows = select(lineage_rows(commune_year, lineage), districts=districts)
    key = district_key(rows)
    table = metrics.aggregate(rows, ["year", key], [metric])
    table = table.reset_index()
    return pd.DataFrame(
        {
            "year": table["year"].astype("int64"),
            "district_code": table[key].astype(str),
            "value": table[metric],
        }
    )


def delta_ranking(series: pd.DataFrame, metric: str, year: int, baseline: int | None) -> pd.DataFrame:
    """Districts ranked on `metric` in `year` (1 = best), with the value and rank in `baseline`
    and the changes: district_code, value, baseline_value, change, rank, baseline_rank, rank_change
    (empty baseline columns when there is no baseline)."""
    ascending = not metrics.metric(metric).higher_is_better
    now = series[series["year"] == year].set_index("district_code")["value"]
    then = series[series["year"] == baseline].set_index("district_code")["value"].reindex(now.index)
    then = then.astype(float)
    table = pd.DataFrame({"value": now, "baseline_value": then})
    table["change"] = table["value"] - table["baseline_value"]
    table["rank"] = table["value"].rank(ascending=ascending, method="min").astype(int)
    table["baseline_rank"] = table["baseline_value"].rank(ascending=ascending, method="min").astype("Int64")
    table["rank_change"] = table["baseline_rank"] - table["rank"]  # positive: moved up
    table = table.rename_axis("district_code").reset_index()
    return table.sort_values(["rank", "district_code"], ignore_index=True)


def most_improved(ranking: pd.DataFrame, metric: str, count: int = 3) -> list[str]:
    """Codes of the districts whose value of `metric` improved most since the baseline (by the change of
    the measure itself, in the metric's better direction; not by change of rank), those that improved."""
    sign = 1 if metrics.metric(metric).higher_is_better else -1
    gain = sign * ranking["change"].astype(float)
    better = ranking.assign(gain=gain)[gain > 0]
    ordered = better.sort_values(["gain", "district_code"], ascending=[False, True], kind="stable")
    return list(ordered["district_code"].head(count))


def shown_ranking(ranking: pd.DataFrame, districts) -> pd.DataFrame:
    """The rows of a ranking of every district that a selection shows (all when none is chosen):
    ranks stay those among all districts."""
    districts = [str(d) for d in districts or []]
    return ranking[ranking["district_code"].isin(districts)] if districts else ranking


def province_reference(
    commune_year: pd.DataFrame, metric: str, year: int, baseline: int | None, lineage: str | None = None
) -> dict:
    series = yearly_series(commune_year, metric, lineage=lineage)
    value, before = series.get(year, float("nan")), series.get(baseline, float("nan"))
    return {"value": value, "baseline_value": before, "change": value - before}


def _fmt(metric: str, value, lang: str, signed: bool = False) -> str:
    return format_metric(metric, value, lang, signed)


def _rank_move(change) -> str:
    if change is None or pd.isna(change) or change == 0:
        return "="
    return f"▲ {int(change)}" if change > 0 else f"▼ {int(-change)}"


def ranking_display(
    table: pd.DataFrame,
    province: dict,
    names: dict[str, str],
    metric: str,
    year: int,
    baseline: int | None,
    lang: str,
    total: int | None = None,
) -> pd.DataFrame:
    """The ranking as text in `lang`, with the province as the last row (without the baseline
    columns when there is no baseline). With `total` (the number of districts ranked), a rank reads
    '9/11': a selection's rows keep their rank among all districts."""
    rows = [
        {
            "rank": str(r.rank) if total is None else t("districts.col.rank.of", lang, rank=r.rank, total=total),
            "district": names.get(r.district_code, r.district_code),
            "value": _fmt(metric, r.value, lang),
            "baseline_value": _fmt(metric, r.baseline_value, lang),
            "change": _fmt(metric, r.change, lang, signed=True),
            "rank_change": _rank_move(r.rank_change),
        }
        for r in table.itertuples()
    ]
    rows.append(
        {
            "rank": "",
            "district": t("scope.province", lang),
            "value": _fmt(metric, province["value"], lang),
            "baseline_value": _fmt(metric, province["baseline_value"], lang),
            "change": _fmt(metric, province["change"], lang, signed=True),
            "rank_change": "",
        }
    )
    headers = {
        "rank": t("districts.col.rank", lang),
        "district": t("col.district", lang),
        "value": str(year),
        "baseline_value": str(baseline),
        "change": t("districts.col.change", lang, baseline=baseline),
        "rank_change": t("districts.col.rank_change", lang, baseline=baseline),
    }
    shown = pd.DataFrame(rows)
    if baseline is None:
        shown = shown.drop(columns=["baseline_value", "change", "rank_change"])
    return shown.rename(columns=headers)


def small_multiples_frame(
    series: pd.DataFrame,
    commune_year: pd.DataFrame,
    metric: str,
    names: dict[str, str],
    lang: str,
    lineage: str | None = None,
) -> pd.DataFrame:
    """district, year, value, series, lineage: each district's values and, for ratio metrics, the
    province's (of `lineage` when given) repeated beside every district as reference. `lineage` per
    row lets the chart break its lines where the criteria sets change."""
    frame = series.assign(
        district=series["district_code"].map(lambda code: names.get(code, code)),
        series=t("districts.series.district", lang),
    )
    frame = frame.assign(lineage=_lineages(frame["year"]))
    if metric not in ratio_metrics():
        return frame
    province = yearly_series(commune_year, metric, lineage=lineage)
    shown = frame[["district_code", "district"]].drop_duplicates()
    if shown.empty:
        return frame
    years = len(province)
    reference = pd.DataFrame(
        {
            "year": np.tile(province.index.astype(int), len(shown)),
            "district_code": np.repeat(shown["district_code"].to_numpy(), years),
            "value": np.tile(province.to_numpy(), len(shown)),
            "district": np.repeat(shown["district"].to_numpy(), years),
            "series": t("scope.province", lang),
        }
    )
    reference = reference.assign(lineage=_lineages(reference["year"]))
    return pd.concat([frame, reference], ignore_index=True)


def _lineages(years: pd.Series) -> list[str]:
    known = {int(y): set_for_year(int(y)).lineage for y in pd.unique(years)}
    return [known[int(y)] for y in years]


def small_multiples_chart(
    series: pd.DataFrame, dataset, inputs: PageInputs, metric: str, lang: str, lineage: str | None = None
) -> PageChart:
    """One small trend chart per district with the province as reference, for the comparison page."""
    from ntm.charts.districts import small_multiples

    frame = small_multiples_frame(series, dataset.commune_year, metric, inputs.names, lang, lineage)
    title = t("districts.small", lang, metric=t(f"metric.{metric}", lang))
    return page_chart(f"so-sanh-huyen-{metric}", frame, partial(small_multiples, frame, metric, lang, title))
