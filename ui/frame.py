"""The app frame every page calls first: page config, language, presenter mode, navigation.

The app runs in Streamlit's `pages/` mode with its built-in menu hidden
(`client.showSidebarNavigation = false`): each page calls `frame()`, so a bookmarked deep
link opened as the first request on a fresh server still gets the full frame.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass

import streamlit as st
from streamlit.runtime.scriptrunner import script_runner

from ui.i18n import CATALOGUES, DEFAULT_LANGUAGE, LANGUAGE_KEY, LANGUAGE_NAMES, t

PRESENTER_KEY = "present"
FRAME_KEY = "app_frame"  # the sidebar container of the frame's own widgets (class st-key-app_frame)
CHART_COUNT = "charts_drawn"  # numbers the charts' download buttons (ui.charts.show); reset on every page run

# (chapter id, [(page id, script path)]); chapter and page titles come from the catalogue.
CHAPTERS = [
    ("ch1", [
        ("gradient_descent", "pages/1_gradient_descent.py"),
        ("sigmoid_neuron", "pages/2_sigmoid_neuron.py"),
        ("gradient_vanishing", "pages/3_gradient_vanishing.py"),
        ("maximum_likelihood", "pages/4_maximum_likelihood.py"),
    ]),
    ("ch2", [
        ("manifold_maps", "pages/5_manifold_maps.py"),
        ("code_size", "pages/6_code_size.py"),
        ("interpolation", "pages/7_interpolation.py"),
    ]),
    ("ch3", [
        ("denoising", "pages/8_denoising.py"),
        ("train_autoencoder", "pages/9_train_autoencoder.py"),
    ]),
    ("ch4", [
        ("vae_manifold", "pages/10_vae_manifold.py"),
        ("ae_vs_vae", "pages/11_ae_vs_vae.py"),
        ("reparameterisation", "pages/12_reparameterisation.py"),
        ("vae_beta", "pages/13_vae_beta.py"),
        ("train_vae", "pages/14_train_vae.py"),
        ("cvae", "pages/15_cvae.py"),
        ("aae", "pages/16_aae.py"),
    ]),
    ("ch5", [
        ("gan_1d", "pages/17_gan_1d.py"),
        ("gan_lab", "pages/18_gan_lab.py"),
        ("mode_collapse", "pages/19_mode_collapse.py"),
        ("gan_digits", "pages/20_gan_digits.py"),
        ("gan_vs_vae", "pages/21_gan_vs_vae.py"),
        ("train_gan", "pages/22_train_gan.py"),
        ("cgan", "pages/23_cgan.py"),
    ]),
]
HOME = ("home", "streamlit_app.py")

# Laid out for a 1280×720 projector first. Streamlit's header band and wide paddings go, so the
# picture starts on the first screen. Korean breaks lines between words, not inside them, in every
# element (Streamlit's own elements set word-break themselves, so a rule on .stApp alone is not
# enough). A metric value shrinks with its box (container units) and wraps at spaces instead of
# ending in "…". A display equation that is still wider than its box scrolls instead of being cut
# silently (the layout test fails on it, so this is only a last resort).
APP_CSS = """
<style>
body * { word-break: keep-all !important; overflow-wrap: break-word; }
[data-testid="stHeader"] { background: transparent; height: 2.5rem; }
[data-testid="stMainBlockContainer"] { padding-top: 2.2rem; padding-bottom: 3rem; }
[data-testid="stSidebarHeader"] { height: 2.5rem; margin-bottom: 0; padding-top: 0.5rem; padding-bottom: 0; }
[data-testid="stSidebarUserContent"] { padding-top: 0; }
[data-testid="stPageLink-NavLink"] * {
  white-space: normal !important; overflow: visible !important; text-overflow: clip !important;
}
[data-testid="stMetric"] { container-type: inline-size; }
[data-testid="stMetricValue"] { font-size: min(2.25rem, 17cqi); }
[data-testid="stMetricValue"] *, [data-testid="stMetricLabel"] * {
  font-size: inherit !important; white-space: normal !important; overflow: visible !important;
  text-overflow: clip !important;
}
[data-testid="stMetricValue"] * { overflow-wrap: normal !important; }  /* never "1.01" over "23" */
.katex-display { overflow-x: auto; overflow-y: hidden; }
</style>
"""
PRESENTER_CSS = """
<style>
html { font-size: 22px; }
[data-testid="stMainBlockContainer"] { padding: 0.6rem 1.2rem 3rem 1.2rem; }
h1 { font-size: 1.9rem !important; padding: 0.2rem 0 0.6rem 0 !important; }
h2, h3 { font-size: 1.35rem !important; padding: 0.4rem 0 0.3rem 0 !important; }
[data-testid="stMarkdownContainer"] p, [data-testid="stMarkdownContainer"] li { font-size: 1.1rem; }
[data-testid="stMetricValue"] { font-size: min(2.4rem, 17cqi); }
.katex { font-size: 1.15em; }
</style>
"""


def _clean_problem_modules_except_keras() -> None:
    """Streamlit's after-run clean-up without `keras.backend.clear_session()`.

    That call ends in a full gc.collect() and cost about 0.5 s per rerun of every session
    once TensorFlow was loaded (docs/BENCHMARKS.md). The app never relies on Keras' global
    state being reset between runs: pretrained models are cached, user models live in the
    session. tests/pages/test_rerun_cost.py fails if the call comes back.
    """
    pyplot = sys.modules.get("matplotlib.pyplot")
    if pyplot is not None:  # the part of Streamlit's clean-up worth keeping
        pyplot.close("all")


# Module attribute looked up at call time by the script runner, so replacing it is enough.
script_runner._clean_problem_modules = _clean_problem_modules_except_keras


@dataclass(frozen=True)
class Frame:
    page_id: str
    language: str
    presenter: bool


def frame(page_id: str) -> Frame:
    """Draw the frame of page `page_id` and return the viewer's language and mode.

    The sidebar starts with the frame's few lines (the chapter menu behind one button, the previous
    and next page, language, presenter mode) so the page's own controls follow within reach.
    """
    bar = st.sidebar.container(key=FRAME_KEY)
    menu_row = bar.container()  # filled last: the links carry the language chosen below
    language = bar.radio(
        "언어 · Language", list(CATALOGUES), format_func=LANGUAGE_NAMES.get, key=LANGUAGE_KEY,
        bind="query-params", horizontal=True, label_visibility="collapsed",
    )
    presenter = bar.toggle(t("frame.presenter"), key=PRESENTER_KEY,
                           bind="query-params", help=t("frame.presenter_help"))
    st.set_page_config(page_title=f"{t(f'{page_id}.title')} · {t('frame.app_title')}",
                       page_icon="🧭", layout="wide", initial_sidebar_state="expanded")
    st.markdown(APP_CSS + (PRESENTER_CSS if presenter else ""), unsafe_allow_html=True)
    _navigation(menu_row, page_id)
    st.session_state[CHART_COUNT] = 0
    return Frame(page_id, language, presenter)


def carried_params() -> dict:
    """The frame's own URL state, passed along every link so a page switch keeps it."""
    carried = {}
    if st.session_state.get(LANGUAGE_KEY, DEFAULT_LANGUAGE) != DEFAULT_LANGUAGE:
        carried[LANGUAGE_KEY] = LANGUAGE_NAMES[st.session_state[LANGUAGE_KEY]]  # as the URL spells it
    if st.session_state.get(PRESENTER_KEY):
        carried[PRESENTER_KEY] = "true"
    return carried


