"""A user's digit picture: real PNG/JPEG bytes made with Pillow, turned into MNIST-like 28×28 or refused."""

import io
import struct
import warnings
import zlib

import numpy as np
import pytest
from PIL import Image, ImageDraw

from core import data, upload
from core.upload import UploadError, digit_from_bytes, stroke_width


def seven(ink="black", paper="white", mode="RGB", size=(200, 300), width=24) -> Image.Image:
    """A thick "7" (no anti-aliasing, so paper and ink are exact inverses of each other)."""
    image = Image.new(mode, size, paper)
    ImageDraw.Draw(image).line([(40, 60), (160, 60), (90, 250)], fill=ink, width=width)
    return image


def ring(size=(200, 300)) -> Image.Image:
    image = Image.new("L", size, 255)
    ImageDraw.Draw(image).ellipse([(50, 70), (150, 230)], outline=0, width=22)
    return image


def encode(image: Image.Image, file_format="PNG", **options) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, file_format, **options)
    return buffer.getvalue()


def png_header_only(width: int, height: int) -> bytes:
    """A PNG declaring width × height whose pixel data is garbage: decoding it could only fail."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)  # 8-bit greyscale
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", b"not zlib") + chunk(b"IEND", b"")


def reason_of(raw: bytes) -> UploadError:
    with pytest.raises(UploadError) as caught:
        digit_from_bytes(raw)
    return caught.value


def centre_of_mass(digit: np.ndarray) -> tuple[float, float]:
    weights = digit / digit.sum()
    return float(weights.sum(axis=1) @ np.arange(28)), float(weights.sum(axis=0) @ np.arange(28))


def ink_box(digit: np.ndarray, level=0.05) -> tuple[int, int]:
    rows, columns = np.nonzero(digit > level)
    return int(rows.max() - rows.min() + 1), int(columns.max() - columns.min() + 1)


def pen_seven(size=(2000, 1500), width=3, speck=0) -> Image.Image:
    """A "7" drawn with a thin pen across most of a large page (as in a phone photo), optionally a speck of dust."""
    page_width, page_height = size
    corners = [(0.35, 0.2), (0.65, 0.2), (0.45, 0.8)]
    page = Image.new("L", size, 255)
    draw = ImageDraw.Draw(page)
    draw.line([(x * page_width, y * page_height) for x, y in corners], fill=0, width=width)
    if speck:
        draw.ellipse([(0.68 * page_width, 0.77 * page_height), (0.68 * page_width + speck, 0.77 * page_height + speck)], fill=0)
    return page


@pytest.fixture(scope="module")
def reference() -> np.ndarray:
    return digit_from_bytes(encode(seven()))


@pytest.fixture(scope="module")
def mnist_sevens() -> dict:
    """The 10th-90th percentile ranges of MNIST's training 7s: pixels above 0.5, and stroke width."""
    split = data.load("mnist")
    sevens = split.x_train[split.y_train == 7]
    counts = (sevens > 0.5).sum(axis=(1, 2))
    widths = [stroke_width(image / image.max()) for image in sevens]
    return {"count": tuple(np.percentile(counts, [10, 90])), "width": tuple(np.percentile(widths, [10, 90]))}


# --- MNIST-like results -------------------------------------------------------------------------

def test_dark_ink_on_paper_becomes_a_bright_centred_20_px_digit(reference):
    assert reference.shape == (28, 28) and reference.dtype == np.float32
    assert reference.min() >= 0.0 and reference.max() == pytest.approx(1.0)
    assert reference[:2].max() == 0.0 and reference[:, :3].max() == 0.0  # black field around the digit
    assert np.median(reference) < 0.02  # background near 0, ink bright
    assert (reference > 0.5).sum() > 40
    height, width = ink_box(reference)
    assert height == 20 and 10 <= width <= 14  # the 300-px-tall picture's aspect ratio (a 7 is narrower than tall)
    row, column = centre_of_mass(reference)
    assert abs(row - 14) <= 1 and abs(column - 14) <= 1


def test_a_ring_is_centred_by_its_centre_of_mass():
    digit = digit_from_bytes(encode(ring()))
    row, column = centre_of_mass(digit)
    assert abs(row - 14) <= 0.6 and abs(column - 14) <= 0.6
    assert digit[14, 14] == 0.0  # the hole stays black
    assert ink_box(digit)[0] == 20


