"""Formulir 4 table 5 prefilled from the rembuk's proposals allocated in the APBDes.

Pure Python: no Django. Works on objects with the attributes of `meetings.models.Proposal`.

Rule (rembuk.md "From the rembuk to the budget"; issue 11 item 5): table 5 of year Y reads the
APBDes of Y, which the meeting of year Y − 1 fed. Its "allocation for stunting" of a bidang is
the sum of `allocated_amount` of that meeting's proposals that
- are at stage allocated or realised (a realised one keeps its allocated amount),
- are funded by Dana Desa (table 5 is about Dana Desa only), and
- carry an activity code of bidang 2 (Pelaksanaan Pembangunan Desa → "development") or bidang 4
  (Pemberdayaan Masyarakat Desa → "empowerment"), activity_codes.table5_column.
Dana Desa proposals allocated under another bidang or not yet coded are listed apart and not
added: the village decides where they belong. The village confirms the sums by saving the form.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from tikar.meetings.activity_codes import table5_column
from tikar.meetings.totals import ALLOCATED_STAGES

DANA_DESA = "dana_desa"


@dataclass
class Prefill:
    development: int = 0  # rupiah
    empowerment: int = 0
    development_lines: list[Any] = field(default_factory=list)
    empowerment_lines: list[Any] = field(default_factory=list)
    apart: list[Any] = field(default_factory=list)  # Dana Desa, allocated, other bidang/uncoded

    @property
    def lines(self) -> list[Any]:
        return self.development_lines + self.empowerment_lines

    @property
    def empty(self) -> bool:
        return not (self.development_lines or self.empowerment_lines or self.apart)


def table5_prefill(proposals: Iterable[Any]) -> Prefill:
    """The two stunting amounts of table 5 from the proposals of the meeting of year Y − 1."""
    out = Prefill()
    for p in proposals:
        if p.stage not in ALLOCATED_STAGES or p.funding_source != DANA_DESA:
            continue
        column = table5_column(p.activity_code or "")
        amount = int(p.allocated_amount or 0)
        if column == "development":
            out.development += amount
            out.development_lines.append(p)
        elif column == "empowerment":
            out.empowerment += amount
            out.empowerment_lines.append(p)
        else:
            out.apart.append(p)
    return out


def allocated_by_source(proposals: Iterable[Any], sources: Iterable[str]) -> tuple[int, list[Any]]:
    """A kelurahan's stand-in for table 5: the allocated amount (rupiah) and the lines of the
    proposals at stage allocated or realised funded from one of `sources` (dana kelurahan, APBD)."""
    wanted = set(sources)
    lines = [p for p in proposals if p.stage in ALLOCATED_STAGES and p.funding_source in wanted]
    return sum(int(p.allocated_amount or 0) for p in lines), lines
