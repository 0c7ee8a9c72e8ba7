"""AppTest: chapter 5's digit GAN pages. The epoch scrubber, new samples and the two paths; a missing
or altered history file is named while the rest of the page still draws."""

import json

import numpy as np
import pytest

from core import pretrained
from tests.conftest import open_page
from ui.lang import en, ko

DIGITS = "pages/20_gan_digits.py"


def image_urls(app) -> list[str]:
    return [image.proto.imgs[0].url for image in app.image]


def image_captions(app) -> list[str]:
    return [caption for image in app.image for caption in image.captions]


def specs(app) -> str:
    return " ".join(json.dumps(json.loads(chart.proto.spec), ensure_ascii=False) for chart in app.get("vega_lite_chart"))


@pytest.mark.parametrize(("language", "strings"), [("ko", ko.STRINGS), ("en", en.STRINGS)])
def test_the_scrubber_moves_the_grid_from_noise_to_digits(language, strings):
    app = open_page(DIGITS, language)
    assert not app.exception and not app.error
    def shows_epoch(epoch: int) -> bool:
        start = strings["gan_digits.grid_caption"].format(epoch=epoch, score="", fid="").split("·")[0].strip()
        return any(c.startswith(start) for c in image_captions(app))

    assert shows_epoch(pretrained.GAN_EPOCHS)
    final_grid = image_urls(app)[0]
    app.slider(key="gd_epoch").set_value(0).run()
    assert not app.exception and shows_epoch(0)
    assert image_urls(app)[0] != final_grid


def test_new_samples_draw_a_new_seed_and_the_paths_share_their_ends():
    app = open_page(DIGITS, "en")
    samples = image_urls(app)[1]
    next(b for b in app.button if b.label == en.STRINGS["gan_digits.new"]).click().run()
    assert app.slider(key="gd_seed").value == 1
    assert image_urls(app)[1] != samples
    assert en.STRINGS["gan_digits.samples_title"].format(seed=1) in [h.value for h in app.subheader]
    paths = image_urls(app)[2:4]
    app.slider(key="gd_to").set_value(7).run()
    assert image_urls(app)[2:4] != paths and not app.exception
    assert en.STRINGS["gan_digits.norm_title"].format(typical="8.0") in specs(app)


@pytest.mark.parametrize(("language", "strings"), [("ko", ko.STRINGS), ("en", en.STRINGS)])
def test_a_missing_or_altered_history_is_named_and_the_rest_still_draws(language, strings, tmp_path, monkeypatch):
    from ui import loaders

    entry = pretrained.read_manifest()["models"][pretrained.GAN_NAME]
    (tmp_path / entry["history_file"]).write_bytes(b"altered")
    monkeypatch.setattr(pretrained, "MODEL_DIR", tmp_path)
    loaders._gan_history.clear()
    try:
        app = open_page(DIGITS, language)
        assert not app.exception
        assert [e.value for e in app.error] == [strings["error.asset"].format(
            file=entry["history_file"], problem=strings["error.asset_altered"], sha256=entry["history_sha256"])]
        assert len(app.image) == 3  # new samples and the two paths
        (tmp_path / entry["history_file"]).unlink()
        loaders._gan_history.clear()
        app = open_page(DIGITS, language)
        assert [e.value for e in app.error] == [strings["error.asset"].format(
            file=entry["history_file"], problem=strings["error.asset_missing"], sha256=entry["history_sha256"])]
    finally:
        loaders._gan_history.clear()


# --- GAN vs VAE ----------------------------------------------------------------------------------

VERSUS = "pages/21_gan_vs_vae.py"


@pytest.mark.parametrize(("language", "strings"), [("ko", ko.STRINGS), ("en", en.STRINGS)])
def test_three_models_and_the_test_images_are_judged_alike(language, strings):
    app = open_page(VERSUS, language)
    assert not app.exception and not app.error
    table = app.table[0].value
    assert list(table.iloc[:, 0]) == [strings[f"gan_vs_vae.kind.{kind}"] for kind in ("vae2", "vae20", "gan", "real")]
    # The page scores the very samples the manifest entry was scored on.
    gan = pretrained.read_manifest()["models"][pretrained.GAN_NAME]["metrics"]
    row = table.iloc[2]
    assert row.iloc[1] == f"{gan['classifier_score']:.2f}" and row.iloc[3] == f"{gan['frechet_distance']:.1f}"
    assert len(app.image) == 4 + 2  # four grids, then GAN samples beside their nearest training images


