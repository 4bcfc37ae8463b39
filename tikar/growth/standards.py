"""Which growth-monitoring standards a desa follows: its kabupaten's `GrowthStandard` row.

Without a row (no officer has chosen), the defaults apply: the default KBM table of
`data/kbm.json` and the unverified mat cut-offs of `data/mat_cutoffs.json`. One indexed query
(the row's regency is unique) per call.
"""

from __future__ import annotations

from dataclasses import replace

from tikar.growth.mat import MatCutoffs, default_cutoffs
from tikar.growth.weighing import DEFAULT_KBM_TABLE, kbm_tables


def regency_code(region_code: str) -> str:
    """The kabupaten/kota code of a region code at regency level or below ("12.10.07.2001" →
    "12.10"). ValueError for a province code."""
    parts = region_code.split(".")
    if len(parts) < 2:
        raise ValueError(f"{region_code!r} is not inside a kabupaten/kota")
    return ".".join(parts[:2])


def _row(village_code: str):
    from tikar.growth.models import GrowthStandard

    return (
        GrowthStandard.objects.filter(regency_id=regency_code(village_code))
        .values("kbm_table", "mat_merah_below", "mat_hijau_from", "mat_verified")
        .first()
    )


def kbm_table_for(village_code: str) -> str:
    """The key of the KBM table (tikar.growth.weighing.kbm_tables) used in this desa's
    kabupaten; the default when the kabupaten has not chosen, or chose a table since removed."""
    row = _row(village_code)
    key = row["kbm_table"] if row else DEFAULT_KBM_TABLE
    return key if key in kbm_tables() else DEFAULT_KBM_TABLE


def mat_cutoffs_for(village_code: str) -> MatCutoffs:
    """The growth mat's colour cut-offs in this desa's kabupaten (defaults when none set)."""
    row = _row(village_code)
    base = default_cutoffs()
    if not row:
        return base
    own = (row["mat_merah_below"], row["mat_hijau_from"]) != (base.merah_below, base.hijau_from)
    return replace(
        base,
        merah_below=row["mat_merah_below"],
        hijau_from=row["mat_hijau_from"],
        verified=row["mat_verified"],
        source="Ditetapkan oleh dinas kabupaten/kota" if own else base.source,
    )
