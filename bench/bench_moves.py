"""Two moves a lecturer makes in class, timed: the four-maps page's data-set switch and the
vanishing-gradients page's depth slider. Prints figures; it is not a test (docs/BENCHMARKS.md).

    python bench/bench_moves.py                 # both pages (about a minute)
    python bench/bench_moves.py --only maps     # or: --only depth

Each page runs under AppTest in a fresh interpreter that has imported TensorFlow first, as a server
has after its first load. Times are server-side script time (bench_app.ScriptClock), in ms.

  maps    first run on MNIST; then the first switch to Fashion-MNIST (what a server pays once per data
          set), and then switches back and forth (cached); target ≤ 1000 ms for the first switch
  depth   the depth slider moved through values not seen before: 10 → 11 … 20, then 9 … 1 (the page
          caches results per setting, so revisits would time cache hits); target ≤ 1000 ms per move.
          Also core.models.deep_mlp.gradient_profile alone for the same settings, outside Streamlit,
          and the number of moves over 500 ms (those show the page's spinner)
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from bench_app import ScriptClock, show, summary, timed  # noqa: E402

MAPS_PAGE, DEPTH_PAGE = "pages/5_manifold_maps.py", "pages/3_gradient_vanishing.py"
SWITCHES = 6  # cached switches after the first one
DEPTHS = [*range(11, 21), *range(9, 0, -1)]


def import_tensorflow() -> float:
    def load() -> None:
        import keras  # noqa: F401
        import tensorflow  # noqa: F401

    return timed(load)


def worker_maps() -> dict:
    from tests.conftest import open_page

    result = {"tensorflow_import_ms": round(import_tensorflow() * 1000)}
    clock = ScriptClock()
    started = time.perf_counter()
    app = open_page(MAPS_PAGE)
    result["first_run_ms"] = round((time.perf_counter() - started) * 1000)
    radio = "mm_dataset"
    app.radio(key=radio).set_value("fashion")
    clock.run(app)
    if app.exception or app.error:
        raise RuntimeError("the switch to Fashion-MNIST failed")
    result["first_switch"] = clock.take()
    for repeat in range(SWITCHES):
        app.radio(key=radio).set_value(["mnist", "fashion"][repeat % 2])
        clock.run(app)
    result["cached_switch"] = clock.take()
    return result


def worker_depth() -> dict:
    import numpy as np

    from core import data
    from core.models import deep_mlp
    from tests.conftest import open_page

    result = {"tensorflow_import_ms": round(import_tensorflow() * 1000)}
    clock = ScriptClock()
    app = open_page(DEPTH_PAGE)
    per_move = []
    for depth in DEPTHS:
        app.slider(key="gv_depth").set_value(depth)
        clock.run(app)
        if app.exception:
            raise RuntimeError(f"depth {depth}: exception")
        per_move.append(round(clock.pairs[-1][0] * 1000))
    result["moves_over_500_ms"] = sum(value > 500 for value in per_move)
    result["per_move_ms"] = dict(zip(map(str, DEPTHS), per_move, strict=True))
    result["page"] = clock.take()
    split = data.load("mnist")
    core_times = [timed(lambda depth=depth: deep_mlp.gradient_profile(split.x_train, split.y_train, depth, "sigmoid",
                                                                        "glorot_uniform", width=64, steps=10,
                                                                        learning_rate=0.1)) for depth in DEPTHS]
    result["core_gradient_profile"] = summary(core_times)
    result["core_max_ms"] = round(float(np.max(core_times)) * 1000)
    return result


WORKERS = {"maps": worker_maps, "depth": worker_depth}


def run_worker(kind: str) -> dict:
    """One worker in a fresh interpreter; its figures come back as a RESULT line."""
    command = [sys.executable, str(Path(__file__).resolve()), "--worker", kind]
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=900)
    for line in done.stdout.splitlines():
        if line.startswith("RESULT "):
            return json.loads(line.removeprefix("RESULT "))
    raise RuntimeError(f"worker {kind} failed:\n{done.stdout[-2000:]}\n{done.stderr[-4000:]}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--only", nargs="+", choices=list(WORKERS), default=list(WORKERS))
    chosen = parser.parse_args().only
    print(f"benchmark {time.strftime('%Y-%m-%d %H:%M')}, {os.cpu_count()} CPUs, "
          f"load average {os.getloadavg()[0]:.2f}", flush=True)
    if "maps" in chosen:
        figures = run_worker("maps")
        print(f"[maps] TensorFlow import {figures['tensorflow_import_ms']} ms, first run (MNIST) "
              f"{figures['first_run_ms']} ms", flush=True)
        show("first switch to Fashion-MNIST", figures["first_switch"], 1000)
        show("later switches (cached)", figures["cached_switch"], 1000)
    if "depth" in chosen:
        figures = run_worker("depth")
        print(f"[depth] TensorFlow import {figures['tensorflow_import_ms']} ms", flush=True)
        show("depth move, page", figures["page"], 1000)
        print(f"  per move (ms): {figures['per_move_ms']}; over 500 ms: {figures['moves_over_500_ms']}", flush=True)
        show("core gradient_profile alone", figures["core_gradient_profile"])
        print(f"  core gradient_profile max {figures['core_max_ms']} ms", flush=True)
    print(f"load average at the end {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    if len(sys.argv) > 2 and sys.argv[1] == "--worker":
        print("RESULT " + json.dumps(WORKERS[sys.argv[2]]()), flush=True)
    else:
        main()
