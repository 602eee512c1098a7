"""Reading and writing spreadsheets (CSV and XLSX) safely.

Reading refuses hostile files before they can exhaust memory: a cap on the file's
size, on a line's and a cell's length, on rows and columns, and for XLSX on the
uncompressed size and compression ratio of the zip members (a zip bomb) and on the
sheet's declared dimensions, all checked before openpyxl parses anything.

Writing neutralises cells a spreadsheet would run as formulas: a text starting with
=, +, -, @, a tab or a carriage return gets a leading apostrophe. Reading takes that
apostrophe off again, so an exported file reads back exactly.
"""

import codecs
import csv
import io
import os
import threading
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from itertools import chain
from pathlib import Path

MAX_FILE_BYTES = 200 * 1024 * 1024
MAX_FIELD_CHARS = 10_000
MAX_LINE_CHARS = 1_000_000
MAX_ROWS = 2_000_000
MAX_COLUMNS = 200
MAX_XLSX_UNCOMPRESSED = 1024 * 1024 * 1024
MAX_XLSX_RATIO = 200  # real sheets compress 5-30 times; a zip bomb a thousand times
MAX_XLSX_MEMBERS = 2000
_RATIO_CHECKED_FROM = 1024 * 1024  # tiny members (styles, a one-row sheet) may compress very well

CSV_SUFFIXES = (".csv", ".txt", ".tsv")
XLSX_SUFFIXES = (".xlsx", ".xlsm")
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_CHUNK = 1024 * 1024
_DELIMITERS = (",", "\t", ";")


class TableError(ValueError):
    """The file cannot be read as a table; `row` (1-based, as a spreadsheet shows it) and
    `column` (0-based) say where when that is known."""

    def __init__(self, message: str, row: int | None = None, column: int | None = None, value=None):
        super().__init__(message)
        self.row = row
        self.column = column
        self.value = value


def needs_quote(text: str) -> bool:
    """Would a spreadsheet run this text as a formula (or is it the quoted form of one)?"""
    return bool(text) and (text[0] in FORMULA_STARTS or (text[0] == "'" and needs_quote(text[1:])))


def neutralise(value):
    """The cell as written to a file: formula-like text gets a leading apostrophe;
    numbers, dates and other text are left alone."""
    if isinstance(value, str) and needs_quote(value):
        return "'" + value
    return value


def restore(text: str) -> str:
    """The inverse of `neutralise` for a cell read back."""
    if text[:1] == "'" and needs_quote(text[1:]):
        return text[1:]
    return text


def _megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):,.0f} MB"


@dataclass
class Table:
    """A file opened for reading: its header row and an iterator over the data rows,
    each as (line number, cells as text). Blank rows are skipped but still counted in
    the line numbers, as a spreadsheet shows them."""
    format: str
    encoding: str | None
    headers: list[str]
    header_row: int
    rows: Iterator[tuple[int, list[str]]]
    size: int
    _position: object = field(default=None, repr=False)
    _closers: list = field(default_factory=list, repr=False)

    def fraction(self) -> float:
        """How far reading has got, 0.0 to 1.0 (an estimate)."""
        try:
            return min(1.0, self._position() if self._position else 0.0)
        except (OSError, ValueError):
            return 0.0

    def close(self) -> None:
        for close in reversed(self._closers):
            close()
        self._closers.clear()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


def table_format(path: Path) -> str:
    """"csv" or "xlsx", by the suffix, else by the file's first bytes."""
    suffix = path.suffix.lower()
    if suffix in XLSX_SUFFIXES:
        return "xlsx"
    if suffix == ".xls":
        raise TableError("old Excel .xls workbooks cannot be read: save the sheet as .xlsx or CSV UTF-8")
    with open(path, "rb") as f:
        head = f.read(4)
    if head == b"PK\x03\x04":
        return "xlsx"
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        raise TableError("this is an old Excel .xls workbook: save the sheet as .xlsx or CSV UTF-8")
    return "csv"


def open_table(path) -> Table:
    """Open a CSV or XLSX file for reading, after the checks that keep a hostile file
    from exhausting memory. Raises TableError with a message a person can act on."""
    path = Path(path)
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        raise TableError(f"the file is {_megabytes(size)}; files up to {_megabytes(MAX_FILE_BYTES)} can be "
                         "imported: split it into smaller files")
    if table_format(path) == "xlsx":
        return _open_xlsx(path, size)
    return _open_csv(path, size)


