"""The loss as a negative log-likelihood: Gaussian output ⇒ MSE, Bernoulli output ⇒ cross-entropy.

The lecture's second reading of the loss: the network output f_θ(x) is the parameter of a
distribution over the target, p(y | f_θ(x)), and training maximises the likelihood of the
training targets. Over samples i = 1..N

    L(θ) = −Σᵢ log p(yᵢ | f_θ(xᵢ))

The log turns the product of independent likelihoods into a sum over samples (what
back-propagation on mini-batches needs); the minus sign makes minimising the loss maximise
the likelihood.

Gaussian output with a fixed σ (regression), mean μ = f_θ(x):

    p(y | μ) = exp(−(y − μ)² / (2σ²)) / (σ√(2π))
    −log p(y | μ) = (y − μ)² / (2σ²) + log(σ√(2π))
    Σᵢ −log p(yᵢ | μᵢ) = N · MSE / (2σ²) + N · log(σ√(2π)),   MSE = (1/N) Σᵢ (yᵢ − μᵢ)²

so the NLL is the MSE up to a positive scale and a constant: the same θ minimises both, for
any σ. For a fixed line, the σ that maximises the likelihood is √MSE.

Bernoulli output (binary classification), p = f_θ(x) ∈ [0, 1], label y ∈ {0, 1}:

    p(y | p) = p^y (1 − p)^(1 − y)
    −log p(y | p) = −[y log p + (1 − y) log(1 − p)]     (the binary cross-entropy)

Because the model gives a distribution rather than a number, it can be sampled: a fixed input
gives different outputs on every draw, which is what a generative model (the decoder of a VAE)
needs.

Sources: H. Lee, "Autoencoders: everything there is" (NAVER, 2017), chapter 1; I. Goodfellow,
Y. Bengio, A. Courville, "Deep Learning" (MIT Press, 2016), §5.5 and §6.2.1–6.2.2;
C. Bishop, "Pattern Recognition and Machine Learning" (2006), §1.2.5 and §4.3.2.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from core.analytic.neuron import sigmoid

DATA_SEED = 2017  # the year of the lecture; fixed so every viewer sees the same points
LOG_SQRT_TWO_PI = 0.5 * math.log(2.0 * math.pi)
INPUT_GRID = np.linspace(-3.2, 3.2, 81)  # where the pages draw the models: a little beyond the data


# --- validation ---------------------------------------------------------------------------

def check_sigma(sigma: float) -> float:
    if not (math.isfinite(sigma) and sigma > 0.0):
        raise ValueError(f"σ must be a finite number > 0, got {sigma!r}")
    return float(sigma)


def check_probability(values, name: str = "probability") -> np.ndarray:
    """An array of values in [0, 1]; NaN fails the comparison and so is rejected too."""
    array = np.asarray(values, dtype=float)
    if not np.all((array >= 0.0) & (array <= 1.0)):
        raise ValueError(f"every {name} must lie in [0, 1]")
    return array


def check_count(count: int) -> int:
    if int(count) != count or count < 0:
        raise ValueError(f"the number of draws must be a whole number ≥ 0, got {count!r}")
    return int(count)


# --- a small 1-D data set ------------------------------------------------------------------

@dataclass(frozen=True)
class ToyData:
    """N inputs x (sorted), a continuous target y for regression and a 0/1 label for classification."""

    x: np.ndarray
    y: np.ndarray
    label: np.ndarray


def toy_data(count: int = 20, seed: int = DATA_SEED) -> ToyData:
    """y = 0.8 x + 0.5 + 0.6 ε and label ~ Bernoulli(σ(x)), x uniform in [−3, 3]."""
    if check_count(count) < 2:
        raise ValueError("the data set needs at least two points")
    rng = np.random.default_rng(seed)
    x = np.sort(rng.uniform(-3.0, 3.0, count))
    y = 0.8 * x + 0.5 + 0.6 * rng.standard_normal(count)
    label = (rng.random(count) < sigmoid(x)).astype(np.int64)  # a gentle slope, so the classes overlap
    return ToyData(x, y, label)


def line(x, slope: float, intercept: float) -> np.ndarray:
    """The regression model f(x) = slope · x + intercept: the mean of the Gaussian."""
    return slope * np.asarray(x, dtype=float) + intercept


def logistic(x, weight: float, bias: float) -> np.ndarray:
    """The classification model p = σ(w x + c), c the bias: the parameter of the Bernoulli."""
    return sigmoid(weight * np.asarray(x, dtype=float) + bias)


def line_band(x, slope: float, intercept: float, sigma: float, width: float = 2.0):
    """(f(x), f(x) − width·σ, f(x) + width·σ): the model's mean and a band holding most of its mass."""
    mean = line(x, slope, intercept)
    spread = width * check_sigma(sigma)
    return mean, mean - spread, mean + spread


