"""AppTest: the β-VAE page: both languages, the figures against the manifest and a direct computation,
β and the seed change the pictures, a bookmark, reset."""

from __future__ import annotations

import json

import numpy as np
import pyarrow as pa
import pytest

from core import data, generative, pretrained, priors
from tests.conftest import open_page
from ui.lang import en, ko

PAGE = "pages/13_vae_beta.py"


def widget_values(app) -> dict:
    return {"vb_beta": app.select_slider(key="vb_beta").value, "vb_samples": app.slider(key="vb_samples").value,
            "vb_seed": app.slider(key="vb_seed").value}


def pictures(app) -> list[str]:
    """URLs of the three pictures (prior-sample decodes, test images, reconstructions); Streamlit
    names a picture by a hash of its bytes, so equal URLs mean equal pictures."""
    return [image.value[0] for image in app.get("image")]


def chart_frames(app, index: int) -> list:
    """Data frames of the index-th chart: 0 trade-off, 1 latent map, 2 and 3 the terms per epoch."""
    chart = app.get("vega_lite_chart")[index]
    return [pa.ipc.open_stream(dataset.data.data).read_pandas() for dataset in chart.proto.datasets]


def metrics(app) -> list[str]:
    return [metric.value for metric in app.metric]


def entry(beta: float) -> dict:
    return pretrained.read_manifest()["models"][pretrained.beta_name(beta)]


def expected_metrics(beta: float) -> list[str]:
    scores = entry(beta)["metrics"]
    return [f"{scores['test_reconstruction']:.1f}", f"{scores['test_kl']:.2f}", f"{scores['test_neg_elbo']:.1f}",
            f"{entry(beta)['history'][-1][1]:.1f}"]


@pytest.mark.parametrize(("language", "strings"), [("ko", ko.STRINGS), ("en", en.STRINGS)])
def test_renders_in_both_languages_with_the_manifest_figures(language, strings):
    app = open_page(PAGE, language)
    assert not app.exception and not app.error
    assert metrics(app) == expected_metrics(1.0)
    table = app.dataframe[0].value
    assert list(table.index) == [f"β = {beta:g}" for beta in pretrained.BETAS]
    assert table.iloc[:, 0].tolist() == pytest.approx([entry(b)["metrics"]["test_reconstruction"] for b in pretrained.BETAS])
    assert table.iloc[:, 1].tolist() == pytest.approx([entry(b)["metrics"]["test_kl"] for b in pretrained.BETAS])
    points = chart_frames(app, 0)[0]
    assert points.beta.tolist() == list(pretrained.BETAS)
    assert points.test_neg_elbo.tolist() == pytest.approx([entry(b)["metrics"]["test_neg_elbo"] for b in pretrained.BETAS])
    assert "(datum.beta === 1.0)" in app.get("vega_lite_chart")[0].proto.spec  # the chosen β in colour
    assert [i.value for i in app.info] == [strings["vae_beta.regime.elbo"].format(**regime_values(1.0))]


def regime_values(beta: float) -> dict:
    scores = entry(beta)["metrics"]
    return {"reconstruction": f"{scores['test_reconstruction']:.1f}", "kl": f"{scores['test_kl']:.2f}"}


def test_the_pictures_and_curves_agree_with_a_direct_computation():
    app = open_page(PAGE, "en", {"vb_beta": "0.5", "vb_samples": "8", "vb_seed": "3"})
    assert not app.exception and not app.error
    assert widget_values(app) == {"vb_beta": 0.5, "vb_samples": 8, "vb_seed": 3}
    split, model = data.load("mnist"), pretrained.load(pretrained.beta_name(0.5))
    codes, _ = generative.encode(model.encoder, split.x_test)
    limit = max(3.5, np.quantile(np.abs(codes), 0.99))  # the map is wide enough for 99 % of the codes
    assert f"±{limit:.1f}" in app.caption[1].value
    mapped, crosses = chart_frames(app, 1)
    assert np.allclose(mapped[["z1", "z2"]].to_numpy(), codes[np.abs(codes).max(axis=1) <= limit], atol=1e-5)
    prior, _ = priors.sample("normal", 8, 3)  # the samples decoded on the right, numbered on the map
    kept = np.abs(prior).max(axis=1) <= limit
    assert np.allclose(crosses[["z1", "z2"]].to_numpy(), prior[kept])
    assert crosses.number.tolist() == list(np.flatnonzero(kept) + 1)
    terms = entry(0.5)["terms"]
    reconstruction, kl = chart_frames(app, 2)[0], chart_frames(app, 3)[0]
    assert reconstruction.nats.tolist() == terms["reconstruction_loss"] + terms["val_reconstruction_loss"]
    assert kl.nats.tolist() == terms["kl_loss"] + terms["val_kl_loss"]
    for index in (2, 3):  # whole epochs on the x axis, no tick at epoch 2.5
        spec = json.loads(app.get("vega_lite_chart")[index].proto.spec)
        assert spec["encoding"]["x"]["axis"] == {"format": "d", "tickMinStep": 1}
    # The trained objective shown is reconstruction + β·KL of the last epoch on the test split.
    objective = terms["val_reconstruction_loss"][-1] + 0.5 * terms["val_kl_loss"][-1]
    assert float(metrics(app)[3]) == pytest.approx(objective, abs=0.1)


def test_beta_and_the_seed_change_the_page_and_reset_restores_it():
    app = open_page(PAGE, "en")
    default, default_map = pictures(app), chart_frames(app, 1)
    app.select_slider(key="vb_beta").set_value(4.0).run()
    assert not app.exception and not app.error
    collapsed = pictures(app)
    assert collapsed[0] != default[0] and collapsed[2] != default[2]  # samples and reconstructions
    assert collapsed[1] == default[1]  # the same test images
    assert metrics(app) == expected_metrics(4.0)
    assert "(datum.beta === 4.0)" in app.get("vega_lite_chart")[0].proto.spec
    assert [i.value for i in app.info] == [en.STRINGS["vae_beta.regime.collapse"].format(**regime_values(4.0))]
    assert "β = 4" in app.subheader[1].value
    app.slider(key="vb_seed").set_value(9).run()
    assert pictures(app)[0] != collapsed[0] and pictures(app)[1:] == collapsed[1:]  # new prior samples only
    next(b for b in app.button if b.label == en.STRINGS["frame.reset"]).click().run()
    assert not app.exception
    assert pictures(app) == default
    assert all(now.equals(before) for now, before in zip(chart_frames(app, 1), default_map, strict=True))
