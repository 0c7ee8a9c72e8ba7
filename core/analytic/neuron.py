"""Learning slowdown of one sigmoid neuron (the lecture's example, after Nielsen, ch. 3).

One input x = 1, one target y = 0, output a = σ(z) with z = w·x + b. Two costs:

    quadratic      C = (y − a)² / 2            ∂C/∂z = (a − y) · σ'(z)
    cross-entropy  C = −[y ln a + (1 − y) ln(1 − a)]   ∂C/∂z = a − y

and ∂C/∂w = ∂C/∂z · x, ∂C/∂b = ∂C/∂z. Because σ'(z) = σ(z)(1 − σ(z)) ≤ 1/4, and is close
to 0 when the neuron is saturated (a ≈ 1 from w = b = 2), the quadratic cost learns slowly
from a bad start; cross-entropy cancels σ'(z) and learns fastest when it is most wrong.

With learning rate 0.15 and 300 epochs: quadratic from (0.6, 0.9) ends at a ≈ 0.094, from
(2, 2) it stays near 0.93 until about epoch 150 and ends at a ≈ 0.203; cross-entropy ends
near 0.012 from both. Plain Python floats: 300 epochs take well under a millisecond.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

LOSSES = ("quadratic", "cross_entropy")


def sigmoid(z):
    return 0.5 * (1.0 + np.tanh(0.5 * z))  # = 1 / (1 + e^−z), without overflow for large |z|


def sigmoid_prime(z):
    a = sigmoid(z)
    return a * (1.0 - a)


def cost(a, y: float, loss: str):
    """The cost of output `a` against target `y` (NumPy arrays or floats)."""
    if loss == "quadratic":
        return 0.5 * (y - a) ** 2
    if loss == "cross_entropy":
        a = np.clip(a, 1e-12, 1.0 - 1e-12)  # ln 0 only at a saturated float
        return -(y * np.log(a) + (1.0 - y) * np.log(1.0 - a))
    raise ValueError(f"loss must be one of {LOSSES}, got {loss!r}")


def gradients(w: float, b: float, loss: str, x: float = 1.0, y: float = 0.0) -> tuple[float, float]:
    """(∂C/∂w, ∂C/∂b) in closed form."""
    z = w * x + b
    a = 0.5 * (1.0 + math.tanh(0.5 * z))
    if loss == "quadratic":
        delta = (a - y) * a * (1.0 - a)  # the σ'(z) factor that slows learning
    elif loss == "cross_entropy":
        delta = a - y
    else:
        raise ValueError(f"loss must be one of {LOSSES}, got {loss!r}")
    return delta * x, delta


@dataclass(frozen=True)
class Trajectory:
    """Parameters and outputs at epochs 0..n (n + 1 entries each)."""

    w: np.ndarray
    b: np.ndarray
    z: np.ndarray
    output: np.ndarray
    cost: np.ndarray


def train(w0: float, b0: float, learning_rate: float, epochs: int, loss: str,
          x: float = 1.0, y: float = 0.0) -> Trajectory:
    """Plain gradient descent on the single example for `epochs` steps."""
    if epochs < 0 or not math.isfinite(learning_rate):
        raise ValueError("epochs must be ≥ 0 and the learning rate finite")
    ws, bs = [w0], [b0]
    w, b = w0, b0
    for _ in range(epochs):
        dw, db = gradients(w, b, loss, x, y)
        w, b = w - learning_rate * dw, b - learning_rate * db
        ws.append(w)
        bs.append(b)
    w_arr, b_arr = np.array(ws), np.array(bs)
    z = w_arr * x + b_arr
    output = sigmoid(z)
    return Trajectory(w_arr, b_arr, z, output, cost(output, y, loss))


def cost_surface(w_grid: np.ndarray, b_grid: np.ndarray, loss: str,
                 x: float = 1.0, y: float = 0.0) -> np.ndarray:
    """C(w, b) on the grid, shape (len(b_grid), len(w_grid))."""
    w, b = np.meshgrid(w_grid, b_grid)
    return cost(sigmoid(w * x + b), y, loss)
