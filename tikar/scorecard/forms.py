"""Forms of the scorecard screens: reopening reason, Dana Desa, the kabupaten's standards."""

from __future__ import annotations

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


class RupiahInput(forms.NumberInput):
    def __init__(self) -> None:
        super().__init__(attrs={"inputmode": "numeric", "min": "0", "step": "1"})


class DanaDesaForm(forms.ModelForm):
    class Meta:
        model = DanaDesa
        fields = [
            "development_total",
            "development_stunting",
            "empowerment_total",
            "empowerment_stunting",
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
        return data


class RuleChoiceForm(forms.ModelForm):
    class Meta:
        model = RuleChoice
        fields = ["anc_standard", "pnc_standard"]
        widgets = {"anc_standard": forms.RadioSelect, "pnc_standard": forms.RadioSelect}
