"""AppTest: the conditional-VAE page: both languages, its figures against the manifest and a direct
computation, the label changes the content but not the analogy rows, a bookmark, reset."""

from __future__ import annotations

import numpy as np
import pyarrow as pa
import pytest

from core import data, evaluation, generative, maps, pretrained
from tests.conftest import open_page
from ui.lang import en, ko

PAGE = "pages/15_cvae.py"
MODEL = "cvae_mnist_d2"
CONTROLS = ("cv_label", "cv_z1", "cv_z2", "cv_first", "cv_count", "cv_grid")


def widget_values(app) -> dict:
    return {key: app.slider(key=key).value for key in CONTROLS}


def pictures(app) -> list[str]:
    """The URLs of the page's four pictures (drawn digit, same style in every label, analogy rows,
    manifold); Streamlit names a picture by a hash of its bytes, so equal URLs mean equal pictures."""
    return [image.value[0] for image in app.get("image")]


def chart_frames(app, index: int) -> list:
    """The data frames of the page's index-th chart (0: the latent map, 1: the sample-accuracy bars)."""
    chart = app.get("vega_lite_chart")[index]
    return [pa.ipc.open_stream(dataset.data.data).read_pandas() for dataset in chart.proto.datasets]


def metrics(app) -> dict[str, str]:
    return {metric.label: metric.value for metric in app.metric}


def manifest_metrics(name: str) -> dict:
    return pretrained.read_manifest()["models"][name]["metrics"]


@pytest.mark.parametrize(("language", "strings"), [("ko", ko.STRINGS), ("en", en.STRINGS)])
def test_renders_in_both_languages_with_the_manifest_figures(language, strings):
    app = open_page(PAGE, language)
    assert not app.exception and not app.error
    assert len(pictures(app)) == 4
    scores = manifest_metrics(MODEL)
    shown = metrics(app)
    assert shown[strings["cvae.metric.sample_accuracy"]] == f"{scores['sample_accuracy']:.1%}"
    assert shown[strings["cvae.metric.this_label"].format(label=3)] == f"{scores['sample_accuracy_3']:.1%}"
    assert shown[strings["cvae.metric.classifier"]] == f"{manifest_metrics(evaluation.CLASSIFIER)['test_accuracy']:.1%}"
    bars = chart_frames(app, 1)[0]
    assert list(bars.label) == list(range(10))
    assert bars.accuracy.tolist() == pytest.approx([scores[f"sample_accuracy_{d}"] for d in range(10)])
    assert "(datum.label === 3)" in app.get("vega_lite_chart")[1].proto.spec  # the chosen label's bar in colour


def test_figures_agree_with_a_direct_computation():
    app = open_page(PAGE, "en", {"cv_label": "8", "cv_z1": "-1.2", "cv_z2": "0.7", "cv_first": "25", "cv_count": "3"})
    assert not app.exception and not app.error
    split = data.load("mnist")
    cvae, classifier = pretrained.load(MODEL), pretrained.load(evaluation.CLASSIFIER)
    drawn = generative.decode(cvae.decoder, np.array([[-1.2, 0.7]]), 8)
    reading = int(generative.classify(classifier.model, drawn)[0])
    assert app.caption[0].value == en.STRINGS["cvae.drawn_caption"].format(reading=reading)
    codes, _ = generative.encode(cvae.encoder, split.x_test, split.y_test)
    inside = np.abs(codes).max(axis=1) <= 3.5  # the map's square
    mapped = chart_frames(app, 0)[0]
    assert inside.sum() > 1900 and np.allclose(mapped[["z1", "z2"]].to_numpy(), codes[inside], atol=1e-5)
    agreement = maps.label_agreement(codes, split.y_test, 5).mean()
    assert metrics(app)[en.STRINGS["cvae.metric.agreement_cvae"]] == f"{agreement:.0%}"
    plain = metrics(app)[en.STRINGS["cvae.metric.agreement_vae"]]
    assert int(plain.rstrip("%")) > int(f"{agreement:.0%}".rstrip("%")) + 10  # the plain VAE's z carries the class
    labels = ", ".join(str(int(y)) for y in split.y_test[25:28])
    assert app.get("image")[2].captions == [en.STRINGS["cvae.analogy_caption"].format(first=25, last=27, labels=labels)]


def test_the_label_changes_the_content_not_the_style_rows_and_reset_restores_the_page():
    app = open_page(PAGE, "en")
    default = pictures(app)
    app.slider(key="cv_label").set_value(7).run()
    assert not app.exception and not app.error
    moved = pictures(app)
    assert moved[0] != default[0] and moved[3] != default[3]  # the drawn digit and the label's manifold
    assert moved[1] == default[1] and moved[2] == default[2]  # every-label row and analogies do not use the label
    assert app.subheader[0].value.startswith("Label 7") and "label 7" in app.subheader[2].value
    share = manifest_metrics(MODEL)["sample_accuracy_7"]
    assert metrics(app)[en.STRINGS["cvae.metric.this_label"].format(label=7)] == f"{share:.1%}"
    app.slider(key="cv_z1").set_value(1.5).run()
    assert pictures(app)[:2] != moved[:2] and pictures(app)[2:] == moved[2:]  # z is only the top pictures' style
    next(b for b in app.button if b.label == en.STRINGS["frame.reset"]).click().run()
    assert not app.exception
    assert pictures(app) == default


def test_a_url_sets_the_controls_in_either_language():
    query = {"cv_label": "5", "cv_z1": "1.5", "cv_z2": "-0.5", "cv_first": "10", "cv_count": "2", "cv_grid": "6"}
    app = open_page(PAGE, "ko", query)
    assert not app.exception and not app.error
    assert widget_values(app) == {"cv_label": 5, "cv_z1": 1.5, "cv_z2": -0.5, "cv_first": 10, "cv_count": 2, "cv_grid": 6}
    assert app.subheader[0].value == ko.STRINGS["cvae.drawn_title"].format(label=5, z1="+1.50", z2="-0.50")
    assert "6 × 6" in app.subheader[2].value
    assert chart_frames(app, 0)[1].to_numpy().tolist() == [[1.5, -0.5]]  # the ring marks the style point
