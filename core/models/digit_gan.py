"""GANs on digits (lecture, chapter 5): a small DCGAN (Radford et al., "Unsupervised Representation
Learning with Deep Convolutional GANs", 2016) and its label-conditioned twin (Mirza & Osindero,
"Conditional Generative Adversarial Nets", 2014).

    G: z (noise_dim) [+ one-hot label] → Dense 7·7·w₁, BN, ReLU → ConvT w₂ 4×4/2, BN, ReLU
       → ConvT 1 4×4/2, tanh, read as a pixel value in [0, 1]                     (28×28)
    D: image [+ the one-hot label as 10 constant channels] → Conv v₁ 4×4/2, LeakyReLU 0.2
       → Conv v₂ 4×4/2, BN (not with WGAN-GP), LeakyReLU 0.2 → Dense 1 (a logit, or a score for LS and WGAN-GP)

Why convolutions: an MLP GAN of the same training time (256/512 units) scored a classifier score
of 3.5 after 40 epochs with one digit far more frequent than the others, this DCGAN 6.6
(docs/BENCHMARKS.md). Every batch runs `discriminator_steps` D steps and one G step, with the
losses of core.models.gan (non-saturating, least squares, Wasserstein with gradient penalty);
the fakes of a conditional GAN carry the labels of the real batch, so D sees every label as
often in both. Label smoothing (Salimans et al. 2016, one-sided) asks D for 1 − s on real images.

Optimizers: `compile(optimizer=...)` (core.training passes one Adam) is G's; D gets a copy at its
own `discriminator_rate`: the two-timescale rule (Heusel et al. 2017) lets each side learn at its
own pace. Adam's moments belong to one network, so there are two.

As a family (core/models/__init__.py, "gan" and "cgan"): `build_parts`, `fit_arguments` and
`evaluate` at the end.
"""

from __future__ import annotations

import math

import keras
import numpy as np
from keras import layers, ops

from core import evaluation, generative
from core.data import CLASSES, IMAGE_SHAPE
from core.gan_lab import ADAM_BETA_1, LOSSES
from core.models import Parts
from core.models.gan import discriminator_loss, generator_loss, gradient_penalty

KERNEL = 4
SLOPE = 0.2  # LeakyReLU's slope in D (Radford et al.)


def _init(seed: int):
    return keras.initializers.RandomNormal(0.0, 0.02, seed=seed)  # DCGAN's initialisation


def build_generator(noise_dim: int, widths: tuple[int, int], seed: int, conditional: bool = False) -> keras.Model:
    """z (and the one-hot label) → an image with pixel values in [0, 1]."""
    z = keras.Input((noise_dim,), name="z")
    inputs, y = [z], z
    if conditional:
        label = keras.Input((CLASSES,), name="label")
        inputs.append(label)
        y = layers.Concatenate(name="with_label")([z, label])
    y = layers.Dense(7 * 7 * widths[0], use_bias=False, name="project", kernel_initializer=_init(seed + 1))(y)
    y = layers.ReLU(name="project_relu")(layers.BatchNormalization(name="project_bn")(y))
    y = layers.Reshape((7, 7, widths[0]), name="to_7x7")(y)
    y = layers.Conv2DTranspose(widths[1], KERNEL, 2, padding="same", use_bias=False, name="up_14",
                               kernel_initializer=_init(seed + 2))(y)
    y = layers.ReLU(name="up_14_relu")(layers.BatchNormalization(name="up_14_bn")(y))
    y = layers.Conv2DTranspose(1, KERNEL, 2, padding="same", activation="tanh", name="up_28",
                               kernel_initializer=_init(seed + 3))(y)
    y = layers.Rescaling(0.5, offset=0.5, name="to_pixels")(layers.Reshape(IMAGE_SHAPE, name="to_image")(y))
    return keras.Model(inputs if conditional else z, y, name="generator")


def build_discriminator(widths: tuple[int, int], seed: int, conditional: bool = False,
                        batch_norm: bool = True) -> keras.Model:
    """An image in [0, 1] (and the one-hot label) → one raw output (core.models.gan.score reads it).
    `batch_norm` normalises the second convolution's outputs over the batch (Radford et al.)."""
    image = keras.Input(IMAGE_SHAPE, name="image")
    inputs = [image]
    x = layers.Rescaling(2.0, offset=-1.0, name="centre")(image)
    x = layers.Reshape((*IMAGE_SHAPE, 1), name="add_channel")(x)
    if conditional:
        label = keras.Input((CLASSES,), name="label")
        inputs.append(label)
        planes = layers.Reshape((1, 1, CLASSES), name="label_planes")(label)
        planes = layers.UpSampling2D(IMAGE_SHAPE, name="label_channels")(planes)
        x = layers.Concatenate(name="with_label")([x, planes])
    for index, width in enumerate(widths, start=1):
        x = layers.Conv2D(width, KERNEL, 2, padding="same", name=f"down_{index}", kernel_initializer=_init(seed + 10 + index))(x)
        if batch_norm and index > 1:
            x = layers.BatchNormalization(name=f"down_{index}_bn")(x)
        x = layers.LeakyReLU(SLOPE, name=f"down_{index}_lrelu")(x)
    x = layers.Flatten(name="flatten")(x)
    return keras.Model(inputs if conditional else image, layers.Dense(1, name="score", kernel_initializer=_init(seed + 20))(x),
                       name="discriminator")


