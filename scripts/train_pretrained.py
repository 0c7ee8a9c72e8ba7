"""Regenerate every pretrained model in assets/models/ from scratch, and the manifest.

    python scripts/train_pretrained.py            # all models
    python scripts/train_pretrained.py dae_mnist_d30 ae_mnist_d2   # only these; others kept
    python scripts/train_pretrained.py --check    # retrain the first recipe of each family (or the
                                                  # named ones) into a temporary folder and compare
                                                  # the files with the bundled ones

Each recipe in core/pretrained.py is trained on the shared training split with its seed,
saved in half precision, loaded back from the file, and evaluated on the test split; the
manifest records what was done and what came out. Same recipe, same machine: same weights,
which `--check` shows byte for byte (sha256) without touching assets/.
"""

from __future__ import annotations

import platform
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from core import data, evaluation, gan_history, pretrained, sample_quality


def regenerate(name: str, model_dir: Path) -> tuple[dict, object, float, dict]:
    """Train one recipe, save it to `model_dir`, reload the file and score it:
    (scores, outcome, seconds, extra manifest fields). The unconditional GAN also keeps its
    training as pictures and figures per epoch (core.gan_history)."""
    recipe = pretrained.RECIPES[name]
    split = data.load(recipe.dataset)
    parts, recorder = pretrained.build(recipe), None
    if recipe.family == "gan":
        judge = sample_quality.judge(pretrained.load(evaluation.CLASSIFIER).model, split)
        recorder = gan_history.Recorder(parts.generator, judge, recipe.code_size, seed=recipe.seed)
    parts, outcome, seconds = pretrained.train(recipe, split, on_epoch_end=recorder, parts=parts)
    if outcome.diverged_at is not None:
        raise SystemExit(f"{name} diverged at epoch {outcome.diverged_at}")
    path = model_dir / recipe.file_name
    pretrained.save_half_precision(parts.model, path)
    extra = {}
    if recorder is not None:
        history_path = model_dir / gan_history.file_name(name)
        gan_history.save(recorder.history(), history_path)
        extra = {"history_file": history_path.name, "history_sha256": data.sha256_of(history_path)}
    reloaded = pretrained.build(recipe)
    reloaded.model.load_weights(path)
    return pretrained.evaluate(recipe, reloaded, split), outcome, seconds, extra


def check(names: list[str]) -> None:
    manifest = pretrained.read_manifest()["models"]
    firsts = {recipe.family: name for name, recipe in reversed(pretrained.RECIPES.items())}
    names = names or list(firsts.values())
    with tempfile.TemporaryDirectory() as folder:
        for name in names:
            _, _, seconds, _ = regenerate(name, Path(folder))
            same = data.sha256_of(Path(folder) / pretrained.RECIPES[name].file_name) == manifest[name]["sha256"]
            print(f"{name:28} {seconds:6.1f} s  {'same sha256 as the bundled file' if same else 'DIFFERENT weights'}",
                  flush=True)


def main(names: list[str]) -> None:
    import keras
    import tensorflow as tf

    pretrained.MODEL_DIR.mkdir(parents=True, exist_ok=True)
    try:
        manifest = pretrained.read_manifest()
    except pretrained.ManifestError:
        manifest = {"models": {}}
    manifest.update({"generated_by": "python scripts/train_pretrained.py", "keras": keras.__version__,
                     "tensorflow": tf.__version__, "machine": f"{platform.machine()}, {platform.processor() or 'cpu'}"})
    started = time.perf_counter()
    for name in names or list(pretrained.RECIPES):
        recipe = pretrained.RECIPES[name]
        scores, outcome, seconds, extra = regenerate(name, pretrained.MODEL_DIR)
        manifest["models"][name] = pretrained.manifest_entry(recipe, recipe.dataset, outcome, seconds, scores) | extra
        pretrained.write_manifest(manifest)
        shown = {k: v for k, v in scores.items() if not k.startswith(("sample_accuracy_", "digit_share_"))}
        print(f"{name:24} {seconds:6.1f} s  " + "  ".join(f"{k} {v:.4f}" for k, v in shown.items()), flush=True)
    print(f"total {time.perf_counter() - started:.0f} s")


if __name__ == "__main__":
    arguments = sys.argv[1:]
    checking = "--check" in arguments
    names = [name for name in arguments if name != "--check"]
    unknown = sorted(set(names) - set(pretrained.RECIPES))
    if unknown:
        raise SystemExit(f"unknown models {unknown}; known: {sorted(pretrained.RECIPES)}")
    if checking:
        check(names)
    else:
        main(names)
