"""Malformed requests are a 400 or 404 with a message in Bahasa Indonesia, never a 500.

The kinds (issue 8, 3), each fixed once for every endpoint: impossible calendar numbers in
URLs (URL converters), JSON bodies that are not an object, NaN / Infinity / 1e309 (the API's
JSON parser), and NUL characters in a path, a query string, a form or a JSON text (a
middleware and the parser; PostgreSQL cannot store NUL, SQLite stored it).
"""

from __future__ import annotations

import json

from django.test import Client

from tikar.households.models import Household

from .base import ApiTestCase


class MalformedRequestTests(ApiTestCase):
    def setUp(self) -> None:
        super().setUp()
        self.client = Client(raise_request_exception=False)
        self.client.force_login(self.sari)

    def raw(self, url: str, body: str, method: str = "post"):
        return self.client.generic(method.upper(), url, body, "application/json")

    def test_it_answers_404_to_calendar_numbers_no_date_can_hold(self) -> None:
        child = self.sari_child.pk
        urls = [
            f"/sasaran/{child}/bulan/99999-99/",
            f"/sasaran/{child}/bulan/2026-13/",
            f"/sasaran/{child}/bulan/{'9' * 30}-1/",
            "/rekap/99999/9/",
            "/rekap/2026/0/",
            "/scorecard/99999999999999999999/1/",
            "/formulir-1/99999/",
            "/ekspor/2b/99999-99.xlsx",
            "/lokus/2026/5/",
            f"/api/scorecards/{self.sibargot.code}/99999/9/",
        ]
        for url in urls:
            with self.subTest(url=url):
                self.assertEqual(self.client.get(url).status_code, 404)

    def test_it_refuses_a_body_that_is_not_an_object(self) -> None:
        for body in ("[]", '[{"head_name": "A"}]', '"teks"', "null", "7"):
            with self.subTest(body=body):
                response = self.raw("/api/households/", body)
                self.assertEqual(response.status_code, 400, response.content)
                self.assertIn("objek JSON", response.json()["detail"])
                response = self.raw(f"/api/child-visits/{self.sari_visit.pk}/", body, "patch")
                self.assertEqual(response.status_code, 400, response.content)
        self.assertEqual(Household.objects.filter(head_name="A").count(), 0)

    def test_it_refuses_nan_infinity_and_numbers_beyond_a_float(self) -> None:
        for number in ("NaN", "Infinity", "-Infinity", "1e309"):
            with self.subTest(number=number):
                body = (
                    f'{{"child": "{self.sari_child.pk}", "month": "2026-05", '
                    f'"visit_date": "2026-05-10", "weight_kg": {number}}}'
                )
                response = self.raw("/api/child-visits/", body)
                self.assertEqual(response.status_code, 400, response.content)
                self.assertIn("angka", response.json()["detail"])

    def test_it_refuses_nul_characters_everywhere(self) -> None:
        body = json.dumps({"head_name": "Nul\x00Test"})
        response = self.raw("/api/households/", body)
        self.assertEqual(response.status_code, 400, response.content)
        self.assertIn("NUL", response.json()["detail"])
        self.assertFalse(Household.objects.filter(head_name__startswith="Nul").exists())
        for url, query in (("/api/households/", {"search": "a\x00"}),
                           ("/api/regions/", {"search": "\x00"}),
                           ("/cari/wilayah/", {"q": "Sib\x00"}),
                           ("/tugas/", {"bulan": "2026-05\x00"})):  # fmt: skip
            with self.subTest(url=url):
                response = self.client.get(url, query)
                self.assertEqual(response.status_code, 400)
                self.assertIn("NUL", response.content.decode())
        response = self.client.get("/wilayah/12%00/")
        self.assertEqual(response.status_code, 400)
        response = self.client.post(
            "/rumah-tangga/baru/", {"step": "household", "hh-head_name": "Pak\x00"}
        )
        self.assertEqual(response.status_code, 400)
        self.assertIn("karakter NUL", response.content.decode())
