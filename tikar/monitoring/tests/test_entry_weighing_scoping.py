"""Another village's KPM gets a 404 on Sari's child's live judgement (no figure leaks)."""

from __future__ import annotations

from tikar.monitoring.tests.entry_weighing_base import (
    APRIL,
    EntryWeighingCase,
    month_url,
    preview_url,
    typed,
)


class ScopingTests(EntryWeighingCase):
    def test_it_is_a_404_for_budi_on_the_partial_and_the_page(self) -> None:
        self.weigh(APRIL, "9.0", "76.5")
        self.login(self.budi)
        response = self.client.post(preview_url(self.nisa), typed("9.1"))
        self.assertEqual(response.status_code, 404)
        self.assertNotContains(response, "minimal", status_code=404)
        self.assertEqual(self.client.get(month_url(self.nisa)).status_code, 404)
        self.assertEqual(self.client.get(month_url(self.nisa, form="2b")).status_code, 404)
