"""A kabupaten code used by proposals is not removed (the message says how many, in which
desa); a proposal whose code left the list stays editable with its code."""

from __future__ import annotations

from django.urls import reverse

from tikar.meetings.models import LocalActivityCode
from tikar.meetings.tests.base_11b import PROPOSAL, MeetingCase

URL = reverse("activity_codes")


class CodeInUseTests(MeetingCase):
    def test_it_refuses_to_remove_a_code_that_proposals_use(self):
        row = LocalActivityCode.objects.create(regency_id="12.10", code="2.2.91", name="A")
        self.proposal.activity_code = "2.2.91"
        self.proposal.save()
        self.other_proposal.activity_code = "2.2.91"
        self.other_proposal.save()
        self.login(self.hendra)
        r = self.client.post(URL, {"delete": str(row.pk)}, follow=True)
        self.assertTrue(LocalActivityCode.objects.filter(pk=row.pk).exists())
        self.assertContains(r, "tidak dihapus: usulan yang memakainya: 2")
        self.assertContains(r, f"{self.sibargot.name}: 1")
        self.assertContains(r, f"{self.bandar_kumbul.name}: 1")
        unused = LocalActivityCode.objects.create(regency_id="12.10", code="2.2.92", name="B")
        self.client.post(URL, {"delete": str(unused.pk)})
        self.assertFalse(LocalActivityCode.objects.filter(pk=unused.pk).exists())

    def test_it_keeps_a_removed_code_on_a_proposal_being_edited(self):
        self.proposal.activity_code = "2.2.93"  # a code no longer in any list
        self.proposal.save()
        self.login(self.rahmat)
        url = self.url("proposal_edit", self.proposal.pk)
        page = self.client.get(url)
        self.assertContains(page, "2.2.93 (sudah tidak ada di daftar)")
        r = self.client.post(url, PROPOSAL | {"activity_code": "2.2.93"})
        self.assertEqual(r.status_code, 302)
        self.proposal.refresh_from_db()
        self.assertEqual(self.proposal.activity_code, "2.2.93")
        # A new proposal cannot pick it.
        r = self.client.post(self.url("proposal_new"), PROPOSAL | {"activity_code": "2.2.93"})
        self.assertEqual(r.status_code, 400)
