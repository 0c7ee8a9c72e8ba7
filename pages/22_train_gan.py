"""Chapter 5 · train a digit GAN live: the loss, each network's learning rate, D steps per G step,
label smoothing and epochs; the same noise decoded after every epoch, both losses, and a warning
when the samples collapse onto one digit."""

import dataclasses

import streamlit as st

from core import pretrained
from ui import controls, gan_training, loaders
from ui.frame import frame, introduce
from ui.i18n import t

DEFAULTS = {"tg_loss": "non_saturating", "tg_g_lr": 0.001, "tg_d_lr": 0.0002, "tg_d_steps": 1, "tg_smoothing": 0.0,
            "tg_epochs": 5}
LOSSES = ["non_saturating", "least_squares", "wasserstein_gp"]
LEARNING_RATES = controls.log_range(-5, 0)
SMOOTHING = [0.0, 0.1, 0.2, 0.3]

view = frame("train_gan")
loss = controls.radio("tg_loss", DEFAULTS, "train_gan.loss", LOSSES, "gan_lab.loss_name")
generator_rate = controls.choice_slider("tg_g_lr", DEFAULTS, "train_gan.g_lr", LEARNING_RATES, help_key="train_gan.lr_help")
discriminator_rate = controls.choice_slider("tg_d_lr", DEFAULTS, "train_gan.d_lr", LEARNING_RATES, help_key="train_gan.lr_help")
discriminator_steps = controls.slider("tg_d_steps", DEFAULTS, "train_gan.d_steps", 1, 5, 1, help_key="train_gan.d_steps_help")
smoothing = controls.choice_slider("tg_smoothing", DEFAULTS, "train_gan.smoothing", SMOOTHING,
                                   help_key="train_gan.smoothing_help")
epochs = controls.slider("tg_epochs", DEFAULTS, "train_gan.epochs", 1, 30, 1)
controls.reset_button(DEFAULTS)
if loss == "wasserstein_gp" and smoothing:
    st.sidebar.caption(t("train_gan.smoothing_unused"))

introduce(view, t("train_gan.intro"), (
    r"\text{D: } \min_D\; -\mathbb{E}_x\big[\log D(x)\big] - \mathbb{E}_z\big[\log\big(1 - D(G(z))\big)\big]"
    r"\qquad \text{G: } \min_G\; -\mathbb{E}_z\big[\log D(G(z))\big]",
), "train_gan.explain")

recipe = dataclasses.replace(pretrained.LIVE_GAN, loss=loss, epochs=int(epochs), learning_rate=float(generator_rate),
                             discriminator_learning_rate=float(discriminator_rate),
                             discriminator_steps=int(discriminator_steps),
                             label_smoothing=0.0 if loss == "wasserstein_gp" else float(smoothing))
run = gan_training.panel("tg", recipe, loaders.dataset("mnist"))
if run is not None and run.epochs:
    used = run.recipe
    st.caption(t("train_gan.used", loss=t(f"gan_lab.loss_name.{used.loss}"), g_lr=f"{used.learning_rate:g}",
                 d_lr=f"{used.discriminator_learning_rate:g}", d_steps=used.discriminator_steps,
                 smoothing=f"{used.label_smoothing:g}", epochs=len(run.epochs)))
