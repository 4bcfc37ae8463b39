"""Shared setup of the weighing tests: today is 20 May 2026; a child weighed month by month."""

from __future__ import annotations

from datetime import date
from unittest import mock

from tikar.monitoring.models import ChildVisit
from tikar.monitoring.services import record_month

TODAY = date(2026, 5, 20)


def today():
    return mock.patch("django.utils.timezone.localdate", return_value=TODAY)


def weigh(child, month: date, weight: str | None, user, day: int = 10, **fields):
    """Record (or edit) the child's month with a weight on `day` of that month."""
    values = {"visit_date": month.replace(day=day), "weight_kg": weight} | fields
    return record_month(child, month, values, user, form="2b").record


def codes(child) -> list[tuple[str, str]]:
    """[(YYYY-MM, weight_gain)] of the child's alive visits, as stored."""
    return [
        (f"{m:%Y-%m}", code)
        for m, code in ChildVisit.objects.alive()
        .filter(child=child)
        .order_by("month")
        .values_list("month", "weight_gain")
    ]
