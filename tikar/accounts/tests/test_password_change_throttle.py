"""Guessing the current password on the password-change page is throttled like logging in."""

from __future__ import annotations

from django.test import override_settings
from django.urls import reverse

from tikar.test import PASSWORD, BaseTestCase

NEW = "kata-sandi-baru-456"


@override_settings(AXES_FAILURE_LIMIT=5, AXES_COOLOFF_TIME=0.25)
class PasswordChangeThrottleTests(BaseTestCase):
    def change(self, old: str):
        return self.client.post(
            reverse("password_change"),
            {"old_password": old, "new_password1": NEW, "new_password2": NEW},
        )

    def test_it_locks_the_form_for_15_minutes_after_five_wrong_current_passwords(self) -> None:
        self.login(self.sari)
        for _ in range(4):
            self.assertEqual(self.change("tebakan").status_code, 200)
        fifth = self.change("tebakan")
        self.assertContains(fifth, "dikunci selama 15 menit", status_code=429)
        # Even the right password is refused now, and the form is not offered any more.
        right = self.change(PASSWORD)
        self.assertContains(right, "Terlalu banyak kata sandi lama yang salah", status_code=429)
        self.sari.refresh_from_db()
        self.assertTrue(self.sari.check_password(PASSWORD))
        page = self.client.get(reverse("password_change"))
        self.assertEqual(page.status_code, 429)
        self.assertNotContains(page, 'name="old_password"', status_code=429)

    def test_it_still_changes_the_password_after_four_wrong_guesses(self) -> None:
        self.login(self.sari)
        for _ in range(4):
            self.change("tebakan")
        self.assertRedirects(self.change(PASSWORD), reverse("password_change_done"))
        self.sari.refresh_from_db()
        self.assertTrue(self.sari.check_password(NEW))

    def test_it_does_not_lock_another_user(self) -> None:
        self.login(self.sari)
        for _ in range(5):
            self.change("tebakan")
        self.client.logout()
        self.login(self.budi)
        self.assertRedirects(self.change(PASSWORD), reverse("password_change_done"))
