"""Chapter 4 · train a VAE live: code size, β, learning rate, epochs; reconstruction and KL per epoch."""

import numpy as np
import streamlit as st

from core import generative, pretrained
from ui import controls, images, latent_views, live_training, loaders
from ui.frame import frame, introduce
from ui.i18n import t

DEFAULTS = {"tv_code": 2, "tv_beta": 1.0, "tv_lr": 0.001, "tv_epochs": 5}
LEARNING_RATES = controls.log_range(-5, 0)
BETAS = [*pretrained.BETAS, 8.0, 16.0]  # beyond the bundled series: at 16 the code collapses onto the prior
HIDDEN = (256, 128, 64)  # the bundled β series' architecture, so its recorded runs compare like with like
SHOWN = 10  # test images and prior samples in the rows below
LIMIT = 3.5
SEED = 2017

view = frame("train_vae")
code_size = controls.slider("tv_code", DEFAULTS, "train_vae.code", 1, 32, 1, help_key="train_vae.code_help")
beta = controls.choice_slider("tv_beta", DEFAULTS, "train_vae.beta", BETAS, help_key="train_vae.beta_help")
learning_rate = controls.choice_slider("tv_lr", DEFAULTS, "train_vae.lr", LEARNING_RATES, help_key="train_vae.lr_help")
epochs = controls.slider("tv_epochs", DEFAULTS, "train_vae.epochs", 1, 30, 1)
controls.reset_button(DEFAULTS)
split = loaders.dataset("mnist")

introduce(view, t("train_vae.intro"), (
    r"L_\beta(x) = -\,\mathbb{E}_{q_\phi(z\mid x)}\big[\log p_\theta(x\mid z)\big]"
    r" + \beta\,\mathrm{KL}\big(q_\phi(z\mid x)\,\|\,\mathcal{N}(0, I)\big)",
), "train_vae.explain")

recipe = pretrained.Recipe("live", "mnist", int(code_size), family="vae", beta=float(beta), hidden=HIDDEN,
                           epochs=int(epochs), learning_rate=float(learning_rate), cosine_decay=False, seed=SEED)
# The bundled model trained the same way (2-D, this β, Adam at 0.001, batch 64) is drawn dashed.
bundled = pretrained.beta_name(float(beta)) if code_size == 2 and learning_rate == 0.001 and beta in pretrained.BETAS else None
reference = loaders.manifest_entry(bundled) if bundled else None
if reference:
    st.caption(t("train_vae.reference_note", name=bundled, epochs=len(reference["history"])))

run = live_training.panel("tv", recipe, split, reference)
if run is None or not run.epochs:
    st.stop()

used = run.recipe
st.caption(t("train_vae.used", code=used.code_size, beta=f"{used.beta:g}", lr=f"{used.learning_rate:g}", epochs=len(run.epochs)))
columns = st.columns(3)
for column, metric in zip(columns, ("test_neg_elbo", "test_reconstruction", "test_kl"), strict=True):
    value = run.scores[metric]
    delta = None
    if reference and used.code_size == 2:  # the bundled model of this β, after all its epochs
        delta = f"{value - reference['metrics'][metric]:+.1f}"
    column.metric(t(f"train_vae.metric.{metric}"), f"{value:.1f}", delta=delta, delta_color="inverse",
                  help=t("train_vae.metric_help"))

parts = run.parts
originals = split.x_test[:SHOWN]
images.show(originals, caption=t("train_vae.row.original"))
images.show(generative.apply(parts.model, originals), caption=t("train_vae.row.reconstruction"))
prior_samples = np.random.default_rng(SEED).standard_normal((SHOWN, used.code_size))
images.show(generative.decode(parts.decoder, prior_samples), caption=t("train_vae.row.samples"))
if used.code_size == 2:
    means, _ = generative.encode(parts.encoder, split.x_test)
    chart = latent_views.latent_map(means, split.y_test, t("train_vae.map_title"), LIMIT,
                                    prior=np.random.default_rng(SEED).standard_normal((500, 2)))
    latent_views.show(chart)
    st.caption(t("latent.map_caption"))
