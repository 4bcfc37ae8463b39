"""The monthly entry screen (Formulir 2a/2b/2c) as the KPM sees it."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from unittest import mock

from tikar.households.models import Pregnancy
from tikar.households.tests.factories import child, pregnancy
from tikar.monitoring.models import ChildVisit, PaudRecord, PregnancyVisit
from tikar.monitoring.services import record_month
from tikar.test import BaseTestCase

TODAY = date(2026, 5, 20)
APRIL, MAY = date(2026, 4, 1), date(2026, 5, 1)
CHILD_BIRTH = date(2025, 1, 10)  # 16 months in May 2026


def month_url(target, month=MAY) -> str:
    return f"/sasaran/{target.pk}/bulan/{month.year}-{month.month}/"


def child_post(**extra) -> dict:
    data = {
        "visit_date": "2026-05-12",
        "weight_kg": "9,4",
        "length_cm": "77.5",
        "measured_lying": "1",
        "growth_mat": "hijau",
        "immunisation_up_to_date": "1",
        "safe_water": "1",
    }
    return data | extra


class MonthEntryTests(BaseTestCase):
    def setUp(self) -> None:
        clock = mock.patch("django.utils.timezone.localdate", return_value=TODAY)
        clock.start()
        self.addCleanup(clock.stop)
        self.p = pregnancy(self.sibargot, self.sari)
        self.c = child(self.sibargot, self.sari, birth_date=CHILD_BIRTH)
        self.login(self.sari)

    def test_it_saves_a_child_month_through_record_month_with_the_z_scores(self) -> None:
        response = self.client.post(month_url(self.c), child_post())
        self.assertRedirects(response, month_url(self.c), fetch_redirect_response=False)
        v = ChildVisit.objects.get(child=self.c, month=MAY)
        self.assertEqual(
            (v.weight_kg, v.length_cm, v.measured_lying), (Decimal("9.4"), Decimal("77.5"), True)
        )
        self.assertIsNotNone(v.zlen)
        page = self.client.get(month_url(self.c))
        self.assertContains(page, "Tersimpan")
        self.assertContains(page, "BB/U")
        self.assertContains(page, f"{v.zwei:.2f}".replace(".", ","))

    def test_it_edits_the_first_record_on_a_second_save_for_the_month(self) -> None:
        self.client.post(month_url(self.c), child_post())
        self.client.post(month_url(self.c), child_post(weight_kg="9.6"))
        v = ChildVisit.objects.get(child=self.c, month=MAY)
        self.assertEqual((v.weight_kg, v.version), (Decimal("9.6"), 2))

    def test_it_keeps_every_typed_value_when_a_value_is_refused(self) -> None:
        response = self.client.post(
            month_url(self.c), child_post(visit_date="2026-04-30", weight_kg="abc")
        )
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "Tulis angka seperti 7,5")
        self.assertContains(response, 'value="77.5"')
        self.assertFalse(ChildVisit.objects.exists())

    def test_it_refuses_a_visit_date_outside_the_month_in_indonesian(self) -> None:
        response = self.client.post(month_url(self.c), child_post(visit_date="2026-04-30"))
        self.assertContains(response, "tidak di bulan Mei 2026")
        self.assertContains(response, 'value="9,4"')
        self.assertFalse(ChildVisit.objects.exists())

    def test_it_asks_to_confirm_a_length_shorter_than_last_time(self) -> None:
        record_month(
            self.c,
            APRIL,
            {
                "visit_date": date(2026, 4, 10),
                "weight_kg": "9.2",
                "length_cm": "78.0",
                "measured_lying": True,
            },
            self.sari,
        )
        response = self.client.post(month_url(self.c), child_post(length_cm="76.0"))
        self.assertContains(response, "lebih kecil dari pengukuran sebelumnya")
        self.assertContains(response, "confirm_growth")
        self.assertFalse(ChildVisit.objects.filter(month=MAY).exists())
        self.client.post(month_url(self.c), child_post(length_cm="76.0", confirm_growth="on"))
        self.assertTrue(ChildVisit.objects.filter(month=MAY).exists())

    def test_it_asks_to_confirm_a_flagged_z_score(self) -> None:
        response = self.client.post(month_url(self.c), child_post(length_cm="50.0"))
        self.assertContains(response, "di luar batas wajar WHO")
        self.assertFalse(ChildVisit.objects.exists())

    def test_it_prefills_state_facts_from_last_month(self) -> None:
        record_month(
            self.c,
            APRIL,
            {"safe_water": True, "birth_certificate": True, "home_visit": True},
            self.sari,
        )
        page = self.client.get(month_url(self.c))
        form = page.context["form"]
        self.assertEqual(form.initial["safe_water"], "1")
        self.assertEqual(form.initial["birth_certificate"], "1")
        self.assertNotIn("home_visit", form.initial)  # an event, asked again each month

    def test_it_shows_the_z_scores_while_typing(self) -> None:
        response = self.client.post(
            f"/sasaran/{self.c.pk}/zskor/",
            {
                "visit_date": "2026-05-12",
                "weight_kg": "7.0",
                "length_cm": "70.0",
                "measured_lying": "1",
                "month": "2026-05",
            },
        )
        self.assertContains(response, "PB/U")
        self.assertContains(response, "Stunting")
        self.assertContains(response, "umur 16 bulan")
        self.assertFalse(ChildVisit.objects.exists())

    def test_it_records_a_pregnancy_month_and_offers_to_register_the_newborn(self) -> None:
        data = {
            "risk_status": "normal",
            "anc_check": "1",
            "postnatal_checks": "1",
            "delivery_date": "2026-05-03",
            "visit_date": "2026-05-10",
        }
        response = self.client.post(month_url(self.p), data)
        self.assertRedirects(response, month_url(self.p), fetch_redirect_response=False)
        self.p.refresh_from_db()
        self.assertEqual(self.p.delivery_date, date(2026, 5, 3))
        v = PregnancyVisit.objects.get()
        self.assertTrue(v.anc_check)
        page = self.client.get(month_url(self.p))
        self.assertContains(page, "Daftarkan bayi baru lahir")
        self.assertContains(page, f"/rumah-tangga/baru/?pregnancy={self.p.pk}")

    def test_it_refuses_a_delivery_in_the_future_and_stores_nothing(self) -> None:
        data = {
            "risk_status": "normal",
            "anc_check": "1",
            "postnatal_checks": "0",
            "delivery_date": "2026-05-25",
        }
        response = self.client.post(month_url(self.p), data)
        self.assertContains(response, "belum terjadi")
        self.assertIsNone(Pregnancy.objects.get().delivery_date)
        self.assertFalse(PregnancyVisit.objects.exists())

    def test_it_updates_the_register_with_the_latest_state(self) -> None:
        self.client.post(month_url(self.c), child_post(birth_certificate="1", latrine="1"))
        self.c.refresh_from_db()
        self.c.household.refresh_from_db()
        self.assertTrue(self.c.birth_certificate)
        self.assertTrue(self.c.household.latrine)

    def test_it_records_paud_for_a_child_over_two(self) -> None:
        older = child(self.sibargot, self.sari, name="Ani", birth_date=date(2023, 3, 1))
        page = self.client.get(month_url(older))
        self.assertContains(page, "PAUD")
        self.client.post(month_url(older), {"status": "mengikuti"})
        self.assertEqual(PaudRecord.objects.get(child=older).status, "mengikuti")

    def test_it_refuses_a_month_in_the_future(self) -> None:
        self.assertEqual(self.client.get(month_url(self.c, date(2026, 6, 1))).status_code, 404)

    def test_it_gives_budi_a_404_for_saris_child(self) -> None:
        self.login(self.budi)
        self.assertEqual(self.client.get(month_url(self.c)).status_code, 404)
        self.assertEqual(self.client.post(month_url(self.c), child_post()).status_code, 404)
        zurl = f"/sasaran/{self.c.pk}/zskor/"
        self.assertEqual(self.client.post(zurl, child_post()).status_code, 404)
        self.assertFalse(ChildVisit.objects.exists())

    def test_it_lets_an_officer_read_but_not_save(self) -> None:
        record_month(self.c, MAY, {"home_visit": True}, self.sari)
        self.login(self.dewi)
        page = self.client.get(month_url(self.c))
        self.assertEqual(page.status_code, 200)
        self.assertNotContains(page, 'class="primary wide">Simpan')
        self.assertEqual(self.client.post(month_url(self.c), child_post()).status_code, 403)
        self.assertFalse(ChildVisit.objects.get().weighed)
        self.login(self.tono)  # the next kecamatan
        self.assertEqual(self.client.get(month_url(self.c)).status_code, 404)
