import codecs

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sources.importing.decode import (
    BINARY_FILE,
    BLANK_FILE,
    BROKEN_UNICODE,
    EMPTY_FILE,
    FILE_TOO_LARGE,
    MAX_BYTES,
    decode,
    is_blank,
)
from sources.importing.types import UnreadableFile

GERMAN = "Außenminister Pompeo: „Über Nordkoreas Abrüstung wird weiter verhandelt.“ – 5 €"


def refusal(data: bytes) -> str:
    with pytest.raises(UnreadableFile) as refused:
        decode(data, filename="artikel.txt")
    assert refused.value.filename == "artikel.txt"
    assert str(refused.value) == f"artikel.txt: {refused.value.reason}"
    return refused.value.reason


def test_utf8_is_read_as_utf8():
    assert decode(GERMAN.encode("utf-8"), filename="a.txt") == GERMAN


def test_utf8_byte_order_mark_is_dropped():
    assert decode(codecs.BOM_UTF8 + GERMAN.encode("utf-8"), filename="a.txt") == GERMAN


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-32"])
def test_utf16_and_utf32_with_byte_order_mark(encoding):
    mark = {"utf-16-le": codecs.BOM_UTF16_LE, "utf-16-be": codecs.BOM_UTF16_BE}.get(encoding, b"")
    assert decode(mark + GERMAN.encode(encoding), filename="a.txt") == GERMAN


def test_windows_1252_when_not_utf8():
    assert decode(GERMAN.encode("cp1252"), filename="a.txt") == GERMAN


def test_bytes_windows_1252_leaves_undefined_are_read_as_latin1():
    assert decode(b"Gr\xfc\xdfe \x81 aus Hanoi", filename="a.txt") == "Grüße \x81 aus Hanoi"


def test_mixed_utf8_and_windows_1252_lines_each_read_right():
    data = "Grüße aus Hanoi\n".encode() + "Grüße aus Singapur\n".encode("cp1252")
    assert decode(data, filename="a.txt") == "Grüße aus Hanoi\nGrüße aus Singapur\n"


def test_utf8_mark_in_front_of_windows_1252_bytes():
    data = codecs.BOM_UTF8 + "Grüße".encode("cp1252")
    assert decode(data, filename="a.txt") == "Grüße"


def test_line_endings_are_left_alone():
    assert decode(b"Titel\r\n\r\nText\rmehr", filename="a.txt") == "Titel\r\n\r\nText\rmehr"


def test_empty_file_is_refused():
    assert refusal(b"") == EMPTY_FILE


@pytest.mark.parametrize("data", [b" \n\t\r\n", codecs.BOM_UTF8 + b"\n", b"\xc2\xa0 \n"])
def test_blank_file_is_refused(data):
    assert refusal(data) == BLANK_FILE


def test_file_with_nul_bytes_is_binary():
    assert refusal(b"PK\x03\x04\x00\x00Nordkorea.txt") == BINARY_FILE


def test_file_full_of_control_characters_is_binary():
    assert refusal(bytes(range(1, 9)) * 20 + b"Text") == BINARY_FILE


def test_a_stray_control_character_in_a_long_text_is_tolerated():
    text = "Ein Absatz mit einem Seitenvorschub.\x0c" * 20 + "\x1a"
    assert decode(text.encode(), filename="a.txt") == text


def test_utf16_mark_with_broken_payload_is_refused():
    assert refusal(codecs.BOM_UTF16_LE + b"a\x00\x00\xd8") == BROKEN_UNICODE


def test_file_over_the_size_limit_is_refused():
    assert refusal(b"a" * (MAX_BYTES + 1)) == FILE_TOO_LARGE


def test_file_at_the_size_limit_is_read():
    assert len(decode(b"a" * MAX_BYTES, filename="a.txt")) == MAX_BYTES


def test_reasons_are_german_sentences():
    for reason in (EMPTY_FILE, BLANK_FILE, BINARY_FILE, FILE_TOO_LARGE, BROKEN_UNICODE):
        assert reason.startswith("Die Datei") and reason.endswith(".")


@given(st.text(alphabet=st.characters(codec="cp1252", exclude_categories=("Cc",)), min_size=1))
def test_any_windows_1252_text_decodes_to_itself(text):
    data = text.encode("cp1252")
    if is_blank(text) or _is_utf8(data):
        return
    assert decode(data, filename="a.txt") == text


@given(st.text(alphabet=st.characters(exclude_categories=("Cc", "Cs")), min_size=1))
def test_any_utf8_text_decodes_to_itself(text):
    if is_blank(text):
        return
    assert decode(text.encode("utf-8"), filename="a.txt") == text.removeprefix("\ufeff")


def _is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True
