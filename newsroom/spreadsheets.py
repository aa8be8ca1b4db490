"""Reading and writing the spreadsheets data desks exchange: CSV as German Excel writes it
(`;`, cp1252, with or without BOM) or as anything else writes it, and XLSX.

Pure: no database, no Django models. Cells come out as they are in the file (strings for CSV,
native values for XLSX); turning them into dates and numbers is `parse_date` and friends.
"""

import codecs
import csv
import io
import itertools
import re
import zipfile
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import IO, Any

from newsroom.zipfiles import declared_zip_entries

NOT_TEXT = "Die Datei ist weder CSV-Text noch eine XLSX-Arbeitsmappe."
EMPTY_FILE = "Die Datei ist leer: es fehlt schon die Kopfzeile."
NOT_DECODABLE = "Die Datei ist weder UTF-8 noch Windows-1252 (cp1252) kodiert."
INVALID_DATE = "kein gültiges Datum '{value}' (erwartet TT.MM.JJJJ oder JJJJ-MM-TT)"
INVALID_NUMBER = "keine Zahl '{value}'"
INVALID_INTEGER = "keine ganze Zahl '{value}'"
TOO_MANY_COLUMNS = "Die Kopfzeile hat {count} Spalten; erlaubt sind höchstens {limit}."
TOO_MANY_CELLS = "Zeile {line} hat {count} Zellen; erlaubt sind höchstens {limit} je Zeile."
UNCLOSED_QUOTE = (
    "Zeile {line}: ein Anführungszeichen wird nicht geschlossen, der Rest der Datei liefe in "
    'eine Zelle. Bitte das Anführungszeichen schließen oder verdoppeln („""“).'
)
STRAY_QUOTE = (
    "Zeile {line}: nach einem schließenden Anführungszeichen folgt kein Trennzeichen; "
    'ein Anführungszeichen in einer Zelle wird verdoppelt („""“).'
)
CELL_TOO_LONG = "Zeile {line}: eine Zelle ist länger als {limit} Zeichen."
BROKEN_CSV = "Zeile {line}: kein gültiges CSV ({detail})."
FORMULA_WITHOUT_VALUE = (
    "Zelle {cell} (Spalte „{column}“) enthält eine Formel ohne gespeicherten Wert: bitte "
    "die Mappe in Excel oder LibreOffice öffnen und speichern oder den Wert statt der "
    "Formel eintragen."
)
WORKBOOK_TOO_LARGE = (
    "Die Arbeitsmappe ist entpackt größer als {limit} MB (oder hat mehr als {members} Teile)."
)
TOO_MANY_ROWS = (
    "Die Datei hat mehr als {limit} Zeilen; so große Dateien bitte mit "
    "„manage.py import_csv“ importieren oder aufteilen."
)
ROW_BEYOND_EXCEL = "Die Arbeitsmappe nennt eine Zeile jenseits der letzten, die Excel kennt."

DELIMITERS = (";", ",", "\t")
# A leading character that makes Excel or LibreOffice evaluate a cell as a formula.
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
ZIP_MAGIC = b"PK\x03\x04"
CHUNK_SIZE = 1 << 20
# Bounds that keep the work per file linear and small whatever a file claims (docs/csv.md).
MAX_COLUMNS = 200
# The csv module's own limit on a cell (131,072 characters), which we keep.
MAX_CELL_CHARS = csv.field_size_limit()
MAX_XLSX_MEMBERS = 1000
# Excel's own last row: a row numbered beyond it is a forgery (openpyxl would walk every
# row up to it).
MAX_XLSX_ROW = 1_048_576


@dataclass(frozen=True)
class Limits:
    """How much a file may make us read: rows (`None`: as many as it has) and the bytes an
    XLSX workbook unpacks to."""

    rows: int | None
    xlsx_inflated_bytes: int


# The command line, run by an operator at the server, reads files of any length.
COMMAND_LIMITS = Limits(rows=None, xlsx_inflated_bytes=200 * 1024 * 1024)
# A web request must finish in seconds with little memory: larger files go through
# `import_csv` (and later a background job).
REQUEST_LIMITS = Limits(rows=20_000, xlsx_inflated_bytes=20 * 1024 * 1024)

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


