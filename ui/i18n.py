"""Language choice and string lookup.

The strings live in ui/lang/<code>/, split by chapter, with the long texts in Markdown (see
ui/lang/__init__.py); they are read once, at import, into one flat dict per language.
"""

from __future__ import annotations

import streamlit as st

from ui.lang import en, ko

CATALOGUES = {"ko": ko.STRINGS, "en": en.STRINGS}
LANGUAGE_NAMES = {"ko": "한국어", "en": "English"}
DEFAULT_LANGUAGE = "ko"
LANGUAGE_KEY = "lang"  # the sidebar widget's key, and so the URL parameter


def current_language() -> str:
    language = st.session_state.get(LANGUAGE_KEY, DEFAULT_LANGUAGE)
    return language if language in CATALOGUES else DEFAULT_LANGUAGE


def t(key: str, **values) -> str:
    """The text for `key` in the current language, with `values` filled in."""
    text = CATALOGUES[current_language()][key]
    return text.format(**values) if values else text
