"""Agenda, facilitators and commitments are numbered once: a number or bullet the secretary
typed ("1.", "2)", "a.", "-", "•") is dropped before the document numbers the line
(task 11c, fix round)."""

from __future__ import annotations

import re
from html import unescape

from django.test import SimpleTestCase
from django.urls import reverse
from django.utils import translation

from tikar.meetings.forms import DEFAULT_AGENDA
from tikar.meetings.minutes import lines
from tikar.meetings.tests._11c_data import make_meeting
from tikar.test import BaseTestCase


class LinesTest(SimpleTestCase):
    def test_it_drops_a_typed_number_or_bullet(self) -> None:
        text = (
            "1. Pembukaan\n2) Paparan\na. Diskusi\nb) Kesepakatan\n- Penutup\n•Doa\n* Foto\n– Makan"
        )
        self.assertEqual(
            lines(text),
            ["Pembukaan", "Paparan", "Diskusi", "Kesepakatan", "Penutup", "Doa", "Foto", "Makan"],
        )

    def test_it_keeps_names_and_numbers_that_are_not_list_markers(self) -> None:
        text = "H. Ahmad Daulay\ndr. Hasan\n1.000 HPK di dusun II\n2.2.02 PMT\n  \n10 kader"
        self.assertEqual(
            lines(text),
            ["H. Ahmad Daulay", "dr. Hasan", "1.000 HPK di dusun II", "2.2.02 PMT", "10 kader"],
        )

    def test_it_drops_the_other_ways_people_number_lines(self) -> None:
        text = "3 - Pembahasan\n(4) Kesepakatan\n5 . Penandatanganan\n(b) Doa\n6 – Penutup"
        self.assertEqual(
            lines(text), ["Pembahasan", "Kesepakatan", "Penandatanganan", "Doa", "Penutup"]
        )

    def test_it_keeps_a_range_of_dates(self) -> None:
        self.assertEqual(lines("3-4 Agustus di balai desa"), ["3-4 Agustus di balai desa"])

    def test_it_drops_a_line_that_is_only_a_marker(self) -> None:
        self.assertEqual(lines("1.\n-\nPembukaan"), ["Pembukaan"])


class AgendaPrintTest(BaseTestCase):
    def test_it_numbers_the_default_agenda_once(self) -> None:
        with translation.override("id"):
            agenda = str(DEFAULT_AGENDA)
        self.assertTrue(agenda.startswith("1. "))
        make_meeting(self.sibargot, agenda=agenda, facilitators="1. Camat\n2. Bidan",
                     commitments="1) TPPS memantau")  # fmt: skip
        self.login(self.rahmat)
        html = self.client.get(reverse("minutes_print", args=[2026])).content.decode()
        items = [unescape(re.sub(r"<[^>]+>", "", li)).strip()
                 for li in re.findall(r"<li>(.*?)</li>", html, re.S)]  # fmt: skip
        self.assertIn("Camat", items)
        self.assertIn("TPPS memantau", items)
        opening = next(i for i in items if i.startswith("Pembukaan"))
        self.assertTrue(opening.startswith("Pembukaan oleh kepala desa"))
        self.assertEqual([i for i in items if re.match(r"\d+[.)]\s", i)], [])
