"""Sidebar controls mirrored in the URL, so a lecturer can bookmark a slide's state.

Each page keeps one dict of lecture defaults, {widget key: value}; widgets read their
default from it and the reset button writes it back. Keys carry the page's prefix and are
the URL parameter names. Streamlit validates bound URL values: nan, inf, out-of-range and
unknown options fall back to the default.
"""

from __future__ import annotations

import streamlit as st

from ui.i18n import t


def slider(key: str, defaults: dict, label_key: str, low, high, step, fmt: str | None = None,
           help_key: str | None = None):
    return st.sidebar.slider(t(label_key), low, high, defaults[key], step, key=key, format=fmt,
                             bind="query-params", help=t(help_key) if help_key else None)


def choice_slider(key: str, defaults: dict, label_key: str, options: list,
                  help_key: str | None = None):
    """A slider over given values, e.g. a learning rate on a log scale."""
    return st.sidebar.select_slider(t(label_key), options=options, value=defaults[key],
                                    key=key, format_func=lambda v: f"{v:g}", bind="query-params",
                                    help=t(help_key) if help_key else None)


def radio(key: str, defaults: dict, label_key: str, options: list, option_prefix: str):
    """Options are ids; their labels come from the catalogue as f"{option_prefix}.{id}".

    Streamlit writes the option's label, not its id, into the URL, so these labels must be the
    same in both languages (technical names such as "ReLU") for a bookmark to work in either.
    """
    return st.sidebar.radio(t(label_key), options, index=options.index(defaults[key]), key=key,
                            format_func=lambda o: t(f"{option_prefix}.{o}"), bind="query-params")


def apply(values: dict) -> None:
    """Write widget values through Session State (a preset or the lecture defaults)."""
    for key, value in values.items():
        st.session_state[key] = value


def preset_button(label: str, values: dict, container=None) -> None:
    (container or st.sidebar).button(label, on_click=apply, args=(values,),
                                     width="stretch")


def reset_button(defaults: dict) -> None:
    st.sidebar.button(t("frame.reset"), on_click=apply, args=(defaults,), type="primary",
                      width="stretch", help=t("frame.reset_help"))


def log_range(low_exponent: int, high_exponent: int) -> list[float]:
    """1-2-5 steps per decade, e.g. log_range(-3, 0) = [0.001, 0.002, 0.005, ..., 1.0]."""
    values = [m * 10.0 ** e for e in range(low_exponent, high_exponent) for m in (1, 2, 5)]
    return [float(f"{v:.6g}") for v in values] + [10.0 ** high_exponent]
