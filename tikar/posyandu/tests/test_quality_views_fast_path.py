"""The report's fast path (`quality_for_region(..., with_ids=False)`: counts summed in SQL) gives
exactly the figures of the per-row computation the drill-down uses (`with_ids=True`), on a
seeded set of records written as stored (z-scores, flags, positions, mat readings, visit dates
before the birth day of the month, on the 31st, or missing)."""

from __future__ import annotations

import random
from datetime import date
from decimal import Decimal
from unittest import mock

from django.test import override_settings

from tikar.growth.mat import MatCutoffs
from tikar.growth.tests.test_quality_counts import assert_same
from tikar.households.tests.factories import child
from tikar.monitoring.models import ChildVisit
from tikar.posyandu.quality_queries import quality_for_region
from tikar.posyandu.tests.quality_data import TODAY, seed
from tikar.regions.models import Level
from tikar.test import BaseTestCase

MONTHS = (date(2026, 7, 1), date(2026, 8, 1), date(2026, 9, 1), date(2026, 10, 1))


@override_settings(TIKAR_TODAY=TODAY)
@mock.patch("django.utils.timezone.localdate", return_value=date(2026, 11, 10))
class QualityFastPathTest(BaseTestCase):
    def setUp(self) -> None:
        seed(self)  # three children recorded through the form, as the other view tests
        rnd = random.Random(20261110)

        def maybe(value, p=0.15):
            return None if rnd.random() < p else value

        def z():
            return maybe(round(rnd.gauss(-0.8, 1.4), 2))

        births = [date(2021, 12, 31), date(2024, 1, 31), date(2025, 3, 30), date(2026, 2, 28)]
        births += [date(2021 + rnd.randrange(5), rnd.randrange(1, 13), rnd.randrange(1, 29))]
        births += [date(2021 + i % 5, 1 + i % 12, 1 + (i * 7) % 28) for i in range(40)]
        visits = []
        for i, birth in enumerate(births):
            village, user = (self.sibargot, self.sari) if i % 3 else (self.bandar_kumbul, self.budi)
            kid = child(village, user, name=f"Seed {i}", birth_date=birth)
            for month in MONTHS:
                if rnd.random() < 0.2:
                    continue
                day = rnd.choice((1, 15, 28, 30, 31, None))
                if day is not None:
                    last = 30 if month.month in (9,) else 31
                    day = date(month.year, month.month, min(day, last))
                visits.append(
                    ChildVisit(
                        child=kid,
                        village=village,
                        month=month,
                        visit_date=day,
                        weight_kg=maybe(Decimal(rnd.randrange(25, 250)) / 10),
                        length_cm=maybe(Decimal(rnd.randrange(450, 1200)) / 10, 0.25),
                        measured_lying=rnd.choice((True, False, None)),
                        oedema=rnd.choice((True, False, None, None, None)),
                        zlen=z(),
                        flen=rnd.choice((False, False, False, True, None)),
                        zwei=z(),
                        fwei=rnd.choice((False, False, False, True, None)),
                        zwfl=z(),
                        fwfl=rnd.choice((False, False, False, True, None)),
                        growth_mat=rnd.choice(("hijau", "kuning", "merah", "tidak_diukur")),
                    )
                )
        ChildVisit.objects.bulk_create(visits)

    def compare(self, user, code: str, level: int, first: date, last: date):
        slow = quality_for_region(user, code, level, first, last, with_ids=True)
        fast = quality_for_region(user, code, level, first, last)
        assert_same(self, slow.figures, fast.figures)
        self.assertEqual(slow.measurements, fast.measurements)
        self.assertEqual(fast.rows, {})
        self.assertGreater(fast.measurements, 10)
        return slow

    def test_the_fast_path_gives_the_per_row_figures(self, _) -> None:
        for user, code, level in (
            (self.sari, self.sibargot.code, Level.VILLAGE),
            (self.dewi, self.dewi.region_id, self.dewi.region.level),
        ):
            for first, last in ((MONTHS[0], MONTHS[-1]), (MONTHS[2], MONTHS[2])):
                with self.subTest(code=code, first=first):
                    slow = self.compare(user, code, level, first, last)
                    self.assertGreater(slow.figures["mat_mismatch"].denominator, 0)
                    self.assertGreater(slow.figures["standing_under_24"].denominator, 0)

    def test_with_a_kabupaten_s_own_mat_cut_offs(self, _) -> None:
        cutoffs = MatCutoffs(-2.5, -0.5, False, 4, 20)
        with mock.patch("tikar.posyandu.quality_queries.mat_cutoffs", return_value=cutoffs):
            self.compare(self.dewi, self.dewi.region_id, self.dewi.region.level, *MONTHS[::3])
