"""core.models.deep_mlp: per-layer gradients against a NumPy back-propagation, and the
vanishing (sigmoid) versus surviving (ReLU + He) gradient on real MNIST."""

from __future__ import annotations

import math

import numpy as np
import pytest

from core import data
from core.models import deep_mlp

NUMPY_ACTIVATIONS = {  # f and f' for the oracle, written out independently of Keras
    "sigmoid": (lambda z: 1.0 / (1.0 + np.exp(-z)), lambda z: np.exp(-z) / (1.0 + np.exp(-z)) ** 2),
    "tanh": (np.tanh, lambda z: 1.0 / np.cosh(z) ** 2),
    "relu": (lambda z: np.maximum(z, 0.0), lambda z: (z > 0).astype(float)),
}


@pytest.fixture(scope="module")
def mnist() -> data.Split:
    return data.load("mnist")


def tiny_batch() -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(7)
    return rng.uniform(-1.0, 1.0, (6, 5)).astype(np.float32), np.array([0, 3, 9, 3, 1, 7])


def numpy_backprop(weights: list[tuple[np.ndarray, np.ndarray]], x: np.ndarray, y: np.ndarray, activation: str):
    """Kernel and bias gradients of the mean softmax cross-entropy by the lecture's recursion, in
    float64, and the mean f'(z) per hidden layer. Row vectors: z = a W + b, so ∂C/∂W = aᵀ δ."""
    f, f_prime = NUMPY_ACTIVATIONS[activation]
    activations, pre_activations = [x.astype(np.float64)], []
    for kernel, bias in weights:
        pre_activations.append(activations[-1] @ kernel + bias)
        activations.append(f(pre_activations[-1]))
    logits = pre_activations[-1]
    probabilities = np.exp(logits - logits.max(axis=1, keepdims=True))
    probabilities /= probabilities.sum(axis=1, keepdims=True)
    delta = (probabilities - np.eye(10)[y]) / len(x)  # δ^L of the batch mean
    kernel_gradients, bias_gradients = [None] * len(weights), [None] * len(weights)
    for layer in reversed(range(len(weights))):
        kernel_gradients[layer] = activations[layer].T @ delta
        bias_gradients[layer] = delta.sum(axis=0)
        if layer:
            delta = (delta @ weights[layer][0].T) * f_prime(pre_activations[layer - 1])
    return kernel_gradients, bias_gradients, [f_prime(z).mean() for z in pre_activations[:-1]]


def model_weights(model) -> list[tuple[np.ndarray, np.ndarray]]:
    return [(np.asarray(layer.kernel, np.float64), np.asarray(layer.bias, np.float64)) for layer in model.layers]


@pytest.mark.parametrize("activation", deep_mlp.ACTIVATIONS)
def test_gradients_equal_a_numpy_backpropagation(activation):
    x, y = tiny_batch()
    model = deep_mlp.build(5, depth=3, width=4, activation=activation, initializer="glorot_uniform", seed=3)
    expected, expected_bias, expected_derivatives = numpy_backprop(model_weights(model), x, y, activation)
    _, gradients = deep_mlp.loss_and_gradients(model, x, y)
    for layer in range(4):
        np.testing.assert_allclose(np.asarray(gradients[2 * layer]), expected[layer], rtol=1e-4, atol=1e-7)
        np.testing.assert_allclose(np.asarray(gradients[2 * layer + 1]), expected_bias[layer], rtol=1e-4, atol=1e-7)
    np.testing.assert_allclose(deep_mlp.kernel_norms(gradients), [np.linalg.norm(g) for g in expected], rtol=1e-4)
    np.testing.assert_allclose(deep_mlp.activation_derivatives(model, x), expected_derivatives, rtol=1e-4)


