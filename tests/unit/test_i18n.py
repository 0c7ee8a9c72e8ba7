"""The two catalogues stay in step: same keys, same placeholders, no empty strings."""

import re
import string
from pathlib import Path

from ui.lang import en, ko

ROOT = Path(__file__).resolve().parents[2]
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
    titles = [text for key, text in ko.STRINGS.items() if key.endswith(".title") and key != "frame.app_title"]
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
        if path.name == "ko.py":
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
