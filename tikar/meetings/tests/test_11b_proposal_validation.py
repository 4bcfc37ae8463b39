"""The priority list's form: costs, activity codes, funding sources, indicators; scoping."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from django.test import override_settings

from tikar.accounts.models import Role
from tikar.meetings.models import LocalActivityCode, Proposal, VillageMeeting
from tikar.meetings.tests.base_11b import PROPOSAL, TODAY, YEAR, MeetingCase
from tikar.regions.models import Region
from tikar.test import NEGERI_LAMA, SIBARGOT, make_user


@override_settings(TIKAR_TODAY=TODAY)
class ProposalValidationTests(MeetingCase):
    def post(self, **changes):
        return self.client.post(self.url("proposal_new"), PROPOSAL | changes)

    def test_it_saves_every_field_and_reads_grouped_and_plain_rupiah(self):
        self.login(self.rahmat)
        for raw, amount in (("1.500.000", 1_500_000), ("2500000", 2_500_000),
                            ("Rp 3.000.000", 3_000_000), ("0", 0)):  # fmt: skip
            r = self.post(activity=f"Kegiatan {raw}", estimated_cost=raw)
            self.assertEqual(r.status_code, 302, raw)
            p = Proposal.objects.get(meeting=self.meeting, activity=f"Kegiatan {raw}")
            self.assertEqual(p.estimated_cost, Decimal(amount))
        self.assertEqual((p.indicator, p.dusun, p.volume, p.activity_code, p.updated_by),
                         ("child:weighed", "I", Decimal(30), "2.2.02", self.rahmat))  # fmt: skip
        self.assertEqual(p.history.first().history_user, self.rahmat)
        self.assertEqual(p.stage, "proposed")

    def test_it_refuses_negative_decimal_garbled_and_absurd_costs(self):
        self.login(self.rahmat)
        for raw, message in (
            ("-500000", "Biaya tidak boleh negatif."),
            ("1500000,50", "tanpa sen"),
            ("1500000.5", "tanpa sen"),
            ("1.5e6", "dengan angka"),
            ("satu juta", "dengan angka"),
            ("", "Isi perkiraan biaya"),
            ("10000000001", "terlalu besar"),
            ("9" * 400, "terlalu besar"),
        ):
            r = self.post(activity=f"Kegiatan {raw[:10]}", estimated_cost=raw)
            self.assertEqual(r.status_code, 400, raw)
            self.assertContains(r, message, status_code=400)
        self.assertEqual(self.meeting.proposals.count(), 1)

    def test_it_accepts_national_and_own_kabupaten_codes_and_refuses_others(self):
        own = LocalActivityCode.objects.create(regency_id="12.10", code="2.2.90", name="Rumah gizi")
        LocalActivityCode.objects.create(regency_id="12.12", code="2.2.91", name="Kode lain")
        self.login(self.rahmat)
        self.assertEqual(self.post(activity="A", activity_code="2.4.12").status_code, 302)
        self.assertEqual(self.post(activity="B", activity_code=own.code).status_code, 302)
        self.assertEqual(self.post(activity="C", activity_code="").status_code, 302)
        for bad in ("2.2.91", "9.9.99", "2.2.02'; --", "x" * 3000):
            r = self.post(activity="D", activity_code=bad)
            self.assertEqual(r.status_code, 400, bad)
            self.assertContains(r, "Kode kegiatan ini tidak ada", status_code=400)
        self.assertFalse(self.meeting.proposals.filter(activity="D").exists())

    def test_it_refuses_an_unknown_indicator_package_and_kind(self):
        self.login(self.rahmat)
        for changes in ({"indicator": "child:nope"}, {"package": "6"}, {"kind": "other"},
                        {"volume": "-1"}, {"volume": "abc"}, {"activity": ""}):  # fmt: skip
            r = self.post(**changes)
            self.assertEqual(r.status_code, 400, changes)
        self.assertEqual(self.meeting.proposals.count(), 1)

    def test_it_prefills_the_indicator_from_the_gap_page(self):
        self.login(self.rahmat)
        r = self.client.get(self.url("proposal_new") + "?indikator=pregnancy:iron_tablets")
        self.assertContains(r, 'value="pregnancy:iron_tablets" selected')
        r = self.client.get(self.url("proposal_new") + "?indikator=child:bogus")
        self.assertEqual(r.status_code, 200)

    def test_it_keeps_one_row_when_the_same_proposal_is_sent_twice(self):
        self.login(self.rahmat)
        for _ in range(2):
            self.assertEqual(self.post().status_code, 302)
        self.assertEqual(self.meeting.proposals.filter(activity=PROPOSAL["activity"]).count(), 1)
        # A different cost is a different line.
        self.post(estimated_cost="16.000.000")
        self.assertEqual(self.meeting.proposals.filter(activity=PROPOSAL["activity"]).count(), 2)

    def test_it_edits_and_deletes_within_the_desa_only(self):
        self.login(self.sari)
        r = self.client.post(self.url("proposal_edit", self.proposal.pk),
                             PROPOSAL | {"activity": "PMT lokal"})  # fmt: skip
        self.assertEqual(r.status_code, 302)
        self.proposal.refresh_from_db()
        self.assertEqual(
            (self.proposal.activity, self.proposal.updated_by), ("PMT lokal", self.sari)
        )
        for user in (self.budi, self.yusuf):
            self.login(user)
            pk = self.proposal.pk
            self.assertEqual(self.client.get(self.url("proposal_edit", pk)).status_code, 404)
            self.assertEqual(
                self.client.get(self.url("proposal_edit", pk, desa=SIBARGOT)).status_code, 404
            )
            r = self.client.post(self.url("proposal_edit", pk), PROPOSAL | {"activity": "X"})
            self.assertEqual(r.status_code, 404)
            self.client.post(self.url("proposal_delete", pk))
            self.assertTrue(Proposal.objects.filter(pk=pk).exists())
        self.login(self.rahmat)
        self.client.post(self.url("proposal_delete", self.proposal.pk))
        self.assertFalse(Proposal.objects.filter(pk=self.proposal.pk).exists())
        self.assertTrue(Proposal.objects.filter(pk=self.other_proposal.pk).exists())

    def test_it_lets_officers_read_a_proposal_but_not_change_it(self):
        self.login(self.hendra)
        r = self.client.get(self.url("proposal_edit", self.proposal.pk, desa=SIBARGOT))
        self.assertEqual(r.status_code, 200)
        self.assertContains(r, "disabled")
        self.assertEqual(self.client.get(self.url("proposal_new", desa=SIBARGOT)).status_code, 403)
        for name, args in (("proposal_new", ()), ("proposal_edit", (self.proposal.pk,)),
                           ("proposal_delete", (self.proposal.pk,))):  # fmt: skip
            r = self.client.post(self.url(name, *args, desa=SIBARGOT), PROPOSAL)
            self.assertEqual(r.status_code, 403, name)
        self.assertTrue(
            Proposal.objects.filter(pk=self.proposal.pk, activity="PMT balita").exists()
        )


@override_settings(TIKAR_TODAY=TODAY)
class KelurahanTests(MeetingCase):
    def test_it_offers_a_kelurahan_no_dana_desa(self):
        lurah = make_user("lina", Role.VILLAGE_ADMIN, NEGERI_LAMA)
        VillageMeeting.objects.create(village=Region.objects.get(code=NEGERI_LAMA), year=YEAR,
                                      held_on=date(2026, 6, 3), place="Kantor Lurah")  # fmt: skip
        self.login(lurah)
        r = self.client.get(self.url("proposal_new"))
        self.assertContains(r, 'value="dana_kelurahan"')
        self.assertNotContains(r, 'value="dana_desa"')
        self.assertNotContains(r, 'value="village_other"')
        r = self.client.post(self.url("proposal_new"), PROPOSAL)  # funding_source=dana_desa
        self.assertEqual(r.status_code, 400)
        self.assertContains(r, "Pilih salah satu sumber dana", status_code=400)
        r = self.client.post(
            self.url("proposal_new"), PROPOSAL | {"funding_source": "dana_kelurahan"}
        )
        self.assertEqual(r.status_code, 302)
        page = self.client.get(self.url("meeting"))
        self.assertContains(page, "Nama Lurah")
        self.assertContains(page, "Kelurahan tidak menerima Dana Desa")
        self.assertNotContains(page, "Nama Kepala Desa")
