"""Cached loaders: one copy per server, rebuilt from assets/ whenever the cache is cleared."""

from __future__ import annotations

import streamlit as st

from core import data
from ui.i18n import t


@st.cache_data(show_spinner=False, max_entries=4)
def _split(name: str) -> data.Split:
    return data.load(name)


def dataset(name: str = "mnist") -> data.Split:
    """The shared train/test split; a missing or altered file stops the page with a clear message."""
    try:
        return _split(name)
    except data.AssetError as error:
        problem = t("error.asset_missing") if error.missing else t("error.asset_altered")
        st.error(t("error.asset", file=error.path.name, problem=problem, sha256=error.expected_sha256))
        st.stop()
