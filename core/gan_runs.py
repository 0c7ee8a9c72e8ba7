"""Bundled GAN-lab runs, so a lecture never waits: for the ring, the grid and the moons, a plain GAN
that loses modes and the same GAN with PacGAN's packing, recorded along training.

A pair shares everything (networks, losses, learning rates, batch, seed, iterations); only the
packing differs, so the difference between the two trajectories is the remedy's. Each run is
stored as a compact trajectory (assets/gan/<name>.npz): at SNAPSHOTS + 1 evenly spaced iterations,
what the lab's picture shows (samples, D's field, the generator's mesh, the pushes) and the figures
of the charts (measured on all 2,500 samples); at every WEIGHTS_EVERY-th snapshot also the weights
of G and D in float16, from which "continue training" starts a live lab (with fresh optimizer
state). Weights at every snapshot would take about five times the space (assets/README.md). The manifest
(assets/gan/manifest.json) records every setting, the final figures, the training time and each
file's sha256; `scripts/train_gan_runs.py` makes them and `--check` retrains and compares.
"""

from __future__ import annotations

import io
import json
import time
from dataclasses import asdict, dataclass
from pathlib import Path

import numpy as np

from core import data, gan_lab, metrics, toy_data

ASSET_DIR = Path(__file__).resolve().parent.parent / "assets" / "gan"
MANIFEST = "manifest.json"
SNAPSHOTS = 30  # a multiple of WEIGHTS_EVERY, so the last snapshot keeps its weights
SHOWN_SAMPLES = 500  # samples stored per snapshot for the picture (the figures use all 2,500)
SHOWN_PUSHES = 120
WEIGHTS_EVERY = 5  # snapshots 0, 5, 10, … keep G's and D's weights
FIGURES = ("discriminator_loss", "generator_loss", "kl", "js", "modes", "high_quality", "reverse_kl")


class ManifestError(RuntimeError):
    """The runs' manifest is missing, unreadable, or records other settings than RUNS."""


@dataclass(frozen=True)
class BundledRun:
    data: str  # a toy_data builder
    settings: gan_lab.Settings
    iterations: int

    @property
    def snapshot_iterations(self) -> np.ndarray:
        return np.linspace(0, self.iterations, SNAPSHOTS + 1).round().astype(np.int64)


def _pair(data_name: str, packing: int, iterations: int, **settings) -> dict[str, BundledRun]:
    plain = gan_lab.Settings(**settings, packing=1)
    return {f"{data_name}_plain": BundledRun(data_name, plain, iterations),
            f"{data_name}_packed": BundledRun(data_name, gan_lab.Settings(**settings, packing=packing), iterations)}


# Chosen by a search over the lab's settings (docs/BENCHMARKS.md, "Chapter 5"): each pair meets
# PacGAN's bars with packing over seeds 0–4, and its seed shows the plain GAN losing modes.
SMALL = dict(noise="gaussian", generator_depth=3, generator_width=64, discriminator_depth=2, discriminator_width=64,
             batch=100)
RUNS: dict[str, BundledRun] = {
    **_pair("ring", 2, 20_000, seed=2, generator_learning_rate=5e-4, discriminator_learning_rate=5e-4, **SMALL),
    # The grid's 25 modes need deeper networks, least squares and longer training.
    **_pair("grid", 2, 50_000, seed=2, loss="least_squares", generator_learning_rate=1e-3,
            discriminator_learning_rate=1e-3, **{**SMALL, "generator_depth": 4, "discriminator_depth": 3}),
    # At 10,000 iterations the plain GAN leaves one moon half empty; it recovers later (20,000).
    **_pair("moons", 2, 10_000, seed=0, generator_learning_rate=1e-3, discriminator_learning_rate=1e-3, **SMALL),
}
DATA_SETS = tuple(dict.fromkeys(run.data for run in RUNS.values()))


