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

from core import models, pretrained, training
from ui import charts
from ui.i18n import t

BLUE, ORANGE = "#4c78a8", "#f58518"
TERM_COLORS = (BLUE, ORANGE, "#54a24b")  # a family's per-epoch terms, in the order it declares them
SOLID, DASHED = [1, 0], [5, 4]  # this run, the pretrained model's run
# Legend swatches as short lines (not the points' circles), long enough to show a dash.
LINE_LEGEND = alt.Legend(symbolType="stroke", symbolSize=500, symbolStrokeWidth=2.5)
DASH_LEGEND = alt.Legend(symbolType="stroke", symbolSize=500, symbolStrokeWidth=2.5, symbolStrokeColor="#555555")


@dataclass
class Run:
    recipe: pretrained.Recipe
    parts: models.Parts | None  # trained in place; None only for the pretrained curves drawn before a run
    epochs: list = field(default_factory=list)  # core.training.Epoch per finished epoch
    status: str = "running"  # running | done | stopped | diverged
    diverged_at: int | None = None
    scores: dict | None = None  # test metrics, measured once when the run ends
    watched: list = field(default_factory=list)  # per epoch, what a page records beside the losses (a GAN's samples)


def loss_chart(run: Run, reference: list | None):
    """Training and test loss per epoch: colour tells the split, the dash tells this run from the
    pretrained model's recorded run (solid and dashed, in the legend too)."""
    splits = {"train": t("training.split.train"), "test": t("training.split.test")}
    rows = [(e.index, value, splits[name], t("training.run.this"))
            for e in run.epochs for name, value in (("train", e.loss), ("test", e.test_loss))]
    if reference:  # as many epochs as this run asked for, so the two runs share the x axis
        rows += [(index, value, splits[name], t("training.run.reference"))
                 for index, pair in enumerate(reference[:run.recipe.epochs], start=1)
                 for name, value in zip(("train", "test"), pair, strict=True)]
    title = t(f"training.chart_title.{run.recipe.family}", beta=f"{run.recipe.beta:g}")
    color = alt.Color("curve:N", title=None, scale=alt.Scale(domain=list(splits.values()), range=[BLUE, ORANGE]),
                      legend=LINE_LEGEND)
    return _curves(rows, title, t("training.loss_axis"), color, run, bool(reference))


def term_chart(run: Run, reference_terms: dict | None, term: str, colour: str):
    """One term of a VAE's −ELBO on the test split per epoch, on its own y scale: the KL is tens of
    times smaller than the reconstruction (3 against 190 nats after one epoch at β = 1, d = 2),
    and on a shared axis its rise would be a flat line."""
    label = t(f"training.term.{term}")
    rows = [(e.index, e.logs[f"val_{term}"], label, t("training.run.this")) for e in run.epochs if f"val_{term}" in e.logs]
    if reference_terms:
        rows += [(index, value, label, t("training.run.reference"))
                 for index, value in enumerate(reference_terms.get(f"val_{term}", [])[:run.recipe.epochs], start=1)]
    color = alt.Color("curve:N", title=None, scale=alt.Scale(domain=[label], range=[colour]), legend=None)
    return _curves(rows, t(f"training.term_title.{term}"), t("training.nats_axis"), color, run, bool(reference_terms))


def _curves(rows: list, title: str, y_title: str, color: alt.Color, run: Run, with_reference: bool) -> alt.LayerChart:
    """Lines of (epoch, value, curve, run) rows on whole-epoch ticks, y from the data. The run is a
    strokeDash channel, so its legend shows the dash; points mark the epochs while there are few of
    them (a run of one epoch is a single point), in a layer of their own so the legend stays lines."""
    frame = pd.DataFrame(rows, columns=["epoch", "value", "curve", "run"]).astype({"epoch": "int64", "value": "float64"})
    runs = [t("training.run.this"), *([t("training.run.reference")] if with_reference else [])]
    dash = alt.StrokeDash("run:N", title=None, scale=alt.Scale(domain=runs, range=[SOLID, DASHED][:len(runs)]),
                          legend=DASH_LEGEND)
    epoch, value = t("training.epoch_axis"), y_title
    base = alt.Chart(frame).encode(
        x=charts.epoch_x(epoch), y=alt.Y("value:Q", title=value, scale=alt.Scale(zero=False)), color=color,
        tooltip=[alt.Tooltip("epoch:Q", title=epoch), alt.Tooltip("value:Q", title=value, format=".4f"),
                 alt.Tooltip("curve:N", title=" "), alt.Tooltip("run:N", title=" ")])
    layers = [base.mark_line().encode(strokeDash=dash)]
    if len(run.epochs) < 30:
        layers.append(base.mark_circle(size=30, opacity=1))
    return alt.layer(*layers).properties(title=title, height=charts.height(260))


