"""The live N/T judgement of the weight being typed (the htmx z-score partial)."""

from __future__ import annotations

from datetime import date

from tikar.growth.models import GrowthStandard
from tikar.growth.weighing import DEFAULT_KBM_TABLE, kbm_tables
from tikar.households.tests.factories import child
from tikar.monitoring.models import ChildVisit
from tikar.monitoring.services import record_month
from tikar.monitoring.tests.entry_weighing_base import (
    APRIL,
    MARCH,
    EntryWeighingCase,
    preview_url,
    typed,
)
from tikar.regions.models import Region


class JudgementTests(EntryWeighingCase):
    def test_it_judges_n_at_exactly_the_kbm(self) -> None:
        self.weigh(APRIL, "9.0")
        response = self.client.post(preview_url(self.nisa), typed("9,2"))
        self.assertContains(response, 'data-code="N"')
        self.assertContains(response, "Naik 200 g (minimal 200 g): N")
        self.assertFalse(ChildVisit.objects.filter(month__gte=date(2026, 5, 1)).exists())

    def test_it_judges_t_under_the_kbm(self) -> None:
        self.weigh(APRIL, "9.0")
        response = self.client.post(preview_url(self.nisa), typed("9.1"))
        self.assertContains(response, 'data-code="T"')
        self.assertContains(response, "Naik 100 g, kurang dari minimal 200 g: T")
        self.assertNotContains(response, "(minimal 200 g): T")

    def test_it_says_a_loss_and_2t_after_a_skipped_month(self) -> None:
        self.weigh(date(2026, 1, 1), "9.0")
        self.weigh(date(2026, 2, 1), "9.0")  # T
        self.weigh(APRIL, "9.1")  # March not weighed: O
        response = self.client.post(preview_url(self.nisa), typed("8.9"))
        self.assertContains(response, "Turun 200 g, kurang dari minimal 200 g: T")
        self.assertNotContains(response, "2T")  # the previous weighing was O, not T

    def test_it_says_the_same_weight_is_less_than_the_minimum(self) -> None:
        self.weigh(APRIL, "9.0")
        response = self.client.post(preview_url(self.nisa), typed("9.0"))
        self.assertContains(response, "Tetap, 0 g, kurang dari minimal 200 g: T")

    def test_it_says_2t_and_refer_after_a_t(self) -> None:
        self.weigh(MARCH, "9.0")
        self.weigh(APRIL, "9.0")  # T
        response = self.client.post(preview_url(self.nisa), typed("9.1"))
        self.assertContains(response, "2T: dua kali berturut-turut tidak naik")

    def test_it_says_o_when_last_month_was_not_weighed_and_b_for_the_first(self) -> None:
        first = self.client.post(preview_url(self.nisa), typed("9.0"))
        self.assertContains(first, "B: baru pertama kali ditimbang")
        self.weigh(MARCH, "9.0")
        response = self.client.post(preview_url(self.nisa), typed("9.5"))
        self.assertContains(response, "O: bulan lalu tidak ditimbang")

    def test_it_uses_the_kabupatens_kbm_table(self) -> None:
        # 3 completed months on 12 May: Buku KIA 800 g, the other table 600 g.
        baby = child(self.sibargot, self.sari, birth_date=date(2026, 2, 5), name="Rafa")
        record_month(baby, APRIL, {"visit_date": date(2026, 4, 12), "weight_kg": "5.0"}, self.sari)
        body = typed("5.6")
        self.assertContains(
            self.client.post(preview_url(baby), body), "kurang dari minimal 800 g: T"
        )
        other = next(k for k in kbm_tables() if k != DEFAULT_KBM_TABLE)
        GrowthStandard.objects.create(regency=Region.objects.get(code="12.10"), kbm_table=other)
        self.assertContains(self.client.post(preview_url(baby), body), "(minimal 600 g): N")

    def test_it_says_bgm_below_minus_3(self) -> None:
        self.weigh(APRIL, "6.0")
        response = self.client.post(preview_url(self.nisa), typed("6.0"))
        self.assertContains(response, "BGM")
        ok = self.client.post(preview_url(self.nisa), typed("9.5"))
        self.assertNotContains(ok, "BGM")
