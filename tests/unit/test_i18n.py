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
