"""The validation rules as data for the phone: `/lapangan/data/rules.json` (offline.md 7).

The phone's `static/field/rules.js` refuses what the server refuses before it saves, so the
KPM hears about a wrong date or weight while still with the family. Everything a rule needs
that can be data is read here from the server's own constants, never copied:

- `tikar.monitoring.rules`: the date windows (child under 6 years, mother 10-60 years, HPL,
  months back), the cohort months of Formulir 2b/2c, nifas days, the gestation and
  postnatal-check ranges, the physical measurement limits with their labels and units;
- `tikar.households.nik`: NIK and temporary-number lengths, the female day offset, the
  separators people type, and the kecamatan codes (see `kecamatan_prefixes`);
- `tikar.api.serializers`: every client field of each kind with its type, whether it is
  required, may be empty or null, its length, number range and digits, choices, and DRF's
  own error messages for them in the request's language;
- the server's translated messages of rules that are not in the pure modules (cohort of the
  endpoint, No Register KIA taken, mother of another household, an id reused...).

The sentences of the pure rules (`rules.py`, `nik.py`) are Indonesian f-strings there and are
mirrored in `rules.js`; `tests/test_shared_validation_agreement.py` runs a table of good and
bad inputs through both and fails on any difference of field or message.

The answer is the same for every user (no personal data), so it is cacheable: a `version`
hash of the content, used as the ETag (a 304 answers a matching If-None-Match), and
`Cache-Control: public`; no login is needed. Fetched without the session cookie
(`credentials: "omit"`) the browser's HTTP cache may keep it; with the cookie,
`PrivateCacheMiddleware` adds no-store (as for every answer to a logged-in user) and the
service worker's own copy, revalidated by the ETag, is the cache.
"""

from __future__ import annotations

import hashlib
import json
from decimal import Decimal
from functools import cache
from typing import Any

from django.http import HttpRequest, HttpResponse, HttpResponseNotModified
from django.utils import translation
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET
from rest_framework import serializers as drf

from tikar.cache_control import public_reference_data
from tikar.calendar import BALITA_MONTHS, MONTHS_ID, POSTNATAL_DAYS
from tikar.households import nik
from tikar.households import rules as household_rules
from tikar.households.rules import CHILD_2C_MONTHS, FIELD_LABELS, GESTATION_MONTHS
from tikar.monitoring import rules

# How long a phone's HTTP cache may use the answer without asking (seconds); after that the
# ETag makes the revalidation a 304 of a few bytes. The service worker keeps its own copy.
MAX_AGE_SECONDS = 3600
# Numbers beyond this cannot be represented exactly in JavaScript; a bound that large (the
# range of a database integer) is no limit a person can reach, so it is left out.
_JS_SAFE_INTEGER = 2**53 - 1


def _kind_serializers() -> dict[str, type[drf.Serializer]]:
    # Imported here: the serializers import the models, which need the app registry.
    from tikar.api import serializers as s

    return {
        "household": s.HouseholdSerializer,
        "mother": s.MotherSerializer,
        "pregnancy": s.PregnancySerializer,
        "child": s.ChildSerializer,
        "pregnancy_visit": s.PregnancyVisitInputSerializer,
        "child_visit": s.ChildVisitInputSerializer,
        "paud_record": s.PaudRecordInputSerializer,
    }


# Fields of the write contract that are not the record's own values (see the API).
_PROTOCOL_FIELDS = {"id", "base_version", "confirm_warnings"}


def _number(value: Any) -> float | int | None:
    if value is None:
        return None
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, int) and abs(value) > _JS_SAFE_INTEGER:
        return None
    return value


def _messages(field: drf.Field, keys: tuple[str, ...], **params: Any) -> dict[str, str]:
    """DRF's error messages of a field in the active language; `{input}` stays a placeholder."""
    out = {}
    for key in keys:
        if key in field.error_messages:
            text = str(field.error_messages[key])
            out[key] = text.format(**params) if params and "{input}" not in text else text
    return out


