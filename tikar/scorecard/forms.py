"""Forms of the scorecard screens: reopening reason, Dana Desa, the kabupaten's standards."""

from __future__ import annotations

import re

from django import forms
from django.utils.translation import gettext_lazy as _

from tikar.scorecard.models import DanaDesa, RuleChoice


class ReopenForm(forms.Form):
    reason = forms.CharField(
        label=_("Why is the quarter reopened?"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("Write why the quarter is reopened.")},
    )


GROUPED_RUPIAH = re.compile(r"^\d{1,3}(\.\d{3})+$")


class RupiahInput(forms.TextInput):
    """Whole rupiah shown and typed with "." between thousands ("1.250.000"), as on paper.

    A text input (a number input cannot hold the dots); `static/js/rupiah.js` groups the digits
    while typing. Only a correctly grouped number loses its dots: "1250000.50" is left as it is,
    so the field refuses it instead of silently reading 125,000,050.
    """

    def __init__(self) -> None:
        super().__init__(attrs={"inputmode": "numeric", "autocomplete": "off", "data-rupiah": ""})

    def format_value(self, value):
        if value in (None, ""):
            return None
        try:
            return f"{int(value):,}".replace(",", ".")
        except (TypeError, ValueError):
            return str(value)  # what was typed, shown back with its error

    def value_from_datadict(self, data, files, name):
        raw = super().value_from_datadict(data, files, name)
        if not isinstance(raw, str):
            return raw
        text = raw.strip().removeprefix("Rp").removeprefix("rp").strip().replace(" ", "")
        if text.endswith((",00", ",0")):
            text = text.rsplit(",", 1)[0]
        return text.replace(".", "") if GROUPED_RUPIAH.match(text) else text


class DanaDesaForm(forms.ModelForm):
    class Meta:
        model = DanaDesa
        fields = [
            "development_total",
            "development_stunting",
            "empowerment_total",
            "empowerment_stunting",
            # Optional: what the year's Dana Desa policy checks (meetings.policy).
            "ceiling",
            "blt",
            "food_security",
            "operations",
        ]
        widgets = {name: RupiahInput() for name in fields}

    def clean(self) -> dict:
        data = super().clean()
        for total, part in (
            ("development_total", "development_stunting"),
            ("empowerment_total", "empowerment_stunting"),
        ):
            amount, whole = data.get(part), data.get(total)
            if amount is not None and whole is not None and amount > whole:
                self.add_error(
                    part,
                    _(
                        "The allocation for stunting cannot be larger than the total "
                        "allocation of this bidang. Check both amounts."
                    ),
                )
        ceiling = data.get("ceiling")
        for part in ("blt", "food_security", "operations"):
            amount = data.get(part)
            if amount is not None and ceiling is not None and amount > ceiling:
                self.add_error(
                    part, _("This amount cannot be larger than the Dana Desa ceiling of the year.")
                )
        return data


class RuleChoiceForm(forms.ModelForm):
    class Meta:
        model = RuleChoice
        fields = ["anc_standard", "pnc_standard"]
        widgets = {"anc_standard": forms.RadioSelect, "pnc_standard": forms.RadioSelect}
