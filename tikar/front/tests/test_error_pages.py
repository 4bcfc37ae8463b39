"""Error pages speak Bahasa Indonesia and say what to do next (400, 500, CSRF failure)."""

from __future__ import annotations

from django.http import HttpRequest
from django.test import Client, SimpleTestCase, override_settings
from django.urls import path, reverse

from tikar.test import BaseTestCase


def boom(request: HttpRequest):
    raise RuntimeError("disengaja untuk uji")


urlpatterns = [path("uji-galat/", boom)]


@override_settings(ROOT_URLCONF=__name__)
class ServerErrorPageTests(SimpleTestCase):
    def test_it_shows_an_indonesian_500_page_that_says_what_to_do(self) -> None:
        client = Client(raise_request_exception=False)
        response = client.get("/uji-galat/")
        self.assertEqual(response.status_code, 500)
        self.assertContains(response, "Terjadi kesalahan", status_code=500)
        self.assertContains(response, "muat ulang halaman", status_code=500)
        self.assertNotContains(response, "Server Error", status_code=500)
        self.assertContains(response, 'lang="id"', status_code=500)


class BadRequestPageTests(SimpleTestCase):
    def test_it_shows_an_indonesian_400_page(self) -> None:
        response = self.client.get("/masuk/", headers={"host": "bukan-tikar.example"})
        self.assertEqual(response.status_code, 400)
        self.assertContains(response, "Permintaan tidak dapat dibaca", status_code=400)
        self.assertContains(response, "muat ulang halaman", status_code=400)


class CsrfFailurePageTests(BaseTestCase):
    def test_it_tells_the_user_in_indonesian_to_reload_the_page(self) -> None:
        client = Client(enforce_csrf_checks=True)
        client.force_login(self.sari)
        response = client.post(reverse("register"), {"head_name": "Pak Amir"})
        self.assertEqual(response.status_code, 403)
        self.assertContains(response, "Formulir sudah kedaluwarsa", status_code=403)
        self.assertContains(response, "muat ulang halaman", status_code=403)
        self.assertNotContains(response, "CSRF verification failed", status_code=403)
