"""`?bulan=` and `?kosong=` refusals: a message in Bahasa Indonesia, status 400, never a 500."""

from __future__ import annotations

from tikar.monitoring.tests.print_11f_helpers import PrintCase


class PrintMonthRefusalTests(PrintCase):
    def setUp(self) -> None:
        self.login(self.sari)

    def test_it_refuses_malformed_months_with_a_message(self) -> None:
        for value in ("2026-13", "2026-00", "26-04", "april", "2026-4-1", "9" * 40 + "-01",
                      "-2026-04", "%EF%BF%BD", "2026--4"):  # fmt: skip
            html = self.page("2b", f"bulan={value}", status=400).content.decode()
            self.assertIn("Tulis bulan sebagai TTTT-BB", html, value)
            self.assertNotIn('class="pf-table"', html)

    def test_it_refuses_a_future_month_and_a_month_before_2000(self) -> None:
        html = self.page("2a", "bulan=2026-06", status=400).content.decode()
        self.assertIn("Bulan itu belum dimulai", html)
        html = self.page("2a", "bulan=2026-07&kosong=1", status=400).content.decode()
        self.assertIn("Bulan itu belum dimulai", html)
        html = self.page("2a", "bulan=1999-12", status=400).content.decode()
        self.assertIn("Pilih bulan mulai Januari 2000", html)

    def test_it_refuses_an_unknown_kind(self) -> None:
        html = self.page("2c", "kosong=3", status=400).content.decode()
        self.assertIn("Pilih yang dicetak", html)

    def test_it_prints_this_month_without_a_month(self) -> None:
        html = self.page("2c", "").content.decode()
        self.assertIn("Mei", html)
        self.assertIn('value="2026-05"', html)

    def test_it_answers_a_post_with_405(self) -> None:
        from django.urls import reverse

        response = self.client.post(reverse("print_form", args=["2a"]))
        self.assertEqual(response.status_code, 405)

    def test_it_refuses_non_ascii_digits_in_the_month(self) -> None:
        from urllib.parse import quote

        for value in ("٢٠٢٦-١١", "2026-٠٥", "２０２６-05", "2026-0²", "۲۰۲۶-05"):
            html = self.page("2a", f"bulan={quote(value)}", status=400).content.decode()
            self.assertIn("Tulis bulan sebagai TTTT-BB", html, value)
            self.assertNotIn('class="pf-table"', html)
        # ASCII digits still work, with or without the leading zero of the month.
        self.page("2a", "bulan=2026-05")
        self.page("2a", "bulan=2026-5")
