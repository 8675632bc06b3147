"""Maps as PNG, drawn without a browser (geopandas + matplotlib), for slides and reports: the district
map (`district_map_png`), a map of any units' classes (`units_map_png`) and one small map per year
(`small_multiples_png`), each with its title, legend and notes drawn in the image."""

import io
import math
import textwrap
from dataclasses import dataclass

import matplotlib
import numpy as np
import shapely

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
from matplotlib import patheffects  # noqa: E402
from matplotlib.collections import LineCollection, PathCollection  # noqa: E402
from matplotlib.patches import Patch  # noqa: E402
from matplotlib.path import Path  # noqa: E402

from ntm.geo.boundaries import Boundaries, load_boundaries  # noqa: E402
from ntm.i18n import t  # noqa: E402
from ntm.registry import district_names, districts, load_registry  # noqa: E402
from ntm.views.map import (  # noqa: E402
    NO_DATA,
    NOT_ASSESSED,
    SHARE_BREAKS,
    class_labels,
    colour_of,
    count_breaks,
    nice_breaks,
    palette_for,
)

WARD_FILL = "#f4f4f4"
WARD_HATCH = "////"
EDGE = "#555555"


@dataclass(frozen=True)
class UnitPaths:
    """Units' shapes as matplotlib paths, made once per figure and drawn in every panel: unit
    `codes[i]` is `paths[i]` (units without a shape are left out)."""

    codes: tuple[str, ...]
    paths: tuple[Path, ...]


def _rings(polygon) -> list[Path]:
    return [Path(np.asarray(ring.coords)[:, :2], closed=True) for ring in (polygon.exterior, *polygon.interiors)]


def unit_paths(frame, code_column: str) -> UnitPaths:
    """One compound path per unit of a projected frame: every part's outline and holes, the rings
    turned as shapely's `normalize` turns them (outlines clockwise, holes the other way) so that a
    hole stays unfilled; the same paths geopandas' `plot` draws, without converting them again for
    every panel."""
    codes, paths = [], []
    for code, geometry in zip(frame[code_column], shapely.normalize(np.asarray(frame.geometry.values))):
        parts = [part for part in shapely.get_parts(geometry) if part.geom_type == "Polygon" and not part.is_empty]
        if parts:
            codes.append(code)
            paths.append(Path.make_compound_path(*(ring for part in parts for ring in _rings(part))))
    return UnitPaths(tuple(codes), tuple(paths))


def _add_paths(axes, paths, **style) -> None:
    """The paths as one collection, the axes' limits around them at an equal aspect (as geopandas'
    `plot` leaves them)."""
    axes.set_aspect("equal")
    axes.add_collection(PathCollection(list(paths), **style), autolim=True)
    axes.autoscale_view()


def _add_lines(axes, shapes, **style) -> None:
    """Projected lines (e.g. polygons' boundaries, a GeoSeries) as one collection."""
    lines = shapely.get_parts(shapely.normalize(np.asarray(shapes.geometry.values)))
    axes.set_aspect("equal")
    axes.add_collection(LineCollection([np.asarray(line.coords)[:, :2] for line in lines], **style), autolim=True)
    axes.autoscale_view()


def default_breaks(values: dict[str, float]) -> tuple[float, ...]:
    """Share breaks when every value is a share, whole-number classes when every value is a whole
    number, else equal classes up to the maximum."""
    finite = [v for v in values.values() if v is not None and not math.isnan(v)]
    if finite and all(0 <= v <= 1 for v in finite) and any(0 < v < 1 for v in finite):
        return SHARE_BREAKS
    if all(float(v).is_integer() for v in finite):
        return count_breaks(max(finite, default=0))
    return nice_breaks(max(finite, default=0))


def _metric_kind(breaks: tuple[float, ...], values: dict[str, float]) -> str:
    if breaks == SHARE_BREAKS:
        return "share_ntm"
    finite = [v for v in values.values() if v is not None and not math.isnan(v)]
    return "count" if all(float(v).is_integer() for v in finite) else "value"


