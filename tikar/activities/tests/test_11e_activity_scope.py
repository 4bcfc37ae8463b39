"""Scoping of the activity log: another desa is a 404, officers read and never write."""

from __future__ import annotations

from datetime import date

from django.test import override_settings
from django.urls import reverse

from tikar.activities.models import Activity
from tikar.activities.tests._11e_data import activity
from tikar.test import BaseTestCase

LOG = reverse("activity_log")
NEW = reverse("activity_new")


@override_settings(TIKAR_TODAY="2026-11-25")
class ActivityScopeTest(BaseTestCase):
    def setUp(self):
        self.a = activity(
            self.sibargot,
            date(2026, 11, 3),
            people={"parents": (2, 18)},
            title="Pertemuan Melati Sibargot",
        )
        self.url = reverse("activity_edit", args=[self.a.pk])

    def test_it_gives_another_desa_a_404_for_the_list_and_the_ids(self):
        for user in (self.budi, self.yusuf):
            self.login(user)
            with self.subTest(user=user.username):
                self.assertEqual(
                    self.client.get(LOG, {"desa": self.sibargot.code}).status_code, 404
                )
                self.assertEqual(self.client.get(self.url).status_code, 404)
                self.assertEqual(self.client.post(self.url, {"action": "delete"}).status_code, 404)
                self.assertNotContains(self.client.get(LOG), "Pertemuan Melati Sibargot")
        self.assertTrue(Activity.objects.filter(pk=self.a.pk).exists())

    def test_it_lets_officers_of_the_area_read_with_desa(self):
        for user in (self.dewi, self.hendra, self.agus):
            self.login(user)
            with self.subTest(user=user.username):
                response = self.client.get(LOG, {"desa": self.sibargot.code, "bulan": "2026-11"})
                self.assertContains(response, "Pertemuan Melati Sibargot")
                self.assertNotContains(response, NEW)
                self.assertContains(self.client.get(self.url), "Pertemuan Melati Sibargot")

    def test_it_refuses_officers_posts_and_the_new_form(self):
        for user in (self.dewi, self.hendra, self.agus):
            self.login(user)
            with self.subTest(user=user.username):
                self.assertEqual(self.client.post(self.url, {"action": "delete"}).status_code, 404)
                self.assertEqual(
                    self.client.get(NEW, {"desa": self.sibargot.code}).status_code, 404
                )
                self.assertEqual(
                    self.client.post(NEW, {"held_on": "2026-11-01", "kind": "other"}).status_code,
                    404,
                )
        self.assertEqual(Activity.objects.count(), 1)

    def test_it_gives_an_officer_of_another_kecamatan_a_404(self):
        self.login(self.tono)
        self.assertEqual(self.client.get(LOG, {"desa": self.sibargot.code}).status_code, 404)
        self.assertEqual(self.client.get(self.url).status_code, 404)

    def test_it_needs_a_login(self):
        self.assertEqual(self.client.get(LOG).status_code, 302)
        self.assertEqual(self.client.get(self.url).status_code, 302)
