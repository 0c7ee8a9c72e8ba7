"""The bundled digit GAN's training, kept as pictures and figures rather than weights, so a page can
scrub through it: the same grid of noise decoded after every epoch (digits appear out of noise),
and the quality figures of core.sample_quality per epoch.

Stored beside the weights as `<model>.history.npz` (uint8 images, float figures); its sha256 is in
the models' manifest with the weights' (`history_sha256`). Epoch 0 is the untrained generator.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from core import data, generative, metrics, sample_quality
from core.data import CLASSES

GRID = 64  # an 8 × 8 grid of fixed noise
GRID_SEED = 5
EPOCH_SAMPLES = 2_000  # samples scored per epoch (the final model is scored on 10,000)
FIGURES = ("classifier_score", "frechet_distance")


def file_name(model_name: str) -> str:
    return f"{model_name}.history.npz"


def grid_noise(noise_dim: int) -> np.ndarray:
    return np.random.default_rng(GRID_SEED).standard_normal((GRID, noise_dim)).astype(np.float32)


@dataclass(frozen=True, eq=False)
class History:
    grids: np.ndarray  # (epochs + 1, GRID, 28, 28) uint8
    figures: dict[str, np.ndarray]  # FIGURES, each (epochs + 1,)
    shares: np.ndarray  # (epochs + 1, CLASSES): the share of each digit among the epoch's samples

    @property
    def epochs(self) -> int:
        return len(self.grids) - 1

    def grid(self, epoch: int) -> np.ndarray:
        """The grid after `epoch` epochs as floats in [0, 1]."""
        return self.grids[epoch].astype(np.float32) / 255.0


class Recorder:
    """An on_epoch_end callback for core.training.fit that decodes the grid and scores the samples
    of each epoch; epoch 0 is recorded when it is made."""

    def __init__(self, generator, judge: sample_quality.Judge, noise_dim: int, seed: int = 0):
        self.generator, self.judge = generator, judge
        self.noise = grid_noise(noise_dim)
        self.samples = np.random.default_rng(seed).standard_normal((EPOCH_SAMPLES, noise_dim)).astype(np.float32)
        self.grids, self.figures, self.shares = [], {name: [] for name in FIGURES}, []
        self(None)

    def __call__(self, epoch) -> None:
        self.grids.append(np.round(generative.decode(self.generator, self.noise) * 255).astype(np.uint8))
        images = generative.decode(self.generator, self.samples)
        probabilities = generative.apply(self.judge.classifier, images)
        self.figures["classifier_score"].append(metrics.classifier_score(probabilities, sample_quality.SPLITS)[0])
        self.figures["frechet_distance"].append(
            metrics.frechet_distance(generative.apply(self.judge.features, images), self.judge.test_features))
        self.shares.append(np.bincount(probabilities.argmax(axis=1), minlength=CLASSES) / len(images))

    def history(self) -> History:
        return History(np.stack(self.grids), {name: np.asarray(values) for name, values in self.figures.items()},
                       np.stack(self.shares))


def save(history: History, path: Path) -> None:
    buffer = io.BytesIO()
    np.savez_compressed(buffer, grids=history.grids, shares=history.shares,
                        **{name: values for name, values in history.figures.items()})
    path.write_bytes(buffer.getvalue())


def load(path: Path, expected_sha256: str) -> History:
    """A checked history file (data.AssetError when it is missing or altered)."""
    verified = data.verified_file(path.name, expected_sha256, path.parent)
    with np.load(verified) as arrays:
        return History(arrays["grids"], {name: arrays[name] for name in FIGURES}, arrays["shares"])
