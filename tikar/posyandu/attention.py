"""Who needs attention at the posyandu, and why: pure rules, no Django.

The reasons and their codes are fixed by the issue-10 contract (§3) and ported to JavaScript by
the offline field app, which tests agreement with this module; keep the signatures simple:

- `child_reasons(child: ChildFacts, today) -> list[Reason]`
- `pregnancy_reasons(p: PregnancyFacts, today) -> list[Reason]`
- `Reason(code, text, level)`: `text` in Bahasa Indonesia says why, with the numbers (decimal
  comma) and months in Indonesian; `level` is "rujuk" (refer to the bidan/puskesmas) or "ingat"
  (remind the family).
- `whatsapp_link(phone, text) -> str`, `reminder_text(item) -> str`.

Sources of the rules: spec/posyandu.md (2T, BGM, KEK LiLA < 23,5 cm; Buku KIA 2023 and KMS
practice), growth.md (stunting = PB/U or TB/U < −2 SD, wasting = BB/PB or BB/TB < −2 SD, a WHO
flag makes a z unusable), the scorecard's nifas window (42 days, delivery day = day 0) and the
routine immunisation schedule of `data/immunisation.json` (Permenkes 12/2017, Buku KIA).

Readings chosen here (docs/posyandu.md, section B):
- "latest weighing" / "latest measurement": the latest month record with a weight (a length) in
  the current or the previous calendar month; older ones do not make a child "need attention
  now" (the not-weighed reason covers those children).
- "stunting sejak <bulan>": the first month the child was ever measured stunted.
- Every z compared is the stored rounded z (2 decimals); exactly −2,00 is not stunted, exactly
  −3,00 is not BGM.
- Wasting's words follow Permenkes 2/2020 on BB/PB (BB/TB): −3 ≤ z < −2 "gizi kurang", z < −3
  "gizi buruk" (exactly −3,00 is gizi kurang). Stunting's words name no category.

`ChildFacts.before` / `PregnancyFacts.before` (optional, the server never sets them): a summary
of the records older than the ones given, for the offline field app, whose first download holds
only the last 6 months (tikar/sync/download.py `before_window`, docs/offline.md "Snapshot").
The rules read it only where the given records do not reach back: the last weighing is the later
of the two, the first stunted (wasted) month the earlier, the last immunisation answer the later.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal, InvalidOperation
from functools import cache
from pathlib import Path
from urllib.parse import quote

from tikar.calendar import POSTNATAL_DAYS, day_name, month_name, months_between
from tikar.growth.weighing import T, is_bgm
from tikar.monitoring.rules import age_on, id_decimal

__all__ = [
    "CODES",
    "Dose",
    "INGAT",
    "KEK_MUAC_BELOW_CM",
    "RUJUK",
    "AttentionItem",
    "ChildBefore",
    "ChildFacts",
    "ChildMonth",
    "PregnancyBefore",
    "PregnancyFacts",
    "PregnancyMonth",
    "Reason",
    "child_reasons",
    "due_vaccines",
    "immunisation_schedule",
    "pregnancy_reasons",
    "reminder_text",
    "sort_items",
    "wa_phone",
    "whatsapp_link",
]

RUJUK, INGAT = "rujuk", "ingat"
# Every code in the order a line shows them (rujuk first within each target kind).
CODES = (
    "two_t",
    "bgm",
    "stunted_new",
    "wasted_new",
    "kek",
    "risti",
    "t",
    "stunted",
    "wasted",
    "not_weighed",
    "immunisation",
    "due_soon",
    "due_passed",
    "postnatal_due",
)
BALITA_MONTHS = 60  # 0-59 completed months (e-PPGBM, spec/posyandu.md)
STUNTED_BELOW_Z = -2.0
WASTED_BELOW_Z = -2.0
SEVERE_BELOW_Z = -3.0  # Permenkes 2/2020: BB/PB (BB/TB) < -3 SD gizi buruk
KEK_MUAC_BELOW_CM = Decimal("23.5")
NOT_WEIGHED_MONTHS = 2
DUE_SOON_DAYS = 14
MEASLES_MONTHS = (9, 11)  # campak-rubela due from 9 months
BASIC_COMPLETE_MONTHS = (12, 23)  # imunisasi dasar lengkap by 12 months
IMMUNISATION_BELOW_MONTHS = 24  # immunisation reasons for 0-23 months only

_DATA = Path(__file__).resolve().parent / "data" / "immunisation.json"


@dataclass(frozen=True, slots=True)
class Reason:
    """One reason a target needs attention: `code` of CODES, `text` in Indonesian, `level`."""

    code: str
    text: str
    level: str


@dataclass(frozen=True, slots=True)
class ChildMonth:
    """A child's monthly record (ChildVisit) as the rules read it. `month` is the 1st.

    `weight_kg` None when not weighed; `weight_gain` "N"/"T"/"O"/"B"/"" and `two_t`,
    `weight_gain_g`, `weight_gain_kbm_g` as stored (tikar.growth.weighing); z-scores rounded to
    2 decimals with their WHO flags (`flen`, `fwfl` True = implausible); `length_cm` None when
    not measured; the immunisation answers are None when not asked.
    """

    month: date
    weight_kg: Decimal | float | None = None
    weight_gain: str = ""
    weight_gain_g: int | None = None
    weight_gain_kbm_g: int | None = None
    two_t: bool = False
    zwei: float | None = None
    oedema: bool | None = None
    length_cm: Decimal | float | None = None
    zlen: float | None = None
    flen: bool | None = None
    zwfl: float | None = None
    fwfl: bool | None = None
    immunisation_up_to_date: bool | None = None
    immunisation_basic_complete: bool | None = None
    immunisation_measles: bool | None = None


@dataclass(frozen=True, slots=True)
class ChildBefore:
    """What a child's records older than `ChildFacts.months` say (None / False: nothing):
    `weighed` the month of the last weighing, `stunted` / `wasted` the first month with a usable
    z below -2 SD (stored z, not flagged), `immunisation_month` and `immunisation_up_to_date` the
    last "imunisasi sesuai umur" answer, `measles` / `basic_complete` True when answered yes."""

    weighed: date | None = None
    stunted: date | None = None
    wasted: date | None = None
    immunisation_month: date | None = None
    immunisation_up_to_date: bool | None = None
    measles: bool = False
    basic_complete: bool = False


@dataclass(frozen=True, slots=True)
class ChildFacts:
    """A child and every alive monthly record (any order). `sex` "L" or "P". `before`: only the
    offline field app's summary of older records it does not hold (module docstring)."""

    birth: date
    sex: str = ""
    name: str = ""
    months: Sequence[ChildMonth] = ()
    before: ChildBefore | None = None


