"""Adversarial autoencoder: shapes, fixed names, seeds, weights round trip, the adversarial losses
against hand values, training through core.training, and a discriminator that neither wins nor loses."""

import math

import keras
import numpy as np
import pytest

from core import data, generative, priors, training
from core.models import aae


@pytest.fixture(scope="module")
def split():
    return data.load("mnist")


def test_shapes_names_and_seeds(split):
    first, same, other = (aae.build(2, (32,), prior="gaussian_mixture", seed=s, discriminator_hidden=(16,)) for s in (1, 1, 2))
    assert [w.path for w in first.weights] == [w.path for w in same.weights]  # fixed names, no auto-numbering
    layers = ["encoder_1", "code", "decoder_1", "pixels", "discriminator_1", "logit"]
    assert [w.path for w in first.weights] == [f"{layer}/{part}" for layer in layers for part in ("kernel", "bias")]
    parts = (first.encoder, first.decoder, first.discriminator)
    assert [part.name for part in parts] == ["aae_encoder", "aae_decoder", "aae_discriminator"]
    for a, b in zip(first.get_weights(), same.get_weights(), strict=True):
        np.testing.assert_array_equal(a, b)
    assert any(not np.array_equal(a, b) for a, b in zip(first.get_weights(), other.get_weights(), strict=True))
    images = split.x_test[:4]
    codes = np.asarray(first.encoder(images))
    assert codes.shape == (4, 2)
    assert np.asarray(first.discriminator(codes)).shape == (4, 1)
    reconstruction = np.asarray(first(images))
    assert reconstruction.shape == (4, 28, 28) and reconstruction.min() >= 0 and reconstruction.max() <= 1
    np.testing.assert_allclose(reconstruction, np.asarray(first.decoder(codes)), atol=1e-6)  # call = decoder ∘ encoder


def test_weights_round_trip_before_training(split, tmp_path):
    model, other = aae.build(2, (32,), seed=3), aae.build(2, (32,), seed=4)
    path = tmp_path / "aae.weights.h5"
    model.save_weights(path)  # possible before any training: build() was called
    other.load_weights(path)
    images = split.x_test[:8]
    np.testing.assert_array_equal(np.asarray(other(images)), np.asarray(model(images)))
    codes = np.asarray(model.encoder(images))
    np.testing.assert_array_equal(np.asarray(other.discriminator(codes)), np.asarray(model.discriminator(codes)))


def test_adversarial_losses_match_hand_values(split):
    """With D's logit fixed at b (zero kernel), L_D = ½[log(1 + e^−b) + log(1 + e^b)] and L_G = log(1 + e^−b)."""
    model = aae.build(2, (16,), seed=5, discriminator_hidden=(8,))
    logit = model.discriminator.get_layer("logit")
    codes = model.encoder(split.x_test[:16])
    for bias in (0.0, 3.0, -2.0):
        logit.set_weights([np.zeros((8, 1), np.float32), np.float32([bias])])
        assert float(model.discriminator_loss(codes)) == pytest.approx(
            0.5 * (math.log1p(math.exp(-bias)) + math.log1p(math.exp(bias))), rel=1e-5)
        assert float(model.generator_loss(codes)) == pytest.approx(math.log1p(math.exp(-bias)), rel=1e-5)
    assert float(model.discriminator_loss(codes)) > math.log(2)  # a constant logit is no better than chance


def test_training_through_the_bridge_reports_all_three_losses(split):
    model = aae.build(2, (64,), prior="swiss_roll", seed=1, discriminator_hidden=(32, 32))
    outcome = training.fit(model, split.x_train[:1024], None, loss=None, epochs=2, learning_rate=1e-3, batch_size=128,
                           test=(split.x_test[:256],), seed=1)
    assert len(outcome.epochs) == 2 and outcome.diverged_at is None
    for epoch in outcome.epochs:
        assert math.isfinite(epoch.loss) and math.isfinite(epoch.test_loss)
        assert epoch.loss == pytest.approx(epoch.logs["reconstruction_loss"])  # "loss" is the reconstruction
        for name in ("discriminator_loss", "generator_loss", "val_reconstruction_loss", "val_discriminator_loss",
                     "val_generator_loss"):
            assert math.isfinite(epoch.logs[name]) and epoch.logs[name] > 0
    assert outcome.epochs[1].loss < outcome.epochs[0].loss
    assert model.history.history["discriminator_loss"] == pytest.approx([e.logs["discriminator_loss"] for e in outcome.epochs])
    # core.training's one Adam drives the reconstruction; the two adversarial phases get fresh copies
    assert model.optimizer is model.reconstruction_optimizer
    assert len({id(model.optimizer), id(model.discriminator_optimizer), id(model.generator_optimizer)}) == 3
    assert float(model.discriminator_optimizer.learning_rate) == pytest.approx(1e-3)
    before = model.get_weights()
    model.evaluate(split.x_test[:128], verbose=0)  # test_step reports without updating anything
    for a, b in zip(before, model.get_weights(), strict=True):
        np.testing.assert_array_equal(a, b)