def test_a_new_seed_draws_new_samples_but_keeps_the_figures():
    app = open_page(VERSUS, "en")
    grids, table = image_urls(app)[:4], app.table[0].value
    app.slider(key="gv_seed").set_value(5).run()
    assert all(a != b for a, b in zip(grids, image_urls(app)[:4], strict=True))
    assert app.table[0].value.equals(table)  # judged on 10,000 samples with the evaluation seed


# --- train your own GAN --------------------------------------------------------------------------

TRAIN = "pages/22_train_gan.py"


@pytest.mark.parametrize(("language", "strings"), [("ko", ko.STRINGS), ("en", en.STRINGS)])
def test_one_live_epoch_draws_the_grid_the_losses_and_the_digit_mix(language, strings):
    app = open_page(TRAIN, language, query={"tg_epochs": "1"})
    assert not app.exception and not app.error
    assert [i.value for i in app.info] == [strings["training.none_yet"]]
    app.button(key="tg_start").click().run()
    assert not app.exception and not app.error
    run = app.session_state["tg_run"]
    assert run.status == "done" and len(run.epochs) == 1 and len(run.watched) == 1
    assert app.success[0].value.startswith(strings["train_gan.done"].split("{")[0])
    assert len(app.image) == 1 and len(app.get("vega_lite_chart")) == 2
    assert strings["train_gan.mix_title"].format(epoch=1) in specs(app)


def test_the_wasserstein_loss_turns_label_smoothing_off_and_says_so():
    app = open_page(TRAIN, "en", query={"tg_loss": "wasserstein_gp", "tg_smoothing": "0.1", "tg_epochs": "1"})
    assert en.STRINGS["train_gan.smoothing_unused"] in [c.value for c in app.sidebar.caption]
    app.button(key="tg_start").click().run()
    run = app.session_state["tg_run"]
    assert not app.exception and run.recipe.label_smoothing == 0.0 and run.recipe.loss == "wasserstein_gp"


@pytest.mark.parametrize(("status", "share", "expected"), [
    ("done", 0.62, "train_gan.collapsed"), ("diverged", 0.1, "train_gan.diverged"), ("done", 0.3, "train_gan.done"),
])
def test_collapse_and_divergence_are_reported(status, share, expected):
    """A finished run whose latest samples read mostly as one digit warns of mode collapse; a diverged
    run says so; an even run reports its time."""
    from core import training
    from ui.live_training import Run

    shares = np.full(10, (1 - share) / 9)
    shares[7] = share
    epoch = training.Epoch(1, 1.3, 1.3, 2.0, {"discriminator_loss": 1.3, "generator_loss": 0.8})
    run = Run(pretrained.LIVE_GAN, parts=None, epochs=[epoch], status=status, diverged_at=1 if status == "diverged" else None,
              watched=[(np.zeros((64, 28, 28)), shares)])
    app = open_page(TRAIN, "en")
    app.session_state["tg_run"] = run
    app.run()
    assert not app.exception
    shown = [m.value for m in (*app.success, *app.warning, *app.error)]
    prefix = en.STRINGS[expected].split("{")[0]
    assert any(text.startswith(prefix) for text in shown), shown
    assert (share > 0.5) == any(text.startswith(en.STRINGS["train_gan.collapsed"].split("{")[0]) for text in shown)


# --- conditional GAN -----------------------------------------------------------------------------

CONDITIONAL = "pages/23_cgan.py"


@pytest.mark.parametrize(("language", "strings"), [("ko", ko.STRINGS), ("en", en.STRINGS)])
def test_the_cgan_grid_stands_beside_the_cvae_grid_with_fidelity_per_label(language, strings):
    app = open_page(CONDITIONAL, language)
    assert not app.exception and not app.error
    assert len(app.image) == 2
    assert strings["cgan.fidelity_title"] in specs(app)
    before = image_urls(app)
    app.slider(key="cg_rows").set_value(3).run()
    assert all(a != b for a, b in zip(before, image_urls(app), strict=True))
