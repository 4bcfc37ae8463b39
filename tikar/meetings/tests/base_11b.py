"""Shared set-up of the 11b tests (not a test module: no `test_` prefix)."""

from __future__ import annotations

from datetime import date, time
from decimal import Decimal

from django.test import override_settings
from django.urls import reverse

from tikar.meetings.models import Participant, Proposal, VillageMeeting
from tikar.test import BaseTestCase

TODAY = date(2026, 7, 1)
YEAR = 2026


@override_settings(TIKAR_TODAY=TODAY)
class MeetingCase(BaseTestCase):
    """Sibargot and Bandar Kumbul each have a rembuk in 2026 (so a 404 is never just "no
    meeting there")."""

    @classmethod
    def setUpTestData(cls) -> None:
        super().setUpTestData()
        cls.meeting = VillageMeeting.objects.create(
            village=cls.sibargot, year=YEAR, held_on=date(2026, 6, 10), place="Balai Desa",
            start_time=time(9), end_time=time(12),
        )  # fmt: skip
        cls.other = VillageMeeting.objects.create(
            village=cls.bandar_kumbul, year=YEAR, held_on=date(2026, 6, 11), place="Kantor Desa"
        )
        cls.proposal = Proposal.objects.create(
            meeting=cls.meeting, activity="PMT balita", package=2, kind="specific",
            estimated_cost=Decimal(12_000_000), funding_source="dana_desa",
        )  # fmt: skip
        cls.other_proposal = Proposal.objects.create(
            meeting=cls.other, activity="Kelas ibu hamil", package=1, kind="specific",
            estimated_cost=Decimal(3_000_000), funding_source="dana_desa",
        )  # fmt: skip
        cls.participant = Participant.objects.create(
            meeting=cls.meeting, name="Rosmawati Siregar", group="pkk", sex="P"
        )
        cls.other_participant = Participant.objects.create(
            meeting=cls.other, name="Ahmad Nasution", group="bpd", sex="L"
        )

    def url(self, name: str, *args, desa: str | None = None) -> str:
        u = reverse(name, args=[YEAR, *args])
        return u + (f"?desa={desa}" if desa else "")


PROPOSAL = {
    "activity": "Pemberian makanan tambahan balita gizi kurang",
    "package": "2",
    "kind": "specific",
    "indicator": "child:weighed",
    "target_group": "Balita gizi kurang",
    "dusun": "I",
    "volume": "30",
    "unit": "anak",
    "estimated_cost": "15.000.000",
    "funding_source": "dana_desa",
    "implementer": "Kader posyandu",
    "timing": "Juli-Desember",
    "activity_code": "2.2.02",
}
