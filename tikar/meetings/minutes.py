"""What the Berita Acara Rembuk Stunting Desa says, assembled from a `VillageMeeting`.

The print page, the PDF and the XLSX read one `Minutes` (built by `build()`), so that they say
the same thing; templates only lay it out. Field list: ../shared/spec/rembuk.md "Berita Acara
(fields)"; the order is the order in which a secretary writes them (docs/rembuk.md, 11c).

Rupiah are whole numbers shown as "Rp 1.500.000" (Indonesian grouping with a dot); times as
"09.00" (Indonesian style) followed by the village's time zone (WIB / WITA / WIT, read from the
province code: Permendagri/Keppres 41/1987 on the three time zones).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, time
from decimal import Decimal
from typing import Any

from django.utils.formats import date_format
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from tikar.meetings import totals
from tikar.meetings.models import (
    FundingSource,
    Participant,
    Proposal,
    ServicePackage,
    VillageMeeting,
)
from tikar.meetings.terms import BudgetTerms, budget_terms
from tikar.regions.models import Region

# Keppres 41/1987: WITA for Bali, Nusa Tenggara, South/East/North Kalimantan and Sulawesi; WIT
# for Maluku and Papua; WIB for the rest (Sumatra, Java, West and Central Kalimantan).
WITA_PROVINCES = frozenset({"51", "52", "53", "63", "64", "65", "71", "72", "73", "74", "75", "76"})
WIT_PROVINCES = frozenset({"81", "82", "91", "92", "93", "94", "95", "96", "97"})

GAPS_SHOWN = 5

# The most characters of one free-text field (facilitators, agenda, commitments) printed in the
# Berita Acara. The fields have no limit; a 100,000-character paste would make a PDF of dozens
# of pages and take WeasyPrint tens of seconds. 4,000 characters is about two printed pages at
# 9.5 pt; what is cut is said in the document (the full text stays on the meeting page).
TEXT_PRINTED = 4000
LINE_PRINTED = 1000  # one agenda item or name longer than this is cut too

# A number a secretary typed before an item ("1.", "2)", "a.", "b)") or a bullet ("-", "•",
# "*", "–"), which the document's own list would number again ("1. 1. Pembukaan"). Only one
# lowercase letter: "H. Ahmad" (Haji) and "dr. Hasan" are names, not list markers; a number
# needs the space after it, so "1.000 HPK" keeps its digits.
# Also "5 . x", "(4) x" and "3 - x" (found by the second tester); "3-4 Agustus" keeps its
# digits (no space after the dash). ASCII digits only: `\d` would take "٣".
LIST_MARKER = re.compile(
    r"^(?:(?:[0-9]{1,3}|[a-z])\s*[.)](?:\s+|$)"
    r"|\((?:[0-9]{1,3}|[a-z])\)\s*"
    r"|[0-9]{1,3}\s*[-–—]\s+"
    r"|[-•*–—·]\s*)"
)


def time_zone(village_code: str) -> str:
    """ "WIB", "WITA" or "WIT" for a region code (its first two digits are the province)."""
    province = village_code[:2]
    if province in WIT_PROVINCES:
        return "WIT"
    if province in WITA_PROVINCES:
        return "WITA"
    return "WIB"


def rupiah(value: int | Decimal | None) -> str:
    """ "Rp 1.500.000"; "" for None. Whole rupiah (APBDes amounts have no cents)."""
    if value is None:
        return ""
    return "Rp " + number(int(value))


def number(value: Decimal | int | str | None, places: int | None = None) -> str:
    """Every number of the Berita Acara as Indonesians write it: "1.234", "2,5", "57,89".

    Thousands grouped with a dot, a decimal comma (PUEBI). `places=None`: no trailing zeros
    (volumes, the stunting target "14,5"); `places=2`: exactly two decimals, as the scorecard
    gives percentages ("75,00"). `value` may be the scorecard snapshot's string ("55.48").
    "" for None or a text that is not a number.
    """
    if value is None or value == "":
        return ""
    try:
        dec = Decimal(str(value))
    except ArithmeticError:
        return ""
    if not dec.is_finite():
        return ""
    if places is not None:
        text = format(dec, f".{places}f")
    else:
        text = format(dec, "f")
        if "." in text:
            text = text.rstrip("0").rstrip(".")
    sign = "-" if text.startswith("-") else ""
    whole, _sep, frac = text.lstrip("-").partition(".")
    return sign + f"{int(whole):,}".replace(",", ".") + ("," + frac if frac else "")


def percent(value: Decimal | int | str | None) -> str:
    """ "57,89%" from the snapshot's "57.89"; "-" when there is no percentage (no target)."""
    text = number(value, places=2)
    return f"{text}%" if text else "-"


