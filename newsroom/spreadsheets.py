"""Reading and writing the spreadsheets data desks exchange: CSV as German Excel writes it
(`;`, cp1252, with or without BOM) or as anything else writes it, and XLSX.

Pure: no database, no Django models. Cells come out as they are in the file (strings for CSV,
native values for XLSX); turning them into dates and numbers is `parse_date` and friends.
"""

import codecs
import csv
import io
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import IO, Any

NOT_TEXT = "Die Datei ist weder CSV-Text noch eine XLSX-Arbeitsmappe."
EMPTY_FILE = "Die Datei ist leer: es fehlt schon die Kopfzeile."
NOT_DECODABLE = "Die Datei ist weder UTF-8 noch Windows-1252 (cp1252) kodiert."
INVALID_DATE = "kein gültiges Datum '{value}' (erwartet TT.MM.JJJJ oder JJJJ-MM-TT)"
INVALID_NUMBER = "keine Zahl '{value}'"
INVALID_INTEGER = "keine ganze Zahl '{value}'"

DELIMITERS = (";", ",", "\t")
# A leading character that makes Excel or LibreOffice evaluate a cell as a formula.
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
ZIP_MAGIC = b"PK\x03\x04"
CHUNK_SIZE = 1 << 20

_GERMAN_DATE = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})$")
_ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_INTEGER = re.compile(r"^[+-]?\d+$")
_DECIMAL = re.compile(r"^[+-]?(\d+([.,]\d*)?|[.,]\d+)$")


class SpreadsheetError(ValueError):
    """The file as a whole cannot be read; the message is meant for the person who sent it."""


@dataclass(frozen=True)
class Sheet:
    """A header and the rows under it; `rows` yields (line number, cells) and is read lazily.

    Line numbers count as a spreadsheet does: the header is line 1."""

    header: tuple[str, ...]
    rows: Iterator[tuple[int, tuple[Any, ...]]]
    # About how many rows follow the header (for a progress bar), if known.
    size_hint: int | None = None


def open_sheet(*, stream: IO[bytes]) -> Sheet:
    """Open a CSV or XLSX file (told apart by content, not by name) from a seekable stream."""
    start = stream.read(4)
    stream.seek(0)
    if not start:
        raise SpreadsheetError(EMPTY_FILE)
    if start == ZIP_MAGIC:
        return read_xlsx(stream=stream)
    return read_csv(stream=stream)


def detect_encoding(*, chunks: Iterable[bytes]) -> str:
    """UTF-8 with BOM, else UTF-8 if every byte of the file decodes as such, else cp1252."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    first = True
    try:
        for chunk in chunks:
            if first and chunk.startswith(codecs.BOM_UTF8):
                return "utf-8-sig"
            first = False
            if b"\x00" in chunk:
                raise SpreadsheetError(NOT_TEXT)
            decoder.decode(chunk)
        decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return "cp1252"
    return "utf-8"


def _count_lines(stream: IO[bytes]) -> int:
    count = sum(chunk.count(b"\n") for chunk in _chunks(stream))
    stream.seek(0)
    return count


def detect_delimiter(*, header_line: str) -> str:
    """The delimiter that splits the header line most often; `;` (German Excel's, and ours)
    wins ties, including the tie of a single-column file."""
    counts = {delimiter: header_line.count(delimiter) for delimiter in DELIMITERS}
    return max(DELIMITERS, key=lambda delimiter: counts[delimiter])


def _chunks(stream: IO[bytes]) -> Iterator[bytes]:
    while chunk := stream.read(CHUNK_SIZE):
        yield chunk


def read_csv(*, stream: IO[bytes]) -> Sheet:
    encoding = detect_encoding(chunks=_chunks(stream))
    stream.seek(0)
    size_hint = max(_count_lines(stream) - 1, 0)
    text = io.TextIOWrapper(stream, encoding=encoding, newline="")
    try:
        header_line = text.readline()
    except UnicodeDecodeError as error:
        raise SpreadsheetError(NOT_DECODABLE) from error
    if not header_line.strip():
        raise SpreadsheetError(EMPTY_FILE)
    delimiter = detect_delimiter(header_line=header_line)
    header = next(csv.reader([header_line], delimiter=delimiter))
    reader = csv.reader(text, delimiter=delimiter)

    def rows() -> Iterator[tuple[int, tuple[Any, ...]]]:
        try:
            for line, cells in enumerate(reader, start=2):
                if any(cells):
                    if "'" in "".join(cell[:1] for cell in cells):
                        cells = [unescape_formula(cell) for cell in cells]
                    yield line, tuple(cells)
        except UnicodeDecodeError as error:
            raise SpreadsheetError(NOT_DECODABLE) from error

    return Sheet(header=tuple(name.strip() for name in header), rows=rows(), size_hint=size_hint)


def read_xlsx(*, stream: IO[bytes]) -> Sheet:
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(stream, read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds for a broken archive
        raise SpreadsheetError(NOT_TEXT) from error
    worksheet = workbook.worksheets[0]
    values = worksheet.iter_rows(values_only=True)
    header = next(values, None)
    if not header or not any(header):
        workbook.close()
        raise SpreadsheetError(EMPTY_FILE)
    width = max(index for index, name in enumerate(header, start=1) if name not in (None, ""))

    def rows() -> Iterator[tuple[int, tuple[Any, ...]]]:
        for line, cells in enumerate(values, start=2):
            cells = tuple("" if cell is None else unescape_formula(cell) for cell in cells)
            if any(cell != "" for cell in cells):
                yield line, cells[:width]
        workbook.close()

    return Sheet(
        header=tuple(str(name or "").strip() for name in header[:width]),
        rows=rows(),
        size_hint=(worksheet.max_row or 1) - 1,
    )


def unescape_formula(cell: Any) -> Any:
    """Undo `neutralise_formula`, so that an exported file imports to the same values."""
    if isinstance(cell, str) and len(cell) > 1 and cell[0] == "'" and cell[1] in FORMULA_TRIGGERS:
        return cell[1:]
    return cell


def neutralise_formula(cell: Any) -> Any:
    """Prefix text a spreadsheet would run as a formula with an apostrophe, which shows as text."""
    if isinstance(cell, str) and cell.startswith(FORMULA_TRIGGERS):
        return f"'{cell}"
    return cell


def csv_cell(value: Any) -> str:
    """A cell as German Excel reads it back: ISO dates, decimal commas, formulas defused."""
    if value is None:
        return ""
    if isinstance(value, float):
        return repr(value).replace(".", ",")
    if isinstance(value, date | datetime):
        return value.isoformat()
    return neutralise_formula(str(value))


def csv_lines(*, header: Sequence[str], rows: Iterable[Sequence[Any]]) -> Iterator[str]:
    """`;`-separated CSV (what German Excel expects), one line at a time: the header, then
    each row with its cells as `csv_cell` writes them."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")

    def line(cells: Sequence[Any]) -> str:
        buffer.seek(0)
        buffer.truncate()
        writer.writerow(cells)
        return buffer.getvalue()

    yield line(header)
    for row in rows:
        yield line([csv_cell(value) for value in row])


