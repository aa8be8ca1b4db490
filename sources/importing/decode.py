"""Bytes of an uploaded article to text: byte order mark, UTF-8, else Windows-1252.

Anything that is not plausibly a text file is refused with `UnreadableFile` and a reason an
editor can act on; the reasons are constants so callers and tests can match them.
"""

from __future__ import annotations

import codecs
import re

from sources.importing.types import UnreadableFile

# Tens of times the longest real article (850 Wikinews articles: at most 34 KB); the work of
# extracting statements grows with the text, and an upload must finish within a request.
MAX_BYTES = 1024 * 1024

EMPTY_FILE = "Die Datei ist leer."
BLANK_FILE = "Die Datei enthält nur Leerzeichen und Zeilenumbrüche, aber keinen Text."
BINARY_FILE = "Die Datei ist keine Textdatei (Binärdaten)."
FILE_TOO_LARGE = f"Die Datei ist größer als {MAX_BYTES // (1024 * 1024)} MB."
BROKEN_UNICODE = "Die Datei ist als UTF-16/UTF-32 gekennzeichnet, enthält aber ungültige Zeichen."

# Longest first: the UTF-32 LE mark begins with the UTF-16 LE one.
_BYTE_ORDER_MARKS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


def _cp1252_over_latin1() -> dict[int, str]:
    table = {}
    for byte in range(0x80, 0xA0):
        try:
            table[byte] = bytes([byte]).decode("cp1252")
        except UnicodeDecodeError:
            continue  # one of the five bytes Windows-1252 leaves undefined: keep Latin-1
    return table


_CP1252_OVER_LATIN1 = _cp1252_over_latin1()
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")
_BLANK = re.compile(r"[\s\u00ad\u200b-\u200f\u2060\ufeff]*")


def decode(data: bytes, *, filename: str) -> str:
    """Return the text of `data`, without its byte order mark.

    Raises UnreadableFile for empty, blank, oversized or binary input.
    """
    if not data:
        raise UnreadableFile(filename, EMPTY_FILE)
    if len(data) > MAX_BYTES:
        raise UnreadableFile(filename, FILE_TOO_LARGE)
    text = _decode_text(data, filename=filename)
    controls = len(_CONTROL.findall(text))
    if "\x00" in text or controls > max(1, len(text) // 100):
        raise UnreadableFile(filename, BINARY_FILE)
    if is_blank(text):
        raise UnreadableFile(filename, BLANK_FILE)
    return text


def is_blank(text: str) -> bool:
    """Whether a reader would see nothing: only whitespace and invisible characters."""
    return _BLANK.fullmatch(text) is not None


def _decode_text(data: bytes, *, filename: str) -> str:
    for mark, encoding in _BYTE_ORDER_MARKS:
        if data.startswith(mark):
            payload = data[len(mark) :]
            try:
                return payload.decode(encoding)
            except UnicodeDecodeError:
                if encoding != "utf-8":
                    raise UnreadableFile(filename, BROKEN_UNICODE) from None
                # A UTF-8 mark in front of Windows-1252 bytes: some editors do that.
                return _decode_unmarked(payload)
    if b"\x00" in data:
        raise UnreadableFile(filename, BINARY_FILE)
    return _decode_unmarked(data)


def _decode_unmarked(data: bytes) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    # Line by line, so a file pasted together from UTF-8 and Windows-1252 pieces reads right.
    return "".join(_decode_line(line) for line in data.splitlines(keepends=True))


def _decode_line(line: bytes) -> str:
    try:
        return line.decode("utf-8")
    except UnicodeDecodeError:
        return line.decode("latin-1").translate(_CP1252_OVER_LATIN1)
