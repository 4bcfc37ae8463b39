"""KPM coaching: reporting timeliness against hand-computed records, activities per KPM, access."""

from __future__ import annotations

from datetime import date

from django.test import override_settings
from django.urls import reverse

from tikar.accounts.models import Role
from tikar.activities.models import Training, TrainingAttendance
from tikar.activities.tests._11e_data import activity, local, paud_records
from tikar.test import BILAH_BARAT, BaseTestCase, make_user

URL = reverse("kpm_coaching")


@override_settings(TIKAR_TODAY="2026-11-25")
class CoachingTimelinessTest(BaseTestCase):
    def row(self, response, village_code: str):
        return next(r for r in response.context["data"].rows if r.village_code == village_code)

    def test_it_counts_a_record_entered_on_the_5th_as_on_time_and_on_the_6th_as_late(self):
        # October's records: due by 5 November (local time, Asia/Jakarta).
        paud_records(
            self.sibargot,
            date(2026, 10, 1),
            [
                local(2026, 10, 20),
                local(2026, 11, 5, 23),
                local(2026, 11, 6, 0),
                local(2026, 11, 9),
            ],
        )
        self.login(self.dewi)
        response = self.client.get(URL, {"akhir": "2026-10", "lama": "1"})
        row = self.row(response, self.sibargot.code)
        month = row.month_list[0]
        self.assertEqual((month.month, month.records, month.on_time), (date(2026, 10, 1), 4, 2))
        self.assertEqual(month.share, 50.0)
        self.assertEqual(month.complete_on, date(2026, 11, 9))
        self.assertEqual(row.kpm, self.sari)

    @override_settings(TIKAR_REPORTING_DEADLINE_DAY=6)
    def test_it_reads_the_deadline_day_from_the_setting(self):
        paud_records(self.sibargot, date(2026, 10, 1), [local(2026, 11, 6, 12), local(2026, 11, 7)])
        self.login(self.dewi)
        month = self.row(
            self.client.get(URL, {"akhir": "2026-10", "lama": "1"}), self.sibargot.code
        ).month_list[0]
        self.assertEqual((month.records, month.on_time), (2, 1))

    @override_settings(TIKAR_REPORTING_DEADLINE_DAY="lima")
    def test_it_falls_back_to_the_5th_for_a_bad_setting(self):
        self.login(self.dewi)
        self.assertEqual(self.client.get(URL).context["data"].deadline_day, 5)

    def test_it_defaults_to_the_last_three_complete_months_and_sorts_the_weakest_first(self):
        paud_records(self.sibargot, date(2026, 9, 1), [local(2026, 10, 2)])
        paud_records(self.bandar_kumbul, date(2026, 9, 1), [local(2026, 10, 20)])
        activity(self.sibargot, date(2026, 9, 3), "growth_mat", {"parents": (2, 18)})
        activity(self.sibargot, date(2026, 10, 3), "fathers", {"parents": (9, 0)})
        activity(self.sibargot, date(2026, 11, 3), "fathers", {"parents": (9, 0)})  # outside
        self.login(self.dewi)
        response = self.client.get(URL)
        data = response.context["data"]
        self.assertEqual(data.months, [date(2026, 8, 1), date(2026, 9, 1), date(2026, 10, 1)])
        codes = [r.village_code for r in data.rows]
        self.assertLess(codes.index(self.bandar_kumbul.code), codes.index(self.sibargot.code))
        sari = self.row(response, self.sibargot.code)
        self.assertEqual(sari.figures.by_kind, {"growth_mat": 1, "fathers": 1})
        self.assertEqual((sari.figures.men, sari.figures.women), (11, 18))
        self.assertEqual(sari.figures.last_activity, date(2026, 10, 3))

    def test_it_counts_trainings_attended(self):
        t = Training.objects.create(
            regency_id="12.10",
            title="Pelatihan",
            held_from=date(2026, 9, 1),
            held_to=date(2026, 9, 2),
        )
        TrainingAttendance.objects.create(training=t, kpm=self.sari, attended=True)
        TrainingAttendance.objects.create(training=t, kpm=self.budi, attended=False)
        self.login(self.hendra)
        response = self.client.get(URL)
        self.assertEqual(self.row(response, self.sibargot.code).trainings, 1)
        self.assertEqual(self.row(response, self.bandar_kumbul.code).trainings, 0)

    def test_it_is_for_officers_of_the_area_only(self):
        for user in (self.sari, self.rahmat):
            self.login(user)
            self.assertEqual(self.client.get(URL).status_code, 404)
        self.login(self.tono)
        self.assertEqual(self.client.get(URL, {"wilayah": BILAH_BARAT}).status_code, 404)
        self.assertEqual(self.client.get(URL, {"wilayah": "99"}).status_code, 404)
        self.assertNotIn(self.sari, [r.kpm for r in self.client.get(URL).context["data"].rows])
        self.login(self.hendra)
        response = self.client.get(URL, {"wilayah": BILAH_BARAT, "akhir": "abc", "lama": "x"})
        self.assertEqual(response.status_code, 200)
        self.assertIn(self.sari, [r.kpm for r in response.context["data"].rows])
        self.assertEqual(self.client.post(URL).status_code, 405)

    def test_it_summarises_a_province_by_kabupaten(self):
        prov = make_user("maria", Role.PROVINCE_OFFICER, "12")
        self.login(prov)
        response = self.client.get(URL)
        self.assertFalse(response.context["per_kpm"])
        summary = {s.code: s for s in response.context["data"].summary}
        self.assertEqual(summary["12.10"].kpm, 2)
