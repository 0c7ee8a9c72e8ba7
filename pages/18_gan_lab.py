"""Chapter 5 · the GAN lab: train a small GAN on 2-D data and watch D, G and mode collapse move."""

import streamlit as st

from core import gan_lab
from ui import charts, controls, gan_data, gan_timeline, gan_views
from ui.frame import explain, frame, introduce
from ui.i18n import t

WIDTHS = [4, 8, 16, 32, 64, 128]
RATES = controls.log_range(-5, 0)
BATCHES = [32, 64, 100, 150, 256, 512]
# The bundled ring run's plain GAN (core.gan_runs): Play shows it lose modes, packing 2 keeps them all.
DEFAULTS = {"gl_data": "ring", "gl_loss": "non_saturating", "gl_packing": 1, "gl_d_steps": 1, "gl_d_lr": 0.0005,
            "gl_g_lr": 0.0005, "gl_d_opt": "adam", "gl_g_opt": "adam", "gl_batch": 100, "gl_noise_dim": 2,
            "gl_noise": "gaussian", "gl_g_depth": 3, "gl_g_width": 64, "gl_d_depth": 2, "gl_d_width": 64, "gl_seed": 2,
            "gl_show_field": True, "gl_show_real": True, "gl_show_generated": True, "gl_show_push": True,
            "gl_show_manifold": True}

view = frame("gan_lab")
data, data_id = gan_data.choose(gan_timeline.DATA_KEY, DEFAULTS)
st.sidebar.subheader(t("gan_lab.training"))
st.sidebar.caption(t("gan_lab.training_caption"))
controls.selectbox("gl_loss", DEFAULTS, "gan_lab.loss", list(gan_lab.LOSSES), lambda v: t(f"gan_lab.loss_name.{v}"))
controls.slider("gl_packing", DEFAULTS, "gan_lab.packing", 1, gan_lab.MAX_PACKING, 1, help_key="gan_lab.packing_help")
controls.slider("gl_d_steps", DEFAULTS, "gan_lab.d_steps", 1, 5, 1)
controls.choice_slider("gl_d_lr", DEFAULTS, "gan_lab.d_lr", RATES)
controls.choice_slider("gl_g_lr", DEFAULTS, "gan_lab.g_lr", RATES)
controls.radio("gl_d_opt", DEFAULTS, "gan_lab.d_opt", list(gan_lab.OPTIMIZERS), "gan_lab.optimizer")
controls.radio("gl_g_opt", DEFAULTS, "gan_lab.g_opt", list(gan_lab.OPTIMIZERS), "gan_lab.optimizer")
controls.choice_slider("gl_batch", DEFAULTS, "gan_lab.batch", BATCHES)
st.sidebar.subheader(t("gan_lab.networks"))
st.sidebar.caption(t("gan_lab.networks_caption"))
controls.slider("gl_noise_dim", DEFAULTS, "gan_lab.noise_dim", 1, 8, 1)
controls.radio("gl_noise", DEFAULTS, "gan_lab.noise", list(gan_lab.NOISES), "gan_lab.noise_name")
controls.slider("gl_g_depth", DEFAULTS, "gan_lab.g_depth", 1, 4, 1)
controls.choice_slider("gl_g_width", DEFAULTS, "gan_lab.g_width", WIDTHS)
controls.slider("gl_d_depth", DEFAULTS, "gan_lab.d_depth", 1, 4, 1)
controls.choice_slider("gl_d_width", DEFAULTS, "gan_lab.d_width", WIDTHS)
controls.slider("gl_seed", DEFAULTS, "gan_lab.seed", 0, 99, 1, help_key="gan_lab.seed_help")
st.sidebar.subheader(t("gan_lab.layers"))
shown = {layer for layer in gan_views.LAYERS if st.sidebar.toggle(
    t(f"gan_lab.layer.{layer}"), DEFAULTS[f"gl_show_{layer}"], key=f"gl_show_{layer}", bind="query-params")}
controls.reset_button(DEFAULTS)

introduce(view, t("gan_lab.intro"), (
    r"\min_G \max_D\; V(D, G) = \mathbb{E}_{x \sim p_\text{data}}\big[\log D(x)\big]"
    r" + \mathbb{E}_{z \sim p_z}\big[\log\big(1 - D(G(z))\big)\big]",
))

# The widgets' values from Session State: sliders hold numbers, choices their option ids.
settings = gan_timeline.settings_from({key: st.session_state[key] for key in gan_timeline.WIDGET_KEYS.values()})
run = gan_timeline.live_run(settings, data, data_id)


@st.fragment(run_every=gan_timeline.tick())
def lab_view():
    gan_timeline.bar(run)
    picture, numbers = st.columns([1.05, 1], gap="medium")
    with picture:
        chart = gan_views.plane(run.view, run.lab.real, data.limits, settings.loss, shown, gan_timeline.counter(run))
        if data_id.startswith("blobs:"):
            gan_views.show_clickable(chart, f"gl_plane_{len(gan_data.blob_points())}", gan_data.add_blob)
        else:
            charts.show_spec(chart, width="content", export=False)
        caption = t(f"gan_lab.plane_caption.{gan_views.field_kind(settings.loss)}")
        st.caption(f"{t('gan_lab.click_caption')} {caption}" if data_id.startswith("blobs:") else caption)
    history = gan_views.history_columns(run.history)
    with numbers:
        gan_views.figure_row(run.view, data)
        losses = {"discriminator_loss": t("gan_lab.series.d_loss"), "generator_loss": t("gan_lab.series.g_loss")}
        charts.show_spec(gan_views.figures_chart(history, losses, t("gan_lab.loss_chart"), t("gan_lab.loss_axis")),
                         export=False)
    columns = st.columns(3 if data.has_modes else 2)
    if data.has_modes:
        charts.show_spec(gan_views.modes_chart(history, len(data.centres)), container=columns[0], export=False)
        charts.show_spec(gan_views.figures_chart(history, {"reverse_kl": t("gan_lab.series.reverse_kl")},
                                                 t("gan_lab.reverse_kl_chart"), t("gan_lab.nats_axis")),
                         container=columns[1], export=False)
    divergences = {"kl": t("gan_lab.series.kl"), "js": t("gan_lab.series.js")}
    charts.show_spec(gan_views.figures_chart(history, divergences, t("gan_lab.divergence_chart"), t("gan_lab.bits_axis")),
                     container=columns[-1], export=False)

lab_view()
explain("gan_lab.explain", view.presenter)  # below the lab: on a laptop the picture comes first
