"""Pretrained autoencoders: how each was trained (its recipe), the manifest, and loading.

Every bundled model is trained from scratch by `python scripts/train_pretrained.py` on the
shared 8,000-image training split, seeded, and evaluated on the 2,000-image test split. The
weights are stored as `assets/models/<name>.weights.h5` in half precision (the model is rebuilt
in code and the values are cast back to float32 on load; the error this adds is about 1e-4 of a
pixel's mean squared error, and the metrics in the manifest are measured after that round trip).
`assets/models/manifest.json` records, per file: data set and split, architecture, sizes,
seed, epochs, training time, test metrics and sha256. A file whose checksum differs from the
manifest's is refused (`data.AssetError`).
"""

from __future__ import annotations

import json
import time
from dataclasses import asdict, dataclass
from pathlib import Path

import numpy as np

from core import data, metrics, noise

MODEL_DIR = Path(__file__).resolve().parent.parent / "assets" / "models"
MANIFEST_PATH = MODEL_DIR / "manifest.json"
CODE_SIZES = (2, 5, 10, 30)
# The denoising figures of the manifest: Gaussian σ = 0.4, inputs clipped to [0, 1], one fixed draw.
EVAL_NOISE = ("gaussian", 0.4)
EVAL_NOISE_SEED = 7
# Mean binary cross-entropy per pixel above which a run counts as diverged: predicting 0.5 for
# every pixel already scores ln 2 ≈ 0.69; a too-large learning rate kills the ReLUs and the loss
# jumps to about 2.1 (measured with Adam at 0.1 and 1.0).
DIVERGED_LOSS = 1.0


class ManifestError(RuntimeError):
    """The manifest is missing or cannot be read."""


@dataclass(frozen=True)
class Recipe:
    """Everything that decides a pretrained model: rerunning a recipe gives the same weights."""

    name: str
    dataset: str
    code_size: int
    architecture: str = "mlp"
    hidden: tuple[int, ...] = (256, 128, 64)
    noise: str | None = None  # corruption while training: a denoising autoencoder
    noise_level: float = 0.0
    loss: str = "binary_crossentropy"
    epochs: int = 60
    learning_rate: float = 2e-3  # Adam
    cosine_decay: bool = True  # the rate falls along a half cosine to 1 % of the above
    batch_size: int = 64
    seed: int = 2017

    @property
    def file_name(self) -> str:
        return f"{self.name}.weights.h5"




def autoencoder_name(dataset: str, code_size: int) -> str:
    return f"ae_{dataset}_d{code_size}"


def _hidden(code_size: int) -> tuple[int, ...]:
    # Measured on MNIST (docs/BENCHMARKS.md): a third, narrower layer lowers the test error of
    # the smallest code (d = 2: 0.0397 → 0.0364), is even at d = 10 (0.0162 vs 0.0164) and
    # hurts at d = 30 (0.0084 → 0.0120).
    return (256, 128, 64) if code_size <= 5 else (256, 128)


RECIPES = {recipe.name: recipe for recipe in [
    *(Recipe(autoencoder_name(dataset, size), dataset, size, hidden=_hidden(size))
      for dataset in data.DATASETS for size in CODE_SIZES),
    # Trained at the noise it is judged at, and longer: at σ = 0.5 and 60 epochs it scored 18.96 dB
    # at σ = 0.4, at σ = 0.4 and 100 epochs 19.46 dB (docs/BENCHMARKS.md).
    Recipe("dae_mnist_d30", "mnist", 30, hidden=_hidden(30), noise=EVAL_NOISE[0], noise_level=0.4, epochs=100),
]}


def build(recipe: Recipe):
    """(encoder, decoder, autoencoder) of the recipe's architecture, freshly initialised."""
    from core.models import autoencoder

    if recipe.architecture == "mlp":
        return autoencoder.build_mlp(recipe.code_size, recipe.hidden, seed=recipe.seed)
    return autoencoder.build(recipe.architecture, recipe.code_size, seed=recipe.seed)


def reconstruct(model, images: np.ndarray, batch: int = 1000) -> np.ndarray:
    """Call the model directly, batch by batch (model.predict costs ~0.2 s per call)."""
    return np.concatenate([np.asarray(model(images[i:i + batch], training=False))
                           for i in range(0, len(images), batch)])


def evaluate(autoencoder, split: data.Split) -> dict[str, float]:
    """Test metrics: MSE per pixel on clean images; PSNR of noisy inputs and of their reconstructions."""
    kind, level = EVAL_NOISE
    noisy = noise.corrupt(split.x_test, kind, level, seed=EVAL_NOISE_SEED)
    return {"test_mse": metrics.mse(split.x_test, reconstruct(autoencoder, split.x_test)),
            "noisy_input_psnr": metrics.psnr(split.x_test, noisy),
            "denoised_psnr": metrics.psnr(split.x_test, reconstruct(autoencoder, noisy))}


