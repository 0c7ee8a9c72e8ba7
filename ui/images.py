"""Showing 28×28 images: a row or grid of them as one picture, larger on the projector."""

from __future__ import annotations

import numpy as np
import streamlit as st

from ui.charts import presenter


def tile(images: np.ndarray, columns: int | None = None, gap: int = 2) -> np.ndarray:
    """Images (n, 28, 28) in [0, 1] laid out on a grid with white gaps, as one array."""
    images = np.clip(np.asarray(images, dtype=np.float32), 0.0, 1.0)
    count, height, width = images.shape
    columns = columns or count
    rows = -(-count // columns)
    canvas = np.ones((rows * (height + gap) - gap, columns * (width + gap) - gap), np.float32)
    for index, image in enumerate(images):
        top, left = divmod(index, columns)
        canvas[top * (height + gap):top * (height + gap) + height, left * (width + gap):left * (width + gap) + width] = image
    return canvas


def show(images: np.ndarray, columns: int | None = None, caption: str | None = None, container=st,
         scale: int = 3) -> None:
    """Images as MNIST stores them (white ink on black), `scale` screen pixels per image pixel,
    one row unless `columns` is given."""
    scale = scale + 1 if presenter() else scale
    picture = np.kron(tile(images, columns), np.ones((scale, scale), np.float32))
    container.image(picture, caption=caption, clamp=True, output_format="PNG")  # JPEG would blur the pixel edges