@dataclass(frozen=True, eq=False)
class Trajectory:
    name: str
    run: BundledRun
    arrays: dict[str, np.ndarray]

    @property
    def iterations(self) -> np.ndarray:
        return self.arrays["iterations"]

    def figures(self) -> list[dict]:
        """One row per snapshot, as gan_lab.View.figures gives them."""
        keys = [key for key in FIGURES if key in self.arrays]
        return [{"iteration": int(it), **{key: float(self.arrays[key][i]) for key in keys}}
                for i, it in enumerate(self.iterations)]

    def view(self, index: int) -> gan_lab.View:
        a = self.arrays
        modes = None
        if "modes" in a:  # the counts per mode are not stored
            modes = metrics.ModeScore(int(a["modes"][index]), float(a["high_quality"][index]),
                                      float(a["reverse_kl"][index]), np.zeros(0, np.int64))
        return gan_lab.View(int(a["iterations"][index]), a["samples"][index].astype(np.float32),
                            a["field"][index].astype(np.float32), a["mesh"][index].astype(np.float32),
                            a["push"][index].astype(np.float32), float(a["discriminator_loss"][index]),
                            float(a["generator_loss"][index]), modes,
                            metrics.GridDivergence(float(a["kl"][index]), float(a["js"][index])))

    @staticmethod
    def checkpoint(index: int) -> int:
        """The latest snapshot at or before `index` whose weights are stored."""
        return index - index % WEIGHTS_EVERY

    def weights(self, index: int) -> list[np.ndarray]:
        """G's and D's weights at snapshot `index`, which must be a checkpoint."""
        if index % WEIGHTS_EVERY:
            raise ValueError(f"snapshot {index} has no stored weights; use checkpoint({index})")
        count = sum(1 for key in self.arrays if key.startswith("weight_"))
        return [self.arrays[f"weight_{k}"][index // WEIGHTS_EVERY].astype(np.float32) for k in range(count)]


def record(run: BundledRun, on_snapshot=None) -> tuple[dict[str, np.ndarray], float]:
    """Train `run` from its seed and record its trajectory; returns the arrays and the seconds of training."""
    lab = gan_lab.Lab(run.settings, toy_data.BUILDERS[run.data]())
    rows, seconds = [], 0.0
    for target in run.snapshot_iterations:
        started = time.perf_counter()
        if target > lab.iteration:
            lab.train(int(target) - lab.iteration)
        seconds += time.perf_counter() - started
        rows.append((lab.view(), lab.weights()))
        if on_snapshot:
            on_snapshot(lab.iteration)
    return _arrays(rows), seconds


def _arrays(rows: list) -> dict[str, np.ndarray]:
    views = [view for view, _ in rows]
    arrays = {
        "iterations": np.array([v.iteration for v in views], np.int64),
        "samples": np.stack([v.samples[:SHOWN_SAMPLES] for v in views]).astype(np.float16),
        "push": np.stack([v.push[:SHOWN_PUSHES] for v in views]).astype(np.float16),
        "field": np.stack([v.field for v in views]).astype(np.float16),
        "mesh": np.stack([v.mesh for v in views]).astype(np.float16),
    }
    for key in FIGURES:
        values = [v.figures().get(key) for v in views]
        if all(value is not None for value in values):
            arrays[key] = np.array(values, np.float32)
    kept = rows[::WEIGHTS_EVERY]
    for k in range(len(rows[0][1])):
        arrays[f"weight_{k}"] = np.stack([weights[k] for _, weights in kept]).astype(np.float16)
    return arrays


def to_bytes(arrays: dict[str, np.ndarray]) -> bytes:
    """The npz file's bytes, the same for the same arrays (no timestamps inside)."""
    buffer = io.BytesIO()
    np.savez_compressed(buffer, **arrays)
    return buffer.getvalue()


def manifest_entry(name: str, arrays: dict[str, np.ndarray], seconds: float, digest: str) -> dict:
    run = RUNS[name]
    final = {key: float(arrays[key][-1]) for key in FIGURES if key in arrays}
    return {"file": f"{name}.npz", "sha256": digest, "data": run.data, "iterations": run.iterations,
            "snapshots": SNAPSHOTS, "settings": asdict(run.settings), "train_seconds": round(seconds, 1),
            "final": final}


def read_manifest(asset_dir: Path | None = None) -> dict:
    try:
        return json.loads(((asset_dir or ASSET_DIR) / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise ManifestError(f"{MANIFEST}: {error}") from error


def load(name: str, asset_dir: Path | None = None) -> Trajectory:
    """A bundled trajectory, checked against the manifest's sha256 and settings."""
    asset_dir = asset_dir or ASSET_DIR
    entry = read_manifest(asset_dir).get("runs", {}).get(name)
    if entry is None or entry.get("settings") != asdict(RUNS[name].settings) or entry.get("iterations") != RUNS[name].iterations:
        raise ManifestError(f"{MANIFEST} does not record {name} with the settings of RUNS")
    path = data.verified_file(entry["file"], entry["sha256"], asset_dir)
    with np.load(path) as file:
        return Trajectory(name, RUNS[name], {key: file[key] for key in file.files})
