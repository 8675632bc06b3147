"""The district map as a PNG, drawn without a browser (geopandas + matplotlib), for slides and reports."""

import io
import math

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
from matplotlib.patches import Patch  # noqa: E402

from ntm.geo.boundaries import Boundaries, load_boundaries  # noqa: E402
from ntm.i18n import t  # noqa: E402
from ntm.registry import district_names, districts, load_registry  # noqa: E402
from ntm.views.map import NO_DATA, PALETTE, SHARE_BREAKS, class_labels, colour_of, nice_breaks  # noqa: E402


def default_breaks(values: dict[str, float]) -> tuple[float, ...]:
    """Share breaks when every value is a share, else equal whole-number classes up to the maximum."""
    finite = [v for v in values.values() if v is not None and not math.isnan(v)]
    if finite and all(0 <= v <= 1 for v in finite) and any(0 < v < 1 for v in finite):
        return SHARE_BREAKS
    return nice_breaks(max(finite, default=0))


def _metric_kind(breaks: tuple[float, ...]) -> str:
    return "share_ntm" if breaks == SHARE_BREAKS else "count"


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
) -> bytes:
    """A choropleth PNG of the districts: colour by class, district names, a legend with
    `metric_label` as its title, and a note when the boundaries are schematic. `font_scale` enlarges
    every text (labels and legend) for a projector."""
    table = districts(load_registry())
    boundaries = boundaries or load_boundaries(table)
    breaks = breaks or default_breaks(values_by_district_code)
    short = district_names(load_registry())
    frame = boundaries.frame.to_crs(3405)
    colours = [colour_of(values_by_district_code.get(code, math.nan), breaks) for code in frame["district_code"]]
    figure, axes = plt.subplots(figsize=(width_in, width_in * 0.85), dpi=dpi)
    frame.plot(ax=axes, color=colours, edgecolor="#555555", linewidth=0.8)
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
    labels = class_labels(breaks, _metric_kind(breaks), lang)
    handles = [Patch(facecolor=c, edgecolor="#555555", label=label) for c, label in zip(PALETTE, labels)]
    if any(code not in values_by_district_code for code in frame["district_code"]):
        handles.append(Patch(facecolor=NO_DATA, edgecolor="#555555", label=t("map.no_data", lang)))
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
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", bbox_inches="tight")
    plt.close(figure)
    return buffer.getvalue()
