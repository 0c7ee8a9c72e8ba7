"""Figures of quality: for images, mean squared error per pixel and PSNR; for a GAN on 2-D data,
PacGAN's mode metrics and GAN Lab's grid divergences; for generated digits, the classifier score
and the Fréchet distance.

For images with values in [0, 1] the peak signal-to-noise ratio is
    PSNR(x, x̂) = 10 · log10(1 / MSE(x, x̂))   in dB,  MSE = mean over pixels of (x − x̂)²
so +10 dB is a ten times smaller error. An identical pair has an infinite PSNR; it is capped
at MAX_PSNR so that averages and charts stay finite.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

MAX_PSNR = 60.0


def mse_per_image(clean: np.ndarray, other: np.ndarray) -> np.ndarray:
    clean, other = np.asarray(clean, np.float64), np.asarray(other, np.float64)
    if clean.shape != other.shape:
        raise ValueError(f"shapes differ: {clean.shape} vs {other.shape}")
    return ((clean - other) ** 2).reshape(len(clean), -1).mean(axis=1)


def mse(clean: np.ndarray, other: np.ndarray) -> float:
    """Mean squared error per pixel over a batch."""
    return float(mse_per_image(clean, other).mean())


def psnr_per_image(clean: np.ndarray, other: np.ndarray) -> np.ndarray:
    errors = mse_per_image(clean, other)
    with np.errstate(divide="ignore"):
        return np.minimum(10 * np.log10(1.0 / errors), MAX_PSNR)


def psnr(clean: np.ndarray, other: np.ndarray) -> float:
    """Mean PSNR over the images of a batch, in dB (the figure the denoising papers report)."""
    return float(psnr_per_image(clean, other).mean())


# Mode collapse on mixtures of Gaussians, by PacGAN's definitions (Lin et al., NeurIPS 2018,
# after VEEGAN): a generated sample is of high quality when it lies within HIGH_QUALITY_STDS
# standard deviations of its nearest mode's centre; a mode is recovered when at least one
# high-quality sample lands on it; the reverse KL is KL(h ‖ uniform) of the histogram h of the
# high-quality samples over the modes (0 when they spread evenly, log K when all sit on one).
HIGH_QUALITY_STDS = 3.0
MODE_SAMPLES = 2_500  # the benchmarks' sample count


@dataclass(frozen=True)
class ModeScore:
    modes: int  # recovered, of len(counts)
    high_quality: float  # fraction of the samples
    reverse_kl: float  # nats; nan when no sample is of high quality
    counts: np.ndarray  # high-quality samples per mode


def mode_score(samples: np.ndarray, centres: np.ndarray, std: np.ndarray) -> ModeScore:
    """PacGAN's three figures for `samples` (n, d) against the modes (centres (K, d), std (K,))."""
    scaled = np.sqrt((((samples[:, None, :] - centres[None]) / std[None, :, None]) ** 2).sum(axis=-1))
    nearest = scaled.argmin(axis=1)
    good = scaled[np.arange(len(samples)), nearest] < HIGH_QUALITY_STDS
    counts = np.bincount(nearest[good], minlength=len(centres))
    return ModeScore(int((counts > 0).sum()), float(good.mean()) if len(samples) else 0.0,
                     reverse_kl(counts), counts)


def reverse_kl(counts: np.ndarray) -> float:
    if counts.sum() == 0:
        return float("nan")
    p = counts[counts > 0] / counts.sum()
    return float((p * np.log(p * len(counts))).sum())


# GAN Lab's view of the whole plane (Kahng et al., IEEE VIS 2018): the real and the generated
# densities as histograms on a GRID_CELLS × GRID_CELLS grid over the view, compared by KL and
# Jensen–Shannon divergence in bits, with GAN Lab's smoothing ε added to every cell. Unlike
# GAN Lab's code, both histograms are normalised over every sample: a cell beyond the grid
# collects the samples that fall outside the view, so escaping the picture costs too.
GRID_CELLS = 30
GRID_EPSILON = 1e-4


@dataclass(frozen=True)
class GridDivergence:
    kl: float  # KL(real ‖ generated), bits
    js: float  # JS(real, generated), bits; at most 1 (without the smoothing)


