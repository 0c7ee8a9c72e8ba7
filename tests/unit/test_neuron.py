"""The sigmoid neuron of the lecture: its figures and its closed-form gradients."""

import numpy as np
import pytest

from core.analytic import neuron


@pytest.mark.parametrize(("w0", "b0", "loss", "expected"), [
    (0.6, 0.9, "quadratic", 0.094),
    (2.0, 2.0, "quadratic", 0.203),
    (0.6, 0.9, "cross_entropy", 0.012),
    (2.0, 2.0, "cross_entropy", 0.012),
])
def test_lecture_figures_after_300_epochs_at_rate_015(w0, b0, loss, expected):
    run = neuron.train(w0, b0, 0.15, 300, loss)
    assert round(float(run.output[-1]), 3) == expected


def test_saturated_quadratic_neuron_stays_near_093_until_epoch_150():
    output = neuron.train(2.0, 2.0, 0.15, 300, "quadratic").output
    assert output[0] == pytest.approx(0.982, abs=1e-3)
    assert np.all(output[:151] > 0.93)  # the plateau of the lecture's plot
    assert output[200] < 0.8  # then it finally learns


def test_cross_entropy_learns_fast_from_the_saturated_start():
    quadratic = neuron.train(2.0, 2.0, 0.15, 300, "quadratic").output
    cross_entropy = neuron.train(2.0, 2.0, 0.15, 300, "cross_entropy").output
    assert np.flatnonzero(cross_entropy < 0.5)[0] < 20 < np.flatnonzero(quadratic < 0.5)[0]


def test_sigmoid_prime_is_at_most_a_quarter():
    z = np.linspace(-20, 20, 4001)
    assert neuron.sigmoid_prime(z).max() == pytest.approx(0.25)
    assert np.all(neuron.sigmoid_prime(z) <= 0.25)


@pytest.mark.parametrize("loss", neuron.LOSSES)
@pytest.mark.parametrize(("w", "b", "x", "y"), [(0.6, 0.9, 1.0, 0.0), (2.0, 2.0, 1.0, 0.0),
                                                (-1.3, 0.4, 0.7, 1.0), (0.2, -2.5, -1.5, 0.3)])
def test_closed_form_gradients_equal_gradient_tape(loss, w, b, x, y):
    import tensorflow as tf

    w_var, b_var = tf.Variable(w, dtype=tf.float64), tf.Variable(b, dtype=tf.float64)
    with tf.GradientTape() as tape:
        a = tf.sigmoid(w_var * x + b_var)
        if loss == "quadratic":
            cost = 0.5 * (y - a) ** 2
        else:
            cost = -(y * tf.math.log(a) + (1 - y) * tf.math.log(1 - a))
    dw_tape, db_tape = tape.gradient(cost, [w_var, b_var])
    dw, db = neuron.gradients(w, b, loss, x, y)
    assert dw == pytest.approx(float(dw_tape), rel=1e-10, abs=1e-14)
    assert db == pytest.approx(float(db_tape), rel=1e-10, abs=1e-14)


def test_huge_learning_rate_stays_finite():
    for loss in neuron.LOSSES:
        run = neuron.train(2.0, 2.0, 10.0, 1000, loss)
        assert np.all(np.isfinite(run.output)) and np.all(np.isfinite(run.cost))


def test_cost_surface_shape_and_invalid_loss():
    grid = np.linspace(-4, 4, 9)
    assert neuron.cost_surface(grid, grid[:5], "quadratic").shape == (5, 9)
    with pytest.raises(ValueError):
        neuron.train(0.6, 0.9, 0.15, 10, "hinge")
    with pytest.raises(ValueError):
        neuron.train(0.6, 0.9, float("nan"), 10, "quadratic")