class DigitGAN(keras.Model):
    """G and D trained per batch: D steps, then one G step; `fit(x)` or, conditional, `fit([x, onehot])`."""

    def __init__(self, generator, discriminator, loss: str = "non_saturating", discriminator_rate: float = 2e-4,
                 discriminator_steps: int = 1, label_smoothing: float = 0.0, conditional: bool = False,
                 seed: int = 0, **kwargs):
        super().__init__(**kwargs)
        if not (isinstance(discriminator_steps, int) and discriminator_steps >= 1):
            raise ValueError(f"discriminator_steps must be a positive integer, got {discriminator_steps!r}")
        if not 0.0 <= label_smoothing < 0.5:
            raise ValueError(f"label_smoothing must be in [0, 0.5), got {label_smoothing!r}")
        if not (math.isfinite(discriminator_rate) and discriminator_rate > 0):
            raise ValueError(f"discriminator_rate must be a positive number, got {discriminator_rate!r}")
        self.generator, self.discriminator = generator, discriminator
        self.loss_name, self.conditional = loss, conditional
        self.discriminator_rate, self.discriminator_steps = discriminator_rate, discriminator_steps
        self.real_label = 1.0 - label_smoothing
        self.noise_dim = generator.inputs[0].shape[-1]
        self.seed_generator = keras.random.SeedGenerator(seed)  # noise, and the penalty's mixing weights
        self.generator_optimizer = self.discriminator_optimizer = None
        self.loss_tracker = keras.metrics.Mean(name="loss")
        self.discriminator_loss_tracker = keras.metrics.Mean(name="discriminator_loss")
        self.generator_loss_tracker = keras.metrics.Mean(name="generator_loss")

    @property
    def metrics(self):
        return [self.loss_tracker, self.discriminator_loss_tracker, self.generator_loss_tracker]

    def compile(self, optimizer="adam", **kwargs):
        """`optimizer` is G's; D gets a copy of it starting at `discriminator_rate` (a schedule keeps its shape)."""
        super().compile(optimizer=optimizer, **kwargs)
        self.generator_optimizer = self.optimizer
        config = self.optimizer.get_config()
        rate = config["learning_rate"]
        if isinstance(rate, dict):  # a serialised schedule
            rate = rate | {"config": rate["config"] | {"initial_learning_rate": self.discriminator_rate}}
        else:
            rate = self.discriminator_rate
        config |= {"name": "discriminator_optimizer", "learning_rate": rate}
        self.discriminator_optimizer = self.optimizer.__class__.from_config(config)
        # built here, outside the traced train step, so their slots are made once
        self.generator_optimizer.build(self.generator.trainable_variables)
        self.discriminator_optimizer.build(self.discriminator.trainable_variables)

    def _split(self, data):
        inputs = data[0] if isinstance(data, tuple) else data
        return (inputs[0], inputs[1]) if self.conditional else (inputs, None)

    def _with_label(self, x, labels):
        return [x, labels] if self.conditional else x

    def generate(self, count, labels=None, training=False):
        z = keras.random.normal((count, self.noise_dim), seed=self.seed_generator)
        return self.generator(self._with_label(z, labels), training=training)

    def discriminator_loss(self, images, fake, labels=None, training=False):
        real_scores = self.discriminator(self._with_label(images, labels), training=training)
        fake_scores = self.discriminator(self._with_label(fake, labels), training=training)
        loss = discriminator_loss(self.loss_name, real_scores, fake_scores, self.real_label)
        if self.loss_name == "wasserstein_gp":
            epsilon = keras.random.uniform((ops.shape(images)[0], 1, 1), seed=self.seed_generator)
            loss += gradient_penalty(lambda x: self.discriminator(self._with_label(x, labels), training=training),
                                     images, fake, epsilon)
        return loss

    def generator_loss(self, labels=None, count=None, training=False):
        fake = self.generate(count, labels, training=training)
        return generator_loss(self.loss_name, self.discriminator(self._with_label(fake, labels), training=training))

    @staticmethod
    def _step(tape, loss, optimizer, variables):
        optimizer.apply_gradients(zip(tape.gradient(loss, variables), variables, strict=True))

    def train_step(self, data):
        import tensorflow as tf  # the TensorFlow backend's gradient tape

        images, labels = self._split(data)
        count = ops.shape(images)[0]
        for _ in range(self.discriminator_steps):  # unrolled: a Python int, fixed per model
            fake = self.generate(count, labels, training=True)
            with tf.GradientTape() as tape:
                discriminator = self.discriminator_loss(images, fake, labels, training=True)
            self._step(tape, discriminator, self.discriminator_optimizer, self.discriminator.trainable_variables)
        with tf.GradientTape() as tape:
            generator = self.generator_loss(labels, count, training=True)
        self._step(tape, generator, self.generator_optimizer, self.generator.trainable_variables)
        return self._record(discriminator, generator)

    def test_step(self, data):
        """Both losses with held-out real images: a D that only remembers the training images
        scores them better than these."""
        images, labels = self._split(data)
        count = ops.shape(images)[0]
        return self._record(self.discriminator_loss(images, self.generate(count, labels), labels),
                            self.generator_loss(labels, count))

    def _record(self, discriminator, generator):
        self.loss_tracker.update_state(discriminator)  # "loss" is what core.training reports
        self.discriminator_loss_tracker.update_state(discriminator)
        self.generator_loss_tracker.update_state(generator)
        return {metric.name: metric.result() for metric in self.metrics}

    def call(self, inputs, training=False):
        """G's image of the noise (and labels) given."""
        return self.generator(inputs, training=training)


