"""Chapter 3 · train an autoencoder (plain or denoising) live, with the hyperparameters on screen."""

import streamlit as st

from core import evaluation, generative, noise, pretrained
from ui import controls, images, live_training, loaders
from ui.frame import frame, introduce
from ui.i18n import t

DEFAULTS = {"tr_dataset": "mnist", "tr_architecture": "mlp", "tr_code": 10, "tr_lr": 0.001, "tr_epochs": 5,
            "tr_noise": "gaussian", "tr_level": 0.0}
LEARNING_RATES = controls.log_range(-5, 0)
SHOWN = 10  # test images in the comparison rows
SEED = 2017

view = frame("train_autoencoder")
dataset = loaders.dataset_choice("tr_dataset", DEFAULTS)
architecture = controls.radio("tr_architecture", DEFAULTS, "train_autoencoder.architecture", ["mlp", "conv"],
                              "train_autoencoder.arch")
code_size = controls.slider("tr_code", DEFAULTS, "train_autoencoder.code", 1, 64, 1, help_key="train_autoencoder.code_help")
learning_rate = controls.choice_slider("tr_lr", DEFAULTS, "train_autoencoder.lr", LEARNING_RATES,
                                       help_key="train_autoencoder.lr_help")
epochs = controls.slider("tr_epochs", DEFAULTS, "train_autoencoder.epochs", 1, 30, 1)
kind = controls.radio("tr_noise", DEFAULTS, "train_autoencoder.noise", list(noise.KINDS), "noise.kind")
level = controls.slider("tr_level", DEFAULTS, "train_autoencoder.level", 0.0, 0.9, 0.05, help_key="train_autoencoder.level_help")
controls.reset_button(DEFAULTS)
split = loaders.dataset(dataset)

introduce(view, t("train_autoencoder.intro"), (
    r"\tilde{x} \sim q(\tilde{x}\mid x),\qquad \hat{x} = g_\theta(f_\phi(\tilde{x})),\qquad "
    r"L = -\sum_i \big[x_i \log \hat{x}_i + (1 - x_i)\log(1 - \hat{x}_i)\big]",
), "train_autoencoder.explain")

# The sidebar's settings as a recipe: the same description the bundled models are made from.
recipe = pretrained.Recipe(
    "live", dataset, int(code_size), architecture=architecture, hidden=(256, 128),
    noise=kind if level > 0 else None, noise_level=float(level) if level > 0 else 0.0,
    epochs=int(epochs), learning_rate=float(learning_rate), cosine_decay=False, batch_size=128, seed=SEED)
bundled_name = pretrained.autoencoder_name(dataset, int(code_size))
bundled = bundled_name if architecture == "mlp" and level == 0 and bundled_name in pretrained.RECIPES else None
reference = loaders.manifest_entry(bundled) if bundled else None
if reference:
    st.caption(t("train_autoencoder.reference_note", name=bundled, epochs=len(reference["history"])))

run = live_training.panel("tr", recipe, split, reference)
if run is None:
    st.stop()

used = run.recipe
st.caption(t("train_autoencoder.used", dataset=t(f"data.name.{used.dataset}"),
             architecture=t(f"train_autoencoder.arch.{used.architecture}"),
             code=used.code_size, lr=f"{used.learning_rate:g}", epochs=len(run.epochs),
             noise=t("train_autoencoder.noise_used", kind=t(f"noise.kind.{used.noise}"), level=f"{used.noise_level:g}")
             if used.noise else t("train_autoencoder.no_noise")))
columns = st.columns(3)
columns[0].metric(t("train_autoencoder.metric.mse"), f"{run.scores['test_mse']:.4f}" if run.scores else "—")
if bundled and run.scores:
    bundled_mse = loaders.pretrained_model(bundled).metrics["test_mse"]
    columns[1].metric(t("train_autoencoder.metric.bundled_mse"), f"{bundled_mse:.4f}",
                      delta=f"{run.scores['test_mse'] - bundled_mse:+.4f}", delta_color="inverse")
if run.scores:
    columns[2].metric(t("train_autoencoder.metric.denoised_psnr"), f"{run.scores['denoised_psnr']:.1f} dB",
                      help=t("train_autoencoder.metric.denoised_psnr_help", noisy=f"{run.scores['noisy_input_psnr']:.1f}"))

# Reconstructions of the same test images by this session's model (one direct batched call).
originals = split.x_test[:SHOWN]
images.show(originals, caption=t("train_autoencoder.row.original"))
inputs = originals
if used.noise:
    inputs = noise.corrupt(originals, used.noise, used.noise_level, seed=evaluation.EVAL_NOISE_SEED)
    images.show(inputs, caption=t("train_autoencoder.row.corrupted"))
if run.epochs:
    images.show(generative.apply(run.parts.model, inputs), caption=t("train_autoencoder.row.yours"))
if bundled:
    images.show(generative.apply(loaders.pretrained_model(bundled).model, inputs),
                caption=t("train_autoencoder.row.bundled", name=bundled))
