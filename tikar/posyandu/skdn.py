"""SKDN and the posyandu's monthly report (F1 Gizi): the counting rule. Pure, no Django.

spec/posyandu.md "SKDN and the monthly posyandu report (F1 Gizi)"; the N/T/O/B codes are
`tikar.growth.weighing`'s (Buku KIA 2023; KMS practice). Per age band (0-5, 6-11, 12-23, 24-35,
36-59 completed months) and sex (L, P) of one month:

- **S** (sasaran): every balita of the area: alive, not closed before the month, registered by
  the month's end, born by the month's end and 0-59 completed months on some day of the month.
- **K**: those of S with a KIA book (`Child.kia_number` non-empty).
- **D** (ditimbang): those of S weighed this month (a live monthly record with a weight).
- **N**, **T**, **O**, **B**: D split by the stored weight-gain code; **D = N + T + O + B**
  holds for every cell (checked here: a weighed child without a code is an error, not a
  silent gap).
- **BGM**: weighed, below −3 SD weight-for-age or oedema (`weighing.is_bgm`).
- **2T**: weighed and judged T for the second weighing running (`two_t`).
- **K tidak ditimbang**: the children with a KIA book who were not weighed. The form writes
  "K − D", which equals this only when every weighed child has a KIA book; counting the
  children themselves never gives a negative number.
- **BB kurang** / **BB sangat kurang** (underweight / severely underweight): weighed and the
  BB/U category (Permenkes 2/2020) is "berat badan kurang" (−3 ≤ z < −2) / "berat badan sangat
  kurang" (z < −3); a flagged (implausible) BB/U is left out, as in prevalence.
- Derived: **D/S** (participation) and **N/D** (growth), None when the denominator is 0.

The age band is the child's completed months on the month's last day, so a child is in one
band for S and D alike (the judgement N/T itself uses the age on the visit date); a child
who turns 60 months during the month stays in 36-59.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, fields
from datetime import date

from tikar.calendar import (
    is_balita_month,  # the one reading of "balita in a month"
    month_end,
    shift_day,
)

__all__ = [
    "BANDS",
    "BAND_LABELS",
    "COUNT_FIELDS",
    "COUNT_LABELS",
    "SEXES",
    "SEX_LABELS",
    "ChildFacts",
    "Counts",
    "Skdn",
    "age_band",
    "band_birth_bounds",
    "count",
    "is_balita_month",
    "merge",
]

# Official age bands of the F1 Gizi form, in completed months (inclusive).
BANDS: tuple[tuple[int, int], ...] = ((0, 5), (6, 11), (12, 23), (24, 35), (36, 59))
BAND_LABELS: tuple[str, ...] = tuple(f"{lo}-{hi} bln" for lo, hi in BANDS)
SEXES = ("L", "P")
SEX_LABELS = {"L": "Laki-laki", "P": "Perempuan"}
BALITA_MONTHS = 60  # 0-59 completed months (e-PPGBM, posyandu.md)
UNDERWEIGHT = "underweight"  # the BB/U category codes of tikar.growth.who2006
SEVERELY_UNDERWEIGHT = "severely_underweight"

# The counted figures in the F1 Gizi order, with their Indonesian row labels.
COUNT_LABELS: dict[str, str] = {
    "s": "S: jumlah balita",
    "k": "K: punya buku KIA/KMS",
    "d": "D: ditimbang bulan ini",
    "n": "N: naik berat badan",
    "t": "T: tidak naik",
    "o": "O: bulan lalu tidak ditimbang",
    "b": "B: baru pertama kali ditimbang",
    "bgm": "BGM: bawah garis merah",
    "two_t": "2T: dua kali tidak naik",
    "k_not_weighed": "K tidak ditimbang",
    "underweight": "BB kurang (BB/U)",
    "severely_underweight": "BB sangat kurang (BB/U)",
}
COUNT_FIELDS: tuple[str, ...] = tuple(COUNT_LABELS)


def age_band(age_months: int) -> int | None:
    """The index into BANDS of an age in completed months; 60+ counts in the last band (a
    child turning 60 during the month); None below 0."""
    if age_months < 0:
        return None
    for i, (_lo, hi) in enumerate(BANDS):
        if age_months <= hi:
            return i
    return len(BANDS) - 1


def band_birth_bounds(month: date) -> list[tuple[date | None, date]]:
    """For each band, the birth dates (after, up to inclusive] whose age on the month's last
    day falls in it: `after` None for the last band (its lower end is the balita limit, which
    the caller applies). Lets a database group children by band with plain date comparisons.

    Completed months on day X are ≥ m exactly when birth ≤ shift_day(X, −m) (shift_months
    clamps to the month's end, the same reading as `age_in_months`).
    """
    last = month_end(month)
    out: list[tuple[date | None, date]] = []
    for i, (lo, _hi) in enumerate(BANDS):
        upto = shift_day(last, -lo)
        after = shift_day(last, -BANDS[i + 1][0]) if i + 1 < len(BANDS) else None
        out.append((after, upto))
    return out


@dataclass(frozen=True, slots=True)
class ChildFacts:
    """What SKDN needs of one child (or `n` identical children) in one month.

    `age_months`: completed months on the month's last day; `gain`: the stored code "N" | "T" |
    "O" | "B" of this month's weighing ("" when not weighed); `wei_category`: the BB/U
    category code ("underweight", "severely_underweight", ...), "" when flagged or missing.
    """

    sex: str
    age_months: int
    has_kia: bool
    weighed: bool = False
    gain: str = ""
    bgm: bool = False
    two_t: bool = False
    wei_category: str = ""
    n: int = 1


@dataclass(slots=True)
class Counts:
    """The counted figures of one cell (band × sex), one band, one sex or a whole report."""

    s: int = 0
    k: int = 0
    d: int = 0
    n: int = 0
    t: int = 0
    o: int = 0
    b: int = 0
    bgm: int = 0
    two_t: int = 0
    k_not_weighed: int = 0
    underweight: int = 0
    severely_underweight: int = 0

    def add(self, other: Counts) -> None:
        for f in COUNT_FIELDS:
            setattr(self, f, getattr(self, f) + getattr(other, f))

    def check(self) -> None:
        """Raise AssertionError unless D = N + T + O + B and D ≤ S, K ≤ S."""
        assert self.d == self.n + self.t + self.o + self.b, f"D ≠ N+T+O+B: {self}"
        assert self.d <= self.s and self.k <= self.s, f"D or K above S: {self}"

    @property
    def d_s(self) -> float | None:
        """D/S as a ratio 0-1 (participation); None when S is 0."""
        return self.d / self.s if self.s else None

    @property
    def n_d(self) -> float | None:
        """N/D as a ratio 0-1 (growth); None when D is 0."""
        return self.n / self.d if self.d else None

    def as_dict(self) -> dict[str, int | float | None]:
        return {f: getattr(self, f) for f in COUNT_FIELDS} | {"d_s": self.d_s, "n_d": self.n_d}


@dataclass(slots=True)
class Skdn:
    """One report: `cells[(band index, sex)]` for every band of BANDS and sex of SEXES."""

    cells: dict[tuple[int, str], Counts] = field(
        default_factory=lambda: {(i, s): Counts() for i in range(len(BANDS)) for s in SEXES}
    )

    def band(self, i: int) -> Counts:
        out = Counts()
        for s in SEXES:
            out.add(self.cells[(i, s)])
        return out

    def sex(self, s: str) -> Counts:
        out = Counts()
        for i in range(len(BANDS)):
            out.add(self.cells[(i, s)])
        return out

    @property
    def total(self) -> Counts:
        out = Counts()
        for c in self.cells.values():
            out.add(c)
        return out

    def add(self, other: Skdn) -> None:
        for key, c in other.cells.items():
            self.cells[key].add(c)

    def check(self) -> None:
        for c in self.cells.values():
            c.check()


def _add_fact(c: Counts, f: ChildFacts) -> None:
    c.s += f.n
    if f.has_kia:
        c.k += f.n
        if not f.weighed:
            c.k_not_weighed += f.n
    if not f.weighed:
        return
    c.d += f.n
    if f.gain not in ("N", "T", "O", "B"):
        raise ValueError(f"weighed child without an N/T/O/B code ({f.gain!r}): refresh first")
    setattr(c, f.gain.lower(), getattr(c, f.gain.lower()) + f.n)
    c.bgm += f.n if f.bgm else 0
    c.two_t += f.n if f.two_t else 0
    c.underweight += f.n if f.wei_category == UNDERWEIGHT else 0
    c.severely_underweight += f.n if f.wei_category == SEVERELY_UNDERWEIGHT else 0


def count(facts: Iterable[ChildFacts]) -> Skdn:
    """Count one month's SKDN from per-child facts (see the module docstring for each figure).

    Raises ValueError for an unknown sex, a negative age or a weighed child without an
    N/T/O/B code; the identity D = N + T + O + B is asserted for every cell.
    """
    out = Skdn()
    for f in facts:
        band = age_band(f.age_months)
        if band is None or f.sex not in SEXES:
            raise ValueError(f"child facts outside SKDN: sex {f.sex!r}, age {f.age_months}")
        _add_fact(out.cells[(band, f.sex)], f)
    out.check()
    return out


def merge(reports: Iterable[Skdn]) -> Skdn:
    """The sum of several reports (desa into kecamatan, posyandu into desa)."""
    out = Skdn()
    for r in reports:
        out.add(r)
    return out


assert [f.name for f in fields(Counts)] == list(COUNT_FIELDS)
