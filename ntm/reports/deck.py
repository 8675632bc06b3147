"""The briefing deck for a selection: its content, as PowerPoint (python-pptx) and as PDF (fpdf2).

Across the 2025 reform: a deck of 2025 or later has a close-out slide for 2021-2025 (each 2025 target
against the last data on the old communes and the official June 2025 figure, with the denominators
explained); a deck of a year of the new phase opens with a slide on it (its criteria, its communes,
its 2030 targets) and reads its other slides on the new communes by former district.

Like every download, the deck describes itself (ntm.reports.metadata): the title slide says the data's
source, version and its date and when the deck was made; every data slide names its source (the data,
and the official figures or targets it shows); while the data are the illustrative demo, every slide
says so; the PPTX core properties and the PDF's document properties carry the same record."""

from dataclasses import dataclass, field, replace
from datetime import datetime
from io import BytesIO
from pathlib import Path

import pandas as pd

from ntm.formatting import fmt_number, fmt_percent, scope_text
from ntm.i18n import t
from ntm.metrics import format_metric, keys
from ntm.reports.metadata import DataVersion, Metadata, describe, document_properties, format_time
from ntm.targets import Progress

INCH, PT = 914400, 12700  # EMU; python-pptx, fpdf2 and matplotlib are imported when a deck is built
WEAKEST = 5
RANKING_ROWS = 12
NBSP = "\u00a0"


@dataclass(frozen=True)
class Slide:
    title: str
    lines: tuple[str, ...] = ()
    table: tuple[tuple[str, ...], ...] = ()  # first row is the header
    image: bytes | None = None
    notice: str = ""
    source: str = ""  # the slide's source line: the data, and the official figures or targets it shows


@dataclass(frozen=True)
class Deck:
    title: str
    subtitle: str
    slides: tuple[Slide, ...] = field(default_factory=tuple)
    about: tuple[str, ...] = ()  # the title slide's lines: source, data version and its date, when made
    notice: str = ""  # the illustrative notice ('' for a stored version)
    meta: Metadata | None = field(default=None, repr=False)  # the record behind the document properties


def keep_together(text: str) -> str:
    """A table cell whose '%' never wraps away from its number ('63,5 %' with a no-break space)."""
    return text.replace(" %", f"{NBSP}%")


def column_weights(rows) -> list[int]:
    """Relative column widths of a table: each column's longest cell, within 12-40 characters."""
    return [min(40, max(12, *(len(row[c]) for row in rows))) for c in range(len(rows[0]))]


def source_line(meta: Metadata, official=(), targets=()) -> str:
    """A data slide's source: 'Nguồn: Dữ liệu minh họa (phiên bản demo)' or 'Nguồn: Dữ liệu đã nhập,
    phiên bản v3 ngày 12/03/2026', then the official figures and the targets' sources it shows."""
    lang = meta.lang
    data = f"{t('meta.source', lang)}: {meta.source}"
    if meta.illustrative:
        data = t("deck.source.data", lang, source=meta.source, version=meta.version_text())
    parts = [data]
    if official:
        parts.append(f"{t('meta.official', lang)}: {'; '.join(dict.fromkeys(official))}")
    if targets:
        parts.append(f"{t('deck.source.targets', lang)}: {'; '.join(dict.fromkeys(targets))}")
    return " · ".join(parts)


def about_lines(meta: Metadata) -> tuple[str, ...]:
    """The title slide's lines: source, data version (and its import date), when the deck was made."""
    lang = meta.lang
    lines = [f"{t('meta.source', lang)}: {meta.source}", f"{t('meta.version', lang)}: {meta.version_text()}"]
    if meta.made_at is not None:
        lines.append(f"{t('meta.made', lang)}: {format_time(meta.made_at, lang)}")
    return (" · ".join(lines),)


def headline_rows(progress: list[Progress], lang: str) -> tuple[tuple[str, ...], ...]:
    """One row per target: metric, value now, target, verdict (plain text)."""
    from ntm.views.overview import progress_card

    header = (
        t("deck.col.metric", lang),
        t("deck.col.value", lang),
        t("deck.col.target", lang),
        t("deck.col.status", lang),
    )
    rows = [header]
    for p in progress:
        card = progress_card(p, lang)
        rows.append(
            (card["label"], card["detail"] or card["value"], card["target"], t(f"deck.status.{p.status}", lang))
        )
    return tuple(rows)


