"""The Django side of the register's rules: region list, today's date, ValidationError.

The rules themselves live in the pure modules (`nik`, `tikar.monitoring.rules`) so the phone
can run the same ones; this module feeds them what only the server knows and turns their
findings into Django errors. Messages are already in Bahasa Indonesia; the `code` of each
error is the rule's code, for clients that want to key on it.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from functools import cache

from django.core.exceptions import ValidationError
from django.utils import timezone

from tikar.households import rules
from tikar.households.nik import check_nik
from tikar.households.problems import Problem
from tikar.households.rules import check_not_future
from tikar.regions.models import Level, Region


@cache
def kecamatan_codes() -> frozenset[str]:
    """Every kecamatan code without dots ("121007"): the valid NIK prefixes.

    Cached for the life of the process: the region list changes only with a migration.
    """
    codes = Region.objects.filter(level=Level.DISTRICT).values_list("code", flat=True)
    return frozenset(code.replace(".", "") for code in codes)


def nik_problems(
    nik: str | None,
    *,
    sex: str | None = None,
    birth_date: date | None = None,
    errors_only: bool = False,
    warnings_only: bool = False,
) -> list[Problem]:
    problems = check_nik(nik, kecamatan_codes=kecamatan_codes(), sex=sex, birth_date=birth_date)
    if errors_only:
        return [p for p in problems if p.is_error]
    if warnings_only:
        return [p for p in problems if not p.is_error]
    return problems


def refuse_future(**dates: date | None) -> list[Problem]:
    today = timezone.localdate()
    problems: list[Problem] = []
    for field, value in dates.items():
        problems += check_not_future(value, today, field)
    return problems


def implausible_dates(instance=None, **dates: date | None) -> list[Problem]:
    """Errors for dates outside their plausible range (tikar.households.rules), by field name.

    Keywords: `child_birth_date`, `mother_birth_date` (both field "birth_date"), `due_date`,
    `delivery_date`. With a stored `instance`, a date equal to the stored one is not judged:
    the ranges move with today, so a child registered at 5 years is "too old" a year later,
    and correcting its name must not be refused for a birth date nobody changed.
    """
    checks = {
        "child_birth_date": ("birth_date", rules.check_child_birth_date),
        "mother_birth_date": ("birth_date", rules.check_mother_birth_date),
        "due_date": ("due_date", rules.check_due_date),
        "delivery_date": ("delivery_date", rules.check_delivery_date),
    }
    stored: dict[str, date | None] = {}
    if instance is not None and not instance._state.adding and instance.pk is not None:
        fields = sorted({checks[name][0] for name in dates})
        row = type(instance)._base_manager.filter(pk=instance.pk).values(*fields).first()
        stored = row or {}
    today = timezone.localdate()
    problems: list[Problem] = []
    for name, value in dates.items():
        field, check = checks[name]
        if field in stored and stored[field] == value:
            continue
        problems += check(value, today)
    return problems


def raise_errors(problems: list[Problem]) -> None:
    """Raise one ValidationError holding every error (warnings are ignored here)."""
    by_field: dict[str, list[ValidationError]] = defaultdict(list)
    for p in problems:
        if p.is_error:
            by_field[p.field or "__all__"].append(ValidationError(p.message, code=p.code))
    if by_field:
        raise ValidationError(dict(by_field))