def district_map_png(
    values_by_district_code: dict[str, float],
    metric_label: str,
    lang: str = "vi",
    boundaries: Boundaries | None = None,
    breaks: tuple[float, ...] | None = None,
    title: str | None = None,
    width_in: float = 8.0,
    dpi: int = 150,
    font_scale: float = 1.0,
    metric: str | None = None,
) -> bytes:
    """A choropleth PNG of the districts: colour by class, district names, a legend with
    `metric_label` as its title, and a note when the boundaries are schematic. `font_scale` enlarges
    every text (labels and legend) for a projector; `metric` (a registry key) chooses the legend's
    number format, else it is guessed from the values."""
    registry = load_registry()
    boundaries = boundaries or load_boundaries(districts(registry))
    breaks = breaks or default_breaks(values_by_district_code)
    short = district_names(registry)
    frame = boundaries.frame.to_crs(3405)
    figure, axes = plt.subplots(figsize=(width_in, width_in * 0.85), dpi=dpi)
    units = unit_paths(frame, "district_code")
    fills = [colour_of(values_by_district_code.get(code, math.nan), breaks) for code in units.codes]
    _add_paths(axes, units.paths, facecolor=fills, edgecolor=EDGE, linewidth=0.8)
    for code, point in zip(frame["district_code"], frame.geometry.representative_point()):
        axes.annotate(
            short.get(code, code),
            (point.x, point.y),
            ha="center",
            va="center",
            fontsize=8 * font_scale,
            color="#111111",
            bbox={"boxstyle": "round,pad=0.15", "fc": "white", "ec": "none", "alpha": 0.7},
        )
    labels = class_labels(breaks, metric or _metric_kind(breaks, values_by_district_code), lang)
    handles = [Patch(facecolor=c, edgecolor=EDGE, label=label) for c, label in zip(palette_for(breaks), labels)]
    if any(code not in values_by_district_code for code in frame["district_code"]):
        handles.append(Patch(facecolor=NO_DATA, edgecolor=EDGE, label=t("map.no_data", lang)))
    axes.legend(
        handles=handles,
        title=metric_label,
        loc="upper left",
        bbox_to_anchor=(1.0, 1.0),
        fontsize=8 * font_scale,
        title_fontsize=8 * font_scale,
        frameon=True,
    )
    if title:
        axes.set_title(title, fontsize=11 * font_scale)
    if not boundaries.official:
        figure.text(0.01, 0.01, t("map.image.approximate", lang), fontsize=7 * font_scale, color="#555555")
    axes.set_axis_off()
    return _png(figure)


def _png(figure) -> bytes:
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", bbox_inches="tight")
    plt.close(figure)
    return buffer.getvalue()


def _fills(codes, classes: dict[str, int | None], colours: tuple[str, ...]) -> list[str]:
    fills = []
    for code in codes:
        cls = classes.get(code)
        fills.append(
            WARD_FILL if cls == NOT_ASSESSED else NO_DATA if cls is None else colours[min(cls, len(colours) - 1)]
        )
    return fills


def _draw(axes, units: UnitPaths, classes: dict[str, int | None], colours, linewidth: float) -> None:
    _add_paths(axes, units.paths, facecolor=_fills(units.codes, classes, colours), edgecolor=EDGE, linewidth=linewidth)
    wards = [path for code, path in zip(units.codes, units.paths) if classes.get(code) == NOT_ASSESSED]
    if wards:
        _add_paths(axes, wards, facecolor="none", edgecolor="#8a8a8a", hatch=WARD_HATCH, linewidth=0)
        _add_paths(axes, wards, facecolor="none", edgecolor=EDGE, linewidth=linewidth)
    axes.set_axis_off()


def _legend_handles(breaks, metric: str, lang: str, classes_seen: set) -> list[Patch]:
    colours = palette_for(breaks)
    handles = [
        Patch(facecolor=c, edgecolor=EDGE, label=label) for c, label in zip(colours, class_labels(breaks, metric, lang))
    ]
    if None in classes_seen:
        handles.append(Patch(facecolor=NO_DATA, edgecolor=EDGE, label=t("map.no_data", lang)))
    if NOT_ASSESSED in classes_seen:
        handles.append(
            Patch(facecolor=WARD_FILL, edgecolor="#8a8a8a", hatch=WARD_HATCH, label=t("map.legend.ward", lang))
        )
    return handles


def wrapped_notes(notes, width_in: float, fontsize: float = 8) -> list[str]:
    """The notes in lines that fit the figure's width (about 0.55 em a character), instead of one line
    running past the map and its legend."""
    chars = max(40, int(0.85 * width_in * 72 / (0.55 * fontsize)))
    return [line for note in notes if note for line in textwrap.wrap(note, chars) or [""]]


def _notes(figure, lines: list[str], fontsize: float = 8) -> None:
    if lines:
        figure.text(0.01, 0.005, "\n".join(lines), fontsize=fontsize, color="#333333", va="bottom", ha="left")


def _labels(axes, frame, code_column: str, labels: dict[str, str], fontsize: float = 9) -> None:
    """Each unit's name at a point inside it (representative_point), dark on a white halo so it reads
    on every class colour."""
    halo = [patheffects.withStroke(linewidth=2.5, foreground="white")]
    for code, point in zip(frame[code_column], frame.geometry.representative_point()):
        if code in labels:
            axes.annotate(
                labels[code],
                (point.x, point.y),
                ha="center",
                va="center",
                fontsize=fontsize,
                fontweight="bold",
                color="#111111",
                path_effects=halo,
            )


def units_map_png(*args, **kwargs) -> bytes:
    """`units_map_figure` as a PNG."""
    return _png(units_map_figure(*args, **kwargs))