def build(noise_dim: int = 64, generator_widths: tuple[int, int] = (64, 32), discriminator_widths: tuple[int, int] = (32, 64),
          loss: str = "non_saturating", discriminator_rate: float = 2e-4, discriminator_steps: int = 1,
          label_smoothing: float = 0.0, conditional: bool = False, seed: int = 0) -> DigitGAN:
    """A digit GAN ready to compile; built, so its weights can be saved before any training."""
    if loss not in LOSSES:
        raise ValueError(f"loss must be one of {LOSSES}, got {loss!r}")
    for widths in (generator_widths, discriminator_widths):
        if len(widths) != 2 or any(not isinstance(w, int) or w < 1 for w in widths):
            raise ValueError(f"a digit GAN's networks take two positive widths, got {widths!r}")
    model = DigitGAN(build_generator(noise_dim, generator_widths, seed, conditional),
                     # The gradient penalty is per image; batch statistics would tie each image to the others.
                     build_discriminator(discriminator_widths, seed, conditional, batch_norm=loss != "wasserstein_gp"),
                     loss=loss,
                     discriminator_rate=discriminator_rate, discriminator_steps=discriminator_steps,
                     label_smoothing=label_smoothing, conditional=conditional, seed=seed,
                     name="cgan" if conditional else "gan")
    model.build(None)  # a custom train_step model is not "built" by fit; save_weights needs it
    return model


# --- the family -----------------------------------------------------------------------------

def build_parts(recipe) -> Parts:
    model = build(recipe.code_size, recipe.hidden, recipe.discriminator_hidden, loss=recipe.loss,
                  discriminator_rate=recipe.discriminator_learning_rate or recipe.learning_rate,
                  discriminator_steps=recipe.discriminator_steps, label_smoothing=recipe.label_smoothing,
                  conditional=recipe.family == "cgan", seed=recipe.seed)
    return Parts(model=model, generator=model.generator, discriminator=model.discriminator)


def fit_arguments(recipe, parts: Parts, split) -> dict:
    """The model's own train_step (loss None) on the images, beside their one-hot labels for a
    conditional GAN; Adam with β₁ = 0.5 (Radford et al.). D's loss has no natural bound (a
    Wasserstein critic's is unbounded), so only a loss that stops being finite counts as diverged."""
    conditional = recipe.family == "cgan"
    x = [split.x_train, generative.one_hot(split.y_train)] if conditional else split.x_train
    test = [split.x_test, generative.one_hot(split.y_test)] if conditional else split.x_test
    return dict(model=parts.model, x=x, y=None, test=(test,), loss=None, diverge_above=math.inf,
                beta_1=ADAM_BETA_1)


def evaluate(recipe, parts: Parts, split) -> dict[str, float]:
    """The figures of core.sample_quality for 10,000 samples (drawn with the evaluation seed); a
    conditional GAN's samples are 1,000 per label, and it is also judged on how often the
    classifier reads each sample as the label it was drawn for."""
    from core import pretrained, sample_quality  # the judge is itself a bundled model

    classifier = pretrained.load(evaluation.CLASSIFIER).model
    rng = np.random.default_rng(evaluation.EVAL_SEED)
    z = rng.standard_normal((sample_quality.SAMPLES, recipe.code_size)).astype(np.float32)
    labels = np.arange(sample_quality.SAMPLES) % CLASSES if recipe.family == "cgan" else None
    images = generative.decode(parts.generator, z, labels)
    scores = sample_quality.scores(sample_quality.judge(classifier, split), images)
    if recipe.family == "cgan":
        accuracy = generative.sample_accuracy(parts.generator, classifier, seed=evaluation.EVAL_SEED)
        scores["sample_accuracy"] = float(np.mean(list(accuracy.values())))
        scores.update({f"sample_accuracy_{label}": value for label, value in accuracy.items()})
    return scores
