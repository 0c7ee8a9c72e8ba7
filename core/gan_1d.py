"""The lecturer's 1-D GAN (hwalsuklee/tensorflow-GAN-1d-gaussian-ex), with the theory beside it.

Data x ~ N(μ, σ). Noise z: "stratified" uniform on [−5, 5], an even grid of the batch's size plus
a small random offset. G: 1 → 32 ReLU → 1 (weights ~ truncated N(0, 2²), as in the original);
D: 1 → 32 ReLU → 1 sigmoid (He initialisation). Plain gradient descent, D at 0.03 and G at
0.015, both × 0.95 every 400 steps; batch 150; 3,000 iterations of one D and one G step, with the
original's losses (ε = 0.01 keeps the logs finite):

    L_D = −mean[log(D(x) + ε) + log(1 − D(G(z)) + ε)]      L_G = −mean[log(D(G(z)) + ε)]

Pre-training (the original's remedy for a D that starts anywhere): 1,000 steps regressing D, by
squared error, on the data's histogram (100 bins of 1,000 samples, scaled to [0, 1]), so that D
starts out high where the data is. The original trains a copy of D and copies its weights over;
here D itself is trained, which is the same thing from another initial draw.

The theory (Goodfellow et al., 2014). For a fixed G the best discriminator is

    D*(x) = p_data(x) / (p_data(x) + p_g(x)),

and at D* the game's value is V(D*, G) = −log 4 + 2 · JSD(p_data ‖ p_g): its minimum over G,
−log 4, is reached exactly when p_g = p_data (then D* = 1/2 everywhere). The page estimates p_g
by a histogram of G's outputs on BINS bins over [−5, 5] and evaluates D*, V and the JSD on those
bins, where the identity above holds exactly. "Train D only" keeps G fixed and trains D alone
(with a fresh Adam optimizer, faster than the game's decayed steps): D approaches D*, and V(D, G)
rises towards V(D*, G).

Everything random draws from its own seed (no process-wide seeding), so the result is a pure
function of the settings and can be cached and shared by every viewer.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

RANGE = 5.0  # noise and the picture span [−RANGE, RANGE]
BINS = 100  # histogram bins over [−RANGE, RANGE] for p_g, D* and the JSD
CURVE_POINTS = 400  # where D is drawn
EPSILON = 0.01  # the original's guard inside the logs
PRETRAIN_SAMPLES, PRETRAIN_BINS = 1_000, 100
DECAY_STEPS, DECAY_RATE = 400, 0.95
D_ONLY_CHECKPOINTS = (0, 10, 30, 100, 300, 1_000, 3_000)  # D-only steps after training at which D is recorded
D_ONLY_RATE = 0.01  # Adam's, for D alone against the fixed G
PROBE_NOISE = 10_000  # an even grid of z for p_g


@dataclass(frozen=True)
class Settings:
    mean: float = 0.0
    std: float = 1.0
    pretrain: bool = True
    iterations: int = 3_000
    seed: int = 0
    hidden: int = 32
    batch: int = 150
    discriminator_rate: float = 0.03
    generator_rate: float = 0.015
    pretrain_steps: int = 1_000


@dataclass(frozen=True, eq=False)
class Snapshot:
    """D's curve and G's density at one moment, and the theory's figures there."""
    discriminator: np.ndarray  # D on curve_x()
    generated_density: np.ndarray  # p_g on the bins (density per unit x)
    optimal: np.ndarray  # D* on the bins' centres
    value: float  # V(D, G), nats, on the bins
    optimal_value: float  # V(D*, G) = −log 4 + 2 JSD
    jsd: float  # JSD(p_data ‖ p_g), nats
    generated_mean: float
    generated_std: float


@dataclass(frozen=True, eq=False)
class Result:
    initial: Snapshot
    pretrained: Snapshot | None
    trained: Snapshot
    d_only: dict[int, Snapshot]  # D-only steps after training → snapshot (D moves, G stays)
    losses: np.ndarray  # (iterations, 2): L_D and L_G per iteration


def curve_x() -> np.ndarray:
    return np.linspace(-RANGE, RANGE, CURVE_POINTS, dtype=np.float32)


def bin_edges() -> np.ndarray:
    return np.linspace(-RANGE, RANGE, BINS + 1)


def data_mass(settings: Settings) -> np.ndarray:
    """N(μ, σ)'s probability per bin (exact; the mass beyond ±RANGE is left out)."""
    from math import erf, sqrt

    cdf = [0.5 * (1 + erf((edge - settings.mean) / (settings.std * sqrt(2)))) for edge in bin_edges()]
    return np.diff(cdf)


def theory(data: np.ndarray, generated: np.ndarray, discriminator_at_bins: np.ndarray) -> tuple[np.ndarray, float, float, float]:
    """From bin masses of p_data and p_g and D at the bins' centres: D*, V(D, G), V(D*, G), JSD (nats).

    V(D, G) = Σ p_data log D + Σ p_g log(1 − D); V(D*, G) = −log 4 + 2 JSD holds exactly here.
    Where both masses are 0, D* is undefined (nan) and contributes nothing."""
    total = data + generated
    with np.errstate(invalid="ignore", divide="ignore"):
        optimal = np.where(total > 0, data / np.where(total > 0, total, 1), np.nan)
        d = np.clip(np.asarray(discriminator_at_bins, np.float64), 1e-12, 1 - 1e-12)
        value = float(np.sum(np.where(data > 0, data * np.log(d), 0)) +
                      np.sum(np.where(generated > 0, generated * np.log(1 - d), 0)))
        middle = total / 2
        jsd = 0.5 * float(np.sum(np.where(data > 0, data * np.log(data / np.where(middle > 0, middle, 1)), 0))) + \
            0.5 * float(np.sum(np.where(generated > 0, generated * np.log(generated / np.where(middle > 0, middle, 1)), 0)))
    return optimal, value, -np.log(4) + 2 * jsd, jsd


def run(settings: Settings) -> Result:
    """Train the toy from its seed and record what the page shows (about a second here)."""
    from core.models import toy_gan

    toy = toy_gan.Toy(settings)
    initial = toy.snapshot()
    pretrained = None
    if settings.pretrain:
        toy.pretrain(pretrain_targets(settings))
        pretrained = toy.snapshot()
    losses = toy.train(settings.iterations)
    trained = toy.snapshot()
    d_only, done = {0: trained}, 0
    for steps in D_ONLY_CHECKPOINTS[1:]:
        toy.train_discriminator(steps - done)
        done, d_only[steps] = steps, toy.snapshot()
    return Result(initial, pretrained, trained, d_only, losses)


def pretrain_targets(settings: Settings) -> tuple[np.ndarray, np.ndarray]:
    """Per pre-training step: the histogram's right bin edges and its heights scaled to [0, 1],
    each step from a fresh draw of PRETRAIN_SAMPLES data points, (steps, PRETRAIN_BINS) each."""
    rng = np.random.default_rng([settings.seed, 1])
    inputs = np.empty((settings.pretrain_steps, PRETRAIN_BINS), np.float32)
    targets = np.empty_like(inputs)
    for step in range(settings.pretrain_steps):
        heights, edges = np.histogram(rng.normal(settings.mean, settings.std, PRETRAIN_SAMPLES), bins=PRETRAIN_BINS,
                                      density=True)
        inputs[step] = edges[1:]
        targets[step] = (heights - heights.min()) / (heights.max() - heights.min())
    return inputs, targets
