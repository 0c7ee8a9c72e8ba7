"""Live training of a digit GAN in the viewer's session: Train and Stop, progress, and after every
epoch the same noise decoded, both losses and the mix of digits the classifier reads in 500 samples.

Built like ui.live_training (the run and its model live in `st.session_state` under the page's
prefix; a click ends the script at the next epoch and the run keeps its finished epochs), with what a
GAN needs instead of a test loss: pictures per epoch and a watch for mode collapse.
"""

from __future__ import annotations

import numpy as np
import streamlit as st

from core import evaluation, gan_history, generative, pretrained
from core.data import CLASSES
from ui import charts, gan_digit_views, images, loaders
from ui.i18n import t
from ui.live_training import Run

WATCHED = 500  # samples classified after every epoch (1,000 took 0.3–0.6 s, 500 0.2 s)
COLLAPSE_SHARE = 0.5  # more than this share read as one digit: mode collapse


def _watch(run: Run, noise: dict) -> None:
    """Record the epoch's grid (uint8: 50 KB, where float32 took 200 KB per epoch and session) and digit
    mix on the run, kept for redraws after the run."""
    generator, classifier = run.parts.generator, loaders.pretrained_model(evaluation.CLASSIFIER).model
    grid = np.round(generative.decode(generator, noise["grid"]) * 255).astype(np.uint8)
    labels = generative.classify(classifier, generative.decode(generator, noise["watched"]))
    run.watched.append((grid, np.bincount(labels, minlength=CLASSES) / len(labels)))


def _noise(noise_dim: int) -> dict:
    return {"grid": gan_history.grid_noise(noise_dim),
            "watched": np.random.default_rng(1).standard_normal((WATCHED, noise_dim)).astype(np.float32)}


def _draw(run: Run, areas: dict) -> None:
    if not run.watched:
        return
    grid, shares = run.watched[-1]
    images.show(grid / 255.0, columns=8, scale=2, container=areas["grid"].container(),
                caption=t("train_gan.grid_caption", epoch=len(run.epochs)))
    losses = {t("gan_digits.loss.discriminator"): [e.logs["discriminator_loss"] for e in run.epochs],
              t("gan_digits.loss.generator"): [e.logs["generator_loss"] for e in run.epochs]}
    charts.show(gan_digit_views.epoch_lines(losses, t("gan_digits.losses_title"), t("gan_digits.loss_axis"),
                                            base_height=170), container=areas["losses"], export=False)
    charts.show(gan_digit_views.digit_mix(shares, t("train_gan.mix_title", epoch=len(run.epochs))),
                container=areas["mix"], export=False)


def collapsed(run: Run) -> tuple[int, float] | None:
    """(digit, share) when more than half of the latest epoch's samples read as one digit."""
    if not run.watched:
        return None
    shares = run.watched[-1][1]
    return (int(shares.argmax()), float(shares.max())) if shares.max() > COLLAPSE_SHARE else None


def _draw_reference(areas: dict, epochs: int) -> None:
    """Before a run: the bundled GAN (twice the channels) after as many epochs, so the page opens on a
    picture of what training does."""
    history = loaders.gan_training_history(pretrained.GAN_NAME)
    if history is None:  # its message is shown; the page still trains
        return
    epoch = min(epochs, history.epochs)
    images.show(history.grid(epoch), columns=8, scale=2, container=areas["grid"].container(),
                caption=t("train_gan.reference_caption", epoch=epoch))
    terms = loaders.manifest_entry(pretrained.GAN_NAME)["terms"]
    losses = {t("gan_digits.loss.discriminator"): terms["discriminator_loss"][:epoch],
              t("gan_digits.loss.generator"): terms["generator_loss"][:epoch]}
    charts.show(gan_digit_views.epoch_lines(losses, t("train_gan.reference_losses", epoch=epoch), t("gan_digits.loss_axis"),
                                            base_height=170), container=areas["losses"], export=False)
    charts.show(gan_digit_views.digit_mix(history.shares[epoch], t("train_gan.reference_mix", epoch=epoch)),
                container=areas["mix"], export=False)


def panel(prefix: str, recipe: pretrained.Recipe, split) -> Run | None:
    """Buttons, progress, the live grid, losses and digit mix; returns this session's latest run.
    Before the first run, the bundled GAN's training stands in their place."""
    key = f"{prefix}_run"
    run: Run | None = st.session_state.get(key)
    if run is not None and run.status == "running":  # a click ended the script mid-run
        run.status = "stopped"
    left, right = st.columns(2)
    start = left.button(t("training.start"), type="primary", key=f"{prefix}_start", width="stretch")
    right.button(t("training.stop"), key=f"{prefix}_stop", disabled=not start, width="stretch",
                 help=t("training.stop_help"))
    progress = st.empty()
    grid_column, chart_column = st.columns([0.4, 0.6], gap="medium")
    areas = {"grid": grid_column.empty(), "losses": chart_column.empty(), "mix": chart_column.empty()}
    if start:
        progress.progress(0.0, text=t("training.preparing"))  # the first build also imports TensorFlow
        loaders.pretrained_model(evaluation.CLASSIFIER)  # the judge of the digit mix, loaded before the run
        run = Run(recipe, pretrained.build(recipe))
        st.session_state[key] = run
        _train(run, split, progress, areas)
    if run is None:
        progress.info(t("training.none_yet"))
        _draw_reference(areas, recipe.epochs)
        return None
    _draw(run, areas)
    _report(run, progress)
    return run


def _train(run: Run, split, progress, areas) -> None:
    from core import training

    total, noise = run.recipe.epochs, _noise(run.recipe.code_size)
    progress.progress(0.0, text=t("training.waiting") if training.training_lock.locked() else t("training.preparing"))

    def on_epoch_end(epoch) -> None:
        run.epochs.append(epoch)
        _watch(run, noise)
        progress.progress(epoch.index / total, text=t("training.progress", epoch=epoch.index, total=total,
                                                      seconds=f"{epoch.seconds:.1f}"))
        _draw(run, areas)

    _, outcome, _ = pretrained.train(run.recipe, split, on_epoch_end=on_epoch_end, parts=run.parts)
    run.diverged_at = outcome.diverged_at
    run.status = "diverged" if outcome.diverged_at else "done"


def _report(run: Run, area) -> None:
    box = area.container()
    if run.status == "diverged":
        box.error(t("train_gan.diverged", epoch=run.diverged_at))
    elif run.status == "stopped" or not run.epochs:
        box.info(t("training.stopped", epoch=len(run.epochs), total=run.recipe.epochs))
    else:
        seconds = [e.seconds for e in run.epochs]
        box.success(t("train_gan.done", epochs=len(seconds), seconds=f"{sum(seconds):.1f}",
                      per_epoch=f"{np.mean(seconds[1:] or seconds):.1f}"))
    collapse = collapsed(run)
    if collapse is not None:
        digit, share = collapse
        box.warning(t("train_gan.collapsed", digit=digit, share=f"{share:.0%}", epoch=len(run.epochs)))
