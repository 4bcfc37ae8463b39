"""The phone's attention rules (static/field/attention.js) agree with tikar/posyandu/attention.py.

A table of children and pregnancies runs through both, the JS in real headless Chromium: every
reason of the contract (2T, T, BGM at exactly -3.00 and below, oedema, stunting and wasting new
or "sejak", a flagged z, not weighed for 1 and 2 months or never, immunisation by age, KEK at
23,5 and 23,4 cm, risti, HPL today / in 14 and 15 days / passed, postnatal checks within and
after the 42 days) and the ages where a rule starts or stops (0, 1, 9, 11, 12, 23, 59, 60
months); wasting "gizi kurang" at exactly -3.00 and "gizi buruk" below; and the optional
`before` summary of older records (the snapshot's `before_window`) against records that reach
back further or not. Codes, Indonesian texts and levels must be identical, and so must the WhatsApp link,
the family's reminder and the order of the list.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from tikar.calendar import shift_day
from tikar.posyandu.attention import (
    AttentionItem,
    ChildBefore,
    ChildFacts,
    ChildMonth,
    PregnancyBefore,
    PregnancyFacts,
    PregnancyMonth,
    Reason,
    child_reasons,
    pregnancy_reasons,
    reminder_text,
    sort_items,
    whatsapp_link,
)

from .posyandu_js_harness import js, posyandu_page

TODAY = date(2026, 5, 20)
THIS = date(2026, 5, 1)
LAST = date(2026, 4, 1)
EARLIER = date(2026, 2, 1)
OLD = date(2025, 10, 1)  # before a snapshot's 6 months
OLDER = date(2025, 3, 1)
_DECIMALS = ("weight_kg", "length_cm")


def _wire(value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    return value


def child_month(**kw: Any) -> dict[str, Any]:
    return kw


def child_cases() -> list[dict[str, Any]]:
    """Children as dicts {birth, name, months: [{field: value}]} (dates and Decimals as such)."""
    t = {"weight_gain": "T", "weight_gain_g": -100, "weight_gain_kbm_g": 200}
    month_sets: list[list[dict[str, Any]]] = [
        [],
        [{"month": THIS, "weight_kg": Decimal("9.3"), "two_t": True, **t}],
        [{"month": LAST, "weight_kg": Decimal("9.3"), **t}],
        [{"month": THIS, "weight_kg": Decimal("9.3"), "weight_gain": "N", "weight_gain_g": 0}],
        [{"month": THIS, "weight_kg": Decimal("9.3"), "weight_gain": "T", "weight_gain_g": 0,
          "weight_gain_kbm_g": None}],
        [{"month": THIS, "weight_kg": Decimal("7.0"), "weight_gain": "B", "zwei": -3.0}],
        [{"month": THIS, "weight_kg": Decimal("7.0"), "weight_gain": "O", "zwei": -3.01}],
        [{"month": THIS, "weight_kg": Decimal("7.0"), "oedema": True}],
        [{"month": EARLIER, "weight_kg": Decimal("7.0"), "zwei": -3.5}],
        [{"month": LAST, "length_cm": Decimal("70.1"), "zlen": -2.0, "zwfl": -2.0}],
        [{"month": LAST, "length_cm": Decimal("70.1"), "zlen": -2.01, "zwfl": -2.5}],
        [
            {"month": EARLIER, "length_cm": Decimal("68.0"), "zlen": -2.3, "zwfl": -2.1},
            {"month": THIS, "weight_kg": Decimal("7.7"), "length_cm": Decimal("70.0"),
             "zlen": -2.4, "zwfl": -2.05, **t, "two_t": True},
        ],
        [
            {"month": EARLIER, "zlen": -2.3, "flen": True},
            {"month": THIS, "zlen": -6.5, "flen": True, "zwfl": -2.2, "fwfl": False},
        ],
        [{"month": EARLIER, "weight_kg": Decimal("8.0")}],
        [{"month": date(2026, 3, 1), "weight_kg": Decimal("8.0")}],
        [{"month": LAST, "immunisation_up_to_date": False},
         {"month": THIS, "immunisation_up_to_date": None, "immunisation_measles": True}],
        [{"month": LAST, "immunisation_up_to_date": True, "immunisation_basic_complete": True}],
        [{"month": THIS, "weight_kg": Decimal("10.0"), "immunisation_up_to_date": False,
          "immunisation_measles": False, "immunisation_basic_complete": False}],
        [{"month": THIS, "length_cm": Decimal("70.1"), "zlen": -3.01, "zwfl": -3.01}],
        [{"month": LAST, "length_cm": Decimal("70.1"), "zlen": -3.0, "zwfl": -3.0}],
        [
            {"month": EARLIER, "length_cm": Decimal("68.0"), "zlen": -2.3, "zwfl": -2.1},
            {"month": THIS, "length_cm": Decimal("70.0"), "zlen": -3.4, "zwfl": -3.25},
        ],
    ]  # fmt: skip
    # (records, before): the snapshot's summary of older records, alone or with records that
    # reach back further (the phone's own win where they are later / earlier).
    with_before: list[tuple[list[dict[str, Any]], dict[str, Any]]] = [
        ([], {"weighed": OLD}),
        ([], {"weighed": OLD, "stunted": OLDER, "wasted": OLD}),
        ([{"month": EARLIER, "weight_kg": Decimal("8.0")}], {"weighed": OLD}),
        ([{"month": OLD, "weight_kg": Decimal("8.0")}], {"weighed": OLDER}),
        ([{"month": LAST, "length_cm": Decimal("70.1"), "zlen": -2.3, "zwfl": -2.5}],
         {"stunted": OLDER, "wasted": OLD}),
        ([{"month": THIS, "length_cm": Decimal("70.1"), "zlen": -3.3, "zwfl": -3.3}],
         {"stunted": OLD, "wasted": OLDER, "weighed": OLD}),
        ([{"month": EARLIER, "zlen": -2.2, "zwfl": -2.2},
          {"month": LAST, "zlen": -2.3, "zwfl": -2.5}], {"stunted": OLD, "wasted": OLD}),
        ([{"month": LAST, "zlen": -1.5, "zwfl": -1.0}], {"stunted": OLD, "wasted": OLD}),
        ([{"month": LAST, "zlen": -2.5, "zwfl": -2.5}], {"stunted": LAST, "wasted": THIS}),
        ([], {"immunisation_month": OLD, "immunisation_up_to_date": False}),
        ([], {"immunisation_month": OLD, "immunisation_up_to_date": True, "measles": True,
              "basic_complete": True}),
        ([{"month": LAST, "immunisation_up_to_date": True}],
         {"immunisation_month": OLD, "immunisation_up_to_date": False}),
        ([{"month": OLDER, "immunisation_up_to_date": True}],
         {"immunisation_month": OLD, "immunisation_up_to_date": False}),
        ([{"month": THIS, "weight_kg": Decimal("9.0"), "immunisation_measles": False}],
         {"measles": True}),
    ]  # fmt: skip
    ages = (-1, 0, 1, 2, 4, 9, 11, 12, 18, 23, 24, 30, 59, 60)
    cases = []
    for age in ages:
        birth = shift_day(TODAY, -age) if age >= 0 else TODAY + timedelta(days=3)
        for extra_day in (0, 1):
            b = birth - timedelta(days=extra_day)
            for i, months in enumerate(month_sets):
                cases.append({"birth": b, "sex": "P", "name": f"Anak {age}-{i}", "months": months})
            for i, (months, before) in enumerate(with_before):
                cases.append(
                    {"birth": b, "sex": "L", "name": f"Anak {age}-b{i}", "months": months,
                     "before": before}
                )  # fmt: skip
    return cases


def pregnancy_cases() -> list[dict[str, Any]]:
    out = []
    visit_sets: list[list[dict[str, Any]]] = [
        [],
        [{"month": THIS, "muac_cm": Decimal("23.4"), "postnatal_checks": 0, "risk_status": ""}],
        [{"month": THIS, "muac_cm": Decimal("23.5"), "postnatal_checks": 0, "risk_status": "kek"}],
        [{"month": LAST, "muac_cm": Decimal("22.0"), "postnatal_checks": 1, "risk_status": ""},
         {"month": THIS, "muac_cm": None, "postnatal_checks": 1, "risk_status": "risti"}],
        [{"month": THIS, "muac_cm": Decimal("25.0"), "postnatal_checks": 3, "risk_status": "normal"}],
    ]  # fmt: skip
    for due_in in (None, -3, 0, 1, 14, 15, 90):
        for delivered_ago in (None, 0, 10, 42, 43, -2):
            for risk in ("normal", "risti", "kek"):
                for i, visits in enumerate(visit_sets):
                    for pnc in (3, 4):
                        if delivered_ago not in (None, 10) and pnc == 4:
                            continue
                        out.append(
                            {
                                "due_date": TODAY + timedelta(days=due_in)
                                if due_in is not None
                                else None,
                                "delivery_date": TODAY - timedelta(days=delivered_ago)
                                if delivered_ago is not None
                                else None,
                                "risk_status": risk,
                                "visits": visits,
                                "pnc_standard": pnc,
                                "name": f"Ibu {i}",
                            }
                        )
    befores: list[dict[str, Any]] = [
        {"muac_cm": Decimal("22.0"), "muac_month": OLD, "visit_month": OLD},
        {"muac_cm": Decimal("23.5"), "muac_month": OLDER, "visit_month": OLD,
         "risk_status": "risti"},
        {"visit_month": OLD, "risk_status": "kek", "postnatal_checks": 2},
        {"muac_cm": Decimal("21.9"), "muac_month": THIS, "visit_month": THIS,
         "postnatal_checks": 1},
    ]  # fmt: skip
    for j, before in enumerate(befores):
        for i, visits in enumerate(visit_sets):
            for delivered_ago in (None, 10):
                for risk in ("normal", "risti"):
                    out.append(
                        {
                            "due_date": TODAY + timedelta(days=90),
                            "delivery_date": TODAY - timedelta(days=delivered_ago)
                            if delivered_ago is not None
                            else None,
                            "risk_status": risk,
                            "visits": visits,
                            "pnc_standard": 3,
                            "name": f"Ibu {i}-b{j}",
                            "before": before,
                        }
                    )
    return out


def py_child(c: dict[str, Any]) -> ChildFacts:
    before = ChildBefore(**c["before"]) if c.get("before") else None
    months = tuple(ChildMonth(**m) for m in c["months"])
    return ChildFacts(c["birth"], c["sex"], c["name"], months, before)


def py_pregnancy(p: dict[str, Any]) -> PregnancyFacts:
    before = PregnancyBefore(**p["before"]) if p.get("before") else None
    visits = tuple(PregnancyMonth(**v) for v in p["visits"])
    return PregnancyFacts(**{**p, "visits": visits, "before": before})


def wire(obj: dict[str, Any]) -> dict[str, Any]:
    out = {}
    for k, v in obj.items():
        if isinstance(v, list):
            out[k] = [{kk: _wire(vv) for kk, vv in m.items()} for m in v]
        elif isinstance(v, dict):  # `before`, as the snapshot sends it (JSON numbers)
            out[k] = {
                kk: float(vv) if isinstance(vv, Decimal) else _wire(vv) for kk, vv in v.items()
            }
        else:
            out[k] = _wire(v)
    return out


def reasons(rs: list[Reason]) -> list[dict[str, str]]:
    return [{"code": r.code, "text": r.text, "level": r.level} for r in rs]


def test_it_finds_every_childs_reasons_as_python_does() -> None:
    cases = child_cases()
    with posyandu_page() as page:
        got = js(
            page,
            "([cs, today]) => cs.map(c => window.attention.childReasons(c, today))",
            [[wire(c) for c in cases], TODAY.isoformat()],
        )
    expected = [reasons(child_reasons(py_child(c), TODAY)) for c in cases]
    wrong = [(c["name"], e, g) for c, e, g in zip(cases, expected, got, strict=True) if e != g]
    assert wrong == []
    codes = {r["code"] for rs in expected for r in rs}
    assert codes == {
        "two_t", "t", "bgm", "stunted_new", "stunted", "wasted_new", "wasted", "not_weighed",
        "immunisation",
    }  # fmt: skip
    texts = [r["text"] for rs in expected for r in rs]
    # Permenkes 2/2020: gizi buruk below -3 SD, gizi kurang at exactly -3.00
    assert any(t.startswith("Wasting (gizi buruk) baru: BB/PB -3,01 SD") for t in texts)
    assert any(t.startswith("Wasting (gizi kurang) baru: BB/PB -3,00 SD") for t in texts)
    assert not any("gizi kurang" in t and "-3,01" in t for t in texts)
    # the summary of older records is read
    assert any(t.endswith("(terakhir ditimbang Oktober 2025)") for t in texts)
    assert any(t.startswith("Stunting sejak Maret 2025: ") for t in texts)
    assert any(t.startswith("Wasting (gizi buruk) sejak Maret 2025: ") for t in texts)
    assert any(t.startswith("Imunisasi belum sesuai umur (Oktober 2025)") for t in texts)


def test_it_finds_every_pregnancys_reasons_as_python_does() -> None:
    cases = pregnancy_cases()
    with posyandu_page() as page:
        got = js(
            page,
            "([ps, today]) => ps.map(p => window.attention.pregnancyReasons(p, today))",
            [[wire(p) for p in cases], TODAY.isoformat()],
        )
    expected = [reasons(pregnancy_reasons(py_pregnancy(p), TODAY)) for p in cases]
    wrong = [(p, e, g) for p, e, g in zip(cases, expected, got, strict=True) if e != g]
    assert wrong == []
    codes = {r["code"] for rs in expected for r in rs}
    assert codes == {"kek", "risti", "due_soon", "due_passed", "postnatal_due"}
    texts = [r["text"] for rs in expected for r in rs]
    assert "KEK: LiLA 22,0 cm pada Oktober 2025 (di bawah 23,5 cm)" in texts
    assert any(t.startswith("Pemeriksaan nifas 2 dari 3 kali") for t in texts)


def test_it_writes_the_whatsapp_link_reminder_and_order_as_python_does() -> None:
    base = AttentionItem(
        kind="child",
        id="b",
        name="Bona (anak) & 'Putri'!",
        reasons=(Reason("two_t", "x", "rujuk"), Reason("immunisation", "y", "ingat")),
        posyandu="Melati",
        phone="0812-3456-789",
        mother="Ratna",
    )
    items = [
        base,
        replace(base, id="a", name="ani", reasons=(Reason("not_weighed", "z", "ingat"),)),
        replace(base, id="c", kind="pregnancy", posyandu="", phone="+62 812 3456 7890"),
        replace(base, id="d", name="Zaki", phone="812345678", posyandu="anggrek"),
        replace(base, id="e", name="Ema", phone="021", reasons=(Reason("kek", "w", "rujuk"),)),
        replace(base, id="f", name="", phone="", mother=""),
        replace(base, id="g", name="Ema", phone="62 812 3456 7890 1234 5"),
    ]
    wire_items = [
        {
            "kind": i.kind,
            "id": i.id,
            "name": i.name,
            "reasons": reasons(list(i.reasons)),
            "posyandu": i.posyandu,
            "phone": i.phone,
            "mother": i.mother,
        }
        for i in items
    ]
    with posyandu_page() as page:
        got = js(
            page,
            """items => ({
                 links: items.map(i => window.attention.whatsappOf(i)),
                 texts: items.map(i => window.attention.reminderText(i)),
                 order: window.attention.sortItems(items).map(i => i.id),
                 levels: items.map(i => window.attention.levelOf(i)),
               })""",
            wire_items,
        )
    assert got["links"] == [whatsapp_link(i.phone, reminder_text(i)) for i in items]
    assert got["texts"] == [reminder_text(i) for i in items]
    assert got["order"] == [i.id for i in sort_items(items)]
    assert got["levels"] == [i.level for i in items]
    assert got["links"][0].startswith("https://wa.me/628123456789?text=")
    assert got["links"][5].startswith("https://wa.me/?text=")
