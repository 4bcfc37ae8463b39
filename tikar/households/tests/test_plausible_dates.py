"""Dates outside their plausible range are refused on every path (issue 8, 3).

A birth in 1900, an HPL in 9999, a mother born 3 years ago: typing slips, never facts of a
1,000-HPK target. The ranges are rules of `tikar.monitoring.rules` (the phone runs the same);
the register's clean() applies them, so the page, the API and the import refuse alike.
"""

from __future__ import annotations

from datetime import date

from tikar.api.tests.base import TODAY, ApiTestCase
from tikar.households import rules
from tikar.households.models import Child, Pregnancy
from tikar.households.tests.test_register_screens import URL, pregnancy_data
from tikar.monitoring.rules import check_month_not_too_old
from tikar.workbooks.importer import import_workbook
from tikar.workbooks.tests.helpers import upload, with_changes, workbook


class RangeRuleTests(ApiTestCase):
    def test_it_keeps_each_range(self) -> None:
        self.assertEqual(rules.check_child_birth_date(date(2020, 5, 21), TODAY), [])
        [old] = rules.check_child_birth_date(date(2020, 5, 20), TODAY)  # 6 years: too old
        self.assertEqual(old.code, "birth_date_too_early")
        self.assertIn("paling awal 21 Mei 2020", old.message)
        self.assertTrue(rules.check_child_birth_date(date(1900, 1, 1), TODAY))
        self.assertTrue(rules.check_mother_birth_date(date(2020, 1, 1), TODAY))  # 6 years old
        self.assertTrue(rules.check_mother_birth_date(date(1950, 1, 1), TODAY))  # 76
        self.assertEqual(rules.check_mother_birth_date(date(1995, 3, 7), TODAY), [])
        self.assertEqual(rules.check_due_date(date(2027, 3, 20), TODAY), [])
        self.assertTrue(rules.check_due_date(date(2027, 3, 21), TODAY))  # > 10 months ahead
        self.assertTrue(rules.check_due_date(date(9999, 12, 31), TODAY))
        self.assertTrue(rules.check_delivery_date(date(2024, 5, 19), TODAY))
        self.assertTrue(check_month_not_too_old(date(2024, 4, 1), TODAY))
        self.assertEqual(check_month_not_too_old(date(2024, 5, 1), TODAY), [])


class RangeApiTests(ApiTestCase):
    def setUp(self) -> None:
        super().setUp()
        self.client.force_login(self.sari)

    def test_it_refuses_a_child_born_in_1900(self) -> None:
        body = {"household": str(self.sari_household.pk), "name": "Tua", "sex": "L"}
        response = self.post("/api/children/", body | {"birth_date": "1900-01-01"})
        self.assertEqual(response.status_code, 400, response.content)
        self.assertIn("terlalu lama", response.json()["birth_date"][0])
        self.assertFalse(Child.objects.filter(name="Tua").exists())

    def test_it_refuses_a_due_date_in_9999(self) -> None:
        body = {"mother": str(self.sari_mother.pk), "kia_number": "KIA-77"}
        response = self.post("/api/pregnancies/", body | {"due_date": "9999-12-31"})
        self.assertEqual(response.status_code, 400, response.content)
        self.assertIn("HPL", response.json()["due_date"][0])
        self.assertFalse(Pregnancy.objects.filter(kia_number="KIA-77").exists())

    def test_it_refuses_a_year_of_99999_and_impossible_days(self) -> None:
        body = {"household": str(self.sari_household.pk), "name": "Tua", "sex": "L"}
        for value in ("99999-01-01", "2026-02-30", "0000-00-00"):
            with self.subTest(value=value):
                response = self.post("/api/children/", body | {"birth_date": value})
                self.assertEqual(response.status_code, 400, response.content)

    def test_it_still_lets_a_child_registered_long_ago_be_corrected(self) -> None:
        # The range moves with today: a child registered at 5 years and now 6 is not refused
        # for a birth date nobody changed.
        self.sari_child.birth_date = date(2020, 3, 1)
        self.sari_child.save()
        response = self.patch(
            f"/api/children/{self.sari_child.pk}/",
            {"base_version": self.sari_child.version, "name": "Nama Baru"},
        )
        self.assertEqual(response.status_code, 200, response.content)


class RangePageTests(ApiTestCase):
    def test_it_refuses_an_hpl_in_9999_and_a_mother_of_three_on_the_register_page(self) -> None:
        self.client.force_login(self.sari)
        for field, value, words in (("p-due_date", "9999-12-31", "HPL"),
                                    ("p-mother_birth_date", "2023-01-01", "Tanggal lahir ibu")):  # fmt: skip
            with self.subTest(field=field):
                response = self.client.post(URL, pregnancy_data(**{field: value}))
                self.assertEqual(response.status_code, 200)
                self.assertContains(response, words)
                self.assertContains(response, "Periksa tahunnya")
        self.assertFalse(Pregnancy.objects.filter(kia_number="KIA-777").exists())


class RangeImportTests(ApiTestCase):
    def test_it_refuses_a_child_born_in_1900_in_the_file(self) -> None:
        data = with_changes("Anak", 1, Tanggal_lahir=date(1900, 1, 15))
        data["Pemantauan 2c"] = []
        outcome = import_workbook(upload(workbook(data)), self.sari)
        self.assertFalse(outcome.saved)
        self.assertTrue(any("terlalu lama" in f.message for f in outcome.errors), outcome.errors)
