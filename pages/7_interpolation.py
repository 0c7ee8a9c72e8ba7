"""Chapter 2 · interpolation in pixel, PCA and code space, and nearest neighbours by pixel and code distance."""

import altair as alt
import numpy as np
import pandas as pd
import streamlit as st

from core import comparison, generative, manifold, pretrained
from ui import charts, controls, images, loaders
from ui.frame import frame, introduce
from ui.i18n import t

# Test images 206 and 1781 are a thin, slanted 8 and a 4 in MNIST (a T-shirt and a bag in Fashion-MNIST),
# found by scripts/interpolation_pair.py, which prints these figures (d = 10, 9 steps, 8 neighbours):
# - neighbours: all 8 pixel neighbours of the 8 are 1s (0 / 8 share its label), all 8 code neighbours
#   are 8s (8 / 8): one of the two test images with 0 / 8 by pixels and 8 / 8 by codes;
# - paths: the pixel midpoint, an 8 with a ghostly 4 on top, is 5.88 from the nearest training image
#   (δ; a real test image: median 4.76) and the d = 30 autoencoder changes it by ε = 0.0196 (median
#   0.0073); the code midpoint is at δ = 3.28, ε = 0.0027, every step of the code path stays within
#   δ ≤ 4.75, and the digit classifier reads each step as an 8 or a 4 with p ≥ 0.92.
# (The earlier default, images 1 and 5, a round 0 and a 6, made the path point but had 8 / 8
# neighbours both ways.) At d = 2 or 5 the ends lose their details; at d = 30 midpoints of distant
# codes start to decode to shapes that are no digit (the holes of a plain autoencoder's code space).
DEFAULTS = {"ip_dataset": "mnist", "ip_start": 206, "ip_end": 1781, "ip_steps": 9, "ip_code_size": 10}
JUDGE_CODE_SIZE = 30  # the autoencoder whose reconstruction change ε measures the distance to its manifold
NEIGHBOURS = 8
PATH_COLORS = {"pixel": "#7f7f7f", "pca": "#4c78a8", "autoencoder": "#f58518"}

view = frame("interpolation")
dataset = loaders.dataset_choice("ip_dataset", DEFAULTS)
split = loaders.dataset(dataset)
last_index = len(split.x_test) - 1
start = controls.slider("ip_start", DEFAULTS, "interpolation.start", 0, last_index, 1, help_key="interpolation.index_help")
end = controls.slider("ip_end", DEFAULTS, "interpolation.end", 0, last_index, 1, help_key="interpolation.index_help")
steps = controls.slider("ip_steps", DEFAULTS, "interpolation.steps", 5, 15, 1)
code_size = controls.choice_slider("ip_code_size", DEFAULTS, "interpolation.code_size", list(pretrained.CODE_SIZES),
                                   help_key="interpolation.code_size_help")
controls.preset_button(t("interpolation.swap"), {"ip_start": end, "ip_end": start})
pair = comparison.random_pair(split.y_test, seed=start * len(split.x_test) + end)  # the same pair gives the same draw
controls.preset_button(t("interpolation.random"), {"ip_start": pair[0], "ip_end": pair[1]})
controls.reset_button(DEFAULTS)

introduce(view, t("interpolation.intro"), (
    r"\text{pixel:}\; x(t) = (1-t)\,a + t\,b \qquad "
    r"\text{PCA:}\; x(t) = \mu + W_d^{\top}\big((1-t)\,z_a + t\,z_b\big) = (1-t)\,\hat a + t\,\hat b",
    r"\text{AE:}\; x(t) = g_\theta\big((1-t)\,f_\phi(a) + t\,f_\phi(b)\big)",
    r"\delta(x) = \min_{j}\, \lVert x - x_j^{\text{train}} \rVert_2 \qquad "
    r"\varepsilon(x) = \tfrac{1}{784}\,\lVert x - r(x) \rVert_2^2,\;\; r = g_{30} \circ f_{30}",
), "interpolation.explain")

basis = loaders.pca_basis(dataset)
model = loaders.pretrained_model(pretrained.autoencoder_name(dataset, code_size))
judge = loaders.pretrained_model(pretrained.autoencoder_name(dataset, JUDGE_CODE_SIZE))


