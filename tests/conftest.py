"""Shared test helpers: the project root and a way to open any page under AppTest."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parent.parent
ENTRY = ROOT / "streamlit_app.py"
# A first TensorFlow import takes 6–12 s here; AppTest's default timeout is 3 s.
PAGE_TIMEOUT = 120


def open_page(script: str, language: str = "ko", query: dict | None = None) -> AppTest:
    """Run `script` (a path relative to the root, e.g. "pages/2_sigmoid_neuron.py") as a user
    arriving with `query` in the URL would, and return the AppTest after the first run."""
    app = AppTest.from_file(str(ENTRY), default_timeout=PAGE_TIMEOUT)
    if language == "en":
        app.query_params["lang"] = "English"
    for key, value in (query or {}).items():
        app.query_params[key] = value
    if script != "streamlit_app.py":
        app.switch_page(script)
    return app.run()


# The test files that take longest, first. The suite runs in two processes that each take whole files
# (pyproject.toml); a long file handed out late would run alone at the end. Under two processes
# test_deep_links.py took about 5 min, test_layout.py about 3; a unit test file takes seconds.
LONGEST_FIRST = ("browser/test_deep_links.py", "browser/test_layout.py", "browser/test_chapters_2_3.py")


def pytest_collection_modifyitems(items):
    def rank(item) -> int:
        path = item.nodeid.split("::")[0].removeprefix("tests/")
        return LONGEST_FIRST.index(path) if path in LONGEST_FIRST else len(LONGEST_FIRST)

    items.sort(key=rank)  # stable: the rest keeps its order


@pytest.fixture
def page():
    return open_page