def ranking_rows(ranking: pd.DataFrame, lang: str) -> tuple[tuple[str, ...], ...]:
    """The district ranking (ntm.reports.tables.district_ranking) as display text, best first: the
    registry's deck columns."""
    columns = [key for key in keys("deck") if key in ranking.columns]
    header = (t("col.district", lang), *(t(f"col.{key}", lang) for key in columns))
    rows = [header]
    for rank, row in enumerate(ranking.head(RANKING_ROWS).to_dict("records"), start=1):
        label = f"{rank}. {row['district']}"
        if "rank" in row and pd.isna(row["rank"]):  # the province, to compare a selection with
            label = str(row["district"])
        elif "rank" in row and int(row["total"]) < 2:  # the only district with data: no rank to give
            label = str(row["district"])
        elif "rank" in row and int(row["total"]) != len(ranking):  # a selection: its rank among every district
            of = t("districts.col.rank.of", lang, rank=int(row["rank"]), total=int(row["total"]))
            label = f"{row['district']} ({t('districts.col.rank', lang).lower()} {of})"
        rows.append((label, *(format_metric(key, row[key], lang) for key in columns)))
    return tuple(rows)


def weakest_rows(criteria_table: pd.DataFrame, lang: str, count: int = WEAKEST) -> tuple[tuple[str, ...], ...]:
    """The criteria met by the smallest share of communes (ntm.reports.tables.criteria_table)."""
    header = (t("col.criterion", lang), t("col.met", lang), t("col.share", lang))
    rows = [header]
    for row in criteria_table.head(count).itertuples():
        rows.append(
            (
                f"{row.criterion_id}. {row.criterion}",
                t(
                    "target.of",
                    lang,
                    value=fmt_number(row.met, lang=lang),
                    denominator=fmt_number(row.communes, lang=lang),
                ),
                fmt_percent(row.share, 1, lang),
            )
        )
    return tuple(rows)


def close_out_slide(close_out: pd.DataFrame, lines: tuple[str, ...], lang: str, notice: str = "") -> Slide:
    """The close-out of 2021-2025: each 2025 target against the last data and the official figure."""
    from ntm.views.progress import CLOSED_PHASE

    rows = (
        tuple(str(c) for c in close_out.columns),
        *(tuple(str(v) for v in row) for row in close_out.itertuples(index=False)),
    )
    return Slide(t("deck.closeout", lang, phase=CLOSED_PHASE), lines=lines, table=rows, notice=notice)


def new_phase_slide(lines: tuple[str, ...], progress: list[Progress], lang: str, notice: str = "") -> Slide:
    """The first slide of the new phase: its criteria and communes, and the year against its targets."""
    from ntm.criteria import set_for_year

    phase = set_for_year(progress[0].as_of) if progress else None
    title = t("deck.new_phase", lang, phase=phase.id if phase else "")
    return Slide(title, lines=lines, table=headline_rows(progress, lang) if progress else (), notice=notice)


def target_sources(progress: list[Progress], lang: str) -> tuple[str, ...]:
    """Titles of the sources of the targets shown (their `source`), in order."""
    from ntm.views.progress import source_titles

    titles = source_titles(lang)
    return tuple(dict.fromkeys(titles.get(p.source, p.source) for p in progress if p.source))