def open_sheet(*, stream: IO[bytes], limits: Limits = COMMAND_LIMITS) -> Sheet:
    """Open a CSV or XLSX file (told apart by content, not by name) from a seekable stream."""
    start = stream.read(4)
    stream.seek(0)
    if not start:
        raise SpreadsheetError(EMPTY_FILE)
    if start == ZIP_MAGIC:
        return read_xlsx(stream=stream, limits=limits)
    return read_csv(stream=stream, limits=limits)


def _within(rows: Iterator, *, limit: int | None, refusal: str = TOO_MANY_ROWS) -> Iterator:
    """The rows, refused as a whole once there are more than `limit` (blank ones count; the
    header is one of them)."""
    for count, row in enumerate(rows, start=1):
        if limit is not None and count > limit:
            raise SpreadsheetError(refusal.format(limit=f"{limit - 1:,}".replace(",", ".")))
        yield row


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


def read_csv(*, stream: IO[bytes], limits: Limits = COMMAND_LIMITS) -> Sheet:
    """Rows of a CSV file, parsed strictly: a quotation mark left open or followed by stray
    text is an error naming the row, never a row swallowed into a cell."""
    encoding = detect_encoding(chunks=_chunks(stream))
    stream.seek(0)
    size_hint = max(_count_lines(stream) - 1, 0)
    text = io.TextIOWrapper(stream, encoding=encoding, newline="")
    try:
        first_line = text.readline()
    except UnicodeDecodeError as error:
        raise SpreadsheetError(NOT_DECODABLE) from error
    if not first_line.strip():
        raise SpreadsheetError(EMPTY_FILE)
    delimiter = detect_delimiter(header_line=first_line)
    # The header was read to find the delimiter; it goes back in front of the rest.
    reader = csv.reader(itertools.chain([first_line], text), delimiter=delimiter, strict=True)
    # The header is a row too: the limit counts the rows after it.
    records = _within(_csv_records(reader), limit=limits.rows and limits.rows + 1)
    _line, header = next(records)
    _check_width(header, line=1, header=True)

    def rows() -> Iterator[tuple[int, tuple[Any, ...]]]:
        for line, cells in records:
            if any(cells):
                _check_width(cells, line=line)
                if "'" in "".join(cell[:1] for cell in cells):
                    cells = [unescape_formula(cell) for cell in cells]
                yield line, tuple(cells)

    return Sheet(header=tuple(name.strip() for name in header), rows=rows(), size_hint=size_hint)


def _csv_records(reader) -> Iterator[tuple[int, list[str]]]:
    """(row number as in a spreadsheet, cells) per record; a record may span several lines
    of text (a quoted cell with line breaks), so rows are counted, not lines."""
    row = 0
    try:
        for cells in reader:
            row += 1
            yield row, cells
    except UnicodeDecodeError as error:
        raise SpreadsheetError(NOT_DECODABLE) from error
    except csv.Error as error:
        raise SpreadsheetError(_csv_error_message(str(error), line=row + 1)) from error


def _csv_error_message(detail: str, *, line: int) -> str:
    if "unexpected end of data" in detail or "EOF inside string" in detail:
        return UNCLOSED_QUOTE.format(line=line)
    if "expected after" in detail:
        return STRAY_QUOTE.format(line=line)
    if "field larger than field limit" in detail:
        return CELL_TOO_LONG.format(line=line, limit=f"{MAX_CELL_CHARS:,}".replace(",", "."))
    return BROKEN_CSV.format(line=line, detail=detail)


def _check_width(cells: Sequence[Any], *, line: int, header: bool = False) -> None:
    if len(cells) <= MAX_COLUMNS:
        return
    count = f"{len(cells):,}".replace(",", ".")
    if header:
        raise SpreadsheetError(TOO_MANY_COLUMNS.format(count=count, limit=MAX_COLUMNS))
    raise SpreadsheetError(TOO_MANY_CELLS.format(line=line, count=count, limit=MAX_COLUMNS))


