"""The choice on a conflict's review page: the server's data, the phone's, or per field."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

SERVER, PHONE, PER_FIELD = "server", "phone", "fields"


class ResolveForm(forms.Form):
    """`choice` comes from the button pressed; `f_<field>` from the per-field radios.

    `seen_version` is the record's version the page showed: a record changed since is not
    overwritten (resolve_conflict refuses it with the reason).
    """

    choice = forms.ChoiceField(choices=[(SERVER, SERVER), (PHONE, PHONE), (PER_FIELD, PER_FIELD)])
    seen_version = forms.IntegerField(required=False, min_value=0, widget=forms.HiddenInput)

    def __init__(self, *args, fields: list[tuple[str, str]], **kwargs) -> None:
        """`fields`: [(field name, label)] of the conflict's colliding fields."""
        super().__init__(*args, **kwargs)
        self.conflict_fields = fields
        for name, label in fields:
            self.fields[f"f_{name}"] = forms.ChoiceField(
                label=label,
                choices=[
                    (SERVER, gettext_lazy("Server's data")),
                    (PHONE, gettext_lazy("Phone's data")),
                ],
                required=False,
                widget=forms.RadioSelect,
            )

    def clean(self):
        data = super().clean()
        if data.get("choice") == PER_FIELD:
            missing = [label for name, label in self.conflict_fields if not data.get(f"f_{name}")]
            if missing:
                raise forms.ValidationError(
                    _("Choose the server's or the phone's value for: %(fields)s.")
                    % {"fields": ", ".join(missing)}
                )
        return data

    def phone_fields(self) -> list[str]:
        """The colliding fields that take the phone's value."""
        choice = self.cleaned_data["choice"]
        if choice == PHONE:
            return [name for name, _label in self.conflict_fields]
        if choice == SERVER:
            return []
        return [n for n, _label in self.conflict_fields if self.cleaned_data.get(f"f_{n}") == PHONE]
