"""The one bridge between training and the pages: `fit(..., on_epoch_end=callback)`.

`training_lock` serialises every training in the server process. `keras.utils.set_random_seed`
is process-wide (it seeds Python, NumPy and the backend together), so two seeded trainings
running at once in two browser sessions would draw from each other's random streams and
neither would be reproducible. Models here also pass explicit seeds to their initializers;
the lock keeps the rest (dropout, noise layers, shuffling) deterministic as well, and stops
two sessions from fighting over the machine's two cores.

`fit` runs Keras' own `model.fit` (no hand-written loop: it is the fast path) and reports each
epoch to a callback, which may return False to stop (a "stop" button). A loss that stops being
finite, or rises above `diverge_above`, ends the run and is reported as the epoch it diverged at.
"""

from __future__ import annotations

import math
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field

training_lock = threading.Lock()
# Mini-batches per call into the compiled training step. One call per batch cost about 7 ms of
# overhead per step for the small MLPs here: a 2-D VAE epoch took 0.9 s, with 25 per call 0.58 s,
# with the same losses (docs/BENCHMARKS.md). The callback still reports every epoch.
STEPS_PER_EXECUTION = 25


@dataclass(frozen=True)
class Epoch:
    """What one finished epoch reports: 1-based index, training and test loss, wall time, and
    every other figure the model logs (e.g. a VAE's reconstruction_loss and val_kl_loss)."""

    index: int
    loss: float
    test_loss: float | None
    seconds: float
    logs: dict = field(default_factory=dict)


@dataclass
class Outcome:
    epochs: list[Epoch] = field(default_factory=list)
    diverged_at: int | None = None  # the epoch whose loss was not finite
    stopped_early: bool = False  # the callback asked to stop


def _bridge(on_epoch_end: Callable[[Epoch], bool | None] | None, outcome: Outcome, diverge_above: float):
    import keras

    class EpochBridge(keras.callbacks.Callback):
        def on_epoch_begin(self, epoch, logs=None):
            self.started = time.perf_counter()

        def on_epoch_end(self, epoch, logs=None):
            logs = logs or {}
            report = Epoch(epoch + 1, float(logs.get("loss", math.nan)),
                           float(logs["val_loss"]) if "val_loss" in logs else None,
                           time.perf_counter() - self.started,
                           {name: float(value) for name, value in logs.items() if name not in ("loss", "val_loss")})
            if not math.isfinite(report.loss) or report.loss > diverge_above:
                outcome.diverged_at = report.index
                self.model.stop_training = True
                return
            outcome.epochs.append(report)
            if on_epoch_end is not None and on_epoch_end(report) is False:
                outcome.stopped_early = True
                self.model.stop_training = True

    return EpochBridge()


def fit(model, x, y, *, loss: str | None, epochs: int, learning_rate: float, batch_size: int = 128,
        test: tuple | None = None, seed: int = 0, cosine_decay: bool = False, diverge_above: float = math.inf,
        beta_1: float = 0.9, on_epoch_end: Callable[[Epoch], bool | None] | None = None) -> Outcome:
    """Train `model` in place with Adam under the process-wide lock; report every epoch.

    `loss=None` is for models whose own `train_step` computes the loss (VAE); `y` may then be None.

    With `cosine_decay` the learning rate falls along a half cosine to 1 % of its start over
    the run (the pretrained models use it: the last epochs settle instead of jittering).
    `beta_1` is Adam's first-moment decay (GANs use 0.5: momentum that lags less behind a moving target).
    """
    import keras

    if epochs < 1 or batch_size < 1:
        raise ValueError("epochs and batch_size must be at least 1")
    if not (math.isfinite(learning_rate) and learning_rate > 0):
        raise ValueError(f"learning_rate must be a positive number, got {learning_rate!r}")
    outcome = Outcome()
    with training_lock:
        keras.utils.set_random_seed(seed)
        rate = learning_rate
        if cosine_decay:
            samples = len(x[0]) if isinstance(x, list | tuple) else len(x)  # a list: several inputs per sample
            steps = epochs * math.ceil(samples / batch_size)
            rate = keras.optimizers.schedules.CosineDecay(learning_rate, decay_steps=steps, alpha=0.01)
        model.compile(optimizer=keras.optimizers.Adam(rate, beta_1=beta_1), loss=loss, steps_per_execution=STEPS_PER_EXECUTION)
        model.fit(x, y, batch_size=batch_size, epochs=epochs, validation_data=test, shuffle=True,
                  verbose=0, callbacks=[_bridge(on_epoch_end, outcome, diverge_above)])
    return outcome
