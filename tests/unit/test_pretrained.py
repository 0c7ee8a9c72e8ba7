"""The bundled models: every recipe is in the manifest, files match their checksums, and each
model reloaded from its file scores on the test split what the manifest says."""

import dataclasses
import shutil

import h5py
import numpy as np
import pytest

from core import data, evaluation, models, pretrained

MANIFEST = pretrained.read_manifest()


@pytest.fixture(scope="module")
def splits():
    return {name: data.load(name) for name in data.DATASETS}


def test_every_recipe_field_is_recorded_in_the_manifest():
    """Everything that decides a model is in its recipe, and the manifest records all of it."""
    assert set(MANIFEST["models"]) == set(pretrained.RECIPES)
    for name, recipe in pretrained.RECIPES.items():
        entry = MANIFEST["models"][name]
        for field in dataclasses.fields(recipe):
            if field.name != "name":
                recorded = entry[field.name]
                assert (tuple(recorded) if isinstance(recorded, list) else recorded) == getattr(recipe, field.name), (
                    name, field.name)
        assert entry["file"] == recipe.file_name
        assert entry["split"]["dataset_sha256"] == data.DATASETS[recipe.dataset][1]
        assert len(entry["history"]) == recipe.epochs and entry["train_seconds"] > 0


def test_every_recipe_names_a_registered_family():
    assert {recipe.family for recipe in pretrained.RECIPES.values()} == set(models.FAMILIES)


@pytest.mark.parametrize("name", sorted(pretrained.RECIPES))
def test_weights_files_match_their_checksums_and_hold_no_optimizer_state(name):
    entry = MANIFEST["models"][name]
    assert data.sha256_of(pretrained.MODEL_DIR / entry["file"]) == entry["sha256"]
    with h5py.File(pretrained.MODEL_DIR / entry["file"], "r") as weights:  # an AAE has three optimizers
        assert not [group for group in weights if group.endswith("optimizer")]


@pytest.mark.parametrize("name", sorted(pretrained.RECIPES))
def test_reloaded_models_score_what_the_manifest_says(name, splits):
    model = pretrained.load(name)
    scores = pretrained.evaluate(model.recipe, model, splits[model.recipe.dataset])
    for metric, value in scores.items():
        assert value == pytest.approx(MANIFEST["models"][name]["metrics"][metric], rel=1e-3), metric


def test_quality_bars_of_the_issue():
    """Autoencoder test MSE per pixel at d = 2, 10, 30 and the denoising PSNR at σ = 0.4."""
    models = MANIFEST["models"]
    for size, bar in [(2, 0.040), (10, 0.017), (30, 0.009)]:
        assert models[pretrained.autoencoder_name("mnist", size)]["metrics"]["test_mse"] <= bar
    denoising = models["dae_mnist_d30"]["metrics"]
    assert denoising["denoised_psnr"] >= 18.0 and denoising["noisy_input_psnr"] == pytest.approx(11.0, abs=0.5)


def test_quality_bars_of_chapter_4():
    """VAE test −ELBO (nats per image), the judge's accuracy and the CVAE's samples per label."""
    models = MANIFEST["models"]
    assert models[pretrained.vae_name(2)]["metrics"]["test_neg_elbo"] <= 152
    assert models[pretrained.vae_name(20)]["metrics"]["test_neg_elbo"] <= 110
    assert models[evaluation.CLASSIFIER]["metrics"]["test_accuracy"] >= 0.98
    cvae = models["cvae_mnist_d2"]["metrics"]
    assert all(cvae[f"sample_accuracy_{label}"] >= 0.95 for label in range(10))


def test_the_beta_series_trades_reconstruction_for_kl():
    """Raising β buys a smaller KL with a worse reconstruction, model after model."""
    scores = [MANIFEST["models"][pretrained.beta_name(beta)]["metrics"] for beta in pretrained.BETAS]
    kl = [s["test_kl"] for s in scores]
    reconstruction = [s["test_reconstruction"] for s in scores]
    assert kl == sorted(kl, reverse=True) and reconstruction == sorted(reconstruction)


def test_every_adversarial_autoencoder_records_its_three_losses_and_the_prior_match():
    for prior in ("normal", "gaussian_mixture", "swiss_roll"):
        entry = MANIFEST["models"][pretrained.aae_name(prior)]
        assert {"reconstruction_loss", "discriminator_loss", "generator_loss"} <= set(entry["terms"])
        assert all(len(values) == entry["epochs"] for values in entry["terms"].values())
        metrics = entry["metrics"]  # an untrained encoder's codes are at about 17 from the prior
        assert 0 < metrics["reference_energy_distance"] < 0.01 and metrics["prior_energy_distance"] < 0.15
        if prior != "normal":  # told the digits, the encoder puts digit k on component k (chance: 10 %)
            assert metrics["component_agreement"] > 0.6


