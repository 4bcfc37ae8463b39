"""The quarter presented and its state read as one phrase: "kuartal II 2026 (belum
divalidasi)", never "kuartal II 2026: (belum divalidasi)" (task 11c, fix round)."""

from __future__ import annotations

from django.urls import reverse

from tikar.meetings.tests._11c_data import make_meeting, snapshot
from tikar.meetings.tests.test_11c_minutes_print import text_of
from tikar.test import BaseTestCase


class QuarterStatusTest(BaseTestCase):
    def page(self) -> str:
        self.login(self.rahmat)
        return text_of(self.client.get(reverse("minutes_print", args=[2026])))

    def test_it_puts_not_validated_in_brackets_after_the_quarter(self) -> None:
        snap = snapshot(2026, 2)
        snap["header"]["quarter_roman"] = "II"
        snap["validated"] = None
        make_meeting(self.sibargot, scorecard_snapshot=snap)
        text = self.page()
        self.assertIn("(Formulir 4) kuartal II 2026 (belum divalidasi).", text)
        self.assertNotIn("2026:", text)

    def test_it_adds_the_running_quarter_note_in_the_same_brackets(self) -> None:
        snap = snapshot(2026, 2)
        snap["header"]["quarter_roman"] = "II"
        snap.update(validated=None, provisional=True,
                    provisional_note="Sementara: kuartal berjalan, dihitung sampai Mei 2026")  # fmt: skip
        make_meeting(self.sibargot, scorecard_snapshot=snap)
        self.assertIn(
            "kuartal II 2026 (belum divalidasi; sementara: kuartal berjalan, dihitung sampai "
            "Mei 2026).",
            self.page(),
        )

    def test_it_says_the_validated_quarter_plainly(self) -> None:
        make_meeting(self.sibargot)
        text = self.page()
        self.assertIn("(Formulir 4) kuartal I 2026.", text)
        self.assertNotIn("belum divalidasi", text)
