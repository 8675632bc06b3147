"""Presentation mode (?present=1): no sidebar, large type, one message per screen."""

import streamlit as st

from ntm import metrics
from ntm.criteria import set_for_year
from ntm.dataset import new_geography
from ntm.formatting import fmt_number, fmt_percent, scope_text
from ntm.i18n import t
from ntm.reports import deck
from ntm.reports.tables import criteria_table
from ntm.ui import loaders, state
from ntm.views.overview import progress_card

SCREENS = ("overview", "map", "progress", "criteria")
LARGE_TYPE = """<style>
[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"], [data-testid="stExpandSidebarButton"],
header[data-testid="stHeader"] {display: none;}
[data-testid="stMainBlockContainer"] {max-width: 100%; padding: 1.5rem 3rem;}
[data-testid="stMain"] p, [data-testid="stMain"] li {font-size: 1.6rem;}
[data-testid="stMain"] h1 {font-size: 3.4rem;}
[data-testid="stMetricValue"], [data-testid="stMetricValue"] * {font-size: 4.5rem !important; line-height: 1.1;}
[data-testid="stMetricLabel"] p {font-size: 1.6rem;}
.st-key-present-arrows {display: none;}
@media (max-width: 640px) {
  [data-testid="stMainBlockContainer"] {padding: 1rem;}
  [data-testid="stMain"] p, [data-testid="stMain"] li, [data-testid="stMetricLabel"] p {font-size: 1.1rem;}
  [data-testid="stMain"] h1 {font-size: 2rem;}
  [data-testid="stMetricValue"], [data-testid="stMetricValue"] * {font-size: 3rem !important;}
}
</style>"""


def is_on() -> bool:
    return st.query_params.get("present") == "1"


def start() -> None:
    st.query_params["present"] = "1"


def stop() -> None:
    st.query_params.pop("present", None)


def toggle(lang: str) -> None:
    st.sidebar.button(
        t("present.toggle", lang), on_click=start, icon=":material/co_present:", key="present-start", width="stretch"
    )


@st.cache_data(show_spinner=False, hash_funcs=loaders.DATASET)
def progress_png(dataset, year: int, districts: tuple[str, ...], lang: str) -> bytes:
    names = loaders.district_names(dataset)
    return deck.progress_image(dataset, loaders.targets(), loaders.published(), names, year, districts, lang)


def overview_screen(dataset, f) -> None:
    """Every headline target as a card, three to a row, so the screen is full and nothing scrolls."""
    cards = [progress_card(p, f.lang) for p in loaders.headline_progress(dataset, f.year, f.districts)]
    for start in range(0, len(cards), 3):
        for column, card in zip(st.columns(3), cards[start : start + 3]):
            with column, st.container(border=True):
                st.metric(
                    card["label"], card["value"], card["delta"], delta_color=card["delta_color"], delta_arrow="off"
                )
                st.markdown(f"{card['detail']}  \n**{card['status']}** · {card['target']}")


def criteria_screen(dataset, f) -> None:
    selection = metrics.select(dataset.commune_year, f.year, f.districts)
    weakest = criteria_table(dataset.criteria, selection, loaders.criteria_catalogue(), f.lang, f.year).head(5)
    for row in weakest.itertuples():
        line = t(
            "present.weakest.line",
            f.lang,
            share=fmt_percent(row.share, 1, f.lang),
            met=fmt_number(row.met, lang=f.lang),
            communes=fmt_number(row.communes, lang=f.lang),
        )
        st.markdown(f"**{row.criterion_id}. {row.criterion}**: {line}")


def step(offset: int) -> None:
    """Move `offset` screens on (back when negative), round the end."""
    current = st.session_state.get(state.PRESENT_SCREEN) or SCREENS[0]
    st.session_state[state.PRESENT_SCREEN] = SCREENS[(SCREENS.index(current) + offset) % len(SCREENS)]


def step_buttons(lang: str) -> None:
    """Previous and next, on PageUp/PageDown (what a presentation clicker sends) and on the arrow
    keys (hidden buttons: Streamlit gives a button one shortcut)."""
    row = st.container(horizontal=True)
    row.button(
        t("present.prev", lang),
        on_click=step,
        args=(-1,),
        icon=":material/chevron_left:",
        shortcut="PageUp",
        key="present-prev",
    )
    row.button(
        t("present.next", lang),
        on_click=step,
        args=(1,),
        icon=":material/chevron_right:",
        shortcut="PageDown",
        key="present-next",
    )
    with st.container(key="present-arrows"):
        st.button(t("present.prev", lang), on_click=step, args=(-1,), shortcut="Left", key="present-left")
        st.button(t("present.next", lang), on_click=step, args=(1,), shortcut="Right", key="present-right")


def run(dataset) -> None:
    """Show the chosen screen of the current selection."""
    f = state.current_filters(dataset)
    st.markdown(LARGE_TYPE, unsafe_allow_html=True)
    left, middle, right = st.columns([3, 2, 1.4], vertical_alignment="center")
    with middle:
        step_buttons(f.lang)
    screen = (
        left.segmented_control(
            t("present.screen", f.lang),
            SCREENS,
            default=SCREENS[0],
            key=state.PRESENT_SCREEN,
            format_func=lambda s: t(f"present.{s}", f.lang),
            bind="query-params",
            label_visibility="collapsed",
        )
        or SCREENS[0]
    )
    right.button(t("present.exit", f.lang), on_click=stop, icon=":material/close:", key="present-stop", width="stretch")
    communes = len(metrics.select(dataset.commune_year, f.year, f.districts))
    scope = scope_text(f.districts, loaders.district_names(dataset), f.lang, communes)
    titles = {
        "overview": t("deck.headline", f.lang, year=set_for_year(f.year).last_year),
        "map": t("deck.map.former" if new_geography(f.year) else "deck.map", f.lang),
        "progress": t("deck.progress.share" if new_geography(f.year) else "deck.progress", f.lang),
        "criteria": t("deck.weakest", f.lang),
    }
    st.title(titles[screen])
    st.caption(f"{f.year} · {scope}")
    if screen == "overview":
        overview_screen(dataset, f)
    elif screen == "map":
        st.image(loaders.district_map_png(dataset, f.year, f.lang, projector=True))
    elif screen == "progress":
        st.columns([1, 6, 1])[1].image(
            progress_png(dataset, f.year, f.districts, f.lang), width=920
        )  # the legend runs one series a line
    else:
        criteria_screen(dataset, f)
    if dataset.illustrative:
        st.caption(t("deck.notice", f.lang))
