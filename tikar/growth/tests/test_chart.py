"""Growth chart SVG: WHO curves, the child's points, highlighting, labels."""

from __future__ import annotations

import re
import unittest
import xml.etree.ElementTree as ET

from tikar.growth.charts import render_chart

from .helpers import lms, sd

NS = "{http://www.w3.org/2000/svg}"
# A girl whose length falls from the median to far below -2 SD.
CHILD = [
    {"age_days": 0, "lenhei": 49.1, "weight": 3.2, "measure": "l"},
    {"age_days": 183, "lenhei": 63.0, "weight": 7.0, "measure": "l"},
    {"age_days": 365, "lenhei": 66.0, "weight": 8.0, "measure": "l"},
    {"age_days": 548, "lenhei": 71.0, "weight": 9.0, "measure": "l"},
]


class ChartTest(unittest.TestCase):
    def test_it_draws_the_five_who_curves(self) -> None:
        svg = ET.fromstring(render_chart("lhfa", 2, CHILD))
        curves = svg.findall(f".//{NS}path[@class='sd-curve']")
        self.assertEqual([c.get("data-sd") for c in curves], ["-3", "-2", "0", "2", "3"])

    def test_it_highlights_the_points_below_minus_2_sd(self) -> None:
        svg = ET.fromstring(render_chart("lhfa", 2, CHILD))
        points = svg.findall(f".//{NS}circle")
        classes = [p.get("class") for p in points if p.get("class", "").startswith("point")]
        # 66 cm at 12 months and 71 cm at 18 months are below -2 SD for girls.
        self.assertEqual(classes, ["point", "point", "point below-2sd", "point below-2sd"])
        low = [p for p in points if p.get("class") == "point below-2sd"]
        self.assertTrue(all(p.get("fill") == "#d32f2f" for p in low))

    def test_it_joins_the_points_in_time_order(self) -> None:
        shuffled = [CHILD[2], CHILD[0], CHILD[3], CHILD[1]]
        svg = ET.fromstring(render_chart("wfa", 2, shuffled))
        line = svg.find(f".//{NS}polyline[@class='child-line']")
        xs = [float(pair.split(",")[0]) for pair in line.get("points").split()]
        self.assertEqual(xs, sorted(xs))
        self.assertEqual(len(xs), 4)

    def test_it_puts_the_median_curve_where_who_puts_it(self) -> None:
        # The median path's last vertex at 24 months must sit at M for day 730 or 731.
        text = render_chart("wfa", 2, CHILD)
        svg = ET.fromstring(text)
        ticks = {t.text: float(t.get("y")) for t in svg.findall(f".//{NS}g[@class='y-ticks']/*")}
        median = svg.find(f".//{NS}path[@data-sd='0']").get("d")
        last_y = float(median.split()[-1].split(",")[1].lstrip("L"))
        m24 = sd(0, *lms("wei", 2, 730))  # 11.48 kg
        numeric = sorted((float(k), v) for k, v in ticks.items())
        (v0, y0), (v1, y1) = numeric[0], numeric[-1]
        value = v0 + (last_y - (y0 - 4)) / ((y1 - 4) - (y0 - 4)) * (v1 - v0)
        self.assertAlmostEqual(value, m24, delta=0.05)

    def test_it_covers_at_least_0_to_24_months_and_older_children(self) -> None:
        young = ET.fromstring(render_chart("wfa", 1, CHILD[:2]))
        labels = [t.text for t in young.findall(f".//{NS}g[@class='x-ticks']/{NS}text")]
        self.assertIn("0", labels)
        self.assertIn("24", labels)
        older = [*CHILD, {"age_days": 1200, "weight": 13.0, "lenhei": 92.0, "measure": "h"}]
        labels = [t.text for t in ET.fromstring(render_chart("wfa", 1, older)).iter(f"{NS}text")]
        self.assertIn("48", labels)

    def test_it_draws_weight_for_length_over_the_length_range(self) -> None:
        text = render_chart("wfl", "f", CHILD)
        self.assertIn("Panjang/tinggi badan (cm)", text)
        self.assertEqual(text.count('class="sd-curve"'), 5)
        self.assertIn(">50<", text)
        self.assertIn(">110<", text)

    def test_it_uses_the_labels_given_by_the_caller(self) -> None:
        text = render_chart(
            "lhfa", 1, CHILD, labels={"title_lhfa": "Length-for-age", "x_age": "Age (months)"}
        )
        self.assertIn("Length-for-age", text)
        self.assertIn("Age (months)", text)
        self.assertIn("Laki-laki", text)  # defaults fill the rest

    def test_it_escapes_labels(self) -> None:
        text = render_chart("wfa", 2, CHILD, labels={"subtitle": "Siti <b>&</b>"})
        self.assertIn("Siti &lt;b&gt;&amp;&lt;/b&gt;", text)
        ET.fromstring(text)

    def test_it_is_self_contained_and_readable_on_a_phone(self) -> None:
        text = render_chart("wfa", 2, CHILD)
        self.assertIn('viewBox="0 0 360 ', text)
        self.assertNotIn("<script", text)
        self.assertNotIn("@import", text)
        self.assertNotIn("href", text)
        sizes = [float(s) for s in re.findall(r'font-size="([\d.]+)"', text)]
        self.assertTrue(sizes)
        self.assertGreaterEqual(min(sizes), 11)

    def test_it_draws_an_empty_chart_for_a_child_without_measurements(self) -> None:
        text = render_chart("wfa", 2, [])
        self.assertEqual(text.count('class="sd-curve"'), 5)
        self.assertNotIn('class="point', text)

    def test_it_rejects_unknown_indicators_and_sexes(self) -> None:
        with self.assertRaises(ValueError):
            render_chart("bmi", 2, CHILD)
        with self.assertRaises(ValueError):
            render_chart("wfa", "x", CHILD)
