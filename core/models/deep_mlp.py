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

`build` is the network as a Keras model, the reference the tests hold to a NumPy
back-propagation. The page's numbers come from `gradient_profile`, which runs the same layers,
loss and plain SGD steps on the same initial weights in one compiled TensorFlow graph per
activation. The hidden layers 2..L arrive as one stacked tensor and a graph loop runs over
them, so the graph is traced once per activation and process and then serves every depth,
width, step count and learning rate. Run eagerly, each new depth cost 0.3–1 s of Python
overhead per slider move on 2 cores (about 30 ms per gradient of a 20-layer net, and a
compiled step had to be retraced for every new model); the graph does it in about 0.1 s
(docs/BENCHMARKS.md). Graph mode may fuse a matmul, its bias and a sigmoid or tanh into one
kernel, so those norms can differ from the eager Keras model's in the 7th digit (ReLU's are
identical); the page shows three.

TensorFlow is imported inside the functions that need it (importing it takes seconds), so
the page can draw its frame and controls before the first computation.
"""

from __future__ import annotations

import functools
import itertools
import math
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from core.data import CLASSES

if TYPE_CHECKING:
    import keras

ACTIVATIONS = ("sigmoid", "tanh", "relu")
INITIALIZERS = ("glorot_uniform", "he_normal", "small_normal")
SMALL_STDDEV = 0.01  # "small random numbers", the pre-2010 habit
MAX_DEPTH = 20
SEED = 2017
BATCH_SIZE = 256
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
                                         kernel_initializer=_initializer(initializer, _kernel_seed(seed, index))))
    layers.append(keras.layers.Dense(CLASSES, name="logits",
                                     kernel_initializer=_initializer(initializer, _kernel_seed(seed, None))))
    return keras.Sequential(layers, name="deep_mlp")


def _kernel_seed(seed: int, index: int | None) -> int:
    """The initializer seed of hidden layer `index` (1-based), or of the output layer (None)."""
    return seed * 1000 + (index or 0)


def initial_weights(input_dim: int, depth: int, width: int, initializer: str,
                    seed: int = SEED) -> list[np.ndarray]:
    """Kernel, bias, kernel, bias, ... of the network `build` makes, with the same values (the
    same seeded initializers; biases start at zero), without building a Keras model."""
    sizes = [input_dim, *[width] * depth, CLASSES]
    weights = []
    for index, (fan_in, fan_out) in enumerate(itertools.pairwise(sizes), start=1):
        layer_seed = _kernel_seed(seed, index if index <= depth else None)
        kernel = _initializer(initializer, layer_seed)((fan_in, fan_out), dtype="float32")
        weights += [np.asarray(kernel, dtype=np.float32), np.zeros(fan_out, dtype=np.float32)]
    return weights


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
    return _frobenius(gradients[0::2])


def _frobenius(kernel_gradients) -> np.ndarray:
    return np.array([np.linalg.norm(np.asarray(gradient, dtype=np.float64)) for gradient in kernel_gradients])


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


@functools.cache
def _compiled_profile(activation: str):
    """The whole profile as one TensorFlow graph for `activation`, traced on its first call.

    Inputs: W^1, b^1; the hidden layers 2..L stacked, kernels (L − 1, width, width) and biases
    (L − 1, width), empty for L = 1; the output layer; the batch; the step count; η. Every size
    is left open in the signature, so no depth, width or step count retraces it. Outputs: the
    gradients at the start, the mean f'(z^l) per hidden layer at the start, the gradients after
    the last step, the losses (slot 0 before step 1) and the step that diverged (0 if none).
    One function per activation is kept for the life of the process (three at most); it holds
    no weights and no random state, so sessions can share it."""
    import keras
    import tensorflow as tf

    f = keras.activations.get(activation)
    any_matrix, any_vector, any_stack = (tf.TensorSpec([None, None]), tf.TensorSpec([None]),
                                         tf.TensorSpec([None, None, None]))
    signature = [any_matrix, any_vector, any_stack, any_matrix, any_matrix, any_vector,  # the weights
                 any_matrix, tf.TensorSpec([None], tf.int64), tf.TensorSpec([], tf.int32), tf.TensorSpec([])]

    @tf.function(input_signature=signature)
    def profile(first_kernel, first_bias, hidden_kernels, hidden_biases, output_kernel, output_bias,
                images, labels, steps, learning_rate):
        weights = [first_kernel, first_bias, hidden_kernels, hidden_biases, output_kernel, output_bias]
        derivatives = _mean_derivatives(f, weights, images)
        loss, gradients = _loss_and_gradients(f, weights, images, labels)
        at_init, losses = gradients, tf.TensorArray(tf.float32, size=steps + 1).write(0, loss)
        diverged_at = tf.constant(0)
        for step in tf.range(1, steps + 1):  # W ← W − η ∂C/∂W, plain SGD as in the lecture
            weights = [weight - learning_rate * gradient for weight, gradient in zip(weights, gradients, strict=True)]
            loss, gradients = _loss_and_gradients(f, weights, images, labels)
            if not _all_finite(loss, gradients):
                diverged_at = step
                break
            losses = losses.write(step, loss)
        return at_init, derivatives, gradients, losses.stack(), diverged_at

    return profile


# The pieces of the compiled profile: plain functions of tensors, traced into its graph.
def _logits(f, weights, images):
    """x → a^1 → ... → a^L → logits, each layer as Keras' Dense computes it: f(a W + b)."""
    import tensorflow as tf

    first_kernel, first_bias, hidden_kernels, hidden_biases, output_kernel, output_bias = weights
    activations = f(tf.nn.bias_add(tf.matmul(images, first_kernel), first_bias))
    for index in tf.range(tf.shape(hidden_kernels)[0]):
        activations = f(tf.nn.bias_add(tf.matmul(activations, hidden_kernels[index]), hidden_biases[index]))
    return tf.nn.bias_add(tf.matmul(activations, output_kernel), output_bias)


