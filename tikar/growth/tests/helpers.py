"""Test helpers: an independent reading of WHO's tables and of the LMS formulas.

The tests compare the engine with values derived here straight from the published tables and
``spec/growth.md`` (or with WHO's igrowup output), never with the engine's own output.
"""

from __future__ import annotations

import csv
import math
from functools import cache
from pathlib import Path

TABLE_DIR = Path(__file__).resolve().parent.parent / "data" / "who2006"
REFERENCE = Path(__file__).resolve().parent / "data" / "igrowup_mysurvey_z_st.csv"


@cache
def table(name: str) -> dict[tuple[int, str], tuple[float, float, float]]:
    """{(sex, index as written in the file): (L, M, S)}; e.g. (2, "84.8") or (1, "730")."""
    with open(TABLE_DIR / f"{name}anthro.txt", newline="") as handle:
        rows = csv.reader(handle, delimiter="\t")
        next(rows)
        return {(int(r[0]), r[1]): (float(r[2]), float(r[3]), float(r[4])) for r in rows}


def lms(name: str, sex: int, key: float | int) -> tuple[float, float, float]:
    text = str(int(key)) if name not in ("wfl", "wfh") else f"{key:.1f}".removesuffix(".0")
    return table(name)[(sex, text)]


def sd(k: float, l: float, m: float, s: float) -> float:  # noqa: E741
    return m * (1 + l * s * k) ** (1 / l)


def z_plain(y: float, l: float, m: float, s: float) -> float:  # noqa: E741
    return ((y / m) ** l - 1) / (s * l)


def z_restricted(y: float, l: float, m: float, s: float) -> float:  # noqa: E741
    z = z_plain(y, l, m, s)
    if z > 3:
        return 3 + (y - sd(3, l, m, s)) / (sd(3, l, m, s) - sd(2, l, m, s))
    if z < -3:
        return -3 + (y - sd(-3, l, m, s)) / (sd(-2, l, m, s) - sd(-3, l, m, s))
    return z


def y_for_z(z: float, l: float, m: float, s: float, restricted: bool) -> float:  # noqa: E741
    """The measurement that has z-score ``z`` (inverse of the formulas above)."""
    if restricted and z > 3:
        return sd(3, l, m, s) + (z - 3) * (sd(3, l, m, s) - sd(2, l, m, s))
    if restricted and z < -3:
        return sd(-3, l, m, s) + (z + 3) * (sd(-2, l, m, s) - sd(-3, l, m, s))
    return sd(z, l, m, s)


def r2(z: float) -> float:
    return round(z, 2)


def is_nan(value: float) -> bool:
    return isinstance(value, float) and math.isnan(value)


def reference_rows() -> tuple[list[str], list[list[str]]]:
    with open(REFERENCE, newline="") as handle:
        rows = list(csv.reader(handle))
    return rows[0], rows[1:]