@dataclass(frozen=True, slots=True)
class PregnancyMonth:
    """A pregnancy's monthly record (PregnancyVisit): LiLA in cm (None when not measured), the
    postnatal checks counted that month, and the risk status the bidan set ("" if unknown)."""

    month: date
    muac_cm: Decimal | float | None = None
    postnatal_checks: int = 0
    risk_status: str = ""


@dataclass(frozen=True, slots=True)
class PregnancyBefore:
    """What a pregnancy's records older than `PregnancyFacts.visits` say: the last LiLA and its
    month, the month and risk status of the last record, the postnatal checks they counted."""

    muac_cm: Decimal | float | None = None
    muac_month: date | None = None
    visit_month: date | None = None
    risk_status: str = ""
    postnatal_checks: int = 0


@dataclass(frozen=True, slots=True)
class PregnancyFacts:
    """A pregnancy: HPL (`due_date`), `delivery_date` (None: not delivered), the register's
    `risk_status` ("normal" | "risti" | "kek"), its monthly records, and the kabupaten's
    postnatal standard (3 or 4 checks within 42 days)."""

    due_date: date | None = None
    delivery_date: date | None = None
    risk_status: str = "normal"
    visits: Sequence[PregnancyMonth] = ()
    pnc_standard: int = 3
    name: str = ""
    before: PregnancyBefore | None = None


