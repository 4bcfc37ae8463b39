"""Conflicts as people read them, and the register side of resolving them.

A `Conflict` (tikar/monitoring/models.py) holds what a phone sent when it collided with a newer
server change: the server kept its values, the phone's wait here for a person (the KPM or the
Admin Desa of the desa) to choose (offline.md 3-4, issue 9 item 6). This module:

- describes a conflict for the pages: the target's name, the kind of record ("Formulir 2b",
  "Data anak"...), the month, and per colliding field its label, the server's value (with who
  saved it and when, from the record's history) and the phone's (who sent it, when, from which
  device when the sync log knows it), shown as people read them: Ya / Tidak / Belum diisi,
  dates in Bahasa Indonesia, kg and cm with a decimal comma, posyandu and people by name;
- re-exports the words of the refusals and `when_label` from `tikar.monitoring.conflicts`,
  where the write path (`tikar.monitoring.services.resolve_conflict`) reads them. The API
  serializer's validation of a register record's phone values is
  `tikar.api.conflicts.register_values`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from django.apps import apps
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from tikar.calendar import day_name, month_name
from tikar.households.models import Child, Household, Mother, Pregnancy
from tikar.monitoring.conflicts import NOT_YOURS, RECORD_DELETED, when_label, who  # noqa: F401
from tikar.monitoring.models import (
    ChildVisit,
    Conflict,
    PaudRecord,
    PregnancyVisit,
)
from tikar.regions.models import Posyandu

# How a record type is named on the pages (the task: Formulir 2a/2b/2c for a month,
# "Data rumah tangga / ibu / kehamilan / anak" for the register).
KIND_LABELS = {
    "monitoring.pregnancyvisit": gettext_lazy("Formulir 2a"),
    "monitoring.childvisit": gettext_lazy("Formulir 2b"),
    "monitoring.paudrecord": gettext_lazy("Formulir 2c"),
    "households.household": gettext_lazy("Household data"),
    "households.mother": gettext_lazy("Mother's data"),
    "households.pregnancy": gettext_lazy("Pregnancy data"),
    "households.child": gettext_lazy("Child's data"),
}

# Fields that no form shows with a label of its own.
_EXTRA_LABELS = {
    "address": gettext_lazy("Address"),
    "closed_at": gettext_lazy("Left the register on"),
    "household": gettext_lazy("Household"),
    "born_from": gettext_lazy("Born from the pregnancy of"),
    "posyandu": gettext_lazy("Posyandu"),
    "month": gettext_lazy("Month"),
}

# --------------------------------------------------------------------------------------------
# Labels and values


def _form_labels(model: type[models.Model]) -> dict[str, Any]:
    """The labels the entry and registration screens give this model's fields."""
    from tikar.households.forms import ChildRegisterForm, HouseholdForm, PregnancyRegisterForm
    from tikar.households.forms_edit import PregnancyEditForm
    from tikar.monitoring.forms import ChildMonthForm, PaudMonthForm, PregnancyMonthForm

    def of(form) -> dict[str, Any]:
        return {n: f.label for n, f in form.base_fields.items()}

    if model is Mother:
        person = of(PregnancyRegisterForm)
        return {
            "name": person["mother_name"],
            "nik": person["mother_nik"],
            "birth_date": person["mother_birth_date"],
            "phone": person["mother_phone"],
        }
    return {
        PregnancyVisit: lambda: of(PregnancyMonthForm),
        ChildVisit: lambda: of(ChildMonthForm),
        PaudRecord: lambda: of(PaudMonthForm),
        Household: lambda: of(HouseholdForm),
        Pregnancy: lambda: of(PregnancyEditForm),
        Child: lambda: of(ChildRegisterForm),
    }.get(model, dict)()


def field_label(model: type[models.Model], name: str) -> str:
    """ "Berat badan (kg)": the screen's label, without the indicator's number ("5. ...")."""
    label = _form_labels(model).get(name) or _EXTRA_LABELS.get(name)
    if label is None:
        try:
            label = model._meta.get_field(name).verbose_name
        except Exception:  # noqa: BLE001 (a name a phone made up: show it as it came)
            label = name
    text = re.sub(r"^\d+\.\s*", "", str(label))
    return text[:1].upper() + text[1:]


def _unit(name: str) -> str:
    return "kg" if name.endswith("_kg") else "cm" if name.endswith("_cm") else ""


