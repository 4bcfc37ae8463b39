"""Rows for the Berita Acara tests (task 11c): a realistic meeting created directly."""

from __future__ import annotations

from datetime import date, time
from decimal import Decimal

from tikar.meetings.models import Participant, Proposal, VillageMeeting

PARTICIPANTS = [
    ("Rahmat Siregar", "village_government", "Kepala Urusan Perencanaan", "L", True),
    ("Siti Aminah", "bpd", "Ketua BPD", "P", True),
    ("Nurhayati", "pkk", "Ketua TP PKK", "P", False),
    ("Sari Rambe", "kpm", "KPM", "P", False),
    ("Bd. Lestari", "midwife", "Bidan desa", "P", False),
    ("Marlina", "posyandu_cadre", "Kader Posyandu Melati", "P", False),
    ("Rosdiana", "posyandu_cadre", "Kader Posyandu Mawar", "P", False),
    ("Erni", "paud_teacher", "Guru PAUD Tunas Bangsa", "P", False),
    ("dr. Hasan", "puskesmas", "Puskesmas Bilah Barat (gizi)", "L", False),
    ("Darwin", "puskesmas", "Sanitarian Puskesmas", "L", False),
    ("Serda Budiman", "security", "Babinsa", "L", False),
    ("Ust. Ahmad", "religious", "Tokoh agama", "L", False),
    ("Jonni", "water", "Pengelola Pamsimas", "L", False),
    ("Fitri", "social", "Pendamping PKH", "P", False),
    ("Ramlan", "community", "Karang Taruna", "L", False),
]

# activity, package, kind, indicator, target group, dusun, volume, unit, cost, source,
# implementer, timing, code
PROPOSALS = [
    ("Pemberian makanan tambahan (PMT) lokal bagi ibu hamil KEK", 1, "specific", "",
     "Ibu hamil KEK", "I", "12", "paket", 1_500_000, "dana_desa", "Kader posyandu", "Juli-September", "2.2.02"),
    ("Kelas ibu hamil setiap bulan", 1, "specific", "", "Ibu hamil", "Semua", "12", "kali",
     2_400_000, "dana_desa", "Bidan desa", "Januari-Desember", "2.2.02"),
    ("Konseling gizi bagi orang tua baduta, termasuk ayah", 2, "specific", "",
     "Orang tua anak 0-23 bulan", "II", "4", "kegiatan", 3_000_000, "dana_desa", "KPM", "Triwulan", "2.2.03"),
    ("Pembangunan jamban sehat keluarga", 3, "sensitive", "", "Rumah tangga 1.000 HPK", "III",
     "10", "unit", 25_000_000, "dana_desa", "TPK desa", "Mei-Agustus", "2.4.13"),
    ("Sambungan air bersih ke rumah tangga 1.000 HPK", 3, "sensitive", "",
     "Rumah tangga 1.000 HPK", "II", "15", "sambungan", 18_750_000, "village_other", "BUMDes", "Juni", "2.4.05"),
    ("Pendampingan akta kelahiran dan JKN baduta", 4, "sensitive", "", "Anak 0-23 bulan",
     "Semua", "20", "anak", 1_200_000, "apbd", "Dinas Dukcapil", "Maret", "4.4.02"),
    ("Insentif guru PAUD dan kelas parenting", 5, "sensitive", "", "Anak 2-6 tahun", "I",
     "2.5", "bulan", 4_800_000, "dana_desa", "PAUD Tunas Bangsa", "Januari-Desember", "2.1.02"),
    ("Pelatihan kader tentang tikar pertumbuhan", 2, "specific", "", "Kader posyandu",
     "Semua", "1", "kali", 2_250_000, "other", "Puskesmas", "Februari", ""),
]  # fmt: skip


def snapshot(year: int = 2026, quarter: int = 1) -> dict:
    """The shape of scorecard.report.scorecard_data(), with hand-set gaps."""

    def line(number, code, text, received, targets, na=0):
        denominator = targets - na
        pct = f"{received * 100 / denominator:.2f}" if denominator else None
        return {"number": number, "code": code, "text": text, "received": received,
                "not_applicable": na, "targets": targets, "denominator": denominator,
                "percent": pct}  # fmt: skip

    return {
        "provisional": False,
        "provisional_note": None,
        "header": {"year": year, "quarter": quarter, "quarter_roman": "I"},
        "validated": {"at": "2026-04-05T10:00:00", "by": "Rahmat"},
        "table1_targets": {"households": 31, "pregnancies": 9, "children": 24, "stunting": 5},
        "table3_indicators": {
            "pregnancy": [
                line(1, "anc_check", "Periksa kehamilan paling sedikit 4 kali", 6, 9),
                line(2, "iron_tablets", "Mendapatkan dan minum 1 tablet tambah darah", 3, 9),
            ],
            "child": [
                line(1, "immunisation", "Imunisasi dasar lengkap", 20, 24),
                line(2, "weighed", "Ditimbang berat badannya setiap bulan", 14, 24),
                line(3, "measured", "Diukur panjang/tinggi badannya", 16, 24),
                line(4, "parent_counselling", "Orang tua mengikuti kelas pengasuhan", 7, 24),
                line(5, "akta", "Memiliki akta kelahiran", 24, 24),
            ],
            "paud": [line(1, "paud", "Mengikuti layanan PAUD", 10, 18)],
        },
        "table4_convergence": {
            "pregnancy": {"received": 30, "expected": 45, "percent": "66.67"},
            "child": {"received": 150, "expected": 200, "percent": "75.00"},
            "total": {"received": 180, "expected": 245, "percent": "73.47"},
        },
    }


def make_meeting(village, year: int = 2026, *, participants: int = 15, proposals: int = 8,
                 with_snapshot: bool = True, **extra) -> VillageMeeting:  # fmt: skip
    fields = {
        "held_on": date(2026, 6, 16),
        "start_time": time(9, 0),
        "end_time": time(12, 30),
        "place": "Aula Kantor Kepala Desa",
        "facilitators": "Camat Bilah Barat (narasumber)\nTenaga Gizi Puskesmas Bilah Barat",
        "agenda": "Pembukaan\nPaparan scorecard konvergensi\nPembahasan usulan\nKesepakatan",
        "scorecard_year": 2026 if with_snapshot else None,
        "scorecard_quarter": 1 if with_snapshot else None,
        "scorecard_snapshot": snapshot() if with_snapshot else None,
        "stunting_target_percent": Decimal("14.50"),
        "commitments": "TPPS desa memantau pelaksanaan setiap bulan",
        "village_head_name": "Ahmad Daulay",
    }
    fields.update(extra)
    meeting = VillageMeeting.objects.create(village=village, year=year, **fields)
    for i, (name, group, inst, sex, signs) in enumerate(PARTICIPANTS[:participants]):
        Participant.objects.create(meeting=meeting, name=name, group=group, institution=inst,
                                   sex=sex, signs_minutes=signs, order=i)  # fmt: skip
    for i in range(proposals):
        a, pk, kind, ind, tg, dusun, vol, unit, cost, src, impl, timing, code = PROPOSALS[
            i % len(PROPOSALS)
        ]
        Proposal.objects.create(
            meeting=meeting, order=i, activity=a, package=pk, kind=kind, indicator=ind,
            target_group=tg, dusun=dusun, volume=Decimal(vol), unit=unit,
            estimated_cost=Decimal(cost), funding_source=src, implementer=impl, timing=timing,
            activity_code=code,
        )  # fmt: skip
    return meeting
