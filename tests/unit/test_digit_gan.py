"""The digit GAN family: shapes and ranges, one epoch of every loss through core.pretrained.train
on a slice of the real split, D steps per G step, D's own learning rate, and bad settings."""

import dataclasses

import numpy as np
import pytest

from core import data, gan_lab, pretrained
from core.models import digit_gan

TINY = pretrained.Recipe("tiny_gan", "mnist", 8, family="gan", hidden=(8, 4), discriminator_hidden=(4, 8),
                         loss="non_saturating", epochs=1, learning_rate=1e-3, discriminator_learning_rate=3e-4,
                         cosine_decay=False, seed=3)


@pytest.fixture(scope="module")
def small_split():
    split = data.load("mnist")
    return data.Split(split.x_train[:256], split.y_train[:256], split.x_test[:128], split.y_test[:128])


@pytest.mark.parametrize("family", ["gan", "cgan"])
def test_generator_draws_images_in_the_pixel_range_and_d_gives_one_score(family):
    parts = pretrained.build(dataclasses.replace(TINY, family=family))
    z = np.random.default_rng(0).standard_normal((5, 8)).astype(np.float32)
    inputs = [z, np.eye(10, dtype=np.float32)[:5]] if family == "cgan" else z
    images = np.asarray(parts.generator(inputs))
    assert images.shape == (5, 28, 28) and images.min() >= 0.0 and images.max() <= 1.0
    scores = parts.discriminator([images, inputs[1]] if family == "cgan" else images)
    assert scores.shape == (5, 1)


@pytest.mark.parametrize("loss", gan_lab.LOSSES)
def test_every_loss_trains_an_epoch_and_reports_both_losses_on_train_and_test(loss, small_split):
    recipe = dataclasses.replace(TINY, loss=loss)
    parts = pretrained.build(recipe)
    before = [w.numpy().copy() for w in parts.generator.trainable_weights]
    _, outcome, _ = pretrained.train(recipe, small_split, parts=parts)
    assert outcome.diverged_at is None and len(outcome.epochs) == 1
    logs = outcome.epochs[0].logs
    assert {"discriminator_loss", "generator_loss", "val_discriminator_loss", "val_generator_loss"} <= set(logs)
    assert all(np.isfinite(value) for value in logs.values())
    after = parts.generator.trainable_weights
    assert any(not np.array_equal(b, a.numpy()) for b, a in zip(before, after, strict=True))


def test_a_conditional_gan_trains_on_images_and_their_labels(small_split):
    recipe = dataclasses.replace(TINY, family="cgan")
    _, outcome, _ = pretrained.train(recipe, small_split)
    assert outcome.diverged_at is None and np.isfinite(outcome.epochs[0].loss)


def test_d_steps_per_g_step_and_ds_own_learning_rate(small_split):
    recipe = dataclasses.replace(TINY, discriminator_steps=3)
    parts, _, _ = pretrained.train(recipe, small_split)
    model = parts.model
    batches = -(-256 // recipe.batch_size)
    assert int(model.generator_optimizer.iterations) == batches
    assert int(model.discriminator_optimizer.iterations) == 3 * batches
    assert float(model.discriminator_optimizer.learning_rate) == pytest.approx(3e-4)
    assert float(model.generator_optimizer.learning_rate) == pytest.approx(1e-3)
    assert float(model.generator_optimizer.beta_1) == gan_lab.ADAM_BETA_1


def test_the_same_recipe_trains_to_the_same_weights(small_split):
    first, _, _ = pretrained.train(TINY, small_split)
    second, _, _ = pretrained.train(TINY, small_split)
    for a, b in zip(first.model.weights, second.model.weights, strict=True):
        assert np.array_equal(a.numpy(), b.numpy())


@pytest.mark.parametrize("settings", [
    dict(loss="hinge"), dict(discriminator_steps=0), dict(label_smoothing=0.5),
    dict(discriminator_rate=float("nan")), dict(generator_widths=(8,)),
])
def test_bad_settings_are_refused(settings):
    with pytest.raises(ValueError):
        digit_gan.build(**settings)


def test_a_decaying_rate_decays_for_d_from_its_own_start(small_split):
    """With cosine decay over the run, both rates end at 1 % of their own starting values."""
    parts, _, _ = pretrained.train(dataclasses.replace(TINY, cosine_decay=True), small_split)
    assert float(parts.model.generator_optimizer.learning_rate) == pytest.approx(1e-5, rel=1e-3)
    assert float(parts.model.discriminator_optimizer.learning_rate) == pytest.approx(3e-6, rel=1e-3)
