"""Forms of the Rembuk Stunting Desa pages: the meeting, its attendance, its priority list, the
scorecard quarter to freeze, and a kabupaten's own activity codes.

Sources: ../shared/spec/rembuk.md ("Steps", "Berita Acara (fields)", the activity codes);
docs/rembuk.md (section 11b) gives every choice where the spec is silent.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from django import forms
from django.core.validators import MaxLengthValidator
from django.utils import formats
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from tikar.households.models import Sex
from tikar.meetings import activity_codes as codes
from tikar.meetings.models import (
    FundingSource,
    InterventionKind,
    LocalActivityCode,
    Participant,
    Proposal,
    VillageMeeting,
)
from tikar.meetings.terms import BudgetTerms
from tikar.scorecard.forms import MAX_RUPIAH, PlainDecimalField, RupiahField

# The largest estimated cost accepted: 10 billion rupiah. A whole village's yearly Dana Desa is
# about 1 billion; anything above 10 billion is a typing slip (extra zeros), not a proposal.
MAX_COST = MAX_RUPIAH  # one cap for every rupiah input (scorecard.forms)
# The meeting's free-text fields: about a page each; longer is a paste gone wrong.
MAX_TEXT = 2000

# rembuk.md "Steps": the order of the meeting, as the default agenda text.
DEFAULT_AGENDA = _(
    "1. Opening by the kepala desa\n"
    "2. Presentation of the village's conditions: the 1,000 HPK targets, the convergence "
    "scorecard and its gaps, the state of the services (KPM)\n"
    "3. Presentation of the proposals gathered beforehand\n"
    "4. Discussion of each proposal: the right strategy, whether the village can pay, what "
    "support is needed from the kabupaten\n"
    "5. Agreement on the priority activities (the convergence activity plan)\n"
    "6. Agreement to meet every 3 months for coordination and on next year's stunting target\n"
    "7. Signing of the Berita Acara; the results go into the RKPDes"
)


def _localize(field: forms.Field) -> None:
    """Read and show a decimal in the user's language ("12,5" in Indonesian, "12.5" in
    English)."""
    field.localize = True
    field.widget.is_localized = True


def _limit_text(field: forms.Field, limit: int) -> None:
    """At most `limit` characters, with a message that says how many were written."""
    field.max_length = limit
    field.widget.attrs["maxlength"] = str(limit)
    field.validators.append(
        MaxLengthValidator(
            limit,
            message=_("Write at most %(limit_value)d characters (now %(show_value)d)."),
        )
    )


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self) -> None:
        super().__init__(format="%Y-%m-%d")


class TimeInput(forms.TimeInput):
    input_type = "time"

    def __init__(self) -> None:
        super().__init__(format="%H:%M")


class MeetingForm(forms.ModelForm):
    """The meeting itself. `year` is the page's year: the date must fall in it."""

    class Meta:
        model = VillageMeeting
        fields = [
            "held_on",
            "start_time",
            "end_time",
            "place",
            "facilitators",
            "agenda",
            "stunting_target_percent",
            "quarterly_coordination",
            "commitments",
            "village_head_name",
        ]
        widgets = {
            "held_on": DateInput(),
            "start_time": TimeInput(),
            "end_time": TimeInput(),
            "facilitators": forms.Textarea(attrs={"rows": 3}),
            "agenda": forms.Textarea(attrs={"rows": 8}),
            "commitments": forms.Textarea(attrs={"rows": 3}),
            # Text, not number: a phone's keyboard and Indonesians write "12,5".
            "stunting_target_percent": forms.TextInput(attrs={"inputmode": "decimal"}),
        }
        field_classes = {"stunting_target_percent": PlainDecimalField}
        help_texts = {
            "facilitators": _("One name per line, with the role (e.g. Pendamping Desa)."),
            "stunting_target_percent": _(
                "Share of children 0-23 months stunted (%) that the village aims for next year."
            ),
        }
        error_messages = {
            "held_on": {
                "required": _("Fill in the date of the rembuk."),
                "invalid": _("Write the date as DD/MM/YYYY."),
            },  # fmt: skip
            "place": {"required": _("Fill in the place of the rembuk.")},
        }

    def __init__(self, *args, year: int, terms: BudgetTerms, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.year = year
        self.fields["village_head_name"].label = _("Name of the %(head)s") % {"head": terms.head}
        _localize(self.fields["stunting_target_percent"])
        self.fields["stunting_target_percent"].error_messages.update(
            {
                "invalid": _("Write the target as a number, e.g. 12,5."),
                "min_value": _("The target must be from 0 to 100."),
                "max_value": _("The target must be from 0 to 100."),
                "max_decimal_places": _("Write the target with at most 2 decimals."),
                "max_digits": _("The target must be from 0 to 100."),
                "max_whole_digits": _("The target must be from 0 to 100."),
            }
        )
        for name in ("facilitators", "agenda", "commitments"):
            _limit_text(self.fields[name], MAX_TEXT)
        self.fields["held_on"].widget.attrs.update({"min": f"{year}-01-01", "max": f"{year}-12-31"})
        if not self.instance.pk and not self.is_bound:
            self.initial.setdefault("agenda", str(DEFAULT_AGENDA))

    def clean_held_on(self) -> date:
        held_on = self.cleaned_data["held_on"]
        if held_on.year != self.year:
            raise forms.ValidationError(
                _("The rembuk of %(year)s must have a date in %(year)s.") % {"year": self.year}
            )
        return held_on

    def clean(self) -> dict:
        data = super().clean()
        start, end = data.get("start_time"), data.get("end_time")
        if start and end and end <= start:
            self.add_error("end_time", _("The end time must be after the start time."))
        return data


class SnapshotForm(forms.Form):
    """Which quarter's scorecard the meeting saw; `choices` are "YYYY-Q" values."""

    quarter = forms.ChoiceField(label=_("Scorecard quarter presented"))
    confirm = forms.BooleanField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, choices: list[tuple[str, str]], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["quarter"].choices = choices
        self.fields["quarter"].error_messages["invalid_choice"] = _(
            "Choose one of the quarters in the list."
        )

    def year_quarter(self) -> tuple[int, int]:
        y, q = self.cleaned_data["quarter"].split("-")
        return int(y), int(q)


class ParticipantForm(forms.ModelForm):
    class Meta:
        model = Participant
        fields = ["name", "group", "institution", "sex", "signs_minutes"]
        widgets = {"sex": forms.RadioSelect}
        error_messages = {
            "name": {"required": _("Fill in the participant's name.")},
            "group": {"required": _("Choose the participant's group.")},
            "sex": {"required": _("Choose the participant's sex.")},
        }

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["sex"].choices = Sex.choices  # radio buttons: no empty choice

    def clean_name(self) -> str:
        return " ".join(self.cleaned_data["name"].split())


class CostField(RupiahField):
    """The proposal's estimated cost: the shared rupiah parser (scorecard.forms.RupiahField,
    cap MAX_COST) with the words "cost"."""

    default_error_messages = {
        "required": _("Fill in the estimated cost in rupiah."),
        "negative": _("The cost cannot be negative."),
        "invalid": _("Write the cost in digits, e.g. 1.500.000 or 1500000."),
        "too_large": _("This cost is too large (more than Rp 10.000.000.000). Check the zeros."),
    }


def percent_label(value) -> str:
    """ "82,35 %" in Indonesian ("82.35 %" in English): the language's decimal mark."""
    try:
        number = Decimal(str(value))
    except ArithmeticError:
        return str(value)
    return f"{formats.number_format(number, 2, use_l10n=True)} %"


def indicator_choices(snapshot: dict | None) -> list[tuple[str, str]]:
    """("<group>:<code>", label) for every scorecard indicator, with its coverage in the frozen
    snapshot when there is one ("… (52,00 %)")."""
    from tikar.scorecard.rules import CHILD, INDICATORS, PAUD, PREGNANCY

    titles = {
        PREGNANCY: _("Pregnant women"),
        CHILD: _("Children 0-23 months"),
        PAUD: _("Children 2-6 years"),
    }
    lines = (snapshot or {}).get("table3_indicators", {})
    out: list[tuple[str, str]] = [("", _("No single indicator"))]
    for group in (PREGNANCY, CHILD, PAUD):
        coverage = {line["code"]: line.get("percent") for line in lines.get(group, [])}
        for ind in INDICATORS[group]:
            # The coverage comes before the long official text, which a phone cuts off.
            cover = ""
            if ind.code in coverage:
                pct = coverage[ind.code]
                cover = f" ({percent_label(pct)})" if pct is not None else " (–)"
            out.append((f"{group}:{ind.code}", f"{titles[group]} {ind.number}{cover}: {ind.text}"))
    return out


def code_choices(local: list[LocalActivityCode]) -> list[tuple[str, str]]:
    """The national Permendagri 20/2018 list, then the kabupaten's own codes."""
    out: list[tuple[str, str]] = [("", _("Not coded yet"))]
    out += [(c.code, f"{c.code} {c.name}") for c in codes.national_codes().values()]
    own = _("kabupaten code")  # outside the f-string: makemessages sees it
    out += [(c.code, f"{c.code} {c.name} ({own})") for c in local]
    return out


class ProposalForm(forms.ModelForm):
    """One line of the priority list, without the budget path (stage and amounts: 11d)."""

    estimated_cost = CostField(label=capfirst(_("estimated cost (Rp)")))

    class Meta:
        model = Proposal
        fields = [
            "activity",
            "package",
            "kind",
            "indicator",
            "target_group",
            "dusun",
            "volume",
            "unit",
            "estimated_cost",
            "funding_source",
            "implementer",
            "timing",
            "activity_code",
        ]
        widgets = {
            "kind": forms.RadioSelect,
            "volume": forms.TextInput(attrs={"inputmode": "decimal"}),
            "dusun": forms.TextInput(attrs={"list": "dusun-list", "autocomplete": "off"}),
        }
        field_classes = {"volume": PlainDecimalField}
        help_texts = {
            "timing": _("e.g. January-December, or every month"),
            "indicator": _("The scorecard indicator whose gap this activity closes."),
        }
        error_messages = {
            "activity": {"required": _("Fill in the activity.")},
            "package": {"required": _("Choose the service package.")},
            "kind": {"required": _("Choose specific or sensitive.")},
            "funding_source": {"required": _("Choose the funding source.")},
        }

    def __init__(
        self,
        *args,
        terms: BudgetTerms,
        snapshot: dict | None,
        local_codes: list[LocalActivityCode],
        **kwargs,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.terms = terms
        self.fields["indicator"] = forms.ChoiceField(
            label=capfirst(_("gap it answers")),
            required=False,
            choices=indicator_choices(snapshot),
            help_text=self.Meta.help_texts["indicator"],
        )
        labels = dict(FundingSource.choices)
        sources = [(v, labels[v]) for v in terms.funding_sources]
        current = self.instance.funding_source if self.instance.pk else ""
        if current and current not in terms.funding_sources:
            # An old proposal keeps its (now unavailable) source visible until it is changed.
            sources.append((current, labels.get(current, current)))
        self.allowed_sources = {v for v, _label in sources}
        self.fields["funding_source"].choices = [("", "---------"), *sources]
        self.fields["funding_source"].error_messages["invalid_choice"] = _(
            "Choose one of the funding sources in the list."
        )
        # Radio buttons need no empty "---------" choice.
        self.fields["kind"].choices = InterventionKind.choices
        self.fields["activity_code"] = forms.ChoiceField(
            # A kelurahan has no APBDes: the village list only serves to say what kind of
            # activity it is (its own budget uses the regional classification).
            label=capfirst(
                _("activity code (for reference)")
                if terms.is_kelurahan
                else _("village budget activity code")
            ),
            required=False,
            choices=self._code_choices(local_codes),
            error_messages={
                "invalid_choice": _(
                    "This activity code is not in the Permendagri 20/2018 list nor among "
                    "your kabupaten's codes."
                )
            },
        )
        for name in ("indicator", "activity_code"):
            self.fields[name].error_messages.setdefault(
                "invalid_choice", _("Choose one of the options in the list.")
            )
        self.fields["indicator"].error_messages["invalid_choice"] = _(
            "Choose one of the scorecard indicators in the list."
        )
        _localize(self.fields["volume"])
        self.fields["volume"].error_messages.update(
            {
                "invalid": _("Write the volume as a number, e.g. 12 or 2,5."),
                "min_value": _("The volume cannot be negative."),
                "max_digits": _("This volume is too large."),
                "max_whole_digits": _("This volume is too large."),
                "max_decimal_places": _("Write the volume with at most 2 decimals."),
            }
        )

    def _code_choices(self, local: list[LocalActivityCode]) -> list[tuple[str, str]]:
        """The list, plus the proposal's current code when it left the list (a kabupaten code
        removed later): the proposal stays editable and keeps its code until it is changed."""
        out = code_choices(local)
        current = self.instance.activity_code if self.instance.pk else ""
        if current and current not in {value for value, _label in out}:
            gone = _("no longer in the list")  # outside the f-string: makemessages sees it
            out.append((current, f"{current} ({gone})"))
        return out

    def clean_funding_source(self) -> str:
        source = self.cleaned_data["funding_source"]
        if source not in self.allowed_sources:
            raise forms.ValidationError(_("Choose one of the funding sources in the list."))
        return source

    def clean_activity(self) -> str:
        return " ".join(self.cleaned_data["activity"].split())


class LocalCodeForm(forms.ModelForm):
    """A kabupaten/kota's own code: "B.S.KK" with KK 90-99 under an existing sub-bidang."""

    class Meta:
        model = LocalActivityCode
        fields = ["code", "name", "package"]
        error_messages = {
            "code": {"required": _("Fill in the code, e.g. 2.2.90.")},
            "name": {"required": _("Fill in the name of the activity.")},
        }

    def __init__(self, *args, regency, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.regency = regency
        self.fields["code"].widget.attrs.update({"placeholder": "2.2.90", "inputmode": "decimal"})

    def clean_code(self) -> str:
        code = self.cleaned_data["code"].strip()
        if not codes.is_well_formed(code):
            raise forms.ValidationError(
                _("Write the code as bidang.sub-bidang.kegiatan, e.g. 2.2.90.")
            )
        if not codes.is_local(code):
            raise forms.ValidationError(
                _("A kabupaten's own code has a kegiatan part from 90 to 99 (e.g. 2.2.90).")
            )
        prefix = code.rsplit(".", 1)[0] + "."
        if not any(c.startswith(prefix) for c in codes.national_codes()):
            raise forms.ValidationError(
                _("Sub-bidang %(prefix)s is not in the Permendagri 20/2018 list.")
                % {"prefix": prefix.rstrip(".")}
            )
        if LocalActivityCode.objects.filter(regency=self.regency, code=code).exists():
            raise forms.ValidationError(_("Your kabupaten already has this code."))
        return code
