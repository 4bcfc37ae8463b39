"""Demo Rembuk Stunting Desa: meetings, attendance, priority lists and their budget path.

Idempotent: a meeting that exists (desa, year) is left as it is, children included, so a second
call changes nothing. Sibargot (the first demo desa) has the rembuk of this year (June; last
year's if today is before June) and of the year before, each with 12 participants of every
group, 6 proposals across the 5 packages (two allocated in the APBDes, one of them realised:
set directly, as a village would have it) and the scorecard frozen. Three other demo desa have
one rembuk; the last two have none, so the officers' roll-up shows both.
"""

from __future__ import annotations

import json
from datetime import date, time
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from tikar import clock
from tikar.meetings.models import Participant, Proposal, VillageMeeting
from tikar.regions.models import Region

# (name, group, institution, sex, signs the Berita Acara)
PEOPLE = [
    ("Mangatur Siregar", "village_government", "Kepala Desa", "L", False),
    ("Syafrizal Lubis", "village_government", "Sekretaris Desa", "L", False),
    ("Darwin Harahap", "bpd", "Ketua BPD", "L", True),
    ("Rosmawati Nasution", "pkk", "Ketua TP PKK Desa", "P", True),
    ("Tiurma Hutagalung", "midwife", "Bidan Desa", "P", False),
    ("Nurhayati Ritonga", "kpm", "KPM", "P", False),
    ("Siti Aminah Daulay", "posyandu_cadre", "Kader Posyandu Melati", "P", False),
    ("Ernawati Pasaribu", "paud_teacher", "Guru PAUD Tunas Bangsa", "P", False),
    ("dr. Hendrik Simanjuntak", "puskesmas", "Puskesmas Aek Paing", "L", False),
    ("Zulkifli Rangkuti", "religious", "Tokoh agama", "L", True),
    ("Bripka Azhari Tanjung", "security", "Bhabinkamtibmas", "L", False),
    ("Rahmadani Pane", "community", "Karang Taruna", "P", False),
]

# (activity, package, kind, indicator, target group, dusun, volume, unit, cost, source,
#  implementer, timing, code)
PROPOSALS = [
    ("Pemberian makanan tambahan balita gizi kurang", 2, "specific", "child:weighed",
     "Balita gizi kurang", "I", 30, "anak", 18_000_000, "dana_desa", "Kader posyandu",
     "Juli-Desember", "2.2.02"),
    ("Kelas ibu hamil dan konseling gizi", 1, "specific", "pregnancy:nutrition_counselling",
     "Ibu hamil", "", 12, "pertemuan", 6_000_000, "dana_desa", "Bidan desa", "Setiap bulan",
     "2.2.02"),
    ("Sambungan air bersih ke rumah tangga", 3, "sensitive", "child:safe_water",
     "Rumah tangga 1.000 HPK", "III", 15, "sambungan", 52_500_000, "dana_desa", "TPK Desa",
     "Agustus-Oktober", "2.4.12"),
    ("Dukungan sarana PAUD (APE)", 5, "sensitive", "paud:paud", "Anak 2-6 tahun", "", 1,
     "paket", 7_500_000, "village_other", "Pengelola PAUD", "Juli", "2.1.02"),
    ("Penyuluhan perlindungan anak dan akta kelahiran", 4, "sensitive",
     "child:birth_certificate", "Orang tua baduta", "", 2, "kegiatan", 3_000_000, "dana_desa",
     "Pemerintah desa", "September", "4.4.02"),
    ("Jamban sehat keluarga miskin", 3, "sensitive", "pregnancy:latrine",
     "Keluarga miskin dengan baduta", "III", 10, "unit", 35_000_000, "apbd",
     "Dinas Perkim", "Tahun depan", "2.4.14"),
]  # fmt: skip

# Other demo desa: how many participants and proposals their (smaller) rembuk records.
OTHERS = 3


