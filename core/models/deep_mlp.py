"""Vanishing gradients in a deep multilayer perceptron (lecture chapter 1).

A stack of L − 1 hidden Dense layers of one width and one activation f, then a Dense
layer to 10 classes; softmax and cross-entropy sit in the loss. Back-propagation:

    z^l = W^l a^(l−1) + b^l,   a^l = f(z^l),   a^0 = x
    δ^L = softmax(z^L) − onehot(y)                      (cross-entropy cancels the softmax)
    δ^l = ((W^(l+1))ᵀ δ^(l+1)) ⊙ f'(z^l)
    ∂C/∂W^l = δ^l (a^(l−1))ᵀ,   ∂C/∂b^l = δ^l

(column vectors, as in the lecture; Keras stores each W transposed and averages over the batch).

Every layer further from the output picks up one more factor f'(z). For the sigmoid
f'(z) = σ(z)(1 − σ(z)) ≤ 1/4, so with weights that keep ‖(W)ᵀ δ‖ ≈ ‖δ‖ (Glorot) the
gradient of the first layer is about (1/4)^(L−1) of the last one's: the first layers
barely learn. tanh' ≤ 1 (and = 1 only at 0) is milder; ReLU' is 1 wherever the unit is
active, so with He initialisation the gradient keeps its size through depth.

Sources: Glorot & Bengio, "Understanding the difficulty of training deep feedforward
neural networks" (AISTATS 2010); He et al., "Delving deep into rectifiers" (ICCV 2015);
Nielsen, "Neural Networks and Deep Learning", ch. 5; Hwalsuk Lee, "오토인코더의 모든 것" (2017).

TensorFlow is imported inside the functions that need it (importing it takes seconds), so
the page can draw its frame and controls before the first computation.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from core.training import training_lock

if TYPE_CHECKING:
    import keras

ACTIVATIONS = ("sigmoid", "tanh", "relu")
INITIALIZERS = ("glorot_uniform", "he_normal", "small_normal")
SMALL_STDDEV = 0.01  # "small random numbers", the pre-2010 habit
MAX_DEPTH = 20
CLASSES = 10
SEED = 2017
BATCH_SIZE = 256
COMPILE_FROM_STEPS = 20  # see _sgd_step
SIGMOID_DERIVATIVE_BOUND = 0.25  # max σ'(z) = σ'(0) = 1/4


def _initializer(name: str, seed: int) -> keras.initializers.Initializer:
    import keras

    if name == "glorot_uniform":
        return keras.initializers.GlorotUniform(seed=seed)
    if name == "he_normal":
        return keras.initializers.HeNormal(seed=seed)
    if name == "small_normal":
        return keras.initializers.RandomNormal(stddev=SMALL_STDDEV, seed=seed)
    raise ValueError(f"initializer must be one of {INITIALIZERS}, got {name!r}")


def _check(depth: int, width: int, activation: str, initializer: str) -> None:
    if not (isinstance(depth, int) and 1 <= depth <= MAX_DEPTH):
        raise ValueError(f"depth must be an integer from 1 to {MAX_DEPTH}, got {depth!r}")
    if not (isinstance(width, int) and width >= 1):
        raise ValueError(f"width must be a positive integer, got {width!r}")
    if activation not in ACTIVATIONS:
        raise ValueError(f"activation must be one of {ACTIVATIONS}, got {activation!r}")
    if initializer not in INITIALIZERS:
        raise ValueError(f"initializer must be one of {INITIALIZERS}, got {initializer!r}")


def build(input_dim: int, depth: int, width: int, activation: str, initializer: str,
          seed: int = SEED) -> keras.Sequential:
    """`depth` hidden layers, then 10 logits. Each layer gets its own seeded initializer
    (one seeded instance reused would give every layer the same matrix).

    The names are fixed on purpose: TensorFlow's eager kernel cache keeps an entry per
    variable name, so Keras' auto-numbered names (dense_1, dense_2, ...) grow the server's
    memory by about 35 KB per variable with every model built; fixed names keep it bounded."""
    import keras

    _check(depth, width, activation, initializer)
    layers = [keras.Input(shape=(input_dim,), name="pixels")]
    for index in range(1, depth + 1):
        layers.append(keras.layers.Dense(width, activation=activation, name=f"hidden_{index}",
                                         kernel_initializer=_initializer(initializer, seed * 1000 + index)))
    layers.append(keras.layers.Dense(CLASSES, name="logits", kernel_initializer=_initializer(initializer, seed * 1000)))
    return keras.Sequential(layers, name="deep_mlp")


def _variables(model: keras.Sequential) -> list:
    """Kernel, bias, kernel, bias, ... from the first layer to the output."""
    return [variable for layer in model.layers for variable in (layer.kernel, layer.bias)]


def loss_and_gradients(model: keras.Sequential, images, labels):
    """Mean cross-entropy on one batch and its gradient for every kernel and bias."""
    import keras
    import tensorflow as tf

    with tf.GradientTape() as tape:
        logits = model(images, training=True)
        loss = tf.reduce_mean(keras.losses.sparse_categorical_crossentropy(labels, logits, from_logits=True))
    return loss, tape.gradient(loss, _variables(model))


def kernel_norms(gradients) -> np.ndarray:
    """‖∂C/∂W^l‖ (Frobenius) for l = 1..L from the output of `loss_and_gradients`."""
    return np.array([np.linalg.norm(np.asarray(gradient, dtype=np.float64)) for gradient in gradients[0::2]])


def activation_derivatives(model: keras.Sequential, images) -> np.ndarray:
    """Mean f'(z^l) over the batch and units of each hidden layer (for ReLU: the active fraction).

    For an elementwise f the gradient of Σ f(z) with respect to z is f'(z) itself."""
    import tensorflow as tf

    means, hidden = [], tf.convert_to_tensor(images)
    for layer in model.layers[:-1]:
        pre_activation = tf.matmul(hidden, layer.kernel) + layer.bias
        with tf.GradientTape() as tape:
            tape.watch(pre_activation)
            hidden = layer.activation(pre_activation)
        means.append(float(tf.reduce_mean(tape.gradient(hidden, pre_activation))))
    return np.array(means)


