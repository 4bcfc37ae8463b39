"""The selectable standards (antenatal 4 vs 6 visits, postnatal 3 vs 4 checks) and the rules
table as data."""

from dataclasses import replace
from datetime import date
from unittest import TestCase

from tikar.scorecard.evaluate import evaluate_pregnancy
from tikar.scorecard.rules import (
    CHILD,
    DEFAULT_RULESET,
    INDICATORS,
    PAUD,
    PREGNANCY,
    RULESET_NAMES,
    RuleSet,
    ruleset,
    ruleset_by_name,
)
from tikar.scorecard.tests.factories import pm, pregnancy

ANC4 = ruleset(anc_standard=4, pnc_standard=3)
ANC6 = ruleset(anc_standard=6, pnc_standard=3)


class AntenatalStandardTests(TestCase):
    def test_it_accepts_two_tm3_months_with_4_visits_but_not_with_6(self):
        # TM3, a check in Jan and Mar (2 months). 4-visit standard: TM3 >= 2 -> Y;
        # 6-visit standard: TM3 >= 3 -> T.
        p = pregnancy(
            pm(2025, 1, gestation_month=7, anc_check=True),
            pm(2025, 2, gestation_month=8),
            pm(2025, 3, gestation_month=9, anc_check=True),
        )
        self.assertEqual(evaluate_pregnancy(p, 2025, 1, ANC4).cell("anc_check").value, "Y")
        cell = evaluate_pregnancy(p, 2025, 1, ANC6).cell("anc_check")
        self.assertEqual(cell.value, "T")
        self.assertIn("paling sedikit 3 bulan", cell.explanation)

    def test_it_needs_two_tm1_months_with_6_visits(self):
        # TM1, one month with a check: 4-visit (>= 1) Y; 6-visit (>= 2) T.
        p = pregnancy(
            pm(2025, 2, gestation_month=2, anc_check=True), pm(2025, 3, gestation_month=3)
        )
        self.assertEqual(evaluate_pregnancy(p, 2025, 1, ANC4).cell("anc_check").value, "Y")
        self.assertEqual(evaluate_pregnancy(p, 2025, 1, ANC6).cell("anc_check").value, "T")


class PostnatalStandardTests(TestCase):
    def test_it_accepts_three_checks_with_the_3_check_standard_but_not_the_4(self):
        # Delivery 10 Feb 2025 (in Q1 -> nifas); 42 days to 24 Mar. Feb 2 checks + Mar 1 = 3:
        # >= 3 -> Y; >= 4 -> T.
        p = pregnancy(
            pm(2025, 1, gestation_month=9),
            pm(2025, 2, postnatal_checks=2),
            pm(2025, 3, postnatal_checks=1),
            delivery=date(2025, 2, 10),
        )
        pnc3 = evaluate_pregnancy(p, 2025, 1, ruleset(4, 3)).cell("postnatal_checks")
        pnc4 = evaluate_pregnancy(p, 2025, 1, ruleset(4, 4)).cell("postnatal_checks")
        self.assertEqual((pnc3.value, pnc4.value), ("Y", "T"))


class RuleTableTests(TestCase):
    def test_it_names_and_finds_every_combination_of_standards(self):
        self.assertEqual(RULESET_NAMES, ("anc4-pnc3", "anc4-pnc4", "anc6-pnc3", "anc6-pnc4"))
        for name in RULESET_NAMES:
            self.assertEqual(ruleset_by_name(name).name, name)
        self.assertIs(DEFAULT_RULESET, ruleset(4, 3))

    def test_it_refuses_an_unknown_standard(self):
        with self.assertRaises(ValueError):
            ruleset(anc_standard=5)
        with self.assertRaises(ValueError):
            ruleset_by_name("anc8-pnc3")

    def test_it_lets_one_threshold_change_without_code(self):
        # Counselling in TM3 lowered from 2 to 1 months: one month of counselling -> Y.
        rules = DEFAULT_RULESET.with_threshold(PREGNANCY, "nutrition_counselling", "tm3", 1)
        p = pregnancy(pm(2025, 3, gestation_month=8, nutrition_counselling=True))
        self.assertEqual(evaluate_pregnancy(p, 2025, 1).cell("nutrition_counselling").value, "T")
        cell = evaluate_pregnancy(p, 2025, 1, rules).cell("nutrition_counselling")
        self.assertEqual(cell.value, "Y")
        self.assertIn("paling sedikit 1 bulan", cell.explanation)

    def test_it_refuses_a_table_with_a_missing_row(self):
        rows = tuple(r for r in ANC4.rules if (r.code, r.stage) != ("anc_check", "tm2"))
        with self.assertRaises(ValueError):
            RuleSet("broken", 4, 3, rows)

    def test_it_prefers_a_band_row_over_the_wildcard_row(self):
        # A kabupaten may override one age band; the other bands keep the '*' row.
        base = ANC4.rule_for(CHILD, "measured", "0-5")
        rules = RuleSet("x", 4, 3, (*ANC4.rules, replace(base, stage="0-5", window_months=3)))
        self.assertEqual(rules.rule_for(CHILD, "measured", "0-5").window_months, 3)
        self.assertEqual(rules.rule_for(CHILD, "measured", "6-12").window_months, 6)

    def test_it_lists_the_scorecard_indicators_with_their_numbers(self):
        # forms.md table 3: ibu hamil 8, anak 0-23 10, anak 2-6 1.
        for group, count in ((PREGNANCY, 8), (CHILD, 10), (PAUD, 1)):
            numbers = [i.number for i in INDICATORS[group]]
            self.assertEqual(numbers, list(range(1, count + 1)))
