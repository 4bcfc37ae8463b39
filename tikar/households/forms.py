"""Forms of the register screens: a household (screen 1), then a pregnancy or a child (screen 2).

The rules are the shared ones (`nik.py`, `validation.py`, `monitoring.rules`): NIK errors block,
NIK warnings and likely duplicates are shown and must be confirmed with a checkbox. Everything
the KPM typed comes back on an error, because the forms are re-rendered bound.
"""

from __future__ import annotations

from datetime import date

from django import forms
from django.utils import timezone
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from tikar.calendar import age_in_months
from tikar.households.duplicates import Duplicate, child_duplicates, mother_duplicates
from tikar.households.models import Household, Mother, Pregnancy, RiskStatus, Sex
from tikar.households.nik import check_temp_number, normalise
from tikar.households.problems import Problem
from tikar.households.rules import CHILD_2C_MONTHS, check_not_future
from tikar.households.validation import nik_problems
from tikar.regions.models import Posyandu

YES_NO = (("1", gettext_lazy("Yes")), ("0", gettext_lazy("No")))


def _to_bool(value: str) -> bool:
    return value == "1"


class ToggleSelect(forms.RadioSelect):
    """Radio buttons drawn as big toggles: each <input> is followed by its own <label>.

    Rendered here rather than with an option template because the form renderer only reads
    Django's own widget templates; `input:checked + label` then styles the chosen answer
    without `:has()`, which older phone browsers lack.
    """

    def render(self, name, value, attrs=None, renderer=None) -> str:
        widget = self.get_context(name, value, attrs)["widget"]
        parts = []
        for _group, options, _index in widget["optgroups"]:
            for o in options:
                parts.append(
                    format_html(
                        '<input type="radio" name="{}" value="{}" id="{}"{}>'
                        '<label for="{}">{}</label>',
                        o["name"],
                        o["value"],
                        o["attrs"]["id"],
                        mark_safe(" checked") if o["selected"] else "",
                        o["attrs"]["id"],
                        o["label"],
                    )
                )
        css = " ".join(filter(None, ["toggle", widget["attrs"].get("class")]))
        return format_html(
            '<div class="{}" id="{}">{}</div>',
            css,
            widget["attrs"].get("id", ""),
            mark_safe("".join(parts)),
        )


# The third state of an optional question: not asked / not known (stored as NULL). Offered as
# a button so that an answer given by mistake can be taken back.
NOT_FILLED = ("", gettext_lazy("Not filled in"))


def yes_no(label, *, required: bool = False) -> forms.TypedChoiceField:
    """A yes/no question: Ya (True), Tidak (False) or, when optional, not filled in (None).

    Nothing is preselected as "Tidak": an unanswered question stays None, so "not asked" and
    "no" can be told apart (issue 8); the button of the third state shows it.
    """
    return forms.TypedChoiceField(
        label=label,
        choices=YES_NO if required else (*YES_NO, NOT_FILLED),
        coerce=_to_bool,
        empty_value=None,
        required=required,
        widget=ToggleSelect,
    )


def yes_no_initial(value: bool | None) -> str:
    """A stored yes/no answer as the form's choice: "1", "0", or "" for not asked (None)."""
    return {True: "1", False: "0"}.get(value, "")


def date_field(label, *, required: bool = False, help_text: str = "") -> forms.DateField:
    return forms.DateField(
        label=label,
        required=required,
        help_text=help_text,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )


def add_problems(form: forms.Form, problems: list[Problem], field_map=None) -> None:
    """Put the errors of a rule check on the form fields (or on the form)."""
    for p in problems:
        if not p.is_error:
            continue
        name = (field_map or {}).get(p.field, p.field)
        form.add_error(name if name in form.fields else None, p.message)


# --------------------------------------------------------------------------------------------
# Screen 1: the household


class HouseholdForm(forms.Form):
    PREGNANCY, CHILD = "pregnancy", "child"

    kind = forms.ChoiceField(
        label=gettext_lazy("Who do you register?"),
        choices=(
            (PREGNANCY, gettext_lazy("A pregnant woman")),
            (CHILD, gettext_lazy("A child")),
        ),
        widget=ToggleSelect,
        error_messages={"required": gettext_lazy("Choose a pregnant woman or a child.")},
    )
    head_name = forms.CharField(
        label=gettext_lazy("Head of household"),
        max_length=150,
        error_messages={"required": gettext_lazy("Write the name of the head of household.")},
    )
    dusun = forms.CharField(label=gettext_lazy("Dusun"), max_length=100, required=False)
    rt = forms.CharField(label=gettext_lazy("RT"), max_length=10, required=False)
    rw = forms.CharField(label=gettext_lazy("RW"), max_length=10, required=False)
    posyandu = forms.ModelChoiceField(
        label=gettext_lazy("Posyandu"),
        queryset=Posyandu.objects.none(),
        required=False,
        empty_label=gettext_lazy("(not yet known)"),
    )
    safe_water = yes_no(gettext_lazy("Safe drinking water"))
    latrine = yes_no(gettext_lazy("Proper latrine"))
    vulnerable = yes_no(gettext_lazy("Vulnerable household (rentan)"))

    def __init__(self, *args, village, **kwargs) -> None:
        kwargs.setdefault("prefix", "hh")
        super().__init__(*args, **kwargs)
        self.fields["posyandu"].queryset = Posyandu.objects.filter(village=village, active=True)
        for name in ("rt", "rw"):
            self.fields[name].widget.attrs["inputmode"] = "numeric"

    def clean_head_name(self) -> str:
        return " ".join(self.cleaned_data["head_name"].split())


