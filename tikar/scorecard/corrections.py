"""What the scorecard does when a child's birth date or sex is corrected in the register.

A receiver of `tikar.households.signals.child_corrected` (connected in ScorecardConfig.ready()),
called inside the transaction that saved the corrected child: the desa quarters the child's
records feed under the old birth date and under the new one are marked dirty (the 2b cohort
ends 24 months after birth), and the validated (locked) ones among them are returned so that
the edit screen can say their figures stay as validated until the Admin Desa reopens them
(see tikar.monitoring.corrections for why a correction is allowed in a validated quarter).
"""

from __future__ import annotations

from datetime import date

from tikar.households.signals import child_corrected
from tikar.monitoring.models import ChildVisit, PaudRecord
from tikar.scorecard.models import QuarterLock
from tikar.scorecard.refresh import mark_dirty, quarters_touched


def mark_quarters(
    sender, child, old_birth: date | None, old_sex: str | None, **kwargs
) -> list[tuple[int, int]]:
    """Mark the quarters the child's records feed (old and new birth date) dirty; return the
    validated ones among them as [(year, quarter)], sorted."""
    births = {b for b in (old_birth, child.birth_date) if b is not None}
    quarters: set[tuple[int, int]] = set()
    for month in (
        ChildVisit.objects.alive().filter(child_id=child.pk).values_list("month", flat=True)
    ):
        for birth in births:
            quarters |= quarters_touched("2b", month, birth)
    for month in (
        PaudRecord.objects.alive().filter(child_id=child.pk).values_list("month", flat=True)
    ):
        quarters |= quarters_touched("2c", month)
    mark_dirty(child.village_id, quarters)
    if not quarters:
        return []
    locked = QuarterLock.objects.filter(village_id=child.village_id, locked_at__isnull=False)
    return sorted(quarters & set(locked.values_list("year", "quarter")))


def connect() -> None:
    """Connect the receiver (ScorecardConfig.ready())."""
    child_corrected.connect(mark_quarters, dispatch_uid="tikar_scorecard_mark_quarters")
