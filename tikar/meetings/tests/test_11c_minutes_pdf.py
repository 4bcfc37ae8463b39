"""The Berita Acara as a PDF made by WeasyPrint, and the page when WeasyPrint cannot load
(task 11c)."""

from __future__ import annotations

import re

from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from tikar.meetings import minutes, views_minutes
from tikar.meetings.tests._11c_data import make_meeting
from tikar.test import BaseTestCase


class MinutesPdfTest(BaseTestCase):
    @classmethod
    def setUpTestData(cls) -> None:
        super().setUpTestData()
        cls.meeting = make_meeting(cls.sibargot)
        cls.url = reverse("minutes_pdf", args=[2026])

    def test_it_answers_a_pdf_with_its_filename(self) -> None:
        self.login(self.rahmat)
        response = self.client.get(self.url)
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response["Content-Type"], "application/pdf")
        self.assertTrue(response.content.startswith(b"%PDF"))
        self.assertIn(
            'filename="berita-acara-rembuk-sibargot-2026.pdf"', response["Content-Disposition"]
        )

    def page_texts(self) -> list[str]:
        import weasyprint

        with translation.override("id"):
            html = render_to_string(
                "meetings/minutes_pdf.html", {"doc": minutes.build(self.meeting)}
            )
        css = weasyprint.CSS(filename=views_minutes.finders.find(views_minutes.PDF_CSS))
        pages = weasyprint.HTML(string=html).render(stylesheets=[css]).pages

        def page_text(page) -> str:
            out = []

            def walk(box) -> None:
                if hasattr(box, "text"):
                    out.append(box.text)
                for child in getattr(box, "children", ()):
                    walk(child)

            walk(page._page_box)
            return " ".join(out)

        return [page_text(p) for p in pages]

    def test_it_puts_the_annex_on_its_own_page(self) -> None:
        texts = self.page_texts()
        self.assertGreaterEqual(len(texts), 2)
        annex_pages = [i for i, t in enumerate(texts) if "LAMPIRAN: DAFTAR HADIR" in t.upper()]
        self.assertEqual(len(annex_pages), 1)
        first = annex_pages[0]
        self.assertGreater(first, 0)
        # The annex starts its page: nothing of the document body shares it.
        self.assertNotIn("Mengetahui", texts[first])
        self.assertIn("Ramlan", " ".join(texts[first:]))

    def test_it_repeats_the_table_headers_on_a_long_list(self) -> None:
        from tikar.meetings.models import Participant, Proposal

        for i in range(60):
            Participant.objects.create(meeting=self.meeting, name=f"Peserta {i}", group="other",
                                       sex="L" if i % 2 else "P", order=100 + i)  # fmt: skip
        for i in range(30):
            Proposal.objects.create(meeting=self.meeting, order=100 + i, activity=f"Usulan {i}",
                                    package=1, kind="specific", estimated_cost=1000,
                                    funding_source="dana_desa")  # fmt: skip
        texts = self.page_texts()
        with_list = [t for t in texts if re.search(r"Usulan \d", t)]
        annex = [t for t in texts if re.search(r"Peserta \d", t)]
        self.assertGreaterEqual(len(with_list), 2)
        self.assertGreaterEqual(len(annex), 2)
        for t in with_list:
            self.assertIn("Perkiraan", t)  # the list's header on every page it spans
        for t in annex:
            self.assertIn("Tanda tangan", t)

    def test_it_says_to_print_to_pdf_when_weasyprint_cannot_load(self) -> None:
        def broken() -> None:
            raise OSError("cannot load library 'libpango-1.0-0'")

        original = views_minutes.load_weasyprint
        views_minutes.load_weasyprint = broken
        try:
            self.login(self.sari)
            response = self.client.get(self.url)
        finally:
            views_minutes.load_weasyprint = original
        self.assertEqual(response.status_code, 503)
        body = response.content.decode()
        self.assertIn("Simpan sebagai PDF", body)
        self.assertIn(reverse("minutes_print", args=[2026]), body)

    def test_it_makes_a_pdf_for_an_officer_and_refuses_another_kecamatan(self) -> None:
        self.login(self.dewi)
        response = self.client.get(self.url + "?desa=12.10.07.2001")
        self.assertTrue(response.content.startswith(b"%PDF"))
        self.login(self.tono)
        self.assertEqual(self.client.get(self.url + "?desa=12.10.07.2001").status_code, 404)
