"""The stored weighing judgement of ChildVisit (N / T / O / B, 2T), kept current.

A month's code depends on the month before (its weight) and on the child's previous weighing
(2T), so a change to one visit can change the next one's code: every change recomputes the
whole child with `tikar.growth.weighing.judge_series` (docs/posyandu.md).

- `refresh_child(child_id)`: recompute every alive visit of one child in month order with its
  kabupaten's KBM table; `bulk_update` of the rows whose stored judgement changed (no new
  version or change_seq: the columns are derived, the phones compute them themselves; no
  history row). Three queries and one UPDATE per changed row at most.
- Called by `ChildVisit.save` (so also soft_delete / restore, the page, the API, the sync and
  the import), after a child's birth date or sex change (`monitoring.corrections`), after a
  kabupaten's KBM table change (`refresh_region`), and by `manage.py refresh_weight_gain`.
- `deferred()`: a block inside which saves only collect the child ids; each child is refreshed
  once at the end of the block (imports, corrections that save many visits of a child).

Age for the KBM: completed calendar months (`rules.age_on`) on the visit date, else on the
month's last day.
"""

from __future__ import annotations

import contextvars
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import date
from decimal import Decimal
from typing import Any
from uuid import UUID

from django.db import transaction
from django.db.models import Q

from tikar.calendar import month_end
from tikar.growth.weighing import Judgement, Weighing, judge_series
from tikar.monitoring import rules

STORED_FIELDS = ("weight_gain", "weight_gain_g", "weight_gain_kbm_g", "two_t", "gain_overridden")

_pending: contextvars.ContextVar[set | None] = contextvars.ContextVar(
    "tikar_weight_gain_pending", default=None
)


def age_months(birth: date, month: date, visit_date: date | None) -> int:
    """Completed months on the visit date, else on the last day of the month (contract §1)."""
    return rules.age_on(birth, visit_date or month_end(month)).months


def stored_values(j: Judgement) -> dict[str, Any]:
    """A judgement as the ChildVisit columns of STORED_FIELDS."""
    return {
        "weight_gain": j.code,
        "weight_gain_g": j.gain_g,
        "weight_gain_kbm_g": j.kbm_g,
        "two_t": j.two_t,
        "gain_overridden": j.overridden,
    }


def series(birth: date, rows: Iterable[Any]) -> list[Weighing]:
    """One child's records (ChildVisit or rows with month, visit_date, weight_kg and
    gain_override_reason) as the `Weighing`s `judge_series` reads, in the given order."""
    return [
        Weighing(
            r.month,
            age_months(birth, r.month, r.visit_date),
            r.weight_kg,
            r.gain_override_reason or "",
        )
        for r in rows
    ]


def refresh_child(child_id: UUID | str, *, table: str | None = None, instance: Any = None) -> int:
    """Recompute and store the judgement of every alive visit of one child; rows changed.

    `table`: the KBM table key when the caller already knows it (a kabupaten-wide refresh);
    else the child's kabupaten's (`tikar.growth.standards.kbm_table_for`). `instance`: a
    ChildVisit in memory (the one just saved) whose attributes are set to the stored values.
    The child row is locked first (PostgreSQL), so two saves of one child's months at once
    are judged one after the other, the second seeing the first.
    """
    from tikar.growth.standards import kbm_table_for
    from tikar.households.models import Child, lock_for_update
    from tikar.monitoring.models import ChildVisit

    with transaction.atomic():
        child = (
            lock_for_update(Child.objects.filter(pk=child_id))
            .values("birth_date", "village_id")
            .first()
        )
        if child is None or child["birth_date"] is None:
            return 0
        visits = list(
            ChildVisit.objects.alive()
            .filter(child_id=child_id)
            .order_by("month")
            .only("id", "month", "visit_date", "weight_kg", "gain_override_reason", *STORED_FIELDS)
        )
        if not visits:
            return 0
        table = table or kbm_table_for(child["village_id"])
        judgements = judge_series(series(child["birth_date"], visits), table)
        changed = []
        for visit, j in zip(visits, judgements, strict=True):
            values = stored_values(j)
            if any(getattr(visit, k) != v for k, v in values.items()):
                for k, v in values.items():
                    setattr(visit, k, v)
                changed.append(visit)
            if instance is not None and visit.pk == instance.pk:
                for k, v in values.items():
                    setattr(instance, k, v)
        if changed:
            ChildVisit.objects.bulk_update(changed, STORED_FIELDS)
        return len(changed)


def judge_in_memory(
    births: dict[Any, date], visits_by_child: dict[Any, list[Any]], table: str
) -> list[Any]:
    """`refresh_child` for many children at once, on visits held in memory (no query).

    `births`: child id -> birth date; `visits_by_child`: child id -> every alive visit of that
    child (stored ones read by the caller and new unsaved ones alike; any order). Sets the
    STORED_FIELDS of every visit to its judgement with KBM table `table` and returns the
    visits whose values changed, for the caller to write (the bulk import inserts the new ones
    with their judgement and `bulk_update`s the stored ones returned).
    """
    changed = []
    for child_id, visits in visits_by_child.items():
        ordered = sorted(visits, key=lambda v: v.month)
        judgements = judge_series(series(births[child_id], ordered), table)
        for visit, j in zip(ordered, judgements, strict=True):
            values = stored_values(j)
            if any(getattr(visit, k) != v for k, v in values.items()):
                for k, v in values.items():
                    setattr(visit, k, v)
                changed.append(visit)
    return changed


