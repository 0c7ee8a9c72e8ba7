"""The bundled models: every recipe is in the manifest, files match their checksums, and each
model reloaded from its file scores on the test split what the manifest says."""

import shutil

import numpy as np
import pytest

from core import data, pretrained

MANIFEST = pretrained.read_manifest()


@pytest.fixture(scope="module")
def splits():
    return {name: data.load(name) for name in data.DATASETS}


def test_every_recipe_is_in_the_manifest_with_its_settings():
    assert set(MANIFEST["models"]) == set(pretrained.RECIPES)
    for name, recipe in pretrained.RECIPES.items():
        entry = MANIFEST["models"][name]
        assert entry["file"] == recipe.file_name
        assert (entry["dataset"], entry["code_size"], entry["architecture"], tuple(entry["hidden"])) == (
            recipe.dataset, recipe.code_size, recipe.architecture, recipe.hidden)
        assert (entry["seed"], entry["epochs"], entry["noise"], entry["noise_level"]) == (
            recipe.seed, recipe.epochs, recipe.noise, recipe.noise_level)
        assert entry["split"]["dataset_sha256"] == data.DATASETS[recipe.dataset][1]
        assert len(entry["history"]) == recipe.epochs and entry["train_seconds"] > 0


@pytest.mark.parametrize("name", sorted(pretrained.RECIPES))
def test_weights_files_match_their_checksums(name):
    entry = MANIFEST["models"][name]
    assert data.sha256_of(pretrained.MODEL_DIR / entry["file"]) == entry["sha256"]


@pytest.mark.parametrize("name", sorted(pretrained.RECIPES))
def test_reloaded_models_score_what_the_manifest_says(name, splits):
    model = pretrained.load(name)
    scores = pretrained.evaluate(model.autoencoder, splits[model.recipe.dataset])
    for metric, value in scores.items():
        assert value == pytest.approx(MANIFEST["models"][name]["metrics"][metric], rel=1e-3), metric


def test_quality_bars_of_the_issue():
    """Autoencoder test MSE per pixel at d = 2, 10, 30 and the denoising PSNR at σ = 0.4."""
    models = MANIFEST["models"]
    for size, bar in [(2, 0.040), (10, 0.017), (30, 0.009)]:
        assert models[pretrained.autoencoder_name("mnist", size)]["metrics"]["test_mse"] <= bar
    denoising = models["dae_mnist_d30"]["metrics"]
    assert denoising["denoised_psnr"] >= 18.0 and denoising["noisy_input_psnr"] == pytest.approx(11.0, abs=0.5)


def test_half_precision_file_loads_into_the_float32_model(tmp_path):
    recipe = pretrained.RECIPES["ae_mnist_d2"]
    _, _, model = pretrained.build(recipe)
    path = tmp_path / "copy.weights.h5"
    pretrained.save_half_precision(model, path)
    _, _, reloaded = pretrained.build(pretrained.Recipe("other", "mnist", 2, seed=99))
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
