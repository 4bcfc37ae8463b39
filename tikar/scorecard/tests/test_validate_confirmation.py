"""Validating a quarter locks its records: it needs a second, explicit tap ("Yes, validate")."""

from __future__ import annotations

from unittest import mock

from django.urls import reverse

from tikar.scorecard.models import QuarterLock
from tikar.scorecard.tests.desa import QUARTER, TODAY, YEAR, build_sibargot
from tikar.test import BaseTestCase


@mock.patch("django.utils.timezone.localdate", return_value=TODAY)
class ValidateConfirmationTests(BaseTestCase):
    def test_it_validates_nothing_on_the_first_tap(self, _) -> None:
        build_sibargot(self)
        self.login(self.rahmat)
        url = reverse("quarter_lock", args=[YEAR, QUARTER])
        page = self.client.post(url, follow=True)
        self.assertFalse(QuarterLock.objects.filter(locked_at__isnull=False).exists())
        self.assertContains(page, "Belum ada yang divalidasi")
        # The page offers the confirming button inside the confirmation step.
        self.assertContains(page, 'class="confirm-step"')
        self.assertContains(page, 'name="confirm" value="1"')

    def test_it_validates_on_the_confirming_tap(self, _) -> None:
        build_sibargot(self)
        self.login(self.rahmat)
        self.client.post(reverse("quarter_lock", args=[YEAR, QUARTER]), {"confirm": "1"})
        self.assertTrue(QuarterLock.objects.filter(locked_at__isnull=False).exists())

    def test_it_gives_another_desas_admin_a_404(self, _) -> None:
        build_sibargot(self)
        self.login(self.yusuf)
        url = reverse("quarter_lock", args=[YEAR, QUARTER]) + "?desa=" + self.sibargot.code
        self.assertEqual(self.client.post(url, {"confirm": "1"}).status_code, 404)
        self.assertFalse(QuarterLock.objects.exists())
