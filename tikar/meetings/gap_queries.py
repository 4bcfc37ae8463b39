"""Reads for the gaps page (/rembuk/celah/): the stored scorecard results of a desa, counted in
SQL by quarter, group, dusun and posyandu; and the targets not served behind one gap line.

Every figure comes from `scorecard.models.QuarterResult` (character i of `cells` is indicator
i: "Y" received, "S" TS, "T" or "?" not received), made fresh first with
`scorecard.refresh.ensure_fresh` exactly as the scorecard page does. The arithmetic is in the
pure module `gaps`.

The dusun is the target's household's `dusun` and the posyandu the target's `posyandu`, both
as they are NOW (a result row keeps neither): a household that moved dusun is counted in its
new dusun for earlier quarters too.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from django.db.models import (
    Case,
    CharField,
    Count,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Cast, Coalesce, Substr

from tikar.calendar import Quarter
from tikar.households.models import Child, Household, Pregnancy
from tikar.meetings import gaps
from tikar.regions.models import Posyandu, Region
from tikar.scorecard.models import QuarterLock, QuarterResult
from tikar.scorecard.refresh import ensure_fresh
from tikar.scorecard.rules import CHILD, INDICATORS, PREGNANCY

# The largest number of indicators of a group (anak 0-23 bulan: 10).
_WIDTH = max(len(v) for v in INDICATORS.values())
NO_POSYANDU = ""  # the posyandu key of a target without one
NO_POSYANDU_PARAM = "none"  # ... and its value in ?posyandu=
INDICATOR_LIST: dict[str, list[tuple[int, str]]] = {
    g: [(ind.number, ind.code) for ind in inds] for g, inds in INDICATORS.items()
}


def indicator(group: str, code: str):
    """The scorecard.rules.Indicator and its 1-based position in `cells`."""
    for i, ind in enumerate(INDICATORS[group], start=1):
        if ind.code == code:
            return ind, i
    raise KeyError((group, code))


def _dusun_expr():
    household = Household.objects.filter(pk=OuterRef("household_id")).values("dusun")[:1]
    return Coalesce(Subquery(household), Value(""), output_field=CharField())


def _posyandu_expr():
    """The target's posyandu id as text ("" for none), from the pregnancy or the child."""

    def of(model):
        sub = model.objects.filter(pk=OuterRef("target_id")).values("posyandu_id")[:1]
        return Cast(Subquery(sub), CharField())

    return Coalesce(
        Case(When(target_type=PREGNANCY, then=of(Pregnancy)), default=of(Child)),
        Value(NO_POSYANDU),
        output_field=CharField(),
    )


def _quarters_q(quarters: list[Quarter]) -> Q:
    q = Q(pk__in=[])
    for year, quarter in quarters:
        q |= Q(year=year, quarter=quarter)
    return q


def make_fresh(village_code: str, quarters: list[Quarter]) -> None:
    """Recompute every quarter that is dirty or stale, as the scorecard page does."""
    for year, quarter in quarters:
        ensure_fresh(village_code, year, quarter)


def count_table(
    rows: QuerySet[QuarterResult], quarters: list[Quarter]
) -> dict[gaps.Cell, list[gaps.Counts]]:
    """{(quarter, group, dusun, posyandu key): [Counts per indicator]} in one query over
    `rows` (the desa's results, already scoped to the user).

    Serves from the index quarterresult_desa (village, year, quarter, group); the dusun and
    posyandu are primary-key look-ups per row (Household, Pregnancy, Child).
    """
    qs = (
        rows.filter(_quarters_q(quarters))
        .annotate(
            dusun=_dusun_expr(),
            posyandu_key=_posyandu_expr(),
            **{f"c{i}": Substr("cells", i, 1) for i in range(1, _WIDTH + 1)},
        )
        .values("year", "quarter", "group", "dusun", "posyandu_key")
    )
    aggregates: dict[str, Any] = {"n": Count("pk")}
    for i in range(1, _WIDTH + 1):
        aggregates[f"y{i}"] = Count("pk", filter=Q(**{f"c{i}": "Y"}))
        aggregates[f"s{i}"] = Count("pk", filter=Q(**{f"c{i}": "S"}))
    table: dict[gaps.Cell, list[gaps.Counts]] = {}
    for row in qs.annotate(**aggregates).order_by():
        width = len(INDICATORS.get(row["group"], ()))
        key = ((row["year"], row["quarter"]), row["group"], row["dusun"] or "",
               row["posyandu_key"] or NO_POSYANDU)  # fmt: skip
        counts = [gaps.Counts(row["n"], row[f"y{i}"], row[f"s{i}"]) for i in range(1, width + 1)]
        # The same key can come twice when two dusun texts coalesce to "" (NULL and "").
        table[key] = gaps._add_lists(table.get(key, []), counts)
    return table


