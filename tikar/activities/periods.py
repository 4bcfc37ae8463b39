"""Months, quarters and reporting deadlines of the KPM's log and coaching view. No Django import.

Rules and their sources:
- A month's Formulir 2a/2b/2c records are due by a deadline day of the FOLLOWING month (the
  setting `TIKAR_REPORTING_DEADLINE_DAY`, default 5; no national rule was found, see
  docs/rembuk.md). A record is on time when it was created on or before that day (local date).
- The village agrees to "meet every 3 months for coordination" (rembuk.md, step 6): the
  quarterly coordination meeting discusses the last finished quarter's Formulir 3.
"""

from __future__ import annotations

import re
from datetime import date

from tikar.calendar import EARLIEST_MONTH, add_months, previous_quarter, year_quarter

DEFAULT_DEADLINE_DAY = 5
EARLIEST = EARLIEST_MONTH  # activities before this are typing errors (a year 1026, 0026)
MAX_COUNT = 9999  # participants of one group at one activity
NOTES_MAX = 2000  # characters of an activity's or a training's notes (a page, not a report)

# ASCII digits only: `\d` also matches Arabic-Indic and other digits that int() would accept.
_WHOLE = re.compile(r"[0-9]{1,9}")


def read_whole(value: str) -> int | None:
    """A whole number of at most 9 ASCII digits, else None (no sign, no spaces inside)."""
    value = value.strip()
    return int(value) if _WHOLE.fullmatch(value) else None


def recent_quarters(day: date, n: int = 8) -> list[tuple[int, int]]:
    """The current quarter and the n-1 before it, newest first."""
    quarter = year_quarter(day)
    out = []
    for _ in range(n):
        out.append(quarter)
        quarter = previous_quarter(*quarter)
    return out


def deadline_day(value: object) -> int:
    """The setting's value as a day 1-28, or the default for anything else.

    28 at most so that every month has that day (February); a typo in the environment must
    not take the coaching page down.
    """
    day = read_whole(str(value))
    return day if day is not None and 1 <= day <= 28 else DEFAULT_DEADLINE_DAY


def deadline(month: date, day: int) -> date:
    """The last day on which `month`'s records are on time: `day` of the following month."""
    return add_months(month, 1).replace(day=day)


def default_period(today: date, length: int = 3) -> tuple[date, date]:
    """The last `length` complete months before `today`: (first month, last month), 1st days."""
    last = add_months(today.replace(day=1), -1)
    return add_months(last, -(length - 1)), last


def share(part: int, whole: int) -> float | None:
    """part / whole as a percentage, None when there is nothing to divide."""
    return None if not whole else 100.0 * part / whole


def weakness_key(on_time_share: float | None, activities: int, records: int) -> tuple:
    """Sort key of the coaching rows, weakest first: no records at all, then the lowest share
    on time, then the fewest activities."""
    return (records > 0, on_time_share if on_time_share is not None else -1.0, activities)
