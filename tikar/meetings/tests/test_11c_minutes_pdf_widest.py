"""The PDF's priority list with the widest legal values: Rp 10.000.000.000 (the proposal
form's cap, forms.MAX_COST), a volume of 9.999.999.999,99 (max_digits 12) with a 40-letter
unit, a 12-character code and long unbroken words. Every piece of text stays inside its own
cell: nothing runs into the next column (task 11c, fix round)."""

from __future__ import annotations

from decimal import Decimal

from django.template.loader import render_to_string
from django.utils import translation

from tikar.meetings import minutes, views_minutes
from tikar.meetings.forms import MAX_COST
from tikar.meetings.models import Proposal
from tikar.meetings.tests._11c_data import make_meeting
from tikar.test import BaseTestCase


def render_pages(meeting):
    import weasyprint

    with translation.override("id"):
        html = render_to_string("meetings/minutes_pdf.html", {"doc": minutes.build(meeting)})
    css = weasyprint.CSS(filename=views_minutes.finders.find(views_minutes.PDF_CSS))
    return weasyprint.HTML(string=html).render(stylesheets=[css]).pages


def overflowing_texts(pages) -> list[tuple[str, float, float]]:
    """(text, text's right edge, cell's right edge) of every text that leaves its table cell."""
    from weasyprint.formatting_structure import boxes

    found = []

    def texts_in(box):
        if isinstance(box, boxes.TextBox):
            yield box
        for child in getattr(box, "children", ()):
            yield from texts_in(child)

    def walk(box):
        if isinstance(box, boxes.TableCellBox):
            right = box.content_box_x() + box.width
            for t in texts_in(box):
                if t.position_x + t.width > right + 0.5:
                    found.append((t.text, t.position_x + t.width, right))
            return
        for child in getattr(box, "children", ()):
            walk(child)

    for page in pages:
        walk(page._page_box)
    return found


class MinutesPdfWidestTest(BaseTestCase):
    @classmethod
    def setUpTestData(cls) -> None:
        super().setUpTestData()
        cls.meeting = make_meeting(cls.sibargot, proposals=3)

    def test_it_keeps_the_widest_legal_values_inside_their_columns(self) -> None:
        Proposal.objects.filter(meeting=self.meeting).update(
            estimated_cost=Decimal(MAX_COST), volume=Decimal("9999999999.99"), unit="p" * 40,
            activity_code="123456789012", implementer="Dinas" + "x" * 150,
            target_group="y" * 200, dusun="Dusun" + "z" * 95, timing="t" * 100,
        )  # fmt: skip
        Proposal.objects.create(meeting=self.meeting, order=9, activity="Volume 1 miliar",
                                package=1, kind="specific", volume=Decimal("1000000000"),
                                unit="paket", estimated_cost=Decimal(MAX_COST),
                                funding_source="village_other")  # fmt: skip
        pages = render_pages(self.meeting)
        self.assertEqual(overflowing_texts(pages), [])

    def test_it_would_see_a_value_that_runs_out_of_its_cell(self) -> None:
        # The check itself: a cost forced onto one line in a narrow column is found.
        import weasyprint

        html = (
            '<table style="table-layout:fixed;width:30mm"><tr><td style="width:10mm;'
            'white-space:nowrap">Rp 10.000.000.000</td><td>Dana Desa</td></tr></table>'
        )
        pages = weasyprint.HTML(string=html).render().pages
        self.assertEqual(len(overflowing_texts(pages)), 1)