def posyandu_names(village_code: str) -> dict[str, str]:
    """{posyandu key: name} of the desa's posyandu (active or not: old quarters name them)."""
    return {
        str(pk): name
        for pk, name in Posyandu.objects.filter(village_id=village_code).values_list("pk", "name")
    }


def dusun_registered(village_code: str, dusun: str) -> bool:
    """Whether a household of the desa's register (not deleted) is in `dusun` (exact text).

    Serves from the index household_address (village, dusun, rt, rw)."""
    return Household.objects.filter(
        village_id=village_code, dusun=dusun, deleted_at__isnull=True
    ).exists()


def quarter_statuses(village_code: str, quarters: list[Quarter]) -> dict[Quarter, Any]:
    """{quarter: locked_at} of the validated quarters among `quarters`."""
    return {
        (lock.year, lock.quarter): lock.locked_at
        for lock in QuarterLock.objects.filter(village_id=village_code, locked_at__isnull=False)
        .filter(_quarters_q(quarters))
        .only("year", "quarter", "locked_at")
    }


def latest_validated(village_code: str) -> Quarter | None:
    """The desa's latest validated quarter (QuarterLock with locked_at set), or None.

    Serves from the unique index quarterlock_one (village, year, quarter).
    """
    lock = (
        QuarterLock.objects.filter(village_id=village_code, locked_at__isnull=False)
        .order_by("-year", "-quarter")
        .values_list("year", "quarter")
        .first()
    )
    return tuple(lock) if lock else None  # type: ignore[return-value]


def default_quarter(village_code: str, today: date) -> tuple[Quarter, bool]:
    """(quarter, validated): the latest validated quarter, else the latest completed one."""
    q = latest_validated(village_code)
    if q is not None:
        return q, True
    return gaps.last_completed(today), False


# --------------------------------------------------------------------------------------------
# The targets not served behind one gap line


def not_served_rows(
    rows: QuerySet[QuarterResult],
    quarters: list[Quarter],
    group: str,
    code: str,
    *,
    dusun: str | None = None,
    posyandu: str | None = None,
) -> list[dict[str, Any]]:
    """The rows (already scoped to the user and the desa) whose cell for the indicator is T or
    "?" in the quarters, optionally in one dusun or posyandu; one dict per row with year,
    quarter, target_type, target_id, the cell, dusun and posyandu key."""
    _ind, i = indicator(group, code)
    qs = (
        rows.filter(_quarters_q(quarters), group=group)
        .annotate(cell=Substr("cells", i, 1), dusun=_dusun_expr(), posyandu_key=_posyandu_expr())
        .filter(cell__in=("T", "?"))
    )
    if dusun is not None:
        qs = qs.filter(dusun=dusun)
    if posyandu is not None:
        qs = qs.filter(posyandu_key=posyandu)
    fields = ("year", "quarter", "target_type", "target_id", "cell", "dusun", "posyandu_key")
    return list(qs.values(*fields).order_by("dusun", "year", "quarter"))


def target_names(rows: list[dict[str, Any]]) -> dict[str, dict[str, str]]:
    """{target id: {"name", "detail"}}: two queries, whatever the number of rows."""
    preg_ids = [r["target_id"] for r in rows if r["target_type"] == PREGNANCY]
    child_ids = [r["target_id"] for r in rows if r["target_type"] == CHILD]
    names: dict[str, dict[str, str]] = {}
    for pk, mother, kia in Pregnancy.objects.filter(pk__in=preg_ids).values_list(
        "pk", "mother__name", "kia_number"
    ):
        names[str(pk)] = {"name": mother, "detail": kia}
    for pk, name, birth in Child.objects.filter(pk__in=child_ids).values_list(
        "pk", "name", "birth_date"
    ):
        names[str(pk)] = {"name": name, "detail": f"{birth:%d-%m-%Y}"}
    return names


def village_name(code: str) -> str:
    region = Region.objects.filter(code=code).first()
    return region.full_name if region else code
