"""Months, quarters, ages and cohorts: the one calendar of Tikar. No Django import.

Every app (register, monthly records, scorecard, posyandu, meetings, activities) reads its
months, quarters and ages from here, so "23 months", "42 days after delivery" and "kuartal III"
mean the same thing on the register, the task list, Formulir 3/4 and the posyandu pages.

Shapes: a *month* is a `date` on the 1st of that month; a *quarter* is `(year, quarter)` with
quarter 1-4 (I Jan-Mar, II Apr-Jun, III Jul-Sep, IV Oct-Dec); ages are whole numbers.

Sources of the rules:
- Age in completed months is the calendar reading of the Buku KIA / KMS (Kemenkes): a month is
  complete when the day of the month of birth is reached (born 15 May: 9 months on 15 Feb).
  It is what the cohorts (0-23 months: Formulir 2b/3b; 24-71: 2c and PAUD; 0-59: balita,
  posyandu.md), the KBM table and every page show. WHO's z-scores read the exact age in days
  (growth.md rule 2; `tikar.growth.who2006` divides by 30.4375 itself); `age_days` is that day
  count.
- Nifas (the postnatal period) is the 42 days after delivery (Permenkes 21/2021, forms.md):
  the delivery day is day 0, day 42 is still nifas.
- Query strings name a month "YYYY-MM" and a quarter "YYYY-Q3", "YYYY-3" or "YYYY-03" (ASCII
  digits only: `\\d` and `int()` also accept Arabic-Indic digits and superscripts).
"""

from __future__ import annotations

import calendar as _stdlib_calendar
import re
from collections.abc import Iterator
from datetime import date

Quarter = tuple[int, int]  # (year, quarter 1-4)

EARLIEST_MONTH = date(2000, 1, 1)  # no Tikar record is older: earlier months are typing errors
MIN_YEAR = EARLIEST_MONTH.year
POSTNATAL_DAYS = 42  # nifas: delivery day is day 0, day 42 is the last day (Permenkes 21/2021)

# Cohorts in completed months, lower bound included, upper bound excluded.
CHILD_0_23_MONTHS = (0, 24)  # Formulir 2b / 3b, the 1,000 HPK child
CHILD_24_71_MONTHS = (24, 72)  # Formulir 2c: 24 months to <6 years; PAUD age (2-6 years)
BALITA_MONTHS = (0, 60)  # balita weighed at the posyandu (posyandu.md, e-PPGBM)

# Month names in Bahasa Indonesia. They are proper names that stay Indonesian in every label
# (Formulir headers, Berita Acara, workbooks): the product speaks Indonesian only.
MONTHS_ID = (
    "Januari", "Februari", "Maret", "April", "Mei", "Juni",
    "Juli", "Agustus", "September", "Oktober", "November", "Desember",
)  # fmt: skip
MONTHS_ID_SHORT = (
    "Jan",
    "Feb",
    "Mar",
    "Apr",
    "Mei",
    "Jun",
    "Jul",
    "Agu",
    "Sep",
    "Okt",
    "Nov",
    "Des",
)
ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}

# --------------------------------------------------------------------------------------------
# Months


def month_start(day: date) -> date:
    """The first day of `day`'s month."""
    return day.replace(day=1)


