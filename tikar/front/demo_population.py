"""The demo population (issue 4): a realistic register and 18 months of records per demo desa.

`populate(villages, today=...)` fills each desa with 1,000-HPK households (a mother, her
pregnancies and her children 0-71 months) and their Formulir 2a / 2b / 2c records for the 18
months ending with `today`'s month, so every screen, export and scorecard of the demo has
something true to show. It is DETERMINISTIC: one seeded `random.Random` per desa (seeded with
a string, which Python hashes with SHA-512, so PYTHONHASHSEED does not matter) and uuid5 ids,
so two loads with the same `today` give the same people, dates and measurements.

What it models, and why:

- Growth: each child has a length-for-age z at birth and a drift reached by 18 months (growth
  faltering happens between about 3 and 18 months), plus a little month-to-month noise.
  Lengths are drawn from the WHO LMS tables (`tikar.growth.who2006`) at the exact age in days,
  so the stored z-scores come out as intended: about 20% of children 0-23 months have a latest
  length-for-age z below -2, as in Indonesia's SSGI. Weights are drawn from weight-for-length
  with a per-child z, which gives some wasting and, with the stunting, underweight.
- Coverage differs between desa and between indicators (`PROFILES`): Sibargot weighs almost
  every child but few households have a latrine, Bandar Kumbul rarely makes home visits, ...
  so the scorecard and the kecamatan's comparison have differences to show.
- Names are those of Labuhanbatu: Batak Mandailing/Angkola and Toba families with their marga
  (children take the father's marga, married women keep their own), Javanese plantation
  families and Malay families without one.
- NIKs carry the kecamatan prefix and the birth date (+40 for women); some are missing (a
  newborn then has the temporary number: the mother's NIK + 1 digit), and a few carry typos
  that the NIK check reports as warnings.
- A handful of deliberate problems to clean per desa: a likely duplicate child (same name and
  birth date, a second record without NIK), a length shorter than the month before, a weight
  typed without its decimal point (a flagged z), a standing measurement at 5 months, and two
  NIK typos.
- A share of the targets is verified by the desa's Admin Desa.

It writes with bulk operations, not `record_month` one record at a time: the full demo is about
30,000 monthly records, which one-by-one saves with history would take minutes to write on
SQLite (and `make run` must stay fast). The bulk path keeps every invariant of the normal
save: `version` = 1, a `change_seq` from one block taken from the ChangeCounter in one update
(parents before children, so a device applying changes in order never meets an orphan), the
WHO results computed with the same code as `ChildVisit.save()` (batched through
`who2006.compute` and handed to `ChildVisit.compute_growth`), and ONE history row per record
(type "+", dated when the record was made, by the KPM who made it), built from the history
model's own field list as django-simple-history's `bulk_history_create` builds it. The demo's
initial load therefore has a single history row per record, even for targets that are already
verified. Rows go in with one `executemany` per table: the ORM's `bulk_create` (which
django-simple-history's `bulk_create_with_history` uses for both tables) was measured 2.6 times
slower for the same rows on SQLite, and the browser tests pay for this load on every run.

Loading twice changes nothing: a desa that already has households is skipped.
"""

from __future__ import annotations

import math
import random
import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from typing import Any

import numpy as np
from django.db import models, transaction
from django.db.models import F
from django.utils import timezone

from tikar.accounts.models import Role, User
from tikar.bulk import insert_rows
from tikar.calendar import add_months, age_in_months, month_end
from tikar.growth import who2006
from tikar.households.models import (
    CHANGE_COUNTER,
    ChangeCounter,
    Child,
    Household,
    Mother,
    Pregnancy,
    RiskStatus,
)
from tikar.households.nik import make_temp_number
from tikar.monitoring import rules
from tikar.monitoring.models import (
    ChildVisit,
    GrowthMat,
    PaudRecord,
    PaudStatus,
    PregnancyVisit,
)
from tikar.regions.models import Posyandu, Region

SEED = "tikar-demo-2026"
MONTHS = 18
# Namespace of the demo's uuid5 ids (any fixed UUID would do; this one is uuid5(URL, tikar)).
NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "https://tikar.example.org/demo")
DAYS_PER_MONTH = 30.4375
POSTNATAL_DAYS = 42


@dataclass(frozen=True)
class Coverage:
    """How often each service reaches the targets of a desa (probabilities 0-1)."""

    record: float = 0.9  # a target has a record in a month it is due
    weighing: float = 0.85  # weighed at the posyandu, given a record
    measuring: float = 0.55  # length measured too, given weighed
    immunisation: float = 0.8  # a child whose immunisations are kept up to date
    counselling_mother: float = 0.6
    counselling_father: float = 0.15
    home_visit: float = 0.6  # for a target who needs one (risti/KEK, undernourished child)
    parenting: float = 0.35
    safe_water: float = 0.75  # households
    latrine: float = 0.7
    birth_certificate: float = 0.7  # children who get one (at some age)
    insurance: float = 0.65
    anc: float = 0.7  # an antenatal check in a month of pregnancy
    iron: float = 0.7
    pregnancy_counselling: float = 0.5
    postnatal: float = 0.7  # each of two postnatal checks a nifas month may have
    paud: float = 0.55  # children 3-6 who attend PAUD
    verified: float = 0.7  # targets the Admin Desa has verified
    stunting_shift: float = 0.0  # added to every child's drift (negative: more stunting)


# One profile per demo desa; the differences are the story the demo tells.
PROFILES: dict[str, Coverage] = {
    # Sibargot: an excellent posyandu (weighing, measuring) but poor latrines.
    "12.10.07.2001": Coverage(
        record=0.96, weighing=0.97, measuring=0.8, latrine=0.3, home_visit=0.7, verified=0.85
    ),
    # Bandar Kumbul: a large desa whose KPM rarely makes home visits.
    "12.10.07.2002": Coverage(home_visit=0.12, counselling_mother=0.45, stunting_shift=-0.15),
    # Tanjung Medan: average everywhere, good PAUD.
    "12.10.07.2003": Coverage(paud=0.8, parenting=0.5),
    # Janji: plantation hamlets far from the posyandu: poor weighing, good water.
    "12.10.07.2004": Coverage(
        record=0.8,
        weighing=0.6,
        measuring=0.35,
        safe_water=0.92,
        latrine=0.85,
        stunting_shift=-0.25,
        verified=0.5,
    ),  # fmt: skip
    # Tebing Linggahara: few birth certificates and insurance cards, weak PAUD.
    "12.10.07.2005": Coverage(birth_certificate=0.35, insurance=0.4, paud=0.25, anc=0.55),
    # Aek Buru Selatan: good at nearly everything, including fathers at counselling.
    "12.10.07.2008": Coverage(
        weighing=0.93,
        measuring=0.7,
        counselling_mother=0.8,
        counselling_father=0.35,
        home_visit=0.85,
        stunting_shift=0.2,
    ),  # fmt: skip
}
# Households per desa (hundreds of targets each).
HOUSEHOLDS: dict[str, int] = {
    "12.10.07.2001": 240,
    "12.10.07.2002": 320,
    "12.10.07.2003": 170,
    "12.10.07.2004": 380,
    "12.10.07.2005": 150,
    "12.10.07.2008": 220,
}
DEFAULT_HOUSEHOLDS = 200
# Some mothers were first registered in a neighbouring kecamatan (people move).
OTHER_KECAMATAN = ("121008", "121009", "121001", "121002")

