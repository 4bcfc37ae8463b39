"""Every rupiah input goes through the one parser with one cap (Rp 10 miliar) and ASCII
digits only; a realised amount above the allocated one is refused."""

from __future__ import annotations

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.test import SimpleTestCase, override_settings
from django.urls import reverse

from tikar.meetings.models import Proposal
from tikar.meetings.tests.helpers_11d import meeting, proposal
from tikar.scorecard.forms import DanaDesaForm, RupiahField
from tikar.scorecard.models import DanaDesa
from tikar.test import BaseTestCase

BAD = ("999.999.999.999.999", "10.000.000.001", "1e9", "１０００", "١٢٣", "-5", "12,5", "NaN")
DANA_DESA = {
    "development_total": "500.000.000",
    "development_stunting": "100.000.000",
    "empowerment_total": "200.000.000",
    "empowerment_stunting": "50.000.000",
    "ceiling": "900.000.000",
    "blt": "",
    "food_security": "",
    "operations": "",
}


class RupiahFieldTest(SimpleTestCase):
    def test_it_reads_grouped_plain_and_capped_amounts(self) -> None:
        field = RupiahField(required=False)
        self.assertEqual(field.clean("10000000000"), Decimal(10_000_000_000))
        self.assertEqual(field.clean(field.widget.value_from_datadict(
            {"x": "Rp 1.500.000"}, {}, "x")), Decimal(1_500_000))  # fmt: skip
        for bad in BAD:
            with self.subTest(bad=bad), self.assertRaises(ValidationError):
                field.clean(field.widget.value_from_datadict({"x": bad}, {}, "x"))

    def test_it_refuses_every_dana_desa_field_above_the_cap_or_non_ascii(self) -> None:
        for name in DANA_DESA:
            for bad in ("10.000.000.001", "1e9", "０", "١٢٣"):
                with self.subTest(name=name, bad=bad):
                    form = DanaDesaForm(DANA_DESA | {name: bad}, year=2027)
                    self.assertFalse(form.is_valid())
                    self.assertIn(name, form.errors)


@override_settings(TIKAR_TODAY="2026-11-30")
class RupiahCapPagesTest(BaseTestCase):
    @classmethod
    def setUpTestData(cls) -> None:
        super().setUpTestData()
        cls.m = meeting(cls.sibargot, 2026)
        cls.p = proposal(cls.m, "PMT balita", estimated_cost=6_000_000)

    def stage(self, data):
        self.login(self.rahmat)
        url = reverse("proposal_stage", kwargs={"year": 2026, "pk": self.p.pk})
        return self.client.post(url, {f"p{self.p.pk}-{k}": v for k, v in data.items()},
                                follow=True)  # fmt: skip

    def test_it_refuses_absurd_and_foreign_allocated_amounts(self) -> None:
        for bad in ("999.999.999.999.999", "1e9", "０", "١٢٣"):
            r = self.stage({"stage": "allocated", "allocated_amount": bad})
            self.assertContains(r, "tidak disimpan")
        self.assertIsNone(Proposal.objects.get(pk=self.p.pk).allocated_amount)

    def test_it_refuses_a_realised_amount_above_the_allocated_one(self) -> None:
        r = self.stage({"stage": "realised", "allocated_amount": "5.000.000",
                        "realised_amount": "5.000.001"})  # fmt: skip
        self.assertContains(r, "lebih besar dari jumlah yang dialokasikan")
        self.assertEqual(Proposal.objects.get(pk=self.p.pk).stage, "proposed")
        self.stage({"stage": "realised", "allocated_amount": "5.000.000",
                    "realised_amount": "5.000.000"})  # fmt: skip
        self.assertEqual(Proposal.objects.get(pk=self.p.pk).stage, "realised")

    def test_it_refuses_an_absurd_pagu_and_names_the_year(self) -> None:
        self.login(self.rahmat)
        url = reverse("dana_desa", kwargs={"year": 2026})
        self.assertContains(self.client.get(url), "Pagu Dana Desa tahun 2026")
        for bad in ("999.999.999.999.999", "1e9", "１２３"):
            r = self.client.post(url, DANA_DESA | {"ceiling": bad})
            self.assertEqual(r.status_code, 200)
        self.assertFalse(DanaDesa.objects.filter(village=self.sibargot, year=2026).exists())
        self.client.post(url, DANA_DESA)
        dd = DanaDesa.objects.get(village=self.sibargot, year=2026)
        self.assertEqual(dd.ceiling, Decimal(900_000_000))
