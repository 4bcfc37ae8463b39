"""Shared set-up of the entry form's weighing tests (test_entry_weighing_*.py).

Sari's child Nisa, born 10 January 2025: 16 completed months in May 2026, where the KBM is
200 g in both tables (spec/posyandu.md). Today is 20 May 2026.
"""

from __future__ import annotations

from datetime import date
from unittest import mock

from django.test import override_settings

from tikar.households.tests.factories import child
from tikar.monitoring.services import record_month
from tikar.test import BaseTestCase

TODAY = date(2026, 5, 20)
MARCH, APRIL, MAY = date(2026, 3, 1), date(2026, 4, 1), date(2026, 5, 1)
BIRTH = date(2025, 1, 10)


def month_url(target, month=MAY, form: str | None = None) -> str:
    url = f"/sasaran/{target.pk}/bulan/{month.year}-{month.month}/"
    return f"{url}?form={form}" if form else url


def preview_url(target) -> str:
    return f"/sasaran/{target.pk}/zskor/"


def typed(weight: str, **extra) -> dict:
    """What the entry page sends to the z-score preview while the KPM types."""
    return {
        "month": "2026-05",
        "visit_date": "2026-05-12",
        "weight_kg": weight,
        "measured_lying": "1",
    } | extra


@override_settings(TIKAR_TODAY=TODAY)
class EntryWeighingCase(BaseTestCase):
    def setUp(self) -> None:
        clock = mock.patch("django.utils.timezone.localdate", return_value=TODAY)
        clock.start()
        self.addCleanup(clock.stop)
        self.nisa = child(self.sibargot, self.sari, birth_date=BIRTH, sex="P", name="Nisa")
        self.login(self.sari)

    def weigh(self, month: date, weight: str | None, length: str | None = None, **extra):
        fields = {"visit_date": month.replace(day=12)} | extra
        if weight is not None:
            fields["weight_kg"] = weight
        if length is not None:
            fields |= {"length_cm": length, "measured_lying": True}
        return record_month(self.nisa, month, fields, self.sari, form="2b").record
