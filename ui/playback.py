"""Play / pause / step through a run's iterations, like Nielsen's "Run" button and TensorFlow
Playground: the class watches the plateau happen in time.

A page puts the part of it that shows the run inside `@st.fragment(run_every=playback.tick(key))`
and calls `playback.bar(key, last)` first in it: while playing, only that fragment reruns, a few
times a second, and each run shows one more slice of the iterations. `None` means "not playing
back": the page shows the whole run, as it does without the player. The state lives in the
session (never in the URL: a bookmark is a slide, not a moment of an animation).
"""

from __future__ import annotations

import streamlit as st

from ui.i18n import t

INTERVAL = 0.35  # s between frames: smooth enough, and a rerun of a NumPy page fits in it
FRAMES = 60  # a whole run plays in about FRAMES × INTERVAL ≈ 20 s, whatever its length


def _playing(key: str) -> bool:
    return bool(st.session_state.get(f"{key}_playing"))


def tick(key: str) -> float | None:
    """The fragment's run_every: a frame interval while playing, else None (no timer). Called where
    the fragment is defined, i.e. on a run of the whole page; the timer it sets is remembered."""
    st.session_state[f"{key}_timer"] = _playing(key)
    return INTERVAL if _playing(key) else None


def position(key: str) -> int | None:
    """The iteration shown, or None when the whole run is shown."""
    return st.session_state.get(f"{key}_at")


def _frame_step(last: int) -> int:
    return max(1, -(-last // FRAMES))


# Button callbacks: they run before the fragment draws, so the buttons show the new state at once.
def _play(key: str, last: int) -> None:
    at = position(key)
    st.session_state[f"{key}_at"] = 0 if at is None or at >= last else at
    st.session_state[f"{key}_playing"] = True


def _pause(key: str) -> None:
    st.session_state[f"{key}_playing"] = False


def _step(key: str, last: int) -> None:
    at = position(key)
    st.session_state[f"{key}_at"] = 0 if at is None else min(last, at + _frame_step(last))
    st.session_state[f"{key}_playing"] = False


def _whole(key: str) -> None:
    st.session_state[f"{key}_at"], st.session_state[f"{key}_playing"] = None, False


def bar(key: str, last: int, unit_key: str) -> int | None:
    """Draw the player (play or pause, one step, back to the whole run, the counter) and advance
    one frame if playing. Returns the iteration to show (0 … last), or None for the whole run."""
    if st.session_state.get(f"{key}_timer", False) != _playing(key):
        st.rerun()  # play or pause was pressed: the whole page runs again, defining the fragment's timer anew
    at = position(key)
    if at is not None:
        at = min(last, at + _frame_step(last)) if _playing(key) else min(at, last)  # a slider may shorten the run
        st.session_state[f"{key}_at"] = at
    if at == last:
        st.session_state[f"{key}_playing"] = False  # the end: the next tick turns the timer off
    play_column, step_column, whole_column, counter_column = st.columns([1.2, 1.1, 1.4, 2.3], vertical_alignment="center")
    if _playing(key):
        play_column.button(t("player.pause"), key=f"{key}_pause", icon=":material/pause:", width="stretch",
                           on_click=_pause, args=(key,))
    else:
        play_column.button(t("player.play"), key=f"{key}_play", icon=":material/play_arrow:", width="stretch",
                           type="primary", help=t("player.play_help"), on_click=_play, args=(key, last))
    step_column.button(t("player.step"), key=f"{key}_step", icon=":material/skip_next:", width="stretch",
                       help=t("player.step_help", step=_frame_step(last)), on_click=_step, args=(key, last))
    whole_column.button(t("player.whole"), key=f"{key}_whole", icon=":material/replay:", width="stretch",
                        help=t("player.whole_help"), disabled=at is None, on_click=_whole, args=(key,))
    counter_column.progress(1.0 if at is None else at / max(last, 1),
                            text=t("player.counter", unit=t(unit_key), at=last if at is None else at, last=last))
    return at