def add_months(month: date, n: int) -> date:
    """The first day of the month `n` months after (negative: before) `month`'s month."""
    index = month.year * 12 + month.month - 1 + n
    return date(index // 12, index % 12 + 1, 1)


def shift_day(day: date, n: int) -> date:
    """`day` moved by `n` calendar months, clamped to the month's end (31 Jan + 1 = 28/29 Feb)."""
    first = add_months(day, n)
    return first.replace(day=min(day.day, month_end(first).day))


def month_end(month: date) -> date:
    """The last day of `month`'s month (also for December 9999, where no next month exists)."""
    return date(month.year, month.month, _stdlib_calendar.monthrange(month.year, month.month)[1])


def months_between(first: date, last: date) -> int:
    """Whole calendar months from `first`'s month to `last`'s month (days ignored; may be < 0)."""
    return (last.year - first.year) * 12 + last.month - first.month


def month_range(first: date, last: date) -> Iterator[date]:
    """Every month from `first`'s to `last`'s inclusive (first days), oldest first."""
    month = month_start(first)
    while month <= last:
        yield month
        month = add_months(month, 1)


def month_name(month: date) -> str:
    """ "November 2025": the month and year as every Indonesian label writes them."""
    return f"{MONTHS_ID[month.month - 1]} {month.year}"


def day_name(day: date) -> str:
    """ "7 November 2025"."""
    return f"{day.day} {MONTHS_ID[day.month - 1]} {day.year}"


def short_month_name(month: date) -> str:
    """ "Nov 2025": the short form of the scorecard's explanations."""
    return f"{MONTHS_ID_SHORT[month.month - 1]} {month.year}"


# --------------------------------------------------------------------------------------------
# Quarters


def quarter_of(day: date) -> int:
    """The quarter number 1-4 of a day."""
    return (day.month - 1) // 3 + 1


def year_quarter(day: date) -> Quarter:
    """(year, quarter 1-4) of a day."""
    return day.year, quarter_of(day)


def _check_quarter(quarter: int) -> None:
    if quarter not in (1, 2, 3, 4):
        raise ValueError(f"quarter must be 1-4, got {quarter}")


def quarter_months(year: int, quarter: int) -> tuple[date, date, date]:
    """The first days of the quarter's three months (ValueError for a quarter outside 1-4)."""
    _check_quarter(quarter)
    first = 3 * quarter - 2
    return date(year, first, 1), date(year, first + 1, 1), date(year, first + 2, 1)


def quarter_bounds(year: int, quarter: int) -> tuple[date, date]:
    """First and last day of a quarter (ValueError for a quarter outside 1-4)."""
    first, _, last = quarter_months(year, quarter)
    return first, month_end(last)


def current_quarter(today: date) -> Quarter:
    """The running quarter on `today`."""
    return year_quarter(today)


def next_quarter(year: int, quarter: int) -> Quarter:
    return (year + 1, 1) if quarter == 4 else (year, quarter + 1)


def previous_quarter(year: int, quarter: int) -> Quarter:
    return (year - 1, 4) if quarter == 1 else (year, quarter - 1)


def quarter_label(year: int, quarter: int) -> str:
    """ "III 2026": the quarter in Roman numerals, as Formulir 3/4 write it."""
    return f"{ROMAN[quarter]} {year}"


# --------------------------------------------------------------------------------------------
# Ages and cohorts


def age_in_months(birth: date, on: date) -> int:
    """Completed months from `birth` to `on` (negative before birth).

    A month is complete when the day of the month of birth is reached: born 15 May, 9 months on
    15 February (Buku KIA / KMS reading). Born on the 31st, a month is complete only on the next
    31st or the 1st after it: the conservative reading, never older than the calendar says.
    """
    months = months_between(birth, on)
    return months - 1 if on.day < birth.day else months


def age_days(birth: date, on: date) -> int:
    """Days from `birth` to `on` (0 on the day of birth; negative before birth)."""
    return (on - birth).days


def age_reference_day(month: date, today: date, visit_date: date | None = None) -> date:
    """The day a monthly record's age is counted on: its visit date; without one, today in the
    current month, else the month's last day (the latest the visit can have been).

    The one rule of every page that shows a child's age at a monthly record, so that the target
    page, the entry page and the posyandu lists show the same age for the same record.
    """
    if visit_date is not None:
        return visit_date
    if month == today.replace(day=1):
        return today
    return month_end(month)


def in_age_range(birth: date, month: date, lo: int, hi: int) -> bool:
    """Whether the child is lo <= age < hi (completed months) on at least one day of `month`.

    Age only grows, so this reads the age on the month's last day and on its first day alive:
    the month of birth counts for lo = 0, and the month of the birthday that ends the range
    counts unless the birthday falls on the 1st.
    """
    if birth > month_end(month):
        return False
    return age_in_months(birth, month_end(month)) >= lo and (
        age_in_months(birth, max(month, birth)) < hi
    )


def is_0_23_month(birth: date, month: date) -> bool:
    """A 1,000-HPK child (0-23 completed months) on some day of `month` (Formulir 2b/3b)."""
    return in_age_range(birth, month, *CHILD_0_23_MONTHS)


def is_balita_month(birth: date, month: date) -> bool:
    """A balita (0-59 completed months) on some day of `month` (posyandu.md)."""
    return in_age_range(birth, month, *BALITA_MONTHS)


def is_paud_month(birth: date, month: date) -> bool:
    """PAUD age (24 months to <6 years) on some day of `month` (Formulir 2c / 3b table 3)."""
    return in_age_range(birth, month, *CHILD_24_71_MONTHS)


def days_after_delivery(delivery: date, day: date) -> int:
    """Days since delivery (0 on the delivery day)."""
    return (day - delivery).days


def is_postnatal(delivery: date, day: date) -> bool:
    """Whether `day` is in nifas: from the delivery day to POSTNATAL_DAYS days after it."""
    return 0 <= days_after_delivery(delivery, day) <= POSTNATAL_DAYS


# --------------------------------------------------------------------------------------------
# The one parser of months and quarters in query strings

_MONTH = re.compile(r"([0-9]{4})-([0-9]{1,2})")
_QUARTER = re.compile(r"([0-9]{1,4})-[qQ]?([0-9]{1,2})")


class PeriodError(ValueError):
    """A month or quarter a query string names that cannot be used.

    `code`: "malformed" (not YYYY-MM / YYYY-Q), "too_early" (before EARLIEST_MONTH or the
    caller's earliest) or "future" (after the caller's latest). `value` is the text (at most 40
    characters) for the message, which the caller writes in its own words.
    """

    def __init__(self, code: str, value: str) -> None:
        super().__init__(f"{code}: {value!r}")
        self.code = code
        self.value = value[:40]


def parse_month(
    value: str | None,
    *,
    latest: date | None = None,
    earliest: date = EARLIEST_MONTH,
) -> date | None:
    """`?bulan=YYYY-MM` (also YYYY-M) as the 1st of that month; None for an empty value.

    Raises PeriodError: "malformed" for anything else (month outside 1-12, non-ASCII digits),
    "too_early" before `earliest`, "future" after `latest` (a month; None: no upper limit).
    """
    text = (value or "").strip()
    if not text:
        return None
    m = _MONTH.fullmatch(text)
    if not m or not 1 <= int(m.group(2)) <= 12 or int(m.group(1)) < 1:
        raise PeriodError("malformed", text)
    month = date(int(m.group(1)), int(m.group(2)), 1)
    if month < earliest:
        raise PeriodError("too_early", text)
    if latest is not None and month > latest:
        raise PeriodError("future", text)
    return month


def parse_quarter(
    value: str | None,
    *,
    latest: Quarter | None = None,
    min_year: int = MIN_YEAR,
) -> Quarter | None:
    """`?kuartal=2026-Q3` (also "2026-3", "2026-03") as (2026, 3); None for an empty value.

    Raises PeriodError: "malformed" for anything else or a quarter outside 1-4, "too_early"
    for a year before `min_year`, "future" after `latest` (None: no upper limit).
    """
    text = (value or "").strip()
    if not text:
        return None
    m = _QUARTER.fullmatch(text)
    if not m or not 1 <= int(m.group(2)) <= 4:
        raise PeriodError("malformed", text)
    found = (int(m.group(1)), int(m.group(2)))
    if found[0] < min_year:
        raise PeriodError("too_early", text)
    if latest is not None and found > latest:
        raise PeriodError("future", text)
    return found
