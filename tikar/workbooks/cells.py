"""Reading one spreadsheet cell into a Python value, with a message that says what to fix.

Excel hands over what the user typed in many shapes: a real date or a "10/01/2025" string, a
number 8.4 or the text "8,4" (Indonesian decimal comma), TRUE or "ya". Each reader accepts
the shapes people actually produce and refuses the rest with a `CellError` in the user's
language.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from django.utils.translation import gettext as _

from tikar.households.nik import normalise
from tikar.workbooks import columns as c


class CellError(ValueError):
    """A cell whose content cannot be read; `str()` is the message for the report."""


def is_empty(raw: Any) -> bool:
    return raw is None or (isinstance(raw, str) and not raw.strip())


# No value the forms take comes near these; a larger cell is a typo or a crafted file, refused
# in words before arithmetic (Decimal.quantize of 1E+308 raises, and the report would quote a
# 309-digit number).
_LARGEST_NUMBER = Decimal(10) ** 9


def _text(raw: Any) -> str:
    if isinstance(raw, float) and raw.is_integer():
        if abs(raw) >= 1e15:
            return f"{raw:g}"  # 1e+308, not 309 digits, in the report
        raw = int(raw)  # "001" typed in a number cell comes back as 1.0
    return str(raw).strip()


def _too_large(raw: Any) -> CellError:
    return CellError(
        _("'%(value)s' is too large: check the number in this cell.") % {"value": _text(raw)}
    )


_DATE_FORMATS = ("%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y")
_MONTH_RE = re.compile(r"^(\d{4})[-/.](\d{1,2})$")
_MONTH_RE_REVERSED = re.compile(r"^(\d{1,2})[-/.](\d{4})$")


def read_date(raw: Any) -> date:
    if isinstance(raw, datetime):
        return raw.date()
    if isinstance(raw, date):
        return raw
    text = _text(raw)
    for fmt in _DATE_FORMATS:
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    raise CellError(
        _("'%(value)s' is not a date; write it as YYYY-MM-DD (e.g. 2025-01-10) or DD/MM/YYYY.")
        % {"value": text}
    )


def read_month(raw: Any) -> date:
    """The 1st of the month; Excel often turns a typed "2026-05" into the date 2026-05-01."""
    if isinstance(raw, datetime | date):
        return date(raw.year, raw.month, 1)
    text = _text(raw)
    match = _MONTH_RE.match(text)
    if match:
        year, month = int(match[1]), int(match[2])
    elif match := _MONTH_RE_REVERSED.match(text):
        year, month = int(match[2]), int(match[1])
    else:
        year = month = 0
    if 1 <= month <= 12 and year >= 1900:
        return date(year, month, 1)
    raise CellError(
        _("'%(value)s' is not a month; write it as YYYY-MM (e.g. 2026-05).") % {"value": text}
    )


def read_choice(raw: Any, choices: dict, header: str) -> Any:
    if isinstance(raw, bool) and choices is c.YES_NO:
        return raw
    text = _text(raw).casefold()
    for label, value in choices.items():
        if text == label.casefold():
            return value
    if choices is c.YES_NO and text in ("y", "t", "1", "0", "yes", "no"):
        return text in ("y", "1", "yes")
    raise CellError(
        _("'%(value)s' is not allowed in %(column)s; choose one of: %(allowed)s.")
        % {"value": _text(raw), "column": header, "allowed": ", ".join(choices)}
    )


def read_int(raw: Any) -> int:
    if isinstance(raw, bool):
        raise CellError(_("Write a whole number."))
    if isinstance(raw, float) and raw.is_integer():
        raw = int(raw)
    text = _text(raw)
    if isinstance(raw, int) or re.fullmatch(r"-?\d+", text):
        value = raw if isinstance(raw, int) else int(text)
        if abs(value) >= _LARGEST_NUMBER:
            raise _too_large(raw)
        return value
    raise CellError(_("'%(value)s' is not a whole number.") % {"value": text})


def read_decimal(raw: Any) -> Decimal:
    if isinstance(raw, bool):
        raise CellError(_("Write a number."))
    if isinstance(raw, int | float):
        # Spreadsheet floats (8.4 stored as 8.4000000000000004) are rounded to the
        # one decimal the forms use; more decimals are refused by the model's own check.
        value = Decimal(repr(raw))
        if not value.is_finite():  # a crafted cell holding "inf" or "nan" (openpyxl: float())
            raise CellError(
                _("'%(value)s' is not a number; write e.g. 8,4 or 8.4.") % {"value": raw}
            )
    else:
        text = _text(raw).replace(",", ".")
        try:
            value = Decimal(text)
        except InvalidOperation:
            value = None
        if value is None or not value.is_finite():
            raise CellError(
                _("'%(value)s' is not a number; write e.g. 8,4 or 8.4.") % {"value": _text(raw)}
            )
    if abs(value) >= _LARGEST_NUMBER:
        raise _too_large(raw)
    # Trailing zeros ("72.50") are not extra precision: drop them before the model's check
    # of one decimal place.
    return value.quantize(Decimal(1)) if value == value.to_integral() else value.normalize()


# "1.21007E+15", "1,21007470395E+15": a number Excel showed in scientific notation, then
# saved or pasted as text. Its digits beyond the 6th to 15th are gone.
_SCIENTIFIC_RE = re.compile(r"^\d+([.,]\d+)?[eE][+-]?\d+$")


def read_nik(raw: Any) -> str:
    """A NIK (or temporary number) as digits; the shape itself is checked by the model rules.

    A number cell is refused whatever it holds: Excel keeps 15 significant digits, so a
    16-digit NIK (17 for a temporary number) typed into a Number cell has already lost its
    last digit (1210074703950001 is stored as 1210074703950000 or 1.21007E+15), and an
    integer or a float from openpyxl, or text in scientific notation, means exactly that.
    """
    if (
        isinstance(raw, int | float)
        and not isinstance(raw, bool)
        or (isinstance(raw, str) and _SCIENTIFIC_RE.match(raw.strip()))
    ):
        raise CellError(
            _(
                "The number was stored as a number and Excel may have changed its last digits; "
                "format the column as Text and type the number again."
            )
        )
    return normalise(_text(raw))


def read(raw: Any, column: c.Column) -> Any:
    """The value of one cell for `column`, or None when empty; raises CellError."""
    if is_empty(raw):
        return None
    kind = column.kind
    if kind in (c.KEY, c.TEXT):
        return _text(raw)
    if kind == c.NIK:
        return read_nik(raw)
    if kind == c.DATE:
        return read_date(raw)
    if kind == c.MONTH:
        return read_month(raw)
    if kind in (c.YESNO, c.CHOICE):
        return read_choice(raw, column.choices or {}, column.header)
    if kind == c.INT:
        return read_int(raw)
    if kind == c.DECIMAL:
        return read_decimal(raw)
    raise AssertionError(kind)
