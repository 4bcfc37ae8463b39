"""Validating (locking) and reopening a desa's quarter.

A quarter validated by the Admin Desa is frozen: its monthly records cannot change (the rule
`tikar.monitoring.locks.ensure_month_open`, called by `monitoring.services.record_month` and by
the monthly models' `save`, asks `is_locked` below, registered by ScorecardConfig.ready()), and its stored results are not recomputed, so the scorecard stays
the one that was validated. Reopening needs a reason, which is kept with who and when.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from tikar import clock
from tikar.accounts.models import Role
from tikar.calendar import month_name
from tikar.scorecard.models import ROMAN, QuarterLock, QuarterReopening
from tikar.scorecard.period import is_finished, validation_opens


def is_locked(village_code: str, year: int, quarter: int) -> bool:
    return QuarterLock.objects.filter(
        village_id=village_code, year=year, quarter=quarter, locked_at__isnull=False
    ).exists()


def locked_message(year: int, quarter: int) -> str:
    return _(
        "Quarter %(quarter)s %(year)s has been validated by the Admin Desa; ask the Admin Desa "
        "to reopen this quarter to change its data"
    ) % {"quarter": ROMAN[quarter], "year": year}


def _check_admin(user, village_code: str) -> None:
    if not (
        user.is_active
        and user.role == Role.VILLAGE_ADMIN
        and user.has_valid_binding
        and user.region_id == village_code
    ):
        raise PermissionDenied(_("Only the Admin Desa of this desa may do this."))


def not_finished_message(year: int, quarter: int) -> str:
    opens = validation_opens(year, quarter)
    return _(
        "Quarter %(quarter)s %(year)s is not over yet: its figures are provisional and may still "
        "change. It can be validated from %(day)s."
    ) % {
        "quarter": ROMAN[quarter],
        "year": year,
        "day": f"{opens.day} {month_name(opens)}",
    }


def ensure_quarter_finished(year: int, quarter: int) -> None:
    """Refuse to validate a quarter that has not ended (its months are still to come).

    Raises ValidationError (code "quarter_not_finished") saying from which day it can be done.
    """
    if not is_finished(year, quarter, clock.today()):
        raise ValidationError(not_finished_message(year, quarter), code="quarter_not_finished")


def lock_quarter(village, year: int, quarter: int, user) -> QuarterLock:
    """Validate the quarter: recompute it one last time, then freeze it.

    Only a finished quarter can be validated (ValidationError "quarter_not_finished"): the
    figures of a running quarter cover only its elapsed months and are provisional.
    """
    from tikar.scorecard.refresh import refresh_village_quarter

    _check_admin(user, village.code)
    ensure_quarter_finished(year, quarter)
    with transaction.atomic():
        lock, _created = QuarterLock.objects.select_for_update().get_or_create(
            village=village, year=year, quarter=quarter
        )
        if lock.is_locked:
            return lock
        # The figures the Admin Desa validates are the current ones, not a stale snapshot.
        refresh_village_quarter(village, year, quarter)
        lock.locked_at = timezone.now()
        lock.locked_by = user
        lock._history_user = user
        lock.save()
    return lock


def reopen_quarter(village, year: int, quarter: int, user, reason: str) -> QuarterReopening:
    """Reopen a validated quarter; `reason` is required and recorded."""
    from tikar.scorecard.refresh import mark_dirty

    _check_admin(user, village.code)
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError(_("Write why the quarter is reopened."), code="reason_required")
    with transaction.atomic():
        lock = (
            QuarterLock.objects.select_for_update()
            .filter(village=village, year=year, quarter=quarter, locked_at__isnull=False)
            .first()
        )
        if lock is None:
            raise ValidationError(_("This quarter is not validated."), code="not_locked")
        lock.locked_at = None
        lock.locked_by = None
        lock._history_user = user
        lock.save()
        reopening = QuarterReopening.objects.create(lock=lock, reason=reason, reopened_by=user)
        # Changes made to earlier quarters while this one was frozen show on the next read.
        mark_dirty(village.code, [(year, quarter)])
    return reopening