@dataclass(frozen=True, slots=True)
class AttentionItem:
    """One line of the attention list. `kind` "child" | "pregnancy"; `url` the target page;
    `phone` the mother's phone ("" when unknown); `age` e.g. "14 bulan" or "hamil"/"nifas"."""

    kind: str
    id: str
    name: str
    reasons: tuple[Reason, ...]
    posyandu: str = ""
    posyandu_id: str = ""
    dusun: str = ""
    rt: str = ""
    url: str = ""
    phone: str = ""
    mother: str = ""
    age: str = ""
    village: str = ""

    @property
    def level(self) -> str:
        return RUJUK if any(r.level == RUJUK for r in self.reasons) else INGAT

    @property
    def whatsapp(self) -> str:
        return whatsapp_link(self.phone, reminder_text(self))


# --------------------------------------------------------------------------------------------
# Helpers


def _month_start(day: date) -> date:
    return day.replace(day=1)


def _previous_month(month: date) -> date:
    return date(month.year - 1, 12, 1) if month.month == 1 else date(month.year, month.month - 1, 1)


def _tenths(value: Decimal | float | str | None) -> int | None:
    """A measurement in tenths (23.4 → 234), so float noise never moves a boundary."""
    if value is None or value == "":
        return None
    try:
        d = Decimal(str(value))
    except InvalidOperation:
        return None
    if not d.is_finite():
        return None
    return int((d * 10).to_integral_value(rounding="ROUND_HALF_UP"))


def _z(value: float | None) -> str:
    return id_decimal(value, 2)


def _kg(value: Decimal | float | None) -> str:
    return id_decimal(value, 1)


def _grams(value: int) -> str:
    return f"{value:+d} g".replace("+0 g", "0 g")


def _length_label(birth: date, month: date) -> str:
    """PB/U under 24 months (measured lying), TB/U from 24 months (growth.md)."""
    return "PB/U" if age_on(birth, month).months < 24 else "TB/U"


def _wfl_label(birth: date, month: date) -> str:
    return "BB/PB" if age_on(birth, month).months < 24 else "BB/TB"


# --------------------------------------------------------------------------------------------
# Immunisation schedule (data)


@dataclass(frozen=True, slots=True)
class Dose:
    vaccine: str
    dose: int
    age_months: int
    booster: bool = False


@cache
def immunisation_schedule() -> tuple[str, tuple[Dose, ...]]:
    """(source, doses) of `data/immunisation.json`, doses in age order."""
    raw = json.loads(_DATA.read_text(encoding="utf-8"))
    doses = tuple(
        Dose(d["vaccine"], int(d["dose"]), int(d["age_months"]), bool(d.get("booster", False)))
        for d in raw["doses"]
    )
    return raw["source"], tuple(sorted(doses, key=lambda d: d.age_months))


def due_vaccines(age_months: int) -> list[str]:
    """The vaccines scheduled up to `age_months`, grouped: ["HB0", "BCG", "Polio 1–4", ...].

    A vaccine with a single dose number 0 or 1 shows its name only when it has one dose in the
    whole schedule (BCG, HB0); else "Polio 1" or "Polio 1–4".
    """
    _, doses = immunisation_schedule()
    counts: dict[str, int] = {}
    for d in doses:
        counts[d.vaccine] = counts.get(d.vaccine, 0) + 1
    due: dict[str, list[int]] = {}
    for d in doses:
        if d.age_months <= age_months:
            due.setdefault(d.vaccine, []).append(d.dose)
    out = []
    for vaccine, numbers in due.items():
        if counts[vaccine] == 1:
            out.append(vaccine)
        elif len(numbers) == 1:
            out.append(f"{vaccine} {numbers[0]}")
        else:
            out.append(f"{vaccine} {min(numbers)}–{max(numbers)}")
    return out


# --------------------------------------------------------------------------------------------
# Children


