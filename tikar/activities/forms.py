"""Forms of the KPM activity log and the kabupaten's KPM training."""

from __future__ import annotations

from datetime import date

from django import forms
from django.core.validators import MaxLengthValidator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from tikar.activities import periods
from tikar.activities.models import Activity, ActivityKind, ParticipantGroup, Training
from tikar.calendar import previous_quarter, year_quarter
from tikar.clock import today

ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}


def quarter_label(year: int, quarter: int) -> str:
    """ "Kuartal III 2026" (translated word, Roman numeral as Formulir 3 writes it)."""
    return _("Quarter %(q)s %(year)s") % {"q": ROMAN[quarter], "year": year}


def check_date(value: date | None) -> date | None:
    """Refuse a date in the future or before 2000 (a typing error)."""
    if value is None:
        return value
    if value > today():
        raise forms.ValidationError(_("The date cannot be in the future."))
    if value < periods.EARLIEST:
        raise forms.ValidationError(_("The date cannot be before the year 2000."))
    return value


def cap_text(form: forms.BaseForm) -> None:
    """Give every free-text field of `form` a length limit with a message in the user's language.

    The model's CharFields carry their `max_length`; notes (a TextField, unlimited in the
    database) are capped at `periods.NOTES_MAX` characters so that a pasted document or a
    100,000-character POST is refused with a message instead of stored.
    """
    for name, field in form.fields.items():
        if not isinstance(field, forms.CharField):
            continue
        if name == "notes":
            field.max_length = periods.NOTES_MAX
            text = gettext_lazy(
                "Notes can be at most %(limit_value)s characters (now %(show_value)s)."
            )
        elif field.max_length:
            text = gettext_lazy(
                "This text can be at most %(limit_value)s characters (now %(show_value)s)."
            )
        else:
            continue
        field.widget.attrs["maxlength"] = str(field.max_length)
        # A new list: Field.__deepcopy__ shares the validator objects with the class's field.
        field.validators = [
            v for v in field.validators if not isinstance(v, MaxLengthValidator)
        ] + [MaxLengthValidator(field.max_length, message=text)]


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs) -> None:
        super().__init__(format="%Y-%m-%d", **kwargs)


class ActivityForm(forms.ModelForm):
    """An activity's facts; the quarter discussed is one select ("2026-3") for the quarterly
    meeting, ignored for the other kinds. The participant grid is `AttendanceGrid`."""

    reviewed = forms.ChoiceField(
        label=gettext_lazy("Quarter discussed (quarterly meeting only)"), required=False
    )

    class Meta:
        model = Activity
        fields = ["held_on", "kind", "title", "place", "partners", "notes"]
        widgets = {
            "held_on": DateInput(),
            "notes": forms.Textarea(attrs={"rows": 3}),
            "partners": forms.TextInput(
                attrs={"placeholder": gettext_lazy("e.g. bidan desa, guru PAUD")}
            ),
        }

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        now = today()
        choices = [("", "—")] + [
            (f"{y}-{q}", quarter_label(y, q)) for y, q in periods.recent_quarters(now, 8)
        ]
        inst = self.instance
        if inst.pk and inst.reviewed_year and inst.reviewed_quarter:
            key = f"{inst.reviewed_year}-{inst.reviewed_quarter}"
            if key not in dict(choices):
                choices.append((key, quarter_label(inst.reviewed_year, inst.reviewed_quarter)))
            self.initial.setdefault("reviewed", key)
        else:
            # Default: the last finished quarter, the one a meeting held now discusses.
            y, q = previous_quarter(*year_quarter(now))
            self.initial.setdefault("reviewed", f"{y}-{q}")
        self.fields["reviewed"].choices = choices
        self.fields["held_on"].widget.attrs["max"] = now.isoformat()
        self.fields["held_on"].widget.attrs["min"] = periods.EARLIEST.isoformat()
        if not inst.pk:
            self.initial.setdefault("held_on", now)
        cap_text(self)

    def clean_held_on(self) -> date | None:
        return check_date(self.cleaned_data.get("held_on"))

    def clean(self) -> dict:
        data = super().clean()
        year = quarter = None
        if data.get("kind") == ActivityKind.QUARTERLY_REVIEW:
            value = data.get("reviewed") or ""
            try:
                year, quarter = (int(x) for x in value.split("-"))
            except ValueError:
                self.add_error("reviewed", _("Choose the quarter the meeting discussed."))
        self.instance.reviewed_year = year
        self.instance.reviewed_quarter = quarter
        return data


class AttendanceGrid:
    """Counts of men and women per participant group, from inputs `m_<group>` / `w_<group>`.

    Empty means 0; a whole number 0-9999 is required otherwise. Groups with no one are not
    stored. `rows` is what the template draws (label, names, values, error).
    """

    def __init__(self, data=None, initial: dict[str, tuple[int, int]] | None = None) -> None:
        self.data = data
        self.initial = initial or {}
        self.counts: dict[str, tuple[int, int]] = {}
        self.errors: dict[str, str] = {}

    @staticmethod
    def _read(raw: str) -> int:
        raw = (raw or "").strip()
        if not raw:
            return 0
        # ASCII digits only: str.isdigit() and int() also take Arabic-Indic and other digits.
        value = periods.read_whole(raw)
        if value is None or value > periods.MAX_COUNT:
            raise ValueError
        return value

    def is_valid(self) -> bool:
        for group in ParticipantGroup.values:
            try:
                men = self._read(self.data.get(f"m_{group}", ""))
                women = self._read(self.data.get(f"w_{group}", ""))
            except ValueError:
                self.errors[group] = _("Enter a whole number from 0 to %(max)s.") % {
                    "max": periods.MAX_COUNT
                }
                continue
            if men or women:
                self.counts[group] = (men, women)
        return not self.errors

    @property
    def rows(self) -> list[dict]:
        out = []
        for group, label in ParticipantGroup.choices:
            if self.data is not None:
                men = self.data.get(f"m_{group}", "")
                women = self.data.get(f"w_{group}", "")
            else:
                men, women = self.initial.get(group, ("", ""))
            out.append(
                {
                    "group": group,
                    "label": label,
                    "men": men or "",
                    "women": women or "",
                    "error": self.errors.get(group, ""),
                }
            )
        return out


class TrainingForm(forms.ModelForm):
    class Meta:
        model = Training
        fields = ["title", "held_from", "held_to", "place", "organiser", "notes"]
        widgets = {
            "held_from": DateInput(),
            "held_to": DateInput(),
            "notes": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        cap_text(self)

    def clean_held_from(self) -> date | None:
        value = self.cleaned_data.get("held_from")
        if value is not None and value < periods.EARLIEST:
            raise forms.ValidationError(_("The date cannot be before the year 2000."))
        return value

    def clean(self) -> dict:
        data = super().clean()
        start, end = data.get("held_from"), data.get("held_to")
        if start and end:
            if end < start:
                self.add_error("held_to", _("The last day cannot be before the first day."))
            elif (end - start).days > 60:
                self.add_error("held_to", _("A training lasts at most 60 days."))
        return data
