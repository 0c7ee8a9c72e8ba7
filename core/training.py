"""Training helpers shared by the model pages.

`training_lock` serialises every training in the server process. `keras.utils.set_random_seed`
is process-wide (it seeds Python, NumPy and the backend together), so two seeded trainings
running at once in two browser sessions would draw from each other's random streams and
neither would be reproducible. Models here also pass explicit seeds to their initializers;
the lock keeps the rest (dropout, noise layers, shuffling) deterministic as well, and stops
two sessions from fighting over the machine's two cores.

Later: fit(..., on_epoch_end=callback), the one bridge for training progress.
"""

from __future__ import annotations

import threading

training_lock = threading.Lock()