def _invalid_date_message(field: drf.DateField) -> str:
    """The 'wrong format' message exactly as the field words it (it names its formats)."""
    try:
        field.to_internal_value("?")
    except drf.ValidationError as exc:
        return str(exc.detail[0])
    raise AssertionError("'?' parsed as a date")  # pragma: no cover


def field_spec(field: drf.Field) -> dict[str, Any]:
    """One client field as data: {type, required, allow_null, allow_blank?, limits, messages}.

    `type`: "char" | "int" | "decimal" | "date" | "month" | "bool" | "choice" | "ref" | "uuid".
    Messages are DRF's, in the active language, with the field's own limits filled in.
    """
    spec: dict[str, Any] = {
        "required": bool(field.required),
        "allow_null": bool(getattr(field, "allow_null", False)),
    }
    common = ("required", "null")
    if isinstance(field, drf.RelatedField):
        spec["type"] = "ref"
        spec["messages"] = _messages(field, common)
    elif isinstance(field, drf.ChoiceField):
        spec |= {"type": "choice", "choices": [str(c) for c in field.choices]}
        spec["allow_blank"] = bool(field.allow_blank)
        spec["messages"] = _messages(field, (*common, "blank", "invalid_choice"))
    elif isinstance(field, drf.CharField):
        spec |= {"type": "char", "max_length": field.max_length}
        spec["allow_blank"] = bool(field.allow_blank)
        spec["messages"] = _messages(
            field, (*common, "blank", "invalid", "max_length"), max_length=field.max_length
        )
    elif isinstance(field, drf.DecimalField):
        spec |= {
            "type": "decimal",
            "max_digits": field.max_digits,
            "decimal_places": field.decimal_places,
            "max_whole_digits": field.max_whole_digits,
            "min_value": _number(field.min_value),
            "max_value": _number(field.max_value),
        }
        spec["messages"] = _messages(
            field,
            (*common, "invalid", "max_digits", "max_decimal_places", "max_whole_digits"),
            max_digits=field.max_digits,
            max_decimal_places=field.decimal_places,
            max_whole_digits=field.max_whole_digits,
        ) | _messages(
            field, ("min_value", "max_value"), min_value=field.min_value, max_value=field.max_value
        )
    elif isinstance(field, drf.IntegerField):
        spec |= {
            "type": "int",
            "min_value": _number(field.min_value),
            "max_value": _number(field.max_value),
        }
        spec["messages"] = _messages(
            field, (*common, "invalid"), min_value=field.min_value
        ) | _messages(
            field, ("min_value", "max_value"), min_value=field.min_value, max_value=field.max_value
        )
    elif isinstance(field, drf.DateField):
        from tikar.api.serializers import MonthField

        spec["type"] = "month" if isinstance(field, MonthField) else "date"
        spec["messages"] = _messages(field, common) | {"invalid": _invalid_date_message(field)}
    elif isinstance(field, drf.BooleanField):
        spec["type"] = "bool"
        spec["messages"] = _messages(field, (*common, "invalid"))
    elif isinstance(field, drf.UUIDField):
        spec["type"] = "uuid"
        spec["messages"] = _messages(field, (*common, "invalid"))
    else:  # pragma: no cover - a new field type must be described before the phone uses it
        raise TypeError(f"no phone rule for {type(field).__name__}")
    return spec


def kind_fields() -> dict[str, dict[str, dict[str, Any]]]:
    """{kind: {field: spec}} of every value a client may send, from the API's serializers."""
    out = {}
    for kind, serializer_class in _kind_serializers().items():
        fields = serializer_class().fields
        out[kind] = {
            name: field_spec(field)
            for name, field in fields.items()
            if not field.read_only and name not in _PROTOCOL_FIELDS
        }
    return out