def units_map_figure(
    frame,
    code_column: str,
    classes: dict[str, int | None],
    breaks: tuple[float, ...],
    metric: str,
    metric_label: str,
    lang: str,
    title: str,
    notes: list[str] = (),
    borders=None,
    width_in: float = 9.0,
    dpi: int = 130,
    subtitle: str = "",
    labels: dict[str, str] | None = None,
) -> bytes:
    """One map of units (`frame`: `code_column`, geometry) coloured by class (`classes`: code -> class
    index, None for no data, -1 for a ward), wards hatched, `borders` (e.g. former districts) drawn
    over them, `labels` (code -> name, e.g. the former districts') on the units, the title (and a
    `subtitle` line under it: scope, year, measure), legend and `notes` (source, version, date,
    illustrative data, approximate borders) wrapped to the image's width."""
    projected = frame.to_crs(3405)
    figure, axes = plt.subplots(figsize=(width_in, width_in * 0.95), dpi=dpi)
    _draw(axes, unit_paths(projected, code_column), classes, palette_for(breaks), 0.4)
    if borders is not None and len(borders):
        _add_lines(axes, borders.to_crs(3405).boundary, color="#222222", linewidth=1.0)
    if labels:
        _labels(axes, projected, code_column, labels)
    seen = {classes.get(code) for code in projected[code_column]}
    axes.legend(
        handles=_legend_handles(breaks, metric, lang, seen),
        title=metric_label,
        loc="upper left",
        bbox_to_anchor=(1.0, 1.0),
        fontsize=9,
        title_fontsize=9,
        frameon=True,
    )
    figure.suptitle(title, fontsize=13, fontweight="bold", y=0.99 if subtitle else 0.98)
    if subtitle:
        figure.text(0.5, 0.945, subtitle, fontsize=9.5, color="#333333", ha="center", va="top")
    lines = wrapped_notes(notes, width_in)
    _notes(figure, lines)
    figure.subplots_adjust(bottom=max(0.08, 0.022 * len(lines) + 0.02), top=0.91 if subtitle else 0.95)
    return figure


def small_multiples_png(*args, **kwargs) -> bytes:
    """`small_multiples_figure` as a PNG."""
    return _png(small_multiples_figure(*args, **kwargs))


def small_multiples_figure(
    frame,
    code_column: str,
    classes_by_year: dict[int, dict[str, int | None]],
    breaks: tuple[float, ...],
    metric: str,
    metric_label: str,
    lang: str,
    title: str,
    notes: list[str] = (),
    columns: int = 4,
    panel_in: float = 2.6,
    dpi: int = 110,
    subtitle: str = "",
) -> bytes:
    """One small map per year (`classes_by_year`: year -> code -> class), the same classes in every
    year, with the title (measure and year range), one legend and the `notes` drawn in the image."""
    projected = frame.to_crs(3405)
    years = sorted(classes_by_year)
    rows = max(1, math.ceil(len(years) / columns))
    lines = wrapped_notes(notes, columns * panel_in)
    notes_in = 0.15 * len(lines)
    top_in = 1.05 if subtitle else 0.8
    # the maps, the title (and subtitle) above, legend and notes below
    height = rows * panel_in * 1.05 + top_in + 0.75 + notes_in
    figure, grid = plt.subplots(rows, columns, figsize=(columns * panel_in, height), dpi=dpi)
    cells = list(grid.flat) if hasattr(grid, "flat") else [grid]
    colours = palette_for(breaks)
    units = unit_paths(projected, code_column)
    seen: set = set()
    for axes, year in zip(cells, years):
        classes = classes_by_year[year]
        seen |= {classes.get(code) for code in projected[code_column]}
        _draw(axes, units, classes, colours, 0.2)
        axes.set_title(str(year), fontsize=12, fontweight="bold")
    for axes in cells[len(years) :]:
        axes.set_axis_off()
    figure.suptitle(title, fontsize=14, fontweight="bold", y=1 - 0.15 / height)
    if subtitle:
        figure.text(0.5, 1 - 0.55 / height, subtitle, fontsize=10, color="#333333", ha="center", va="top")
    handles = _legend_handles(breaks, metric, lang, seen)
    figure.legend(
        handles=handles,
        title=metric_label,
        loc="lower center",
        bbox_to_anchor=(0.5, (0.1 + notes_in) / height),
        ncol=min(len(handles), 4),
        fontsize=9,
        title_fontsize=9,
        frameon=False,
    )
    _notes(figure, lines, 8)
    figure.subplots_adjust(
        left=0.01, right=0.99, top=1 - top_in / height, bottom=(0.75 + notes_in) / height, wspace=0.02, hspace=0.18
    )
    return figure


def classes_by_year(layer: dict) -> dict[int, dict[str, int | None]]:
    """year -> code -> class of a map layer (views.map.layer_data)."""
    return {int(year): {code: entry[0] for code, entry in entries.items()} for year, entries in layer["data"].items()}
