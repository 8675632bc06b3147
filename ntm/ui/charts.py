"""Drawing a PageChart on a page: with its text alternative (the Vega-Lite `description`, which Vega
writes into the aria-label of the chart's box, role graphics-document) and, for a
chart too wide for a phone, a narrow layout shown instead below 640 px (GLOBAL_STYLE's media queries:
Streamlit does not know the screen's width on the server)."""

import streamlit as st

from ntm.views.page_chart import PageChart, text_alternative


def _draw(chart: PageChart, text: str, width, container) -> None:
    container.vega_lite_chart({**chart.spec, "description": text}, width=width, theme=None)


def show(chart: PageChart, lang: str, width="content", narrow: PageChart | None = None, container=st) -> None:
    """Draw `chart` (`width` as st.vega_lite_chart takes it); with `narrow`, that layout on phones."""
    text = text_alternative(chart, lang)  # the narrow layout shows the same data: the same words
    if narrow is None:
        _draw(chart, text, width, container)
        return
    _draw(chart, text, width, container.container(key=f"ntm-wide-{chart.name}"))
    _draw(narrow, text, "content", container.container(key=f"ntm-narrow-{chart.name}"))
