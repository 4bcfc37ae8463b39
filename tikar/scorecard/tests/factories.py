"""Small builders for the scorecard tests (not a test module: no `test_` prefix)."""

from __future__ import annotations

from datetime import date

from tikar.monitoring.records import ChildInput, ChildMonth, PregnancyInput, PregnancyMonth
from tikar.scorecard.evaluate import Cell, TargetResult
from tikar.scorecard.rules import CHILD, INDICATORS, PREGNANCY


def month(year: int, m: int) -> date:
    return date(year, m, 1)


def pregnancy(*records: PregnancyMonth, delivery: date | None = None) -> PregnancyInput:
    return PregnancyInput("preg-1", delivery, tuple(records))


def pm(year: int, m: int, **facts) -> PregnancyMonth:
    """A 2a record whose id says its month, e.g. 'p2025-03'."""
    return PregnancyMonth(f"p{year}-{m:02d}", month(year, m), **facts)


def child(birth: date, *records: ChildMonth) -> ChildInput:
    return ChildInput("child-1", birth, tuple(records))


def cm(year: int, m: int, **facts) -> ChildMonth:
    return ChildMonth(f"c{year}-{m:02d}", month(year, m), **facts)


def result(group: str, values: str, target_id: str = "t", **extra) -> TargetResult:
    """A hand-made 3a/3b row from a string of values such as 'Y Y TS T ...'."""
    cells = [
        Cell(ind.code, ind.number, value, (), (), "")
        for ind, value in zip(INDICATORS[group], values.split(), strict=True)
    ]
    return TargetResult.build(
        group, target_id, "tm2" if group == PREGNANCY else "6-12", cells, **extra
    )


def values(r: TargetResult) -> str:
    return " ".join(c.value for c in r.cells)


__all__ = ["CHILD", "PREGNANCY", "child", "cm", "month", "pm", "pregnancy", "result", "values"]
