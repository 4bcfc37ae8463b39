"""Seed for the data-quality view tests (not a test module): October 2026, today 10 November.

Sibargot: Ani (10 months, measured standing: "standing_under_24"), Bayu (not weighed in
October); Bandar Kumbul: Cici (14 months, measured standing).
"""

from __future__ import annotations

from datetime import date

from tikar.households.tests.factories import child
from tikar.monitoring.services import record_month

TODAY = "2026-11-10"
OCT = date(2026, 10, 1)


def seed(case) -> dict:
    ani = child(
        case.sibargot, case.sari, name="Ani Standing", birth_date=date(2025, 12, 1), sex="P"
    )
    bayu = child(case.sibargot, case.sari, name="Bayu Absent", birth_date=date(2025, 6, 1))
    cici = child(
        case.bandar_kumbul, case.budi, name="Cici Tetangga", birth_date=date(2025, 8, 1), sex="P"
    )
    fields = {"visit_date": date(2026, 10, 5), "measured_lying": False, "growth_mat": "hijau"}
    record_month(ani, OCT, fields | {"weight_kg": "8.0", "length_cm": "72.0"}, case.sari)
    record_month(cici, OCT, fields | {"weight_kg": "8.5", "length_cm": "70.0"}, case.budi)
    return {"ani": ani, "bayu": bayu, "cici": cici}
