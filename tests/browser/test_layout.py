"""Every page as a lecture room sees it: on a 1280×720 projector in presenter mode and on a
1440×900 laptop, in both languages. The page list is the app's registry, so a new page is checked
without touching this file; tests/browser/layout.py says what is measured.

Each page is opened once per screen and language, and everything is asserted on that one drawing:
no error, its title, then the layout. The tabs of one screen share a browser context (each tab is
a new Streamlit session; the app's scripts load once per screen).
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.browser.harness import all_pages, assert_no_error, h1_text, new_context, new_tab, open_url, query_for
from tests.browser.layout import SCREENS, USABLE_CHART_WIDTH, measure
from ui.frame import PRESENTER_KEY
from ui.i18n import CATALOGUES

pytestmark = pytest.mark.browser

PAGES = all_pages()
CASES = [(screen, language) for screen in ("projector", "laptop") for language in CATALOGUES]


@pytest.fixture(scope="module")
def screens(browser) -> Iterator[dict]:
    """{screen: a browser context with that screen's viewport}, opened when first asked for."""
    contexts = {}

    def context(screen: str):
        if screen not in contexts:
            contexts[screen] = new_context(browser, SCREENS[screen][0])
        return contexts[screen]

    yield context
    for opened in contexts.values():
        opened.close()


@pytest.mark.parametrize(("screen", "language"), CASES, ids=[f"{screen}-{language}" for screen, language in CASES])
@pytest.mark.parametrize("info", PAGES, ids=[info.page_id for info in PAGES])
def test_page_renders_and_fits_the_screen(info, screen, language, screens, server):
    _, presenter = SCREENS[screen]
    page = new_tab(screens(screen))
    try:
        open_url(page, server.url(info.path, query_for(language, **({PRESENTER_KEY: "true"} if presenter else {}))))
        assert_no_error(page)
        assert h1_text(page) == info.title(language)
        layout = measure(page)
        if info.page_id != "home":  # the lecture map has no controls of its own
            assert layout.control_in_reach, f"the first control is out of reach: {layout.first_control}"
        if presenter:
            assert layout.picture_on_first_screen, f"the main picture starts below the first screen: {layout.first_picture}"
        assert layout.cut_equations == [], "display equations wider than their box"
        assert layout.cut_metrics == [], "metric values or labels cut"
        assert layout.narrow_charts == [], f"charts narrower than {USABLE_CHART_WIDTH} px or wider than their column"
    finally:
        page.close()


def test_measure_sees_what_is_cut(screens, server):
    """The measurement itself: an equation and a metric made too wide for their boxes are reported."""
    page = new_tab(screens("projector"))
    try:
        open_url(page, server.url(PAGES[1].path, {PRESENTER_KEY: "true"}))
        assert measure(page).cut_equations == []
        page.add_style_tag(content=".katex { font-size: 6em !important; }"
                                   " [data-testid='stMetricValue'] { font-size: 9rem !important; }")
        layout = measure(page)
        assert layout.cut_equations, "an equation six times its size still fits?"
        assert layout.cut_metrics, "a metric value at 9rem still fits?"
    finally:
        page.close()


@pytest.mark.parametrize("page_id", ["gradient_descent", "sigmoid_neuron", "vae_manifold"])
def test_charts_survive_a_resize(page_id, screens, server):
    """A window made narrow and wide again (a laptop unplugged from the projector) keeps every chart."""
    viewport, _ = SCREENS["projector"]
    page = new_tab(screens("projector"))
    try:
        open_url(page, server.url(next(info for info in PAGES if info.page_id == page_id).path, {PRESENTER_KEY: "true"}))
        before = len(measure(page).charts)
        for width in (700, viewport["width"], 1920, viewport["width"]):
            page.set_viewport_size({"width": width, "height": viewport["height"]})
            page.wait_for_timeout(500)
        layout = measure(page)
        assert len(layout.charts) == before
        assert layout.narrow_charts == []
    finally:
        page.close()
