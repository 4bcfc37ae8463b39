"""GET /api/sync/reference/: the user, the desa, its posyandu, today and the cursor."""

from __future__ import annotations

from tikar.households.models import ChangeCounter

from .sync_helpers import SYNC_URL, SyncTestCase


class ReferenceTests(SyncTestCase):
    def test_it_describes_the_user_the_desa_and_its_posyandu(self) -> None:
        self.login(self.sari)
        body = self.client.get(SYNC_URL + "reference/").json()
        self.assertEqual(body["user"]["username"], "sari")
        self.assertEqual(body["user"]["role"], "kpm")
        self.assertEqual(body["village"]["code"], "12.10.07.2001")
        self.assertEqual(body["village"]["full_name"], "Desa Sibargot")
        self.assertFalse(body["village"]["is_kelurahan"])
        self.assertEqual([p["name"] for p in body["posyandu"]], ["Posyandu Melati"])
        self.assertEqual(body["cursor"], ChangeCounter.objects.get(name="changes").value)
        self.assertRegex(body["today"], r"^\d{4}-\d{2}-\d{2}$")
