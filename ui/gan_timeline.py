"""The GAN lab's timeline, GAN Lab's controls: Play / Pause, Step D, Step G, Step both, Reset, and
the iteration counter, over the viewer's own lab in the session.

The lab (core.gan_lab.Lab) lives in `st.session_state`, never in a shared cache: each viewer
trains their own, reproducible from its seed, and no lock makes one viewer wait for another's
toy GAN. A page draws the picture inside `@st.fragment(run_every=tick())` and calls `bar()` first
in it: while playing, only the fragment reruns, twice a second, and each run trains for about
BUDGET seconds before the picture is drawn. The chunk follows the measured speed, so a busy
server trains fewer iterations per refresh instead of refreshing less often.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field

import streamlit as st

from core import gan_lab, gan_runs, toy_data
from ui.i18n import t

RUN = "gl_run"
PLAYING = "gl_playing"
TIMER = "gl_timer"
INTERVAL = 0.45  # s between refreshes while playing: the timer runs a little late, so twice a second needs less than 0.5
BUDGET = 0.2  # s of training per refresh; drawing takes about 0.1 s more, so a refresh fits in INTERVAL
FIRST_RATE = 500.0  # iterations per second assumed before the first chunk is measured
MAX_HISTORY = 400  # rows of figures kept (older ones thinned to every other row): enough for a chart, cheap to redraw
DATA_KEY = "gl_data"
# The lab page's widget for each setting: the page reads its settings through them, and a run
# continued elsewhere (a bundled snapshot) opens the lab page with them in the URL.
WIDGET_KEYS = {
    "loss": "gl_loss", "packing": "gl_packing", "discriminator_steps": "gl_d_steps",
    "discriminator_learning_rate": "gl_d_lr", "generator_learning_rate": "gl_g_lr",
    "discriminator_optimizer": "gl_d_opt", "generator_optimizer": "gl_g_opt", "batch": "gl_batch",
    "noise_dim": "gl_noise_dim", "noise": "gl_noise", "generator_depth": "gl_g_depth", "generator_width": "gl_g_width",
    "discriminator_depth": "gl_d_depth", "discriminator_width": "gl_d_width", "seed": "gl_seed",
}


@dataclass
class LiveRun:
    lab: gan_lab.Lab
    data_id: str
    view: gan_lab.View
    history: list[dict] = field(default_factory=list)
    rate: float = FIRST_RATE  # measured iterations per second
    budget: float = BUDGET  # s of training per refresh, less when refreshes come late (a busy server)
    last_refresh: float = 0.0  # time.monotonic() of the last refresh while playing

    def record(self) -> None:
        self.view = self.lab.view()
        self.history.append(self.view.figures())
        if len(self.history) > MAX_HISTORY:
            self.history = self.history[::2] + ([self.history[-1]] if len(self.history) % 2 == 0 else [])


def live_run(settings: gan_lab.Settings, data: toy_data.Mixture, data_id: str) -> LiveRun:
    """This viewer's run: kept while only the live settings change, built anew (from the seed)
    when the networks, the loss, the optimizers, the seed or the data change."""
    run = st.session_state.get(RUN)
    if run is None or run.data_id != data_id or run.lab.settings.structure() != settings.structure():
        with st.spinner(t("gan_lab.building")):
            lab = gan_lab.Lab(settings, data)
            lab.train(0)  # traces the training graph now, not on the first press of Play
            run = LiveRun(lab, data_id, lab.view())
            run.history.append(run.view.figures())
        st.session_state[RUN] = run
        st.session_state[PLAYING] = False
    elif run.lab.settings != settings:
        run.lab.apply_live(settings)
    return run


def settings_from(values: dict) -> gan_lab.Settings:
    """The lab's settings from the page's widget values ({widget key: value})."""
    return gan_lab.Settings(**{field: values[key] for field, key in WIDGET_KEYS.items()})


def from_snapshot(trajectory: gan_runs.Trajectory, index: int, data: toy_data.Mixture, data_name: str) -> LiveRun:
    """A live run that starts from a bundled run's snapshot: its weights, its figures so far."""
    with st.spinner(t("gan_lab.building")):
        lab = gan_lab.Lab(trajectory.run.settings, data)
        lab.load_weights(trajectory.weights(index), int(trajectory.iterations[index]))
        lab.train(0)
    run = LiveRun(lab, data_name, lab.view(), history=trajectory.figures()[:index])
    run.history.append(run.view.figures())
    return run


