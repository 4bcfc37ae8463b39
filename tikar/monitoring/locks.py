"""The quarter lock as a rule the monthly records ask, without importing the scorecard.

A quarter validated by the Admin Desa is frozen: its monthly records cannot change. Validating
is the scorecard's business (`tikar.scorecard.locks`, model QuarterLock); the monthly records
only need to ask "is this desa's quarter locked?". The scorecard app registers the answer here
in its AppConfig.ready() (`register`), so the dependency points down: scorecard -> monitoring.

No checker registered is a configuration error (ImproperlyConfigured), never "unlocked" or
"locked" by default: silently allowing changes would break a validated scorecard, silently
refusing them would block every entry.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from django.core.exceptions import ImproperlyConfigured, ValidationError

from tikar.calendar import quarter_of


@dataclass(frozen=True)
class LockChecker:
    """What the owner of the quarter lock provides.

    `is_locked(village_code, year, quarter)` -> bool: whether the desa's quarter is validated.
    `locked_message(year, quarter)` -> str: the refusal in the user's language.
    """

    is_locked: Callable[[str, int, int], bool]
    locked_message: Callable[[int, int], str]


_checker: LockChecker | None = None


def register(checker: LockChecker) -> None:
    """Install the lock checker (called once by ScorecardConfig.ready(); a later call replaces
    it, so a test may register its own)."""
    global _checker
    _checker = checker


def _get() -> LockChecker:
    if _checker is None:
        raise ImproperlyConfigured(
            "No quarter lock checker is registered: add 'tikar.scorecard' to INSTALLED_APPS "
            "(its AppConfig.ready() registers it with tikar.monitoring.locks.register)."
        )
    return _checker


def is_locked(village_code: str, year: int, quarter: int) -> bool:
    """Whether the desa's quarter (year, quarter 1-4) has been validated (locked)."""
    return _get().is_locked(village_code, year, quarter)


def locked_message(year: int, quarter: int) -> str:
    """Why a change to a locked quarter is refused, in the user's language."""
    return _get().locked_message(year, quarter)


def ensure_month_open(village_code: str | None, month: date | None) -> None:
    """Refuse a change to a monthly record of a validated (locked) quarter.

    Raises ValidationError (code "quarter_locked") with the message in the user's language.
    Nothing to check (no desa or month yet): returns; the record's own validation reports it.
    """
    if not village_code or month is None:
        return
    quarter = quarter_of(month)
    if is_locked(village_code, month.year, quarter):
        raise ValidationError(locked_message(month.year, quarter), code="quarter_locked")
