"""Writing monthly records: one per target and month, versions, conflicts (offline.md 2-4).

`record_month` is the only way the screens and the sync API write a Formulir 2a/2b/2c record:

- one record per target and month: it looks the month up under the partial unique constraint
  inside a transaction (the row locked with SELECT ... FOR UPDATE on PostgreSQL; SQLite's
  IMMEDIATE transactions already serialise writers) and edits it if it exists. When two saves
  race to create it, the loser hits the constraint, and is retried once, as an edit;
- a replay of the same values changes nothing (no new version, no new change_seq);
- with `base_version` (the version the client last saw), a field the client changes that the
  server also changed since that version is a conflict: the server keeps its value, the
  client's values are stored in a `Conflict`; the fields without a collision are merged.
  `base_version=0` means "the client never saw the server's record" (two phones that created
  the same month offline), so every field the server has set counts as changed by the server.
"""

from __future__ import annotations

import copy
import json
import time
from collections.abc import Callable, Collection
from dataclasses import dataclass, field
from datetime import date
from typing import Any
from uuid import UUID

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.serializers.json import DjangoJSONEncoder
from django.db import IntegrityError, OperationalError, connection, models, transaction

from tikar import clock
from tikar.accounts.scope import scoped
from tikar.calendar import month_name
from tikar.households.models import Child, Pregnancy, Target, lock_for_update
from tikar.households.problems import Problem
from tikar.monitoring import rules
from tikar.monitoring.models import (
    ChildVisit,
    Conflict,
    MonthlyRecord,
    PaudRecord,
    PregnancyVisit,
)

CREATED, UPDATED, UNCHANGED, MERGED, CONFLICT = (
    "created",
    "updated",
    "unchanged",
    "merged",
    "conflict",
)

SQLITE_LOCK_RETRIES = 20

# resolve_conflict's validation of a register record's phone values: (record, chosen, user) ->
# {field name: value}, raising ValidationError (tikar.api.conflicts.register_values).
RegisterValues = Callable[[models.Model, dict[str, Any], Any], dict[str, Any]]

FORM_MODELS: dict[str, type[MonthlyRecord]] = {
    rules.FORM_2A: PregnancyVisit,
    rules.FORM_2B: ChildVisit,
    rules.FORM_2C: PaudRecord,
}


@dataclass
class MonthResult:
    record: MonthlyRecord
    created: bool
    outcome: str  # created | updated | unchanged | merged | conflict
    conflict: Conflict | None = None
    conflicting_fields: tuple[str, ...] = ()
    warnings: list[Problem] = field(default_factory=list)


def model_for(target: Target, month: date, form: str | None = None) -> type[MonthlyRecord]:
    if form is not None:
        model = FORM_MODELS[form]
        if model.TARGET_FIELD != target.KIND:
            raise ValueError(f"form {form} is not for a {target.KIND}")
        return model
    if isinstance(target, Pregnancy):
        return PregnancyVisit
    if isinstance(target, Child):
        cohort = rules.default_child_form(target.birth_date, month)
        if cohort is None:
            raise ValidationError(
                f"{target.name} tidak dipantau bulan {month_name(month)}: pemantauan "
                "anak dari lahir sampai sebelum 6 tahun.",
                code="child_out_of_cohort",
            )
        return FORM_MODELS[cohort]
    raise ValueError(f"no monthly form for {type(target).__name__}")


def _normalise(model: type[models.Model], fields: dict[str, Any]) -> dict[str, Any]:
    """Client values → Python values keyed by attname ("posyandu" → "posyandu_id")."""
    unknown = set(fields) - model.CLIENT_FIELDS
    if unknown:
        raise ValidationError(
            f"Kolom tidak dikenal untuk formulir ini: {', '.join(sorted(unknown))}.",
            code="unknown_fields",
        )
    out: dict[str, Any] = {}
    for name, value in fields.items():
        f = model._meta.get_field(name)
        if f.is_relation:
            value = value.pk if isinstance(value, models.Model) else value
            out[f.attname] = None if value in (None, "") else f.target_field.to_python(value)
        elif isinstance(value, float) and isinstance(f, models.DecimalField):
            # A JSON number (7.6) is read as written, not as the double 7.5999...: a phone's
            # value would otherwise fail "at most 1 decimal place".
            out[f.attname] = f.to_python(repr(value))
        else:
            out[f.attname] = f.to_python(value)
    return out