def continue_on_lab_page(run: LiveRun, data_name: str) -> None:
    """Make `run` this viewer's live run and open the lab page with its settings in the URL."""
    st.session_state[RUN] = run
    st.session_state[PLAYING] = False
    query = {key: str(getattr(run.lab.settings, field)) for field, key in WIDGET_KEYS.items()}
    st.switch_page("pages/18_gan_lab.py", query_params={DATA_KEY: data_name, **query})


def playing() -> bool:
    return bool(st.session_state.get(PLAYING))


def tick() -> float | None:
    """The fragment's run_every; see ui.playback.tick."""
    st.session_state[TIMER] = playing()
    return INTERVAL if playing() else None


def _train_chunk(run: LiveRun) -> None:
    """Train for about run.budget seconds, then record the view. When the refreshes come later
    than INTERVAL (thirty viewers playing on two cores), the budget shrinks in proportion: the
    training slows down, and the picture keeps moving for everyone."""
    now = time.monotonic()
    gap = now - run.last_refresh
    share = min(1.0, INTERVAL / gap) if gap < 4 * INTERVAL else 1.0  # a longer gap is a new start, not load
    run.budget, run.last_refresh = 0.5 * run.budget + 0.5 * BUDGET * share, now
    iterations = max(1, int(run.rate * run.budget))
    started = time.perf_counter()
    run.lab.train(iterations)
    elapsed = max(time.perf_counter() - started, 1e-6)
    run.rate = 0.5 * run.rate + 0.5 * iterations / elapsed
    run.record()


def _step(run: LiveRun, discriminator: bool, generator: bool) -> None:
    st.session_state[PLAYING] = False
    run.lab.train(1, discriminator=discriminator, generator=generator)
    run.record()


def _reset(run: LiveRun) -> None:
    st.session_state[PLAYING] = False
    run.lab.reset()
    run.history.clear()
    run.record()


def _toggle() -> None:
    st.session_state[PLAYING] = not playing()


def bar(run: LiveRun) -> None:
    """The buttons; trains one chunk first while playing."""
    if st.session_state.get(TIMER, False) != playing():
        st.rerun()  # Play or Pause was pressed: the whole page runs again and sets the fragment's timer
    if playing():
        _train_chunk(run)
    play, step_d, step_g, step_both, reset = st.columns([1.2, 1, 1, 1.2, 1.1], vertical_alignment="center")
    if playing():
        play.button(t("gan_lab.pause"), key="gl_pause", icon=":material/pause:", width="stretch", on_click=_toggle)
    else:
        play.button(t("gan_lab.play"), key="gl_play", icon=":material/play_arrow:", type="primary", width="stretch",
                    on_click=_toggle, help=t("gan_lab.play_help"))
    step_d.button(t("gan_lab.step_d"), key="gl_step_d", width="stretch", on_click=_step, args=(run, True, False),
                  help=t("gan_lab.step_d_help", steps=run.lab.settings.discriminator_steps))
    step_g.button(t("gan_lab.step_g"), key="gl_step_g", width="stretch", on_click=_step, args=(run, False, True),
                  help=t("gan_lab.step_g_help"))
    step_both.button(t("gan_lab.step_both"), key="gl_step_both", width="stretch", on_click=_step,
                     args=(run, True, True), help=t("gan_lab.step_both_help"))
    reset.button(t("gan_lab.reset"), key="gl_reset", icon=":material/replay:", width="stretch", on_click=_reset,
                 args=(run,), help=t("gan_lab.reset_help"))


def counter(run: LiveRun) -> str:
    """The iteration counter (the plane's title), with the measured speed while playing."""
    text = t("gan_lab.counter", iteration=f"{run.lab.iteration:,}")
    return text + (t("gan_lab.speed", rate=f"{run.rate:,.0f}") if playing() else "")
