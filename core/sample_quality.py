"""How good are generated digits? Judged by the bundled digit classifier (core.models.classifier),
the same way for a GAN, a VAE and the real test images:

    classifier score   exp(E KL(p(y|x) ‖ p(y))) over 10 splits (core.metrics.classifier_score):
                       10 for sure and evenly spread digits, 1 for one digit or unsure predictions
    digit mix          the share of each digit among the classifier's readings (mode collapse
                       shows as one digit taking over)
    Fréchet distance   between Gaussians fitted to the classifier's penultimate features of the
                       samples and of the test split (0 for the same distribution)
    sharpness          variance of the Laplacian (VAE samples are smooth, GAN samples sharp)
    nearest training   the Euclidean distance from a sample to its nearest training image: a GAN
                       that copied its training images would sit closer to them than test images do

The reference figures (`real_scores`) are the same measures on real images: the test split's own
classifier score (the ceiling), the training split against the test split (the Fréchet floor)
and the test images' distances to their nearest training image.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from core import comparison, generative, metrics
from core.data import CLASSES

SAMPLES = 10_000  # samples scored per model (the and the literature's count)
SPLITS = 10
NEAREST_SAMPLES = 2_000  # samples whose nearest training image is searched (as many as test images)


@dataclass(frozen=True)
class Judge:
    """The classifier, its feature model and the real images every sample set is compared with."""

    classifier: object
    features: object
    test_features: np.ndarray
    train_images: np.ndarray


def judge(classifier, split) -> Judge:
    from core.models.classifier import features

    feature_model = features(classifier)
    return Judge(classifier, feature_model, generative.apply(feature_model, split.x_test), split.x_train)


def scores(judge: Judge, images: np.ndarray, splits: int = SPLITS) -> dict[str, float]:
    """Every figure of the module docstring for one set of images (at least `splits` of them)."""
    probabilities = generative.apply(judge.classifier, images)
    score, spread = metrics.classifier_score(probabilities, splits)
    shares = np.bincount(probabilities.argmax(axis=1), minlength=CLASSES) / len(images)
    distances = comparison.distance_to_nearest(images[:NEAREST_SAMPLES], judge.train_images)
    return {"classifier_score": score, "classifier_score_std": spread,
            "frechet_distance": metrics.frechet_distance(generative.apply(judge.features, images), judge.test_features),
            "sharpness": float(metrics.sharpness(images).mean()),
            "nearest_train_median": float(np.median(distances)),
            **{f"digit_share_{digit}": float(share) for digit, share in enumerate(shares)}}


def real_scores(judge: Judge, split) -> dict[str, float]:
    """The test images scored like samples, and the training split's Fréchet distance to them (the floor).
    Their classifier score is taken over splits of the samples' size (1,000): each split's p(y) is
    estimated from its own images, and smaller splits would lower the score by their noise alone."""
    test = scores(judge, split.x_test, splits=max(1, len(split.x_test) // (SAMPLES // SPLITS)))
    floor = metrics.frechet_distance(generative.apply(judge.features, split.x_train), judge.test_features)
    return {**test, "frechet_distance": floor}