def _related_name(f: models.ForeignKey, pk: Any, village_id: str) -> str | None:
    """The name of a posyandu, household, mother or pregnancy of this desa; None if not one."""
    model = f.related_model
    qs = model.objects.filter(pk=pk, village_id=village_id)
    if model is Posyandu:
        return qs.values_list("name", flat=True).first()
    if model is Household:
        return qs.values_list("head_name", flat=True).first()
    if model is Mother or model is Child:
        return qs.values_list("name", flat=True).first()
    if model is Pregnancy:
        return qs.values_list("mother__name", flat=True).first()
    return None


def python_value(model: type[models.Model], name: str, raw: Any) -> Any:
    """A value as the phone sent it (JSON) → the model's Python value; raw when unreadable."""
    try:
        f = model._meta.get_field(name)
    except Exception:  # noqa: BLE001
        return raw
    if raw in (None, ""):
        return None if (f.null or f.is_relation) else raw
    if isinstance(raw, float):
        raw = repr(raw)  # 7.6 as written, not 7.5999... (DecimalField reads floats exactly)
    try:
        return f.target_field.to_python(raw) if f.is_relation else f.to_python(raw)
    except (ValidationError, TypeError, ValueError):
        return raw


def shown(model: type[models.Model], name: str, value: Any, village_id: str) -> str:
    """A stored value as people read it on the screens (Bahasa Indonesia through gettext)."""
    try:
        f = model._meta.get_field(name)
    except Exception:  # noqa: BLE001
        return "–" if value in (None, "") else str(value)
    if name == "measured_lying" and value is not None:
        return _("Lying") if value else _("Standing")
    if isinstance(f, models.BooleanField):
        return {True: _("Yes"), False: _("No")}.get(value, _("Not filled in"))
    if value in (None, ""):
        return "–"
    if f.is_relation:
        pk = value.pk if isinstance(value, models.Model) else value
        return _related_name(f, pk, village_id) or "–"
    if f.choices:
        return str(dict(f.flatchoices).get(value, value))
    if isinstance(value, datetime):
        local = timezone.localtime(value) if timezone.is_aware(value) else value
        return f"{day_name(local.date())} {local:%H.%M}"
    if isinstance(value, date):
        return month_name(value) if name == "month" else day_name(value)
    if isinstance(value, Decimal | float):
        try:
            number = Decimal(str(value))
            # A weight reads "4,0 kg" as on every other page, not "4 kg": the field's places.
            places = getattr(f, "decimal_places", None)
            number = f"{number:.{places}f}" if places is not None else f"{number.normalize():f}"
            number = number.replace(".", ",")
        except InvalidOperation:
            number = str(value)
        unit = _unit(name)
        return f"{number} {unit}" if unit else number
    return str(value)


def _server_setter(record: models.Model, attname: str) -> tuple[str, datetime | None]:
    """Who saved the current value of `attname`, and when: the oldest history row of the
    newest run of rows holding that value (at most the last 50 rows are read)."""
    current = getattr(record, attname)
    found = None
    rows = record.history.select_related("history_user").order_by("-history_date", "-history_id")
    for row in rows[:50]:
        if getattr(row, attname, None) != current:
            break
        found = row
    if found is None:
        return "", None
    return who(found.history_user), found.history_date


# --------------------------------------------------------------------------------------------
# Describing conflicts


@dataclass
class FieldRow:
    name: str
    label: str
    server: str
    phone: str
    server_by: str = ""
    server_at: datetime | None = None


@dataclass
class Described:
    conflict: Conflict
    kind: str
    name: str
    month: str
    labels: list[str]
    record: models.Model | None = None
    target_url: str | None = None
    month_url: str | None = None
    rows: list[FieldRow] = field(default_factory=list)
    notice: str = ""
    device: str = ""
    choice: str = ""

    @property
    def record_gone(self) -> bool:
        return self.record is None or self.record.deleted_at is not None


def _target_names(conflicts: list[Conflict]) -> dict[str, str]:
    """{target id: name} for the conflicts' targets, deleted ones included (one query per kind)."""
    wanted: dict[str, set] = {}
    for c in conflicts:
        wanted.setdefault(c.target_type, set()).add(c.target_id)
    names: dict[str, str] = {}
    spec = {
        "household": (Household, "head_name"),
        "mother": (Mother, "name"),
        "pregnancy": (Pregnancy, "mother__name"),
        "child": (Child, "name"),
    }
    for kind, ids in wanted.items():
        if kind not in spec:
            continue
        model, column = spec[kind]
        for pk, name in model.objects.filter(pk__in=ids).values_list("pk", column):
            names[str(pk)] = name
    return names