def _loss_and_gradients(f, weights, images, labels):
    import keras
    import tensorflow as tf

    with tf.GradientTape() as tape:
        tape.watch(weights)
        logits = _logits(f, weights, images)
        loss = tf.reduce_mean(keras.losses.sparse_categorical_crossentropy(labels, logits, from_logits=True))
    return loss, tape.gradient(loss, weights)


def _mean_derivatives(f, weights, images):
    """Mean f'(z^l) over the batch and units of each hidden layer."""
    import tensorflow as tf

    first_kernel, first_bias, hidden_kernels, hidden_biases = weights[:4]
    count = tf.shape(hidden_kernels)[0]
    means = tf.TensorArray(tf.float32, size=count + 1)
    pre_activation = tf.nn.bias_add(tf.matmul(images, first_kernel), first_bias)
    for index in tf.range(count):
        means = means.write(index, _mean_derivative(f, pre_activation))
        pre_activation = tf.nn.bias_add(tf.matmul(f(pre_activation), hidden_kernels[index]), hidden_biases[index])
    return means.write(count, _mean_derivative(f, pre_activation)).stack()


def _mean_derivative(f, pre_activation):
    """For an elementwise f the gradient of Σ f(z) with respect to z is f'(z) itself."""
    import tensorflow as tf

    with tf.GradientTape() as tape:
        tape.watch(pre_activation)
        activations = f(pre_activation)
    return tf.reduce_mean(tape.gradient(activations, pre_activation))


def _all_finite(loss, gradients):
    import tensorflow as tf

    return tf.reduce_all([tf.reduce_all(tf.math.is_finite(value)) for value in (loss, *gradients)])


def _stacked(weights: list[np.ndarray], width: int) -> list[np.ndarray]:
    """Kernel, bias, ... → W^1, b^1, the hidden layers 2..L stacked, W^(L+1), b^(L+1)."""
    hidden_kernels = np.asarray(weights[2:-2:2], dtype=np.float32).reshape(-1, width, width)
    hidden_biases = np.asarray(weights[3:-2:2], dtype=np.float32).reshape(-1, width)
    return [weights[0], weights[1], hidden_kernels, hidden_biases, weights[-2], weights[-1]]


def _kernel_gradients(gradients) -> list[np.ndarray]:
    """∂C/∂W^1, ..., ∂C/∂W^(L+1) from the stacked gradients of the compiled profile."""
    return [np.asarray(gradients[0]), *np.asarray(gradients[2]), np.asarray(gradients[4])]


def gradient_profile(images: np.ndarray, labels: np.ndarray, depth: int, activation: str,
                     initializer: str, width: int = 64, steps: int = 10, learning_rate: float = 0.1,
                     seed: int = SEED, batch_size: int = BATCH_SIZE) -> GradientProfile:
    """Gradient norms at initialisation and after `steps` plain SGD steps, all on one batch:
    the first `batch_size` images, flattened.

    No training lock: the graph holds no shared weights or random state (the initializers are
    seeded), so sessions cannot disturb each other's results, and a depth move need not wait for
    another session's training to end."""
    _check(depth, width, activation, initializer)
    if not (isinstance(steps, int) and steps >= 0) or not (math.isfinite(learning_rate) and learning_rate > 0):
        raise ValueError("steps must be an integer ≥ 0 and the learning rate finite and positive")
    images = np.asarray(images[:batch_size], dtype=np.float32)
    images, labels = images.reshape(len(images), -1), np.asarray(labels[:batch_size], dtype=np.int64)
    weights = _stacked(initial_weights(images.shape[1], depth, width, initializer, seed), width)
    at_init, derivatives, gradients, losses, diverged_at = _compiled_profile(activation)(
        *weights, images, labels, np.int32(steps), np.float32(learning_rate))
    diverged_at = int(diverged_at) or None
    losses = np.asarray(losses, dtype=np.float64)[:diverged_at or steps + 1]
    norms_after = None if diverged_at else _frobenius(_kernel_gradients(gradients))
    return GradientProfile(_frobenius(_kernel_gradients(at_init)), norms_after,
                           np.asarray(derivatives, dtype=np.float64)[:depth], losses, diverged_at)
