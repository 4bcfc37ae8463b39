"""The desa's KPM activity log: create, edit, delete, totals by kind and sex, bad input."""

from __future__ import annotations

from datetime import date

from django.test import override_settings
from django.urls import reverse

from tikar.activities.models import Activity, Attendance
from tikar.activities.tests._11e_data import activity
from tikar.test import BaseTestCase

NEW = reverse("activity_new")
LOG = reverse("activity_log")


def post_data(**over) -> dict:
    data = {
        "held_on": "2026-11-20",
        "kind": "fathers",
        "title": "Kelas ayah",
        "place": "Balai dusun",
        "partners": "Bidan desa",
        "notes": "",
        "reviewed": "",
        "m_parents": "12",
        "w_parents": "",
        "m_midwife": "",
        "w_midwife": "1",
        "submit_token": "7d1c6c1e-8f1d-4c5e-9a53-0d3a1c1e0a01",
    }
    data.update(over)
    return data


@override_settings(TIKAR_TODAY="2026-11-25")
class ActivityLogTest(BaseTestCase):
    def test_it_creates_an_activity_with_its_participants_and_skips_empty_groups(self):
        self.login(self.sari)
        response = self.client.post(NEW, post_data())
        self.assertRedirects(response, f"{LOG}?bulan=2026-11")
        a = Activity.objects.get()
        self.assertEqual(
            (a.village_id, a.kind, a.held_on), (self.sibargot.code, "fathers", date(2026, 11, 20))
        )
        self.assertEqual(a.recorded_by, self.sari)
        self.assertEqual(
            sorted(Attendance.objects.values_list("group", "men", "women")),
            [("midwife", 0, 1), ("parents", 12, 0)],
        )
        self.assertIsNone(a.reviewed_year)

    def test_it_makes_one_row_of_a_double_submit(self):
        self.login(self.rahmat)
        self.client.post(NEW, post_data())
        second = self.client.post(NEW, post_data())
        self.assertEqual(Activity.objects.count(), 1)
        self.assertRedirects(second, reverse("activity_edit", args=[Activity.objects.get().pk]))

    def test_it_refuses_future_and_ancient_dates_and_bad_counts(self):
        self.login(self.sari)
        for over in (
            {"held_on": "2026-11-26"},
            {"held_on": "1999-12-31"},
            {"held_on": "2026-13-01"},
            {"held_on": ""},
            {"m_parents": "10000"},
            {"m_parents": "-1"},
            {"w_midwife": "2.5"},
            {"w_midwife": "x" * 5000},
            {"kind": "party"},
            {"kind": "quarterly_review", "reviewed": "banyak"},
        ):
            with self.subTest(over=over):
                response = self.client.post(NEW, post_data(submit_token="", **over))
                self.assertEqual(response.status_code, 400)
        self.assertEqual(Activity.objects.count(), 0)
        response = self.client.post(NEW, post_data(held_on="2026-11-26", submit_token=""))
        self.assertContains(response, "tidak boleh", status_code=400)

    def test_it_accepts_today_the_year_2000_and_9999_people(self):
        self.login(self.sari)
        self.client.post(NEW, post_data(held_on="2026-11-25", m_parents="9999", submit_token=""))
        self.client.post(NEW, post_data(held_on="2000-01-01", submit_token=""))
        self.assertEqual(Activity.objects.count(), 2)
        self.assertTrue(Attendance.objects.filter(men=9999).exists())

    def test_it_counts_the_month_by_kind_and_by_sex(self):
        activity(
            self.sibargot,
            date(2026, 11, 3),
            "growth_mat",
            {"parents": (2, 18), "posyandu_cadre": (0, 3)},
        )
        activity(self.sibargot, date(2026, 11, 9), "growth_mat", {"parents": (1, 10)})
        activity(self.sibargot, date(2026, 11, 12), "fathers", {"parents": (14, 0)})
        activity(self.sibargot, date(2026, 10, 30), "fathers", {"parents": (99, 99)})  # October
        activity(self.bandar_kumbul, date(2026, 11, 12), "fathers", {"parents": (50, 50)})
        self.login(self.sari)
        response = self.client.get(LOG, {"bulan": "2026-11"})
        self.assertEqual(response.context["total"], 3)
        self.assertEqual((response.context["men"], response.context["women"]), (17, 31))
        kinds = {k: n for k, _label, n in response.context["kinds"]}
        self.assertEqual((kinds["growth_mat"], kinds["fathers"], kinds["other"]), (2, 1, 0))

    def test_it_edits_and_replaces_the_participants(self):
        a = activity(self.sibargot, date(2026, 11, 3), "growth_mat", {"parents": (2, 18)})
        self.login(self.sari)
        url = reverse("activity_edit", args=[a.pk])
        self.assertContains(self.client.get(url), 'value="18"')
        response = self.client.post(
            url, post_data(kind="community", m_parents="", w_midwife="", m_pkk="0", w_pkk="7")
        )
        self.assertEqual(response.status_code, 302)
        a.refresh_from_db()
        self.assertEqual(a.kind, "community")
        self.assertEqual(list(a.attendance.values_list("group", "men", "women")), [("pkk", 0, 7)])

    def test_it_deletes_an_activity(self):
        a = activity(self.sibargot, date(2026, 11, 3), people={"parents": (2, 18)})
        self.login(self.rahmat)
        response = self.client.post(reverse("activity_edit", args=[a.pk]), {"action": "delete"})
        self.assertEqual(response.status_code, 302)
        self.assertFalse(Activity.objects.exists())
        self.assertFalse(Attendance.objects.exists())

    def test_it_stores_the_quarter_a_quarterly_meeting_discussed_defaulting_to_the_last_one(self):
        self.login(self.sari)
        form = self.client.get(NEW).context["form"]
        self.assertEqual(form.initial["reviewed"], "2026-3")
        self.client.post(NEW, post_data(kind="quarterly_review", reviewed="2026-3"))
        a = Activity.objects.get()
        self.assertEqual((a.reviewed_year, a.reviewed_quarter), (2026, 3))
        page = self.client.get(reverse("activity_edit", args=[a.pk]))
        self.assertContains(page, reverse("recap", args=[2026, 3]))

    def test_it_shows_whether_this_quarters_coordination_meeting_was_held(self):
        self.login(self.sari)
        response = self.client.get(LOG)
        self.assertIsNone(response.context["quarter_meeting"])
        self.assertContains(response, "belum dicatat")
        activity(self.sibargot, date(2026, 9, 30), "quarterly_review")  # last quarter
        self.assertIsNone(self.client.get(LOG).context["quarter_meeting"])
        held = activity(self.sibargot, date(2026, 10, 6), "quarterly_review")
        self.assertEqual(self.client.get(LOG).context["quarter_meeting"], held)

    def test_it_answers_a_put_with_405_and_a_post_to_the_log_with_405(self):
        self.login(self.sari)
        self.assertEqual(self.client.put(NEW).status_code, 405)
        self.assertEqual(self.client.post(LOG).status_code, 405)
