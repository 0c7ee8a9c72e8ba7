"""PCA against the autoencoder on the same images (lecture, chapter 2): error, paths, neighbours.

Reconstruction error against code size d, the comparison of Hinton & Salakhutdinov
("Reducing the dimensionality of data with neural networks", Science 313, 2006, Fig. 2):
    PCA          x̂ = μ + W_dᵀ W_d (x − μ)
    autoencoder  x̂ = g_θ(f_φ(x))
    MSE_d = 1/(n·784) Σ_i ‖x_i − x̂_i‖²        ratio_d = MSE_AE / MSE_PCA  (< 1: the AE fits better)

Interpolation between two images a and b, t ∈ [0, 1]:
    pixel space   x(t) = (1 − t) a + t b
    PCA space     x(t) = μ + W_dᵀ((1 − t) z_a + t z_b) = (1 − t) x̂_a + t x̂_b   (decode is affine)
    code space    x(t) = g_θ((1 − t) f_φ(a) + t f_φ(b))
How far a path leaves the data, two rulers:
    δ(x) = min_j ‖x − x_j‖      Euclidean distance to the nearest training image (no model; but it
                                is itself a pixel distance, so it sees a faint blend of two digits
                                as fairly close to some training digit)
    ε(x) = MSE(x, r(x))         how much a trained autoencoder r = g∘f changes the image: points on
                                its learned manifold come back almost unchanged, points off it are
                                pulled towards it (the view of chapter 3's denoising autoencoder,
                                Vincent et al., ICML 2008); biased towards images that r itself made
Neighbours of an image are its nearest images by pixel distance or by code distance ‖f(x) − f(x')‖.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

import numpy as np

from core import generative, manifold, metrics

PATHS = ("pixel", "pca", "autoencoder")


@dataclass(frozen=True)
class CodeSizeErrors:
    """Test MSE per pixel of PCA and of the autoencoder, one entry per code size."""

    code_sizes: tuple[int, ...]
    pca_mse: np.ndarray
    autoencoder_mse: np.ndarray

    @property
    def ratio(self) -> np.ndarray:
        return self.autoencoder_mse / self.pca_mse

    def at(self, code_size: int) -> tuple[float, float, float]:
        """(PCA MSE, autoencoder MSE, ratio) for one code size."""
        if code_size not in self.code_sizes:
            raise ValueError(f"code size {code_size} is not one of {self.code_sizes}")
        index = self.code_sizes.index(code_size)
        return float(self.pca_mse[index]), float(self.autoencoder_mse[index]), float(self.ratio[index])


def code_size_errors(images: np.ndarray, basis: manifold.PCABasis,
                     autoencoders: Mapping[int, Callable]) -> CodeSizeErrors:
    """Both methods on the same images; `autoencoders` maps a code size to a model x ↦ x̂.

    The autoencoder figure is computed exactly as the manifest's test_mse (core.pretrained.evaluate).
    """
    if not autoencoders:
        raise ValueError("give at least one autoencoder")
    sizes = tuple(sorted(autoencoders))
    pca = [metrics.mse(images, basis.reconstruct(images, size)) for size in sizes]
    learned = [metrics.mse(images, generative.apply(autoencoders[size], images)) for size in sizes]
    return CodeSizeErrors(sizes, np.array(pca), np.array(learned))


def distance_to_nearest(images: np.ndarray, reference: np.ndarray, batch: int = 256) -> np.ndarray:
    """δ(x) = min_j ‖x − r_j‖ for each image, against every reference image."""
    return nearest_reference(images, reference, batch)[1]


def nearest_reference(images: np.ndarray, reference: np.ndarray, batch: int = 256) -> tuple[np.ndarray, np.ndarray]:
    """For each image, the index j of its nearest reference image and the distance ‖x − r_j‖.

    ‖x − r‖² = ‖x‖² − 2 x·r + ‖r‖² turns the search into one matrix product per batch, far
    faster than one broadcast difference per query (manifold.nearest, the test's oracle).
    """
    if len(reference) == 0:
        raise ValueError("the reference set is empty")
    queries = np.asarray(images, np.float32).reshape(len(images), -1)
    points = np.asarray(reference, np.float32).reshape(len(reference), -1)
    if queries.shape[1] != points.shape[1]:
        raise ValueError(f"image sizes differ: {queries.shape[1]} vs {points.shape[1]} values")
    point_norms = np.einsum("ij,ij->i", points, points)
    closest = []
    for first in range(0, len(queries), batch):
        chunk = queries[first:first + batch]
        squared = np.einsum("ij,ij->i", chunk, chunk)[:, None] - 2.0 * chunk @ points.T + point_norms[None, :]
        closest.append(squared.argmin(axis=1))
    # The expanded square loses digits in float32 (≈0.004 for an image in the set); the
    # distance to the winner is recomputed directly.
    closest = np.concatenate(closest)
    differences = queries.astype(np.float64) - points[closest]
    return closest, np.sqrt(np.einsum("ij,ij->i", differences, differences))


def interpolation_paths(start: np.ndarray, end: np.ndarray, steps: int, basis: manifold.PCABasis,
                        code_size: int, encoder: Callable, decoder: Callable) -> dict[str, np.ndarray]:
    """The three straight paths from `start` to `end` (28×28 images), each (steps, 28, 28).

    The autoencoder's two codes come from one encoder call and the whole path from one decoder call.
    """
    pair = np.stack([start, end]).astype(np.float32)
    pca_codes = basis.encode(pair, code_size)
    codes = np.asarray(encoder(pair, training=False))
    return {
        "pixel": manifold.interpolate(pair[0], pair[1], steps),
        "pca": basis.decode(manifold.interpolate(pca_codes[0], pca_codes[1], steps)),
        "autoencoder": np.asarray(decoder(manifold.interpolate(codes[0], codes[1], steps), training=False)),
    }


def reconstruction_change(images: np.ndarray, autoencoder: Callable) -> np.ndarray:
    """ε(x) = mean over pixels of (x − r(x))², per image, with r a trained autoencoder."""
    return metrics.mse_per_image(images, generative.apply(autoencoder, np.asarray(images, np.float32)))


@dataclass(frozen=True)
class Neighbours:
    indices: np.ndarray
    same_label: int  # how many of them share the query's label


def neighbours(query_index: int, features: np.ndarray, labels: np.ndarray, k: int) -> Neighbours:
    """The k nearest other items to item `query_index` (pixels or codes, one row per item)."""
    if not 0 <= query_index < len(features):
        raise ValueError(f"query_index must be in [0, {len(features) - 1}], got {query_index}")
    if not 1 <= k < len(features):
        raise ValueError(f"k must be in [1, {len(features) - 1}], got {k}")
    indices = manifold.nearest(features[query_index], features, k, exclude=query_index)
    return Neighbours(indices, int(np.sum(labels[indices] == labels[query_index])))


def random_pair(labels: np.ndarray, seed: int) -> tuple[int, int]:
    """Two indices whose labels differ, drawn from `seed` (a bookmark of the pair reproduces it)."""
    if len(np.unique(labels)) < 2:
        raise ValueError("need at least two different labels")
    rng = np.random.default_rng(seed)
    first = int(rng.integers(len(labels)))
    others = np.flatnonzero(labels != labels[first])
    return first, int(rng.choice(others))
