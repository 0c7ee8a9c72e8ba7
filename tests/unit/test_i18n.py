"""The two catalogues stay in step: same keys, same placeholders, no empty strings."""

import re
import string

from ui.lang import en, ko

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
    titles = [text for key, text in ko.STRINGS.items() if key.endswith(".title") and key != "app.title"]
    assert titles and all(hangul.search(text) for text in titles)


def test_labels_of_url_bound_options_are_language_neutral():
    # Streamlit puts a radio's label into the URL: a Korean bookmark must open in English too.
    import ast
    from pathlib import Path

    prefixes = set()
    for page in Path(__file__).resolve().parents[2].glob("pages/*.py"):
        for call in ast.walk(ast.parse(page.read_text())):
            if isinstance(call, ast.Call) and getattr(call.func, "attr", "") == "radio" \
                    and getattr(call.func.value, "id", "") == "controls":
                prefixes.add(call.args[-1].value + ".")
    assert prefixes  # the gradient-vanishing page binds two radios
    for key, korean in ko.STRINGS.items():
        if key.startswith(tuple(prefixes)):
            assert korean == en.STRINGS[key], key
