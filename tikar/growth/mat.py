"""The growth mat (tikar pertumbuhan) checked against the measured length. Pure, no Django.

The mat (Kemenkes, Kemendes and partners, 2018) is a plastic length mat with marks for ages 3 to
18 months and three colours: Hijau (normal), Kuning (risiko stunting), Merah (terindikasi
stunting). The SD lines behind the colours are not published (spec/posyandu.md), so the cut-offs
are data (`data/mat_cutoffs.json`), marked unverified, and a kabupaten may set its own
(`tikar.growth.models.GrowthStandard`).

A visit with both a mat colour and a length: the colour the length-for-age z of that visit
would give is compared with the colour the kader read. Outside 3-18 completed months, without a
length z, with a flagged z or with "tidak diukur", there is nothing to compare.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

__all__ = [
    "HIJAU",
    "KUNING",
    "MERAH",
    "MAT_COLOURS",
    "MatCheck",
    "MatCutoffs",
    "check_mat",
    "default_cutoffs",
    "expected_colour",
]

HIJAU, KUNING, MERAH = "hijau", "kuning", "merah"
MAT_COLOURS = (HIJAU, KUNING, MERAH)
COLOUR_LABELS = {HIJAU: "Hijau", KUNING: "Kuning", MERAH: "Merah"}

_DATA = Path(__file__).resolve().parent / "data" / "mat_cutoffs.json"


@dataclass(frozen=True, slots=True)
class MatCutoffs:
    """Colour boundaries in PB/U z: Merah when z < `merah_below`, Hijau when z ≥ `hijau_from`,
    Kuning between; the mat applies from `min_months` to `max_months` completed months
    inclusive. `verified` False means nobody has confirmed them against an official text."""

    merah_below: float = -2.0
    hijau_from: float = -1.0
    verified: bool = False
    min_months: int = 3
    max_months: int = 18
    source: str = ""


@cache
def default_cutoffs() -> MatCutoffs:
    """The defaults of `data/mat_cutoffs.json` (unverified)."""
    raw = json.loads(_DATA.read_text(encoding="utf-8"))
    lo, hi = raw["age_months"]
    return MatCutoffs(
        float(raw["merah_below"]),
        float(raw["hijau_from"]),
        bool(raw["verified"]),
        int(lo),
        int(hi),
        raw["source"],
    )


def expected_colour(zlen: float, cutoffs: MatCutoffs | None = None) -> str:
    """The mat colour a rounded length-for-age z gives: "merah", "kuning" or "hijau"."""
    c = cutoffs or default_cutoffs()
    if zlen < c.merah_below:
        return MERAH
    if zlen >= c.hijau_from:
        return HIJAU
    return KUNING


@dataclass(frozen=True, slots=True)
class MatCheck:
    """One comparison: the colour read on the mat, the colour the z gives, and the z."""

    read: str
    expected: str
    zlen: float

    @property
    def matches(self) -> bool:
        return self.read == self.expected

    @property
    def message(self) -> str:
        """Bahasa Indonesia, for the data-quality report and the entry form."""
        z = f"{self.zlen:.2f}".replace(".", ",")
        return (
            f"Tikar pertumbuhan dibaca {COLOUR_LABELS[self.read]}, tetapi panjang badan "
            f"(PB/U {z} SD) sesuai warna {COLOUR_LABELS[self.expected]}."
        )


def check_mat(
    colour: str | None,
    zlen: float | None,
    age_months: int | None,
    cutoffs: MatCutoffs | None = None,
    *,
    zlen_flagged: bool = False,
) -> MatCheck | None:
    """Compare a visit's mat colour with its length-for-age z (rounded, WHO 2006).

    `colour`: "hijau" | "kuning" | "merah" (anything else, e.g. "tidak_diukur", is no reading);
    `age_months`: completed months at the visit. Returns None when there is nothing to compare
    (no colour, no z, a flagged z, or an age outside the mat's months), else a `MatCheck`.
    """
    c = cutoffs or default_cutoffs()
    if colour not in MAT_COLOURS or zlen is None or zlen_flagged or age_months is None:
        return None
    if not c.min_months <= age_months <= c.max_months:
        return None
    return MatCheck(colour, expected_colour(zlen, c), zlen)
