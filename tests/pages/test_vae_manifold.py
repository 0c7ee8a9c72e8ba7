"""AppTest: the 2-D VAE page: both languages, the manifest's −ELBO, the point and grid controls, a bookmark."""

import json

import pytest

from core import pretrained
from tests.conftest import open_page
from ui.lang import en, ko

PAGE = "pages/10_vae_manifold.py"
MANIFEST = pretrained.read_manifest()["models"]


def pictures(app) -> list[str]:
    """The media URL of every image element (named by a hash of its content): decoded point, manifold, rows."""
    return [image.value[0] for image in app.image]


def chart_spec(app) -> dict:
    return json.loads(app.get("vega_lite_chart")[0].proto.spec)


@pytest.mark.parametrize(("language", "strings"), [("ko", ko.STRINGS), ("en", en.STRINGS)])
def test_renders_in_both_languages_with_the_manifest_figures(language, strings):
    app = open_page(PAGE, language)
    assert not app.exception and not app.error and not app.warning
    elbo = [float(metric.value) for metric in app.metric]
    assert elbo == [pytest.approx(MANIFEST[pretrained.vae_name(d)]["metrics"]["test_neg_elbo"], abs=0.05) for d in (2, 20)]
    assert elbo[1] < elbo[0]  # a 20-D code describes the images in fewer nats
    spec = chart_spec(app)
    assert [(p["name"], p["select"]["fields"]) for p in spec["params"]] == [("latent_click", ["z1", "z2"])]
    assert len(pictures(app)) == 5  # decoded point, manifold, originals and two reconstruction rows


def test_the_point_and_the_grid_change_the_pictures_and_reset_restores_them():
    app = open_page(PAGE, "en")
    default = pictures(app)
    app.slider(key="vm_z1").set_value(-2.0).run()
    moved = pictures(app)
    assert not app.exception and moved[0] != default[0] and moved[1:] == default[1:]
    assert "−2.00" in app.subheader[0].value or "-2.00" in app.subheader[0].value
    app.slider(key="vm_grid").set_value(8).run()
    assert pictures(app)[1] != moved[1]
    assert "8 × 8" in app.subheader[1].value
    layers = len(chart_spec(app)["layer"])
    app.toggle(key="vm_prior").set_value(False).run()
    assert len(chart_spec(app)["layer"]) == layers - 1  # the prior samples' layer is gone
    next(b for b in app.button if b.label == en.STRINGS["frame.reset"]).click().run()
    assert pictures(app) == default


def test_a_bookmarked_point_opens_with_it():
    app = open_page(PAGE, query={"vm_z1": "1.5", "vm_z2": "-0.5", "vm_grid": "12"})
    assert not app.exception
    assert (app.slider(key="vm_z1").value, app.slider(key="vm_z2").value, app.slider(key="vm_grid").value) == (1.5, -0.5, 12)
