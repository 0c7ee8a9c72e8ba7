"""A lecturer's bookmark opened as the very first request on a freshly started server.

In Streamlit's pages/ mode a sub-page requested before anyone opened "/" used to run without
the entry script (no frame, no language, a file-name menu) for every session. Each chapter of the
registry gets its own fresh server, and so does the home page: the chapter's first page is the
server's very first request, its other pages follow, and nobody opens "/" on it. Every page is
opened in both languages, one session each; the language that comes first alternates, so both
languages are tested as a server's first request.

Both sessions are on a laptop screen, and each also checks the laptop layout of the page it drew
(test_layout.py checks the projector): that is the URL the laptop case of the layout checks needs,
so no page is opened a second time for it.

A server takes seconds to start, so the next chapter's server is started while a chapter is
tested; nobody requests a page from it before its own chapter's test. (One server per page cost
8-14 s a page, a fresh TensorFlow import each; the bug never depended on the page.)
"""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import parse_qs, urljoin, urlsplit

import pytest

from tests.browser.harness import (
    Server,
    all_pages,
    assert_no_error,
    h1_text,
    menu_links,
    new_context,
    new_tab,
    open_menu,
    open_url,
    query_for,
    sidebar,
    spawn_server,
    wait_until_ready,
)
from tests.browser.layout import SCREENS, assert_fits, measure
from ui.frame import CHAPTERS, HOME
from ui.i18n import CATALOGUES, DEFAULT_LANGUAGE, LANGUAGE_KEY, LANGUAGE_NAMES

LANGUAGES = list(CATALOGUES)
PAGES = all_pages()
# The pages that share a fresh server: the home page alone, then one group per chapter.
GROUPS = [[PAGES[0]], *[[info for info in PAGES if info.chapter == chapter_id] for chapter_id, pages in CHAPTERS if pages]]
GROUP_OF = {info.page_id: number for number, group in enumerate(GROUPS) for info in group}


def assert_full_frame(page, language: str) -> None:
    """The sidebar holds the chapter menu, previous/next links, the language radio and the presenter
    toggle; the menu lists every page, translated and grouped by chapter."""
    strings = CATALOGUES[language]
    bar = sidebar(page)
    assert bar.get_by_role("radio", name=LANGUAGE_NAMES[language], exact=True).is_checked()
    for name in LANGUAGE_NAMES.values():
        assert bar.get_by_role("radio", name=name, exact=True).count() == 1
    assert bar.get_by_role("switch", name=strings["frame.presenter"], exact=True).count() == 1
    assert bar.get_by_test_id("stSidebarNav").count() == 0, "Streamlit's file-name menu is showing"

    links = menu_links(page)
    labels = [text.strip().splitlines()[-1] for text in links.all_inner_texts()]  # drop the icon line
    assert labels == [info.nav_label(language) for info in PAGES]

    # Chapter captions come before their pages, in registry order.
    expected = [strings[f"{HOME[0]}.title"]]
    for chapter_id, pages in CHAPTERS:
        if pages:
            expected += [strings[f"{chapter_id}.title"]] + [strings[f"{page_id}.title"] for page_id, _ in pages]
    text, position = open_menu(page).inner_text(), 0
    for item in expected:
        found = text.find(item, position)
        assert found >= 0, f"{item!r} missing or out of order in the chapter menu"
        position = found + len(item)

    # ... and each chapter page's link leads to its page (the hrefs are relative; resolved as the
    # browser does). Streamlit gives the home page's link an empty path, i.e. the current page for
    # a middle-click; a click (test_app.py's walk ends with one) goes home.
    paths = [urlsplit(urljoin(page.url, link.get_attribute("href"))).path for link in links.all()[1:]]
    assert paths == [info.path for info in PAGES[1:]]

    # Every link carries the language, so a page switch keeps it: the menu's and previous/next.
    for href in [link.get_attribute("href") for link in [*links.all(), *bar.get_by_test_id("stPageLink-NavLink").all()]]:
        carried = parse_qs(urlsplit(href).query).get(LANGUAGE_KEY)
        assert carried == (None if language == DEFAULT_LANGUAGE else [LANGUAGE_NAMES[language]]), href


@pytest.fixture(scope="module")
def fresh_servers() -> Iterator:
    """fresh_servers(group): the server of GROUPS[group], started before any page was requested from
    it; the next group's server starts while this one is in use. A group's server is told to stop
    when the next group takes its own, and finishes exiting in the background (that takes a
    TensorFlow process seconds); all are stopped for good at the end of the module."""
    spawned: dict[int, Server] = {}
    taken: dict[int, Server] = {}

    def take(group: int) -> Server:
        if group not in taken:
            for server in taken.values():
                if server.process.poll() is None:
                    server.process.terminate()
            taken[group] = wait_until_ready(spawned.pop(group, None) or spawn_server())
            if group + 1 < len(GROUPS) and group + 1 not in spawned:
                spawned[group + 1] = spawn_server()
        return taken[group]

    yield take
    for server in [*taken.values(), *spawned.values()]:
        server.stop()


@pytest.mark.browser
@pytest.mark.parametrize("info", PAGES, ids=[info.page_id for info in PAGES])
def test_deep_link_first_request_on_fresh_server(info, fresh_servers, browser):
    group = GROUP_OF[info.page_id]
    server = fresh_servers(group)
    viewport, presenter = SCREENS["laptop"]
    context = new_context(browser, viewport)  # a tab per session below; the second one finds the scripts cached
    try:
        first = LANGUAGES[(group + GROUPS[group].index(info)) % len(LANGUAGES)]
        for language in [first] + [other for other in LANGUAGES if other != first]:
            page = new_tab(context)
            try:
                open_url(page, server.url(info.path, query_for(language)))
                assert urlsplit(page.url).path == info.path
                assert_no_error(page)
                assert h1_text(page) == info.title(language)
                strings = CATALOGUES[language]
                assert page.title() == f"{strings[f'{info.page_id}.title']} · {strings['frame.app_title']}"
                assert_fits(measure(page), has_controls=info.page_id != HOME[0], presenter=presenter)
                assert_full_frame(page, language)
            finally:
                page.close()
        assert "Traceback" not in server.log(), server.log()[-3000:]
    finally:
        context.close()
