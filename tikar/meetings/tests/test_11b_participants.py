"""Attendance: add, counts by sex and group, double submit, remove, scoping."""

from __future__ import annotations

from django.test import override_settings

from tikar.meetings.models import Participant
from tikar.meetings.tests.base_11b import TODAY, MeetingCase
from tikar.test import SIBARGOT

PERSON = {"name": "Tiurma  Hutagalung", "group": "midwife", "institution": "Bidan desa",
          "sex": "P", "signs_minutes": "on"}  # fmt: skip


@override_settings(TIKAR_TODAY=TODAY)
class ParticipantTests(MeetingCase):
    def test_it_adds_a_participant_and_counts_by_sex_and_group(self):
        self.login(self.rahmat)
        r = self.client.post(self.url("participant_add"), PERSON)
        self.assertEqual(r.status_code, 302)
        p = self.meeting.participants.get(name="Tiurma Hutagalung")  # spaces collapsed
        self.assertTrue(p.signs_minutes)
        self.client.post(self.url("participant_add"),
                         {"name": "Darwin Lubis", "group": "bpd", "sex": "L"})  # fmt: skip
        self.client.post(self.url("participant_add"),
                         {"name": "Sri Rahayu", "group": "pkk", "sex": "P"})  # fmt: skip
        page = self.client.get(self.url("meeting"))
        # Rosmawati (pkk, P) from the set-up, Tiurma (midwife, P), Darwin (bpd, L), Sri (pkk, P).
        self.assertContains(page, "Peserta (4)")
        self.assertContains(page, "Laki-laki: <b>1</b>")
        self.assertContains(page, "Perempuan: <b>3</b>")
        self.assertContains(page, "PKK: 2")
        self.assertContains(page, "Bidan desa/kelurahan: 1")

    def test_it_keeps_one_row_when_the_same_person_is_sent_twice(self):
        self.login(self.sari)
        for _ in range(2):
            self.client.post(self.url("participant_add"), PERSON)
        self.assertEqual(
            self.meeting.participants.filter(name__iexact="tiurma hutagalung").count(), 1
        )

    def test_it_answers_an_htmx_add_with_the_list_only(self):
        self.login(self.rahmat)
        r = self.client.post(self.url("participant_add"), PERSON, HTTP_HX_REQUEST="true")
        self.assertEqual(r.status_code, 200)
        self.assertContains(r, 'id="participants"')
        self.assertNotContains(r, "<html")
        self.assertContains(r, "Tiurma Hutagalung")
        bad = self.client.post(self.url("participant_add"), {"name": ""}, HTTP_HX_REQUEST="true")
        self.assertContains(bad, "Isi nama peserta.")

    def test_it_refuses_an_incomplete_participant_in_bahasa_indonesia(self):
        self.login(self.rahmat)
        r = self.client.post(self.url("participant_add"), {"name": "", "group": "nope", "sex": "X"})
        self.assertEqual(r.status_code, 400)
        self.assertContains(r, "Isi nama peserta.", status_code=400)
        r = self.client.post(self.url("participant_add"), PERSON | {"name": "x" * 5000})
        self.assertEqual(r.status_code, 400)
        self.assertEqual(self.meeting.participants.count(), 1)

    def test_it_removes_a_participant_and_a_second_tap_is_harmless(self):
        self.login(self.rahmat)
        for _ in range(2):
            r = self.client.post(self.url("participant_delete", self.participant.pk))
            self.assertEqual(r.status_code, 302)
        self.assertFalse(Participant.objects.filter(pk=self.participant.pk).exists())
        self.assertEqual(self.client.get(self.url("participant_delete", 1)).status_code, 405)

    def test_it_refuses_officers_and_hides_another_desa(self):
        self.login(self.dewi)
        r = self.client.post(self.url("participant_add", desa=SIBARGOT), PERSON)
        self.assertEqual(r.status_code, 403)
        r = self.client.post(self.url("participant_delete", self.participant.pk, desa=SIBARGOT))
        self.assertEqual(r.status_code, 403)
        for user in (self.budi, self.yusuf):
            self.login(user)
            r = self.client.post(self.url("participant_add", desa=SIBARGOT), PERSON)
            self.assertEqual(r.status_code, 404)
            # Sibargot's participant id through their own desa's URL: nothing happens.
            self.client.post(self.url("participant_delete", self.participant.pk))
        self.assertTrue(Participant.objects.filter(pk=self.participant.pk).exists())
        self.assertFalse(self.meeting.participants.filter(name__startswith="Tiurma").exists())
