"""The pure arithmetic of the gaps (tikar.meetings.gaps): no database."""

from datetime import date
from decimal import Decimal
from unittest import TestCase

from tikar.meetings import gaps
from tikar.meetings.models import ServicePackage
from tikar.scorecard.rules import INDICATORS

TODAY = date(2026, 4, 15)


class GapsPureTest(TestCase):
    def test_it_maps_every_scorecard_indicator_to_a_service_package(self):
        keys = {(g, ind.code) for g, inds in INDICATORS.items() for ind in inds}
        self.assertEqual(set(gaps.PACKAGE_OF), keys)
        self.assertTrue(set(gaps.PACKAGE_OF.values()) <= {p.value for p in ServicePackage})
        self.assertEqual(gaps.PACKAGE_OF[("pregnancy", "home_visit")], 1)
        self.assertEqual(gaps.PACKAGE_OF[("child", "home_visit")], 1)
        self.assertEqual(gaps.PACKAGE_OF[("child", "parenting_class")], 5)

    def test_it_parses_indicator_keys(self):
        self.assertEqual(gaps.parse_indicator_key("child:weighed"), ("child", "weighed"))
        for bad in ("", "child", "child:", "child:paud", "x:weighed", "child:weighed:1"):
            self.assertIsNone(gaps.parse_indicator_key(bad), bad)

    def test_it_parses_quarters_oldest_first_without_repeats(self):
        self.assertEqual(
            gaps.parse_quarters(["2026-1", " 2025-04 ", "2026-1", ""], TODAY),
            [(2025, 4), (2026, 1)],
        )
        self.assertEqual(gaps.parse_quarters(["2026-2"], TODAY), [(2026, 2)])  # running

    def test_it_names_why_a_quarter_is_refused(self):
        cases = {
            "x": "malformed",
            "2026-5": "malformed",
            "-1-1": "malformed",
            "0-1": "year",
            "1999-4": "year",
            "2026-3": "future",
            "12345-1": "malformed",
        }
        for value, code in cases.items():
            with self.assertRaises(gaps.QuarterError) as ctx:
                gaps.parse_quarters([value], TODAY)
            self.assertEqual(ctx.exception.code, code, value)

    def test_it_counts_coverage_and_not_served(self):
        c = gaps.Counts(targets=5, received=2, not_applicable=1)
        self.assertEqual((c.denominator, c.not_served, c.percent), (4, 2, Decimal("50.00")))
        self.assertIsNone(gaps.Counts(2, 0, 2).percent)
        self.assertEqual(gaps.Counts(3, 2, 0).percent, Decimal("66.67"))  # half up
        self.assertEqual(gaps.Counts(8, 1, 0).percent, Decimal("12.50"))

    def test_it_gives_the_four_trend_quarters_across_a_year(self):
        self.assertEqual(gaps.trend_quarters((2026, 1)),
                         [(2025, 2), (2025, 3), (2025, 4), (2026, 1)])  # fmt: skip
        self.assertEqual(gaps.last_completed(date(2026, 1, 1)), (2025, 4))

    def test_it_draws_trend_arrows_against_the_last_known_value(self):
        points = gaps.trend([((2025, 2), Decimal(50)), ((2025, 3), None),
                             ((2025, 4), Decimal(40)), ((2026, 1), Decimal(40))])  # fmt: skip
        self.assertEqual([p.arrow for p in points], ["", "", "↓", ""])

    def test_it_draws_no_arrow_between_percentages_equal_as_shown(self):
        # Shown as whole percents: 10.2 and 10.4 both read "10%"; 29.4 and 28.6 both "29%".
        points = gaps.trend([((2025, 2), Decimal("10.20")), ((2025, 3), Decimal("10.40")),
                             ((2025, 4), Decimal("29.40")), ((2026, 1), Decimal("28.60"))])  # fmt: skip
        self.assertEqual([p.arrow for p in points], ["", "", "↑", ""])
        # Half up, as floatformat:0: 10.49 → 10, 10.50 → 11 (an arrow), 11.49 → 11 (none).
        points = gaps.trend([((2025, 2), Decimal("10.49")), ((2025, 3), Decimal("10.50")),
                             ((2025, 4), Decimal("11.49")), ((2026, 1), Decimal("10.51"))])  # fmt: skip
        self.assertEqual([p.arrow for p in points], ["", "↑", "", ""])
        points = gaps.trend([((2025, 2), Decimal("11.50")), ((2025, 3), Decimal("11.49"))])
        self.assertEqual([p.arrow for p in points], ["", "↓"])

    def test_it_sorts_by_gap_then_coverage_then_scorecard_order(self):
        def line(group, number, targets, y, s=0):
            return gaps.GapLine(group, "x", number, gaps.Counts(targets, y, s))

        a = line("child", 3, 4, 2)  # 2 not served, 50 %
        b = line("pregnancy", 8, 2, 0)  # 2 not served, 0 %
        c = line("child", 1, 9, 8)  # 1 not served
        d = line("pregnancy", 3, 2, 0, 2)  # nothing to serve
        e = line("pregnancy", 2, 2, 2)  # 0 not served, 100 %
        self.assertEqual(gaps.sort_by_gap([d, e, c, a, b]), [b, a, c, e, d])