def child_reasons(child: ChildFacts, today: date) -> list[Reason]:
    """Why a balita (0-59 completed months on `today`) needs attention; [] when nothing.

    A child not yet born on `today` or 60 months or older gets []. Reasons come in CODES order.
    """
    if child.birth > today:
        return []
    age = age_on(child.birth, today).months
    if age >= BALITA_MONTHS:
        return []
    this_month = _month_start(today)
    recent = {this_month, _previous_month(this_month)}
    months = sorted(child.months, key=lambda m: m.month)
    weighed = [m for m in months if m.weight_kg is not None]
    before = child.before or ChildBefore()
    out: dict[str, Reason] = {}

    latest = next((m for m in reversed(weighed) if m.month in recent), None)
    if latest is not None:
        when = month_name(latest.month)
        if latest.weight_gain == T and latest.two_t:
            out["two_t"] = Reason(
                "two_t",
                f"2T: berat badan tidak naik 2 kali penimbangan berturut-turut ({when}: "
                f"{_kg(latest.weight_kg)} kg{_gain_text(latest)})",
                RUJUK,
            )
        elif latest.weight_gain == T:
            out["t"] = Reason(
                "t",
                f"Berat badan tidak naik (T) pada {when}: {_kg(latest.weight_kg)} kg"
                f"{_gain_text(latest)}",
                INGAT,
            )
        if is_bgm(latest.zwei, latest.oedema):
            if latest.oedema:
                text = f"BGM: ada edema pada {when}"
            else:
                text = f"BGM: BB/U {_z(latest.zwei)} SD pada {when} (di bawah -3 SD)"
            out["bgm"] = Reason("bgm", text, RUJUK)

    _z_reason(
        out,
        child,
        months,
        recent,
        code="stunted",
        z_of=lambda m: m.zlen,
        flag_of=lambda m: m.flen,
        below=STUNTED_BELOW_Z,
        word=lambda z: "Stunting",
        label=_length_label,
        first_before=before.stunted,
    )
    _z_reason(
        out,
        child,
        months,
        recent,
        code="wasted",
        z_of=lambda m: m.zwfl,
        flag_of=lambda m: m.fwfl,
        below=WASTED_BELOW_Z,
        word=_wasting_word,
        label=_wfl_label,
        first_before=before.wasted,
    )

    if age >= 1:
        last = weighed[-1].month if weighed else None
        if before.weighed is not None and (last is None or _month_start(before.weighed) > last):
            last = _month_start(before.weighed)
        start = _month_start(child.birth)
        if last is not None:
            start = max(start, _next_month(last))
        missed = months_between(start, this_month) + 1
        if missed >= NOT_WEIGHED_MONTHS:
            since = (
                f"terakhir ditimbang {month_name(last)}"
                if last is not None
                else "belum pernah ditimbang"
            )
            out["not_weighed"] = Reason(
                "not_weighed", f"Tidak ditimbang {missed} bulan ({since})", INGAT
            )

    imm = _immunisation_text(months, age, before)
    if imm:
        out["immunisation"] = Reason("immunisation", imm, INGAT)
    return [out[c] for c in CODES if c in out]


def _next_month(month: date) -> date:
    return date(month.year + 1, 1, 1) if month.month == 12 else date(month.year, month.month + 1, 1)


def _gain_text(m: ChildMonth) -> str:
    if m.weight_gain_g is None:
        return ""
    text = f", {_grams(m.weight_gain_g)} dari bulan lalu"
    if m.weight_gain_kbm_g is not None:
        text += f", minimal naik {m.weight_gain_kbm_g} g"
    return text


def _z_reason(
    out: dict[str, Reason],
    child: ChildFacts,
    months: list[ChildMonth],
    recent: set[date],
    *,
    code: str,
    z_of,
    flag_of,
    below: float,
    word,
    label,
    first_before: date | None = None,
) -> None:
    """`<code>_new` (rujuk) or `<code>` (ingat) from the latest usable z of the recent months.
    `word(z)` names the finding; `first_before` the first such month of older records."""
    usable = [m for m in months if z_of(m) is not None and not flag_of(m)]
    latest = next((m for m in reversed(usable) if m.month in recent), None)
    if latest is None or not z_of(latest) < below:
        return
    earlier = [m.month for m in usable if m.month < latest.month and z_of(m) < below]
    if first_before is not None and _month_start(first_before) < latest.month:
        earlier = sorted([*earlier, _month_start(first_before)])
    z = z_of(latest)
    what = f"{label(child.birth, latest.month)} {_z(z)} SD pada {month_name(latest.month)}"
    if earlier:
        since = month_name(earlier[0])
        out[code] = Reason(code, f"{word(z)} sejak {since}: {what}", INGAT)
    else:
        out[f"{code}_new"] = Reason(
            f"{code}_new", f"{word(z)} baru: {what}, sebelumnya tidak", RUJUK
        )