def read_xlsx(*, stream: IO[bytes], limits: Limits = COMMAND_LIMITS) -> Sheet:
    """Rows of the first worksheet. A formula cell gives the value Excel saved with it; one
    without a saved value (written by a script, never opened in Excel) is refused."""
    from openpyxl import load_workbook

    _check_archive(stream, inflated_limit=limits.xlsx_inflated_bytes)
    try:
        values_book = load_workbook(stream, read_only=True, data_only=True)
        stream.seek(0)
        formulas_book = load_workbook(stream, read_only=True, data_only=False)
    except Exception as error:  # openpyxl raises many kinds for a broken archive
        raise SpreadsheetError(NOT_TEXT) from error
    books = (values_book, formulas_book)
    sheets = [book.worksheets[0] for book in books]
    for sheet in sheets:
        # Dimensions are what the file claims; a forged "A1:XFD1048576" would make every row
        # 16,384 cells wide.
        sheet.reset_dimensions()
    # One column beyond the limit, so that a row too wide is seen and refused.
    # openpyxl yields every row up to the next one the file names, even row 2,000,000,000:
    # counted, they are refused at the limit (or at Excel's last row).
    paired = _within(
        zip(
            *(sheet.iter_rows(values_only=True, max_col=MAX_COLUMNS + 1) for sheet in sheets),
            strict=True,
        ),
        limit=MAX_XLSX_ROW if limits.rows is None else limits.rows + 1,
        refusal=ROW_BEYOND_EXCEL if limits.rows is None else TOO_MANY_ROWS,
    )
    try:
        header, _ = next(paired, ((), ()))
        header = _trim_row(header)
        if not header or not any(header):
            raise SpreadsheetError(EMPTY_FILE)
        _check_width(header, line=1, header=True)
        width = max(index for index, name in enumerate(header, start=1) if name not in (None, ""))
        header = tuple(str(name or "").strip() for name in header[:width])
    except Exception:
        for book in books:
            book.close()
        raise

    def rows() -> Iterator[tuple[int, tuple[Any, ...]]]:
        try:
            for line, (values, formulas) in enumerate(paired, start=2):
                if values.count(None) == len(values) and formulas.count(None) == len(formulas):
                    continue
                _check_width(_trim_row(values), line=line)
                cells = tuple(
                    _xlsx_cell(value, formula, line=line, index=index, header=header)
                    for index, (value, formula) in enumerate(zip(values, formulas, strict=True))
                )
                if any(cell != "" for cell in cells):
                    yield line, cells[:width]
        except SpreadsheetError:
            raise
        except Exception as error:  # a member that lied about its size fails its checksum
            raise SpreadsheetError(NOT_TEXT) from error
        finally:
            for book in books:
                book.close()

    return Sheet(header=header, rows=rows(), size_hint=None)


def _trim_row(cells: tuple[Any, ...]) -> tuple[Any, ...]:
    end = len(cells)
    while end and cells[end - 1] in (None, ""):
        end -= 1
    return cells[:end]


def _xlsx_cell(value: Any, formula: Any, *, line: int, index: int, header: tuple) -> Any:
    if value is None:
        if isinstance(formula, str) and formula.startswith("="):
            from openpyxl.utils import get_column_letter

            column = header[index] if index < len(header) else ""
            raise SpreadsheetError(
                FORMULA_WITHOUT_VALUE.format(
                    cell=f"{get_column_letter(index + 1)}{line}", column=column
                )
            )
        return ""
    return unescape_formula(value)


def _check_archive(stream: IO[bytes], *, inflated_limit: int) -> None:
    """Refuse a workbook whose parts declare more than the limit. The declared sizes are
    enough: Python's zipfile never inflates a part beyond its declared size (a part that
    lies fails its checksum), and openpyxl reads the parts in small pieces. The number of
    parts is read from the archive's end record first: the list of parts is itself read
    into memory whole."""
    refusal = SpreadsheetError(
        WORKBOOK_TOO_LARGE.format(limit=inflated_limit // 2**20, members=MAX_XLSX_MEMBERS)
    )
    try:
        if (declared_zip_entries(stream) or 0) > MAX_XLSX_MEMBERS:
            raise refusal
        with zipfile.ZipFile(stream) as archive:
            infos = archive.infolist()
    except zipfile.BadZipFile as error:
        raise SpreadsheetError(NOT_TEXT) from error
    finally:
        stream.seek(0)
    if len(infos) > MAX_XLSX_MEMBERS or sum(info.file_size for info in infos) > inflated_limit:
        raise refusal


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