def breakable(text: str) -> SafeString:
    """`text` escaped, with a line-break opportunity (HTML <wbr>) after each thousands dot
    between digits, so that a 10-digit volume ("9.999.999.999,99 paket") wraps inside the
    narrow volume column of the printed list instead of running into the next one."""
    html = re.sub(r"(?<=\d)\.(?=\d{3})", ".<wbr>", str(escape(text)))
    return mark_safe(html)  # noqa: S308 - escaped above; only <wbr> added


def clock_time(t: time) -> str:
    return f"{t:%H.%M}"


def time_range(start: time | None, end: time | None, zone: str) -> str:
    """ "09.00–12.30 WIB", "09.00 WIB" (no end), or "" (no start)."""
    if start is None:
        return ""
    if end is None:
        return f"{clock_time(start)} {zone}"
    return f"{clock_time(start)}–{clock_time(end)} {zone}"


def lines(text: str) -> list[str]:
    """A text field as its non-empty lines (agenda items, facilitators), each without the
    number or bullet typed before it (`LIST_MARKER`): the document numbers them itself."""
    out = []
    for line in (text or "").splitlines():
        item = LIST_MARKER.sub("", line.strip(), count=1).strip()
        if item:
            out.append(item)
    return out


@dataclass
class PrintedLines:
    """The lines of one free-text field as printed: at most `TEXT_PRINTED` characters in all
    and `LINE_PRINTED` per line; `cut` says whether anything was left out."""

    items: list[str]
    cut: bool

    def __iter__(self):  # the template loops over it like a list
        return iter(self.items)

    def __len__(self) -> int:
        return len(self.items)

    def __bool__(self) -> bool:
        return bool(self.items)


def printed_lines(text: str) -> PrintedLines:
    """`lines(text)` capped for print (TEXT_PRINTED, LINE_PRINTED), marking a cut line with "…"."""
    items: list[str] = []
    used = 0
    cut = False
    for item in lines(text):
        if used >= TEXT_PRINTED:
            cut = True
            break
        room = min(LINE_PRINTED, TEXT_PRINTED - used)
        if len(item) > room:
            item = item[:room].rstrip() + "…"
            cut = True
        items.append(item)
        used += len(item)
    return PrintedLines(items, cut)


# --------------------------------------------------------------------------------------------
# The data presented: from the frozen scorecard snapshot (report.scorecard_data()'s shape)


def _group_labels() -> dict[str, str]:
    return {
        "pregnancy": _("Pregnant women"),
        "child": _("Children 0-23 months"),
        "paud": _("Children 2-6 years (PAUD)"),
    }


