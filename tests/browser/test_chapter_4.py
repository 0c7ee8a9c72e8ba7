"""Chapter 4 in a real Chromium against the shared server: deep links with URL state, a click in the
latent plane that decodes a new point, the β slider, and one epoch of live VAE training.

(Every page of the registry, these included, is also opened on a fresh server in test_deep_links.py
and in both languages, on two screens, in test_layout.py.)
"""

from __future__ import annotations

import pytest

from tests.browser.harness import (
    alert_texts,
    assert_no_error,
    h1_text,
    main_area,
    metric_values,
    open_url,
    page_by_id,
    query_for,
    rerun_after,
    url_query,
)
from tests.browser.test_app import press, thumb
from tests.browser.test_chapters_2_3 import image_captions, template, widget_value
from ui.i18n import CATALOGUES

pytestmark = pytest.mark.browser

EN, KO = CATALOGUES["en"], CATALOGUES["ko"]
MANIFOLD, BETA, TRAIN_VAE = page_by_id("vae_manifold"), page_by_id("vae_beta"), page_by_id("train_vae")
CVAE = page_by_id("cvae")

# page, language, URL query, {label key: the value its slider must show}
DEEP_LINKS = [
    (MANIFOLD, "en", {"vm_z1": 1.5, "vm_z2": -0.5, "vm_grid": 12},
     {"latent.z1": "1.50", "latent.z2": "-0.50", "vae_manifold.grid": "12"}),
    (page_by_id("ae_vs_vae"), "ko", {"av_count": 12, "av_seed": 7}, {"ae_vs_vae.count": "12", "ae_vs_vae.seed": "7"}),
    (page_by_id("reparameterisation"), "en", {"rp_index": 42, "rp_count": 3},
     {"reparameterisation.index": "42", "reparameterisation.count": "3"}),
    (BETA, "ko", {"vb_beta": 4, "vb_samples": 8}, {"vae_beta.beta": "4", "vae_beta.samples": "8"}),
    (TRAIN_VAE, "ko", {"tv_code": 8, "tv_epochs": 3}, {"train_vae.code": "8", "train_vae.epochs": "3"}),
    (CVAE, "en", {"cv_label": 7, "cv_z1": -1, "cv_grid": 6}, {"cvae.label": "7", "latent.z1": "-1.00", "cvae.grid": "6"}),
    (page_by_id("aae"), "en", {"aa_prior": "swiss_roll", "aa_grid": 9}, {"aae.grid": "9"}),
]


def image_sources(page) -> list[str]:
    """The src of every image in the main area (Streamlit names a picture by a hash of its bytes)."""
    return [image.get_attribute("src") for image in main_area(page).locator("[data-testid='stImage'] img").all()]


@pytest.mark.parametrize(("info", "language", "query", "shown"), DEEP_LINKS, ids=[link[0].page_id for link in DEEP_LINKS])
def test_deep_link_applies_url_state(info, language, query, shown, tab, server):
    open_url(tab, server.url(info.path, query_for(language, **query)))
    assert_no_error(tab)
    assert h1_text(tab) == info.title(language)
    for label_key, value in shown.items():
        assert widget_value(tab, CATALOGUES[language][label_key]).replace("−", "-") == value, label_key


def click_latent_map(tab, across: float, down: float) -> dict[str, str]:
    """Click the page's first chart (its latent map) at these fractions of its canvas, wait for the
    rerun and return the URL query. The canvas holds the title above the plot and the legend below."""
    chart = main_area(tab).get_by_test_id("stVegaLiteChart").first
    chart.scroll_into_view_if_needed()
    box = chart.locator("canvas").first.bounding_box()
    rerun_after(tab, lambda: tab.mouse.click(box["x"] + box["width"] * across, box["y"] + box["height"] * down))
    assert_no_error(tab)
    return url_query(tab)


def test_a_click_in_the_latent_plane_decodes_that_point(tab, server):
    open_url(tab, server.url(MANIFOLD.path, query_for("en")))
    before = image_sources(tab)
    query = click_latent_map(tab, 0.3, 0.3)  # upper left of the plot: z₁ < 0 < z₂
    z1, z2 = float(query["vm_z1"]), float(query["vm_z2"])
    assert z1 < 0 < z2, query
    after = image_sources(tab)
    assert after[0] != before[0]  # the decoded point
    assert after[1:] == before[1:]  # the manifold and the reconstructions stay
    heading = main_area(tab).locator("h3").first.inner_text()
    assert f"{z1:+.2f}" in heading.replace("−", "-")


def test_a_click_on_the_cvae_map_moves_the_style_point(tab, server):
    open_url(tab, server.url(CVAE.path, query_for("ko")))
    before = image_sources(tab)
    query = click_latent_map(tab, 0.7, 0.6)  # lower right of the plot: z₂ < 0 < z₁
    assert float(query["cv_z1"]) > 0 > float(query["cv_z2"]), query
    assert image_sources(tab)[0] != before[0]  # the digit drawn at the style point


def test_the_beta_slider_changes_the_model_shown(tab, server):
    open_url(tab, server.url(BETA.path, query_for("en")))
    before_metrics, before_images = metric_values(tab), image_sources(tab)
    press(tab, thumb(tab, "vae_beta.beta", "en"), "End")  # β = 4
    assert_no_error(tab)
    assert url_query(tab).get("vb_beta") == "4"
    assert metric_values(tab) != before_metrics
    assert image_sources(tab) != before_images


def test_train_one_vae_epoch(tab, server):
    open_url(tab, server.url(TRAIN_VAE.path, query_for("en", tv_epochs=1)))
    assert alert_texts(tab, "Info") == [EN["training.none_yet"].replace("**", "")]
    rerun_after(tab, main_area(tab).get_by_role("button", name=EN["training.start"]).click)
    done = alert_texts(tab, "Success")
    assert len(done) == 1 and template(EN["training.done"], epochs=1).fullmatch(done[0]), done
    elbo, reconstruction, kl = (float(value.replace("−", "-")) for value in metric_values(tab)[:3])
    assert 100 < elbo < 300 and elbo == pytest.approx(reconstruction + kl, abs=0.15)
    # The loss, the reconstruction and the KL (each on its own scale), the latent map.
    assert main_area(tab).get_by_test_id("stVegaLiteChart").count() == 4
    assert any(caption.startswith(EN["train_vae.row.samples"]) for caption in image_captions(tab))
    assert_no_error(tab)
