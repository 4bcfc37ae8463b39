"""Every response to a logged-in user says `Cache-Control: no-store, private`.

Pages, exports, charts and the API name children and mothers; a shared phone's browser cache
or a proxy must not keep them. Static files and anonymous pages keep their own caching.
"""

from __future__ import annotations

from datetime import date

from django.test import override_settings
from django.urls import reverse

from tikar.households.tests.factories import child
from tikar.test import BaseTestCase


def directives(response) -> set[str]:
    return {d.strip().split("=")[0] for d in response.get("Cache-Control", "").split(",") if d}


class PrivateCacheTests(BaseTestCase):
    def setUp(self) -> None:
        self.kid = child(self.sibargot, self.sari, birth_date=date(2025, 6, 1))

    def urls(self) -> list[str]:
        today = date.today()
        return [
            reverse("home"),
            reverse("tasks"),
            reverse("register"),
            reverse("target", args=[self.kid.pk]),
            reverse("growth_chart", args=[self.kid.pk, "wfa"]),
            reverse("reports"),
            reverse("posyandu_list"),
            reverse("formulir1", args=[today.year]),
            reverse("export_month", args=["2b", today.year, today.month]),
            reverse("import_template"),
            reverse("password_change"),
            "/api/children/",
            "/api/schema/",
        ]

    def test_it_forbids_caching_every_page_export_chart_and_api_answer(self) -> None:
        self.login(self.sari)
        for url in self.urls():
            with self.subTest(url=url):
                response = self.client.get(url)
                self.assertEqual(response.status_code, 200, url)
                self.assertLessEqual({"no-store", "private"}, directives(response))

    def test_it_also_forbids_caching_an_error_page_shown_to_a_logged_in_user(self) -> None:
        self.login(self.budi)
        response = self.client.get(reverse("target", args=[self.kid.pk]))
        self.assertEqual(response.status_code, 404)
        self.assertLessEqual({"no-store", "private"}, directives(response))

    # WhiteNoise answers from the collected files; in tests there are none, so it reads the
    # source directories as under runserver.
    @override_settings(WHITENOISE_USE_FINDERS=True, WHITENOISE_AUTOREFRESH=True)
    def test_it_leaves_static_files_cacheable(self) -> None:
        self.login(self.sari)
        response = self.client.get("/static/css/tikar.css")
        self.assertEqual(response.status_code, 200)
        self.assertNotIn("no-store", directives(response))
