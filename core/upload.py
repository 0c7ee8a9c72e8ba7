"""A user's own digit picture, turned into an MNIST-like 28×28 image (or refused with a reason).

MNIST's preprocessing (LeCun, Bottou, Bengio & Haffner, "Gradient-based learning applied to
document recognition", Proc. IEEE 86(11), 1998; and the MNIST page, yann.lecun.com/exdb/mnist/):
each NIST digit was scaled, keeping its aspect ratio, so that it fits a 20×20 box (the
anti-aliasing of that scaling is what makes the pixels grey), then placed in a 28×28 field so
that its centre of mass sits at the centre of the field. Ink is bright (1) on black (0). A
photo of a digit on paper is the other way round, so the recipe here is

    grey g ∈ [0, 1]  →  ink = 1 − g if the picture's outer frame is light (dark ink on paper)
    ink ← (ink − background) / max,  background = median of the frame,  faint haze (< 0.2) → 0
    crop to the ink's bounding box  →  strokes thinner than 2 px (at the 20-px scale) thickened to
    about 2.7 px  →  longer side 20 px (area-averaged)  →  28×28 canvas with the centre of mass
    Σ p·(row, col) / Σ p moved to (14, 14), clamped so the digit stays inside.

Why the strokes are thickened: MNIST's digits were written with pens on paper forms and then
scaled into the 20-px box, so their strokes are 2–3 px wide there (10th percentile ≈ 2.0 px,
median ≈ 2.7 px by the estimate below), and the autoencoders of these pages were trained on
nothing else. A pen line on a phone photo of a whole page shrinks to well under 1 px and turns
into a faint grey thread such models have never seen. The stroke width w is read at a working
size of 80 px (4 × the box) by treating the ink as one long band of length l: its area
A = Σ ink = l·w and boundary length P = Σ |∇ink| = 2(l + w) give w as the smaller root of
w² − (P/2)·w + A = 0. A stroke thinner than MIN_STROKE is spread over a disc (which keeps the
ink per unit length, so a thread lands equally wide and bright wherever it falls between pixels)
and rescaled so its core is 1 again; a thick enough stroke (a marker) is left exactly as it was,
never thinned.

Why the checks come first: an upload's name or declared type proves nothing (the file picker
checks the extension only), so the format is read from the first bytes (PNG signature, JPEG
start-of-image marker) and again from the header Pillow parses. And a small file can decode to
a huge image: a 12 KB PNG of 10000×10000 zero pixels decodes to 100 MB of memory per copy
(a decompression bomb). `Image.open` reads only the header, so width × height is checked
against MAX_PIXELS before any pixel is decoded; Pillow's own bomb warning is turned into an
error inside this call only (the process-wide `Image.MAX_IMAGE_PIXELS` is left alone).

A refusal is an `UploadError` whose `.reason` names the problem and whose `.details` carry the
numbers a page needs for a translated message.
"""

from __future__ import annotations

import io
import math
import re
import struct
import warnings

import numpy as np
from numpy.lib.stride_tricks import sliding_window_view
from PIL import Image, ImageOps

# The upload widget's limit (its max_upload_size, in MB) and the label's. The browser refuses bigger
# files itself, reading a megabyte as 10**6 bytes (2**20 on Windows); the check here allows the larger
# reading, so it never refuses a file the widget let through and still guards the server.
MAX_MB = 5
MAX_BYTES = MAX_MB * 2**20
MAX_PIXELS = 25_000_000
FORMATS = ("PNG", "JPEG")
REASONS = ("empty", "too_large", "not_an_image", "too_many_pixels", "unreadable", "blank")

SIDE = 28  # MNIST's field
BOX = 20  # the box the digit is scaled into
WORK_SIDE = 1024  # large pictures are shrunk to this before float maths: a 20 px digit needs no more
MIN_CONTRAST = 0.1  # ink at most this much brighter than the paper counts as no ink at all
INK_THRESHOLD = 0.2  # of the strongest ink: weaker pixels are haze, not strokes
STROKE_SIDE = 4 * BOX  # strokes are measured and thickened at 80 px, where 2 px of the box span 8 px: cheap, yet fine enough
MIN_STROKE = 2.0  # px at the box scale: thinner strokes are thickened (MNIST's 10th percentile)
TARGET_STROKE = 2.7  # px at the box scale: MNIST's median stroke, by the same estimate (stroke_width)

