"""Live training in the viewer's own session: train and stop buttons, progress, a live loss chart.

The model is built and trained inside this session's script run, so other viewers keep using
the app (each session runs in its own thread; `core.training` serialises the trainings
themselves, so two viewers training at once both get their seeded result). The run, with
its model, lives in `st.session_state` under the page's prefix, never in a shared cache.

Stopping: any click reruns the page, and Streamlit ends the running script at its next
call into Streamlit, which is the progress update after each epoch. The run keeps the
epochs it finished, and the next rerun finds it unfinished and marks it stopped.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import altair as alt
import pandas as pd
import streamlit as st

from core import pretrained, training
from ui import charts
from ui.i18n import t

BLUE, ORANGE = "#4c78a8", "#f58518"
VAE_TERMS = ("reconstruction_loss", "kl_loss")  # the two terms of −ELBO, as the model logs them


@dataclass
class Run:
    recipe: pretrained.Recipe
    models: tuple  # (encoder, decoder, autoencoder), trained in place
    epochs: list = field(default_factory=list)  # core.training.Epoch per finished epoch
    status: str = "running"  # running | done | stopped | diverged
    diverged_at: int | None = None
    scores: dict | None = None  # test metrics, measured once when the run ends


def loss_chart(run: Run, reference: list | None):
    """Training and test loss per epoch; the bundled model's own run dashed, for comparison."""
    rows = [{"epoch": e.index, "loss": value, "series": t(f"train.series.{name}")}
            for e in run.epochs for name, value in (("train", e.loss), ("test", e.test_loss))]
    if reference:  # as many epochs as this run asked for, so the two runs share the x axis
        rows += [{"epoch": index, "loss": value, "series": t(f"train.series.reference_{name}")}
                 for index, pair in enumerate(reference[:run.recipe.epochs], start=1)
                 for name, value in zip(("train", "test"), pair, strict=True)]
    frame = pd.DataFrame(rows or [{"epoch": 0, "loss": None, "series": t("train.series.train")}])
    title = t("train.chart_title" if run.recipe.family == "ae" else "train.chart_title_elbo", beta=f"{run.recipe.beta:g}")
    # Training blue and test orange in both runs; the bundled model's run dashed.
    colors = {t(f"train.series.{name}"): color for name, color in [
        ("train", BLUE), ("test", ORANGE), ("reference_train", BLUE), ("reference_test", ORANGE)]
        if t(f"train.series.{name}") in set(frame["series"])}
    chart = charts.lines(frame, "epoch", "loss", "series", title, t("train.epoch_axis"),
                         t("train.loss_axis"), colors=colors, base_height=260)
    return _dash_references(chart, run, [t("train.series.reference_train"), t("train.series.reference_test")],
                            alt.Y("loss:Q", title=t("train.loss_axis")))


def terms_chart(run: Run, reference_terms: dict | None):
    """A VAE's two ELBO terms on the test split per epoch, the bundled model's dashed."""
    rows = [{"epoch": e.index, "nats": e.logs[f"val_{term}"], "series": t(f"train.series.{term}")}
            for e in run.epochs for term in VAE_TERMS if f"val_{term}" in e.logs]
    for term in VAE_TERMS if reference_terms else ():
        rows += [{"epoch": index, "nats": value, "series": t(f"train.series.reference_{term}")}
                 for index, value in enumerate(reference_terms.get(f"val_{term}", [])[:run.recipe.epochs], start=1)]
    frame = pd.DataFrame(rows or [{"epoch": 0, "nats": None, "series": t("train.series.reconstruction_loss")}])
    colors = {t(f"train.series.{prefix}{term}"): color for prefix in ("", "reference_")
              for term, color in zip(VAE_TERMS, (BLUE, ORANGE), strict=True)}
    colors = {name: color for name, color in colors.items() if name in set(frame["series"])}
    chart = charts.lines(frame, "epoch", "nats", "series", t("train.terms_title"), t("train.epoch_axis"),
                         t("train.nats_axis"), colors=colors, base_height=260)
    return _dash_references(chart, run, [t(f"train.series.reference_{term}") for term in VAE_TERMS],
                            alt.Y("nats:Q", title=t("train.nats_axis")))


def _dash_references(chart, run: Run, dashed: list[str], y: alt.Y):
    """The bundled model's series dashed; points on the lines while there are few epochs; y from the data."""
    return chart.mark_line(point=len(run.epochs) < 30).encode(
        y=y.scale(zero=False),
        strokeDash=alt.condition(alt.FieldOneOfPredicate(field="series", oneOf=dashed),
                                 alt.value([5, 4]), alt.value([1, 0])))


def _draw(run: Run, reference: dict | None, loss_area, terms_area) -> None:
    charts.show(loss_chart(run, (reference or {}).get("history")), container=loss_area)
    if run.recipe.family != "ae":
        charts.show(terms_chart(run, (reference or {}).get("terms")), container=terms_area)


def panel(prefix: str, recipe: pretrained.Recipe, split, reference: dict | None = None) -> Run | None:
    """Buttons, progress and live charts; returns this session's latest run (None before the first).

    `reference` is the manifest entry of a bundled model trained the same way: its recorded
    curves are drawn dashed beside the live ones."""
    key = f"{prefix}_run"
    run: Run | None = st.session_state.get(key)
    if run is not None and run.status == "running":  # a click ended the script mid-run
        run.status = "stopped"
    left, right = st.columns(2)
    start = left.button(t("train.start"), type="primary", key=f"{prefix}_start", width="stretch")
    right.button(t("train.stop"), key=f"{prefix}_stop", disabled=not start, width="stretch",
                 help=t("train.stop_help"))
    progress, loss_area, terms_area = st.empty(), st.empty(), st.empty()
    if start:
        progress.progress(0.0, text=t("train.preparing"))  # the first build also imports TensorFlow
        run = Run(recipe, pretrained.build(recipe))
        st.session_state[key] = run
        _train(run, split, progress, lambda: _draw(run, reference, loss_area, terms_area))
    if run is None:
        progress.info(t("train.none_yet"))
        return None
    if run.scores is None and run.epochs:
        run.scores = pretrained.evaluate(run.recipe, run.models[2], split)
    _draw(run, reference, loss_area, terms_area)
    _report(run, progress)
    return run


def _train(run: Run, split, progress, draw) -> None:
    total = run.recipe.epochs
    waiting = t("train.waiting") if training.training_lock.locked() else t("train.preparing")
    progress.progress(0.0, text=waiting)

    def on_epoch_end(epoch) -> None:
        run.epochs.append(epoch)
        progress.progress(epoch.index / total, text=t("train.progress", epoch=epoch.index, total=total,
                                                      seconds=f"{epoch.seconds:.1f}"))
        draw()

    _, outcome, _ = pretrained.train(run.recipe, split, on_epoch_end=on_epoch_end, models=run.models)
    run.diverged_at = outcome.diverged_at
    run.status = "diverged" if outcome.diverged_at else "done"


def _report(run: Run, container) -> None:
    if run.status == "diverged":
        container.warning(t("train.diverged", epoch=run.diverged_at))
    elif run.status == "stopped":
        container.info(t("train.stopped", epoch=len(run.epochs), total=run.recipe.epochs))
    else:
        seconds = sum(e.seconds for e in run.epochs)
        container.success(t("train.done", epochs=len(run.epochs), seconds=f"{seconds:.1f}"))