def least_squares_line(x, y) -> tuple[float, float]:
    """(slope, intercept) minimising the MSE, and so maximising the Gaussian likelihood."""
    slope, intercept = np.polyfit(np.asarray(x, dtype=float), np.asarray(y, dtype=float), 1)
    return float(slope), float(intercept)


def maximum_likelihood_logistic(x, label, steps: int = 30) -> tuple[float, float]:
    """(weight, bias) minimising the cross-entropy, by Newton's method on the two parameters.

    The cross-entropy of a logistic model is convex; a tiny ridge (1e-9) keeps the Hessian
    invertible. Separable classes (no finite optimum) raise ValueError.
    """
    features = np.column_stack([np.asarray(x, dtype=float), np.ones(np.size(x))])
    label = check_probability(label, "label")
    parameters, step = np.zeros(2), np.ones(2)
    for _ in range(steps):
        probability = sigmoid(features @ parameters)
        gradient = features.T @ (probability - label)
        hessian = features.T @ (features * (probability * (1.0 - probability))[:, None]) + 1e-9 * np.eye(2)
        step = np.linalg.solve(hessian, gradient)
        parameters = parameters - step
    # Newton converges in a handful of steps when an optimum exists; on separable classes the
    # weight keeps growing by about the same amount every step.
    if not np.all(np.isfinite(parameters)) or np.abs(step).max() > 1e-6:
        raise ValueError("the classes are separable: the likelihood has no finite maximum")
    return float(parameters[0]), float(parameters[1])


# --- Gaussian output -----------------------------------------------------------------------

def gaussian_log_density(y, mean, sigma: float) -> np.ndarray:
    """log p(y | mean) of N(mean, σ²), in log space so that far targets do not underflow to log 0."""
    sigma = check_sigma(sigma)
    standardised = (np.asarray(y, dtype=float) - np.asarray(mean, dtype=float)) / sigma
    return -0.5 * standardised**2 - math.log(sigma) - LOG_SQRT_TWO_PI


def gaussian_density(y, mean, sigma: float) -> np.ndarray:
    return np.exp(gaussian_log_density(y, mean, sigma))


def gaussian_nll(y, mean, sigma: float) -> np.ndarray:
    """−log p(yᵢ | meanᵢ) per sample."""
    return -gaussian_log_density(y, mean, sigma)


def density_curve(mean: float, sigma: float, target: float, points: int = 201) -> tuple[np.ndarray, np.ndarray]:
    """(y grid, p(y | mean)) over mean ± 4σ, widened to show the target too."""
    low = min(mean - 4.0 * check_sigma(sigma), target - 0.25 * sigma)
    high = max(mean + 4.0 * sigma, target + 0.25 * sigma)
    grid = np.linspace(low, high, points)
    return grid, gaussian_density(grid, mean, sigma)


def mean_squared_error(y, prediction) -> float:
    residual = np.asarray(y, dtype=float) - np.asarray(prediction, dtype=float)
    return float(np.mean(residual**2))


def gaussian_nll_from_mse(mse: float, sigma: float, count: int) -> float:
    """N · MSE / (2σ²) + N · log(σ√(2π)): the summed Gaussian NLL rebuilt from the MSE alone."""
    sigma = check_sigma(sigma)
    return count * (mse / (2.0 * sigma**2) + math.log(sigma) + LOG_SQRT_TWO_PI)


def maximum_likelihood_sigma(y, mean) -> float:
    """For fixed means, the σ maximising the Gaussian likelihood: ∂L/∂σ = 0 gives σ² = MSE."""
    return math.sqrt(mean_squared_error(y, mean))


# --- Bernoulli output ----------------------------------------------------------------------

def bernoulli_probability(label, probability) -> np.ndarray:
    """p(y | p) = p^y (1 − p)^(1 − y): the probability the model gives to the observed label."""
    label = check_probability(label, "label")
    probability = check_probability(probability)
    return probability**label * (1.0 - probability) ** (1.0 - label)  # 0⁰ = 1, as the formula wants


def bernoulli_nll(label, probability) -> np.ndarray:
    """−log p(yᵢ | pᵢ) per sample, taken from the probability itself (+inf if the label gets p = 0)."""
    with np.errstate(divide="ignore"):
        return -np.log(bernoulli_probability(label, probability))


