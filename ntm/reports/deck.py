"""The briefing deck for a selection: its content, as PowerPoint (python-pptx) and as PDF (fpdf2).

Across the 2025 reform: a deck of 2025 or later has a close-out slide for 2021-2025 (each 2025 target
against the last data on the old communes and the official June 2025 figure, with the denominators
explained); a deck of a year of the new phase opens with a slide on it (its criteria, its communes,
its 2030 targets) and reads its other slides on the new communes by former district."""

from dataclasses import dataclass, field
from io import BytesIO
from pathlib import Path

import pandas as pd

from ntm.formatting import fmt_number, fmt_percent, scope_text
from ntm.i18n import t
from ntm.metrics import format_metric, keys
from ntm.targets import Progress

INCH, PT = 914400, 12700  # EMU; python-pptx, fpdf2 and matplotlib are imported when a deck is built
WEAKEST = 5
RANKING_ROWS = 12


@dataclass(frozen=True)
class Slide:
    title: str
    lines: tuple[str, ...] = ()
    table: tuple[tuple[str, ...], ...] = ()  # first row is the header
    image: bytes | None = None
    notice: str = ""


@dataclass(frozen=True)
class Deck:
    title: str
    subtitle: str
    slides: tuple[Slide, ...] = field(default_factory=tuple)


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
        rows.append((f"{rank}. {row['district']}", *(format_metric(key, row[key], lang) for key in columns)))
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
) -> Deck:
    """The deck's content for a selection: every text already in `lang`. With `close_out` (a
    close-out table, ntm.views.progress.close_out_table) the deck has the close-out slide; with
    `new_phase_lines` it opens on the new phase instead of the headline slide."""
    target_year = progress[0].target_year if progress else 2025
    notice = t("deck.notice", lang) if illustrative else ""
    sources = [t("deck.sources.text", lang), t("deck.sources.generated", lang, year=year, scope=scope)]
    if illustrative:
        sources.append(notice)
    if new_phase_lines is not None:
        opening = [new_phase_slide(new_phase_lines, progress, lang, notice)]
    else:
        opening = [
            Slide(t("deck.headline", lang, year=target_year), table=headline_rows(progress, lang), notice=notice)
        ]
    if close_out is not None:
        opening.append(close_out_slide(close_out, close_out_lines, lang, notice))
    former = new_phase_lines is not None
    slides = (
        *opening,
        Slide(t("deck.progress.share" if former else "deck.progress", lang), image=progress_png),
        Slide(t("deck.map.former" if former else "deck.map", lang), image=map_png),
        Slide(t("deck.ranking.former" if former else "deck.ranking", lang), table=ranking_rows(ranking, lang)),
        Slide(t("deck.weakest", lang), table=weakest_rows(criteria_table, lang)),
        Slide(t("deck.sources", lang), lines=tuple(sources)),
    )
    return Deck(t("deck.title", lang), t("deck.subtitle", lang, year=year, scope=scope), slides)


# --- PowerPoint -------------------------------------------------------------------------------

SLIDE_W, SLIDE_H = int(13.333 * INCH), int(7.5 * INCH)
MARGIN = int(0.6 * INCH)
TITLE_ONLY = 5


def _pptx_table(slide, rows, top) -> None:
    height = int(0.45 * INCH) * len(rows)
    shape = slide.shapes.add_table(len(rows), len(rows[0]), MARGIN, top, SLIDE_W - 2 * MARGIN, height)
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            cell = shape.table.cell(r, c)
            cell.text = text
            for paragraph in cell.text_frame.paragraphs:
                paragraph.font.size = (16 if len(rows) <= 8 else 13) * PT
                paragraph.font.bold = r == 0


def _pptx_image(slide, image: bytes, top) -> None:
    picture = slide.shapes.add_picture(BytesIO(image), MARGIN, top, height=SLIDE_H - top - int(0.4 * INCH))
    if picture.width > SLIDE_W - 2 * MARGIN:
        ratio = (SLIDE_W - 2 * MARGIN) / picture.width
        picture.width, picture.height = int(picture.width * ratio), int(picture.height * ratio)
    picture.left = int((SLIDE_W - picture.width) / 2)


def _pptx_text(slide, lines, top, size: int = 20) -> None:
    box = slide.shapes.add_textbox(MARGIN, top, SLIDE_W - 2 * MARGIN, SLIDE_H - top - int(0.4 * INCH))
    frame = box.text_frame
    frame.word_wrap = True
    for index, line in enumerate(lines):
        paragraph = frame.paragraphs[0] if index == 0 else frame.add_paragraph()
        paragraph.text = line
        paragraph.font.size = size * PT
        paragraph.space_after = 12 * PT