def test_profile_after_one_step_equals_numpy_gradient_descent():
    x, y = tiny_batch()
    learning_rate = 0.5
    profile = deep_mlp.gradient_profile(x, y, depth=3, activation="sigmoid", initializer="glorot_uniform",
                                        width=4, steps=1, learning_rate=learning_rate, seed=5)
    weights = model_weights(deep_mlp.build(5, 3, 4, "sigmoid", "glorot_uniform", seed=5))
    kernel_gradients, bias_gradients, _ = numpy_backprop(weights, x, y, "sigmoid")
    np.testing.assert_allclose(profile.norms_at_init, [np.linalg.norm(g) for g in kernel_gradients], rtol=1e-4)
    stepped = [(kernel - learning_rate * kernel_gradient, bias - learning_rate * bias_gradient)
               for (kernel, bias), kernel_gradient, bias_gradient
               in zip(weights, kernel_gradients, bias_gradients, strict=True)]
    after, _, _ = numpy_backprop(stepped, x, y, "sigmoid")
    np.testing.assert_allclose(profile.norms_after, [np.linalg.norm(g) for g in after], rtol=1e-4)
    assert profile.losses.shape == (2,) and profile.losses[1] < profile.losses[0]


@pytest.mark.parametrize("initializer", deep_mlp.INITIALIZERS)
def test_initial_weights_are_those_of_the_keras_model(initializer):
    model = deep_mlp.build(7, depth=3, width=5, activation="tanh", initializer=initializer, seed=4)
    weights = deep_mlp.initial_weights(7, depth=3, width=5, initializer=initializer, seed=4)
    assert [w.shape for w in weights] == [(7, 5), (5,), (5, 5), (5,), (5, 5), (5,), (5, 10), (10,)]
    for value, variable in zip(weights, deep_mlp._variables(model), strict=True):
        np.testing.assert_array_equal(value, np.asarray(variable))


def keras_reference(depth: int, activation: str, steps: int, learning_rate: float):
    """Norms, losses and mean derivatives of the Keras model itself, stepped eagerly with assign_sub."""
    x, y = tiny_batch()
    model = deep_mlp.build(5, depth, 4, activation, "he_normal", seed=9)
    derivatives = deep_mlp.activation_derivatives(model, x)
    loss, gradients = deep_mlp.loss_and_gradients(model, x, y)
    norms_at_init, losses = deep_mlp.kernel_norms(gradients), [float(loss)]
    for _ in range(steps):
        for variable, gradient in zip(deep_mlp._variables(model), gradients, strict=True):
            variable.assign_sub(learning_rate * gradient)
        loss, gradients = deep_mlp.loss_and_gradients(model, x, y)
        losses.append(float(loss))
    return norms_at_init, deep_mlp.kernel_norms(gradients), np.array(losses), derivatives


@pytest.mark.parametrize("activation", deep_mlp.ACTIVATIONS)
@pytest.mark.parametrize("depth", [1, 4])
def test_the_compiled_profile_equals_the_keras_model_stepped_eagerly(activation, depth):
    x, y = tiny_batch()
    profile = deep_mlp.gradient_profile(x, y, depth, activation, "he_normal", width=4, steps=3, learning_rate=0.3,
                                        seed=9)
    norms_at_init, norms_after, losses, derivatives = keras_reference(depth, activation, 3, 0.3)
    # Graph mode may fuse matmul, bias and activation into one kernel: equal to float32 rounding.
    np.testing.assert_allclose(profile.norms_at_init, norms_at_init, rtol=1e-5)
    np.testing.assert_allclose(profile.norms_after, norms_after, rtol=1e-5)
    np.testing.assert_allclose(profile.losses, losses, rtol=1e-5)
    np.testing.assert_allclose(profile.derivative_at_init, derivatives, rtol=1e-5)
    assert profile.norms_at_init.shape == (depth + 1,) and profile.derivative_at_init.shape == (depth,)
    assert profile.diverged_at is None