def binary_cross_entropy_terms(label, probability) -> np.ndarray:
    """−[y log p + (1 − y) log(1 − p)] per value, a term dropped where its weight is 0. The same
    number as `bernoulli_nll`, from the formula rather than from the probability; the models'
    reconstruction terms (core.generative) sum it over the pixels of an image."""
    label = check_probability(label, "label")
    probability = check_probability(probability)
    with np.errstate(divide="ignore", invalid="ignore"):
        positive = np.where(label > 0.0, label * np.log(probability), 0.0)
        negative = np.where(label < 1.0, (1.0 - label) * np.log1p(-probability), 0.0)
    return -(positive + negative)


def binary_cross_entropy(label, probability) -> float:
    """The mean of −[y log p + (1 − y) log(1 − p)] (the familiar loss)."""
    return float(np.mean(binary_cross_entropy_terms(label, probability)))


# --- the two views side by side ------------------------------------------------------------

@dataclass(frozen=True)
class LossComparison:
    """The summed NLL, the familiar loss (a mean over samples), and the NLL rebuilt from that loss."""

    count: int
    nll: float
    loss: float
    nll_from_loss: float

    @property
    def difference(self) -> float:
        return abs(self.nll - self.nll_from_loss)


def compare_gaussian(y, mean, sigma: float) -> LossComparison:
    """Σ −log p(yᵢ | f(xᵢ)) next to the MSE and N · MSE / (2σ²) + N · log(σ√(2π))."""
    mse = mean_squared_error(y, mean)
    count = np.size(y)
    return LossComparison(count, float(np.sum(gaussian_nll(y, mean, sigma))), mse,
                          gaussian_nll_from_mse(mse, sigma, count))


def compare_bernoulli(label, probability) -> LossComparison:
    """Σ −log p(yᵢ | pᵢ) next to the mean cross-entropy and N · cross-entropy."""
    cross_entropy = binary_cross_entropy(label, probability)
    count = np.size(label)
    return LossComparison(count, float(np.sum(bernoulli_nll(label, probability))), cross_entropy,
                          count * cross_entropy)


# --- sampling: fixed input, different outputs ----------------------------------------------

def sample_gaussian(mean: float, sigma: float, count: int, seed) -> np.ndarray:
    """`count` draws from N(mean, σ²). The first n draws of a seed never change as count grows."""
    sigma, count = check_sigma(sigma), check_count(count)
    return mean + sigma * np.random.default_rng(seed).standard_normal(count)


def sample_bernoulli(probability: float, count: int, seed) -> np.ndarray:
    """`count` 0/1 draws with P(1) = probability, as int64; prefix-stable like sample_gaussian."""
    probability, count = float(check_probability(probability)), check_count(count)
    return (np.random.default_rng(seed).random(count) < probability).astype(np.int64)


@dataclass(frozen=True)
class Draws:
    """Outputs drawn for one fixed input, from both output distributions."""

    gaussian: np.ndarray
    bernoulli: np.ndarray

    @property
    def count(self) -> int:
        return self.gaussian.size

    @property
    def gaussian_mean(self) -> float:
        return float(np.mean(self.gaussian)) if self.count else math.nan

    @property
    def gaussian_std(self) -> float:
        return float(np.std(self.gaussian)) if self.count else math.nan

    @property
    def fraction_of_ones(self) -> float:
        return float(np.mean(self.bernoulli)) if self.count else math.nan


def draw_outputs(mean: float, sigma: float, probability: float, count: int, seed: int) -> Draws:
    """`count` draws from p(y | f(x₀)) of each model; two independent streams spawned from one seed."""
    gaussian_seed, bernoulli_seed = np.random.SeedSequence(seed).spawn(2)
    return Draws(sample_gaussian(mean, sigma, count, gaussian_seed),
                 sample_bernoulli(probability, count, bernoulli_seed))


def histogram_density(samples, low: float, high: float, bins: int = 24) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(left edges, right edges, heights) with heights scaled so the bars' area is 1, like a density.

    Draws outside [low, high] still count in the total, so the bars stay comparable with the curve.
    """
    if not (math.isfinite(low) and math.isfinite(high) and low < high) or bins < 1:
        raise ValueError("the histogram needs finite low < high and at least one bin")
    samples = np.asarray(samples, dtype=float)
    edges = np.linspace(low, high, bins + 1)
    counts, _ = np.histogram(samples, bins=edges)
    heights = counts / (max(samples.size, 1) * (edges[1] - edges[0]))
    return edges[:-1], edges[1:], heights
