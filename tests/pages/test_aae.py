"""AppTest: the adversarial autoencoder page: the manifest's figures in both languages, the prior switch, a bookmark."""

from __future__ import annotations

import json

import pytest

from core import pretrained, priors
from tests.conftest import open_page
from ui.lang import en, ko

PAGE = "pages/16_aae.py"
METRICS = ("test_reconstruction", "prior_energy_distance", "reference_energy_distance")


def widget_values(app) -> dict:
    return {"aa_prior": app.radio(key="aa_prior").value, "aa_grid": app.slider(key="aa_grid").value,
            "aa_samples": app.slider(key="aa_samples").value, "aa_color": app.toggle(key="aa_color").value}


def manifest_metrics(prior: str) -> dict:
    return pretrained.read_manifest()["models"][pretrained.aae_name(prior)]["metrics"]


def shown_metrics(prior: str) -> list[str]:
    """The three metrics as the page must print them for that prior's model."""
    scores = manifest_metrics(prior)
    return [f"{scores['test_reconstruction']:.1f}", f"{scores['prior_energy_distance']:.3g}",
            f"{scores['reference_energy_distance']:.3g}"]


def charts(app) -> list[dict]:
    """The four charts' specs: codes vs prior, the prior alone, reconstruction, discriminator and generator."""
    specs = [json.loads(chart.proto.spec) for chart in app.get("vega_lite_chart")]
    assert len(specs) == 4
    return specs


def datasets(app, index: int) -> list:
    """The data frames Streamlit sends beside chart `index`'s spec, as {column: values} per frame."""
    import pyarrow as pa

    chart = app.get("vega_lite_chart")[index].proto
    return [pa.ipc.open_stream(named.data.data).read_all().to_pydict() for named in chart.datasets]


def grid_picture(app) -> str:
    """The decoded grid's media URL; Streamlit names a picture by its content's hash."""
    assert len(app.image) == 1
    return app.image[0].proto.imgs[0].url


@pytest.mark.parametrize(("language", "strings"), [("ko", ko.STRINGS), ("en", en.STRINGS)])
def test_renders_in_both_languages_with_the_manifest_figures(language, strings):
    app = open_page(PAGE, language)
    assert not app.exception and not app.error
    assert [metric.value for metric in app.metric] == shown_metrics("gaussian_mixture")
    table = app.dataframe[0].value
    assert list(table.index) == [strings[f"aae.prior_name.{prior}"] for prior in priors.PRIORS]
    for prior in priors.PRIORS:
        row = table.loc[strings[f"aae.prior_name.{prior}"]]
        assert [row[strings[f"aae.col.{key}"]] for key in METRICS] == [manifest_metrics(prior)[key] for key in METRICS]
    specs = charts(app)
    mixture = strings["aae.prior_name.gaussian_mixture"]
    assert specs[0]["description"] == strings["aae.map_title"].format(prior=mixture)
    assert specs[1]["description"] == strings["aae.prior_title"].format(prior=mixture, count="1,000")
    rule = specs[3]["layer"][1]
    assert rule["mark"]["type"] == "rule"
    assert datasets(app, 3)[-1]["value"] == [pytest.approx(0.6931, abs=1e-4)]  # log 2, the chance level
    terms = pretrained.read_manifest()["models"][pretrained.aae_name("gaussian_mixture")]["terms"]
    curves = datasets(app, 2)[0]
    assert len(curves["value"]) == 2 * len(terms["reconstruction_loss"])  # training and test per epoch
    assert curves["value"][:3] == terms["reconstruction_loss"][:3]
    whole_epochs = {"format": "d", "tickMinStep": 1}  # no tick at epoch 2.5
    assert specs[2]["encoding"]["x"]["axis"] == whole_epochs and specs[3]["layer"][0]["encoding"]["x"]["axis"] == whole_epochs


def test_the_prior_the_grid_and_the_colours_change_the_page_and_reset_restores_it():
    app = open_page(PAGE, "en")
    picture, codes, samples = grid_picture(app), datasets(app, 0), datasets(app, 1)
    assert "color" in charts(app)[1]["encoding"] and charts(app)[1]["encoding"]["color"]["field"] == "component"
    assert sorted(set(samples[0]["component"])) == [str(k) for k in range(10)]  # named like the digits

    app.radio(key="aa_prior").set_value("swiss_roll").run()
    assert not app.exception and not app.error
    assert [metric.value for metric in app.metric] == shown_metrics("swiss_roll") != shown_metrics("gaussian_mixture")
    assert grid_picture(app) != picture and datasets(app, 0) != codes and datasets(app, 1) != samples
    assert app.caption[1].value == en.STRINGS["aae.component_caption.swiss_roll"]

    app.toggle(key="aa_color").set_value(False).run()
    app.slider(key="aa_grid").set_value(8).run()
    assert not app.exception
    assert charts(app)[1]["encoding"]["color"] == {"value": "#555555"}  # grey, as the crosses on the left
    assert en.STRINGS["aae.grid_title"].split(":")[0] in app.subheader[0].value and "8 × 8" in app.subheader[0].value

    next(b for b in app.button if b.label == en.STRINGS["frame.reset"]).click().run()
    assert not app.exception
    assert grid_picture(app) == picture and datasets(app, 0) == codes and datasets(app, 1) == samples
    assert [metric.value for metric in app.metric] == shown_metrics("gaussian_mixture")


def test_a_url_sets_the_controls_including_the_prior_by_its_id():
    app = open_page(PAGE, "en", {"aa_prior": "normal", "aa_grid": "8", "aa_samples": "300", "aa_color": "false"})
    assert not app.exception and not app.error
    assert widget_values(app) == {"aa_prior": "normal", "aa_grid": 8, "aa_samples": 300, "aa_color": False}
    assert [metric.value for metric in app.metric] == shown_metrics("normal")
    assert len(datasets(app, 1)[0]["z1"]) == 300
    assert "8 × 8" in app.subheader[0].value
