from tikar.accounts.models import User
from tikar.test import BaseTestCase


class AuditTrailTestCase(BaseTestCase):
    def test_it_records_who_changed_a_posyandu_and_the_value_before(self):
        self.login(self.rahmat)
        self.client.post(
            f"/posyandu/{self.melati.pk}/", {"name": "Posyandu Melati Indah", "dusun": "I"}
        )
        latest, previous = self.melati.history.order_by("-history_id")[:2]
        self.assertEqual(latest.name, "Posyandu Melati Indah")
        self.assertEqual(latest.history_user, self.rahmat)
        self.assertEqual(latest.history_type, "~")
        self.assertEqual(previous.name, "Posyandu Melati")
        delta = latest.diff_against(previous)
        self.assertEqual([c.field for c in delta.changes], ["name"])

    def test_it_records_who_deactivated_an_account(self):
        self.login(self.rahmat)
        self.client.post(f"/pengguna/{self.sari.pk}/aktif/")
        record = User.history.filter(id=self.sari.pk).order_by("-history_id").first()
        self.assertFalse(record.is_active)
        self.assertEqual(record.history_user, self.rahmat)

    def test_it_never_stores_password_hashes_in_the_history(self):
        self.assertFalse(hasattr(User.history.model, "password"))
