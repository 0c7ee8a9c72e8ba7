"""AppTest: the reparameterisation page: μ, σ and the samples μ + σ ⊙ ε agree with the bundled 2-D VAE,
the three controls change what they should, a bookmark and reset."""

from __future__ import annotations

import numpy as np
import pytest

from core import data, generative, latent, pretrained
from tests.conftest import open_page
from ui.lang import en, ko

PAGE = "pages/12_reparameterisation.py"


@pytest.fixture(scope="module")
def vae():
    return pretrained.load(pretrained.vae_name(2))


@pytest.fixture(scope="module")
def test_images():
    return data.load("mnist").x_test


def posterior(vae, test_images, index: int) -> tuple[np.ndarray, np.ndarray]:
    """μ(x) and log σ²(x) of one test image, computed here without the page."""
    mean, log_var = generative.encode(vae.encoder, test_images[index:index + 1])
    return mean[0], log_var[0]


def widget_values(app) -> dict:
    return {key: app.slider(key=key).value for key in ("rp_index", "rp_count", "rp_seed")}


def frames(app, chart: int) -> list[dict]:
    """The data frames Streamlit sends beside a chart's spec (0: whole plane, 1: zoom), as {column: values}."""
    import pyarrow as pa

    proto = app.get("vega_lite_chart")[chart].proto
    return [pa.ipc.open_stream(named.data.data).read_all().to_pydict() for named in proto.datasets]


def drawn(app, chart: int = 1) -> tuple[np.ndarray, np.ndarray]:
    """(ellipse outlines with their level, sample points) as a chart draws them."""
    tables = frames(app, chart)
    rings = next(table for table in tables if "level" in table)
    samples = next(table for table in tables if set(table) == {"z1", "z2"} and len(table["z1"]) > 1)
    outline = np.stack([rings["z1"], rings["z2"]], axis=1)
    return (outline, np.asarray(rings["level"])), np.stack([samples["z1"], samples["z2"]], axis=1)


def shown_numbers(app) -> list[float]:
    return [float(metric.value) for metric in app.metric]


def pictures(app) -> list[str]:
    """Media URLs of the input image and the row of decodes (Streamlit names them by a hash of their bytes)."""
    return [image.value[0] for image in app.image]


@pytest.mark.parametrize(("language", "strings"), [("ko", ko.STRINGS), ("en", en.STRINGS)])
def test_renders_in_both_languages_with_the_models_posterior(language, strings, vae, test_images):
    app = open_page(PAGE, language)
    assert not app.exception and not app.error and not app.warning
    assert len(app.latex) == 2 and r"\odot \varepsilon" in app.latex[0].value
    mean, log_var = posterior(vae, test_images, 1)
    sigma = np.exp(0.5 * log_var)
    kl = -0.5 * np.sum(1 + log_var - mean ** 2 - np.exp(log_var))
    assert [metric.label for metric in app.metric][:4] == ["μ₁", "μ₂", "σ₁", "σ₂"]
    np.testing.assert_allclose(shown_numbers(app)[:4], [*mean, *sigma], atol=1e-3)  # printed with 3 decimals
    assert shown_numbers(app)[4] == pytest.approx(kl, abs=0.01)
    assert sigma.min() > 0 and sigma.max() < 0.5  # a trained VAE's posterior is narrow next to the prior's σ = 1
    (outline, level), samples = drawn(app)
    for k in (1, 2):  # the 1σ and 2σ ellipses around μ, as core.latent draws them
        np.testing.assert_allclose(outline[level == f"{k}σ"], latent.ellipse(mean, k * sigma), atol=1e-5)
    np.testing.assert_allclose(samples, latent.reparameterised_samples(mean, log_var, 8, seed=0), atol=1e-5)
    np.testing.assert_allclose(samples, mean + sigma * np.random.default_rng(0).standard_normal((8, 2)), atol=1e-5)
    whole_outline, whole_samples = drawn(app, chart=0)  # the whole plane draws the same ellipses and samples
    np.testing.assert_array_equal(whole_outline[0], outline)
    np.testing.assert_array_equal(whole_samples, samples)
    assert len(pictures(app)) == 2


def test_seed_count_and_image_change_what_they_should_and_reset_restores_them():
    app = open_page(PAGE, "en")
    numbers, pictures_before, (outline, _), samples = shown_numbers(app), pictures(app), *drawn(app)

    app.slider(key="rp_seed").set_value(7).run()  # only ε changes: μ, σ and the ellipses stay
    assert not app.exception
    (moved_outline, _), moved = drawn(app)
    assert shown_numbers(app) == numbers and np.array_equal(moved_outline, outline)
    assert not np.allclose(moved, samples)
    assert pictures(app)[0] == pictures_before[0] and pictures(app)[1] != pictures_before[1]

    app.slider(key="rp_count").set_value(3).run()
    assert not app.exception
    assert len(drawn(app)[1]) == 3
    assert app.image[1].captions == [en.STRINGS["reparameterisation.decoded_caption"].format(count=3, seed=7)]

    app.slider(key="rp_index").set_value(620).run()  # another image: another q(z | x)
    assert not app.exception
    assert shown_numbers(app)[:4] != numbers[:4] and pictures(app)[0] != pictures_before[0]
    assert "620" in app.subheader[0].value

    next(b for b in app.button if b.label == en.STRINGS["frame.reset"]).click().run()
    assert shown_numbers(app) == numbers and pictures(app) == pictures_before
    np.testing.assert_array_equal(drawn(app)[1], samples)


def test_a_bookmark_opens_its_state(vae, test_images):
    app = open_page(PAGE, "en", query={"rp_index": "620", "rp_count": "16", "rp_seed": "42"})
    assert not app.exception
    assert widget_values(app) == {"rp_index": 620, "rp_count": 16, "rp_seed": 42}
    mean, log_var = posterior(vae, test_images, 620)
    np.testing.assert_allclose(drawn(app)[1], latent.reparameterised_samples(mean, log_var, 16, seed=42), atol=1e-5)
