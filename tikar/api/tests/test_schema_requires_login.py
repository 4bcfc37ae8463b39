"""The OpenAPI description names every register field: only logged-in users may read it."""

from __future__ import annotations

from tikar.test import BaseTestCase


class SchemaLoginTests(BaseTestCase):
    def test_it_refuses_the_schema_to_an_anonymous_visitor(self) -> None:
        response = self.client.get("/api/schema/")
        self.assertIn(response.status_code, (401, 403))
        self.assertNotIn(b"/api/children/", response.content)

    def test_it_serves_the_schema_to_a_logged_in_user(self) -> None:
        self.login(self.sari)
        response = self.client.get("/api/schema/")
        self.assertEqual(response.status_code, 200)
        self.assertIn(b"/api/children/", response.content)
