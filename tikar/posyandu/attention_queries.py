"""The attention list of a desa from the database: a fixed number of queries, then pure rules.

`attention_for_village(village_code, today, posyandu_id=None) -> list[AttentionItem]` runs five
queries whatever the number of targets (children, their monthly records, pregnancies, their
monthly records, the kabupaten's postnatal standard) and hands plain facts to
`tikar.posyandu.attention`. Callers pass a village the user may read (`village_for(request)`
goes through the scope rules); every query here is filtered by that village code.

The children's records are read in one query served by the index `childvisit_month`
(village, month) over the balita window (the last 60 months); the pregnancies' through
`pregnancy_open` (village, closed_at).
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date, timedelta
from uuid import UUID

from django.db.models import F, Q
from django.db.models.functions import Coalesce
from django.urls import reverse

from tikar.calendar import POSTNATAL_DAYS, shift_day
from tikar.households.models import Child, Pregnancy
from tikar.monitoring.models import ChildVisit, PregnancyVisit
from tikar.monitoring.rules import age_on
from tikar.posyandu.attention import (
    AttentionItem,
    ChildFacts,
    ChildMonth,
    PregnancyFacts,
    PregnancyMonth,
    child_reasons,
    pregnancy_reasons,
    sort_items,
)
from tikar.scorecard.refresh import ruleset_for

__all__ = ["AttentionItem", "attention_for_village"]

_CHILD_VISIT_FIELDS = (
    "child_id",
    "month",
    "weight_kg",
    "weight_gain",
    "weight_gain_g",
    "weight_gain_kbm_g",
    "two_t",
    "zwei",
    "oedema",
    "length_cm",
    "zlen",
    "flen",
    "zwfl",
    "fwfl",
    "immunisation_up_to_date",
    "immunisation_basic_complete",
    "immunisation_measles",
)


def _posyandu_q(prefix: str, posyandu_id: UUID | str | int | None) -> Q:
    """The target's own posyandu, else its household's."""
    if posyandu_id is None:
        return Q()
    return Q(posyandu_id=posyandu_id) | Q(
        posyandu__isnull=True, **{f"{prefix}posyandu_id": posyandu_id}
    )


def attention_for_village(
    village_code: str, today: date, posyandu_id: UUID | str | int | None = None
) -> list[AttentionItem]:
    """Every child (0-59 months) and pregnancy of the desa with at least one reason, sorted:
    rujuk first, then posyandu, name. `posyandu_id` keeps one posyandu's targets (the target's
    posyandu, else its household's)."""
    children = (
        Child.objects.alive()
        .filter(
            village_id=village_code,
            closed_at__isnull=True,
            birth_date__lte=today,
            birth_date__gt=shift_day(today, -60),
        )
        .filter(_posyandu_q("household__", posyandu_id))
    )
    child_rows = list(
        children.annotate(
            pos_name=Coalesce(F("posyandu__name"), F("household__posyandu__name")),
            pos_id=Coalesce(F("posyandu_id"), F("household__posyandu_id")),
        ).values(
            "id",
            "name",
            "sex",
            "birth_date",
            "pos_name",
            "pos_id",
            "household__dusun",
            "household__rt",
            "mother__name",
            "mother__phone",
        )
    )
    months: dict[UUID, list[ChildMonth]] = defaultdict(list)
    if child_rows:
        visits = ChildVisit.objects.alive().filter(
            village_id=village_code,
            month__gte=shift_day(today.replace(day=1), -60),
            child__in=children.values("id"),
        )
        for row in visits.values_list(*_CHILD_VISIT_FIELDS):
            months[row[0]].append(ChildMonth(*row[1:]))

    items: list[AttentionItem] = []
    for c in child_rows:
        facts = ChildFacts(c["birth_date"], c["sex"], c["name"], months.get(c["id"], ()))
        reasons = child_reasons(facts, today)
        if reasons:
            items.append(
                AttentionItem(
                    kind="child",
                    id=str(c["id"]),
                    name=c["name"],
                    reasons=tuple(reasons),
                    posyandu=c["pos_name"] or "",
                    posyandu_id=str(c["pos_id"] or ""),
                    dusun=c["household__dusun"] or "",
                    rt=c["household__rt"] or "",
                    url=reverse("target", args=[c["id"]]),
                    phone=c["mother__phone"] or "",
                    mother=c["mother__name"] or "",
                    age=f"{age_on(c['birth_date'], today).months} bulan",
                    village=village_code,
                )
            )

    pregnancies = (
        Pregnancy.objects.alive()
        .filter(village_id=village_code, closed_at__isnull=True)
        .filter(
            Q(delivery_date__isnull=True)
            | Q(delivery_date__gte=today - timedelta(days=POSTNATAL_DAYS))
        )
        .filter(_posyandu_q("mother__household__", posyandu_id))
    )
    preg_rows = list(
        pregnancies.annotate(
            pos_name=Coalesce(F("posyandu__name"), F("mother__household__posyandu__name")),
            pos_id=Coalesce(F("posyandu_id"), F("mother__household__posyandu_id")),
        ).values(
            "id",
            "due_date",
            "delivery_date",
            "risk_status",
            "pos_name",
            "pos_id",
            "mother__name",
            "mother__phone",
            "mother__household__dusun",
            "mother__household__rt",
        )
    )
    if preg_rows:
        visits_of: dict[UUID, list[PregnancyMonth]] = defaultdict(list)
        pvisits = PregnancyVisit.objects.alive().filter(
            village_id=village_code, pregnancy__in=pregnancies.values("id")
        )
        for pid, *rest in pvisits.values_list(
            "pregnancy_id", "month", "muac_cm", "postnatal_checks", "risk_status"
        ):
            visits_of[pid].append(PregnancyMonth(*rest))
        pnc = ruleset_for(village_code, today.year).pnc_standard
        for p in preg_rows:
            facts = PregnancyFacts(
                due_date=p["due_date"],
                delivery_date=p["delivery_date"],
                risk_status=p["risk_status"],
                visits=visits_of.get(p["id"], ()),
                pnc_standard=pnc,
                name=p["mother__name"],
            )
            reasons = pregnancy_reasons(facts, today)
            if not reasons:
                continue
            nifas = p["delivery_date"] is not None and p["delivery_date"] <= today
            items.append(
                AttentionItem(
                    kind="pregnancy",
                    id=str(p["id"]),
                    name=p["mother__name"],
                    reasons=tuple(reasons),
                    posyandu=p["pos_name"] or "",
                    posyandu_id=str(p["pos_id"] or ""),
                    dusun=p["mother__household__dusun"] or "",
                    rt=p["mother__household__rt"] or "",
                    url=reverse("target", args=[p["id"]]),
                    phone=p["mother__phone"] or "",
                    mother=p["mother__name"],
                    age="nifas" if nifas else "hamil",
                    village=village_code,
                )
            )
    return sort_items(items)
