"""A newborn's birth date must be its mother's recorded delivery date (an ERROR, both ways).

Both dates record one event, so one of them is a typing slip; a warning would let the wrong
one drive every age (z-scores, cohorts) or the nifas period. The message names both dates so
the KPM corrects the wrong one. Checked when a child is registered from a pregnancy
(born_from) and when a pregnancy's delivery date is set while children of it exist.
"""

from __future__ import annotations

from datetime import date

from tikar.api.tests.base import ApiTestCase
from tikar.households.models import Child
from tikar.households.rules import check_birth_matches_delivery
from tikar.households.tests.factories import child

DELIVERED = date(2026, 5, 2)


class BirthMatchesDeliveryTests(ApiTestCase):
    def setUp(self) -> None:
        super().setUp()
        self.sari_pregnancy.delivery_date = DELIVERED
        self.sari_pregnancy.save()
        self.client.force_login(self.sari)

    def test_it_is_one_rule(self) -> None:
        [p] = check_birth_matches_delivery(date(2026, 5, 3), DELIVERED)
        self.assertTrue(p.is_error)
        self.assertIn("2 Mei 2026", p.message)
        self.assertEqual(check_birth_matches_delivery(DELIVERED, DELIVERED), [])

    def test_it_refuses_a_newborn_born_on_another_day_on_the_api(self) -> None:
        body = {
            "household": str(self.sari_household.pk),
            "mother": str(self.sari_mother.pk),
            "born_from": str(self.sari_pregnancy.pk),
            "name": "Bayi Sari",
            "sex": "P",
            "birth_date": "2026-05-09",
        }
        response = self.post("/api/children/", body)
        self.assertEqual(response.status_code, 400, response.content)
        self.assertIn("tanggal melahirkan ibu", response.json()["birth_date"][0])
        self.assertFalse(Child.objects.filter(name="Bayi Sari").exists())
        response = self.post("/api/children/", body | {"birth_date": "2026-05-02"})
        self.assertEqual(response.status_code, 201, response.content)

    def test_it_refuses_a_delivery_date_that_contradicts_the_registered_child(self) -> None:
        child(
            self.sibargot,
            self.sari,
            birth_date=DELIVERED,
            name="Bayi",
            mother_=self.sari_mother,
            born_from=self.sari_pregnancy,
        )
        self.sari_pregnancy.refresh_from_db()
        response = self.patch(
            f"/api/pregnancies/{self.sari_pregnancy.pk}/",
            {"base_version": self.sari_pregnancy.version, "delivery_date": "2026-04-28"},
        )
        self.assertEqual(response.status_code, 400, response.content)
        self.assertIn("delivery_date", response.json())
