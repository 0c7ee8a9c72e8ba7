"""The GAN lab's 2-D data: PacGAN's ring and grid, two moons, a spiral, the user's own blobs or points.

Every data set is a mixture of isotropic Gaussians with equal weights, given by its centres and
their standard deviations. Drawing a sample picks a centre uniformly and adds its noise, so the
same few lines sample every data set, in NumPy here and inside the training graph
(core.models.gan). Curves (moons, spiral) are many centres along the curve; uploaded points are
centres with σ = 0 (each draw repeats one of them).

`has_modes` says whether PacGAN's mode metrics apply: a few well-separated Gaussians (the ring,
the grid, the user's blobs). The benchmarks' definitions (Lin et al., "PacGAN", NeurIPS 2018,
after VEEGAN): ring means (cos 2πk/8, sin 2πk/8), σ = 0.01; grid means {−4, −2, 0, 2, 4}², σ = 0.05.
The ring's angles are k·2π/8 for k = 0…7: `linspace(0, 2π, 8)` would repeat a mode.
"""

from __future__ import annotations

import csv
import io
import math
from dataclasses import dataclass

import numpy as np

NAMES = ("ring", "grid", "moons", "spiral", "blobs", "upload")
RING_STD, GRID_STD = 0.01, 0.05
MOONS_STD = 0.05  # scikit-learn's make_moons(noise=0.05), the value its examples use
SPIRAL_STD = 0.04
BLOB_STD = 0.05  # a clicked blob, in the units of the user's plane
BLOB_LIMIT = 2.0  # the user's plane is [−2, 2]²
MAX_BLOBS = 25
CURVE_POINTS = 1_000  # centres along a curve: denser than its noise, so it looks continuous

MAX_UPLOAD_BYTES = 1_000_000
MIN_UPLOAD_POINTS, MAX_UPLOAD_POINTS = 10, 20_000
UPLOAD_LIMIT = 1e4  # coordinates beyond this are almost certainly a wrong column, not data
UPLOAD_REASONS = ("empty", "too_large", "not_text", "columns", "not_numbers", "not_finite",
                  "too_few", "too_many", "too_far", "no_spread")


@dataclass(frozen=True, eq=False)
class Mixture:
    centres: np.ndarray  # (K, d) float32
    std: np.ndarray  # (K,) float32
    has_modes: bool
    limits: tuple[tuple[float, float], ...]  # the view's range per axis, the data with a margin

    @property
    def dimension(self) -> int:
        return self.centres.shape[1]


class UploadError(ValueError):
    """An uploaded file that is not a usable table of x, y points; `reason` is one of UPLOAD_REASONS."""

    def __init__(self, reason: str, **details):
        super().__init__(reason)
        self.reason, self.details = reason, details


def mixture(centres, std, has_modes: bool, limits=None) -> Mixture:
    centres = np.asarray(centres, dtype=np.float32).reshape(len(centres), -1)
    std = np.broadcast_to(np.asarray(std, dtype=np.float32), (len(centres),)).copy()
    return Mixture(centres, std, has_modes, limits or square_limits(centres, std))


def square_limits(centres: np.ndarray, std: np.ndarray, margin: float = 0.15) -> tuple:
    """One square view around the data (3σ beyond each centre, then `margin` of the side)."""
    low, high = (centres - 3 * std[:, None]).min(axis=0), (centres + 3 * std[:, None]).max(axis=0)
    middle, half = (low + high) / 2, max(float((high - low).max()) / 2, 1e-3) * (1 + margin)
    return tuple((float(m - half), float(m + half)) for m in middle)


def ring() -> Mixture:
    angles = np.arange(8) * 2 * np.pi / 8
    return mixture(np.stack([np.cos(angles), np.sin(angles)], axis=1), RING_STD, True)


def grid() -> Mixture:
    axis = np.arange(-4.0, 5.0, 2.0)
    return mixture(np.stack(np.meshgrid(axis, axis), axis=-1).reshape(-1, 2), GRID_STD, True)


def moons() -> Mixture:
    from sklearn.datasets import make_moons  # scikit-learn loads in about a second: only when asked

    centres, _ = make_moons(n_samples=CURVE_POINTS, noise=0.0, shuffle=False)
    return mixture(centres, MOONS_STD, False)


