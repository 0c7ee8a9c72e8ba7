"""The GAN family: each loss against a hand computation, the gradient penalty, and the 2-D lab
(seeded reproducibility, also with two labs training at once in two threads; reset; live settings)."""

import math
import threading

import numpy as np
import pytest
import tensorflow as tf

from core import gan_lab, toy_data
from core.models import gan

REAL = np.array([[2.0], [-1.0], [0.5]], np.float32)  # D's raw outputs (logits or scores)
FAKE = np.array([[-3.0], [0.0], [1.5]], np.float32)


def softplus(x):
    return np.log1p(np.exp(x))


def sigmoid(x):
    return 1 / (1 + np.exp(-x))


HAND = {  # (D's loss, G's loss), written from the definitions with D = σ(logit)
    "minimax": (-np.mean(np.log(sigmoid(REAL))) - np.mean(np.log(1 - sigmoid(FAKE))), np.mean(np.log(1 - sigmoid(FAKE)))),
    "non_saturating": (-np.mean(np.log(sigmoid(REAL))) - np.mean(np.log(1 - sigmoid(FAKE))), -np.mean(np.log(sigmoid(FAKE)))),
    "least_squares": (0.5 * np.mean((REAL - 1) ** 2) + 0.5 * np.mean(FAKE ** 2), 0.5 * np.mean((FAKE - 1) ** 2)),
    "wasserstein_gp": (np.mean(FAKE) - np.mean(REAL), -np.mean(FAKE)),
}


@pytest.mark.parametrize("loss", gan.LOSSES)
def test_each_loss_matches_its_definition(loss):
    d_loss, g_loss = HAND[loss]
    assert math.isclose(float(gan.discriminator_loss(loss, REAL, FAKE)), float(d_loss), rel_tol=1e-5)
    assert math.isclose(float(gan.generator_loss(loss, FAKE)), float(g_loss), rel_tol=1e-5, abs_tol=1e-6)
    assert softplus(0.0) == math.log(2)


def test_unknown_loss_is_refused():
    with pytest.raises(ValueError):
        gan.discriminator_loss("hinge", REAL, FAKE)
    with pytest.raises(ValueError):
        gan.generator_loss("hinge", FAKE)


def test_gradient_penalty_of_a_linear_critic():
    """D(x) = w·x has ‖∇D‖ = ‖w‖ everywhere: the penalty is λ(‖w‖ − 1)², whatever the points."""
    critic = gan.mlp("critic", 2, 1, 0, 1, seed=3)
    w = critic.get_layer("critic_out").kernel.numpy()[:, 0]
    real, fake = tf.random.normal([64, 2], seed=1), tf.random.normal([64, 2], seed=2)
    epsilon = tf.random.stateless_uniform([64, 1], tf.constant([4, 5], tf.int64))
    penalty = float(gan.gradient_penalty(critic, real, fake, epsilon))
    assert math.isclose(penalty, gan.GRADIENT_PENALTY * (np.linalg.norm(w) - 1) ** 2, rel_tol=1e-4)


def test_gradient_penalty_on_images_takes_the_norm_over_every_pixel():
    """D(x) = Σ w ⊙ x on 3×3 images: ‖∇D‖ is the norm of the whole weight image."""
    w = tf.constant(np.arange(9, dtype=np.float32).reshape(3, 3) / 10)
    real, fake = tf.random.normal([8, 3, 3], seed=1), tf.random.normal([8, 3, 3], seed=2)
    penalty = float(gan.gradient_penalty(lambda x: tf.reduce_sum(x * w, axis=[1, 2])[:, None], real, fake,
                                         tf.random.uniform([8, 1, 1], seed=3)))
    assert math.isclose(penalty, gan.GRADIENT_PENALTY * (np.linalg.norm(w.numpy()) - 1) ** 2, rel_tol=1e-4)


@pytest.mark.parametrize("loss", ["non_saturating", "least_squares"])
def test_label_smoothing_asks_d_for_less_than_one_on_real_inputs(loss):
    """One-sided smoothing at 0.1: cross-entropy against 0.9, or a least-squares target of 0.9."""
    if loss == "least_squares":
        expected = 0.5 * np.mean((REAL - 0.9) ** 2) + 0.5 * np.mean(FAKE ** 2)
    else:
        expected = -np.mean(0.9 * np.log(sigmoid(REAL)) + 0.1 * np.log(1 - sigmoid(REAL))) - np.mean(np.log(1 - sigmoid(FAKE)))
    assert math.isclose(float(gan.discriminator_loss(loss, REAL, FAKE, real_label=0.9)), float(expected), rel_tol=1e-5)


SMALL = gan_lab.Settings(generator_width=8, discriminator_width=8, batch=64, seed=5)


def _trained(settings, iterations=40):
    lab = gan_lab.Lab(settings, toy_data.ring())
    lab.train(iterations)
    return lab