def test_a_wide_picture_is_scaled_by_its_longer_side():
    wide = Image.new("L", (400, 200), 255)
    ImageDraw.Draw(wide).rectangle([(50, 80), (350, 120)], fill=0)  # a bar 300 × 40 px: a "minus"
    digit = digit_from_bytes(encode(wide))
    height, width = ink_box(digit)
    assert width == 20 and 2 <= height <= 4


def test_the_same_digit_as_jpeg_gives_nearly_the_same_result(reference):
    digit = digit_from_bytes(encode(seven(), "JPEG", quality=85))
    assert np.abs(digit - reference).mean() < 0.03


def test_light_ink_on_dark_is_not_inverted(reference):
    digit = digit_from_bytes(encode(seven(ink="white", paper="black")))
    np.testing.assert_allclose(digit, reference, atol=1e-6)


def test_transparent_background_counts_as_white_paper(reference):
    # Transparent pixels are black in their RGB channels: ignoring alpha would leave no ink at all.
    drawing = seven(ink=(0, 0, 0, 255), paper=(0, 0, 0, 0), mode="RGBA")
    np.testing.assert_allclose(digit_from_bytes(encode(drawing)), reference, atol=1e-6)


@pytest.mark.parametrize("mode", ["L", "1", "P"])
def test_greyscale_bilevel_and_palette_pngs_match_the_rgb_one(reference, mode):
    drawing = seven().convert(mode)
    assert Image.open(io.BytesIO(encode(drawing))).mode == mode
    np.testing.assert_allclose(digit_from_bytes(encode(drawing)), reference, atol=1e-6)


def test_a_palette_png_with_a_transparent_background(reference):
    drawing = Image.new("P", (200, 300), 0)
    drawing.putpalette([0, 0, 0, 0, 0, 0])  # paper (index 0) and ink (index 1) are both black...
    ImageDraw.Draw(drawing).line([(40, 60), (160, 60), (90, 250)], fill=1, width=24)
    raw = encode(drawing, transparency=0)  # ...but the paper is transparent
    assert Image.open(io.BytesIO(raw)).info["transparency"] == 0
    np.testing.assert_allclose(digit_from_bytes(raw), reference, atol=1e-6)


def test_a_faint_shadow_is_not_ink(reference):
    drawing = seven()
    ImageDraw.Draw(drawing).rectangle([(170, 260), (195, 295)], fill=(235, 235, 235))  # 8 % of the ink's contrast
    np.testing.assert_allclose(digit_from_bytes(encode(drawing)), reference, atol=1e-6)


def test_a_16_bit_png_is_scaled_not_clipped(reference):
    # Grey paper at 40000/65535 (≈ 0.61): clipping to 8 bits would make it 255 like the paper of an
    # 8-bit picture but also turn mid-grey ink white; scaling keeps ink darker than paper.
    levels = np.where(np.asarray(seven().convert("L")) > 0, 40000, 3000).astype(np.uint16)
    raw = encode(Image.fromarray(levels))
    assert Image.open(io.BytesIO(raw)).mode.startswith("I;16")
    np.testing.assert_allclose(digit_from_bytes(raw), reference, atol=1e-6)


def test_jpeg_exif_orientation_is_applied(reference):
    stored_sideways = seven().transpose(Image.Transpose.ROTATE_90)  # as a phone stores a portrait shot
    exif = Image.Exif()
    exif[0x0112] = 6  # Orientation: rotate 90° clockwise to display
    upright = digit_from_bytes(encode(stored_sideways, "JPEG", quality=90, exif=exif.tobytes()))
    ignored = digit_from_bytes(encode(stored_sideways, "JPEG", quality=90))
    assert np.abs(upright - reference).mean() < 0.03
    assert np.abs(ignored - reference).mean() > 0.1  # the check above could fail


def test_a_multi_picture_jpeg_from_a_camera_is_accepted(reference):
    raw = encode(seven(), "MPO", save_all=True, append_images=[seven()], quality=85)
    assert raw.startswith(b"\xff\xd8\xff") and Image.open(io.BytesIO(raw)).format == "MPO"
    assert np.abs(digit_from_bytes(raw) - reference).mean() < 0.03


