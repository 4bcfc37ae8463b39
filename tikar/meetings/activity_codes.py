"""The village budget activity codes (Permendagri 20/2018) as data, and what a code says.

Pure Python: no Django. The national list is `data/village_activity_codes.json`; a
kabupaten/kota's own codes (the last part 90-99) come from the caller (LocalActivityCode rows).

A code is "B.S.KK": bidang B (1-5), sub-bidang S, kegiatan KK (two digits). Formulir 4 table 5
reads two bidang: 2 (Pelaksanaan Pembangunan Desa, "development") and 4 (Pemberdayaan
Masyarakat Desa, "empowerment").
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

DATA = Path(__file__).with_name("data") / "village_activity_codes.json"
CODE = re.compile(r"([1-5])\.(\d{1,2})\.(\d{2})")
TABLE5_BIDANG = {"2": "development", "4": "empowerment"}


@dataclass(frozen=True, slots=True)
class ActivityCode:
    code: str
    name: str
    package: int | None  # ServicePackage 1-5, or None (e.g. the musyawarah itself)
    local: bool = False  # a kabupaten's own code (90-99)


@cache
def national_codes() -> dict[str, ActivityCode]:
    """The national list, by code, in the file's order."""
    raw = json.loads(DATA.read_text(encoding="utf-8"))
    return {c["code"]: ActivityCode(c["code"], c["name"], c["package"]) for c in raw["codes"]}


@cache
def bidang_names() -> dict[str, str]:
    return json.loads(DATA.read_text(encoding="utf-8"))["bidang"]


def is_well_formed(code: str) -> bool:
    return CODE.fullmatch(code) is not None


def is_local(code: str) -> bool:
    """True for a kabupaten-specific code: the kegiatan part is 90-99."""
    m = CODE.fullmatch(code)
    return m is not None and 90 <= int(m.group(3)) <= 99


def bidang_of(code: str) -> str | None:
    """The bidang digit ("1".."5") of a well-formed code, else None."""
    m = CODE.fullmatch(code)
    return m.group(1) if m else None


def table5_column(code: str) -> str | None:
    """ "development", "empowerment" or None: which column of Formulir 4 table 5 a code feeds."""
    b = bidang_of(code)
    return TABLE5_BIDANG.get(b) if b else None
