"""The two catalogues stay in step (same keys, same placeholders, no empty strings), every key is
defined once, in the file of its chapter, and used; the Markdown texts exist in both languages."""

import ast
import re
import string
from collections import Counter
from pathlib import Path

from ui.frame import CHAPTERS, all_pages
from ui.lang import PARTS, en, ko, markdown_files

ROOT = Path(__file__).resolve().parents[2]
LANG = ROOT / "ui" / "lang"
LANGUAGES = {"ko": ko.STRINGS, "en": en.STRINGS}
# Widgets whose options have labels; select_slider is left out: ui.controls gives it numbers only.
CHOICE_WIDGETS = {"radio", "selectbox", "segmented_control", "pills", "multiselect"}

PLACEHOLDER = string.Formatter()


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in PLACEHOLDER.parse(text) if name}


def test_same_keys_in_both_languages():
    assert set(ko.STRINGS) == set(en.STRINGS)


def test_same_placeholders_and_no_empty_text():
    for key, korean in ko.STRINGS.items():
        assert korean.strip() and en.STRINGS[key].strip(), key
        assert placeholders(korean) == placeholders(en.STRINGS[key]), key


def test_korean_catalogue_is_korean():
    hangul = re.compile("[가-힣]")
    titles = [text for key, text in ko.STRINGS.items() if key.endswith(".title")]
    assert titles and all(hangul.search(text) for text in titles)


# One Korean word per term across the app, as in the lecture notes: a rejected variant → the chosen term.
REJECTED_KOREAN = {
    "에폭": "에포크",  # epoch
    "판별기": "판별자",  # discriminator
    "생성기": "생성자",  # generator
    "복원": "재구성",  # reconstruction (the notes' 재구성 오차)
    "번들": "사전 학습 모델",  # the bundled pretrained models ("사전 학습된 ...")
    "내장 모델": "사전 학습 모델",
}
HANGUL = re.compile("[가-힣]")


def korean_texts() -> dict[str, str]:
    """Every Korean text a viewer can see: the catalogue, and any Korean literal in the app's code."""
    import ast

    texts = {f"ko.STRINGS[{key!r}]": text for key, text in ko.STRINGS.items()}
    sources = [ROOT / "streamlit_app.py", *ROOT.glob("pages/*.py"), *ROOT.glob("ui/**/*.py"), *ROOT.glob("core/**/*.py")]
    for path in sources:
        if path.is_relative_to(LANG):  # the catalogue itself is in `texts` already
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and HANGUL.search(node.value):
                texts[f"{path.relative_to(ROOT)}:{node.lineno}"] = node.value
    return texts


def test_one_korean_word_per_term():
    texts = korean_texts()
    assert len(texts) > len(ko.STRINGS)  # the code's own Korean (the language picker) is looked at too
    found = [f"{where}: {variant!r} → {chosen!r}" for where, text in texts.items()
             for variant, chosen in REJECTED_KOREAN.items() if variant in text]
    assert not found, "\n".join(found)


def test_the_chosen_terms_are_in_use():
    catalogue = " ".join(ko.STRINGS.values())
    for chosen in set(REJECTED_KOREAN.values()):
        assert chosen in catalogue, chosen


def test_choice_widgets_leave_their_urls_to_ui_controls():
    """Streamlit's URL binding writes a choice's label, which is translated; ui.controls.choice
    writes the option's id instead. Only the language picker, labelled the same in both languages, binds."""
    import ast

    bound = set()
    for path in [ROOT / "streamlit_app.py", *ROOT.glob("pages/*.py"), *ROOT.glob("ui/**/*.py")]:
        for call in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(call, ast.Call) and getattr(call.func, "attr", "") in CHOICE_WIDGETS \
                    and any(keyword.arg == "bind" for keyword in call.keywords):
                bound.add((str(path.relative_to(ROOT)), call.func.attr))
    assert bound == {("ui/frame.py", "radio")}


# --- one key, one place: the layout of ui/lang/<language>/ ---

PAGE_CHAPTER = {page: chapter for chapter, pages in CHAPTERS for page, _ in pages}
# Strings of ui/ (and core's noise kinds) used by several pages: ui/lang/<language>/shared.py.
SHARED_PREFIXES = {"frame", "player", "training", "charts", "data", "error", "model", "noise", "latent"}
# Prose of more than this many characters goes to markdown/<key>.md, where a diff stays readable.
LONGEST_PYTHON_TEXT = 500


def part_of(key: str) -> str:
    """The file a key belongs in: its page's chapter, its chapter, home, or shared."""
    head = key.split(".")[0]
    if head in PAGE_CHAPTER:
        return PAGE_CHAPTER[head]
    return head if head in {"home", *dict(CHAPTERS)} else "shared"


def defined_keys(language: str) -> dict[str, list[str]]:
    """{file: its keys as written}, read from the source: a dict literal keeps a repeated key silently."""
    found = {}
    for part in PARTS:
        path = LANG / language / f"{part}.py"
        tree = ast.parse(path.read_text(encoding="utf-8"))
        (catalogue,) = [node.value for node in tree.body if isinstance(node, ast.Assign)
                        and [target.id for target in node.targets] == ["STRINGS"]]
        found[part] = [key.value for key in catalogue.keys]
    found["markdown"] = [path.name.removesuffix(".md") for path in markdown_files(language)]
    return found


def test_every_key_is_defined_once():
    for language in LANGUAGES:
        counts = Counter(key for keys in defined_keys(language).values() for key in keys)
        twice = [key for key, count in counts.items() if count > 1]
        assert not twice, f"{language}: {twice}"


