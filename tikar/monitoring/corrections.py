"""Corrections of the register: what the monthly records do when a stored figure's source changes.

A child's z-scores, status gizi and age in days (stored on each `ChildVisit`) are computed from
its birth date and sex; its birth date also decides which months are Formulir 2b and which 2c.
A pregnancy's delivery date decides the months of nifas. When a correction changes one of
these, every value computed from it must follow, whatever the path (the edit screens, the API's
PATCH, the Excel import): so it happens in the model layer, in the transaction of the
correction itself: `Child.save` sends `tikar.households.signals.child_corrected`, to which
`rescore_visits` here and `tikar.scorecard.corrections.mark_quarters` are connected (each app's
AppConfig.ready()), so the register never imports the layers above it. A pregnancy's quarters
are marked by `tikar.scorecard.refresh`'s post_save signal, since none of its records stores a
value derived from the delivery date.

Validated (locked) quarters: the correction is allowed and every visit is re-scored, also in a
validated quarter, because the measurement the KPM typed does not change and a stored z-score
that contradicts the register is wrong on every screen that shows it. The validated quarter's
Formulir 3/4 figures are not recomputed (that is what validation means); the quarters whose
validated figures were computed from the old value are returned, the edit screen names them,
and reopening such a quarter recomputes it from the re-scored visits. Refusing the correction
instead would force the Admin Desa to reopen every validated quarter of the child's life to fix
a typo in a birth date, while the wrong status went on showing on the child's page.
"""

from __future__ import annotations

from datetime import date

from django.utils.translation import gettext as _

from tikar.calendar import month_name
from tikar.households.problems import Problem
from tikar.households.signals import child_corrected, child_correction_check
from tikar.monitoring.models import ChildVisit, PaudRecord
from tikar.monitoring.weighing import deferred as deferred_weighing


def child_record_problems(sender, child, **kwargs) -> list[Problem]:
    """Errors a new birth date of a stored child would cause: monthly records before birth.

    A visit dated before the birth would have a negative age (no z-score exists, and the
    database refuses it); a record of a month before the birth month belongs to no form.
    Returns [] for a new child or an unchanged birth date. Field: "birth_date". A receiver of
    `households.signals.child_correction_check`.
    """
    loaded = getattr(child, "_scored_from", None)
    birth = child.birth_date
    if loaded is None or birth is None or loaded[0] == birth or not isinstance(birth, date):
        return []
    first_month = birth.replace(day=1)
    visits = ChildVisit.objects.alive().filter(child_id=child.pk)
    early_visit = (
        visits.filter(visit_date__lt=birth)
        .order_by("visit_date")
        .values_list("month", "visit_date")
    ).first()
    if early_visit is not None:
        month, visit_date = early_visit
        return [
            Problem(
                "birth_after_visit",
                _(
                    "The record of %(month)s has a visit on %(visit)s, before this birth date. "
                    "Check the birth date, or correct that record's visit date first."
                )
                % {"month": month_name(month), "visit": f"{visit_date:%d-%m-%Y}"},
                field="birth_date",
            )
        ]
    early_month = min(
        [
            m
            for qs in (visits, PaudRecord.objects.alive().filter(child_id=child.pk))
            for m in qs.filter(month__lt=first_month).values_list("month", flat=True)[:1]
        ],
        default=None,
    )
    if early_month is not None:
        return [
            Problem(
                "birth_after_record",
                _(
                    "There is a monthly record for %(month)s, before the month of this birth "
                    "date. Check the birth date."
                )
                % {"month": month_name(early_month)},
                field="birth_date",
            )
        ]
    return []


def rescore_visits(sender, child, old_birth: date | None, old_sex: str | None, **kwargs) -> list:
    """Re-score the corrected child's visits (a receiver of `households.signals.child_corrected`).

    Called inside the transaction that saved the corrected child. Every live `ChildVisit` is
    saved again, which recomputes its age, z-scores and status gizi from the child's current
    birth date and sex (`ChildVisit.save`), with a new version and change_seq so phones download
    the new values. Returns [] (the scorecard's receiver names the validated quarters).
    """
    user = getattr(child, "_history_user", None)
    # The weighing judgement (N/T/O/B: the KBM depends on the age) once, after every visit.
    with deferred_weighing():
        for visit in ChildVisit.objects.alive().filter(child_id=child.pk).order_by("month"):
            visit.child = child  # the corrected values, not a stale copy
            visit._history_user = user
            # lock_checked: the typed values of a visit in a validated quarter do not change,
            # only what is computed from them and the register (see the module docstring).
            visit.save(lock_checked=True)
    return []


def connect() -> None:
    """Connect the receivers (MonitoringConfig.ready())."""
    child_correction_check.connect(
        child_record_problems, dispatch_uid="tikar_child_record_problems"
    )
    child_corrected.connect(rescore_visits, dispatch_uid="tikar_rescore_visits")
