"""budget.table5_prefill against hand sums (issue 11 item 5)."""

from __future__ import annotations

from unittest import TestCase

from tikar.meetings.budget import allocated_by_source, table5_prefill
from tikar.meetings.tests.helpers_11d import row


class Table5PrefillTest(TestCase):
    def setUp(self) -> None:
        self.rows = [
            # counted: bidang 2, allocated
            row(activity_code="2.2.02", stage="allocated", allocated_amount=1_500_000),
            # counted: bidang 2, realised keeps its allocated amount (not the realised one)
            row(
                activity_code="2.4.11",
                stage="realised",
                allocated_amount=4_000_000,
                realised_amount=3_900_000,
            ),  # fmt: skip
            # counted: bidang 4
            row(activity_code="4.4.02", stage="allocated", allocated_amount=750_000),
            # not counted: another source
            row(
                activity_code="2.2.02",
                stage="allocated",
                allocated_amount=9_000_000,
                funding_source="apbd",
            ),  # fmt: skip
            # listed apart: a 3.x code
            row(activity_code="3.1.01", stage="allocated", allocated_amount=200_000),
            # listed apart: uncoded
            row(activity_code="", stage="allocated", allocated_amount=300_000),
            # not counted: rejected, planned only, proposed
            row(activity_code="2.2.02", stage="rejected", allocated_amount=5_000_000),
            row(activity_code="2.2.03", stage="planned", planned_amount=600_000),
            row(activity_code="4.4.01", stage="proposed", estimated_cost=800_000),
        ]

    def test_it_sums_dana_desa_allocations_by_bidang(self) -> None:
        p = table5_prefill(self.rows)
        self.assertEqual(p.development, 1_500_000 + 4_000_000)
        self.assertEqual(p.empowerment, 750_000)
        self.assertEqual(len(p.development_lines), 2)
        self.assertEqual(len(p.empowerment_lines), 1)

    def test_it_lists_other_bidang_and_uncoded_apart_without_adding_them(self) -> None:
        p = table5_prefill(self.rows)
        self.assertEqual(sorted(r.activity_code for r in p.apart), ["", "3.1.01"])
        self.assertNotIn(200_000, (p.development, p.empowerment))

    def test_it_is_empty_without_allocations(self) -> None:
        p = table5_prefill([row(stage="proposed"), row(stage="rejected", allocated_amount=1)])
        self.assertTrue(p.empty)
        self.assertEqual((p.development, p.empowerment), (0, 0))

    def test_it_treats_a_missing_allocated_amount_as_zero(self) -> None:
        p = table5_prefill([row(stage="allocated", allocated_amount=None)])
        self.assertEqual(p.development, 0)
        self.assertEqual(len(p.development_lines), 1)

    def test_it_sums_a_kelurahans_dana_kelurahan_and_apbd(self) -> None:
        rows = [
            row(funding_source="dana_kelurahan", stage="allocated", allocated_amount=100),
            row(funding_source="apbd", stage="realised", allocated_amount=50),
            row(funding_source="other", stage="allocated", allocated_amount=7),
            row(funding_source="apbd", stage="planned", planned_amount=9),
        ]
        total, lines = allocated_by_source(rows, ("dana_kelurahan", "apbd"))
        self.assertEqual(total, 150)
        self.assertEqual(len(lines), 2)
