"""AppTest: the denoising page: both languages, noise controls change the PSNR, URL state, uploads."""

import io
import json

import pytest
from PIL import Image, ImageDraw

from core import noise
from tests.conftest import open_page
from ui.i18n import LANGUAGE_KEY
from ui.lang import en, ko

PAGE = "pages/8_denoising.py"


def psnr_table(app):
    return app.dataframe[0].value


def digit_png() -> bytes:
    """A dark "7" drawn on white paper, like a photo of a handwritten digit."""
    image = Image.new("L", (120, 160), 255)
    ImageDraw.Draw(image).line([(20, 25), (100, 25), (50, 140)], fill=0, width=12)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


@pytest.mark.parametrize(("language", "strings"), [("ko", ko.STRINGS), ("en", en.STRINGS)])
def test_renders_in_both_languages_with_the_denoiser_ahead_at_sigma_0_4(language, strings):
    app = open_page(PAGE, language)
    assert not app.exception and not app.error
    table = psnr_table(app)
    assert list(table.index) == [strings[f"denoising.series.{name}"] for name in ("corrupted", "plain", "denoising", "pca")]
    means = table.mean(axis=1)
    assert means.iloc[0] == pytest.approx(11, abs=1.5)  # the noisy input at σ = 0.4
    assert means.iloc[2] > means.iloc[1] + 2 and means.iloc[2] > means.iloc[3]  # denoising beats plain and PCA


def test_noise_controls_change_the_figures_and_reset_restores_them():
    app = open_page(PAGE, "en")
    default = psnr_table(app)
    app.slider(key="dn_level").set_value(0.1).run()
    assert not app.exception
    lighter = psnr_table(app)
    assert (lighter.iloc[0] > default.iloc[0]).all()  # less noise, higher input PSNR for every image
    app.radio(key="dn_kind").set_value("masking").run()
    app.slider(key="dn_seed").set_value(5).run()
    assert not app.exception and not psnr_table(app).equals(lighter)
    next(b for b in app.button if b.label == en.STRINGS["frame.reset"]).click().run()
    assert psnr_table(app).equals(default)


def shown_kind(app) -> str:
    """The label the noise radio shows as chosen."""
    radio = app.radio(key="dn_kind")
    return radio.options[radio.index]


def test_noise_labels_are_translated():
    korean, english = open_page(PAGE, "ko"), open_page(PAGE, "en")
    assert korean.radio(key="dn_kind").options == [ko.STRINGS[f"noise.kind.{kind}"] for kind in noise.KINDS]
    assert english.radio(key="dn_kind").options == [en.STRINGS[f"noise.kind.{kind}"] for kind in noise.KINDS]
    assert shown_kind(korean) == "가우시안" and shown_kind(english) == "Gaussian"


@pytest.mark.parametrize(("language", "strings"), [("ko", ko.STRINGS), ("en", en.STRINGS)])
def test_a_bookmarked_noise_id_opens_in_either_language(language, strings):
    app = open_page(PAGE, language, {"dn_kind": "salt_pepper"})
    assert not app.exception and not app.error
    assert app.radio(key="dn_kind").value == "salt_pepper"
    assert shown_kind(app) == strings["noise.kind.salt_pepper"]
    assert app.query_params["dn_kind"] == "salt_pepper"
    specs = [json.dumps(json.loads(chart.proto.spec), ensure_ascii=False) for chart in app.get("vega_lite_chart")]
    assert any(strings["denoising.curve_title"].format(kind=strings["noise.kind.salt_pepper"]) in spec for spec in specs)


@pytest.mark.parametrize("value", ["Gaussian", "마스킹", "MASKING", ["masking", "masking"]])
def test_an_unknown_noise_id_falls_back_to_the_default_and_leaves_the_url(value):
    # Labels (in either language), other spellings and repeated parameters are not ids.
    app = open_page(PAGE, "en", {"dn_kind": value, "dn_level": "0.2"})
    assert not app.exception and not app.error
    assert app.radio(key="dn_kind").value == "gaussian" and shown_kind(app) == "Gaussian"
    assert "dn_kind" not in app.query_params
    assert app.slider(key="dn_level").value == 0.2  # the rest of the bookmark still applies


