"""/standar-pertumbuhan/: the regency officer chooses the KBM table and the mat cut-offs; a
KBM change re-judges the kabupaten's weighings; others read or get 404."""

from __future__ import annotations

from datetime import date

from tikar.accounts.models import Role
from tikar.growth.models import GrowthStandard
from tikar.growth.standards import kbm_table_for, mat_cutoffs_for
from tikar.households.tests.factories import child
from tikar.monitoring.models import ChildVisit
from tikar.monitoring.tests.weighing_helpers import today, weigh
from tikar.test import SIBARGOT, BaseTestCase, make_user

URL = "/standar-pertumbuhan/"


class GrowthStandardPageTests(BaseTestCase):
    def setUp(self) -> None:
        patcher = today()
        patcher.start()
        self.addCleanup(patcher.stop)
        # Kabupaten Asahan (12.09), the neighbour of Labuhanbatu.
        self.asahan = make_user("asahan", Role.REGENCY_OFFICER, "12.09")

    def login(self, user) -> None:
        self.client.force_login(user)

    def post(self, **values):
        data = {"kbm_table": "buku_kia_2023", "mat_merah_below": "-2,0", "mat_hijau_from": "-1,0"}
        return self.client.post(URL, data | values)

    def test_it_shows_both_tables_with_their_sources_and_the_unverified_mat(self) -> None:
        self.login(self.hendra)
        page = self.client.get(URL)
        self.assertEqual(page.status_code, 200)
        self.assertContains(page, "Buku KIA 2023")
        self.assertContains(page, "Tabel kerja posyandu (KMS lama)")
        self.assertContains(page, "Buku Kesehatan Ibu dan Anak")
        self.assertContains(page, 'data-testid="mat-unverified"')
        self.assertContains(page, "belum terverifikasi")

    def test_it_rejudges_the_kabupaten_when_the_kbm_table_changes(self) -> None:
        # Born 1 January 2026: 3 months on 10 April, +700 g (Buku KIA 800: T; other 600: N).
        c = child(self.sibargot, self.sari, birth_date=date(2026, 1, 1))
        weigh(c, date(2026, 3, 1), "5.0", self.sari)
        april = weigh(c, date(2026, 4, 1), "5.7", self.sari)
        self.assertEqual(ChildVisit.objects.get(pk=april.pk).weight_gain, "T")
        self.login(self.hendra)
        response = self.post(kbm_table="posyandu_kerja")
        self.assertEqual(response.status_code, 302)
        self.assertEqual(kbm_table_for(SIBARGOT), "posyandu_kerja")
        stored = ChildVisit.objects.get(pk=april.pk)
        self.assertEqual((stored.weight_gain, stored.weight_gain_kbm_g), ("N", 600))
        page = self.client.get(URL)
        self.assertContains(page, "dinilai ulang")
        standard = GrowthStandard.objects.get(regency_id="12.10")
        self.assertEqual(standard.updated_by, self.hendra)
        self.assertEqual(standard.history.count(), 1)

    def test_it_saves_the_mat_cut_offs_typed_with_a_comma(self) -> None:
        self.login(self.hendra)
        self.post(mat_merah_below="-2,5", mat_hijau_from="-0,5", mat_verified="on")
        cutoffs = mat_cutoffs_for(SIBARGOT)
        self.assertEqual(
            (cutoffs.merah_below, cutoffs.hijau_from, cutoffs.verified), (-2.5, -0.5, True)
        )

    def test_it_refuses_bad_cut_offs_in_words(self) -> None:
        self.login(self.hendra)
        page = self.post(mat_merah_below="dua", mat_hijau_from="-3")
        self.assertEqual(page.status_code, 200)
        self.assertContains(page, "Tulis skor-z")
        page = self.post(mat_merah_below="-1", mat_hijau_from="-2")
        self.assertContains(page, "Hijau harus mulai di atas")
        page = self.post(kbm_table="no_such_table")
        self.assertEqual(page.status_code, 200)
        self.assertFalse(GrowthStandard.objects.exists())

    def test_it_gives_another_kabupatens_officer_404(self) -> None:
        self.login(self.asahan)
        self.assertEqual(self.client.get(URL + "?wilayah=12.10").status_code, 404)
        self.assertEqual(self.client.post(URL + "?wilayah=12.10", {}).status_code, 404)

    def test_it_lets_village_users_and_the_camat_read_only(self) -> None:
        for user in (self.sari, self.dewi):
            self.login(user)
            page = self.client.get(URL)
            self.assertEqual(page.status_code, 200)
            self.assertContains(page, 'data-testid="read-only"')
            self.assertEqual(self.post(kbm_table="posyandu_kerja").status_code, 404)
        self.assertFalse(GrowthStandard.objects.exists())

    def test_it_gives_a_village_user_404_for_another_kabupaten(self) -> None:
        self.login(self.sari)
        self.assertEqual(self.client.get(URL + "?wilayah=12.09").status_code, 404)
        self.assertEqual(self.client.get(URL + "?wilayah=bukan-kode").status_code, 404)