# -- CSV --------------------------------------------------------------------------------------

def detect_encoding(path: Path) -> str:
    """A byte-order mark first (UTF-8, UTF-16), then strict UTF-8, then GB18030."""
    with open(path, "rb") as f:
        head = f.read(_CHUNK)
        if head.startswith(codecs.BOM_UTF8):
            return "utf-8-sig"
        if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            return "utf-16"
        if b"\x00" in head:
            raise TableError("the file holds NUL bytes: it is not a text CSV (UTF-16 without a byte-order "
                             "mark, or a binary file); save it as CSV UTF-8")
        for encoding in ("utf-8", "gb18030"):
            f.seek(0)
            decoder = codecs.getincrementaldecoder(encoding)("strict")
            try:
                while chunk := f.read(_CHUNK):
                    decoder.decode(chunk)
                decoder.decode(b"", final=True)
                return encoding
            except UnicodeDecodeError:
                continue
    raise TableError("the file is neither UTF-8 nor GB18030 text: save it as CSV UTF-8")


class _FieldLimit:
    """csv.field_size_limit is one setting for the whole process: it is lowered to
    MAX_FIELD_CHARS while any table is open (on any thread) and put back after the last."""

    def __init__(self):
        self.lock = threading.Lock()
        self.users = 0
        self.saved = None

    def hold(self) -> None:
        with self.lock:
            if self.users == 0:
                self.saved = csv.field_size_limit(MAX_FIELD_CHARS)
            self.users += 1

    def release(self) -> None:
        with self.lock:
            self.users -= 1
            if self.users == 0:
                csv.field_size_limit(self.saved)


_field_limit = _FieldLimit()


def _capped_lines(text, apostrophe: list) -> Iterator[str]:
    """The file's lines, refusing one longer than MAX_LINE_CHARS before it is all in memory.
    `apostrophe[0]` turns True when a line holds an apostrophe (a cell may need `restore`)."""
    readline = text.readline
    number = 0
    while True:
        line = readline(MAX_LINE_CHARS)
        if not line:
            return
        number += 1
        if len(line) == MAX_LINE_CHARS and line[-1] not in "\r\n":
            raise TableError(f"a line is longer than {MAX_LINE_CHARS:,} characters: this is not a table "
                             "a person typed", row=number)
        if "'" in line:
            apostrophe[0] = True
        yield line


def _sniff_delimiter(line: str) -> str:
    counts = {d: line.count(d) for d in _DELIMITERS}
    best = max(_DELIMITERS, key=lambda d: counts[d])
    return best if counts[best] else ","


def _open_csv(path: Path, size: int) -> Table:
    encoding = detect_encoding(path)
    raw = open(path, "rb")
    try:
        text = io.TextIOWrapper(raw, encoding=encoding, newline="")
    except Exception:
        raw.close()
        raise
    apostrophe = [False]
    lines = _capped_lines(text, apostrophe)
    peeked = []
    try:
        for line in lines:
            peeked.append(line)
            if line.strip():
                break
    except (TableError, UnicodeDecodeError):
        text.close()
        raise
    delimiter = _sniff_delimiter(peeked[-1]) if peeked else ","
    records = csv.reader(chain(peeked, lines), delimiter=delimiter)
    _field_limit.hold()

    def close():
        _field_limit.release()
        text.close()

    try:
        headers, header_row = _first_row(records)
    except TableError:
        close()
        raise
    table = Table("csv", encoding, headers, header_row, iter(()), size,
                  _position=lambda: raw.tell() / size if size else 1.0, _closers=[close])
    table.rows = _csv_rows(records, header_row, apostrophe)
    return table


def _first_row(records) -> tuple[list[str], int]:
    number = 0
    try:
        for record in records:
            number += 1
            if any(cell.strip() for cell in record):
                if len(record) > MAX_COLUMNS:
                    raise TableError(f"the header row has {len(record):,} columns; at most {MAX_COLUMNS} "
                                     "are read", row=number)
                return [restore(cell) for cell in record], number
    except csv.Error as error:
        raise _csv_problem(error, number + 1) from None
    raise TableError("the file is empty: the first row should name the columns")


