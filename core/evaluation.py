"""How every bundled model is judged, the same way at training time, on reload and in the tests.

The family modules (core/models) compute their test metrics with these settings, and
core.pretrained records the results in the manifest; a reloaded model must score the same.
"""

from __future__ import annotations

# The denoising figures: Gaussian σ = 0.4, inputs clipped to [0, 1], one fixed draw.
EVAL_NOISE = ("gaussian", 0.4)
EVAL_NOISE_SEED = 7
EVAL_SEED = 7  # the ε of the ELBO estimate, the CVAE's samples, the AAE's prior samples
ELBO_SAMPLES = 10  # ε draws per test image in the −ELBO estimate
CLASSIFIER = "classifier_mnist"  # the bundled digit classifier that judges generated digits
# Mean binary cross-entropy per pixel above which a run counts as diverged: predicting 0.5 for
# every pixel already scores ln 2 ≈ 0.69; a too-large learning rate kills the ReLUs and the loss
# jumps to about 2.1 (measured with Adam at 0.1 and 1.0).
DIVERGED_LOSS = 1.0
