"""The pregnancy month form: LiLA < 23.5 cm shows KEK live and asks to set the risk status."""

from __future__ import annotations

from tikar.households.models import RiskStatus
from tikar.households.tests.factories import pregnancy
from tikar.monitoring.models import PregnancyVisit
from tikar.monitoring.tests.entry_weighing_base import EntryWeighingCase, month_url

PROMPT = "Pilih status risiko “KEK” di atas"


class KekTests(EntryWeighingCase):
    def setUp(self) -> None:
        super().setUp()
        self.p = pregnancy(self.sibargot, self.sari)

    def preview(self, muac: str, risk: str = "normal"):
        return self.client.post(
            f"/sasaran/{self.p.pk}/kek/", {"muac_cm": muac, "risk_status": risk}
        )

    def test_it_says_kek_under_23_5_cm_and_not_at_23_5(self) -> None:
        under = self.preview("23,4")
        self.assertContains(under, "LiLA &lt; 23,5 cm: KEK")
        self.assertContains(under, PROMPT)
        self.assertNotContains(self.preview("23.5"), "KEK")
        self.assertNotContains(self.preview(""), "KEK")
        self.assertNotContains(self.preview("abc"), "KEK")

    def test_it_stops_asking_once_the_risk_status_is_kek(self) -> None:
        response = self.preview("22.0", RiskStatus.KEK)
        self.assertContains(response, "Status risiko: KEK.")
        self.assertNotContains(response, PROMPT)

    def test_it_does_not_set_the_risk_status_by_itself(self) -> None:
        body = {"visit_date": "2026-05-12", "risk_status": "normal", "muac_cm": "22,9",
                "postnatal_checks": "0", "anc_check": "1"}  # fmt: skip
        response = self.client.post(month_url(self.p), body)
        self.assertEqual(response.status_code, 302)
        v = PregnancyVisit.objects.get(pregnancy=self.p)
        self.assertEqual(v.risk_status, RiskStatus.NORMAL)
        page = self.client.get(month_url(self.p))
        self.assertContains(page, "LiLA &lt; 23,5 cm: KEK")
        self.assertContains(page, PROMPT)
        self.assertContains(page, f'hx-post="/sasaran/{self.p.pk}/kek/"')

    def test_it_is_a_404_for_another_villages_kpm(self) -> None:
        self.login(self.budi)
        self.assertEqual(self.preview("22.0").status_code, 404)
