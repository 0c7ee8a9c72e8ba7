"""AppTest: the plain autoencoder against the VAE under the same prior samples: both languages, the figures
against a direct computation with the bundled models, the two controls, a bookmark and reset."""

from __future__ import annotations

import json

import numpy as np
import pytest

from core import data, evaluation, generative, pretrained, priors, sampling
from tests.conftest import open_page
from ui.lang import en, ko

PAGE = "pages/11_ae_vs_vae.py"
MODELS = (pretrained.autoencoder_name("mnist", 2), pretrained.vae_name(2))
PRIOR_SAMPLES = 500


@pytest.fixture(scope="module")
def bundled():
    """(classifier, {name: (model, test codes)}) loaded here, without the page."""
    split = data.load("mnist")
    models = {name: pretrained.load(name) for name in MODELS}
    codes = {name: generative.test_codes(model.recipe.family, model.encoder, split.x_test)
             for name, model in models.items()}
    return pretrained.load(evaluation.CLASSIFIER).model, {name: (models[name], codes[name]) for name in MODELS}


def expected(bundled, seed: int, none: str) -> tuple[list[str], list[sampling.PriorDraw]]:
    """The six metrics as the page must print them for a draw, and the two models' judged draws."""
    classifier, models = bundled
    prior, _ = priors.sample("normal", PRIOR_SAMPLES, seed)
    draws = [sampling.judge(model.decoder, classifier, codes, prior) for model, codes in models.values()]
    shown = []
    for draw in draws:
        rare = ", ".join(str(digit) for digit in sampling.rare_digits(draw.shares)) or none
        shown += [f"{draw.coverage:.0%}", rare, f"{draw.confidence.mean():.2f}"]
    return shown, draws


def widget_values(app) -> dict:
    return {key: app.slider(key=key).value for key in ("av_count", "av_seed")}


def metrics(app) -> list[str]:
    """The table of figures read column by column: the AE's three, then the VAE's three."""
    table = app.table[0].value
    return [value for column in table.columns for value in table[column]]


def pictures(app) -> list[str]:
    """Media URLs of the two rows of decoded samples (Streamlit names them by a hash of their bytes)."""
    return [image.value[0] for image in app.image]


def frames(app, chart: int) -> list[dict]:
    """The data frames sent beside a chart's spec (0: AE map, 1: VAE map, 2: digit mix), as {column: values}."""
    import pyarrow as pa

    proto = app.get("vega_lite_chart")[chart].proto
    return [pa.ipc.open_stream(named.data.data).read_all().to_pydict() for named in proto.datasets]


@pytest.mark.parametrize(("language", "strings"), [("ko", ko.STRINGS), ("en", en.STRINGS)])
def test_renders_in_both_languages_with_the_figures_of_the_bundled_models(language, strings, bundled):
    app = open_page(PAGE, language)
    assert not app.exception and not app.error and not app.warning
    shown, (ae, vae) = expected(bundled, 0, strings["ae_vs_vae.none"])
    assert metrics(app) == shown
    table = app.table[0].value
    assert list(table.columns) == [strings["ae_vs_vae.ae.title"], strings["ae_vs_vae.vae.title"]]
    assert list(table.index) == [strings[f"ae_vs_vae.metric.{figure}"] for figure in ("coverage", "rare", "confidence")]
    # The page's point, measured: N(0, I) reaches few of the AE's codes and misses digits, but nearly all the VAE's.
    assert ae.coverage < 0.5 < 0.9 < vae.coverage
    assert sampling.rare_digits(ae.shares) and not sampling.rare_digits(vae.shares)
    # Each map is drawn to its own scale, and both show the same 500 prior samples.
    titles = [json.loads(chart.proto.spec)["description"] for chart in app.get("vega_lite_chart")[:2]]
    limits = [sampling.axis_limit(codes) for _, codes in bundled[1].values()]
    assert titles == [strings["ae_vs_vae.map_title"].format(limit=f"{limit:g}") for limit in limits]
    assert limits[0] > 10 * limits[1] and limits[1] == 3.5
    prior, _ = priors.sample("normal", PRIOR_SAMPLES, 0)
    for chart in (0, 1):
        crosses = next(table for table in frames(app, chart) if "z1" in table and "digit" not in table)
        np.testing.assert_allclose(np.stack([crosses["z1"], crosses["z2"]], axis=1), prior[np.abs(prior).max(axis=1)
                                                                                              <= limits[chart]])
    mix = frames(app, 2)[0]
    vae_name = strings["ae_vs_vae.series.vae"]
    np.testing.assert_allclose([share for share, series in zip(mix["share"], mix["series"], strict=True)
                                if series == vae_name], vae.shares)
    assert [image.captions for image in app.image] == [[strings["ae_vs_vae.samples_caption"].format(count=20, seed=0)]] * 2


def test_the_seed_and_the_count_change_the_samples_and_reset_restores_them(bundled):
    app = open_page(PAGE, "en")
    default_pictures, default_metrics = pictures(app), metrics(app)

    app.slider(key="av_seed").set_value(5).run()
    assert not app.exception
    assert metrics(app) == expected(bundled, 5, en.STRINGS["ae_vs_vae.none"])[0]
    assert metrics(app)[2::3] != default_metrics[2::3]  # another draw: other samples, another confidence
    assert metrics(app)[0::3] == default_metrics[0::3]  # the codes the prior reaches do not depend on the draw
    assert all(new != old for new, old in zip(pictures(app), default_pictures, strict=True))

    app.slider(key="av_count").set_value(8).run()
    assert not app.exception
    assert app.image[0].captions == [en.STRINGS["ae_vs_vae.samples_caption"].format(count=8, seed=5)]
    assert metrics(app) == expected(bundled, 5, en.STRINGS["ae_vs_vae.none"])[0]  # the figures use all 500 samples

    next(b for b in app.button if b.label == en.STRINGS["frame.reset"]).click().run()
    assert pictures(app) == default_pictures and metrics(app) == default_metrics


def test_a_bookmark_opens_its_state():
    app = open_page(PAGE, query={"av_count": "12", "av_seed": "7"})
    assert not app.exception
    assert widget_values(app) == {"av_count": 12, "av_seed": 7}
    assert app.image[1].captions == [ko.STRINGS["ae_vs_vae.samples_caption"].format(count=12, seed=7)]
