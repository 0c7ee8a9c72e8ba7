"""VAE and CVAE: the KL closed form against Monte Carlo, the −ELBO against a hand computation,
shapes, seeds, weights round trip, conditioning, and training through core.training."""

import math

import keras
import numpy as np
import pytest

from core import data, generative, training
from core.models import vae


@pytest.fixture(scope="module")
def split():
    return data.load("mnist")


def test_kl_closed_form_matches_a_monte_carlo_estimate():
    rng = np.random.default_rng(0)
    mean, log_var = rng.normal(0, 1, (3, 4)), rng.normal(0, 0.5, (3, 4))
    closed = np.asarray(vae.kl_to_standard_normal(mean, log_var))
    # KL(q ‖ p) = E_q[log q(z) − log p(z)], with 400,000 draws z ~ q per row
    sigma = np.exp(0.5 * log_var)
    z = mean + sigma * rng.standard_normal((400_000, 3, 4))
    log_q = -0.5 * (((z - mean) / sigma) ** 2 + log_var + np.log(2 * np.pi))
    log_p = -0.5 * (z ** 2 + np.log(2 * np.pi))
    estimate = (log_q - log_p).sum(axis=-1).mean(axis=0)
    np.testing.assert_allclose(closed, estimate, rtol=0.02, atol=0.01)
    assert np.all(closed > 0)
    assert float(vae.kl_to_standard_normal(np.zeros((1, 4)), np.zeros((1, 4)))[0]) == 0.0  # q = p


def test_negative_elbo_matches_a_hand_computation_on_a_tiny_model(split):
    """σ is made tiny (log σ² = −30), so z = μ whatever ε is; the rest is NumPy by hand."""
    model = vae.build(latent_dim=2, hidden=(3,), beta=0.5, seed=4)
    log_var_layer = model.encoder.get_layer("z_log_var")
    kernel, bias = log_var_layer.get_weights()
    log_var_layer.set_weights([np.zeros_like(kernel), np.full_like(bias, -30.0)])
    images = split.x_test[:5]
    reconstruction, kl, total = (float(v) for v in model.losses_of(images))

    def dense(x, name, activation):
        w, b = model.get_layer(model.encoder.name if name.startswith(("encoder", "z_")) else model.decoder.name
                               ).get_layer(name).get_weights()
        y = x @ w + b
        return np.maximum(y, 0) if activation == "relu" else (1 / (1 + np.exp(-y)) if activation == "sigmoid" else y)

    mu = dense(dense(images.reshape(5, -1), "encoder_1", "relu"), "z_mean", None)
    epsilon = generative.EPSILON
    probabilities = np.clip(dense(dense(mu, "decoder_1", "relu"), "pixels", "sigmoid"), epsilon, 1 - epsilon)
    x = images.reshape(5, -1)
    hand_reconstruction = -(x * np.log(probabilities) + (1 - x) * np.log(1 - probabilities)).sum(axis=1).mean()
    hand_kl = (-0.5 * (1 - 30.0 - mu ** 2 - math.exp(-30.0)).sum(axis=1)).mean()
    assert reconstruction == pytest.approx(hand_reconstruction, rel=1e-4)
    assert kl == pytest.approx(hand_kl, rel=1e-4)
    assert total == pytest.approx(hand_reconstruction + 0.5 * hand_kl, rel=1e-4)


@pytest.mark.parametrize("conditional", [False, True])
def test_shapes_seeds_and_weights_round_trip(conditional, split, tmp_path):
    first, same, other = (vae.build(3, (32,), conditional=conditional, seed=s) for s in (1, 1, 2))
    assert [w.name for w in first.weights] == [w.name for w in same.weights]
    for a, b in zip(first.get_weights(), same.get_weights(), strict=True):
        np.testing.assert_array_equal(a, b)
    assert any(not np.array_equal(a, b) for a, b in zip(first.get_weights(), other.get_weights(), strict=True))
    inputs = [split.x_test[:4], generative.one_hot(split.y_test[:4])] if conditional else split.x_test[:4]
    z_mean, z_log_var, z = (np.asarray(t) for t in first.encoder(inputs))
    assert z_mean.shape == z_log_var.shape == z.shape == (4, 3)
    images = np.asarray(first(inputs))
    assert images.shape == (4, 28, 28) and images.min() >= 0 and images.max() <= 1
    path = tmp_path / "model.weights.h5"
    first.save_weights(path)  # possible before any training: build() was called
    other.load_weights(path)
    np.testing.assert_array_equal(np.asarray(other(inputs)), images)


def test_a_cvae_draws_the_same_style_as_each_label():
    model = vae.build(2, (32,), conditional=True, seed=3)
    z = np.zeros((10, 2), np.float32)
    digits = np.asarray(model.decoder([z, generative.one_hot(np.arange(10))]))
    assert digits.shape == (10, 28, 28)
    assert len({digit.tobytes() for digit in digits}) == 10  # the label changes the picture


def test_training_through_the_bridge_reports_finite_falling_losses(split):
    model = vae.build(2, (64,), seed=5)
    outcome = training.fit(model, split.x_train[:1024], None, loss=None, epochs=3, learning_rate=1e-3,
                           batch_size=128, test=(split.x_test[:256],), seed=5)
    losses = [epoch.loss for epoch in outcome.epochs]
    assert len(losses) == 3 and all(math.isfinite(v) for v in losses) and losses[-1] < losses[0]
    assert all(epoch.test_loss is not None and math.isfinite(epoch.test_loss) for epoch in outcome.epochs)
    last = outcome.epochs[-1].logs  # the ELBO's two terms, for training and test, reach the callback
    assert set(last) >= {"reconstruction_loss", "kl_loss", "val_reconstruction_loss", "val_kl_loss"}
    assert last["reconstruction_loss"] + last["kl_loss"] == pytest.approx(outcome.epochs[-1].loss, rel=1e-4)


def test_beta_weights_the_kl_and_bad_arguments_raise(split):
    model = vae.build(2, (16,), beta=0.0, seed=6)
    model.compile(optimizer=keras.optimizers.Adam(1e-3))
    reconstruction, kl, total = (float(v) for v in model.losses_of(split.x_test[:8]))
    assert total == pytest.approx(reconstruction) and kl >= 0
    for bad in (-1.0, float("nan"), float("inf")):
        with pytest.raises(ValueError):
            vae.build(2, beta=bad)
    for bad in (0, 257, 2.5):
        with pytest.raises(ValueError):
            vae.build(bad)


def test_a_conditional_models_decaying_learning_rate_spans_the_whole_run(split):
    """With two inputs per sample (images and labels), the cosine schedule must count samples, not inputs."""
    model = vae.build(2, (16,), conditional=True, seed=7)
    rates = []

    def record(epoch):
        rates.append(float(keras.ops.convert_to_numpy(model.optimizer.learning_rate)))

    x = [split.x_train[:256], generative.one_hot(split.y_train[:256])]
    training.fit(model, x, None, loss=None, epochs=2, learning_rate=1e-3, batch_size=64, seed=7,
                 cosine_decay=True, on_epoch_end=record)
    assert rates[0] == pytest.approx(0.5e-3 * (1 + 0.01), rel=0.05)  # half-way down the half cosine after epoch 1 of 2
