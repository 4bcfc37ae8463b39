"""The table of good and bad inputs that the phone (rules.js) and the server must judge alike.

Not a test module. Each `Case` is one record a KPM might save on the phone: its kind and wire
fields (contract.md: monthly kinds carry `target` and `month`), the day it is saved on, and
what the register holds already (`world` overrides of the standard household, mothers,
pregnancy and child; `existing` monthly records). `expect` is what the server does: "ok", the
refused field(s), or ONE_PER_MONTH. `warn` is the warning code the server lists (NIK checks).

Placeholders in values: "$household", "$household2", "$mother", "$mother2", "$pregnancy",
"$child" are the ids of the world's records; "$existing0".. the ids of `existing` records;
"$new" a fresh UUID. Dates are absolute, and the server's clock is pinned to `today`, so a case
reads the same on every day it runs (TODAY = 20 May 2026).

The windows at TODAY (tikar/monitoring/rules.py): a child born 21 May 2020 or later; a mother
born 20 May 1966 to 20 May 2016; an HPL from 20 May 2024 to 20 March 2027; a delivery from 20
May 2024; a month from May 2024.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

TODAY = "2026-05-20"
OK = "ok"
# A second create for a target's month: the server merges it into the month's record (one
# record is kept), the phone refuses it on `month` and opens that record instead.
ONE_PER_MONTH = "one_per_month"

MOTHER_NIK = "1210075204950003"  # Bilah Barat (12.10.07), female (52 = 12 + 40), 12-04-95

# The standard register every case starts from (created without validation, as stored data).
WORLD: dict[str, dict[str, Any]] = {
    "household": {"head_name": "Pak Sitorus", "dusun": "I", "rt": "001", "rw": "002"},
    "household2": {"head_name": "Pak Nasution", "dusun": "II"},
    "mother": {
        "household": "$household",
        "name": "Rina Sitorus",
        "nik": MOTHER_NIK,
        "birth_date": "1995-04-12",
    },
    "mother2": {"household": "$household2", "name": "Lena Nasution", "nik": None},
    "pregnancy": {
        "mother": "$mother",
        "kia_number": "KIA-001",
        "due_date": "2026-09-01",
        "gestation_month": 5,
    },
    "child": {
        "household": "$household",
        "mother": "$mother",
        "name": "Bona",
        "sex": "L",
        "birth_date": "2025-06-10",
    },
}


@dataclass(frozen=True)
class Case:
    name: str
    kind: str
    fields: dict[str, Any]
    expect: str | tuple[str, ...] = OK
    warn: str | None = None
    today: str = TODAY
    world: dict[str, dict[str, Any]] = field(default_factory=dict)
    existing: tuple[tuple[str, dict[str, Any]], ...] = ()
    # An edit of the world's record of this kind (PATCH with its version), not a create.
    update: bool = False
    # Only through this path ("sync": POST /api/sync/): a check of the sync's own wire format.
    only: str | None = None


def _mother(label: str, expect: Any = OK, /, *, warn: str | None = None, **fields: Any) -> Case:
    base = {"household": "$household", "name": "Sri", "birth_date": "1995-04-12"}
    return Case(label, "mother", base | fields, expect, warn)


def _child(label: str, expect: Any = OK, /, *, warn: str | None = None, **fields: Any) -> Case:
    base = {
        "household": "$household",
        "mother": "$mother",
        "name": "Tiur",
        "sex": "P",
        "birth_date": "2026-01-15",
    }
    return Case(label, "child", base | fields, expect, warn)


def _pregnancy(label: str, expect: Any = OK, /, **fields: Any) -> Case:
    base = {"mother": "$mother2", "due_date": "2026-10-01"}
    return Case(label, "pregnancy", base | fields, expect)


def _pv(label: str, expect: Any = OK, /, *, world=None, existing=(), **fields: Any) -> Case:
    base = {"id": "$new", "month": "2026-05-01", "visit_date": "2026-05-10"}
    return Case(
        label, "pregnancy_visit", base | fields, expect, world=world or {}, existing=existing
    )


def _cv(label: str, expect: Any = OK, /, *, world=None, existing=(), **fields: Any) -> Case:
    base = {"id": "$new", "month": "2026-05-01", "visit_date": "2026-05-10"}
    return Case(label, "child_visit", base | fields, expect, world=world or {}, existing=existing)


def _paud(label: str, expect: Any = OK, /, *, world=None, existing=(), **fields: Any) -> Case:
    base = {"id": "$new", "month": "2026-05-01", "status": "mengikuti"}
    world = {"child": {"birth_date": "2024-05-01"}} | (world or {})
    return Case(label, "paud_record", base | fields, expect, world=world, existing=existing)


def _born(birth: str, **more: Any) -> dict[str, dict[str, Any]]:
    return {"child": {"birth_date": birth, **more}}


MAY_VISIT = ("child_visit", {"month": "2026-05-01", "visit_date": "2026-05-05", "weight_kg": 8.0})

CASES: list[Case] = [
    # --- household -------------------------------------------------------------------------
    Case("household ok", "household", {"head_name": "Pak Lubis", "rt": "003", "safe_water": True}),
    Case("household without head", "household", {"dusun": "I"}, "head_name"),
    Case("household blank head", "household", {"head_name": ""}, "head_name"),
    Case("household head only spaces", "household", {"head_name": "   "}, "head_name"),
    Case("household rt too long", "household", {"head_name": "Pak A", "rt": "12345678901"}, "rt"),
    Case("household rt at 10", "household", {"head_name": "Pak A", "rt": "1234567890"}),
    Case("household head 151 chars", "household", {"head_name": "A" * 151}, "head_name"),
    Case(
        "household yes/no not bool",
        "household",
        {"head_name": "Pak A", "latrine": "maybe"},
        "latrine",
    ),
    Case("household not asked", "household", {"head_name": "Pak A", "vulnerable": None}),
    Case(
        "household closed bad date",
        "household",
        {"head_name": "Pak A", "closed_at": "kemarin"},
        "closed_at",
    ),
    # --- mother: NIK form -------------------------------------------------------------------
    _mother("mother ok", nik="1210075204950003"),
    _mother("mother without NIK", nik=None),
    _mother("mother empty NIK", nik=""),
    _mother("NIK with spaces and dots", nik="12.10.07 520495 0003"),
    _mother("NIK with dashes", nik="121007-520495-0003"),
    _mother("NIK 15 digits", "nik", nik="121007520495000"),
    _mother("NIK 17 digits is a temporary number", "nik", nik="12100752049500031"),
    _mother("NIK with a letter", "nik", nik="1210075204950A03"),
    _mother("NIK all one digit", "nik", nik="1111111111111111"),
    _mother("NIK of no kecamatan", warn="nik_region_unknown", nik="9999995204950003"),
    _mother("NIK written for a man", warn="nik_sex_mismatch", nik="1210071204950003"),
    _mother("NIK birth date differs", warn="nik_birth_date_mismatch", nik="1210075304950003"),
    _mother("NIK day 72 is no date", warn="nik_date_invalid", nik="1210077204950003"),
    _mother("NIK 29 Feb 2000 (leap)", nik="1210076902000003", birth_date="2000-02-29"),
    _mother(
        "NIK 29 Feb 2001 no date",
        warn="nik_date_invalid",
        nik="1210076902010003",
        birth_date="2001-02-28",
    ),
    _mother("NIK female day 41 = 1st", nik="1210074101900003", birth_date="1990-01-01"),
    _mother("NIK day 40 is no date", warn="nik_date_invalid", nik="1210074001900003"),
    _mother("NIK 41 characters", "nik", nik="1" * 41),
    # --- mother: dates ----------------------------------------------------------------------
    _mother("mother born tomorrow", "birth_date", nik=None, birth_date="2026-05-21"),
    _mother("mother 60 years to the day", nik=None, birth_date="1966-05-20"),
    _mother("mother over 60", "birth_date", nik=None, birth_date="1966-05-19"),
    _mother("mother 10 years to the day", nik=None, birth_date="2016-05-20"),
    _mother("mother under 10", "birth_date", nik=None, birth_date="2016-05-21"),
    _mother("mother born 30 Feb", "birth_date", nik=None, birth_date="1995-02-30"),
    _mother("mother born 29 Feb 1996", nik=None, birth_date="1996-02-29"),
    _mother("mother born 29 Feb 1995", "birth_date", nik=None, birth_date="1995-02-29"),
    _mother("mother year 99999", "birth_date", nik=None, birth_date="99999-01-01"),
    _mother("mother without name", "name", nik=None, name=""),
    _mother("mother without household", "household", nik=None, household=None),
    # --- pregnancy --------------------------------------------------------------------------
    _pregnancy("pregnancy ok", gestation_month=4, risk_status="risti"),
    _pregnancy("HPL 10 months ahead", due_date="2027-03-20"),
    _pregnancy("HPL too far ahead", "due_date", due_date="2027-03-21"),
    _pregnancy("HPL two years back", due_date="2024-05-20"),
    _pregnancy("HPL too long ago", "due_date", due_date="2024-05-19"),
    _pregnancy("delivery today", delivery_date="2026-05-20"),
    _pregnancy("delivery tomorrow", "delivery_date", delivery_date="2026-05-21"),
    _pregnancy("delivery too long ago", "delivery_date", delivery_date="2024-05-19"),
    _pregnancy("gestation 0", "gestation_month", gestation_month=0),
    _pregnancy("gestation 10", "gestation_month", gestation_month=10),
    _pregnancy("gestation -1", "gestation_month", gestation_month=-1),
    _pregnancy("gestation 2.5", "gestation_month", gestation_month=2.5),
    _pregnancy("gestation as text 5", gestation_month="5"),
    _pregnancy("gestation 9", gestation_month=9),
    _pregnancy("risk status unknown", "risk_status", risk_status="tinggi"),
    _pregnancy("No Register KIA taken", "kia_number", kia_number="KIA-001"),
    _pregnancy("No Register KIA free", kia_number="KIA-002"),
    _pregnancy("pregnancy without mother", "mother", mother=None),
    _pregnancy(
        "HPL and delivery both wrong",
        ("delivery_date", "due_date"),
        due_date="2030-01-01",
        delivery_date="2027-01-01",
    ),
    # --- child: register --------------------------------------------------------------------
    _child("newborn ok"),
    _child("child born today", birth_date="2026-05-20"),
    _child("child born tomorrow", "birth_date", birth_date="2026-05-21"),
    _child("child 6 years minus a day", birth_date="2020-05-21"),
    _child("child 6 years old", "birth_date", birth_date="2020-05-20"),
    _child("child born 29 Feb 2024", birth_date="2024-02-29"),
    _child("child born 29 Feb 2026", "birth_date", birth_date="2026-02-29"),
    _child("child without birth date", "birth_date", birth_date=None),
    _child("child without name", "name", name=""),
    _child("child sex X", "sex", sex="X"),
    _child("child NIK ok", nik="1210071006250001", sex="L", birth_date="2025-06-10"),
    _child(
        "child NIK of a girl for a boy",
        warn="nik_sex_mismatch",
        nik="1210075006250001",
        sex="L",
        birth_date="2025-06-10",
    ),
    _child("child NIK is the temporary number", "nik", nik="12100752049500031"),
    _child("temporary number ok", temp_number="12100752049500031"),
    _child("temporary number with spaces", temp_number="1210075204950003 1"),
    _child("temporary number 16 digits", "temp_number", temp_number="1210075204950003"),
    _child("temporary number of another mother", "temp_number", temp_number="12100752049500041"),
    _child("temporary number all ones", "temp_number", temp_number="11111111111111111"),
    _child("temporary number of no NIK", "temp_number", temp_number="00000000000000001"),
    _child("mother of another household", "mother", mother="$mother2"),
    _child(
        "pregnancy of another mother",
        "born_from",
        household="$household2",
        mother="$mother2",
        born_from="$pregnancy",
    ),
    Case(
        "newborn on the delivery date",
        "child",
        {
            "household": "$household",
            "mother": "$mother",
            "born_from": "$pregnancy",
            "name": "Uli",
            "sex": "P",
            "birth_date": "2026-05-02",
        },
        world={"pregnancy": {"delivery_date": "2026-05-02"}},
    ),
    Case(
        "newborn not on the delivery date",
        "child",
        {
            "household": "$household",
            "mother": "$mother",
            "born_from": "$pregnancy",
            "name": "Uli",
            "sex": "P",
            "birth_date": "2026-05-03",
        },
        "birth_date",
        world={"pregnancy": {"delivery_date": "2026-05-02"}},
    ),
    # --- register edits: a stored date is not judged again ------------------------------------
    Case(
        "edit name of a child now over 6",
        "child",
        {"name": "Bona Sitorus"},
        world=_born("2020-01-01"),
        update=True,
    ),
    Case(
        "edit birth of a child now over 6",
        "child",
        {"birth_date": "2020-01-02"},
        "birth_date",
        world=_born("2020-01-01"),
        update=True,
    ),
    Case(
        "birth moved after a weighing",
        "child",
        {"birth_date": "2026-04-15"},
        "birth_date",
        existing=(
            ("child_visit", {"month": "2026-04-01", "visit_date": "2026-04-10", "weight_kg": 8.0}),
        ),
        update=True,
    ),
    Case(
        "delivery after the newborn's birth",
        "pregnancy",
        {"delivery_date": "2026-05-02"},
        "delivery_date",
        world={"child": {"born_from": "$pregnancy", "birth_date": "2026-05-01"}},
        update=True,
    ),
    Case(
        "delivery on the newborn's birth",
        "pregnancy",
        {"delivery_date": "2026-05-01"},
        world={"child": {"born_from": "$pregnancy", "birth_date": "2026-05-01"}},
        update=True,
    ),
    # --- Formulir 2a ------------------------------------------------------------------------
    _pv("2a ok", gestation_month=6, anc_check=True, muac_cm=24.5),
    _pv("2a visit in another month", "visit_date", visit_date="2026-04-30"),
    _pv("2a visit tomorrow", "visit_date", visit_date="2026-05-21"),
    _pv("2a visit next month", "visit_date", visit_date="2026-06-02"),
    _pv("2a next month", "month", month="2026-06-01", visit_date=None),
    _pv("2a month as YYYY-MM", month="2026-05"),
    _pv("2a month not the 1st", "month", month="2026-05-15", visit_date=None),
    _pv("2a month 13", "month", month="2026-13"),
    _pv("2a without month", "month", month=None),
    _pv("2a gestation 10", "gestation_month", gestation_month=10),
    _pv("2a postnatal checks 5", "postnatal_checks", postnatal_checks=5),
    _pv("2a postnatal checks 4", postnatal_checks=4),
    _pv("2a postnatal checks -1", "postnatal_checks", postnatal_checks=-1),
    _pv("2a LiLA 9.9", "muac_cm", muac_cm=9.9),
    _pv("2a LiLA 10", muac_cm=10),
    _pv("2a LiLA 60", muac_cm="60.0"),
    _pv("2a LiLA 60.1", "muac_cm", muac_cm=60.1),
    _pv("2a LiLA two decimals", "muac_cm", muac_cm=23.55),
    _pv("2a LiLA 1000", "muac_cm", muac_cm=1000),
    _pv("2a LiLA 12345", "muac_cm", muac_cm=12345),
    _pv("2a LiLA with a comma", "muac_cm", muac_cm="23,5"),
    _pv("2a 10 months before HPL", month="2025-11-01", visit_date=None),
    _pv("2a before the pregnancy", "month", month="2025-10-01", visit_date=None),
    _pv(
        "2a month too old",
        "month",
        month="2024-04-01",
        visit_date=None,
        world={"pregnancy": {"due_date": "2024-12-01"}},
    ),
    _pv(
        "2a oldest month allowed",
        month="2024-05-01",
        visit_date=None,
        world={"pregnancy": {"due_date": "2024-12-01"}},
    ),
    _pv(
        "2a month too old and before the pregnancy",
        "month",
        month="2024-04-01",
        visit_date=None,
    ),
    _pv(
        "2a in nifas",
        month="2026-04-01",
        visit_date=None,
        world={"pregnancy": {"delivery_date": "2026-03-01"}},
    ),
    _pv(
        "2a after nifas",
        "month",
        visit_date=None,
        world={"pregnancy": {"delivery_date": "2026-03-01"}},
    ),
    _pv(
        "2a day 42 of nifas",
        month="2026-04-01",
        visit_date=None,
        world={"pregnancy": {"delivery_date": "2026-02-18"}},
    ),
    _pv(
        "2a day 43 of nifas",
        "month",
        month="2026-04-01",
        visit_date=None,
        world={"pregnancy": {"delivery_date": "2026-02-17"}},
    ),
    _pv(
        "2a after closing",
        "month",
        month="2026-04-01",
        visit_date=None,
        world={"pregnancy": {"closed_at": "2026-03-15"}},
    ),
    _pv(
        "2a month of closing",
        month="2026-03-01",
        visit_date=None,
        world={"pregnancy": {"closed_at": "2026-03-15"}},
    ),
    # --- Formulir 2b ------------------------------------------------------------------------
    _cv(
        "2b ok",
        weight_kg=8.5,
        length_cm=72.0,
        measured_lying=True,
        head_circumference_cm=44,
        muac_cm=14,
    ),
    _cv("2b weight 0.4", weight_kg=0.4),
    _cv("2b weight 0.3", "weight_kg", weight_kg=0.3),
    _cv("2b weight 30", weight_kg=30),
    _cv("2b weight 30.1", "weight_kg", weight_kg=30.1),
    _cv("2b weight 0", "weight_kg", weight_kg=0),
    _cv("2b weight 300 (grams?)", "weight_kg", weight_kg=300),
    _cv("2b weight two decimals", "weight_kg", weight_kg=7.25),
    _cv("2b weight with a comma", "weight_kg", weight_kg="8,5"),
    _cv("2b weight as text", weight_kg="8.5"),
    _cv("2b length 0", "length_cm", length_cm=0),
    _cv("2b length 24.9", "length_cm", length_cm=24.9),
    _cv("2b length 125", length_cm=125),
    _cv("2b length 125.1", "length_cm", length_cm=125.1),
    _cv("2b head 17.9", "head_circumference_cm", head_circumference_cm=17.9),
    _cv("2b LiLA 30.5", "muac_cm", muac_cm=30.5),
    _cv("2b weight and length impossible", ("weight_kg", "length_cm"), weight_kg=31, length_cm=20),
    _cv("2b weight without a date", "visit_date", visit_date=None, weight_kg=8.0),
    _cv("2b no measurement no date", visit_date=None, immunisation_up_to_date=True),
    _cv(
        "2b visit before birth",
        "visit_date",
        visit_date="2026-05-01",
        weight_kg=3.1,
        world=_born("2026-05-05"),
    ),
    _cv(
        "2b visit on the birth day",
        visit_date="2026-05-05",
        weight_kg=3.1,
        world=_born("2026-05-05"),
    ),
    _cv("2b month before birth", "month", month="2025-05-01", visit_date=None),
    _cv("2b growth mat purple", "growth_mat", growth_mat="ungu"),
    _cv("2b oedema 'ya'", "oedema", oedema="ya"),
    _cv("2b oedema 'true'", oedema="true"),
    _cv("2b future month", "month", month="2026-06-01", visit_date=None),
    _cv("2b turning 2 on the 10th: last 2b", world=_born("2024-05-10"), weight_kg=11.0),
    # From 24 months on the 1st a child_visit is the posyandu's weighing only (issue 10).
    _cv("2b turning 2 on the 1st: weighing only", world=_born("2024-05-01"), weight_kg=11.0),
    _cv(
        "2b turning 2 on the 1st: no service answer",
        "home_visit",
        world=_born("2024-05-01"),
        weight_kg=11.0,
        home_visit=True,
    ),
    _cv("2b after the 2nd birthday month", month="2026-05-01", world=_born("2024-04-10")),
    _cv("2b at 59 months: weighing only", world=_born("2021-05-10"), weight_kg=15.0),
    _cv("2b at 60 months", "month", world=_born("2021-04-10"), weight_kg=15.0),
    _cv(
        "2b born 29 Feb, Feb of 2nd year",
        month="2026-02-01",
        visit_date="2026-02-28",
        world=_born("2024-02-29"),
    ),
    _cv(
        "2b born 29 Feb, March of 2nd year",
        month="2026-03-01",
        visit_date=None,
        world=_born("2024-02-29"),
    ),
    _cv(
        "2b after closing",
        "month",
        month="2026-04-01",
        visit_date=None,
        world=_born("2025-06-10", closed_at="2026-03-10"),
    ),
    # one record per target and month
    _cv("2b second record of a month", ONE_PER_MONTH, weight_kg=8.2, existing=(MAY_VISIT,)),
    _cv(
        "2b same record sent again",
        id="$existing0",
        visit_date="2026-05-05",
        weight_kg=8.0,
        existing=(MAY_VISIT,),
    ),
    _cv(
        "2b edit of the month's record",
        id="$existing0",
        visit_date="2026-05-05",
        weight_kg=8.4,
        existing=(MAY_VISIT,),
    ),
    _cv(
        "2b edit to an impossible weight",
        "weight_kg",
        id="$existing0",
        visit_date="2026-05-05",
        weight_kg=40,
        existing=(MAY_VISIT,),
    ),
    _cv(
        "2b replay of a month now closed",
        id="$existing0",
        month="2026-04-01",
        visit_date="2026-04-10",
        weight_kg=8.0,
        world=_born("2025-06-10", closed_at="2026-03-10"),
        existing=(
            ("child_visit", {"month": "2026-04-01", "visit_date": "2026-04-10", "weight_kg": 8.0}),
        ),
    ),
    _cv(
        "2b id of another month",
        "id",
        id="$existing0",
        month="2026-04-01",
        visit_date=None,
        existing=(MAY_VISIT,),
    ),
    # the sync's wire format (the phone sends `target` and, for a child, `form`)
    Case(
        "2b without target",
        "child_visit",
        {"target": None, "month": "2026-05-01"},
        "target",
        only="sync",
    ),
    Case(
        "2b sent as form 2c",
        "child_visit",
        {"month": "2026-05-01", "form": "2c"},
        "form",
        only="sync",
    ),
    _cv("2b sent as form 2b", form="2b"),
    # --- Formulir 2c ------------------------------------------------------------------------
    _paud("2c ok"),
    _paud("2c without status", "status", status=None),
    Case(
        "2c status not sent",
        "paud_record",
        {"id": "$new", "month": "2026-05-01"},
        "status",
        world=_born("2024-05-01"),
    ),
    _paud("2c status unknown", "status", status="sekolah"),
    _paud("2c for a baby", "month", world=_born("2025-06-10")),
    _paud("2c turning 2 on the 10th: first 2c", world=_born("2024-05-10")),
    _paud("2c month before 2nd birthday", "month", month="2026-04-01", world=_born("2024-05-10")),
    _paud(
        "2c born 29 Feb, Feb of 2nd year", "month", month="2026-02-01", world=_born("2024-02-29")
    ),
    _paud("2c born 29 Feb, March of 2nd year", month="2026-03-01", world=_born("2024-02-29")),
    _paud("2c month of 6th birthday", world=_born("2020-05-25")),
    _paud("2c after 6th birthday", "month", world=_born("2020-04-10")),
    _paud("2c last month before 6", month="2026-04-01", world=_born("2020-04-10")),
    _paud("2c visit in another month", "visit_date", visit_date="2026-04-30"),
    _paud(
        "2c second record of a month",
        ONE_PER_MONTH,
        status="belum",
        existing=(("paud_record", {"month": "2026-05-01", "status": "mengikuti"}),),
    ),
    _paud("2c future month", "month", month="2026-06-01"),
]
