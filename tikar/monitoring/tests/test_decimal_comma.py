"""Decimals are shown with a comma, as they are typed in Indonesia (weights, lengths, LiLA,
z-scores), and inputs accept both a comma and a dot."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from unittest import mock

from tikar.households.tests.factories import child
from tikar.monitoring import rules
from tikar.monitoring.models import ChildVisit
from tikar.test import BaseTestCase

TODAY = date(2026, 5, 20)
MAY, APRIL = date(2026, 5, 1), date(2026, 4, 1)


class DecimalCommaTests(BaseTestCase):
    def setUp(self) -> None:
        clock = mock.patch("django.utils.timezone.localdate", return_value=TODAY)
        clock.start()
        self.addCleanup(clock.stop)
        self.dodi = child(self.sibargot, self.sari, name="Dodi", birth_date=date(2025, 1, 10))
        self.login(self.sari)

    def save(self, month: str, **values) -> None:
        data = {
            "visit_date": f"{month}-12",
            "measured_lying": "1",
            "growth_mat": "hijau",
            "confirm_growth": "1",
        }
        y, m = month.split("-")
        self.client.post(f"/sasaran/{self.dodi.pk}/bulan/{y}-{int(m)}/", data | values)

    def test_it_accepts_a_comma_and_a_dot_and_shows_a_comma(self) -> None:
        self.save("2026-05", weight_kg="9,4", length_cm="77.5", muac_cm="14,2")
        v = ChildVisit.objects.get(child=self.dodi, month=MAY)
        self.assertEqual((v.weight_kg, v.length_cm), (Decimal("9.4"), Decimal("77.5")))
        page = self.client.get(f"/sasaran/{self.dodi.pk}/bulan/2026-5/")
        self.assertContains(page, 'value="9,4"')
        self.assertContains(page, 'value="77,5"')
        self.assertContains(page, 'value="14,2"')
        self.assertNotContains(page, 'value="77.5"')
        # z-scores: "-0,61", never "-0.61".
        z = page.context["z"]["rows"][0]["z"]
        self.assertContains(page, f"{z:.2f}".replace(".", ","))
        self.assertNotContains(page, f">{z:.2f}<")
        target = self.client.get(f"/sasaran/{self.dodi.pk}/")
        self.assertContains(target, "9,4")
        self.assertContains(target, "77,5")

    def test_it_writes_the_warnings_with_a_comma(self) -> None:
        problems = rules.growth_warnings(
            {}, length_cm=Decimal("70.5"), previous_length_cm=Decimal("72.3"), previous_date=None
        )
        self.assertIn("70,5 cm", problems[0].message)
        self.assertIn("72,3 cm", problems[0].message)
        flagged = rules.growth_warnings({"fwei": 1, "zwei": -6.25})
        self.assertIn("z = -6,25", flagged[0].message)
