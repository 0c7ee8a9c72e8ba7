"""AppTest: the code-size page (PCA vs autoencoder). Few runs: the first loads TensorFlow and four models."""

from __future__ import annotations

import pytest

from core import pretrained
from tests.conftest import open_page
from ui.lang import en, ko

PAGE = "pages/6_code_size.py"


def metric_values(app) -> list[str]:
    return [metric.value for metric in app.metric]  # PCA MSE, autoencoder MSE, ratio


def table(app, strings: dict = ko.STRINGS) -> dict[str, list[float]]:
    frame = app.dataframe[0].value
    return {name: frame[strings[f"code_size.col.{name}"]].tolist() for name in ("d", "pca", "ae", "ratio")}


def button(app, key: str):
    return next(b for b in app.button if b.label == ko.STRINGS[key])


@pytest.mark.parametrize(("language", "strings"), [("ko", ko.STRINGS), ("en", en.STRINGS)])
def test_renders_in_both_languages_with_the_chosen_d(language, strings):
    app = open_page(PAGE, language)
    assert not app.exception and not app.error
    assert [m.label for m in app.metric] == [strings[f"code_size.metric.{k}"].format(d=5) for k in ("pca", "ae", "ratio")]
    values = table(app, strings)
    row = values["d"].index(5)
    assert metric_values(app) == [f"{values['pca'][row]:.4f}", f"{values['ae'][row]:.4f}", f"{values['ratio'][row]:.2f}"]
    captions = [caption for image in app.image for caption in image.captions]
    assert len(captions) == 3 and captions[0] == strings["code_size.row.original"].format(labels="4, 0, 1, 3, 1, 6, 7, 5, 1, 8")
    assert len(app.get("vega_lite_chart")) == 1


@pytest.mark.parametrize("dataset", ["mnist", "fashion"])
def test_the_table_matches_the_manifest_and_the_ratio_is_ae_over_pca(dataset):
    app = open_page(PAGE, query={"cs_dataset": dataset})
    assert not app.exception and app.radio(key="cs_dataset").value == dataset
    values = table(app)
    manifest = pretrained.read_manifest()["models"]
    assert values["d"] == list(pretrained.CODE_SIZES)
    for size, autoencoder_mse in zip(values["d"], values["ae"], strict=True):
        # The manifest rounds to 6 decimals; the page recomputes on the same 2,000 test images.
        assert autoencoder_mse == pytest.approx(manifest[pretrained.autoencoder_name(dataset, size)]["metrics"]["test_mse"],
                                                abs=2e-6)
    assert values["ratio"] == pytest.approx([ae / pca for ae, pca in zip(values["ae"], values["pca"], strict=True)], rel=1e-9)
    assert all(a > b for a, b in zip(values["pca"], values["pca"][1:], strict=False))  # more directions, less error
    assert all(ratio < 1 for ratio in values["ratio"])  # the autoencoder wins at every d (Hinton & Salakhutdinov)


def test_moving_the_sliders_changes_the_figures_and_reset_restores_them():
    app = open_page(PAGE)
    at_default, captions = metric_values(app), [image.captions[0] for image in app.image]
    app.select_slider(key="cs_code_size").set_value(30).run()
    assert not app.exception and app.metric[0].label == ko.STRINGS["code_size.metric.pca"].format(d=30)
    at_30 = metric_values(app)
    assert float(at_30[0]) < float(at_default[0]) and float(at_30[1]) < float(at_default[1])
    app.slider(key="cs_first").set_value(100).run()
    assert not app.exception and metric_values(app) == at_30  # the table covers the whole split
    assert [image.captions[0] for image in app.image] != captions
    button(app, "frame.reset").click().run()
    assert metric_values(app) == at_default and [image.captions[0] for image in app.image] == captions