def _wasting_word(z: float) -> str:
    """Permenkes 2/2020, BB/PB (BB/TB): [-3, -2) gizi kurang, < -3 gizi buruk."""
    return "Wasting (gizi buruk)" if z < SEVERE_BELOW_Z else "Wasting (gizi kurang)"


def _immunisation_text(months: list[ChildMonth], age: int, before: ChildBefore) -> str:
    """The immunisation reason's text, "" when none. Only under 24 months: the routine schedule
    ends with the 18-month boosters, and from 24 months the monthly record is weighing only
    (no immunisation answer can be updated, so an old "not up to date" would never clear)."""
    if age >= IMMUNISATION_BELOW_MONTHS:
        return ""
    parts = []
    answered = [
        (m.month, m.immunisation_up_to_date)
        for m in months
        if m.immunisation_up_to_date is not None
    ]
    if before.immunisation_month is not None and before.immunisation_up_to_date is not None:
        older = (_month_start(before.immunisation_month), before.immunisation_up_to_date)
        if not answered or older[0] > answered[-1][0]:
            answered.append(older)
    if answered and answered[-1][1] is False:
        parts.append(
            f"Imunisasi belum sesuai umur ({month_name(answered[-1][0])}); "
            f"jadwal sampai umur {age} bulan: {', '.join(due_vaccines(age))}"
        )
    if (
        MEASLES_MONTHS[0] <= age <= MEASLES_MONTHS[1]
        and not before.measles
        and not any(m.immunisation_measles is True for m in months)
    ):
        parts.append(f"Campak-Rubela belum tercatat (jadwal umur 9 bulan, sekarang {age} bulan)")
    if (
        BASIC_COMPLETE_MONTHS[0] <= age <= BASIC_COMPLETE_MONTHS[1]
        and not before.basic_complete
        and not any(m.immunisation_basic_complete is True for m in months)
    ):
        parts.append(f"Imunisasi dasar lengkap belum tercatat (umur {age} bulan)")
    return "; ".join(parts)


# --------------------------------------------------------------------------------------------
# Pregnancies


def pregnancy_reasons(p: PregnancyFacts, today: date) -> list[Reason]:
    """Why a pregnant woman or ibu nifas needs attention; [] when nothing or no longer a target
    (more than 42 days after delivery). Reasons come in CODES order."""
    if p.delivery_date is not None and (today - p.delivery_date).days > POSTNATAL_DAYS:
        return []
    visits = sorted(p.visits, key=lambda v: v.month)
    before = p.before or PregnancyBefore()
    out: dict[str, Reason] = {}

    measured = [(v.month, v.muac_cm) for v in visits if _tenths(v.muac_cm) is not None]
    older = before.muac_month is not None and _tenths(before.muac_cm) is not None
    if older and (not measured or _month_start(before.muac_month) > measured[-1][0]):
        measured.append((_month_start(before.muac_month), before.muac_cm))
    if measured and _tenths(measured[-1][1]) < _tenths(KEK_MUAC_BELOW_CM):
        month, muac = measured[-1]
        out["kek"] = Reason(
            "kek",
            f"KEK: LiLA {id_decimal(muac, 1)} cm pada {month_name(month)} (di bawah 23,5 cm)",
            RUJUK,
        )
    # The register's status or the latest monthly record's: either may be the newer one.
    last_risk = visits[-1].risk_status if visits else ""
    if before.visit_month is not None and (
        not visits or _month_start(before.visit_month) > visits[-1].month
    ):
        last_risk = before.risk_status
    risks = {p.risk_status, last_risk}
    if "risti" in risks:
        out["risti"] = Reason("risti", "Risiko tinggi (risti) menurut bidan", RUJUK)
    if "kek" in risks and "kek" not in out:
        out["kek"] = Reason("kek", "KEK menurut bidan", RUJUK)

    if p.delivery_date is None and p.due_date is not None:
        days = (p.due_date - today).days
        if 0 <= days <= DUE_SOON_DAYS:
            when = "hari ini" if days == 0 else f"{days} hari lagi"
            out["due_soon"] = Reason("due_soon", f"HPL {day_name(p.due_date)} ({when})", INGAT)
        elif days < 0:
            out["due_passed"] = Reason(
                "due_passed",
                f"HPL {day_name(p.due_date)} sudah lewat {-days} hari, persalinan belum dicatat",
                INGAT,
            )
    if p.delivery_date is not None and today >= p.delivery_date:
        checks = sum(v.postnatal_checks or 0 for v in visits) + (before.postnatal_checks or 0)
        if checks < p.pnc_standard:
            day = (today - p.delivery_date).days
            end = p.delivery_date + timedelta(days=POSTNATAL_DAYS)
            out["postnatal_due"] = Reason(
                "postnatal_due",
                f"Pemeriksaan nifas {checks} dari {p.pnc_standard} kali "
                f"(hari ke-{day} setelah melahirkan, sampai {day_name(end)})",
                INGAT,
            )
    return [out[c] for c in CODES if c in out]