def to_pptx(deck: Deck, lang: str) -> bytes:
    """The deck as a 16:9 PowerPoint file."""
    from pptx import Presentation

    prs = Presentation()
    prs.slide_width, prs.slide_height = SLIDE_W, SLIDE_H
    first = prs.slides.add_slide(prs.slide_layouts[0])
    first.shapes.title.text = deck.title
    first.placeholders[1].text = deck.subtitle
    for shape, top, height in (
        (first.shapes.title, int(2.0 * INCH), int(1.8 * INCH)),
        (first.placeholders[1], int(4.0 * INCH), int(1.2 * INCH)),
    ):
        shape.left, shape.top, shape.width, shape.height = MARGIN, top, SLIDE_W - 2 * MARGIN, height
    top = int(1.5 * INCH)
    for content in deck.slides:
        slide = prs.slides.add_slide(prs.slide_layouts[TITLE_ONLY])
        slide.shapes.title.text = content.title
        slide.shapes.title.left, slide.shapes.title.top = MARGIN, int(0.3 * INCH)
        slide.shapes.title.width, slide.shapes.title.height = SLIDE_W - 2 * MARGIN, int(1.0 * INCH)
        slide.shapes.title.text_frame.paragraphs[0].font.size = 32 * PT
        table_top = top
        if content.lines and content.table:  # a few lines above the table
            _pptx_text(slide, content.lines, top, size=16)
            table_top = top + int((0.45 * len(content.lines) + 0.2) * INCH)
        if content.table:
            _pptx_table(slide, content.table, table_top)
        if content.image:
            _pptx_image(slide, content.image, top)
        elif not content.table and not content.lines:
            _pptx_text(slide, [t("deck.missing", lang)], top)
        if content.lines and not content.table:
            _pptx_text(slide, content.lines, top)
        if content.notice:
            _pptx_text(slide, [content.notice], SLIDE_H - int(1.2 * INCH), size=12)
    buffer = BytesIO()
    prs.save(buffer)
    return buffer.getvalue()


# --- PDF --------------------------------------------------------------------------------------

PAGE = (338.7, 190.5)  # mm, 16:9 like the slides


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


def _pdf_table(pdf, rows) -> None:
    pdf.set_font("DejaVu", "", 13 if len(rows) <= 8 else 11)
    with pdf.table(first_row_as_headings=True, line_height=8 if len(rows) <= 8 else 6.5) as table:
        for row in rows:
            table.row(row)


def to_pdf(deck: Deck, lang: str) -> bytes:
    """The same deck as a PDF, one page per slide."""
    pdf = _pdf()
    pdf.add_page()
    pdf.set_font("DejaVu", "B", 34)
    pdf.set_xy(15, 60)
    pdf.multi_cell(0, 16, deck.title, align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("DejaVu", "", 20)
    pdf.multi_cell(0, 11, deck.subtitle, align="C", new_x="LMARGIN", new_y="NEXT")
    for content in deck.slides:
        _pdf_title(pdf, content.title)
        if content.lines and content.table:
            pdf.set_font("DejaVu", "", 12)
            for line in content.lines:
                pdf.multi_cell(0, 6, line, new_x="LMARGIN", new_y="NEXT")
            pdf.ln(2)
        if content.table:
            _pdf_table(pdf, content.table)
        if content.image:
            pdf.image(BytesIO(content.image), x=15, y=36, h=PAGE[1] - 50, keep_aspect_ratio=True, w=PAGE[0] - 30)
        elif not content.table and not content.lines:
            pdf.set_font("DejaVu", "", 16)
            pdf.multi_cell(0, 9, t("deck.missing", lang), new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("DejaVu", "", 16)
        for line in () if content.table else content.lines:
            pdf.multi_cell(0, 9, line, new_x="LMARGIN", new_y="NEXT")
            pdf.ln(4)
        if content.notice:
            pdf.set_font("DejaVu", "", 10)
            pdf.set_xy(15, PAGE[1] - 18)
            pdf.multi_cell(0, 5, content.notice, new_x="LMARGIN", new_y="NEXT")
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
    from ntm.charts.export import chart_png
    from ntm.charts.progress import progress_chart
    from ntm.views.progress import progress_metrics

    shown = progress_metrics(targets, year)
    metric = "communes_ntm" if "communes_ntm" in shown or not shown else shown[0]
    return chart_png(
        progress_chart(dataset.commune_year, targets, published, metric, list(districts), lang, year, names)
    )


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
) -> Deck:
    """The deck for a year and districts (all when empty) of `dataset` (ntm.dataset.Dataset)."""
    from ntm.criteria import set_by_id
    from ntm.dataset import new_geography
    from ntm.metrics import select
    from ntm.reports.tables import criteria_table, district_ranking
    from ntm.targets import headline_progress, load_published
    from ntm.views import progress as views

    published = load_published()
    selection = select(dataset.commune_year, year, districts)
    scope = scope_text(districts, names, lang, len(selection))
    progress = headline_progress(dataset.commune_year, targets, year, list(districts))
    close_out, close_lines = None, ()
    if year >= set_by_id(views.CLOSED_PHASE).last_year:
        rows = views.close_out(dataset.commune_year, targets, published)
        close_out = views.close_out_table(rows, lang, with_source=False)
        close_lines = (
            views.denominators_sentence(targets, dataset.registry, dataset.new_units, lang),
            t("deck.closeout.sources", lang, sources="; ".join(views.close_out_sources(rows, lang))),
        )
    return briefing(
        year=year,
        scope=scope,
        lang=lang,
        illustrative=dataset.illustrative,
        progress=progress,
        ranking=district_ranking(selection, names) if len(selection) else pd.DataFrame(columns=["district"]),
        criteria_table=criteria_table(dataset.criteria, selection, catalogue, lang, year),
        progress_png=progress_png
        if progress_png is not None
        else progress_image(dataset, targets, published, names, year, districts, lang),
        map_png=map_png if map_png is not None else district_map(dataset, year, lang),
        close_out=close_out,
        close_out_lines=close_lines,
        new_phase_lines=new_phase_lines(dataset, targets, year, selection, progress, lang)
        if new_geography(year)
        else None,
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
