"""AppTest: live VAE training in the session: one epoch trains and reports both ELBO terms, the bundled
run is drawn beside it, and a huge learning rate diverges."""

import json

import pyarrow as pa
import pytest

from core import pretrained
from tests.conftest import open_page
from ui.lang import en, ko

PAGE = "pages/14_train_vae.py"


def chart_curves(app) -> list[set[tuple[str, str]]]:
    """The (curve, run) pairs drawn in each chart on the page."""
    found = []
    for chart in app.get("vega_lite_chart"):
        frames = [pa.ipc.open_stream(dataset.data.data).read_all().to_pandas() for dataset in chart.proto.datasets]
        found.append({pair for frame in frames if "run" in frame for pair in zip(frame["curve"], frame["run"], strict=True)})
    return found


@pytest.mark.parametrize(("language", "strings"), [("ko", ko.STRINGS), ("en", en.STRINGS)])
def test_renders_in_both_languages_before_any_training(language, strings):
    app = open_page(PAGE, language)
    assert not app.exception and not app.error
    assert [i.value for i in app.info] == [strings["training.none_yet"]]
    assert app.button(key="tv_stop").disabled
    # The pretrained model's curves are there before any run: the page opens on a picture.
    titles = [json.loads(chart.proto.spec)["description"] for chart in app.get("vega_lite_chart")]
    assert titles[1:] == [strings["training.term_title.reconstruction_loss"], strings["training.term_title.kl_loss"]]


def test_one_epoch_trains_and_reports_reconstruction_and_kl_beside_the_bundled_run():
    app = open_page(PAGE, "en", query={"tv_epochs": "1"})
    app.button(key="tv_start").click().run()
    assert not app.exception and not app.warning
    assert app.success[0].value.startswith("Epochs trained: 1, in")
    elbo, reconstruction, kl = (float(metric.value) for metric in app.metric)
    assert elbo == pytest.approx(reconstruction + kl, abs=0.15)
    bundled = pretrained.read_manifest()["models"][pretrained.beta_name(1.0)]["metrics"]["test_neg_elbo"]
    assert bundled < elbo < 260  # one epoch: worse than the bundled 60, far better than chance (543 nats)
    s = en.STRINGS
    runs = {s["training.run.this"], s["training.run.reference"]}
    loss, reconstruction, kl = chart_curves(app)[:3]  # the KL beside the reconstruction, each on its own scale
    assert loss == {(s[f"training.split.{split}"], run) for split in ("train", "test") for run in runs}
    assert reconstruction == {(s["training.term.reconstruction_loss"], run) for run in runs}
    assert kl == {(s["training.term.kl_loss"], run) for run in runs}
    run = app.session_state["tv_run"]
    assert run.status == "done" and run.recipe.family == "vae" and run.recipe.beta == 1.0
    assert set(run.epochs[0].logs) >= {"val_reconstruction_loss", "val_kl_loss"}


def test_a_huge_learning_rate_diverges_with_a_clear_message():
    app = open_page(PAGE, "ko", query={"tv_epochs": "2", "tv_lr": "1", "tv_code": "8"})
    app.button(key="tv_start").click().run()
    assert not app.exception
    assert app.session_state["tv_run"].status == "diverged"
    assert app.warning[0].value == ko.STRINGS["training.diverged"].format(epoch=app.session_state["tv_run"].diverged_at)
    assert not any("vae_mnist_d2_beta" in caption.value for caption in app.caption)  # no bundled run at d = 8