def geometric_reference(norms: np.ndarray, factor: float = SIGMOID_DERIVATIVE_BOUND) -> np.ndarray:
    """norm_L · factor^(L − l): the last layer's norm shrunk by `factor` per layer back."""
    distance = np.arange(len(norms))[::-1]
    return norms[-1] * factor ** distance


@dataclass(frozen=True)
class GradientProfile:
    """Per-layer kernel-gradient norms (index 0 = first hidden layer, −1 = output layer)."""

    norms_at_init: np.ndarray
    norms_after: np.ndarray | None  # None when training diverged
    derivative_at_init: np.ndarray  # one entry per hidden layer
    losses: np.ndarray  # loss before step 1, after step 1, ...
    diverged_at: int | None  # first step whose loss or gradient was not finite

    @staticmethod
    def ratio(norms: np.ndarray | None) -> float:
        """‖∂C/∂W^1‖ / ‖∂C/∂W^L‖: how much of the output layer's gradient reaches the input."""
        if norms is None or norms[-1] == 0.0:
            return math.nan
        return float(norms[0] / norms[-1])


def _sgd_step(model: keras.Sequential, learning_rate: float, compiled: bool):
    """One W ← W − η ∂C/∂W step (plain SGD, as in the lecture). It returns the loss, the
    gradients at the new weights and whether all of them are finite.

    Compiling costs about 0.3 s per model and makes a step of the 20-layer net about 4 ms
    instead of 20 ms, so it pays only from about 20 steps on (measured on 2 CPU cores)."""
    import tensorflow as tf

    variables = _variables(model)

    def step(images, labels, gradients):
        for variable, gradient in zip(variables, gradients, strict=True):
            variable.assign_sub(learning_rate * gradient)
        loss, new_gradients = loss_and_gradients(model, images, labels)
        finite = [tf.reduce_all(tf.math.is_finite(gradient)) for gradient in new_gradients]
        return loss, new_gradients, tf.reduce_all([tf.math.is_finite(loss), *finite])

    return tf.function(step) if compiled else step


def gradient_profile(images: np.ndarray, labels: np.ndarray, depth: int, activation: str,
                     initializer: str, width: int = 64, steps: int = 10, learning_rate: float = 0.1,
                     seed: int = SEED, batch_size: int = BATCH_SIZE) -> GradientProfile:
    """Gradient norms at initialisation and after `steps` plain SGD steps, all on one batch:
    the first `batch_size` images, flattened."""
    if not (isinstance(steps, int) and steps >= 0) or not (math.isfinite(learning_rate) and learning_rate > 0):
        raise ValueError("steps must be an integer ≥ 0 and the learning rate finite and positive")
    images = np.asarray(images[:batch_size], dtype=np.float32)
    images, labels = images.reshape(len(images), -1), np.asarray(labels[:batch_size], dtype=np.int64)
    with training_lock:  # one training at a time in the process (see core.training)
        model = build(images.shape[1], depth, width, activation, initializer, seed)
        loss, gradients = loss_and_gradients(model, images, labels)
        norms_at_init = kernel_norms(gradients)
        derivative = activation_derivatives(model, images)
        losses, diverged_at = [float(loss)], None
        step = _sgd_step(model, learning_rate, compiled=steps >= COMPILE_FROM_STEPS)
        for number in range(1, steps + 1):
            loss, gradients, finite = step(images, labels, gradients)
            if not finite:
                diverged_at = number
                break
            losses.append(float(loss))
    norms_after = None if diverged_at else kernel_norms(gradients)
    return GradientProfile(norms_at_init, norms_after, derivative, np.array(losses), diverged_at)
