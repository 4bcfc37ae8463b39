"""URL converters for calendar parts: a year, a month or a quarter that cannot exist is a 404.

With Django's `<int:...>` a URL such as /rekap/99999/9/ or /sasaran/<id>/bulan/99999-99/ reached
the view with numbers no date can hold, and `date()` raised (ValueError or OverflowError: 500).
These converters refuse such URLs before any view runs: Django treats a ValueError from
`to_python` as "no match", so the answer is the ordinary 404 page. The regexes take any run of
digits (so `reverse()` still builds a URL for, say, quarter 5, which then answers 404), and
`int()` itself refuses a digit string too long to convert (ValueError, so also a 404).

A base module (below every app in pyproject.toml [tool.importlinter]): the apps' views read
MIN_YEAR, and `tikar.front.apps` registers the converters for the root URLconf.
"""

from __future__ import annotations

from django.urls import register_converter

# Tikar holds no record before 2000 (the oldest target is a child under 6); the upper bound
# only keeps the number inside what `datetime.date` accepts.
MIN_YEAR, MAX_YEAR = 2000, 9999


class YearConverter:
    """2000-9999."""

    regex = "[0-9]+"

    def to_python(self, value: str) -> int:
        year = int(value)
        if not MIN_YEAR <= year <= MAX_YEAR:
            raise ValueError(f"year {year} out of range")
        return year

    def to_url(self, value: int) -> str:
        return str(int(value))


class MonthConverter:
    """1-12, written with one or two digits (2026-5 and 2026-05 are the same month)."""

    regex = "[0-9]+"

    def to_python(self, value: str) -> int:
        month = int(value)
        if not 1 <= month <= 12:
            raise ValueError(f"month {month} out of range")
        return month

    def to_url(self, value: int) -> str:
        return str(int(value))  # 2026-5, as the links were written before


class QuarterConverter:
    """1-4."""

    regex = "[0-9]+"

    def to_python(self, value: str) -> int:
        quarter = int(value)
        if not 1 <= quarter <= 4:
            raise ValueError(f"quarter {quarter} out of range")
        return quarter

    def to_url(self, value: int) -> str:
        return str(int(value))


def register() -> None:
    """Register `<year:...>`, `<month:...>`, `<quarter:...>`; called by the root URLconf."""
    register_converter(YearConverter, "year")
    register_converter(MonthConverter, "month")
    register_converter(QuarterConverter, "quarter")
