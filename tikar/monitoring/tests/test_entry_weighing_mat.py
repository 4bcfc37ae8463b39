"""The growth mat colour read at the posyandu is compared with the length typed."""

from __future__ import annotations

from tikar.monitoring.tests.entry_weighing_base import EntryWeighingCase, preview_url, typed


class MatCheckTests(EntryWeighingCase):
    def test_it_warns_when_the_colour_disagrees_with_the_length(self) -> None:
        # 16 months, 70 cm: length-for-age far below -2 SD, so the mat should read Merah.
        wrong = self.client.post(
            preview_url(self.nisa), typed("8.0", length_cm="70.0", growth_mat="hijau")
        )
        self.assertContains(wrong, 'data-testid="mat-check"')
        self.assertContains(wrong, "dibaca Hijau")
        self.assertContains(wrong, "sesuai warna Merah")
        self.assertContains(wrong, "batas warna tikar belum diverifikasi")
        right = self.client.post(
            preview_url(self.nisa), typed("8.0", length_cm="70.0", growth_mat="merah")
        )
        self.assertNotContains(right, 'data-testid="mat-check"')
