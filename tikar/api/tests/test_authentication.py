"""Without a session nothing is shown or changed."""

from __future__ import annotations

from .base import ApiTestCase

ENDPOINTS = (
    "households",
    "mothers",
    "pregnancies",
    "children",
    "pregnancy-visits",
    "child-visits",
    "paud-records",
    "village-years",
    "conflicts",
    "regions",
    "posyandu",
)


class AuthenticationTests(ApiTestCase):
    def test_it_refuses_requests_without_a_login(self) -> None:
        for name in ENDPOINTS:
            with self.subTest(endpoint=name):
                self.assertEqual(self.client.get(f"/api/{name}/").status_code, 403)
                self.assertEqual(self.post(f"/api/{name}/", {}).status_code, 403)
        url = f"/api/households/{self.sari_household.pk}/"
        self.assertEqual(self.client.get(url).status_code, 403)

    def test_it_refuses_a_deactivated_user(self) -> None:
        self.client.force_login(self.sari)
        self.sari.is_active = False
        self.sari.save()
        self.assertEqual(self.client.get("/api/households/").status_code, 403)
