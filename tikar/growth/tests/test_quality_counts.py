"""The figures from totals (`row_counts` + `figures_from_counts`, the report's fast path) are
those of the per-row computation (`figures`) on a seeded set: every value, numerator,
denominator, flag and detail, only without the ids."""

from __future__ import annotations

import random
from datetime import date
from decimal import Decimal
from unittest import TestCase

from tikar.growth.mat import MatCutoffs
from tikar.growth.quality import (
    ChildMonths,
    Figure,
    figures,
    figures_from_counts,
    row_counts,
)
from tikar.growth.tests.quality_rows import row

MONTHS = (date(2026, 8, 1), date(2026, 9, 1), date(2026, 10, 1))


def seeded_rows(seed: int, n: int = 400) -> list:
    rnd = random.Random(seed)

    def maybe(value, p=0.15):
        return None if rnd.random() < p else value

    def z():
        return maybe(round(rnd.gauss(-0.8, 1.4), 2))

    rows = []
    for i in range(n):
        rows.append(
            row(
                f"m{i}",
                child_id=f"c{rnd.randrange(n // 3)}",
                month=rnd.choice(MONTHS),
                age_months=maybe(rnd.randrange(0, 60), 0.05),
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
                growth_mat=rnd.choice(("hijau", "kuning", "merah", "tidak_diukur", None)),
            )
        )
    return rows


def _key(child_id) -> str:
    return str(child_id).replace("-", "")


def assert_same(case: TestCase, slow: dict[str, Figure], fast: dict[str, Figure]) -> None:
    case.assertEqual(set(slow), set(fast))
    for code, a in slow.items():
        b = fast[code]
        with case.subTest(code):
            case.assertEqual(
                (a.code, a.kind, a.numerator, a.denominator, a.unusual),
                (b.code, b.kind, b.numerator, b.denominator, b.unusual),
            )
            if a.kind == "sd":
                # Two-pass float SD vs exact integer sums of hundredths: equal to rounding error.
                for x, y in ((a.value, b.value), (a.detail["mean"], b.detail["mean"])):
                    if x is None:
                        case.assertIsNone(y)
                    else:
                        case.assertAlmostEqual(x, y, places=12)
                        case.assertEqual(round(x, 2), round(y, 2))
                case.assertEqual(a.detail["side"], b.detail["side"])
                case.assertEqual(a.detail["range"], b.detail["range"])
            else:
                case.assertEqual(a.value, b.value)
                if code == "mat_mismatch":
                    case.assertEqual(a.detail["cutoffs"], b.detail["cutoffs"])
                elif code == "not_weighed":
                    months = {_key(k): v for k, v in a.detail["months"].items()}
                    case.assertEqual(months, {_key(k): v for k, v in b.detail["months"].items()})
                else:
                    case.assertEqual(a.detail, b.detail)
            if code == "not_weighed":
                # The report reads the child ids as text (cheaper than UUIDs; SQLite's is hex).
                case.assertEqual([_key(i) for i in a.ids], [_key(i) for i in b.ids])
            else:
                case.assertEqual(b.ids, ())


class FiguresFromCountsTest(TestCase):
    def test_the_totals_give_the_per_row_figures(self) -> None:
        kids = [
            ChildMonths(f"c{i}", date(2022 + i % 5, 1 + i % 12, 1 + i % 28)) for i in range(140)
        ]
        for seed in range(5):
            rows = seeded_rows(seed)
            weighed = {(r.child_id, r.month) for r in rows if r.weight_kg is not None}
            for cutoffs in (None, MatCutoffs(-2.5, -0.5, False, 4, 20)):
                slow = figures(rows, kids, MONTHS, cutoffs)
                fast = figures_from_counts(
                    row_counts(rows, cutoffs), kids, MONTHS, weighed, cutoffs
                )
                assert_same(self, slow, fast)

    def test_no_rows_give_no_values(self) -> None:
        assert_same(self, figures([]), figures_from_counts(row_counts([])))

    def test_an_sd_of_identical_values_is_zero(self) -> None:
        rows = [row(f"m{i}", zwei=-1.23, fwei=False) for i in range(3)]
        fast = figures_from_counts(row_counts(rows))
        self.assertEqual(fast["sd_zwei"].value, 0.0)
        self.assertEqual(fast["sd_zwei"].detail["mean"], -1.23)
        assert_same(self, figures(rows), fast)
