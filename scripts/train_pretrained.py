"""Regenerate every pretrained model in assets/models/ from scratch, and the manifest.

    python scripts/train_pretrained.py            # all models
    python scripts/train_pretrained.py dae_mnist_d30 ae_mnist_d2   # only these; others kept

Each recipe in core/pretrained.py is trained on the shared training split with its seed,
saved in half precision, loaded back from the file, and evaluated on the test split; the
manifest records what was done and what came out. Same recipe, same machine: same weights.
"""

from __future__ import annotations

import platform
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from core import data, pretrained


def main(names: list[str]) -> None:
    import keras
    import tensorflow as tf

    unknown = sorted(set(names) - set(pretrained.RECIPES))
    if unknown:
        raise SystemExit(f"unknown models {unknown}; known: {sorted(pretrained.RECIPES)}")
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
        split = data.load(recipe.dataset)
        (_, _, model), outcome, seconds = pretrained.train(recipe, split)
        if outcome.diverged_at is not None:
            raise SystemExit(f"{name} diverged at epoch {outcome.diverged_at}")
        path = pretrained.MODEL_DIR / recipe.file_name
        pretrained.save_half_precision(model, path)
        reloaded = pretrained.build(recipe)[2]
        reloaded.load_weights(path)
        scores = pretrained.evaluate(recipe, reloaded, split)
        manifest["models"][name] = pretrained.manifest_entry(recipe, recipe.dataset, outcome, seconds, scores)
        pretrained.write_manifest(manifest)
        shown = {k: v for k, v in scores.items() if not k.startswith("sample_accuracy_")}
        print(f"{name:24} {seconds:6.1f} s  " + "  ".join(f"{k} {v:.4f}" for k, v in shown.items()), flush=True)
    print(f"total {time.perf_counter() - started:.0f} s")


if __name__ == "__main__":
    main(sys.argv[1:])
