"""Sampling a code space with the prior (lecture, chapter 4: why plain autoencoder codes cannot be sampled).

To generate with a decoder g one draws z ~ p(z) and decodes g(z). That works only if the codes of
real images are spread like p(z): the prior must reach every part of the code space the decoder
learnt, and no more. A plain autoencoder is trained for reconstruction alone, so nothing fixes the
scale, the centre or the shape of its codes: their distribution is unknown, and N(0, I) samples fall
wherever ±3 happens to be in its units. A VAE's KL term, KL(q(z | x) ‖ N(0, I)) for every image,
pulls the aggregate q(z) = 1/n Σ_i q(z | x_i) towards N(0, I), so the prior's samples land where
the codes are.

Two figures, both for the same prior samples given to two models:

    coverage   the share of test codes inside the disc that holds `mass` of N(0, I) (2-D):
               |z|² ~ χ²₂, so P(|z| ≤ r) = 1 − exp(−r²/2) and r = √(−2 ln(1 − mass))
               (r ≈ 3.03 for 99 %); codes outside it are never reached by sampling the prior
    digit mix  what a digit classifier reads in the decoded samples: the share of each digit and
               its confidence (its largest softmax probability); a good sampler draws every digit
               about as often as the data holds it (≈ 10 % each in MNIST); a digit under 2 % of
               the samples (a fifth of its due) counts as almost never drawn
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from core import generative
from core.data import CLASSES

PRIOR_MASS = 0.99
RARE_SHARE = 0.02  # a fifth of a digit's share in MNIST: "almost never drawn"
NICE_STEPS = (1.0, 1.5, 2.0, 3.0, 4.0, 5.0, 6.0, 8.0)


def prior_radius(mass: float = PRIOR_MASS) -> float:
    """Radius of the centred disc that holds `mass` of the 2-D standard normal."""
    if not 0 < mass < 1:
        raise ValueError(f"mass must be in (0, 1), got {mass!r}")
    return math.sqrt(-2.0 * math.log1p(-mass))


def _points(codes) -> np.ndarray:
    codes = np.asarray(codes, dtype=np.float64)
    if codes.ndim != 2 or codes.shape[1] != 2 or len(codes) == 0 or not np.isfinite(codes).all():
        raise ValueError(f"codes must be a non-empty finite (n, 2) array, got shape {codes.shape}")
    return codes


def prior_coverage(codes, mass: float = PRIOR_MASS) -> float:
    """The share of codes (n, 2) inside the disc holding `mass` of N(0, I)."""
    return float(np.mean(np.linalg.norm(_points(codes), axis=1) <= prior_radius(mass)))


def axis_limit(codes, share: float = 0.95, minimum: float = 3.5) -> float:
    """Half-width of a centred square that holds at least `share` of the codes, rounded up to 1, 1.5, 2, 3, 4, 5, 6 or
    8 × 10ᵏ and never below `minimum` (so a map drawn to it shows the prior's ±3 too)."""
    if not 0 < share <= 1:
        raise ValueError(f"share must be in (0, 1], got {share!r}")
    needed = float(np.quantile(np.abs(_points(codes)).max(axis=1), share))
    if needed <= minimum:
        return float(minimum)
    decade = 10.0 ** math.floor(math.log10(needed))
    return next(step * decade for step in (*NICE_STEPS, 10.0) if step * decade >= needed)


def spread(codes) -> tuple[np.ndarray, float]:
    """The codes' standard deviation per coordinate and their largest |coordinate| (N(0, I): 1 and about 3)."""
    codes = _points(codes)
    return codes.std(axis=0), float(np.abs(codes).max())


def outside(codes, limit: float) -> int:
    """How many codes fall outside the square [−limit, limit]² (a map drawn to it leaves them out)."""
    return int(np.sum(np.abs(_points(codes)).max(axis=1) > limit))


def read_digits(classifier, images: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The classifier's digit per image and its confidence in it (the largest softmax probability)."""
    probabilities = generative.apply(classifier, images)
    return probabilities.argmax(axis=1), probabilities.max(axis=1)


def digit_shares(labels) -> np.ndarray:
    """The share of each digit 0–9 among `labels` (sums to 1)."""
    labels = np.asarray(labels, dtype=np.int64)
    if labels.ndim != 1 or len(labels) == 0 or labels.min() < 0 or labels.max() >= CLASSES:
        raise ValueError("labels must be a non-empty vector of digits 0-9")
    return np.bincount(labels, minlength=CLASSES) / len(labels)


def rare_digits(shares, below: float = RARE_SHARE) -> list[int]:
    """The digits that make up less than `below` of the samples (MNIST holds about 10 % of each)."""
    shares = np.asarray(shares, dtype=np.float64)
    if shares.shape != (CLASSES,):
        raise ValueError(f"shares must hold one value per digit, got shape {shares.shape}")
    return [int(digit) for digit in np.flatnonzero(shares < below)]


@dataclass(frozen=True)
class PriorDraw:
    """What decoding prior samples with one model gives."""

    decoded: np.ndarray  # (n, 28, 28) pixel probabilities g(z)
    labels: np.ndarray  # (n,) the classifier's digit per decoded sample
    confidence: np.ndarray  # (n,) its largest softmax probability
    shares: np.ndarray  # (10,) the share of each digit among the samples
    coverage: float  # the share of the model's test codes the prior reaches (inside its 99 % disc)


def judge(decoder, classifier, codes, prior_points) -> PriorDraw:
    """Decode the prior samples (n, 2) in one batch, read them with the classifier, and measure how
    much of the model's test codes (m, 2) the prior covers."""
    decoded = generative.decode(decoder, _points(prior_points))
    labels, confidence = read_digits(classifier, decoded)
    return PriorDraw(decoded, labels, confidence, digit_shares(labels), prior_coverage(codes))