# Growth model (see the module docstring), tuned so that about 20% of children 0-23 months
# have a latest length-for-age z below -2.
BIRTH_ZLEN = (-0.5, 0.8)  # mean, sd at birth
DRIFT_ZLEN = (-0.95, 0.75)  # mean, sd of the change reached at 18 months
DRIFT_DAYS = 540
NOISE_ZLEN = 0.12
ZWFL = (-0.25, 0.95)  # per-child weight-for-length z
NOISE_ZWFL = 0.3
WOBBLE_KEEP, WOBBLE_SHOCK = 0.7, 0.45

# The posyandu's weighings (issue 10): children 24-59 months are weighed too (the weighing-only
# ChildVisit), less often than babies; a few things the attention list and the data-quality
# report must find. See `posyandu_cases`.
BALITA_ATTENDANCE = 0.65  # share of the desa's weighing coverage that still comes after 2 years
FLAT_WEIGHT_DESA = "12.10.07.2001"  # Sibargot: the stunted girl with a flat weight
FLAT_WEIGHT_AGE = (15, 20)  # her completed months today
FLAT_WEIGHTS = ("7.7", "7.4", "7.5")  # her last three monthly weighings: T, then 2T
# Weights read to the nearest 0.5 kg (a dial scale, a hurried kader): terminal-digit heaping.
HEAPING = {"12.10.07.2004": 0.35}
HEAPING_DEFAULT = 0.04
OVERRIDE_REASON = "Grafik sejajar garis pertumbuhannya sejak lahir; dinilai bidan desa"
DUE_SOON_DAYS = 14

# --------------------------------------------------------------------------------------------
# Names of Labuhanbatu

MANDAILING_MARGA = (
    "Siregar", "Lubis", "Harahap", "Nasution", "Ritonga", "Hasibuan", "Pulungan", "Daulay",
    "Rambe", "Dalimunthe", "Pohan", "Tanjung", "Matondang", "Pane", "Batubara", "Rangkuti",
)  # fmt: skip
TOBA_MARGA = (
    "Simanjuntak", "Sitorus", "Situmorang", "Simatupang", "Manurung", "Panjaitan", "Sinaga",
    "Hutagalung", "Silalahi", "Sihombing", "Pardede", "Napitupulu", "Tambunan", "Siahaan",
    "Munthe", "Sianturi",
)  # fmt: skip
MUSLIM_MEN = (
    "Ahmad", "Muhammad", "Rahmat", "Syahrul", "Irwan", "Zulkifli", "Ridwan", "Fauzi", "Hamdan",
    "Amri", "Rizal", "Darwin", "Hasan", "Ismail", "Syafii", "Hendra", "Anwar", "Yusuf",
)  # fmt: skip
MUSLIM_WOMEN = (
    "Nurhayati", "Siti", "Fatimah", "Khadijah", "Rosmawati", "Nurlela", "Rahmadani", "Aisyah",
    "Mariani", "Nurhasanah", "Rosdiana", "Lely", "Yusnita", "Ernawati", "Nurmala", "Halimah",
)  # fmt: skip
CHRISTIAN_MEN = (
    "Josua", "Daniel", "Samuel", "Jonathan", "Hotman", "Parlindungan", "Martua", "Benny",
    "Roy", "Rudi", "Frans", "Tigor", "Bonar", "Posman", "Marihot", "Robert",
)  # fmt: skip
CHRISTIAN_WOMEN = (
    "Maria", "Rosita", "Lasma", "Tiurma", "Debora", "Ruth", "Yohana", "Ester", "Sondang",
    "Rina", "Melva", "Lamtiur", "Romauli", "Dame", "Friska", "Hotnida",
)  # fmt: skip
JAVANESE_MEN = (
    "Suparman", "Sugeng", "Slamet", "Joko Susilo", "Agus Salim", "Bambang", "Wahyu Hidayat",
    "Eko Prasetyo", "Budi Santoso", "Hadi Purnomo", "Sutrisno", "Purwanto", "Riyadi", "Teguh",
    "Sukirman", "Heri Setiawan",
)  # fmt: skip
JAVANESE_WOMEN = (
    "Sri Wahyuni", "Sumiati", "Suwarni", "Endang Susanti", "Wati", "Ratna Sari", "Dwi Lestari",
    "Tri Handayani", "Siti Rahayu", "Puji Astuti", "Yuli Astuti", "Sri Mulyani", "Nur Aini",
    "Eka Wulandari", "Ning Rahayu", "Suprapti",
)  # fmt: skip
MALAY_MEN = (
    "Syahrial", "Zulkarnain", "Azhar", "Khairul", "Fadli", "Mahmud", "Rusli", "Jamaluddin",
    "Tengku Amir", "Syamsul",
)  # fmt: skip
MALAY_WOMEN = (
    "Nurul Huda", "Zubaidah", "Rohani", "Salmah", "Aminah", "Rohana", "Hasnah", "Zuraida",
    "Mastura", "Fauziah",
)  # fmt: skip
MUSLIM_BOYS = (
    "Muhammad Rizky", "Fathan", "Arkan", "Rafa", "Alif", "Raffi", "Daffa", "Hafiz", "Azka",
    "Arsyad", "Fadhil", "Ilham", "Al Fatih", "Zidan", "Rayyan", "Habibi", "Aqil", "Fikri",
)  # fmt: skip
MUSLIM_GIRLS = (
    "Aisyah", "Nabila", "Zahra", "Alya", "Syifa", "Kayla", "Naura", "Salsabila", "Azzahra",
    "Khanza", "Aqila", "Humaira", "Nayla", "Hafizah", "Najwa", "Adiba", "Keisha", "Shakira",
)  # fmt: skip
CHRISTIAN_BOYS = (
    "Gabriel", "Kevin", "Yosua", "Nathan", "Elia", "Gilbert", "Immanuel", "Felix", "Samuel",
    "Christian", "Jordan", "Michael",
)  # fmt: skip
CHRISTIAN_GIRLS = (
    "Clara", "Grace", "Natalia", "Angel", "Felicia", "Gloria", "Kezia", "Priskila", "Yemima",
    "Sharon", "Cindy", "Jessica",
)  # fmt: skip
JAVANESE_BOYS = (
    "Dimas Aditya", "Aditya Pratama", "Bagas Saputra", "Rizky Pratama", "Galih Prasetyo",
    "Bima Saputra", "Arya Wicaksono", "Danu Setiawan", "Fajar Nugroho", "Yoga Pratama",
)  # fmt: skip
JAVANESE_GIRLS = (
    "Nabila Putri", "Aisyah Putri", "Zahra Ramadhani", "Dewi Lestari", "Ayu Wulandari",
    "Citra Anggraini", "Putri Handayani", "Laras Sekar", "Anisa Rahmawati", "Intan Permata",
)  # fmt: skip


