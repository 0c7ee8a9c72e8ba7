"""Variational autoencoders (lecture, chapter 4): VAE (Kingma & Welling, 2014) and CVAE (Sohn et al., 2015).

The encoder gives a Gaussian q_φ(z | x) = N(μ(x), diag σ²(x)) (it outputs μ and log σ²), the
decoder a Bernoulli p_θ(x | z) with pixel probabilities x̂ = g_θ(z). Training maximises the
evidence lower bound, i.e. minimises per image

    −ELBO(x) = −E_q[log p_θ(x | z)] + KL(q_φ(z | x) ‖ N(0, I))
             = Σ_i BCE(x_i, x̂_i)   (one sample z)   +   −½ Σ_j (1 + log σ_j² − μ_j² − σ_j²)

in nats. The sample is drawn with the reparameterisation trick z = μ + σ·ε, ε ~ N(0, I), so the
gradient flows through μ and σ. β weights the KL term (β = 1 is the ELBO; Higgins et al., 2017).
A conditional VAE feeds the one-hot label to encoder and decoder: z then only has to carry the
style, and decoding one z with each label draws the same style as every digit.

Training is not plain `fit` of a loss on (x, y) pairs, so `VAE` is a `keras.Model` whose
`train_step` reads like the algorithm (the keras-io pattern). Layers have fixed names and
seeded initializers; the sampling layer has its own seeded generator.
"""

from __future__ import annotations

import keras
import numpy as np
from keras import layers, ops

from core.generative import CLASSES, EPSILON
from core.models.autoencoder import IMAGE_SHAPE, PIXELS


def kl_to_standard_normal(z_mean, z_log_var):
    """KL(N(μ, diag σ²) ‖ N(0, I)) per row, in nats (closed form)."""
    return -0.5 * ops.sum(1.0 + z_log_var - ops.square(z_mean) - ops.exp(z_log_var), axis=-1)


def bernoulli_nll(images, probabilities):
    """−log p(x | x̂) = Σ_i BCE(x_i, x̂_i) per image, in nats."""
    x = ops.reshape(images, (-1, PIXELS))
    p = ops.clip(ops.reshape(probabilities, (-1, PIXELS)), EPSILON, 1.0 - EPSILON)
    return -ops.sum(x * ops.log(p) + (1.0 - x) * ops.log(1.0 - p), axis=-1)


class Sampling(layers.Layer):
    """z = μ + σ·ε with ε ~ N(0, I) from the layer's own seeded generator (the reparameterisation)."""

    def __init__(self, seed: int = 0, **kwargs):
        super().__init__(**kwargs)
        self.seed_generator = keras.random.SeedGenerator(seed)

    def call(self, z_mean, z_log_var):
        epsilon = keras.random.normal(ops.shape(z_mean), seed=self.seed_generator)
        return z_mean + ops.exp(0.5 * z_log_var) * epsilon


def _dense(units: int, activation: str | None, name: str, seed: int) -> layers.Dense:
    return layers.Dense(units, activation=activation, name=name,
                        kernel_initializer=keras.initializers.GlorotUniform(seed=seed))


def build_encoder(latent_dim: int, hidden: tuple[int, ...] = (512, 256), conditional: bool = False, seed: int = 0):
    """x (and the one-hot label) → (μ, log σ², z)."""
    images = keras.Input(shape=IMAGE_SHAPE, name="image")
    inputs = [images]
    x = layers.Flatten(name="flatten")(images)
    if conditional:
        label = keras.Input(shape=(CLASSES,), name="label")
        inputs.append(label)
        x = layers.Concatenate(name="with_label")([x, label])
    for index, units in enumerate(hidden, start=1):
        x = _dense(units, "relu", f"encoder_{index}", seed + index)(x)
    z_mean = _dense(latent_dim, None, "z_mean", seed + 100)(x)
    z_log_var = _dense(latent_dim, None, "z_log_var", seed + 101)(x)
    z = Sampling(seed + 102, name="sampling")(z_mean, z_log_var)
    return keras.Model(inputs if conditional else images, [z_mean, z_log_var, z], name="vae_encoder")


