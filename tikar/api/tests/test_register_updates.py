"""A register update needs base_version, bumps the version, and a replay changes nothing."""

from __future__ import annotations

from tikar.households.models import Pregnancy

from .base import ApiTestCase


class RegisterUpdateTests(ApiTestCase):
    def test_it_bumps_the_version_once_and_not_on_a_replay(self) -> None:
        self.client.force_login(self.sari)
        url = f"/api/pregnancies/{self.sari_pregnancy.pk}/"
        first = self.patch(url, {"base_version": 1, "risk_status": "kek"})
        self.assertEqual(first.status_code, 200, first.content)
        self.assertEqual((first.json()["version"], first.json()["risk_status"]), (2, "kek"))
        replay = self.patch(url, {"base_version": 1, "risk_status": "kek"})
        self.assertEqual(replay.json()["version"], 2)
        self.assertEqual(Pregnancy.objects.get(pk=self.sari_pregnancy.pk).version, 2)

    def test_it_asks_for_the_base_version(self) -> None:
        self.client.force_login(self.sari)
        url = f"/api/pregnancies/{self.sari_pregnancy.pk}/"
        response = self.patch(url, {"risk_status": "kek"})
        self.assertEqual(response.status_code, 400)
        self.assertEqual(
            response.json()["base_version"], ["Kirim versi data yang terakhir Anda lihat."]
        )
        self.assertEqual(Pregnancy.objects.get(pk=self.sari_pregnancy.pk).risk_status, "normal")
