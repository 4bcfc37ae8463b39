""" "Save and next" on the monthly entry: after saving, the next target still to record in the
same filtered list opens, with the filter kept in the URL."""

from __future__ import annotations

from datetime import date
from unittest import mock

from tikar.households.tests.factories import child, household, mother
from tikar.monitoring.models import ChildVisit
from tikar.test import BaseTestCase

TODAY = date(2026, 5, 20)
MAY = date(2026, 5, 1)


def url(target, query: str = "") -> str:
    return f"/sasaran/{target.pk}/bulan/2026-5/" + (f"?{query}" if query else "")


class SaveAndNextTests(BaseTestCase):
    def setUp(self) -> None:
        clock = mock.patch("django.utils.timezone.localdate", return_value=TODAY)
        clock.start()
        self.addCleanup(clock.stop)
        h = household(self.sibargot, self.sari, head_name="Pak Umar", dusun="IV")
        m = mother(self.sibargot, self.sari, household_=h, name="Lina", nik=None)
        self.ani = child(self.sibargot, self.sari, name="Ani", mother_=m)
        self.bayu = child(self.sibargot, self.sari, name="Bayu", mother_=m)
        self.cici = child(self.sibargot, self.sari, name="Cici", mother_=m)
        other = household(self.sibargot, self.sari, head_name="Pak Lain", dusun="I")
        m2 = mother(self.sibargot, self.sari, household_=other, name="Wati", nik=None)
        self.dedi = child(self.sibargot, self.sari, name="Dedi", mother_=m2)  # not in dusun IV

    def save_next(self, target, query: str):
        self.login(self.sari)
        return self.client.post(
            url(target, query), {"home_visit": "1", "growth_mat": "tidak_diukur", "lanjut": "1"}
        )

    def test_it_opens_the_next_unrecorded_target_of_the_same_filtered_list(self) -> None:
        r = self.save_next(self.ani, "dusun=IV&belum=1")
        self.assertTrue(ChildVisit.objects.filter(child=self.ani, month=MAY).exists())
        self.assertRedirects(r, url(self.bayu, "dusun=IV&belum=1"), fetch_redirect_response=False)
        r = self.save_next(self.bayu, "dusun=IV&belum=1")
        self.assertRedirects(r, url(self.cici, "dusun=IV&belum=1"), fetch_redirect_response=False)
        # The next page opens with the filter still in the list link ("back to Tugas").
        page = self.client.get(url(self.cici, "dusun=IV&belum=1"))
        self.assertIn("dusun=IV", page.context["tasks_url"])
        self.assertIn(f"#t-{self.cici.pk}-2b", page.context["tasks_url"])

    def test_it_skips_what_is_already_recorded_and_wraps_around(self) -> None:
        self.login(self.sari)
        self.client.post(url(self.bayu), {"home_visit": "1", "growth_mat": "tidak_diukur"})
        r = self.save_next(self.cici, "dusun=IV")
        # After Cici the list wraps to Ani; Bayu is already recorded.
        self.assertRedirects(r, url(self.ani, "dusun=IV"), fetch_redirect_response=False)

    def test_it_returns_to_the_filtered_list_when_everything_is_recorded(self) -> None:
        self.save_next(self.ani, "dusun=IV")
        self.save_next(self.bayu, "dusun=IV")
        r = self.save_next(self.cici, "dusun=IV")
        self.assertRedirects(r, "/tugas/?bulan=2026-05&dusun=IV", fetch_redirect_response=False)
        page = self.client.get(r["Location"])
        self.assertContains(page, "Semua sasaran dalam daftar ini sudah dicatat")
        self.assertFalse(ChildVisit.objects.filter(child=self.dedi).exists())

    def test_it_lets_budi_walk_no_list_of_another_desa(self) -> None:
        self.login(self.budi)
        r = self.client.post(
            url(self.ani, "dusun=IV"),
            {"home_visit": "1", "growth_mat": "tidak_diukur", "lanjut": "1"},
        )
        self.assertEqual(r.status_code, 404)
        self.assertFalse(ChildVisit.objects.exists())