def test_half_precision_file_loads_into_the_float32_model(tmp_path):
    recipe = pretrained.RECIPES["ae_mnist_d2"]
    model = pretrained.build(recipe).model
    path = tmp_path / "copy.weights.h5"
    pretrained.save_half_precision(model, path)
    reloaded = pretrained.build(pretrained.Recipe("other", "mnist", 2, seed=99)).model
    reloaded.load_weights(path)
    assert not list(tmp_path.glob("*.float32.*"))  # the full-precision copy is removed
    for original, loaded in zip(model.get_weights(), reloaded.get_weights(), strict=True):
        assert loaded.dtype == np.float32
        np.testing.assert_allclose(loaded, original.astype(np.float16).astype(np.float32))


def test_an_altered_or_missing_file_is_refused_with_its_checksum(tmp_path):
    shutil.copy(pretrained.MANIFEST_PATH, tmp_path)
    name = "ae_mnist_d2"
    with pytest.raises(data.AssetError) as missing:
        pretrained.load(name, model_dir=tmp_path)
    assert missing.value.missing and missing.value.expected_sha256 == MANIFEST["models"][name]["sha256"]
    altered = bytearray((pretrained.MODEL_DIR / f"{name}.weights.h5").read_bytes())
    altered[-100] ^= 0xFF
    (tmp_path / f"{name}.weights.h5").write_bytes(bytes(altered))
    with pytest.raises(data.AssetError) as changed:
        pretrained.load(name, model_dir=tmp_path)
    assert not changed.value.missing


def test_a_missing_manifest_is_reported(tmp_path):
    with pytest.raises(pretrained.ManifestError):
        pretrained.load("ae_mnist_d2", model_dir=tmp_path)


def test_the_manifest_is_written_compactly_and_reads_back_the_same(tmp_path):
    path = tmp_path / "manifest.json"
    pretrained.write_manifest(MANIFEST, path)
    assert pretrained.read_manifest(path) == MANIFEST
    assert path.read_text(encoding="utf-8") == pretrained.MANIFEST_PATH.read_text(encoding="utf-8")
    assert len(path.read_text(encoding="utf-8").splitlines()) < 60 * len(MANIFEST["models"])  # no line per number


def test_the_gan_keeps_its_training_as_pictures_and_figures_per_epoch():
    from core import gan_history

    entry = MANIFEST["models"][pretrained.GAN_NAME]
    history = gan_history.load(pretrained.MODEL_DIR / entry["history_file"], entry["history_sha256"])
    epochs = entry["epochs"]
    assert history.grids.shape == (epochs + 1, gan_history.GRID, 28, 28) and history.grids.dtype == np.uint8
    assert all(len(values) == epochs + 1 for values in history.figures.values())
    np.testing.assert_allclose(history.shares.sum(axis=1), 1.0)
    scores, distances = history.figures["classifier_score"], history.figures["frechet_distance"]
    assert scores[-1] > 2 * scores[0] and distances[-1] < distances[0] / 5  # from noise to digits
    assert {"discriminator_loss", "generator_loss", "val_discriminator_loss"} <= set(entry["terms"])


@pytest.mark.xfail(strict=True, reason="issue 12 is open: the bundled GAN scores 7.94 of the 9.0 bar, and digits 4 "
                   "(5.5 %) and 9 (14.6 %) fall outside 6-14 % (docs/BENCHMARKS.md)")
def test_the_gan_meets_the_classifier_score_and_digit_mix_bars():
    gan = MANIFEST["models"][pretrained.GAN_NAME]["metrics"]
    assert gan["classifier_score"] >= 9.0
    assert all(0.06 <= gan[f"digit_share_{digit}"] <= 0.14 for digit in range(10))


def test_quality_bars_of_chapter_5(splits):
    """The GAN's Fréchet distance against the 20-D VAE's and the real images', no copying of the
    training images, and the conditional GAN's samples per label."""
    from core import generative, sample_quality

    gan = MANIFEST["models"][pretrained.GAN_NAME]["metrics"]
    split = splits["mnist"]
    judge = sample_quality.judge(pretrained.load(evaluation.CLASSIFIER).model, split)
    vae = pretrained.load(pretrained.vae_name(20))
    z = np.random.default_rng(evaluation.EVAL_SEED).standard_normal((sample_quality.SAMPLES, vae.recipe.code_size))
    assert gan["frechet_distance"] < sample_quality.scores(judge, generative.decode(vae.decoder, z))["frechet_distance"]
    real = sample_quality.real_scores(judge, split)
    assert gan["nearest_train_median"] >= real["nearest_train_median"]
    assert real["frechet_distance"] < gan["frechet_distance"] and gan["classifier_score"] < real["classifier_score"]
    cgan = MANIFEST["models"][pretrained.CGAN_NAME]["metrics"]
    assert all(cgan[f"sample_accuracy_{label}"] >= 0.95 for label in range(10))