@cache
def kecamatan_prefixes() -> dict[str, str]:
    """{"1210": "0102…"}: every kecamatan code, grouped by kabupaten, 2 digits each.

    The NIK's first 6 digits must be a kecamatan code, or the server warns (a warning, never a
    refusal: `nik.check_nik`). The whole country's 7,285 codes are about 20 KB in this shape
    (a few KB compressed), so the phone warns exactly as the server does, also for a family
    that moved from another province; holding only the user's kabupaten would warn wrongly
    for every NIK issued elsewhere. Built from `validation.kecamatan_codes()` (the regions).
    """
    from tikar.households.validation import kecamatan_codes

    grouped: dict[str, list[str]] = {}
    for code in sorted(kecamatan_codes()):
        grouped.setdefault(code[:4], []).append(code[4:6])
    return {prefix: "".join(tails) for prefix, tails in grouped.items()}


def server_messages() -> dict[str, str]:
    """The server's translated sentences that the phone shows as they are (templates keep
    their `%(name)s` placeholders). Keys are stable names used by rules.js."""
    from django.db.models import CharField

    from tikar.monitoring.models import PaudRecord

    blank = PaudRecord._meta.get_field("status")
    assert isinstance(blank, CharField)
    return {
        # tikar/api/views.py MonthlyViewSet
        "not_on_form": _("%(name)s is not on Formulir %(form)s in %(month)s."),
        "id_taken": _("This id belongs to another record; make a new one."),
        "target_month_fixed": _("The target and month of a record do not change."),
        # tikar/sync/protocol.py (the sync's own refusals of a monthly operation)
        "target_missing": _("Send the target's id."),
        "form_of_other_kind": _("Formulir %(form)s is sent with its own kind."),
        # tikar/api/serializers.py
        "kia_taken": _("This No Register KIA is already used in this desa."),
        "mother_household": _("The mother must belong to the child's household."),
        "not_mothers_pregnancy": _("This pregnancy is not the mother's."),
        "base_version_missing": _("Send the version of the record you last saw."),
        # tikar/monitoring/corrections.py child_record_problems
        "birth_after_visit": _(
            "The record of %(month)s has a visit on %(visit)s, before this birth date. "
            "Check the birth date, or correct that record's visit date first."
        ),
        "birth_after_record": _(
            "There is a monthly record for %(month)s, before the month of this birth "
            "date. Check the birth date."
        ),
        # Django's model validation (record_month's full_clean) of a required choice
        "model_blank": str(blank.error_messages["blank"]),
        # The phone's own: a second record of a target's month (the server merges it into the
        # first; the phone opens that one instead of holding two).
        "month_taken": _(
            "%(month)s is already recorded for this target. Open that month's record and "
            "change it there."
        ),
    }


# LiLA under this in pregnancy: KEK (Kurang Energi Kronis), spec/posyandu.md.
KEK_MUAC_BELOW_CM = 23.5


def _immunisation_schedule() -> Any:
    """The immunisation schedule by age (`tikar/posyandu/data/immunisation.json`), or None
    while it does not exist."""
    from pathlib import Path

    path = Path(__file__).resolve().parent.parent / "posyandu" / "data" / "immunisation.json"
    if not path.exists():
        return None
    return json.loads(path.read_text(encoding="utf-8"))


def growth_rules() -> dict[str, Any]:
    """The posyandu's weighing rules as data (static/field/weighing.js, attention.js).

    `kbm_tables`: every KBM table of tikar/growth/data/kbm.json {key: {label, source, grams}}
    (grams[m - 1] at m completed months, 12+ the last); `kbm_default` the default key; the
    user's kabupaten's choice is in the shell's config (`user.kbm_table`), since this answer is
    the same for everyone. `mat`: the default growth-mat cut-offs (the kabupaten's in the
    config). `balita_months`: [lo, hi) completed months of the posyandu's weighing;
    `weighing_only_fields`: what a record of a child 24-59 months may hold.
    """
    from dataclasses import asdict

    from tikar.growth import weighing
    from tikar.growth.mat import default_cutoffs

    return {
        "kbm_default": weighing.DEFAULT_KBM_TABLE,
        "kbm_tables": {
            key: {"label": t.label, "source": t.source, "grams": list(t.grams)}
            for key, t in weighing.kbm_tables().items()
        },
        "kbm_max_age_months": weighing.MAX_AGE_MONTHS,
        "bgm_below_z": weighing.BGM_BELOW_Z,
        "gain_labels": dict(weighing.GAIN_LABELS),
        "mat": asdict(default_cutoffs()),
        "balita_months": list(BALITA_MONTHS),
        "weighing_only_fields": sorted(rules.WEIGHING_ONLY_FIELDS),
        "service_labels": dict(rules._SERVICE_LABELS),
        "kek_muac_below": KEK_MUAC_BELOW_CM,
        "immunisation": _immunisation_schedule(),
    }