def _changed_on_server(record: MonthlyRecord, base_version: int, names) -> set[str]:
    """Which of `names` differ between the version the client saw and the current row."""
    if base_version == 0:
        base = type(record)()  # the client never saw a server row: compare with defaults
    else:
        base = record.history.filter(version=base_version).order_by("-history_id").first()
        if base is None:  # that version is unknown: be safe, everything may have changed
            return set(names)
    return {n for n in names if getattr(base, n) != getattr(record, n)}


def _json(values: dict[str, Any]) -> dict[str, Any]:
    return json.loads(json.dumps(values, cls=DjangoJSONEncoder))


def _check_can_write(target: Target, user) -> None:
    if not scoped(type(target).objects.filter(pk=target.pk), user, write=True).exists():
        raise PermissionDenied("Anda tidak berhak mengubah data sasaran ini.")
    if target.deleted_at is not None:
        raise ValidationError(
            "Sasaran ini sudah dihapus; pemantauannya tidak dapat diisi.", code="target_deleted"
        )


def _validate(record: MonthlyRecord, client_attnames) -> None:
    """full_clean, checking only the foreign keys the client sent (`client_attnames`).

    Unique and check constraints are enforced by the database and by this service; the rules
    in clean() give the KPM the reason in words. The other foreign keys were set by the
    server from rows it has just read (the target, its village, the user) or were stored
    before and are kept by the database's own foreign key constraints: full_clean's
    existence query for each of them would only read those rows again.
    """
    exclude = [
        f.name
        for f in record._meta.concrete_fields
        if f.is_relation and f.attname not in client_attnames
    ]
    record.full_clean(exclude=exclude, validate_unique=False, validate_constraints=False)


def _growth_warnings(record: MonthlyRecord, score: dict | None = None) -> list[Problem]:
    """The growth warnings of a measurement; `score` is its WHO results if already computed."""
    if not isinstance(record, ChildVisit) or not record.measured:
        return []
    previous = (
        ChildVisit.objects.alive()
        .filter(child_id=record.child_id, month__lt=record.month, measured=True)
        .order_by("-month")
        .values_list("length_cm", "visit_date")
        .first()
    )
    return rules.growth_warnings(
        score if score is not None else record.score(),
        length_cm=record.length_cm,
        previous_length_cm=previous[0] if previous else None,
        previous_date=previous[1] if previous else None,
    )


def _once(model, target, month, values, raw_fields, user, base_version, record_id):
    lookup = {model.TARGET_FIELD: target, "month": month}
    if model is ChildVisit:
        # The save re-judges the child's other months (monitoring.weighing.refresh_child),
        # which locks the child: taken first, before this month's row, so two saves of one
        # child's months queue on the child instead of each holding a row the other needs.
        lock_for_update(Child.objects.filter(pk=target.pk)).values_list("pk").first()
    record = lock_for_update(model.objects.alive().filter(**lookup)).first()
    # The caller checked the lock of (desa, month) in this transaction (record_month), and the
    # save runs inside it: no savepoint of its own, and no second lock check.
    saving = {"lock_checked": True, "savepoint": False}

    if record is None:
        record = model(**lookup, village_id=target.village_id, created_by=user, **values)
        if record_id is not None:
            record.id = record_id
        _validate(record, values)
        record._history_user = user
        record.save(force_insert=True, **saving)
        return MonthResult(record, True, CREATED)
    # The save reads the target (the z-scores need the child's birth date and sex, the
    # village is copied from it): the caller's copy, as a new record uses, not a second read.
    setattr(record, model.TARGET_FIELD, target)

    client_changes = {n: v for n, v in values.items() if getattr(record, n) != v}
    if not client_changes:
        return MonthResult(record, False, UNCHANGED)  # a replay, or values that already agree

    conflicting: set[str] = set()
    if base_version is not None and base_version < record.version:
        conflicting = _changed_on_server(record, base_version, client_changes)
    server_version = record.version
    if conflicting:
        # The phone's values as a whole must pass the rules too: a value the server would
        # refuse is refused now, in words, not kept in a Conflict that nobody could apply.
        candidate = copy.copy(record)
        for name, value in client_changes.items():
            setattr(candidate, name, value)
        _validate(candidate, client_changes)
    for name, value in client_changes.items():
        if name not in conflicting:
            setattr(record, name, value)
    _validate(record, client_changes)

    conflict = None
    if conflicting:
        conflict = Conflict.objects.create(
            village_id=record.village_id,
            record_type=model._meta.label_lower,
            record_id=record.id,
            target_type=target.KIND,
            target_id=target.pk,
            month=month,
            base_version=base_version,
            server_version=server_version,
            client_fields=_json(raw_fields),
            conflicting_fields=sorted(conflicting),
            created_by=user,
        )
    if len(conflicting) < len(client_changes):
        record._history_user = user
        record.save(**saving)
    if conflicting:
        outcome = CONFLICT
    elif base_version is not None and base_version < server_version:
        outcome = MERGED
    else:
        outcome = UPDATED
    return MonthResult(record, False, outcome, conflict, tuple(sorted(conflicting)))


