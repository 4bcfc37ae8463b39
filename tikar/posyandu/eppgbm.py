"""e-PPGBM "entry by name" rows for balita: the column mapping is data. Pure, no Django.

`data/eppgbm_columns.json` holds each layout as a list of columns (header + source key); the
default is the layout of spec/posyandu.md ("e-PPGBM entry by name export layout"), the 2025/26
variant adds Nomor KK, Anak Ke, the parent's NIK and phone, birth measurements, IMD, Kelas Ibu
Balita and MBG. A key Tikar does not record (Pukesmas, PMT, vitamin A, KPSP, MBG, ...) gives an
empty cell: the column is there for the puskesmas to fill, never filled with a guess.

`build_rows(records, layout)` turns one `Measurement` per child and month into the rows of a
layout: each value is a str, a date, a float or None. Identity values (NIK, Nomor KK, phone,
RT/RW) are always str (the sheet writes them as TEXT cells: Excel turns 16 digits into 15
significant ones). Categories are in the Permenkes 2/2020 wording, capitalised as e-PPGBM shows
them ("Berat badan kurang", "Pendek", "Gizi baik"); "Usia Saat Ukur" is text like
"1 Tahun - 3 Bulan - 12 Hari"; Cara Ukur is "Terlentang" (lying) or "Berdiri" (standing).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

from tikar.calendar import age_in_months, month_end

__all__ = [
    "TEXT_KEYS",
    "Column",
    "Layout",
    "Measurement",
    "age_text",
    "build_rows",
    "default_layout",
    "layouts",
]

_DATA = Path(__file__).resolve().parent / "data" / "eppgbm_columns.json"

# Keys whose values are identities or codes: always text, never numbers.
TEXT_KEYS = frozenset({"nik", "kk_number", "parent_nik", "parent_phone", "rt", "rw", "kia"})

# Permenkes 2/2020 category wording (tikar.growth.who2006 codes), as e-PPGBM capitalises it.
CATEGORY_WORDS = {
    "wei": {
        "severely_underweight": "Berat badan sangat kurang",
        "underweight": "Berat badan kurang",
        "normal": "Berat badan normal",
        "risk_of_overweight": "Risiko berat badan lebih",
    },
    "len": {
        "severely_stunted": "Sangat pendek",
        "stunted": "Pendek",
        "normal": "Normal",
        "tall": "Tinggi",
    },
    "wfl": {
        "severely_wasted": "Gizi buruk",
        "wasted": "Gizi kurang",
        "normal": "Gizi baik",
        "possible_risk_of_overweight": "Berisiko gizi lebih",
        "overweight": "Gizi lebih",
        "obese": "Obesitas",
    },
}


@dataclass(frozen=True, slots=True)
class Column:
    header: str
    key: str


@dataclass(frozen=True, slots=True)
class Layout:
    key: str
    label: str
    columns: tuple[Column, ...]

    @property
    def headers(self) -> list[str]:
        return [c.header for c in self.columns]


@cache
def _raw() -> dict[str, Any]:
    return json.loads(_DATA.read_text(encoding="utf-8"))


@cache
def layouts() -> dict[str, Layout]:
    """Every layout of the data file, by key (the default first)."""
    raw = _raw()
    out = {
        key: Layout(key, v["label"], tuple(Column(c["header"], c["key"]) for c in v["columns"]))
        for key, v in raw["layouts"].items()
    }
    default = raw["default"]
    return {default: out.pop(default), **out}


def default_layout() -> str:
    return next(iter(layouts()))


@dataclass(frozen=True, slots=True)
class Measurement:
    """One child's measurement of one month, with the identity and place e-PPGBM asks for.

    Weights in kg, lengths in cm (as recorded, one decimal); z-scores rounded to 2 decimals;
    `cat_*` the WHO category codes of `tikar.growth.who2006` ("" when flagged or missing);
    `measured_lying` None when not recorded; `weight_gain` "N" | "T" | "O" | "B" | "".
    """

    nik: str
    name: str
    sex: str  # "L" | "P"
    birth_date: date
    parent_name: str = ""
    parent_nik: str = ""
    parent_phone: str = ""
    province: str = ""
    regency: str = ""
    district: str = ""
    village: str = ""
    posyandu: str = ""
    rt: str = ""
    rw: str = ""
    address: str = ""
    kia_number: str = ""
    measure_date: date | None = None
    weight_kg: float | None = None
    length_cm: float | None = None
    measured_lying: bool | None = None
    muac_cm: float | None = None
    zwei: float | None = None
    zlen: float | None = None
    zwfl: float | None = None
    fwei: bool = False
    flen: bool = False
    fwfl: bool = False
    cat_wei: str = ""
    cat_len: str = ""
    cat_wfl: str = ""
    weight_gain: str = ""


def age_text(birth: date, on: date | None) -> str:
    """ "1 Tahun - 3 Bulan - 12 Hari": completed years, months and days from birth to `on`.

    Months are completed calendar months (`age_in_months`: born on the 31st, a month is complete
    on the next 31st or the 1st after it); the days count from the last completed month. ""
    when `on` is missing or before the birth.
    """
    if on is None or on < birth:
        return ""
    months = age_in_months(birth, on)
    index = birth.year * 12 + birth.month - 1 + months
    year, month0 = divmod(index, 12)
    anniversary_month = date(year, month0 + 1, 1)
    last = month_end(anniversary_month)
    if birth.day <= last.day:
        anniversary = anniversary_month.replace(day=birth.day)
    else:  # no such day in that month: the month completes on the 1st after it
        anniversary = date.fromordinal(last.toordinal() + 1)
    days = (on - anniversary).days
    return f"{months // 12} Tahun - {months % 12} Bulan - {days} Hari"


def _category(ind: str, flagged: bool) -> Callable[[Measurement], str]:
    def value(m: Measurement) -> str:
        if flagged and getattr(m, f"f{ind}"):
            return ""
        return CATEGORY_WORDS[ind].get(getattr(m, f"cat_{ind}"), "")

    return value


def _z(ind: str) -> Callable[[Measurement], float | None]:
    return lambda m: getattr(m, f"z{ind}")


def _method(m: Measurement) -> str:
    return {True: "Terlentang", False: "Berdiri"}.get(m.measured_lying, "")


def _gain(m: Measurement) -> str:
    return _raw()["gain_values"].get(m.weight_gain, "")


_VALUES: dict[str, Callable[[Measurement], Any]] = {
    "nik": lambda m: m.nik or "",
    "name": lambda m: m.name,
    "sex": lambda m: m.sex,
    "birth_date": lambda m: m.birth_date,
    "parent_name": lambda m: m.parent_name,
    "parent_nik": lambda m: m.parent_nik or "",
    "parent_phone": lambda m: m.parent_phone or "",
    "province": lambda m: m.province,
    "regency": lambda m: m.regency,
    "district": lambda m: m.district,
    "village": lambda m: m.village,
    "posyandu": lambda m: m.posyandu,
    "rt": lambda m: m.rt,
    "rw": lambda m: m.rw,
    "address": lambda m: m.address,
    "age_text": lambda m: age_text(m.birth_date, m.measure_date),
    "measure_date": lambda m: m.measure_date,
    "weight": lambda m: m.weight_kg,
    "height": lambda m: m.length_cm,
    "measure_method": _method,
    "muac": lambda m: m.muac_cm,
    "cat_wei": _category("wei", True),
    "zwei": _z("wei"),
    "cat_len": _category("len", True),
    "zlen": _z("len"),
    "cat_wfl": _category("wfl", True),
    "zwfl": _z("wfl"),
    "weight_gain": _gain,
    "kia": lambda m: "Ya" if m.kia_number else "Tidak",
}
# Columns of the layouts that Tikar does not record: an empty cell.
NOT_RECORDED = frozenset(
    {
        "birth_weight",
        "birth_length",
        "birth_head_circumference",
        "puskesmas",
        "pmt_kg",
        "vitamin_a",
        "kpsp",
        "kk_number",
        "child_order",
        "imd",
        "kelas_ibu_balita",
        "mbg",
    }
)


def build_rows(records: Iterable[Measurement], layout: str | None = None) -> list[list[Any]]:
    """The rows of `layout` (default: the data file's default) for `records`, in order.

    KeyError for an unknown layout or a column key that is neither mapped nor NOT_RECORDED
    (a new column added to the data file must be given a source here first).
    """
    cols = layouts()[layout or default_layout()].columns
    for c in cols:
        if c.key not in _VALUES and c.key not in NOT_RECORDED:
            raise KeyError(f"e-PPGBM column {c.header!r}: no source for key {c.key!r}")
    return [[_VALUES[c.key](m) if c.key in _VALUES else None for c in cols] for m in records]
