"""Sidebar controls mirrored in the URL, so a lecturer can bookmark a slide's state.

Each page keeps one dict of lecture defaults, {widget key: value}; widgets read their
default from it and the reset button writes it back. Keys carry the page's prefix and are
the URL parameter names. A value equal to its default is left out of the URL.

Sliders use Streamlit's own URL binding, which rejects nan, inf and out-of-range values.
Choice widgets (radio, select box) do not: Streamlit would write the option's *label* into the
URL, and labels are translated. They keep the option's id in the URL instead (`?dn_kind=masking`
whatever the language), so a bookmark opens the same slide in Korean and in English and a
language switch keeps the choice. An id that is not an option (unknown, empty, repeated) is
ignored.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from urllib.parse import urlencode

import streamlit as st

from ui.i18n import t

# Session State entry {key: default} of the choice widgets this session has drawn, so `apply`
# (reset, presets) knows which keys to write to the URL itself.
CHOICE_DEFAULTS = "controls.choice_defaults"


def slider(key: str, defaults: dict, label_key: str, low, high, step, fmt: str | None = None,
           help_key: str | None = None, container=None):
    """A URL-bound slider, in the sidebar unless a `container` is given (a scrubber beside its picture)."""
    return (container or st.sidebar).slider(t(label_key), low, high, defaults[key], step, key=key, format=fmt,
                             bind="query-params", help=t(help_key) if help_key else None)


def choice_slider(key: str, defaults: dict, label_key: str, options: list,
                  help_key: str | None = None):
    """A slider over given values, e.g. a learning rate on a log scale.

    URL-bound by Streamlit, which writes the label: the labels are numbers ("0.001"), the same in
    both languages.
    """
    return st.sidebar.select_slider(t(label_key), options=options, value=defaults[key],
                                    key=key, format_func=lambda v: f"{v:g}", bind="query-params",
                                    help=t(help_key) if help_key else None)


def radio(key: str, defaults: dict, label_key: str, options: list, option_prefix: str):
    """Options are ids; their labels come from the catalogue as f"{option_prefix}.{id}"."""
    return choice(st.sidebar.radio, key, defaults[key], t(label_key),
                  {option: t(f"{option_prefix}.{option}") for option in options})


def selectbox(key: str, defaults: dict, label_key: str, options: list,
              format_func: Callable[[str], str], help: str | None = None):
    """A select box over option ids, labelled by `format_func` (in the viewer's language)."""
    return choice(st.sidebar.selectbox, key, defaults[key], t(label_key),
                  {option: format_func(option) for option in options}, help=help)


def choice(widget: Callable, key: str, default: str, label: str, labels: dict[str, str],
           **kwargs) -> str:
    """Draw `widget` (st.radio, st.selectbox, ...) over the ids of `labels` ({id: label shown}),
    with the chosen id in the URL.

    The value is the URL's id when it names an option (a bookmark, or the browser's history),
    else the session's last choice (a language switch relabels the options; a page switch drops
    the page's parameters), else `default`.
    """
    options = list(labels)
    st.session_state.setdefault(CHOICE_DEFAULTS, {})[key] = default
    # Seeded before the widget: its own state holds the label shown last, possibly in the other language.
    st.session_state[key] = _chosen(key, options, default)
    # The labels are fixed now, not looked up when Streamlit formats an option later.
    value = widget(label, options, index=options.index(default), key=key, format_func=labels.__getitem__,
                   on_change=_write_url, args=(key,), **kwargs)
    _write_url(key)  # drops an ignored id, restores the parameter after a page switch
    return value


def _chosen(key: str, options: list[str], default: str) -> str:
    in_url = st.query_params.get_all(key)
    if len(in_url) == 1 and in_url[0] in options:
        return in_url[0]
    # Read before the widget is drawn again, so with the labels of the previous run.
    previous = st.session_state.get(key)
    return previous if previous in options else default


def _write_url(key: str) -> None:
    """Put a choice's id in the URL, or take it out when it is the default."""
    default = st.session_state[CHOICE_DEFAULTS][key]
    value = st.session_state.get(key, default)
    if value == default:
        if key in st.query_params:
            del st.query_params[key]
    elif st.query_params.get_all(key) != [value]:
        st.query_params[key] = value


def apply(values: dict) -> None:
    """Write widget values through Session State (a preset or the lecture defaults)."""
    choices = st.session_state.get(CHOICE_DEFAULTS, {})
    for key, value in values.items():
        st.session_state[key] = value
        if key in choices:
            _write_url(key)


def preset_button(label: str, values: dict, container=None) -> None:
    (container or st.sidebar).button(label, on_click=apply, args=(values,),
                                     width="stretch")


def reset_button(defaults: dict) -> None:
    """The reset to lecture defaults, then the link to this slide (drawn last, so it holds every control)."""
    st.sidebar.button(t("frame.reset"), on_click=apply, args=(defaults,), type="primary",
                      width="stretch", help=t("frame.reset_help"))
    with st.sidebar.popover(t("frame.link"), icon=":material/link:", width="stretch", help=t("frame.link_help")):
        st.code(slide_link(), language=None, wrap_lines=True)  # Streamlit's code block has a copy button
        st.caption(t("frame.link_caption"))


def slide_link() -> str:
    """This page's address with the state of its controls, numbers rounded as a person writes them
    (a slider stepping by 0.1 can leave 1.9000000000000001 in the browser's address bar)."""
    params = {key: _rounded(value) for key, value in st.query_params.to_dict().items()}
    return (st.context.url or "") + ("?" + urlencode(params) if params else "")


def _rounded(value: str) -> str:
    try:
        number = float(value)
    except ValueError:
        return value
    return f"{number:.10g}" if math.isfinite(number) and any(c in value for c in ".eE") else value


def log_range(low_exponent: int, high_exponent: int) -> list[float]:
    """1-2-5 steps per decade, e.g. log_range(-3, 0) = [0.001, 0.002, 0.005, ..., 1.0]."""
    values = [m * 10.0 ** e for e in range(low_exponent, high_exponent) for m in (1, 2, 5)]
    return [float(f"{v:.6g}") for v in values] + [10.0 ** high_exponent]