def build_decoder(latent_dim: int, hidden: tuple[int, ...] = (512, 256), conditional: bool = False, seed: int = 0):
    """z (and the one-hot label) → pixel probabilities x̂ (28×28)."""
    z = keras.Input(shape=(latent_dim,), name="z")
    inputs, y = [z], z
    if conditional:
        label = keras.Input(shape=(CLASSES,), name="label")
        inputs.append(label)
        y = layers.Concatenate(name="with_label")([z, label])
    for index, units in enumerate(reversed(hidden), start=1):
        y = _dense(units, "relu", f"decoder_{index}", seed + 200 + index)(y)
    y = _dense(PIXELS, "sigmoid", "pixels", seed + 300)(y)
    return keras.Model(inputs if conditional else z, layers.Reshape(IMAGE_SHAPE, name="to_image")(y), name="vae_decoder")


class VAE(keras.Model):
    """Encoder and decoder trained on −ELBO with a β-weighted KL; `fit(x)` or, conditional, `fit([x, onehot])`."""

    def __init__(self, encoder, decoder, beta: float = 1.0, conditional: bool = False, **kwargs):
        super().__init__(**kwargs)
        if not (np.isfinite(beta) and beta >= 0):
            raise ValueError(f"beta must be a finite number ≥ 0, got {beta!r}")
        self.encoder, self.decoder = encoder, decoder
        self.beta, self.conditional = float(beta), conditional
        self.total_loss_tracker = keras.metrics.Mean(name="loss")
        self.reconstruction_loss_tracker = keras.metrics.Mean(name="reconstruction_loss")
        self.kl_loss_tracker = keras.metrics.Mean(name="kl_loss")

    @property
    def metrics(self):
        return [self.total_loss_tracker, self.reconstruction_loss_tracker, self.kl_loss_tracker]

    def _split(self, data):
        """(encoder inputs, a function z → decoder inputs, images) from what fit passes: x, (x,) or
        ([x, label],) — a conditional model's inputs are a list [images, one-hot labels]."""
        inputs = data[0] if isinstance(data, tuple) else data
        if self.conditional:
            images, label = inputs
            return [images, label], lambda z: [z, label], images
        return inputs, lambda z: z, inputs

    def losses_of(self, data):
        """Mean over the batch of the reconstruction term, the KL term and reconstruction + β·KL."""
        encoder_inputs, decoder_inputs, images = self._split(data)
        z_mean, z_log_var, z = self.encoder(encoder_inputs)
        reconstruction = ops.mean(bernoulli_nll(images, self.decoder(decoder_inputs(z))))
        kl = ops.mean(kl_to_standard_normal(z_mean, z_log_var))
        return reconstruction, kl, reconstruction + self.beta * kl

    def _record(self, reconstruction, kl, total):
        self.total_loss_tracker.update_state(total)
        self.reconstruction_loss_tracker.update_state(reconstruction)
        self.kl_loss_tracker.update_state(kl)
        return {metric.name: metric.result() for metric in self.metrics}

    def train_step(self, data):
        import tensorflow as tf  # the TensorFlow backend's gradient tape

        with tf.GradientTape() as tape:
            reconstruction, kl, total = self.losses_of(data)
        gradients = tape.gradient(total, self.trainable_weights)
        self.optimizer.apply_gradients(zip(gradients, self.trainable_weights, strict=True))
        return self._record(reconstruction, kl, total)

    def test_step(self, data):
        return self._record(*self.losses_of(data))

    def call(self, inputs, training=False):
        """The mean reconstruction: decode μ(x), no sampling."""
        encoder_inputs, decoder_inputs, _ = self._split(inputs)
        z_mean, _, _ = self.encoder(encoder_inputs, training=training)
        return self.decoder(decoder_inputs(z_mean), training=training)


def build(latent_dim: int = 2, hidden: tuple[int, ...] = (512, 256), beta: float = 1.0,
          conditional: bool = False, seed: int = 0) -> VAE:
    """A VAE (or CVAE) ready to compile; built, so its weights can be saved before any training."""
    if not isinstance(latent_dim, int) or not 1 <= latent_dim <= 256:
        raise ValueError(f"latent_dim must be an integer in [1, 256], got {latent_dim!r}")
    encoder = build_encoder(latent_dim, hidden, conditional, seed)
    decoder = build_decoder(latent_dim, hidden, conditional, seed)
    model = VAE(encoder, decoder, beta=beta, conditional=conditional, name="cvae" if conditional else "vae")
    model.build(None)  # a custom train_step model is not "built" by fit; save_weights needs it
    return model
