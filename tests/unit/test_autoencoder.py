"""Autoencoder builders and the training bridge: shapes, seeds, names, round trips, stop, divergence."""

import math

import numpy as np
import pytest

from core import data, training
from core.models import autoencoder


@pytest.fixture(scope="module")
def images():
    return data.load("mnist").x_train[:512]


@pytest.mark.parametrize("architecture", autoencoder.ARCHITECTURES)
def test_shapes_and_output_range(architecture, images):
    parts = autoencoder.build(architecture, code_size=5, seed=1)
    encoder, decoder, model = parts.encoder, parts.decoder, parts.model
    codes = np.asarray(encoder(images[:8], training=False))
    assert codes.shape == (8, 5)
    decoded = np.asarray(decoder(codes, training=False))
    reconstructed = np.asarray(model(images[:8], training=False))
    assert decoded.shape == reconstructed.shape == (8, 28, 28)
    np.testing.assert_allclose(decoded, reconstructed, atol=1e-6)  # the model is decoder ∘ encoder
    assert reconstructed.min() >= 0.0 and reconstructed.max() <= 1.0


@pytest.mark.parametrize("architecture", autoencoder.ARCHITECTURES)
def test_seeds_decide_the_weights_and_names_are_fixed(architecture):
    first, second, other = (autoencoder.build(architecture, seed=seed).model for seed in (3, 3, 4))
    assert [w.name for w in first.weights] == [w.name for w in second.weights]  # no auto-numbering
    for a, b in zip(first.get_weights(), second.get_weights(), strict=True):
        np.testing.assert_array_equal(a, b)
    assert any(not np.array_equal(a, b) for a, b in zip(first.get_weights(), other.get_weights(), strict=True))


@pytest.mark.parametrize("architecture", autoencoder.ARCHITECTURES)
def test_weights_round_trip_through_a_weights_file(architecture, images, tmp_path):
    model = autoencoder.build(architecture, seed=5).model
    path = tmp_path / f"{architecture}.weights.h5"
    model.save_weights(path)
    rebuilt = autoencoder.build(architecture, seed=99).model
    rebuilt.load_weights(path)
    np.testing.assert_array_equal(np.asarray(model(images[:4])), np.asarray(rebuilt(images[:4])))


def test_fit_reports_every_epoch_and_lowers_the_loss(images):
    model = autoencoder.build("mlp", code_size=10, seed=0).model
    seen = []
    outcome = training.fit(model, images, images, loss="binary_crossentropy", epochs=3, learning_rate=1e-3,
                           batch_size=64, test=(images[:128], images[:128]), on_epoch_end=seen.append)
    assert [epoch.index for epoch in seen] == [1, 2, 3] and outcome.epochs == seen
    assert all(math.isfinite(e.loss) and math.isfinite(e.test_loss) and e.seconds > 0 for e in seen)
    assert seen[-1].loss < seen[0].loss
    assert outcome.diverged_at is None and not outcome.stopped_early


def test_fit_is_reproducible_from_its_seed(images):
    losses = []
    for _ in range(2):
        model = autoencoder.build("mlp", code_size=2, seed=7).model
        outcome = training.fit(model, images, images, loss="binary_crossentropy", epochs=1, learning_rate=1e-3, seed=11)
        losses.append(outcome.epochs[0].loss)
    assert losses[0] == losses[1]


def test_callback_can_stop_training(images):
    model = autoencoder.build("mlp", seed=0).model
    outcome = training.fit(model, images, images, loss="mse", epochs=5, learning_rate=1e-3,
                           on_epoch_end=lambda epoch: False)
    assert len(outcome.epochs) == 1 and outcome.stopped_early


def test_non_finite_loss_is_reported_as_divergence(images):
    broken = images.copy()
    broken[0, 0, 0] = np.nan  # one bad pixel makes every later loss NaN
    model = autoencoder.build("mlp", seed=0).model
    outcome = training.fit(model, broken, broken, loss="mse", epochs=3, learning_rate=1e-3)
    assert outcome.diverged_at == 1 and outcome.epochs == []


@pytest.mark.parametrize("call", [
    lambda: autoencoder.build("rnn"),
    lambda: autoencoder.build("mlp", code_size=0),
    lambda: autoencoder.build_mlp(hidden=()),
])
def test_invalid_architectures_raise_value_error(call):
    with pytest.raises(ValueError):
        call()


@pytest.mark.parametrize(("epochs", "learning_rate"), [(0, 1e-3), (1, float("nan")), (1, 0.0)])
def test_invalid_training_arguments_raise_value_error(epochs, learning_rate, images):
    model = autoencoder.build("mlp", seed=0).model
    with pytest.raises(ValueError):
        training.fit(model, images, images, loss="mse", epochs=epochs, learning_rate=learning_rate)


@pytest.mark.parametrize("kind", ["gaussian", "salt_pepper", "masking"])
def test_corrupt_layer_noises_only_while_training_and_stays_in_range(kind, images):
    layer = autoencoder.Corrupt(kind, 0.4, seed=3)
    batch = np.concatenate([images[:8], np.full((8, 28, 28), 0.5, np.float32)])  # digits: clipping; grey: every hit shows
    np.testing.assert_array_equal(np.asarray(layer(batch, training=False)), batch)
    noisy = np.asarray(layer(batch, training=True))
    assert noisy.shape == batch.shape and noisy.min() >= 0.0 and noisy.max() <= 1.0
    changed = np.mean(noisy != batch)
    assert changed > 0.2  # 40 % of the grey half alone is 20 %
    if kind == "masking":
        assert np.all(noisy[noisy != batch] == 0.0)
    if kind == "salt_pepper":
        assert set(np.unique(noisy[noisy != batch])) <= {0.0, 1.0}


def test_denoising_trainer_trains_the_autoencoder_it_wraps(images):
    model = autoencoder.build("mlp", code_size=8, seed=2).model
    trainer = autoencoder.denoising_trainer(model, "gaussian", 0.5, seed=2)
    before = [w.copy() for w in model.get_weights()]
    outcome = training.fit(trainer, images, images, loss="binary_crossentropy", epochs=1, learning_rate=1e-3, seed=2)
    assert len(outcome.epochs) == 1 and math.isfinite(outcome.epochs[0].loss)
    assert not trainer.weights or {id(w) for w in trainer.weights} == {id(w) for w in model.weights}
    assert any(not np.array_equal(a, b) for a, b in zip(before, model.get_weights(), strict=True))


def test_a_loss_above_the_divergence_bound_stops_the_run(images):
    model = autoencoder.build("mlp", code_size=4, seed=1).model
    outcome = training.fit(model, images, images, loss="binary_crossentropy", epochs=3, learning_rate=1.0,
                           seed=1, diverge_above=1.0)
    assert outcome.diverged_at == 1 and outcome.epochs == []


def test_invalid_corruptions_raise_value_error():
    with pytest.raises(ValueError):
        autoencoder.Corrupt("speckle", 0.1)
    with pytest.raises(ValueError):
        autoencoder.Corrupt("gaussian", 1.5)
