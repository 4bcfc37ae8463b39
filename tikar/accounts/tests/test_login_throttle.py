from axes.models import AccessAttempt, AccessFailureLog
from django.test import override_settings

from tikar.test import PASSWORD, BaseTestCase


@override_settings(AXES_FAILURE_LIMIT=5)
class LoginThrottleTestCase(BaseTestCase):
    def fail(self, n: int, username: str = "sari"):
        for _ in range(n):
            self.client.post("/masuk/", {"username": username, "password": "salah"})

    def test_it_locks_the_account_after_five_wrong_passwords(self):
        self.fail(5)
        r = self.client.post("/masuk/", {"username": "sari", "password": PASSWORD})
        self.assertEqual(r.status_code, 429)
        self.assertContains(r, "dikunci", status_code=429)
        self.assertNotIn("_auth_user_id", self.client.session)

    def test_it_still_lets_the_user_in_after_four_wrong_passwords(self):
        self.fail(4)
        r = self.client.post("/masuk/", {"username": "sari", "password": PASSWORD})
        self.assertRedirects(r, "/")

    def test_it_does_not_lock_other_users_out(self):
        self.fail(5)
        r = self.client.post("/masuk/", {"username": "budi", "password": PASSWORD})
        self.assertRedirects(r, "/")

    def test_it_records_every_failed_login(self):
        self.fail(3)
        self.assertEqual(AccessAttempt.objects.get(username="sari").failures_since_start, 3)
        self.assertEqual(AccessFailureLog.objects.filter(username="sari").count(), 3)