_SIGNATURES = {b"\x89PNG\r\n\x1a\n": "PNG", b"\xff\xd8\xff": "JPEG"}
# Pillow reports a phone camera's multi-picture JPEG as "MPO"; its first frame is a plain JPEG.
_FORMAT_FAMILY = {"PNG": "PNG", "JPEG": "JPEG", "MPO": "JPEG"}
# What Pillow raises on truncated or corrupt data (struct.error from broken headers or EXIF).
_DECODE_ERRORS = (OSError, SyntaxError, ValueError, EOFError, struct.error)


class UploadError(ValueError):
    """An upload refused; `reason` is one of REASONS, `details` the numbers for the message.

    details by reason: too_large {size_mb, limit_mb}; not_an_image {allowed};
    too_many_pixels {megapixels, limit_megapixels, pixels, limit} plus {width, height} when
    Pillow could read the header; unreadable {format}; blank {contrast, minimum}; empty {}.
    """

    def __init__(self, reason: str, details: dict | None = None):
        if reason not in REASONS:
            raise ValueError(f"reason must be one of {REASONS}, got {reason!r}")
        self.reason = reason
        self.details = dict(details or {})
        super().__init__(f"{reason}: {self.details}")


def digit_from_bytes(raw: bytes) -> np.ndarray:
    """The uploaded PNG/JPEG bytes as a float32 (28, 28) digit in [0, 1], ink bright on black."""
    _check_size(raw)
    family = _sniff_format(raw)
    image = _open_checked(raw, family)
    grey = _decode_grey(image, family)
    ink = _stretch(_ink_bright(grey))
    return _centre_by_mass(_fit_box(_normalise_stroke(_crop_to_ink(ink))))


# --- checks before decoding -------------------------------------------------------------------

def _check_size(raw: bytes) -> None:
    if len(raw) == 0:
        raise UploadError("empty")
    if len(raw) > MAX_BYTES:
        size_mb = math.ceil(len(raw) / 2**20 * 10) / 10  # rounded up: "5.0 MB is over 5 MB" would read oddly
        raise UploadError("too_large", {"size_mb": size_mb, "limit_mb": MAX_MB})


def _sniff_format(raw: bytes) -> str:
    for signature, family in _SIGNATURES.items():
        if raw.startswith(signature):
            return family
    raise UploadError("not_an_image", {"allowed": ", ".join(FORMATS)})


