"""Safe cells for every file a user downloads: spreadsheet formula injection, and CSV for Excel.

Plain Python (no Django): the web exports, the import report and the ``zscore`` batch command
all use it.

Formula injection (OWASP "CSV injection"): a name or KIA number typed as ``=HYPERLINK(...)``,
``+1+1``, ``-2+3`` or ``@SUM(...)`` (or starting with a tab or carriage return) is run as a
formula when the file is opened in Excel, LibreOffice or Google Sheets.  Only TEXT cells are
neutralised; numbers stay numbers, so a negative z-score or a "-1,5" that is a plain number
is never touched.

* XLSX: the text is kept exactly (a re-import reads the same name back) but written as a
  string cell with Excel's "quote prefix" style, so it is shown as text and stays text when
  the cell is edited.  ``protect_workbook`` does this for a whole workbook just before saving.
* CSV has no cell types, so a dangerous text gets a leading apostrophe (``'=HYPERLINK(...)``),
  OWASP's recommendation; the apostrophe is visible, the formula never runs.

CSV for Indonesian Excel (``excel_csv``): Excel set to Indonesian uses ``,`` as the decimal
mark and therefore ``;`` as the list separator, and reads a file as UTF-8 only with a
byte-order mark.  Numbers are written with a decimal comma and no grouping, missing values as
an empty cell (never "-", which Excel cannot sum).
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Sequence
from datetime import date, datetime
from decimal import Decimal
from io import StringIO
from typing import Any

__all__ = [
    "CSV_CONTENT_TYPE",
    "CSV_SEPARATOR",
    "csv_cell",
    "excel_csv",
    "is_formula_like",
    "protect_workbook",
    "safe_csv_text",
]

# The first characters that make a spreadsheet read a cell as a formula (OWASP's list).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# A plain number as text ("-1.5", "+62", "-1,5", "1e3"): a spreadsheet reads it as a number,
# never as a formula, so it is left as it is.
_PLAIN_NUMBER = re.compile(r"[+-]?(\d+([.,]\d*)?|[.,]\d+)([eE][+-]?\d+)?")

CSV_SEPARATOR = ";"
CSV_CONTENT_TYPE = "text/csv; charset=utf-8"
BOM = "\ufeff"


def is_formula_like(text: str) -> bool:
    """True if a spreadsheet could run ``text`` as a formula (a plain number is not)."""
    if not text or not text.startswith(FORMULA_STARTS) or text in ("-", "+"):
        return False  # a lone "-" is shown as a dash by every spreadsheet
    return text[0] in "\t\r" or not _PLAIN_NUMBER.fullmatch(text)


def safe_csv_text(text: str) -> str:
    """``text`` for a CSV cell: a leading apostrophe if it could run as a formula."""
    return "'" + text if is_formula_like(text) else text


def _number(value: Decimal | float, places: int | None) -> str:
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            return ""
        value = Decimal(repr(value))
    if places is not None:
        value = value.quantize(Decimal(1).scaleb(-places))
    # 'f' never writes an exponent (1E+1 would be read as text); no thousands grouping, since
    # Excel-ID reads '.' as the thousands mark and would misread "1.234,5" written any other way.
    return format(value, "f").replace(".", ",")


def csv_cell(value: Any, places: int | None = None) -> str:
    """One value as Excel set to Indonesian reads it.

    None -> "" (a missing number is an empty cell), bool -> "Ya"/"Tidak", int -> "12",
    Decimal/float -> "12,5" (``places`` decimals if given), date -> "2025-03-31" (ISO, which
    every Excel locale reads as a date), str -> the text, neutralised if formula-like.
    """
    if value is None:
        return ""
    if isinstance(value, bool):
        return "Ya" if value else "Tidak"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, (Decimal, float)):
        return _number(value, places)
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    return safe_csv_text(str(value))


def excel_csv(header: Sequence[str], rows: Iterable[Sequence[Any]]) -> str:
    """A whole CSV file for Excel-ID: BOM, ``;`` separator, CRLF, every cell via ``csv_cell``.

    ``header`` is the row of (already translated) column names; each row's values may be of
    any type ``csv_cell`` accepts.  Returns text; encode it as UTF-8 for the response.
    """
    out = StringIO()
    out.write(BOM)
    writer = csv.writer(out, delimiter=CSV_SEPARATOR, lineterminator="\r\n")
    writer.writerow([csv_cell(h) for h in header])
    for row in rows:
        writer.writerow([csv_cell(v) for v in row])
    return out.getvalue()


def protect_workbook(wb: Any) -> Any:
    """Make every formula-like text cell of an openpyxl workbook inert; returns ``wb``.

    Call it just before ``wb.save``.  openpyxl turns any str starting with "=" into a formula
    cell; this turns it back into a string cell.  Every formula-like text also gets Excel's
    quote prefix, so editing the cell in Excel does not turn it into a formula either.  None of
    Tikar's exports writes a real formula, so every formula cell here came from data (in the
    marked-up import workbook, from the uploaded file itself).  Works on normal (not
    read-only) workbooks.
    """
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                value = cell.value
                if cell.data_type == "f" and not isinstance(value, str):
                    # An array or data-table formula from an uploaded file: keep its text.
                    value = cell.value = str(getattr(value, "text", None) or value)
                if not isinstance(value, str):
                    continue
                if cell.data_type == "f" or is_formula_like(value):
                    cell.data_type = "s"
                    cell.quotePrefix = True
    return wb
