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
    ("ch5", []),
]
HOME = ("home", "streamlit_app.py")

# Long translated page titles wrap in the menu instead of ending in "…"; Korean breaks lines
# between words, not inside them.
APP_CSS = """
<style>
.stApp { word-break: keep-all; }
[data-testid="stSidebar"] [data-testid="stPageLink-NavLink"] * {
  white-space: normal !important; overflow: visible !important; text-overflow: clip !important;
}
</style>
"""
PRESENTER_CSS = """
<style>
html { font-size: 22px; }
[data-testid="stMarkdownContainer"] p, [data-testid="stMarkdownContainer"] li { font-size: 1.15rem; }
[data-testid="stMetricValue"] { font-size: 2.6rem; }
[data-testid="stMetricValue"] p { font-size: inherit !important; }
.katex { font-size: 1.45em; }
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
    language: str
    presenter: bool


def frame(page_id: str) -> Frame:
    """Draw the frame of page `page_id` and return the viewer's language and mode."""
    language = st.sidebar.radio(
        "언어 · Language", list(CATALOGUES), format_func=LANGUAGE_NAMES.get,
        key=LANGUAGE_KEY, bind="query-params", horizontal=True,
    )
    presenter = st.sidebar.toggle(t("frame.presenter"), key=PRESENTER_KEY,
                                  bind="query-params", help=t("frame.presenter_help"))
    st.set_page_config(page_title=f"{t(f'page.{page_id}.title')} · {t('app.title')}",
                       page_icon="🧭", layout="wide", initial_sidebar_state="expanded")
    st.markdown(APP_CSS + (PRESENTER_CSS if presenter else ""), unsafe_allow_html=True)
    _navigation()
    return Frame(language, presenter)


def carried_params() -> dict:
    """The frame's own URL state, passed along every link so a page switch keeps it."""
    carried = {}
    if st.session_state.get(LANGUAGE_KEY, DEFAULT_LANGUAGE) != DEFAULT_LANGUAGE:
        carried[LANGUAGE_KEY] = LANGUAGE_NAMES[st.session_state[LANGUAGE_KEY]]  # as the URL spells it
    if st.session_state.get(PRESENTER_KEY):
        carried[PRESENTER_KEY] = "true"
    return carried


def page_link(page_id: str, path: str, container=st, icon: str | None = None) -> None:
    container.page_link(path, label=t(f"page.{page_id}.title"), icon=icon,
                        query_params=carried_params())


def _navigation() -> None:
    nav = st.sidebar.container()
    page_link(*HOME, container=nav, icon=":material/map:")
    for chapter_id, pages in CHAPTERS:
        if pages:
            nav.caption(t(f"chapter.{chapter_id}.title"))
            for page_id, path in pages:
                page_link(page_id, path, container=nav)


def explain(markdown_key: str, presenter: bool) -> None:
    """The page's explanation, collapsed in presenter mode so the picture gets the room."""
    with st.expander(t("frame.explanation"), expanded=not presenter):
        st.markdown(t(markdown_key))