def record_month(
    target: Pregnancy | Child,
    month: date,
    fields: dict[str, Any],
    user,
    base_version: int | None = None,
    *,
    form: str | None = None,
    record_id: UUID | str | None = None,
) -> MonthResult:
    """Create or edit the record of `target` for `month`; see the module docstring.

    `form` ("2a" | "2b" | "2c") is needed only for a child in the month of its 2nd birthday,
    which appears on both lists; otherwise it follows from the target and its age.
    Raises ValidationError (messages in Bahasa Indonesia) or PermissionDenied.
    """
    from tikar.households.validation import raise_errors
    from tikar.monitoring.locks import ensure_month_open

    _check_can_write(target, user)
    # The month's shape and "not in the future" first: the lock check below computes the
    # month's quarter, and a month like 9999-12 would overflow the calendar there (a 500).
    raise_errors(rules.check_month_key(month, clock.today()))
    result = None
    integrity_retries, lock_retries = 1, SQLITE_LOCK_RETRIES
    while result is None:
        try:
            with transaction.atomic():
                # A quarter validated by the Admin Desa is frozen until reopened (forms.md,
                # Formulir 4). Checked once, first (the clearest message before any other),
                # inside the transaction that saves: on SQLite no validation can commit in
                # between, and the save below is told it was checked (no second query).
                ensure_month_open(target.village_id, month)
                model = model_for(target, month, form)
                values = _normalise(model, fields)
                if record_id is not None and not isinstance(record_id, UUID):
                    record_id = UUID(str(record_id))
                result = _once(model, target, month, values, fields, user, base_version, record_id)
        except IntegrityError:
            # Another save created this month between our look-up and our insert: the retry
            # finds it and edits it. A second failure is a real integrity problem.
            if not integrity_retries:
                raise
            integrity_retries -= 1
        except OperationalError as exc:
            # SQLite answers "locked" instead of waiting when its busy timeout runs out, and
            # always in shared-cache mode (the in-memory test database): wait and try again.
            if connection.vendor != "sqlite" or "locked" not in str(exc) or not lock_retries:
                raise
            lock_retries -= 1
            time.sleep(0.02 * (SQLITE_LOCK_RETRIES - lock_retries))
    assert result is not None
    # A save in this call scored the record as it now is (ChildVisit.save): not scored again.
    result.warnings = _growth_warnings(
        result.record, result.record.__dict__.pop("_saved_score", None)
    )
    return result