# --------------------------------------------------------------------------------------------
# Screen 2: the person


class _PersonForm(forms.Form):
    """What the pregnancy and the child screens share: NIK warnings and duplicates."""

    confirm_nik = forms.BooleanField(
        label=gettext_lazy("I checked the NIK: it is written like this on the KTP/KK."),
        required=False,
    )
    confirm_duplicate = forms.BooleanField(
        label=gettext_lazy("This is a different person: register anyway."), required=False
    )

    def __init__(self, *args, village, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.village = village
        self.nik_warnings: list[Problem] = []
        self.duplicates: list[Duplicate] = []

    def _nik(self, field: str, *, sex: str | None, birth_date: date | None) -> str:
        """Check one NIK field; errors go on the field, warnings are collected."""
        nik = normalise(self.cleaned_data.get(field))
        for p in nik_problems(nik, sex=sex, birth_date=birth_date):
            if p.is_error:
                self.add_error(field, p.message)
            else:
                self.nik_warnings.append(p)
        return nik

    def _ask_confirmations(self) -> None:
        if self.nik_warnings and not self.cleaned_data.get("confirm_nik"):
            self.add_error(
                "confirm_nik",
                _("Check the NIK warnings above, then tick this box if the NIK is right."),
            )
        if self.duplicates and not self.cleaned_data.get("confirm_duplicate"):
            self.add_error(
                "confirm_duplicate",
                _(
                    "This person may already be registered (see above). Open the existing "
                    "entry, or tick this box if it is a different person."
                ),
            )

    def _not_future(self, field: str) -> None:
        value = self.cleaned_data.get(field)
        problems = check_not_future(value, timezone.localdate(), "birth_date")
        add_problems(self, problems, {"birth_date": field})


class PregnancyRegisterForm(_PersonForm):
    mother_name = forms.CharField(
        label=gettext_lazy("Mother's name"),
        max_length=150,
        error_messages={"required": gettext_lazy("Write the mother's name.")},
    )
    mother_nik = forms.CharField(
        label=gettext_lazy("Mother's NIK"),
        max_length=24,
        required=False,
        help_text=gettext_lazy("16 digits from the KTP or KK. Leave empty if not known."),
    )
    mother_birth_date = date_field(gettext_lazy("Mother's birth date"))
    mother_phone = forms.CharField(label=gettext_lazy("Phone"), max_length=20, required=False)
    kia_number = forms.CharField(
        label=gettext_lazy("KIA register number"), max_length=30, required=False
    )
    due_date = date_field(gettext_lazy("Expected delivery date (HPL)"))
    gestation_month = forms.TypedChoiceField(
        label=gettext_lazy("Gestational month"),
        choices=[("", "–")] + [(str(i), str(i)) for i in range(1, 10)],
        coerce=int,
        empty_value=None,
        required=False,
    )
    risk_status = forms.ChoiceField(
        label=gettext_lazy("Risk status"),
        choices=RiskStatus.choices,
        initial=RiskStatus.NORMAL,
        widget=ToggleSelect,
    )
    health_insurance = yes_no(gettext_lazy("Health insurance (JKN/BPJS/KIS)"))

    field_order = [
        "mother_name",
        "mother_nik",
        "mother_birth_date",
        "mother_phone",
        "kia_number",
        "due_date",
        "gestation_month",
        "risk_status",
        "health_insurance",
        "confirm_nik",
        "confirm_duplicate",
    ]

    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("prefix", "p")
        super().__init__(*args, **kwargs)
        self.fields["mother_nik"].widget.attrs["inputmode"] = "numeric"

    def clean(self):
        data = super().clean()
        self._not_future("mother_birth_date")
        nik = self._nik("mother_nik", sex="P", birth_date=data.get("mother_birth_date"))
        data["mother_nik"] = nik
        kia = (data.get("kia_number") or "").strip()
        data["kia_number"] = kia
        if (
            kia
            and Pregnancy.objects.alive()
            .filter(village_id=self.village.code, kia_number__iexact=kia)
            .exists()
        ):
            self.add_error(
                "kia_number",
                _("KIA number %(kia)s is already used in this desa. Check the KIA book.")
                % {"kia": kia},
            )
        if self.errors:
            return data
        self.duplicates = mother_duplicates(
            self.village.code,
            name=data.get("mother_name", ""),
            nik=nik,
            birth_date=data.get("mother_birth_date"),
        )
        self._ask_confirmations()
        return data


class ChildRegisterForm(_PersonForm):
    name = forms.CharField(
        label=gettext_lazy("Child's name"),
        max_length=150,
        error_messages={"required": gettext_lazy("Write the child's name.")},
    )
    sex = forms.ChoiceField(
        label=gettext_lazy("Sex"),
        choices=Sex.choices,
        widget=ToggleSelect,
        error_messages={"required": gettext_lazy("Choose the child's sex.")},
    )
    birth_date = date_field(gettext_lazy("Birth date"), required=True)
    nik = forms.CharField(
        label=gettext_lazy("Child's NIK"),
        max_length=24,
        required=False,
        help_text=gettext_lazy("16 digits. A newborn without a NIK: fill the temporary number."),
    )
    temp_number = forms.CharField(
        label=gettext_lazy("Temporary number"),
        max_length=24,
        required=False,
        help_text=gettext_lazy("The mother's NIK followed by one digit (1 for the first baby)."),
    )
    mother = forms.ModelChoiceField(
        label=gettext_lazy("Mother"),
        queryset=Mother.objects.none(),
        required=False,
        empty_label=gettext_lazy("(a new mother, below)"),
    )
    mother_name = forms.CharField(
        label=gettext_lazy("Mother's name"), max_length=150, required=False
    )
    mother_nik = forms.CharField(label=gettext_lazy("Mother's NIK"), max_length=24, required=False)
    kia_number = forms.CharField(
        label=gettext_lazy("KIA register number"), max_length=30, required=False
    )
    birth_certificate = yes_no(gettext_lazy("Birth certificate (akta lahir)"))
    health_insurance = yes_no(gettext_lazy("Health insurance (JKN/BPJS/KIS)"))

    field_order = [
        "name",
        "sex",
        "birth_date",
        "nik",
        "temp_number",
        "mother",
        "mother_name",
        "mother_nik",
        "kia_number",
        "birth_certificate",
        "health_insurance",
        "confirm_nik",
        "confirm_duplicate",
    ]

    def __init__(self, *args, household: Household | None = None, fixed_mother=None, **kwargs):
        kwargs.setdefault("prefix", "c")
        super().__init__(*args, **kwargs)
        self.fixed_mother = fixed_mother
        for name in ("nik", "temp_number", "mother_nik"):
            self.fields[name].widget.attrs["inputmode"] = "numeric"
        if household is not None:
            self.fields["mother"].queryset = household.mothers.alive()
        if fixed_mother is not None or household is None or not household.mothers.exists():
            del self.fields["mother"]
        if fixed_mother is not None:
            del self.fields["mother_name"]
            del self.fields["mother_nik"]

    def chosen_mother(self) -> Mother | None:
        if self.fixed_mother is not None:
            return self.fixed_mother
        return self.cleaned_data.get("mother")

    def clean(self):
        data = super().clean()
        birth = data.get("birth_date")
        self._not_future("birth_date")
        today = timezone.localdate()
        if birth and birth <= today and age_in_months(birth, today) >= CHILD_2C_MONTHS[1]:
            self.add_error(
                "birth_date",
                _("A child of 6 years or more is not a target. Check the birth date."),
            )
        nik = self._nik("nik", sex=data.get("sex"), birth_date=birth)
        data["nik"] = nik
        mother = self.chosen_mother()
        mother_nik = mother.nik if mother else None
        if "mother_nik" in self.fields:
            new_nik = self._nik("mother_nik", sex="P", birth_date=None)
            data["mother_nik"] = new_nik
            mother_nik = mother_nik or new_nik
            if (new_nik or "").strip() and not (data.get("mother_name") or "").strip():
                self.add_error("mother_name", _("Write the mother's name."))
        temp = normalise(data.get("temp_number"))
        data["temp_number"] = temp
        add_problems(self, check_temp_number(temp, mother_nik=mother_nik))
        if nik and temp:
            self.add_error(
                "temp_number",
                _("The child has a NIK: leave the temporary number empty."),
            )
        if self.errors:
            return data
        self.duplicates = child_duplicates(
            self.village.code,
            name=data.get("name", ""),
            nik=nik,
            temp_number=temp,
            birth_date=birth,
            mother=mother,
        )
        self._ask_confirmations()
        return data