def test_one_compiled_graph_serves_every_depth_width_and_step_count():
    """A new depth must not retrace: retracing cost 0.3–1 s per slider move."""
    x, y = tiny_batch()
    for depth, width, steps, learning_rate in [(1, 4, 0, 0.1), (6, 4, 2, 0.5), (3, 9, 5, 0.01), (20, 3, 1, 1.0)]:
        profile = deep_mlp.gradient_profile(x, y, depth, "tanh", "glorot_uniform", width=width, steps=steps,
                                            learning_rate=learning_rate)
        assert len(profile.norms_at_init) == depth + 1 and len(profile.losses) == steps + 1
    assert deep_mlp._compiled_profile("tanh").experimental_get_tracing_count() == 1


def test_sigmoid_gradient_vanishes_and_relu_with_he_keeps_it(mnist):
    sigmoid = deep_mlp.gradient_profile(mnist.x_train, mnist.y_train, 15, "sigmoid", "glorot_uniform", steps=0)
    relu = deep_mlp.gradient_profile(mnist.x_train, mnist.y_train, 15, "relu", "he_normal", steps=0)
    assert sigmoid.ratio(sigmoid.norms_at_init) < 1e-3
    assert 1e-2 < relu.ratio(relu.norms_at_init) < 1e2
    # σ' ≤ 1/4 in every hidden layer, and the sigmoid decay is close to the 1/4-per-layer line
    assert np.all(sigmoid.derivative_at_init <= 0.25)
    bound = deep_mlp.geometric_reference(sigmoid.norms_at_init)
    assert 1e-2 < sigmoid.norms_at_init[0] / bound[0] < 1e2
    # a ReLU derivative is 0 or 1: its mean is the share of active units
    assert np.all((relu.derivative_at_init > 0.2) & (relu.derivative_at_init < 0.8))


def test_same_seed_gives_identical_norms_and_another_seed_does_not(mnist):
    def run(seed):
        return deep_mlp.gradient_profile(mnist.x_train, mnist.y_train, 4, "tanh", "glorot_uniform",
                                         width=16, steps=3, seed=seed)

    first, again, other = run(11), run(11), run(12)
    np.testing.assert_array_equal(first.norms_at_init, again.norms_at_init)
    np.testing.assert_array_equal(first.norms_after, again.norms_after)
    np.testing.assert_array_equal(first.losses, again.losses)
    assert not np.allclose(first.norms_at_init, other.norms_at_init)


def test_a_huge_learning_rate_is_reported_as_divergence(mnist):
    profile = deep_mlp.gradient_profile(mnist.x_train, mnist.y_train, 5, "relu", "he_normal", width=32,
                                        steps=10, learning_rate=1e4)
    assert profile.diverged_at is not None and 1 <= profile.diverged_at <= 10
    assert profile.norms_after is None and math.isnan(profile.ratio(profile.norms_after))
    assert len(profile.losses) == profile.diverged_at and np.all(np.isfinite(profile.losses))


def test_geometric_reference_shrinks_by_the_factor_per_layer():
    reference = deep_mlp.geometric_reference(np.array([5.0, 3.0, 2.0, 8.0]))
    np.testing.assert_allclose(reference, [8.0 / 64, 8.0 / 16, 8.0 / 4, 8.0])
    assert deep_mlp.GradientProfile.ratio(reference) == pytest.approx(0.25 ** 3)
    assert math.isnan(deep_mlp.GradientProfile.ratio(np.array([1.0, 0.0])))


@pytest.mark.parametrize("arguments", [
    {"depth": 0}, {"depth": deep_mlp.MAX_DEPTH + 1}, {"depth": 2.5}, {"activation": "softplus"},
    {"initializer": "zeros"}, {"width": 0}, {"steps": -1}, {"learning_rate": math.nan},
    {"learning_rate": math.inf}, {"learning_rate": 0.0},
])
def test_invalid_arguments_raise_value_error(arguments):
    x, y = tiny_batch()
    settings = {"depth": 2, "activation": "sigmoid", "initializer": "glorot_uniform", "width": 4, "steps": 0,
                "learning_rate": 0.1} | arguments
    with pytest.raises(ValueError):
        deep_mlp.gradient_profile(x, y, **settings)
