"""Building blocks shared by the model families: seeded Dense layers, the MLP stacks, and the
Bernoulli negative log-likelihood inside the graph.

The seed offsets below decide the bundled weights (`assets/models/`): encoder layer k is seeded
with seed + k, the code with seed + 100, decoder layer k with seed + 200 + k, the pixel layer
with seed + 300. Change one and every bundled model must be retrained.

Layers have fixed names per architecture: auto-numbered names (dense_17, ...) grow TensorFlow's
kernel cache on every build and that memory is never given back on a long-running server.
"""

from __future__ import annotations

import keras
from keras import layers, ops

from core.data import IMAGE_SHAPE, PIXELS
from core.generative import EPSILON  # pixel probabilities are clipped to [ε, 1 − ε] inside the log


def dense(units: int, activation: str | None, name: str, seed: int) -> layers.Dense:
    return layers.Dense(units, activation=activation, name=name,
                        kernel_initializer=keras.initializers.GlorotUniform(seed=seed))


def encoder_stack(x, hidden: tuple[int, ...], seed: int):
    """Flattened input → hidden… (ReLU), layers encoder_1, encoder_2, …"""
    for index, units in enumerate(hidden, start=1):
        x = dense(units, "relu", f"encoder_{index}", seed + index)(x)
    return x


def decoder_stack(y, hidden: tuple[int, ...], seed: int):
    """Code → …hidden (ReLU, in reverse order) → 784 sigmoid pixel probabilities as a 28×28 image."""
    for index, units in enumerate(reversed(hidden), start=1):
        y = dense(units, "relu", f"decoder_{index}", seed + 200 + index)(y)
    y = dense(PIXELS, "sigmoid", "pixels", seed + 300)(y)
    return layers.Reshape(IMAGE_SHAPE, name="to_image")(y)


def check_hidden(hidden: tuple[int, ...]) -> None:
    if not hidden or any(not isinstance(units, int) or units < 1 for units in hidden):
        raise ValueError(f"hidden layers must be positive integers, got {hidden!r}")


def check_code_size(code_size: int) -> None:
    if not isinstance(code_size, int) or not 1 <= code_size <= 256:
        raise ValueError(f"the code size must be an integer in [1, 256], got {code_size!r}")


def bernoulli_nll(images, probabilities):
    """−log p(x | x̂) = Σ_i BCE(x_i, x̂_i) per image, in nats (the graph's twin of
    core.generative.bernoulli_nll, which scores the test split in float64)."""
    x = ops.reshape(images, (-1, PIXELS))
    p = ops.clip(ops.reshape(probabilities, (-1, PIXELS)), EPSILON, 1.0 - EPSILON)
    return -ops.sum(x * ops.log(p) + (1.0 - x) * ops.log(1.0 - p), axis=-1)
