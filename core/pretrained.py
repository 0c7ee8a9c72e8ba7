"""Pretrained models: how each was trained (its recipe), the manifest, and loading.

Every bundled model is trained from scratch by `python scripts/train_pretrained.py` on the
shared 8,000-image training split, seeded, and evaluated on the 2,000-image test split. The
weights are stored as `assets/models/<name>.weights.h5` in half precision (the model is rebuilt
in code and the values are cast back to float32 on load; the error this adds is about 1e-4 of a
pixel's mean squared error, and the metrics in the manifest are measured after that round trip).
`assets/models/manifest.json` records, per file: data set and split, architecture, sizes,
seed, epochs, training time, test metrics and sha256. A file whose checksum differs from the
manifest's is refused (`data.AssetError`).

A recipe's family (core/models/__init__.py) says what is trained and how it is judged; each family
is one module in core/models, and this module dispatches to it in one line per operation:
    ae          autoencoder (chapters 2–3), binary cross-entropy per pixel; test MSE and PSNR
    vae, cvae   (conditional) variational autoencoder, −ELBO with a β-weighted KL; test −ELBO
                and its two terms in nats per image; a CVAE also how often the digit classifier
                recognises its samples as the label they were drawn for
    aae         adversarial autoencoder with a prior; test reconstruction in nats per image and
                the energy distance between test codes and prior samples
    classifier  the digit classifier that judges generated digits; test accuracy
    gan, cgan   (conditional) DCGAN on the digits; the figures of core.sample_quality for 10,000
                samples, and for a cGAN how often its samples read as their label
The settings they are judged with are in core/evaluation.py.
"""

from __future__ import annotations

import json
import re
import time
from dataclasses import asdict, dataclass
from pathlib import Path

import numpy as np

from core import data, evaluation, priors
from core.models import Parts, module

MODEL_DIR = Path(__file__).resolve().parent.parent / "assets" / "models"
MANIFEST_PATH = MODEL_DIR / "manifest.json"
CODE_SIZES = (2, 5, 10, 30)
BETAS = (0.0, 0.5, 1.0, 2.0, 4.0)
GAN_NAME, CGAN_NAME = "gan_mnist", "cgan_mnist"
GAN_EPOCHS = 60


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
    family: str = "ae"  # a key of core.models.FAMILIES
    beta: float = 1.0  # vae, cvae: the weight of the KL term
    prior: str = "normal"  # aae: the distribution its codes are made to match (core.priors)
    discriminator_hidden: tuple[int, ...] = (256, 256)  # aae: D's hidden layers; gan: D's two conv widths
    discriminator_learning_rate: float | None = None  # gan: D's Adam rate (None: learning_rate, which is G's)
    discriminator_steps: int = 1  # gan: D steps per G step
    label_smoothing: float = 0.0  # gan: D is asked for 1 − this on real images

    @property
    def file_name(self) -> str:
        return f"{self.name}.weights.h5"


def autoencoder_name(dataset: str, code_size: int) -> str:
    return f"ae_{dataset}_d{code_size}"


def vae_name(code_size: int) -> str:
    return f"vae_mnist_d{code_size}"


def beta_name(beta: float) -> str:
    return f"vae_mnist_d2_beta{beta:g}"


def aae_name(prior: str) -> str:
    return f"aae_mnist_{prior}"


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
    Recipe("dae_mnist_d30", "mnist", 30, hidden=_hidden(30), noise=evaluation.EVAL_NOISE[0], noise_level=0.4,
           epochs=100),
    # Chapter 4. The classifier comes first: evaluating the CVAE loads it.
    Recipe(evaluation.CLASSIFIER, "mnist", 10, family="classifier", hidden=(128,), epochs=30, learning_rate=1e-3),
    # Test −ELBO after 60 epochs (docs/BENCHMARKS.md): d = 2 with (512, 256) 150.0, with (512, 256, 128)
    # 145.4; d = 20 with (512, 256) 105.2, with (512, 256, 128) 108.6.
    Recipe(vae_name(2), "mnist", 2, family="vae", hidden=(512, 256, 128), learning_rate=1e-3),
    Recipe(vae_name(20), "mnist", 20, family="vae", hidden=(512, 256), learning_rate=1e-3),
    # The β series is narrower than the two models above (the asset budget), one architecture for all
    # five; at β = 1, (256, 128, 64) scored 148.7 and (256, 128) 153.4.
    *(Recipe(beta_name(beta), "mnist", 2, family="vae", beta=beta, hidden=(256, 128, 64), learning_rate=1e-3)
      for beta in BETAS),
    Recipe("cvae_mnist_d2", "mnist", 2, family="cvae", hidden=(256, 128), learning_rate=1e-3),
    *(Recipe(aae_name(prior), "mnist", 2, family="aae", prior=prior, hidden=(256, 128), learning_rate=1e-3)
      for prior in priors.PRIORS),
    # Chapter 5. 64 noise dimensions, G (64, 32) and D (32, 64) channels; G learns 5× faster than D
    # (the two-timescale rule; measured in docs/BENCHMARKS.md).
    *(Recipe(name, "mnist", 64, family=family, hidden=(64, 32), discriminator_hidden=(32, 64), loss="non_saturating",
             epochs=GAN_EPOCHS, learning_rate=1e-3, discriminator_learning_rate=2e-4)
      for name, family in ((GAN_NAME, "gan"), (CGAN_NAME, "cgan"))),
]}


