"""Forms of the correction screens: the registration forms, bound to a stored row.

The same fields, labels and rules as registration (`forms.py`): NIK errors block, NIK warnings
and likely duplicates must be confirmed. What differs on an edit: the row itself is never its
own duplicate, a KIA number is not "already used" by its own pregnancy, and a warning the
stored row already carried (confirmed at registration) is not asked again.
"""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from tikar.households.duplicates import mother_duplicates
from tikar.households.forms import (
    ChildRegisterForm,
    HouseholdForm,
    PregnancyRegisterForm,
    date_field,
    yes_no_initial,
)
from tikar.households.models import Child, Household, Mother, Pregnancy
from tikar.households.problems import Problem


def _drop_known(form, known: list[Problem]) -> None:
    codes = {p.code for p in known}
    form.nik_warnings = [p for p in form.nik_warnings if p.code not in codes]


class HouseholdEditForm(HouseholdForm):
    """Screen 1 of registration without "who do you register?"."""

    def __init__(self, *args, instance: Household, **kwargs) -> None:
        kwargs.setdefault(
            "initial",
            {
                "head_name": instance.head_name,
                "dusun": instance.dusun,
                "rt": instance.rt,
                "rw": instance.rw,
                "posyandu": instance.posyandu_id,
                "safe_water": yes_no_initial(instance.safe_water),
                "latrine": yes_no_initial(instance.latrine),
                "vulnerable": yes_no_initial(instance.vulnerable),
            },
        )
        super().__init__(*args, village=instance.village, **kwargs)
        del self.fields["kind"]
        self.instance = instance

    def apply(self) -> None:
        for name, value in self.cleaned_data.items():
            setattr(self.instance, name, value)


class MotherEditForm(PregnancyRegisterForm):
    """The mother's part of the pregnancy screen."""

    KEEP = ("mother_name", "mother_nik", "mother_birth_date", "mother_phone")

    def __init__(self, *args, instance: Mother, **kwargs) -> None:
        kwargs.setdefault(
            "initial",
            {
                "mother_name": instance.name,
                "mother_nik": instance.nik or "",
                "mother_birth_date": instance.birth_date,
                "mother_phone": instance.phone,
            },
        )
        super().__init__(*args, village=instance.village, **kwargs)
        for name in list(self.fields):
            if name not in (*self.KEEP, "confirm_nik", "confirm_duplicate"):
                del self.fields[name]
        self.instance = instance

    def clean(self):
        data = forms.Form.clean(self)
        self._not_future("mother_birth_date")
        nik = self._nik("mother_nik", sex="P", birth_date=data.get("mother_birth_date"))
        data["mother_nik"] = nik
        _drop_known(self, self.instance.warnings())
        if self.errors:
            return data
        m = self.instance
        if (data.get("mother_name"), nik or None, data.get("mother_birth_date")) != (
            m.name,
            m.nik,
            m.birth_date,
        ):
            self.duplicates = mother_duplicates(
                self.village.code,
                name=data.get("mother_name", ""),
                nik=nik,
                birth_date=data.get("mother_birth_date"),
                exclude=m.pk,
            )
        self._ask_confirmations()
        return data

    def apply(self) -> None:
        d = self.cleaned_data
        m = self.instance
        m.name = " ".join(d["mother_name"].split())
        m.nik = d["mother_nik"] or None
        m.birth_date = d["mother_birth_date"]
        m.phone = d["mother_phone"]


class PregnancyEditForm(PregnancyRegisterForm):
    """The pregnancy's part of the pregnancy screen, with its delivery date."""

    KEEP = ("kia_number", "due_date", "gestation_month", "risk_status", "health_insurance")

    delivery_date = date_field(gettext_lazy("Delivery date"))

    def __init__(self, *args, instance: Pregnancy, **kwargs) -> None:
        kwargs.setdefault(
            "initial",
            {
                "kia_number": instance.kia_number,
                "due_date": instance.due_date,
                "gestation_month": instance.gestation_month,
                "risk_status": instance.risk_status,
                "health_insurance": yes_no_initial(instance.health_insurance),
                "delivery_date": instance.delivery_date,
            },
        )
        super().__init__(*args, village=instance.village, **kwargs)
        for name in list(self.fields):
            if name not in (*self.KEEP, "delivery_date"):
                del self.fields[name]
        self.instance = instance

    def clean(self):
        data = forms.Form.clean(self)
        self._not_future("delivery_date")
        kia = (data.get("kia_number") or "").strip()
        data["kia_number"] = kia
        taken = (
            Pregnancy.objects.alive()
            .filter(village_id=self.village.code, kia_number__iexact=kia)
            .exclude(pk=self.instance.pk)
        )
        if kia and taken.exists():
            self.add_error(
                "kia_number",
                _("KIA number %(kia)s is already used in this desa. Check the KIA book.")
                % {"kia": kia},
            )
        return data

    def apply(self) -> None:
        for name in (*self.KEEP, "delivery_date"):
            setattr(self.instance, name, self.cleaned_data[name])


class ChildEditForm(ChildRegisterForm):
    """The child screen of registration; the mother is chosen among the household's."""

    EDITED = (
        "name",
        "sex",
        "birth_date",
        "nik",
        "temp_number",
        "mother",
        "kia_number",
        "birth_certificate",
        "health_insurance",
    )

    def __init__(self, *args, instance: Child, **kwargs) -> None:
        kwargs.setdefault(
            "initial",
            {
                "name": instance.name,
                "sex": instance.sex,
                "birth_date": instance.birth_date,
                "nik": instance.nik or "",
                "temp_number": instance.temp_number,
                "mother": instance.mother_id,
                "kia_number": instance.kia_number,
                "birth_certificate": yes_no_initial(instance.birth_certificate),
                "health_insurance": yes_no_initial(instance.health_insurance),
            },
        )
        super().__init__(*args, village=instance.village, household=instance.household, **kwargs)
        for name in ("mother_name", "mother_nik"):
            self.fields.pop(name, None)
        self.instance = instance

    def clean(self):
        data = super().clean()
        _drop_known(self, self.instance.warnings())
        own = self.instance.pk
        self.duplicates = [d for d in self.duplicates if d.target_id != own]
        c = self.instance
        if (data.get("name"), data.get("nik") or None, data.get("birth_date")) == (
            c.name,
            c.nik,
            c.birth_date,
        ):
            self.duplicates = []  # nothing that identifies the child changed
        # Re-ask only what is still open after the filtering above.
        for name in ("confirm_nik", "confirm_duplicate"):
            if name in self.errors and not (
                self.nik_warnings if name == "confirm_nik" else self.duplicates
            ):
                del self.errors[name]
        return data

    def apply(self) -> None:
        d = self.cleaned_data
        c = self.instance
        c.name = " ".join(d["name"].split())
        c.sex = d["sex"]
        c.birth_date = d["birth_date"]
        c.nik = d["nik"] or None
        c.temp_number = d["temp_number"]
        if "mother" in self.fields:
            c.mother = d.get("mother")
        c.kia_number = (d["kia_number"] or "").strip()
        c.birth_certificate = d["birth_certificate"]
        c.health_insurance = d["health_insurance"]
