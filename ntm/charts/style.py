"""The one look of every chart: the number locale of its language, the palettes, and a font that has
every Vietnamese glyph, so that exported PNG/SVG files do not fall back to another typeface."""

import textwrap

import altair as alt
import pandas as pd

from ntm.formatting import d3_locale

FONT = "'Source Sans Pro', 'Source Sans 3', 'DejaVu Sans', 'Liberation Sans', sans-serif"

# ColorBrewer Purples by rank: one hue, readable in any colour vision, distinct from the map's
# YlGnBu classes (commune points lie on it) and from the orange-blue bands beside it.
PALETTE_LEVELS = {
    "none": "#bdbdbd",
    "standard": "#9e9ac8",
    "advanced": "#6a51a3",
    "model": "#3f007d",
    "modern": "#54278f",  # 2026-2030's top level (no set has it beside model)
}
# Orange to blue: tells the bands apart with any colour vision (no red against green). Bands are
# coloured by their place (lowest first), whatever the number of criteria.
BAND_RAMP = ("#e66101", "#fdb863", "#92c5de", "#0571b0")
PALETTE_BANDS = {"lt10": "#e66101", "10_14": "#fdb863", "15_18": "#92c5de", "all19": "#0571b0"}


def band_colors(count: int) -> list[str]:
    """The colours of `count` bands, lowest first (the ramp's ends for the first and last)."""
    if count <= len(BAND_RAMP):
        return list(BAND_RAMP[: count - 1]) + [BAND_RAMP[-1]] if count else []
    return [BAND_RAMP[min(i * len(BAND_RAMP) // count, len(BAND_RAMP) - 1)] for i in range(count)]


def localised(chart: alt.TopLevelMixin, lang: str) -> alt.TopLevelMixin:
    return chart.configure(locale={"number": d3_locale(lang)}).configure_view(strokeWidth=0)


def category_bar(frame: pd.DataFrame, colors: list[str], value_title: str, lang: str) -> alt.Chart:
    """Horizontal bars in the frame's row order: columns key, label, value."""
    order = list(frame["label"])
    chart = (
        alt.Chart(frame)
        .mark_bar()
        .encode(
            y=alt.Y("label:N", sort=order, title=None),
            x=alt.X("value:Q", title=value_title, axis=alt.Axis(format=",d", tickMinStep=1)),
            color=alt.Color("label:N", sort=order, scale=alt.Scale(domain=order, range=colors), legend=None),
            tooltip=[alt.Tooltip("label:N", title=" "), alt.Tooltip("value:Q", title=value_title, format=",d")],
        )
    )
    text = chart.mark_text(align="left", dx=4).encode(text=alt.Text("value:Q", format=",d"), color=alt.value("#333"))
    return localised((chart + text).properties(height=40 * len(frame)), lang)


def styled(chart: alt.TopLevelMixin, lang: str) -> alt.TopLevelMixin:
    chart = localised(chart, lang)
    chart.config.font = FONT
    return chart


def wrapped(title: str | list[str], width: int = 40) -> list[str]:
    """A title in lines of about `width` characters (Vega does not wrap titles): for a phone's chart."""
    lines = [title] if isinstance(title, str) else list(title)
    return [part for line in lines for part in (textwrap.wrap(line, width) or [line])]
