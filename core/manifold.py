"""Manifold learning (lecture, chapter 2): linear and nonlinear maps of images to a few numbers.

PCA is the linear baseline: with the top-d principal directions W_d (rows, orthonormal) and the
training mean μ,
    encode  z = W_d (x − μ)          decode  x̂ = μ + W_dᵀ z
and no other linear map to d numbers and back has a smaller squared error (Eckart–Young).
An undercomplete autoencoder replaces both maps by networks and can follow a curved manifold;
t-SNE (van der Maaten & Hinton, 2008) and Isomap (Tenenbaum et al., 2000) only embed the given
points for a picture and have no decoder.

Interpolation shows the difference: the pixel-space midpoint of two digits is two faint digits
on top of each other, and a PCA midpoint is the same cross-fade of their reconstructions (decode
is linear), while the decoded midpoint of two autoencoder codes is one image near the data.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

MAX_COMPONENTS = 50


@dataclass(frozen=True)
class PCABasis:
    """Training mean and principal directions (rows), largest variance first."""

    mean: np.ndarray
    components: np.ndarray

    def encode(self, images: np.ndarray, d: int) -> np.ndarray:
        flat = images.reshape(len(images), -1) - self.mean
        return flat @ self.components[:d].T

    def decode(self, codes: np.ndarray) -> np.ndarray:
        d = codes.shape[1]
        flat = self.mean + codes @ self.components[:d]
        return np.clip(flat, 0.0, 1.0).reshape(len(codes), 28, 28).astype(np.float32)

    def reconstruct(self, images: np.ndarray, d: int) -> np.ndarray:
        return self.decode(self.encode(images, d))


def fit_pca(train_images: np.ndarray, components: int = MAX_COMPONENTS) -> PCABasis:
    """One fit gives every d ≤ components: the top-d directions are a prefix of the top-50."""
    from sklearn.decomposition import PCA

    flat = train_images.reshape(len(train_images), -1).astype(np.float64)
    # The eigendecomposition of the 784×784 covariance: the same directions as a full SVD of the
    # 8,000×784 data, in about 1.7 s instead of 15 s here.
    pca = PCA(n_components=components, svd_solver="covariance_eigh").fit(flat)
    return PCABasis(pca.mean_, pca.components_)


def embed_tsne(images: np.ndarray, seed: int = 0) -> np.ndarray:
    """2-D t-SNE of the images (after PCA to 50 dimensions, the usual speed-up)."""
    from sklearn.manifold import TSNE

    reduced = fit_pca(images).encode(images, MAX_COMPONENTS)
    # 500 iterations instead of the default 1,000: on 1,000 digits the map has settled by then, and
    # the later iterations (the slow ones, with the points spread out) tripled the time here.
    return TSNE(n_components=2, perplexity=30, init="pca", max_iter=500, random_state=seed).fit_transform(reduced)


def embed_isomap(images: np.ndarray, neighbours: int = 10) -> np.ndarray:
    """2-D Isomap: geodesic distances along a 10-nearest-neighbour graph, then classical MDS."""
    from sklearn.manifold import Isomap

    reduced = fit_pca(images).encode(images, MAX_COMPONENTS)
    return Isomap(n_neighbors=neighbours, n_components=2).fit_transform(reduced)


def blend_weights(steps: int) -> np.ndarray:
    """t = 0, …, 1 in `steps` equal steps (both ends included)."""
    if steps < 2:
        raise ValueError(f"steps must be at least 2, got {steps}")
    return np.linspace(0.0, 1.0, steps)


def interpolate(start: np.ndarray, end: np.ndarray, steps: int) -> np.ndarray:
    """Points on the straight line from `start` to `end` (any shape), stacked: (steps, *shape)."""
    t = blend_weights(steps).reshape(-1, *([1] * np.ndim(start)))
    return ((1 - t) * start + t * end).astype(np.float32)


def slerp(start: np.ndarray, end: np.ndarray, steps: int) -> np.ndarray:
    """Points on the arc from `start` to `end` (spherical interpolation, Shoemake 1985; for GAN noise,
    White 2016): sin((1 − t)Ω)/sin Ω · start + sin(tΩ)/sin Ω · end, Ω the angle between the two.
    Two Gaussian draws in d dimensions both have a norm near √d, but the straight line between them
    dips towards the origin, where the prior almost never draws; the arc keeps the norm in between.
    Parallel ends have no arc: the straight line."""
    a, b = np.asarray(start, np.float64), np.asarray(end, np.float64)
    cosine = float(np.sum(a * b) / (np.linalg.norm(a) * np.linalg.norm(b) or 1.0))
    omega = np.arccos(np.clip(cosine, -1.0, 1.0))
    if np.sin(omega) < 1e-6:
        return interpolate(start, end, steps)
    t = blend_weights(steps).reshape(-1, *([1] * np.ndim(start)))
    return ((np.sin((1 - t) * omega) * a + np.sin(t * omega) * b) / np.sin(omega)).astype(np.float32)


def nearest(query: np.ndarray, candidates: np.ndarray, k: int, exclude: int | None = None) -> np.ndarray:
    """Indices of the k candidates closest to `query` in Euclidean distance (closest first)."""
    flat = candidates.reshape(len(candidates), -1)
    distances = np.sum((flat - query.reshape(1, -1)) ** 2, axis=1)
    if exclude is not None:
        distances[exclude] = np.inf
    order = np.argsort(distances, kind="stable")
    return order[:k]
