from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from tikar.monitoring.formulir1 import PROVIDERS, QUESTIONS
from tikar.monitoring.models import VillageYear
from tikar.test import BaseTestCase


class VillageYearTests(BaseTestCase):
    def test_it_starts_with_every_provider_and_question_answered_no(self) -> None:
        vy = VillageYear.objects.create(village=self.sibargot, year=2026)
        self.assertEqual(set(vy.service_matrix), {code for code, _ in PROVIDERS})
        self.assertEqual(set(vy.service_matrix["posyandu"]), set(QUESTIONS))
        self.assertEqual(vy.facility_counts["posyandu"], 0)

    def test_it_refuses_unknown_providers_and_negative_counts(self) -> None:
        vy = VillageYear(village=self.sibargot, year=2026)
        vy.service_matrix = {"warung": {"anc": True}}
        vy.facility_counts = {"posyandu": -1}
        with self.assertRaises(ValidationError) as caught:
            vy.full_clean()
        self.assertIn("warung", caught.exception.message_dict["service_matrix"][0])
        self.assertIn("0 atau lebih", caught.exception.message_dict["facility_counts"][0])

    def test_it_keeps_one_form_per_desa_and_year(self) -> None:
        VillageYear.objects.create(village=self.sibargot, year=2026)
        with self.assertRaises(IntegrityError), transaction.atomic():
            VillageYear.objects.create(village=self.sibargot, year=2026)