# --------------------------------------------------------------------------------------------
# WhatsApp and sorting


def wa_phone(phone: str | None) -> str:
    """An Indonesian phone as wa.me wants it: digits with country code 62; "" when unusable.

    "0812-3456-789" → "628123456789"; "+62 812…" → "62812…"; "812…" → "62812…".
    """
    digits = re.sub(r"\D", "", phone or "")
    if digits.startswith("62"):
        pass
    elif digits.startswith("0"):
        digits = "62" + digits[1:]
    elif digits.startswith("8"):
        digits = "62" + digits
    else:
        return ""
    return digits if 10 <= len(digits) <= 15 else ""


def whatsapp_link(phone: str | None, text: str) -> str:
    """`https://wa.me/62…?text=<urlencoded>`; without a usable phone `https://wa.me/?text=…`
    (WhatsApp then asks whom to send it to)."""
    return f"https://wa.me/{wa_phone(phone)}?text={quote(text, safe='')}"


_FAMILY = {
    "two_t": "berat badannya belum naik dua kali penimbangan; mohon dibawa ke bidan/puskesmas",
    "t": "berat badannya belum naik bulan ini; mohon datang ke posyandu untuk konseling gizi",
    "bgm": "berat badannya di bawah garis merah; mohon segera dibawa ke puskesmas",
    "stunted_new": "tinggi badannya kurang untuk umurnya; mohon diperiksakan ke bidan/puskesmas",
    "stunted": "perlu dipantau pertumbuhan tinggi badannya setiap bulan di posyandu",
    "wasted_new": "berat badannya kurang untuk tingginya; mohon diperiksakan ke puskesmas",
    "wasted": "perlu dipantau berat badannya setiap bulan di posyandu",
    "not_weighed": "sudah lama belum ditimbang; mohon datang ke posyandu bulan ini",
    "immunisation": "ada imunisasi yang perlu dilengkapi; mohon datang ke posyandu",
    "kek": "LiLA ibu di bawah 23,5 cm; mohon periksa ke bidan untuk makanan tambahan",
    "risti": "kehamilan berisiko tinggi; mohon periksa rutin ke bidan",
    "due_soon": "hari perkiraan lahir sudah dekat; siapkan persalinan di fasilitas kesehatan",
    "due_passed": "hari perkiraan lahir sudah lewat; mohon kabari kader atau bidan",
    "postnatal_due": "pemeriksaan nifas ibu dan bayi perlu dilengkapi; mohon periksa ke bidan",
}


def reminder_text(item: AttentionItem) -> str:
    """The prefilled WhatsApp reminder for the family (Indonesian, no z-scores or jargon)."""
    who = f"Ibu {item.mother or item.name}" if item.kind == "pregnancy" else f"{item.name}"
    lines = [f"Salam, Bapak/Ibu. Pengingat dari kader posyandu untuk {who}:"]
    lines += [f"- {_FAMILY.get(r.code, r.text)}" for r in item.reasons]
    if item.posyandu:
        lines.append(f"Posyandu: {item.posyandu}. Terima kasih.")
    else:
        lines.append("Terima kasih.")
    return "\n".join(lines)


def sort_items(items: Sequence[AttentionItem]) -> list[AttentionItem]:
    """Rujuk first, then by posyandu, name (case-insensitive), id."""
    return sorted(
        items,
        key=lambda i: (i.level != RUJUK, i.posyandu.lower(), i.name.lower(), i.id),
    )
