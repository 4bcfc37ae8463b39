"""Which months of a quarter have happened: the running ("sementara") quarter. No Django import.

A quarter that has not ended yet is evaluated over the months that have passed, up to and
including the current month (issue 8 §4): a December with no record yet is not a month
"without weighing" in November. Every rule about "every month of the quarter" then means every
ELAPSED month of it. Such figures are provisional: they are labelled "sementara" wherever they
appear, and the quarter cannot be validated before it ends.

`evaluated_through` is stored with each computed result (QuarterResult.evaluated_through), so a
result computed in October is known to be stale in November and is recomputed.
"""

from __future__ import annotations

from datetime import date

from tikar.calendar import month_name, quarter_months, year_quarter


def is_finished(year: int, quarter: int, today: date) -> bool:
    """True once the quarter's last day is before `today` (from 1 January for quarter IV)."""
    return today.replace(day=1) > quarter_months(year, quarter)[2]


def is_provisional(year: int, quarter: int, today: date) -> bool:
    """True for the running quarter: it has started and not ended (its figures may change)."""
    return (year, quarter) == year_quarter(today)


def evaluated_through(year: int, quarter: int, today: date) -> date | None:
    """The last month a quarter's figures cover today: the current month for the running
    quarter, None for a finished quarter (all three months) or a future one (nothing)."""
    if is_provisional(year, quarter, today):
        return today.replace(day=1)
    return None


def elapsed_months(year: int, quarter: int, today: date) -> tuple[date, ...]:
    """The quarter's months up to and including the current month (all three once finished)."""
    this_month = today.replace(day=1)
    return tuple(m for m in quarter_months(year, quarter) if m <= this_month)


FINISHED_NOTE = "Final: kuartal sudah berakhir"


def provisional_note(through: date) -> str:
    """The label of a running quarter's figures, in Bahasa Indonesia (a pure module)."""
    return f"Sementara: kuartal berjalan, dihitung sampai {month_name(through)}"


def validation_opens(year: int, quarter: int) -> date:
    """The first day on which the quarter may be validated: the day after it ends."""
    last = quarter_months(year, quarter)[2]
    return date(last.year + 1, 1, 1) if last.month == 12 else date(last.year, last.month + 1, 1)