@st.cache_data(show_spinner=False, max_entries=64)
def paths_and_rulers(dataset: str, start: int, end: int, steps: int, code_size: int, _split, _basis, _model, _judge):
    """The three decoded paths and, per image, δ (nearest training image) and ε (the judge's change)."""
    paths = comparison.interpolation_paths(_split.x_test[start], _split.x_test[end], steps, _basis, code_size,
                                           _model.encoder, _model.decoder)
    return paths, {name: comparison.distance_to_nearest(path, _split.x_train) for name, path in paths.items()}, \
        {name: comparison.reconstruction_change(path, _judge.model) for name, path in paths.items()}


@st.cache_data(show_spinner=False, max_entries=8)
def test_codes(dataset: str, code_size: int, _split, _model) -> np.ndarray:
    """Codes of the whole test split, once per data set and code size."""
    return generative.apply(_model.encoder, _split.x_test)


@st.cache_data(show_spinner=False, max_entries=4)
def typical_levels(dataset: str, _split, _judge) -> tuple[float, float]:
    """Median δ and ε of the real test images: the level of an image that is on the data."""
    return (float(np.median(comparison.distance_to_nearest(_split.x_test, _split.x_train))),
            float(np.median(comparison.reconstruction_change(_split.x_test, _judge.model))))


with st.spinner(t("interpolation.computing")):
    paths, distances, changes = paths_and_rulers(dataset, start, end, steps, code_size, split, basis, model, judge)
    codes = test_codes(dataset, code_size, split, model)
    typical = typical_levels(dataset, split, judge)
labels = loaders.class_names(dataset)
middle = steps // 2  # t = 0.5 when the number of steps is odd
names = {name: t(f"interpolation.path.{name}") for name in paths}

st.subheader(t("interpolation.paths_title", start=labels[split.y_test[start]], end=labels[split.y_test[end]], d=code_size))
for name, path in paths.items():
    images.show(path, caption=t("interpolation.strip_caption", path=names[name], distance=distances[name][middle],
                                change=changes[name][middle]))
for column, name in zip(st.columns(3), paths, strict=True):
    column.metric(t("interpolation.metric.middle", path=names[name]), f"{distances[name][middle]:.2f}",
                  help=t("interpolation.metric_help"))


def ruler_chart(values: dict, level: float, title_key: str, axis_key: str, value_format: str) -> alt.LayerChart:
    """One ruler against t for the three paths, with the level of real test images dashed."""
    curves = pd.concat([pd.DataFrame({"t": manifold.blend_weights(steps), "value": values[name], "path": names[name]})
                        for name in paths])
    lines = charts.lines(curves, "t", "value", "path", t(title_key), "t", t(axis_key),
                         colors={names[name]: PATH_COLORS[name] for name in paths}).mark_line(point=True)
    reference = alt.Chart(pd.DataFrame({"value": [level], "label": [t("interpolation.typical")]})).mark_rule(
        color="black", strokeDash=[6, 4]).encode(y=alt.Y("value:Q"), tooltip=[
            alt.Tooltip("label:N", title=" "), alt.Tooltip("value:Q", title=t(axis_key), format=value_format)])
    return alt.layer(lines, reference)


left, right = st.columns(2)
charts.show(ruler_chart(distances, typical[0], "interpolation.chart.distance", "interpolation.axis.distance", ".2f"),
            container=left)
charts.show(ruler_chart(changes, typical[1], "interpolation.chart.change", "interpolation.axis.change", ".4f"), container=right)
st.caption(t("interpolation.rulers_caption", distance=typical[0], change=typical[1]))

st.subheader(t("interpolation.neighbours_title", label=labels[split.y_test[start]], index=start))
found = {"pixel": comparison.neighbours(start, split.x_test, split.y_test, NEIGHBOURS),
         "code": comparison.neighbours(start, codes, split.y_test, NEIGHBOURS)}
for column, (name, result) in zip(st.columns(2), found.items(), strict=True):
    column.metric(t(f"interpolation.same_label.{name}", d=code_size), f"{result.same_label} / {NEIGHBOURS}")
    images.show(split.x_test[result.indices], container=column,
                caption=t("interpolation.labels", labels=", ".join(labels[y] for y in split.y_test[result.indices])))
