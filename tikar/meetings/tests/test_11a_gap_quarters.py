"""Which quarter the gaps page shows, and what it answers to a ?kuartal= it cannot use."""

from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from tikar.meetings.tests import data_11a_gaps as data
from tikar.scorecard.models import QuarterLock
from tikar.test import BaseTestCase


@override_settings(TIKAR_TODAY=data.TODAY)
class GapQuartersTest(BaseTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.t = data.build(cls)

    def get(self, query):
        self.login(self.sari)
        return self.client.get(reverse("meeting_gaps") + query)

    def test_it_shows_the_latest_completed_quarter_as_not_validated_when_none_is(self):
        response = self.get("")
        self.assertEqual([s["label"] for s in response.context["statuses"]], ["Kuartal I 2026"])
        self.assertContains(response, "belum divalidasi")
        self.assertIsNone(response.context["statuses"][0]["validated_at"])

    def test_it_shows_the_latest_validated_quarter_and_says_a_newer_one_exists(self):
        QuarterLock.objects.create(village=self.sibargot, year=2025, quarter=3,
                                   locked_at=timezone.now(), locked_by=self.rahmat)  # fmt: skip
        QuarterLock.objects.create(village=self.sibargot, year=2025, quarter=4,
                                   locked_at=timezone.now(), locked_by=self.rahmat)  # fmt: skip
        # A reopened quarter (locked_at back to NULL) is not validated.
        QuarterLock.objects.create(village=self.sibargot, year=2026, quarter=1, locked_at=None)
        response = self.get("")
        self.assertEqual([s["label"] for s in response.context["statuses"]], ["Kuartal IV 2025"])
        self.assertIsNotNone(response.context["statuses"][0]["validated_at"])
        self.assertContains(response, "divalidasi pada")
        self.assertContains(response, "Kuartal I 2026 sudah berakhir tetapi belum divalidasi.")
        lines = {line["key"]: line for line in response.context["lines"]}
        # IV 2025: measured Ari T, Bima Y.
        self.assertEqual(lines["child:measured"]["not_served"], 1)
        self.assertEqual([p["label"] for p in lines["child:measured"]["trend"]],
                         ["I 2025", "II 2025", "III 2025", "IV 2025"])  # fmt: skip

    def test_it_allows_the_running_quarter_and_labels_it_provisional(self):
        response = self.get("?kuartal=2026-2")
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "sementara: kuartal masih berjalan")
        self.assertTrue(response.context["empty"])

    def test_it_refuses_malformed_quarters_in_bahasa_indonesia(self):
        for value in ("abc", "2026-5", "2026-0", "2026", "2026-2-1", "2026-١", "9" * 10000):
            response = self.get(f"?kuartal={value}")
            self.assertEqual(response.status_code, 400, value[:20])
            self.assertContains(response, "bukan kuartal", status_code=400)
            self.assertContains(response, "misalnya 2026-2", status_code=400)
        # A NUL byte is refused before any view (400 in Bahasa Indonesia), never a 500.
        self.assertEqual(self.get("?kuartal=2026-%00").status_code, 400)

    def test_it_refuses_year_0_and_years_before_2000(self):
        for value in ("0-1", "0000-1", "1999-4"):
            response = self.get(f"?kuartal={value}")
            self.assertContains(response, "tidak ada hasil scorecard sebelum tahun 2000",
                                status_code=400)  # fmt: skip

    def test_it_refuses_a_future_quarter(self):
        for value in ("2026-3", "2027-1", "9999-4"):
            response = self.get(f"?kuartal={value}")
            self.assertContains(response, "belum dimulai", status_code=400)

    def test_it_refuses_more_than_eight_quarters_and_ignores_repeats(self):
        many = "".join(f"&kuartal={y}-{q}" for y in (2024, 2025, 2026) for q in (1, 2, 3, 4)
                       if (y, q) <= (2026, 2))  # fmt: skip
        response = self.get("?" + many[1:])
        self.assertContains(response, "paling banyak 8 kuartal", status_code=400)
        repeated = self.get("?" + "&".join(["kuartal=2026-1"] * 500))
        self.assertEqual(repeated.status_code, 200)
        self.assertEqual(len(repeated.context["statuses"]), 1)

    def test_it_refuses_an_unknown_format(self):
        self.assertEqual(self.get("?format=pdf").status_code, 404)
