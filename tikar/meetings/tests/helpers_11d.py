"""Shared rows for the 11d tests: a meeting and its proposals, written directly."""

from __future__ import annotations

from datetime import date
from types import SimpleNamespace

from tikar.meetings.models import Proposal, VillageMeeting


def meeting(village, year: int) -> VillageMeeting:
    return VillageMeeting.objects.create(
        village=village, year=year, held_on=date(year, 6, 10), place="Balai desa"
    )


def proposal(m: VillageMeeting, activity: str, **kw) -> Proposal:
    values = {
        "package": 1,
        "kind": "specific",
        "estimated_cost": 1_000_000,
        "funding_source": "dana_desa",
        "activity_code": "2.2.02",
    }
    values.update(kw)
    return Proposal.objects.create(meeting=m, activity=activity, **values)


def row(**kw) -> SimpleNamespace:
    """A proposal-like object for the pure modules."""
    values = {
        "package": 1,
        "funding_source": "dana_desa",
        "stage": "proposed",
        "activity_code": "2.2.02",
        "estimated_cost": 0,
        "planned_amount": None,
        "allocated_amount": None,
        "realised_amount": None,
    }
    values.update(kw)
    return SimpleNamespace(**values)
