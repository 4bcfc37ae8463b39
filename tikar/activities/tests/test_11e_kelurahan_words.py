"""A kelurahan's activity log says kelurahan, not desa."""

from __future__ import annotations

from django.test import override_settings

from tikar.accounts.models import Role
from tikar.test import NEGERI_LAMA, BaseTestCase, make_user


@override_settings(TIKAR_TODAY="2026-11-25")
class KelurahanWordsTest(BaseTestCase):
    def test_it_says_kelurahan_on_a_kelurahans_log(self):
        self.login(make_user("kpmnegerilama", Role.KPM, NEGERI_LAMA))
        response = self.client.get("/kegiatan-kpm/")
        self.assertContains(response, "Kelurahan sepakat dalam Rembuk Stunting")
        self.assertNotContains(response, "Desa sepakat")

    def test_it_says_desa_on_a_desas_log(self):
        self.login(self.sari)
        self.assertContains(self.client.get("/kegiatan-kpm/"), "Desa sepakat dalam Rembuk Stunting")
