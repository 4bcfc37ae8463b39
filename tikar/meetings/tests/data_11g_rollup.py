"""Seed for the 11g roll-up tests: three villages of Kabupaten Labuhanbatu, figures by hand.

- Sibargot (desa, Bilah Barat): rembuk 12 June 2025 with 5 proposals:
  P1 Dana Desa 10,000,000 allocated 8,000,000; P2 Dana Desa 5,000,000 realised (allocated
  5,000,000, realised 4,500,000); P3 other APBDes 3,000,000 rejected (an allocated amount left
  from before: must not count); P4 APBD 20,000,000 proposed; P5 APBD 7,000,000 rejected.
  → 5 proposals, Rp 45,000,000; in the APBDes 2, Rp 13,000,000 = 28.89 %; realised 1,
  Rp 4,500,000; needing APBD 1, Rp 20,000,000.
- Bandar Kumbul (desa, Bilah Barat): no rembuk in 2025 (one in 2024 with 1 proposal).
- Negeri Lama (kelurahan, Bilah Hilir): rembuk 1 July 2025: K1 dana kelurahan 4,000,000
  allocated 4,000,000; K2 APBD 6,000,000 planned → kelurahan budget 1, Rp 4,000,000 = 40.00 %.
- Dana Desa 2026 (plan year): Sibargot 500M/50M + 100M/10M; Bandar Kumbul 400M/20M + 0/0 →
  (60 + 20) / (600 + 400) = 8.00 % over 2 desa that entered it. Negeri Lama has a (wrong) row
  that must never count; Sibargot's 2025 row is of another year.
"""

from __future__ import annotations

from datetime import date

from tikar.meetings.models import Proposal, VillageMeeting
from tikar.scorecard.models import DanaDesa
from tikar.test import BANDAR_KUMBUL, NEGERI_LAMA, SIBARGOT

YEAR = 2025
TODAY = "2025-11-10"


def proposal(meeting, cost: int, source: str, stage: str = "proposed", **amounts) -> Proposal:
    return Proposal.objects.create(
        meeting=meeting, activity=f"Kegiatan {cost}", package=1, kind="specific",
        estimated_cost=cost, funding_source=source, stage=stage, **amounts,
    )  # fmt: skip


def seed() -> None:
    sib = VillageMeeting.objects.create(
        village_id=SIBARGOT, year=YEAR, held_on=date(2025, 6, 12), place="Kantor Desa"
    )
    proposal(sib, 10_000_000, "dana_desa", "allocated", allocated_amount=8_000_000)
    proposal(sib, 5_000_000, "dana_desa", "realised", allocated_amount=5_000_000,
             realised_amount=4_500_000)  # fmt: skip
    proposal(sib, 3_000_000, "village_other", "rejected", allocated_amount=2_000_000)
    proposal(sib, 20_000_000, "apbd")
    proposal(sib, 7_000_000, "apbd", "rejected")
    old = VillageMeeting.objects.create(
        village_id=BANDAR_KUMBUL, year=YEAR - 1, held_on=date(2024, 7, 1), place="Balai Desa"
    )
    proposal(old, 1_000_000, "dana_desa", "allocated", allocated_amount=1_000_000)
    kel = VillageMeeting.objects.create(
        village_id=NEGERI_LAMA, year=YEAR, held_on=date(2025, 7, 1), place="Kantor Lurah"
    )
    proposal(kel, 4_000_000, "dana_kelurahan", "allocated", allocated_amount=4_000_000)
    proposal(kel, 6_000_000, "apbd", "planned", planned_amount=6_000_000)
    M = 1_000_000
    for code, year, dt, ds, et, es in [
        (SIBARGOT, YEAR + 1, 500 * M, 50 * M, 100 * M, 10 * M),
        (BANDAR_KUMBUL, YEAR + 1, 400 * M, 20 * M, 0, 0),
        (NEGERI_LAMA, YEAR + 1, 100, 100, 0, 0),
        (SIBARGOT, YEAR, 100, 100, 0, 0),
    ]:
        DanaDesa.objects.create(
            village_id=code, year=year, development_total=dt, development_stunting=ds,
            empowerment_total=et, empowerment_stunting=es,
        )  # fmt: skip
