"""Corrections of the register: what follows when a stored figure's source changes.

A child's z-scores, status gizi and age in days (stored on each `ChildVisit`) are computed from
its birth date and sex; its birth date also decides which months are Formulir 2b and which 2c.
A pregnancy's delivery date decides the months of nifas. When a correction changes one of
these, every value computed from it must follow, whatever the path (the edit screens, the API's
PATCH, the Excel import): so it happens in the model layer, in the transaction of the
correction itself (`Child.save` calls `follow_child_correction`; a pregnancy's quarters are
marked by `tikar.scorecard.refresh`'s post_save signal, since none of its records stores a
value derived from the delivery date).

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

from tikar.households.problems import Problem


def _month_label(month: date) -> str:
    from tikar.monitoring.rules import month_label

    return month_label(month)


def child_record_problems(child) -> list[Problem]:
    """Errors a new birth date of a stored child would cause: monthly records before birth.

    A visit dated before the birth would have a negative age (no z-score exists, and the
    database refuses it); a record of a month before the birth month belongs to no form.
    Returns [] for a new child or an unchanged birth date. Field: "birth_date".
    """
    from tikar.monitoring.models import ChildVisit, PaudRecord

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
                % {"month": _month_label(month), "visit": f"{visit_date:%d-%m-%Y}"},
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
                % {"month": _month_label(early_month)},
                field="birth_date",
            )
        ]
    return []


def follow_child_correction(child, *, old_birth: date | None, old_sex: str | None) -> list:
    """Re-score the child's visits and mark the desa quarters they feed as dirty.

    Call inside the transaction that saved the corrected child (`Child.save` does). Every live
    `ChildVisit` is saved again, which recomputes its age, z-scores and status gizi from the
    child's current birth date and sex (`ChildVisit.save`), with a new version and change_seq
    so phones download the new values. The quarters marked dirty are those the records feed
    under the old birth date and under the new one (the 2b cohort ends 24 months after birth).

    Returns the validated (locked) quarters among them, as [(year, quarter)], sorted: their
    stored figures stay as validated until the Admin Desa reopens them.
    """
    from tikar.monitoring.models import ChildVisit, PaudRecord
    from tikar.monitoring.weighing import deferred as deferred_weighing
    from tikar.scorecard.models import QuarterLock
    from tikar.scorecard.refresh import mark_dirty, quarters_touched

    quarters: set[tuple[int, int]] = set()
    user = getattr(child, "_history_user", None)
    births = {b for b in (old_birth, child.birth_date) if b is not None}
    # The weighing judgement (N/T/O/B: the KBM depends on the age) once, after every visit.
    with deferred_weighing():
        for visit in ChildVisit.objects.alive().filter(child_id=child.pk).order_by("month"):
            visit.child = child  # the corrected values, not a stale copy
            visit._history_user = user
            # lock_checked: the typed values of a visit in a validated quarter do not change,
            # only what is computed from them and the register (see the module docstring).
            visit.save(lock_checked=True)
            for birth in births:
                quarters |= quarters_touched("2b", visit.month, birth)
    for month in (
        PaudRecord.objects.alive().filter(child_id=child.pk).values_list("month", flat=True)
    ):
        quarters |= quarters_touched("2c", month)
    mark_dirty(child.village_id, quarters)
    if not quarters:
        return []
    locked = QuarterLock.objects.filter(village_id=child.village_id, locked_at__isnull=False)
    locked_keys = set(locked.values_list("year", "quarter"))
    return sorted(quarters & locked_keys)


def locked_quarters_message(quarters: list[tuple[int, int]]) -> str:
    """The sentence the edit screens show when validated quarters keep their old figures."""
    from tikar.scorecard.models import ROMAN

    names = ", ".join(f"{ROMAN[q]} {y}" for y, q in quarters)
    return _(
        "Quarter %(quarters)s is validated and keeps the figures computed from the old data. "
        "Ask the Admin Desa to reopen it if its scorecard must follow this correction."
    ) % {"quarters": names}
