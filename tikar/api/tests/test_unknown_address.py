"""An address under /api/ that does not exist answers a JSON 404 in Indonesian, not HTML."""

from tikar.api.tests.base import ApiTestCase


class UnknownAddressTests(ApiTestCase):
    def test_it_answers_json_for_an_unknown_address(self) -> None:
        self.login(self.sari)
        for url in (
            "/api/nothing-here/",
            f"/api/scorecards/{self.sibargot.code}/2026/5/",
            "/api/children/not-a-uuid/",
        ):
            with self.subTest(url=url):
                response = self.client.get(url)
                self.assertEqual(response.status_code, 404)
                self.assertEqual(response["Content-Type"], "application/json")
                self.assertEqual(response.json(), {"detail": "Data tidak ditemukan."})

    def test_it_still_sends_an_address_without_its_slash_to_the_list(self) -> None:
        self.login(self.sari)
        response = self.client.get("/api/children")
        self.assertEqual(response.status_code, 301)
        self.assertEqual(response["Location"], "/api/children/")
