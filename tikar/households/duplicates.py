"""Likely duplicates: is the person being added already in the desa's register?

One check for every path that creates a mother or a child (the register page, the API, the
Excel import), so that each asks the same question with the same words (issue 8, section 1).
A likely duplicate is never an error: twins share a birth date and a mother, and two women of a
desa may share a name and a birth date. It is a warning the user confirms: a tick on the page,
`confirm_warnings: true` in the API, a warning line in the import report.

What counts as "likely the same person" (forms.md, the register screen):
- a mother: the same NIK, or a similar name and the same birth date;
- a child: the same NIK, the same temporary number, or a similar name with the same birth date
  or the same mother.

`similar_names` treats one name contained in the other ("Siti Aminah" / "Siti Aminah Lubis")
or a difflib ratio of at least 0.8 ("Siti Amina") as similar.

The matching itself (`mother_match`, `child_match`) works on plain values, so the importer can
run it on the rows it already holds in memory (a 10,000-row file must not cost a query per row);
`mother_duplicates` and `child_duplicates` ask the database for one new person.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from difflib import SequenceMatcher
from typing import Any
from uuid import UUID

from django.db.models import Q
from django.utils.translation import gettext as _

from tikar.households.models import Child, Mother
from tikar.households.problems import WARNING, Problem

# How many register entries sharing a birth date, mother or number are compared by name: the
# likely duplicates are among the first few, and a desa (or a file) with hundreds of children on
# one birth date must not cost a name comparison for every pair.
MAX_CANDIDATES = 30
CODE = "likely_duplicate"  # the warning's stable code (API, import report, the phone)

# Why two entries look like one person; the words are in `what_text`.
SAME_NIK = "same_nik"
SAME_TEMP_NUMBER = "same_temp_number"
SIMILAR_NAME_BIRTH = "similar_name_birth"
SIMILAR_NAME_MOTHER = "similar_name_mother"


def what_text(reason: str) -> str:
    return {
        SAME_NIK: _("same NIK"),
        SAME_TEMP_NUMBER: _("same temporary number"),
        SIMILAR_NAME_BIRTH: _("similar name and the same birth date"),
        SIMILAR_NAME_MOTHER: _("similar name and the same mother"),
    }[reason]


# The field a warning points at: where the user looks to tell the two apart.
REASON_FIELD = {
    SAME_NIK: "nik",
    SAME_TEMP_NUMBER: "temp_number",
    SIMILAR_NAME_BIRTH: "name",
    SIMILAR_NAME_MOTHER: "name",
}


@dataclass(frozen=True)
class Duplicate:
    """A register entry that may be the person being registered."""

    what: str  # what matched, in words
    name: str
    target_id: object  # the target page to open instead
    detail: str = ""
    reason: str = ""  # SAME_NIK, ... (the field to point at)

    def problem(self, field: str | None = None) -> Problem:
        """This match as a warning to confirm, in the words of the API and the import report."""
        return Problem(
            CODE,
            _(
                "May already be registered: %(name)s (%(detail)s), %(what)s. Check with the "
                "family that this is a different person."
            )
            % {"name": self.name, "detail": self.detail, "what": self.what},
            WARNING,
            field or REASON_FIELD.get(self.reason, "name"),
        )


def _clean_name(name: str) -> str:
    return " ".join((name or "").lower().split())


def similar_names(a: str, b: str) -> bool:
    """Same person, spelled differently? ("Siti Aminah" / "Siti Aminah Lubis" / "Siti Amina")."""
    a, b = _clean_name(a), _clean_name(b)
    if not a or not b:
        return False
    if a in b or b in a:
        return True
    return SequenceMatcher(None, a, b).ratio() >= 0.8


# --------------------------------------------------------------------------------------------
# Matching on values


def mother_match(
    *, name: str, nik: str | None, birth_date: date | None, other: Mother
) -> str | None:
    """Why `other` may be the woman described, or None."""
    if nik and other.nik == nik:
        return SAME_NIK
    if birth_date and other.birth_date == birth_date and similar_names(other.name, name):
        return SIMILAR_NAME_BIRTH
    return None


def child_match(
    *,
    name: str,
    nik: str | None,
    temp_number: str | None,
    birth_date: date | None,
    mother_id: UUID | None,
    other: Child,
) -> str | None:
    """Why `other` may be the child described, or None."""
    if nik and other.nik == nik:
        return SAME_NIK
    if temp_number and other.temp_number == temp_number:
        return SAME_TEMP_NUMBER
    if similar_names(other.name, name):
        if birth_date and other.birth_date == birth_date:
            return SIMILAR_NAME_BIRTH
        if mother_id is not None and other.mother_id == mother_id:
            return SIMILAR_NAME_MOTHER
    return None


def mother_entry(m: Mother, reason: str, head_name: str) -> Duplicate:
    pregnancy = m.pregnancies.alive().order_by("-created_at").first() if m.pk else None
    return Duplicate(
        what_text(reason),
        m.name,
        pregnancy.pk if pregnancy else m.household_id,
        _("household of %(head)s") % {"head": head_name},
        reason,
    )


def child_entry(c: Child, reason: str) -> Duplicate:
    born = f"{c.birth_date:%d-%m-%Y}" if c.birth_date else ""
    return Duplicate(what_text(reason), c.name, c.pk, born, reason)


# --------------------------------------------------------------------------------------------
# Asking the database


def _others(qs, exclude: UUID | None):
    qs = qs.alive()
    return qs.exclude(pk=exclude) if exclude is not None else qs


def mother_duplicates(
    village_code: str,
    *,
    name: str,
    nik: str | None,
    birth_date: date | None,
    exclude: UUID | None = None,
) -> list[Duplicate]:
    """Women of the desa's register with the same NIK, or a similar name and the same birth date.

    `exclude` is the mother being edited (she is not her own duplicate).
    """
    q = Q(nik=nik) if nik else Q(pk__in=[])
    if birth_date:
        q |= Q(birth_date=birth_date)
    found: list[Duplicate] = []
    mothers = _others(Mother.objects.filter(village_id=village_code), exclude).filter(q)
    for m in mothers.select_related("household")[:MAX_CANDIDATES]:
        reason = mother_match(name=name, nik=nik, birth_date=birth_date, other=m)
        if reason is not None:
            found.append(mother_entry(m, reason, m.household.head_name))
    return found


def child_duplicates(
    village_code: str,
    *,
    name: str,
    nik: str | None,
    temp_number: str | None,
    birth_date: date | None,
    mother: Mother | None,
    exclude: UUID | None = None,
) -> list[Duplicate]:
    """Children of the desa with the same NIK, or a similar name and the same birth date or mother.

    `exclude` is the child being edited.
    """
    mother_id = mother.pk if mother is not None else None
    q = Q(pk__in=[])
    if nik:
        q |= Q(nik=nik)
    if temp_number:
        q |= Q(temp_number=temp_number)
    if birth_date:
        q |= Q(birth_date=birth_date)
    if mother_id is not None:
        q |= Q(mother_id=mother_id)
    found: list[Duplicate] = []
    children = _others(Child.objects.filter(village_id=village_code), exclude).filter(q)
    for c in children[:MAX_CANDIDATES]:
        reason = child_match(
            name=name,
            nik=nik,
            temp_number=temp_number,
            birth_date=birth_date,
            mother_id=mother_id,
            other=c,
        )
        if reason is not None:
            found.append(child_entry(c, reason))
    return found


def record_duplicates(record: Mother | Child) -> list[Duplicate]:
    """Likely duplicates of an unsaved (or edited) mother or child, from its own fields."""
    village = record.derive_village() or record.village_id
    if not village:
        return []
    if isinstance(record, Mother):
        return mother_duplicates(
            village,
            name=record.name,
            nik=record.nik,
            birth_date=record.birth_date,
            exclude=record.pk,
        )
    return child_duplicates(
        village,
        name=record.name,
        nik=record.nik,
        temp_number=record.temp_number,
        birth_date=record.birth_date,
        mother=record.mother if record.mother_id else None,
        exclude=record.pk,
    )


def as_problems(found: Iterable[Duplicate], **fields: Any) -> list[Problem]:
    """One warning per likely duplicate; `fields` renames reasons' fields (e.g. nik="mother_nik")."""
    return [d.problem(fields.get(REASON_FIELD.get(d.reason, "name"))) for d in found]