def _csv_problem(error: csv.Error, row: int) -> TableError:
    if "field larger than field limit" in str(error):
        return TableError(f"a cell is longer than {MAX_FIELD_CHARS:,} characters (an unclosed quote?); "
                          "nothing after it was read", row=row)
    return TableError(f"the file is not valid CSV here: {error}", row=row)


def _csv_rows(records, header_row: int, apostrophe: list) -> Iterator[tuple[int, list[str]]]:
    number = header_row
    while True:
        try:
            record = next(records)
        except StopIteration:
            return
        except csv.Error as error:
            raise _csv_problem(error, number + 1) from None
        except UnicodeDecodeError as error:
            raise TableError(f"the text cannot be decoded: {error.reason}", row=number + 1) from None
        number += 1
        if number - header_row > MAX_ROWS:
            raise TableError(f"the file has more than {MAX_ROWS:,} rows: split it into smaller files", row=number)
        if not any(record):
            continue
        if len(record) > MAX_COLUMNS:
            raise TableError(f"a row has {len(record):,} cells; at most {MAX_COLUMNS} are read", row=number)
        if apostrophe[0]:
            apostrophe[0] = False
            for i, cell in enumerate(record):
                if cell[:1] == "'":
                    record[i] = restore(cell)
        yield number, record


# -- XLSX -------------------------------------------------------------------------------------

def check_xlsx_archive(path: Path) -> None:
    """Refuse a workbook whose zip members would inflate beyond reason (a zip bomb)."""
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, OSError) as error:
        raise TableError(f"not an Excel .xlsx workbook ({error})") from None
    if len(members) > MAX_XLSX_MEMBERS:
        raise TableError(f"the workbook holds {len(members):,} parts; a real one holds a few dozen")
    total = 0
    for member in members:
        total += member.file_size
        if member.file_size > _RATIO_CHECKED_FROM:
            ratio = member.file_size / max(member.compress_size, 1)
            if ratio > MAX_XLSX_RATIO:
                raise TableError(f"the workbook part {member.filename} would inflate {ratio:,.0f} times "
                                 f"(to {_megabytes(member.file_size)}): refused as a zip bomb")
    if total > MAX_XLSX_UNCOMPRESSED:
        raise TableError(f"the workbook would inflate to {_megabytes(total)}; at most "
                         f"{_megabytes(MAX_XLSX_UNCOMPRESSED)} is read")


def _cell_text(value) -> str:
    kind = type(value)
    if value is None:
        return ""
    if kind is str:
        return restore(value) if value[:1] == "'" else value
    if kind is int:
        return str(value)
    if kind is float:
        return str(int(value)) if value.is_integer() and abs(value) < 1e15 else repr(value)
    if kind is datetime:
        if value.time() == time():
            return value.date().isoformat()
        return value.isoformat(sep=" ", timespec="seconds")
    if kind is date:
        return value.isoformat()
    if kind is time:
        return value.isoformat(timespec="seconds")
    if kind is bool:
        return "yes" if value else "no"
    if kind is timedelta:
        return str(value)
    return str(value)


def _open_xlsx(path: Path, size: int) -> Table:
    check_xlsx_archive(path)
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds for a damaged workbook
        raise TableError(f"not a readable Excel .xlsx workbook ({type(error).__name__}: {error})") from None
    try:
        sheet = workbook.worksheets[0] if workbook.worksheets else None
        if sheet is None:
            raise TableError("the workbook has no worksheet")
        declared_rows, declared_columns = sheet.max_row, sheet.max_column
        if declared_rows and declared_rows > MAX_ROWS + 1:
            raise TableError(f"the sheet declares {declared_rows:,} rows; at most {MAX_ROWS:,} are read: "
                             "split it into smaller files")
        if declared_columns and declared_columns > MAX_COLUMNS:
            raise TableError(f"the sheet declares {declared_columns:,} columns; at most {MAX_COLUMNS} are read")
        # The declared size may be wrong (some programs write A1:A1); read what is there.
        sheet.reset_dimensions()
        cells = sheet.iter_rows(values_only=True)
        state = {"row": 0}
        rows = _xlsx_rows(cells, state)
        headers, header_row = _first_row(rows)
    except Exception:
        workbook.close()
        raise
    total = declared_rows or 0
    table = Table("xlsx", None, headers, header_row, iter(()), size,
                  _position=lambda: state["row"] / total if total else 0.0, _closers=[workbook.close])
    table.rows = _xlsx_data(rows, state, header_row)
    return table