def test_a_large_photo_is_handled_at_working_size(reference):
    big = Image.new("RGB", (2000, 3000), "white")  # a 6 MP photo, ten times the reference
    ImageDraw.Draw(big).line([(400, 600), (1600, 600), (900, 2500)], fill="black", width=240)
    digit = digit_from_bytes(encode(big, "JPEG", quality=80))
    assert ink_box(digit)[0] == 20
    assert np.abs(digit - reference).mean() < 0.05


@pytest.mark.parametrize("colour", [0, 255, 128])
def test_a_one_pixel_picture_is_blank_not_a_crash(colour):
    assert reason_of(encode(Image.new("L", (1, 1), colour))).reason == "blank"


def test_a_tiny_dot_is_enlarged_to_a_20_px_block():
    dot = Image.new("L", (3, 3), 255)
    dot.putpixel((1, 1), 0)
    digit = digit_from_bytes(encode(dot))
    assert ink_box(digit, level=0.5) == (20, 20)
    assert centre_of_mass(digit) == pytest.approx((13.5, 13.5), abs=0.6)


# --- stroke width -------------------------------------------------------------------------------

def test_stroke_width_of_a_bar_a_line_and_a_ring():
    bar = np.zeros((100, 400), dtype=np.float32)
    bar[40:60, 50:350] = 1.0
    assert stroke_width(bar) == pytest.approx(20, abs=0.1)
    line = np.zeros((30, 30), dtype=np.float32)
    line[5:25, 10] = 1.0  # 1 px wide: both of its edges count (central differences would see half)
    assert stroke_width(line) == pytest.approx(1, abs=0.05)
    touching_the_edge = np.ones((20, 3), dtype=np.float32)  # a bar filling its picture still has a boundary
    assert stroke_width(touching_the_edge) == pytest.approx(3, abs=0.15)
    # Anti-aliased (4 × 4 samples a pixel), as strokes are after an area-averaging resize.
    rows, columns = (np.mgrid[:800, :800].astype(np.float32) + 0.5) / 4
    ring = (np.hypot(rows - 100, columns - 100) // 6 == 10).astype(np.float32)  # radius 60 to 66
    diagonal = ((np.abs(rows - columns) < 3 * np.sqrt(2)) & (rows > 30) & (rows < 170)).astype(np.float32)
    for band in (ring, diagonal):  # 6 px wide, curved or at 45°: the estimate does not favour the axes
        assert stroke_width(band.reshape(200, 4, 200, 4).mean(axis=(1, 3))) == pytest.approx(6, rel=0.05)


@pytest.mark.parametrize("ink", [np.zeros((5, 5)), -np.ones((5, 5)), np.full((5, 5), np.nan), np.ones(5)],
                         ids=["no-ink", "negative", "nan", "one-dimensional"])
def test_stroke_width_refuses_what_is_not_ink(ink):
    with pytest.raises(ValueError, match="ink"):
        stroke_width(ink)


def test_the_stroke_limits_are_mnists_10th_percentile_and_median():
    images = data.load("mnist").x_train[:2000]
    widths = [stroke_width(image / image.max()) for image in images]
    assert np.percentile(widths, 10) == pytest.approx(upload.MIN_STROKE, abs=0.15)
    assert np.median(widths) == pytest.approx(upload.TARGET_STROKE, abs=0.15)


@pytest.mark.parametrize(("raw", "name"), [
    (encode(pen_seven()), "3-px pen on a 2000×1500 page"),
    (encode(pen_seven((4000, 3000), width=8), "JPEG", quality=90), "8-px pen on a 4000×3000 photo"),
    (encode(pen_seven((100, 100), width=1)), "1-px line in a paint program"),
], ids=["pen-png", "photo-jpeg", "paint-1px"])
def test_a_thin_pen_seven_gets_mnists_stroke(mnist_sevens, raw, name):
    # Without thickening these came out with 20-27 pixels above 0.5 and strokes 1.2 px wide (MNIST 7s: 61-125, 2.0-3.7).
    digit = digit_from_bytes(raw)
    low, high = mnist_sevens["count"]
    assert low <= (digit > 0.5).sum() <= high, name
    low, high = mnist_sevens["width"]
    assert low <= stroke_width(digit) <= high, name
    assert ink_box(digit)[0] == 20
    row, column = centre_of_mass(digit)
    assert abs(row - 14) <= 1 and abs(column - 14) <= 1


@pytest.mark.parametrize("pen_width", [24, 40], ids=["reference", "fat-marker"])
def test_a_thick_enough_stroke_is_left_as_drawn(mnist_sevens, pen_width):
    drawing = seven(width=pen_width)
    ink_rows = np.flatnonzero((np.asarray(drawing.convert("L")) < 128).any(axis=1))
    drawn_width = pen_width * upload.BOX / (ink_rows[-1] - ink_rows[0] + 1)  # the pen's width at the 20-px scale
    digit = digit_from_bytes(encode(drawing))
    # Not thickened (the reference would come out near TARGET_STROKE, 15 % wider), nor thinned.
    assert stroke_width(digit) == pytest.approx(drawn_width, rel=0.07)
    low, high = mnist_sevens["count"]
    assert low <= (digit > 0.5).sum() <= high
    assert ink_box(digit)[0] == 20


def test_a_thin_stroke_comes_out_the_same_wherever_it_falls_between_pixels():
    shifted = [digit_from_bytes(encode(pen_seven((2000 + shift, 1500)))) for shift in (0, 2, 5)]
    assert max(np.abs(digit - shifted[0]).mean() for digit in shifted[1:]) < 0.01


def test_a_speck_of_dust_beside_a_thin_digit_is_not_blown_up():
    clean = digit_from_bytes(encode(pen_seven()))
    dusty = digit_from_bytes(encode(pen_seven(speck=4)))  # a dot as wide as the pen, off the digit
    assert np.abs(dusty - clean).mean() < 0.01
    dotted = digit_from_bytes(encode(pen_seven(speck=30)))  # a deliberate blot is ink and stays
    assert np.abs(dotted - clean).mean() > 0.03


# --- refusals -----------------------------------------------------------------------------------

def test_empty_bytes():
    error = reason_of(b"")
    assert error.reason == "empty" and isinstance(error, ValueError)


def test_too_many_bytes_is_refused_before_looking_at_them():
    error = reason_of(b"\x89PNG\r\n\x1a\n" + bytes(6_000_000))  # not an image either: size comes first
    assert error.reason == "too_large"
    assert error.details == {"size_mb": 5.8, "limit_mb": 5}


def test_just_over_the_limit_reads_as_more_than_the_limit():
    assert reason_of(bytes(upload.MAX_BYTES + 1)).details["size_mb"] == 5.1
    assert reason_of(bytes(upload.MAX_BYTES)).reason == "not_an_image"  # exactly 5 MB is allowed


def test_the_check_allows_whatever_the_widget_lets_through():
    # The uploader's max_upload_size (MB) is MAX_MB; browsers read it as MAX_MB * 10**6 bytes, or
    # MAX_MB * 2**20 on Windows. The check must refuse neither, and nothing beyond the larger.
    assert upload.MAX_BYTES == upload.MAX_MB * 2**20
    assert reason_of(bytes(upload.MAX_MB * 10**6 + 1)).reason == "not_an_image"  # over the decimal reading, passed on
    assert reason_of(bytes(upload.MAX_MB * 2**20 + 1)).details == {"size_mb": 5.1, "limit_mb": upload.MAX_MB}


@pytest.mark.parametrize("raw", [
    encode(seven(), "GIF"),
    encode(seven(), "BMP"),
    encode(seven(), "WEBP"),
    b"this is a text file renamed digit.png\n",
    b"<svg xmlns='http://www.w3.org/2000/svg'/>",
], ids=["gif", "bmp", "webp", "text", "svg"])
def test_anything_but_png_or_jpeg_content_is_not_an_image(raw):
    error = reason_of(raw)
    assert error.reason == "not_an_image"
    assert error.details == {"allowed": "PNG, JPEG"}


@pytest.mark.parametrize(("raw", "family"), [
    (encode(seven())[: len(encode(seven())) // 2], "PNG"),
    (encode(seven(), "JPEG")[: len(encode(seven(), "JPEG")) // 2], "JPEG"),
    (b"\x89PNG\r\n\x1a\n" + b"garbage" * 20, "PNG"),
    (b"\xff\xd8\xff" + b"garbage" * 20, "JPEG"),
], ids=["half-png", "half-jpeg", "png-signature-garbage", "jpeg-signature-garbage"])
def test_truncated_or_corrupt_data_is_unreadable(raw, family):
    error = reason_of(raw)
    assert error.reason == "unreadable"
    assert error.details == {"format": family}


def test_a_real_decompression_bomb_is_refused_from_its_header():
    bomb = encode(Image.new("1", (10_000, 10_000)))
    assert len(bomb) < 1_000_000  # ≈ 12 KB on disk for 100 million pixels
    limit_before, filters_before = Image.MAX_IMAGE_PIXELS, list(warnings.filters)
    with warnings.catch_warnings(record=True) as seen:
        warnings.simplefilter("always")
        error = reason_of(bomb)
    assert not seen  # Pillow's DecompressionBombWarning became the refusal, not a printed warning
    assert error.reason == "too_many_pixels"
    assert error.details["pixels"] == 100_000_000 and error.details["megapixels"] == 100.0
    assert error.details["limit"] == upload.MAX_PIXELS and error.details["limit_megapixels"] == 25.0
    assert (Image.MAX_IMAGE_PIXELS, warnings.filters) == (limit_before, filters_before)  # nothing global changed


def test_a_bomb_under_pillows_own_limit_is_refused_with_its_size():
    bomb = encode(Image.new("L", (6000, 5000)))  # 30 MP: Pillow alone would decode it
    assert len(bomb) < 1_000_000
    error = reason_of(bomb)
    assert error.reason == "too_many_pixels"
    assert error.details == {"width": 6000, "height": 5000, "megapixels": 30.0, "limit_megapixels": 25.0,
                             "pixels": 30_000_000, "limit": upload.MAX_PIXELS}


@pytest.mark.parametrize(("width", "height"), [(5001, 5000), (10_000, 10_000), (40_000, 40_000)])
def test_pixel_count_is_checked_before_any_decoding(width, height):
    # The pixel data is garbage: had anything been decoded, the answer would be "unreadable".
    assert reason_of(png_header_only(100, 100)).reason == "unreadable"
    error = reason_of(png_header_only(width, height))
    assert error.reason == "too_many_pixels"
    assert error.details["pixels"] == width * height


def test_the_largest_allowed_picture_passes_the_pixel_check():
    assert reason_of(png_header_only(5000, 5000)).reason == "unreadable"  # 25 MP exactly: decoding was tried


def test_a_jpeg_declaring_a_huge_size_is_refused():
    raw = bytearray(encode(Image.new("L", (8, 8), 255), "JPEG"))
    start_of_frame = raw.index(b"\xff\xc0")
    raw[start_of_frame + 5:start_of_frame + 9] = struct.pack(">HH", 30_000, 30_000)  # height, width
    error = reason_of(bytes(raw))
    assert error.reason == "too_many_pixels" and error.details["pixels"] == 900_000_000


@pytest.mark.parametrize("colour", ["white", "black", (128, 128, 128)])
def test_a_picture_with_no_ink_is_blank(colour):
    error = reason_of(encode(Image.new("RGB", (200, 300), colour)))
    assert error.reason == "blank"
    assert error.details == {"contrast": 0.0, "minimum": upload.MIN_CONTRAST}


def test_faint_noise_on_paper_is_blank_but_a_faint_digit_is_not():
    rng = np.random.default_rng(0)
    noisy_paper = np.clip(235 + rng.normal(0, 3, (300, 200)), 0, 255).astype(np.uint8)
    error = reason_of(encode(Image.fromarray(noisy_paper)))
    assert error.reason == "blank" and 0 < error.details["contrast"] < upload.MIN_CONTRAST
    pencil = seven(ink=170, paper=235, mode="L")  # grey pencil on grey paper: contrast ≈ 0.25
    assert digit_from_bytes(encode(pencil)).max() == pytest.approx(1.0)


def test_upload_error_rejects_an_unknown_reason():
    with pytest.raises(ValueError, match="reason"):
        UploadError("too_ugly")
