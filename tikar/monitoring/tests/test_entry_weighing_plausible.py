"""An implausible weight is not judged: no N/T, no 2T/BGM box while the weight is outside what
the server refuses (rules.check_child_measurement_limits) or asks about (a flagged BB/U z);
the form says the weight must be checked first (tester's fault 5 of issue 10)."""

from __future__ import annotations

from tikar.monitoring.tests.entry_weighing_base import (
    APRIL,
    MARCH,
    EntryWeighingCase,
    preview_url,
    typed,
)

CHECK = "Periksa berat badan dulu"


class PlausibleWeightTests(EntryWeighingCase):
    def test_999_kg_is_not_judged_n(self) -> None:
        self.weigh(APRIL, "8.4")
        response = self.client.post(preview_url(self.nisa), typed("999"))
        self.assertContains(response, CHECK)
        self.assertContains(response, 'data-check="1"')
        self.assertNotContains(response, 'data-code="N"')
        self.assertNotContains(response, "991.600")
        self.assertNotContains(response, "BGM")

    def test_a_weight_over_the_limit_without_a_date_is_not_judged(self) -> None:
        self.weigh(APRIL, "8.4")
        response = self.client.post(preview_url(self.nisa), typed("31", visit_date=""))
        self.assertContains(response, CHECK)
        self.assertNotContains(response, 'data-code="N"')

    def test_a_weight_under_the_limit_is_not_judged_t_nor_2t(self) -> None:
        self.weigh(MARCH, "9.0")
        self.weigh(APRIL, "9.0")  # T: a T now would be 2T
        response = self.client.post(preview_url(self.nisa), typed("0.3"))
        self.assertContains(response, CHECK)
        self.assertNotContains(response, 'data-code="T"')
        self.assertNotContains(response, "2T")
        self.assertNotContains(response, 'name="gain_override_reason"')

    def test_a_flagged_weight_for_age_is_not_judged_and_not_bgm(self) -> None:
        # 2.0 kg at 16 months: within the limits (0.4-30 kg) but BB/U z < -6 (flagged).
        self.weigh(APRIL, "2.2")
        response = self.client.post(preview_url(self.nisa), typed("2.0"))
        self.assertContains(response, CHECK)
        self.assertNotContains(response, 'data-code="T"')
        self.assertNotContains(response, "BGM")
        self.assertNotContains(response, "2T")

    def test_a_plausible_weight_is_judged_as_before(self) -> None:
        self.weigh(APRIL, "9.0")
        response = self.client.post(preview_url(self.nisa), typed("9.2"))
        self.assertContains(response, 'data-code="N"')
        self.assertNotContains(response, CHECK)
