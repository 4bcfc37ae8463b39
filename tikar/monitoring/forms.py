"""Forms of the monthly entry screen (Formulir 2a, 2b, 2c).

The forms only read what was typed; the rules (one record per month, dates, ranges) are
applied by `services.record_month`, whose errors the view puts back on these fields.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from django import forms
from django.utils.translation import gettext_lazy

from tikar.households.forms import ToggleSelect, date_field, yes_no
from tikar.households.models import RiskStatus
from tikar.monitoring.models import (
    ChildVisit,
    GrowthMat,
    PaudRecord,
    PaudStatus,
    PregnancyVisit,
)
from tikar.monitoring.rules import WEIGHING_ONLY_FIELDS
from tikar.regions.models import Posyandu


class CommaDecimalInput(forms.TextInput):
    """Shows a stored measurement the way it is typed in Indonesia, with a comma (7,5)."""

    def format_value(self, value):
        if isinstance(value, Decimal):
            return f"{value:f}".replace(".", ",")
        return super().format_value(value)


class MeasureField(forms.DecimalField):
    """kg or cm with one decimal; a comma is read as the decimal point, as Indonesians write."""

    def __init__(self, label, **kwargs) -> None:
        kwargs.setdefault("required", False)
        super().__init__(
            label=label,
            max_digits=4,
            decimal_places=1,
            min_value=Decimal("0.1"),
            widget=CommaDecimalInput(attrs={"inputmode": "decimal", "autocomplete": "off"}),
            **kwargs,
        )

    def to_python(self, value):
        if isinstance(value, str):
            value = value.strip().replace(",", ".")
        try:
            return super().to_python(value)
        except (InvalidOperation, forms.ValidationError):
            raise forms.ValidationError(
                gettext_lazy("Write a number such as 7.5 (one decimal)."), code="invalid"
            ) from None


class MonthForm(forms.Form):
    """Shared: the visit date and the posyandu."""

    RECORD_FIELDS: frozenset[str] = frozenset()

    visit_date = date_field(gettext_lazy("Visit date"))

    def __init__(self, *args, village=None, read_only: bool = False, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if "posyandu" in self.fields and village is not None:
            self.fields["posyandu"].queryset = Posyandu.objects.filter(village=village)
        if read_only:
            for f in self.fields.values():
                f.disabled = True

    def record_fields(self) -> dict:
        """What record_month receives (the fields of the monthly record only)."""
        return {name: self.cleaned_data[name] for name in self.RECORD_FIELDS}


def _posyandu() -> forms.ModelChoiceField:
    return forms.ModelChoiceField(
        label=gettext_lazy("Posyandu"),
        queryset=Posyandu.objects.none(),
        required=False,
        empty_label="–",
    )


class PregnancyMonthForm(MonthForm):
    """Formulir 2a, plus the delivery date that is stored on the pregnancy itself."""

    # The fields a client may send are the model's; one list serves both.
    RECORD_FIELDS = PregnancyVisit.CLIENT_FIELDS

    posyandu = _posyandu()
    delivery_date = date_field(
        gettext_lazy("Delivery date"),
        help_text=gettext_lazy("Only once she has given birth."),
    )
    gestation_month = forms.TypedChoiceField(
        label=gettext_lazy("Gestational month"),
        choices=[("", "–")] + [(str(i), str(i)) for i in range(1, 10)],
        coerce=int,
        empty_value=None,
        required=False,
        help_text=gettext_lazy("Leave empty after delivery."),
    )
    risk_status = forms.ChoiceField(
        label=gettext_lazy("Risk status"), choices=RiskStatus.choices, widget=ToggleSelect
    )
    anc_check = yes_no(gettext_lazy("1. Antenatal check"))
    iron_tablets = yes_no(gettext_lazy("2. Received and took iron tablets (Fe)"))
    iron_tablet_count = forms.IntegerField(
        label=gettext_lazy("Number of iron tablets"),
        min_value=0,
        max_value=400,
        required=False,
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
    )
    postnatal_checks = forms.TypedChoiceField(
        label=gettext_lazy("3. Postnatal checks this month"),
        choices=[(str(i), str(i)) for i in range(5)],
        coerce=int,
        initial="0",
        widget=ToggleSelect,
    )
    nutrition_counselling = yes_no(gettext_lazy("4. Nutrition counselling or pregnancy class"))
    home_visit = yes_no(gettext_lazy("5. Home visit"))
    safe_water = yes_no(gettext_lazy("6. Safe drinking water"))
    latrine = yes_no(gettext_lazy("7. Proper latrine"))
    health_insurance = yes_no(gettext_lazy("8. Health insurance"))
    muac_cm = MeasureField(gettext_lazy("Upper arm circumference (LiLA, cm)"))


class ChildMonthForm(MonthForm):
    """Formulir 2b."""

    # The fields a client may send are the model's; one list serves both.
    RECORD_FIELDS = ChildVisit.CLIENT_FIELDS
    MEASURE_FIELDS = (
        "visit_date",
        "weight_kg",
        "length_cm",
        "measured_lying",
        "head_circumference_cm",
        "muac_cm",
        "oedema",
    )

    posyandu = _posyandu()
    weight_kg = MeasureField(gettext_lazy("Weight (kg)"))
    length_cm = MeasureField(gettext_lazy("Length/height (cm)"))
    measured_lying = forms.TypedChoiceField(
        label=gettext_lazy("Measured"),
        choices=(("1", gettext_lazy("Lying")), ("0", gettext_lazy("Standing"))),
        coerce=lambda v: v == "1",
        empty_value=None,
        required=False,
        widget=ToggleSelect,
    )
    head_circumference_cm = MeasureField(gettext_lazy("Head circumference (cm)"))
    muac_cm = MeasureField(gettext_lazy("Upper arm circumference (LiLA, cm)"))
    oedema = yes_no(gettext_lazy("Oedema on both feet"))
    growth_mat = forms.ChoiceField(
        label=gettext_lazy("Growth mat (tikar pertumbuhan)"),
        choices=GrowthMat.choices,
        initial=GrowthMat.TIDAK_DIUKUR,
        widget=ToggleSelect,
    )
    immunisation_up_to_date = yes_no(gettext_lazy("1. Immunisation up to date for age"))
    immunisation_basic_complete = yes_no(gettext_lazy("Basic immunisation complete"))
    immunisation_measles = yes_no(gettext_lazy("Measles/MR immunisation"))
    counselling_mother = yes_no(gettext_lazy("4. Nutrition counselling: mother"))
    counselling_father = yes_no(gettext_lazy("Nutrition counselling: father"))
    home_visit = yes_no(gettext_lazy("5. Home visit"))
    safe_water = yes_no(gettext_lazy("6. Safe drinking water"))
    latrine = yes_no(gettext_lazy("7. Proper latrine"))
    birth_certificate = yes_no(gettext_lazy("8. Birth certificate"))
    health_insurance = yes_no(gettext_lazy("9. Health insurance"))
    parenting_class = yes_no(gettext_lazy("10. Parenting class (BKB)"))
    gain_override_reason = forms.CharField(
        label=gettext_lazy("Follows its growth line (health worker's judgement)"),
        max_length=200,
        required=False,
        help_text=gettext_lazy(
            "Only when a health worker judges that the curve follows its growth line although "
            "the gain is under the minimum: write why. The weighing then counts as N."
        ),
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )
    confirm_growth = forms.BooleanField(
        label=gettext_lazy("I measured again: the numbers are right."), required=False
    )

    def record_fields(self) -> dict:
        """What record_month receives; a reason is kept only when typed (else "")."""
        fields = super().record_fields()
        if "gain_override_reason" in fields:
            fields["gain_override_reason"] = (fields["gain_override_reason"] or "").strip()
        return fields


class WeighingMonthForm(ChildMonthForm):
    """The posyandu weighing of a child 24-59 months: the measurement fields only.

    The record is the child's ChildVisit of the month (docs/posyandu.md), holding only
    `rules.WEIGHING_ONLY_FIELDS`; Formulir 2b's service questions are for 0-23 months and are
    not on this form (the service refuses them too, `rules.check_weighing_only`).
    """

    RECORD_FIELDS = ChildVisit.CLIENT_FIELDS & WEIGHING_ONLY_FIELDS

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        for name in list(self.fields):
            if name not in WEIGHING_ONLY_FIELDS and name != "confirm_growth":
                del self.fields[name]
        # The growth mat applies from 3 to 18 months only (tikar.growth.mat.MatCutoffs): the
        # form of a child 24-59 months does not ask it, and stores "tidak diukur".
        del self.fields["growth_mat"]
        # From 24 months a child is measured standing (WHO height standard).
        self.fields["measured_lying"].help_text = gettext_lazy("From 2 years: standing (height).")

    def record_fields(self) -> dict:
        fields = {n: self.cleaned_data[n] for n in self.RECORD_FIELDS if n != "growth_mat"}
        fields["growth_mat"] = GrowthMat.TIDAK_DIUKUR
        if "gain_override_reason" in fields:
            fields["gain_override_reason"] = (fields["gain_override_reason"] or "").strip()
        return fields


class PaudMonthForm(MonthForm):
    """Formulir 2c."""

    RECORD_FIELDS = PaudRecord.CLIENT_FIELDS

    status = forms.ChoiceField(
        label=gettext_lazy("PAUD this month"),
        choices=PaudStatus.choices,
        widget=ToggleSelect,
        error_messages={"required": gettext_lazy("Choose the PAUD status of this month.")},
    )
