"""A double submit is the same content in every typed field; anything else is saved."""

from __future__ import annotations

from tikar.meetings.tests.base_11b import PROPOSAL, MeetingCase


class DoubleSubmitContentTests(MeetingCase):
    def post(self, **changes):
        return self.client.post(self.url("proposal_new"), PROPOSAL | changes)

    def test_it_keeps_one_row_when_every_field_is_the_same(self):
        self.login(self.rahmat)
        before = self.meeting.proposals.count()
        self.assertEqual(self.post().status_code, 302)
        r = self.post()
        self.assertEqual(self.meeting.proposals.count(), before + 1)
        self.assertContains(self.client.get(r.url), "sudah tersimpan")

    def test_it_saves_a_proposal_that_differs_in_one_field(self):
        self.login(self.rahmat)
        before = self.meeting.proposals.count()
        self.post()
        for change in ({"dusun": "II"}, {"indicator": "child:immunisation"},
                       {"implementer": "Bidan desa"}, {"timing": "Agustus"}):  # fmt: skip
            self.assertEqual(self.post(**change).status_code, 302)
        self.assertEqual(self.meeting.proposals.count(), before + 5)

    def test_it_adds_the_same_name_with_another_institution_or_sex(self):
        self.login(self.rahmat)
        person = {"name": "Rosmawati Siregar", "group": "pkk", "sex": "P"}
        self.client.post(self.url("participant_add"), person)  # identical: merged
        self.assertEqual(self.meeting.participants.filter(name="Rosmawati Siregar").count(), 1)
        self.client.post(self.url("participant_add"), person | {"institution": "PKK Dusun II"})
        self.client.post(self.url("participant_add"), person | {"sex": "L"})
        self.assertEqual(self.meeting.participants.filter(name="Rosmawati Siregar").count(), 3)
