"""Generative adversarial networks (lecture, chapter 5; Goodfellow et al., "Generative Adversarial
Nets", NeurIPS 2014).

A generator G(z) maps noise z ~ p_z to a sample; a discriminator D(x) returns one score, high for
"real". The game is

    min_G max_D  V(D, G) = E_{x~p_data}[log D(x)] + E_{z~p_z}[log(1 − D(G(z)))]

With l = D's logit and D = σ(l): −log σ(l) = softplus(−l) and −log(1 − σ(l)) = softplus(l).
The four losses of the lab (each minimised; D's by the discriminator, G's by the generator):

    minimax (saturating)   D: E softplus(−l_real) + E softplus(l_fake)    G: −E softplus(l_fake)
                           (G minimises E log(1 − D(G(z))); its gradient vanishes when D wins)
    non-saturating         D: as minimax                                  G: E softplus(−l_fake)
                           (G maximises E log D(G(z)) instead: the paper's own remedy)
    least squares (LSGAN,  D: ½ E (s_real − 1)² + ½ E s_fake²             G: ½ E (s_fake − 1)²
      Mao et al. 2017)     (s is D's raw output, no sigmoid)
    Wasserstein + GP       D: E s_fake − E s_real + λ E (‖∇ s(x̂)‖ − 1)²   G: −E s_fake
      (Gulrajani et al.    (x̂ = εx + (1 − ε)G(z), ε ~ U[0, 1] per sample, λ = 10; keras.io's example
      2017)                 draws ε from a normal distribution, the paper a uniform one)

Packing (PacGAN, Lin et al. 2018): D judges m samples at once, all real or all generated, given
side by side as one input of m·d numbers. A generator that puts everything on a few modes makes
packs that look alike, which D can tell from real packs: the remedy for mode collapse.

Everything random has its own explicit seed (no `keras.utils.set_random_seed`, which is
process-wide): initialisers are seeded per layer, and noise and data are drawn with
`tf.random.stateless_*` from (seed, draw counter), so a lab is reproducible from its seed while
other sessions train their own at the same time. Layer names are fixed per architecture
(auto-numbered names grow TensorFlow's kernel cache on a long-running server).
"""

from __future__ import annotations

import keras
import tensorflow as tf
from keras import layers

from core.gan_lab import LOSSES, PROBABILITY_LOSSES  # names only: core.gan_lab imports this module lazily

GRADIENT_PENALTY = 10.0


def mlp(name: str, inputs: int, outputs: int, depth: int, width: int, seed: int) -> keras.Model:
    """inputs → depth × (width, ReLU) → outputs (linear), layers {name}_1 … {name}_out."""
    x = keras.Input((inputs,), name=f"{name}_in")
    y = x
    for index in range(1, depth + 1):
        y = layers.Dense(width, activation="relu", name=f"{name}_{index}",
                         kernel_initializer=keras.initializers.GlorotUniform(seed=seed + index))(y)
    y = layers.Dense(outputs, name=f"{name}_out", kernel_initializer=keras.initializers.GlorotUniform(seed=seed))(y)
    return keras.Model(x, y, name=name)


def discriminator_loss(loss: str, real, fake, real_label: float = 1.0):
    """D's loss from its raw outputs on real and on generated (packed) inputs, shape (n, 1).
    `real_label` < 1 is one-sided label smoothing: D is asked for that much "real" on real inputs
    (the Wasserstein critic has no labels and ignores it)."""
    if loss in PROBABILITY_LOSSES:
        on_real = tf.nn.softplus(-real)
        if real_label != 1.0:  # cross-entropy against the soft target
            on_real = real_label * on_real + (1.0 - real_label) * tf.nn.softplus(real)
        return tf.reduce_mean(on_real) + tf.reduce_mean(tf.nn.softplus(fake))
    if loss == "least_squares":
        return 0.5 * tf.reduce_mean(tf.square(real - real_label)) + 0.5 * tf.reduce_mean(tf.square(fake))
    if loss == "wasserstein_gp":  # without the penalty, which needs D itself (gradient_penalty)
        return tf.reduce_mean(fake) - tf.reduce_mean(real)
    raise ValueError(f"unknown loss {loss!r}; choose one of {LOSSES}")


def generator_loss(loss: str, fake):
    """G's loss from D's raw outputs on generated (packed) inputs."""
    if loss == "minimax":
        return -tf.reduce_mean(tf.nn.softplus(fake))
    if loss == "non_saturating":
        return tf.reduce_mean(tf.nn.softplus(-fake))
    if loss == "least_squares":
        return 0.5 * tf.reduce_mean(tf.square(fake - 1.0))
    if loss == "wasserstein_gp":
        return -tf.reduce_mean(fake)
    raise ValueError(f"unknown loss {loss!r}; choose one of {LOSSES}")


def gradient_penalty(judge, real, fake, epsilon):
    """λ E (‖∇_x̂ D(x̂)‖₂ − 1)² on x̂ = εx + (1 − ε)G(z): `judge` is D (any callable x ↦ scores),
    `epsilon` one ε ~ U[0, 1] per input, shaped to broadcast over it ((n, 1) for points, (n, 1, 1)
    for images); the norm runs over everything but the batch axis."""
    between = epsilon * real + (1.0 - epsilon) * fake
    with tf.GradientTape() as tape:
        tape.watch(between)
        scores = judge(between)
    gradients = tf.reshape(tape.gradient(scores, between), [tf.shape(real)[0], -1])
    norms = tf.norm(gradients, axis=1)
    return GRADIENT_PENALTY * tf.reduce_mean(tf.square(norms - 1.0))


def score(loss: str, raw):
    """What a picture shows of D's output: the probability "real" where D ends in a sigmoid,
    the raw score otherwise (least squares: its target is 1 for real, 0 for generated;
    Wasserstein: the critic, higher means more real)."""
    return tf.sigmoid(raw) if loss in PROBABILITY_LOSSES else raw
