"""SKDN's counting rule (tikar.posyandu.skdn) against a small hand-computed set."""

from datetime import date, timedelta
from unittest import TestCase

from tikar.calendar import age_in_months, month_end
from tikar.posyandu.skdn import (
    BANDS,
    ChildFacts,
    age_band,
    band_birth_bounds,
    count,
    is_balita_month,
    merge,
)


def weighed(sex, age, gain, **kw):
    return ChildFacts(sex, age, kw.pop("kia", True), weighed=True, gain=gain, **kw)


class SkdnCountingTest(TestCase):
    def setUp(self):
        # One line per child; the expected figures below are counted by hand from these lines.
        self.facts = [
            weighed("L", 0, "B"),  # 0-5 L: newborn, first weighing
            weighed("L", 5, "N"),  # 0-5 L
            ChildFacts("L", 3, has_kia=True),  # 0-5 L: K, not weighed
            weighed("P", 6, "T", two_t=True, wei_category="underweight"),  # 6-11 P
            weighed("P", 11, "O", kia=False),  # 6-11 P: weighed without a KIA book
            ChildFacts("P", 8, has_kia=False),  # 6-11 P: neither
            weighed("L", 12, "N", bgm=True, wei_category="severely_underweight"),  # 12-23 L
            weighed("L", 23, "T"),  # 12-23 L
            weighed("P", 24, "N"),  # 24-35 P
            ChildFacts("P", 35, has_kia=True, n=2),  # 24-35 P: two alike, K, not weighed
            weighed("L", 36, "N", n=3),  # 36-59 L: three alike
            weighed("P", 59, "T", bgm=True, wei_category="underweight"),  # 36-59 P
            weighed("P", 60, "N"),  # turned 60 during the month: still 36-59
        ]

    def test_it_counts_each_band_and_sex_as_counted_by_hand(self):
        r = count(self.facts)
        c = {k: v.as_dict() for k, v in r.cells.items()}
        self.assertEqual(
            {k: v for k, v in c[(0, "L")].items() if v},
            {"s": 3, "k": 3, "d": 2, "n": 1, "b": 1, "k_not_weighed": 1, "n_d": 0.5,
             "d_s": 2 / 3},
        )  # fmt: skip
        self.assertEqual(c[(0, "P")]["s"], 0)
        self.assertIsNone(c[(0, "P")]["d_s"])
        self.assertIsNone(c[(0, "P")]["n_d"])
        p611 = c[(1, "P")]
        self.assertEqual((p611["s"], p611["k"], p611["d"], p611["t"], p611["o"]), (3, 1, 2, 1, 1))
        self.assertEqual((p611["two_t"], p611["underweight"], p611["k_not_weighed"]), (1, 1, 0))
        l1223 = c[(2, "L")]
        self.assertEqual((l1223["d"], l1223["n"], l1223["t"], l1223["bgm"]), (2, 1, 1, 1))
        self.assertEqual((l1223["severely_underweight"], l1223["underweight"]), (1, 0))
        p2435 = c[(3, "P")]
        self.assertEqual((p2435["s"], p2435["k"], p2435["d"], p2435["k_not_weighed"]), (3, 3, 1, 2))
        self.assertEqual((c[(4, "L")]["s"], c[(4, "L")]["n"]), (3, 3))
        p3659 = c[(4, "P")]
        self.assertEqual(
            (p3659["s"], p3659["d"], p3659["n"], p3659["t"], p3659["bgm"]), (2, 2, 1, 1, 1)
        )
        total = r.total
        self.assertEqual((total.s, total.k, total.d), (16, 14, 12))
        self.assertEqual((total.n, total.t, total.o, total.b), (7, 3, 1, 1))
        self.assertEqual((total.bgm, total.two_t, total.k_not_weighed), (2, 1, 3))
        self.assertEqual((total.underweight, total.severely_underweight), (2, 1))
        self.assertEqual(r.sex("L").s + r.sex("P").s, total.s)
        self.assertEqual(sum(r.band(i).d for i in range(len(BANDS))), total.d)

    def test_it_holds_d_equals_n_t_o_b_in_every_cell(self):
        r = count(self.facts)
        for cell in [*r.cells.values(), r.total]:
            self.assertEqual(cell.d, cell.n + cell.t + cell.o + cell.b)

    def test_it_refuses_a_weighed_child_without_a_code(self):
        with self.assertRaises(ValueError):
            count([weighed("L", 4, "")])
        with self.assertRaises(ValueError):
            count([ChildFacts("X", 4, True)])

    def test_it_asserts_the_identity_on_a_broken_cell(self):
        r = count(self.facts)
        r.cells[(0, "L")].n += 1
        with self.assertRaises(AssertionError):
            r.check()

    def test_it_merges_reports_cell_by_cell(self):
        a, b = count(self.facts[:6]), count(self.facts[6:])
        self.assertEqual(merge([a, b]).total.as_dict(), count(self.facts).total.as_dict())

    def test_it_puts_each_age_in_its_official_band(self):
        self.assertEqual([age_band(m) for m in (0, 5, 6, 11, 12, 23, 24, 35, 36, 59, 60)],
                         [0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 4])  # fmt: skip
        self.assertIsNone(age_band(-1))

    def test_it_reads_balita_as_0_to_59_months_on_some_day_of_the_month(self):
        month = date(2025, 3, 1)
        self.assertTrue(is_balita_month(date(2025, 3, 31), month))  # born on the last day
        self.assertFalse(is_balita_month(date(2025, 4, 1), month))
        self.assertTrue(is_balita_month(date(2020, 3, 2), month))  # 60 on 2 March: 59 on the 1st
        self.assertFalse(is_balita_month(date(2020, 3, 1), month))  # 60 on every day

    def test_it_gives_birth_bounds_that_agree_with_the_age_in_months(self):
        for month in (date(2024, 2, 1), date(2025, 3, 1), date(2025, 12, 1)):
            last = month_end(month)
            bounds = band_birth_bounds(month)
            born = last - timedelta(days=6 * 366)
            while born <= last:
                band = [
                    i
                    for i, (after, upto) in enumerate(bounds)
                    if born <= upto and (after is None or born > after)
                ]
                self.assertEqual(band, [age_band(age_in_months(born, last))], (month, born))
                born += timedelta(days=1)
