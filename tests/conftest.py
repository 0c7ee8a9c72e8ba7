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


@pytest.fixture
def page():
    return open_page