@dataclass(frozen=True)
class Family:
    """Who names whom in a household: the culture decides the name lists and the marga."""

    men: tuple[str, ...]
    women: tuple[str, ...]
    boys: tuple[str, ...]
    girls: tuple[str, ...]
    marga: tuple[str, ...]  # empty: no family name


FAMILIES: tuple[tuple[float, Family], ...] = (
    (0.35, Family(MUSLIM_MEN, MUSLIM_WOMEN, MUSLIM_BOYS, MUSLIM_GIRLS, MANDAILING_MARGA)),
    (0.2, Family(CHRISTIAN_MEN, CHRISTIAN_WOMEN, CHRISTIAN_BOYS, CHRISTIAN_GIRLS, TOBA_MARGA)),
    (0.35, Family(JAVANESE_MEN, JAVANESE_WOMEN, JAVANESE_BOYS, JAVANESE_GIRLS, ())),
    (0.1, Family(MALAY_MEN, MALAY_WOMEN, MUSLIM_BOYS, MUSLIM_GIRLS, ())),
)

# --------------------------------------------------------------------------------------------
# Results


@dataclass
class VillageSummary:
    code: str
    name: str
    households: int = 0
    pregnancies: int = 0
    children: int = 0
    records: int = 0
    skipped: bool = False  # the desa already had a register

    @property
    def targets(self) -> int:
        return self.households + self.pregnancies + self.children


@dataclass
class PopulationSummary:
    villages: list[VillageSummary] = field(default_factory=list)
    children_0_23: int = 0  # with a measured length
    stunted_0_23: int = 0

    @property
    def records(self) -> int:
        return sum(v.records for v in self.villages)

    @property
    def stunting_percent(self) -> float:
        return 100.0 * self.stunted_0_23 / self.children_0_23 if self.children_0_23 else 0.0

    def line(self) -> str:
        """The one-line summary `load_demo` prints."""
        per = ", ".join(f"{v.name} {v.targets}" for v in self.villages)
        return (
            f"Demo population: targets per desa: {per}; {self.records:,} monthly records; "
            f"stunting {self.stunting_percent:.1f}% of {self.children_0_23} children 0-23 "
            "months (latest length-for-age z < -2)."
        )


# --------------------------------------------------------------------------------------------
# Building one desa


def _aware(day: date, hour: int = 10) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(hour)))


def _dec(value: float) -> Decimal:
    return Decimal(f"{value:.1f}")


def _lms_value(table: str, sex: int, row: int, z: float) -> float | None:
    """The measurement at z on row `row` (age in days, or 0.1 cm steps) of a WHO table."""
    t = who2006.load_table(table)
    if not 0 <= row < t.size:
        return None
    lv, mv, sv = t.l[sex, row], t.m[sex, row], t.s[sex, row]
    if math.isnan(mv):
        return None
    return float(who2006.sd_value(z, np.array([lv]), np.array([mv]), np.array([sv]))[0])


def length_at(sex: str, age_days: int, z: float) -> float:
    """Length (cm, unrounded) of a child of `sex` ('L'/'P') at `age_days` with length-for-age z."""
    value = _lms_value("len", 1 if sex == "L" else 2, age_days, z)
    assert value is not None
    return value


def weight_for(sex: str, length_cm: float, age_days: int, z: float, table: str = "wfl") -> float:
    """Weight (kg) at weight-for-length z (weight-for-height with table="wfh"); weight-for-age
    outside the table's range."""
    code = 1 if sex == "L" else 2
    lms = who2006.load_table(table)
    row = int(round((length_cm - lms.start) / lms.step))
    value = _lms_value(table, code, row, z) if length_cm >= lms.first else None
    if value is None:
        value = _lms_value("wei", code, age_days, z)
    assert value is not None
    return value


def _nik(prefix: str, birth: date, female: bool, serial: int) -> str:
    day = birth.day + (40 if female else 0)
    return f"{prefix}{day:02d}{birth.month:02d}{birth.year % 100:02d}{serial % 10000:04d}"


@dataclass
class _ChildPlan:
    """What the generator knows about a child beyond its register row."""

    child: Child
    household: Household
    registered: date
    birth_zlen: float
    drift_zlen: float
    zwfl: float
    immunised: bool
    certificate_age: int | None  # months; None: never within the window
    paud: bool
    flat: bool = False  # Sibargot's stunted girl with a flat weight (issue 10: 2T)
    zwfl_now: float = 0.0  # this month's departure from `zwfl` (see `wobble`)

    def wobble(self, shock: float) -> float:
        """A child's weight-for-length drifts from month to month, it does not jump: an AR(1)
        walk (0.7 of last month's departure plus 0.45 of a fresh shock) keeps the monthly
        gains, and so the share of weighings judged T (issue 10), near what posyandu see."""
        self.zwfl_now = WOBBLE_KEEP * self.zwfl_now + WOBBLE_SHOCK * shock
        return self.zwfl_now


