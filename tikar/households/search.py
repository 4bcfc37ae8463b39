"""Finding a pregnancy or a child by what a KPM types: a name, a NIK or a KIA number.

With the register (the task list's filter in tikar.monitoring.filters and the verification list
both search with it).
"""

from __future__ import annotations

from django.db.models import Q

from tikar.households.models import Pregnancy


def search_q(model, text: str) -> Q:
    """Name (contains), NIK (starts with) or KIA number (contains) of a pregnancy or a child.

    A pregnancy is found by its mother's name and NIK; a child also by its temporary number and
    its mother's name (a KPM often knows the family by the mother).
    """
    text = " ".join(text.split())
    if not text:
        return Q()
    digits = text.replace(" ", "")
    if model is Pregnancy:
        q = Q(mother__name__icontains=text) | Q(kia_number__icontains=text)
        if digits.isdigit():
            q |= Q(mother__nik__startswith=digits)
        return q
    q = Q(name__icontains=text) | Q(kia_number__icontains=text) | Q(mother__name__icontains=text)
    if digits.isdigit():
        q |= Q(nik__startswith=digits) | Q(temp_number__startswith=digits)
    return q
