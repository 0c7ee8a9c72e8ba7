"""Chapter 5 · a GAN on digits: its training as pictures (an epoch scrubber over the same noise),
new samples, and the way between two noise vectors, straight and along the sphere."""

import numpy as np
import streamlit as st

from core import generative, manifold, pretrained
from ui import charts, controls, gan_digit_views, images, loaders
from ui.frame import frame, introduce
from ui.i18n import t

NAME = pretrained.GAN_NAME
DEFAULTS = {"gd_epoch": pretrained.GAN_EPOCHS, "gd_seed": 0, "gd_from": 1, "gd_to": 2}
SAMPLES = 20
STEPS = 10  # images along each path, both ends included
MAX_SEED = 999

view = frame("gan_digits")
seed = controls.slider("gd_seed", DEFAULTS, "gan_digits.seed", 0, MAX_SEED, 1)
st.sidebar.button(t("gan_digits.new"), icon=":material/casino:", width="stretch", on_click=controls.apply,
                  args=({"gd_seed": (seed + 1) % (MAX_SEED + 1)},))
start = controls.slider("gd_from", DEFAULTS, "gan_digits.from", 0, MAX_SEED, 1, help_key="gan_digits.path_help")
end = controls.slider("gd_to", DEFAULTS, "gan_digits.to", 0, MAX_SEED, 1)
controls.reset_button(DEFAULTS)

introduce(view, t("gan_digits.intro"), (
    r"\min_G \max_D\; \mathbb{E}_{x\sim p_\text{data}}\big[\log D(x)\big]"
    r" + \mathbb{E}_{z\sim\mathcal{N}(0, I)}\big[\log\big(1 - D(G(z))\big)\big]",
), "gan_digits.explain")

model = loaders.pretrained_model(NAME)
entry = loaders.manifest_entry(NAME)
noise_dim = model.recipe.code_size

history = loaders.gan_training_history(NAME)
if history is not None:
    left, right = st.columns([0.4, 0.6], gap="medium")  # two charts side by side need ≥ 240 px each
    epoch = controls.slider("gd_epoch", DEFAULTS, "gan_digits.epoch", 0, history.epochs, 1,
                            help_key="gan_digits.epoch_help", container=left)
    images.show(history.grid(epoch), columns=8, container=left, scale=2,
                caption=t("gan_digits.grid_caption", epoch=epoch,
                          score=f"{history.figures['classifier_score'][epoch]:.2f}",
                          fid=f"{history.figures['frechet_distance'][epoch]:.1f}"))
    terms = entry["terms"]
    losses = {t("gan_digits.loss.discriminator"): terms["discriminator_loss"],
              t("gan_digits.loss.generator"): terms["generator_loss"],
              t("gan_digits.loss.discriminator_test"): terms["val_discriminator_loss"]}
    charts.show(gan_digit_views.epoch_lines(losses, t("gan_digits.losses_title"), t("gan_digits.loss_axis"), at=epoch,
                                            dashed=(t("gan_digits.loss.discriminator_test"),)), container=right)
    quality = {t("gan_digits.figure.classifier_score"): history.figures["classifier_score"]}
    distance = {t("gan_digits.figure.frechet_distance"): history.figures["frechet_distance"]}
    score_column, distance_column = right.columns(2)
    charts.show(gan_digit_views.epoch_lines(quality, t("gan_digits.score_title"), t("gan_digits.score_axis"),
                                            first_epoch=0, at=epoch, base_height=150), container=score_column)
    charts.show(gan_digit_views.epoch_lines(distance, t("gan_digits.distance_title"), t("gan_digits.distance_axis"),
                                            first_epoch=0, at=epoch, base_height=150, log=True), container=distance_column)

st.subheader(t("gan_digits.samples_title", seed=seed))
z = np.random.default_rng(seed).standard_normal((SAMPLES, noise_dim))
images.show(generative.decode(model.generator, z), columns=SAMPLES // 2)
metrics = model.metrics
st.caption(t("gan_digits.samples_caption", score=f"{metrics['classifier_score']:.2f}",
             fid=f"{metrics['frechet_distance']:.1f}", epochs=model.recipe.epochs))

st.subheader(t("gan_digits.path_title"))
ends = [np.random.default_rng(s).standard_normal(noise_dim) for s in (start, end)]
paths = {"linear": manifold.interpolate(*ends, STEPS), "spherical": manifold.slerp(*ends, STEPS)}
decoded = generative.decode(model.generator, np.concatenate(list(paths.values())))  # one batched call
rows, norm_column = st.columns([0.68, 0.32], gap="medium")
for index, kind in enumerate(paths):
    images.show(decoded[index * STEPS:(index + 1) * STEPS], container=rows, caption=t(f"gan_digits.path.{kind}"))
norms = {t(f"gan_digits.path.{kind}"): np.linalg.norm(path, axis=1) for kind, path in paths.items()}
norm_chart = gan_digit_views.path_norms(norms, np.sqrt(noise_dim))
charts.show(norm_chart, container=norm_column)
