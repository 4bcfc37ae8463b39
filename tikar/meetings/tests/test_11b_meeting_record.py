"""The meeting record: create, edit, its date rules, scoping and read-only officers."""

from __future__ import annotations

from datetime import date

from django.test import override_settings
from django.urls import reverse

from tikar.meetings.models import Participant, Proposal, VillageMeeting
from tikar.meetings.tests.base_11b import TODAY, YEAR, MeetingCase
from tikar.test import BANDAR_KUMBUL, SIBARGOT

FORM = {
    "held_on": "2025-06-12",
    "start_time": "09:00",
    "end_time": "12:30",
    "place": "Balai Desa Sibargot",
    "facilitators": "Pendamping Desa",
    "agenda": "1. Pembukaan",
    "stunting_target_percent": "12.5",
    "quarterly_coordination": "on",
    "commitments": "",
    "village_head_name": "Mangatur Siregar",
}


@override_settings(TIKAR_TODAY=TODAY)
class MeetingRecordTests(MeetingCase):
    def test_it_offers_a_form_with_the_default_agenda_when_there_is_no_meeting(self):
        self.login(self.rahmat)
        r = self.client.get(reverse("meeting", args=[2025]))
        self.assertEqual(r.status_code, 200)
        self.assertContains(r, "Pembukaan oleh kepala desa")  # the agenda in Indonesian
        self.assertContains(r, 'name="held_on"')

    def test_it_creates_then_edits_the_meeting_and_records_who(self):
        self.login(self.rahmat)
        r = self.client.post(reverse("meeting", args=[2025]), FORM)
        self.assertEqual(r.status_code, 302)
        m = VillageMeeting.objects.get(village=self.sibargot, year=2025)
        self.assertEqual((m.place, m.created_by, m.updated_by), (FORM["place"], self.rahmat,
                                                                  self.rahmat))  # fmt: skip
        self.assertEqual(m.history.first().history_user, self.rahmat)
        self.login(self.sari)  # the KPM edits too
        self.client.post(reverse("meeting", args=[2025]), FORM | {"place": "Aula"})
        m.refresh_from_db()
        self.assertEqual((m.place, m.updated_by, m.created_by), ("Aula", self.sari, self.rahmat))

    def test_it_makes_one_meeting_when_the_form_is_sent_twice(self):
        self.login(self.rahmat)
        for _ in range(2):
            self.client.post(reverse("meeting", args=[2025]), FORM)
        self.assertEqual(VillageMeeting.objects.filter(village=self.sibargot, year=2025).count(), 1)

    def test_it_refuses_a_date_outside_the_year_and_an_end_before_the_start(self):
        self.login(self.rahmat)
        r = self.client.post(reverse("meeting", args=[2025]),
                             FORM | {"held_on": "2024-12-31", "end_time": "08:00"})  # fmt: skip
        self.assertEqual(r.status_code, 400)
        self.assertContains(r, "harus bertanggal di tahun 2025", status_code=400)
        self.assertContains(r, "Jam selesai harus setelah jam mulai", status_code=400)
        for bad in ("31/02/2025", "x" * 5000, "2025-13-01"):
            r = self.client.post(reverse("meeting", args=[2025]), FORM | {"held_on": bad})
            self.assertEqual(r.status_code, 400)
        r = self.client.post(reverse("meeting", args=[2025]),
                             FORM | {"stunting_target_percent": "150"})  # fmt: skip
        self.assertEqual(r.status_code, 400)
        self.assertFalse(VillageMeeting.objects.filter(year=2025).exists())

    def test_it_answers_404_for_years_out_of_range_and_redirects_the_current_one(self):
        self.login(self.rahmat)
        for year in (1999, TODAY.year + 2):
            self.assertEqual(self.client.get(f"/rembuk/{year}/").status_code, 404)
        self.assertEqual(self.client.get(f"/rembuk/{TODAY.year + 1}/").status_code, 200)
        r = self.client.get(reverse("meeting_current"))
        self.assertRedirects(r, reverse("meeting", args=[TODAY.year]))

    def test_it_hides_the_meeting_from_another_desa(self):
        for user in (self.budi, self.yusuf):
            self.login(user)
            r = self.client.get(self.url("meeting", desa=SIBARGOT))
            self.assertEqual(r.status_code, 404)
            r = self.client.post(
                self.url("meeting", desa=SIBARGOT), FORM | {"held_on": "2026-06-10"}
            )
            self.assertEqual(r.status_code, 404)
            own = self.client.get(self.url("meeting"))
            self.assertNotContains(own, "Balai Desa")
        self.meeting.refresh_from_db()
        self.assertEqual(self.meeting.place, "Balai Desa")

    def test_it_lets_officers_read_but_not_write(self):
        for officer in (self.dewi, self.hendra, self.agus):
            self.login(officer)
            r = self.client.get(self.url("meeting", desa=SIBARGOT))
            self.assertEqual(r.status_code, 200)
            self.assertContains(r, "Balai Desa")
            self.assertContains(r, "disabled")
            self.assertNotContains(r, reverse("proposal_new", args=[YEAR]))
            r = self.client.post(self.url("meeting", desa=SIBARGOT), FORM | {"held_on": "2026-06-10",
                                                                          "place": "X"})  # fmt: skip
            self.assertEqual(r.status_code, 403)
        self.login(self.tono)  # Bilah Hilir: not his kecamatan
        self.assertEqual(self.client.get(self.url("meeting", desa=BANDAR_KUMBUL)).status_code, 404)
        self.meeting.refresh_from_db()
        self.assertEqual(self.meeting.place, "Balai Desa")

    def test_it_takes_the_children_with_a_deleted_meeting(self):
        pk = self.meeting.pk
        self.meeting.delete()
        self.assertFalse(Proposal.objects.filter(meeting_id=pk).exists())
        self.assertFalse(Participant.objects.filter(meeting_id=pk).exists())
        self.assertTrue(self.other.proposals.exists())

    def test_it_shows_a_date_in_the_year_only(self):
        self.assertEqual(self.meeting.held_on, date(2026, 6, 10))
        self.login(self.rahmat)
        r = self.client.get(self.url("meeting"))
        self.assertContains(r, 'min="2026-01-01"')