def build_rules() -> dict[str, Any]:
    """The rules data (without `version`); shapes are documented in rules.js."""
    return {
        "language": get_language(),
        "months": list(MONTHS_ID),
        "field_labels": dict(FIELD_LABELS),
        "forms": {"2a": rules.FORM_2A, "2b": rules.FORM_2B, "2c": rules.FORM_2C},
        "kinds": {
            "pregnancy_visit": {"target": "pregnancy", "form": rules.FORM_2A},
            "child_visit": {"target": "child", "form": rules.FORM_2B},
            "paud_record": {"target": "child", "form": rules.FORM_2C},
        },
        "cohorts": {
            rules.FORM_2B: list(rules.CHILD_2B_MONTHS),
            rules.FORM_2C: list(CHILD_2C_MONTHS),
        },
        "child_max_age_months": household_rules.CHILD_MAX_AGE_MONTHS,
        "mother_age_years": list(household_rules.MOTHER_AGE_YEARS),
        "due_date_max_ahead_months": household_rules.DUE_DATE_MAX_AHEAD_MONTHS,
        "past_years": household_rules.PAST_YEARS,
        "pregnancy_months_before_due": rules.PREGNANCY_MONTHS_BEFORE_DUE,
        "postnatal_days": POSTNATAL_DAYS,
        "gestation_months": list(GESTATION_MONTHS),
        "postnatal_checks": list(rules.POSTNATAL_CHECKS),
        "child_limits": {name: list(limits) for name, limits in rules.CHILD_LIMITS.items()},
        "mother_muac_limits": list(rules.MOTHER_MUAC_LIMITS),
        "nik": {
            "length": nik.NIK_LENGTH,
            "temp_length": nik.TEMP_NUMBER_LENGTH,
            "female_day_offset": nik.FEMALE_DAY_OFFSET,
            "separators": nik.SEPARATORS,
            "kecamatan": kecamatan_prefixes(),
        },
        "fields": kind_fields(),
        "messages": server_messages(),
        "growth": growth_rules(),
    }


def _canonical(data: dict[str, Any]) -> bytes:
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode()


@cache
def _rules_body(language: str) -> tuple[bytes, str]:
    """(JSON body, version) for one language; cached per process (the rules change only with
    a deploy, the kecamatan list only with a migration)."""
    with translation.override(language):
        data = build_rules()
    version = hashlib.sha256(_canonical(data)).hexdigest()[:16]
    return _canonical({"version": version, **data}), version


def built(language: str | None = None) -> tuple[bytes, str]:
    """(the JSON body of rules.json, its version) in `language` (default: the active one)."""
    return _rules_body(language or get_language())


@public_reference_data
@require_GET
def rules_json(request: HttpRequest) -> HttpResponse:
    """GET /lapangan/data/rules.json: the rules as data; not personal, cacheable (ETag)."""
    body, version = built()
    etag = f'"{version}"'
    if etag in [t.strip() for t in request.headers.get("If-None-Match", "").split(",")]:
        response: HttpResponse = HttpResponseNotModified()
    else:
        response = HttpResponse(body, content_type="application/json; charset=utf-8")
    response["ETag"] = etag
    response["Cache-Control"] = f"public, max-age={MAX_AGE_SECONDS}"
    return response
