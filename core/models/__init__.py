"""Keras models, one module per model family, and the registry that finds a family's module.

A family module (`autoencoder`, `vae`, `aae`, `classifier`, `digit_gan`) turns a recipe (core.pretrained.Recipe)
into a model and says how it is trained and judged, with the same three functions:

    build_parts(recipe) -> Parts          the freshly initialised, seeded model and its named parts
    fit_arguments(recipe, parts, split)   what core.training.fit needs: model, inputs, targets, test
                                          data, loss (None: the model's own train_step), divergence bound
    evaluate(recipe, parts, split)        the test metrics recorded in the manifest

A new family is one new module with these functions and one line in `FAMILIES`. The modules
are imported on first use, so importing this package (or core.pretrained) does not load TensorFlow.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from types import ModuleType


@dataclass(frozen=True)
class Family:
    module: str  # in core.models
    # The per-epoch figures a training page draws beside the loss (names as the model logs them),
    # declared here so a page can lay out its charts before TensorFlow is imported.
    terms: tuple[str, ...] = ()


FAMILIES = {
    "ae": Family("autoencoder"),
    "vae": Family("vae", ("reconstruction_loss", "kl_loss")),  # the two terms of −ELBO
    "cvae": Family("vae", ("reconstruction_loss", "kl_loss")),
    "aae": Family("aae", ("reconstruction_loss", "discriminator_loss", "generator_loss")),
    "classifier": Family("classifier"),
    "gan": Family("digit_gan", ("discriminator_loss", "generator_loss")),
    "cgan": Family("digit_gan", ("discriminator_loss", "generator_loss")),
}


def module(family: str) -> ModuleType:
    """The module of a family (imported on first use: it imports Keras)."""
    if family not in FAMILIES:
        raise ValueError(f"family must be one of {tuple(FAMILIES)}, got {family!r}")
    return importlib.import_module(f"core.models.{FAMILIES[family].module}")


@dataclass(frozen=True, kw_only=True)
class Parts:
    """A model and, where its family has them, the parts a page calls on their own. They share
    layers: training `model` trains the parts."""

    model: object  # what is trained and saved: the autoencoder, VAE, AAE, classifier or GAN
    encoder: object = None
    decoder: object = None
    generator: object = None
    discriminator: object = None