def train(recipe: Recipe, split: data.Split, on_epoch_end=None, models=None):
    """Train a recipe from scratch: ((encoder, decoder, autoencoder), outcome, seconds).

    `models` may be a fresh `build(recipe)` made by the caller, who then holds the model while it
    trains (a page keeps it in the session, so a run stopped midway keeps its finished epochs).
    The test loss of every epoch is measured on the test split, corrupted like the training
    inputs for a denoising recipe (one fixed draw), so the two curves compare like with like.
    """
    from core import training
    from core.models import autoencoder as ae

    models = models or build(recipe)
    model, test_inputs = models[2], split.x_test
    if recipe.noise:
        model = ae.denoising_trainer(model, recipe.noise, recipe.noise_level, seed=recipe.seed)
        test_inputs = noise.corrupt(split.x_test, recipe.noise, recipe.noise_level, seed=EVAL_NOISE_SEED)
    started = time.perf_counter()
    outcome = training.fit(model, split.x_train, split.x_train, loss=recipe.loss, epochs=recipe.epochs,
                           learning_rate=recipe.learning_rate, batch_size=recipe.batch_size,
                           test=(test_inputs, split.x_test), seed=recipe.seed,
                           cosine_decay=recipe.cosine_decay, diverge_above=DIVERGED_LOSS,
                           on_epoch_end=on_epoch_end)
    return models, outcome, time.perf_counter() - started


def save_half_precision(model, path: Path) -> None:
    """`model.save_weights(path)`, then the same file with float16 arrays (half the size) and
    without the optimizer's state (two more copies of the weights for Adam; a bundled model is
    never trained further).

    Keras casts stored values to each variable's dtype on load, so the file loads into the
    float32 model unchanged.
    """
    import h5py

    full = path.with_name(path.name.replace(".weights.h5", ".float32.weights.h5"))
    model.save_weights(full)

    def copy(source, target):
        target.attrs.update(source.attrs)
        for name, item in source.items():
            if item.name == "/optimizer":
                continue
            if isinstance(item, h5py.Group):
                copy(item, target.create_group(name))
            else:
                values = item[()]
                if values.dtype == np.float32:
                    values = values.astype(np.float16)
                target.create_dataset(name, data=values).attrs.update(item.attrs)

    with h5py.File(full, "r") as source, h5py.File(path, "w") as target:
        copy(source, target)
    full.unlink()


def read_manifest(path: Path = MANIFEST_PATH) -> dict:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise ManifestError(f"{path.name}: {error}") from error


def manifest_entry(recipe: Recipe, split_name: str, outcome, seconds: float, scores: dict) -> dict:
    recipe_fields = {k: v for k, v in asdict(recipe).items() if k != "name"}
    return {"file": recipe.file_name, "sha256": data.sha256_of(MODEL_DIR / recipe.file_name),
            "split": {"dataset_file": data.DATASETS[split_name][0], "dataset_sha256": data.DATASETS[split_name][1],
                      "seed": data.SPLIT_SEED, "train": 10_000 - data.TEST_SIZE, "test": data.TEST_SIZE},
            **recipe_fields, "hidden": list(recipe.hidden),
            "train_seconds": round(seconds, 1), "metrics": {k: round(v, 6) for k, v in scores.items()},
            # per epoch: training loss, test loss (pages draw a live run against it)
            "history": [[round(e.loss, 5), round(e.test_loss, 5)] for e in outcome.epochs]}


@dataclass(frozen=True)
class Pretrained:
    recipe: Recipe
    encoder: object
    decoder: object
    autoencoder: object
    metrics: dict


def load(name: str, model_dir: Path = MODEL_DIR) -> Pretrained:
    """Rebuild a pretrained model in code and load its checked weights."""
    recipe = RECIPES[name]
    entry = read_manifest(model_dir / MANIFEST_PATH.name).get("models", {}).get(name)
    if entry is None:
        raise ManifestError(f"{name} is not in {MANIFEST_PATH.name}")
    path = model_dir / recipe.file_name
    if not path.is_file():
        raise data.AssetError(path, entry["sha256"])
    actual = data.sha256_of(path)
    if actual != entry["sha256"]:
        raise data.AssetError(path, entry["sha256"], actual)
    encoder, decoder, autoencoder = build(recipe)
    autoencoder.load_weights(path)
    return Pretrained(recipe, encoder, decoder, autoencoder, entry["metrics"])
