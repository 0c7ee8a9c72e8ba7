"""NumPy in, NumPy out: what the pages and the manifest ask of a model, above all a VAE, CVAE or AAE.

Every function calls the Keras sub-models directly on whole batches (never `model.predict`,
which costs ~0.2 s per call), so a page can decode a 20×20 latent grid in one call on a rerun.

The ELBO is estimated with ε drawn from a seeded NumPy generator, not from the model's own
sampling layer, so the manifest's figures are reproducible to the last digit:

    −ELBO(x) ≈ 1/S Σ_s Σ_i BCE(x_i, g(μ + σ·ε_s)_i)  +  KL(N(μ, σ²) ‖ N(0, I))    (nats per image)

An AAE's codes are judged against its prior with Székely & Rizzo's energy distance
(core.priors), next to the same statistic between two independent prior samples of the same
size: the value a perfect match would still show by chance.
"""

from __future__ import annotations

import numpy as np

from core import priors
from core.analytic.likelihood import binary_cross_entropy_terms
from core.data import CLASSES

BATCH = 1000
EPSILON = 1e-7  # probabilities are clipped to [ε, 1 − ε] inside the log, here and in the graph (core.models.blocks)


def one_hot(labels) -> np.ndarray:
    return np.eye(CLASSES, dtype=np.float32)[np.asarray(labels, dtype=np.int64)]


def _batches(count: int):
    return (slice(start, start + BATCH) for start in range(0, count, BATCH))


def apply(model, inputs: np.ndarray) -> np.ndarray:
    """The outputs of any model (an autoencoder, a decoder, a classifier) for `inputs`, called directly
    batch by batch."""
    return np.concatenate([np.asarray(model(inputs[part], training=False)) for part in _batches(len(inputs))])


def encode(encoder, images: np.ndarray, labels=None) -> tuple[np.ndarray, np.ndarray]:
    """A VAE's (μ, log σ²) per image; a CVAE's needs the labels too."""
    means, log_vars = [], []
    for part in _batches(len(images)):
        inputs = images[part] if labels is None else [images[part], one_hot(labels[part])]
        z_mean, z_log_var, _ = encoder(inputs, training=False)
        means.append(np.asarray(z_mean))
        log_vars.append(np.asarray(z_log_var))
    return np.concatenate(means), np.concatenate(log_vars)


def codes(encoder, images: np.ndarray) -> np.ndarray:
    """An AAE's deterministic codes z = f(x)."""
    return apply(encoder, images)


def decode(decoder, z: np.ndarray, labels=None) -> np.ndarray:
    """Pixel probabilities (n, 28, 28) for latent points z (n, d); a CVAE's decoder needs a label
    per point (or one label for all)."""
    z = np.asarray(z, dtype=np.float32)
    if labels is not None:
        labels = np.broadcast_to(np.asarray(labels, dtype=np.int64), (len(z),))
    outputs = [decoder(z[part] if labels is None else [z[part], one_hot(labels[part])], training=False)
               for part in _batches(len(z))]
    return np.concatenate([np.asarray(output) for output in outputs])


def bernoulli_nll(images: np.ndarray, probabilities: np.ndarray) -> np.ndarray:
    """Σ_i BCE(x_i, x̂_i) per image, in nats (float64)."""
    x = np.asarray(images, np.float64).reshape(len(images), -1)
    p = np.clip(np.asarray(probabilities, np.float64).reshape(len(images), -1), EPSILON, 1 - EPSILON)
    return binary_cross_entropy_terms(x, p).sum(axis=1)


def kl_to_standard_normal(z_mean: np.ndarray, z_log_var: np.ndarray) -> np.ndarray:
    return -0.5 * (1 + z_log_var - np.square(z_mean) - np.exp(z_log_var)).sum(axis=1)


def elbo_terms(model, images: np.ndarray, labels=None, seed: int = 0, samples: int = 1) -> dict[str, float]:
    """Mean reconstruction term, KL term and −ELBO over the images, in nats per image."""
    z_mean, z_log_var = encode(model.encoder, images, labels)
    rng = np.random.default_rng(seed)
    reconstruction = np.zeros(len(images))
    for _ in range(samples):
        z = z_mean + np.exp(0.5 * z_log_var) * rng.standard_normal(z_mean.shape).astype(np.float32)
        reconstruction += bernoulli_nll(images, decode(model.decoder, z, labels)) / samples
    kl = kl_to_standard_normal(z_mean.astype(np.float64), z_log_var.astype(np.float64))
    return {"test_neg_elbo": float((reconstruction + kl).mean()),
            "test_reconstruction": float(reconstruction.mean()), "test_kl": float(kl.mean())}


def classify(classifier, images: np.ndarray) -> np.ndarray:
    """The classifier's label per image."""
    return apply(classifier, images).argmax(axis=1)


def sample_accuracy(decoder, classifier, per_label: int = 200, seed: int = 0) -> dict[int, float]:
    """Per label: the share of the samples z ~ N(0, I) drawn as that label by a conditional
    decoder (a CVAE's decoder, a conditional GAN's generator) that the classifier recognises as
    that label."""
    rng = np.random.default_rng(seed)
    latent_dim = decoder.inputs[0].shape[-1]
    labels = np.repeat(np.arange(CLASSES), per_label)
    drawn = decode(decoder, rng.standard_normal((len(labels), latent_dim)), labels)
    hits = classify(classifier, drawn) == labels
    return {label: float(hits[labels == label].mean()) for label in range(CLASSES)}


def prior_match(encoder, images: np.ndarray, prior: str, seed: int = 0, labels=None) -> dict[str, float]:
    """Energy distance between the codes of `images` and as many prior samples, and between two
    independent prior samples of that size (the chance level). With `labels`, also the share of
    codes whose nearest prior component is their own digit (a label-informed AAE's aim)."""
    z = codes(encoder, images)
    first, _ = priors.sample(prior, len(z), seed, z.shape[1])
    second, _ = priors.sample(prior, len(z), seed + 1, z.shape[1])
    scores = {"prior_energy_distance": priors.energy_distance(z, first),
              "reference_energy_distance": priors.energy_distance(second, first)}
    if labels is not None:
        scores["component_agreement"] = float(np.mean(priors.nearest_component(prior, z) == labels))
    return scores


def test_codes(family: str, encoder, images: np.ndarray, labels: np.ndarray | None = None) -> np.ndarray:
    """Where each image lands in the code space: a (C)VAE's mean μ(x), an AE's or AAE's code f(x)."""
    if family in ("vae", "cvae"):
        return encode(encoder, images, labels if family == "cvae" else None)[0]
    return codes(encoder, images)
