"""Fixtures of the browser tests: one Chromium and one browser context per session (a tab per test),
fresh servers on demand, a shared server.

If the system Chromium is missing the browser tests FAIL with a clear message, so a CI job cannot
pass by silently skipping them. For a local run without a browser, SKIP_BROWSER_TESTS=1 skips
them on purpose.
"""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest

from tests.browser.harness import SKIP_ENV, Server, chromium_missing, launch_browser, new_context, new_tab, start_server


def pytest_collection_modifyitems(config, items):
    if os.environ.get(SKIP_ENV) == "1":
        marker = pytest.mark.skip(reason=f"{SKIP_ENV}=1")
        for item in items:
            if "browser" in item.keywords:
                item.add_marker(marker)


@pytest.fixture(scope="session")
def browser() -> Iterator:
    problem = chromium_missing()
    if problem:
        pytest.fail(problem, pytrace=False)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = launch_browser(playwright)
        yield chromium
        chromium.close()


@pytest.fixture
def fresh_server() -> Iterator:
    """A factory of freshly started servers; all are stopped at the end of the test."""
    servers: list[Server] = []

    def start(**kwargs) -> Server:
        servers.append(start_server(**kwargs))
        return servers[-1]

    yield start
    for server in servers:
        server.stop()


@pytest.fixture(scope="session")
def shared_server() -> Iterator[Server]:
    server = start_server()
    yield server
    server.stop()


@pytest.fixture(scope="session")
def shared_context(browser) -> Iterator:
    """One browser context for the tests that need a new Streamlit session but not a new browser
    profile: each test gets its own tab (its own session), the app's scripts load once."""
    context = new_context(browser)
    yield context
    context.close()


@pytest.fixture
def tab(shared_context) -> Iterator:
    """A new tab, i.e. a new Streamlit session, for one test."""
    page = new_tab(shared_context)
    yield page
    page.close()


@pytest.fixture
def server(shared_server) -> Iterator[Server]:
    """The shared server, checked afterwards for tracebacks it logged while the test ran."""
    start = len(shared_server.log())
    yield shared_server
    logged = shared_server.log()[start:]
    if "Traceback" in logged:
        pytest.fail(f"the server logged a traceback:\n{logged[-3000:]}", pytrace=False)