def _open_checked(raw: bytes, family: str) -> Image.Image:
    """Pillow's header only (no pixels decoded yet), refused if its format or size is wrong."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(raw), formats=FORMATS)
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as error:
        raise UploadError("too_many_pixels", _pixel_details(_pixels_named_in(error))) from error
    except _DECODE_ERRORS as error:
        raise UploadError("unreadable", {"format": family}) from error
    if _FORMAT_FAMILY.get(image.format or "") != family:
        raise UploadError("not_an_image", {"allowed": ", ".join(FORMATS)})
    width, height = image.size
    if width * height > MAX_PIXELS:
        raise UploadError("too_many_pixels", {"width": width, "height": height, **_pixel_details(width * height)})
    return image


def _pixels_named_in(error: Exception) -> int:
    # Pillow refuses before handing back the image; its message is the only place the size is.
    found = re.search(r"\((\d+) pixels\)", str(error))
    return int(found.group(1)) if found else MAX_PIXELS + 1


def _pixel_details(pixels: int) -> dict:
    return {"megapixels": round(pixels / 1e6, 1), "limit_megapixels": round(MAX_PIXELS / 1e6, 1),
            "pixels": pixels, "limit": MAX_PIXELS}


# --- decoding ---------------------------------------------------------------------------------

def _decode_grey(image: Image.Image, family: str) -> np.ndarray:
    """Pixels as greyscale float32 in [0, 1] (paper light, ink dark for a usual photo)."""
    try:
        if family == "JPEG":
            image.draft("L", (WORK_SIDE, WORK_SIDE))  # the JPEG decoder can skip detail we would average away
            image = ImageOps.exif_transpose(image)  # phones store portrait shots sideways plus a tag
        grey = _to_grey(image)
        grey.thumbnail((WORK_SIDE, WORK_SIDE), Image.Resampling.BOX)
    except _DECODE_ERRORS as error:
        raise UploadError("unreadable", {"format": family}) from error
    return np.asarray(grey, dtype=np.float32) / 255.0


def _to_grey(image: Image.Image) -> Image.Image:
    if image.mode.startswith("I"):  # 16-bit PNG; Pillow's convert("L") would clip, not scale
        return Image.fromarray((np.asarray(image).astype(np.uint32) >> 8).clip(0, 255).astype(np.uint8))
    if image.has_transparency_data:  # a transparent background is paper: put it on white
        rgba = image.convert("RGBA")
        paper = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
        return Image.alpha_composite(paper, rgba).convert("L")
    return image.convert("L")


# --- MNIST-like preprocessing -----------------------------------------------------------------

def _frame(grey: np.ndarray) -> np.ndarray:
    """The outer frame (about 5 % of the shorter side), where a photo shows paper, not ink."""
    width = max(1, min(grey.shape) // 20)
    inner = np.ones(grey.shape, dtype=bool)
    inner[:width, :] = inner[-width:, :] = inner[:, :width] = inner[:, -width:] = False
    return grey[~inner]


def _ink_bright(grey: np.ndarray) -> np.ndarray:
    # A light frame means dark ink on light paper; MNIST has bright ink on black.
    return 1.0 - grey if _frame(grey).mean() > 0.5 else grey


def _stretch(ink: np.ndarray) -> np.ndarray:
    """Paper to 0, strongest ink to 1, haze below INK_THRESHOLD to 0; refuses a picture with no ink."""
    above_paper = np.clip(ink - np.median(_frame(ink)), 0.0, None)
    peak = float(above_paper.max())
    if peak < MIN_CONTRAST:
        raise UploadError("blank", {"contrast": round(peak, 3), "minimum": MIN_CONTRAST})
    stretched = above_paper / peak
    return np.where(stretched >= INK_THRESHOLD, stretched, 0.0).astype(np.float32)


def _crop_to_ink(ink: np.ndarray) -> np.ndarray:
    rows = np.flatnonzero(ink.any(axis=1))
    columns = np.flatnonzero(ink.any(axis=0))
    return ink[rows[0]:rows[-1] + 1, columns[0]:columns[-1] + 1]


def stroke_width(ink: np.ndarray) -> float:
    """The mean stroke width of an ink image (ink bright on black), in its own pixels.

    The ink is read as one long band of length l and width w: area A = Σ ink = l·w, boundary
    length P = Σ |∇ink| = 2(l + w) (the summed gradient of a soft-edged shape is its boundary
    length), so w is the smaller root of w² − (P/2)·w + A = 0. A black border of one pixel is
    added first so that ink touching the picture's edge has a boundary there too. A round blob
    (no real root) is as wide as it is long: w = P/4.
    """
    if ink.ndim != 2 or not np.isfinite(ink).all() or ink.min() < 0 or ink.sum() <= 0:
        raise ValueError("ink must be a finite, non-negative 2-D array with some ink in it")
    padded = np.pad(ink.astype(np.float32), 1)
    # Slopes between neighbours, averaged onto the pixel corners so both directions meet at one
    # point: central differences would see only half the boundary of a line 1 px wide, and
    # unaligned ones would count a diagonal edge up to √2 too long.
    right = np.diff(padded, axis=1)
    down = np.diff(padded, axis=0)
    corner_right = (right[:-1, :] + right[1:, :]) / 2
    corner_down = (down[:, :-1] + down[:, 1:]) / 2
    half_boundary = float(np.hypot(corner_right, corner_down).sum()) / 2
    area = float(padded.sum())
    return (half_boundary - math.sqrt(max(half_boundary**2 - 4 * area, 0.0))) / 2


def _normalise_stroke(ink: np.ndarray) -> np.ndarray:
    """The cropped ink, with strokes thinner than MIN_STROKE (at the box scale) thickened to about TARGET_STROKE."""
    work = _fit_longer_side(ink, STROKE_SIDE)
    if _width_in_box(work) >= MIN_STROKE:
        return ink  # already as thick as MNIST's strokes: left exactly as it was
    diameter = TARGET_STROKE * STROKE_SIDE / BOX
    first_try = _thicken(work, diameter)
    # A disc of diameter D makes a stroke a little under D wide (rounded profile, stroke ends), and the
    # wider strokes enlarge the bounding box that the 20-px fit scales down: corrected once by what it gave.
    correction = min(max(TARGET_STROKE / _width_in_box(first_try), 0.5), 2.0)
    return _thicken(work, diameter * correction)


def _width_in_box(ink: np.ndarray) -> float:
    """The stroke width of cropped ink once its longer side is scaled to BOX px."""
    return stroke_width(ink) * BOX / max(ink.shape)


def _thicken(ink: np.ndarray, diameter: float) -> np.ndarray:
    """Strokes widened to about `diameter` px and cropped again: ink spread over a disc, rescaled so a stroke's core is 1.

    Why not a maximum filter: a thread thinner than a pixel is fainter where it falls between two
    pixels than where it falls on one, and a maximum filter keeps that unevenness (and turns each
    speck of dust into a bright square). Spreading keeps the ink per unit length, so every stretch
    of the stroke comes out equally wide and bright, and a faint speck stays faint (below
    INK_THRESHOLD it is dropped, like haze).
    """
    spread = _spread_over_disc(ink, diameter)
    core_level = float((spread**2).sum() / spread.sum())  # the typical value on the spread strokes, weighted by ink
    thick = np.clip(spread / core_level, 0.0, 1.0)
    return _crop_to_ink(np.where(thick >= INK_THRESHOLD, thick, 0.0).astype(np.float32))


def _spread_over_disc(ink: np.ndarray, diameter: float) -> np.ndarray:
    """Each pixel's ink shared evenly over a disc of `diameter` px around it; the picture grows by the disc's radius."""
    size = math.ceil(diameter) | 1  # an odd window, so the disc has a centre pixel
    offsets = np.arange(size) - size // 2
    disc = (np.hypot(*np.meshgrid(offsets, offsets)) <= diameter / 2).astype(np.float32)
    padded = np.pad(ink, 2 * (size // 2))  # room for the widened strokes beyond the crop's edge
    return np.einsum("ijkl,kl->ij", sliding_window_view(padded, (size, size)), disc / disc.sum())


def _fit_box(ink: np.ndarray) -> np.ndarray:
    """Scaled so the longer side is BOX px, aspect ratio kept; strongest ink back to 1."""
    return _fit_longer_side(ink, BOX)


def _fit_longer_side(ink: np.ndarray, side: int) -> np.ndarray:
    """Scaled so the longer side is `side` px, aspect ratio kept; strongest ink back to 1."""
    height, width = ink.shape
    scale = side / max(height, width)
    size = (max(1, round(width * scale)), max(1, round(height * scale)))
    # BOX averages areas when shrinking (MNIST's anti-aliasing); LANCZOS keeps small drawings smooth when enlarging.
    resample = Image.Resampling.BOX if scale < 1 else Image.Resampling.LANCZOS
    small = np.clip(np.asarray(Image.fromarray(ink).resize(size, resample)), 0.0, 1.0)
    return small / small.max()


def _centre_by_mass(ink: np.ndarray) -> np.ndarray:
    """The digit pasted into a black 28×28 field with its centre of mass at (14, 14)."""
    height, width = ink.shape
    total = ink.sum()
    centre_row = float(ink.sum(axis=1) @ np.arange(height)) / total
    centre_column = float(ink.sum(axis=0) @ np.arange(width)) / total
    top = min(max(round(SIDE / 2 - centre_row), 0), SIDE - height)
    left = min(max(round(SIDE / 2 - centre_column), 0), SIDE - width)
    canvas = np.zeros((SIDE, SIDE), dtype=np.float32)
    canvas[top:top + height, left:left + width] = ink
    return np.clip(canvas, 0.0, 1.0).astype(np.float32)