def _draw(run: Run, reference: dict | None, loss_area, term_areas) -> None:
    charts.show(loss_chart(run, (reference or {}).get("history")), container=loss_area, export=False)
    terms = models.FAMILIES[run.recipe.family].terms
    for term, area, colour in zip(terms, term_areas, TERM_COLORS, strict=False):
        charts.show(term_chart(run, (reference or {}).get("terms"), term, colour), container=area, export=False)


def panel(prefix: str, recipe: pretrained.Recipe, split, reference: dict | None = None) -> Run | None:
    """Buttons, progress and live charts; returns this session's latest run (None before the first).

    `reference` is the manifest entry of a bundled model trained the same way: its recorded
    curves are drawn dashed beside the live ones."""
    key = f"{prefix}_run"
    run: Run | None = st.session_state.get(key)
    if run is not None and run.status == "running":  # a click ended the script mid-run
        run.status = "stopped"
    left, right = st.columns(2)
    start = left.button(t("training.start"), type="primary", key=f"{prefix}_start", width="stretch")
    right.button(t("training.stop"), key=f"{prefix}_stop", disabled=not start, width="stretch",
                 help=t("training.stop_help"))
    progress, loss_area = st.empty(), st.empty()
    # The family's terms side by side, each on its own scale (placeholders, redrawn after every epoch).
    terms = models.FAMILIES[recipe.family].terms
    term_areas = [column.empty() for column in st.columns(len(terms))] if terms else []
    if start:
        progress.progress(0.0, text=t("training.preparing"))  # the first build also imports TensorFlow
        run = Run(recipe, pretrained.build(recipe))
        st.session_state[key] = run
        _train(run, split, progress, lambda: _draw(run, reference, loss_area, term_areas))
    if run is None:
        progress.info(t("training.none_yet"))
        if reference:  # the pretrained model's curves already, so the page opens on a picture
            _draw(Run(recipe, parts=None), reference, loss_area, term_areas)
        return None
    if run.scores is None and run.epochs:
        run.scores = pretrained.evaluate(run.recipe, run.parts, split)
    _draw(run, reference, loss_area, term_areas)
    _report(run, progress)
    return run


def _train(run: Run, split, progress, draw) -> None:
    total = run.recipe.epochs
    waiting = t("training.waiting") if training.training_lock.locked() else t("training.preparing")
    progress.progress(0.0, text=waiting)

    def on_epoch_end(epoch) -> None:
        run.epochs.append(epoch)
        progress.progress(epoch.index / total, text=t("training.progress", epoch=epoch.index, total=total,
                                                      seconds=f"{epoch.seconds:.1f}"))
        draw()

    _, outcome, _ = pretrained.train(run.recipe, split, on_epoch_end=on_epoch_end, parts=run.parts)
    run.diverged_at = outcome.diverged_at
    run.status = "diverged" if outcome.diverged_at else "done"


def _report(run: Run, container) -> None:
    if run.status == "diverged":
        container.warning(t("training.diverged", epoch=run.diverged_at))
    elif run.status == "stopped":
        container.info(t("training.stopped", epoch=len(run.epochs), total=run.recipe.epochs))
    else:
        seconds = sum(e.seconds for e in run.epochs)
        container.success(t("training.done", epochs=len(run.epochs), seconds=f"{seconds:.1f}"))
