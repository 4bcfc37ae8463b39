"""Shared records of the printed-form tests (11f): Sibargot in April 2026, today 20 May 2026.

Not a test module (no `test_` prefix). Two mothers so the second can be the other desa's.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from django.test import override_settings
from django.urls import reverse

from tikar.households.tests.factories import child, household, mother, pregnancy
from tikar.monitoring.services import record_month
from tikar.test import BaseTestCase

APRIL = date(2026, 4, 1)
TODAY = "2026-05-20"


@override_settings(TIKAR_TODAY=TODAY)
class PrintCase(BaseTestCase):
    """Sibargot: a pregnancy (KIA-001), a baby of 10 months, a child of 3 (PAUD) and a child of
    30 months weighed at the posyandu in April (weighing-only: not a Formulir 2b row)."""

    @classmethod
    def setUpTestData(cls) -> None:
        super().setUpTestData()
        with override_settings(TIKAR_TODAY=TODAY):
            cls._make()

    @classmethod
    def _make(cls) -> None:
        home = household(cls.sibargot, cls.sari, head_name="Pak Amir")
        siti = mother(cls.sibargot, cls.sari, household_=home)
        cls.preg = pregnancy(
            cls.sibargot, cls.sari, mother_=siti, kia_number="KIA-001", due_date=date(2026, 9, 1)
        )
        record_month(
            cls.preg,
            APRIL,
            {
                "visit_date": date(2026, 4, 12),
                "gestation_month": 4,
                "risk_status": "kek",
                "anc_check": True,
                "iron_tablets": True,
                "iron_tablet_count": 30,
                "home_visit": False,
                "muac_cm": Decimal("22.5"),
                "posyandu": cls.melati,
            },
            cls.sari,
        )
        cls.baby = child(
            cls.sibargot,
            cls.sari,
            mother_=siti,
            name="Budi Kecil",
            birth_date=date(2025, 6, 10),
            kia_number="KIA-B01",
        )
        record_month(
            cls.baby,
            APRIL,
            {
                "visit_date": date(2026, 4, 12),
                "weight_kg": Decimal("8.4"),
                "length_cm": Decimal("70.5"),
                "measured_lying": True,
                "growth_mat": "hijau",
                "counselling_mother": True,
                "counselling_father": False,
            },
            cls.sari,
        )
        cls.paud = child(
            cls.sibargot, cls.sari, mother_=siti, name="Rina", sex="P", birth_date=date(2023, 1, 15)
        )
        record_month(cls.paud, APRIL, {"status": "mengikuti"}, cls.sari)
        # 30 months old on 1 April 2026: its April ChildVisit holds the posyandu weighing only.
        cls.weighed_only = child(
            cls.sibargot, cls.sari, mother_=siti, name="Tono Timbang", birth_date=date(2023, 10, 1)
        )
        record_month(
            cls.weighed_only,
            APRIL,
            {"visit_date": date(2026, 4, 12), "weight_kg": Decimal("12.0")},
            cls.sari,
            form="2b",
        )

    def page(self, form: str, query: str = "bulan=2026-04", status: int = 200):
        response = self.client.get(reverse("print_form", args=[form]) + "?" + query)
        self.assertEqual(response.status_code, status, response.content[:500])
        return response