def briefing(
    *,
    year: int,
    scope: str,
    progress: list[Progress],
    ranking: pd.DataFrame,
    criteria_table: pd.DataFrame,
    lang: str,
    illustrative: bool,
    progress_png: bytes | None = None,
    map_png: bytes | None = None,
    close_out: pd.DataFrame | None = None,
    close_out_lines: tuple[str, ...] = (),
    new_phase_lines: tuple[str, ...] | None = None,
    version: DataVersion | None = None,
    progress_sources: tuple[tuple[str, ...], tuple[str, ...]] = ((), ()),
    close_out_official: tuple[str, ...] = (),
    made_at: datetime | None = None,
) -> Deck:
    """The deck's content for a selection: every text already in `lang`. With `close_out` (a
    close-out table, ntm.views.progress.close_out_table) the deck has the close-out slide; with
    `new_phase_lines` it opens on the new phase instead of the headline slide. `version` is the data's
    (ntm.reports.metadata.data_version; the demo when None); `progress_sources` the titles of the
    official figures' and the targets' sources the progress chart shows, `close_out_official` the
    official sources of the close-out."""
    target_year = progress[0].target_year if progress else 2025
    version = version or DataVersion("demo", illustrative)  # the version's say wins: a stored one is not demo
    goals = target_sources(progress, lang)
    meta = describe(
        t("deck.title", lang),
        lang,
        version,
        year=year,
        scope=scope,
        official=(*progress_sources[0], *close_out_official),
    ).stamped(made_at)
    notice = t("deck.notice", lang) if version.illustrative else ""
    data = source_line(meta)
    if new_phase_lines is not None:
        opening = [new_phase_slide(new_phase_lines, progress, lang, notice)]
    else:
        opening = [
            Slide(t("deck.headline", lang, year=target_year), table=headline_rows(progress, lang), notice=notice)
        ]
    opening[0] = replace(opening[0], source=source_line(meta, targets=goals))
    if close_out is not None:
        closing = close_out_slide(close_out, close_out_lines, lang, notice)
        opening.append(replace(closing, source=source_line(meta, official=close_out_official)))
    former = new_phase_lines is not None
    every_goal = tuple(dict.fromkeys((*progress_sources[1], *goals)))
    sources = (
        t("deck.sources.text", lang),
        *(f"{label}: {value}" for label, value in meta.fields() if label != t("meta.notice.label", lang)),
        *([f"{t('deck.source.targets', lang)}: {'; '.join(every_goal)}"] if every_goal else []),
    )
    slides = (
        *opening,
        Slide(
            t("deck.progress.share" if former else "deck.progress", lang),
            image=progress_png,
            notice=notice,
            source=source_line(meta, official=progress_sources[0], targets=progress_sources[1]),
        ),
        Slide(t("deck.map.former" if former else "deck.map", lang), image=map_png, notice=notice, source=data),
        Slide(
            t("deck.ranking.former" if former else "deck.ranking", lang),
            table=ranking_rows(ranking, lang),
            notice=notice,
            source=data,
        ),
        Slide(t("deck.weakest", lang), table=weakest_rows(criteria_table, lang), notice=notice, source=data),
        Slide(t("deck.sources", lang), lines=sources, notice=notice),
    )
    return Deck(
        t("deck.title", lang),
        t("deck.subtitle", lang, year=year, scope=scope),
        slides,
        about=about_lines(meta),
        notice=notice,
        meta=meta,
    )


# --- PowerPoint -------------------------------------------------------------------------------

SLIDE_W, SLIDE_H = int(13.333 * INCH), int(7.5 * INCH)
MARGIN = int(0.6 * INCH)
FOOT_LINE = int(0.2 * INCH)  # a line of 11 pt in a slide's foot (its source and the illustrative notice)
FOOT_CHARACTERS = 165  # of 11 pt text on a line of the slide's width
LINE_CHARACTERS = 105  # of 14 pt text (the lines above a table), Vietnamese wraps sooner
TITLE_ONLY = 5
GREY = (0x4A, 0x4A, 0x4A)
PPTX_PROPERTY = 255  # python-pptx's limit on a core property (the comments: source, version, date, notice; the
# whole record is on the last slide)