def test_the_same_seed_gives_the_same_run_and_chunks_do_not_matter():
    whole = _trained(SMALL, 40)
    chunked = gan_lab.Lab(SMALL, toy_data.ring())
    for _ in range(4):
        chunked.train(10)
    assert all(np.array_equal(a, b) for a, b in zip(whole.weights(), chunked.weights(), strict=True))
    other = _trained(gan_lab.Settings(**{**SMALL.__dict__, "seed": 6}), 40)
    assert not np.array_equal(whole.view().samples, other.view().samples)


def test_two_labs_training_at_once_each_keep_their_seeded_result():
    alone = [_trained(SMALL, 200).view().samples, _trained(gan_lab.Settings(**{**SMALL.__dict__, "seed": 9}), 200).view().samples]
    together = [None, None]

    def train(index, seed):
        together[index] = _trained(gan_lab.Settings(**{**SMALL.__dict__, "seed": seed}), 200).view().samples

    threads = [threading.Thread(target=train, args=(0, 5)), threading.Thread(target=train, args=(1, 9))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert np.array_equal(alone[0], together[0]) and np.array_equal(alone[1], together[1])


def test_reset_returns_to_iteration_zero_exactly():
    lab = gan_lab.Lab(SMALL, toy_data.ring())
    first = lab.view()
    lab.train(30)
    assert lab.iteration == 30 and not np.array_equal(lab.view().samples, first.samples)
    lab.reset()
    again = lab.view()
    assert lab.iteration == 0 and np.array_equal(again.samples, first.samples) and np.array_equal(again.field, first.field)
    lab.train(30)
    assert np.array_equal(lab.view().samples, _trained(SMALL, 30).view().samples)


def test_live_settings_change_a_running_lab_and_structure_does_not():
    lab = gan_lab.Lab(SMALL, toy_data.ring())
    faster = gan_lab.Settings(**{**SMALL.__dict__, "generator_learning_rate": 0.01, "batch": 32, "discriminator_steps": 3})
    lab.apply_live(faster)
    assert math.isclose(float(lab.optimizers["generator"].learning_rate), 0.01, rel_tol=1e-6)
    lab.train(2)
    assert int(lab._graph.draws.numpy()) == 2 * (3 + 1)  # three D steps and one G step per iteration
    with pytest.raises(ValueError):
        lab.apply_live(gan_lab.Settings(**{**SMALL.__dict__, "packing": 2}))


def test_step_d_moves_only_d_and_step_g_only_g():
    lab = gan_lab.Lab(SMALL, toy_data.ring())
    g_before, d_before = lab.generator.get_weights(), lab.discriminator.get_weights()
    lab.train(1, discriminator=True, generator=False)
    assert all(np.array_equal(a, b) for a, b in zip(g_before, lab.generator.get_weights(), strict=True))
    assert not all(np.array_equal(a, b) for a, b in zip(d_before, lab.discriminator.get_weights(), strict=True))
    d_now = lab.discriminator.get_weights()
    lab.train(1, discriminator=False, generator=True)
    assert all(np.array_equal(a, b) for a, b in zip(d_now, lab.discriminator.get_weights(), strict=True))


@pytest.mark.parametrize("loss", gan.LOSSES)
@pytest.mark.parametrize("packing", [1, 3])
def test_every_loss_and_packing_trains_and_draws(loss, packing):
    settings = gan_lab.Settings(**{**SMALL.__dict__, "loss": loss, "packing": packing, "noise_dim": 1,
                                   "noise": "gaussian", "generator_optimizer": "sgd"})
    lab = _trained(settings, 5)
    view = lab.view()
    assert view.samples.shape == (gan_lab.EVALUATION_SAMPLES, 2) and view.push.shape == (gan_lab.ARROWS, 2)
    assert view.field.shape == (30, 30) and view.mesh.shape == (1, gan_lab.MESH_LINES ** 2, 2)
    assert np.isfinite(view.samples).all() and np.isfinite(view.push).all() and math.isfinite(view.generator_loss)
    if loss in gan.PROBABILITY_LOSSES:
        assert view.field.min() >= 0 and view.field.max() <= 1


def test_the_push_is_minus_the_gradient_of_gs_loss():
    lab = _trained(SMALL, 20)
    view = lab.view()
    x = tf.constant(view.samples[:gan_lab.ARROWS])
    with tf.GradientTape() as tape:
        tape.watch(x)
        loss = gan.generator_loss(SMALL.loss, lab.discriminator(x))
    assert np.allclose(view.push, -tape.gradient(loss, x).numpy(), atol=1e-6)


def test_bad_settings_are_refused():
    for bad in ({"packing": 5}, {"loss": "hinge"}, {"noise": "cauchy"}, {"batch": 0}, {"generator_learning_rate": 0.0}):
        with pytest.raises(ValueError):
            gan_lab.Settings(**{**SMALL.__dict__, **bad}).check()
