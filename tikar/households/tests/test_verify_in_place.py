"""The Admin Desa's verification list: verifying keeps her place (htmx swaps the row; without
script the page returns at the next row's anchor), and the list is searchable."""

from __future__ import annotations

from tikar.households.models import Child, Pregnancy
from tikar.households.tests.factories import child, household, mother, pregnancy
from tikar.test import BaseTestCase


class VerifyInPlaceTests(BaseTestCase):
    def setUp(self) -> None:
        h = household(self.sibargot, self.sari, head_name="Pak Umar")
        m = mother(self.sibargot, self.sari, household_=h, name="Lina", nik=None)
        self.p = pregnancy(self.sibargot, self.sari, mother_=m, kia_number="KIA-LINA")
        self.ani = child(self.sibargot, self.sari, name="Ani", mother_=m, nik="1210074101250001")
        self.bayu = child(self.sibargot, self.sari, name="Bayu", mother_=m)
        self.login(self.rahmat)

    def test_it_answers_an_htmx_verify_with_the_row_alone(self) -> None:
        r = self.client.post("/verifikasi/", {"target": self.ani.pk}, HTTP_HX_REQUEST="true")
        self.assertEqual(r.status_code, 200)
        body = r.content.decode()
        self.assertTrue(body.lstrip().startswith("<li"), body[:80])
        self.assertIn(f'id="v-{self.ani.pk}"', body)
        self.assertIn("terverifikasi", body)
        self.assertNotIn("<html", body)
        self.assertIsNotNone(Child.objects.get(pk=self.ani.pk).verified_at)

    def test_it_returns_without_script_at_the_next_row(self) -> None:
        r = self.client.post("/verifikasi/", {"target": self.ani.pk})
        self.assertRedirects(r, f"/verifikasi/#v-{self.bayu.pk}", fetch_redirect_response=False)
        page = self.client.get("/verifikasi/")
        self.assertContains(page, f'id="v-{self.bayu.pk}"')
        self.assertNotContains(page, f'id="v-{self.ani.pk}"')

    def test_it_searches_by_name_nik_or_kia_number(self) -> None:
        def rows(q):
            page = self.client.get("/verifikasi/", {"cari": q})
            return {r["target"].pk for r in page.context["rows"]}

        self.assertEqual(rows("bayu"), {self.bayu.pk})
        self.assertEqual(rows("1210074101"), {self.ani.pk})
        self.assertEqual(rows("KIA-LINA"), {self.p.pk})
        self.assertEqual(rows("umar"), {self.p.mother.household_id})

    def test_it_gives_another_desas_admin_a_404(self) -> None:
        self.login(self.yusuf)
        r = self.client.post("/verifikasi/", {"target": self.p.pk}, HTTP_HX_REQUEST="true")
        self.assertEqual(r.status_code, 404)
        self.assertIsNone(Pregnancy.objects.get(pk=self.p.pk).verified_at)
        self.assertEqual(self.client.get("/verifikasi/", {"cari": "Lina"}).context["rows"], [])
