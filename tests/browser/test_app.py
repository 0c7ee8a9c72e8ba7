"""The app in a real Chromium against one shared server: navigation, language, URL state,
presenter mode, tampered URLs and the reset button. Every test opens a new tab (a new Streamlit
session); the `server` fixture also fails a test that made the server log a traceback.

That every page renders its title without an error in both languages is checked in
test_layout.py (on the shared server, on two screens) and test_deep_links.py (on fresh servers).
"""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from tests.browser.harness import (
    all_pages,
    assert_no_error,
    h1_text,
    metric_values,
    nav_link,
    new_tab,
    open_url,
    page_by_id,
    rerun_after,
    sidebar,
    slider_values,
    url_query,
)
from ui.frame import CHAPTERS, PRESENTER_KEY
from ui.i18n import CATALOGUES, DEFAULT_LANGUAGE, LANGUAGE_KEY, LANGUAGE_NAMES

pytestmark = pytest.mark.browser

PAGES = all_pages()
NEURON = page_by_id("sigmoid_neuron")
KO = CATALOGUES[DEFAULT_LANGUAGE]
OTHER_LANGUAGE = next(language for language in CATALOGUES if language != DEFAULT_LANGUAGE)


def thumb(page, label_key: str, language: str = DEFAULT_LANGUAGE):
    """A slider's thumb (an <input type=range>, role slider), found by its translated label."""
    return page.locator(f"input[type=range][aria-label='{CATALOGUES[language][label_key]}']")


def press(page, locator, key: str) -> None:
    """Focus a slider thumb, press `key` and wait for the rerun it causes."""
    locator.focus()
    rerun_after(page, lambda: page.keyboard.press(key))


def font_size(page) -> float:
    return float(page.evaluate("getComputedStyle(document.documentElement).fontSize").removesuffix("px"))


def test_navigation_reaches_each_chapter_and_home(tab, server):
    """A click in the chapter menu opens its page. That every menu link points to its page is
    checked on every page's menu in test_deep_links.py; here a user clicks through the first page
    of each chapter and back home (clicking all twenty links took 40 s)."""
    open_url(tab, server.url("/"))
    firsts = [next(info for info in PAGES if info.chapter == chapter_id) for chapter_id, pages in CHAPTERS if pages]
    for info in [*firsts, PAGES[0]]:
        link = nav_link(tab, info.nav_label(DEFAULT_LANGUAGE))
        rerun_after(tab, link.click)
        assert urlsplit(tab.url).path == info.path
        assert_no_error(tab)
        assert h1_text(tab) == info.title(DEFAULT_LANGUAGE)


def test_language_persists_across_page_switches(tab, server):
    first, second = PAGES[1], PAGES[2]
    open_url(tab, server.url(first.path))
    assert h1_text(tab) == first.title(DEFAULT_LANGUAGE)

    english = LANGUAGE_NAMES[OTHER_LANGUAGE]
    rerun_after(tab, sidebar(tab).get_by_text(english, exact=True).click)
    assert h1_text(tab) == first.title(OTHER_LANGUAGE)
    assert url_query(tab).get(LANGUAGE_KEY) == english

    rerun_after(tab, nav_link(tab, second.nav_label(OTHER_LANGUAGE)).click)
    assert urlsplit(tab.url).path == second.path
    assert url_query(tab).get(LANGUAGE_KEY) == english
    assert h1_text(tab) == second.title(OTHER_LANGUAGE)
    assert sidebar(tab).get_by_role("radio", name=english, exact=True).is_checked()
    assert_no_error(tab)


def test_slider_moves_change_numbers_and_url(tab, server):
    open_url(tab, server.url(NEURON.path))
    shown = metric_values(tab)
    assert len(shown) >= 2
    weight = thumb(tab, "sigmoid_neuron.w0")
    assert weight.get_attribute("aria-valuetext") == "0.60"
    assert "neuron_w0" not in url_query(tab)  # a default value is not written to the URL

    press(tab, weight, "ArrowRight")
    assert weight.get_attribute("aria-valuetext") == "0.70"
    assert float(url_query(tab)["neuron_w0"]) == pytest.approx(0.7)
    after_step = metric_values(tab)
    assert after_step != shown

    press(tab, weight, "End")
    assert weight.get_attribute("aria-valuetext") == "4.00"
    assert float(url_query(tab)["neuron_w0"]) == pytest.approx(4.0)
    assert metric_values(tab) not in (shown, after_step)
    assert_no_error(tab)

    # The URL is a bookmark: a new session opening it sees the same state.
    bookmark = new_tab(tab.context)
    try:
        open_url(bookmark, tab.url)
        assert slider_values(bookmark) == slider_values(tab)
        assert metric_values(bookmark) == metric_values(tab)
    finally:
        bookmark.close()


def test_presenter_mode(tab, server):
    open_url(tab, server.url(NEURON.path))
    normal_size = font_size(tab)
    explanation = tab.get_by_test_id("stExpander").locator("details")
    assert explanation.get_attribute("open") is not None  # expanded outside presenter mode

    switch = sidebar(tab).get_by_text(KO["frame.presenter"], exact=True)  # the toggle's label, as a user clicks it
    rerun_after(tab, switch.click)
    assert url_query(tab).get(PRESENTER_KEY) == "true"
    assert explanation.get_attribute("open") is None  # collapsed so the picture gets the room
    assert font_size(tab) > normal_size
    assert_no_error(tab)

    # The mode is carried to the next page, like the language.
    rerun_after(tab, nav_link(tab, PAGES[0].nav_label(DEFAULT_LANGUAGE)).click)
    assert url_query(tab).get(PRESENTER_KEY) == "true"
    assert font_size(tab) > normal_size

    rerun_after(tab, switch.click)
    assert PRESENTER_KEY not in url_query(tab)
    assert font_size(tab) == normal_size


def test_tampered_url_renders_defaults(tab, server):
    open_url(tab, server.url(NEURON.path))
    default_sliders, default_metrics = slider_values(tab), metric_values(tab)

    tampered = {"neuron_w0": "nan", "neuron_lr": "inf", "bogus": "1", LANGUAGE_KEY: "xx"}
    open_url(tab, server.url(NEURON.path, tampered))
    assert_no_error(tab)
    assert h1_text(tab) == NEURON.title(DEFAULT_LANGUAGE)
    assert slider_values(tab) == default_sliders
    assert metric_values(tab) == default_metrics


def test_reset_restores_defaults(tab, server):
    open_url(tab, server.url(NEURON.path))
    default_sliders, default_metrics = slider_values(tab), metric_values(tab)

    press(tab, thumb(tab, "sigmoid_neuron.w0"), "End")
    press(tab, thumb(tab, "sigmoid_neuron.epochs"), "Home")
    assert slider_values(tab) != default_sliders
    assert metric_values(tab) != default_metrics
    assert {"neuron_w0", "neuron_epochs"} <= set(url_query(tab))

    reset = sidebar(tab).get_by_role("button", name=KO["frame.reset"], exact=True)
    rerun_after(tab, reset.click)
    assert slider_values(tab) == default_sliders
    assert metric_values(tab) == default_metrics
    assert not any(key.startswith("neuron_") for key in url_query(tab))
    assert_no_error(tab)