class _VillageBuilder:
    def __init__(
        self,
        code: str,
        *,
        today: date,
        households: int,
        coverage: Coverage,
        seed: str,
        months: int,
        kpm: User | None,
        admin: User | None,
    ) -> None:
        self.code = code
        self.today = today
        self.n_households = households
        self.cov = coverage
        self.rng = random.Random(f"{seed}:{code}")
        # The weighings of children 24-59 months (issue 10) draw from their own generator, so
        # the register and the 0-23 months records are those drawn before they were added.
        self.balita_rng = random.Random(f"{seed}:{code}:balita")
        self.this_month = today.replace(day=1)
        self.first_month = add_months(self.this_month, -(months - 1))
        self.months = [add_months(self.first_month, i) for i in range(months)]
        self.kpm, self.admin = kpm, admin
        self.prefix = code[:8].replace(".", "")  # "12.10.07" → "121007"
        self.posyandu = list(Posyandu.objects.filter(village_id=code).order_by("name"))
        # Each posyandu opens on one day of the month (the 5th to the 20th).
        self.posyandu_day = {p.pk: self.rng.randint(5, 20) for p in self.posyandu}
        self.households: list[Household] = []
        self.mothers: list[Mother] = []
        self.pregnancies: list[Pregnancy] = []
        self.children: list[Child] = []
        self.plans: list[_ChildPlan] = []
        self.pregnancy_visits: list[PregnancyVisit] = []
        self.child_visits: list[ChildVisit] = []
        self.paud_records: list[PaudRecord] = []
        self.serial = 0
        self.kia_serial = 0

    # -- helpers ------------------------------------------------------------------------------

    def uid(self, kind: str, *parts: object) -> uuid.UUID:
        return uuid.uuid5(NAMESPACE, ":".join([self.code, kind, *map(str, parts)]))

    def chance(self, p: float) -> bool:
        return self.rng.random() < p

    def next_serial(self) -> int:
        """The last 4 digits of a NIK: a block of 1,000 per desa, so no two demo NIKs collide."""
        self.serial += 1
        return int(self.code[-1]) * 1000 + self.serial % 1000

    def stamp(self, obj: Any, made: date, rng: random.Random | None = None) -> None:
        """Common columns of a new row (the normal save would set them one by one)."""
        hour = 9 + (rng or self.rng).randint(0, 7)
        if made >= self.today:
            made, hour = self.today, 7  # early today, so never later than the load itself
        obj.village_id = self.code
        obj.version = 1
        obj.created_at = _aware(made, hour)
        obj.created_by = self.kpm
        # Read by _write: the history row is dated when the record was made.
        obj._history_date = obj.created_at
        obj._history_user = self.kpm

    def verify(self, target: Any, registered: date) -> None:
        if self.admin is not None and self.chance(self.cov.verified):
            checked = registered + timedelta(self.rng.randint(3, 40))
            target.verified_at = _aware(checked, 14) if checked < self.today else target.created_at
            target.verified_by = self.admin

    def visit_day(self, month: date, posyandu: Posyandu | None, earliest: date) -> date | None:
        """The day of the month's visit: the posyandu day (or another day), not in the future."""
        if posyandu is not None and self.chance(0.85):
            day = self.posyandu_day[posyandu.pk] + self.rng.randint(-1, 1)
        else:
            day = self.rng.randint(1, 28)
        visit = month.replace(day=day)
        if visit < earliest:
            visit = min(earliest + timedelta(self.rng.randint(0, 4)), month_end(month))
        if visit > self.today or visit < earliest:
            return None  # not yet this month: still a task on "Tugas bulan ini"
        return visit

    # -- the register -------------------------------------------------------------------------

    def family(self) -> Family:
        pick = self.rng.random()
        for weight, fam in FAMILIES:
            pick -= weight
            if pick < 0:
                return fam
        return FAMILIES[-1][1]

    def build(self) -> None:
        for i in range(self.n_households):
            self.build_household(i)
        self.add_problems()
        self.posyandu_cases()

    # -- the posyandu's cases (issue 10) ------------------------------------------------------

    def posyandu_cases(self) -> None:
        """Heaped weights, the flat-weight stunted girl, an HPL in the next 14 days.

        A separate seeded generator, so the register and records drawn before stay the same.
        The weighing judgements (and the one overridden T) come after the WHO scores, in
        `judge_visits` / `override_one_t`.
        """
        rng = random.Random(f"{SEED}:{self.code}:posyandu")
        flat = next((p for p in self.plans if p.flat), None)
        flat_id = flat.child.pk if flat else None
        share = HEAPING.get(self.code, HEAPING_DEFAULT)
        for v in self.child_visits:
            if v.weight_kg is not None and v.child_id != flat_id and rng.random() < share:
                heaped = (v.weight_kg * 2).to_integral_value() / 2
                v.weight_kg = Decimal(f"{heaped:.1f}")
        if flat is not None:
            self.flatten(flat)
        self.due_soon()

    def flatten(self, plan: _ChildPlan) -> None:
        """Her last three monthly weighings 7.7 → 7.4 → 7.5 kg: T, then T again (2T)."""
        visits = sorted(
            (v for v in self.child_visits if v.child_id == plan.child.pk and v.weight_kg),
            key=lambda v: v.month,
        )
        last = visits[-len(FLAT_WEIGHTS) :]
        months = [v.month for v in last]
        if len(last) < len(FLAT_WEIGHTS) or months != [
            add_months(months[0], i) for i in range(len(months))
        ]:
            return
        top = Decimal(FLAT_WEIGHTS[0])
        for v in visits[: -len(FLAT_WEIGHTS)]:
            v.weight_kg = min(v.weight_kg, top)  # flat: never heavier before
            v.measured_lying = True if v.length_cm is not None else None
        for v, weight in zip(last, FLAT_WEIGHTS, strict=True):
            v.weight_kg = Decimal(weight)
            v.measured_lying = True

    def due_soon(self) -> None:
        """At least one open pregnancy of the desa whose HPL is in the next 14 days."""
        today, horizon = self.today, self.today + timedelta(DUE_SOON_DAYS)
        waiting = [
            p
            for p in self.pregnancies
            if p.delivery_date is None and p.closed_at is None and p.due_date >= today
        ]
        if not waiting or any(p.due_date <= horizon for p in waiting):
            return
        nearest = min(waiting, key=lambda p: p.due_date)
        nearest.due_date = today + timedelta(DUE_SOON_DAYS // 2 + 3)

    def judge_visits(self, table: str) -> None:
        """Store the N/T/O/B judgement of every child record, as refresh_child would."""
        by_child: dict[uuid.UUID, list[ChildVisit]] = {}
        for v in self.child_visits:
            by_child.setdefault(v.child_id, []).append(v)
        for visits in by_child.values():
            _judge_child(visits, table)

    def override_one_t(self, table: str) -> None:
        """One T judged N by the bidan ("mengikuti garis pertumbuhannya"), with her reason."""
        flat = {p.child.pk for p in self.plans if p.flat}
        candidates = sorted(
            (v for v in self.child_visits if v.weight_gain == "T" and v.child_id not in flat),
            key=lambda v: (str(v.child_id), v.month),
        )
        if not candidates:
            return
        chosen = candidates[len(candidates) // 2]
        chosen.gain_override_reason = OVERRIDE_REASON
        _judge_child([v for v in self.child_visits if v.child_id == chosen.child_id], table)

    def build_household(self, i: int) -> None:
        rng, today = self.rng, self.today
        fam = self.family()
        marga = rng.choice(fam.marga) if fam.marga else ""
        wife_marga = rng.choice([m for m in fam.marga if m != marga]) if fam.marga else ""
        head = f"{rng.choice(fam.men)} {marga}".strip()
        mother_name = f"{rng.choice(fam.women)} {wife_marga}".strip()

        # The youngest child's birth (in the future: she is pregnant now), then an older one.
        # A 1,000-HPK household had a pregnancy or a child 0-23 months at some time in the
        # window: the youngest was born at most 24 months before the window's first month.
        earliest = int((24 + len(self.months) - 1) * DAYS_PER_MONTH)
        youngest = today + timedelta(rng.randint(-earliest, 245))
        births = [youngest]
        if self.chance(0.3):
            older = youngest - timedelta(rng.randint(700, 1300))
            if older > add_months(self.first_month, -72):
                births.insert(0, older)
        mother_birth = births[0] - timedelta(rng.randint(19 * 365, 38 * 365))

        # A birth from early in the window on was followed from the pregnancy, registered at
        # gestation month 2-5 (or when the KPM started, at the beginning of the window).
        known_pregnancy: tuple[date, date] | None = None
        if youngest >= self.first_month + timedelta(60):
            conception = youngest - timedelta(rng.randint(262, 290))
            seen = max(
                conception + timedelta(rng.randint(45, 150)),
                self.first_month + timedelta(rng.randint(0, 20)),
            )
            if seen <= today:
                known_pregnancy = (conception, seen)
            else:
                births.pop()  # too early in the pregnancy for the KPM to know of it
                if not births:
                    return
        if len(births) == 1 and known_pregnancy is not None:
            registered = known_pregnancy[1]
        else:
            registered = max(births[0], self.first_month - timedelta(rng.randint(0, 90)))
        registered = min(today, registered)
        posyandu = rng.choice(self.posyandu) if self.posyandu else None

        h = Household(
            id=self.uid("household", i),
            dusun=posyandu.dusun if posyandu else "",
            rt=f"{rng.randint(1, 12):03d}",
            rw=f"{rng.randint(1, 5):03d}",
            address=f"Jl. {rng.choice(STREETS)} No. {rng.randint(1, 120)}",
            head_name=head,
            safe_water=self.chance(self.cov.safe_water),
            latrine=self.chance(self.cov.latrine),
            vulnerable=self.chance(0.18),
            posyandu=posyandu,
        )
        self.stamp(h, registered)
        self.verify(h, registered)
        self.households.append(h)

        nik = None
        if self.chance(0.9):
            prefix = self.prefix if self.chance(0.85) else rng.choice(OTHER_KECAMATAN)
            nik = _nik(prefix, mother_birth, True, self.next_serial())
        phone = ""
        if self.chance(0.7):
            operator = rng.choice(("12", "13", "21", "52", "53", "77"))  # Telkomsel, XL, ...
            phone = f"08{operator}{rng.randint(10**7, 10**8 - 1)}"
        m = Mother(
            id=self.uid("mother", i),
            household=h,
            name=mother_name,
            nik=nik,
            birth_date=mother_birth,
            phone=phone,
        )
        self.stamp(m, registered)
        self.mothers.append(m)

        insured = self.chance(self.cov.insurance)
        for j, birth in enumerate(births):
            pregnancy = None
            if known_pregnancy is not None and j == len(births) - 1:
                pregnancy = self.build_pregnancy(
                    i, h, m, posyandu, *known_pregnancy, birth, insured
                )
                if pregnancy.delivery_date is None:
                    continue  # still pregnant, or the pregnancy ended without a child
            if birth > today:
                continue
            self.build_child(
                i, j, h, m, posyandu, fam, marga, birth, pregnancy, insured, registered
            )

    def build_pregnancy(
        self,
        i: int,
        h: Household,
        m: Mother,
        posyandu: Posyandu | None,
        conception: date,
        seen: date,
        birth: date,
        insured: bool,
    ) -> Pregnancy:
        rng, today = self.rng, self.today
        self.kia_serial += 1
        due = conception + timedelta(280)
        risk = rng.choices(
            [RiskStatus.NORMAL, RiskStatus.RISTI, RiskStatus.KEK], weights=[80, 12, 8]
        )[0]
        delivered = birth if birth <= today else None
        closed = None
        if self.chance(0.02):  # a miscarriage: the pregnancy leaves the register
            closed = min(today, seen + timedelta(rng.randint(20, 70)))
            delivered = None
        p = Pregnancy(
            id=self.uid("pregnancy", i),
            mother=m,
            posyandu=posyandu,
            kia_number=f"{self.kia_serial:04d}/{seen.year}",
            due_date=due,
            gestation_month=min(9, max(1, (seen - conception).days // 30 + 1)),
            risk_status=risk,
            delivery_date=delivered,
            health_insurance=insured,
            closed_at=closed,
        )
        self.stamp(p, seen)
        self.verify(p, seen)
        self.pregnancies.append(p)

        for month in self.months:
            if month < seen.replace(day=1):
                continue
            if closed is not None and month > closed:
                break
            if not rules.pregnancy_needs_record(delivered, month):
                break
            if not self.chance(self.cov.record):
                continue
            visit = self.visit_day(month, posyandu, seen)
            if visit is None or (closed is not None and visit > closed):
                continue
            self.pregnancy_visits.append(self.pregnancy_visit(p, h, posyandu, month, visit))
        return p

    def pregnancy_visit(
        self, p: Pregnancy, h: Household, posyandu: Posyandu | None, month: date, visit: date
    ) -> PregnancyVisit:
        cov = self.cov
        conception = p.due_date - timedelta(280)
        after_birth = p.delivery_date is not None and visit >= p.delivery_date
        gestation = None if after_birth else min(9, max(1, (visit - conception).days // 30 + 1))
        postnatal = 0
        if after_birth:
            postnatal = sum(self.chance(cov.postnatal) for _ in range(2))
        needs_visit = p.risk_status != RiskStatus.NORMAL
        muac = None
        if self.chance(0.5):
            muac = (
                self.rng.gauss(22.6, 0.5)
                if p.risk_status == RiskStatus.KEK
                else self.rng.gauss(26.0, 1.8)
            )
            muac = max(muac, 23.5) if p.risk_status != RiskStatus.KEK else min(muac, 23.4)
        iron = not after_birth and self.chance(cov.iron)
        v = PregnancyVisit(
            id=self.uid("2a", p.pk, month),
            pregnancy=p,
            month=month,
            visit_date=visit,
            posyandu=posyandu,
            gestation_month=gestation,
            risk_status=p.risk_status,
            anc_check=not after_birth and self.chance(cov.anc),
            iron_tablets=iron,
            iron_tablet_count=30 if iron else None,
            postnatal_checks=postnatal,
            nutrition_counselling=not after_birth and self.chance(cov.pregnancy_counselling),
            home_visit=self.chance(cov.home_visit if needs_visit else cov.home_visit * 0.2),
            safe_water=h.safe_water,
            latrine=h.latrine,
            health_insurance=p.health_insurance,
            muac_cm=None if muac is None else _dec(muac),
        )
        self.stamp(v, visit + timedelta(self.rng.randint(0, 3)))
        return v

    def build_child(
        self,
        i: int,
        j: int,
        h: Household,
        m: Mother,
        posyandu: Posyandu | None,
        fam: Family,
        marga: str,
        birth: date,
        pregnancy: Pregnancy | None,
        insured: bool,
        household_registered: date,
    ) -> None:
        rng, today = self.rng, self.today
        sex = "L" if self.chance(0.51) else "P"
        given = rng.choice(fam.boys if sex == "L" else fam.girls)
        name = f"{given} {marga}".strip()
        # A newborn is registered from the delivery within a few weeks; an older child with
        # the household.
        if pregnancy is not None:
            registered = min(today, birth + timedelta(rng.randint(0, 20)))
        else:
            registered = min(today, max(birth, household_registered))
        nik, temp = None, ""
        age_months = age_in_months(birth, today)
        if self.chance(0.35 if age_months < 3 else 0.88):
            nik = _nik(self.prefix, birth, sex == "P", self.next_serial())
        elif m.nik:
            temp = make_temp_number(m.nik, j + 1)
        c = Child(
            id=self.uid("child", i, j),
            household=h,
            mother=m,
            born_from=pregnancy,
            posyandu=posyandu,
            name=name,
            sex=sex,
            birth_date=birth,
            nik=nik,
            temp_number=temp,
            # Mother and child share one KIA book (Buku KIA), hence one register number.
            kia_number=pregnancy.kia_number if pregnancy is not None else "",
            health_insurance=insured,
        )
        self.stamp(c, registered)
        self.verify(c, registered)
        certificate_age = rng.randint(0, 14) if self.chance(self.cov.birth_certificate) else None
        c.birth_certificate = certificate_age is not None and age_months >= certificate_age
        self.children.append(c)
        plan = _ChildPlan(
            child=c,
            household=h,
            registered=registered,
            birth_zlen=rng.gauss(*BIRTH_ZLEN),
            drift_zlen=rng.gauss(*DRIFT_ZLEN) + self.cov.stunting_shift,
            zwfl=rng.gauss(*ZWFL),
            immunised=self.chance(self.cov.immunisation),
            certificate_age=certificate_age,
            paud=self.chance(self.cov.paud),
        )
        if (
            self.code == FLAT_WEIGHT_DESA
            and not any(p.flat for p in self.plans)
            and sex == "P"
            and FLAT_WEIGHT_AGE[0] <= age_months <= FLAT_WEIGHT_AGE[1]
            and registered <= add_months(today.replace(day=1), -12)
            and m.phone
        ):
            # Stunted from her first months, a little thin: her weight goes flat (see
            # posyandu_cases). Values chosen, not drawn, so the rest of the desa is unchanged.
            plan.birth_zlen, plan.drift_zlen, plan.zwfl, plan.flat = -2.3, -0.4, -0.5, True
        self.plans.append(plan)
        self.child_months(plan, posyandu)

    def child_months(self, plan: _ChildPlan, posyandu: Posyandu | None) -> None:
        c = plan.child
        previous_length: float | None = None
        poorly = False  # the last known status gizi was poor: a home visit is due
        for month in self.months:
            if month < plan.registered.replace(day=1):
                continue
            forms = rules.child_forms_for_month(c.birth_date, month)
            if not forms or not (self.chance(self.cov.record) or plan.flat):
                continue
            visit = self.visit_day(month, posyandu, max(c.birth_date, plan.registered))
            if visit is None:
                continue
            if rules.FORM_2B in forms and rules.child_cohort_on(c.birth_date, visit) == "2b":
                v, length, poor = self.child_visit(
                    plan, posyandu, month, visit, previous_length, poorly
                )
                self.child_visits.append(v)
                if length is not None:
                    previous_length, poorly = length, poor
            elif (
                rules.is_weighing_only_month(c.birth_date, month)
                and self.balita_rng.random() < self.cov.weighing * BALITA_ATTENDANCE
            ):
                v, length = self.weighing_visit(plan, posyandu, month, visit, previous_length)
                self.child_visits.append(v)
                if length is not None:
                    previous_length = length
            if rules.FORM_2C in forms:
                self.paud_records.append(self.paud_record(plan, month, visit))

    def child_visit(
        self,
        plan: _ChildPlan,
        posyandu: Posyandu | None,
        month: date,
        visit: date,
        previous_length: float | None,
        poorly: bool,
    ) -> tuple[ChildVisit, float | None, bool]:
        """One 2b record; returns it, the length measured (if any) and whether status is poor."""
        rng, cov, c = self.rng, self.cov, plan.child
        age_days = (visit - c.birth_date).days
        age_months = age_in_months(c.birth_date, visit)
        weighed = self.chance(cov.weighing) or plan.flat
        measured = weighed and (self.chance(cov.measuring) or plan.flat)
        weight = length = None
        zlen = None
        if weighed:
            faltering = min(1.0, age_days / DRIFT_DAYS)
            zlen = plan.birth_zlen + plan.drift_zlen * faltering + rng.gauss(0, NOISE_ZLEN)
            true_length = round(length_at(c.sex, age_days, zlen), 1)
            if previous_length is not None:
                true_length = max(true_length, previous_length)  # children do not shrink
            zwfl = plan.zwfl + plan.wobble(rng.gauss(0, NOISE_ZWFL))
            weight = round(weight_for(c.sex, true_length, age_days, zwfl), 1)
            if measured:
                length = true_length
        poor = zlen is not None and (zlen < -2 or plan.zwfl < -2)
        mat = GrowthMat.TIDAK_DIUKUR
        if length is not None and zlen is not None:
            mat = (
                GrowthMat.HIJAU
                if zlen >= -1
                else GrowthMat.KUNING
                if zlen >= -2
                else GrowthMat.MERAH
            )
        needs_visit = poor if zlen is not None else poorly
        certificate = plan.certificate_age is not None and age_months >= plan.certificate_age
        v = ChildVisit(
            id=self.uid("2b", c.pk, month),
            child=c,
            month=month,
            visit_date=visit,
            posyandu=posyandu if weighed else None,
            weight_kg=None if weight is None else _dec(weight),
            length_cm=None if length is None else _dec(length),
            measured_lying=True if length is not None else None,
            growth_mat=mat,
            immunisation_up_to_date=plan.immunised or self.chance(0.1),
            immunisation_basic_complete=age_months >= 9 and plan.immunised,
            immunisation_measles=age_months >= 9 and plan.immunised and self.chance(0.95),
            counselling_mother=self.chance(cov.counselling_mother),
            counselling_father=self.chance(cov.counselling_father),
            home_visit=self.chance(cov.home_visit if needs_visit else cov.home_visit * 0.25),
            safe_water=plan.household.safe_water,
            latrine=plan.household.latrine,
            birth_certificate=certificate,
            health_insurance=c.health_insurance,
            parenting_class=self.chance(cov.parenting),
        )
        self.stamp(v, visit + timedelta(rng.randint(0, 3)))
        return v, length, poor

    def weighing_visit(
        self,
        plan: _ChildPlan,
        posyandu: Posyandu | None,
        month: date,
        visit: date,
        previous_length: float | None,
    ) -> tuple[ChildVisit, float | None]:
        """The posyandu weighing of a child 24-59 months: measurements only, standing.

        The weighing-only ChildVisit of issue 10 (rules.WEIGHING_ONLY_FIELDS): no Formulir 2b
        service answer. Height is measured less often than weight after two years.
        """
        rng, c = self.balita_rng, plan.child
        # The WHO length-for-age table ends at 1826 days (5 years).
        age_days = min((visit - c.birth_date).days, 1826)
        faltering = min(1.0, age_days / DRIFT_DAYS)
        zlen = plan.birth_zlen + plan.drift_zlen * faltering + rng.gauss(0, NOISE_ZLEN)
        height = round(length_at(c.sex, age_days, zlen) - 0.7, 1)  # standing: 0.7 cm less
        if previous_length is not None:
            height = max(height, previous_length)
        zwfh = plan.zwfl + plan.wobble(rng.gauss(0, NOISE_ZWFL))
        weight = round(weight_for(c.sex, height, age_days, zwfh, table="wfh"), 1)
        measured = rng.random() < self.cov.measuring * 0.6
        v = ChildVisit(
            id=self.uid("2b", c.pk, month),
            child=c,
            month=month,
            visit_date=visit,
            posyandu=posyandu,
            weight_kg=_dec(weight),
            length_cm=_dec(height) if measured else None,
            measured_lying=False if measured else None,
            growth_mat=GrowthMat.TIDAK_DIUKUR,
        )
        self.stamp(v, visit + timedelta(rng.randint(0, 2)), rng)
        return v, height

    def paud_record(self, plan: _ChildPlan, month: date, visit: date) -> PaudRecord:
        age = age_in_months(plan.child.birth_date, max(visit, month))
        if age < 36 and not (plan.paud and self.chance(0.3)):
            status = PaudStatus.BELUM  # PAUD starts at 3 for most children
        elif plan.paud and self.chance(0.92):
            status = PaudStatus.MENGIKUTI
        else:
            status = PaudStatus.TIDAK_MENGIKUTI
        r = PaudRecord(
            id=self.uid("2c", plan.child.pk, month),
            child=plan.child,
            month=month,
            visit_date=visit,
            status=status,
        )
        self.stamp(r, visit + timedelta(self.rng.randint(0, 3)))
        return r

    # -- deliberate problems ------------------------------------------------------------------

    def add_problems(self) -> None:
        """A handful of things the KPM and the Admin Desa should find and clean."""
        rng = self.rng
        flat_ids = {p.child.pk for p in self.plans if p.flat}

        def flat_weight(child_id: uuid.UUID) -> bool:  # the girl keeps her curve
            return child_id in flat_ids

        by_child: dict[uuid.UUID, list[ChildVisit]] = {}
        for v in self.child_visits:
            by_child.setdefault(v.child_id, []).append(v)

        # A length shorter than the month before (a mis-read tape).
        pairs = [
            (a, b)
            for visits in by_child.values()
            for a, b in zip(visits, visits[1:], strict=False)
            if a.length_cm is not None and b.length_cm is not None
            and add_months(a.month, 1) == b.month and not flat_weight(a.child_id)
        ]  # fmt: skip
        if pairs:
            _, later = rng.choice(pairs)
            later.length_cm -= Decimal("2.5")

        # A weight typed without its decimal point (8.5 → 85.0): a flagged z.
        weighed = [v for v in self.child_visits if v.weight_kg is not None and v.weight_kg < 10]
        if weighed:
            v = rng.choice(weighed)
            v.weight_kg = v.weight_kg * 10

        # A baby of 5 months measured standing.
        at_five = [
            v
            for v in self.child_visits
            if v.length_cm is not None and age_in_months(v.child.birth_date, v.visit_date) == 5
        ]
        if at_five:
            rng.choice(at_five).measured_lying = False

        # NIK typos the check reports as warnings: a swapped birth day in a mother's NIK,
        # and a child's NIK with a kecamatan code that does not exist.
        # (Not a mother whose newborn carries her NIK in its temporary number: that would be
        # refused, not warned about, when the child is next edited.)
        temp_of = {c.mother_id for c in self.children if c.temp_number}
        with_nik = [m for m in self.mothers if m.nik and m.id not in temp_of]
        if with_nik:
            m = rng.choice(with_nik)
            wrong_day = (m.birth_date.day % 28) + 41
            m.nik = m.nik[:6] + f"{wrong_day:02d}" + m.nik[8:]
        children_nik = [c for c in self.children if c.nik]
        if children_nik:
            c = rng.choice(children_nik)
            c.nik = "1299" + c.nik[4:]

        # A likely duplicate: the same child registered a second time, without NIK.
        babies = [p for p in self.plans if p.child.id in by_child]
        if babies:
            self.duplicate(rng.choice(babies), by_child)

    def duplicate(self, plan: _ChildPlan, by_child: dict) -> None:
        original = plan.child
        # Registered again at a later posyandu day by someone who did not find the first record.
        source = by_child[original.id][-1]
        copy = Child(
            id=self.uid("duplicate", original.pk),
            household=original.household,
            mother=original.mother,
            posyandu=original.posyandu,
            name=original.name,
            sex=original.sex,
            birth_date=original.birth_date,
            health_insurance=original.health_insurance,
        )
        self.stamp(copy, source.visit_date)
        self.children.append(copy)
        if source.visit_date is not None:
            v = ChildVisit(
                id=self.uid("2b", copy.pk, source.month),
                child=copy,
                month=source.month,
                visit_date=source.visit_date,
                posyandu=source.posyandu,
                weight_kg=source.weight_kg,
                length_cm=source.length_cm,
                measured_lying=source.measured_lying,
                growth_mat=source.growth_mat,
                safe_water=source.safe_water,
                latrine=source.latrine,
            )
            self.stamp(v, source.visit_date)
            self.child_visits.append(v)

    # -- writing ------------------------------------------------------------------------------

    def rows(self) -> list[tuple[type, list]]:
        """Every model and its new rows, parents first (the order of their change_seq)."""

        def by_month(records: list) -> list:
            return sorted(records, key=lambda r: r.month)

        return [
            (Household, self.households),
            (Mother, self.mothers),
            (Pregnancy, self.pregnancies),
            (Child, self.children),
            (PregnancyVisit, by_month(self.pregnancy_visits)),
            (ChildVisit, by_month(self.child_visits)),
            (PaudRecord, by_month(self.paud_records)),
        ]


STREETS = (
    "Sisingamangaraja", "Imam Bonjol", "Ahmad Yani", "Lintas Sumatera", "Perkebunan", "Kartini",
    "Diponegoro", "Sudirman", "Pendidikan", "Masjid", "Gereja", "Pasar Lama", "Bilah",
)  # fmt: skip


def _judge_child(visits: list[ChildVisit], table: str) -> None:
    """The stored weighing judgement of one child's records (tikar.monitoring.weighing)."""
    from tikar.growth.weighing import judge_series
    from tikar.monitoring.weighing import series, stored_values

    ordered = sorted(visits, key=lambda v: v.month)
    weighings = series(ordered[0].child.birth_date, ordered)
    for v, j in zip(ordered, judge_series(weighings, table), strict=True):
        for name, value in stored_values(j).items():
            setattr(v, name, value)


def score_visits(visits: list[ChildVisit]) -> None:
    """Set the WHO results of many child records at once, exactly as `ChildVisit.save()` would.

    `ChildVisit.compute_growth()` derives every stored field from `self.score()`, which scores
    one record through `who2006.score_one` (about 0.7 ms each). Here `who2006.compute` scores
    the whole column in one call, each row is turned into the dict `score_one` would have
    returned (the keys `compute_growth` reads), and `compute_growth()` itself runs with that
    dict as its score: one definition of the derived fields, at a fraction of the time.
    """
    if not visits:
        return

    def num(value: Any) -> float:
        return math.nan if value is None else float(value)

    result = who2006.compute(
        ["1" if v.child.sex == "L" else "2" for v in visits],
        [num((v.visit_date - v.child.birth_date).days if v.visit_date else None) for v in visits],
        weight=[num(v.weight_kg) for v in visits],
        lenhei=[num(v.length_cm) for v in visits],
        measure=[{True: "l", False: "h"}.get(v.measured_lying, "") for v in visits],
        headc=[num(v.head_circumference_cm) for v in visits],
        armc=[num(v.muac_cm) for v in visits],
        oedema=["y" if v.oedema else "n" for v in visits],
    )
    py = who2006._py
    categories = {ind: result.categories(ind) for ind in who2006.CATEGORY_CODES}
    for i, v in enumerate(visits):
        age = py(result.age_days[i])
        score: dict[str, Any] = {
            "age_days": None if age is None else int(age),
            "position_warning": bool(result.position_warning[i]),
            "clenhei": py(result.clenhei[i]),
            "cbmi": py(result.cbmi[i]),
        }
        for ind in who2006.INDICATORS:
            score[f"z{ind}"] = py(result.z[ind][i])
            score[f"z{ind}_unrounded"] = py(result.z_unrounded[ind][i])
            flag = py(result.flags[ind][i])
            score[f"f{ind}"] = None if flag is None else int(flag)
            if ind in categories:
                score[f"cat_{ind}"] = categories[ind][i]
        v.score = lambda score=score: score  # type: ignore[method-assign]
        try:
            v.compute_growth()
        finally:
            del v.score


def _write(model: type[models.Model], objs: list) -> None:
    """Insert new rows and their creation history row ("+"), as one save of each would."""
    if not objs:
        return
    fields = list(model._meta.concrete_fields)
    # pre_save fills what a save fills (updated_at's auto_now) on the object itself, so the
    # history row below copies the same values.
    insert_rows(model, fields, ([f.pre_save(o, True) for f in fields] for o in objs))

    history = model.history.model
    tracked = [f.attname for f in history.tracked_fields]
    extra = {
        "history_date": lambda o: o._history_date,
        "history_user_id": lambda o: o._history_user.pk if o._history_user else None,
        "history_type": lambda o: "+",
        "history_change_reason": lambda o: None,
    }
    columns = [
        f
        for f in history._meta.concrete_fields
        if f.attname in tracked or f.attname in extra or not f.primary_key
    ]
    values = []
    for o in objs:
        row = []
        for f in columns:
            if f.attname in extra:
                row.append(extra[f.attname](o))
            elif f.attname in tracked:
                row.append(getattr(o, f.attname))
            else:  # a column of the history model only (changed_after_verification)
                row.append(f.get_default())
        values.append(row)
    insert_rows(history, columns, values)


def _take_change_seqs(n: int) -> int:
    """Reserve n change numbers in one update; returns the first. Call inside the transaction."""
    ChangeCounter.objects.get_or_create(name=CHANGE_COUNTER)
    counters = ChangeCounter.objects.filter(name=CHANGE_COUNTER)
    counters.update(value=F("value") + n)
    return counters.values_list("value", flat=True).get() - n + 1


def _village_user(code: str, role: str) -> User | None:
    return User.objects.filter(region_id=code, role=role, is_active=True).order_by("pk").first()


def populate_village(
    code: str,
    *,
    today: date | None = None,
    households: int | None = None,
    coverage: Coverage | None = None,
    seed: str = SEED,
    months: int = MONTHS,
) -> VillageSummary:
    """Fill one desa (skipped when it already has households); see the module docstring."""
    today = today or timezone.localdate()
    summary = VillageSummary(code, Region.objects.get(code=code).name)
    if Household.objects.filter(village_id=code).exists():
        summary.skipped = True
        return summary
    builder = _VillageBuilder(
        code,
        today=today,
        households=households or HOUSEHOLDS.get(code, DEFAULT_HOUSEHOLDS),
        coverage=coverage or PROFILES.get(code, Coverage()),
        seed=seed,
        months=months,
        kpm=_village_user(code, Role.KPM),
        admin=_village_user(code, Role.VILLAGE_ADMIN),
    )
    builder.build()
    score_visits(builder.child_visits)
    from tikar.growth.standards import kbm_table_for

    table = kbm_table_for(code)
    builder.judge_visits(table)
    builder.override_one_t(table)
    tables = builder.rows()
    with transaction.atomic():
        seq = _take_change_seqs(sum(len(rows) for _, rows in tables))
        for model, rows in tables:
            for row in rows:
                row.change_seq = seq
                seq += 1
            _write(model, rows)
        # Bulk inserts send no post_save signal, so the scorecard's dirty marking would not
        # see these records: mark every quarter of the window, as the saves would have.
        from tikar.calendar import quarter_of
        from tikar.scorecard.refresh import mark_dirty

        quarters = {(m.year, quarter_of(m)) for m in builder.months}
        mark_dirty(code, quarters)
    summary.households = len(builder.households)
    summary.pregnancies = len(builder.pregnancies)
    summary.children = len(builder.children)
    summary.records = (
        len(builder.pregnancy_visits) + len(builder.child_visits) + len(builder.paud_records)
    )
    return summary


def latest_length_for_age(villages: Iterable[str], today: date) -> dict[uuid.UUID, float]:
    """Latest unflagged length-for-age z of each child 0-23 months (on `today`) of the desa."""
    born_after = add_months(today.replace(day=1), -24)
    rows = (
        ChildVisit.objects.alive()
        .filter(village_id__in=list(villages), measured=True, zlen__isnull=False)
        .filter(child__deleted_at__isnull=True, child__birth_date__gte=born_after)
        .order_by("child_id", "month")
        .values_list("child_id", "child__birth_date", "zlen", "flen")
    )
    latest: dict[uuid.UUID, float] = {}
    for child_id, birth, zlen, flagged in rows:
        if age_in_months(birth, today) < 24 and not flagged:
            latest[child_id] = zlen
    return latest


def populate(
    villages: Iterable[str], *, today: date | None = None, seed: str = SEED
) -> PopulationSummary:
    """Fill every desa of `villages`; the summary counts what is in the database afterwards."""
    today = today or timezone.localdate()
    codes = list(villages)
    summary = PopulationSummary()
    for code in codes:
        v = populate_village(code, today=today, seed=seed)
        if v.skipped:  # count what an earlier load wrote
            v.households = Household.objects.alive().filter(village_id=code).count()
            v.pregnancies = Pregnancy.objects.alive().filter(village_id=code).count()
            v.children = Child.objects.alive().filter(village_id=code).count()
            v.records = sum(
                model.objects.alive().filter(village_id=code).count()
                for model in (PregnancyVisit, ChildVisit, PaudRecord)
            )
        summary.villages.append(v)
    latest = latest_length_for_age(codes, today)
    summary.children_0_23 = len(latest)
    summary.stunted_0_23 = sum(z < -2 for z in latest.values())
    return summary