def largest_gaps(snapshot: dict[str, Any], n: int = GAPS_SHOWN) -> list[dict[str, Any]]:
    """The `n` indicators with the most targets not served, from table 3 of the snapshot.

    Not served = targets for whom the indicator applies (denominator) minus those who
    received it. Ties: the lower coverage first, then the form's order. Indicators with no
    target not served are left out. Each item: group, group_label, number, text, denominator,
    received, not_served, percent (str with 2 decimals or None).
    """
    labels = _group_labels()
    found = []
    order = 0
    for group, rows in (snapshot.get("table3_indicators") or {}).items():
        for row in rows or []:
            order += 1
            denominator = int(row.get("denominator") or 0)
            received = int(row.get("received") or 0)
            not_served = max(denominator - received, 0)
            if not_served <= 0:
                continue
            pct = row.get("percent")
            found.append(
                {
                    "group": group,
                    "group_label": labels.get(group, group),
                    "number": row.get("number"),
                    "text": row.get("text", ""),
                    "denominator": denominator,
                    "received": received,
                    "not_served": not_served,
                    "percent": pct,
                    "not_served_text": number(not_served),
                    "denominator_text": number(denominator),
                    "percent_text": percent(pct),
                    "_sort": (-not_served, Decimal(pct) if pct is not None else Decimal(0), order),
                }
            )
    found.sort(key=lambda g: g["_sort"])
    for g in found:
        del g["_sort"]
    return found[:n]


@dataclass
class DataPresented:
    quarter: int
    year: int
    quarter_roman: str
    provisional_note: str | None
    validated: bool
    households: int
    pregnancies: int
    children: int
    stunting: int
    convergence: list[dict[str, Any]]  # label, received, expected, percent, *_text
    gaps: list[dict[str, Any]]
    intro: str = ""  # "Dipaparkan scorecard … kuartal II 2026 (belum divalidasi)."

    @property
    def households_text(self) -> str:
        return number(self.households)

    @property
    def pregnancies_text(self) -> str:
        return number(self.pregnancies)

    @property
    def children_text(self) -> str:
        return number(self.children)

    @property
    def stunting_text(self) -> str:
        return number(self.stunting)


def _intro(quarter_roman: str, year: int, validated: bool, provisional_note: str | None) -> str:
    """The sentence before the figures. The quarter's state goes in brackets after the quarter
    ("kuartal II 2026 (belum divalidasi)"), never after a colon."""
    status = []
    if not validated:
        status.append(_("not yet validated"))
    if provisional_note:
        note = str(provisional_note)
        status.append(note[:1].lower() + note[1:])
    if status:
        return _(
            "The village's convergence scorecard (Formulir 4) of quarter %(q)s %(y)s "
            "(%(status)s) was presented."
        ) % {"q": quarter_roman, "y": year, "status": "; ".join(status)}
    return _(
        "The village's convergence scorecard (Formulir 4) of quarter %(q)s %(y)s was presented."
    ) % {"q": quarter_roman, "y": year}


def data_presented(meeting: VillageMeeting) -> DataPresented | None:
    """What the meeting saw, or None when no scorecard was frozen into the meeting."""
    snap = meeting.scorecard_snapshot
    if not snap or not isinstance(snap, dict):
        return None
    header = snap.get("header") or {}
    t1 = snap.get("table1_targets") or {}
    t4 = snap.get("table4_convergence") or {}
    labels = _group_labels()
    convergence = []
    for key, label in (
        ("pregnancy", labels["pregnancy"]),
        ("child", labels["child"]),
        ("total", _("Village total")),
    ):
        row = t4.get(key) or {"received": 0, "expected": 0, "percent": None}
        convergence.append(
            {
                "label": label,
                **row,
                "received_text": number(row.get("received") or 0),
                "expected_text": number(row.get("expected") or 0),
                "percent_text": percent(row.get("percent")),
            }
        )
    quarter = int(header.get("quarter") or meeting.scorecard_quarter or 0)
    year = int(header.get("year") or meeting.scorecard_year or 0)
    quarter_roman = header.get("quarter_roman") or {1: "I", 2: "II", 3: "III", 4: "IV"}.get(
        quarter, str(quarter)
    )
    provisional_note = snap.get("provisional_note") if snap.get("provisional") else None
    validated = bool(snap.get("validated"))
    return DataPresented(
        intro=_intro(quarter_roman, year, validated, provisional_note),
        quarter=quarter,
        year=year,
        quarter_roman=quarter_roman,
        provisional_note=provisional_note,
        validated=validated,
        households=int(t1.get("households") or 0),
        pregnancies=int(t1.get("pregnancies") or 0),
        children=int(t1.get("children") or 0),
        stunting=int(t1.get("stunting") or 0),
        convergence=convergence,
        gaps=largest_gaps(snap),
    )


