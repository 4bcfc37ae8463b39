"""Helpers of the 11e tests: monthly records with a chosen entry time, activities."""

from __future__ import annotations

from datetime import date, datetime

from django.utils import timezone

from tikar.activities.models import Activity, Attendance
from tikar.households.models import Child, Household
from tikar.monitoring.models import PaudRecord


def local(y: int, m: int, d: int, hour: int = 10) -> datetime:
    return datetime(y, m, d, hour, tzinfo=timezone.get_current_timezone())


def paud_records(village, month: date, entered: list[datetime]) -> list[PaudRecord]:
    """One PAUD record per entry time, each for a new child of `village` (one per month)."""
    household = Household.objects.create(village=village, head_name="Keluarga Uji")
    out = []
    for i, when in enumerate(entered):
        child = Child.objects.create(
            village=village, household=household, name=f"Anak {i}", sex="L",
            birth_date=date(2021, 1, 1),
        )  # fmt: skip
        rec = PaudRecord.objects.create(
            village=village, child=child, month=month, status="mengikuti"
        )
        PaudRecord.objects.filter(pk=rec.pk).update(created_at=when)
        out.append(rec)
    return out


def activity(village, held_on: date, kind: str = "growth_mat", people=None, **extra) -> Activity:
    a = Activity.objects.create(village=village, held_on=held_on, kind=kind, **extra)
    for group, (m, w) in (people or {}).items():
        Attendance.objects.create(activity=a, group=group, men=m, women=w)
    return a
