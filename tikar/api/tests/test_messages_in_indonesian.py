"""Every refusal the API gives a phone is in Bahasa Indonesia, DRF's own messages included.

Found by a new user: wrong types, unknown ids, a stale cursor, a missing CSRF token and a
malformed body were answered with DRF's or Python's English text.
"""

from __future__ import annotations

import json
import re

from django.test import Client

from tikar.api.tests.base import ApiTestCase

# Words that only appear in the English messages these cases used to return.
ENGLISH = re.compile(
    r"\b(valid|required|matches|Incorrect|Expected|Invalid|Failed|allowed|Expecting|query)\b"
)


def all_text(body) -> str:
    return json.dumps(body, ensure_ascii=False)


class ApiMessagesTests(ApiTestCase):
    def assertIndonesian(self, response, status: int) -> None:
        self.assertEqual(response.status_code, status, response.content)
        text = all_text(response.json())
        self.assertIsNone(ENGLISH.search(text), text)

    def test_it_refuses_wrong_types_in_indonesian(self) -> None:
        self.login(self.sari)
        url = f"/api/child-visits/{self.sari_visit.pk}/"
        for body in (
            {"weight_kg": "abc"},
            {"weight_kg": [1]},
            {"oedema": "maybe"},
            {"posyandu": "abc"},
            {"visit_date": "kemarin"},
        ):
            with self.subTest(body=body):
                response = self.patch(url, body | {"base_version": self.sari_visit.version})
                self.assertIndonesian(response, 400)

    def test_it_says_not_found_in_indonesian_for_another_desa(self) -> None:
        self.login(self.sari)
        response = self.client.get(f"/api/children/{self.budi_child.pk}/")
        self.assertIndonesian(response, 404)
        self.assertIn("tidak ditemukan", all_text(response.json()))

    def test_it_explains_a_stale_cursor_a_wrong_method_and_a_malformed_body(self) -> None:
        self.login(self.sari)
        self.assertIndonesian(self.client.get("/api/children/?cursor=zzz"), 404)
        self.assertIndonesian(self.client.delete(f"/api/children/{self.sari_child.pk}/"), 405)
        response = self.client.post("/api/children/", '{"name": }', content_type="application/json")
        self.assertIndonesian(response, 400)
        self.assertIn("baris 1", all_text(response.json()))

    def test_it_asks_for_a_fresh_csrf_token_in_indonesian(self) -> None:
        client = Client(enforce_csrf_checks=True)
        client.force_login(self.sari)
        response = client.post("/api/children/", {"name": "X"}, content_type="application/json")
        self.assertIndonesian(response, 403)
        self.assertIn("CSRF", all_text(response.json()))
