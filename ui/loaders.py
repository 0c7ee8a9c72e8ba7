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


@st.cache_resource(show_spinner=False)
def _full_mnist() -> data.Split | None:
    """Downloaded once per server; None when the download failed (kept until the cache is cleared)."""
    try:
        return data.load_full_mnist()
    except data.DataUnavailableError:
        return None


def mnist(key: str) -> tuple[data.Split, str]:
    """The bundled MNIST, or the full 70,000 images if the viewer opts in with the sidebar toggle
    `key` (a download, so it needs a network once). Offline, a warning and the bundled set."""
    if st.sidebar.toggle(t("data.full_mnist"), key=key, bind="query-params", help=t("data.full_mnist_help")):
        with st.spinner(t("data.downloading")):
            full = _full_mnist()
        if full is not None:
            return full, "full"
        st.warning(t("data.full_mnist_offline"))
    return dataset("mnist"), "bundled"
