"""The Keras side of the lecturer's 1-D GAN (core.gan_1d has the settings, the theory and the story).

Every loop runs inside one compiled graph per phase, and every random draw is stateless from the
toy's own seed: the run is reproducible while other viewers train theirs.
"""

from __future__ import annotations

import keras
import numpy as np
import tensorflow as tf
from keras import initializers, layers, optimizers

from core import gan_1d


def _network(name: str, hidden: int, kernel, seed: int, sigmoid: bool) -> keras.Model:
    x = keras.Input((1,), name=f"{name}_in")
    h = layers.Dense(hidden, activation="relu", name=f"{name}_1", kernel_initializer=kernel(seed))(x)
    y = layers.Dense(1, activation="sigmoid" if sigmoid else None, name=f"{name}_out",
                     kernel_initializer=kernel(seed + 1))(h)
    return keras.Model(x, y, name=name)


def _optimizer(rate: float) -> optimizers.SGD:
    return optimizers.SGD(optimizers.schedules.ExponentialDecay(rate, gan_1d.DECAY_STEPS, gan_1d.DECAY_RATE,
                                                                staircase=True))


class Toy:
    def __init__(self, settings: gan_1d.Settings):
        self.settings = settings
        seed = settings.seed * 10
        self.generator = _network("generator", settings.hidden,
                                  lambda s: initializers.TruncatedNormal(stddev=2.0, seed=s), seed, sigmoid=False)
        self.discriminator = _network("discriminator", settings.hidden, lambda s: initializers.HeNormal(seed=s),
                                      seed + 5, sigmoid=True)
        self.d_optimizer, self.g_optimizer = _optimizer(settings.discriminator_rate), _optimizer(settings.generator_rate)
        self.pre_optimizer = _optimizer(settings.discriminator_rate)
        # D alone against a fixed G: a fresh Adam, so D gets close to D* in hundreds of steps (the
        # game's decayed gradient descent would need tens of thousands).
        self.d_only_optimizer = optimizers.Adam(gan_1d.D_ONLY_RATE)
        for optimizer in (self.d_optimizer, self.pre_optimizer, self.d_only_optimizer):
            optimizer.build(self.discriminator.trainable_variables)
        self.g_optimizer.build(self.generator.trainable_variables)
        self.draws = tf.Variable(0, dtype=tf.int64, trainable=False)
        self._train = tf.function(self._train_graph)
        self._train_d_only = tf.function(self._d_only_graph)
        self._pretrain = tf.function(self._pretrain_graph)
        self._edges = gan_1d.bin_edges()
        self._data_mass = gan_1d.data_mass(settings)
        self._probe = np.linspace(-gan_1d.RANGE, gan_1d.RANGE, gan_1d.PROBE_NOISE, dtype=np.float32)[:, None]

    def _seed(self, stream: int):
        return tf.stack([tf.constant(self.settings.seed, tf.int64), self.draws * 3 + stream])

    def _noise(self):
        n = self.settings.batch
        grid = tf.linspace(-gan_1d.RANGE, gan_1d.RANGE, n)
        offset = tf.random.stateless_uniform([n], self._seed(0), 0.0, gan_1d.RANGE / n)
        return tf.reshape(grid + offset, [n, 1])

    def _data(self):
        s = self.settings
        return s.mean + s.std * tf.random.stateless_normal([s.batch, 1], self._seed(1))

    def _losses(self, real, noise):
        eps = gan_1d.EPSILON
        d_real, d_fake = self.discriminator(real), self.discriminator(self.generator(noise))
        d_loss = -tf.reduce_mean(tf.math.log(d_real + eps) + tf.math.log(1.0 - d_fake + eps))
        g_loss = -tf.reduce_mean(tf.math.log(d_fake + eps))
        return d_loss, g_loss

    def _train_graph(self, iterations):
        """The game: per iteration one D step, then one G step; returns (L_D, L_G) per iteration."""
        losses = tf.TensorArray(tf.float32, size=iterations)
        d_vars, g_vars = self.discriminator.trainable_variables, self.generator.trainable_variables
        for i in tf.range(iterations):
            with tf.GradientTape() as tape:
                d_loss, _ = self._losses(self._data(), self._noise())
            self.d_optimizer.apply(tape.gradient(d_loss, d_vars), d_vars)
            self.draws.assign_add(1)
            with tf.GradientTape() as tape:
                _, g_loss = self._losses(self._data(), self._noise())
            self.g_optimizer.apply(tape.gradient(g_loss, g_vars), g_vars)
            self.draws.assign_add(1)
            losses = losses.write(i, tf.stack([d_loss, g_loss]))
        return losses.stack()

    def _d_only_graph(self, steps):
        variables = self.discriminator.trainable_variables
        for _ in tf.range(steps):
            with tf.GradientTape() as tape:
                d_loss, _ = self._losses(self._data(), self._noise())
            self.d_only_optimizer.apply(tape.gradient(d_loss, variables), variables)
            self.draws.assign_add(1)

    def _pretrain_graph(self, inputs, targets):
        variables = self.discriminator.trainable_variables
        for step in tf.range(tf.shape(inputs)[0]):
            with tf.GradientTape() as tape:
                loss = tf.reduce_mean(tf.square(self.discriminator(inputs[step][:, None]) - targets[step][:, None]))
            self.pre_optimizer.apply(tape.gradient(loss, variables), variables)

    def pretrain(self, targets: tuple[np.ndarray, np.ndarray]) -> None:
        self._pretrain(tf.constant(targets[0]), tf.constant(targets[1]))

    def train(self, iterations: int) -> np.ndarray:
        return self._train(tf.constant(iterations)).numpy().reshape(-1, 2)

    def train_discriminator(self, steps: int) -> None:
        self._train_d_only(tf.constant(steps))

    def snapshot(self) -> gan_1d.Snapshot:
        generated = self.generator(self._probe).numpy()[:, 0]
        mass = np.histogram(np.clip(generated, -gan_1d.RANGE, gan_1d.RANGE), bins=self._edges)[0] / len(generated)
        centres = ((self._edges[:-1] + self._edges[1:]) / 2).astype(np.float32)[:, None]
        at_bins = self.discriminator(centres).numpy()[:, 0]
        optimal, value, optimal_value, jsd = gan_1d.theory(self._data_mass, mass, at_bins)
        return gan_1d.Snapshot(self.discriminator(gan_1d.curve_x()[:, None]).numpy()[:, 0],
                               mass / np.diff(self._edges), optimal, value, optimal_value, jsd,
                               float(generated.mean()), float(generated.std()))
