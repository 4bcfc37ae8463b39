"""On a T the form offers "mengikuti garis pertumbuhannya" with a reason; it is saved and kept."""

from __future__ import annotations

from tikar.monitoring.models import ChildVisit
from tikar.monitoring.tests.entry_weighing_base import (
    APRIL,
    MARCH,
    MAY,
    EntryWeighingCase,
    month_url,
    preview_url,
    typed,
)

REASON = "Grafik sejajar garis pertumbuhan sejak 6 bulan, dinilai bidan Rina"


def post(weight: str, **extra) -> dict:
    body = typed(weight, length_cm="", growth_mat="tidak_diukur") | extra
    body.pop("month")
    return body


class OverrideTests(EntryWeighingCase):
    def setUp(self) -> None:
        super().setUp()
        self.weigh(APRIL, "9.0")

    def test_it_offers_the_reason_input_only_on_a_t(self) -> None:
        t = self.client.post(preview_url(self.nisa), typed("9.1"))
        self.assertContains(t, 'name="gain_override_reason"')
        self.assertContains(t, 'id="gain-override" class="gain-override" hx-swap-oob="true"')
        n = self.client.post(preview_url(self.nisa), typed("9.2"))
        self.assertNotContains(n, 'name="gain_override_reason"')
        # ... but the empty slot still comes, so a reason input shown before is taken away.
        self.assertContains(n, 'id="gain-override"')
        page = self.client.get(month_url(self.nisa))
        self.assertNotContains(page, 'name="gain_override_reason"')

    def test_it_judges_the_t_as_n_while_a_reason_is_typed(self) -> None:
        response = self.client.post(
            preview_url(self.nisa), typed("9.1", gain_override_reason=REASON)
        )
        self.assertContains(response, 'data-code="N"')
        self.assertContains(
            response, "Naik 100 g, kurang dari minimal 200 g: N (mengikuti garis pertumbuhannya)"
        )
        # The input being typed in is not sent again (it stays on the page as typed).
        self.assertNotContains(response, 'id="gain-override"')

    def test_a_reason_on_a_2t_shows_n_and_no_refer_box(self) -> None:
        self.weigh(MARCH, "8.9")  # April 9.0: +100 g, T; a T in May would be 2T
        t = self.client.post(preview_url(self.nisa), typed("9.1", gain_override_reason=""))
        self.assertContains(t, "2T: dua kali berturut-turut tidak naik")
        n = self.client.post(preview_url(self.nisa), typed("9.1", gain_override_reason=REASON))
        self.assertContains(n, 'data-code="N"')
        self.assertContains(n, "N (mengikuti garis pertumbuhannya)")
        self.assertNotContains(n, "2T")
        self.assertNotContains(n, 'data-testid="refer"')

    def test_the_reason_input_goes_when_the_weight_becomes_n(self) -> None:
        response = self.client.post(preview_url(self.nisa), typed("9.5", gain_override_reason=""))
        self.assertContains(response, 'id="gain-override"')
        self.assertNotContains(response, 'name="gain_override_reason"')

    def test_it_saves_the_reason_and_keeps_it_in_the_history(self) -> None:
        response = self.client.post(month_url(self.nisa), post("9.1", gain_override_reason=REASON))
        self.assertEqual(response.status_code, 302, response.content[:3000])
        v = ChildVisit.objects.get(child=self.nisa, month=MAY)
        self.assertEqual(
            (v.gain_override_reason, v.weight_gain, v.gain_overridden), (REASON, "N", True)
        )
        self.assertEqual(v.history.latest().gain_override_reason, REASON)
        page = self.client.get(month_url(self.nisa))
        self.assertContains(page, f'value="{REASON}"')

    def test_it_refuses_a_reason_on_an_n_with_the_message_on_the_page(self) -> None:
        response = self.client.post(month_url(self.nisa), post("9.5", gain_override_reason=REASON))
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "hanya untuk penimbangan yang dinilai")
        self.assertFalse(ChildVisit.objects.filter(month=MAY).exists())