def foot_height(content: Slide) -> int:
    """The height of a slide's foot: its source and notice lines, as wrapped at the slide's width."""
    lines = sum(-(-len(line) // FOOT_CHARACTERS) for line in (content.source, content.notice) if line)
    return int(0.25 * INCH) + lines * FOOT_LINE


def _pptx_table(slide, rows, top, bottom, dense: bool = False) -> None:
    """A table filling the width, its columns by their longest text, its rows as low as their text
    allows so that it ends above the slide's foot."""
    from pptx.util import Emu

    room = bottom - top
    row_height = min(int(0.45 * INCH), room // len(rows))
    size = 12 if dense else 16 if len(rows) <= 8 else 13
    width = SLIDE_W - 2 * MARGIN
    shape = slide.shapes.add_table(len(rows), len(rows[0]), MARGIN, top, width, row_height * len(rows))
    weights = column_weights(rows)
    for c, weight in enumerate(weights):
        shape.table.columns[c].width = Emu(int(width * weight / sum(weights)))
    for r, row in enumerate(rows):
        shape.table.rows[r].height = Emu(row_height)
        for c, text in enumerate(row):
            cell = shape.table.cell(r, c)
            cell.text = keep_together(text)
            cell.margin_top = cell.margin_bottom = int(0.03 * INCH)
            for paragraph in cell.text_frame.paragraphs:
                paragraph.font.size = size * PT
                paragraph.font.bold = r == 0


def _pptx_image(slide, image: bytes, top, bottom) -> None:
    picture = slide.shapes.add_picture(BytesIO(image), MARGIN, top, height=bottom - top)
    if picture.width > SLIDE_W - 2 * MARGIN:
        ratio = (SLIDE_W - 2 * MARGIN) / picture.width
        picture.width, picture.height = int(picture.width * ratio), int(picture.height * ratio)
    picture.left = int((SLIDE_W - picture.width) / 2)


def _pptx_text(slide, lines, top, size: int = 20, bottom=None, grey: bool = False, centred: bool = False) -> None:
    from pptx.dml.color import RGBColor
    from pptx.enum.text import PP_ALIGN

    bottom = SLIDE_H - int(0.4 * INCH) if bottom is None else bottom
    box = slide.shapes.add_textbox(MARGIN, top, SLIDE_W - 2 * MARGIN, bottom - top)
    frame = box.text_frame
    frame.word_wrap = True
    for index, line in enumerate(lines):
        paragraph = frame.paragraphs[0] if index == 0 else frame.add_paragraph()
        paragraph.text = line
        paragraph.font.size = size * PT
        paragraph.space_after = (12 if size >= 16 else 4) * PT
        if grey:
            paragraph.font.color.rgb = RGBColor(*GREY)
        if centred:
            paragraph.alignment = PP_ALIGN.CENTER


def _pptx_foot(slide, content: Slide) -> None:
    """The slide's source and, for the demo, the illustrative notice, under its content."""
    lines = [line for line in (content.source, content.notice) if line]
    if lines:
        top = SLIDE_H - foot_height(content) + int(0.1 * INCH)
        _pptx_text(slide, lines, top, size=11, bottom=SLIDE_H - int(0.05 * INCH), grey=True)


def _short(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _pptx_properties(prs, meta: Metadata) -> None:
    """The PPTX core properties: the deck's record (title, subject, author, keywords, comments, created)."""
    props = document_properties(meta)
    core = prs.core_properties
    core.title, core.subject, core.keywords = props["title"], props["subject"], props["keywords"]
    core.author = core.last_modified_by = props["creator"]
    comments = "\n".join([*about_lines(meta), meta.notice] if meta.notice else about_lines(meta))
    core.comments, core.language = _short(comments, PPTX_PROPERTY), props["language"]
    core.created = core.modified = props["created"]
    core.category = meta.source


def to_pptx(deck: Deck, lang: str) -> bytes:
    """The deck as a 16:9 PowerPoint file."""
    from pptx import Presentation

    prs = Presentation()
    prs.slide_width, prs.slide_height = SLIDE_W, SLIDE_H
    if deck.meta is not None:
        _pptx_properties(prs, deck.meta)
    first = prs.slides.add_slide(prs.slide_layouts[0])
    first.shapes.title.text = deck.title
    first.placeholders[1].text = deck.subtitle
    for shape, top, height in (
        (first.shapes.title, int(1.6 * INCH), int(1.8 * INCH)),
        (first.placeholders[1], int(3.5 * INCH), int(1.0 * INCH)),
    ):
        shape.left, shape.top, shape.width, shape.height = MARGIN, top, SLIDE_W - 2 * MARGIN, height
    about = [*deck.about, deck.notice] if deck.notice else list(deck.about)
    if about:
        _pptx_text(first, about, int(4.8 * INCH), size=14, bottom=SLIDE_H - int(0.3 * INCH), grey=True, centred=True)
    top = int(1.5 * INCH)
    for content in deck.slides:
        slide = prs.slides.add_slide(prs.slide_layouts[TITLE_ONLY])
        slide.shapes.title.text = content.title
        slide.shapes.title.left, slide.shapes.title.top = MARGIN, int(0.3 * INCH)
        slide.shapes.title.width, slide.shapes.title.height = SLIDE_W - 2 * MARGIN, int(1.0 * INCH)
        slide.shapes.title.text_frame.paragraphs[0].font.size = 32 * PT
        table_top, bottom = top, SLIDE_H - foot_height(content)
        if content.lines and content.table:  # a few lines above the table
            _pptx_text(slide, content.lines, top, size=14, bottom=bottom)
            wrapped = sum(-(-len(line) // LINE_CHARACTERS) for line in content.lines)
            table_top = top + int((0.29 * wrapped + 0.15) * INCH)
        if content.table:
            _pptx_table(slide, content.table, table_top, bottom, dense=bool(content.lines))
        if content.image:
            _pptx_image(slide, content.image, top, bottom)
        elif not content.table and not content.lines:
            _pptx_text(slide, [t("deck.missing", lang)], top, bottom=bottom)
        if content.lines and not content.table:
            _pptx_text(slide, content.lines, top, size=16 if len(content.lines) > 5 else 20, bottom=bottom)
        _pptx_foot(slide, content)
    buffer = BytesIO()
    prs.save(buffer)
    return buffer.getvalue()


# --- PDF --------------------------------------------------------------------------------------

PAGE = (338.7, 190.5)  # mm, 16:9 like the slides
PDF_FOOT = 24  # mm at the foot of a page: its source and the illustrative notice


def _pdf():
    import matplotlib
    from fpdf import FPDF

    font_dir = Path(matplotlib.get_data_path()) / "fonts" / "ttf"
    pdf = FPDF(unit="mm", format=PAGE)
    pdf.set_auto_page_break(False)
    pdf.add_font("DejaVu", "", str(font_dir / "DejaVuSans.ttf"))
    pdf.add_font("DejaVu", "B", str(font_dir / "DejaVuSans-Bold.ttf"))
    pdf.set_margins(15, 15, 15)
    return pdf


def _pdf_title(pdf, title: str) -> None:
    pdf.add_page()
    pdf.set_font("DejaVu", "B", 26)
    pdf.set_xy(15, 12)
    pdf.multi_cell(0, 12, title, new_x="LMARGIN", new_y="NEXT")
    pdf.set_y(36)


def _pdf_table(pdf, rows, dense: bool = False) -> None:
    """A table over the width, columns by their longest text, left-aligned (not justified), '%' kept
    with its number."""
    small = dense or len(rows) > 8
    pdf.set_font("DejaVu", "", 11 if small else 13)
    with pdf.table(
        first_row_as_headings=True,
        line_height=5.5 if dense else 6.5 if small else 8,
        col_widths=tuple(column_weights(rows)),
        text_align="LEFT",
        padding=(1, 1.5),
    ) as table:
        for row in rows:
            table.row([keep_together(cell) for cell in row])


def _pdf_foot(pdf, content: Slide) -> None:
    lines = [line for line in (content.source, content.notice) if line]
    if not lines:
        return
    pdf.set_font("DejaVu", "", 9)
    pdf.set_text_color(*GREY)
    pdf.set_xy(15, PAGE[1] - PDF_FOOT + 4)
    for line in lines:
        pdf.multi_cell(0, 4.5, line, new_x="LMARGIN", new_y="NEXT")
    pdf.set_text_color(0, 0, 0)


def _pdf_properties(pdf, meta: Metadata) -> None:
    from datetime import UTC

    props = document_properties(meta)
    pdf.set_title(props["title"])
    pdf.set_subject(props["subject"])
    pdf.set_author(props["creator"])
    pdf.set_creator(props["creator"])
    pdf.set_keywords(props["keywords"])
    pdf.set_lang(props["language"])
    pdf.set_creation_date(props["created"].replace(tzinfo=UTC))


def to_pdf(deck: Deck, lang: str) -> bytes:
    """The same deck as a PDF, one page per slide."""
    pdf = _pdf()
    if deck.meta is not None:
        _pdf_properties(pdf, deck.meta)
    pdf.add_page()
    pdf.set_font("DejaVu", "B", 34)
    pdf.set_xy(15, 50)
    pdf.multi_cell(0, 16, deck.title, align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("DejaVu", "", 20)
    pdf.multi_cell(0, 11, deck.subtitle, align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(10)
    pdf.set_font("DejaVu", "", 12)
    pdf.set_text_color(*GREY)
    for line in [*deck.about, deck.notice] if deck.notice else deck.about:
        pdf.multi_cell(0, 6, line, align="C", new_x="LMARGIN", new_y="NEXT")
        pdf.ln(1)
    pdf.set_text_color(0, 0, 0)
    for content in deck.slides:
        _pdf_title(pdf, content.title)
        if content.lines and content.table:
            pdf.set_font("DejaVu", "", 12)
            for line in content.lines:
                pdf.multi_cell(0, 6, line, new_x="LMARGIN", new_y="NEXT")
            pdf.ln(2)
        if content.table:
            _pdf_table(pdf, content.table, dense=bool(content.lines))
        if content.image:
            room = PAGE[1] - 36 - PDF_FOOT
            pdf.image(BytesIO(content.image), x=15, y=36, h=room, keep_aspect_ratio=True, w=PAGE[0] - 30)
        elif not content.table and not content.lines:
            pdf.set_font("DejaVu", "", 16)
            pdf.multi_cell(0, 9, t("deck.missing", lang), new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("DejaVu", "", 16 if len(content.lines) <= 5 else 13)
        for line in () if content.table else content.lines:
            pdf.multi_cell(0, 9 if len(content.lines) <= 5 else 6.5, line, new_x="LMARGIN", new_y="NEXT")
            pdf.ln(4 if len(content.lines) <= 5 else 1.5)
        _pdf_foot(pdf, content)
    return bytes(pdf.output())


# A projector's map: drawn at 100 dpi, 9 inches wide, shown at its own size; texts of 8 pt x 2.4 are
# 27 px high on a 1920x1080 screen (the legend as well), and the map fits under the title.
PROJECTOR = {"width_in": 9.0, "dpi": 100, "font_scale": 2.4}


def district_map(dataset, year: int, lang: str, projector: bool = False) -> bytes:
    """The district map of the share of communes meeting the standard in `year` (from 2026 by former
    district; large texts for a projector when asked)."""
    from ntm.geo.image import district_map_png
    from ntm.views.overview import former_district_values

    table = former_district_values(dataset, year, "share_ntm")
    values = dict(zip(table["district_code"], table["value"]))
    return district_map_png(values, t("metric.share_ntm", lang), lang, **(PROJECTOR if projector else {}))


def progress_image(
    dataset,
    targets: pd.DataFrame,
    published: pd.DataFrame,
    names: dict[str, str],
    year: int,
    districts: tuple[str, ...],
    lang: str,
) -> bytes:
    """The progress chart of communes meeting the standard for the selection, as a PNG: their number
    against the 2025 targets, from 2026 their share against the 2030 targets."""
    metric, frame, result = deck_progress(dataset, targets, published, year, districts, lang)
    return progress_chart_png(metric, frame, result, names, districts, lang)


def deck_progress(dataset, targets: pd.DataFrame, published: pd.DataFrame, year: int, districts, lang: str):
    """(metric, frame, result) of the deck's progress chart (ntm.views.progress.progress_frame): worked
    out once for both its image and its sources."""
    from ntm.views.progress import progress_frame

    metric = progress_image_metric(targets, year)
    frame, result = progress_frame(dataset.commune_year, targets, published, metric, list(districts), year, lang)
    return metric, frame, result


def progress_chart_png(metric: str, frame: pd.DataFrame, result, names: dict[str, str], districts, lang: str) -> bytes:
    """The progress chart of a frame (progress_chart_spec) as a PNG."""
    from ntm.charts.export import spec_png

    return spec_png(progress_chart_spec(metric, frame, result, names, districts, lang))


def progress_chart_spec(metric: str, frame: pd.DataFrame, result, names: dict[str, str], districts, lang: str) -> dict:
    """The Vega-Lite spec of ntm.charts.progress.progress_chart for a frame (the scope and verdict under
    its title), from the chart's template cached per metric, language and layers
    (ntm.views.progress.chart_template) with the frame's rows put in, not built by Altair again."""
    from ntm.charts.progress import SUBTITLE_CHARS, frame_kinds, progress_spec
    from ntm.charts.style import wrapped
    from ntm.views.progress import chart_template, verdict

    spec = progress_spec(chart_template(metric, lang, frame_kinds(frame)), frame, lang)
    subtitle = wrapped([scope_text(list(districts), names, lang), verdict(result, lang)], SUBTITLE_CHARS)
    return {**spec, "title": {**spec["title"], "subtitle": subtitle}}


def progress_image_metric(targets: pd.DataFrame, year: int) -> str:
    """The metric of the deck's progress chart: communes meeting the standard (from 2026 their share)."""
    from ntm.views.progress import progress_metrics

    shown = progress_metrics(targets, year)
    return "communes_ntm" if "communes_ntm" in shown or not shown else shown[0]


def progress_sources(frame: pd.DataFrame):
    """Titles of the sources the deck's progress chart (its `frame`) shows (its data's `source`): (the
    official figures', the targets')."""

    def titles(kinds) -> tuple[str, ...]:
        shown = frame[frame["kind"].isin(kinds)]["source"].dropna().astype(str).str.strip()
        return tuple(dict.fromkeys(v for v in shown if v))

    return titles(["published"]), titles(["target", "national"])


def selection_briefing(
    dataset,
    targets: pd.DataFrame,
    catalogue: pd.DataFrame,
    names: dict[str, str],
    year: int,
    districts: tuple[str, ...],
    lang: str,
    progress_png: bytes | None = None,
    map_png: bytes | None = None,
    version: DataVersion | None = None,
) -> Deck:
    """The deck for a year and districts (all when empty) of `dataset` (ntm.dataset.Dataset); `version`
    is its data version with the store's import date (ntm.reports.metadata.data_version)."""
    from ntm.criteria import set_by_id
    from ntm.dataset import new_geography
    from ntm.metrics import select
    from ntm.reports.metadata import data_version
    from ntm.reports.tables import criteria_table, district_ranking
    from ntm.targets import headline_progress, load_published
    from ntm.views import progress as views

    published = load_published()
    metric, frame, result = deck_progress(dataset, targets, published, year, districts, lang)
    selection = select(dataset.commune_year, year, districts)
    scope = scope_text(districts, names, lang, len(selection))
    progress = headline_progress(dataset.commune_year, targets, year, list(districts))
    close_out, close_lines, close_official = None, (), ()
    if year >= set_by_id(views.CLOSED_PHASE).last_year:
        rows = views.close_out(dataset.commune_year, targets, published)
        close_out = views.close_out_table(rows, lang, with_source=False)
        close_official = tuple(views.close_out_sources(rows, lang))
        close_lines = (
            views.denominators_sentence(targets, dataset.registry, dataset.new_units, lang),
            t("deck.closeout.sources", lang, sources="; ".join(close_official)),
        )
    return briefing(
        year=year,
        scope=scope,
        lang=lang,
        illustrative=dataset.illustrative,
        progress=progress,
        ranking=district_ranking(
            selection,
            names,
            every=select(dataset.commune_year, year),
            province=t("scope.province", lang) if districts else None,
        )
        if len(selection)
        else pd.DataFrame(columns=["district"]),
        criteria_table=criteria_table(dataset.criteria, selection, catalogue, lang, year),
        progress_png=progress_png
        if progress_png is not None
        else progress_chart_png(metric, frame, result, names, districts, lang),
        map_png=map_png if map_png is not None else district_map(dataset, year, lang),
        close_out=close_out,
        close_out_lines=close_lines,
        new_phase_lines=new_phase_lines(dataset, targets, year, selection, progress, lang)
        if new_geography(year)
        else None,
        version=version or data_version(dataset),
        progress_sources=progress_sources(frame),
        close_out_official=close_official,
    )


def new_phase_lines(dataset, targets: pd.DataFrame, year: int, selection, progress: list[Progress], lang: str):
    """The new phase's slide text: its criteria and units, the year's numbers with their
    denominators, and the notes on its targets."""
    from ntm import metrics
    from ntm.views.overview import phase_notice, target_notes

    summary = metrics.summary(selection, year)
    lines = [
        phase_notice(year, summary["communes"], lang),
        t(
            "deck.new_phase.numbers",
            lang,
            year=year,
            ntm=fmt_number(summary["communes_ntm"], lang=lang),
            communes=fmt_number(summary["communes"], lang=lang),
            share=fmt_percent(summary["share_ntm"], 1, lang),
            average=fmt_number(summary["avg_criteria"], 1, lang),
            n=summary["n_criteria"],
        ),
    ]
    return tuple(lines + target_notes(progress, targets, year, summary["communes"], lang))