def page_link(page_id: str, path: str, container=st, icon: str | None = None) -> None:
    container.page_link(path, label=t(f"{page_id}.title"), icon=icon,
                        query_params=carried_params())


def all_pages() -> list[tuple[str, str]]:
    """(page id, script) of every page in lecture order, the home page first."""
    return [HOME, *(page for _, pages in CHAPTERS for page in pages)]


def _navigation(container, page_id: str) -> None:
    """The chapter menu in a popover, with the previous and next page one click away."""
    menu = container.popover(t("frame.menu"), icon=":material/menu_book:", width="stretch")
    page_link(*HOME, container=menu, icon=":material/map:")
    for chapter_id, pages in CHAPTERS:
        if pages:
            menu.caption(t(f"{chapter_id}.title"))
            for chapter_page_id, path in pages:
                page_link(chapter_page_id, path, container=menu)
    order = all_pages()
    here = [page for page, _ in order].index(page_id)
    previous_column, next_column = container.columns(2)
    if here > 0:
        previous_column.page_link(order[here - 1][1], label=t("frame.previous"), icon=":material/arrow_back:",
                                  help=t(f"{order[here - 1][0]}.title"), query_params=carried_params())
    if here < len(order) - 1:
        next_column.page_link(order[here + 1][1], label=t("frame.next"), icon=":material/arrow_forward:",
                              icon_position="right", help=t(f"{order[here + 1][0]}.title"),
                              query_params=carried_params())


def introduce(view: Frame, intro: str, equations: tuple[str, ...] = (), explanation_key: str | None = None) -> None:
    """The page's title, introduction, equations and explanation.

    On the projector they fold into one closed expander under the title, so that the picture
    starts on the first screen; the lecturer opens it when the class gets to the equations.
    """
    st.title(t(f"{view.page_id}.title"))
    if view.presenter:
        with st.expander(t("frame.intro"), expanded=False):
            st.markdown(intro)
            for latex in equations:
                equation(latex)
            if explanation_key:
                st.markdown(t(explanation_key))
        return
    st.markdown(intro)
    for latex in equations:
        equation(latex)
    if explanation_key:
        explain(explanation_key, view.presenter)


def equation(latex: str) -> None:
    """A display equation whose parts (separated by \\qquad) stand on lines of their own, so it fits
    the narrow box of a projector column instead of running off its right edge."""
    parts = [part.strip() for part in latex.split(r"\qquad")] if r"\begin" not in latex else [latex]
    parts = [part for part in parts if part]
    st.latex(r"\begin{gathered}" + r" \\ ".join(parts) + r"\end{gathered}" if len(parts) > 1 else parts[0])


def explain(markdown_key: str, presenter: bool) -> None:
    """The page's explanation, collapsed in presenter mode so the picture gets the room."""
    with st.expander(t("frame.explanation"), expanded=not presenter):
        st.markdown(t(markdown_key))