def grid_histogram(samples: np.ndarray, limits: tuple) -> np.ndarray:
    """Fractions of the samples per cell (rows: y, columns: x), plus one last entry for outside."""
    (x0, x1), (y0, y1) = limits
    counts, _, _ = np.histogram2d(samples[:, 1], samples[:, 0], bins=GRID_CELLS, range=[[y0, y1], [x0, x1]])
    inside = counts.ravel()
    return np.append(inside, len(samples) - inside.sum()) / max(len(samples), 1)


def grid_divergence(real: np.ndarray, generated: np.ndarray) -> GridDivergence:
    """KL and JS between two grid histograms (as grid_histogram gives them), in bits."""
    p, q = real + GRID_EPSILON, generated + GRID_EPSILON
    m = 0.5 * (real + generated) + GRID_EPSILON
    return GridDivergence(float((p * np.log2(p / q)).sum()),
                          float(0.5 * (p * np.log2(p / m)).sum() + 0.5 * (q * np.log2(q / m)).sum()))


# --- generated digits, judged by the bundled digit classifier ---------------------------------

def classifier_score(probabilities: np.ndarray, splits: int = 10) -> tuple[float, float]:
    """The inception score (Salimans et al. 2016) with a digit classifier as the judge: over each of
    `splits` equal parts of the samples, exp(E_x KL(p(y|x) ‖ p(y))), p(y) the part's mean
    prediction; returns the mean and the standard deviation over the parts.

    Sure and varied samples score up to the number of classes (10: every sample one confident
    digit, all digits equally often); one digit drawn every time, or unsure predictions, score 1.
    """
    p = np.asarray(probabilities, np.float64)
    if p.ndim != 2 or len(p) < splits:
        raise ValueError(f"need a (samples, classes) array with at least {splits} rows, got {p.shape}")
    scores = []
    for part in np.array_split(p, splits):
        marginal = part.mean(axis=0)
        with np.errstate(divide="ignore", invalid="ignore"):  # 0 · log 0 = 0
            terms = np.where(part > 0, part * (np.log(part) - np.log(marginal)), 0.0)
        scores.append(np.exp(terms.sum(axis=1).mean()))
    return float(np.mean(scores)), float(np.std(scores))


def frechet_distance(features: np.ndarray, reference: np.ndarray) -> float:
    """The Fréchet distance (FID, Heusel et al. 2017) between Gaussians fitted to two feature sets:
        ‖μ₁ − μ₂‖² + Tr(Σ₁ + Σ₂ − 2 (Σ₁ Σ₂)^½)
    Tr (Σ₁ Σ₂)^½ is the sum of the square roots of the eigenvalues of Σ₁^½ Σ₂ Σ₁^½, which is
    symmetric: computed with eigh, no complex matrix square root and its round-off."""
    a, b = np.asarray(features, np.float64), np.asarray(reference, np.float64)
    if a.ndim != 2 or a.shape[1:] != b.shape[1:] or min(len(a), len(b)) < 2:
        raise ValueError(f"need two (samples ≥ 2, features) arrays of equal width, got {a.shape} and {b.shape}")
    sigma_a, sigma_b = np.atleast_2d(np.cov(a, rowvar=False)), np.atleast_2d(np.cov(b, rowvar=False))
    values, vectors = np.linalg.eigh(sigma_a)
    root_a = (vectors * np.sqrt(np.clip(values, 0, None))) @ vectors.T
    cross = np.linalg.eigvalsh(root_a @ sigma_b @ root_a)
    trace_root = np.sqrt(np.clip(cross, 0, None)).sum()
    difference = a.mean(axis=0) - b.mean(axis=0)
    return float(difference @ difference + np.trace(sigma_a) + np.trace(sigma_b) - 2 * trace_root)


def sharpness(images: np.ndarray) -> np.ndarray:
    """The variance of the Laplacian per image (Pech-Pacheco et al. 2000): edges give large second
    differences, so a blurred image scores low. The 4-neighbour Laplacian on the interior pixels."""
    x = np.asarray(images, np.float64)
    laplacian = (x[:, :-2, 1:-1] + x[:, 2:, 1:-1] + x[:, 1:-1, :-2] + x[:, 1:-1, 2:] - 4.0 * x[:, 1:-1, 1:-1])
    return laplacian.reshape(len(x), -1).var(axis=1)