def test_every_key_is_in_its_chapter_file():
    """A key starts with the id of the page that shows it, of its chapter, or a shared prefix."""
    for language in LANGUAGES:
        for part, keys in defined_keys(language).items():
            if part == "markdown":
                continue
            misplaced = [key for key in keys if part_of(key) != part]
            assert not misplaced, f"ui/lang/{language}/{part}.py: {misplaced}"
            if part == "shared":
                assert {key.split(".")[0] for key in keys} <= SHARED_PREFIXES


def test_markdown_texts_exist_in_both_languages():
    names = {language: [path.name for path in markdown_files(language)] for language in LANGUAGES}
    assert names["ko"] and names["ko"] == names["en"]
    for language in LANGUAGES:
        for path in markdown_files(language):
            raw = path.read_bytes().decode("utf-8")
            # One final newline, which the loader drops: the text shown is the rest, byte for byte.
            assert raw.endswith("\n") and not raw.endswith("\n\n") and "\r" not in raw, path
            assert part_of(path.name.removesuffix(".md")) != "shared", path


def test_long_texts_are_in_markdown():
    markdown = {path.name.removesuffix(".md") for path in markdown_files("ko")}
    for strings in LANGUAGES.values():
        long = [key for key, text in strings.items() if len(text) > LONGEST_PYTHON_TEXT and key not in markdown]
        assert not long


# Keys the code builds from an id at run time, so no literal in the source names them whole: as the
# code writes them, with {} for the id (one word, no dot). Each must still be in the source, as an
# f-string or, for a choice's option labels, as the prefix passed to ui.controls.radio (pattern.{}).
# Page and chapter titles and summaries (f"{page_id}.title") are checked against CHAPTERS instead.
BUILT_KEYS = [
    "home.diagram.{}", "home.kw.{}", "home.kw.{}_body",  # streamlit_app.py
    "data.name.{}", "noise.kind.{}",  # option labels: the data set (ui/loaders.py), the noise kind (pages 8, 9)
    "training.term.{}", "training.term_title.{}", "training.chart_title.{}",  # ui/live_training.py: per family, per term
    "gradient_descent.regime.{}", "gradient_descent.series.{}",
    "sigmoid_neuron.loss.{}", "sigmoid_neuron.preset.{}",
    "gradient_vanishing.act.{}", "gradient_vanishing.init.{}", "gradient_vanishing.preset.{}",
    "gradient_vanishing.derivative_title.{}",
    "maximum_likelihood.metric.{}", "maximum_likelihood.metric.{}_{}",
    "manifold_maps.method.{}",
    "interpolation.path.{}", "interpolation.same_label.{}",
    "denoising.series.{}", "denoising.upload_error.{}",
    "train_autoencoder.arch.{}",
    "ae_vs_vae.{}.title", "ae_vs_vae.series.{}",
    "vae_beta.regime.{}", "vae_beta.split.{}", "vae_beta.epochs_title.{}",
    "train_vae.metric.{}",
    "aae.prior_name.{}", "aae.component_caption.{}", "aae.series.{}", "aae.metric.{}", "aae.metric.{}_help", "aae.col.{}",
    "gan_1d.curve.{}",
    "gan_lab.data_name.{}", "gan_lab.upload_error.{}", "gan_lab.loss_name.{}", "gan_lab.optimizer.{}",
    "gan_lab.noise_name.{}", "gan_lab.layer.{}", "gan_lab.field_legend.{}", "gan_lab.field_tooltip.{}",
    "gan_lab.plane_caption.{}",
    "gan_digits.path.{}", "gan_vs_vae.kind.{}", "cgan.kind.{}",
]
TITLE_KEYS = ({f"{page}.title" for page, _ in all_pages()}
              | {f"{chapter}.{what}" for chapter, _ in CHAPTERS for what in ("title", "summary")})


def source_strings() -> tuple[set[str], set[str]]:
    """The app's string literals, and its f-strings with {} for each replacement field."""
    literals, shapes = set(), set()
    sources = [ROOT / "streamlit_app.py", *ROOT.glob("pages/*.py"), *ROOT.glob("ui/**/*.py"), *ROOT.glob("core/**/*.py")]
    for path in sources:
        if path.is_relative_to(LANG):
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                literals.add(node.value)
            elif isinstance(node, ast.JoinedStr):
                shapes.add("".join(part.value if isinstance(part, ast.Constant) else "{}" for part in node.values))
    return literals, shapes


def built_pattern(shape: str) -> re.Pattern:
    return re.compile("[a-z0-9_]+".join(re.escape(piece) for piece in shape.split("{}")))


def test_built_keys_are_still_built():
    literals, shapes = source_strings()
    stale = [shape for shape in BUILT_KEYS if shape not in shapes
             and not (shape.endswith(".{}") and shape.removesuffix(".{}") in literals)]
    assert not stale
    for shape in BUILT_KEYS:  # and each names at least one key
        assert any(built_pattern(shape).fullmatch(key) for key in ko.STRINGS), shape
    assert not TITLE_KEYS - set(ko.STRINGS)


def test_every_key_is_used():
    literals, _ = source_strings()
    patterns = [built_pattern(shape) for shape in BUILT_KEYS]
    unused = [key for key in ko.STRINGS if key not in literals and key not in TITLE_KEYS
              and not any(pattern.fullmatch(key) for pattern in patterns)]
    assert not unused