def test_a_chosen_noise_writes_its_id_to_the_url_and_survives_a_language_switch():
    app = open_page(PAGE, "ko")
    assert "dn_kind" not in app.query_params  # the default is not written
    app.radio(key="dn_kind").set_value("masking").run()
    assert not app.exception
    assert app.query_params["dn_kind"] == "masking"  # the id, not "마스킹"
    corrupted = psnr_table(app).iloc[0]

    app.radio(key=LANGUAGE_KEY).set_value("en").run()
    assert not app.exception and not app.error
    assert app.title[0].value == en.STRINGS["denoising.title"]
    assert app.radio(key="dn_kind").value == "masking" and shown_kind(app) == "masking"
    assert app.query_params["dn_kind"] == "masking"
    assert list(psnr_table(app).iloc[0]) == list(corrupted)  # the same masked images, relabelled

    app.radio(key="dn_kind").set_value("salt_pepper").run()
    assert app.query_params["dn_kind"] == "salt_pepper"
    app.radio(key=LANGUAGE_KEY).set_value("ko").run()
    assert app.radio(key="dn_kind").value == "salt_pepper" and shown_kind(app) == "소금-후추"

    app.radio(key="dn_kind").set_value("gaussian").run()  # back to the default: out of the URL
    assert "dn_kind" not in app.query_params
    app.radio(key="dn_kind").set_value("masking").run()
    next(b for b in app.button if b.label == ko.STRINGS["frame.reset"]).click().run()
    assert app.radio(key="dn_kind").value == "gaussian" and "dn_kind" not in app.query_params


@pytest.mark.parametrize(("language", "strings"), [("ko", ko.STRINGS), ("en", en.STRINGS)])
def test_the_uploader_shows_one_size_limit(language, strings):
    from core import upload

    app = open_page(PAGE, language)
    uploader = app.file_uploader(key="dn_upload").proto
    assert uploader.max_upload_size_mb == upload.MAX_MB  # the drop zone's "Limit 5MB per file"
    assert uploader.label == strings["denoising.upload"].format(limit_mb=upload.MAX_MB)
    assert f"{upload.MAX_MB} MB" in uploader.label
    assert not any("stFileUploaderDropzoneInstructions" in m.value for m in app.markdown)  # nothing hidden


def test_an_uploaded_digit_is_denoised_and_bad_files_get_a_message():
    app = open_page(PAGE, "en")
    shown = len(app.get("image"))
    app.file_uploader(key="dn_upload").set_value(("digit.png", digit_png(), "image/png")).run()
    assert not app.exception and not app.error
    assert len(app.get("image")) == shown + 1
    app.file_uploader(key="dn_upload").set_value(("notes.png", b"just some text, not a picture", "image/png")).run()
    assert not app.exception
    assert [e.value for e in app.error] == [en.STRINGS["denoising.upload_error.not_an_image"].format(allowed="PNG, JPEG")]
    assert len(app.get("image")) == shown  # the page itself is still all there


def test_models_are_rebuilt_from_the_assets_after_the_caches_are_cleared():
    """Any browser can clear every cache; the next run must load the models again, unchanged."""
    import streamlit as st

    app = open_page(PAGE)
    before = psnr_table(app)
    st.cache_resource.clear()
    st.cache_data.clear()
    app.run()
    assert not app.exception and not app.error
    assert psnr_table(app).equals(before)


def test_an_altered_weights_file_is_named_on_the_page_with_its_checksum(tmp_path):
    import shutil

    import streamlit as st

    from core import pretrained

    path = pretrained.MODEL_DIR / "dae_mnist_d30.weights.h5"
    backup = shutil.copy(path, tmp_path / path.name)
    expected = pretrained.read_manifest()["models"]["dae_mnist_d30"]["sha256"]
    try:
        path.write_bytes(path.read_bytes()[:-10] + b"0123456789")
        st.cache_resource.clear()
        app = open_page(PAGE, "en")
        assert not app.exception
        assert [e.value for e in app.error] == [en.STRINGS["error.asset"].format(
            file=path.name, problem=en.STRINGS["error.asset_altered"], sha256=expected)]
    finally:
        shutil.copy(backup, path)
        st.cache_resource.clear()