def meeting_year(today: date) -> int:
    """The latest rembuk year: this year from June on, else last year (rembuk in May-August)."""
    return today.year if today.month >= 6 else today.year - 1


def load(village_codes: list[str], *, today: date | None = None) -> None:
    """Add this app's demo rows to the demo desa; a second call changes nothing."""
    today = today or clock.today()
    year = meeting_year(today)
    with transaction.atomic():
        for i, code in enumerate(village_codes[: 1 + OTHERS]):
            village = Region.objects.get(code=code)
            years = (year, year - 1) if i == 0 else (year,)
            for y in years:
                _meeting(village, y, full=i == 0, today=today, seed=i)


def _meeting(village: Region, year: int, *, full: bool, today: date, seed: int) -> None:
    held_on = min(date(year, 6, 10 + seed * 3), today)  # never a meeting in the future
    meeting, created = VillageMeeting.objects.get_or_create(
        village=village,
        year=year,
        defaults={
            "held_on": held_on,
            "start_time": time(9),
            "end_time": time(12, 30),
            "place": f"Balai {village.name}",
            "facilitators": "Pendamping Desa (P3MD)\nTenaga Gizi Puskesmas",
            "agenda": _agenda(),
            "stunting_target_percent": Decimal("12.50") if full else None,
            "quarterly_coordination": True,
            "commitments": "Rumah Desa Sehat memantau usulan sampai masuk APBDes." if full else "",
            "village_head_name": "Mangatur Siregar" if full else "",
        },
    )
    if not created:
        return
    people = PEOPLE if full else PEOPLE[::2]
    Participant.objects.bulk_create(
        Participant(
            meeting=meeting, name=n, group=g, institution=inst, sex=s, signs_minutes=sign, order=k
        )  # fmt: skip
        for k, (n, g, inst, s, sign) in enumerate(people, start=1)
    )
    lines = PROPOSALS if full else PROPOSALS[:3]
    rows = []
    for k, (activity, package, kind, indicator, group, dusun, volume, unit, cost, source,
            implementer, timing, code) in enumerate(lines, start=1):  # fmt: skip
        p = Proposal(meeting=meeting, order=k, activity=activity, package=package, kind=kind,
                     indicator=indicator, target_group=group, dusun=dusun,
                     volume=Decimal(volume), unit=unit, estimated_cost=Decimal(cost),
                     funding_source=source, implementer=implementer, timing=timing,
                     activity_code=code)  # fmt: skip
        if full and k in (1, 3):  # two lines allocated in the APBDes of year + 1
            p.stage = "allocated"
            p.planned_amount = p.estimated_cost
            p.allocated_amount = p.estimated_cost * Decimal("0.9") // 1
        if full and k == 1 and year < meeting_year(today):  # last year's PMT is realised
            p.stage = "realised"
            p.realised_amount = p.allocated_amount
        if full and k == 6:
            p.stage = "planned"
            p.planned_amount = p.estimated_cost
        rows.append(p)
    Proposal.objects.bulk_create(rows)
    if full:
        _freeze(meeting, today)


def _agenda() -> str:
    from django.utils import translation

    from tikar.meetings.forms import DEFAULT_AGENDA

    with translation.override("id"):
        return str(DEFAULT_AGENDA)


def _freeze(meeting: VillageMeeting, today: date) -> None:
    """The scorecard of the latest quarter completed before the meeting, frozen."""
    from tikar.meetings.views_meeting import default_quarter
    from tikar.scorecard import report
    from tikar.scorecard.refresh import ensure_fresh

    y, q = default_quarter(meeting, today)
    ensure_fresh(meeting.village_id, y, q)
    data = report.scorecard_data(meeting.village, y, q)
    meeting.scorecard_snapshot = json.loads(report.to_json(data))
    meeting.scorecard_year, meeting.scorecard_quarter = y, q
    meeting.snapshot_taken_at = timezone.now()
    meeting.save()
