"""The kabupaten officer's form of /standar-pertumbuhan/ (tikar.growth.models.GrowthStandard)."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from django import forms
from django.utils.translation import gettext_lazy as _

from tikar.growth.models import GrowthStandard
from tikar.growth.weighing import kbm_tables

# The mat's cut-offs are PB/U z-scores; outside this range a value is a typing slip.
Z_RANGE = (-4.0, 1.0)


class ZField(forms.FloatField):
    """A z-score typed with a comma or a point (-2,0 or -2.0), between -4 and 1."""

    widget = forms.TextInput

    def prepare_value(self, value):
        if isinstance(value, float):
            return f"{value:.1f}".replace(".", ",")
        return value

    def to_python(self, value):
        if isinstance(value, str):
            value = value.strip().replace(",", ".")
        if value in (None, ""):
            return None
        try:
            number = float(Decimal(str(value)))
        except (InvalidOperation, ValueError):
            raise forms.ValidationError(
                _("Write a z-score such as -2,0."), code="invalid"
            ) from None
        if not Z_RANGE[0] <= number <= Z_RANGE[1]:
            raise forms.ValidationError(_("A cut-off is a z-score between -4 and 1."), code="range")
        return number


class GrowthStandardForm(forms.ModelForm):
    kbm_table = forms.ChoiceField(label=_("KBM table"), widget=forms.RadioSelect)
    mat_merah_below = ZField(label=_("Merah: length-for-age z below"))
    mat_hijau_from = ZField(label=_("Hijau: length-for-age z from"))

    class Meta:
        model = GrowthStandard
        fields = ["kbm_table", "mat_merah_below", "mat_hijau_from", "mat_verified"]
        labels = {"mat_verified": _("These cut-offs were checked against an official text")}

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["kbm_table"].choices = [(k, t.label) for k, t in kbm_tables().items()]
        for name in ("mat_merah_below", "mat_hijau_from"):
            self.fields[name].widget.attrs.update({"inputmode": "decimal", "autocomplete": "off"})

    def clean(self):
        data = super().clean()
        lo, hi = data.get("mat_merah_below"), data.get("mat_hijau_from")
        if lo is not None and hi is not None and lo >= hi:
            self.add_error("mat_hijau_from", _("Hijau must start above the Merah cut-off."))
        return data