# --------------------------------------------------------------------------------------------
# The document


@dataclass
class ProposalLine:
    no: int
    activity: str
    target_group: str
    package: int
    package_label: str
    kind_label: str
    dusun: str
    volume: Decimal | None
    volume_text: str
    unit: str
    estimated_cost: int
    cost_text: str
    funding_source: str
    source_label: str
    implementer: str
    timing: str
    activity_code: str
    stage: str
    stage_label: str
    planned_amount: int | None
    allocated_amount: int | None
    realised_amount: int | None

    @property
    def volume_html(self) -> SafeString:
        return breakable(self.volume_text)


@dataclass
class TotalLine:
    label: str
    proposals: int
    cost_text: str
    estimated_cost: int

    @property
    def proposals_text(self) -> str:
        return number(self.proposals)


@dataclass
class Minutes:
    meeting: VillageMeeting
    terms: BudgetTerms
    regency: str
    district: str
    village: str  # "Desa Sibargot" / "Kelurahan Negeri Lama"
    village_name: str
    title: str
    plan_line: str
    opening: str
    day: str
    date_text: str
    time_text: str
    facilitators: PrintedLines
    agenda: PrintedLines
    data: DataPresented | None
    proposals: list[ProposalLine]
    by_package: list[TotalLine]
    by_source: list[TotalLine]
    total_cost: int
    total_cost_text: str
    path: totals.PathTotals
    quarterly_coordination: bool
    target_text: str
    commitments: PrintedLines
    signers: list[Participant]
    head_title: str
    head_name: str
    place_date: str
    participants: list[Participant]
    count_male: int = 0
    count_female: int = 0

    @property
    def proposals_count_text(self) -> str:
        return number(self.path.proposals)

    @property
    def count_male_text(self) -> str:
        return number(self.count_male)

    @property
    def count_female_text(self) -> str:
        return number(self.count_female)

    @property
    def count_text(self) -> str:
        return number(len(self.participants))

    @property
    def text_cut(self) -> bool:
        """True when a free-text field was too long to print whole (TEXT_PRINTED)."""
        return self.facilitators.cut or self.agenda.cut or self.commitments.cut

    @property
    def has_budget_path(self) -> bool:
        """True once any proposal has left "proposed" or has an amount (task 11d's fields)."""
        return any(
            p.stage != "proposed"
            or p.planned_amount is not None
            or p.allocated_amount is not None
            or p.realised_amount is not None
            for p in self.proposals
        )


def _long_date(d: date) -> str:
    return date_format(d, "j F Y")


def _opening(village: str, day: str, date_text: str, time_text: str, place: str) -> str:
    if time_text:
        return _(
            "On %(day)s, %(date)s, at %(time)s, at %(place)s, the Rembuk Stunting of "
            "%(village)s was held, attended by the participants listed in the annex."
        ) % {"day": day, "date": date_text, "time": time_text, "place": place, "village": village}
    return _(
        "On %(day)s, %(date)s, at %(place)s, the Rembuk Stunting of %(village)s was held, "
        "attended by the participants listed in the annex."
    ) % {"day": day, "date": date_text, "place": place, "village": village}


