"""Formulir 4: tables 1-4 from per-target results (forms.md, "Formulir 4")."""

from decimal import Decimal
from unittest import TestCase

from tikar.scorecard.evaluate import PaudResult, percent, scorecard
from tikar.scorecard.tests.factories import CHILD, PREGNANCY, result


def paud_result(value: str) -> PaudResult:
    return PaudResult("k", value, 0, 0, (), (), "3-6", "")


# One woman: received 3 of 8 - 2 TS = 6 -> 50 %.
WOMAN = "Y Y TS Y TS T T T"
# Two children, 9 Y and home visit TS each: 9 of 9 -> 100 %.
CHILD_ROW = "Y Y Y Y TS Y Y Y Y Y"


class ConvergenceTotalTests(TestCase):
    def test_it_pools_the_two_groups_instead_of_averaging_their_percentages(self):
        # Table 4 by hand (forms.md): ibu diterima 3, seharusnya 8 x 1 - 2 TS = 6 -> 50.00 %;
        # anak diterima 18, seharusnya 10 x 2 - 2 TS = 18 -> 100.00 %;
        # total (3 + 18) / (6 + 18) = 21 / 24 = 87.50 %, while the mean of 50 and 100 is 75.
        card = scorecard(
            [result(PREGNANCY, WOMAN)],
            [result(CHILD, CHILD_ROW, "a"), result(CHILD, CHILD_ROW, "b")],
        )
        ibu, anak, total = (
            card.pregnancy_convergence,
            card.child_convergence,
            card.total_convergence,
        )
        self.assertEqual((ibu.received, ibu.expected, ibu.percent), (3, 6, Decimal("50.00")))
        self.assertEqual((anak.received, anak.expected, anak.percent), (18, 18, Decimal("100.00")))
        self.assertEqual(
            (total.received, total.expected, total.percent), (21, 24, Decimal("87.50"))
        )
        self.assertNotEqual(total.percent, (ibu.percent + anak.percent) / 2)

    def test_it_keeps_paud_in_table_3_but_out_of_table_4(self):
        # PAUD Y, T, TS: table 3 line Y 1 of 3 - 1 TS = 2 -> 50.00 %. Table 4 is the same as
        # without PAUD: 21 / 24.
        preg, kids = [result(PREGNANCY, WOMAN)], [result(CHILD, CHILD_ROW)] * 2
        with_paud = scorecard(preg, kids, [paud_result(v) for v in ("Y", "T", "TS")])
        without = scorecard(preg, kids)
        (line,) = with_paud.paud_lines
        self.assertEqual((line.received, line.denominator, line.percent), (1, 2, Decimal("50.00")))
        self.assertEqual(with_paud.total_convergence, without.total_convergence)

    def test_it_gives_no_percentage_for_an_empty_village(self):
        card = scorecard([], [])
        self.assertEqual(card.total_convergence.expected, 0)
        self.assertIsNone(card.total_convergence.percent)


class IndicatorLineTests(TestCase):
    def test_it_divides_each_indicator_by_targets_minus_ts(self):
        # Woman A: 'Y Y TS Y TS T T T'; woman B (KEK, visited): 'T Y TS T Y Y T Y'.
        # Indicator 1: 1 Y of 2 -> 50.00. Indicator 3: both TS -> denominator 0 -> None.
        # Indicator 5: B's Y of 2 - 1 TS = 1 -> 100.00.
        card = scorecard([result(PREGNANCY, WOMAN), result(PREGNANCY, "T Y TS T Y Y T Y")], [])
        lines = card.pregnancy_lines
        self.assertEqual((lines[0].received, lines[0].denominator), (1, 2))
        self.assertEqual(lines[0].percent, Decimal("50.00"))
        self.assertEqual(
            (lines[2].not_applicable, lines[2].denominator, lines[2].percent), (2, 0, None)
        )
        self.assertEqual((lines[4].received, lines[4].denominator), (1, 1))
        self.assertEqual(lines[4].percent, Decimal("100.00"))
        self.assertEqual(
            lines[0].indicator.text, "Periksa kehamilan paling sedikit 4 kali selama kehamilan"
        )

    def test_it_counts_the_fathers_on_the_counselling_line(self):
        kids = [
            result(CHILD, CHILD_ROW, "a", father_attended=True),
            result(CHILD, CHILD_ROW, "b", father_attended=False),
            result(CHILD, CHILD_ROW, "c", father_attended=True),
        ]
        line = scorecard([], kids).child_lines[3]
        self.assertEqual((line.indicator.code, line.fathers), ("parent_counselling", 2))

    def test_it_rounds_half_up_to_two_decimals(self):
        # 1/800 = 0.125 % -> 0.13 (half up; banker's rounding would give 0.12); 1/3 -> 33.33;
        # 2/3 -> 66.67.
        self.assertEqual(percent(1, 800), Decimal("0.13"))
        self.assertEqual(percent(1, 3), Decimal("33.33"))
        self.assertEqual(percent(2, 3), Decimal("66.67"))
        self.assertEqual(percent(5, 5), Decimal("100.00"))

    def test_it_skips_targets_that_were_not_monitored(self):
        card = scorecard([None, result(PREGNANCY, WOMAN)], [None], [None])
        self.assertEqual((card.targets.pregnancies, card.targets.children), (1, 0))

    def test_it_refuses_a_child_row_in_the_pregnancy_list(self):
        with self.assertRaises(ValueError):
            scorecard([result(CHILD, CHILD_ROW)], [])


class TargetTableTests(TestCase):
    def test_it_counts_targets_statuses_and_mat_results(self):
        # Table 1: 3 women (1 KEK, 1 Risti); 3 children: one stunting + gizi kurang (counted
        # under both), one gizi buruk, one normal. Households h1, h1, h2 -> 2 distinct.
        # Table 2: hijau 1, kuning 1, merah 1.
        preg = [
            result(PREGNANCY, WOMAN, "p1", risk_status="kek"),
            result(PREGNANCY, WOMAN, "p2", risk_status="risti"),
            result(PREGNANCY, WOMAN, "p3", risk_status="normal"),
        ]
        kids = [
            result(
                CHILD,
                CHILD_ROW,
                "c1",
                nutrition_status=frozenset({"stunting", "gizi_kurang"}),
                growth_mat="merah",
            ),
            result(
                CHILD,
                CHILD_ROW,
                "c2",
                nutrition_status=frozenset({"gizi_buruk"}),
                growth_mat="kuning",
            ),
            result(CHILD, CHILD_ROW, "c3", growth_mat="hijau"),
        ]
        card = scorecard(preg, kids, household_ids=["h1", "h1", "h2"])
        t = card.targets
        self.assertEqual(t.households, 2)
        self.assertEqual((t.pregnancies, t.pregnancies_kek_or_risti, t.pregnancies_kek), (3, 2, 1))
        self.assertEqual((t.children, t.stunting, t.gizi_kurang, t.gizi_buruk), (3, 1, 1, 1))
        g = card.growth_mat
        self.assertEqual((g.hijau, g.kuning, g.merah, g.tidak_diukur), (1, 1, 1, 0))

    def test_it_leaves_households_to_the_caller(self):
        self.assertIsNone(scorecard([], []).targets.households)
