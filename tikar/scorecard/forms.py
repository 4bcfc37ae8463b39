"""Forms of the scorecard screens: reopening reason, Dana Desa, the kabupaten's standards."""

from __future__ import annotations

import re
from decimal import Decimal

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


# ASCII digits only: Python's \d also matches full-width "０" and Arabic-Indic "١", which int()
# and Decimal() would silently read.
GROUPED_RUPIAH = re.compile(r"^[0-9]{1,3}(\.[0-9]{3})+$")
ASCII_DIGITS = re.compile(r"[0-9]+")
# What a typed decimal may contain (digits, one sign, separators, spaces); no exponent ("1e9"),
# no "NaN"/"Infinity", no non-ASCII digit.
PLAIN_NUMBER = re.compile(r"[0-9.,\s-]*")

# The largest rupiah amount any Tikar form accepts: 10 billion. A whole village's yearly Dana
# Desa is about 1 billion; anything above 10 billion is a typing slip (extra zeros).
MAX_RUPIAH = 10_000_000_000


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


class RupiahField(forms.Field):
    """Whole rupiah, 0 to MAX_RUPIAH: the one parser of every rupiah input (proposal cost,
    RKPDes / APBDes / realised amounts, Dana Desa table 5 and policy figures).

    Accepts "1.500.000" (RupiahInput removes correct dots), "1500000", "Rp 1.500.000,00";
    refuses negatives, cents, exponents ("1e9"), non-ASCII digits and anything else, each with
    its own message (error keys: negative, cents, invalid, too_large). Returns Decimal or None.
    """

    widget = RupiahInput
    default_error_messages = {
        "required": _("Fill in the amount in rupiah."),
        "negative": _("The amount cannot be negative."),
        "cents": _("Write whole rupiah without cents, e.g. 1.500.000 or 1500000."),
        "invalid": _("Write the amount with the digits 0-9, e.g. 1.500.000 or 1500000."),
        "too_large": _("This amount is too large (more than Rp 10.000.000.000). Check the zeros."),
    }

    def to_python(self, value) -> Decimal | None:
        if value in (None, ""):
            return None
        if isinstance(value, int | Decimal):
            if value != int(value):
                raise forms.ValidationError(self.error_messages["cents"], code="cents")
            text = str(int(value))
        else:
            text = str(value).strip()
        if text.startswith("-"):
            raise forms.ValidationError(self.error_messages["negative"], code="negative")
        if re.fullmatch(r"[0-9]+([.,][0-9]+)+", text):
            raise forms.ValidationError(self.error_messages["cents"], code="cents")
        if not ASCII_DIGITS.fullmatch(text):
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid")
        if len(text) > 15 or int(text) > MAX_RUPIAH:
            raise forms.ValidationError(self.error_messages["too_large"], code="too_large")
        return Decimal(int(text))


class PlainDecimalField(forms.DecimalField):
    """A DecimalField that refuses what Python's Decimal() would read but a person does not
    mean: exponents ("1e9"), "NaN"/"Infinity", full-width or Arabic-Indic digits. "12,5" (the
    Indonesian decimal comma, via localize) stays accepted. Error key: invalid."""

    def to_python(self, value):
        if isinstance(value, str) and not PLAIN_NUMBER.fullmatch(value):
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid")
        return super().to_python(value)


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

    def __init__(self, *args, year: int | None = None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        # Every amount through the one rupiah parser (same cap as the proposals').
        for name in self.Meta.fields:
            old = self.fields[name]
            self.fields[name] = RupiahField(
                label=old.label, required=old.required, help_text=old.help_text
            )
        if year is not None:
            self.fields["ceiling"].label = _(
                "Dana Desa ceiling of %(year)s (pagu Dana Desa, Rp)"
            ) % {"year": year}

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
