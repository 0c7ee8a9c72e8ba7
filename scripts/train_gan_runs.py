"""Record the GAN lab's bundled runs (core/gan_runs.py) into assets/gan/, and their manifest.

    python scripts/train_gan_runs.py                  # every run
    python scripts/train_gan_runs.py ring_plain       # only these; the others are kept
    python scripts/train_gan_runs.py --check [names]  # record again in memory and compare sha256

Each run trains from its seed in the lab's own graph (no process-wide seeding), so the same run on
the same machine gives the same file, which `--check` shows without touching assets/.
"""

from __future__ import annotations

import hashlib
import json
import platform
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from core import gan_runs


def record(name: str) -> tuple[bytes, dict]:
    arrays, seconds = gan_runs.record(gan_runs.RUNS[name])
    raw = gan_runs.to_bytes(arrays)
    entry = gan_runs.manifest_entry(name, arrays, seconds, hashlib.sha256(raw).hexdigest())
    final = entry["final"]
    figures = f"modes {final['modes']:.0f}, high quality {final['high_quality']:.1%}, " if "modes" in final else ""
    print(f"{name}: {seconds:.1f} s, {figures}JS {final['js']:.3f}, {len(raw) / 1000:.0f} kB", flush=True)
    return raw, entry


def main(names: list[str]) -> None:
    gan_runs.ASSET_DIR.mkdir(parents=True, exist_ok=True)
    try:
        manifest = gan_runs.read_manifest()
    except gan_runs.ManifestError:
        manifest = {"runs": {}}
    for name in names:
        raw, entry = record(name)
        (gan_runs.ASSET_DIR / entry["file"]).write_bytes(raw)
        manifest["runs"][name] = entry
    import tensorflow as tf

    manifest["runs"] = {name: manifest["runs"][name] for name in gan_runs.RUNS if name in manifest["runs"]}
    manifest |= {"generated_by": "scripts/train_gan_runs.py", "tensorflow": tf.__version__,
                 "machine": f"{platform.machine()}, {platform.system()}"}
    (gan_runs.ASSET_DIR / gan_runs.MANIFEST).write_text(json.dumps(manifest, indent=1) + "\n", encoding="utf-8")


def check(names: list[str]) -> None:
    bundled = gan_runs.read_manifest()["runs"]
    failed = [name for name in names if record(name)[1]["sha256"] != bundled[name]["sha256"]]
    print("identical" if not failed else f"different: {', '.join(failed)}")
    raise SystemExit(1 if failed else 0)


if __name__ == "__main__":
    arguments = sys.argv[1:]
    checking = "--check" in arguments
    chosen = [a for a in arguments if a != "--check"] or list(gan_runs.RUNS)
    unknown = set(chosen) - set(gan_runs.RUNS)
    if unknown:
        raise SystemExit(f"unknown runs: {', '.join(sorted(unknown))}; choose from {', '.join(gan_runs.RUNS)}")
    (check if checking else main)(chosen)