def after_visit_saved(visit: Any) -> None:
    """ChildVisit.save's hook: refresh its child now, or at the end of a `deferred()` block."""
    pending = _pending.get()
    if pending is not None:
        pending.add(visit.child_id)
        return
    refresh_child(visit.child_id, instance=visit)


def refresh_children(child_ids: Iterable[UUID | str], *, table: str | None = None) -> int:
    """`refresh_child` for each id (each once); the rows changed in all."""
    return sum(refresh_child(cid, table=table) for cid in dict.fromkeys(child_ids))


@contextmanager
def deferred() -> Iterator[set]:
    """Within the block, ChildVisit saves only collect their child; each is refreshed once at
    the end (when the block ends without an error). Nested blocks refresh at the outermost."""
    if _pending.get() is not None:
        yield _pending.get()
        return
    pending: set = set()
    token = _pending.set(pending)
    try:
        yield pending
    finally:
        _pending.reset(token)
    refresh_children(sorted(pending, key=str))


def refresh_region(region_code: str | None = None, *, batch_size: int = 2000) -> int:
    """Recompute every alive visit in a region (a desa, kecamatan, kabupaten or province code),
    or everywhere; returns the rows changed.

    Built for a kabupaten's KBM table change and `manage.py refresh_weight_gain`: the visits
    are read in one streamed query ordered by desa, child and month, the birth dates in one
    query per desa, each kabupaten's table once, and the changed rows written with
    `bulk_update` in batches. No child lock: a save that runs at the same time refreshes its
    own child again, and a run can be repeated at will (it only writes what differs).
    """
    from itertools import groupby

    from tikar.growth.standards import kbm_table_for
    from tikar.households.models import Child
    from tikar.monitoring.models import ChildVisit

    qs = ChildVisit.objects.alive()
    if region_code:
        qs = qs.filter(Q(village_id=region_code) | Q(village__code__startswith=f"{region_code}."))
    columns = ("id", "child_id", "village_id", "month", "visit_date", "weight_kg")
    rows = (
        qs.order_by("village_id", "child_id", "month")
        .values_list(*columns, "gain_override_reason", *STORED_FIELDS)
        .iterator(chunk_size=batch_size)
    )
    tables: dict[str, str] = {}
    births: dict = {}
    changed: list = []
    count = 0

    def birth_of(child_id, village: str):
        # Rows come desa by desa: one query for the birth dates of each desa's children.
        if births.get("village") != village:
            births.clear()
            births["village"] = village
            births.update(Child.objects.filter(village_id=village).values_list("pk", "birth_date"))
        return births.get(child_id)

    for child_id, group in groupby(rows, key=lambda r: r[1]):
        visits = list(group)
        village = visits[0][2]
        birth = birth_of(child_id, village)
        if birth is None:
            continue
        regency = ".".join(village.split(".")[:2])
        if regency not in tables:
            tables[regency] = kbm_table_for(village)
        weighings = [
            Weighing(r[3], age_months(birth, r[3], r[4]), r[5], r[6] or "") for r in visits
        ]
        for r, j in zip(visits, judge_series(weighings, tables[regency]), strict=True):
            values = stored_values(j)
            if tuple(values.values()) != tuple(r[7:]):
                changed.append(ChildVisit(id=r[0], **values))
        if len(changed) >= batch_size:
            ChildVisit.objects.bulk_update(changed, STORED_FIELDS)
            count += len(changed)
            changed = []
    if changed:
        ChildVisit.objects.bulk_update(changed, STORED_FIELDS)
        count += len(changed)
    return count


def judge_unsaved(
    child: Any,
    month: date,
    weight_kg: Decimal | float | str | None,
    *,
    visit_date: date | None = None,
    override_reason: str = "",
    exclude_id: Any = None,
    table: str | None = None,
    earlier: Iterable[Any] | None = None,
) -> Judgement:
    """The judgement a weighing of `child` in `month` would get, from the stored earlier visits.

    For the entry form's live judgement and the override check: reads the child's alive
    visits before `month` (one query) and judges them with this one (the months after do not
    change it). `exclude_id`: the visit being edited, left out of the earlier ones.
    `earlier`: those visits in month order when the caller has already read them (the entry
    page shows last month's values from the same rows), so they are not read twice.
    """
    from tikar.growth.standards import kbm_table_for
    from tikar.monitoring.models import ChildVisit

    if earlier is None:
        earlier = (
            ChildVisit.objects.alive()
            .filter(child_id=child.pk, month__lt=month)
            .exclude(pk=exclude_id)
            .order_by("month")
            .only("month", "visit_date", "weight_kg", "gain_override_reason")
        )
    weighings = series(child.birth_date, earlier)
    weighings.append(
        Weighing(month, age_months(child.birth_date, month, visit_date), weight_kg, override_reason)
    )
    return judge_series(weighings, table or kbm_table_for(child.village_id))[-1]
