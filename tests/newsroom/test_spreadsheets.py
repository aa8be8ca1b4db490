import codecs
import io
from datetime import date, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsroom.spreadsheets import (
    EMPTY_FILE,
    INVALID_DATE,
    INVALID_NUMBER,
    NOT_TEXT,
    SpreadsheetError,
    csv_bytes,
    csv_chunks,
    detect_delimiter,
    detect_encoding,
    neutralise_formula,
    open_sheet,
    parse_date,
    parse_decimal,
    parse_integer,
    unescape_formula,
    write_xlsx,
)


def read(data: bytes):
    sheet = open_sheet(stream=io.BytesIO(data))
    return sheet.header, list(sheet.rows)


def test_german_excel_csv_semicolon_cp1252_without_bom():
    data = "slug;title;city\r\nmünchen-2020;Gipfel in München;München\r\n".encode("cp1252")
    header, rows = read(data)
    assert header == ("slug", "title", "city")
    assert rows == [(2, ("münchen-2020", "Gipfel in München", "München"))]


def test_utf8_with_bom_comma_separated():
    data = codecs.BOM_UTF8 + "slug,title\nhanoi,„Hanoi“\n".encode()
    assert read(data) == (("slug", "title"), [(2, ("hanoi", "„Hanoi“"))])


def test_tab_separated_utf8_without_bom():
    data = "slug\ttitle\nhanoi\tÄrger in Hanoi\n".encode()
    assert read(data) == (("slug", "title"), [(2, ("hanoi", "Ärger in Hanoi"))])


def test_quoted_cells_keep_delimiters_and_line_breaks_and_rows_are_numbered_as_in_excel():
    data = b'slug;text\n\na;"eins; zwei\ndrei"\nb;vier\n'
    header, rows = read(data)
    assert rows == [(3, ("a", "eins; zwei\ndrei")), (4, ("b", "vier"))]


def test_encoding_is_cp1252_when_a_late_byte_is_not_utf8():
    chunks = [b"a" * 10, "ä".encode("cp1252")]
    assert detect_encoding(chunks=chunks) == "cp1252"
    assert detect_encoding(chunks=[codecs.BOM_UTF8 + b"a"]) == "utf-8-sig"
    assert detect_encoding(chunks=["ä".encode()]) == "utf-8"


def test_delimiter_is_the_one_splitting_the_header_most():
    assert detect_delimiter(header_line="a;b;c\n") == ";"
    assert detect_delimiter(header_line="a,b\n") == ","
    assert detect_delimiter(header_line="a\tb\n") == "\t"
    assert detect_delimiter(header_line="slug\n") == ";"


def test_binary_and_empty_files_are_refused_with_a_message():
    with pytest.raises(SpreadsheetError, match=NOT_TEXT):
        read(b"\x00\x01\x02\x03binary")
    with pytest.raises(SpreadsheetError, match=EMPTY_FILE):
        read(b"")


def test_xlsx_rows_come_back_with_native_values():
    buffer = io.BytesIO()
    write_xlsx(stream=buffer, header=["slug", "starts_on"], rows=[["a", date(2019, 2, 28)]])
    header, rows = read(buffer.getvalue())
    assert header == ("slug", "starts_on")
    assert rows == [(2, ("a", datetime(2019, 2, 28)))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("28.02.2019", date(2019, 2, 28)),
        ("1.3.2019", date(2019, 3, 1)),
        ("2019-02-28", date(2019, 2, 28)),
        (datetime(2019, 2, 28, 0, 0), date(2019, 2, 28)),
    ],
)
def test_german_and_iso_dates(text, expected):
    assert parse_date(text) == expected


@pytest.mark.parametrize("text", ["31.02.2019", "2019-13-01", "28/02/2019", "gestern"])
def test_impossible_dates_are_refused(text):
    with pytest.raises(ValueError, match="kein gültiges Datum"):
        parse_date(text)
    assert INVALID_DATE.format(value=text).startswith("kein gültiges Datum")


def test_decimal_commas_and_points():
    assert parse_decimal("0,85") == 0.85
    assert parse_decimal("0.85") == 0.85
    assert parse_decimal(" 1 ") == 1.0
    with pytest.raises(ValueError, match=INVALID_NUMBER.format(value="1.000,5")):
        parse_decimal("1.000,5")


def test_integers_from_text_and_workbook_cells():
    assert parse_integer("12") == 12
    assert parse_integer(3.0) == 3
    with pytest.raises(ValueError):
        parse_integer("3,5")


@pytest.mark.parametrize("cell", ["=1+1", "+49 30", "-1", "@SUM(A1)", "\tx", "\rx"])
def test_formula_triggers_are_neutralised_and_restored(cell):
    assert neutralise_formula(cell) == "'" + cell
    assert unescape_formula(neutralise_formula(cell)) == cell


def test_csv_export_has_a_bom_semicolons_decimal_commas_and_no_live_formulas():
    data = csv_bytes(header=["a", "b", "c"], rows=[["=HYPERLINK(1)", 0.5, date(2019, 2, 28)]])
    assert data.startswith(codecs.BOM_UTF8)
    assert data.decode("utf-8-sig") == "a;b;c\r\n'=HYPERLINK(1);0,5;2019-02-28\r\n"


def test_csv_chunks_are_the_bom_then_one_line_each_read_lazily():
    def rows():
        yield ["eins", 'mit "Zitat"']
        raise AssertionError("read only as far as asked")

    chunks = csv_chunks(header=["a", "b"], rows=rows())
    assert [next(chunks) for _ in range(3)] == [
        codecs.BOM_UTF8,
        b"a;b\r\n",
        b'eins;"mit ""Zitat"""\r\n',
    ]


@given(
    st.lists(
        st.text(
            alphabet=st.characters(blacklist_categories=["Cs", "Cc"]) | st.sampled_from("\n=;,\"'")
        ).filter(lambda s: s.strip() == s and s != "" and not s.startswith("'")),
        min_size=1,
        max_size=4,
    )
)
def test_any_text_survives_a_csv_round_trip(cells):
    header = [f"c{index}" for index in range(len(cells))]
    _, rows = read(csv_bytes(header=header, rows=[cells]))
    assert rows == [(2, tuple(cells))]