# The "Train your own GAN" page's model: the bundled GAN's recipe with half its channels and about twice
# its batch, so an epoch over the 8,000 images takes about 2.5 s here instead of 3–5 s (docs/BENCHMARKS.md);
# 125 divides both splits, so no epoch ends on a smaller batch. The page sets the loss, learning rates,
# D steps, label smoothing and epochs.
LIVE_GAN = Recipe("live_gan", "mnist", 64, family="gan", hidden=(32, 16), discriminator_hidden=(16, 32),
                  loss="non_saturating", epochs=5, learning_rate=1e-3, discriminator_learning_rate=2e-4,
                  cosine_decay=False, batch_size=125, seed=2017)


def build(recipe: Recipe) -> Parts:
    """The recipe's model and its named parts, freshly initialised from its seeds."""
    return module(recipe.family).build_parts(recipe)


def evaluate(recipe: Recipe, parts: Parts, split: data.Split) -> dict[str, float]:
    """The test metrics of the recipe's family (see the module docstring), on the test split."""
    return module(recipe.family).evaluate(recipe, parts, split)


def train(recipe: Recipe, split: data.Split, on_epoch_end=None, parts: Parts | None = None):
    """Train a recipe from scratch: (parts, outcome, seconds).

    `parts` may be a fresh `build(recipe)` made by the caller, who then holds the model while it
    trains (a page keeps it in the session, so a run stopped midway keeps its finished epochs).
    """
    from core import training

    parts = parts or build(recipe)
    started = time.perf_counter()
    outcome = training.fit(**module(recipe.family).fit_arguments(recipe, parts, split), epochs=recipe.epochs,
                           learning_rate=recipe.learning_rate, batch_size=recipe.batch_size, seed=recipe.seed,
                           cosine_decay=recipe.cosine_decay, on_epoch_end=on_epoch_end)
    return parts, outcome, time.perf_counter() - started


def save_half_precision(model, path: Path) -> None:
    """`model.save_weights(path)`, then the same file with float16 arrays (half the size) and
    without the optimizers' state (two more copies of the weights for Adam; a bundled model is
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
            if item.name.count("/") == 1 and item.name.endswith("optimizer"):  # an AAE has three
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


def _one_line(match: re.Match) -> str:
    return "[" + " ".join(match.group(1).split()) + "]"


def write_manifest(manifest: dict, path: Path = MANIFEST_PATH) -> None:
    """The manifest as indented JSON with each list of numbers (or of number pairs) on one line:
    the per-epoch losses of 21 models would otherwise take a line per number."""
    text = json.dumps(manifest, indent=1, ensure_ascii=False)
    text = re.sub(r"\[\s+([-0-9.eE+,\s]+?)\s+\]", _one_line, text)  # [numbers]
    text = re.sub(r"\[\s+((?:\[[^\[\]]*\],?\s*)+?)\s*\]", _one_line, text)  # [[numbers], ...]
    path.write_text(text + "\n", encoding="utf-8")


def manifest_entry(recipe: Recipe, split_name: str, outcome, seconds: float, scores: dict) -> dict:
    recipe_fields = {k: v for k, v in asdict(recipe).items() if k != "name"}  # tuples are written as lists
    return {"file": recipe.file_name, "sha256": data.sha256_of(MODEL_DIR / recipe.file_name),
            "split": {"dataset_file": data.DATASETS[split_name][0], "dataset_sha256": data.DATASETS[split_name][1],
                      "seed": data.SPLIT_SEED, "train": 10_000 - data.TEST_SIZE, "test": data.TEST_SIZE},
            **recipe_fields,
            "train_seconds": round(seconds, 1), "metrics": {k: round(v, 6) for k, v in scores.items()},
            # per epoch: training loss, test loss (pages draw a live run against it)
            "history": [[round(e.loss, 5), round(e.test_loss, 5)] for e in outcome.epochs],
            # per epoch: the model's other logged figures (a VAE's two ELBO terms, an AAE's three losses)
            "terms": {name: [round(e.logs[name], 5) for e in outcome.epochs] for name in sorted(outcome.epochs[0].logs)}}


@dataclass(frozen=True, kw_only=True)
class Pretrained(Parts):
    """A bundled model: its parts, the recipe it was trained from, and its manifest metrics."""

    recipe: Recipe
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
    parts = build(recipe)
    parts.model.load_weights(path)
    return Pretrained(**vars(parts), recipe=recipe, metrics=entry["metrics"])
