from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

MAX_UPLOAD_BYTES = 20 * 1024 * 1024  # a full desa's year is well under 2 MB


class ImportForm(forms.Form):
    file = forms.FileField(
        label=_("Workbook (.xlsx)"),
        help_text=_(
            "Start from the template; the file is checked completely before anything is saved."
        ),
        widget=forms.ClearableFileInput(attrs={"accept": ".xlsx"}),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if not upload.name.lower().endswith(".xlsx"):
            raise forms.ValidationError(
                _("Choose an Excel file ending in .xlsx (save it as .xlsx first).")
            )
        if upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(
                _("The file is larger than 20 MB; split it into several files.")
            )
        return upload
