"""Every page as a lecture room sees it: on a 1280×720 projector in presenter mode and on a
1440×900 laptop, in both languages. The page list is the app's registry, so a new page is checked
without touching this file; tests/browser/layout.py says what is measured and assert_fits what is
required.

Each page is opened once per screen and language, and everything is asserted on that one drawing:
no error, its title, then the layout. The projector is checked here, on the shared server, the
tabs in one browser context (each tab is a new Streamlit session). The laptop shows the page
without presenter mode, i.e. the very URL test_deep_links.py opens of every page in both
languages: that test measures the laptop layout on its own drawing, so no page is opened twice
for it.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.browser.harness import all_pages, assert_no_error, h1_text, new_context, new_tab, open_url, query_for
from tests.browser.layout import SCREENS, assert_fits, measure
from ui.frame import PRESENTER_KEY
from ui.i18n import CATALOGUES

pytestmark = pytest.mark.browser

PAGES = all_pages()
PROJECTOR, PRESENTER = SCREENS["projector"]


@pytest.fixture(scope="module")
def projector(browser) -> Iterator:
    """A browser context with the projector's viewport; a tab in it is a new Streamlit session."""
    context = new_context(browser, PROJECTOR)
    yield context
    context.close()


@pytest.mark.parametrize("language", list(CATALOGUES))
@pytest.mark.parametrize("info", PAGES, ids=[info.page_id for info in PAGES])
def test_page_renders_and_fits_the_projector(info, language, projector, server):
    page = new_tab(projector)
    try:
        open_url(page, server.url(info.path, query_for(language, **{PRESENTER_KEY: "true"})))
        assert_no_error(page)
        assert h1_text(page) == info.title(language)
        assert_fits(measure(page), has_controls=info.page_id != "home", presenter=PRESENTER)
    finally:
        page.close()


def test_measure_sees_what_is_cut(projector, server):
    """The measurement itself: an equation and a metric made too wide for their boxes are reported."""
    page = new_tab(projector)
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
def test_charts_survive_a_resize(page_id, projector, server):
    """A window made narrow and wide again (a laptop unplugged from the projector) keeps every chart."""
    page = new_tab(projector)
    try:
        open_url(page, server.url(next(info for info in PAGES if info.page_id == page_id).path, {PRESENTER_KEY: "true"}))
        before = len(measure(page).charts)
        for width in (700, PROJECTOR["width"], 1920, PROJECTOR["width"]):
            page.set_viewport_size({"width": width, "height": PROJECTOR["height"]})
            page.wait_for_timeout(500)
        layout = measure(page)
        assert len(layout.charts) == before
        assert layout.narrow_charts == []
    finally:
        page.close()