def resolve_conflict(
    conflict: Conflict,
    user,
    *,
    accept_client: bool = False,
    client_fields: Collection[str] | None = None,
    seen_version: int | None = None,
    register_values: RegisterValues | None = None,
) -> models.Model | None:
    """Close a conflict: the phone's values of `client_fields` replace the server's.

    `client_fields`: which of `conflict.conflicting_fields` take the phone's value (the others
    keep the server's); None means all of them when `accept_client`, none otherwise. Works for
    monthly records (Formulir 2a/2b/2c, through the same `_normalise`/`_validate` as
    `record_month`) and register records (household, mother, pregnancy, child, through the
    API serializer's validation: the model's clean(), KIA uniqueness, the relations; warnings
    count as confirmed, as they never block a sync). A KPM may not change a verified register
    target, as on the correction screens.

    One transaction with the Conflict row locked first: a second resolve (a double tap, two
    people at once) waits, then finds it resolved and changes nothing. The record is saved
    with a new version and change_seq (phones download it), a history
    row by `user` with the reason "conflict <id>: phone's values" (or "... phone's values for
    a, b" when only some fields). The Conflict's own history row keeps resolved_by/at with
    the reason of the choice ("conflict <id>: server's values" when nothing was taken).

    Keeping the server's values saves the record too (a new version, the same values), so
    the phone whose values were not taken downloads it and stops showing "perlu diperiksa".

    `seen_version`: the record's version the person saw when choosing; a record changed since
    is refused (code "record_changed") so nobody overwrites a value they never saw.

    `register_values(record, chosen, user) -> {field: value}`: the validation of a register
    record's phone values (`tikar.api.conflicts.register_values`, the API serializer's rules),
    passed in by the caller because the serializers sit above monitoring; required only when
    the phone's values of a register record are taken (TypeError otherwise).

    Raises ValidationError (Bahasa Indonesia) with code "already_resolved", "record_deleted"
    (the phone's values asked for a record deleted since), "record_changed",
    "quarter_locked", "verified", or the field errors of the model's rules;
    PermissionDenied when `user` may not change the conflict's desa.
    Returns the record (None when it no longer exists).
    """
    from django.apps import apps
    from django.utils import timezone

    from tikar.monitoring import conflicts as texts

    if client_fields is None:
        client_fields = conflict.conflicting_fields if accept_client else ()
    taken = [n for n in conflict.conflicting_fields if n in set(client_fields)]
    model = apps.get_model(conflict.record_type)
    with transaction.atomic():
        current = lock_for_update(
            scoped(Conflict.objects.filter(pk=conflict.pk), user, write=True)
        ).first()
        if current is None:
            raise PermissionDenied(texts.NOT_YOURS)
        if current.resolved_at is not None:
            raise ValidationError(texts.already_resolved(current, user), code="already_resolved")
        record = lock_for_update(model.objects.filter(pk=conflict.record_id)).first()
        alive = record is not None and record.deleted_at is None
        if taken and not alive:
            raise ValidationError(texts.RECORD_DELETED, code="record_deleted")
        if taken and seen_version is not None and record.version != seen_version:
            raise ValidationError(texts.RECORD_CHANGED, code="record_changed")
        # A number stored as a JSON float (7.6) is read as written, not as 7.5999...
        chosen = {
            n: repr(v) if isinstance(v, float) else v
            for n, v in ((n, conflict.client_fields.get(n)) for n in taken)
        }
        if chosen and isinstance(record, MonthlyRecord):
            values = _normalise(model, chosen)
            changes = {n: v for n, v in values.items() if getattr(record, n) != v}
        elif chosen:
            if register_values is None:
                raise TypeError("resolve_conflict needs register_values for a register record")
            texts.refuse_verified(record, user)
            values = register_values(record, chosen, user)
            changes = {n: v for n, v in values.items() if getattr(record, n) != v}
        else:
            changes = {}
        reason = texts.change_reason(conflict.pk, taken, conflict.conflicting_fields)
        if changes:
            for name, value in changes.items():
                setattr(record, name, value)
            if isinstance(record, MonthlyRecord):
                _validate(record, changes)  # the lock of its quarter is checked by save()
            record._history_user = user
            record._change_reason = reason
            record.save()
        elif alive:
            # The server's values stay, but the record still gets a new version (and a history
            # row saying the choice): the phone that sent the other values holds the record
            # as "perlu diperiksa" until its version moves, and only a download tells it.
            try:
                with transaction.atomic():
                    record._history_user = user
                    record._change_reason = reason
                    record.save(update_fields=["updated_at"])
            except ValidationError:
                pass  # a validated quarter: the record stays as it is; the conflict closes
        current.resolved_at = timezone.now()
        current.resolved_by = user
        current._history_user = user
        current._change_reason = reason
        current.save()
    conflict.resolved_at, conflict.resolved_by = current.resolved_at, user
    return record