def _xlsx_rows(cells, state) -> Iterator[list[str]]:
    for values in cells:
        state["row"] += 1
        if state["row"] > MAX_ROWS + 1:
            raise TableError(f"the sheet has more than {MAX_ROWS:,} rows: split it into smaller files",
                             row=state["row"])
        if len(values) > MAX_COLUMNS:
            if any(v not in (None, "") for v in values[MAX_COLUMNS:]):
                raise TableError(f"a row has cells beyond column {MAX_COLUMNS}; at most {MAX_COLUMNS} are read",
                                 row=state["row"])
            values = values[:MAX_COLUMNS]
        row = [_cell_text(v) for v in values]
        if row and max(map(len, row)) > MAX_FIELD_CHARS:
            column = next(i for i, text in enumerate(row) if len(text) > MAX_FIELD_CHARS)
            raise TableError(f"a cell is longer than {MAX_FIELD_CHARS:,} characters", row=state["row"],
                             column=column, value=row[column][:40] + "…")
        yield row


def _xlsx_data(rows, state, header_row) -> Iterator[tuple[int, list[str]]]:
    for row in rows:
        if any(row):
            yield state["row"], row


# -- writing ----------------------------------------------------------------------------------

def _csv_cell(value):
    if value is None:
        return ""
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    return neutralise(value)


def write_table(path, headers: list[str], rows: Iterable[list], *, number_formats: dict[int, str] | None = None,
                progress=None) -> int:
    """Write a table to .csv (UTF-8 with a byte-order mark, so Excel reads Chinese) or
    .xlsx, by the suffix; into a temporary file renamed at the end, so a failed export
    leaves no half-written file. Returns the number of data rows."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in CSV_SUFFIXES + XLSX_SUFFIXES:
        raise ValueError(f"export to .csv or .xlsx, not {path.suffix or 'a file without a suffix'}")
    temporary = path.with_name(f".{path.name}.part")
    try:
        if suffix in XLSX_SUFFIXES:
            count = _write_xlsx(temporary, headers, rows, number_formats or {}, progress)
        else:
            count = _write_csv(temporary, headers, rows, progress)
        os.replace(temporary, path)
    finally:
        if temporary.exists():
            temporary.unlink()
    return count


def _write_csv(path: Path, headers, rows, progress) -> int:
    count = 0
    with open(path, "w", encoding="utf-8-sig", newline="") as f:
        writer = csv.writer(f)
        writer.writerow([neutralise(h) for h in headers])
        for row in rows:
            writer.writerow([_csv_cell(v) for v in row])
            count += 1
            if progress and count % 10000 == 0:
                progress(count)
    return count


def _write_xlsx(path: Path, headers, rows, number_formats, progress) -> int:
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
    from openpyxl.styles import Font

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet()
    bold = Font(bold=True)
    header_cells = []
    for title in headers:
        cell = WriteOnlyCell(sheet, value=neutralise(ILLEGAL_CHARACTERS_RE.sub("", title)))
        cell.font = bold
        header_cells.append(cell)
    sheet.append(header_cells)
    sheet.freeze_panes = "A2"
    formatted = sorted(number_formats.items())
    count = 0
    try:
        for row in rows:
            # An empty text is no cell at all: openpyxl writes an element for every value but None.
            values = [(neutralise(ILLEGAL_CHARACTERS_RE.sub("", v)) if v else None) if isinstance(v, str) else v
                      for v in row]
            if formatted:
                for index, number_format in formatted:
                    if values[index] is not None:
                        cell = WriteOnlyCell(sheet, value=values[index])
                        cell.number_format = number_format
                        values[index] = cell
            sheet.append(values)
            count += 1
            if progress and count % 10000 == 0:
                progress(count)
    finally:
        # Saving also ends openpyxl's stream and removes its temporary file; on a
        # failure the caller deletes what was saved.
        workbook.save(path)
    return count