def test_the_seed_decides_the_training(split):
    def run():
        model = aae.build(2, (16,), prior="gaussian_mixture", seed=2, discriminator_hidden=(16,))
        training.fit(model, split.x_train[:256], None, loss=None, epochs=1, learning_rate=1e-3, batch_size=64, seed=3)
        return model

    first, second = run(), run()
    for a, b in zip(first.get_weights(), second.get_weights(), strict=True):
        np.testing.assert_array_equal(a, b)


def test_the_discriminator_neither_wins_nor_loses(split):
    """Chance is log 2 ≈ 0.693 per sample. Measured (seeds 0–2): D wins the first epochs (its loss
    falls to 0.25–0.35 by epoch 2, G's rises to 2.5–3.5), then the encoder catches up and by epoch 10
    D's loss is 0.64–0.68 (test 0.66–0.69) and G's 0.69–0.76. A D that keeps winning sits far below
    the band, one that is fooled (or diverged) above it."""
    model = aae.build(2, (256, 128), prior="gaussian_mixture", seed=0, discriminator_hidden=(128, 128))
    outcome = training.fit(model, split.x_train[:2000], None, loss=None, epochs=10, learning_rate=1e-3, batch_size=100,
                           test=(split.x_test[:500],), seed=0)
    last = outcome.epochs[-1].logs
    assert 0.5 < last["discriminator_loss"] < 0.8
    assert 0.5 < last["val_discriminator_loss"] < 0.85
    assert 0.5 < last["generator_loss"] < 1.2
    assert outcome.epochs[-1].loss < 0.6 * outcome.epochs[0].loss  # and the codes still reconstruct


def test_a_label_informed_discriminator_judges_a_code_together_with_its_class(split):
    """D sees [z, one-hot]; a prior sample's class is its component, an image's its digit."""
    model = aae.build(2, (16,), prior="gaussian_mixture", seed=4, discriminator_hidden=(8,), label_informed=True)
    codes = np.asarray(model.encoder(split.x_test[:6]))
    labels = generative.one_hot(split.y_test[:6])
    logits = [np.asarray(model.discriminator([codes, generative.one_hot(np.full(6, k))])) for k in (0, 1)]
    assert logits[0].shape == (6, 1) and not np.allclose(logits[0], logits[1])  # the class changes the verdict
    logit = model.discriminator.get_layer("logit")
    logit.set_weights([np.zeros((8, 1), np.float32), np.float32([1.5])])
    assert float(model.generator_loss(codes, labels)) == pytest.approx(math.log1p(math.exp(-1.5)), rel=1e-5)
    outcome = training.fit(model, [split.x_train[:512], generative.one_hot(split.y_train[:512])], None, loss=None,
                           epochs=2, learning_rate=1e-3, batch_size=128,
                           test=([split.x_test[:128], generative.one_hot(split.y_test[:128])],), seed=4)
    assert len(outcome.epochs) == 2 and all(math.isfinite(e.logs["val_discriminator_loss"]) for e in outcome.epochs)
    with pytest.raises(ValueError):
        aae.build(2, (16,), prior="normal", label_informed=True)


@pytest.mark.parametrize("arguments", [{"prior": "uniform"}, {"prior": "swiss_roll", "latent_dim": 3}, {"latent_dim": 0},
                                       {"latent_dim": 2.0}, {"hidden": ()}, {"discriminator_hidden": (0,)}])
def test_bad_arguments_raise(arguments):
    with pytest.raises(ValueError):
        aae.build(**arguments)


def test_the_normal_prior_takes_any_latent_size():
    model = aae.build(5, (16,), prior="normal", seed=0, discriminator_hidden=(8,))
    model.compile(optimizer=keras.optimizers.Adam(1e-3))
    assert np.asarray(model.encoder(np.zeros((3, 28, 28), np.float32))).shape == (3, 5)
    assert math.isfinite(float(model.discriminator_loss(model.encoder(np.zeros((3, 28, 28), np.float32)))))
    assert priors.check("normal", dimensions=5) is None
