"""Chapter 5 · mode collapse and its remedy: two bundled runs, a plain GAN and the same GAN with
PacGAN's packing, side by side at any moment of their training."""

import altair as alt
import pandas as pd
import streamlit as st

from core import gan_runs
from ui import charts, controls, gan_timeline, gan_views, loaders
from ui.frame import explain, frame, introduce
from ui.i18n import t

DEFAULTS = {"mc_data": "ring", "mc_at": gan_runs.SNAPSHOTS}
KINDS = {"plain": "mode_collapse.plain", "packed": "mode_collapse.packed"}  # run kind: its heading
COLORS = {"plain": "#d62728", "packed": "#1f77b4"}

view = frame("mode_collapse")
data_name = controls.selectbox("mc_data", DEFAULTS, "mode_collapse.data", list(gan_runs.DATA_SETS),
                               lambda name: t(f"gan_lab.data_name.{name}"))
controls.reset_button(DEFAULTS)

introduce(view, t("mode_collapse.intro"))
at = controls.slider("mc_at", DEFAULTS, "mode_collapse.at", 0, gan_runs.SNAPSHOTS, 1, help_key="mode_collapse.at_help",
                     container=st)  # the scrubber sits over the two pictures it moves

runs = {kind: loaders.gan_trajectory(f"{data_name}_{kind}") for kind in KINDS}
data = loaders.toy_data_set(data_name)
settings = runs["packed"].run.settings
for column, kind in zip(st.columns(2, gap="medium"), KINDS, strict=True):
    trajectory = runs[kind]
    shown = trajectory.view(int(at))
    with column:
        packing = trajectory.run.settings.packing
        st.subheader(t(KINDS[kind], m=packing))
        title = t("gan_lab.counter", iteration=f"{shown.iteration:,}")
        real = loaders.toy_real_samples(data_name)
        charts.show_spec(gan_views.plane(shown, real, data.limits, trajectory.run.settings.loss,
                                    set(gan_views.LAYERS), title, side=gan_views.PAIR_SIDE), width="content", export=False)
        gan_views.figure_row(shown, data)
        saved = trajectory.checkpoint(int(at))
        if st.button(t("mode_collapse.continue", iteration=f"{int(trajectory.iterations[saved]):,}"),
                     key=f"mc_continue_{kind}", icon=":material/play_arrow:", help=t("mode_collapse.continue_help"),
                     width="stretch"):
            gan_timeline.continue_on_lab_page(gan_timeline.from_snapshot(trajectory, saved, data, data_name), data_name)

rows = [{**row, "run": t(KINDS[kind], m=runs[kind].run.settings.packing)}
        for kind in KINDS for row in runs[kind].figures()]
history = pd.DataFrame(rows)
now = alt.Chart(pd.DataFrame({"iteration": [int(runs["plain"].iterations[int(at)])]})).mark_rule(
    color="#555555", strokeDash=[4, 3]).encode(x=alt.X("iteration:Q"))
labels = [t(KINDS[kind], m=runs[kind].run.settings.packing) for kind in KINDS]
colors = alt.Scale(domain=labels, range=[COLORS[kind] for kind in KINDS])
if data.has_modes:
    left, right = st.columns(2)
    charts.show(gan_views.run_chart(history, "modes", t("mode_collapse.modes_chart", modes=len(data.centres)),
                                    t("gan_lab.metric.modes"), colors) + now, container=left)
    charts.show(gan_views.run_chart(history, "high_quality", t("mode_collapse.quality_chart"),
                                    t("gan_lab.metric.high_quality"), colors, percent=True) + now, container=right)
else:
    charts.show(gan_views.run_chart(history, "js", t("mode_collapse.js_chart"), t("gan_lab.bits_axis"), colors) + now)
st.caption(t("mode_collapse.chart_caption"))
st.caption(t("mode_collapse.settings", iterations=f"{runs['plain'].run.iterations:,}", g_depth=settings.generator_depth,
             g_width=settings.generator_width, d_depth=settings.discriminator_depth, d_width=settings.discriminator_width,
             loss=t(f"gan_lab.loss_name.{settings.loss}"), rate=f"{settings.generator_learning_rate:g}",
             batch=settings.batch, seed=settings.seed))
explain("mode_collapse.explain", view.presenter)  # below the runs: on a laptop the pictures come first