def write_csv(*, stream: IO[str], header: Sequence[str], rows: Iterable[Sequence[Any]]) -> int:
    """Write `csv_lines`; open `stream` with encoding "utf-8-sig" so Excel sees the BOM and
    reads UTF-8. Returns the number of rows written."""
    count = -1
    for line in csv_lines(header=header, rows=rows):
        stream.write(line)
        count += 1
    return count


def csv_chunks(*, header: Sequence[str], rows: Iterable[Sequence[Any]]) -> Iterator[bytes]:
    """`csv_lines` as UTF-8 with a BOM, a line at a time (for a streamed download)."""
    yield codecs.BOM_UTF8
    for line in csv_lines(header=header, rows=rows):
        yield line.encode("utf-8")


def csv_bytes(*, header: Sequence[str], rows: Iterable[Sequence[Any]]) -> bytes:
    return b"".join(csv_chunks(header=header, rows=rows))


def write_xlsx(*, stream: IO[bytes], header: Sequence[str], rows: Iterable[Sequence[Any]]) -> int:
    """Write a one-sheet workbook row by row (openpyxl's write-only mode keeps memory flat)."""
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet()
    sheet.append(list(header))
    count = 0
    for row in rows:
        sheet.append([neutralise_formula(value) for value in row])
        count += 1
    workbook.save(stream)
    return count


def parse_date(value: Any) -> date:
    """`28.02.2019`, `28.2.2019`, `2019-02-28`, or a date cell from a workbook."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = str(value).strip()
    if match := _GERMAN_DATE.match(text):
        day, month, year = (int(part) for part in match.groups())
    elif match := _ISO_DATE.match(text):
        year, month, day = (int(part) for part in match.groups())
    else:
        raise ValueError(INVALID_DATE.format(value=text))
    try:
        return date(year, month, day)
    except ValueError:
        raise ValueError(INVALID_DATE.format(value=text)) from None


def parse_decimal(value: Any) -> float:
    """`0,85` or `0.85` (no thousands separators: in German `1.000` would be ambiguous)."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return float(value)
    text = str(value).strip().replace(" ", "")
    if not _DECIMAL.match(text):
        raise ValueError(INVALID_NUMBER.format(value=text))
    return float(text.replace(",", "."))


def parse_integer(value: Any) -> int:
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    text = str(value).strip()
    if not _INTEGER.match(text):
        raise ValueError(INVALID_INTEGER.format(value=text))
    return int(text)