def _proposal_line(no: int, p: Proposal) -> ProposalLine:
    def amount(v: Decimal | None) -> int | None:
        return None if v is None else int(v)

    return ProposalLine(
        no=no,
        activity=p.activity,
        target_group=p.target_group,
        package=p.package,
        package_label=p.get_package_display(),
        kind_label=p.get_kind_display() if p.kind else "",
        dusun=p.dusun,
        volume=p.volume,
        volume_text=number(p.volume),
        unit=p.unit,
        estimated_cost=int(p.estimated_cost or 0),
        cost_text=rupiah(p.estimated_cost or 0),
        funding_source=p.funding_source,
        source_label=p.get_funding_source_display(),
        implementer=p.implementer,
        timing=p.timing,
        activity_code=p.activity_code,
        stage=p.stage,
        stage_label=p.get_stage_display(),
        planned_amount=amount(p.planned_amount),
        allocated_amount=amount(p.allocated_amount),
        realised_amount=amount(p.realised_amount),
    )


def build(meeting: VillageMeeting) -> Minutes:
    """The whole Berita Acara of `meeting` (3 queries: regions, participants, proposals)."""
    village: Region = meeting.village
    terms = budget_terms(village)
    names = {
        r.code: r.full_name
        for r in Region.objects.filter(code__in=[village.code[:5], village.code[:8]])
    }
    regency = names.get(village.code[:5], "")
    district = names.get(village.code[:8], "")
    participants = list(meeting.participants.all())
    proposals = list(meeting.proposals.all())

    day = date_format(meeting.held_on, "l")
    date_text = _long_date(meeting.held_on)
    time_text = time_range(meeting.start_time, meeting.end_time, time_zone(village.code))
    place = meeting.place

    path = totals.path_totals(proposals, sources=terms.funding_sources)
    package_labels = dict(ServicePackage.choices)
    source_labels = dict(FundingSource.choices)
    by_package = [
        TotalLine(
            str(package_labels.get(t.key, t.key)),
            t.proposals,
            rupiah(t.estimated_cost),
            t.estimated_cost,
        )  # fmt: skip
        for t in path.by_package
    ]
    by_source = [
        TotalLine(
            str(source_labels.get(t.key, t.key)),
            t.proposals,
            rupiah(t.estimated_cost),
            t.estimated_cost,
        )  # fmt: skip
        for t in path.by_source
    ]

    if meeting.stunting_target_percent is not None:
        target_text = _(
            "The stunting target for %(year)s: at most %(percent)s%% of children aged 0-23 "
            "months stunted."
        ) % {"year": meeting.plan_year, "percent": number(meeting.stunting_target_percent)}
    else:
        target_text = _("No stunting target for %(year)s was agreed.") % {"year": meeting.plan_year}

    kind = village.village_kind
    title = (
        _("Minutes of the Rembuk Stunting Kelurahan")
        if kind == "kelurahan"
        else _("Minutes of the Rembuk Stunting Desa")
    )
    return Minutes(
        meeting=meeting,
        terms=terms,
        regency=regency,
        district=district,
        village=village.full_name,
        village_name=village.name,
        title=title,
        plan_line=_("Budget year / %(plan)s %(year)s")
        % {"plan": terms.plan, "year": meeting.plan_year},
        opening=_opening(village.full_name, day, date_text, time_text, place),
        day=day,
        date_text=date_text,
        time_text=time_text,
        facilitators=printed_lines(meeting.facilitators),
        agenda=printed_lines(meeting.agenda),
        data=data_presented(meeting),
        proposals=[_proposal_line(i, p) for i, p in enumerate(proposals, start=1)],
        by_package=by_package,
        by_source=by_source,
        total_cost=path.estimated_cost,
        total_cost_text=rupiah(path.estimated_cost),
        path=path,
        quarterly_coordination=meeting.quarterly_coordination,
        target_text=target_text,
        commitments=printed_lines(meeting.commitments),
        signers=[p for p in participants if p.signs_minutes],
        head_title=str(terms.head),
        head_name=meeting.village_head_name,
        place_date=f"{village.name}, {date_text}",
        participants=participants,
        count_male=sum(1 for p in participants if p.sex == "L"),
        count_female=sum(1 for p in participants if p.sex == "P"),
    )
