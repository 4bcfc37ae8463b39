"""The trend chart: a pure SVG function, and the trend figures on the roll-up."""

from __future__ import annotations

from decimal import Decimal
from unittest import TestCase, mock
from xml.etree import ElementTree

from django.urls import reverse

from tikar.scorecard.charts import Series, line_chart, nice_max
from tikar.scorecard.tests.area import build_bilah_barat
from tikar.scorecard.tests.desa import QUARTER, TODAY, YEAR
from tikar.test import BaseTestCase

SVG = "{http://www.w3.org/2000/svg}"


class LineChartTests(TestCase):
    def test_it_draws_a_valid_svg_with_escaped_labels_and_gaps(self) -> None:
        svg = line_chart(
            ["I/25", "II/25", "III/25", "IV/25"],
            [Series("Konvergensi <A&B>", [50.0, None, 70.0, 75.5])],
            title="Tingkat konvergensi (%)",
            y_max=100,
        )
        root = ElementTree.fromstring(svg)  # well-formed XML
        self.assertEqual(root.get("viewBox"), "0 0 340 210")
        texts = [t.text for t in root.iter(f"{SVG}text")]
        self.assertIn("Konvergensi <A&B>", texts)
        self.assertIn("75,5", texts)  # the last value, with a decimal comma
        # The missing quarter splits the line: one polyline (III-IV), the lone I is a dot.
        self.assertEqual(len(list(root.iter(f"{SVG}polyline"))), 1)
        self.assertEqual(len(list(root.iter(f"{SVG}circle"))), 3)

    def test_it_says_so_when_there_is_no_data(self) -> None:
        svg = line_chart(["I/26"], [Series("x", [None])], title="t", empty_text="Belum ada data")
        self.assertIn("Belum ada data", svg)

    def test_it_rounds_the_axis_up(self) -> None:
        self.assertEqual(nice_max(23.4), 25.0)
        self.assertEqual(nice_max(0), 10.0)
        self.assertEqual(nice_max(79.1), 100.0)


@mock.patch("django.utils.timezone.localdate", return_value=TODAY)
class RollupTrendTests(BaseTestCase):
    def test_it_charts_the_quarters_of_the_area(self, _) -> None:
        build_bilah_barat(self)
        self.login(self.dewi)
        page = self.client.get(reverse("rollup", args=[YEAR, QUARTER]))
        points = page.context["points"]
        self.assertGreaterEqual(len(points), 4)
        self.assertEqual((points[-1]["year"], points[-1]["quarter"]), (YEAR, QUARTER))
        self.assertEqual(points[-1]["convergence"], Decimal("39.39"))
        self.assertContains(page, "<svg", count=2)