def choice_words(reason: str | None, model: type[models.Model] | None) -> str:
    """What the person chose, from the Conflict's history reason (change_reason's format)."""
    if not reason:
        return ""
    if reason.endswith("server's values"):
        return _("server's data kept")
    if reason.endswith("phone's values"):
        return _("phone's data used")
    match = re.search(r"phone's values for (.+)$", reason)
    if match and model is not None and " of " not in match.group(1):
        labels = [field_label(model, n) for n in match.group(1).split(", ")]
        return _("phone's data used for: %(fields)s") % {"fields": ", ".join(labels)}
    return _("phone's data used for some fields")


def _choices(conflicts: list[Conflict]) -> dict[int, str]:
    """{conflict id: history reason of its resolution}, one query for the whole list."""
    resolved = [c.pk for c in conflicts if c.resolved_at is not None]
    if not resolved:
        return {}
    rows = (
        Conflict.history.filter(id__in=resolved, resolved_at__isnull=False)
        .order_by("history_date")
        .values_list("id", "history_change_reason")
    )
    found: dict[int, str] = {}
    for pk, reason in rows:
        found.setdefault(pk, reason or "")
    return found


def model_of(conflict: Conflict) -> type[models.Model] | None:
    try:
        return apps.get_model(conflict.record_type)
    except (LookupError, ValueError):
        return None


def describe_list(conflicts: list[Conflict]) -> list[Described]:
    """The list's lines: name, kind, month and the labels of the colliding fields."""
    names = _target_names(conflicts)
    reasons = _choices(conflicts)
    out = []
    for c in conflicts:
        model = model_of(c)
        out.append(
            Described(
                conflict=c,
                kind=str(KIND_LABELS.get(c.record_type, c.record_type)),
                name=names.get(str(c.target_id), "–"),
                month=month_name(c.month) if c.month else "",
                labels=[field_label(model, n) if model else n for n in c.conflicting_fields],
                choice=choice_words(reasons.get(c.pk), model),
            )
        )
    return out


def device_of(conflict: Conflict) -> str:
    """The device that sent the conflicting values, when the sync log recorded it."""
    try:
        log = apps.get_model("sync", "SyncOperation")
    except LookupError:
        return ""
    names = {f.name for f in log._meta.get_fields()}
    if not {"device_id", "result"} <= names:
        return ""
    row = (
        log.objects.filter(result__conflict__id=conflict.pk).values_list("device_id", flat=True)
    ).first()
    return row or ""


def describe(conflict: Conflict) -> Described:
    """Everything the review page shows for one conflict."""
    from django.urls import reverse

    from tikar.calendar import quarter_of
    from tikar.monitoring.locks import is_locked, locked_message

    d = describe_list([conflict])[0]
    model = model_of(conflict)
    if model is None:
        return d
    record = model.objects.filter(pk=conflict.record_id).first()
    d.record = record
    d.device = device_of(conflict)
    village = conflict.village_id
    for name in conflict.conflicting_fields:
        try:
            attname = model._meta.get_field(name).attname
        except Exception:  # noqa: BLE001
            attname = name
        row = FieldRow(
            name=name,
            label=field_label(model, name),
            server="–",
            phone=shown(
                model, name, python_value(model, name, conflict.client_fields.get(name)), village
            ),
        )
        if record is not None and record.deleted_at is None and hasattr(record, attname):
            row.server = shown(model, name, getattr(record, attname), village)
            row.server_by, row.server_at = _server_setter(record, attname)
        d.rows.append(row)
    target = _live_target(conflict)
    if target is not None:
        d.target_url = reverse("target", args=[target.pk])
        if conflict.month is not None and not d.record_gone:
            d.month_url = reverse(
                "record_month",
                kwargs={
                    "pk": target.pk,
                    "year": conflict.month.year,
                    "month": conflict.month.month,
                },
            )
    if conflict.resolved_at is None:
        if d.record_gone:
            d.notice = str(RECORD_DELETED)
        elif conflict.month is not None:
            quarter = quarter_of(conflict.month)
            if is_locked(village, conflict.month.year, quarter):
                d.notice = _(
                    "%(locked)s. Until then the phone's values cannot be used; keeping the "
                    "server's data closes this conflict."
                ) % {"locked": locked_message(conflict.month.year, quarter)}
    return d


def _live_target(conflict: Conflict):
    """The target page this conflict belongs to (a mother's: her household's), if alive."""
    model = {
        "household": Household,
        "pregnancy": Pregnancy,
        "child": Child,
        "mother": Mother,
    }.get(conflict.target_type)
    if model is None:
        return None
    found = model.objects.alive().filter(pk=conflict.target_id).first()
    if isinstance(found, Mother):
        return found.household if found.household.deleted_at is None else None
    return found