def spiral(turns: float = 1.5) -> Mixture:
    t = np.linspace(0.0, 1.0, CURVE_POINTS)
    angle, radius = 2 * np.pi * turns * t, 0.15 + t
    return mixture(np.stack([radius * np.cos(angle), radius * np.sin(angle)], axis=1), SPIRAL_STD, False)


def blobs(points) -> Mixture:
    """The user's clicked blobs on the plane [−2, 2]² (at most MAX_BLOBS; at least one)."""
    points = np.asarray(points, dtype=np.float32).reshape(-1, 2)[:MAX_BLOBS]
    if not len(points):
        raise ValueError("blobs need at least one point")
    limit = ((-BLOB_LIMIT, BLOB_LIMIT),) * 2
    return mixture(np.clip(points, -BLOB_LIMIT, BLOB_LIMIT), BLOB_STD, True, limit)


def from_csv(raw: bytes) -> Mixture:
    """Points from a CSV of two numeric columns (x, y), an optional header line; raises UploadError."""
    if not raw.strip():
        raise UploadError("empty")
    if len(raw) > MAX_UPLOAD_BYTES:
        raise UploadError("too_large", limit_kb=MAX_UPLOAD_BYTES // 1000)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise UploadError("not_text") from None
    rows = [row for row in csv.reader(io.StringIO(text)) if any(cell.strip() for cell in row)]
    if any(len(row) != 2 for row in rows):
        bad = next(row for row in rows if len(row) != 2)
        raise UploadError("columns", line=rows.index(bad) + 1, found=len(bad))
    points = _numbers(rows[1:] if rows and not _is_numeric(rows[0]) else rows)
    _check_points(points)
    return mixture(points, 0.0, False)


def _is_numeric(row: list[str]) -> bool:
    try:
        [float(cell) for cell in row]
    except ValueError:
        return False
    return True


def _numbers(rows: list[list[str]]) -> np.ndarray:
    for number, row in enumerate(rows, start=1):
        if not _is_numeric(row):
            raise UploadError("not_numbers", line=number, text=",".join(row)[:40])
    return np.array([[float(cell) for cell in row] for row in rows], dtype=np.float64).reshape(-1, 2)


def _check_points(points: np.ndarray) -> None:
    if not np.isfinite(points).all():
        raise UploadError("not_finite")
    if len(points) < MIN_UPLOAD_POINTS:
        raise UploadError("too_few", found=len(points), minimum=MIN_UPLOAD_POINTS)
    if len(points) > MAX_UPLOAD_POINTS:
        raise UploadError("too_many", found=len(points), maximum=MAX_UPLOAD_POINTS)
    if np.abs(points).max() > UPLOAD_LIMIT:
        raise UploadError("too_far", limit=f"{UPLOAD_LIMIT:g}")
    if points.std(axis=0).max() == 0:
        raise UploadError("no_spread")


def sample(data: Mixture, n: int, rng: np.random.Generator) -> np.ndarray:
    """n draws: a centre chosen uniformly, plus its Gaussian noise."""
    index = rng.integers(0, len(data.centres), size=n)
    noise = rng.standard_normal((n, data.dimension)).astype(np.float32)
    return data.centres[index] + data.std[index, None] * noise


def density_on_grid(data: Mixture, edges: tuple[np.ndarray, np.ndarray]) -> np.ndarray:
    """The mixture's probability mass in each cell of a 2-D grid (rows: y, columns: x), exact
    (products of normal CDF differences); a σ = 0 centre puts its mass into its cell."""
    (x_edges, y_edges), k = edges, len(data.centres)
    centres, std = data.centres.astype(np.float64), data.std.astype(np.float64)
    points = std == 0  # an uploaded point cloud: one histogram for all of them
    mass = np.histogram2d(centres[points, 1], centres[points, 0], bins=[y_edges, x_edges])[0] / k
    for centre, sigma in zip(centres[~points], std[~points], strict=True):
        mass += np.outer(_cell_mass(y_edges, centre[1], sigma), _cell_mass(x_edges, centre[0], sigma)) / k
    return mass


def _cell_mass(edges: np.ndarray, mean: float, std: float) -> np.ndarray:
    cdf = 0.5 * (1 + np.array([math.erf((edge - mean) / (std * math.sqrt(2))) for edge in edges]))
    return np.diff(cdf)


BUILDERS = {"ring": ring, "grid": grid, "moons": moons, "spiral": spiral}
