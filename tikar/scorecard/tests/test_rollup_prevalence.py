"""Stunting prevalence on the roll-up: the growth engine's function on the same children."""

from __future__ import annotations

from datetime import date
from unittest import mock

from django.urls import reverse

from tikar.growth.prevalence import summarize
from tikar.growth.who2006 import compute
from tikar.households.tests.factories import child, mother
from tikar.monitoring.services import record_month
from tikar.scorecard.tests.desa import FEB, JAN, MAR, QUARTER, TODAY, YEAR
from tikar.test import BANDAR_KUMBUL, BILAH_BARAT, SIBARGOT, BaseTestCase

# (desa, sex, birth, [(month, visit day, length cm)]): the LAST measurement is the one counted.
CHILDREN = [
    # Girl, 55.0 cm at 117 days (z -3.14, stunted), then 61.5 cm in March (z -1.70): the March
    # measurement counts, so she is not stunted this quarter.
    (
        SIBARGOT,
        "P",
        date(2025, 9, 20),
        [(JAN, date(2026, 1, 15), "55.0"), (MAR, date(2026, 3, 14), "61.5")],
    ),
    # Boy, 60.0 cm at 186 days: z -3.64, stunted.
    (SIBARGOT, "L", date(2025, 8, 10), [(FEB, date(2026, 2, 12), "60.0")]),
    # Boy, 76.0 cm at 433 days: z -0.92.
    (BANDAR_KUMBUL, "L", date(2025, 1, 1), [(MAR, date(2026, 3, 10), "76.0")]),
    # Girl, 63.0 cm at 237 days: z -2.31, stunted. Sibargot 1/2, Bandar Kumbul 1/2.
    (BANDAR_KUMBUL, "P", date(2025, 5, 30), [(JAN, date(2026, 1, 22), "63.0")]),
]


@mock.patch("django.utils.timezone.localdate", return_value=TODAY)
class RollupPrevalenceTests(BaseTestCase):
    def setUp(self) -> None:
        users = {SIBARGOT: self.sari, BANDAR_KUMBUL: self.budi}
        for i, (code, sex, birth, visits) in enumerate(CHILDREN):
            village = self.sibargot if code == SIBARGOT else self.bandar_kumbul
            kid = child(
                village,
                users[code],
                birth_date=birth,
                sex=sex,
                name=f"Anak {i}",
                mother_=mother(village, users[code], name=f"Ibu {i}", nik=None),
            )
            for month, day, length in visits:
                record_month(
                    kid,
                    month,
                    {"visit_date": day, "length_cm": length, "measured_lying": True},
                    users[code],
                )

    def expected(self):
        """The engine from the raw latest measurements, computed here independently."""
        latest = [(code, sex, birth, visits[-1]) for code, sex, birth, visits in CHILDREN]
        result = compute(
            sex=[1 if sex == "L" else 2 for _c, sex, _b, _v in latest],
            age_days=[(v[1] - birth).days for _c, _s, birth, v in latest],
            lenhei=[float(v[2]) for *_x, v in latest],
            measure=["l"] * len(latest),
        )
        rows = summarize(result, {"area": [code for code, *_x in latest]})
        return {
            r.value: r for r in rows if r.indicator == "stunting" and r.group in ("area", "all")
        }

    def test_it_matches_the_growth_engine_on_the_same_children(self, _) -> None:
        self.login(self.dewi)
        page = self.client.get(reverse("rollup", args=[YEAR, QUARTER]))
        rows = {r["code"]: r for r in page.context["rows"]}
        expected = self.expected()
        for code in (SIBARGOT, BANDAR_KUMBUL):
            want, got = expected[code], rows[code]
            self.assertEqual((got["stunted"], got["measured"]), (want.count, want.denominator))
            self.assertAlmostEqual(got["stunting"], want.percent)
            self.assertAlmostEqual(got["ci_low"], want.ci_low)
            self.assertAlmostEqual(got["ci_high"], want.ci_high)
        total = page.context["total"]
        self.assertEqual(
            (total["stunted"], total["measured"]),
            (expected["all"].count, expected["all"].denominator),
        )
        self.assertAlmostEqual(total["ci_high"], expected["all"].ci_high)
        # Sibargot: the girl's March measurement replaced her stunted January one.
        self.assertEqual((rows[SIBARGOT]["stunted"], rows[SIBARGOT]["measured"]), (1, 2))

    def test_it_adds_the_kecamatan_up_for_the_kabupaten(self, _) -> None:
        self.login(self.hendra)
        page = self.client.get(reverse("rollup", args=[YEAR, QUARTER]))
        bb = next(r for r in page.context["rows"] if r["code"] == BILAH_BARAT)
        want = self.expected()["all"]
        self.assertEqual((bb["stunted"], bb["measured"]), (want.count, want.denominator))
        self.assertAlmostEqual(bb["stunting"], want.percent)
