"""What the overview shows, as display-ready values: target cards, the phase notice, lagging
districts, bars by level and by criteria met, the district (or former district) map, and from 2026
the new communes by commune group."""

import math
from functools import partial

import numpy as np
import pandas as pd

from ntm import metrics
from ntm.charts.style import PALETTE_LEVELS, band_colors
from ntm.criteria import as_set, set_for_year
from ntm.formatting import fmt_number, fmt_percent
from ntm.i18n import t
from ntm.metrics import bands_of, format_metric, metric
from ntm.targets import Progress
from ntm.views.page_chart import PageChart, category_bar_chart, page_chart

STATUS_COLOR = {"reached": "green", "on_track": "green", "behind": "orange", "missed": "red", "no_pace": "gray"}


def _fmt(key: str, value: float, lang: str) -> str:
    return format_metric(key, value, lang)


def _pace(key: str, value: float, lang: str) -> str:
    """A pace or a need per year: points of percentage for shares, one decimal otherwise."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    if metric(key).percent:
        return f"{fmt_number(100 * value, 1, lang)} {t('unit.pp', lang)}"
    return fmt_number(value, 1, lang)


def target_scope(p: Progress, lang: str) -> str:
    """Whose target a card or line is about: the province's (with its plan), or the nation's."""
    return t("target.scope.national" if p.scope == "national" else "target.scope.province", lang)


def measure_help(key: str, lang: str) -> str:
    """What a metric counts, in one sentence ('' for a metric without one in the catalogue)."""
    from ntm.i18n import CATALOGUE

    return t(f"measure.{key}", lang) if f"measure.{key}" in CATALOGUE else ""


def coverage_caveat(found, lang: str) -> str:
    """'chỉ tính 10/181 xã đã báo cáo' beside a number over incomplete reports ('' when complete)."""
    if found is None or found.complete:
        return ""
    return t(
        "coverage.partial",
        lang,
        reported=fmt_number(found.reported, lang=lang),
        expected=fmt_number(found.expected, lang=lang),
    )


def progress_card(p: Progress, lang: str, coverage=None) -> dict[str, str]:
    """Label, value, gap and verdict of one target, in `lang`. Every ratio shows its denominator:
    a count as x/n communes with its share, a share with the communes it counts; the help says what
    the measure counts, then the target. With `coverage` (ntm.metrics.Coverage of the card's year)
    that is incomplete, the detail says the number counts only the communes that reported."""
    entry = metric(p.metric)
    whole = p.communes or p.denominator
    if entry.kind == "count" and p.denominator:
        value = t("target.of", lang, value=_fmt(p.metric, p.value, lang), denominator=fmt_number(whole, lang=lang))
        value += f" ({fmt_percent(p.value / whole, lang=lang)})"
        target = t(
            "target.of", lang, value=_fmt(p.metric, p.target, lang), denominator=fmt_number(p.denominator, lang=lang)
        )
        target += f" ({fmt_percent(p.target / p.denominator, lang=lang)})"
    elif entry.percent and whole:
        count = round(p.value * whole)
        value = t("target.of", lang, value=fmt_number(count, lang=lang), denominator=fmt_number(whole, lang=lang))
        value += f" ({_fmt(p.metric, p.value, lang)})"
        needed = math.ceil(p.target * whole - 1e-9)
        target = t(
            "target.share_of",
            lang,
            share=fmt_percent(p.target, 0 if float(100 * p.target).is_integer() else 1, lang),
            count=fmt_number(needed, lang=lang),
            denominator=fmt_number(whole, lang=lang),
        )
    else:
        value = ""
        target = _fmt(p.metric, p.target, lang)
    gap = (
        ""
        if p.gap == 0
        else t("target.gap", lang, gap=_pace(p.metric, p.gap, lang) if entry.percent else _fmt(p.metric, p.gap, lang))
    )
    if p.status in ("reached", "missed"):
        pace = ""
    elif p.status == "no_pace":
        pace = t("target.pace.none", lang, needed=_pace(p.metric, p.pace_needed, lang))
    else:
        key = "target.pace.previous" if p.pace_basis == "previous" else "target.pace"
        from ntm.views.progress import previous_window

        pace = t(
            key,
            lang,
            needed=_pace(p.metric, p.pace_needed, lang),
            recent=_pace(p.metric, p.pace_recent, lang),
            window=previous_window(p),
        )
    line = t("target.value", lang, year=p.target_year, target=target)
    if p.scope == "national":
        line = t("target.value.national", lang, year=p.target_year, target=target)
    caveat = coverage_caveat(coverage, lang)
    if caveat:
        value = f"{value} ({caveat})" if value else caveat
    return {
        "label": entry.label(lang),
        "value": _fmt(p.metric, p.value, lang),
        "detail": value,
        "delta": gap or None,
        "delta_color": STATUS_COLOR[p.status],
        "status": t(f"target.status.{p.status}", lang),
        "target": line,
        "pace": pace,
        "help": "  \n".join(part for part in (measure_help(p.metric, lang), line) if part),
    }


def lagging_districts(district_table: pd.DataFrame, count: int = 3) -> list[str]:
    """Codes of the districts with the lowest share of communes meeting the standard (give it every
    district of the year: the lowest of a selection of one is not a lagging district), never more
    than the lower half of the table (of two districts that reported, the one at 100 % is no laggard)."""
    ranked = district_table.sort_values(["share_ntm", "avg_criteria"], kind="stable")
    return list(ranked["district_code"].head(min(count, len(ranked) // 2)))


def district_ranks(district_table: pd.DataFrame, key: str = "share_ntm") -> pd.Series:
    """Each district's rank among every district of the table on `key` (1 = best; ties share the
    best rank), indexed by district_code."""
    ascending = not metric(key).higher_is_better
    ranks = district_table.set_index("district_code")[key].rank(ascending=ascending, method="min")
    return ranks.astype(int)


def selected_rank_lines(
    district_table: pd.DataFrame,
    districts,
    province_value: float,
    names: dict[str, str],
    lang: str,
    coverage=None,
) -> list[str]:
    """For each chosen district, its rank among all districts on the share meeting the standard,
    with its value and the province's: 'Đình Lập: hạng 9/11 huyện ... (40,0 %; toàn tỉnh 60,6 %)'.
    With `coverage` (the whole province's, ntm.metrics.Coverage) showing districts that have not
    reported, no rank is given ('1/1' would read as first): it says how many districts reported."""
    ranks = district_ranks(district_table)
    values = district_table.set_index("district_code")["share_ntm"]
    missing = coverage is not None and coverage.districts_reported < coverage.districts
    lines = []
    for code in districts:
        if code not in ranks.index:
            continue
        numbers = {
            "district": names.get(code, code),
            "value": _fmt("share_ntm", values[code], lang),
            "province": _fmt("share_ntm", province_value, lang),
        }
        if missing:
            lines.append(
                t(
                    "overview.selected.unranked",
                    lang,
                    reported=coverage.districts_reported,
                    total=coverage.districts,
                    year=coverage.year,
                    **numbers,
                )
            )
        else:
            lines.append(t("overview.selected.rank", lang, rank=int(ranks[code]), total=len(ranks), **numbers))
    return lines


def lagging_line(district_table: pd.DataFrame, names: dict[str, str], lang: str, coverage=None) -> str:
    """The lowest districts of the year, said to be among those that reported when some have not
    (and nothing when fewer than two districts have data: the lowest of one is no lagging district)."""
    if len(district_table) < 2:
        return ""
    shown = ", ".join(names.get(c, c) for c in lagging_districts(district_table))
    if coverage is not None and coverage.districts_reported < coverage.districts:
        return t(
            "overview.lagging.partial",
            lang,
            reported=coverage.districts_reported,
            total=coverage.districts,
            names=shown,
        )
    return t("overview.lagging", lang, names=shown)


def level_note(summary: dict, lang: str) -> str:
    """Under the level bar: each commune counts once at its highest level, while the cards count
    'this level or higher' (meeting the standard = standard + advanced + model ...), with the sum."""
    levels = [lv for lv in summary["levels"] if lv != "none"]
    parts = " + ".join(f"{fmt_number(summary['levels'][lv], lang=lang)} {t(f'level.{lv}', lang)}" for lv in levels)
    return t("overview.levels.help", lang, standard=fmt_number(summary["communes_ntm"], lang=lang), parts=parts)


def denominator_note(progress: list[Progress], year: int, sentence: str, lang: str) -> str:
    """One line when a count card's target was set on another number of communes than the year's
    (115/181 against 106/175): the two numbers and why they differ (`sentence`); '' otherwise."""
    for p in progress:
        if metric(p.metric).kind != "count" or not p.denominator or not p.communes:
            continue
        if int(p.denominator) != int(p.communes):
            return t(
                "overview.denominators",
                lang,
                planned=fmt_number(p.denominator, lang=lang),
                year=p.as_of,
                communes=fmt_number(p.communes, lang=lang),
                sentence=sentence,
            )
    return ""


def level_frame(summary: dict, lang: str) -> pd.DataFrame:
    """Communes at each level of the summary's criteria set."""
    levels = list(summary["levels"])
    return pd.DataFrame(
        {
            "key": levels,
            "label": [t(f"level.{lv}", lang) for lv in levels],
            "value": [summary["levels"][lv] for lv in levels],
        }
    )


def band_label(key: str, low: int, high: int, n: int, lang: str) -> str:
    """'Dưới 10 tiêu chí', '10-14 tiêu chí', 'Đủ 19 tiêu chí' (any number of criteria)."""
    if key.startswith("lt"):
        return t("band.below", lang, n=high + 1)
    if key.startswith("all"):
        return t("band.all", lang, n=n)
    return t("band.range", lang, low=low, high=high)


def band_frame(summary: dict, lang: str) -> pd.DataFrame:
    bands = bands_of(summary.get("criteria_set"))
    n = summary.get("n_criteria") or bands[-1][2]
    keys = [b for b, _, _ in bands]
    return pd.DataFrame(
        {
            "key": keys,
            "label": [band_label(key, low, high, n, lang) for key, low, high in bands],
            "value": [summary["bands"][b] for b in keys],
        }
    )


def bar_charts(summary: dict, year: int, lang: str) -> dict[str, PageChart]:
    """The overview's two bar charts of a selection's summary: communes by level and by criteria met."""
    charts = {}
    for key, frame, colors, stem in (
        ("levels", level_frame(summary, lang), None, "xa-theo-muc"),
        ("bands", band_frame(summary, lang), None, "xa-theo-so-tieu-chi"),
    ):
        colors = [PALETTE_LEVELS[k] for k in frame["key"]] if key == "levels" else band_colors(len(frame))
        charts[key] = category_bar_chart(f"{stem}-{year}", frame, colors, t("chart.communes", lang), lang)
    return charts


def phase_notice(year: int, communes: int, lang: str) -> str:
    """One line on the phase of the year: its criteria set, decision and units."""
    phase = set_for_year(year)
    key = "phase.notice.new" if phase.id == "2026-2030" else "phase.notice"
    return t(key, lang, phase=phase.id, n=phase.n, decision=phase.decision, communes=fmt_number(communes, lang=lang))


def former_district_values(dataset, year: int, key: str = "share_ntm") -> pd.DataFrame:
    """One row per (former) district with communes that year: district_code, value, count, communes;
    from 2026 the new communes are counted in their former district."""
    cy = metrics.select(dataset.commune_year, year)
    entry = metric(key)
    district = metrics.district_key(cy)
    rows = pd.DataFrame({"district_code": cy[district].astype(str).to_numpy(), "value": entry.per_commune(cy)})
    grouped = rows.groupby("district_code")["value"]
    table = pd.DataFrame(
        {
            "value": grouped.agg(metrics.AGGREGATIONS[entry.how]).astype(float),
            "count": grouped.size() if entry.how == "count" else grouped.sum(),
            "communes": grouped.size(),
        }
    )
    return pd.DataFrame(
        {
            "district_code": table.index.astype(str),
            "value": table["value"].to_numpy(),
            "count": table["count"].astype(int).to_numpy(),
            "communes": table["communes"].astype(int).to_numpy(),
        }
    )


def district_map(shapes, values: pd.DataFrame, names: dict[str, str], year: int, lang: str) -> PageChart:
    """The overview's district map of the share of communes meeting the standard (from 2026 by
    former district)."""
    from ntm.charts.map import district_map_chart, map_frame  # geopandas: after the headline numbers

    breaks = metrics.SHARE_BREAKS
    frame = map_frame(shapes, values, names, "share_ntm", breaks, lang)
    key = "overview.map.former" if as_set(year).lineage != as_set(2025).lineage else "overview.map"
    title = t(key, lang, year=year)
    build = partial(district_map_chart, frame, "share_ntm", t("metric.share_ntm", lang), breaks, lang, title)
    return page_chart(f"ban-do-huyen-{year}", frame.drop(columns="geometry"), build)


def group_table(selection: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The new communes by commune group (1-3, 'no group' for a commune without one): communes,
    meeting the standard (x/n and share), average criteria met (of the set's n)."""
    rows = []
    n = int(selection["n_criteria"].iloc[0]) if len(selection) else 0
    groups = selection["commune_group"].astype("Int8")
    for group in [*sorted(int(g) for g in groups.dropna().unique()), None]:
        part = selection[groups.isna()] if group is None else selection[groups == group]
        if part.empty:
            continue
        meeting = int((part["level_rank"] >= metrics.STANDARD).sum())
        rows.append(
            {
                t("groups.col.group", lang): t("groups.none", lang)
                if group is None
                else t(f"groups.name.{group}", lang),
                t("col.communes", lang): fmt_number(len(part), lang=lang),
                t("col.communes_ntm", lang): t(
                    "target.of",
                    lang,
                    value=fmt_number(meeting, lang=lang),
                    denominator=fmt_number(len(part), lang=lang),
                )
                + f" ({fmt_percent(meeting / len(part), 1, lang)})",
                t("col.avg_criteria", lang): f"{fmt_number(part['criteria_met'].mean(), 1, lang)}/{n}",
            }
        )
    return pd.DataFrame(rows)


def _target_items(rows: pd.DataFrame, lang: str) -> str:
    items = []
    for row in rows.itertuples():
        entry = metrics.METRICS.get(row.metric)
        value = (
            fmt_percent(float(row.value) / 100, 0, lang)
            if entry is not None and entry.percent
            else fmt_number(row.value, 0, lang)
        )
        items.append(f"{t(f'metric.{row.metric}', lang)} {row.year}: {value}")
    return "; ".join(items)


def sources_line(progress: list[Progress], titles: dict[str, str], lang: str) -> str:
    """Each distinct source of the cards' targets once: 'Nguồn chỉ tiêu: Nghị quyết …' when every card
    shares one, else each source with the measures it sets ('…: A (xã đạt chuẩn NTM, …); B (…)')."""
    measures: dict[str, list[str]] = {}
    for p in progress:
        if p.source:
            measures.setdefault(p.source, []).append(metric(p.metric).label(lang))
    if len(measures) == 1:
        (source,) = measures
        return t("target.sources.one", lang, source=titles.get(source, source))
    return t(
        "target.sources",
        lang,
        sources="; ".join(f"{titles.get(source, source)} ({', '.join(labels)})" for source, labels in measures.items()),
    )


def target_notes(progress: list[Progress], targets: pd.DataFrame, year: int, communes: int, lang: str) -> list[str]:
    """Lines under the target cards: each distinct source of the cards' targets once, the targets of the phase set
    on the other units (the province's 2030 plan made on the old communes, seen from 2026), and
    those the phase's levels cannot measure."""
    return card_sources(progress, lang) + year_target_notes(targets, year, communes, lang)


def card_sources(progress: list[Progress], lang: str) -> list[str]:
    """The line naming the sources of the cards' targets ([] when none has a source)."""
    from ntm.views.progress import source_titles

    return [sources_line(progress, source_titles(lang), lang)] if any(p.source for p in progress) else []


def year_target_notes(targets: pd.DataFrame, year: int, communes: int, lang: str) -> list[str]:
    """The notes of `target_notes` that depend on the year only (and the selection's communes): the
    phase's targets set on the other units, those the phase's levels cannot measure."""
    from ntm.targets import superseded_targets, unmeasured_targets
    from ntm.views.progress import source_titles

    titles = source_titles(lang)
    lines = []
    old = superseded_targets(targets, year)
    for source, rows in old.groupby("source", sort=False):
        lines.append(
            t(
                "target.superseded",
                lang,
                source=titles.get(source, source),
                items=_target_items(rows, lang),
                phase=set_for_year(year).id,
                communes=fmt_number(communes, lang=lang),
            )
        )
    missing = unmeasured_targets(targets, year)
    missing = missing[missing["reason"] == "level_missing"]
    if len(missing):
        phase = set_for_year(year)
        lines.append(t("target.level_missing", lang, phase=phase.id, items=_target_items(missing, lang)))
    return lines


# --- the year in one paragraph -------------------------------------------------------------------------

SUMMARY_STATUSES = ("reached", "on_track", "behind", "missed", "no_pace")
SUMMARY_MOVERS = 2  # districts named for the largest rise (and for the largest fall, when one fell)
SUMMARY_TIES = 3  # districts named when several share the highest or lowest value


def _change_parts(now: dict, before: dict, lang: str) -> dict[str, str]:
    """The change since the year before in words: standard ('+3 xã đạt chuẩn (+1,7 điểm %)', or
    'số xã đạt chuẩn không đổi' when neither the count nor the share moved as shown) and average
    ('bình quân tiêu chí +0,3', or 'không đổi' when it rounds to 0,0)."""
    delta = now["communes_ntm"] - before["communes_ntm"]
    points = now["share_ntm"] - before["share_ntm"]
    if delta:
        standard = t("summary.change.standard", lang, delta=_signed(delta, 0, lang), points=_share_points(points, lang))
    elif round(100 * points, 1) == 0:
        standard = t("summary.change.standard.same", lang)
    else:  # the same count over another number of communes
        standard = t("summary.change.standard.same_count", lang, points=_share_points(points, lang))
    average = now["avg_criteria"] - before["avg_criteria"]
    if round(average, 1) == 0:
        return {"standard": standard, "average": t("summary.change.average.same", lang)}
    return {"standard": standard, "average": t("summary.change.average", lang, average=_signed(average, 1, lang))}


def _share_points(delta: float, lang: str) -> str:
    """A change of share in points: '+16,7 điểm %', '−3,0 điểm %'."""
    sign = "+" if delta >= 0 else "−"
    return f"{sign}{fmt_number(abs(100 * delta), 1, lang)} {t('unit.pp', lang)}"


def _signed(value: float, decimals: int, lang: str) -> str:
    sign = "+" if value >= 0 else "−"
    return f"{sign}{fmt_number(abs(value), decimals, lang)}"


def _year_numbers(rows: pd.DataFrame, lang: str) -> dict[str, str]:
    summary = metrics.summary(rows)
    return {
        "ntm": fmt_number(summary["communes_ntm"], lang=lang),
        "communes": fmt_number(summary["communes"], lang=lang),
        "share": fmt_percent(summary["share_ntm"], 1, lang),
        "average": fmt_number(summary["avg_criteria"], 1, lang),
        "n": str(summary["n_criteria"]),
    }


def _in_sentence(label: str) -> str:
    """A metric's label inside a sentence: 'xã đạt chuẩn NTM', without a trailing ' (%)'."""
    label = label.removesuffix(" (%)")
    return label[:1].lower() + label[1:]


def _targets_sentence(progress: list[Progress], lang: str) -> str:
    """'Mục tiêu 2025: đã đạt bình quân tiêu chí/xã; không đạt xã đạt chuẩn NTM, …' (national targets
    marked), '' without targets."""
    if not progress:
        return ""
    groups = []
    for status in SUMMARY_STATUSES:
        labels = [
            _in_sentence(metric(p.metric).label(lang))
            + (f" ({t('summary.national', lang)})" if p.scope == "national" else "")
            for p in progress
            if p.status == status
        ]
        if labels:
            groups.append(t("summary.group", lang, status=t(f"summary.status.{status}", lang), items=", ".join(labels)))
    return t("summary.targets", lang, year=progress[0].target_year, groups="; ".join(groups))


def district_shares(commune_year: pd.DataFrame, year: int) -> pd.Series:
    """The share of communes meeting the standard of every (former) district in a year, by code."""
    return _district_shares(commune_year, year, None)


def _selection_shares(commune_year: pd.DataFrame, year: int, districts, shares=None) -> pd.Series:
    """`_district_shares` of the selection, from `shares(year)` (every district's) when given: a
    district's share counts its own communes only."""
    if shares is None:
        return _district_shares(commune_year, year, districts)
    every = shares(year)
    return every[every.index.isin([str(d) for d in districts])] if districts else every


def _district_shares(commune_year: pd.DataFrame, year: int, districts) -> pd.Series:
    rows = metrics.select(commune_year, year, districts)
    if rows.empty:
        return pd.Series(dtype=float)
    table = metrics.district_table(rows)
    return pd.Series(table["share_ntm"].to_numpy(dtype=float), index=table["district_code"].astype(str))


def _movers_sentence(now: pd.Series, before: pd.Series, names: dict[str, str], former: bool, lang: str) -> str:
    """The districts whose share of communes meeting the standard rose most (and fell, if any did)
    since the year before; '' for fewer than two districts."""
    change = (now - before).dropna()
    if len(change) < 2:
        return ""
    from ntm.text import name_collation_key

    order = sorted(change.index, key=lambda code: (-change[code], name_collation_key(names.get(code, code))))
    named = lambda codes: ", ".join(  # noqa: E731
        f"{names.get(code, code)} ({_share_points(change[code], lang)})" for code in codes
    )
    risers = [code for code in order if change[code] > 0][:SUMMARY_MOVERS]
    fallers = [code for code in reversed(order) if change[code] < 0][:SUMMARY_MOVERS]
    kind = "former" if former else "district"
    parts = [t(f"summary.movers.{kind}", lang, districts=named(risers))] if risers else []
    if fallers:
        parts.append(t("summary.fallers", lang, districts=named(fallers)))
    if not parts:
        parts.append(t(f"summary.unchanged.{kind}", lang))
    return " ".join(parts)


def _named_with_ties(codes: list[str], names: dict[str, str], lang: str) -> str:
    """Districts sharing a value: up to SUMMARY_TIES by name, else the first ones and how many more."""
    from ntm.text import name_collation_key

    shown = sorted((names.get(code, code) for code in codes), key=name_collation_key)
    if len(shown) <= SUMMARY_TIES:
        return ", ".join(shown)
    return t("summary.more", lang, names=", ".join(shown[:SUMMARY_TIES]), count=len(shown) - SUMMARY_TIES)


def _extremes_sentence(now: pd.Series, names: dict[str, str], former: bool, lang: str) -> str:
    """A year with no change to speak of (a phase's first, the first with data): the (former)
    districts highest and lowest, every one sharing the value named (or counted)."""
    now = now.dropna()
    if len(now) < 2 or now.max() == now.min():
        return ""
    high = [code for code in now.index if now[code] == now.max()]
    low = [code for code in now.index if now[code] == now.min()]
    return t(
        f"summary.extremes.{'former' if former else 'district'}",
        lang,
        high=_named_with_ties(high, names, lang),
        high_share=fmt_percent(now.max(), 1, lang),
        low=_named_with_ties(low, names, lang),
        low_share=fmt_percent(now.min(), 1, lang),
    )


def year_summary(
    commune_year: pd.DataFrame,
    progress: list[Progress],
    year: int,
    districts,
    names: dict[str, str],
    lang: str,
    coverage=None,
    shares=None,
) -> str:
    """The year in one paragraph, for the selection (`districts`, all when empty): its numbers with
    their denominators; what changed since the year before; which of the phase's targets
    (`progress`: ntm.targets.headline_progress) are met, on track or behind; which (former) districts
    moved most. The first year of a phase (2026) says so and sets the close-out of the previous phase
    beside it, on its own criteria and communes: two phases are not one series. With `coverage`
    (ntm.metrics.Coverage of the year and selection) incomplete, the first sentence says how many
    communes reported, and the year before is read on those same communes. `shares(year)` gives
    `district_shares` of a year (a caller's cache), else they are counted here. '' without data."""
    rows = metrics.select(commune_year, year, districts)
    if rows.empty:
        return ""
    phase = set_for_year(year)
    numbers = _year_numbers(rows, lang)
    partial = ""
    if coverage is not None and not coverage.complete:
        partial = t(
            "summary.partial",
            lang,
            reported=fmt_number(coverage.reported, lang=lang),
            expected=fmt_number(coverage.expected, lang=lang),
        )
    sentences = [t("summary.year", lang, year=year, partial=partial, **numbers)]
    before = metrics.select(commune_year, year - 1, districts)
    first_of_phase = before.empty or set_for_year(year - 1).lineage != phase.lineage
    common_rows, now_rows = commune_year, rows
    if partial and not first_of_phase:  # the communes reported both years, not 10 against last year's 175
        both = set(rows["commune_code"].astype(str)) & set(before["commune_code"].astype(str))
        in_both = commune_year["commune_code"].astype(str).isin(both).to_numpy()
        common_rows = commune_year[in_both | ~np.isin(commune_year["year"].to_numpy(), [year - 1, year])]
        before, now_rows = (metrics.select(common_rows, y, districts) for y in (year - 1, year))
    if before.empty and first_of_phase:
        sentences.append(t("summary.first_year", lang, year=year))
    elif first_of_phase:
        previous = set_for_year(year - 1)
        sentences.append(
            t(
                "summary.new_phase",
                lang,
                year=year,
                phase=phase.id,
                n=phase.n,
                previous=previous.id,
                last=year - 1,
                **{f"{key}_before": value for key, value in _year_numbers(before, lang).items()},
            )
        )
    elif not before.empty:
        sentences.append(
            t(
                "summary.change.same_communes" if partial else "summary.change",
                lang,
                last=year - 1,
                **_change_parts(metrics.summary(now_rows), metrics.summary(before), lang),
                **{f"{key}_before": value for key, value in _year_numbers(before, lang).items()},
            )
        )
    targets = _targets_sentence(progress, lang)
    if targets:
        sentences.append(targets)
    now = _selection_shares(commune_year, year, districts, shares)
    former = bool(rows["new_unit"].any()) if "new_unit" in rows.columns else False
    if first_of_phase:
        sentences.append(_extremes_sentence(now, names, former, lang))
    else:
        if common_rows is commune_year:
            now_shares, before_shares = now, _selection_shares(commune_year, year - 1, districts, shares)
        else:
            now_shares, before_shares = (_district_shares(common_rows, y, districts) for y in (year, year - 1))
        sentences.append(_movers_sentence(now_shares, before_shares, names, former, lang))
    return " ".join(sentence for sentence in sentences if sentence)
