"""meetings.policy: each year's caps and floors, never another year's (issue 11 item 5)."""

from __future__ import annotations

from decimal import Decimal
from unittest import TestCase

from tikar.meetings.policy import all_policies, check, policy_for

# The same village figures checked against two years' rules.
FIGURES = {"ceiling": 1_000_000_000, "blt": 200_000_000, "food_security": 200_000_000,
           "operations": 35_000_000}  # fmt: skip


def by_key(checks):
    return {c.limit.key: c for c in checks}


class PolicyRulesTest(TestCase):
    def test_it_finds_2024_with_a_blt_cap_of_25(self) -> None:
        p = policy_for(2024)
        self.assertEqual(p.regulation, "Permendesa PDTT 13/2023")
        checks = by_key(check(p, FIGURES))
        self.assertEqual(checks["blt"].share, Decimal("20.00"))
        self.assertTrue(checks["blt"].within)  # 20 % ≤ 25 %
        self.assertTrue(checks["food_security"].within)  # 20 % ≥ 20 %: the floor itself is in
        self.assertFalse(checks["operations"].within)  # 3.5 % > 3 %

    def test_it_judges_the_same_figures_against_2025s_cap_of_15(self) -> None:
        p = policy_for(2025)
        self.assertEqual(p.regulation, "Permendesa PDT 2/2024")
        checks = by_key(check(p, FIGURES))
        self.assertFalse(checks["blt"].within)  # 20 % > 15 %
        self.assertTrue(checks["food_security"].within)
        self.assertNotIn("operations", checks)

    def test_it_checks_nothing_for_2026_unconfirmed(self) -> None:
        p = policy_for(2026)
        self.assertEqual(p.regulation, "Permendesa PDT 16/2025")
        self.assertFalse(p.confirmed)
        self.assertEqual(check(p, FIGURES), [])

    def test_it_has_no_policy_for_2023_and_never_falls_back(self) -> None:
        self.assertIsNone(policy_for(2023))
        self.assertIsNone(policy_for(2027))

    def test_it_cannot_judge_without_the_ceiling_or_the_amount(self) -> None:
        checks = by_key(check(policy_for(2024), {"ceiling": None, "blt": 1}))
        self.assertIsNone(checks["blt"].share)
        self.assertIsNone(checks["blt"].within)
        checks = by_key(check(policy_for(2024), {"ceiling": 0, "blt": 0}))
        self.assertIsNone(checks["blt"].within)

    def test_it_rounds_a_share_half_up(self) -> None:
        checks = by_key(check(policy_for(2024), {"ceiling": 200_000, "blt": 50_010}))
        self.assertEqual(checks["blt"].share, Decimal("25.01"))  # 25.005 → 25.01, not 25.00
        self.assertFalse(checks["blt"].within)

    def test_it_lists_the_years_in_order_with_legal_basis(self) -> None:
        years = [p.year for p in all_policies()]
        self.assertEqual(years, sorted(years))
        self.assertTrue(all(p.regulation and p.stunting for p in all_policies()))
